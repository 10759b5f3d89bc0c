"""Desktop notifications without a tray: D-Bus through jeepney, else `notify-send`, else none.

PySide6's QtDBus cannot marshal `org.freedesktop.Notifications.Notify` (an unsigned int in
its signature), so the call is made with the pure-Python jeepney and the explicit signature
`susssasa{sv}i`; where jeepney is missing, `notify-send` (libnotify-bin) does the same job.

`notify()` is a fire-and-forget notice. `DesktopNotifier` is the end-of-day reminder: one
notification at a time that asks the server's capabilities (`GetCapabilities`), offers the
actions "Write now", "Snooze 15 min" and "Skip today" where the server has "actions", carries
the app's icon, name and desktop entry with the urgency and resident hints and no expiry (so it
stays in the notification centre until acted on), and reports the action the user chose, or
that no service answered (the caller then falls back to Qt's tray balloon).

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
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

Backend = Literal["jeepney", "notify-send"]
APP_NAME = "Daybook"
ICON = "io.github.daybook.Daybook"
DESKTOP_ENTRY = ICON  # the .desktop file's name without ".desktop"
TIMEOUT_S = 5.0
LISTEN_S = 0.5  # how long one wait for the server's signals lasts before checking for stop
PATH = "/org/freedesktop/Notifications"
SERVICE = "org.freedesktop.Notifications"
URGENCY_NORMAL = 1
# Action keys: "default" is the click on the notification itself.
DEFAULT, WRITE, SNOOZE, SKIP = "default", "write", "snooze", "skip"


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

    address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
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


def reminder_actions(capabilities: list[str], labels: dict[str, str]) -> list[str]:
    """The flat key/label list `Notify` takes: none where the server lacks "actions"."""
    if "actions" not in capabilities:
        return []
    flat: list[str] = []
    for key in (DEFAULT, WRITE, SNOOZE, SKIP):
        if key in labels:
            flat += [key, labels[key]]
    return flat


def reminder_hints() -> dict[str, tuple[str, Any]]:
    """Urgency, resident and the desktop entry (the server finds the app's name and icon)."""
    return {
        "urgency": ("y", URGENCY_NORMAL),
        "resident": ("b", True),
        "desktop-entry": ("s", DESKTOP_ENTRY),
    }


class DesktopNotifier(QObject):
    """The reminder as a freedesktop notification that reports back; see the module docstring.

    Everything on the bus happens on a daemon thread (one per notification shown): the
    event loop never waits for the server. Signals are emitted from that thread and reach
    the GUI thread's slots queued.
    """

    actionInvoked = Signal(str)  # DEFAULT, WRITE, SNOOZE or SKIP
    shown = Signal(int, object)  # the server's id, its capabilities (list of str)
    unavailable = Signal(str)  # no service answered (the reason): fall back
    dismissed = Signal()  # the user closed the notification without acting

    def __init__(self, labels: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.notification_id = 0
        self._stop: threading.Event | None = None
        self._lock = threading.Lock()

    def show(self, summary: str, body: str) -> None:
        """Show (or replace) the reminder; answers come as signals."""
        self._end_listening()
        stop = threading.Event()
        self._stop = stop
        threading.Thread(
            target=self._run, args=(summary, body, stop), name="notify-reminder", daemon=True
        ).start()

    def withdraw(self) -> None:
        """Take the reminder off the screen and out of the notification centre."""
        self._end_listening()
        with self._lock:
            number, self.notification_id = self.notification_id, 0
        if number:
            threading.Thread(
                target=_close_quietly, args=(number,), name="notify-close", daemon=True
            ).start()

    def _end_listening(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def _run(self, summary: str, body: str, stop: threading.Event) -> None:
        try:
            from jeepney import DBusAddress, MatchRule, message_bus, new_method_call
            from jeepney.io.blocking import Proxy, open_dbus_connection

            connection = open_dbus_connection(bus="SESSION")
        except Exception as exc:  # no jeepney, no bus
            self.unavailable.emit(str(exc))
            return
        try:
            address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
            rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
            Proxy(message_bus, connection).AddMatch(rule)
            with connection.filter(rule, bufsize=64) as queue:
                try:
                    reply = connection.send_and_get_reply(
                        new_method_call(address, "GetCapabilities"), timeout=TIMEOUT_S
                    )
                    capabilities = [str(c) for c in _reply_body(reply)[0]]
                    with self._lock:
                        replaces = self.notification_id
                    reply = connection.send_and_get_reply(
                        new_method_call(
                            address,
                            "Notify",
                            "susssasa{sv}i",
                            (
                                APP_NAME,
                                replaces,
                                ICON,
                                summary,
                                body,
                                reminder_actions(capabilities, self.labels),
                                reminder_hints(),
                                0,  # never expires: it waits in the notification centre
                            ),
                        ),
                        timeout=TIMEOUT_S,
                    )
                    number = int(_reply_body(reply)[0])
                except Exception as exc:  # no service, a refusal, a timeout
                    self.unavailable.emit(str(exc))
                    return
                with self._lock:
                    self.notification_id = number
                self.shown.emit(number, capabilities)
                self._listen(connection, queue, number, stop)
        finally:
            connection.close()

    def _listen(self, connection: Any, queue: Any, number: int, stop: threading.Event) -> None:
        from jeepney import HeaderFields

        while not stop.is_set():
            try:
                message = connection.recv_until_filtered(queue, timeout=LISTEN_S)
            except TimeoutError:
                continue
            except Exception:  # the bus went away
                return
            member = message.header.fields.get(HeaderFields.member)
            if not message.body or message.body[0] != number or stop.is_set():
                continue
            if member == "ActionInvoked":
                self.actionInvoked.emit(str(message.body[1]))
            elif member == "NotificationClosed":
                with self._lock:
                    if self.notification_id == number:
                        self.notification_id = 0
                if int(message.body[1]) == 2:  # dismissed by the user
                    self.dismissed.emit()
                return


def _reply_body(reply: Any) -> tuple[Any, ...]:
    from jeepney import MessageType

    if reply.header.message_type == MessageType.error:
        raise RuntimeError(f"D-Bus error: {reply.body}")
    return tuple(reply.body)


def _close_quietly(number: int) -> None:
    try:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        with open_dbus_connection(bus="SESSION") as connection:
            connection.send_and_get_reply(
                new_method_call(address, "CloseNotification", "u", (number,)),
                timeout=TIMEOUT_S,
            )
    except Exception as exc:
        log.info("closing notification %s failed: %s", number, exc)
