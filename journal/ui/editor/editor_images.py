"""Images into the editor: a paste (Ctrl+V of an image or of image files), a drop, or
Insert Image…; each is read, re-encoded and stored in the journal off the UI thread (a
40-megapixel photo takes seconds), then its Markdown reference is inserted where it was
pasted. The editor keeps taking keys meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from journal.domain.attachments import MAX_INPUT_BYTES
from journal.errors import DaybookError
from journal.ui.common.wording import tr

# Stores an image's bytes (its file name only for messages) and returns its Markdown; raises
# DaybookError when the image is refused. Called on a worker thread.
ImageSink = Callable[[bytes, str], str]
# An image to take: a file (read on the worker thread) or pixels from the clipboard.
ImageInput = Path | QImage
SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
PASTED = "the pasted image"
# How long a closing editor or prompt waits for images still being stored (a 20 MB photo
# re-encodes in a few seconds); an image later than that is not stored at all.
SETTLE_MS = 20_000


def _image_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(SUFFIXES)
    ]


def has_images(mime: QMimeData) -> bool:
    """Whether pasting or dropping `mime` would insert images."""
    return bool(_image_files(mime)) or mime.hasImage()


def images_in(mime: QMimeData) -> list[ImageInput]:
    """The images of a paste or drop: files first, else the image data. Nothing is read
    or encoded here (that is the worker's part)."""
    files = _image_files(mime)
    if files:
        return list(files)
    image = mime.imageData()
    if isinstance(image, QImage) and not image.isNull():
        return [image.copy()]  # the clipboard's copy may change; this one is ours
    return []


def read_capped(path: Path) -> tuple[bytes, str]:
    """A file's bytes, read no further than one byte over the cap (refused then), or empty
    bytes when it cannot be read (refused as not an image, with its name)."""
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1), path.name
    except OSError:
        return b"", path.name


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # str at run time
    buffer.close()
    return bytes(data.data())


def store_all(
    images: Sequence[ImageInput], sink: ImageSink, stopped: Callable[[], bool] = lambda: False
) -> tuple[list[str], DaybookError | None]:
    """Read, encode and store each image in turn (on a worker thread): the references of
    those stored, and the error of the first refused one, which stops there. Once
    `stopped()` says so, no further image is stored."""
    references: list[str] = []
    for image in images:
        if stopped():
            return references, DaybookError(
                "the pasted image was not added: the text it was pasted into was closed "
                "before it was stored",
                "paste the image again",
            )
        data, name = read_capped(image) if isinstance(image, Path) else (png_bytes(image), PASTED)
        try:
            references.append(sink(data, name))
        except DaybookError as exc:
            return references, exc
    return references, None


class ImageJob:
    """One paste, drop or insertion being stored. The worker runs `run` and sets `done`; the
    UI thread takes the result once (`taken`), from the worker's signal or earlier when the
    editor closes and waits for it (`wait`)."""

    def __init__(self, images: Sequence[ImageInput], sink: ImageSink) -> None:
        self.images = images
        self.sink = sink
        self.done = threading.Event()
        self.result: tuple[list[str], DaybookError | None] | None = None
        self.taken = False
        self.stopped = False  # the closing owner stopped waiting: store no further image
        self.take: Callable[[], None] = lambda: None  # the owner's: put the result in place

    def run(self) -> tuple[list[str], DaybookError | None]:
        """Store the images (on the worker thread)."""
        try:
            self.result = store_all(self.images, self.sink, lambda: self.stopped)
            return self.result
        finally:
            self.done.set()

    def wait(self, seconds: float) -> bool:
        """Wait at most `seconds` for the worker; False (and no further image is stored)
        when it is still busy then."""
        if self.done.wait(max(0.0, seconds)):
            return True
        self.stopped = True
        return False


def ask_image_file(parent: QWidget) -> Path | None:
    """Ask for an image file (tests replace this)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, tr("Insert Image"), "", tr("Images (*.png *.jpg *.jpeg *.webp *.gif)")
    )
    return Path(name) if name else None
