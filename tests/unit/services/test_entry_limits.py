"""The supported date range and the largest entry, enforced at every door (issue 13.5-13.8).

Every importer, `add`, `edit` and the JSON import accept the same days (1000-01-01 to
9998-12-31) and refuse others in one line naming the line; a journal already holding a
row outside the rules still opens, `check` names it, and it can be fixed or deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.entry import FIRST_DAY, LAST_DAY, MAX_ENTRY_CHARS, NewEntry
from journal.errors import ImportFormatError, InputError
from journal.importers.daybook_json import iter_daybook_json, to_daybook_json
from tests.helpers import run_cli as run

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.journal import Journal

OUT_OF_RANGE = ["0999-06-01", "0001-01-01", "0100-12-31", "0999-12-31", "9999-01-01", "9999-12-31"]


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("daybook: error: "), err
    assert "Traceback" not in err
    return lines[0]


# -- every door refuses a day outside the range ----------------------------------------------


def _files(tmp_path: Path, day: str) -> dict[str, Path]:
    """One file per format whose second entry (on line 3, or in the file named) is on `day`."""
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        '{"date": "2024-05-17", "body": "ok"}\n\n' + json.dumps({"date": day, "body": "x"}) + "\n"
    )
    jrnl = tmp_path / "a.txt"
    jrnl.write_text(f"[2024-05-17 10:00] ok\n\n[{day} 10:00] old entry\nbody\n")
    daybook = tmp_path / "a.json"
    good = '{"uid": "g", "day": "2024-05-17", "created": "2024-05-17T09:00:00+02:00"}'
    bad = json.dumps({"uid": "b", "day": day, "created": f"{day}T09:00:00+00:00"})
    daybook.write_text(
        '{"format": "daybook", "version": 1, "entries": [\n' + good + ",\n" + bad + "\n]}\n"
    )
    dayone = tmp_path / "Journal.json"
    dayone.write_text(
        '{"entries": [\n{"uuid": "a", "creationDate": "2024-05-17T10:00:00Z"},\n'
        + json.dumps({"uuid": "b", "creationDate": f"{day}T12:00:00Z", "text": "x"})
        + "\n]}\n"
    )
    return {"jsonl": jsonl, "jrnl": jrnl, "json": daybook, "dayone": dayone}


@pytest.mark.parametrize("day", OUT_OF_RANGE)
@pytest.mark.parametrize("fmt", ["jsonl", "jrnl", "json", "dayone"])
def test_every_importer_refuses_a_day_out_of_range_naming_the_line(
    journal: Journal, tmp_path: Path, fmt: str, day: str
) -> None:
    path = _files(tmp_path, day)[fmt]
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file(fmt, path)
    assert caught.value.line == 3, caught.value
    assert "range" in caught.value.problem
    assert journal.store.count() == 0  # all or nothing


@pytest.mark.parametrize("day", OUT_OF_RANGE)
def test_notes_and_months_named_by_a_day_out_of_range_are_refused(
    journal: Journal, tmp_path: Path, day: str
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-05-17.md").write_text("fine")
    (notes / f"{day}.md").write_text("old")
    with pytest.raises(ImportFormatError, match="supported range"):
        journal.import_file("markdown", notes)
    red = tmp_path / "red"
    red.mkdir()
    (red / "2024-05.txt").write_text("3: {text: fine}\n")
    (red / f"{day[:7]}.txt").write_text("3: {text: old}\n")
    with pytest.raises(ImportFormatError, match="supported range"):
        journal.import_file("rednotebook", red)
    assert journal.store.count() == 0


@pytest.mark.parametrize("day", OUT_OF_RANGE)
def test_add_and_edit_refuse_a_day_out_of_range(
    capsys: pytest.CaptureFixture[str], journal: Journal, day: str
) -> None:
    code, _, err = run(capsys, "add", "--date", day, "text")
    assert code == 1 and "supported range" in _one_line_error(err)
    entry = journal.add("kept")
    with pytest.raises(InputError):
        journal.edit(entry.id, day=dt.date.fromisoformat(day))
    assert journal.get(entry.id).day == entry.day


@pytest.mark.parametrize("day", ["1000-01-01", "9998-12-31"])
def test_the_extremes_are_accepted_by_add(capsys: pytest.CaptureFixture[str], day: str) -> None:
    code, out, err = run(capsys, "add", "--date", day, "at the edge")
    assert code == 0, err
    code, out, err = run(capsys, "list")
    assert code == 0 and day in out


# -- what is accepted on the way in comes back out --------------------------------------------

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
days = st.dates(FIRST_DAY, LAST_DAY) | st.sampled_from([FIRST_DAY, LAST_DAY])
times = st.times() | st.sampled_from([dt.time(0), dt.time(23, 59, 59, 999999)])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=days, moment=times, zone=offsets)
def test_json_export_imports_back_over_the_whole_range(
    journal: Journal, day: dt.date, moment: dt.time, zone: dt.tzinfo
) -> None:
    created = dt.datetime.combine(day, moment, zone)
    stored = journal.store.add(NewEntry(day=day, body="b", title="t", created=created))
    try:
        text = to_daybook_json([journal.get(stored.id)])
        (back,) = iter_daybook_json(text, "export.json")
        assert back.day == day and back.created == created
        assert back.uid == stored.uid and back.body == "b"
    finally:
        journal.store.purge([journal.delete(stored.id).id])


# -- a journal that already holds a bad row still opens ---------------------------------------


def _old_row(journal: Journal, day: str, stamp: str) -> int:
    """A row as an older Daybook wrote it for a year below 1000 (no leading zero)."""
    entry = journal.add("old body #x", title="old")
    db = sqlite3.connect(journal.store.path)
    with db:
        db.execute(
            "UPDATE entries SET day=?, created_at=?, updated_at=? WHERE id=?",
            (day, stamp, stamp, entry.id),
        )
    db.close()
    return entry.id


@pytest.mark.parametrize(
    ("day", "stamp"),
    [
        ("0999-06-01", "999-06-01 10:00:00.000000"),
        ("0001-01-01", "1-01-01 00:00:00.000000"),
        ("0050-02-03", "50-02-03 00:00:00.000000"),
    ],
)
def test_an_old_out_of_range_row_is_listed_checked_fixed_and_deleted(
    capsys: pytest.CaptureFixture[str], journal: Journal, tmp_path: Path, day: str, stamp: str
) -> None:
    entry_id = _old_row(journal, day, stamp)
    journal.close()
    for args in (
        ["list"],
        ["list", "--json"],
        ["show", str(entry_id)],
        ["search", "old"],
        ["export", "--format", "json", "-o", str(tmp_path / "out.json")],
        ["export", "-o", str(tmp_path / "out.md")],
    ):
        code, _, err = run(capsys, *args)
        assert code == 0 and "Traceback" not in err, (args, err)
    code, _, err = run(capsys, "check")
    assert code == 1 and f"entry {entry_id}: its date {day}" in err and "daybook edit" in err
    code, _, err = run(capsys, "delete", str(entry_id))
    assert code == 0, err


def test_an_old_row_can_be_moved_into_the_range(
    capsys: pytest.CaptureFixture[str], journal: Journal
) -> None:
    entry_id = _old_row(journal, "0999-06-01", "999-06-01 10:00:00.000000")
    journal.edit(entry_id, day=dt.date(2024, 6, 1))
    journal.close()
    code, _, err = run(capsys, "check")
    assert code == 0, err


# -- the largest entry -------------------------------------------------------------------------

BIG = "x" * (MAX_ENTRY_CHARS + 1)


def _big_files(tmp_path: Path) -> dict[str, tuple[Path, int]]:
    """A file per format whose entry at the given line is one character too large."""
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text('{"date": "2024-05-17", "body": "ok"}\n' + json.dumps(
        {"date": "2024-05-18", "body": BIG}) + "\n")  # fmt: skip
    jrnl = tmp_path / "big.txt"
    lines = "\n".join(["y" * 999] * (MAX_ENTRY_CHARS // 1000 + 2))
    jrnl.write_text(
        f"[2024-05-17 10:00] ok\n[2024-05-18 10:00] big\n{lines}\n[2024-05-19 10:00] z\n"
    )
    one_line = tmp_path / "one_line.txt"
    one_line.write_text("[2024-05-17 10:00] " + "z" * (3 * MAX_ENTRY_CHARS))
    daybook = tmp_path / "big.json"
    record = json.dumps({"uid": "b", "day": "2024-05-17", "created": "2024-05-17T09:00:00+02:00",
                         "body": BIG})  # fmt: skip
    daybook.write_text('{"format": "daybook", "version": 1, "entries": [\n' + record + "\n]}")
    dayone = tmp_path / "big_dayone.json"
    dayone.write_text('{"entries": [\n' + json.dumps(
        {"uuid": "b", "creationDate": "2024-05-17T12:00:00Z", "text": BIG}) + "]}")  # fmt: skip
    return {
        "jsonl": (jsonl, 2),
        "jrnl": (jrnl, 2),
        "jrnl-line": (one_line, 1),
        "json": (daybook, 2),
        "dayone": (dayone, 2),
    }


@pytest.mark.parametrize("case", ["jsonl", "jrnl", "jrnl-line", "json", "dayone"])
def test_an_entry_larger_than_the_limit_is_refused_naming_its_line(
    journal: Journal, tmp_path: Path, case: str
) -> None:
    path, line = _big_files(tmp_path)[case]
    fmt = case.split("-")[0]
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file(fmt, path)
    assert caught.value.line == line, caught.value
    assert "4,000,000" in caught.value.problem
    assert journal.store.count() == 0


def test_a_large_markdown_note_or_rednotebook_month_is_refused(
    journal: Journal, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-05-17.md").write_text("# Title\n" + BIG)
    with pytest.raises(ImportFormatError, match="4,000,000"):
        journal.import_file("markdown", notes)
    (notes / "2024-05-17.md").write_text("y" * (17 * 1024 * 1024))
    with pytest.raises(ImportFormatError, match="larger than 16 MB"):
        journal.import_file("markdown", notes)
    red = tmp_path / "red"
    red.mkdir()
    (red / "2024-05.txt").write_text("17: {text: '" + "y" * (MAX_ENTRY_CHARS + 1) + "'}\n")
    with pytest.raises(ImportFormatError, match="4,000,000") as caught:
        journal.import_file("rednotebook", red)
    assert caught.value.line == 1
    assert journal.store.count() == 0


def test_add_and_edit_refuse_a_text_larger_than_the_limit(
    capsys: pytest.CaptureFixture[str], journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(BIG))
    code, _, err = run(capsys, "add", "-")
    assert code == 1 and "4,000,000" in _one_line_error(err)
    entry = journal.add("small")
    with pytest.raises(InputError, match="4,000,000"):
        journal.edit(entry.id, body=BIG)
    with pytest.raises(InputError, match="4,000,000"):
        journal.edit(entry.id, title="t" * 10, body=BIG[:-5])
    assert journal.get(entry.id).body == "small"


def test_edit_in_the_editor_refuses_a_text_larger_than_the_limit_and_keeps_it(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.services.editing import edit_in_editor

    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "with open(sys.argv[1], 'a', encoding='utf-8') as fh:\n"
        f"    fh.write('z' * {MAX_ENTRY_CHARS + 10})\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    entry = journal.add("small")
    with pytest.raises(InputError, match="4,000,000") as caught:
        edit_in_editor(journal, entry.id)
    assert "your text is kept in" in str(caught.value)
    assert journal.get(entry.id).body == "small"


def test_check_reports_an_oversize_row_and_list_reads_only_its_start(
    capsys: pytest.CaptureFixture[str], journal: Journal
) -> None:
    entry = journal.add("start of the text")
    db = sqlite3.connect(journal.store.path)
    with db:
        db.execute(
            "UPDATE entries SET body = body || ? WHERE id=?", ("z" * MAX_ENTRY_CHARS, entry.id)
        )
    db.close()
    listed = journal.store.list_summaries(preview=100)
    assert listed[0].preview == ("start of the text" + "z" * 100)[:100] and listed[0].cut
    journal.close()
    code, out, err = run(capsys, "list")
    assert code == 0 and "start of the text" in out
    code, _, err = run(capsys, "check")
    assert code == 1 and f"entry {entry.id}: the entry is more than 4,000,000" in err


def test_check_notices_tags_that_appear_only_inside_private_blocks(
    capsys: pytest.CaptureFixture[str], journal: Journal
) -> None:
    body = "public #open\n\n```private\nsecret #hidden\n```\n"
    entry = journal.add(body)
    db = sqlite3.connect(journal.store.path)
    with db:  # as an older version stored it: the private block's tag among the tags
        db.execute("UPDATE entries SET tag_list = 'open hidden' WHERE id=?", (entry.id,))
    db.close()
    journal.close()
    code, _, err = run(capsys, "check")
    assert code == 0
    assert f"notice: entry {entry.id}: the tag(s) hidden appear only inside its private" in err
    assert "open" not in err.split("tag(s)")[1].split("appear")[0]
