"""Which automatic backups to keep: the newest of each of the last 7 days, 4 weeks, 12 months.

The rule is the one `borg prune` uses. Each rule walks the backups newest first and keeps the
newest backup of each period (day, ISO week, month) it has not seen, skipping a period whose
newest backup another rule already keeps, until it has kept its count. Counting periods that
*have* backups, not calendar periods, means a journal left alone for a year still keeps its
last 7 daily backups: time passing never deletes a backup by itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

P = TypeVar("P", bound=Hashable)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12

Period = Callable[[dt.datetime], tuple[int, ...]]


def _day(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: dt.datetime) -> tuple[int, ...]:
    iso = moment.isocalendar()
    return (iso.year, iso.week)


def _month(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)


def to_keep(
    backups: Sequence[tuple[P, dt.datetime]],
    now: dt.datetime,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[P]:
    """The backups (by key) to keep out of `backups`, given as (key, time taken) pairs.

    Times are compared as given (use local, naive times for all of them). A backup dated
    after `now` (a clock set back) is always kept and counts for no period.
    """
    keep: set[P] = {key for key, taken in backups if taken > now}
    past = sorted(
        ((key, taken) for key, taken in backups if taken <= now),
        key=lambda item: item[1],
        reverse=True,
    )
    for period, count in ((_day, daily), (_week, weekly), (_month, monthly)):
        keep |= _newest_per_period(past, period, count, keep)
    return keep


def _newest_per_period(
    newest_first: Sequence[tuple[P, dt.datetime]], period: Period, count: int, already: set[P]
) -> set[P]:
    kept: set[P] = set()
    last: tuple[int, ...] | None = None
    for key, taken in newest_first:
        if len(kept) >= count:
            break
        current = period(taken)
        if current == last:
            continue
        last = current
        if key not in already:
            kept.add(key)
    return kept
