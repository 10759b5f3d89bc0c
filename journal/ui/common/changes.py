"""The journal's change feed as a Qt signal: the one place the UI hears that the journal
changed (journal.services.changes says who announces what).

Views connect to `ChangeSignal.changed` and bring themselves up to date; no action refreshes
a view by name. Changes published on the GUI thread are delivered at once; those published
from a worker thread (an import, emptying the Trash, the prompt's save) are queued to the
GUI thread. A change made by another process (`daybook add` while the window is open) is
found by `poll()`, which the window calls when it is activated and a slow timer calls too.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from journal.errors import DaybookError
from journal.services.changes import Change

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journal.services.journal import Journal

POLL_MS = 5000  # how often another process's writes are looked for (one PRAGMA)


def merged(changes: list[Change]) -> list[Change]:
    """Consecutive changes of one kind as one change (their ids and days together)."""
    out: list[Change] = []
    for change in changes:
        last = out[-1] if out else None
        if last is not None and last.kind == change.kind:
            ids = tuple(dict.fromkeys(last.ids + change.ids))
            days = tuple(dict.fromkeys(last.days + change.days))
            # A wholesale change has no ids; nor does "purged" when the whole Trash went.
            if bool(last.ids) == bool(change.ids):
                out[-1] = Change(change.kind, ids, days)
                continue
        out.append(change)
    return out


class ChangeSignal(QObject):
    """`changed(Change)` on the GUI thread for every change committed to `journal`."""

    changed = Signal(object)  # journal.services.changes.Change
    _posted = Signal(object)  # from any thread; delivered on this object's thread

    def __init__(
        self, journal: Journal, parent: QObject | None = None, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._held = 0
        self._pending: list[Change] = []
        # Auto connection: a direct call on this object's thread, queued from any other.
        self._posted.connect(self._deliver)
        unsubscribe = journal.changes.subscribe(self._heard)
        self._unsubscribe = unsubscribe
        self.destroyed.connect(lambda *_a: unsubscribe())
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.poll()  # the baseline: what is in the file now is what the views read
        self.timer.start()

    def stop(self) -> None:
        """Hear no more changes (the window is closing)."""
        self.timer.stop()
        self._unsubscribe()

    def poll(self) -> bool:
        """Look for a change made by another process; announces it as "external"."""
        try:
            return self._journal.poll_external()
        except DaybookError:  # the file went away or is locked: the next poll tries again
            return False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Changes made inside are delivered once at the end, merged (a multiple delete
        refreshes each view once, not once per entry)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                pending, self._pending = merged(self._pending), []
                for change in pending:
                    self.changed.emit(change)

    def _heard(self, change: Change) -> None:
        try:
            self._posted.emit(change)
        except RuntimeError:  # this object is gone (the window closed): stop listening
            self._unsubscribe()

    def _deliver(self, change: Change) -> None:
        if self._held:
            self._pending.append(change)
        else:
            self.changed.emit(change)
