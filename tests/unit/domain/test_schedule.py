"""Reminder rules with a fake clock: weekdays, day boundary, DST, sleep, zone changes, snooze."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.schedule import (
    SNOOZE_LONG,
    SNOOZE_SHORT,
    PromptState,
    Schedule,
    due_reminder,
    first_instant,
    format_clock,
    next_reminder,
    parse_clock,
    reflection_day,
    reminder_at,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.UTC
DEFAULT = Schedule()
EVERY_DAY = Schedule(times=(dt.time(17, 30),) * 7)
ONE_MINUTE = dt.timedelta(minutes=1)


def at(zone: dt.tzinfo, stamp: str, fold: int = 0) -> dt.datetime:
    """An aware time from 'YYYY-MM-DD HH:MM' wall time in `zone`."""
    return dt.datetime.fromisoformat(stamp).replace(tzinfo=zone, fold=fold)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def utc(moment: dt.datetime | None) -> dt.datetime:
    assert moment is not None
    return moment.astimezone(UTC)


class Timer:
    """What the app's timer does on each tick: ask, and record a reminder it shows."""

    def __init__(self, schedule: Schedule = DEFAULT, written: set[dt.date] | None = None):
        self.schedule = schedule
        self.written = written if written is not None else set()
        self.state = PromptState()
        self.shown: list[tuple[dt.date, dt.datetime]] = []

    def tick(self, now: dt.datetime, zone: dt.tzinfo) -> dt.date | None:
        day = due_reminder(now, self.state, self.schedule, self.written, zone=zone)
        if day is not None:
            self.state = self.state.mark_fired(day)
            self.shown.append((day, now))
        return day

    def run(
        self, start: dt.datetime, end: dt.datetime, zone: dt.tzinfo, step: dt.timedelta
    ) -> None:
        now = start
        while now <= end:
            self.tick(now, zone)
            now = (now.astimezone(UTC) + step).astimezone(zone)


# -- the day boundary --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026-06-02 01:00", "2026-06-01"),  # 1 a.m. still counts for yesterday
        ("2026-06-02 02:59", "2026-06-01"),
        ("2026-06-02 03:00", "2026-06-02"),
        ("2026-06-02 23:59", "2026-06-02"),
        ("2026-06-02 00:00", "2026-06-01"),
    ],
)
def test_reflection_day_turns_at_the_boundary(stamp: str, expected: str) -> None:
    assert reflection_day(at(BERLIN, stamp), dt.time(3, 0), BERLIN) == d(expected)


def test_reflection_day_with_a_midnight_boundary_is_the_date() -> None:
    assert reflection_day(at(BERLIN, "2026-06-02 00:00"), dt.time(0, 0)) == d("2026-06-02")


def test_reflection_day_uses_the_zone_given_not_the_times_own() -> None:
    now = at(UTC, "2026-06-02 00:30")  # 02:30 in Berlin, 20:30 the day before in New York
    assert reflection_day(now, dt.time(3, 0), BERLIN) == d("2026-06-01")
    assert reflection_day(now, dt.time(3, 0), NEW_YORK) == d("2026-06-01")
    assert reflection_day(now, dt.time(2, 0), BERLIN) == d("2026-06-02")


def test_reflection_day_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        reflection_day(dt.datetime(2026, 6, 2, 12, 0), dt.time(3, 0), BERLIN)


def test_a_boundary_inside_a_fold_never_steps_back() -> None:
    """Berlin 2026-10-25 repeats 02:00-03:00; with a 02:30 boundary the day turns once."""
    boundary = dt.time(2, 30)
    first = at(BERLIN, "2026-10-25 02:40", fold=0)
    second = at(BERLIN, "2026-10-25 02:10", fold=1)  # later, though the wall says earlier
    assert utc(second) > utc(first)
    assert reflection_day(at(BERLIN, "2026-10-25 02:10"), boundary, BERLIN) == d("2026-10-24")
    assert reflection_day(first, boundary, BERLIN) == d("2026-10-25")
    assert reflection_day(second, boundary, BERLIN) == d("2026-10-25")


# -- turning wall times into instants ------------------------------------------------------------


