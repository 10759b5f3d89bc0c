"""One rule for the day of a new entry (issue 14.12): the day boundary in the settings
(03:00 by default) decides it for every writer, in every time zone."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from journal.cli import main
from journal.domain.filters import EntryFilter

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from journal.services.journal import Journal

ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]

# (wall time, boundary setting, expected day) on 2026-03-10 local
CASES = [
    (dt.time(0, 0), None, dt.date(2026, 3, 9)),
    (dt.time(0, 1), None, dt.date(2026, 3, 9)),
    (dt.time(1, 25), None, dt.date(2026, 3, 9)),
    (dt.time(2, 59, 59), None, dt.date(2026, 3, 9)),
    (dt.time(3, 0), None, dt.date(2026, 3, 10)),
    (dt.time(12, 0), None, dt.date(2026, 3, 10)),
    (dt.time(23, 59, 59), None, dt.date(2026, 3, 10)),
    (dt.time(1, 25), "00:00", dt.date(2026, 3, 10)),
    (dt.time(23, 30), "00:00", dt.date(2026, 3, 10)),
    (dt.time(4, 59), "05:00", dt.date(2026, 3, 9)),
    (dt.time(5, 0), "05:00", dt.date(2026, 3, 10)),
]


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def _set_boundary(home: Path, boundary: str | None) -> None:
    if boundary is not None:
        home.mkdir(parents=True, exist_ok=True)
        (home / "settings.json").write_text(json.dumps({"day_boundary": boundary}), "utf-8")


def _at(zone: str, wall: dt.time) -> dt.datetime:
    return dt.datetime.combine(dt.date(2026, 3, 10), wall, tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize(("wall", "boundary", "day"), CASES)
def test_journal_add_follows_the_boundary(
    journal: Journal,
    zone: str,
    wall: dt.time,
    boundary: str | None,
    day: dt.date,
) -> None:
    _set_boundary(journal.paths.home, boundary)
    journal.clock = lambda: _at(zone, wall)
    assert journal.add("x").day == day
    assert journal.today() == day


@pytest.mark.parametrize(("wall", "boundary", "day"), CASES)
def test_cli_add_and_today_follow_the_boundary(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    zone: str,
    wall: dt.time,
    boundary: str | None,
    day: dt.date,
) -> None:
    import journal.services.journal as service

    _set_boundary(isolated_home, boundary)
    monkeypatch.setattr(service, "local_now", lambda: _at(zone, wall))
    assert main(["add", "no date"]) == 0
    assert main(["add", "today", "--date", "today"]) == 0
    assert main(["add", "yesterday", "--date", "yesterday"]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    days = {e["body"]: e["date"] for e in json.loads(capsys.readouterr().out)}
    assert days == {
        "no date": day.isoformat(),
        "today": day.isoformat(),
        "yesterday": (day - dt.timedelta(days=1)).isoformat(),
    }


@pytest.mark.parametrize(("wall", "boundary", "day"), CASES)
def test_add_agrees_with_the_prompt(
    journal: Journal,
    zone: str,
    wall: dt.time,
    boundary: str | None,
    day: dt.date,
) -> None:
    from journal.services.prompt import PromptService
    from journal.settings import Settings

    _set_boundary(journal.paths.home, boundary)
    now = _at(zone, wall)
    journal.clock = lambda: now
    prompt = PromptService(
        journal,
        Settings.load(journal.paths.settings),
        clock=lambda: now,
        zone=lambda: ZoneInfo(zone),
    )
    assert journal.add("x").day == prompt.today() == day


@pytest.mark.parametrize(
    ("stamp", "boundary", "day"),
    [
        ("2026-03-10 01:25", None, "2026-03-09"),
        ("2026-03-10 03:00", None, "2026-03-10"),
        ("2026-03-10 00:10", "00:00", "2026-03-10"),
        ("2026-03-10 23:59", None, "2026-03-10"),
    ],
)
def test_jrnl_entries_carry_no_day_and_follow_the_boundary(
    journal: Journal,
    tmp_path: Path,
    zone: str,
    stamp: str,
    boundary: str | None,
    day: str,
) -> None:
    _set_boundary(journal.paths.home, boundary)
    source = tmp_path / "journal.txt"
    source.write_text(f"[{stamp}] A title.\nSome text.\n", encoding="utf-8")
    journal.import_file("jrnl", source)
    [entry] = journal.list_entries(EntryFilter())
    assert entry.day.isoformat() == day
