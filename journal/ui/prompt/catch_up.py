"""The catch-up offer at start: missed working days, one click each to write about them.

The days come from `PromptService.catch_up_days()` (at most 5, oldest first). The dialog is
not modal and decides nothing: a click emits `dayRequested(day)` and the app opens the prompt
for that day (the entry is dated to its own day); `mark_written(day)` ticks a day off once its
reflection is saved, and the dialog closes itself when none is left.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


def day_text(day: dt.date) -> str:
    """'Monday, 16 November' in the user's language (the year only when it is not this one)."""
    locale = QLocale()
    date = QDate(day.year, day.month, day.day)
    if day.year == dt.date.today().year:
        fmt = locale.dateFormat(QLocale.FormatType.LongFormat)
        fmt = fmt.replace(" yyyy", "").replace("yyyy", "").strip(" ,.")
        return locale.toString(date, fmt)
    return locale.toString(date, QLocale.FormatType.LongFormat)


class CatchUpDialog(QDialog):
    """A short list of missed days, a button each."""

    dayRequested = Signal(object)  # dt.date

    def __init__(self, days: Sequence[dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = list(days)
        self.setWindowTitle(self.tr("Daybook — Catch Up"))
        self.setAccessibleName(self.tr("Catch up on missed days"))
        self.setModal(False)

        heading = QLabel(
            self.tr("1 working day without a reflection")
            if len(self.days) == 1
            else self.tr("{n} working days without a reflection").format(n=len(self.days)),
            self,
        )
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(self.tr("Heading"))
        text = QLabel(
            self.tr(
                "A few lines now keep the record whole. Each reflection is dated to its own day."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        text.setAccessibleName(self.tr("Explanation"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addSpacing(6)
        self.buttons: dict[dt.date, QPushButton] = {}
        for day in self.days:
            button = QPushButton(day_text(day), self)
            button.setAccessibleName(self.tr("Write the reflection for {day}").format(day=day))
            button.setAutoDefault(False)
            button.setStyleSheet("text-align: left; padding: 6px 10px;")
            button.clicked.connect(lambda _checked=False, d=day: self.dayRequested.emit(d))
            layout.addWidget(button)
            self.buttons[day] = button
        layout.addSpacing(6)
        box = QDialogButtonBox(self)
        self.close_button = box.addButton(
            self.tr("Not Now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setAccessibleName(self.tr("Close without catching up"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        if self.buttons:
            first = next(iter(self.buttons.values()))
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(380)

    def show_beside(self, window: QWidget | None) -> None:
        """Show it beside `window` (the main window) where its screen has room, else in
        that screen's corner, so it does not cover the window's content; without a window,
        centred on the screen holding the mouse."""
        from journal.ui.common.placement import place_beside, place_on_mouse_screen

        hint = self.sizeHint()
        size = (max(hint.width(), self.minimumWidth()), hint.height())
        if window is None:
            place_on_mouse_screen(self, size)
        else:
            place_beside(self, window, size)
        self.show()

    def mark_written(self, day: dt.date) -> None:
        """Tick `day` off; close once every day is written."""
        button = self.buttons.get(day)
        if button is None:
            return
        button.setEnabled(False)
        button.setText(self.tr("{day} — written").format(day=day_text(day)))
        remaining = [b for b in self.buttons.values() if b.isEnabled()]
        if remaining:
            remaining[0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.accept()

    def pending(self) -> list[dt.date]:
        return [d for d, b in self.buttons.items() if b.isEnabled()]
