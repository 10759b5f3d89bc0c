"""The reminder loop driven by hand with fake clocks, and the desk around the main window:
reminder delivery without a tray, catch-up at start, closing with a tray, quitting."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET
from journal.services.journal import Journal
from journal.services.prompt import PromptService
from journal.settings import Settings
from journal.ui.reminders import CLOSE_NOTICE_KEY, ReminderLoop

BERLIN = ZoneInfo("Europe/Berlin")
WORK, LEARN, NEXT = DEFAULT_SET.questions
THU = dt.date(2026, 11, 19)


class FakeClock:
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


@pytest.fixture
def loop(qtbot: Any, service: PromptService) -> Any:
    mono, wall = Seconds(1000.0), Seconds(1_800_000_000.0)
    loop = ReminderLoop(service, monotonic=mono, wall=wall)
    loop.mono, loop.wall = mono, wall  # type: ignore[attr-defined]
    fired: list[dt.date] = []
    woke: list[float] = []
    loop.reminderDue.connect(fired.append)
    loop.woke.connect(woke.append)
    loop.fired, loop.woke_list = fired, woke  # type: ignore[attr-defined]
    return loop


def _advance(loop: Any, clock: FakeClock, stamp: str, slept: bool = False) -> Any:
    before = clock.now
    clock.set(stamp)
    seconds = (clock.now - before).total_seconds()
    loop.wall.value += seconds
    loop.mono.value += 30 if slept else seconds
    return loop.tick()


def test_fires_once_at_the_time(loop: Any, clock: FakeClock) -> None:
    assert loop.tick() is None
    assert _advance(loop, clock, "2026-11-19 17:29:30") is None
    assert _advance(loop, clock, "2026-11-19 17:30:00") == THU
    assert loop.fired == [THU]
    for stamp in ("2026-11-19 17:30:30", "2026-11-19 18:00", "2026-11-19 23:59"):
        _advance(loop, clock, stamp)
    assert loop.fired == [THU]
    assert loop.woke_list == []


def test_no_reminder_for_a_written_day(loop: Any, clock: FakeClock, service: PromptService) -> None:
    service.save_answers(THU, DEFAULT_SET.questions, {WORK: "Wrote it early"})
    for stamp in ("2026-11-19 17:30", "2026-11-19 18:00", "2026-11-19 22:00"):
        _advance(loop, clock, stamp)
    assert loop.fired == []
    assert service.next_reminder() == dt.datetime(2026, 11, 20, 17, 30, tzinfo=BERLIN)


def test_once_after_a_sleep_past_the_time(loop: Any, clock: FakeClock) -> None:
    _advance(loop, clock, "2026-11-19 16:00")
    assert _advance(loop, clock, "2026-11-19 21:00", slept=True) == THU  # the lid opens
    assert len(loop.woke_list) == 1
    assert loop.woke_list[0] > 4 * 3600
    for stamp in ("2026-11-19 21:00:30", "2026-11-19 21:01"):
        _advance(loop, clock, stamp)
    assert loop.fired == [THU]


def test_a_sleep_past_the_day_boundary_gives_no_reminder(loop: Any, clock: FakeClock) -> None:
    _advance(loop, clock, "2026-11-19 16:00")
    _advance(loop, clock, "2026-11-20 09:00", slept=True)  # Friday morning: Thursday is over
    assert loop.fired == []
    assert _advance(loop, clock, "2026-11-20 17:30") == THU + dt.timedelta(days=1)


def test_snooze_brings_it_back_once(loop: Any, clock: FakeClock, service: PromptService) -> None:
    _advance(loop, clock, "2026-11-19 17:30")
    service.snooze(dt.timedelta(minutes=15))
    assert _advance(loop, clock, "2026-11-19 17:44") is None
    assert _advance(loop, clock, "2026-11-19 17:45") == THU
    assert _advance(loop, clock, "2026-11-19 17:46") is None
    assert loop.fired == [THU, THU]


def test_next_reminder_text(loop: Any, clock: FakeClock) -> None:
    assert loop.next_reminder_text() == "Next reminder: 17:30"
    _advance(loop, clock, "2026-11-19 17:30")
    assert loop.next_reminder_text() == "Next reminder: Fri 17:30"


def test_the_timers_run_once_started(loop: Any) -> None:
    loop.start()
    assert loop.is_running()
    assert loop._aim.isActive()  # aimed at 17:30
    loop.stop()
    assert not loop.is_running()


# -- the desk around the main window --------------------------------------------------------


@pytest.fixture
def make_desk(
    qapp: QApplication, qtbot: Any, make_window: Any, clock: FakeClock, qsettings: QSettings
) -> Any:
    from journal.app import build_reminders

    desks: list[Any] = []

    def make(journal: Journal, tray: bool = False) -> Any:
        window = make_window(journal)
        desk = build_reminders(qapp, window, journal, Settings(), qsettings, tray=tray, clock=clock)
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
    from journal.ui import notify

    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(notify, "notify", lambda s, b="", **_k: sent.append((s, b)) or None)
    return sent


def test_without_a_tray_the_prompt_appears_without_taking_focus(
    make_desk: Any, journal: Journal, clock: FakeClock, notified: list[Any], qtbot: Any
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
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: Any
) -> None:
    PromptService(journal, Settings(), clock=clock, zone=lambda: BERLIN).save_answers(
        THU - dt.timedelta(days=1), DEFAULT_SET.questions, {WORK: "x"}
    )
    desk = make_desk(journal)
    window = desk.window
    assert window.streak_label.text() == "Streak: 1"
    window.reflection_action.trigger()
    prompt = desk.launcher.windows[THU]
    qtbot.waitExposed(prompt)
    qtbot.keyClicks(prompt.editors[WORK], "From the menu")
    with qtbot.waitSignal(prompt.saved, timeout=5000):
        prompt.save()
    assert window.streak_label.text() == "Streak: 2"


def test_catch_up_offers_missed_days_and_each_click_opens_its_day(
    make_desk: Any, journal: Journal, clock: FakeClock, qtbot: Any
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
    make_desk: Any, journal: Journal, qtbot: Any, notified: list[Any], qsettings: QSettings
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
    make_desk: Any, journal: Journal, qtbot: Any, qapp: QApplication, monkeypatch: Any
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
    from journal.ui.prompt_window import draft_key

    assert desk.launcher.drafts.load(draft_key(THU)) is not None
