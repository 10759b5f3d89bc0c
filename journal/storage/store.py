"""The journal store: every read and write of entries and tags goes through here.

SQL is kept in this module and `db.py`; callers deal in domain values (`Entry`,
`NewEntry`, `SearchQuery`) and get `StorageError`s they can show, never `sqlite3` errors.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, Any

from journal import cancel
from journal.domain.entry import (
    DAY_RANGE_TEXT,
    FIRST_DAY,
    LAST_DAY,
    MARK_START,
    MAX_ENTRY_CHARS,
    PREVIEW_CHARS,
    Entry,
    EntrySummary,
    NewEntry,
    SearchHit,
    as_stored,
    is_empty,
    local_now,
    oversize,
    stored_text,
    stored_title,
)
from journal.domain.filters import (
    Cursor,
    EntryFilter,
    ImportReport,
    Order,
    cursor_of,
    excerpt,
    to_utc,
)
from journal.domain.tags import hashtags, private_only_tags
from journal.errors import DamagedJournalError, InputError, NotFoundError, StorageError
from journal.storage import cipher, db
from journal.storage.cipher import SQLITE_HEADER
from journal.storage.migrate import SCHEMA_HEAD, current_revision, upgrade
from journal.storage.sql import (
    DIRECT_SNIPPET_CHARS,
    ENTRY_COLUMNS,
    SNIPPET_ARGS,
    as_date,
    chunks,
    entry_tags,
    filter_sql,
    fts_problems,
    insert_one,
    insert_rows,
    link_tags,
    long_body_snippet,
    make_row,
    row_to_entry,
    row_to_summary,
    search_sql,
    stoppable,
    summary_columns,
    ts,
)
from journal.storage.statistics import JournalStatistics

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from pathlib import Path

    from journal.domain.query import SearchQuery
    from journal.paths import AppPaths
    from journal.storage.attachments import AttachmentStore
    from journal.storage.db import Engine

# Entries per INSERT statement in imports (11 values each; SQLite allows 32,766).
IMPORT_CHUNK = 500
# A term matching this many entries or more is searched by walking the timeline (measured
# on 100k entries: counting stops early, and below this a join-and-sort is cheaper).
COMMON_MATCHES = 500
# From how many ids on a ranked search is split between two threads (see `_ranked_ids`).
SPLIT_RANKING_FROM = 20_000
# How many of the newest matches (by rowid) are read to bound a newest-first search.
CANDIDATE_FACTOR = 4
# A search hit's excerpt (when it has no snippet) is made from this much of the body.
EXCERPT_SOURCE_CHARS = 16_384


class JournalStore(JournalStatistics):
    """One journal file. Open with `JournalStore.open(paths)`; close when done."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path
        self._watch: sqlite3.Connection | None = None  # for data_version only
        # After a purge: whether its text is still in the files because another connection
        # was reading an older snapshot (see `purge`).
        self.scrub_pending = False
        # Opened read-only (the file or its folder cannot be written): writes fail, saying so.
        self.read_only = False

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls, paths: AppPaths, busy_timeout_ms: int = db.DEFAULT_BUSY_TIMEOUT_MS
    ) -> JournalStore:
        """Open (creating if needed) the journal in `paths`, upgrading its schema if behind.

        A damaged file is reported and left untouched; a read-only folder is an error,
        never a fresh empty journal somewhere else.
        """
        path = paths.database
        db.check_header(path)
        key = cipher.key_for(path)  # raises LockedJournalError if encrypted and locked
        read_only = db.is_read_only(path)
        if key is not None and not read_only:
            from journal.storage.convert import erase_leftovers

            erase_leftovers(path)
        if not read_only:
            paths.ensure()
            db.create_private_file(path)
        engine = db.open_engine(path, busy_timeout_ms, read_only=read_only, key=key)
        store = cls(engine, path)
        store.read_only = read_only
        try:
            with db.translate_errors(path):
                store._prepare_schema(paths)
        except BaseException:
            db.dispose_untouched(engine)  # a damaged journal keeps its -wal, unmerged
            raise
        return store

    def _prepare_schema(self, paths: AppPaths) -> None:
        with db.read_transaction(self._engine) as conn:
            revision = current_revision(conn)
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        if revision == SCHEMA_HEAD:
            return
        if self.read_only:
            raise StorageError(
                f"the journal is read-only and {self.path} needs an upgrade to this Daybook",
                "make the file and its folder writable once, then try again",
            )
        if revision is None and tables:
            raise StorageError(
                f"{self.path} is an SQLite database but not a Daybook journal (left untouched)",
                "choose another folder with --home",
            )
        if revision is not None:
            from journal.storage.migrate import script_revisions

            if revision not in script_revisions():
                raise StorageError(
                    f"the journal {self.path} was written by a newer Daybook (schema {revision})",
                    "install the newer Daybook again, or restore an older backup",
                )
            from journal.storage.backup import backup_file, timestamped_name

            backup_file(
                self.path,
                paths.backups / timestamped_name(f"pre-upgrade-{revision}"),
                key=self._engine.key,
            )
        upgrade(self._engine)

    @property
    def attachments(self) -> AttachmentStore:
        """The images stored in this journal (see journal.storage.attachments)."""
        from journal.storage.attachments import AttachmentStore

        return AttachmentStore(self._engine, self.path)

    def close(self, untouched: bool = False) -> None:
        """Close the connections; the last one's checkpoint runs under the writer locks.
        `untouched` (the journal was found damaged): no checkpoint, the files stay as
        they are (see `db.dispose_untouched`)."""
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        dispose = db.dispose_untouched if untouched else db.Engine.dispose
        try:
            with db.exclusive_writer(self._engine):
                dispose(self._engine)
        except sqlite3.OperationalError:  # the locks were not had in time: close anyway
            dispose(self._engine)

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, _type: object, exc: object, _tb: object) -> None:
        self.close(untouched=isinstance(exc, DamagedJournalError))

    @property
    def engine(self) -> Engine:
        """The file's connections, for the storage modules beside the store (the outbox)."""
        return self._engine

    # -- writing ---------------------------------------------------------------------------

    def add(self, new: NewEntry) -> Entry:
        """Store one entry; returns it as stored (after the commit returned)."""
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = _driver_cursor(conn)
            tag_ids: dict[str, int] = {}
            entry_id = insert_one(cur, as_stored(new), tag_ids, on_conflict_skip=False)
            assert entry_id is not None
        return self.get(entry_id)

    def add_many(
        self,
        entries: Iterable[NewEntry],
        progress: Callable[[int], None] | None = None,
        dry_run: bool = False,
    ) -> ImportReport:
        """Store entries in one transaction, skipping uids already present (idempotent).

        If the iterable raises (a malformed line), nothing of it is stored. `dry_run`
        counts what would be added and rolls back.
        """
        report = ImportReport()
        seen: set[str] = set()
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = _driver_cursor(conn)
            tag_ids: dict[str, int] = {}
            for chunk in chunks(map(as_stored, entries), IMPORT_CHUNK):
                rows = [make_row(new, entry_tags(new.tags, new.body)) for new in chunk]
                for new, row in zip(chunk, rows, strict=True):
                    report.note(new, row.tags)
                inserted = insert_rows(cur, rows)
                for row in rows:
                    entry_id = inserted.get(row.uid)
                    if entry_id is None or row.uid in seen:
                        report.skipped += 1
                        continue
                    seen.add(row.uid)
                    report.added += 1
                    link_tags(cur, entry_id, row.tags, tag_ids)
                if progress is not None:
                    progress(report.found)
            if dry_run:
                conn.rollback()
        if progress is not None:
            progress(report.found)
        return report

    def update(
        self,
        entry_id: int,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: Sequence[str] | None = None,
        private: bool | None = None,
        day: dt.date | None = None,
    ) -> Entry:
        """Change the given fields of an entry; the body's #tags are always re-read."""
        current = self.get(entry_id, include_deleted=True)
        new_title = current.title if title is None else stored_title(title)
        new_body = current.body if body is None else stored_text(body)
        if is_empty(new_title, new_body):
            raise InputError("the entry would be empty", "keep some text (or a title)")
        explicit = (
            _explicit_tags(current) if tags is None else [t.replace("\x00", "") for t in tags]
        )
        all_tags = entry_tags(explicit, new_body)
        now, offset = to_utc(local_now())
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = _driver_cursor(conn)
            cur.execute(
                "UPDATE entries SET title=?, body=?, tag_list=?, private=?, day=?, "
                "updated_at=?, updated_offset=?, created_at=? WHERE id=?",
                (
                    new_title,
                    new_body,
                    " ".join(all_tags),
                    int(current.private if private is None else private),
                    (current.day if day is None else day).isoformat(),
                    ts(now),
                    offset,
                    ts(to_utc(current.created)[0]),  # rewrites a year an old version left short
                    entry_id,
                ),
            )
            cur.execute("DELETE FROM entry_tags WHERE entry_id=?", (entry_id,))
            link_tags(cur, entry_id, all_tags, {})
        return self.get(entry_id, include_deleted=True)

    def delete(self, entry_id: int) -> Entry:
        """Move an entry to the Trash (restorable)."""
        self.get(entry_id)
        now, _ = to_utc(local_now())
        self._execute_write("UPDATE entries SET deleted_at=? WHERE id=?", (ts(now), entry_id))
        return self.get(entry_id, include_deleted=True)

    def restore(self, entry_id: int) -> Entry:
        """Bring an entry back from the Trash."""
        self.get(entry_id, include_deleted=True)
        self._execute_write("UPDATE entries SET deleted_at=NULL WHERE id=?", (entry_id,))
        return self.get(entry_id)

    def purge(self, entry_ids: Sequence[int]) -> int:
        """Delete entries for ever and scrub their text from the file (secure_delete is on).

        The full-text index is rebuilt so no segment keeps the old tokens; then the WAL is
        checkpointed and truncated, which drops the pages as they were before. A reader
        holding an older snapshot keeps that checkpoint from finishing (it is retried for the
        busy timeout): `scrub_pending` then says the text is still in the files, until every
        connection has closed the journal (the last one's close checkpoints and removes
        the WAL).
        """
        if not entry_ids:
            return 0
        marks = ",".join("?" * len(entry_ids))
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = _driver_cursor(conn)
            cur.execute("PRAGMA secure_delete = ON")
            on = cur.execute("PRAGMA secure_delete").fetchone()
            if on is None or int(on[0]) != 1:
                raise StorageError(
                    f"cannot scrub deleted text from {self.path}: this SQLite has no "
                    "secure_delete; nothing was purged",
                    "use a Python built with a standard SQLite",
                )
            from journal.storage.attachments import drop_unreferenced, referenced_by

            images = referenced_by(cur, entry_ids)
            cur.execute(f"DELETE FROM entries WHERE id IN ({marks})", tuple(entry_ids))
            removed = cur.rowcount
            drop_unreferenced(cur, images)  # their bytes scrubbed with the text
            cur.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")
            cur.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
        with db.translate_errors(self.path):
            # The WAL still holds the pages as they were before; truncating it drops them.
            self.scrub_pending = not db.checkpoint(self._engine)
        return int(removed)

    def empty_trash(self) -> int:
        ids = [e.id for e in self.list_summaries(EntryFilter(trash=True), limit=None, preview=0)]
        return self.purge(ids)

    def _execute_write(self, sql: str, params: tuple[Any, ...]) -> None:
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            _driver_cursor(conn).execute(sql, params)

    # -- reading ---------------------------------------------------------------------------

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
        ids = [i for i in ids if _SQL_INT_MIN <= i <= _SQL_INT_MAX]  # others cannot exist
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

    def search(
        self,
        query: SearchQuery,
        filters: EntryFilter = EntryFilter(),
        limit: int | None = 50,
        order: Order = "newest",
    ) -> list[SearchHit]:
        """Entries matching a parsed query, with snippets; newest first or by relevance.

        Newest-first first bounds the search (see `_recent_bound`); without a bound, a rare
        term takes its matches from the index and sorts them, a common one walks the
        timeline index newest first and keeps entries in the match set, stopping at
        `limit` instead of sorting tens of thousands of matches (65 ms down to 8 ms).
        """
        newest = query.match is None or order == "newest"
        bound = None
        if newest and query.match is not None and limit is not None:
            bound = self._recent_bound(query, filters, limit)
        walk = bound is None and newest and query.match is not None
        walk = walk and self._is_common(str(query.match))
        if newest:
            sql, params = search_sql(query, filters, "e.id", walk=walk, bound=bound)
            sql += " ORDER BY e.day DESC, e.created_at DESC, e.id DESC"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit)
            ids = [int(r[0]) for r in self._query(sql, tuple(params))]
        else:
            ids = self._ranked_ids(query, filters, limit)
        entries = self.get_many(ids, include_deleted=filters.trash)
        snippets = self._snippets(query, entries)
        # A hit without a snippet (matched by its title or tags) shows the body's first
        # words, read from its start only (an 8 MB body took 0.7 s to excerpt whole).
        return [
            SearchHit(e, snippets.get(e.id) or excerpt(e.body[:EXCERPT_SOURCE_CHARS]))
            for e in entries
        ]

    def _ranked_ids(self, query: SearchQuery, filters: EntryFilter, limit: int | None) -> list[int]:
        """The ids of the best matches by relevance (bm25), best first, ties by id.

        Ranking scores every match (the whole cost of a common word). On a big journal the
        ids are split in two halves ranked at once on two connections (SQLite leaves
        Python's lock while it works, so two cores share the work) and the two best-first
        lists are merged: bm25's statistics are of the whole index, so a slice scores each
        entry exactly as the whole does and the answers are the same.
        """

        def ranked(span: tuple[int, int] | None) -> list[tuple[float, int]]:
            sql, params = search_sql(query, filters, "m.rank, m.id", rows=False, span=span)
            sql += " ORDER BY m.rank, m.id"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit)
            return [(float(r[0]), int(r[1])) for r in self._query(sql, tuple(params))]

        # two subqueries: SQLite answers each from the rowid at once, but scans a whole index
        # for min() and max() asked together (12 ms on 100,000 entries)
        first, last = self._query(
            "SELECT (SELECT min(id) FROM entries), (SELECT max(id) FROM entries)", ()
        )[0]
        if limit is None or first is None or last - first < SPLIT_RANKING_FROM:
            return [i for _rank, i in ranked(None)]
        middle = (first + last) // 2
        token = cancel.current()

        def half(span: tuple[int, int]) -> list[tuple[float, int]]:
            if token is None:
                return ranked(span)
            with cancel.cancellable(token):  # a stop request reaches both halves
                return ranked(span)

        from concurrent.futures import ThreadPoolExecutor  # with logging: ~7 ms at start

        with ThreadPoolExecutor(max_workers=1) as pool:
            upper = pool.submit(half, (middle + 1, last))
            best = ranked((first, middle))
            best += upper.result()
        return [i for _rank, i in sorted(best)[:limit]]

    def _recent_bound(
        self, query: SearchQuery, filters: EntryFilter, limit: int
    ) -> tuple[dt.date, int] | None:
        """A (day, id) before which no entry of the newest `limit` results can lie.

        The index hands out its highest rowids first and stops early. If `limit` of those
        candidates pass the filters, the `limit`-th newest of them is at least as new as
        the `limit`-th newest result overall, so every result lies on or after its day,
        and has an id at least the smallest id from that day on. Searching only there
        reads the tail of the index instead of every match (most entries are written in
        date order, so that tail is short). None when the candidates are too few.
        """
        assert query.match is not None
        rows = self._query(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            (query.match, min(limit * CANDIDATE_FACTOR, _SQL_INT_MAX)),
        )
        if len(rows) < limit:
            return None
        candidates = [int(r[0]) for r in rows]
        sql, params = search_sql(query, filters, "e.day", bound=(dt.date.min, min(candidates)))
        marks = ",".join("?" * len(candidates))
        sql += f" AND e.id IN ({marks}) ORDER BY e.day DESC, e.created_at DESC, e.id DESC"
        sql += " LIMIT 1 OFFSET ?"
        found = self._query(sql, (*params, *candidates, limit - 1))
        if not found:
            return None
        day = as_date(found[0][0])
        # `+id`: read the day range from the timeline index; plain min(id) walks the rowids
        # from the smallest up (37 ms on 100k entries instead of 0.01).
        first = self._query("SELECT min(+id) FROM entries WHERE day >= ?", (day.isoformat(),))
        return day, int(first[0][0])

    def _is_common(self, match: str) -> bool:
        """Whether a term matches at least COMMON_MATCHES entries (counted no further)."""
        rows = self._query(
            "SELECT count(*) FROM (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? "
            "LIMIT ?)",
            (match, COMMON_MATCHES),
        )
        return int(rows[0][0]) >= COMMON_MATCHES

    def count_search(self, query: SearchQuery, filters: EntryFilter = EntryFilter()) -> int:
        sql, params = search_sql(query, filters, "count(*)", rows=False)
        return int(self._query(sql, tuple(params))[0][0])

    def _snippets(self, query: SearchQuery, entries: Sequence[Entry]) -> dict[int, str]:
        """Each entry's snippet with its matches marked; bounded work whatever its size
        (FTS5's snippet() on short bodies, `long_body_snippet` on long ones)."""
        if query.match is None or not entries:
            return {}
        ids = [e.id for e in entries if len(e.body) <= DIRECT_SNIPPET_CHARS]
        found: dict[int, str] = {}
        if ids:
            marks = ",".join("?" * len(ids))
            # The rowid range lets FTS5 read only that stretch of the index; `+rowid IN` keeps
            # SQLite from re-running the whole MATCH once per id (slow for long prefixes).
            rows = self._query(
                "SELECT rowid, snippet(entries_fts, 1, ?, ?, ?, ?) FROM entries_fts "
                f"WHERE entries_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({marks})",
                (*SNIPPET_ARGS, query.match, min(ids), max(ids), *ids),
            )
            found = {int(r[0]): str(r[1]) for r in rows if r[1]}
        for entry in entries:
            if len(entry.body) > DIRECT_SNIPPET_CHARS:
                snippet = long_body_snippet(query.match, entry.body)
                if snippet is not None:
                    found[entry.id] = snippet
        return {i: text for i, text in found.items() if MARK_START in text}

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

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """Rows of one read; stops early when `journal.cancel` asks (see `stoppable`)."""
        with db.translate_errors(self.path), self._engine.connect() as conn:
            cur = _driver_cursor(conn)
            with stoppable(cur.connection):
                return list(cur.execute(sql, params).fetchall())

    # -- maintenance -----------------------------------------------------------------------

    def check(self, quick: bool = False) -> list[str]:
        """Problems with the file and its search index; an empty list means healthy.

        `quick` runs SQLite's quick_check (no index-content cross-check), fast enough for
        every start.
        """
        problems: list[str] = []
        pragma = "quick_check" if quick else "integrity_check"
        with db.translate_errors(self.path), self._engine.connect() as conn:
            cur = _driver_cursor(conn)
            with stoppable(cur.connection):
                result = [r[0] for r in cur.execute(f"PRAGMA {pragma}").fetchall()]
            if result != ["ok"]:
                problems.extend(f"integrity: {r}" for r in result[:20])
            problems.extend(self._fts_problems(cur))
            fk = cur.execute("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"{len(fk)} broken links between entries and tags")
        return problems

    def _fts_problems(self, cur: sqlite3.Cursor) -> list[str]:
        """FTS5's integrity check is written as an INSERT, which a read-only file refuses:
        there it runs on a copy in memory."""
        if not self.read_only:
            return fts_problems(cur)
        copy = sqlite3.connect(":memory:")
        try:
            cur.connection.backup(copy)
            return fts_problems(copy.cursor())
        finally:
            copy.close()

    def rule_problems(self) -> tuple[list[str], list[str]]:
        """Rows that break the journal's rules, each with how to fix it: (problems, notices).

        Problems: a day outside the supported range, a text larger than the largest entry
        (rows written by older versions or other tools). Notices: tags stored on an entry
        that appear only inside its private blocks (kept out of exports, but listed as the
        entry's tags).
        """
        problems: list[str] = []
        notices: list[str] = []
        with db.translate_errors(self.path), self._engine.connect() as conn:
            cur = _driver_cursor(conn)
            with stoppable(cur.connection):
                for entry_id, day in cur.execute(
                    "SELECT id, day FROM entries "
                    "WHERE day < ? OR day > ? OR substr(created_at, 5, 1) != '-' ORDER BY id",
                    (FIRST_DAY.isoformat(), LAST_DAY.isoformat()),
                ):
                    what = (
                        f"its date {day} is outside the supported range {DAY_RANGE_TEXT}"
                        if not FIRST_DAY.isoformat() <= str(day) <= LAST_DAY.isoformat()
                        else "its creation time was stored with a year before 1000"
                    )
                    problems.append(
                        f"entry {entry_id}: {what}; change its Date: with "
                        f"`daybook edit {entry_id}`, or remove it with "
                        f"`daybook delete {entry_id}`"
                    )
                for entry_id, size in cur.execute(
                    "SELECT id, length(title) + length(body) FROM entries "
                    "WHERE length(title) + length(body) > ? ORDER BY id",
                    (MAX_ENTRY_CHARS,),
                ):
                    problems.append(
                        f"entry {entry_id}: {oversize(int(size))}; shorten it with "
                        f"`daybook edit {entry_id}`, or remove it with `daybook delete {entry_id}`"
                    )
                rows = cur.execute(
                    "SELECT id, body, tag_list FROM entries WHERE tag_list != '' "
                    "AND (instr(body, '```') OR instr(body, '~~~')) ORDER BY id"
                )
                while batch := rows.fetchmany(100):
                    for entry_id, body, tag_list in batch:
                        hidden = private_only_tags(str(body))
                        stored = [t for t in str(tag_list).split() if t.casefold() in hidden]
                        if stored:
                            names = ", ".join(stored)
                            notices.append(
                                f"entry {entry_id}: the tag(s) {names} appear only inside its "
                                "private blocks, so exports leave them out; to share them, "
                                "write them outside the block, or to drop them, remove them "
                                f"from the Tags: line with `daybook edit {entry_id}`"
                            )
        return problems, notices

    def rebuild_index(self) -> None:
        """Rebuild the full-text index from the entries (repairs a stale index)."""
        self._execute_write("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')", ())

    def backup(self, target: Path, replace: bool = True) -> Path:
        """A verified copy of the journal at `target` (SQLite's backup API), encrypted with
        the journal's key if it has one.

        Without `replace`, an existing `target` is refused (StorageError).
        """
        from journal.storage.backup import backup_file

        return backup_file(self.path, target, replace, self._engine.key)

    @property
    def key(self) -> cipher.Key | None:
        """The key of an encrypted journal (None when plain): its backups use it too."""
        return self._engine.key

    def restore_from(self, source: Path, source_key: cipher.Key | None = None) -> None:
        """Replace this journal's content with the verified backup `source`, in place.

        The backup API writes through this database's own WAL, so no stale -wal file can
        bring newer data back over the restored copy. An encrypted backup is read with
        `source_key` (by default the journal's own key) and written with the journal's.
        """
        key = source_key or self._engine.key
        head = cipher.read_head(source)
        if head == SQLITE_HEADER and key is not None:
            raise plain_backup_error(source)
        if head != SQLITE_HEADER and self._engine.key is None:
            raise encrypted_backup_error(source)
        src = cipher.connect(f"file:{source}?mode=ro", key, uri=True)
        try:
            with (
                db.translate_errors(self.path),
                db.exclusive_writer(self._engine),
                self._engine.connect() as conn,
            ):
                src.backup(conn)
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            src.close()
        self._engine.dispose()


def plain_backup_error(source: Path) -> StorageError:
    """A plain backup is not restored into an encrypted journal (it would be decrypted)."""
    return StorageError(
        f"{source} is a backup of the journal from before it was encrypted; nothing was changed",
        "restore it with encryption off (`daybook decrypt`), then encrypt again",
    )


def encrypted_backup_error(source: Path) -> StorageError:
    """An encrypted backup is not restored into a plain journal (SQLCipher copies between
    encrypted databases only)."""
    return StorageError(
        f"{source} is an encrypted backup and the journal is not encrypted; nothing was changed",
        "encrypt the journal first (`daybook encrypt`), then restore it with the backup's "
        "passphrase",
    )


_SQL_INT_MIN, _SQL_INT_MAX = -(2**63), 2**63 - 1  # SQLite's INTEGER


def _driver_cursor(conn: sqlite3.Connection) -> sqlite3.Cursor:
    return conn.cursor()


def _explicit_tags(entry: Entry) -> list[str]:
    """The tags of an entry that do not come from #tags in its body."""
    from_body = {t.casefold() for t in hashtags(entry.body)}
    return [t for t in entry.tags if t.casefold() not in from_body]
