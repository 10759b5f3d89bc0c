"""Chart widgets painted with QPainter: a year heatmap of entries and a tag-trend bar chart.

They only show and ask: `YearHeatmap.dayClicked` and `TagTrendChart.tagClicked`; the
Insights dialog (`journal.ui.dialogs.insights`) passes them on. Every colour comes from the
palette, so the light and dark themes both work.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from typing import TYPE_CHECKING

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
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.ui.common import wording
from journal.ui.common.i18n import month_year, number, short_day, short_month, weekday
from journal.ui.common.theme import legible, mix

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.stats import MonthTags

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

ONE_DAY = dt.timedelta(days=1)
# Okabe and Ito's colours, told apart with every common colour vision deficiency; ordered so
# neighbours differ in lightness too. Each is darkened or lightened to stand 3:1 (WCAG's
# contrast for graphics) against the chart's background, light or dark.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
GRAPHIC_CONTRAST = 3.0


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
        if tip != self.toolTip() and QToolTip.isVisible():
            # A tip already shown follows the pointer from one item to the next.
            if tip:
                QToolTip.showText(event.globalPosition().toPoint(), tip, self)
            else:
                QToolTip.hideText()
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

    CELL = 13.0  # at zoom 1, the smallest size (a wider widget draws bigger cells)
    GAP = 3.0
    LEFT = 28.0  # weekday labels
    TOP = 18.0  # month labels
    WEEKS = 54  # columns a year can touch (a leap year from a Sunday)
    MAX_ZOOM = 2.0  # cells of 26 pixels at most: beyond it the grid is centred instead
    MIN_ZOOM = 0.6  # cells of 8 pixels at least, so Insights fits an 800-pixel screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Year heatmap: days with entries"))
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.year = dt.date.today().year
        self.counts: dict[dt.date, int] = {}
        self.today: dt.date | None = None
        self.current = dt.date(self.year, 1, 1)  # the day under the keyboard's focus ring
        self.zoom = 1.0
        self.margin = 0.0  # left of the weekday labels: centres a grid that reached MAX_ZOOM
        self._set_zoom(1.0)

    def label_font(self, zoom: float | None = None) -> QFont:
        """The month and weekday labels' font, growing with the cells (more slowly)."""
        font = QFont(self.font())
        grow = 1 + ((self.zoom if zoom is None else zoom) - 1) * 0.5
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8 * grow))
        return font

    def _label_room(self, zoom: float) -> tuple[float, float]:
        """LEFT and TOP at `zoom`: room for the weekday and month labels in their font,
        whatever the font and language."""
        metrics = QFontMetricsF(self.label_font(zoom))
        widest = max(metrics.horizontalAdvance(weekday(n, short=True)) for n in (1, 3, 5))
        return max(type(self).LEFT * zoom, widest + 8), max(
            type(self).TOP * zoom, metrics.height() + 4
        )

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.CELL, self.GAP = type(self).CELL * zoom, type(self).GAP * zoom
        self.LEFT, self.TOP = self._label_room(zoom)

    def zoom_for(self, width: float, height: float | None = None) -> float:
        """The largest zoom (MIN_ZOOM to MAX_ZOOM) whose grid fits `width` (and `height`)."""
        step = type(self).CELL + type(self).GAP
        zoom = 1.0
        for _ in range(3):  # the labels change with the zoom: fit again with their new room
            left, top = self._label_room(zoom)
            fits = (width - left) / (self.WEEKS * step)
            if height is not None:
                fits = min(fits, (height - top - 4) / (7 * step))
            zoom = min(max(fits, self.MIN_ZOOM), self.MAX_ZOOM)
        return zoom

    def _extent(self, zoom: float) -> QSize:
        """The whole drawing (labels and grid) at `zoom`."""
        left, top = self._label_room(zoom)
        step = (type(self).CELL + type(self).GAP) * zoom
        return QSize(int(left + self.WEEKS * step + 0.999), int(top + 7 * step + 4.999))

    def _fit(self) -> None:
        self._set_zoom(self.zoom_for(self.width(), self.height()))
        self.margin = max(0.0, (self.width() - self._extent(self.zoom).width()) / 2)

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
        left = self.margin + self.LEFT
        return QRectF(left + week * step, self.TOP + weekday * step, self.CELL, self.CELL)

    def day_at(self, pos: QPointF) -> dt.date | None:
        """The day under `pos`, or None (a gap, a margin, a day outside the year)."""
        step = self.CELL + self.GAP
        x, y = pos.x() - self.margin - self.LEFT, pos.y() - self.TOP
        if x < 0 or y < 0:
            return None
        week, weekday = int(x // step), int(y // step)
        if weekday > 6 or x - week * step > self.CELL or y - weekday * step > self.CELL:
            return None
        day = self._first_monday() + dt.timedelta(days=week * 7 + weekday)
        return day if day.year == self.year else None

    @override
    def sizeHint(self) -> QSize:
        return self._extent(1.0)

    @override
    def minimumSizeHint(self) -> QSize:
        return self._extent(self.MIN_ZOOM)

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        """Wider, taller: the cells grow with the width (up to MAX_ZOOM), square."""
        return self._extent(self.zoom_for(width)).height()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    # -- colours ----------------------------------------------------------------------------

    def shade(self, count: int) -> QColor:
        """The colour of a day with `count` entries, from the palette. The darkest shade
        stands 3:1 against an empty day and a one-entry day is already plainly there (on a
        dark base the highlight alone is too close to an empty day)."""
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        empty = mix(base, pal.color(QPalette.ColorRole.Text), 0.1)
        if count <= 0:
            return empty
        full = legible(pal.color(QPalette.ColorRole.Highlight), empty, GRAPHIC_CONTRAST)
        return mix(empty, full, (0.45, 0.65, 0.82, 1.0)[level(count) - 1])

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
            first_column = QRectF(rect.left(), 0, 4 * (self.CELL + self.GAP), self.TOP - 3)
            painter.drawText(
                first_column,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                short_month(month),
            )
        for row in (0, 2, 4):  # Monday, Wednesday, Friday
            y = self.TOP + row * (self.CELL + self.GAP)
            painter.drawText(
                QRectF(self.margin, y - 2, self.LEFT - 4, self.CELL + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                weekday(row + 1, short=True),
            )
        painter.setPen(Qt.PenStyle.NoPen)
        day = dt.date(self.year, 1, 1)
        while day.year == self.year:
            painter.setBrush(self.shade(self.counts.get(day, 0)))
            painter.drawRoundedRect(self.cell_rect(day), 2.5 * self.zoom, 2.5 * self.zoom)
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
    """A small bar chart: for each month, a bar per tag among its most used ones, over a
    count axis with gridlines. Hovering a bar tells its tag, month and count; clicking it
    emits `tagClicked(name)`."""

    tagClicked = Signal(str)

    BAR = 7.0
    GAP = 1.0
    MONTH_GAP = 8.0
    LEFT = 6.0  # room left of the axis labels
    RIGHT = 8.0
    TOP = 10.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Tag trends: the most used tags per month"))
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMouseTracking(True)
        self.trends: list[MonthTags] = []
        self.tags: list[str] = []  # in legend order: most used over the period first
        self._bars: list[tuple[QRectF, str, str, int]] = []  # rect, tag, month, count
        self._ticks: list[int] = []  # the count axis's labelled values, 0 first
        self.setMinimumHeight(180)

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

    def palette_colours(self) -> list[QColor]:
        """The colours tags take in turn: Okabe-Ito's seven, made legible on this
        background, then a neutral grey that every further tag shares (a colour used
        twice would say two tags are one; hovering a grey bar names its tag)."""
        pal = self.palette()
        ground = pal.color(QPalette.ColorRole.Base)
        grey = mix(pal.color(QPalette.ColorRole.Text), ground, 0.3)
        return [legible(QColor(c), ground, GRAPHIC_CONTRAST) for c in OKABE_ITO] + [grey]

    def colour(self, tag: str) -> QColor:
        """A tag's colour, by its place among the period's tags (most used first)."""
        colours = self.palette_colours()
        index = self.tags.index(tag) if tag in self.tags else 0
        return colours[min(index, len(colours) - 1)]

    def _month_width(self, month: MonthTags) -> float:
        return max(1, len(month.tags)) * (self.BAR + self.GAP)

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _line(self) -> float:
        return QFontMetricsF(self.label_font()).height()

    def plot_rect(self) -> QRectF:
        """The area the bars stand in: right of the count axis, above the month labels."""
        metrics = QFontMetricsF(self.label_font())
        widest = max((metrics.horizontalAdvance(number(t)) for t in self._ticks), default=0.0)
        left = self.LEFT + self._line() + 4 + widest + 6  # axis title, tick labels
        bottom = 2 * self._line() + 8  # month labels, axis title
        return QRectF(
            left,
            self.TOP,
            max(10.0, self.width() - left - self.RIGHT),
            max(20.0, self.height() - self.TOP - bottom),
        )

    @override
    def sizeHint(self) -> QSize:
        width = self.plot_rect().left() + self.RIGHT
        width += sum(self._month_width(m) + self.MONTH_GAP for m in self.trends)
        return QSize(int(max(width, 320)), 220)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_bars()
        super().resizeEvent(event)

    def _layout_bars(self) -> None:
        self._bars = []
        peak = max((n for m in self.trends for _t, n in m.tags), default=0)
        self._ticks = axis_ticks(peak)
        if not peak:
            return
        plot = self.plot_rect()
        top = self._ticks[-1]
        total = sum(self._month_width(m) + self.MONTH_GAP for m in self.trends)
        scale = min(2.5, max(1.0, plot.width() / total)) if total else 1.0
        x = plot.left() + self.MONTH_GAP * scale / 2
        for month in self.trends:
            for tag, n in month.tags:
                h = max(2.0, plot.height() * n / top)
                rect = QRectF(x, plot.bottom() - h, self.BAR * scale, h)
                self._bars.append((rect, tag, month.month, n))
                x += (self.BAR + self.GAP) * scale
            if not month.tags:
                x += (self.BAR + self.GAP) * scale
            x += self.MONTH_GAP * scale

    def ticks(self) -> list[int]:
        """The values labelled on the count axis (for tests)."""
        return list(self._ticks)

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
        text = pal.color(QPalette.ColorRole.Text)
        ground = pal.color(QPalette.ColorRole.Base)
        muted = legible(mix(text, ground, 0.4), ground, 4.5)
        plot = self.plot_rect()
        font = self.label_font()
        painter.setFont(font)
        line = self._line()
        if not self._bars:
            painter.setPen(muted)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No tagged entries in this period"),
            )
            painter.end()
            return
        # The count axis: gridlines at each tick, labelled, and its title turned upright.
        top = self._ticks[-1]
        for value in self._ticks:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(mix(ground, text, 0.35 if value == 0 else 0.12), 1.0))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - line / 2, plot.left() - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                number(value),
            )
        painter.save()
        painter.translate(self.LEFT, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, 0, plot.height(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Entries"),
        )
        painter.restore()
        painter.setPen(Qt.PenStyle.NoPen)
        starts: dict[str, float] = {}
        for rect, tag, month, _n in self._bars:
            painter.setBrush(self.colour(tag))
            painter.drawRoundedRect(rect, 1.5, 1.5)
            starts.setdefault(month, rect.left())
        # The month axis: a label under each month's first bar (fewer when crowded).
        painter.setPen(muted)
        every = max(1, len(self.trends) // 12)
        for i, trend in enumerate(self.trends):
            x = starts.get(trend.month)
            if x is None or i % every:
                continue
            label = short_month(int(trend.month[5:]))
            if trend.month.endswith("-01") or i == 0:
                label += f" {trend.month[2:4]}"
            painter.drawText(
                QRectF(x, plot.bottom() + 3, 80, line), Qt.AlignmentFlag.AlignLeft, label
            )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + line + 6, plot.width(), line),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Month"),
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
        year, month = int(period[:4]), int(period[5:7])
        when = month_year(dt.date(year, month, 1))
        return self.tr("#{0} in {1}: {2}").format(tag, when, wording.entries(n))


def axis_ticks(peak: int) -> list[int]:
    """Round values from 0 to at least `peak` for a count axis, at most six of them
    (0, 1, 2, 3 for 3; 0, 5, 10, 15 for 12; 0, 200, 400 ... for 1,000)."""
    if peak <= 0:
        return [0]
    step = 1
    while True:
        for factor in (1, 2, 5):
            if peak <= step * factor * 5:
                size = step * factor
                count = -(-peak // size)
                return [size * i for i in range(count + 1)]
        step *= 10
