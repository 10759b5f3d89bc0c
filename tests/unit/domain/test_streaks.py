"""Streaks of working days with a reflection, and the missed days offered for catch-up."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.schedule import Schedule
from journal.domain.streaks import Streak, missed_days, streak

DEFAULT = Schedule()
# 2026-06-01 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = (dt.date(2026, 6, 1) + dt.timedelta(days=i) for i in range(7))
NEXT_MON = MON + dt.timedelta(days=7)


def days(first: dt.date, last: dt.date) -> set[dt.date]:
    return {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}


def test_no_reflections_no_streak() -> None:
    assert streak(WED, set(), DEFAULT) == Streak(0, 0)


def test_consecutive_working_days() -> None:
    assert streak(WED, {MON, TUE, WED}, DEFAULT) == Streak(3, 3)


def test_today_not_written_yet_does_not_break_the_streak() -> None:
    assert streak(WED, {MON, TUE}, DEFAULT) == Streak(2, 2)


def test_a_missed_working_day_breaks_it() -> None:
    assert streak(FRI, {MON, TUE, THU}, DEFAULT) == Streak(1, 2)
    assert streak(FRI, {MON, TUE}, DEFAULT) == Streak(0, 2)  # Wednesday and Thursday missed


def test_the_weekend_neither_breaks_nor_counts() -> None:
    assert streak(NEXT_MON, {THU, FRI, NEXT_MON}, DEFAULT) == Streak(3, 3)
    assert streak(NEXT_MON, {THU, FRI, SAT, SUN}, DEFAULT) == Streak(2, 2)
    assert streak(SUN, {FRI}, DEFAULT) == Streak(1, 1)


def test_days_without_a_reminder_are_not_working_days() -> None:
    mon_wed_fri = Schedule(times=tuple(dt.time(17) if i in (0, 2, 4) else None for i in range(7)))
    assert streak(FRI, {MON, WED, FRI}, mon_wed_fri) == Streak(3, 3)
    assert streak(FRI, {MON, FRI}, mon_wed_fri) == Streak(1, 1)


def test_longest_is_over_all_history() -> None:
    long_ago = days(dt.date(2025, 3, 3), dt.date(2025, 3, 28))  # four working weeks
    assert streak(FRI, long_ago | {THU, FRI}, DEFAULT) == Streak(2, 20)


def test_future_days_do_not_count() -> None:
    assert streak(MON, {MON, TUE, WED}, DEFAULT) == Streak(1, 1)


def test_no_working_days_at_all() -> None:
    never = Schedule(times=(None,) * 7)
    assert streak(FRI, {MON, TUE}, never) == Streak(0, 0)
    assert missed_days(FRI, {MON}, never) == []


def test_missed_days_since_the_last_reflection() -> None:
    assert missed_days(FRI, {MON}, DEFAULT) == [TUE, WED, THU]
    assert missed_days(NEXT_MON, {THU}, DEFAULT) == [FRI]
    assert missed_days(FRI, {THU}, DEFAULT) == []


def test_missed_days_are_at_most_the_last_five() -> None:
    a_month_ago = dt.date(2026, 5, 4)
    assert missed_days(NEXT_MON, {a_month_ago}, DEFAULT) == [MON, TUE, WED, THU, FRI]
    assert missed_days(NEXT_MON, {a_month_ago}, DEFAULT, limit=2) == [THU, FRI]


def test_missed_days_leave_out_today_skipped_days_and_the_days_before_any_reflection() -> None:
    assert missed_days(FRI, {MON, FRI}, DEFAULT) == [TUE, WED, THU]  # today is not over
    assert missed_days(FRI, {MON}, DEFAULT, skipped={WED}) == [TUE, THU]
    assert missed_days(FRI, set(), DEFAULT) == []  # a new user has nothing to catch up


def _naive_current(today: dt.date, written: set[dt.date], schedule: Schedule) -> int:
    """The current streak by walking back one day at a time: the obvious definition."""
    count, day = 0, today
    while day >= min(written, default=today):
        if schedule.is_working_day(day):
            if day in written:
                count += 1
            elif day != today:
                break
        day -= dt.timedelta(days=1)
    return count


@settings(max_examples=300, deadline=None)
@given(
    offsets=st.sets(st.integers(0, 60), max_size=40),
    today_offset=st.integers(0, 70),
    mask=st.lists(st.booleans(), min_size=7, max_size=7),
)
def test_current_streak_matches_the_obvious_definition(
    offsets: set[int], today_offset: int, mask: list[bool]
) -> None:
    schedule = Schedule(times=tuple(dt.time(17, 30) if m else None for m in mask))
    start = dt.date(2026, 1, 5)
    written = {start + dt.timedelta(days=o) for o in offsets}
    today = start + dt.timedelta(days=today_offset)
    result = streak(today, written, schedule)
    assert result.current == _naive_current(today, written, schedule)
    assert result.current <= result.longest
