"""The reminder loop driven by hand with fake clocks, and the desk around the main window:
reminder delivery without a tray, catch-up at start, closing with a tray, quitting."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication

from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET
from journal.services.prompt import PromptService
from journal.settings import Settings
from journal.ui.prompt.reminders import CLOSE_NOTICE_KEY, ReminderLoop

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

BERLIN = ZoneInfo("Europe/Berlin")
WORK, LEARN, NEXT = DEFAULT_SET.questions
THU = dt.date(2026, 11, 19)


class FakeClock:
    """The time in Berlin, set by hand."""

    def __init__(self, stamp: str) -> None:
        self.now = dt.datetime.fromisoformat(stamp).replace(tzinfo=BERLIN)

    def set(self, stamp: str) -> None:
        self.now = dt.datetime.fromisoformat(stamp).replace(tzinfo=BERLIN)

    def __call__(self) -> dt.datetime:
        return self.now


class Seconds:
    """A monotonic or wall clock in seconds, moved by hand."""

    def __init__(self, start: float) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock("2026-11-19 17:00")  # Thursday, half an hour before the reminder


@pytest.fixture
def service(journal: Journal, clock: FakeClock) -> PromptService:
    return PromptService(journal, Settings(), clock=clock, zone=lambda: BERLIN)


class RecordingLoop(ReminderLoop):
    """The reminder loop on clocks moved by hand, keeping what it emitted."""

    def __init__(self, service: PromptService) -> None:
        mono, wall = Seconds(1000.0), Seconds(1_800_000_000.0)
        super().__init__(service, monotonic=mono, wall=wall)
        self.mono, self.wall = mono, wall
        self.fired: list[dt.date] = []
        self.woke_list: list[float] = []
        self.reminderDue.connect(self.fired.append)
        self.woke.connect(self.woke_list.append)


@pytest.fixture
def loop(qtbot: QtBot, service: PromptService) -> RecordingLoop:
    return RecordingLoop(service)


def _advance(loop: RecordingLoop, clock: FakeClock, stamp: str, slept: bool = False) -> Any:
    before = clock.now
    clock.set(stamp)
    seconds = (clock.now - before).total_seconds()
    loop.wall.value += seconds
    loop.mono.value += 30 if slept else seconds
    return loop.tick()


def test_fires_once_at_the_time(loop: RecordingLoop, clock: FakeClock) -> None:
    assert loop.tick() is None
    assert _advance(loop, clock, "2026-11-19 17:29:30") is None
    assert _advance(loop, clock, "2026-11-19 17:30:00") == THU
    assert loop.fired == [THU]
    for stamp in ("2026-11-19 17:30:30", "2026-11-19 18:00", "2026-11-19 23:59"):
        _advance(loop, clock, stamp)
    assert loop.fired == [THU]
    assert loop.woke_list == []


def test_no_reminder_for_a_written_day(
    loop: RecordingLoop, clock: FakeClock, service: PromptService
) -> None:
    service.save_answers(THU, DEFAULT_SET.questions, {WORK: "Wrote it early"})
    for stamp in ("2026-11-19 17:30", "2026-11-19 18:00", "2026-11-19 22:00"):
        _advance(loop, clock, stamp)
    assert loop.fired == []
    assert service.next_reminder() == dt.datetime(2026, 11, 20, 17, 30, tzinfo=BERLIN)


def test_once_after_a_sleep_past_the_time(loop: RecordingLoop, clock: FakeClock) -> None:
    _advance(loop, clock, "2026-11-19 16:00")
    assert _advance(loop, clock, "2026-11-19 21:00", slept=True) == THU  # the lid opens
    assert len(loop.woke_list) == 1
    assert loop.woke_list[0] > 4 * 3600
    for stamp in ("2026-11-19 21:00:30", "2026-11-19 21:01"):
        _advance(loop, clock, stamp)
    assert loop.fired == [THU]


def test_a_sleep_past_the_day_boundary_gives_no_reminder(
    loop: RecordingLoop, clock: FakeClock
) -> None:
    _advance(loop, clock, "2026-11-19 16:00")
    _advance(loop, clock, "2026-11-20 09:00", slept=True)  # Friday morning: Thursday is over
    assert loop.fired == []
    assert _advance(loop, clock, "2026-11-20 17:30") == THU + dt.timedelta(days=1)


def test_snooze_brings_it_back_once(
    loop: RecordingLoop, clock: FakeClock, service: PromptService
) -> None:
    _advance(loop, clock, "2026-11-19 17:30")
    service.snooze(dt.timedelta(minutes=15))
    assert _advance(loop, clock, "2026-11-19 17:44") is None
    assert _advance(loop, clock, "2026-11-19 17:45") == THU
    assert _advance(loop, clock, "2026-11-19 17:46") is None
    assert loop.fired == [THU, THU]


def test_next_reminder_text(loop: RecordingLoop, clock: FakeClock) -> None:
    assert loop.next_reminder_text() == "Next reminder: 17:30"
    _advance(loop, clock, "2026-11-19 17:30")
    assert loop.next_reminder_text() == "Next reminder: Fri 17:30"


def test_the_timers_run_once_started(loop: RecordingLoop) -> None:
    loop.start()
    assert loop.is_running()
    assert loop._aim.isActive()  # aimed at 17:30
    loop.stop()
    assert not loop.is_running()


# -- the desk around the main window --------------------------------------------------------


@pytest.fixture
def make_desk(
    qapp: QApplication,
    qtbot: QtBot,
    make_window: MakeWindow,
    clock: FakeClock,
    qsettings: QSettings,
) -> Any:
    from journal.app import build_reminders

    desks: list[Any] = []

    def make(journal: Journal, tray: bool = False, settings: Settings | None = None) -> Any:
        window = make_window(journal)
        desk = build_reminders(
            qapp,
            window,
            journal,
            settings or Settings(),
            qsettings,
            tray=tray,
            clock=clock,
            notifications=False,
        )
        desk.service._zone = lambda: BERLIN
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.dispose()
        desk.deleteLater()
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def notified(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    from journal.ui.prompt import notify

    sent: list[tuple[str, str]] = []

    def fake_notify(summary: str, body: str = "", **_options: object) -> None:
        sent.append((summary, body))

    monkeypatch.setattr(notify, "notify", fake_notify)
    return sent


def test_without_a_tray_the_prompt_appears_without_taking_focus(
    make_desk: Any, journal: Journal, clock: FakeClock, notified: list[Any], qtbot: QtBot
) -> None:
    desk = make_desk(journal)
    assert desk.tray is None
    assert QApplication.quitOnLastWindowClosed()
    clock.set("2026-11-19 17:30")
    assert desk.loop.tick() == THU
    window = desk.launcher.windows[THU]
    qtbot.waitExposed(window)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert QApplication.activeWindow() is not window
    assert len(notified) == 1
    assert desk.loop.tick() is None  # once
    assert list(desk.launcher.windows) == [THU]


def test_the_main_window_gets_a_reflection_action_and_a_streak(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot
) -> None:
    PromptService(journal, Settings(), clock=clock, zone=lambda: BERLIN).save_answers(
        THU - dt.timedelta(days=1), DEFAULT_SET.questions, {WORK: "x"}
    )
    desk = make_desk(journal)
    window = desk.window
    assert window.panes.streak_label.text() == "Streak: 1"
    window.ui_actions.reflection_action.trigger()
    prompt = desk.launcher.windows[THU]
    qtbot.waitExposed(prompt)
    qtbot.keyClicks(prompt.editors[WORK], "From the menu")
    with qtbot.waitSignal(prompt.saved, timeout=5000):
        prompt.save()
    assert window.panes.streak_label.text() == "Streak: 2"


def test_catch_up_offers_missed_days_and_each_click_opens_its_day(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot
) -> None:
    service = PromptService(journal, Settings(), clock=clock, zone=lambda: BERLIN)
    service.save_answers(dt.date(2026, 11, 13), DEFAULT_SET.questions, {WORK: "Friday"})
    desk = make_desk(journal)
    days = desk.offer_catch_up()
    mon, tue, wed = (dt.date(2026, 11, 16) + dt.timedelta(days=i) for i in range(3))
    assert days == [mon, tue, wed]  # today (Thursday) is not over; the weekend is no work
    dialog = desk.catch_up
    assert list(dialog.buttons) == [mon, tue, wed]
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.buttons[tue], Qt.MouseButton.LeftButton)
    prompt = desk.launcher.windows[tue]
    assert prompt.day == tue
    qtbot.waitExposed(prompt)
    qtbot.keyClicks(prompt.editors[LEARN], "Tuesday's lesson")
    with qtbot.waitSignal(prompt.saved, timeout=5000) as saved:
        prompt.save()
    assert saved.args[0].day == tue
    assert not dialog.buttons[tue].isEnabled()
    assert dialog.pending() == [mon, wed]
    qtbot.mouseClick(dialog.buttons[mon], Qt.MouseButton.LeftButton)
    assert desk.launcher.windows[mon].day == mon
    days_written = journal.entry_days(EntryFilter())
    assert tue in days_written and mon not in days_written


def test_no_catch_up_for_a_new_journal(make_desk: Any, journal: Journal) -> None:
    desk = make_desk(journal)
    assert desk.offer_catch_up() == []
    assert desk.catch_up is None


def test_with_a_tray_closing_the_window_keeps_running_and_says_so_once(
    make_desk: Any, journal: Journal, qtbot: QtBot, notified: list[Any], qsettings: QSettings
) -> None:
    desk = make_desk(journal, tray=True)  # forced: offscreen there is no real tray
    assert not QApplication.quitOnLastWindowClosed()
    with qtbot.waitSignal(desk.closeNoticeShown, timeout=5000):
        desk.window.close()
    assert qsettings.value(CLOSE_NOTICE_KEY, False, type=bool)
    assert desk.loop.is_running() or not desk.quitting
    desk.show_main()
    assert desk.window.isVisible()
    with qtbot.assertNotEmitted(desk.closeNoticeShown, wait=50):
        desk.window.close()


def test_tray_quit_closes_everything(
    make_desk: Any, journal: Journal, qtbot: QtBot, qapp: QApplication, monkeypatch: Any
) -> None:
    desk = make_desk(journal, tray=True)
    desk.start()
    quits: list[bool] = []
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))
    prompt = desk.open_prompt()
    qtbot.keyClicks(prompt.editors[WORK], "kept as a draft")
    desk.tray.menu.quit_action.trigger()
    assert quits == [True]
    assert not desk.window.isVisible()
    assert not desk.loop.is_running()
    assert desk.launcher.windows == {}
    from journal.ui.prompt.prompt_window import draft_key

    assert desk.launcher.drafts.load(draft_key(THU)) is not None


# -- delivery: the notification, the window, the badge (issue 15) ----------------------------


class FakeNotifier(QObject):
    """Stands in for `notify.DesktopNotifier`: the same signals, calls recorded."""

    actionInvoked = Signal(str)
    shown = Signal(int, object)
    unavailable = Signal(str)
    dismissed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, ...]] = []

    def show(self, summary: str, body: str) -> None:
        self.calls.append(("show", summary, body))

    def withdraw(self) -> None:
        self.calls.append(("withdraw",))


@pytest.fixture
def balloons(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Qt's tray balloons, recorded (offscreen a forced tray's icon is never visible)."""
    from journal.ui.prompt.tray import Tray

    shown: list[str] = []
    monkeypatch.setattr(
        Tray, "show_message", lambda self, title, text, kind="notice": shown.append(kind)
    )
    return shown


