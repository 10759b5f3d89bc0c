"""Insights as a use case: the figures `daybook stats` prints and the Insights window shows.

Counts come from aggregate queries in the store; streaks from `journal.domain.streaks`
with the user's schedule, as of the reflection day (before the day boundary it is still
yesterday), through `PromptService`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain.entry import EntrySummary, local_now
from journal.domain.filters import EntryFilter
from journal.domain.stats import (
    MonthTags,
    ReviewItem,
    Stats,
    months_between,
    review_items,
    tag_trends,
    week_span,
    year_span,
)
from journal.domain.streaks import Streak, streak
from journal.services.prompt import PromptService, local_zone

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from journal.services.journal import Journal
    from journal.settings import Settings

TOP_TAGS = 10
ON_THIS_DAY_LIMIT = 50


class InsightsService:
    """Statistics, "On this day", tag trends and the weekly review of one journal."""

    def __init__(
        self,
        journal: Journal,
        settings: Settings,
        *,
        clock: Callable[[], dt.datetime] = local_now,
        zone: Callable[[], dt.tzinfo] = local_zone,
    ) -> None:
        self.journal = journal
        self.prompt = PromptService(journal, settings, clock=clock, zone=zone)

    def today(self) -> dt.date:
        """The reflection day now (before the day boundary, still yesterday)."""
        return self.prompt.today()

    def streak(self) -> Streak:
        return self.prompt.streak()

    def stats(self, year: int | None = None, top: int = TOP_TAGS) -> Stats:
        """Entries, words, streaks and top tags for `year`, or all time."""
        store = self.journal.store
        start, end = year_span(year) if year is not None else (None, None)
        entries, words = store.totals(start, end)
        today = self.today()
        schedule = self.prompt.schedule
        written = self.journal.entry_days(EntryFilter(date_to=today))
        current = streak(today, written, schedule).current
        if year is None:
            longest = streak(today, written, schedule).longest
        else:
            assert start is not None and end is not None
            in_year = {d for d in written if start <= d <= end}
            longest = streak(min(today, end), in_year, schedule).longest
        return Stats(year, entries, words, current, longest, tuple(store.top_tags(start, end, top)))

    def day_counts(self, year: int) -> dict[dt.date, int]:
        """Entries per day of `year` (for the heatmap)."""
        return self.journal.day_counts(*year_span(year))

    def first_day(self) -> dt.date | None:
        """The day of the oldest entry outside the Trash."""
        oldest = self.journal.store.list_summaries(
            EntryFilter(), limit=1, oldest_first=True, preview=0
        )
        return oldest[0].day if oldest else None

    def on_this_day(
        self, day: dt.date | None = None, limit: int = ON_THIS_DAY_LIMIT
    ) -> list[EntrySummary]:
        """Entries from the same day of earlier months and years, newest first (as lists
        show them)."""
        return self.journal.on_this_day(day or self.today(), limit)

    def tag_trends(self, start: dt.date, end: dt.date, per_month: int = 5) -> list[MonthTags]:
        """Each month's most used tags from `start` to `end`."""
        rows = self.journal.store.monthly_tag_counts(start, end)
        return tag_trends(rows, months_between(start, end), per_month)

    def week_review(
        self, day: dt.date | None = None, week_start: int = 0
    ) -> tuple[dt.date, dt.date, list[ReviewItem]]:
        """The week holding `day` (default today): its span and its entries with their
        "learned" and "next" answers, oldest first."""
        first, last = week_span(day or self.today(), week_start)
        entries = self.journal.list_entries(EntryFilter(date_from=first, date_to=last), limit=None)
        return first, last, review_items(entries, self.prompt.known_questions())
