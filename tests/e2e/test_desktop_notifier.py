"""`notify.DesktopNotifier` against a notification service on a real session bus (the
recording server beside this file): what it sends, what it hears back, and what it does
when there is no service at all."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from journal.ui.prompt import notify
from tests.e2e.desktop import Desktop, desktop, require_tools, wait_for

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

pytestmark = [pytest.mark.desktop]
LABELS = {notify.DEFAULT: "Write now", notify.WRITE: "Write now", notify.SNOOZE: "Snooze 15 min"}


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desktop]:
    require_tools("dbus-launch")
    with desktop(tmp_path / "bus") as stack:
        out = stack.run("dbus-launch", "--sh-syntax")
        for line in out.splitlines():
            if line.startswith("DBUS_SESSION_BUS_") and "=" in line:
                key, value = line.rstrip(";").split("=", 1)
                stack.env[key] = value.strip("'")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", stack.env["DBUS_SESSION_BUS_ADDRESS"])
        yield stack


def _notifier(qtbot: QtBot) -> notify.DesktopNotifier:
    notifier = notify.DesktopNotifier(LABELS)
    return notifier


@pytest.mark.parametrize("actions", [True, False])
def test_actions_only_where_the_server_has_them(bus: Desktop, qtbot: QtBot, actions: bool) -> None:
    bus.start_recorder(actions=actions)
    notifier = _notifier(qtbot)
    with qtbot.waitSignal(notifier.shown, timeout=10_000) as shown:
        notifier.show("Time for today's reflection", "Three questions")
    number, capabilities = shown.args
    assert ("actions" in capabilities) is actions
    [call] = bus.notifications()
    assert call["id"] == number
    assert call["actions"] == (
        ["default", "Write now", "write", "Write now", "snooze", "Snooze 15 min"] if actions else []
    )
    assert call["hints"] == {
        "urgency": 1,
        "resident": True,
        "desktop-entry": "io.github.daybook.Daybook",
    }
    notifier.withdraw()
    wait_for(lambda: bus.notifications()[1:], "CloseNotification")
    assert bus.notifications()[1] == {"call": "CloseNotification", "id": number}


def test_the_chosen_action_comes_back_and_others_ids_are_ignored(
    bus: Desktop, qtbot: QtBot
) -> None:
    bus.start_recorder()
    notifier = _notifier(qtbot)
    with qtbot.waitSignal(notifier.shown, timeout=10_000) as shown:
        notifier.show("Time for today's reflection", "")
    number = shown.args[0]
    with qtbot.waitSignal(notifier.actionInvoked, timeout=10_000) as invoked:
        bus.invoke(number + 41, "skip")  # another app's notification
        bus.invoke(number, "snooze")
    assert invoked.args == ["snooze"]
    notifier.withdraw()  # (waited for: the bus must outlive the thread that closes it)
    wait_for(lambda: bus.notifications()[1:], "CloseNotification")


def test_no_service_says_so(bus: Desktop, qtbot: QtBot) -> None:
    notifier = _notifier(qtbot)  # nobody owns org.freedesktop.Notifications on this bus
    with qtbot.waitSignal(notifier.unavailable, timeout=20_000):
        notifier.show("Time for today's reflection", "")


def test_no_bus_says_so(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + os.devnull + "-no-bus")
    notifier = _notifier(qtbot)
    with qtbot.waitSignal(notifier.unavailable, timeout=10_000):
        notifier.show("x", "")
