"""The app's reminder desk in its own process, on a real display, with an injected clock.

`python desk_driver.py HOME SECONDS_BEFORE [--tray|--no-tray]`: opens the journal in HOME,
builds the main window and the reminder desk as `daybook` does when started on login (the
main window hidden where a tray exists, minimized where not), with a clock that starts
SECONDS_BEFORE seconds before Thursday 19 November 2026, 17:30 (Berlin) and then runs at the
real pace. It reports on stdout, one JSON object a line:

    {"event": "ready", "tray": bool}
    {"event": "prompt", "wid": int, "active": bool, "first_empty_focused": bool}
       (each time a prompt window is shown)
    {"event": "answer", ...} (the reply to a command)

and takes commands on stdin: `tooltip`, `state`, `advance SECONDS` (moves the clock on and
checks at once), `quit`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

BERLIN = ZoneInfo("Europe/Berlin")
REMINDER = dt.datetime(2026, 11, 19, 17, 30, tzinfo=BERLIN)


def say(**event: Any) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


class Clock:
    """The wall clock the app sees: `before` seconds before the reminder, then running."""

    def __init__(self, before: float) -> None:
        self.start = time.monotonic()
        self.base = REMINDER - dt.timedelta(seconds=before)
        self.offset = 0.0

    def __call__(self) -> dt.datetime:
        return self.base + dt.timedelta(seconds=time.monotonic() - self.start + self.offset)


class ShowWatcher(QObject):
    """Reports every prompt window once it is shown, and again once it is active."""

    def __init__(self, desk: Any) -> None:
        super().__init__()
        self.desk = desk

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from journal.ui.prompt.prompt_window import PromptWindow

        if isinstance(watched, PromptWindow) and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.WindowActivate,
        ):
            QTimer.singleShot(0, lambda: report(watched))
        return False


def report(window: Any) -> None:
    with contextlib.suppress(RuntimeError):  # deleted meanwhile
        say(
            event="prompt",
            wid=int(window.winId()),
            visible=window.isVisible(),
            active=window.isActiveWindow(),
            first_empty_focused=window.focusWidget() is window.first_editor(),
        )


def main() -> int:
    home, before = Path(sys.argv[1]), float(sys.argv[2])
    want_tray = "--tray" in sys.argv
    from journal.app import _application, build_reminders, build_window
    from journal.paths import AppPaths
    from journal.services.journal import Journal

    paths = AppPaths.resolve(home)
    app, settings, _ = _application(paths, ["daybook"])
    qsettings = QSettings(str(home / "window.ini"), QSettings.Format.IniFormat)
    journal = Journal.open(paths)
    window = build_window(app, journal, settings, qsettings)
    clock = Clock(before)
    deadline = time.monotonic() + 20  # the tray may still be taking its selection
    while want_tray and not QSystemTrayIcon.isSystemTrayAvailable():
        if time.monotonic() > deadline:
            break
        app.processEvents()
        time.sleep(0.05)
    has_tray = QSystemTrayIcon.isSystemTrayAvailable()
    if has_tray != want_tray:
        say(event="error", message=f"tray available: {has_tray}, expected {want_tray}")
        return 1
    desk = build_reminders(app, window, journal, settings, qsettings, clock=clock)
    desk.service._zone = lambda: BERLIN
    watcher = ShowWatcher(desk)
    app.installEventFilter(watcher)
    if not has_tray:
        window.showMinimized()
    desk.start()

    def command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        word, *args = line.split()
        if word == "tooltip":
            say(event="answer", tooltip=desk.tray.icon.toolTip() if desk.tray else None)
        elif word == "state":
            say(
                event="answer",
                pending=str(desk.pending) if desk.pending else None,
                windows=[str(day) for day in desk.launcher.windows],
                notifier=desk.notifier is not None,
            )
        elif word == "advance":
            clock.offset += float(args[0])
            desk.loop.tick()
            say(event="answer", now=clock().isoformat())
        elif word == "quit":
            desk.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    say(event="ready", tray=has_tray, notifier=desk.notifier is not None)
    try:
        return int(app.exec())
    finally:
        journal.close()


if __name__ == "__main__":
    sys.exit(main())
