"""Day One: the JSON export (.zip or .json) and Day One classic's .dayone folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.errors import ImportFormatError
from journal.importers.dayone import iter_dayone, iter_dayone_json

if TYPE_CHECKING:
    from journal.domain.entry import NewEntry
    from journal.services.journal import Journal

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
PEERS = Path(__file__).resolve().parents[4] / "shared" / "data" / "peers" / "jrnl"
JOURNAL_JSON = FIXTURES / "dayone_journal.json"


def read(path: Path) -> tuple[list[NewEntry], list[str]]:
    notes: list[str] = []
    return list(iter_dayone(path, notes)), notes


def make_zip(tmp_path: Path) -> Path:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(JOURNAL_JSON, "Journal.json")
        zf.writestr("photos/0cc175b9c0f1b6a831c399e269772661.jpeg", b"\xff\xd8\xff")
    return archive


def test_json_fixture_entries_exactly() -> None:
    (release, tokyo), notes = read(JOURNAL_JSON)
    # 22:30 UTC on the 17th is 15:30 in Los Angeles: the 17th there.
    assert release.day == dt.date(2024, 5, 17)
    assert release.created.utcoffset() == dt.timedelta(hours=-7)
    assert (release.created.hour, release.created.minute) == (15, 30)
    assert release.updated is not None and release.updated.hour == 0
    assert release.title == "Shipped the release"
    assert release.body == "The deploy went well.\n\nNext: write it up #retro"
    assert release.tags == ("work", "Learning", "starred")
    assert release.uid == "dayone-6A2D8C1E9F0B4C3DA1B2C3D4E5F60718"
    # 23:15 UTC on the 17th is already the 18th in Tokyo.
    assert tokyo.day == dt.date(2024, 5, 18) and tokyo.title == ""
    assert tokyo.body == "Morning in Tokyo already." and tokyo.tags == ()
    assert len(notes) == 1 and "photo 8F1E2D3C4B5A69788796A5B4C3D2E1F0" in notes[0]
    assert f"{JOURNAL_JSON}, line 6" in notes[0]


def test_zip_reads_like_the_json(tmp_path: Path) -> None:
    entries, notes = read(make_zip(tmp_path))
    assert [e.uid for e in entries] == [e.uid for e in read(JOURNAL_JSON)[0]]
    assert len(notes) == 1 and "export.zip:Journal.json" in notes[0]


def test_import_is_idempotent_and_reports_skipped_photos(journal: Journal, tmp_path: Path) -> None:
    archive = make_zip(tmp_path)
    dry = journal.import_file("dayone", archive, dry_run=True)
    assert (dry.found, dry.added) == (2, 2) and journal.store.count() == 0
    report = journal.import_file("dayone", archive)
    assert (report.found, report.added, report.skipped) == (2, 2, 0)
    assert len(report.skipped_notes) == 1
    again = journal.import_file("dayone", archive)
    assert (again.added, again.skipped) == (0, 2)


def test_a_bad_entry_names_the_line_and_imports_nothing(journal: Journal) -> None:
    path = FIXTURES / "dayone_bad.json"
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("dayone", path)
    assert caught.value.line == 5 and "creationDate" in caught.value.problem
    assert journal.store.count() == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not valid JSON"),
        ("[]", "not a Day One export"),
        ('{"entries": [{"creationDate": "2024-05-17T22:30:00Z"}]}', "'uuid'"),
        ('{"entries": [{"uuid": "x", "creationDate": "2024-05-17T22:30:00Z", "tags": 3}]}', "tags"),
        ('{"entries": [{"uuid": "x", "creationDate": "0001-01-01T00:00:00Z"}]}', "range"),
        ('{"entries": [{"uuid": "x", "creationDate": "2024-05-17T22:30:00Z", "text": 1}]}', "text"),
    ],
)
def test_clear_errors(text: str, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        list(iter_dayone_json(text, "Journal.json", []))
    assert words in caught.value.problem


def test_unknown_zone_falls_back_to_utc_and_says_so() -> None:
    notes: list[str] = []
    text = (
        '{"entries": [{"uuid": "x", "creationDate": "2024-05-17T23:30:00Z", "timeZone": "Mars"}]}'
    )
    (entry,) = iter_dayone_json(text, "Journal.json", notes)
    assert entry.day == dt.date(2024, 5, 17) and "Mars" in notes[0]


def test_a_damaged_zip_is_a_clear_error(tmp_path: Path) -> None:
    data = make_zip(tmp_path).read_bytes()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(data[: len(data) // 2] + data[-22:])
    with pytest.raises(ImportFormatError):
        read(broken)


TEXT = JOURNAL_JSON.read_text(encoding="utf-8")


@settings(max_examples=300)
@given(st.data())
def test_truncated_and_fuzzed_json_never_crashes(data: st.DataObject) -> None:
    text = TEXT[: data.draw(st.integers(0, len(TEXT)))]
    if text and data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(text) - 1))
        text = text[:at] + data.draw(st.text(max_size=4)) + text[at + 1 :]
    with contextlib.suppress(ImportFormatError):
        list(iter_dayone_json(text, "Journal.json", []))


# -- Day One classic (jrnl's sample journals) ------------------------------------------------

needs_peers = pytest.mark.skipif(
    not PEERS.is_dir(), reason="jrnl's samples are not beside the repo"
)


@needs_peers
def test_classic_entries_land_on_their_local_day() -> None:
    entries, notes = read(PEERS / "dayone.dayone")
    by_uid = {e.uid: e for e in entries}
    berlin = by_uid["dayone-0BDDD6CDA43C4A9AA2681517CC35AD9D"]
    # 2013-06-17T18:38:29Z in Europe/Berlin (summer time) is 20:38.
    assert berlin.day == dt.date(2013, 6, 17) and (berlin.created.hour, berlin.created.minute) == (
        20,
        38,
    )
    assert berlin.body == "This entry has a location."
    assert any("starred" in e.tags for e in entries)
    assert notes == []


@needs_peers
def test_classic_invalid_plist_names_the_file(journal: Journal) -> None:
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("dayone", PEERS / "bug153.dayone")
    assert caught.value.path.endswith(".doentry")
    assert journal.store.count() == 0
