"""Stored times are read in one `fromisoformat` call (issue 18: `replace` cost ~1 us a row
of every listing and export); what comes back is what the two-step reading gave, for any
text, stored shape or not."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.filters import from_utc


def _two_steps(utc: dt.datetime | str, offset_min: int) -> dt.datetime:
    """The reading before the fast path: parse naive, then make it UTC, then move it."""
    if isinstance(utc, str):
        year, dash, rest = utc.partition("-")
        if dash and len(year) < 4 and year.isdigit():
            utc = year.zfill(4) + dash + rest
        utc = dt.datetime.fromisoformat(utc)
    aware = utc.replace(tzinfo=dt.UTC)
    try:
        return aware.astimezone(dt.timezone(dt.timedelta(minutes=offset_min)))
    except OverflowError:
        return aware


def _outcome(utc: dt.datetime | str, offset: int) -> tuple[str, object]:
    try:
        got = from_utc(utc, offset)
    except (ValueError, OverflowError) as exc:
        return ("error", type(exc))
    return ("value", (got, got.utcoffset(), got.tzinfo))


def _expected(utc: dt.datetime | str, offset: int) -> tuple[str, object]:
    try:
        got = _two_steps(utc, offset)
    except (ValueError, OverflowError) as exc:
        return ("error", type(exc))
    return ("value", (got, got.utcoffset(), got.tzinfo))


offsets = st.integers(min_value=-1439, max_value=1439)
stored = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
shapes = st.sampled_from(
    [
        lambda m: f"{m.year:04d}-" + m.strftime("%m-%d %H:%M:%S.%f"),  # what `ts` writes
        lambda m: f"{m.year}-" + m.strftime("%m-%d %H:%M:%S.%f"),  # an old short year
        lambda m: m.isoformat(),
        lambda m: m.date().isoformat(),
        lambda m: m.isoformat(timespec="minutes") + "Z",
        lambda m: m.isoformat() + "+05:30",
        lambda m: m.isoformat(timespec="hours"),
    ]
)


@given(stored, shapes, offsets)
@settings(max_examples=2000)
def test_a_stored_time_reads_as_the_two_step_reading(
    moment: dt.datetime, shape: object, offset: int
) -> None:
    text = shape(moment)  # type: ignore[operator]
    assert _outcome(text, offset) == _expected(text, offset)


@given(st.text(alphabet="0123456789-:. TZ+", max_size=32), offsets)
@settings(max_examples=2000)
def test_any_text_reads_or_fails_as_the_two_step_reading(text: str, offset: int) -> None:
    assert _outcome(text, offset) == _expected(text, offset)


@given(stored, offsets)
def test_a_datetime_reads_as_the_two_step_reading(moment: dt.datetime, offset: int) -> None:
    assert _outcome(moment, offset) == _expected(moment, offset)


@pytest.mark.parametrize("offset", [-1439, 0, 1439])
def test_the_edges_of_time_stay_readable(offset: int) -> None:
    for text in ("0001-01-01 00:00:00.000000", "9999-12-31 23:59:59.999999"):
        assert _outcome(text, offset) == _expected(text, offset)
