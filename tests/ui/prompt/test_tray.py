"""The tray menu (built without a tray), the tray icon where one exists, and notifications."""

from __future__ import annotations

import datetime as dt
import os
import stat
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from journal.domain.prompts import DEFAULT_SET
from journal.services.prompt import PromptService
from journal.settings import Settings
from journal.ui.prompt import notify
from journal.ui.prompt.tray import Tray, TrayMenu, app_icon

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal

BERLIN = ZoneInfo("Europe/Berlin")
THU = dt.date(2026, 11, 19)
NOW = dt.datetime(2026, 11, 19, 17, 35, tzinfo=BERLIN)


@pytest.fixture
def service(journal: Journal) -> PromptService:
    return PromptService(journal, Settings(), clock=lambda: NOW, zone=lambda: BERLIN)


@pytest.fixture
def menu(qtbot: QtBot, service: PromptService) -> TrayMenu:
    menu = TrayMenu(service)
    qtbot.addWidget(menu)
    return menu


def test_menu_items_in_order(menu: TrayMenu) -> None:
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Write Today's Reflection…",
        "Snooze 15 min",
        "Snooze 1 h",
        "Skip Today",
        "Open Daybook",
        "Quit",
    ]


def test_snoozes_call_the_service(menu: TrayMenu, service: PromptService, qtbot: QtBot) -> None:
    with qtbot.waitSignal(menu.snoozed) as short:
        menu.snooze_short_action.trigger()
    assert service.state.snoozed_until == NOW + dt.timedelta(minutes=15)
    assert short.args[0] == NOW + dt.timedelta(minutes=15)
    menu.snooze_long_action.trigger()
    assert service.state.snoozed_until == NOW + dt.timedelta(hours=1)
    assert service.state.snoozed_day == THU


def test_skip_today_calls_the_service(menu: TrayMenu, service: PromptService, qtbot: QtBot) -> None:
    with qtbot.waitSignal(menu.skipped) as skipped:
        menu.skip_action.trigger()
    assert skipped.args[0] == THU
    assert service.state.skipped == THU
    assert service.check(NOW + dt.timedelta(hours=1)) is None
    menu.refresh()
    assert not menu.snooze_short_action.isEnabled()


@pytest.mark.parametrize(
    ("action", "signal"),
    [
        ("write_action", "writeRequested"),
        ("open_action", "openRequested"),
        ("quit_action", "quitRequested"),
    ],
)
def test_other_items_emit_requests(menu: TrayMenu, qtbot: QtBot, action: str, signal: str) -> None:
    with qtbot.waitSignal(getattr(menu, signal)):
        getattr(menu, action).trigger()


def test_a_written_day_offers_to_add_to_it(menu: TrayMenu, service: PromptService) -> None:
    service.save_answers(THU, DEFAULT_SET.questions, {DEFAULT_SET.questions[0]: "done"})
    menu.refresh()
    assert menu.write_action.text().replace("&", "") == "Add to Today's Reflection…"
    assert not menu.skip_action.isEnabled()


def test_the_icon_is_found() -> None:
    assert not app_icon().isNull()


def test_tray_icon_shows_with_its_menu(qtbot: QtBot, service: PromptService) -> None:
    if not QSystemTrayIcon.isSystemTrayAvailable():  # asked once a QApplication exists
        pytest.skip("no system tray on this display")
    tray = Tray(service)
    try:
        tray.show()
        assert tray.icon.isVisible()
        assert tray.icon.contextMenu() is tray.menu
    finally:
        tray.dispose()


def test_without_a_tray_messages_go_to_notify(
    qtbot: QtBot, service: PromptService, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []

    def fake_notify(summary: str, body: str = "", **_options: object) -> None:
        sent.append(summary)

    monkeypatch.setattr(notify, "notify", fake_notify)
    tray = Tray(service)  # never shown: the icon is not visible
    try:
        tray.remind(THU)
    finally:
        tray.dispose()
    assert sent == ["Time for today's reflection"]


# -- notify ----------------------------------------------------------------------------------


def test_backend_choice() -> None:
    bus = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    assert notify.available_backend(bus, lambda _n: None, lambda: True, "linux") == "jeepney"
    found = lambda _n: "/usr/bin/notify-send"  # noqa: E731
    assert notify.available_backend({}, found, lambda: True, "linux") == "notify-send"
    assert notify.available_backend(bus, found, lambda: False, "linux") == "notify-send"
    assert notify.available_backend({}, lambda _n: None, lambda: True, "linux") is None
    assert notify.available_backend(bus, found, lambda: True, "win32") is None


def test_notify_send_gets_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "args"
    script = tmp_path / "bin" / "notify-send"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    assert notify.notify("Time to reflect", "Three questions", backend="notify-send", wait=True)
    args = log.read_text().splitlines()
    assert args[-3:] == ["--", "Time to reflect", "Three questions"]
    assert "--app-name=Daybook" in args


def test_nothing_available_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notify, "available_backend", lambda: None)
    assert notify.notify("x") is None


def test_dbus_failure_falls_back_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setenv("PATH", "/nonexistent")
    assert notify.notify("x", backend="jeepney", wait=True) == "jeepney"  # and no exception