def _desk_with_notifier(make_desk: Any, journal: Journal, **kwargs: Any) -> tuple[Any, Any]:
    desk = make_desk(journal, **kwargs)
    notifier = FakeNotifier()
    desk.set_notifier(notifier)
    return desk, notifier


@pytest.mark.parametrize("tray", [True, False])
def test_the_reminder_goes_to_the_notification_service_with_or_without_a_tray(
    make_desk: Any,
    journal: Journal,
    clock: FakeClock,
    balloons: list[str],
    qtbot: QtBot,
    tray: bool,
) -> None:
    desk, notifier = _desk_with_notifier(make_desk, journal, tray=tray)
    clock.set("2026-11-19 17:30")
    assert desk.loop.tick() == THU
    assert [c[0] for c in notifier.calls] == ["show"]
    assert balloons == []  # the balloon only stands in where no service exists
    window = desk.launcher.windows[THU]  # and the window opens, tray or not
    qtbot.waitExposed(window)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert QApplication.activeWindow() is not window


def test_no_notification_service_falls_back_to_the_balloon(
    make_desk: Any, journal: Journal, clock: FakeClock, balloons: list[str]
) -> None:
    desk, notifier = _desk_with_notifier(make_desk, journal, tray=True)
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    notifier.unavailable.emit("org.freedesktop.Notifications was not provided")
    assert balloons == ["reminder"]


