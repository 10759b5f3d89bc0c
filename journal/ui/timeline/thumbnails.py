"""The timeline cards' thumbnails: the first image of each entry, small.

Which image an entry shows is asked of the journal by entry id (SQLite finds the first
reference; the model holds no bodies for it), a page of ids at a time, off the UI thread;
the small copy comes from the shared `ImageCache`, also made off the UI thread. The
delegate asks `for_entry` on every paint: an answer not known yet is None and asked for,
and `changed` tells the view to repaint when it comes. Scrolling never waits on either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from journal.errors import DaybookError
from journal.ui.common.worker import TaskSet

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from journal.ui.common.image_cache import ImageCache

# The first image's hash of each entry id (ids without one left out); on a worker thread.
FirstImages = Callable[[Sequence[int]], Mapping[int, str]]


class Thumbnails(QObject):
    """Entry id -> a small copy of its first image; see the module docstring."""

    changed = Signal()  # some thumbnail became known: repaint

    def __init__(
        self,
        images: ImageCache,
        first_images: FirstImages,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._images = images
        self._first_images = first_images
        self._tasks = TaskSet(self, pool or QThreadPool.globalInstance())
        self._first: dict[int, str | None] = {}  # entry id -> its first image (None: none)
        self._wanted: set[int] = set()  # ids asked for, not sent to the worker yet
        self._asking: set[int] = set()  # ids the worker is looking up
        self._stale: set[int] = set()  # changed while being looked up: asked again after
        self._batch = QTimer(self)  # the ids a paint asks for go in one query
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._look_up)
        images.ready.connect(self._image_ready)
        self.lookups = 0  # queries made, for tests and benchmarks

    def for_entry(self, entry_id: int, side: int) -> QImage | None:
        """The thumbnail of entry `entry_id` fitting a `side` box (device pixels), or None
        when it has no image or the thumbnail is still being made (then it is asked for)."""
        if entry_id not in self._first:
            if entry_id not in self._asking:
                self._wanted.add(entry_id)
                self._batch.start()
            return None
        sha = self._first[entry_id]
        return self._images.image(sha, side, side) if sha is not None else None

    def has_image(self, entry_id: int) -> bool | None:
        """Whether the entry has an image (None: not known yet)."""
        if entry_id not in self._first:
            return None
        return self._first[entry_id] is not None

    def forget(self, entry_ids: Iterable[int] | None = None) -> None:
        """The entries changed (all of them: None): look their first image up again."""
        if entry_ids is None:
            self._stale |= self._asking
            self._first.clear()
        else:
            for entry_id in entry_ids:
                self._first.pop(entry_id, None)
                if entry_id in self._asking:
                    self._stale.add(entry_id)
        self.changed.emit()

    def _look_up(self) -> None:
        ids = sorted(self._wanted)
        self._wanted.clear()
        if not ids:
            return
        self._asking |= set(ids)
        self.lookups += 1
        first_images = self._first_images

        def done(found: Mapping[int, str]) -> None:
            self._asking -= set(ids)
            for entry_id in ids:
                if entry_id in self._stale:  # changed meanwhile: this answer may be old
                    self._stale.discard(entry_id)
                    continue
                self._first[entry_id] = found.get(entry_id)
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self._asking -= set(ids)
            if not isinstance(error, DaybookError):
                raise error  # a bug: the crash hook reports it
            for entry_id in ids:  # the journal cannot be read now: no thumbnail
                self._first.setdefault(entry_id, None)

        self._tasks.run(lambda: dict(first_images(ids)), done, failed)

    def _image_ready(self, sha: str) -> None:
        if sha in self._first.values():
            self.changed.emit()
