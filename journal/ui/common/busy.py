"""A busy bar that appears only when background work takes longer than about a second.

Quick work shows nothing (a flash of a progress bar is noise); slow work shows an
indeterminate bar with a label. Several jobs may overlap: the bar stays until the last ends.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QWidget

SHOW_AFTER_MS = 1000


class BusyIndicator(QWidget):
    """`start(key, text)` ... `stop(key)`; visible while some job has run for `delay_ms`."""

    def __init__(self, parent: QWidget | None = None, delay_ms: int = SHOW_AFTER_MS) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Working"))
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("What Daybook is doing"))
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Busy"))
        self.bar.setRange(0, 0)  # indeterminate
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(140)
        self.bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._jobs: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._appear)
        self.hide()

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    @delay_ms.setter
    def delay_ms(self, value: int) -> None:
        self._timer.setInterval(value)

    def is_busy(self) -> bool:
        return bool(self._jobs)

    def start(self, key: str, text: str) -> None:
        """Job `key` began (starting it again restarts nothing: the first start counts)."""
        self._jobs.setdefault(key, text)
        self.label.setText(text)
        if self.isHidden() and not self._timer.isActive():
            self._timer.start()

    def stop(self, key: str) -> None:
        self._jobs.pop(key, None)
        if self._jobs:
            self.label.setText(next(reversed(self._jobs.values())))
            return
        self._timer.stop()
        self.hide()

    def _appear(self) -> None:
        if self._jobs:
            self.show()