def test_a_wall_time_in_a_gap_becomes_the_end_of_the_gap() -> None:
    # Berlin skips 02:00-03:00 on 2026-03-29: 02:30 does not exist; the clock jumps at 01:00 UTC.
    moment = first_instant(dt.datetime(2026, 3, 29, 2, 30), BERLIN)
    assert moment == at(UTC, "2026-03-29 01:00")
    assert moment.astimezone(BERLIN).strftime("%H:%M") == "03:00"
    # New York skips 02:00-03:00 on 2026-03-08, at 07:00 UTC.
    assert first_instant(dt.datetime(2026, 3, 8, 2, 15), NEW_YORK) == at(UTC, "2026-03-08 07:00")


def test_a_wall_time_in_a_fold_becomes_its_first_reading() -> None:
    # Berlin reads 02:30 twice on 2026-10-25: first at 00:30 UTC (CEST), then 01:30 UTC (CET).
    assert first_instant(dt.datetime(2026, 10, 25, 2, 30), BERLIN) == at(UTC, "2026-10-25 00:30")
    assert first_instant(dt.datetime(2026, 11, 1, 1, 30), NEW_YORK) == at(UTC, "2026-11-01 05:30")


def test_a_plain_wall_time_is_itself() -> None:
    assert first_instant(dt.datetime(2026, 6, 1, 17, 30), BERLIN) == at(UTC, "2026-06-01 15:30")
    assert first_instant(dt.datetime(2026, 6, 1, 17, 30), UTC) == at(UTC, "2026-06-01 17:30")


# -- the default schedule ----------------------------------------------------------------------


def test_default_is_17_30_on_working_days_and_nothing_at_weekends() -> None:
    assert reminder_at(d("2026-06-01"), DEFAULT, BERLIN) == at(BERLIN, "2026-06-01 17:30")  # Mon
    assert reminder_at(d("2026-06-05"), DEFAULT, BERLIN) == at(BERLIN, "2026-06-05 17:30")  # Fri
    assert reminder_at(d("2026-06-06"), DEFAULT, BERLIN) is None  # Sat
    assert reminder_at(d("2026-06-07"), DEFAULT, BERLIN) is None  # Sun


def test_a_reminder_earlier_than_the_boundary_belongs_to_the_evening_before() -> None:
    night = Schedule(times=(dt.time(1, 0),) * 5 + (None, None))
    fired = reminder_at(d("2026-06-05"), night, BERLIN)  # Friday's, at 01:00 on Saturday
    assert fired == at(BERLIN, "2026-06-06 01:00")
    assert reflection_day(fired, night.boundary, BERLIN) == d("2026-06-05")


def test_due_at_the_time_not_a_minute_before() -> None:
    state = PromptState()
    assert due_reminder(at(BERLIN, "2026-06-01 17:29"), state, DEFAULT, set(), zone=BERLIN) is None
    assert due_reminder(at(BERLIN, "2026-06-01 17:30"), state, DEFAULT, set(), zone=BERLIN) == d(
        "2026-06-01"
    )


def test_no_reminder_at_the_weekend() -> None:
    timer = Timer()
    timer.run(at(BERLIN, "2026-06-06 04:00"), at(BERLIN, "2026-06-08 02:59"), BERLIN, ONE_MINUTE)
    assert timer.shown == []


def test_one_reminder_per_working_day_at_17_30() -> None:
    timer = Timer()
    timer.run(at(BERLIN, "2026-06-01 08:00"), at(BERLIN, "2026-06-08 08:00"), BERLIN, ONE_MINUTE)
    assert [(day, now.strftime("%a %H:%M")) for day, now in timer.shown] == [
        (d("2026-06-01"), "Mon 17:30"),
        (d("2026-06-02"), "Tue 17:30"),
        (d("2026-06-03"), "Wed 17:30"),
        (d("2026-06-04"), "Thu 17:30"),
        (d("2026-06-05"), "Fri 17:30"),
    ]


def test_no_reminder_for_a_day_already_written() -> None:
    timer = Timer(written={d("2026-06-02")})
    timer.run(at(BERLIN, "2026-06-02 08:00"), at(BERLIN, "2026-06-03 08:00"), BERLIN, ONE_MINUTE)
    assert timer.shown == []
    nxt = next_reminder(
        at(BERLIN, "2026-06-02 08:00"), PromptState(), DEFAULT, timer.written, zone=BERLIN
    )
    assert nxt == at(BERLIN, "2026-06-03 17:30")


