"""The journal's counts and aggregates (calendar marks, tag lists, Insights), in SQL.

A part of `JournalStore` kept in its own file: each query is an index-only read, well
under 100 ms on 100,000 entries. The store supplies `_query`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.domain.entry import PREVIEW_CHARS, EntrySummary
from journal.storage.sql import as_date, row_to_summary, summary_columns

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence


class JournalStatistics:
    """Aggregate reads; mixed into `JournalStore`, which runs them through `_query`."""

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        raise NotImplementedError

    def tag_counts(self, include_private: bool = True) -> list[tuple[str, int]]:
        """Every tag in use outside the Trash with its entry count, most used first.

        Counted from the (tag_id, entry_id) index alone, leaving out the few hidden
        entries found through partial indexes, so the entries table is never scanned.
        """
        hidden = "SELECT id FROM entries WHERE deleted_at IS NOT NULL"
        if not include_private:
            hidden += " UNION SELECT id FROM entries WHERE private = 1"
        rows = self._query(
            "SELECT t.name, c.n FROM (SELECT tag_id, count(*) AS n FROM entry_tags "
            f"WHERE entry_id NOT IN ({hidden}) GROUP BY tag_id) c JOIN tags t ON t.id = c.tag_id "
            "ORDER BY c.n DESC, t.name COLLATE NOCASE",
            (),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def day_counts(self, start: dt.date, end: dt.date) -> dict[dt.date, int]:
        """How many entries each day between `start` and `end` has (for calendars)."""
        rows = self._query(
            "SELECT day, count(*) FROM entries WHERE deleted_at IS NULL AND day BETWEEN ? AND ? "
            "GROUP BY day",
            (start.isoformat(), end.isoformat()),
        )
        return {as_date(r[0]): int(r[1]) for r in rows}

    def totals(self, start: dt.date | None = None, end: dt.date | None = None) -> tuple[int, int]:
        """Entries outside the Trash between `start` and `end` (None: open), and their words.

        Read from the partial (day, words) index alone; words are whitespace-separated runs
        of the body, kept by triggers (migration 0004).
        """
        rows = self._query(
            "SELECT count(*), coalesce(sum(words), 0) FROM entries "
            "WHERE deleted_at IS NULL AND day BETWEEN ? AND ?",
            _span(start, end),
        )
        return int(rows[0][0]), int(rows[0][1])

    def top_tags(
        self, start: dt.date | None = None, end: dt.date | None = None, limit: int = 10
    ) -> list[tuple[str, int]]:
        """The most used tags on entries between `start` and `end`, most used first."""
        if start is None and end is None:
            return self.tag_counts()[:limit]
        rows = self._query(
            "SELECT t.name, c.n FROM (SELECT et.tag_id, count(*) AS n FROM entries e "
            "JOIN entry_tags et ON et.entry_id = e.id "
            "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ? GROUP BY et.tag_id) c "
            "JOIN tags t ON t.id = c.tag_id ORDER BY c.n DESC, t.name COLLATE NOCASE LIMIT ?",
            (*_span(start, end), limit),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def monthly_tag_counts(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[tuple[str, str, int]]:
        """(month 'YYYY-MM', tag, entries) for every tag used in each month of the period,
        months in order, the most used tags of a month first."""
        rows = self._query(
            "SELECT c.month, t.name, c.n FROM (SELECT substr(e.day, 1, 7) AS month, "
            "et.tag_id, count(*) AS n FROM entries e JOIN entry_tags et ON et.entry_id = e.id "
            "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ? GROUP BY month, et.tag_id) c "
            "JOIN tags t ON t.id = c.tag_id ORDER BY c.month, c.n DESC, t.name COLLATE NOCASE",
            _span(start, end),
        )
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def entries_on_days(
        self,
        days: Sequence[dt.date],
        include_private: bool = True,
        limit: int = 100,
        preview: int = PREVIEW_CHARS,
    ) -> list[EntrySummary]:
        """Entries outside the Trash on any of `days`, newest first, as lists show them
        (for "On this day": a day and a title each)."""
        if not days:
            return []
        marks = ",".join("?" * len(days))
        private = "" if include_private else " AND e.private = 0"
        columns, params = summary_columns(preview)
        rows = self._query(
            f"SELECT {columns} FROM entries e WHERE e.deleted_at IS NULL "
            f"AND e.day IN ({marks}){private} "
            "ORDER BY e.day DESC, e.created_at DESC, e.id DESC LIMIT ?",
            (*params, *(d.isoformat() for d in days), limit),
        )
        return [row_to_summary(r, preview) for r in rows]


def _span(start: dt.date | None, end: dt.date | None) -> tuple[str, str]:
    """A day range as BETWEEN's two ISO bounds; None leaves that end open."""
    return (
        start.isoformat() if start is not None else "0001-01-01",
        end.isoformat() if end is not None else "9999-12-31",
    )
