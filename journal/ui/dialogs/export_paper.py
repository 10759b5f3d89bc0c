"""The export on paper, off the UI thread: a PDF written to a file, or pages printed.

Both lay the print page out and paint it on a worker thread (`journal.ui.dialogs.pdf`), a
page at a time, reporting progress to the dialog (`PageProgress`) and stopping when the
dialog's Cancel is pressed. A cancelled PDF leaves no file (it is made in memory and
written only when whole). A cancelled print sends nothing if it is stopped while being
laid out; once pages are being painted, the printer is asked to abort, and the outcome
says whether it could (Qt's print engine for CUPS spools the job and cannot: the pages
painted so far are then printed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from journal import cancel
from journal.ui.common.i18n import number
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter


class PageProgress(QObject):
    """Carries a layout's or a painting's progress from the worker to the dialog (queued)."""

    step = Signal(str, int, int)  # phase (pdf.LAYING_OUT or pdf.PAINTING), done, total

    def report(self, phase: str, done: int, total: int) -> None:
        self.step.emit(phase, done, total)


def progress_text(phase: str, done: int, total: int, printing: bool) -> str:
    """'Laying out the pages… 40%' or 'Printing page 12 of 220…'."""
    from journal.ui.dialogs.pdf import LAYING_OUT

    if phase == LAYING_OUT:
        return tr("Laying out the pages… {0}%").format(done * 100 // max(total, 1))
    if printing:
        return tr("Printing page {0} of {1}…").format(number(done), number(total))
    return tr("Writing page {0} of {1}…").format(number(done), number(total))


def save_pdf(
    html: str,
    target: Path,
    *,
    force: bool,
    private: bool,
    progress: Callable[[str, int, int], object],
) -> Path | None:
    """Lay out and write the PDF (on a worker thread); None when cancelled: nothing written."""
    from journal.services.export import write_export
    from journal.ui.dialogs.pdf import pdf_bytes

    try:
        data = pdf_bytes(html, progress)
        cancel.check()
    except cancel.Cancelled:
        return None
    write_export(data, target, force=force, private=private)
    return target


@dataclass(frozen=True, slots=True)
class Printed:
    """How a print run ended: pages painted of all pages; `cancelled` with whether the
    printer aborted the job (nothing printed) or had some pages already."""

    painted: int
    pages: int
    cancelled: bool = False
    aborted: bool = False

    def message(self, entries: str) -> str:
        if not self.cancelled:
            return tr("Sent {0} to the printer").format(entries)
        if self.painted == 0 or self.aborted:
            return tr("Printing cancelled: nothing was sent to the printer")
        return tr(
            "Printing cancelled after page {0} of {1}: the printer may still print those pages"
        ).format(self.painted, self.pages)


def print_pages(
    html: str, printer: QPrinter, progress: Callable[[str, int, int], object]
) -> Printed:
    """Lay `html` out for `printer` and paint it there (on a worker thread)."""
    from journal.ui.dialogs.pdf import PAINTING, document_for, paint_pages

    painted = [0, 0]

    def counting(phase: str, done: int, total: int) -> None:
        if phase == PAINTING:
            painted[:] = [done, total]
        progress(phase, done, total)

    try:
        doc = document_for(html, printer, counting)
    except cancel.Cancelled:
        return Printed(0, 0, cancelled=True)
    try:
        pages = paint_pages(doc, printer, counting, abort=printer.abort)
    except cancel.Cancelled:
        return Printed(painted[0], painted[1] or doc.pageCount(), True, printer_aborted(printer))
    return Printed(pages, pages)


def printer_aborted(printer: QPrinter) -> bool:
    from PySide6.QtPrintSupport import QPrinter

    return printer.printerState() == QPrinter.PrinterState.Aborted
