"""Insights: a year heatmap with streaks, "On this day", tag trends and the weekly review.

The dialog asks through `dayRequested`, `tagRequested` and `weekNotesRequested`; the main
window decides what happens (jump to a day, filter the timeline by a tag, open the export
dialog). The heatmap and the tag-trend chart are in `journal.ui.charts`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.stats import ReviewItem, Stats
from journal.errors import DaybookError
from journal.services.insights import InsightsService
from journal.ui import wording
from journal.ui.charts import ONE_DAY, TagTrendChart, YearHeatmap
from journal.ui.i18n import number

TREND_MONTHS = (3, 6, 12, 24)


class InsightsDialog(QDialog):
    """Insights on the journal, in tabs: Year, On This Day, Tag Trends, Week Review."""

    dayRequested = Signal(object)  # datetime.date: show this day in the timeline
    tagRequested = Signal(str)  # filter the timeline by this tag
    weekNotesRequested = Signal(object, object)  # first and last day of the week
    loadFailed = Signal(object)  # DaybookError

    def __init__(self, insights: InsightsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insights = insights
        self.setWindowTitle(self.tr("Insights"))
        self.setAccessibleName(self.tr("Insights"))
        self.today = insights.today()
        self.year = self.today.year
        self.week_day = self.today
        self.week_first, self.week_last = self.today, self.today
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Insights pages"))
        self.tabs.addTab(self._year_page(), self.tr("&Year"))
        self.tabs.addTab(self._on_this_day_page(), self.tr("&On This Day"))
        self.tabs.addTab(self._trends_page(), self.tr("&Tag Trends"))
        self.tabs.addTab(self._week_page(), self.tr("&Week Review"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.refresh()

    # -- pages ------------------------------------------------------------------------------

    def _year_page(self) -> QWidget:
        page = QWidget(self)
        self.prev_year = QToolButton(page)
        self.prev_year.setText("◀")
        self.prev_year.setAccessibleName(self.tr("Previous year"))
        self.next_year = QToolButton(page)
        self.next_year.setText("▶")
        self.next_year.setAccessibleName(self.tr("Next year"))
        self.year_label = QLabel(page)
        self.year_label.setAccessibleName(self.tr("Year shown"))
        font = self.year_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.year_label.setFont(font)
        self.prev_year.clicked.connect(lambda: self.show_year(self.year - 1))
        self.next_year.clicked.connect(lambda: self.show_year(self.year + 1))
        self.heatmap = YearHeatmap(page)
        self.heatmap.dayClicked.connect(self.dayRequested)
        self.entries_label, self.words_label = QLabel(page), QLabel(page)
        self.current_label, self.longest_label = QLabel(page), QLabel(page)
        self.tags_label = QLabel(page)
        self.tags_label.setWordWrap(True)
        form = QFormLayout()
        for text, label in (
            (self.tr("Entries:"), self.entries_label),
            (self.tr("Words:"), self.words_label),
            (self.tr("Current streak:"), self.current_label),
            (self.tr("Longest streak:"), self.longest_label),
            (self.tr("Top tags:"), self.tags_label),
        ):
            label.setAccessibleName(text.rstrip(":"))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, label)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_year)
        nav.addWidget(self.year_label)
        nav.addWidget(self.next_year)
        nav.addStretch(1)
        hint = QLabel(
            self.tr("Click a day (or choose one with the arrow keys and Enter) to show it."),
            page,
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(page)
        layout.addLayout(nav)
        layout.addWidget(self.heatmap)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _on_this_day_page(self) -> QWidget:
        page = QWidget(self)
        self.on_this_day_heading = QLabel(page)
        self.on_this_day_list = QListWidget(page)
        self.on_this_day_list.setAccessibleName(
            self.tr("Entries from this day in earlier months and years")
        )
        self.on_this_day_list.itemActivated.connect(self._day_item_chosen)
        self.on_this_day_list.itemDoubleClicked.connect(self._day_item_chosen)
        layout = QVBoxLayout(page)
        layout.addWidget(self.on_this_day_heading)
        layout.addWidget(self.on_this_day_list)
        return page

    def _trends_page(self) -> QWidget:
        page = QWidget(self)
        self.period_combo = QComboBox(page)
        self.period_combo.setAccessibleName(self.tr("Period"))
        for months in TREND_MONTHS:
            self.period_combo.addItem(self.tr("Last {0} months").format(months), months)
        self.period_combo.setCurrentIndex(TREND_MONTHS.index(12))
        self.period_combo.currentIndexChanged.connect(lambda _i: self.show_trends())
        self.chart = TagTrendChart(page)
        self.chart.tagClicked.connect(self.tagRequested)
        self.legend = QWidget(page)
        self.legend_layout = QHBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Most used tags per month:"), page))
        top.addStretch(1)
        top.addWidget(self.period_combo)
        hint = QLabel(self.tr("Click a bar or a tag to show its entries in the timeline."), page)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.legend)
        layout.addWidget(hint)
        return page

    def _week_page(self) -> QWidget:
        page = QWidget(self)
        self.prev_week = QToolButton(page)
        self.prev_week.setText("◀")
        self.prev_week.setAccessibleName(self.tr("Previous week"))
        self.next_week = QToolButton(page)
        self.next_week.setText("▶")
        self.next_week.setAccessibleName(self.tr("Next week"))
        self.prev_week.clicked.connect(lambda: self.show_week(self.week_day - 7 * ONE_DAY))
        self.next_week.clicked.connect(lambda: self.show_week(self.week_day + 7 * ONE_DAY))
        self.week_label = QLabel(page)
        self.week_label.setAccessibleName(self.tr("Week shown"))
        self.week_notes_button = QPushButton(self.tr("Week &Notes…"), page)
        self.week_notes_button.setAccessibleName(self.tr("Export this week's notes"))
        self.week_notes_button.clicked.connect(
            lambda: self.weekNotesRequested.emit(self.week_first, self.week_last)
        )
        self.week_table = QTableWidget(0, 3, page)
        self.week_table.setAccessibleName(self.tr("The week's entries: learned and next"))
        self.week_table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("What I learned"), self.tr("What comes next")]
        )
        self.week_table.verticalHeader().hide()
        self.week_table.setWordWrap(True)
        self.week_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.week_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.week_table.cellDoubleClicked.connect(self._week_row_chosen)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_week)
        nav.addWidget(self.week_label)
        nav.addWidget(self.next_week)
        nav.addStretch(1)
        nav.addWidget(self.week_notes_button)
        layout = QVBoxLayout(page)
        layout.addLayout(nav)
        layout.addWidget(self.week_table)
        self._week_items: list[ReviewItem] = []
        return page

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every page's figures again."""
        self.show_year(self.year)
        self.show_on_this_day()
        self.show_trends()
        self.show_week(self.week_day)

    def journal_changed(self, _change: object = None) -> None:
        """The journal changed: read the figures again while the window is open."""
        if self.isVisible():
            self.refresh()

    def show_year(self, year: int) -> None:
        try:
            counts = self.insights.day_counts(year)
            stats = self.insights.stats(year)
        except DaybookError as exc:
            self.loadFailed.emit(exc)
            return
        self.year = year
        self.year_label.setText(str(year))
        self.next_year.setEnabled(year < self.today.year)
        self.heatmap.set_data(year, counts, self.today)
        self.show_stats(stats)

    def show_stats(self, stats: Stats) -> None:
        def days(n: int) -> str:
            return self.tr("1 working day") if n == 1 else self.tr("{0} working days").format(n)

        self.entries_label.setText(number(stats.entries))
        self.words_label.setText(number(stats.words))
        self.current_label.setText(days(stats.current_streak))
        self.longest_label.setText(days(stats.longest_streak))
        self.tags_label.setText(
            ", ".join(f"#{name} ({number(n)})" for name, n in stats.top_tags[:8]) or "—"
        )

    def show_on_this_day(self) -> None:
        try:
            entries = self.insights.on_this_day(self.today)
        except DaybookError as exc:
            self.loadFailed.emit(exc)
            return
        self.on_this_day_heading.setText(
            self.tr("On the {0} of earlier months and years:").format(
                wording.ordinal_day(self.today.day)
            )
            if entries
            else self.tr("Nothing written on this day in earlier months or years yet.")
        )
        self.on_this_day_list.clear()
        for entry in entries:
            item = QListWidgetItem(f"{entry.day:%a %d %b %Y}  ·  {entry.display_title}")
            item.setData(Qt.ItemDataRole.UserRole, entry.day.isoformat())
            self.on_this_day_list.addItem(item)

    def show_trends(self) -> None:
        index = self.period_combo.currentIndex()
        months = int(self.period_combo.itemData(index)) if index >= 0 else 12
        end = self.today
        start_month = end.year * 12 + end.month - 1 - (months - 1)
        start = dt.date(start_month // 12, start_month % 12 + 1, 1)
        try:
            trends = self.insights.tag_trends(start, end, per_month=4)
        except DaybookError as exc:
            self.loadFailed.emit(exc)
            return
        self.chart.set_trends(trends)
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for tag in self.chart.tags[:8]:
            button = QToolButton(self.legend)
            button.setText(f"■ #{tag}")
            button.setAutoRaise(True)
            button.setAccessibleName(self.tr("Show entries tagged {0}").format(tag))
            button.setStyleSheet(f"QToolButton {{ color: {self.chart.colour(tag).name()}; }}")
            button.clicked.connect(lambda _c=False, t=tag: self.tagRequested.emit(t))
            self.legend_layout.addWidget(button)
        self.legend_layout.addStretch(1)

    def show_week(self, day: dt.date) -> None:
        try:
            first, last, items = self.insights.week_review(day)
        except DaybookError as exc:
            self.loadFailed.emit(exc)
            return
        self.week_day, self.week_first, self.week_last = day, first, last
        self._week_items = items
        self.week_label.setText(f"{first:%d %b} – {last:%d %b %Y}")
        self.next_week.setEnabled(last < self.today)
        self.week_notes_button.setEnabled(bool(items))
        self.week_table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (
                f"{item.entry.day:%a %d}\n{item.entry.display_title}",
                item.learned or "—",
                item.next_step or "—",
            )
            for column, text in enumerate(cells):
                self.week_table.setItem(row, column, QTableWidgetItem(text))
        self.week_table.resizeRowsToContents()

    def _day_item_chosen(self, item: QListWidgetItem) -> None:
        self.dayRequested.emit(dt.date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole))))

    def _week_row_chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._week_items):
            self.dayRequested.emit(self._week_items[row].entry.day)
