"""Opening prompt windows: `PromptLauncher` (one window per day, for the app, the tray and
the reminder loop) and the end-to-end test hook `DAYBOOK_TEST_ANSWERS` (`run_test_hook`),
which lets a test type into a window of another process."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from journal.ui.prompt.prompt_window import PromptWindow

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from journal.services.drafts import DraftStore
    from journal.services.prompt import PromptService

TEST_ANSWERS_ENV = "DAYBOOK_TEST_ANSWERS"


class PromptLauncher(QObject):
    """Opens prompt windows: one per day, brought forward when asked for again."""

    entrySaved = Signal(object)  # Entry
    snoozed = Signal(object)  # dt.datetime

    def __init__(
        self, service: PromptService, drafts: DraftStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.drafts = drafts
        self.windows: dict[dt.date, PromptWindow] = {}

    def open(self, day: dt.date | None = None, *, passive: bool = False) -> PromptWindow:
        """The window for `day` (default today), shown; `passive` leaves the focus alone."""
        day = day or self.service.today()
        window = self.windows.get(day)
        if window is None:
            window = PromptWindow(self.service, self.drafts, day)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            window.saved.connect(self.entrySaved)
            window.snoozed.connect(self.snoozed)
            window.closed.connect(self._forget)
            self.windows[day] = window
        if passive:
            if not window.isVisible():
                window.show_passive()
        else:
            window.show_active()
        return window

    def _forget(self, day: dt.date) -> None:
        self.windows.pop(day, None)

    def close_all(self) -> None:
        """Close every window (each keeps its draft, with the images on their way)."""
        for window in list(self.windows.values()):
            window.settle()
            window.close()

    def settle_all(self) -> None:
        """Every window's images into its answers and its draft written (see `settle`)."""
        for window in list(self.windows.values()):
            window.settle()


def answers_from_env() -> list[str] | None:
    """The answers of the end-to-end test hook, or None when it is not set (the normal case)."""
    raw = os.environ.get(TEST_ANSWERS_ENV)
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return value


def run_test_hook(window: PromptWindow, answers: Sequence[str]) -> None:
    """Test hook (DAYBOOK_TEST_ANSWERS): type `answers` into the window's boxes with real key
    events, then press Ctrl+Return, as a user would. An end-to-end test cannot send keys to an
    offscreen process from outside, so the process does it itself; only `daybook prompt`
    calls this, and only when that variable is set."""
    from PySide6.QtTest import QTest

    tries = [0]

    def type_them() -> None:
        # Shortcuts need the window active; activation arrives from the platform a moment
        # after show(), so wait for it (a few seconds at most) before typing.
        if QApplication.activeWindow() is not window and tries[0] < 100:
            tries[0] += 1
            window.activateWindow()
            QTimer.singleShot(50, type_them)
            return
        boxes = list(window.editors.values())
        for box, text in zip(boxes, answers, strict=False):
            box.setFocus(Qt.FocusReason.TabFocusReason)
            for number, line in enumerate(text.split("\n")):
                if number:  # QTest.keyClicks cannot type a newline
                    QTest.keyClick(box, Qt.Key.Key_Return)
                QTest.keyClicks(box, line)
        target = window.focusWidget() or window
        QTest.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(0, type_them)