def test_writing_at_1am_counts_for_yesterday_so_no_late_reminder() -> None:
    # Written at 01:00 on Tuesday: the day it belongs to is Monday.
    day = reflection_day(at(BERLIN, "2026-06-02 01:00"), DEFAULT.boundary, BERLIN)
    assert day == d("2026-06-01")
    state = PromptState()
    assert due_reminder(at(BERLIN, "2026-06-02 01:30"), state, DEFAULT, {day}, zone=BERLIN) is None


# -- daylight saving ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "before", "after", "utc_before", "utc_after"),
    [
        # Berlin: CET (+1) until Sunday 2026-03-29, CEST (+2) from then; back on 2026-10-25.
        (BERLIN, "2026-03-27", "2026-03-30", "16:30", "15:30"),
        (BERLIN, "2026-10-23", "2026-10-26", "15:30", "16:30"),
        # New York: EST (-5) until Sunday 2026-03-08, EDT (-4) until 2026-11-01.
        (NEW_YORK, "2026-03-06", "2026-03-09", "22:30", "21:30"),
        (NEW_YORK, "2026-10-30", "2026-11-02", "21:30", "22:30"),
    ],
)
def test_17_30_stays_17_30_wall_time_across_a_dst_change(
    zone: ZoneInfo, before: str, after: str, utc_before: str, utc_after: str
) -> None:
    timer = Timer()
    start, end = at(zone, f"{before} 08:00"), at(zone, f"{after} 20:00")
    timer.run(start, end, zone, ONE_MINUTE)
    assert [day for day, _ in timer.shown] == [d(before), d(after)]
    assert [now.astimezone(zone).strftime("%H:%M") for _, now in timer.shown] == ["17:30"] * 2
    assert [now.astimezone(UTC).strftime("%H:%M") for _, now in timer.shown] == [
        utc_before,
        utc_after,
    ]
    # And the look-ahead agrees with the ticks, from the Friday evening over the change.
    state = PromptState().mark_fired(d(before))
    assert next_reminder(at(zone, f"{before} 18:00"), state, DEFAULT, set(), zone=zone) == at(
        zone, f"{after} 17:30"
    )


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK])
def test_every_day_reminders_on_the_change_days_themselves(zone: ZoneInfo) -> None:
    timer = Timer(EVERY_DAY)
    timer.run(at(zone, "2026-03-07 12:00"), at(zone, "2026-03-30 12:00"), zone, ONE_MINUTE)
    timer.run(at(zone, "2026-10-24 12:00"), at(zone, "2026-11-02 12:00"), zone, ONE_MINUTE)
    walls = {now.astimezone(zone).strftime("%H:%M") for _, now in timer.shown}
    days = [day for day, _ in timer.shown]
    assert walls == {"17:30"}
    assert len(days) == len(set(days)) == 23 + 9


def test_a_reminder_inside_the_spring_gap_fires_once_when_the_gap_ends() -> None:
    # Every day at 02:30 with a midnight boundary; Berlin has no 02:30 on 2026-03-29.
    early = Schedule(times=(dt.time(2, 30),) * 7, boundary=dt.time(0, 0))
    timer = Timer(early)
    timer.state = PromptState(last_fired=d("2026-03-28"))
    timer.run(at(BERLIN, "2026-03-28 12:00"), at(BERLIN, "2026-03-30 12:00"), BERLIN, ONE_MINUTE)
    assert [(day, utc(now).strftime("%d %H:%M")) for day, now in timer.shown] == [
        (d("2026-03-29"), "29 01:00"),  # 03:00 CEST, the first minute after the gap
        (d("2026-03-30"), "30 00:30"),  # 02:30 CEST
    ]


def test_a_reminder_inside_the_autumn_fold_fires_once_at_its_first_reading() -> None:
    early = Schedule(times=(dt.time(2, 30),) * 7, boundary=dt.time(0, 0))
    timer = Timer(early)
    timer.state = PromptState(last_fired=d("2026-10-24"))
    timer.run(at(BERLIN, "2026-10-24 12:00"), at(BERLIN, "2026-10-25 12:00"), BERLIN, ONE_MINUTE)
    assert [(day, utc(now).strftime("%H:%M")) for day, now in timer.shown] == [
        (d("2026-10-25"), "00:30")  # 02:30 CEST; not again at 02:30 CET
    ]


