"""Insights: a year heatmap with streaks, "On this day", tag trends and the weekly review.

The dialog asks through `dayRequested`, `tagRequested` and `weekNotesRequested`; the main
window decides what happens (jump to a day, filter the timeline by a tag, open the export
dialog). The heatmap and the tag-trend chart are in `journal.ui.dialogs.charts`.
"""

from __future__ import annotations

import datetime as dt
import sys
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.common import wording
from journal.ui.common.i18n import day_month, number, short_day, weekday
from journal.ui.dialogs.charts import OKABE_ITO, ONE_DAY, TagTrendChart, YearHeatmap
from journal.ui.dialogs.month_chart import MonthBars
from journal.ui.timeline.reader import add_lock_image, private_box

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.stats import ReviewItem, Stats
    from journal.services.insights import InsightsService

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

TREND_MONTHS = (3, 6, 12, 24)


class InsightsDialog(QDialog):
    """Insights on the journal, in tabs: Year, On This Day, Tag Trends, Week Review."""

    dayRequested = Signal(object)  # datetime.date: show this day in the timeline
    tagRequested = Signal(str)  # filter the timeline by this tag
    weekNotesRequested = Signal(object, object)  # first and last day of the week
    loadFailed = Signal(object)  # DaybookError

    def __init__(
        self,
        insights: InsightsService,
        parent: QWidget | None = None,
        renderer: MarkdownRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.insights = insights
        self._renderer = renderer
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
        self.tags_label.setContentsMargins(0, 10, 0, 0)  # apart from the tiles, when wrapped too
        # The figures as a row of tiles (the value over what it counts), then the top tags.
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(2)
        figure_font = self.font()
        figure_font.setBold(True)
        figure_font.setPointSizeF(figure_font.pointSizeF() * 1.5)
        for column, (text, label) in enumerate(
            (
                (self.tr("Entries"), self.entries_label),
                (self.tr("Words"), self.words_label),
                (self.tr("Current streak"), self.current_label),
                (self.tr("Longest streak"), self.longest_label),
            )
        ):
            label.setFont(figure_font)
            grid.addWidget(label, 0, column)
            grid.addWidget(self._caption(text, label, page), 1, column)
        grid.setColumnStretch(4, 1)
        grid.addWidget(self.tags_label, 2, 0, 1, 5)
        grid.addWidget(self._caption(self.tr("Top tags"), self.tags_label, page), 3, 0, 1, 5)
        grid.setRowMinimumHeight(2, self.tags_label.fontMetrics().height() + 16)
        grid.setAlignment(self.tags_label, Qt.AlignmentFlag.AlignBottom)
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
        self.month_bars = MonthBars(page)
        self.month_bars.monthClicked.connect(self.dayRequested)
        months_caption = QLabel(self.tr("Entries per month"), page)
        months_caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # The heatmap takes the width (its cells grow with it) and the months' bars take
        # the height: a bigger window shows bigger charts, not an empty area under them.
        layout = QVBoxLayout(page)
        layout.addLayout(nav)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(self.heatmap)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(months_caption)
        layout.addWidget(self.month_bars, 1)
        return page

    def _caption(self, text: str, value: QLabel, parent: QWidget) -> QLabel:
        """The small dim line under a figure saying what it counts."""
        value.setAccessibleName(text)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption = QLabel(text, parent)
        caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        caption.setBuddy(value)
        return caption

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
        # The legend scrolls sideways rather than holding the window wider than a small
        # screen (ten tags' buttons take about 900 pixels).
        self.legend_area = QScrollArea(page)
        self.legend_area.setFrameShape(QFrame.Shape.NoFrame)
        self.legend_area.setWidgetResizable(True)
        self.legend_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.legend = QWidget(self.legend_area)
        self.legend_layout = QHBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        self.legend_area.setWidget(self.legend)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Most used tags per month:"), page))
        top.addStretch(1)
        top.addWidget(self.period_combo)
        hint = QLabel(self.tr("Click a bar or a tag to show its entries in the timeline."), page)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.legend_area)
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
        self.week_view = QTextBrowser(page)
        self.week_view.setAccessibleName(self.tr("The week's entries: learned and next"))
        self.week_view.setOpenLinks(False)
        self.week_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.week_view.anchorClicked.connect(self._week_link)
        self.week_empty = QLabel(
            "<p><b>{}</b></p><p>{}</p>".format(
                escape(self.tr("No reflections this week")),
                escape(
                    self.tr(
                        "Write today's reflection (Ctrl+R) or an entry for another day "
                        "(Ctrl+Shift+N), or look at another week with ◀ and ▶."
                    )
                ),
            ),
            page,
        )
        self.week_empty.setAccessibleName(self.tr("No reflections this week"))
        self.week_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.week_empty.setWordWrap(True)
        self.week_empty.setMargin(24)
        self.week_stack = QStackedWidget(page)
        self.week_stack.addWidget(self.week_view)
        self.week_stack.addWidget(self.week_empty)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_week)
        nav.addWidget(self.week_label)
        nav.addWidget(self.next_week)
        nav.addStretch(1)
        nav.addWidget(self.week_notes_button)
        layout = QVBoxLayout(page)
        layout.addLayout(nav)
        layout.addWidget(self.week_stack, 1)
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
        self.month_bars.set_data(year, counts, self.today)
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
            item = QListWidgetItem(f"{short_day(entry.day)}  ·  {entry.display_title}")
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
        named = len(OKABE_ITO) + (1 if len(self.chart.tags) == len(OKABE_ITO) + 1 else 0)
        side = self.fontMetrics().height() * 2 // 3
        for tag in self.chart.tags[:named]:
            button = QToolButton(self.legend)
            button.setText(f"#{tag}")  # in the text colour; the swatch carries the colour
            button.setIcon(swatch(self.chart.colour(tag), side))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setAccessibleName(self.tr("Show entries tagged {0}").format(tag))
            button.clicked.connect(lambda _c=False, t=tag: self.tagRequested.emit(t))
            self.legend_layout.addWidget(button)
        others = len(self.chart.tags) - named
        if others > 0:
            more = QToolButton(self.legend)
            more.setText(wording.count(others, self.tr("1 more tag"), self.tr("{0} more tags")))
            more.setIcon(swatch(self.chart.palette_colours()[-1], side))
            more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            more.setAutoRaise(True)
            more.setToolTip(self.tr("Hover a grey bar to see its tag."))
            more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.legend_layout.addWidget(more)
        scroll_bar = self.legend_area.horizontalScrollBar().sizeHint().height()
        self.legend_area.setFixedHeight(self.legend.sizeHint().height() + scroll_bar)
        self.legend_layout.addStretch(1)

    def show_week(self, day: dt.date) -> None:
        try:
            first, last, items = self.insights.week_review(day)
        except DaybookError as exc:
            self.loadFailed.emit(exc)
            return
        self.week_day, self.week_first, self.week_last = day, first, last
        self._week_items = items
        self.week_label.setText(f"{day_month(first)} – {day_month(last, year=True)}")
        self.next_week.setEnabled(last < self.today)
        self.week_notes_button.setEnabled(bool(items))
        if items:
            add_lock_image(self.week_view.document(), self.palette(), self.devicePixelRatioF())
            self.week_view.setHtml(self.week_html(items))
            self.week_stack.setCurrentWidget(self.week_view)
        else:
            self.week_view.clear()
            self.week_stack.setCurrentWidget(self.week_empty)

    def week_html(self, items: Sequence[ReviewItem]) -> str:
        """The week as a table of days, each answer rendered from Markdown in two columns of
        equal width. Private blocks are withheld, a labelled box in their place: the review
        is what week notes are written from, and those leave private text out."""
        if self._renderer is None:
            self._renderer = MarkdownRenderer()
        renderer = self._renderer
        pal = self.palette()
        dim = pal.color(QPalette.ColorRole.PlaceholderText).name()
        rule = pal.color(QPalette.ColorRole.Mid).name()
        link = pal.color(QPalette.ColorRole.Link).name()
        box = private_box(pal, self.tr("Private · not shown in the review"), body=False)
        none = f'<p style="color: {dim};">—</p>'

        def answer(text: str | None) -> str:
            if not text or not text.strip():
                return none
            return renderer.render(text, mark_private=True, box=box)

        cell = f'valign="top" style="border-top: 1px solid {rule}; padding: 6px;"'
        rows = [
            f'<tr><td {cell}><a href="day:{item.entry.day.isoformat()}" '
            f'style="color: {link}; text-decoration: none; white-space: nowrap;">'
            f"<b>{escape(day_label(item.entry.day))}</b></a>"
            f'<br><span style="color: {dim};">{escape(item.entry.display_title)}</span></td>'
            f"<td {cell}>{answer(item.learned)}</td><td {cell}>{answer(item.next_step)}</td></tr>"
            for item in items
        ]
        # The day column is as wide as its widest label in the view's font (and room for a
        # short title), so "Wed 3" is never broken over two lines however narrow the dialog
        # or large the font; the two answers share the rest equally.
        day_heading = self.tr("Day")
        metrics = QFontMetrics(self.week_view.font())
        bold = QFont(self.week_view.font())
        bold.setBold(True)
        day_width = max(
            12 * metrics.averageCharWidth(),  # room for a short title under the day
            *(
                QFontMetrics(bold).horizontalAdvance(label)
                for label in [day_heading, *(day_label(item.entry.day) for item in items)]
            ),
        )
        day_width += 12 + metrics.averageCharWidth()  # the cell's padding and a little air
        head = "".join(
            f'<th align="left" width="{w}" style="padding: 6px;">{escape(t)}</th>'
            for t, w in (
                (day_heading, str(day_width)),
                (self.tr("What I learned"), "50%"),
                (self.tr("What comes next"), "50%"),
            )
        )
        return (
            "<style>p, li { line-height: 130%; } p { margin-top: 0; }</style>"
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{head}</tr>'
            + "".join(rows)
            + "</table>"
        )

    def _week_link(self, url: QUrl) -> None:
        if url.scheme() == "day":
            try:
                day = dt.date.fromisoformat(url.path())
            except ValueError:
                return
            self.dayRequested.emit(day)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = event.type() == QEvent.Type.PaletteChange
        if changed and hasattr(self, "week_view") and self._week_items:
            add_lock_image(self.week_view.document(), self.palette(), self.devicePixelRatioF())
            self.week_view.setHtml(self.week_html(self._week_items))

    def _day_item_chosen(self, item: QListWidgetItem) -> None:
        self.dayRequested.emit(dt.date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole))))


def day_label(day: dt.date) -> str:
    """'Tue 24' / 'Di. 24': a day in its week."""
    return f"{weekday(day, short=True)} {day.day}"


def swatch(colour: QColor, side: int) -> QIcon:
    """A small square of `colour`: a legend's key."""
    pixmap = QPixmap(side, side)
    pixmap.fill(colour)
    return QIcon(pixmap)
