"""Day One photos: a .zip's photos come in as the journal's images, without metadata."""

from __future__ import annotations

import json
import zipfile
from typing import TYPE_CHECKING

from journal.domain.attachments import references
from journal.domain.filters import EntryFilter
from tests.image_samples import CAMERA, encoded, jpeg_with_gps, noise

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.journal import Journal

SHOWN, UNSHOWN, ABSENT, DRAWING = "AAA111", "BBB222", "CCC333", "DDD444"


def photo(ident: str, md5: str, kind: str = "jpeg") -> dict[str, object]:
    return {"identifier": ident, "md5": md5, "type": kind}


def make_zip(tmp_path: Path) -> Path:
    entry = {
        "uuid": "E1",
        "creationDate": "2024-05-17T12:00:00Z",
        "timeZone": "UTC",
        "text": f"# Offsite\n\nThe board: ![whiteboard](dayone-moment://{SHOWN})\n\nDone.",
        "photos": [
            photo(SHOWN, "aa11"),
            photo(UNSHOWN, "bb22", "png"),
            photo(ABSENT, "cc33"),
            photo(DRAWING, "dd44", "svg"),
        ],
    }
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Journal.json", json.dumps({"metadata": {}, "entries": [entry]}))
        zf.writestr("photos/aa11.jpeg", jpeg_with_gps(21))
        zf.writestr("photos/bb22.png", encoded(noise(seed=22), "PNG"))
        zf.writestr("photos/dd44.svg", b"<svg onload='alert(1)'/>")
    return archive


def test_photos_are_imported_as_images_and_the_rest_reported(
    journal: Journal, tmp_path: Path
) -> None:
    report = journal.import_file("dayone", make_zip(tmp_path))
    assert report.added == 1
    (entry,) = journal.list_entries(EntryFilter(), limit=None)
    shas = references(entry.body)
    assert len(shas) == 2 and "dayone-moment" not in entry.body
    assert entry.body.startswith(f"The board: ![whiteboard](attachment:{shas[0]})")
    assert entry.body.endswith(f"Done.\n\n![](attachment:{shas[1]})")
    stored = journal.store.attachments.get_many(shas)
    assert set(stored) == set(shas) and CAMERA.encode() not in stored[shas[0]].data
    notes = "\n".join(report.skipped_notes)
    assert f"photo {ABSENT}" in notes and "not in the .zip" in notes
    assert f"photo {DRAWING}" in notes and "SVG" in notes
    assert SHOWN not in notes and UNSHOWN not in notes
    again = journal.import_file("dayone", make_zip(tmp_path))
    assert again.added == 0 and len(journal.store.attachments.hashes()) == 2


def test_a_dry_run_stores_no_photo(journal: Journal, tmp_path: Path) -> None:
    journal.import_file("dayone", make_zip(tmp_path), dry_run=True)
    assert journal.store.attachments.hashes() == set()