# -- sleep -------------------------------------------------------------------------------------


def test_asleep_past_the_time_gives_one_reminder_on_wake() -> None:
    timer = Timer()
    timer.tick(at(BERLIN, "2026-06-01 17:00"), BERLIN)  # then the lid closes
    assert timer.tick(at(BERLIN, "2026-06-01 21:15"), BERLIN) == d("2026-06-01")
    timer.run(at(BERLIN, "2026-06-01 21:16"), at(BERLIN, "2026-06-02 02:59"), BERLIN, ONE_MINUTE)
    assert [day for day, _ in timer.shown] == [d("2026-06-01")]


def test_asleep_past_the_day_boundary_gives_nothing_for_the_day_that_ended() -> None:
    timer = Timer()
    timer.tick(at(BERLIN, "2026-06-01 17:00"), BERLIN)
    assert timer.tick(at(BERLIN, "2026-06-02 09:00"), BERLIN) is None  # Monday is catch-up's
    timer.run(at(BERLIN, "2026-06-02 09:01"), at(BERLIN, "2026-06-02 18:00"), BERLIN, ONE_MINUTE)
    assert [day for day, _ in timer.shown] == [d("2026-06-02")]


def test_asleep_for_days_gives_no_burst() -> None:
    timer = Timer()
    timer.tick(at(BERLIN, "2026-06-01 17:00"), BERLIN)
    for minutes in range(5):  # wake on Thursday evening, several ticks in a row
        timer.tick(at(BERLIN, f"2026-06-04 20:0{minutes}"), BERLIN)
    assert [day for day, _ in timer.shown] == [d("2026-06-04")]


def test_woken_before_the_boundary_still_reminds_of_the_evening_before() -> None:
    timer = Timer()
    timer.tick(at(BERLIN, "2026-06-01 17:00"), BERLIN)
    assert timer.tick(at(BERLIN, "2026-06-02 02:00"), BERLIN) == d("2026-06-01")


def test_a_machine_off_all_day_reminds_at_start_if_the_time_passed() -> None:
    timer = Timer()  # a fresh state: the app just started
    assert timer.tick(at(BERLIN, "2026-06-01 19:00"), BERLIN) == d("2026-06-01")
    assert Timer().tick(at(BERLIN, "2026-06-01 09:00"), BERLIN) is None


# -- a change of time zone ---------------------------------------------------------------------


def test_flying_west_after_the_reminder_does_not_repeat_it() -> None:
    timer = Timer()
    assert timer.tick(at(BERLIN, "2026-06-01 17:30"), BERLIN) == d("2026-06-01")
    # Landed in New York: 13:00 local on the same date; 17:30 comes round again there.
    timer.run(
        at(NEW_YORK, "2026-06-01 13:00"), at(NEW_YORK, "2026-06-02 02:59"), NEW_YORK, ONE_MINUTE
    )
    assert [day for day, _ in timer.shown] == [d("2026-06-01")]


def test_flying_west_before_the_reminder_moves_it_to_the_new_17_30() -> None:
    timer = Timer()
    timer.run(at(BERLIN, "2026-06-01 08:00"), at(BERLIN, "2026-06-01 12:00"), BERLIN, ONE_MINUTE)
    timer.run(
        at(NEW_YORK, "2026-06-01 07:00"), at(NEW_YORK, "2026-06-01 23:00"), NEW_YORK, ONE_MINUTE
    )
    assert [(day, now.strftime("%H:%M %Z")) for day, now in timer.shown] == [
        (d("2026-06-01"), "17:30 EDT")
    ]


def test_flying_east_past_the_time_reminds_once_on_arrival() -> None:
    timer = Timer()
    timer.run(
        at(NEW_YORK, "2026-06-01 08:00"), at(NEW_YORK, "2026-06-01 14:00"), NEW_YORK, ONE_MINUTE
    )
    assert timer.shown == []
    # 14:05 in New York is 20:05 in Berlin: Berlin's 17:30 has passed, Monday is not over.
    assert timer.tick(at(BERLIN, "2026-06-01 20:05"), BERLIN) == d("2026-06-01")
    timer.run(at(BERLIN, "2026-06-01 20:06"), at(BERLIN, "2026-06-02 02:00"), BERLIN, ONE_MINUTE)
    assert len(timer.shown) == 1


