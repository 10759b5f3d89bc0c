"""The end-of-day reminder on a real desktop (issue 15): Xvfb, a D-Bus session, openbox, a
notification service and, in half of the cases, trayer's XEmbed tray. The app runs in its own
process with a clock a few seconds before the reminder time.

Checked from outside the app where X11 can tell (window mapped, where it is, who has the
keyboard, the attention hint) and through the notification service's own record of the calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.e2e.desktop import SCREEN, Desktop, Driver, desktop, require_tools, wait_for

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.desktop, pytest.mark.slow]
BEFORE_S = 4.0  # the app starts this long before 17:30


def _inside(rect: tuple[int, int, int, int], area: tuple[int, int, int, int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


def _stack(root: Path, tray: bool) -> Desktop:
    stack = Desktop(root)
    stack.start_x()
    stack.start_openbox()
    stack.start_recorder()
    if tray:
        stack.start_tray()
    return stack


@pytest.mark.parametrize("tray", [True, False], ids=["tray", "no-tray"])
def test_the_reminder_on_a_real_desktop(tmp_path: Path, tray: bool) -> None:
    require_tools(*(["trayer"] if tray else []))
    with desktop(tmp_path / "desk") as stack:
        stack.start_x()
        stack.start_openbox()
        stack.start_recorder()
        if tray:
            stack.start_tray()
        typing = stack.typing_window()
        app = Driver(stack, tmp_path / "journal", BEFORE_S, tray)
        ready = app.next_event("ready")
        assert ready == {"event": "ready", "tray": tray, "notifier": True}
        if tray:
            assert "Next reminder: 17:30" in app.ask("tooltip")["tooltip"]

        # 17:30: the notification reaches the service, with its actions and hints
        calls = wait_for(stack.notifications, "the Notify call")
        notice = calls[0]
        assert notice["call"] == "Notify"
        assert notice["app"] == "Daybook"
        assert notice["icon"] == "io.github.daybook.Daybook"
        assert notice["summary"] == "Time for today's reflection"
        assert notice["actions"][::2] == ["default", "write", "snooze", "skip"]
        assert notice["actions"][3::2] == ["Write now", "Snooze 15 min", "Skip today"]
        assert notice["hints"]["resident"] is True
        assert notice["hints"]["urgency"] == 1
        assert notice["hints"]["desktop-entry"] == "io.github.daybook.Daybook"
        assert notice["timeout"] == 0

        # ... and the prompt window is mapped, inside the screen, without taking the keyboard
        shown = app.next_event("prompt", visible=True)
        wid = shown["wid"]
        wait_for(lambda: "IsViewable" in stack.run("xwininfo", "-id", str(wid)), "the mapping")
        wait_for(lambda: "DEMANDS_ATTENTION" in stack.window_state(wid), "the attention hint")
        assert stack.active_window() == typing
        stacking = stack.run("xprop", "-root", "_NET_CLIENT_LIST_STACKING").split("#")[-1]
        order = [int(w, 16) for w in stacking.replace(",", " ").split()]
        assert order.index(wid) > order.index(typing)  # above the window being typed in
        frame = stack.frame_rect(wid)
        assert _inside(frame, (0, 0, *SCREEN)), frame
        assert _inside(frame, stack.workarea()), (frame, stack.workarea())
        if tray:
            assert "Today's reflection is waiting" in app.ask("tooltip")["tooltip"]
        stack.screenshot(f"reminder-{'tray' if tray else 'no-tray'}")

        # the notification's default action opens the prompt with the keyboard in it
        app.forget()
        stack.invoke(notice["id"], "default")
        focused = app.next_event("prompt", active=True)
        assert focused["wid"] == wid and focused["first_empty_focused"]
        wait_for(lambda: stack.active_window() == wid, "the prompt to take the keyboard")

        # Esc snoozes: the window goes, the notification is withdrawn, the tooltip tells
        stack.run("xdotool", "key", "Escape")  # typed, as a user would (XTEST)
        wait_for(
            lambda: "IsViewable" not in stack.run("xwininfo", "-id", str(wid)),
            "the prompt to close",
        )
        wait_for(
            lambda: any(c["call"] == "CloseNotification" for c in stack.notifications()),
            "the notification to be withdrawn",
        )
        assert app.ask("state")["pending"] is None
        if tray:
            tip = app.ask("tooltip")["tooltip"]
            assert "Next reminder: 17:45" in tip and "waiting" not in tip

        # 15 minutes later it comes back: a second notification and the window again
        app.forget()
        app.ask("advance 900")
        wait_for(
            lambda: [c for c in stack.notifications() if c["call"] == "Notify"][1:],
            "the snoozed reminder's notification",
        )
        again = app.next_event("prompt", visible=True)
        wait_for(
            lambda: "IsViewable" in stack.run("xwininfo", "-id", str(again["wid"])),
            "the prompt to come back",
        )
        if tray:
            assert "Today's reflection is waiting" in app.ask("tooltip")["tooltip"]
        assert app.process.stdin is not None
        app.process.stdin.close()
        assert app.process.wait(timeout=30) == 0


def test_a_real_notification_daemon_gets_the_reminder(tmp_path: Path) -> None:
    """dunst, as a desktop runs it: the notification is in its history, with its actions."""
    require_tools("dunst", "dunstctl", "dbus-send", "trayer")
    with desktop(tmp_path / "desk") as stack:
        stack.start_x()
        stack.start_openbox()
        stack.start_dunst()
        stack.start_tray()
        stack.typing_window()
        app = Driver(stack, tmp_path / "journal", BEFORE_S, tray=True)
        app.next_event("ready")
        app.next_event("prompt", visible=True)
        wait_for(
            lambda: stack.run("dunstctl", "count", "displayed").strip() == "1",
            "dunst to show the notification",
        )
        stack.screenshot("reminder-dunst")
        stack.run("dunstctl", "close-all")  # history holds the notifications once closed

        def history_with_reminder() -> str | None:
            history = stack.run("dunstctl", "history")
            return history if "Time for today" in history else None

        history = wait_for(history_with_reminder, "dunst's history")
        assert '"Daybook"' in history
        assert app.process.stdin is not None
        app.process.stdin.close()
        assert app.process.wait(timeout=30) == 0
