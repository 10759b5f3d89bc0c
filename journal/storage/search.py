"""Searching entries: the search box's queries on the full-text index, newest first or by
relevance, and their snippets.

A part of `JournalStore` kept in its own file (see `store.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal import cancel
from journal.domain.entry import (
    MARK_START,
    Entry,
    SearchHit,
)
from journal.domain.filters import (
    EntryFilter,
    Order,
    excerpt,
)
from journal.storage.reads import JournalReads
from journal.storage.sql import (
    DIRECT_SNIPPET_CHARS,
    SNIPPET_ARGS,
    SQL_INT_MAX,
    as_date,
    long_body_snippet,
    search_sql,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.query import SearchQuery
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


class JournalSearch(JournalReads):
    """Full-text search, newest first or by relevance, with snippets; mixed into
    `JournalStore`."""

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
            (query.match, min(limit * CANDIDATE_FACTOR, SQL_INT_MAX)),
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
