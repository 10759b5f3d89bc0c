"""Chart widgets painted with QPainter: a year heatmap of entries and a tag-trend bar chart.

They only show and ask: `YearHeatmap.dayClicked` and `TagTrendChart.tagClicked`; the
Insights dialog (`journal.ui.insights`) passes them on. Every colour comes from the
palette, so the light and dark themes both work.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from journal.domain.stats import MonthTags
from journal.ui import wording
from journal.ui.i18n import short_day, short_month, weekday
from journal.ui.theme import mix

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

ONE_DAY = dt.timedelta(days=1)


def level(count: int) -> int:
    """The shade of a day: 0 none, then 1, 2, 3 and 4 or more entries."""
    return min(max(count, 0), 4)


class ClickableChart(QWidget):
    """A chart whose items can be clicked and are explained by a tooltip on hover;
    subclasses say which item lies under a point and what a click on it means."""

    def item_at(self, pos: QPointF) -> object | None:
        raise NotImplementedError

    def item_clicked(self, item: object) -> None:
        raise NotImplementedError

    def tooltip_at(self, pos: QPointF) -> str:
        raise NotImplementedError

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.item_clicked(item)
            event.accept()
            return
        super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tip = self.tooltip_at(event.position())
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor if tip else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)


class YearHeatmap(ClickableChart):
    """A contribution calendar of one year: a column a week (Monday on top), a cell a day,
    darker the more entries it has. Clicking a day emits `dayClicked(date)`.

    From the keyboard: the arrows move a focus ring a day (up, down) or a week (left,
    right), Home and End go to the year's first and last day, Page Up and Down a month;
    Enter or Space opens the day. The day under the ring is the widget's accessible
    description.
    """

    dayClicked = Signal(object)  # datetime.date

    CELL = 13.0
    GAP = 3.0
    LEFT = 28.0  # weekday labels
    TOP = 18.0  # month labels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Year heatmap: days with entries"))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.year = dt.date.today().year
        self.counts: dict[dt.date, int] = {}
        self.today: dt.date | None = None
        self.current = dt.date(self.year, 1, 1)  # the day under the keyboard's focus ring
        # Room for the weekday labels in the label font, whatever the font and language.
        metrics = QFontMetricsF(self.label_font())
        widest = max(metrics.horizontalAdvance(weekday(n, short=True)) for n in (1, 3, 5))
        self.LEFT = max(self.LEFT, widest + 8)

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        return font

    def set_data(self, year: int, counts: dict[dt.date, int], today: dt.date | None = None) -> None:
        self.year, self.counts, self.today = year, dict(counts), today
        if self.current.year != year:
            in_year = today is not None and today.year == year
            self.current = today if today is not None and in_year else dt.date(year, 1, 1)
        days = sum(1 for n in counts.values() if n)
        self.setAccessibleName(
            wording.count(
                days,
                self.tr("Year heatmap: 1 day with entries in {1}").replace("{1}", str(year)),
                self.tr("Year heatmap: {0} days with entries in {1}").replace("{1}", str(year)),
            )
        )
        self._describe_current()
        self.update()

    def set_current(self, day: dt.date) -> None:
        """Move the focus ring to `day`, kept within the year shown."""
        first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        self.current = min(max(day, first), last)
        self._describe_current()
        self.update()

    def _describe_current(self) -> None:
        self.setAccessibleDescription(self.describe(self.current))

    def describe(self, day: dt.date) -> str:
        """A day and its entry count, as the tooltip and the accessible description say it."""
        return f"{short_day(day)}: {wording.entries(self.counts.get(day, 0))}"

    # -- geometry (also what the tests use) -----------------------------------------------

    def _first_monday(self) -> dt.date:
        first = dt.date(self.year, 1, 1)
        return first - dt.timedelta(days=first.weekday())

    def cell_rect(self, day: dt.date) -> QRectF:
        """Where `day` is drawn (an empty rect for a day outside the year)."""
        if day.year != self.year:
            return QRectF()
        offset = (day - self._first_monday()).days
        week, weekday = divmod(offset, 7)
        step = self.CELL + self.GAP
        return QRectF(self.LEFT + week * step, self.TOP + weekday * step, self.CELL, self.CELL)

    def day_at(self, pos: QPointF) -> dt.date | None:
        """The day under `pos`, or None (a gap, a margin, a day outside the year)."""
        step = self.CELL + self.GAP
        x, y = pos.x() - self.LEFT, pos.y() - self.TOP
        if x < 0 or y < 0:
            return None
        week, weekday = int(x // step), int(y // step)
        if weekday > 6 or x - week * step > self.CELL or y - weekday * step > self.CELL:
            return None
        day = self._first_monday() + dt.timedelta(days=week * 7 + weekday)
        return day if day.year == self.year else None

    @override
    def sizeHint(self) -> QSize:
        step = self.CELL + self.GAP
        return QSize(int(self.LEFT + 54 * step), int(self.TOP + 7 * step + 4))

    @override
    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- colours ----------------------------------------------------------------------------

    def shade(self, count: int) -> QColor:
        """The colour of a day with `count` entries, from the palette."""
        pal = self.palette()
        empty = mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text), 0.1)
        if count <= 0:
            return empty
        full = pal.color(QPalette.ColorRole.Highlight)
        return mix(empty, full, (0.25, 0.5, 0.75, 1.0)[level(count) - 1])

    # -- events -----------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        muted = mix(
            pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.4
        )
        painter.setPen(muted)
        painter.setFont(self.label_font())
        for month in range(1, 13):
            rect = self.cell_rect(dt.date(self.year, month, 1))
            first_column = QRectF(rect.left(), 0, 40, self.TOP - 3)
            painter.drawText(
                first_column,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                short_month(month),
            )
        for row in (0, 2, 4):  # Monday, Wednesday, Friday
            y = self.TOP + row * (self.CELL + self.GAP)
            painter.drawText(
                QRectF(0, y - 2, self.LEFT - 4, self.CELL + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                weekday(row + 1, short=True),
            )
        painter.setPen(Qt.PenStyle.NoPen)
        day = dt.date(self.year, 1, 1)
        while day.year == self.year:
            painter.setBrush(self.shade(self.counts.get(day, 0)))
            painter.drawRoundedRect(self.cell_rect(day), 2.5, 2.5)
            day += ONE_DAY
        if self.today is not None and self.today.year == self.year:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pal.color(QPalette.ColorRole.WindowText))
            painter.drawRoundedRect(self.cell_rect(self.today).adjusted(-1, -1, 1, 1), 3, 3)
        if self.hasFocus():
            pen = QPen(pal.color(QPalette.ColorRole.Highlight))
            pen.setWidthF(2.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawRoundedRect(self.cell_rect(self.current).adjusted(-2, -2, 2, 2), 3, 3)
        painter.end()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        day = self.current
        steps: dict[int, int] = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
        }
        if key in steps:
            self.set_current(day + dt.timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Home:
            self.set_current(dt.date(self.year, 1, 1))
        elif key == Qt.Key.Key_End:
            self.set_current(dt.date(self.year, 12, 31))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            month = day.month + (-1 if key == Qt.Key.Key_PageUp else 1)
            if 1 <= month <= 12:
                last = calendar.monthrange(self.year, month)[1]
                self.set_current(dt.date(self.year, month, min(day.day, last)))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.dayClicked.emit(self.current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def item_at(self, pos: QPointF) -> object | None:
        return self.day_at(pos)

    def item_clicked(self, item: object) -> None:
        if isinstance(item, dt.date):
            self.set_current(item)
        self.dayClicked.emit(item)

    def tooltip_at(self, pos: QPointF) -> str:
        day = self.day_at(pos)
        return "" if day is None else self.describe(day)


class TagTrendChart(ClickableChart):
    """A small bar chart: for each month, a bar per tag among its most used ones.
    Clicking a bar emits `tagClicked(name)`."""

    tagClicked = Signal(str)

    BAR = 7.0
    GAP = 1.0
    MONTH_GAP = 8.0
    LEFT = 6.0
    BOTTOM = 18.0
    TOP = 8.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Tag trends: the most used tags per month"))
        self.setMouseTracking(True)
        self.trends: list[MonthTags] = []
        self.tags: list[str] = []  # in legend order: most used over the period first
        self._bars: list[tuple[QRectF, str, str, int]] = []  # rect, tag, month, count
        self.setMinimumHeight(160)

    def set_trends(self, trends: Sequence[MonthTags]) -> None:
        self.trends = list(trends)
        totals: dict[str, int] = {}
        for month in self.trends:
            for tag, n in month.tags:
                totals[tag] = totals.get(tag, 0) + n
        self.tags = sorted(totals, key=lambda t: (-totals[t], t.casefold()))
        self._layout_bars()
        self.updateGeometry()
        self.update()

    def colour(self, tag: str) -> QColor:
        """A tag's colour: the palette's highlight hue turned, evenly, per tag."""
        base = self.palette().color(QPalette.ColorRole.Highlight).toHsv()
        index = self.tags.index(tag) if tag in self.tags else 0
        hue = (max(base.hue(), 0) + index * 137) % 360
        return QColor.fromHsv(hue, min(255, max(110, base.saturation())), max(150, base.value()))

    def _month_width(self, month: MonthTags) -> float:
        return max(1, len(month.tags)) * (self.BAR + self.GAP)

    @override
    def sizeHint(self) -> QSize:
        width = self.LEFT * 2 + sum(self._month_width(m) + self.MONTH_GAP for m in self.trends)
        return QSize(int(max(width, 300)), 180)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_bars()
        super().resizeEvent(event)

    def _layout_bars(self) -> None:
        self._bars = []
        peak = max((n for m in self.trends for _t, n in m.tags), default=0)
        if not peak:
            return
        total = sum(self._month_width(m) + self.MONTH_GAP for m in self.trends)
        scale = min(2.5, max(1.0, (self.width() - 2 * self.LEFT) / total)) if total else 1.0
        height = max(20.0, self.height() - self.TOP - self.BOTTOM)
        x = self.LEFT
        for month in self.trends:
            for tag, n in month.tags:
                h = max(2.0, height * n / peak)
                rect = QRectF(x, self.TOP + height - h, self.BAR * scale, h)
                self._bars.append((rect, tag, month.month, n))
                x += (self.BAR + self.GAP) * scale
            if not month.tags:
                x += (self.BAR + self.GAP) * scale
            x += self.MONTH_GAP * scale

    def bars(self) -> list[tuple[QRectF, str, str, int]]:
        """(rect, tag, month, count) of every bar drawn (for tests and tooltips)."""
        return list(self._bars)

    def bar_at(self, pos: QPointF) -> tuple[QRectF, str, str, int] | None:
        """The bar under `pos` (or just above its top, so short bars are easy to hit)."""
        return next((b for b in self._bars if b[0].adjusted(0, -4, 0, 0).contains(pos)), None)

    def tag_at(self, pos: QPointF) -> str | None:
        bar = self.bar_at(pos)
        return bar[1] if bar else None

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        muted = mix(
            pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.4
        )
        baseline = self.height() - self.BOTTOM
        painter.setPen(
            mix(
                pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.75
            )
        )
        painter.drawLine(QPointF(self.LEFT, baseline), QPointF(self.width() - self.LEFT, baseline))
        if not self._bars:
            painter.setPen(muted)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No tagged entries in this period"),
            )
            painter.end()
            return
        painter.setPen(Qt.PenStyle.NoPen)
        starts: dict[str, float] = {}
        for rect, tag, month, _n in self._bars:
            painter.setBrush(self.colour(tag))
            painter.drawRoundedRect(rect, 1.5, 1.5)
            starts.setdefault(month, rect.left())
        painter.setPen(muted)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        every = max(1, len(self.trends) // 12)
        for i, trend in enumerate(self.trends):
            x = starts.get(trend.month)
            if x is None or i % every:
                continue
            label = short_month(int(trend.month[5:]))
            if trend.month.endswith("-01") or i == 0:
                label += f" {trend.month[2:4]}"
            painter.drawText(
                QRectF(x, baseline + 2, 60, self.BOTTOM), Qt.AlignmentFlag.AlignLeft, label
            )
        painter.end()

    def item_at(self, pos: QPointF) -> object | None:
        return self.tag_at(pos)

    def item_clicked(self, item: object) -> None:
        self.tagClicked.emit(item)

    def tooltip_at(self, pos: QPointF) -> str:
        bar = self.bar_at(pos)
        if not bar:
            return ""
        tag, period, n = bar[1:]
        return self.tr("#{0} in {1}: {2}").format(tag, period, wording.entries(n))
