"""A purge says the truth about where the purged text still is.

The purge scrubs the text (secure_delete) and then truncates the WAL. A connection reading an
older snapshot keeps that checkpoint from finishing: the old pages stay in the journal file
and its -wal until every connection has closed the journal. The purge must say so instead of
"deleted for ever", and the text must be gone once the reader has closed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

import pytest

from journal.cli import main
from journal.domain.entry import NewEntry
from journal.paths import AppPaths
from journal.storage.store import JournalStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SECRET = "zanzibarpurgedword"


def new(body: str, i: int = 0) -> NewEntry:
    day = dt.date(2026, 6, 1) + dt.timedelta(days=i)
    created = dt.datetime(day.year, day.month, day.day, 17, tzinfo=dt.UTC)
    return NewEntry(day=day, body=body, created=created, tags=("kept",))


def holding(home: Path) -> list[str]:
    """The journal's files that hold the secret."""
    return sorted(
        f.name for f in home.glob("journal.sqlite3*") if SECRET.encode() in f.read_bytes()
    )


@contextlib.contextmanager
def reader(home: Path, snapshot: bool = True) -> Iterator[sqlite3.Connection]:
    """Another program's connection; with `snapshot`, inside a read transaction."""
    conn = sqlite3.connect(home / "journal.sqlite3", isolation_level=None)
    try:
        if snapshot:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM entries").fetchone()
        yield conn
    finally:
        conn.close()


def fill(store: JournalStore, trashed: int, body: str = f"the {SECRET} here") -> list[int]:
    """Some entries to keep, and `trashed` ones holding the secret, in the Trash."""
    for i in range(5):
        store.add(new(f"an entry to keep {i}", i))
    ids = [store.add(new(f"{body} {k} " + "padding " * 50 * k, 10 + k)).id for k in range(trashed)]
    for entry_id in ids:
        store.delete(entry_id)
    return ids


@pytest.mark.parametrize("trashed", [1, 3, 20])
def test_without_readers_the_text_is_gone_at_once(paths: AppPaths, trashed: int) -> None:
    store = JournalStore.open(paths)
    ids = fill(store, trashed)
    assert holding(paths.home)  # the text really was in the files
    assert store.purge(ids) == trashed
    assert not store.scrub_pending
    assert holding(paths.home) == []  # even before the store closes
    store.close()
    assert holding(paths.home) == []


def test_an_idle_connection_does_not_keep_the_text(paths: AppPaths) -> None:
    store = JournalStore.open(paths)
    ids = fill(store, 2)
    with reader(paths.home, snapshot=False):
        store.purge(ids)
        assert not store.scrub_pending
        assert holding(paths.home) == []
    store.close()


@pytest.mark.parametrize("trashed", [1, 4])
@pytest.mark.parametrize("reader_closes_first", [True, False])
def test_a_reader_with_an_old_snapshot_keeps_the_text_until_it_closes(
    paths: AppPaths, trashed: int, reader_closes_first: bool
) -> None:
    store = JournalStore.open(paths, busy_timeout_ms=200)
    ids = fill(store, trashed)
    with reader(paths.home) as other:
        assert store.purge(ids) == trashed
        # The truth: the text is still in the files while the reader holds its snapshot.
        assert store.scrub_pending
        assert holding(paths.home)
        # What the reader sees is its old snapshot; what everyone else sees is purged.
        assert other.execute("SELECT count(*) FROM entries").fetchone()[0] == 5 + trashed
        assert store.count() == 5 and store.list_entries(limit=None)
        if not reader_closes_first:
            store.close()
    if reader_closes_first:
        store.close()
    assert holding(paths.home) == []
    with JournalStore.open(paths) as again:
        assert again.check() == [] and again.count() == 5
        assert [t for t, _n in again.tag_counts()] == ["kept"]


def test_a_later_purge_after_the_reader_finished_scrubs_it(paths: AppPaths) -> None:
    store = JournalStore.open(paths, busy_timeout_ms=200)
    ids = fill(store, 2)
    with reader(paths.home) as other:
        store.purge(ids[:1])
        assert store.scrub_pending
        other.execute("COMMIT")  # the snapshot ends; the connection stays open
        store.purge(ids[1:])
        assert not store.scrub_pending
        assert holding(paths.home) == []
    store.close()


def test_the_command_says_the_text_is_still_there(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    with JournalStore.open(AppPaths(isolated_home)) as store:
        ids = fill(store, 2)
    with reader(isolated_home):
        code = main(["purge", *map(str, ids)])
        err = capsys.readouterr().err
        assert code == 0
        assert "for ever" not in err
        assert "2 entries deleted, but another program is reading the journal" in err
        assert "still in its files" in err and len(err.strip().splitlines()) == 1
        assert holding(isolated_home)
    assert holding(isolated_home) == []
    # And without the reader, the usual message.
    with JournalStore.open(AppPaths(isolated_home)) as store:
        more = fill(store, 1)
    assert main(["purge", str(more[0])]) == 0
    assert "1 entry deleted for ever" in capsys.readouterr().err
    assert holding(isolated_home) == []
