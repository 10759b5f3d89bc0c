"""Local images of imported notes (Markdown daily notes, RedNotebook pictures): taken into
the journal through the same checks as any image, only from inside the imported folder."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.attachments import references
from journal.domain.filters import EntryFilter
from tests.image_samples import CAMERA, SERIAL, encoded, jpeg_with_gps, noise

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.journal import Journal


def png(seed: int) -> bytes:
    return encoded(noise(seed=seed), "PNG")


def bodies(journal: Journal) -> list[str]:
    return [e.body for e in journal.list_entries(EntryFilter(), limit=None)]


def only_body(journal: Journal) -> str:
    (body,) = bodies(journal)
    return body


def note(folder: Path, text: str, day: str = "2026-11-20") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day}.md"
    path.write_text(text, encoding="utf-8")
    return path


# -- Markdown notes --------------------------------------------------------------------------


def test_a_notes_relative_images_become_the_journals_without_metadata(
    journal: Journal, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    (vault / "pics").mkdir(parents=True)
    (vault / "pics" / "board photo.jpg").write_bytes(jpeg_with_gps())
    (vault / "pics" / "graph.png").write_bytes(png(2))
    note(
        vault / "daily",
        "# Retro\n\nThe board: ![whiteboard](../pics/board%20photo.jpg)\n\n"
        '![graph](<../pics/graph.png> "the graph")\n\nand again ![](../pics/graph.png)\n',
    )
    report = journal.import_file("markdown", vault)
    assert report.added == 1 and report.skipped_notes == []
    body = only_body(journal)
    shas = references(body)
    assert len(shas) == 2 and body.count("attachment:") == 3  # the graph stored once
    assert "![whiteboard](attachment:" in body and "![graph](attachment:" in body
    assert "pics/" not in body
    stored = journal.store.attachments.get_many(shas)
    assert set(stored) == set(shas)
    for image in stored.values():
        assert CAMERA.encode() not in image.data and SERIAL.encode() not in image.data
        assert b"Exif" not in image.data


def test_importing_the_notes_again_adds_nothing(journal: Journal, tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.png").write_bytes(png(1))
    note(vault, "![](a.png)")
    assert journal.import_file("markdown", vault).added == 1
    again = journal.import_file("markdown", vault)
    assert again.added == 0 and len(journal.store.attachments.hashes()) == 1


def test_obsidian_embeds_beside_the_note_or_at_the_vault_root(
    journal: Journal, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    (vault / "daily").mkdir(parents=True)
    (vault / "root.png").write_bytes(png(3))
    (vault / "daily" / "near.png").write_bytes(png(4))
    note(vault / "daily", "![[near.png]] and ![[root.png|300]] and ![[Other note]]")
    journal.import_file("markdown", vault)
    body = only_body(journal)
    assert len(references(body)) == 2 and "![[Other note]]" in body


@pytest.mark.parametrize(
    "link",
    [
        "../outside.png",  # up and out
        "../../outside.png",
        "sub/../../outside.png",
        "OUTSIDE_ABS",  # an absolute path elsewhere
        "file://OUTSIDE_ABS",
        "link-out.png",  # a link inside pointing out
        "linkdir/outside.png",  # through a linked folder
    ],
)
def test_nothing_is_taken_from_outside_the_folder(
    journal: Journal, tmp_path: Path, link: str
) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(9))
    vault = tmp_path / "notes" / "vault"
    (vault / "sub").mkdir(parents=True)
    (vault / "link-out.png").symlink_to(outside)
    (vault / "linkdir").symlink_to(tmp_path)
    link = link.replace("OUTSIDE_ABS", str(outside))
    note(vault, f"see ![x]({link})")
    report = journal.import_file("markdown", vault)
    assert report.added == 1 and journal.store.attachments.hashes() == set()
    assert f"![x]({link})" in only_body(journal)  # kept as written
    assert any("not imported" in n for n in report.skipped_notes)


def test_a_link_inside_to_an_image_inside_is_followed(journal: Journal, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "assets").mkdir(parents=True)
    (vault / "assets" / "a.png").write_bytes(png(5))
    (vault / "alias.png").symlink_to(vault / "assets" / "a.png")
    note(vault, "![](alias.png)")
    journal.import_file("markdown", vault)
    assert len(references(only_body(journal))) == 1


def test_missing_refused_and_odd_files_are_listed_and_kept_as_written(
    journal: Journal, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    (vault / "folder.png").mkdir()
    (vault / "notes.txt.png").write_text("not an image")
    os.mkfifo(vault / "pipe.png")  # opening it for reading would wait for ever
    text = (
        "![a](missing.png) ![b](drawing.svg) ![c](folder.png) ![d](notes.txt.png) "
        "![e](pipe.png) ![f](https://example.org/remote.png) ![g](data:image/png;base64,AAAA)"
    )
    note(vault, text)
    report = journal.import_file("markdown", vault)
    assert report.added == 1 and only_body(journal) == text
    assert journal.store.attachments.hashes() == set()
    listed = "\n".join(report.skipped_notes)
    for name, why in [
        ("missing.png", "missing"),
        ("drawing.svg", "SVG"),
        ("folder.png", "folder"),
        ("notes.txt.png", "not a PNG"),
        ("pipe.png", "named pipe"),
    ]:
        assert any(name in n and why in n for n in report.skipped_notes), (name, listed)
    assert "remote.png" not in listed and "data:" not in listed  # not ours to fetch


def test_images_in_code_are_left_alone(journal: Journal, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "a.png").write_bytes(png(6))
    text = (
        "```\n![](a.png)\n```\n\n~~~~md\n![](a.png)\n```\n~~~~\n\n"
        "inline `![](a.png)` and ``![](a.png)`` here"
    )
    note(vault, text)
    report = journal.import_file("markdown", vault)
    assert only_body(journal) == text and report.skipped_notes == []
    assert journal.store.attachments.hashes() == set()


def test_a_dry_run_stores_no_image(journal: Journal, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "a.png").write_bytes(png(7))
    note(vault, "![](a.png)")
    assert journal.import_file("markdown", vault, dry_run=True).added == 1
    assert journal.store.attachments.hashes() == set() and bodies(journal) == []


_SEGMENTS = st.sampled_from(["..", ".", "in", "sub", "out", "link", "%2E%2E", "a.png", "o.png"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(_SEGMENTS, min_size=1, max_size=6), absolute=st.booleans())
def test_property_no_path_reaches_a_file_outside(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str], absolute: bool
) -> None:
    """Whatever relative or absolute path a note gives, an image outside the folder is
    never read into the journal (the only images outside are `out/o.png` and `o.png`)."""
    from journal.importers.markdown_notes import iter_markdown_notes

    root = tmp_path_factory.mktemp("p")
    outside = png(11)
    (root / "out").mkdir()
    (root / "out" / "o.png").write_bytes(outside)
    (root / "o.png").write_bytes(outside)
    vault = root / "vault"
    (vault / "in" / "sub").mkdir(parents=True)
    (vault / "in" / "a.png").write_bytes(png(12))
    (vault / "in" / "link").symlink_to(root / "out")
    link = "/".join(parts)
    if absolute:
        link = str(vault / "in") + "/" + link
    note(vault / "in", f"![]({link})")
    images: dict[str, object] = {}
    notes: list[str] = []
    list(iter_markdown_notes(vault, notes, images=images))  # type: ignore[arg-type]
    from journal.importers.images import prepare_image

    assert set(images) <= {prepare_image(png(12)).sha256}
    assert prepare_image(outside).sha256 not in images


# -- RedNotebook -----------------------------------------------------------------------------


def month(folder: Path, text: str) -> None:
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2024-05.txt").write_text(yaml.safe_dump({17: {"text": text}}), encoding="utf-8")


def test_rednotebook_pictures_inside_the_data_folder_are_imported(
    journal: Journal, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "pics").mkdir(parents=True)
    (data / "pics" / "team day.jpg").write_bytes(jpeg_with_gps())
    (data / "pics" / "chart.png").write_bytes(png(21))
    month(
        data,
        f'Offsite [""file://{data}/pics/team%20day"".jpg] and\n'
        f'[the chart ""{data}/pics/chart"".png?250] and [""pics/chart"".png]',
    )
    report = journal.import_file("rednotebook", data)
    body = only_body(journal)
    assert report.added == 1 and len(references(body)) == 2
    assert body.count("](attachment:") == 3 and "file://" not in body and '""' not in body
    assert not [n for n in report.skipped_notes if "not imported" in n or "picture [" in n]
    for image in journal.store.attachments.get_many(references(body)).values():
        assert CAMERA.encode() not in image.data


def test_rednotebook_pictures_outside_or_missing_are_listed(
    journal: Journal, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(png(22))
    data = tmp_path / "data"
    data.mkdir()
    (data / "out.png").symlink_to(outside)
    month(
        data,
        f'A [""file://{tmp_path}/elsewhere"".png] B [""{data}/gone"".png] '
        f'C [""out"".png] D [""{data}/../elsewhere"".png]',
    )
    report = journal.import_file("rednotebook", data)
    assert journal.store.attachments.hashes() == set()
    notes = report.skipped_notes
    assert sum(" is outside " in n for n in notes) == 3, notes
    assert sum(" is missing" in n for n in notes) == 1
    assert "2024-05.txt, line 1" in "\n".join(notes)
