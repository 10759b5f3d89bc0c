"""Desktop notifications without a tray: D-Bus through jeepney, else `notify-send`, else none.

PySide6's QtDBus cannot marshal `org.freedesktop.Notifications.Notify` (an unsigned int in
its signature), so the call is made with the pure-Python jeepney and the explicit signature
`susssasa{sv}i`; where jeepney is missing, `notify-send` (libnotify-bin) does the same job.
Where a tray exists the app uses `QSystemTrayIcon.showMessage` instead.

`notify()` never blocks the event loop: it decides which way is available, then talks to the
bus (or runs the command) on a daemon thread with short timeouts, and forgets the outcome:
a notification that cannot be shown is no error the user can act on.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Literal

log = logging.getLogger(__name__)

Backend = Literal["jeepney", "notify-send"]
APP_NAME = "Daybook"
ICON = "io.github.daybook.Daybook"
TIMEOUT_S = 5.0


def _has_jeepney() -> bool:
    try:
        import jeepney  # noqa: F401
    except ImportError:
        return False
    return True


def available_backend(
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    has_jeepney: Callable[[], bool] = _has_jeepney,
    platform: str | None = None,
) -> Backend | None:
    """The way a notification would be sent here, or None (not Linux/BSD, or no session bus
    and no notify-send). Everything is injectable for tests."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if platform in ("win32", "darwin"):
        return None
    if env.get("DBUS_SESSION_BUS_ADDRESS") and has_jeepney():
        return "jeepney"
    if which("notify-send"):
        return "notify-send"
    return None


def notify(
    summary: str,
    body: str = "",
    *,
    timeout_ms: int = -1,
    backend: Backend | None = None,
    wait: bool = False,
) -> Backend | None:
    """Show a desktop notification in the background; returns the way chosen (None: none).

    `wait=True` joins the thread (for tests and scripts only, never from the GUI).
    """
    chosen = backend or available_backend()
    if chosen is None:
        return None
    thread = threading.Thread(
        target=_send, args=(chosen, summary, body, timeout_ms), name="notify", daemon=True
    )
    thread.start()
    if wait:
        thread.join(TIMEOUT_S * 2)
    return chosen


def _send(backend: Backend, summary: str, body: str, timeout_ms: int) -> None:
    if backend == "jeepney":
        try:
            _send_dbus(summary, body, timeout_ms)
            return
        except Exception as exc:  # no bus, no notification daemon, a refusal: try the command
            log.info("D-Bus notification failed (%s); trying notify-send", exc)
            if not shutil.which("notify-send"):
                return
    _send_command(summary, body, timeout_ms)


def _send_dbus(summary: str, body: str, timeout_ms: int) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    address = DBusAddress(
        "/org/freedesktop/Notifications",
        bus_name="org.freedesktop.Notifications",
        interface="org.freedesktop.Notifications",
    )
    message = new_method_call(
        address,
        "Notify",
        "susssasa{sv}i",
        (APP_NAME, 0, ICON, summary, body, [], {}, timeout_ms),
    )
    with open_dbus_connection(bus="SESSION") as connection:
        connection.send_and_get_reply(message, timeout=TIMEOUT_S)


def _send_command(summary: str, body: str, timeout_ms: int) -> None:
    command = ["notify-send", f"--app-name={APP_NAME}", f"--icon={ICON}"]
    if timeout_ms >= 0:
        command.append(f"--expire-time={timeout_ms}")
    command += ["--", summary, body]
    try:
        subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("notify-send failed: %s", exc)
