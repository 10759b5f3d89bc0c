"""The Insights Year page at any window size: the heatmap takes the width (its cells grow,
square, never clipped), the months' bars take the height, so a tall or wide window shows
bigger charts rather than an empty area under the heatmap."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtWidgets import QWidget

from journal.domain.entry import NewEntry
from journal.services.insights import InsightsService
from journal.settings import Settings
from journal.ui.dialogs.charts import YearHeatmap
from journal.ui.dialogs.insights import InsightsDialog

NOW = dt.datetime(2026, 11, 25, 20, 0).astimezone()
SIZES = [(960, 560), (1024, 700), (1280, 800), (1920, 1200), (2560, 1440), (900, 900)]


def make_dialog(qtbot: Any, journal: Any, size: tuple[int, int]) -> InsightsDialog:
    days = [dt.date(2026, m, d) for m in (3, 9, 10, 11) for d in (2, 3, 4, 10, 17)]
    journal.store.add_many([NewEntry(day=day, body="a day's work") for day in days])
    dlg = InsightsDialog(InsightsService(journal, Settings(), clock=lambda: NOW))
    qtbot.addWidget(dlg)
    dlg.resize(*size)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def bottom_in(widget: QWidget, page: QWidget) -> int:
    return widget.mapTo(page, QPoint(0, widget.height())).y()


@pytest.mark.parametrize("size", SIZES)
def test_the_year_page_is_filled_at_any_size(qtbot: Any, journal: Any, size: Any) -> None:
    dlg = make_dialog(qtbot, journal, size)
    page = dlg.tabs.currentWidget()
    visible = [w for w in page.findChildren(QWidget) if w.isVisibleTo(page)]
    lowest = max(bottom_in(w, page) for w in visible)
    assert page.height() - lowest <= 24, "an empty area under the charts"
    heatmap, bars = dlg.heatmap, dlg.month_bars
    assert bottom_in(heatmap, page) < bars.mapTo(page, QPoint(0, 0)).y()
    assert bars.height() >= bars.minimumSizeHint().height()
    # The heatmap spans the page's width, its grid filling it or centred in it.
    assert heatmap.width() >= page.width() - 40
    first = heatmap.cell_rect(dt.date(2026, 1, 5))  # a Monday in the first full week
    last = heatmap.cell_rect(dt.date(2026, 12, 31))
    left_room = first.left() - heatmap.LEFT
    right_room = heatmap.width() - last.right()
    assert left_room >= 0 and right_room >= 0
    if heatmap.zoom < heatmap.MAX_ZOOM:
        assert right_room - left_room <= 3 * (heatmap.CELL + heatmap.GAP)
    # Nothing of the grid is cut off.
    assert heatmap.rect().contains(last.toAlignedRect())
    assert heatmap.rect().contains(heatmap.cell_rect(dt.date(2026, 12, 27)).toAlignedRect())


def test_a_bigger_window_draws_bigger_cells(qtbot: Any, journal: Any) -> None:
    dlg = make_dialog(qtbot, journal, (960, 560))
    small = dlg.heatmap.CELL
    dlg.resize(1920, 1200)
    qtbot.waitUntil(lambda: small * 1.5 < dlg.heatmap.CELL)
    assert dlg.heatmap.CELL <= YearHeatmap.CELL * YearHeatmap.MAX_ZOOM


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(min_value=300, max_value=4000),
    height=st.integers(min_value=60, max_value=1600),
    year=st.integers(min_value=1990, max_value=2040),
)
def test_every_day_is_inside_the_heatmap_and_found_where_it_is_drawn(
    qapp: Any, width: int, height: int, year: int
) -> None:
    heatmap = YearHeatmap()
    heatmap.set_data(year, {})
    floor = heatmap.minimumSizeHint()
    heatmap.resize(QSize(max(width, floor.width()), max(height, floor.height())))
    heatmap._fit()  # as a resize event does once the widget is shown
    assert heatmap.heightForWidth(heatmap.width()) >= floor.height()
    area = heatmap.rect()
    day = dt.date(year, 1, 1)
    while day.year == year:
        rect = heatmap.cell_rect(day)
        assert abs(rect.width() - rect.height()) < 1e-6
        assert area.contains(rect.toAlignedRect()), day
        assert heatmap.day_at(rect.center()) == day
        day += dt.timedelta(days=7 if day.month not in (1, 12) else 1)
    assert heatmap.day_at(QPointF(heatmap.margin + 1, heatmap.TOP + 1)) is None
    heatmap.deleteLater()


def test_the_months_bars_count_explain_and_open_a_month(qtbot: Any, journal: Any) -> None:
    dlg = make_dialog(qtbot, journal, (1024, 700))
    bars = dlg.month_bars
    assert bars.months == [0, 0, 5, 0, 0, 0, 0, 0, 5, 5, 5, 0]
    assert bars.bar_rect(3).height() == bars.bar_rect(11).height() > 0
    assert bars.bar_rect(1).height() == 0
    assert bars.bar_rect(3).bottom() == pytest.approx(bars.plot_rect().bottom())
    point = bars.bar_rect(10).center()
    assert "5 entries" in bars.tooltip_at(point)
    with qtbot.waitSignal(dlg.dayRequested) as signal:
        qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert signal.args == [dt.date(2026, 10, 1)]
    dlg.show_year(2025)
    assert bars.months == [0] * 12 and bars.bar_rect(3).height() == 0


def test_many_long_tags_do_not_hold_insights_wider_than_a_small_screen(
    qtbot: Any, journal: Any
) -> None:
    """Tag Trends' legend (a button a tag) scrolls sideways: with ten long tag names it had
    held the whole window about 900 pixels wide, past an 800-pixel screen."""
    tags = [f"architecture-decision-{n}" for n in range(10)]
    new = [
        NewEntry(day=dt.date(2026, 11, 2 + n), body="work", tags=(tag,))
        for n, tag in enumerate(tags)
    ]
    journal.store.add_many(new)
    dlg = InsightsDialog(InsightsService(journal, Settings(), clock=lambda: NOW))
    qtbot.addWidget(dlg)
    dlg.show_trends()
    buttons = [b for b in dlg.legend.findChildren(QWidget) if b.isVisibleTo(dlg.legend)]
    assert len(buttons) >= 8  # seven colours and "3 more tags"
    assert dlg.minimumSizeHint().width() <= 800
    dlg.tabs.setCurrentIndex(2)
    dlg.resize(700, 560)
    dlg.show()
    qtbot.waitExposed(dlg)
    area = dlg.legend_area
    assert area.horizontalScrollBar().maximum() > 0  # what does not fit, scrolls
    assert dlg.legend.height() <= area.viewport().height()  # never cut off below
