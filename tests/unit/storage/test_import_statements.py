"""An import stores entries in a few statements per chunk, not one per tag link (issue 18:
100,000 entries are held to 15 s), and the times and uids it writes are what they were."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, Any

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.entry import NewEntry, content_uid
from journal.storage import db
from journal.storage.sql import ts
from journal.storage.writes import IMPORT_CHUNK

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pytest

    from journal.storage.store import JournalStore


class _Counting:
    """A cursor that counts the statements Python hands to SQLite one call at a time."""

    def __init__(self, cur: sqlite3.Cursor, calls: list[str]) -> None:
        self._cur = cur
        self._calls = calls

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        self._calls.append(sql.split(None, 1)[0])
        return self._cur.execute(sql, params)

    def executemany(self, sql: str, params: Any) -> sqlite3.Cursor:
        self._calls.append("many " + sql.split(None, 1)[0])
        return self._cur.executemany(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class _CountingConnection:
    """A connection whose cursors count their statements."""

    def __init__(self, conn: sqlite3.Connection, calls: list[str]) -> None:
        self._conn = conn
        self._calls = calls

    def cursor(self) -> _Counting:
        return _Counting(self._conn.cursor(), self._calls)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _entries(n: int) -> list[NewEntry]:
    start = dt.datetime(2026, 1, 1, 17, 0, tzinfo=dt.UTC)
    out = []
    for i in range(n):
        when = start + dt.timedelta(days=i)
        body = f"entry {i} #ci #deploy-{i % 3}"
        out.append(
            NewEntry(
                day=when.date(),
                body=body,
                tags=("review", f"team-{i % 5}"),
                created=when,
                uid=content_uid(when, "", body),
            )
        )
    return out


def test_an_import_links_tags_in_one_statement_per_chunk(
    store: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    opened = db.write_transaction

    @contextlib.contextmanager
    def counted(engine: Any) -> Iterator[Any]:
        with opened(engine) as conn:
            yield _CountingConnection(conn, calls)

    monkeypatch.setattr(db, "write_transaction", counted)
    report = store.add_many(_entries(1200))
    assert report.added == 1200
    chunks = -(-1200 // IMPORT_CHUNK)
    distinct_tags = 2 + 3 + 5  # ci, review, deploy-0..2, team-0..4
    # Per chunk: the rows' INSERT and the links; per new tag: its INSERT and SELECT.
    assert len(calls) <= 2 * chunks + 2 * distinct_tags
    with sqlite3.connect(store.path) as conn:
        links = conn.execute("SELECT count(*) FROM entry_tags").fetchone()[0]
    assert links == 1200 * 4


def _strftime_ts(moment: dt.datetime) -> str:
    """What `ts` wrote before it used `isoformat`."""
    return f"{moment.year:04d}-" + moment.strftime("%m-%d %H:%M:%S.%f")


moments = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
zones = st.none() | st.integers(-1439, 1439).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


@given(moments, zones)
@settings(max_examples=1000)
def test_stored_times_are_written_as_before(moment: dt.datetime, zone: dt.tzinfo | None) -> None:
    moment = moment.replace(tzinfo=zone)
    assert ts(moment) == _strftime_ts(moment)


@given(moments, zones, st.text(max_size=5), st.text(max_size=5))
@settings(max_examples=1000)
def test_import_uids_are_what_they_were(
    moment: dt.datetime, zone: dt.tzinfo | None, title: str, body: str
) -> None:
    import hashlib

    moment = moment.replace(tzinfo=zone)
    key = "\x1f".join((moment.strftime("%Y-%m-%dT%H:%M"), title.strip(), body.strip()))
    assert content_uid(moment, title, body) == (
        "imp-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    )
