"""SQL text and row mapping shared by the store: filters, searches, inserts, tag links.

Kept apart from `store.py` so the store reads as the list of things a journal can do;
everything here is SQLite-specific and stays inside `journal/storage`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journal import cancel
from journal.domain.entry import MARK_END, MARK_START, Entry, EntrySummary, NewEntry
from journal.domain.filters import EntryFilter, from_utc, to_utc
from journal.domain.tags import hashtags, unique_tags
from journal.storage.cipher import ERRORS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from journal.domain.query import SearchQuery

# Relevance: BM25 with a title match worth five body matches and a tag match two.
RANK = "bm25(entries_fts, 5.0, 1.0, 2.0)"
# The search index's tokenizer (migration 0001); snippets of long bodies use the same one.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
# snippet(): the body column, the match marks, the ellipsis and the snippet's length in tokens.
SNIPPET_ARGS = (MARK_START, MARK_END, "…", 24)
# FTS5's snippet() takes time quadratic in the matches in the text it is given (a body of
# 8,192 one-letter words all matching: 0.45 s; a 5 MB entry: minutes). Bodies up to
# DIRECT_SNIPPET_CHARS get it on their row as they are; longer ones only on the first
# stretch of SNIPPET_CHUNK characters that matches (see `long_body_snippet`).
DIRECT_SNIPPET_CHARS = 4096
SNIPPET_CHUNK = 1024
SNIPPET_OVERLAP = 256  # stretches overlap, so a phrase cut by one is whole in the next
SNIPPET_BATCH = 64  # stretches indexed at a time before looking for a match among them
# SQLite calls the stop check every PROGRESS_STEPS virtual-machine steps (well under a
# millisecond apart).
PROGRESS_STEPS = 10_000
SQL_INT_MIN, SQL_INT_MAX = -(2**63), 2**63 - 1  # SQLite's INTEGER
ENTRY_COLUMNS = (
    "e.id, e.uid, e.day, e.created_at, e.created_offset, e.updated_at, e.updated_offset, "
    "e.title, e.body, e.tag_list, e.private, e.deleted_at, e.kind"
)


# What a list reads of each entry: the body and the title only up to a number of
# characters (the parameter bound first, see `summary_columns`), one more than that of the
# body so `row_to_summary` can tell a cut body from one that happens to be that long.
_SUMMARY_COLUMNS = (
    "e.id, e.uid, e.day, e.created_at, e.created_offset, e.updated_at, e.updated_offset, "
    "substr(e.title, 1, ?), substr(e.body, 1, ?), e.tag_list, e.private, e.deleted_at, e.kind"
)


def summary_columns(preview: int) -> tuple[str, list[Any]]:
    """The columns of a summary row, and their parameters: at most `preview` characters of
    the title and of the body are read (cut in SQL, so a huge body never reaches memory)."""
    if preview < 0:
        raise ValueError("a preview cannot be shorter than nothing")
    return _SUMMARY_COLUMNS, [preview, preview + 1]


def row_to_summary(row: Sequence[Any], preview: int) -> EntrySummary:
    """A row of `summary_columns(preview)` as an `EntrySummary`."""
    body = str(row[8])
    return EntrySummary(preview=body[:preview], cut=len(body) > preview, **_row_fields(row))


def as_date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def row_to_entry(row: Sequence[Any]) -> Entry:
    return Entry(body=str(row[8]), **_row_fields(row))


def _row_fields(row: Sequence[Any]) -> dict[str, Any]:
    """The fields an `Entry` and an `EntrySummary` share, from a row of either's columns
    (they differ only in the body, column 8)."""
    deleted = row[11]
    return {
        "id": int(row[0]),
        "uid": str(row[1]),
        "day": as_date(row[2]),
        "created": from_utc(row[3], int(row[4])),
        "updated": from_utc(row[5], int(row[6])),
        "title": str(row[7]),
        "tags": tuple(str(row[9]).split()) if row[9] else (),
        "private": bool(row[10]),
        "deleted": dt.datetime.fromisoformat(deleted) if isinstance(deleted, str) else deleted,
        "kind": str(row[12]),
    }


def ts(moment: dt.datetime) -> str:
    """Naive UTC as SQLAlchemy's SQLite DateTime stores it (sortable text).

    The year is always four digits (strftime's %Y writes "999" for 999 on glibc).
    """
    return f"{moment.year:04d}-" + moment.strftime("%m-%d %H:%M:%S.%f")


def fts_problems(cur: sqlite3.Cursor) -> list[str]:
    """What is wrong with the FTS index: missing triggers, or an index out of step."""
    problems = []
    names = {r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for trigger in ("entries_fts_ai", "entries_fts_ad", "entries_fts_au"):
        if trigger not in names:
            problems.append(f"search index trigger {trigger} is missing")
    try:
        cur.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)")
    except ERRORS.database as exc:
        problems.append(f"search index out of step with the entries ({exc})")
    return problems


def entry_tags(explicit: Iterable[str], body: str) -> list[str]:
    return unique_tags([*explicit, *hashtags(body)])


def chunks(items: Iterable[NewEntry], size: int) -> Iterator[tuple[NewEntry, ...]]:
    """Consecutive tuples of `size` items, read lazily (itertools.batched is 3.12+)."""
    it = iter(items)
    while chunk := tuple(itertools.islice(it, size)):
        yield chunk


@dataclass(frozen=True, slots=True)
class Row:
    """An entry ready for INSERT: its uid, its tags, and the column values in order."""

    uid: str
    tags: tuple[str, ...]
    values: tuple[Any, ...]


INSERT_COLUMNS = (
    "uid, day, created_at, created_offset, updated_at, updated_offset, title, body, tag_list, "
    "private, kind"
)
ROW_MARKS = "(?,?,?,?,?,?,?,?,?,?,?)"


def new_uid() -> str:
    """A random version-4 UUID in hex, as `uuid.uuid4().hex` gives (the `uuid` module
    imports `platform`, ~3 ms of every `daybook add`)."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    return raw.hex()


def make_row(new: NewEntry, tags: Sequence[str]) -> Row:
    created, offset = to_utc(new.created)
    updated, updated_offset = (created, offset) if new.updated is None else to_utc(new.updated)
    uid = new.uid or new_uid()
    values = (
        uid, new.day.isoformat(), ts(created), offset, ts(updated), updated_offset, new.title,
        new.body, " ".join(tags), int(new.private), new.kind,
    )  # fmt: skip
    return Row(uid, tuple(tags), values)


def insert_rows(cur: sqlite3.Cursor, rows: Sequence[Row]) -> dict[str, int]:
    """Insert many entries in one statement, skipping known uids; returns uid -> new id.

    One statement per chunk matters: the FTS5 trigger flushes a segment at the end of each
    statement, and 100,000 one-row statements kept the index merging (17 s -> 5 s).
    """
    marks = ",".join([ROW_MARKS] * len(rows))
    params = [value for row in rows for value in row.values]
    found = cur.execute(
        f"INSERT INTO entries ({INSERT_COLUMNS}) VALUES {marks} "
        "ON CONFLICT(uid) DO NOTHING RETURNING id, uid",
        params,
    ).fetchall()
    return {str(uid): int(entry_id) for entry_id, uid in found}


def insert_one(
    cur: sqlite3.Cursor, new: NewEntry, tag_ids: dict[str, int], on_conflict_skip: bool
) -> int | None:
    row = make_row(new, entry_tags(new.tags, new.body))
    conflict = " ON CONFLICT(uid) DO NOTHING" if on_conflict_skip else ""
    found = cur.execute(
        f"INSERT INTO entries ({INSERT_COLUMNS}) VALUES {ROW_MARKS}{conflict} RETURNING id",
        row.values,
    ).fetchone()
    if found is None:
        return None
    entry_id = int(found[0])
    link_tags(cur, entry_id, row.tags, tag_ids)
    return entry_id


def link_tags(
    cur: sqlite3.Cursor, entry_id: int, tags: Sequence[str], cache: dict[str, int]
) -> None:
    for name in tags:
        key = name.casefold()
        tag_id = cache.get(key)
        if tag_id is None:
            cur.execute("INSERT INTO tags(name) VALUES (?) ON CONFLICT(name) DO NOTHING", (name,))
            found = cur.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
            tag_id = cache[key] = int(found[0])
        cur.execute(
            "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id) VALUES (?, ?)", (entry_id, tag_id)
        )


def filter_sql(
    filters: EntryFilter, ref: str = "e", indexed: bool = False
) -> tuple[list[str], list[Any]]:
    """WHERE terms for `filters` on the entry whose id is `ref`.id.

    `indexed` tests the Trash and private flags through their small partial indexes
    instead of the entry's row: for a set of ids from the search index that never has to
    read the rows (an entry is about a page; 40,000 matches meant 40,000 page reads). Day
    and kind need the row (`ref` must then be the entries table).
    """
    trash = "IN" if filters.trash else "NOT IN"
    if indexed:
        where = [f"{ref}.id {trash} (SELECT id FROM entries WHERE deleted_at IS NOT NULL)"]
    else:
        where = [f"{ref}.deleted_at IS {'NOT ' if filters.trash else ''}NULL"]
    params: list[Any] = []
    if filters.date_from is not None:
        where.append(f"{ref}.day >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to is not None:
        where.append(f"{ref}.day <= ?")
        params.append(filters.date_to.isoformat())
    if not filters.include_private:
        where.append(
            f"{ref}.id NOT IN (SELECT id FROM entries WHERE private = 1)"
            if indexed
            else f"{ref}.private = 0"
        )
    if filters.kind is not None:
        where.append(f"{ref}.kind = ?")
        params.append(filters.kind)
    # EXISTS per row lets SQLite walk the timeline index and stop at the page's end;
    # `e.id IN (all entries with the tag)` had to collect and sort them first (23 ms -> 0.2).
    tag_sql = (
        f"EXISTS (SELECT 1 FROM entry_tags et WHERE et.entry_id = {ref}.id "
        "AND et.tag_id = (SELECT id FROM tags WHERE name = ?))"
    )
    for tag in filters.tags:
        where.append(tag_sql)
        params.append(tag)
    for tag in filters.exclude_tags:
        where.append(f"NOT {tag_sql}")
        params.append(tag)
    return where, params


def merge_filters(query: SearchQuery, filters: EntryFilter) -> EntryFilter:
    """Combine the query's own tag:/from:/to: parts with the caller's filters."""
    date_from = max((d for d in (query.date_from, filters.date_from) if d), default=None)
    date_to = min((d for d in (query.date_to, filters.date_to) if d), default=None)
    return EntryFilter(
        date_from=date_from,
        date_to=date_to,
        tags=(*filters.tags, *query.tags),
        exclude_tags=(*filters.exclude_tags, *query.exclude_tags),
        include_private=filters.include_private,
        trash=filters.trash,
        kind=filters.kind,
    )


def search_sql(
    query: SearchQuery,
    filters: EntryFilter,
    select: str,
    walk: bool = False,
    bound: tuple[dt.date, int] | None = None,
    rows: bool = True,
    span: tuple[int, int] | None = None,
) -> tuple[str, list[Any]]:
    """SQL for a search. `walk` tests membership in the match set instead of joining it;
    `bound` (a day and an id) limits it to entries from that day on, and the index reads
    to rowids from that id on; `span` (two ids) limits the index reads to ids between them.
    `rows=False` (a caller that selects and orders by `m.id`
    and `m.rank` only) reads the entries' rows only if a day or kind filter needs them."""
    merged = merge_filters(query, filters)
    by_index = query.match is not None and not walk
    needs_rows = rows or bound is not None or merged.kind is not None
    needs_rows = needs_rows or merged.date_from is not None or merged.date_to is not None
    ref = "e" if needs_rows or not by_index else "m"
    where, params = filter_sql(merged, ref, indexed=by_index)
    if span is not None:  # one slice of the ids (a ranked search split between threads)
        rowids, extra = " AND rowid BETWEEN ? AND ?", list(span)
    else:
        rowids = " AND rowid >= ?" if bound else ""
        extra = [bound[1]] if bound else []
    if query.match is not None and walk:
        sql = f"SELECT {select} FROM entries e"
        where.append(f"+e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?{rowids})")
        params += [query.match, *extra]
    elif query.match is not None:
        sql = (
            f"SELECT {select} FROM (SELECT rowid AS id, {RANK} AS rank FROM entries_fts "
            f"WHERE entries_fts MATCH ?{rowids}) m"
        )
        if ref == "e":
            sql += " JOIN entries e ON e.id = m.id"
        params[0:0] = [query.match, *extra]
    else:
        sql = f"SELECT {select} FROM entries e"
    if query.exclude is not None:
        where.append(
            f"{ref}.id NOT IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?{rowids})"
        )
        params += [query.exclude, *extra]
    if bound:
        where.append("e.day >= ? AND e.id >= ?")
        params += [bound[0].isoformat(), bound[1]]
    return f"{sql} WHERE {' AND '.join(where)}", params


@contextlib.contextmanager
def stoppable(conn: sqlite3.Connection) -> Iterator[None]:
    """Let `journal.cancel` stop the statements run on `conn` in the block between two steps.

    A stopped statement raises `Cancelled` (or KeyboardInterrupt after Ctrl+C) instead of
    SQLite's "interrupted"; a read stops with nothing changed, a write rolls back.
    """
    cancel.check()
    conn.set_progress_handler(cancel.stop_requested, PROGRESS_STEPS)
    try:
        yield
    except ERRORS.operational as exc:
        if "interrupt" in str(exc).lower() and cancel.stop_requested():
            cancel.check()
        raise
    finally:
        conn.set_progress_handler(None, 0)


_PHRASE = re.compile(r'"(?:[^"]|"")*"(?: \*)?')


def match_phrases(match: str) -> list[str]:
    """The FTS5 string literals (each with its prefix star) that `match` joins together.

    `journal.domain.query` builds every expression from such literals joined by AND or OR,
    so the literals are all there is to find.
    """
    return _PHRASE.findall(match)


def spans(
    text: str, size: int = SNIPPET_CHUNK, overlap: int = SNIPPET_OVERLAP
) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive stretches of `text` of about `size` characters, each
    overlapping the next by about `overlap`, cut at white space where there is some."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = max(text.rfind(" ", end - overlap, end), text.rfind("\n", end - overlap, end))
            end = cut if cut > start else end
        yield start, end
        if end >= n:
            return
        nxt = max(start + 1, end - overlap)
        space = text.find(" ", nxt, end)
        start = space + 1 if space >= 0 else nxt


def long_body_snippet(match: str, body: str) -> str | None:
    """FTS5's snippet of `body` for the expression `match`, from the first stretch of the
    body that matches (one that matches the whole expression where one in the same batch
    does, else one that holds any of its phrases); None if no stretch matches (the match
    was in the title or the tags, or a phrase longer than the overlap).

    The stretches are indexed a batch at a time in a private in-memory table with the
    journal's tokenizer, so the work grows linearly with the body up to the first match and
    the quadratic snippet() only ever sees SNIPPET_CHUNK characters.
    """
    phrases = match_phrases(match)
    if not phrases:
        return None
    any_phrase = " OR ".join(dict.fromkeys(p for p in phrases))
    cuts = list(spans(body))
    con = sqlite3.connect(":memory:")
    try:
        with stoppable(con):
            con.execute(f"CREATE VIRTUAL TABLE w USING fts5(body, tokenize='{FTS_TOKENIZE}')")
            sql = (
                "SELECT rowid, snippet(w, 0, ?, ?, ?, ?) FROM w WHERE w MATCH ? AND rowid >= ? "
                "ORDER BY rowid LIMIT 1"
            )
            for first in range(0, len(cuts), SNIPPET_BATCH):
                batch = cuts[first : first + SNIPPET_BATCH]
                con.executemany(
                    "INSERT INTO w(rowid, body) VALUES (?, ?)",
                    ((i, body[s:e]) for i, (s, e) in enumerate(batch, first)),
                )
                found = None
                for expression in dict.fromkeys((match, any_phrase)):
                    found = con.execute(sql, (*SNIPPET_ARGS, expression, first)).fetchone()
                    if found is not None:
                        break
                if found is not None:
                    start, end = cuts[int(found[0])]
                    return _ellipsized(str(found[1]), start > 0, end < len(body))
    finally:
        con.close()
    return None


def _ellipsized(snippet: str, before: bool, after: bool) -> str:
    """A stretch's snippet marked as cut where the body goes on beyond the stretch."""
    ellipsis = str(SNIPPET_ARGS[2])
    if before and not snippet.startswith(ellipsis):
        snippet = ellipsis + snippet
    if after and not snippet.endswith(ellipsis):
        snippet += ellipsis
    return snippet
