"""SIGTERM (a logout without a session manager, `kill`, a service manager stopping the app)
ends the app the orderly way: what is being written is saved first, then the app quits.

Python runs a signal handler only between bytecodes, and Qt's event loop may sleep for
minutes: the handler only notes the signal, and the wake-up byte Python writes into a
socket pair (`signal.set_wakeup_fd`) makes the loop's socket notifier run the rest.
"""

from __future__ import annotations

import signal
import socket
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSocketNotifier

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType


def quit_on_terminate(app: QCoreApplication, before: Callable[[], object]) -> Callable[[], None]:
    """On SIGTERM, call `before()` on the UI thread, then quit `app`. Returns the function
    that puts the previous handling back (a no-op where there is no SIGTERM or this is not
    the main thread, where Python cannot set a handler)."""
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    received: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    def woke() -> None:
        try:
            while reader.recv(512):
                pass
        except OSError:  # drained (BlockingIOError) or closed
            pass
        if received:
            received.clear()
            try:
                before()
            finally:
                app.quit()

    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(woke)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous = signal.signal(signal.SIGTERM, note)

    def undo() -> None:
        signal.signal(signal.SIGTERM, previous)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()

    return undo
