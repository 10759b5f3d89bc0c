"""Stopping long work from outside: Ctrl+C in the command line, a newer search, Esc or Quit
in the app.

Pure Python (no Qt, no SQLAlchemy), so the storage layer that honours a request and the
front ends that make one share it. A `CancelToken` belongs to one piece of work and is made
current in the thread running it (`cancellable`); `interrupt_process` (Ctrl+C) stops every
piece of work in the process. The storage layer checks `stop_requested()` between SQLite's
steps and raises `Cancelled`; long loops in Python call `check()`.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


class Cancelled(Exception):
    """The work was stopped on request; not an error to show."""


class CancelToken:
    """A request to stop one piece of work; safe to set from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


_local = threading.local()
_process = threading.Event()


@contextlib.contextmanager
def cancellable(token: CancelToken) -> Iterator[CancelToken]:
    """Run the block in this thread as the work that `token` can stop."""
    previous: CancelToken | None = getattr(_local, "token", None)
    _local.token = token
    try:
        yield token
    finally:
        _local.token = previous


def current() -> CancelToken | None:
    """The token of the work this thread runs, if any."""
    token: CancelToken | None = getattr(_local, "token", None)
    return token


def interrupt_process() -> None:
    """Stop all work in this process (Ctrl+C in the command line)."""
    _process.set()


def clear_process_interrupt() -> None:
    """Forget an earlier `interrupt_process` (a new command starts in the same process)."""
    _process.clear()


def process_interrupted() -> bool:
    return _process.is_set()


def stop_requested() -> bool:
    """Whether the work running in this thread should stop now."""
    if _process.is_set():
        return True
    token: CancelToken | None = getattr(_local, "token", None)
    return token is not None and token.cancelled


def check() -> None:
    """Raise `Cancelled` (or KeyboardInterrupt after Ctrl+C) if the work should stop."""
    if _process.is_set():
        raise KeyboardInterrupt
    if stop_requested():
        raise Cancelled