def test_with_a_tray_the_window_opens_at_reminder_time(
    make_desk: Any, journal: Journal, clock: FakeClock, balloons: list[str], qtbot: QtBot
) -> None:
    desk = make_desk(journal, tray=True)
    clock.set("2026-11-19 17:30")
    assert desk.loop.tick() == THU
    window = desk.launcher.windows[THU]
    qtbot.waitExposed(window)
    assert QApplication.activeWindow() is not window


def test_the_setting_off_keeps_the_window_closed(
    make_desk: Any, journal: Journal, clock: FakeClock, balloons: list[str]
) -> None:
    desk, notifier = _desk_with_notifier(
        make_desk, journal, tray=True, settings=Settings(open_prompt_at_reminder=False)
    )
    clock.set("2026-11-19 17:30")
    assert desk.loop.tick() == THU
    assert desk.launcher.windows == {}
    assert notifier.calls[0][0] == "show"
    assert "open in their own window" not in notifier.calls[0][2]  # the body does not lie


def test_a_pending_reminder_shows_on_the_tray_until_snoozed(
    make_desk: Any, journal: Journal, clock: FakeClock, balloons: list[str], qtbot: QtBot
) -> None:
    desk = make_desk(journal, tray=True)
    desk.start()
    tray = desk.tray
    plain = tray.icon.icon().cacheKey()
    assert "Next reminder: 17:30" in tray.icon.toolTip()
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    assert "Today's reflection is waiting" in tray.icon.toolTip()
    assert tray.icon.icon().cacheKey() != plain  # the badge
    window = desk.launcher.windows[THU]
    qtbot.waitExposed(window)
    assert desk.open_prompt(THU) is window  # the user clicks it: it takes the keyboard
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    with qtbot.waitSignal(window.snoozed, timeout=5000):
        qtbot.keyClick(window.first_editor(), Qt.Key.Key_Escape)  # Esc snoozes
    assert THU not in desk.launcher.windows
    assert "Next reminder: 17:45" in tray.icon.toolTip()  # not the old time
    assert "waiting" not in tray.icon.toolTip()
    assert tray.icon.icon().cacheKey() == plain
    clock.set("2026-11-19 17:45")
    assert desk.loop.tick() == THU  # and it comes back
    assert "Today's reflection is waiting" in tray.icon.toolTip()


