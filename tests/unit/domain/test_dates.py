"""Parsing the days and periods a user types (on the command line and in from:/to: searches)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.dates import parse_day, parse_period, shown
from journal.domain.entry import FIRST_DAY, LAST_DAY
from journal.errors import InputError

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("1000-01-01", dt.date(1000, 1, 1)),
        ("9998-12-31", dt.date(9998, 12, 31)),
        ("2024-3-5", dt.date(2024, 3, 5)),
        ("  2024-03-05\n", dt.date(2024, 3, 5)),
        ("today", TODAY),
        ("TODAY", TODAY),
        ("Yesterday", dt.date(2026, 11, 25)),
    ],
)
def test_parse_day_accepts(text: str, expected: dt.date) -> None:
    assert parse_day(text, TODAY) == expected


def test_yesterday_crosses_month_and_year() -> None:
    assert parse_day("yesterday", dt.date(2026, 1, 1)) == dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2024-13-01",
        "2023-02-29",
        "2024-04-31",
        "0000-01-01",
        "2024-00-10",
        "2024",
        "2024-03",
        "20240305",
        "2024/03/05",
        "05-03-2024",
        "2024-W10-1",
        "2024-03-05T10:00",
        "tomorrow",
        "to day",
        "２０２４-０３-０５",  # full-width digits are not ASCII digits
        "12024-03-05",
    ],
)
def test_parse_day_rejects_with_a_hint(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_day(text, TODAY)
    assert caught.value.what == f"invalid date '{text}'"
    assert caught.value.hint == "write dates as YYYY-MM-DD, e.g. 2026-11-26"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-3", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        ("2024-04", dt.date(2024, 4, 1), dt.date(2024, 4, 30)),
        ("2024-12", dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
        ("2024-03-05", dt.date(2024, 3, 5), dt.date(2024, 3, 5)),
        ("today", TODAY, TODAY),
        ("yesterday", dt.date(2026, 11, 25), dt.date(2026, 11, 25)),
        ("9999", dt.date(9999, 1, 1), dt.date(9999, 12, 31)),
    ],
)
def test_parse_period(text: str, first: dt.date, last: dt.date) -> None:
    assert parse_period(text, TODAY) == (first, last)


@pytest.mark.parametrize(
    "text", ["", "0000", "2024-13", "2024-00", "24", "202", "2024-", "2024-02-30", "last year"]
)
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_period(text, TODAY)
    assert "YYYY-MM" in caught.value.hint


def test_error_message_does_not_echo_control_characters_or_huge_input() -> None:
    with pytest.raises(InputError) as caught:
        parse_day("bad\x00\ud800" + "x" * 500, TODAY)
    message = str(caught.value)
    assert "\x00" not in message
    assert "\ud800" not in message
    assert len(message) < 120
    message.encode("utf-8")  # printable on any terminal that speaks UTF-8


def test_shown() -> None:
    assert shown("from:2024") == "from:2024"
    assert shown("a\nb") == "a\N{REPLACEMENT CHARACTER}b"
    assert shown("x" * 50, limit=10) == "x" * 9 + "\N{HORIZONTAL ELLIPSIS}"


@given(st.dates(FIRST_DAY, LAST_DAY))
def test_every_date_in_range_round_trips(day: dt.date) -> None:
    assert parse_day(day.isoformat(), TODAY) == day


@given(st.dates())
def test_every_date_is_a_period(day: dt.date) -> None:
    assert parse_period(day.isoformat(), TODAY) == (day, day)


@given(st.dates(max_value=FIRST_DAY - dt.timedelta(days=1)) | st.dates(LAST_DAY + dt.timedelta(1)))
def test_a_day_outside_the_supported_range_is_refused_in_one_line(day: dt.date) -> None:
    with pytest.raises(InputError) as caught:
        parse_day(day.isoformat(), TODAY)
    assert "supported range 1000-01-01 to 9998-12-31" in str(caught.value)
    assert "\n" not in str(caught.value)


@given(st.dates())
def test_month_period_contains_the_day_and_is_a_whole_month(day: dt.date) -> None:
    first, last = parse_period(f"{day.year:04d}-{day.month:02d}", TODAY)
    assert first <= day <= last
    assert first.day == 1
    assert last == dt.date.max or (last + dt.timedelta(days=1)).day == 1


@given(st.text())
def test_parse_day_raises_only_input_error(text: str) -> None:
    try:
        parse_day(text, TODAY)
        parse_period(text, TODAY)
    except InputError:
        pass
