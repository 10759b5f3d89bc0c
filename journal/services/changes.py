"""What changed in a journal, announced once by the service layer after each commit.

Views subscribe to a journal's `ChangeFeed` and refresh themselves; no action refreshes a
view by name. A change made by another process (the command line while the app is open)
is noticed by whoever polls `Journal.poll_external()` and announced as kind "external".
Listeners are called on the thread that made the change: a GUI must hand them over to its
own thread (journal/ui does, through a queued Qt signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import datetime as dt

Kind = Literal["added", "updated", "trashed", "restored", "purged", "imported", "replaced",
               "external"]  # fmt: skip
# Kinds after which any entry, tag or count may differ (no ids to go by).
WHOLESALE: frozenset[str] = frozenset({"imported", "replaced", "external"})


@dataclass(frozen=True, slots=True)
class Change:
    """One committed change: its kind, the entries and the days it touched.

    For the wholesale kinds (`WHOLESALE`) `ids` and `days` are empty: anything may differ.
    """

    kind: Kind
    ids: tuple[int, ...] = ()
    days: tuple[dt.date, ...] = ()

    @property
    def wholesale(self) -> bool:
        return self.kind in WHOLESALE


Listener = Callable[[Change], None]


@dataclass
class ChangeFeed:
    """Subscribers to one journal's changes; `publish` calls each, in order of subscription."""

    _listeners: list[Listener] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` for every change from now on; returns a function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
