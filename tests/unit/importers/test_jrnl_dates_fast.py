"""jrnl headers in the default time format are read without `strptime` (issue 18: ~10 us
a header of a 100,000-entry import); every text reads, or fails, as `strptime` reads it."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.importers import jrnl
from journal.importers.jrnl import DEFAULT_TIME_FORMAT, iter_jrnl


def _outcome(read: object, blob: str) -> object:
    try:
        return read(blob, DEFAULT_TIME_FORMAT)  # type: ignore[operator]
    except ValueError:
        return ValueError


@given(st.text(alphabet="0123456789-: \t", max_size=20))
@settings(max_examples=3000)
def test_any_text_reads_as_strptime_reads_it(blob: str) -> None:
    assert _outcome(jrnl._strptime, blob) == _outcome(dt.datetime.strptime, blob)


@given(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)))
def test_every_written_date_reads_back(when: dt.datetime) -> None:
    blob = f"{when.year:04d}-{when:%m-%d %H:%M}"
    assert jrnl._strptime(blob, DEFAULT_TIME_FORMAT) == dt.datetime.strptime(
        blob, DEFAULT_TIME_FORMAT
    )


@pytest.mark.parametrize(
    "blob",
    ["2026-02-29 10:00", "2026-13-01 10:00", "2026-00-10 10:00", "2026-01-00 10:00",
     "2026-01-01 24:00", "2026-01-01 23:60", "0000-01-01 00:00", "2026-01-01  10:00",
     "2026-1-01 10:00", "２０２６-01-01 10:00", "2026-01-01 10:00 "],
)  # fmt: skip
def test_near_misses_read_as_strptime_reads_them(blob: str) -> None:
    assert _outcome(jrnl._strptime, blob) == _outcome(dt.datetime.strptime, blob)


REAL_DATETIME = dt.datetime


def test_a_default_format_journal_never_calls_strptime(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing(REAL_DATETIME):
        @classmethod
        def strptime(cls, date_string: str, format: str) -> Refusing:
            if date_string != jrnl._SAMPLE.strftime(format):  # the format check's own
                raise AssertionError(f"strptime({date_string!r})")
            found = REAL_DATETIME.strptime(date_string, format)
            return cls(found.year, found.month, found.day, found.hour, found.minute)

    monkeypatch.setattr(jrnl, "dt", types.SimpleNamespace(**{**vars(dt), "datetime": Refusing}))
    text = "[2026-11-23 17:00] Shipped it.\nThe cache went out.\n\n[2026-11-24 09:30] Next\n"
    entries = list(iter_jrnl(text.splitlines(keepends=True)))
    assert [e.title for e in entries] == ["Shipped it.", "Next"]
    assert entries[0].created.replace(tzinfo=None) == REAL_DATETIME(2026, 11, 23, 17, 0)