def test_the_tray_menu_snooze_and_skip_clear_the_badge(
    make_desk: Any, journal: Journal, clock: FakeClock, balloons: list[str]
) -> None:
    desk = make_desk(journal, tray=True, settings=Settings(open_prompt_at_reminder=False))
    desk.start()
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    desk.tray.menu.snooze_long_action.trigger()
    assert "Next reminder: 18:30" in desk.tray.icon.toolTip()
    clock.set("2026-11-19 18:30")
    desk.loop.tick()
    assert desk.tray.pending
    desk.tray.menu.skip_action.trigger()
    assert not desk.tray.pending
    assert "Next reminder: Fri 17:30" in desk.tray.icon.toolTip()


def test_clicking_the_still_running_balloon_opens_the_main_window(
    make_desk: Any, journal: Journal, qtbot: QtBot, balloons: list[str]
) -> None:
    desk = make_desk(journal, tray=True)
    with qtbot.waitSignal(desk.closeNoticeShown, timeout=5000):
        desk.window.close()
    assert not desk.window.isVisible()
    desk.tray.icon.messageClicked.emit()
    assert desk.window.isVisible()
    assert desk.launcher.windows == {}


def test_clicking_the_reminder_balloon_opens_the_prompt(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot, monkeypatch: Any
) -> None:
    from journal.ui.prompt import notify as notify_module

    monkeypatch.setattr(notify_module, "notify", lambda *_a, **_k: None)
    desk = make_desk(journal, tray=True, settings=Settings(open_prompt_at_reminder=False))
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    desk.tray.icon.messageClicked.emit()
    window = desk.launcher.windows[THU]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert not window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_the_notification_actions(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot, balloons: list[str]
) -> None:
    from journal.ui.prompt import notify

    desk, notifier = _desk_with_notifier(make_desk, journal, tray=True)
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    window = desk.launcher.windows[THU]
    qtbot.waitExposed(window)
    notifier.actionInvoked.emit(notify.DEFAULT)  # a click on the notification
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert window.focusWidget() is window.first_editor()
    notifier.actionInvoked.emit(notify.SNOOZE)
    assert THU not in desk.launcher.windows
    assert desk.service.state.snoozed_until is not None
    assert ("withdraw",) in notifier.calls
    assert "Next reminder: 17:45" in desk.tray.icon.toolTip()
    clock.set("2026-11-19 17:45")
    assert desk.loop.tick() == THU
    notifier.actionInvoked.emit(notify.SKIP)
    assert desk.service.state.skipped == THU
    assert THU not in desk.launcher.windows
    assert not desk.tray.pending