def test_flying_east_over_the_boundary_leaves_the_day_to_catch_up() -> None:
    timer = Timer()
    timer.tick(at(NEW_YORK, "2026-06-01 16:00"), NEW_YORK)
    tokyo = ZoneInfo("Asia/Tokyo")  # 16:00 New York is 05:00 Tuesday in Tokyo
    assert timer.tick(at(tokyo, "2026-06-02 05:01"), tokyo) is None
    assert timer.tick(at(tokyo, "2026-06-02 17:30"), tokyo) == d("2026-06-02")


# -- snooze and skip ---------------------------------------------------------------------------


def test_snooze_asks_again_after_15_minutes_not_before() -> None:
    now = at(BERLIN, "2026-06-01 17:30")
    state = PromptState().mark_fired(d("2026-06-01")).snooze(d("2026-06-01"), now, SNOOZE_SHORT)
    due = [
        due_reminder(at(BERLIN, f"2026-06-01 {hm}"), state, DEFAULT, set(), zone=BERLIN)
        for hm in ("17:31", "17:44", "17:45", "17:50")
    ]
    assert due == [None, None, d("2026-06-01"), d("2026-06-01")]
    assert next_reminder(now, state, DEFAULT, set(), zone=BERLIN) == at(BERLIN, "2026-06-01 17:45")


def test_snooze_before_the_time_replaces_the_reminder() -> None:
    timer = Timer()
    timer.state = timer.state.snooze(d("2026-06-01"), at(BERLIN, "2026-06-01 17:00"), SNOOZE_LONG)
    timer.run(at(BERLIN, "2026-06-01 17:00"), at(BERLIN, "2026-06-01 23:00"), BERLIN, ONE_MINUTE)
    assert [now.strftime("%H:%M") for _, now in timer.shown] == ["18:00"]


def test_snooze_is_elapsed_time_across_a_clock_change() -> None:
    late = Schedule(boundary=dt.time(5, 0))
    now = at(BERLIN, "2026-03-29 01:50")  # ten minutes before the clocks go forward
    state = PromptState().snooze(d("2026-03-28"), now, SNOOZE_SHORT)
    assert due_reminder(at(BERLIN, "2026-03-29 03:04"), state, late, set(), zone=BERLIN) is None
    assert due_reminder(at(BERLIN, "2026-03-29 03:05"), state, late, set(), zone=BERLIN) == d(
        "2026-03-28"
    )


def test_a_snooze_ends_with_its_day() -> None:
    state = PromptState().snooze(d("2026-06-01"), at(BERLIN, "2026-06-02 02:50"), SNOOZE_LONG)
    assert due_reminder(at(BERLIN, "2026-06-02 03:50"), state, DEFAULT, set(), zone=BERLIN) is None
    nxt = next_reminder(at(BERLIN, "2026-06-02 03:50"), state, DEFAULT, set(), zone=BERLIN)
    assert nxt == at(BERLIN, "2026-06-02 17:30")


def test_a_snooze_for_a_day_written_meanwhile_is_dropped() -> None:
    now = at(BERLIN, "2026-06-01 17:30")
    state = PromptState().snooze(d("2026-06-01"), now, SNOOZE_SHORT)
    written = {d("2026-06-01")}
    assert due_reminder(now + SNOOZE_LONG, state, DEFAULT, written, zone=BERLIN) is None
    assert next_reminder(now, state, DEFAULT, written, zone=BERLIN) == at(
        BERLIN, "2026-06-02 17:30"
    )


def test_snooze_needs_a_positive_delay() -> None:
    with pytest.raises(ValueError, match="positive delay"):
        PromptState().snooze(d("2026-06-01"), at(BERLIN, "2026-06-01 17:30"), dt.timedelta(0))


