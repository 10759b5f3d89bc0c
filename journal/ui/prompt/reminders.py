"""The reminder loop: a QTimer that asks `PromptService.check()` and says when a day is due.

A periodic tick (30 s) does the asking; a single-shot timer aimed at
`PromptService.next_reminder()` makes the reminder come on the minute rather than up to a tick
late. Timers stop while the machine sleeps, so every tick also compares how far the wall
clock moved with how far the monotonic clock moved (which stands still during suspend on
Linux): a wall clock that jumped well ahead means the machine woke (or the clock was set),
and the loop says so with `woke` and checks at once. The rules themselves make sure that a
long sleep gives one reminder, not a burst.

Clocks are injectable: tests call `tick()` by hand with a fake service clock and fake
monotonic and wall clocks; nothing here sleeps.

`ReminderDesk` is what the app builds around its main window (see `journal.app`): the loop,
the prompt windows, the tray where there is one, the catch-up offer, the streak, and what
closing the main window means while a tray exists.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget
from typing_extensions import override

from journal.domain.schedule import SNOOZE_SHORT
from journal.errors import DaybookError
from journal.ui.common.i18n import weekday

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from journal.domain.entry import Entry
    from journal.services.changes import Change
    from journal.services.drafts import DraftStore
    from journal.services.prompt import PromptService
    from journal.settings import Settings
    from journal.ui.prompt.notify import DesktopNotifier

TICK_MS = 30_000
WAKE_JUMP_S = 90.0  # wall clock ahead of the monotonic one by this much: the machine slept
MAX_SINGLE_SHOT_MS = 6 * 3600 * 1000  # re-aim at least this often (the zone may change)


class DeskWindow(Protocol):
    """What the desk needs of the main window (journal.ui.main.main_window.MainWindow), so
    that the prompt package does not import the main one. It is a QWidget too (the event
    filter compares it by identity, which must not call into Qt while it is destroyed)."""

    @property
    def reflectionRequested(self) -> SignalInstance: ...  # "Write Today's Reflection"
    @property
    def quitRequested(self) -> SignalInstance: ...  # File > Quit while a tray keeps running
    @property
    def entrySaved(self) -> SignalInstance: ...  # Entry: the window's editor committed it

    def isVisible(self) -> bool: ...
    def isMinimized(self) -> bool: ...
    def showNormal(self) -> None: ...
    def show(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def close(self) -> bool: ...
    def installEventFilter(self, watched: QObject, /) -> None: ...
    def removeEventFilter(self, watched: QObject, /) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def select_id(self, entry_id: int) -> bool: ...
    def set_streak(self, current: int, longest: int) -> None: ...
    def report(self, error: BaseException) -> None: ...


class ReminderLoop(QObject):
    """Drives `service.check()`; emits `reminderDue(day)` once per reminder."""

    reminderDue = Signal(object)  # dt.date: the reflection day to ask about
    woke = Signal(float)  # seconds the machine (probably) slept
    checkFailed = Signal(object)  # DaybookError from reading the journal; the loop goes on

    def __init__(
        self,
        service: PromptService,
        parent: QObject | None = None,
        *,
        tick_ms: int = TICK_MS,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._monotonic = monotonic
        self._wall = wall
        self._last_mono = monotonic()
        self._last_wall = wall()
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self.tick)
        self._aim = QTimer(self)
        self._aim.setSingleShot(True)
        self._aim.timeout.connect(self.tick)

    def start(self) -> None:
        """Start ticking (and check once now)."""
        self._last_mono, self._last_wall = self._monotonic(), self._wall()
        self._tick.start()
        self.tick()

    def stop(self) -> None:
        self._tick.stop()
        self._aim.stop()

    def is_running(self) -> bool:
        return self._tick.isActive()

    def tick(self) -> dt.date | None:
        """One check: detect a wake, ask the service, emit; returns the day reminded of."""
        mono, wall = self._monotonic(), self._wall()
        slept = (wall - self._last_wall) - (mono - self._last_mono)
        self._last_mono, self._last_wall = mono, wall
        if slept > WAKE_JUMP_S:
            self.woke.emit(slept)
        try:
            day = self.service.check()
        except DaybookError as exc:
            self.checkFailed.emit(exc)
            return None
        if day is not None:
            self.reminderDue.emit(day)
        self.reschedule()
        return day

    def reschedule(self) -> None:
        """Aim the single-shot timer at the next reminder (after a snooze, skip or save too)."""
        self._aim.stop()
        if not self._tick.isActive():
            return
        try:
            at = self.service.next_reminder()
        except DaybookError:
            return
        if at is None:
            return
        delay = (at - self.service.now()).total_seconds()
        if delay <= 0:
            return  # due already: the next tick takes it
        self._aim.start(int(min(delay * 1000 + 500, MAX_SINGLE_SHOT_MS)))

    def next_reminder_text(self) -> str:
        """'Next reminder: Thu 17:30' for a tooltip, or '' when none is planned."""
        try:
            at = self.service.next_reminder()
        except DaybookError:
            return ""
        if at is None:
            return ""
        now = self.service.now()
        when = (
            at.strftime("%H:%M")
            if at.date() == now.date()
            else weekday(at.date(), short=True) + at.strftime(" %H:%M")
        )
        return self.tr("Next reminder: {when}").format(when=when)


CLOSE_NOTICE_KEY = "tray/closeNoticeShown"


class ReminderDesk(QObject):
    """The prompt's delivery around the main window; all of its wiring in one place.

    The reminder, with or without a tray: a desktop notification through the notification
    service (`notifier`, with its Write now / Snooze 15 min / Skip today actions), and the
    prompt window itself (when `open_prompt_at_reminder` is on) shown above the others without
    taking the keyboard from the application in use. Qt's tray balloon stands in only where no
    notification service answered. Until the reminder is answered, snoozed or skipped, the
    tray icon carries a badge and its tooltip says the reflection is waiting.

    With a tray, closing the main window only hides it (said once, ever), and Quit (tray or
    File menu) ends the app.
    """

    closeNoticeShown = Signal()

    def __init__(
        self,
        app: QApplication,
        window: DeskWindow,
        service: PromptService,
        drafts: DraftStore,
        qsettings: QSettings,
        has_tray: bool,
        notifier: DesktopNotifier | None = None,
    ) -> None:
        from journal.ui.prompt.prompt_launcher import PromptLauncher
        from journal.ui.prompt.tray import Tray, app_icon

        super().__init__(app)
        self.app = app
        self.window = window
        self.service = service
        self.qsettings = qsettings
        self.quitting = False
        self.catch_up: Any = None  # the CatchUpDialog while it is open
        self.launcher = PromptLauncher(service, drafts, self)
        self.loop = ReminderLoop(service, self)
        self._catch_up_timer = QTimer(self)  # a member, so quit() and dispose() can stop it
        self._catch_up_timer.setSingleShot(True)
        self._catch_up_timer.setInterval(0)
        self._catch_up_timer.timeout.connect(self.offer_catch_up)
        self.tray: Tray | None = Tray(service, self) if has_tray else None
        self.pending: dt.date | None = None  # the day a shown reminder waits about
        self.notifier: DesktopNotifier | None = None
        if notifier is not None:
            self.set_notifier(notifier)
        app.setWindowIcon(app_icon())
        app.setQuitOnLastWindowClosed(self.tray is None)

        self.loop.reminderDue.connect(self.remind)
        self.loop.checkFailed.connect(self._report)
        self.launcher.entrySaved.connect(self._prompt_saved)
        self.launcher.snoozed.connect(lambda _until: self._settled())
        if self.tray is not None:
            menu = self.tray.menu
            menu.writeRequested.connect(lambda: self.open_prompt())
            menu.openRequested.connect(self.show_main)
            menu.quitRequested.connect(self.quit)
            menu.snoozed.connect(lambda _until: self._settled())
            menu.skipped.connect(lambda _day: self._skipped())
            menu.failed.connect(self._report)
            self.tray.activatedOpen.connect(self.show_main)
            self.tray.messageClicked.connect(lambda: self.open_prompt(self.pending))
            self.tray.noticeClicked.connect(self.show_main)
            self.tray.show()
            self._take_over_quit()
        window.installEventFilter(self)
        self._connect_window()
        self.update_streak()

    def set_notifier(self, notifier: DesktopNotifier) -> None:
        """Deliver reminders through `notifier` (the desktop's notification service)."""
        if self.notifier is not None:
            self.notifier.withdraw()
        self.notifier = notifier
        notifier.setParent(self)
        notifier.actionInvoked.connect(self._notification_action)
        notifier.unavailable.connect(self._no_notification_service)

    # -- the main window -------------------------------------------------------------------

    def _connect_window(self) -> None:
        """The window's prompt action, streak and saves feed the desk."""
        self.window.reflectionRequested.connect(lambda: self.open_prompt())
        self.window.entrySaved.connect(lambda _entry: self._journal_changed())

    def _take_over_quit(self) -> None:
        """With a tray, closing the window hides it: File > Quit must quit the app."""
        self.window.quitRequested.connect(self.quit)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = event.type() == QEvent.Type.Close
        if closing and watched is cast(QObject, self.window) and self.tray:
            QTimer.singleShot(0, self._main_window_closed)
        return super().eventFilter(watched, event)

    def _main_window_closed(self) -> None:
        try:
            visible = self.window.isVisible()
        except RuntimeError:  # the window is gone already (tests, or the app ending)
            return
        if self.quitting or self.tray is None or visible:
            return
        if self.qsettings.value(CLOSE_NOTICE_KEY, False, type=bool):
            return
        self.qsettings.setValue(CLOSE_NOTICE_KEY, True)
        self.qsettings.sync()
        self.tray.show_message(
            self.tr("Daybook is still running"),
            self.tr(
                "Reminders stay on while Daybook is in the tray. "
                "To stop them, choose Quit in the tray menu."
            ),
        )
        self.closeNoticeShown.emit()

    def show_main(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    # -- the prompt ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the reminders and offer the missed days (once the event loop runs)."""
        self.loop.start()
        self._update_tooltip()
        self._catch_up_timer.start()

    def open_prompt(self, day: dt.date | None = None, passive: bool = False) -> Any:
        return self.launcher.open(day, passive=passive)

    def remind(self, day: dt.date) -> None:
        """The reminder fired for `day`: the notification (or the tray's balloon where no
        service exists), the window if the setting says so, and the badge."""
        self.pending = day
        opens = bool(getattr(self.service.settings, "open_prompt_at_reminder", True))
        summary = self.tr("Time for today's reflection")
        body = (
            self.tr("Daybook's questions are open in their own window.")
            if opens
            else self.tr("A few short questions about {day}.").format(day=weekday(day))
        )
        if self.notifier is not None:
            self.notifier.show(summary, body)
        elif self.tray is not None:
            self.tray.remind(day)
        else:
            from journal.ui.prompt import notify

            notify.notify(summary, body)
        if opens:
            self.open_prompt(day, passive=True)
        if self.tray is not None:
            self.tray.set_pending(True)
        self._update_tooltip()

    def _no_notification_service(self, reason: str) -> None:
        """No notification service answered: Qt's balloon, or notify-send, stands in."""
        if self.pending is None:
            return
        if self.tray is not None:
            self.tray.remind(self.pending)
        else:
            from journal.ui.prompt import notify

            if notify.available_backend() is not None:
                notify.notify(self.tr("Time for today's reflection"), "", backend="notify-send")

    def _notification_action(self, key: str) -> None:
        """The user chose in the notification: write (or clicked it), snooze or skip."""
        from journal.ui.prompt import notify

        day = self.pending or self.service.today()
        if key in (notify.DEFAULT, notify.WRITE):
            self.open_prompt(day)
            return
        window = self.launcher.windows.get(day)
        if key == notify.SNOOZE:
            if window is not None:
                window.snooze()  # keeps its draft, snoozes, closes: _settled follows
                if self.pending is None:
                    return
            try:
                self.service.snooze(SNOOZE_SHORT, day=day)
            except DaybookError as exc:
                self._report(exc)
                return
            self._settled()
        elif key == notify.SKIP:
            if day != self.service.today():
                return
            try:
                self.service.skip_today()
            except DaybookError as exc:
                self._report(exc)
                return
            if window is not None:
                window.close()  # its draft stays
            self._skipped()

    def _settled(self) -> None:
        """The waiting reminder was answered, snoozed or skipped: no badge, no notification."""
        self.pending = None
        if self.notifier is not None:
            self.notifier.withdraw()
        if self.tray is not None:
            self.tray.set_pending(False)
        self.loop.reschedule()
        self._update_tooltip()

    def offer_catch_up(self) -> list[dt.date]:
        """Show the missed working days (if any); returns them."""
        from journal.ui.prompt.catch_up import CatchUpDialog

        try:
            days = self.service.catch_up_days()
        except DaybookError as exc:
            self._report(exc)
            return []
        if not days:
            return []
        parent = cast(QWidget, self.window) if self.window.isVisible() else None
        dialog = CatchUpDialog(days, parent)
        dialog.dayRequested.connect(lambda day: self.open_prompt(day))
        dialog.finished.connect(lambda _result: setattr(self, "catch_up", None))
        self.catch_up = dialog
        dialog.show_beside(parent)
        return days

    def _prompt_saved(self, entry: Entry) -> None:
        if self.pending is not None and entry.day == self.pending:
            self._settled()
        if self.catch_up is not None:
            self.catch_up.mark_written(entry.day)
        self.confirm_saved(entry)

    def confirm_saved(self, entry: Entry) -> str:
        """The prompt closes at once on a save, so the main window says it ('Saved · streak:
        7 working days' in its status bar, the new entry selected); with the window in the
        tray, the tray says it. Returns the words."""
        from journal.ui.common import wording

        try:
            text = wording.saved_with_streak(self.service.streak().current)
        except DaybookError:
            text = wording.saved_with_streak(0)
        self.window.statusBar().showMessage(text)
        self.window.select_id(entry.id)  # the change signal listed it already
        if self.tray is not None and not self.window.isVisible():
            self.tray.show_message(self.tr("Reflection saved"), text)
        return text

    def journal_changed(self, change: Change) -> None:
        """A change to the journal (the main window's change signal): the streak and the
        next reminder, unless it was an edit that kept its entry's day."""
        if change.kind == "updated" and len(change.days) == 1:
            return
        self._journal_changed()

    def _journal_changed(self) -> None:
        self.update_streak()
        self.loop.reschedule()
        self._update_tooltip()

    def _skipped(self) -> None:
        self._settled()

    def update_streak(self) -> None:
        try:
            streak = self.service.streak()
        except DaybookError:
            return
        self.window.set_streak(streak.current, streak.longest)

    def _update_tooltip(self) -> None:
        if self.tray is not None:
            self.tray.set_tooltip(self.loop.next_reminder_text())

    def settings_changed(self, settings: Settings) -> None:
        self.service.settings = settings
        self._journal_changed()

    def _report(self, error: BaseException) -> None:
        self.window.report(error)

    # -- quitting --------------------------------------------------------------------------

    def quit(self) -> bool:
        """Close the prompt windows (their drafts stay) and the main window, then quit;
        False when the main window refused to close (unsaved changes the user keeps)."""
        self.quitting = True
        self.launcher.close_all()
        if not self.window.close():
            self.quitting = False
            return False
        self.dispose()
        self.app.quit()
        return True

    def dispose(self) -> None:
        """Stop the timers, close what this desk opened and let go of the main window."""
        self.loop.stop()
        self._catch_up_timer.stop()
        self.launcher.close_all()
        self.window.removeEventFilter(self)
        if self.catch_up is not None:
            self.catch_up.close()
            self.catch_up = None
        if self.notifier is not None:
            self.notifier.withdraw()
        if self.tray is not None:
            self.tray.dispose()
            self.tray = None