def test_write_now_opens_the_prompt_focused_when_it_was_not_open(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot
) -> None:
    from journal.ui.prompt import notify

    desk, notifier = _desk_with_notifier(
        make_desk, journal, settings=Settings(open_prompt_at_reminder=False)
    )
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    assert desk.launcher.windows == {}
    notifier.actionInvoked.emit(notify.WRITE)
    window = desk.launcher.windows[THU]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert window.focusWidget() is window.first_editor()


def test_saving_the_prompt_withdraws_the_notification(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot, balloons: list[str]
) -> None:
    desk, notifier = _desk_with_notifier(make_desk, journal, tray=True)
    clock.set("2026-11-19 17:30")
    desk.loop.tick()
    window = desk.launcher.windows[THU]
    window.editors[WORK].setPlainText("done")
    assert window.save()
    assert ("withdraw",) in notifier.calls
    assert not desk.tray.pending


def test_catch_up_opens_in_the_corner_when_the_main_window_fills_the_screen(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: QtBot
) -> None:
    """Not centred over the timeline (as it used to): wholly on the window's own screen,
    in its bottom-right corner (the reader's margin), when there is no room beside it."""
    service = PromptService(journal, Settings(), clock=clock, zone=lambda: BERLIN)
    service.save_answers(dt.date(2026, 11, 13), DEFAULT_SET.questions, {WORK: "Friday"})
    desk = make_desk(journal)
    window = desk.window
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    window.setGeometry(free)
    desk.offer_catch_up()
    dialog = desk.catch_up
    qtbot.waitExposed(dialog)
    placed = dialog.frameGeometry()
    assert free.contains(placed)
    assert placed.center().x() > free.center().x() and placed.center().y() > free.center().y()
    assert placed.right() >= free.right() - 60 and placed.bottom() >= free.bottom() - 60


def test_catch_up_opens_beside_a_window_that_leaves_room(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from journal.ui.prompt.catch_up import CatchUpDialog

    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    free = main.screen().availableGeometry()
    main.setGeometry(free.x(), free.y(), 200, free.height() // 2)
    dialog = CatchUpDialog([dt.date(2026, 11, 16), dt.date(2026, 11, 17)], main)
    qtbot.addWidget(dialog)
    dialog.show_beside(main)
    qtbot.waitExposed(dialog)
    placed = dialog.frameGeometry()
    assert free.contains(placed)
    assert not placed.intersects(main.frameGeometry())
    assert placed.left() > main.frameGeometry().right()  # to its right