def test_skip_today_silences_today_only() -> None:
    timer = Timer()
    timer.state = timer.state.snooze(d("2026-06-01"), at(BERLIN, "2026-06-01 16:00"), SNOOZE_LONG)
    timer.state = timer.state.skip(d("2026-06-01"))
    assert timer.state.snoozed_until is None
    timer.run(at(BERLIN, "2026-06-01 16:00"), at(BERLIN, "2026-06-02 18:00"), BERLIN, ONE_MINUTE)
    assert [day for day, _ in timer.shown] == [d("2026-06-02")]


def test_next_reminder_skips_the_weekend_and_is_none_without_any_time() -> None:
    fired = PromptState().mark_fired(d("2026-06-05"))
    nxt = next_reminder(at(BERLIN, "2026-06-05 18:00"), fired, DEFAULT, set(), zone=BERLIN)
    assert nxt == at(BERLIN, "2026-06-08 17:30")
    never = Schedule(times=(None,) * 7)
    assert next_reminder(at(BERLIN, "2026-06-05 18:00"), fired, never, set(), zone=BERLIN) is None


def test_next_reminder_in_the_past_means_due_now() -> None:
    now = at(BERLIN, "2026-06-01 19:00")
    nxt = next_reminder(now, PromptState(), DEFAULT, set(), zone=BERLIN)
    assert nxt == at(BERLIN, "2026-06-01 17:30")
    assert due_reminder(now, PromptState(), DEFAULT, set(), zone=BERLIN) == d("2026-06-01")


# -- the schedule's settings form --------------------------------------------------------------


def test_clock_strings() -> None:
    assert parse_clock("17:30") == dt.time(17, 30)
    assert parse_clock(" 7:05 ") == dt.time(7, 5)
    assert parse_clock("") is None
    assert format_clock(dt.time(7, 5)) == "07:05"
    for bad in ("17", "17:3", "24:00", "12:60", "a:bc", "17:30:00", "١٧:٣٠", "-1:30"):
        with pytest.raises(ValueError, match="not a time of day"):
            parse_clock(bad)


def test_schedule_round_trips_through_strings() -> None:
    times = ["08:00", "", "17:30", "17:30", "12:00", "", "10:15"]
    schedule = Schedule.from_strings(times, "04:00")
    assert schedule.to_strings() == (times, "04:00")
    assert Schedule().to_strings() == (["17:30"] * 5 + ["", ""], "03:00")


def test_schedule_needs_seven_naive_times() -> None:
    with pytest.raises(ValueError, match="needs 7 weekday times"):
        Schedule(times=(dt.time(17, 30),) * 6)
    with pytest.raises(ValueError, match="naive wall times"):
        Schedule(times=(dt.time(17, 30, tzinfo=UTC),) * 7)


# -- the look-ahead and the ticks agree, anywhere ----------------------------------------------

ZONES = [BERLIN, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("America/Santiago"), UTC]
clock_times = st.one_of(
    st.none(),
    st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 1, 15, 30, 59])),
)


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2027, 12, 31)),
    times=st.lists(clock_times, min_size=7, max_size=7),
    boundary=st.builds(dt.time, st.integers(0, 6), st.sampled_from([0, 30])),
)
def test_next_reminder_is_when_due_reminder_first_fires(
    zone: dt.tzinfo, start: dt.datetime, times: list[dt.time | None], boundary: dt.time
) -> None:
    schedule = Schedule(times=tuple(times), boundary=boundary)
    now = start.replace(tzinfo=UTC).astimezone(zone)
    today = reflection_day(now, boundary, zone)
    state = PromptState(last_fired=today)  # today's reminder is done: look ahead
    nxt = next_reminder(now, state, schedule, set(), zone=zone)
    if not any(times):
        assert nxt is None
        return
    assert nxt is not None and utc(nxt) > utc(now)
    day = due_reminder(nxt, state, schedule, set(), zone=zone)
    assert day is not None and day > today
    assert day == reflection_day(nxt, boundary, zone)
    wanted = schedule.time_for(day)
    assert wanted is not None
    # The wall clock reads the wanted time, or later only when a gap skipped it.
    wall = nxt.astimezone(zone)
    just_before = (utc(nxt) - dt.timedelta(seconds=1)).astimezone(zone)
    assert wall.time() == wanted or just_before.utcoffset() != wall.utcoffset()
    assert due_reminder(just_before, state, schedule, set(), zone=zone) is None
