"""Dates as the user types them: a day (YYYY-MM-DD, today, yesterday) or a period (YYYY, YYYY-MM).

Parsing is strict on purpose: a typo must be reported, never read as some other day.
"""

from __future__ import annotations

import datetime as dt
import re

from journal.domain.entry import day_problem
from journal.errors import InputError

_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_YEAR = re.compile(r"[0-9]{4}")
_WORDS = {"today": 0, "yesterday": 1}

DAY_HINT = "write dates as YYYY-MM-DD, e.g. 2026-11-26"
PERIOD_HINT = "write a year, month or day as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2026-11"


def parse_day(text: str, today: dt.date) -> dt.date:
    """The day written as YYYY-MM-DD, 'today' or 'yesterday' (relative to `today`).

    Only days in the supported range (see `journal.domain.entry.FIRST_DAY`) are accepted.
    """
    day = _day_or_none(text.strip(), today)
    if day is None:
        raise _invalid(text, DAY_HINT)
    if problem := day_problem(day):
        raise InputError(problem, "give a date in that range")
    return day


def parse_period(text: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of a year (YYYY), a month (YYYY-MM) or a single day."""
    value = text.strip()
    day = _day_or_none(value, today)
    if day is not None:
        return day, day
    try:
        if month := _MONTH.fullmatch(value):
            year, mon = int(month[1]), int(month[2])
            import calendar  # ~12 M instructions, for a month's last day only

            last = calendar.monthrange(year, mon)[1]
            return dt.date(year, mon, 1), dt.date(year, mon, last)
        if _YEAR.fullmatch(value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        pass  # month 13, year 0000: reported below like any other bad date
    raise _invalid(text, PERIOD_HINT)


def shown(text: str, limit: int = 40) -> str:
    """`text` made safe to show in a message: unprintable characters replaced, long text cut."""
    clean = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _day_or_none(value: str, today: dt.date) -> dt.date | None:
    """The day `value` names, or None when it is not a day."""
    back = _WORDS.get(value.casefold())
    if back is not None:
        return today - dt.timedelta(days=back)
    if match := _DAY.fullmatch(value):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _invalid(text: str, hint: str) -> InputError:
    """The error for a date that cannot be read."""
    return InputError(f"invalid date '{shown(text)}'", hint)
