"""Reading entries: by id, a page of the timeline at a time, counts.

A part of `JournalStore` kept in its own file (see `store.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.domain.entry import (
    PREVIEW_CHARS,
    Entry,
    EntrySummary,
)
from journal.domain.filters import (
    Cursor,
    EntryFilter,
    cursor_of,
)
from journal.errors import NotFoundError
from journal.storage import cipher, db
from journal.storage.sql import (
    ENTRY_COLUMNS,
    SQL_INT_MAX,
    SQL_INT_MIN,
    as_date,
    filter_sql,
    row_to_entry,
    row_to_summary,
    stoppable,
    summary_columns,
    ts,
)
from journal.storage.statistics import JournalStatistics

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from journal.storage.db import Engine


class JournalReads(JournalStatistics):
    """Reads of entries by id, by page and by count; the base of the store's other parts
    (`JournalStore` opens the file). Every read goes through `_query`, every one-statement
    write through `_execute_write`."""

    _engine: Engine
    path: Path
    read_only: bool
    _watch: sqlite3.Connection | None

    def get(self, entry_id: int, include_deleted: bool = False) -> Entry:
        """One entry by id; `NotFoundError` if there is none (or it is in the Trash)."""
        rows = self.get_many([entry_id], include_deleted=include_deleted)
        if not rows:
            raise NotFoundError(
                f"there is no entry with id {entry_id}", "see the ids with `daybook list`"
            )
        return rows[0]

    def get_many(self, ids: Sequence[int], include_deleted: bool = False) -> list[Entry]:
        """Entries by id, in the order of `ids`, leaving out ids that do not exist."""
        rows = self._by_ids(ENTRY_COLUMNS, [], ids, include_deleted)
        by_id = {e.id: e for e in map(row_to_entry, rows)}
        return [by_id[i] for i in ids if i in by_id]

    def get_summaries(
        self, ids: Sequence[int], include_deleted: bool = False, preview: int = PREVIEW_CHARS
    ) -> list[EntrySummary]:
        """As `get_many`, but as lists show them (see `list_summaries`)."""
        columns, params = summary_columns(preview)
        rows = self._by_ids(columns, params, ids, include_deleted)
        by_id = {e.id: e for e in (row_to_summary(r, preview) for r in rows)}
        return [by_id[i] for i in ids if i in by_id]

    def _by_ids(
        self, columns: str, params: list[Any], ids: Sequence[int], include_deleted: bool
    ) -> list[Any]:
        ids = [i for i in ids if SQL_INT_MIN <= i <= SQL_INT_MAX]  # others cannot exist
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        where = "" if include_deleted else " AND e.deleted_at IS NULL"
        return self._query(
            f"SELECT {columns} FROM entries e WHERE e.id IN ({marks}){where}", (*params, *ids)
        )

    def list_entries(
        self,
        filters: EntryFilter = EntryFilter(),
        limit: int | None = 50,
        after: Cursor | None = None,
        oldest_first: bool = False,
    ) -> list[Entry]:
        """Entries newest first (or oldest first), a page at a time with keyset paging.

        Whole entries: for what edits, shows or exports them. A list that shows a line of
        each reads `list_summaries` instead.
        """
        rows = self._listing(ENTRY_COLUMNS, [], filters, limit, after, oldest_first)
        return [row_to_entry(r) for r in rows]

    def list_summaries(
        self,
        filters: EntryFilter = EntryFilter(),
        limit: int | None = 50,
        after: Cursor | None = None,
        oldest_first: bool = False,
        preview: int = PREVIEW_CHARS,
    ) -> list[EntrySummary]:
        """As `list_entries`, but each entry's title and body are read only up to `preview`
        characters (cut in SQL, so a huge body never reaches memory): for lists."""
        columns, params = summary_columns(preview)
        rows = self._listing(columns, params, filters, limit, after, oldest_first)
        return [row_to_summary(r, preview) for r in rows]

    def _listing(
        self,
        columns: str,
        column_params: list[Any],
        filters: EntryFilter,
        limit: int | None,
        after: Cursor | None,
        oldest_first: bool,
    ) -> list[Any]:
        """The rows of `columns` for one page of the timeline (or the Trash), in order."""
        where, params = filter_sql(filters)
        params = [*column_params, *params]
        if after is not None:
            op = ">" if oldest_first else "<"
            where.append(f"(e.day, e.created_at, e.id) {op} (?, ?, ?)")
            params += [after.day.isoformat(), ts(after.created_at), after.id]
        direction = "ASC" if oldest_first else "DESC"
        # The Trash is small: read it through its partial index and sort it ('+' keeps
        # SQLite from walking the whole timeline index for the few deleted rows).
        plus = "+" if filters.trash else ""
        sql = (
            f"SELECT {columns} FROM entries e WHERE {' AND '.join(where)} "
            f"ORDER BY {plus}e.day {direction}, {plus}e.created_at {direction}, "
            f"{plus}e.id {direction}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._query(sql, tuple(params))

    def iter_all(self, filters: EntryFilter = EntryFilter(), page: int = 1000) -> Iterator[Entry]:
        """Every matching entry, oldest first, read a page at a time."""
        after: Cursor | None = None
        while True:
            batch = self.list_entries(filters, limit=page, after=after, oldest_first=True)
            yield from batch
            if len(batch) < page:
                return
            last = batch[-1]
            after = cursor_of(last)

    def count(self, filters: EntryFilter = EntryFilter()) -> int:
        """How many entries match; the unfiltered count avoids scanning the table."""
        if filters == EntryFilter():
            rows = self._query(
                "SELECT (SELECT count(*) FROM entries) - "
                "(SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL)",
                (),
            )
            return int(rows[0][0])
        where, params = filter_sql(filters)
        rows = self._query(
            f"SELECT count(*) FROM entries e WHERE {' AND '.join(where)}", tuple(params)
        )
        return int(rows[0][0])

    def entry_days(self, filters: EntryFilter = EntryFilter()) -> set[dt.date]:
        """The distinct days that have entries (reads days only, for streaks and reminders)."""
        where, params = filter_sql(filters)
        rows = self._query(
            f"SELECT DISTINCT e.day FROM entries e WHERE {' AND '.join(where)}", tuple(params)
        )
        return {as_date(r[0]) for r in rows}

    def data_version(self) -> int:
        """SQLite's data_version on a connection of its own: it moves when another
        connection (another process, the command line) commits to the file."""
        if self._watch is None:
            uri = f"{self.path.resolve().as_uri()}?mode=rw"
            self._watch = cipher.connect(uri, self._engine.key, uri=True, check_same_thread=False)
        with db.translate_errors(self.path):
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def _execute_write(self, sql: str, params: tuple[Any, ...]) -> None:
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            conn.cursor().execute(sql, params)

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """Rows of one read; stops early when `journal.cancel` asks (see `stoppable`)."""
        with db.translate_errors(self.path), self._engine.connect() as conn:
            cur = conn.cursor()
            with stoppable(cur.connection):
                return list(cur.execute(sql, params).fetchall())
