"""What lists read of an entry (issue 13, item 8): `list_summaries`/`get_summaries` cut the
title and the body in SQL, whatever their size and characters, and agree with the whole
entries in everything else."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.entry import (
    MAX_ENTRY_CHARS,
    PREVIEW_CHARS,
    EntrySummary,
    NewEntry,
    summary_of,
)
from journal.domain.filters import cursor_of
from journal.storage.sql import summary_columns
from tests.helpers import run_cli as run

# Any text the journal keeps (no NUL, no lone surrogates), with astral characters and
# combining marks, where a cut by bytes instead of characters would show.
TEXT = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00\r"),
    max_size=300,
)
NOW = dt.datetime(2026, 5, 4, 17, 0).astimezone()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    bodies=st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=6),
    preview=st.integers(min_value=0, max_value=320),
)
def test_a_summary_is_the_entry_cut_to_the_preview(
    store: Any, bodies: list[tuple[str, str]], preview: int
) -> None:
    new = [
        NewEntry(day=dt.date(2026, 5, 4), title=title, body=body + "x", created=NOW)
        for title, body in bodies
    ]
    store.add_many(new)
    whole = store.list_entries(limit=None)
    listed = store.list_summaries(limit=None, preview=preview)
    assert [s.id for s in listed] == [e.id for e in whole]
    by_id = {s.id: s for s in store.get_summaries([e.id for e in whole], preview=preview)}
    for entry, summary in zip(whole, listed, strict=True):
        assert summary.preview == entry.body[:preview]
        assert summary.title == entry.title[:preview]
        assert summary.cut == (len(entry.body) > preview)
        assert (summary.id, summary.uid, summary.day, summary.created, summary.updated) == (
            entry.id, entry.uid, entry.day, entry.created, entry.updated
        )  # fmt: skip
        assert (summary.tags, summary.private, summary.kind) == (
            entry.tags, entry.private, entry.kind
        )  # fmt: skip
        assert by_id[entry.id] == summary
    for entry in whole:
        store.purge([entry.id])


def test_summaries_page_like_entries_and_match_summary_of(store: Any) -> None:
    for i in range(25):
        body = f"entry {i} " + "y" * (PREVIEW_CHARS if i % 3 == 0 else i)
        store.add(NewEntry(day=dt.date(2026, 1, 1) + dt.timedelta(days=i % 7), body=body))
    pages: list[EntrySummary] = []
    after = None
    while batch := store.list_summaries(limit=4, after=after):
        pages += batch
        after = cursor_of(batch[-1])
    whole = store.list_entries(limit=None)
    assert pages == [summary_of(e) for e in whole]
    assert store.get_summaries([e.id for e in whole]) == pages


def test_a_huge_body_and_title_are_read_only_to_the_preview(store: Any) -> None:
    entry = store.add(NewEntry(day=dt.date(2026, 1, 1), title="T" * 1000, body="small"))
    db = sqlite3.connect(store.path)
    with db:  # as an older version or another tool could have stored it
        db.execute(
            "UPDATE entries SET title = ?, body = ? WHERE id = ?",
            ("T" * MAX_ENTRY_CHARS, "é" * (MAX_ENTRY_CHARS + 5), entry.id),
        )
    db.close()
    [summary] = store.list_summaries()
    assert len(summary.title) == PREVIEW_CHARS and len(summary.preview) == PREVIEW_CHARS
    assert summary.cut and summary.display_title == "T" * PREVIEW_CHARS
    [trashed] = store.get_summaries([store.delete(entry.id).id], include_deleted=True)
    assert trashed.deleted is not None and len(trashed.preview) == PREVIEW_CHARS
    assert store.empty_trash() == 1


def test_the_display_title_of_a_summary_is_the_entrys(store: Any) -> None:
    bodies = [
        "# Heading\n\nFirst words of the text",
        "\n\n   \nafter blank lines",
        "word " * 2000,
        "## What did I work on?\n\nThe answer",
    ]
    for i, body in enumerate(bodies):
        kind = "prompt" if i == 3 else "note"
        store.add(NewEntry(day=dt.date(2026, 1, 1), body=body, kind=kind))
    for summary, entry in zip(
        store.list_summaries(limit=None), store.list_entries(limit=None), strict=True
    ):
        assert summary.display_title == entry.display_title


def test_a_preview_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="shorter than nothing"):
        summary_columns(-1)


def test_list_and_trash_commands_read_only_the_start_of_a_huge_body(
    capsys: pytest.CaptureFixture[str], journal: Any
) -> None:
    entry = journal.add("first words of a huge one")
    db = sqlite3.connect(journal.store.path)
    with db:
        db.execute("UPDATE entries SET body = body || ? WHERE id=?", ("z" * 3_000_000, entry.id))
    db.close()
    journal.delete(entry.id)
    journal.close()
    code, out, err = run(capsys, "trash")
    assert code == 0 and f"{entry.id:>5}" in out and err == ""
    code, out, _ = run(capsys, "undelete", str(entry.id))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "first words of a huge one" in out and len(out) < 1000
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and out.count("z") >= 3_000_000  # JSON prints the whole text


def test_on_this_day_reads_only_the_start_of_each_text(journal: Any) -> None:
    body = "A year ago today " + "w" * (PREVIEW_CHARS * 10)
    entry = journal.add(body, day=dt.date(2025, 5, 4))
    [memory] = journal.on_this_day(dt.date(2026, 5, 4))
    assert memory.id == entry.id and memory.cut and len(memory.preview) == PREVIEW_CHARS
    assert memory.display_title == journal.get(entry.id).display_title
