"""A preview's first screen (`choose_entries(..., head=N)`) is exactly the first N entries of
the whole choice, for every way of choosing: a range, tags, private or not, and a selection
of ids in any order; and a selection's first screen does not read every selected body."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.entry import NewEntry
from journal.domain.filters import EntryFilter
from journal.errors import NotFoundError
from journal.paths import AppPaths
from journal.services.export import ExportOptions, choose_entries
from journal.services.journal import Journal

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.entry import Entry

DAY0 = dt.date(2026, 1, 1)
BODIES = ["plain", "with #ci tag", "```private\n#ci hidden\n```\nshown", "```private\nall\n```"]


@st.composite
def journals(draw: st.DrawFn) -> list[NewEntry]:
    n = draw(st.integers(1, 40))
    return [
        NewEntry(
            day=DAY0 + dt.timedelta(days=draw(st.integers(0, 9))),
            body=draw(st.sampled_from(BODIES)),
            tags=tuple(draw(st.sets(st.sampled_from(["ci", "team"]), max_size=2))),
            private=draw(st.booleans()),
        )
        for _ in range(n)
    ]


def all_ids(journal: Journal) -> list[int]:
    every = EntryFilter(include_private=True)
    return [s.id for s in journal.store.list_summaries(every, limit=None, preview=0)]


@settings(max_examples=60, deadline=None)
@given(
    entries=journals(),
    head=st.integers(1, 12),
    include_private=st.booleans(),
    tags=st.sampled_from([(), ("ci",)]),
    start=st.integers(0, 9),
    selection=st.one_of(st.none(), st.lists(st.integers(0, 39), min_size=1, max_size=40)),
)
def test_the_head_is_the_start_of_the_whole_choice(
    entries: list[NewEntry],
    head: int,
    include_private: bool,
    tags: tuple[str, ...],
    start: int,
    selection: list[int] | None,
) -> None:
    with tempfile.TemporaryDirectory() as home:
        journal = Journal.open(AppPaths(Path(home)))
        try:
            journal.store.add_many(entries)
            added = all_ids(journal)
            ids = tuple(added[i % len(added)] for i in selection) if selection else ()
            options = ExportOptions(
                ids=ids,
                include_private=include_private,
                filters=EntryFilter(tags=tags, date_from=DAY0 + dt.timedelta(days=start)),
            )
            whole, _held = choose_entries(journal, options)
            first, _ = choose_entries(journal, options, head=head)
        finally:
            journal.close()
    assert [e.id for e in first] == [e.id for e in whole[:head]]
    assert [e.body for e in first] == [e.body for e in whole[:head]]


def test_a_missing_id_is_refused_with_a_head_too(journal: Journal) -> None:
    entry = journal.add("there", day=DAY0)
    for head in (None, 1, 30):
        with pytest.raises(NotFoundError, match="no entry with id 99"):
            choose_entries(journal, ExportOptions(ids=(entry.id, 99)), head=head)


def test_a_selections_first_screen_reads_only_its_first_bodies(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.store.add_many(
        [NewEntry(day=DAY0 + dt.timedelta(days=i % 300), body=f"entry {i}") for i in range(2_000)]
    )
    read: list[int] = []
    get_many = journal.store.get_many

    def counting(ids: Sequence[int], include_deleted: bool = False) -> list[Entry]:
        read.extend(ids)
        return get_many(ids, include_deleted)

    monkeypatch.setattr(journal.store, "get_many", counting)
    chosen, _ = choose_entries(journal, ExportOptions(ids=tuple(all_ids(journal))), head=30)
    assert len(chosen) == 30
    assert len(read) <= 500  # one page of whole entries, not the 2,000 selected
