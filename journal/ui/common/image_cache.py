"""Display copies of the journal's images: decoded off the UI thread at (about) the size
they are shown, kept in memory by hash and size, so a 40-megapixel photo is decoded once
per size and never at full size on a paint.

The reader asks for an image `width` pixels wide and the timeline for thumbnails; a copy
not made yet is asked of the worker and `ready` says when it is there. Widths are rounded
up to steps (`bucket`), so resizing a pane reuses copies; a copy is never larger than the
original nor wider than `MAX_SIDE`. The cache holds at most `budget` bytes of pixels and
drops the least recently used copies first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader

from journal.domain.attachments import Attachment
from journal.errors import DaybookError
from journal.ui.common.worker import TaskSet

MAX_SIDE = 2048  # the widest display copy, in device pixels
TALL = 4 * MAX_SIDE  # the tallest (a long screenshot shown at the pane's width)
STEP = 128  # display widths are rounded up to a multiple of this
BUDGET = 96 * 1024 * 1024  # bytes of pixels kept

# The journal's images by hash (those it lacks are left out); called on a worker thread.
ImageFetch = Callable[[Sequence[str]], Mapping[str, Attachment]]
Key = tuple[str, int, int]  # hash, the box's width and height in device pixels


def bucket(side: int, most: int = MAX_SIDE) -> int:
    """`side` rounded up to a multiple of STEP, at most `most`."""
    return max(STEP, min(most, -(-max(1, side) // STEP) * STEP))


def scaled_copy(data: bytes, width: int, height: int) -> QImage:
    """The image in `data` decoded to fit a `width`×`height` box (never enlarged): JPEG is
    decoded at the reduced size directly, other formats are scaled once after decoding."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and (size.width() > width or size.height() > height):
        box = QSize(width, height)
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return image


class ImageCache(QObject):
    """Display copies by (hash, size); see the module docstring."""

    ready = Signal(str)  # the hash of an image whose copy (or absence) is now known

    def __init__(
        self,
        fetch: ImageFetch,
        pool: QThreadPool | None = None,
        budget: int = BUDGET,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._tasks = TaskSet(self, pool or QThreadPool.globalInstance())
        self._budget = budget
        self._copies: OrderedDict[Key, QImage] = OrderedDict()
        self._bytes = 0
        self._sizes: dict[str, tuple[int, int]] = {}  # the originals' sizes
        self._missing: set[str] = set()
        self._asked: set[Key] = set()
        self.decoded = 0  # copies made, for tests and benchmarks

    def image(self, sha: str, width: int, height: int = 0) -> QImage | None:
        """A copy of the image fitting a `width`×`height` box (device pixels; no height:
        as tall as the width makes it, up to TALL), the box rounded up to its bucket; while
        that one is being made, the largest copy already held (or None)."""
        key = (sha, bucket(width), bucket(height) if height else TALL)
        found = self._copies.get(key)
        if found is not None:
            self._copies.move_to_end(key)
            return found
        if sha not in self._missing:
            self._ask(key)
        held = [k for k in self._copies if k[0] == sha]
        return self._copies[max(held, key=lambda k: k[1] * k[2])] if held else None

    def original_size(self, sha: str) -> tuple[int, int] | None:
        """The stored image's size in pixels, once a copy of it was made."""
        return self._sizes.get(sha)

    def is_missing(self, sha: str) -> bool:
        """Whether the journal was asked and does not hold this image."""
        return sha in self._missing

    def forget(self, sha: str | None = None) -> None:
        """Drop the copies of one image (or of all), e.g. after a purge."""
        for key in [k for k in self._copies if sha is None or k[0] == sha]:
            self._bytes -= self._copies.pop(key).sizeInBytes()
        if sha is None:
            self._missing.clear()
        else:
            self._missing.discard(sha)

    def held_bytes(self) -> int:
        return self._bytes

    def pending(self) -> int:
        """How many copies are being made."""
        return len(self._asked)

    def _ask(self, key: Key) -> None:
        if key in self._asked:
            return
        self._asked.add(key)
        sha, width, height = key
        fetch = self._fetch

        def job() -> tuple[QImage | None, tuple[int, int] | None]:
            found = fetch([sha]).get(sha)
            if found is None:
                return None, None
            return scaled_copy(found.data, width, height), (found.width, found.height)

        def done(result: tuple[QImage | None, tuple[int, int] | None]) -> None:
            self._asked.discard(key)
            image, size = result
            if image is None or size is None or image.isNull():
                self._missing.add(sha)
            else:
                self._sizes[sha] = size
                self._keep(key, image)
            self.ready.emit(sha)

        def failed(error: BaseException) -> None:
            self._asked.discard(key)
            if not isinstance(error, DaybookError):
                raise error  # a bug: the crash hook reports it
            self._missing.add(sha)  # the journal cannot be read now: shown as not there
            self.ready.emit(sha)

        self._tasks.run(job, done, failed)

    def _keep(self, key: Key, image: QImage) -> None:
        self.decoded += 1
        old = self._copies.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._copies[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self._budget and len(self._copies) > 1:
            _key, dropped = self._copies.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()
