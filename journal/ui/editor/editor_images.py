"""Images into the editor: a paste (Ctrl+V of an image or of image files), a drop, or
Insert Image…; each is read, re-encoded and stored in the journal off the UI thread (a
40-megapixel photo takes seconds), then its Markdown reference is inserted where it was
pasted. The editor keeps taking keys meanwhile."""

from __future__ import annotations

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
    images: Sequence[ImageInput], sink: ImageSink
) -> tuple[list[str], DaybookError | None]:
    """Read, encode and store each image in turn (on a worker thread): the references of
    those stored, and the error of the first refused one, which stops there."""
    references: list[str] = []
    for image in images:
        data, name = read_capped(image) if isinstance(image, Path) else (png_bytes(image), PASTED)
        try:
            references.append(sink(data, name))
        except DaybookError as exc:
            return references, exc
    return references, None


def ask_image_file(parent: QWidget) -> Path | None:
    """Ask for an image file (tests replace this)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, tr("Insert Image"), "", tr("Images (*.png *.jpg *.jpeg *.webp *.gif)")
    )
    return Path(name) if name else None
