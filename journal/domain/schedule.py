"""When to ask for the end-of-day reflection: pure rules over an injected clock.

Nothing here reads the clock or the machine's zone: every function takes `now` (an aware
datetime) and the zone as a `tzinfo` (a `zoneinfo.ZoneInfo` to get daylight-saving right),
so a timer, a test and `daybook prompt` all get the same answers.

The rules:

- A *reflection day* runs from its boundary (default 03:00) to the next day's boundary:
  writing at 01:00 still counts for yesterday. `reflection_day(now, boundary, zone)` is the
  day whose boundary passed most recently, so it never steps backwards, not even when a
  daylight-saving fold repeats the boundary's hour.
- Each weekday has a reminder time or none (default 17:30 Monday to Friday). The reminder
  for day D fires at that wall time on D's date, or on the next date when the time is
  earlier than the boundary (a 01:00 reminder belongs to the evening before).
- A wall time is turned into an instant as "the first moment the wall clock reads that time
  or later": inside a fold (the hour repeated when clocks go back) the first of the two;
  inside a gap (the hour skipped when clocks go forward) the moment the gap ends. A 17:30
  reminder therefore stays at 17:30 wall time on both sides of a change.
- Only the current reflection day is ever reminded of, once: a machine asleep past the time
  gets one reminder on wake; one asleep past the day boundary gets none for the day that
  ended (catch-up offers it instead). A day already written or skipped is never reminded of.
- A change of time zone simply changes `zone`: reminders follow the new wall clock, and
  `PromptState.last_fired` keeps a day that already fired from firing again.
- Snooze is elapsed time (15 minutes are 15 real minutes, across any change of clocks); a
  snooze ends with its day.

All instants are compared in UTC: Python compares two datetimes that share a tzinfo by
wall time, which is wrong across a daylight-saving change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

UTC = dt.UTC
DEFAULT_REMINDER = dt.time(17, 30)
DEFAULT_BOUNDARY = dt.time(3, 0)
DEFAULT_TIMES: tuple[dt.time | None, ...] = (DEFAULT_REMINDER,) * 5 + (None, None)
SNOOZE_SHORT = dt.timedelta(minutes=15)
SNOOZE_LONG = dt.timedelta(hours=1)
LOOK_AHEAD_DAYS = 14


def parse_clock(text: str) -> dt.time | None:
    """'HH:MM' as a time, '' as None (no reminder); anything else raises ValueError."""
    value = text.strip()
    if not value:
        return None
    hours, sep, minutes = value.partition(":")
    well_formed = sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
    well_formed = well_formed and hours.isascii() and minutes.isascii() and len(hours) <= 2
    if not well_formed or int(hours) > 23 or int(minutes) > 59:
        raise ValueError(f"not a time of day: {text!r} (write HH:MM, e.g. 17:30)")
    return dt.time(int(hours), int(minutes))


def format_clock(value: dt.time | None) -> str:
    """The inverse of `parse_clock`: 'HH:MM', or '' for no reminder."""
    return "" if value is None else value.strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class Schedule:
    """Reminder times per weekday (Monday first; None: no reminder) and the day boundary."""

    times: tuple[dt.time | None, ...] = DEFAULT_TIMES
    boundary: dt.time = DEFAULT_BOUNDARY

    def __post_init__(self) -> None:
        if len(self.times) != 7:
            raise ValueError(f"a schedule needs 7 weekday times, got {len(self.times)}")
        for value in (*self.times, self.boundary):
            if value is not None and (value.tzinfo is not None or value.microsecond):
                raise ValueError(f"reminder times are naive wall times to the second: {value}")

    @classmethod
    def from_strings(cls, times: Sequence[str], boundary: str) -> Schedule:
        """A schedule from its settings form ('HH:MM' or '' per weekday); ValueError if bad."""
        parsed = parse_clock(boundary)
        return cls(tuple(parse_clock(t) for t in times), parsed or dt.time(0, 0))

    @classmethod
    def from_settings(cls, times: Sequence[str], boundary: str) -> Schedule:
        """`from_strings`, or the default schedule where the settings are unusable."""
        try:
            return cls.from_strings(times, boundary)
        except ValueError:
            return cls()

    def to_strings(self) -> tuple[list[str], str]:
        """The settings form: seven 'HH:MM' or '' strings, and the boundary."""
        return [format_clock(t) for t in self.times], format_clock(self.boundary)

    def time_for(self, day: dt.date) -> dt.time | None:
        """The reminder time of `day`'s weekday, or None."""
        return self.times[day.weekday()]

    def is_working_day(self, day: dt.date) -> bool:
        """A working day is one with a reminder; the others never break a streak."""
        return self.times[day.weekday()] is not None


