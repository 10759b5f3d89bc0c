"""The rolling retention of automatic backups: 7 daily, 4 weekly, 12 monthly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.retention import KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY, to_keep

MAX_KEPT = KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY


def at(day: str, hour: int = 9) -> dt.datetime:
    d = dt.date.fromisoformat(day)
    return dt.datetime(d.year, d.month, d.day, hour)


def test_nothing_to_keep_in_nothing() -> None:
    assert to_keep([], at("2026-01-30")) == set()


def test_a_single_backup_is_kept_however_old() -> None:
    assert to_keep([("only", at("2001-01-01"))], at("2026-01-30")) == {"only"}


def test_a_month_of_daily_backups() -> None:
    backups = [(f"d{i}", at(f"2026-01-{i:02d}")) for i in range(1, 31)]
    kept = to_keep(backups, at("2026-01-30", 18))
    # The last 7 days; then the newest of each older ISO week (weeks ending Sunday 18th,
    # 11th and 4th; the week of the 19th-25th is already covered by the dailies); January
    # itself is covered by the 30th.
    assert kept == {f"d{i}" for i in range(24, 31)} | {"d18", "d11", "d4"}


def test_the_newest_backup_of_a_day_is_the_one_kept() -> None:
    backups = [("morning", at("2026-03-02", 8)), ("evening", at("2026-03-02", 20))]
    assert to_keep(backups, at("2026-03-03")) == {"evening"}


def test_months_reach_back_a_year() -> None:
    # One backup on the 1st of each month for three years.
    backups = [
        (f"{y}-{m:02d}", dt.datetime(y, m, 1, 9)) for y in (2023, 2024, 2025) for m in range(1, 13)
    ]
    kept = to_keep(backups, dt.datetime(2025, 12, 31))
    # Daily and weekly keep the 11 newest (one a month, so one a day and one a week);
    # monthly then keeps 12 more months.
    assert len(kept) == MAX_KEPT
    assert min(kept) == "2024-02" and max(kept) == "2025-12"


def test_backups_from_the_future_are_kept_and_count_for_nothing() -> None:
    backups = [(f"d{i}", at(f"2026-01-{i:02d}")) for i in range(1, 11)]
    backups.append(("future", at("2027-01-01")))
    kept = to_keep(backups, at("2026-01-10", 18))
    assert "future" in kept
    assert {f"d{i}" for i in range(4, 11)} <= kept


def test_a_year_of_daily_starts_with_pruning_each_day() -> None:
    """What the app does: one backup a day, then prune. The set stays small and spread."""
    kept: set[dt.datetime] = set()
    day = dt.datetime(2025, 1, 1, 9)
    for _ in range(800):
        kept.add(day)
        kept = to_keep([(k, k) for k in kept], day)
        day += dt.timedelta(days=1)
    now = max(kept)
    newest = sorted(kept, reverse=True)
    assert len(kept) == MAX_KEPT
    assert [now - d for d in newest[:KEEP_DAILY]] == [dt.timedelta(days=i) for i in range(7)]
    assert (now - min(kept)).days >= 365  # a year back
    months = {(d.year, d.month) for d in kept}
    assert len(months) >= KEEP_MONTHLY


moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2027, 12, 31))
backup_sets = st.lists(moments, max_size=120, unique=True).map(
    lambda ts: [(i, t) for i, t in enumerate(ts)]
)


@settings(max_examples=300, deadline=None)
@given(backups=backup_sets, now=moments)
def test_properties(backups: list[tuple[int, dt.datetime]], now: dt.datetime) -> None:
    kept = to_keep(backups, now)
    keys = {k for k, _ in backups}
    times = dict(backups)
    past = [(k, t) for k, t in backups if t <= now]
    assert kept <= keys
    # The future is never pruned; at most 23 backups of the past are kept.
    assert {k for k, t in backups if t > now} <= kept
    assert len([k for k in kept if times[k] <= now]) <= MAX_KEPT
    if past:
        # The newest backup is always kept, as is the newest of each of the 7 latest days.
        assert max(past, key=lambda kt: kt[1])[0] in kept
        days: dict[dt.date, tuple[int, dt.datetime]] = {}
        for k, t in past:
            if t.date() not in days or t > days[t.date()][1]:
                days[t.date()] = (k, t)
        for d in sorted(days, reverse=True)[:KEEP_DAILY]:
            assert days[d][0] in kept
        # Fewer backups than the rules can hold: one per period, so none is lost.
        if len({t.date() for _, t in past}) == len(past) and len(past) <= KEEP_DAILY:
            assert {k for k, _ in past} <= kept
    # Pruning twice changes nothing.
    assert to_keep([(k, times[k]) for k in kept], now) == kept


@settings(max_examples=200, deadline=None)
@given(backups=backup_sets)
def test_pruning_as_you_go_equals_pruning_once(backups: list[tuple[int, dt.datetime]]) -> None:
    """Adding backups one at a time, pruning after each, ends where one pruning at the end
    does: the app may be started irregularly without the retention drifting."""
    ordered = sorted(backups, key=lambda kt: kt[1])
    kept: set[int] = set()
    times = dict(backups)
    for key, taken in ordered:
        kept.add(key)
        kept = to_keep([(k, times[k]) for k in kept], taken)
    if ordered:
        assert kept == to_keep(ordered, ordered[-1][1])
