"""Images inside the journal: re-encoded without metadata, checked, stored once, purged
with their last entry, reported by `daybook check`."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from journal.domain.attachments import MAX_INPUT_BYTES, image_markdown, references
from journal.errors import InputError
from journal.importers.images import prepare_image, read_image_file
from journal.paths import AppPaths
from journal.services.attachments import first_images
from journal.services.journal import Journal
from tests.helpers import run_cli as run
from tests.image_samples import (
    CAMERA,
    SERIAL,
    encoded,
    gif_animation,
    jpeg_with_gps,
    noise,
    png_header,
    png_with_text,
)

if TYPE_CHECKING:
    from pathlib import Path

    from journal.paths import AppPaths
    from journal.services.journal import Journal

# -- ingest ----------------------------------------------------------------------------------


def test_a_jpeg_loses_its_gps_camera_and_serial() -> None:
    original = jpeg_with_gps()
    assert CAMERA.encode() in original and SERIAL.encode() in original  # really there
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    stored = prepare_image(original, "holiday-in-berlin.jpg")
    assert stored.mime == "image/jpeg"
    for marker in (CAMERA.encode(), SERIAL.encode(), b"Exif", b"holiday-in-berlin", b"GPS"):
        assert marker not in stored.data
    again = Image.open(io.BytesIO(stored.data))
    assert dict(again.getexif()) == {}
    assert "exif" not in again.info and "icc_profile" not in again.info
    assert again.size == (64, 48)


def test_png_text_chunks_are_dropped() -> None:
    original = png_with_text()
    assert SERIAL.encode() in original
    stored = prepare_image(original, "scan.png")
    assert stored.mime == "image/png"
    assert SERIAL.encode() not in stored.data and b"tEXt" not in stored.data
    assert Image.open(io.BytesIO(stored.data)).tobytes() == noise(seed=2).tobytes()  # lossless


def test_the_camera_rotation_is_applied_before_it_is_dropped() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show
    stored = prepare_image(encoded(noise((40, 10)), "JPEG", exif=exif), "p.jpg")
    assert (stored.width, stored.height) == (10, 40)


def test_the_same_image_twice_is_the_same_attachment() -> None:
    first = prepare_image(jpeg_with_gps(), "a.jpg")
    second = prepare_image(jpeg_with_gps(), "another-name.jpg")
    assert first == second
    assert prepare_image(png_with_text(3)).sha256 != prepare_image(png_with_text(4)).sha256


def test_gif_keeps_its_first_frame_and_webp_is_taken() -> None:
    gif = prepare_image(gif_animation(), "anim.gif")
    assert gif.mime == "image/png"
    assert Image.open(io.BytesIO(gif.data)).convert("RGB").getpixel((5, 5)) == (255, 0, 0)
    webp = prepare_image(encoded(noise(mode="RGBA"), "WEBP", lossless=True, exact=True), "w.webp")
    back = Image.open(io.BytesIO(webp.data))
    assert webp.mime == "image/png" and back.mode == "RGBA"
    assert back.tobytes() == noise(mode="RGBA").tobytes()


@pytest.mark.parametrize(
    ("data", "name", "said"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "x.svg",
            "SVG",
        ),
        (b'<?xml version="1.0"?>\n<svg/>', "drawing.png", "SVG"),
        (b"  <svg onload='x'/>", "pic", "SVG"),
        (b"hello, I am text", "notes.txt", "not a PNG, JPEG, WebP or GIF"),
        (b"", "empty.png", "not a PNG, JPEG, WebP or GIF"),
        (b"BM" + b"\0" * 60, "old.bmp", "not a PNG, JPEG, WebP or GIF"),
        (b"%PDF-1.4\n", "doc.pdf", "not a PNG, JPEG, WebP or GIF"),
        (png_header(10_000, 4_001), "huge.png", "megapixels"),
        (png_header(2**31 - 1, 2**31 - 1), "bomb.png", "megapixels"),
        (png_header(20, 20), "cut.png", "damaged"),
        (jpeg_with_gps()[:200], "cut.jpg", "damaged"),
    ],
)
def test_what_is_refused_is_refused_in_one_line(data: bytes, name: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        prepare_image(data, name)
    assert said in str(caught.value) and "\n" not in str(caught.value)


def test_a_file_over_the_cap_is_refused_before_decoding(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(png_with_text() + b"\0" * MAX_INPUT_BYTES)
    with pytest.raises(InputError, match=r"larger than 20\.0 MB"):
        read_image_file(big)


def test_reading_a_missing_file_or_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="there is no file"):
        read_image_file(tmp_path / "absent.png")
    with pytest.raises(InputError, match="is a folder"):
        read_image_file(tmp_path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=600),
    st.sampled_from([b"", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"\xff\xd8\xff", b"RIFF"]),
)
def test_any_bytes_are_an_image_or_one_clear_error(data: bytes, magic: bytes) -> None:
    try:
        stored = prepare_image(magic + data, "fuzz")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert Image.open(io.BytesIO(stored.data)).size == (stored.width, stored.height)


def test_references_are_read_from_markdown() -> None:
    sha = "ab" * 32
    other = "cd" * 32
    text = f"{image_markdown(sha, 'a [board]')}, ![x](attachment:{sha}) ![y](attachment:{other})"
    assert references(text) == [sha, "cd" * 32]
    assert image_markdown(sha, "a [board]\nphoto") == f"![a board photo](attachment:{sha})"
    assert references("attachment:" + "AB" * 32) == []


# -- storage ---------------------------------------------------------------------------------


def test_stored_once_and_read_back_identical(journal: Journal) -> None:
    image = prepare_image(jpeg_with_gps())
    assert journal.store.attachments.put(image) is True
    assert journal.store.attachments.put(image) is False
    assert journal.store.attachments.get(image.sha256) == image
    assert journal.store._query("SELECT count(*) FROM attachments", ())[0][0] == 1
    assert journal.store.attachments.get("0" * 64) is None


def _holding(home: Path, needle: bytes) -> list[str]:
    return sorted(f.name for f in home.glob("journal.sqlite3*") if needle in f.read_bytes())


def test_a_purge_scrubs_the_images_only_its_entries_used(
    journal: Journal, paths: AppPaths, tmp_path: Path
) -> None:
    from journal.services.attachments import attach

    shared, alone = tmp_path / "shared.png", tmp_path / "alone.png"
    shared.write_bytes(png_with_text(5))
    alone.write_bytes(png_with_text(6))
    keep = journal.add("kept entry")
    gone = journal.add("going")
    attach(journal, keep.id, [shared])
    attach(journal, gone.id, [shared, alone])
    images = journal.store.attachments
    stored = {p.name: prepare_image(p.read_bytes()) for p in (shared, alone)}
    needle = stored["alone.png"].data[100:164]
    assert _holding(paths.home, needle)
    journal.delete(gone.id)
    assert images.hashes() == {a.sha256 for a in stored.values()}  # the Trash still uses it
    journal.purge([gone.id])
    assert images.hashes() == {stored["shared.png"].sha256}
    assert _holding(paths.home, needle) == []  # scrubbed, not just unlinked


def test_emptying_the_trash_removes_their_images(journal: Journal) -> None:
    from journal.services.attachments import store_images, with_images

    image = prepare_image(png_with_text(7))
    entry = journal.add(with_images("text", store_images(journal, [image])))
    journal.delete(entry.id)
    journal.empty_trash()
    assert journal.store.attachments.hashes() == set()


# -- command line ----------------------------------------------------------------------------


def test_add_with_images_and_attach(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    photo, board = tmp_path / "photo.jpg", tmp_path / "board.png"
    photo.write_bytes(jpeg_with_gps())
    board.write_bytes(png_with_text())
    code, out, err = run(
        capsys, "add", "the whiteboard", "--image", str(photo), "--image", str(board)
    )
    assert code == 0, err
    entry_id = out.strip()
    code, out, _ = run(capsys, "show", entry_id)
    assert out.count("](attachment:") == 2 and "photo" not in out.replace("photo.jpg", "")
    code, _, err = run(capsys, "attach", entry_id, str(photo))
    assert code == 0 and "attached 1 image to entry" in err
    code, out, _ = run(capsys, "show", entry_id)
    assert out.count("](attachment:") == 3
    code, out, err = run(capsys, "check")
    assert code == 0 and "ok:" in out and "image" not in err


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"<svg/>", "SVG"), (b"not an image", "not a PNG"), (None, "there is no file")],
)
def test_a_refused_image_adds_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, said: str
) -> None:
    bad = tmp_path / "bad.img"
    if content is not None:
        bad.write_bytes(content)
    code, _, err = run(capsys, "add", "words", "--image", str(bad))
    assert code == 1 and said in err and err.count("\n") == 1 and "Traceback" not in err
    run(capsys, "add", "first")
    code, _, err = run(capsys, "attach", "1", str(bad))
    assert code == 1 and said in err
    code, out, _ = run(capsys, "list")
    assert " 1  " in out and " 2  " not in out and "attachment:" not in run(capsys, "show", "1")[1]


def test_check_reports_missing_and_orphaned_images(
    capsys: pytest.CaptureFixture[str], journal: Journal
) -> None:
    orphan = prepare_image(png_with_text(8))
    journal.store.attachments.put(orphan)
    journal.add(f"lost ![](attachment:{'e' * 64})")
    journal.close()
    code, _, err = run(capsys, "check")
    assert code == 1
    assert f"problem: entry 1: {'e' * 64} refers to an image" in err
    assert "1 stored image(s) are used by no entry" in err and orphan.sha256[:12] in err


# -- the first image of each entry (the timeline's thumbnails) ------------------------------


_SHA = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)
_PIECE = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["attachment:", "xattachment:", "_attachment:", "![](", ")", " ", "\n"]),
    _SHA.map(lambda s: f"attachment:{s}"),
    _SHA.map(lambda s: f"attachment:{s[:40]}"),
    _SHA.map(lambda s: f"attachment:{s}f"),
    _SHA.map(lambda s: f"attachment:{s.upper()}"),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bodies=st.lists(st.lists(_PIECE, max_size=8).map("".join), min_size=1, max_size=6))
def test_first_references_agree_with_reading_the_whole_body(
    journal: Journal, bodies: list[str]
) -> None:
    """What SQLite finds without reading the bodies is what `references` finds in them."""
    ids = []
    for body in bodies:
        ids.append(journal.add(body or "x", title="t").id)
    expected = {
        entry_id: references(body)[0]
        for entry_id, body in zip(ids, bodies, strict=True)
        if references(body)
    }
    assert journal.store.attachments.first_references(ids) == expected
    assert first_images(journal, [*ids, 10**9]) == expected  # an unknown id: nothing
