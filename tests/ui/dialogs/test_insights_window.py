"""The Insights window: heatmap hit-testing, its signals, the figures, and the wiring."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from journal.domain.entry import NewEntry
from journal.domain.prompts import DEFAULT_SET, compose
from journal.services.insights import InsightsService
from journal.settings import Settings
from journal.ui.dialogs.charts import YearHeatmap
from journal.ui.dialogs.insights import InsightsDialog
from tests.ui.conftest import menu_of

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

NOW = dt.datetime(2026, 6, 3, 20, 0).astimezone()  # a Wednesday
MON, TUE, WED = dt.date(2026, 6, 1), dt.date(2026, 6, 2), dt.date(2026, 6, 3)
W, L, N = DEFAULT_SET.questions


def fill(journal: Journal) -> None:
    body = compose(DEFAULT_SET.questions, {W: "CI", L: "caching helps", N: "write it up"})
    entries = [
        NewEntry(day=MON, body="one two", tags=("ci",)),
        NewEntry(day=TUE, body=body, tags=("ci", "rust")),
        NewEntry(day=WED, body="three", tags=("rust",)),
        NewEntry(day=dt.date(2026, 5, 3), body="a month ago", tags=("old",)),
    ]
    journal.store.add_many(entries)


def dialog(qtbot: QtBot, journal: Journal) -> InsightsDialog:
    fill(journal)
    insights = InsightsService(journal, Settings(), clock=lambda: NOW)
    dlg = InsightsDialog(insights)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_heatmap_hit_testing(qtbot: QtBot) -> None:
    heatmap = YearHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.set_data(2026, {WED: 2})
    rect = heatmap.cell_rect(WED)
    assert heatmap.day_at(rect.center()) == WED
    assert heatmap.day_at(rect.topLeft() + QPointF(0.5, 0.5)) == WED
    assert heatmap.day_at(rect.bottomRight() + QPointF(1.5, 1.5)) is None  # the gap
    assert heatmap.day_at(QPointF(1, 1)) is None  # the margin
    # 2026-01-01 is a Thursday: the first column's Monday is in 2025, outside the year.
    assert heatmap.day_at(heatmap.cell_rect(dt.date(2026, 1, 1)).center()) == dt.date(2026, 1, 1)
    assert heatmap.day_at(QPointF(heatmap.LEFT + 2, heatmap.TOP + 2)) is None
    assert heatmap.cell_rect(dt.date(2025, 12, 31)).isEmpty()
    assert heatmap.shade(0) != heatmap.shade(1) != heatmap.shade(4)


def test_clicking_a_day_asks_to_show_it(qtbot: QtBot, journal: Journal) -> None:
    dlg = dialog(qtbot, journal)
    point = dlg.heatmap.cell_rect(TUE).center().toPoint()
    with qtbot.waitSignal(dlg.dayRequested) as blocker:
        qtbot.mouseClick(dlg.heatmap, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [TUE]


def test_the_heatmap_is_usable_from_the_keyboard(qtbot: QtBot, journal: Journal) -> None:
    dlg = dialog(qtbot, journal)
    heatmap = dlg.heatmap
    heatmap.setFocus()
    heatmap.set_current(TUE)
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)  # the next day
    assert heatmap.current == TUE + dt.timedelta(days=1)
    qtbot.keyClick(heatmap, Qt.Key.Key_Left)  # a week back
    assert heatmap.current == TUE - dt.timedelta(days=6)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    assert heatmap.current == TUE - dt.timedelta(days=7)
    assert heatmap.accessibleDescription() == heatmap.describe(heatmap.current)
    with qtbot.waitSignal(dlg.dayRequested) as blocker:
        qtbot.keyClick(heatmap, Qt.Key.Key_Return)
    assert blocker.args == [TUE - dt.timedelta(days=7)]
    qtbot.keyClick(heatmap, Qt.Key.Key_End)
    assert heatmap.current == dt.date(heatmap.year, 12, 31)
    qtbot.keyClick(heatmap, Qt.Key.Key_Right)  # stays within the year shown
    assert heatmap.current == dt.date(heatmap.year, 12, 31)
    qtbot.keyClick(heatmap, Qt.Key.Key_PageUp)
    assert heatmap.current == dt.date(heatmap.year, 11, 30)
    qtbot.keyClick(heatmap, Qt.Key.Key_Home)
    assert heatmap.current == dt.date(heatmap.year, 1, 1)


def test_the_figures(qtbot: QtBot, journal: Journal) -> None:
    dlg = dialog(qtbot, journal)
    assert dlg.year_label.text() == "2026"
    assert dlg.entries_label.text() == "4"
    assert dlg.current_label.text() == "3 working days"
    assert dlg.longest_label.text() == "3 working days"
    assert dlg.tags_label.text().startswith("#ci (2), #rust (2)")
    assert not dlg.next_year.isEnabled()
    dlg.prev_year.click()
    assert (dlg.year_label.text(), dlg.entries_label.text()) == ("2025", "0")
    assert dlg.on_this_day_list.count() == 1
    assert "a month ago" in dlg.on_this_day_list.item(0).text()
    shown = dlg.week_view.toPlainText()
    assert [d in shown for d in ("Mon 1", "Tue 2", "Wed 3")] == [True] * 3
    assert "caching helps" in shown and "write it up" in shown


def test_tag_trends_bars_and_legend_ask_for_a_tag(qtbot: QtBot, journal: Journal) -> None:
    dlg = dialog(qtbot, journal)
    dlg.tabs.setCurrentIndex(2)
    dlg.chart.resize(600, 200)
    bars = dlg.chart.bars()
    assert {(tag, month) for _r, tag, month, _n in bars} >= {("ci", "2026-06"), ("old", "2026-05")}
    rect = next(r for r, tag, month, _n in bars if tag == "rust")
    with qtbot.waitSignal(dlg.tagRequested) as blocker:
        qtbot.mouseClick(dlg.chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == ["rust"]


def test_window_wiring(make_window: MakeWindow, journal: Journal, qtbot: QtBot) -> None:
    fill(journal)
    window = make_window(journal)
    assert window.ui_actions.insights_action in menu_of(window, 2).actions()
    window.ui_actions.insights_action.trigger()
    dlg = window.insights_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.dayRequested.emit(MON)
    assert window.panes.reader.entry is not None and window.panes.reader.entry.day == MON
    with qtbot.waitSignal(window.searchFinished):
        dlg.tagRequested.emit("old")
    shown = [window.panes.model.entry_at(row) for row in range(window.panes.model.rowCount())]
    assert [e.preview for e in shown if e is not None] == ["a month ago"]
    dlg.show_week(MON)
    export = window.open_week_notes(MON, dt.date(2026, 6, 7))
    assert export is not None
    assert export.date_range() == (MON, dt.date(2026, 6, 7))
    assert export.form.format_key() == "digest_markdown"
    export.close()
