"""Figures about a journal over a period: counts, streaks, tags, "On this day", week review.

Pure values and date arithmetic; the counting itself is done by aggregate queries in the
store, and streaks by `journal.domain.streaks`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.domain.entry import Entry
from journal.domain.prompts import answer_matching, next_step_answer

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from journal.domain.entry import Entry

ONE_DAY = dt.timedelta(days=1)
# The "what did I learn" question of a set: the first one that says learn (or Sense:).
_LEARNED = re.compile(r"\blearn|\bsense\b|\bmake of it\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stats:
    """A period's figures. `year` None means all time; streaks are in working days.

    `current_streak` is always as of today; `longest_streak` is the longest within the period.
    """

    year: int | None
    entries: int
    words: int
    current_streak: int
    longest_streak: int
    top_tags: tuple[tuple[str, int], ...]

    def as_json(self) -> dict[str, object]:
        """The shape `daybook stats --json` prints."""
        return {
            "year": self.year,
            "entries": self.entries,
            "words": self.words,
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "top_tags": [{"tag": name, "entries": n} for name, n in self.top_tags],
        }


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_span(day: dt.date, week_start: int = 0) -> tuple[dt.date, dt.date]:
    """The week holding `day` (`week_start`: 0 Monday … 6 Sunday), first and last day."""
    first = day - dt.timedelta(days=(day.weekday() - week_start) % 7)
    return first, first + dt.timedelta(days=6)


def on_this_day_dates(today: dt.date, earliest: dt.date) -> list[dt.date]:
    """The same day of the month in every earlier month back to `earliest`, newest first.

    Months without that day (the 31st in April) are left out, never moved to another day.
    """
    found: list[dt.date] = []
    year, month = today.year, today.month
    while True:
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        if (year, month) < (earliest.year, earliest.month):
            return found
        if today.day <= calendar.monthrange(year, month)[1]:
            day = dt.date(year, month, today.day)
            if day >= earliest:
                found.append(day)


def months_between(start: dt.date, end: dt.date) -> list[str]:
    """Every month from `start` to `end` as 'YYYY-MM', in order."""
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True, slots=True)
class MonthTags:
    """One month of a tag trend: its most used tags, most used first."""

    month: str  # 'YYYY-MM'
    tags: tuple[tuple[str, int], ...]


def tag_trends(
    rows: Iterable[tuple[str, str, int]], months: Sequence[str], per_month: int = 5
) -> list[MonthTags]:
    """Group (month, tag, count) rows (a month's most used first) into the given months,
    keeping each month's `per_month` most used tags; months without tags stay, empty."""
    by_month: dict[str, list[tuple[str, int]]] = {m: [] for m in months}
    for month, tag, count in rows:
        kept = by_month.get(month)
        if kept is not None and len(kept) < per_month:
            kept.append((tag, count))
    return [MonthTags(m, tuple(by_month[m])) for m in months]


def learned_answer(body: str, questions: Sequence[str] | None = None) -> str | None:
    """The answer to the "what did I learn" question of an entry (the first one saying so)."""
    return answer_matching(body, questions, _LEARNED)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One entry of a weekly review with its "learned" and "next" answers (None: none)."""

    entry: Entry
    learned: str | None
    next_step: str | None


def review_items(
    entries: Iterable[Entry], questions: Sequence[str] | None = None
) -> list[ReviewItem]:
    """The week's entries oldest first, each with what it says was learned and comes next."""
    ordered = sorted(entries, key=lambda e: (e.day, e.created, e.id))
    return [
        ReviewItem(e, learned_answer(e.body, questions), next_step_answer(e.body, questions))
        for e in ordered
    ]