@dataclass(frozen=True, slots=True)
class PromptState:
    """What the reminder has done lately; the prompt service keeps it in a small file.

    `last_fired` is the reflection day last reminded of; a pending snooze re-asks about
    `snoozed_day` at `snoozed_until` (aware, UTC); `skipped` is a day the user skipped.
    """

    last_fired: dt.date | None = None
    snoozed_day: dt.date | None = None
    snoozed_until: dt.datetime | None = None
    skipped: dt.date | None = None

    def mark_fired(self, day: dt.date) -> PromptState:
        """The reminder for `day` was shown: no other one for that day, snooze done."""
        return dataclasses.replace(self, last_fired=day, snoozed_day=None, snoozed_until=None)

    def snooze(self, day: dt.date, now: dt.datetime, delay: dt.timedelta) -> PromptState:
        """Ask about `day` again `delay` after `now` (instead of, not as well as, its reminder)."""
        if delay <= dt.timedelta(0):
            raise ValueError("a snooze needs a positive delay")
        until = _utc(now) + delay
        return dataclasses.replace(self, last_fired=day, snoozed_day=day, snoozed_until=until)

    def to_json(self) -> dict[str, str | None]:
        """A JSON-ready form, so the state survives a restart."""
        return {
            "last_fired": self.last_fired.isoformat() if self.last_fired else None,
            "snoozed_day": self.snoozed_day.isoformat() if self.snoozed_day else None,
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "skipped": self.skipped.isoformat() if self.skipped else None,
        }

    @classmethod
    def from_json(cls, raw: object) -> PromptState:
        """The state saved by `to_json`; anything unreadable gives a fresh state."""
        if not isinstance(raw, dict):
            return cls()
        try:

            def day(key: str) -> dt.date | None:
                value = raw.get(key)
                return dt.date.fromisoformat(value) if isinstance(value, str) else None

            until = raw.get("snoozed_until")
            moment = dt.datetime.fromisoformat(until) if isinstance(until, str) else None
            if moment is not None and moment.utcoffset() is None:
                moment = None
            return cls(day("last_fired"), day("snoozed_day"), moment, day("skipped"))
        except ValueError:
            return cls()

    def skip(self, day: dt.date) -> PromptState:
        """No reminder (nor pending snooze) for `day`."""
        if self.snoozed_day == day:
            return dataclasses.replace(self, skipped=day, snoozed_day=None, snoozed_until=None)
        return dataclasses.replace(self, skipped=day)


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"an aware datetime is needed, got {moment!r}")
    return moment.astimezone(UTC)


