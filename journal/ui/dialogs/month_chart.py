"""Entries per month of one year as bars: the Insights Year page's lower half.

It fills the height the page gives it (a tall window shows taller bars rather than an empty
area under the heatmap), says each month's count above its bar and in its tooltip, and a
click on a month emits `monthClicked(first day)`. Colours come from the palette.
"""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal.ui.common import wording
from journal.ui.common.i18n import month_year, number, short_month
from journal.ui.common.theme import legible, mix
from journal.ui.dialogs.charts import GRAPHIC_CONTRAST, ClickableChart

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

MIN_BAR_AREA = 48.0  # pixels of bar height at least, below which the chart stops shrinking


class MonthBars(ClickableChart):
    """Twelve bars, January to December, each as tall as its month's entry count."""

    monthClicked = Signal(object)  # datetime.date: the first day of the month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Entries per month"))
        self.setMouseTracking(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # a panel, as the heatmap above it
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.year = dt.date.today().year
        self.months = [0] * 12
        self.today: dt.date | None = None

    def set_data(self, year: int, counts: dict[dt.date, int], today: dt.date | None = None) -> None:
        """The year's entries per day (as the heatmap takes them), summed by month."""
        self.year, self.today = year, today
        self.months = [0] * 12
        for day, n in counts.items():
            if day.year == year:
                self.months[day.month - 1] += max(n, 0)
        busiest = max(range(12), key=lambda m: self.months[m])
        self.setAccessibleDescription(
            self.tr("Most entries in {0}: {1}").format(
                month_year(dt.date(year, busiest + 1, 1)), wording.entries(self.months[busiest])
            )
            if self.months[busiest]
            else self.tr("No entries in {0}").format(year)
        )
        self.update()

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        return font

    # -- geometry (also what the tests use) -----------------------------------------------

    def _line(self) -> float:
        return QFontMetricsF(self.label_font()).height()

    def plot_rect(self) -> QRectF:
        """Where the bars stand: room above for the counts, below for the month names."""
        line = self._line()
        return QRectF(0, line + 8, self.width(), max(0.0, self.height() - 2 * line - 18))

    def column_rect(self, month: int) -> QRectF:
        """The whole column of `month` (1-12), its label and count included."""
        width = self.width() / 12
        return QRectF((month - 1) * width, 0, width, self.height())

    def bar_rect(self, month: int) -> QRectF:
        """The bar of `month` (1-12); empty for a month without entries."""
        plot = self.plot_rect()
        top = max(self.months) or 1
        column = self.column_rect(month)
        width = column.width() * 0.55
        height = plot.height() * self.months[month - 1] / top
        left = column.center().x() - width / 2
        return QRectF(left, plot.bottom() - height, width, height)

    def month_at(self, pos: QPointF) -> int | None:
        if not self.rect().contains(pos.toPoint()):
            return None
        return min(int(pos.x() // (self.width() / 12)) + 1, 12)

    @override
    def sizeHint(self) -> QSize:
        return QSize(480, int(2 * self._line() + 18 + MIN_BAR_AREA * 2))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(240, int(2 * self._line() + 18 + MIN_BAR_AREA))

    # -- what a click and a hover say -------------------------------------------------------

    def item_at(self, pos: QPointF) -> object | None:
        return self.month_at(pos)

    def item_clicked(self, item: object) -> None:
        if isinstance(item, int):
            self.monthClicked.emit(dt.date(self.year, item, 1))

    def tooltip_at(self, pos: QPointF) -> str:
        month = self.month_at(pos)
        if month is None:
            return ""
        first = dt.date(self.year, month, 1)
        return f"{month_year(first)}: {wording.entries(self.months[month - 1])}"

    # -- painting ---------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        window = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        muted = mix(text, window, 0.4)
        bar = legible(pal.color(QPalette.ColorRole.Highlight), window, GRAPHIC_CONTRAST)
        plot = self.plot_rect()
        painter.setFont(self.label_font())
        line = self._line()
        painter.setPen(mix(text, window, 0.8))
        painter.drawLine(
            QPointF(0, plot.bottom() + 0.5), QPointF(self.width(), plot.bottom() + 0.5)
        )
        for month in range(1, 13):
            column = self.column_rect(month)
            rect = self.bar_rect(month)
            future = self.today is not None and (self.year, month) > (
                self.today.year,
                self.today.month,
            )
            if rect.height() > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(bar)
                painter.drawRoundedRect(rect, 2.0, 2.0)
            painter.setPen(muted if future or not self.months[month - 1] else text)
            if not future:
                count = QRectF(column.left(), rect.top() - line - 2, column.width(), line)
                painter.drawText(
                    count, Qt.AlignmentFlag.AlignCenter, number(self.months[month - 1])
                )
            painter.setPen(muted)
            name = QRectF(column.left(), plot.bottom() + 4, column.width(), line)
            painter.drawText(name, Qt.AlignmentFlag.AlignCenter, short_month(month))
        painter.end()
