"""Markdown daily notes: files named by date, front-matter tags and title, inline #tags."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.errors import ImportFormatError, InputError
from journal.importers.markdown_notes import _NoteError, iter_markdown_notes, note_entry

if TYPE_CHECKING:
    from journal.domain.entry import NewEntry
    from journal.services.journal import Journal

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
NOTES = FIXTURES / "markdown_notes"
DAY = dt.date(2026, 11, 20)


def read(path: Path, fmt: str | None = None) -> tuple[list[NewEntry], list[str]]:
    notes: list[str] = []
    return list(iter_markdown_notes(path, notes, fmt)), notes


def test_fixture_folder_entries_exactly() -> None:
    entries, notes = read(NOTES)
    assert [e.day for e in entries] == [
        dt.date(2026, 11, 20),
        dt.date(2026, 11, 21),
        dt.date(2026, 11, 22),
    ]
    release, learned, plain = entries
    assert release.title == "Release day"
    assert release.body == "Shipped 2.0 after fixing the #flaky test."
    assert release.tags == ("release", "ci")
    assert (release.created.hour, release.created.minute) == (0, 0)
    assert release.created.utcoffset() is not None
    assert learned.title == "What I learned"
    assert learned.body == "WAL mode lets readers and a writer work at once. #databases"
    assert learned.tags == ("learning", "sqlite")
    assert plain.title == "" and plain.tags == ()
    assert plain.body == "No front matter, no heading: just a note with #one tag."
    assert any("Project Alpha.md" in n and "not a date" in n for n in notes)
    assert any("2026-11-23.md: empty" in n for n in notes)
    assert not any(".obsidian" in n for n in notes)


def test_logseq_names_with_a_pattern(journal: Journal) -> None:
    entries, notes = read(FIXTURES / "logseq", "%Y_%m_%d")
    (entry,) = entries
    assert entry.day == DAY and entry.body.startswith("- Paired on the importer #review")
    assert len(notes) == 1 and "contents.md" in notes[0]
    report = journal.import_file("markdown", FIXTURES / "logseq", name_format="%Y_%m_%d")
    assert report.added == 1 and report.tags == {"review": 1}


def test_import_is_idempotent_and_reports(journal: Journal) -> None:
    dry = journal.import_file("markdown", NOTES, dry_run=True)
    assert (dry.found, dry.added) == (3, 3) and journal.store.count() == 0
    assert dry.first_day == DAY and dry.last_day == dt.date(2026, 11, 22)
    assert {"release", "ci", "flaky", "learning", "sqlite", "databases", "one"} == set(dry.tags)
    assert len(dry.skipped_notes) == 2
    assert journal.import_file("markdown", NOTES).added == 3
    again = journal.import_file("markdown", NOTES)
    assert (again.added, again.skipped) == (0, 3)


def test_a_malformed_note_names_the_line_and_imports_nothing(journal: Journal) -> None:
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("markdown", FIXTURES / "markdown_bad")
    assert caught.value.path.endswith("2026-11-21.md")
    assert caught.value.line == 3 and "YAML" in caught.value.problem
    assert journal.store.count() == 0


def test_a_single_note_can_be_imported(journal: Journal) -> None:
    path = NOTES / "2026-11-22.md"
    assert journal.import_file("markdown", path).added == 1


@pytest.mark.parametrize(
    ("text", "title", "body", "tags"),
    [
        ("---\ntags: a, b c\n---\nx", "", "x", ("a", "b", "c")),
        ("---\ntitle: 2026\n---\nx", "2026", "x", ()),
        ("---\n---\n# Head #\n\nx", "Head", "x", ()),
        ("text\n# Not a title", "", "text\n# Not a title", ()),
        ("---\r\ntags: [w]\r\n---\r\n\r\nbody\r\n", "", "body", ("w",)),
        ("---\nother: {nested: [1, 2]}\n---\nkept", "", "kept", ()),
    ],
)
def test_front_matter_and_title(text: str, title: str, body: str, tags: tuple[str, ...]) -> None:
    entry = note_entry(text, DAY)
    assert entry is not None
    assert (entry.title, entry.body, entry.tags) == (title, body, tags)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntags: [a\n", 1, "no closing"),
        ("---\nx: 1\ntags: {a: b}\n---\n", 3, "'tags'"),
        ("---\ntitle: [a]\n---\n", 2, "'title'"),
        ("---\n- a list\n---\n", 2, "key: value"),
        ("---\na: b\n  c: d\n---\n", 3, "YAML"),
    ],
)
def test_clear_errors(text: str, line: int, words: str) -> None:
    with pytest.raises(_NoteError) as caught:
        note_entry(text, DAY)
    assert caught.value.line == line and words in str(caught.value)


def test_folder_and_pattern_errors(tmp_path: Path, journal: Journal) -> None:
    with pytest.raises(ImportFormatError, match="no notes named by date"):
        read(tmp_path)
    with pytest.raises(ImportFormatError, match="name format"):
        read(NOTES, "%H")
    (tmp_path / "2026-11-20.md").write_bytes(b"\xff\xfe bad")
    with pytest.raises(ImportFormatError, match="UTF-8"):
        read(tmp_path)
    with pytest.raises(InputError, match="a note name format applies to markdown only"):
        journal.import_file("jsonl", NOTES, name_format="%Y")


TEXT = (NOTES / "2026" / "11" / "2026-11-20.md").read_text(encoding="utf-8")


@settings(max_examples=300)
@given(st.data())
def test_truncated_and_fuzzed_notes_never_crash(data: st.DataObject) -> None:
    text = TEXT[: data.draw(st.integers(0, len(TEXT)))]
    if text and data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(text) - 1))
        text = text[:at] + data.draw(st.text(max_size=4)) + text[at + 1 :]
    with contextlib.suppress(_NoteError):
        note_entry(text, DAY)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_fuzzed_file_through_the_importer_only_gives_the_clear_error(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "2026-11-20.md").write_text(text, encoding="utf-8")
        with contextlib.suppress(ImportFormatError):
            read(Path(folder))