def first_instant(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The first moment (UTC) the wall clock in `zone` reads `naive` or later.

    Inside a fold that is the first of the two readings; inside a gap, the end of the gap.
    """
    if naive.tzinfo is not None:
        raise ValueError("first_instant takes a naive wall time")
    early = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall(early, zone) == naive:
        return early
    # In a gap: fold=0 reads it with the offset before the change (a later instant), fold=1
    # with the offset after it (an earlier one). The change lies between; find its second.
    later = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    lo, hi = sorted((early, later))
    lo_s, hi_s = int(lo.timestamp()), int(hi.timestamp())
    if _wall(_at(hi_s), zone) < naive:  # not a plain gap (a tzinfo with odd rules)
        return early
    while hi_s - lo_s > 1:
        mid = (lo_s + hi_s) // 2
        if _wall(_at(mid), zone) >= naive:
            hi_s = mid
        else:
            lo_s = mid
    return _at(hi_s)


def _at(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, UTC)


def _wall(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    return moment.astimezone(zone).replace(tzinfo=None, fold=0)


def _zone_of(now: dt.datetime, zone: dt.tzinfo | None) -> dt.tzinfo:
    _utc(now)  # refuses naive times
    chosen = zone if zone is not None else now.tzinfo
    assert chosen is not None
    return chosen


def boundary_instant(day: dt.date, boundary: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The moment (UTC) reflection day `day` begins."""
    return first_instant(dt.datetime.combine(day, boundary), zone)


def reflection_day(
    now: dt.datetime, boundary: dt.time = DEFAULT_BOUNDARY, zone: dt.tzinfo | None = None
) -> dt.date:
    """The day `now` reflects on: before the boundary (03:00) it is still yesterday.

    `zone` defaults to `now`'s own tzinfo.
    """
    tz = _zone_of(now, zone)
    moment = _utc(now)
    date = moment.astimezone(tz).date()
    if boundary_instant(date + dt.timedelta(days=1), boundary, tz) <= moment:
        return date + dt.timedelta(days=1)  # a fold that took the date back (DST at 24:00)
    if boundary_instant(date, boundary, tz) <= moment:
        return date
    return date - dt.timedelta(days=1)


def reminder_at(day: dt.date, schedule: Schedule, zone: dt.tzinfo) -> dt.datetime | None:
    """When the reminder for reflection day `day` fires (aware, in `zone`), or None."""
    at = schedule.time_for(day)
    if at is None:
        return None
    date = day if at >= schedule.boundary else day + dt.timedelta(days=1)
    return first_instant(dt.datetime.combine(date, at), zone).astimezone(zone)


def due_reminder(
    now: dt.datetime,
    state: PromptState,
    schedule: Schedule,
    written_days: Collection[dt.date],
    *,
    zone: dt.tzinfo,
) -> dt.date | None:
    """The reflection day to remind of now, or None. Call on every timer tick and on wake.

    Only the current day qualifies, so however long the machine slept this gives at most one
    reminder; record it with `state.mark_fired(day)`, or it is given again on the next tick.
    """
    moment = _utc(now)
    day = reflection_day(now, schedule.boundary, zone)
    if day in written_days or day == state.skipped:
        return None
    if state.snoozed_day == day and state.snoozed_until is not None:
        return day if state.snoozed_until <= moment else None
    if day == state.last_fired:
        return None
    at = reminder_at(day, schedule, zone)
    return day if at is not None and _utc(at) <= moment else None


def next_reminder(
    now: dt.datetime,
    state: PromptState,
    schedule: Schedule,
    written_days: Collection[dt.date],
    *,
    zone: dt.tzinfo,
) -> dt.datetime | None:
    """When `due_reminder` next gives a day (aware, in `zone`); None if not in two weeks.

    A time at or before `now` means a reminder is due already. Good for "next reminder at
    17:30" in a tooltip and for a single-shot timer; keep a periodic tick as well, because
    timers stop while the machine sleeps and the zone may change.
    """
    today = reflection_day(now, schedule.boundary, zone)
    if (
        state.snoozed_day == today
        and state.snoozed_until is not None
        and today not in written_days
        and today != state.skipped
    ):
        return state.snoozed_until.astimezone(zone)
    for offset in range(LOOK_AHEAD_DAYS + 1):
        day = today + dt.timedelta(days=offset)
        if day in written_days or day in (state.skipped, state.last_fired):
            continue
        at = reminder_at(day, schedule, zone)
        if at is not None:
            return at
    return None
