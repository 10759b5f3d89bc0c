"""Insights: aggregate queries, figures on fixed fixtures, "On this day", week review, CLI."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from journal.domain.entry import NewEntry
from journal.domain.prompts import DEFAULT_SET, compose
from journal.domain.stats import (
    learned_answer,
    months_between,
    on_this_day_dates,
    tag_trends,
    week_span,
)
from journal.services.insights import InsightsService
from journal.settings import Settings

if TYPE_CHECKING:
    from journal.services.journal import Journal
    from journal.storage.store import JournalStore

BERLIN = ZoneInfo("Europe/Berlin")
# 2026-06-01 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = (dt.date(2026, 6, 1) + dt.timedelta(days=i) for i in range(7))
WORK, LEARNED, NEXT = DEFAULT_SET.questions


def add(store: JournalStore, day: dt.date, body: str = "one two three", *tags: str) -> None:
    created = dt.datetime.combine(day, dt.time(17, 30), BERLIN)
    store.add(NewEntry(day=day, body=body, tags=tags, created=created))


def service(journal: Journal, now: dt.datetime) -> InsightsService:
    return InsightsService(journal, Settings(), clock=lambda: now, zone=lambda: BERLIN)


# -- the store's aggregates --------------------------------------------------------------------


def test_word_counts_are_kept_by_triggers(store: JournalStore) -> None:
    add(store, MON, "Paired on the\nmigration.\n\nLearned a lot")
    add(store, TUE, "")
    add(store, WED, "one")
    assert store.totals() == (3, 8 + 0 + 1)  # the blank line counts as a word
    store.update(3, body="one two three four")
    assert store.totals(WED, WED) == (1, 4)
    store.delete(3)
    assert store.totals() == (2, 8)


def test_words_match_a_plain_split_on_ordinary_text(store: JournalStore) -> None:
    texts = ["a b c", "line one\nline two", "para one\npara two\nthree", "x"]
    for i, text in enumerate(texts):
        add(store, MON + dt.timedelta(days=i), text)
    assert store.totals()[1] == sum(len(t.split()) for t in texts)


def test_top_tags_and_monthly_counts_over_a_period(store: JournalStore) -> None:
    add(store, dt.date(2026, 5, 29), "x", "ci", "review")
    add(store, MON, "x", "ci")
    add(store, TUE, "x", "ci", "rust")
    add(store, dt.date(2025, 6, 1), "x", "old")
    assert store.top_tags(MON, SUN) == [("ci", 2), ("rust", 1)]
    assert store.top_tags(limit=1) == [("ci", 3)]
    assert store.monthly_tag_counts(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == [
        ("2026-05", "ci", 1),
        ("2026-05", "review", 1),
        ("2026-06", "ci", 2),
        ("2026-06", "rust", 1),
    ]


def test_entries_on_days(store: JournalStore) -> None:
    add(store, MON)
    add(store, WED)
    add(store, FRI)
    assert [e.day for e in store.entries_on_days([MON, FRI, SUN])] == [FRI, MON]
    assert store.entries_on_days([]) == []


# -- pure helpers --------------------------------------------------------------------------------


def test_on_this_day_dates_skip_months_without_the_day() -> None:
    found = on_this_day_dates(dt.date(2026, 3, 31), dt.date(2025, 10, 1))
    assert found == [dt.date(2026, 1, 31), dt.date(2025, 12, 31), dt.date(2025, 10, 31)]
    assert on_this_day_dates(dt.date(2026, 3, 5), dt.date(2026, 3, 1)) == []


def test_week_span_and_months() -> None:
    assert week_span(THU) == (MON, SUN)
    assert week_span(THU, week_start=6) == (MON - dt.timedelta(days=1), SAT)
    assert months_between(dt.date(2025, 11, 20), dt.date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


def test_tag_trends_keep_empty_months_and_the_top_few() -> None:
    rows = [("2026-01", "a", 5), ("2026-01", "b", 3), ("2026-01", "c", 1), ("2025-01", "x", 9)]
    trends = tag_trends(rows, ["2026-01", "2026-02"], per_month=2)
    assert [(t.month, t.tags) for t in trends] == [
        ("2026-01", (("a", 5), ("b", 3))),
        ("2026-02", ()),
    ]


def test_learned_answer() -> None:
    body = compose(DEFAULT_SET.questions, {WORK: "CI", LEARNED: "caching", NEXT: "ship"})
    assert learned_answer(body) == "caching"
    assert learned_answer("just text") is None


# -- the service: streaks across weekends and the day boundary -----------------------------------


def test_stats_streak_across_a_weekend(journal: Journal) -> None:
    for day in (THU, FRI, MON + dt.timedelta(days=7)):
        add(journal.store, day, "a b", "ci")
    now = dt.datetime.combine(MON + dt.timedelta(days=7), dt.time(20, 0), BERLIN)
    stats = service(journal, now).stats()
    assert (stats.entries, stats.words) == (3, 6)
    assert (stats.current_streak, stats.longest_streak) == (3, 3)
    assert stats.top_tags == (("ci", 3),)


def test_stats_streak_across_the_day_boundary(journal: Journal) -> None:
    for day in (MON, TUE):
        add(journal.store, day)
    # Thursday 02:00 is still Wednesday's reflection day: Wednesday is not over yet.
    early = dt.datetime.combine(THU, dt.time(2, 0), BERLIN)
    assert service(journal, early).stats().current_streak == 2
    # After 03:00 it is Thursday, and Wednesday went unwritten.
    late = dt.datetime.combine(THU, dt.time(3, 30), BERLIN)
    stats = service(journal, late).stats()
    assert (stats.current_streak, stats.longest_streak) == (0, 2)


def test_stats_for_a_year(journal: Journal) -> None:
    for day in (dt.date(2025, 12, 30), dt.date(2025, 12, 31), dt.date(2026, 1, 2)):
        add(journal.store, day, "w", "t")
    now = dt.datetime(2026, 1, 2, 20, 0, tzinfo=BERLIN)
    insights = service(journal, now)
    s2025 = insights.stats(2025)
    assert (s2025.entries, s2025.longest_streak, s2025.current_streak) == (2, 2, 1)  # 1 Jan missed
    s2026 = insights.stats(2026)
    assert (s2026.entries, s2026.longest_streak) == (1, 1)
    assert insights.day_counts(2026) == {dt.date(2026, 1, 2): 1}


def test_on_this_day_and_week_review(journal: Journal) -> None:
    add(journal.store, dt.date(2025, 6, 3), "a year ago")
    add(journal.store, dt.date(2026, 5, 3), "a month ago")
    add(journal.store, dt.date(2026, 5, 4), "not the same day")
    body = compose(DEFAULT_SET.questions, {WORK: "CI", LEARNED: "caching", NEXT: "ship it"})
    add(journal.store, WED, body)
    add(journal.store, MON, "plain note")
    now = dt.datetime.combine(WED, dt.time(20, 0), BERLIN)
    insights = service(journal, now)
    assert [e.preview for e in insights.on_this_day()] == ["a month ago", "a year ago"]
    first, last, items = insights.week_review()
    assert (first, last) == (MON, SUN)
    assert [(i.entry.day, i.learned, i.next_step) for i in items] == [
        (MON, None, None),
        (WED, "caching", "ship it"),
    ]
    trends = insights.tag_trends(dt.date(2026, 5, 1), dt.date(2026, 6, 30))
    assert [t.month for t in trends] == ["2026-05", "2026-06"]


# -- the command line --------------------------------------------------------------------------


def test_cli_stats(capsys: pytest.CaptureFixture[str], journal: Journal) -> None:
    from journal.cli import main

    for day in (dt.date(2024, 3, 7), dt.date(2024, 3, 8), dt.date(2024, 3, 11)):
        add(journal.store, day, "three little words", "ci")
    add(journal.store, dt.date(2023, 1, 2), "older", "old")
    journal.close()
    assert main(["stats", "--year", "2024", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2024
    assert (data["entries"], data["words"], data["longest_streak"]) == (3, 9, 3)
    assert data["top_tags"] == [{"tag": "ci", "entries": 3}]
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "entries:         4" in out and "ci (3), old (1)" in out
    with pytest.raises(SystemExit) as exc:
        main(["stats", "--year", "last"])
    assert exc.value.code == 2
