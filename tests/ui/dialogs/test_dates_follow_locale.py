"""Dates in Insights and the sidebar's "On this day" follow the interface's locale (Python's
strftime wrote English day and month names in the German interface, and ISO dates)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDate, QLocale

from journal.domain.entry import Entry, NewEntry, summary_of
from journal.domain.prompts import DEFAULT_SET, compose
from journal.services.insights import InsightsService
from journal.settings import Settings
from journal.ui.dialogs.insights import InsightsDialog
from journal.ui.main.panes import Sidebar

if TYPE_CHECKING:
    from collections.abc import Iterator

TODAY = dt.date(2026, 12, 3)  # a Thursday
NOW = dt.datetime.combine(TODAY, dt.time(20)).astimezone()
EARLIER = [dt.date(2026, 11, 3), dt.date(2025, 12, 3), dt.date(2026, 12, 1)]
ENGLISH = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Dec"}  # "Nov" is German too


@pytest.fixture(params=["de_DE", "fr_FR", "en_US"])
def locale(request: Any) -> Iterator[QLocale]:
    before = QLocale()
    chosen = QLocale(request.param)
    QLocale.setDefault(chosen)
    yield chosen
    QLocale.setDefault(before)


def words(text: str) -> set[str]:
    return {w.strip(".,·()") for w in text.split()}


def test_insights_dates_follow_the_locale(qtbot: Any, journal: Any, locale: QLocale) -> None:
    q = DEFAULT_SET.questions
    journal.store.add_many(
        [NewEntry(day=d, title="Day", body=compose(q, {q[1]: "things"})) for d in EARLIER]
    )
    dlg = InsightsDialog(InsightsService(journal, Settings(), clock=lambda: NOW))
    qtbot.addWidget(dlg)
    dlg.show_on_this_day()
    rows = [dlg.on_this_day_list.item(i).text() for i in range(dlg.on_this_day_list.count())]
    assert rows, "the 3rd of earlier months"
    for row, day in zip(rows, [EARLIER[0], EARLIER[1]], strict=True):
        assert row.startswith(
            locale.toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
        )
    dlg.show_week(dt.date(2026, 12, 1))
    label = dlg.week_label.text()
    assert locale.monthName(11, QLocale.FormatType.ShortFormat) in label
    assert locale.dayName(2, QLocale.FormatType.ShortFormat) in dlg.week_view.toPlainText()
    if locale.language() != QLocale.Language.English:
        assert not words(label + " ".join(rows)) & ENGLISH


def test_the_sidebar_memories_follow_the_locale(qtbot: Any, journal: Any, locale: QLocale) -> None:
    entries = [
        Entry(i, f"u{i}", d, NOW, NOW, "Day", "x", (), False)
        for i, d in enumerate(EARLIER[:2], start=1)
    ]
    sidebar = Sidebar(journal)
    qtbot.addWidget(sidebar)
    sidebar.show_on_this_day([summary_of(e) for e in entries])
    text = sidebar.memory_list.item(0).text()
    day = EARLIER[0]
    assert text.startswith(
        locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
    )
    assert "2026-11-03" not in text
