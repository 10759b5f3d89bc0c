"""A calendar to jump to a day, with the days that have entries marked by a dot.

The marks for the month on show come from `Journal.day_counts`; `DayDialog` picks a
day for a new entry.
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError

if TYPE_CHECKING:
    from journal.services.changes import Change
    from journal.services.journal import Journal

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class JournalCalendar(QCalendarWidget):
    """Marks days with entries; `dayChosen` when a day is clicked or Enter is pressed."""

    dayChosen = Signal(object)  # datetime.date
    loadFailed = Signal(object)  # DaybookError

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._counts: dict[dt.date, int] = {}
        self.setAccessibleName(self.tr("Calendar: days with entries are marked"))
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMaximumDate(QDate.currentDate().addYears(1))
        weekend = QTextCharFormat()
        weekend.setForeground(self.palette().color(QPalette.ColorRole.Text))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, weekend)
        self.currentPageChanged.connect(lambda *_: self.refresh())
        self.clicked.connect(lambda qd: self.dayChosen.emit(to_date(qd)))
        self.activated.connect(lambda qd: self.dayChosen.emit(to_date(qd)))
        self._style_navigation()
        self.refresh()

    def counts(self) -> dict[dt.date, int]:
        """Entry counts of the days shown (the month on show and its neighbours' edges)."""
        return dict(self._counts)

    def has_entries(self, day: dt.date) -> bool:
        return self._counts.get(day, 0) > 0

    def _shown_range(self) -> tuple[dt.date, dt.date]:
        """The days whose marks are read: the month on show and its neighbours' edges."""
        year, month = self.yearShown(), self.monthShown()
        first = dt.date(year, month, 1) - dt.timedelta(days=7)
        last = dt.date(year, month, pycal.monthrange(year, month)[1]) + dt.timedelta(days=14)
        return first, last

    def journal_changed(self, change: Change) -> None:
        """Read the marks again unless the change cannot move them: an edit that kept its
        entry's day, or a change to days outside the month on show."""
        if change.kind == "updated" and len(change.days) == 1:
            return
        first, last = self._shown_range()
        if change.days and not any(first <= day <= last for day in change.days):
            return
        self.refresh()

    def refresh(self) -> None:
        """Read the marks for the month on show again (another month shown, a change)."""
        first, last = self._shown_range()
        try:
            self._counts = self._journal.day_counts(first, last)
        except DaybookError as exc:
            self._counts = {}
            self.loadFailed.emit(exc)
        self.updateCells()

    @override
    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        """The day's number in the upper part of the cell, its dot below it (not on it),
        today ringed, the selected day filled; every colour from the palette."""
        pal = self.palette()
        day = to_date(date)
        selected = date == self.selectedDate()
        outside = date.month() != self.monthShown() or not (
            self.minimumDate() <= date <= self.maximumDate()
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(rect).adjusted(2, 1, -2, -1)
        radius = min(box.width(), box.height()) / 5
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(box, radius, radius)
        elif date == QDate.currentDate():
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
        dot = max(3.0, rect.height() / 9)
        text_rect = QRectF(rect).adjusted(0, 0, 0, -dot - 1)
        if selected:
            role = QPalette.ColorRole.HighlightedText
        elif outside:
            role = QPalette.ColorRole.PlaceholderText
        else:
            role = QPalette.ColorRole.Text
        painter.setPen(pal.color(role))
        font = painter.font()
        font.setBold(date == QDate.currentDate())
        painter.setFont(font)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, str(date.day()))
        if self._counts.get(day):
            mark = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(mark))
            centre = QRectF(rect).center().x()
            painter.drawEllipse(QRectF(centre - dot / 2, rect.bottom() - dot - 3, dot, dot))
        painter.restore()

    def _style_navigation(self) -> None:
        """The month/year bar in the window's colours, not the stock bright highlight."""
        bar = self.findChild(QWidget, "qt_calendar_navigationbar")
        if bar is None:
            return
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Window).name()
        text = pal.color(QPalette.ColorRole.WindowText).name()
        hover = pal.color(QPalette.ColorRole.AlternateBase).name()
        bar.setStyleSheet(
            f"#qt_calendar_navigationbar {{ background-color: {base}; }}"
            f"QToolButton {{ color: {text}; background: transparent; border: none;"
            " padding: 2px 6px; font-weight: bold; }"
            f"QToolButton:hover {{ background-color: {hover}; border-radius: 4px; }}"
        )

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_navigation()


class DayDialog(QDialog):
    """Choose the day a new entry reflects on."""

    def __init__(self, journal: Journal, initial: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Entry for a Day"))
        self.setAccessibleName(self.tr("Choose a day"))
        label = QLabel(self.tr("Which day do you want to write about?"), self)
        label.setAccessibleName(self.tr("Question"))
        self.calendar = JournalCalendar(journal, self)
        self.calendar.setSelectedDate(to_qdate(initial))
        self.calendar.setMaximumDate(QDate.currentDate())
        self.calendar.activated.connect(lambda _d: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def day(self) -> dt.date:
        return to_date(self.calendar.selectedDate())

    @classmethod
    def get_day(cls, parent: QWidget | None, journal: Journal, initial: dt.date) -> dt.date | None:
        """The chosen day, or None if cancelled (tests replace this classmethod)."""
        dialog = cls(journal, initial, parent)
        return dialog.day() if dialog.exec() == QDialog.DialogCode.Accepted else None
