"""PDF and printing: the export's print page (journal.rendering.export.to_print_html) laid
out on paper by Qt's text engine, with a page number at the foot of every page.

Only the PDF export and File > Print… import this module, so the command line pays for Qt
only when it writes a PDF. Outside the app, `pdf_bytes` starts Qt on its offscreen
platform (unless QT_QPA_PLATFORM says otherwise): a PDF needs fonts, not a screen, and a
display that has gone away (a closed `ssh -X`) would make Qt abort.

The app calls these on a worker thread (Qt documents QTextDocument as reentrant and
painting on a QPdfWriter or a QPrinter outside the GUI thread as supported). The layout
goes a few hundred paragraphs at a time and the painting a page at a time; between two
steps `journal.cancel.check()` stops the work (`Cancelled`) and `progress` hears how far
it got.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from journal import cancel
from journal.errors import DaybookError

RESOLUTION = 300  # dots per inch of the PDF's layout (text stays vector at any zoom)
MARGINS_MM = QMarginsF(20, 18, 20, 16)
IMAGE_HEIGHT = 0.8  # the most of a page's height an image takes (its caption stays beside it)
LAYOUT_STEP = 200  # paragraphs laid out between two checks for Cancel (~40 ms here)
LAYING_OUT, PAINTING = "layout", "paint"
# How far the work got: (LAYING_OUT, paragraphs laid out, paragraphs) or (PAINTING, pages
# painted, pages). Called on the thread doing the work.
Progress = Callable[[str, int, int], object]
_app: QGuiApplication | None = None


def ensure_gui() -> None:
    """A QGuiApplication for fonts (the command line's), offscreen: no display needed."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from journal.ui.common.refcount import guard_none_refcount

    guard_none_refcount()  # painting returns borrowed Nones on PySide6 6.12 / Python 3.11
    _app = QGuiApplication([sys.argv[0] if sys.argv else "daybook"])


def _footer_font(doc: QTextDocument) -> QFont:
    font = QFont(doc.defaultFont())
    font.setPointSizeF(max(font.pointSizeF(), 8.0) * 0.85)
    return font


def _page_box(doc: QTextDocument, device: QPagedPaintDevice) -> tuple[float, float, float]:
    """The text's width and height on one page, and the footer's height, in device units."""
    page = device.pageLayout().paintRectPixels(device.logicalDpiY())
    footer = QFontMetricsF(_footer_font(doc), device).height() * 2.5
    return float(page.width()), float(page.height()) - footer, footer


def document_for(
    html: str, device: QPagedPaintDevice, progress: Progress | None = None
) -> QTextDocument:
    """The print page as a text document measured in `device`'s units and laid out on its
    pages (above their footers), a few paragraphs at a time (see the module docstring)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    width, height, _footer = _page_box(doc, device)
    doc.setPageSize(QSizeF(width, height))  # before the text: laid out once, for the page
    cancel.check()
    doc.setHtml(html)
    # Qt draws an image's pixels at the screen's dots per inch (scaled to the device's)
    screen = QGuiApplication.primaryScreen()
    per_pixel = device.logicalDpiX() / (screen.logicalDotsPerInchX() if screen else 96.0)
    fit_images(doc, width / per_pixel, height * IMAGE_HEIGHT / per_pixel)
    layout, total = doc.documentLayout(), doc.blockCount()
    block, done = doc.begin(), 0
    while block.isValid():
        done += 1
        following = block.next()
        if done % LAYOUT_STEP == 0 or not following.isValid():
            cancel.check()
            layout.blockBoundingRect(block)  # lays out every paragraph up to this one
            if progress is not None:
                progress(LAYING_OUT, done, total)
        block = following
    return doc


def fit_images(doc: QTextDocument, width: float, height: float) -> int:
    """Scale every image of `doc` down (never up, keeping its shape) to fit `width`×`height`
    (in the images' pixels): an export gives an image its size in pixels, which on paper may
    be wider than the page (cut off) and taller than it (cut across pages). Returns how many
    it scaled."""
    scaled = 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            look = fragment.charFormat()
            if look.isImageFormat():
                image = look.toImageFormat()
                w, h = image.width(), image.height()
                ratio = min(1.0, width / w, height / h) if w > 0 and h > 0 else 1.0
                if ratio < 1.0:
                    image.setWidth(w * ratio)
                    image.setHeight(h * ratio)
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(image)
                    scaled += 1
            it += 1
        block = block.next()
    return scaled


def title_of(doc: QTextDocument) -> str:
    return doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)


def paint_pages(
    doc: QTextDocument,
    device: QPagedPaintDevice,
    progress: Progress | None = None,
    abort: Callable[[], object] | None = None,
) -> int:
    """Paint `doc` (from `document_for`) on `device`'s pages, numbered "n / total" at the
    foot; between two pages `Cancelled` may stop it (see `journal.cancel`), after `abort`
    (a printer's) is called while the painter is still active.

    Returns the number of pages. Raises DaybookError when the device cannot be painted on
    (a printer that went away, an unwritable file).
    """
    width, height, footer = _page_box(doc, device)
    footer_font = _footer_font(doc)
    if doc.pageSize() != QSizeF(width, height):  # setting it again would lay it all out again
        doc.setPageSize(QSizeF(width, height))
    pages = doc.pageCount()
    cancel.check()
    painter = QPainter()
    if not painter.begin(device):
        raise DaybookError("cannot start printing", "check the printer or the file")
    try:
        for index in range(pages):
            cancel.check()
            if index and not device.newPage():
                raise DaybookError("cannot start a new page", "check the printer or the disk")
            painter.save()
            painter.translate(0, -index * height)
            doc.drawContents(painter, QRectF(0, index * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(0, height, width, footer),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"{index + 1} / {pages}",
            )
            if progress is not None:
                progress(PAINTING, index + 1, pages)
    except cancel.Cancelled:
        if abort is not None:
            abort()
        raise
    finally:
        painter.end()
    return pages


def pdf_bytes(html: str, progress: Progress | None = None) -> bytes:
    """The PDF of an export's print page, A4 or Letter as the locale prefers. Made in
    memory: a PDF stopped part way (`Cancelled`) leaves nothing behind."""
    ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("Daybook")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(default_page_size()),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = document_for(html, writer, progress)
    writer.setTitle(title_of(doc))
    paint_pages(doc, writer, progress)
    del writer  # finishes the file
    data: QByteArray = buffer.data()
    return bytes(data.data())


def default_page_size() -> QPageSize.PageSizeId:
    """Letter where the locale measures in inches (US, Canada...), else A4."""
    from PySide6.QtCore import QLocale

    system = QLocale.MeasurementSystem
    if QLocale().measurementSystem() in (system.ImperialUSSystem, system.ImperialSystem):
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4
