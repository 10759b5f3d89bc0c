"""Streaks and missed days, from the set of days that have a reflection.

Only working days count: a day is a working day when the schedule has a reminder for its
weekday (Monday to Friday by default). Days without a reminder neither add to a streak nor
break it, and today, not being over, can add to the current streak but never break it.
History is judged by today's schedule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from journal.domain.schedule import Schedule

ONE_DAY = dt.timedelta(days=1)
CATCH_UP_LIMIT = 5


@dataclass(frozen=True, slots=True)
class Streak:
    """Consecutive working days with a reflection: the run up to today, and the longest."""

    current: int
    longest: int


def streak(today: dt.date, written: Collection[dt.date], schedule: Schedule) -> Streak:
    """The current and the longest streak as of reflection day `today`."""
    days = sorted(d for d in written if d <= today and schedule.is_working_day(d))
    if not days:
        return Streak(0, 0)
    run = longest = 0
    previous: dt.date | None = None
    for day in days:
        unbroken = previous is not None and not _missed_between(previous, day, schedule)
        run = run + 1 if unbroken else 1
        longest = max(longest, run)
        previous = day
    assert previous is not None
    # The run is current when no working day between its end and today went unwritten.
    current = run if not _missed_between(previous, today, schedule) else 0
    return Streak(current, longest)


def _missed_between(earlier: dt.date, later: dt.date, schedule: Schedule) -> bool:
    """Whether a working day lies strictly between `earlier` and `later`."""
    if (later - earlier).days > 7:
        return any(schedule.times)  # a full week holds every weekday
    day = earlier + ONE_DAY
    while day < later:
        if schedule.is_working_day(day):
            return True
        day += ONE_DAY
    return False


def missed_days(
    today: dt.date,
    written: Collection[dt.date],
    schedule: Schedule,
    limit: int = CATCH_UP_LIMIT,
    skipped: Collection[dt.date] = (),
) -> list[dt.date]:
    """Working days since the last reflection before `today` that have none; oldest first.

    At most the last `limit` of them; none before the first reflection ever (a new user has
    nothing to catch up on); today is left out, it is not over. `skipped` days are left out.
    """
    before = [d for d in written if d < today]
    if not before or limit <= 0 or not any(schedule.times):
        return []
    last = max(before)
    found: list[dt.date] = []
    day = today - ONE_DAY
    while day > last and len(found) < limit:
        if schedule.is_working_day(day) and day not in skipped:
            found.append(day)
        day -= ONE_DAY
    return found[::-1]
