"""Images in exports: HTML embeds them (data: URIs only), Markdown writes them beside the
file, JSON carries them and imports them back identical; a private block's image stays."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from journal.domain.attachments import image_markdown
from journal.domain.filters import EntryFilter
from journal.importers.images import prepare_image
from journal.paths import AppPaths
from journal.rendering.export import CSP
from journal.services.attachments import store_images
from journal.services.journal import Journal
from tests.helpers import run_cli as run
from tests.image_samples import CAMERA, encoded, jpeg_with_gps, noise, png_with_text

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path


def journal_with_images(paths: AppPaths) -> tuple[str, str, str]:
    """Entry 1 shows a photo and a diagram; its private block holds a third image."""
    photo, diagram, secret = (
        prepare_image(jpeg_with_gps()),
        prepare_image(png_with_text(11)),
        prepare_image(encoded(noise((12, 12), seed=12), "PNG")),
    )
    with Journal.open(paths) as journal:
        public = store_images(journal, [photo, diagram])
        hidden = store_images(journal, [secret])[0]
        journal.add(f"The board.\n\n{public[0]}\n\n{public[1]}\n\n```private\n{hidden}\n```\n")
        journal.add("No images here.")
    return photo.sha256, diagram.sha256, secret.sha256


def test_html_embeds_the_public_images_as_data_uris(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    photo, _diagram, secret = journal_with_images(paths)
    code, page, err = run(capsys, "export", "--format", "html")
    assert code == 0, err
    assert "img-src data:;" in CSP and CSP.count("img-src") == 1
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert len(sources) == 2 and all(s.startswith("data:image/") for s in sources)
    assert "attachment:" not in page and secret not in page and "http" not in "".join(sources)
    with Journal.open(paths) as journal:
        stored = journal.store.attachments.get(photo)
    assert stored is not None and base64.b64encode(stored.data).decode() in page
    assert CAMERA not in base64.b64decode(sources[0].split(",", 1)[1]).decode("latin-1")


def test_markdown_to_a_file_writes_the_images_beside_it(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    photo, diagram, secret = journal_with_images(paths)
    out = tmp_path / "share" / "notes.md"
    out.parent.mkdir()
    code, _, err = run(capsys, "export", "-o", str(out))
    assert code == 0 and "wrote 2 images to" in err
    text = out.read_text()
    assert f"](attachments/{photo}.jpg)" in text and f"](attachments/{diagram}.png)" in text
    assert "attachment:" not in text and secret not in text
    files = sorted(p.name for p in (out.parent / "attachments").iterdir())
    assert files == sorted([f"{photo}.jpg", f"{diagram}.png"])
    for name in files:
        data = (out.parent / "attachments" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == name.split(".")[0]
    code, _, err = run(capsys, "export", "-o", str(out), "--force")  # again: same files
    assert code == 0 and len(list((out.parent / "attachments").iterdir())) == 2


def test_split_markdown_links_each_file_to_the_folder(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    photo, _diagram, _secret = journal_with_images(paths)
    folder = tmp_path / "split"
    code, _, err = run(capsys, "export", "--split", "-o", str(folder))
    assert code == 0 and "wrote 2 images" in err
    first = next(p for p in folder.glob("*.md") if "board" in p.read_text().lower())
    assert f"](attachments/{photo}.jpg)" in first.read_text()
    assert (folder / "attachments" / f"{photo}.jpg").is_file()


def test_markdown_to_stdout_says_how_many_images_it_left_out(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_with_images(paths)
    code, out, err = run(capsys, "export")
    assert code == 0 and "left out 2 images" in err and "The board." in out
    code, out, err = run(capsys, "export", "--include-private")
    assert code == 0 and "left out 3 images" in err


def test_json_carries_the_images_and_imports_them_back_identical(
    paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hashes = journal_with_images(paths)
    dump = tmp_path / "all.json"
    assert run(capsys, "export", "-o", str(dump))[0] == 0
    doc = json.loads(dump.read_text())
    assert doc["version"] == 2
    assert sorted(e["attachment"] for e in doc["entries"] if "attachment" in e) == sorted(hashes)
    with Journal.open(paths) as journal:
        before = journal.store.attachments.get_many(hashes)
        bodies = [e.body for e in journal.list_entries(journal_filter(), limit=None)]
    other = tmp_path / "other"
    monkeypatch.setenv("DAYBOOK_HOME", str(other))
    code, _, err = run(capsys, "import", "json", str(dump))
    assert code == 0, err
    with Journal.open(AppPaths(other)) as journal:
        after = journal.store.attachments.get_many(hashes)
        assert [e.body for e in journal.list_entries(journal_filter(), limit=None)] == bodies
    assert after == before  # byte for byte
    assert run(capsys, "check")[0] == 0
    code, _, err = run(capsys, "import", "json", str(dump))  # again: nothing added twice
    assert code == 0
    with Journal.open(AppPaths(other)) as journal:
        assert len(journal.store.attachments.hashes()) == 3


def journal_filter() -> EntryFilter:
    return EntryFilter(include_private=True)


def _dump(image: Mapping[str, object], body: str) -> str:
    entry = {"uid": "u1", "day": "2026-03-02", "created": "2026-03-02T18:00:00+00:00",
             "body": body}  # fmt: skip
    return json.dumps({"format": "daybook", "version": 2, "entries": [image, entry]})


def test_an_imported_image_with_metadata_is_re_encoded_and_relinked(
    journal: Journal, tmp_path: Path
) -> None:
    raw = jpeg_with_gps()
    sha = hashlib.sha256(raw).hexdigest()
    image = {"attachment": sha, "mime": "image/jpeg", "data": base64.b64encode(raw).decode()}
    source = tmp_path / "crafted.json"
    source.write_text(_dump(image, f"see {image_markdown(sha)}"))
    journal.import_file("json", source)
    (stored,) = journal.store.attachments.get_many(journal.store.attachments.hashes()).values()
    assert stored.sha256 != sha and CAMERA.encode() not in stored.data
    assert dict(Image.open(io.BytesIO(stored.data)).getexif()) == {}
    (entry,) = journal.list_entries(journal_filter(), limit=None)
    assert f"attachment:{stored.sha256}" in entry.body and sha not in entry.body


@pytest.mark.parametrize(
    ("image", "said"),
    [
        ({"attachment": "0" * 64, "data": base64.b64encode(b"x").decode()}, "does not match"),
        ({"attachment": "xyz", "data": ""}, "64 lower-case hex"),
        ({"attachment": "0" * 64, "data": "!!!"}, "not valid base64"),
        ({"attachment": "0" * 64, "data": 5}, "in base64"),
        (
            {
                "attachment": hashlib.sha256(b"<svg/>").hexdigest(),
                "data": base64.b64encode(b"<svg/>").decode(),
            },
            "SVG",
        ),
    ],
)
def test_a_bad_image_in_an_import_imports_nothing(
    journal: Journal, tmp_path: Path, image: dict[str, object], said: str
) -> None:
    from journal.errors import ImportFormatError

    source = tmp_path / "bad.json"
    source.write_text(_dump(image, "text"))
    with pytest.raises(ImportFormatError, match=said):
        journal.import_file("json", source)
    assert journal.store.attachments.hashes() == set() and journal.store.count() == 0
