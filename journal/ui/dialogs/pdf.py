"""PDF and printing: the export's print page (journal.rendering.export.to_print_html) laid
out on paper by Qt's text engine, with a page number at the foot of every page.

Only the PDF export and File > Print… import this module, so the command line pays for Qt
only when it writes a PDF. Outside the app, `pdf_bytes` starts Qt on its offscreen
platform (unless QT_QPA_PLATFORM says otherwise): a PDF needs fonts, not a screen, and a
display that has gone away (a closed `ssh -X`) would make Qt abort.
"""

from __future__ import annotations

import os
import sys

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
    QTextDocument,
)

from journal.errors import DaybookError

RESOLUTION = 300  # dots per inch of the PDF's layout (text stays vector at any zoom)
MARGINS_MM = QMarginsF(20, 18, 20, 16)
_app: QGuiApplication | None = None


def ensure_gui() -> None:
    """A QGuiApplication for fonts (the command line's), offscreen: no display needed."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from journal.app import guard_none_refcount

    guard_none_refcount()  # painting returns borrowed Nones on PySide6 6.12 / Python 3.11
    _app = QGuiApplication([sys.argv[0] if sys.argv else "daybook"])


def document_for(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """The print page as a text document measured in `device`'s units."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setHtml(html)
    return doc


def title_of(doc: QTextDocument) -> str:
    return doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)


def paint_pages(doc: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay `doc` out on `device`'s pages and paint them, numbered "n / total" at the foot.

    Returns the number of pages. Raises DaybookError when the device cannot be painted on
    (a printer that went away, an unwritable file).
    """
    dpi = device.logicalDpiY()
    page = device.pageLayout().paintRectPixels(dpi)
    footer_font = QFont(doc.defaultFont())
    footer_font.setPointSizeF(max(footer_font.pointSizeF(), 8.0) * 0.85)
    footer = QFontMetricsF(footer_font, device).height() * 2.5
    width, height = float(page.width()), float(page.height()) - footer
    doc.setPageSize(QSizeF(width, height))
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise DaybookError("cannot start printing", "check the printer or the file")
    try:
        for index in range(pages):
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
    finally:
        painter.end()
    return pages


def pdf_bytes(html: str) -> bytes:
    """The PDF of an export's print page, A4 or Letter as the locale prefers."""
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
    doc = document_for(html, writer)
    writer.setTitle(title_of(doc))
    paint_pages(doc, writer)
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
