"""What the export dialog does with its preview: Copy, Save and Print (`ExportActions`).

Copy puts the very text of the preview on the clipboard (with the other flavour rendered
from the same entries); Save writes it atomically off the UI thread; a PDF is laid out and
painted there page by page and Print sends the same pages to a printer, both with progress
in the busy indicator and a working Cancel (see `export_paper`). The file and folder
pickers, the printer and the overwrite question are classmethods tests replace.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from journal.services.export import (
    default_name,
    render_export,
    write_export,
    write_export_folder,
    write_images,
)
from journal.services.export_formats import SUFFIXES
from journal.ui.common import wording
from journal.ui.common.errors import ErrorDialog
from journal.ui.common.wording import tr
from journal.ui.dialogs import export_files
from journal.ui.dialogs.export_files import put_on_clipboard
from journal.ui.dialogs.export_paper import (
    PageProgress,
    Printed,
    print_pages,
    progress_text,
    save_pdf,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrinter

    from journal.rendering.markdown import MarkdownRenderer
    from journal.services.journal import Journal
    from journal.ui.common.busy import BusyIndicator
    from journal.ui.common.worker import Task, TaskSet
    from journal.ui.dialogs.export_form import ExportForm
    from journal.ui.dialogs.export_preview import Preview


class ExportActions(QDialog):
    """Copy, Save, Print and Cancel; `ExportDialog` builds the widgets and the preview they
    act on (the state declared here)."""

    copied = Signal()
    saved = Signal(object, int)  # Path written (a file, or the folder of a split export), entries
    printed = Signal()  # every page went to the printer
    cancelled = Signal()  # a PDF or a print run was stopped by Cancel (the status says how)

    journal: Journal
    qsettings: QSettings | None
    today: dt.date
    form: ExportForm
    busy: BusyIndicator
    summary_label: QLabel
    save_button: QPushButton
    print_button: QPushButton
    copy_button: QPushButton
    cancel_button: QPushButton
    _preview: Preview | None
    _summary: str
    _tasks: TaskSet
    _paper: Task | None
    _printer: QPrinter | None
    _carrier: PageProgress | None

    def _get_renderer(self) -> MarkdownRenderer:
        raise NotImplementedError  # the dialog's

    def _set_ready(self, ready: bool) -> None:
        raise NotImplementedError  # the dialog's

    def is_ready(self) -> bool:
        raise NotImplementedError  # the dialog's

    def copy(self) -> None:
        """Put the output on the clipboard as text/markdown and text/html (and plain text).

        The other format is rendered from the same chosen entries as the preview.
        """
        preview = self._preview
        if preview is None or preview.result is None or preview.options.split:
            return
        opts = preview.options
        as_html = opts.format in ("html", "pdf")
        other = dataclasses.replace(
            opts, format="markdown" if as_html else "html", front_matter=False
        )
        entries, held, shown = list(preview.entries), preview.held_entries, preview.output()
        journal = self.journal

        def job() -> str:
            from journal.services.attachments import image_lookup

            # The journal's images go into the HTML flavour as data: URIs, as in an HTML export.
            images = image_lookup(journal)
            return render_export(entries, other, self._get_renderer(), held, images).text

        def put(counterpart: str) -> None:
            markdown, html = (counterpart, shown) if as_html else (shown, counterpart)
            mime = QMimeData()
            mime.setData("text/markdown", markdown.encode("utf-8"))
            mime.setHtml(html)
            mime.setText(markdown)
            put_on_clipboard(mime)
            self.busy.stop("copy")
            self._status(tr("Copied as Markdown and HTML"))
            self.copied.emit()

        self.busy.start("copy", tr("Copying…"))
        self._tasks.run(job, put, self._job_failed("copy"))

    def save(self) -> None:
        """Ask where, ask before replacing anything, then write atomically off the UI thread
        (a PDF laid out there too, page by page, with progress and Cancel)."""
        preview = self._preview
        if preview is None or preview.result is None or not self.is_ready():
            return
        opts, result = preview.options, preview.result
        folder = export_files.last_folder(self.qsettings)
        if opts.split:
            chosen = self.get_folder(self, folder)
            if chosen is None:
                return
            taken = [chosen / name for name in result.files if (chosen / name).exists()]
        else:
            suggested = folder / default_name(opts, self.today)
            chosen = self.get_save_path(self, suggested, opts.format)
            if chosen is None:
                return
            if not chosen.suffix:
                chosen = chosen.with_suffix(SUFFIXES[opts.format])
            taken = [chosen] if chosen.exists() else []
        if taken and not self.confirm_overwrite(self, taken):
            return
        force = bool(taken)
        files, count = dict(result.files), result.report.entries
        images = dict(result.images) if opts.format == "markdown" else {}
        text, target, private = result.text, chosen, opts.holds_private
        as_pdf = opts.format == "pdf"

        def job() -> Path | None:
            if as_pdf:  # laid out here, off the UI thread: a long export takes seconds
                return save_pdf(text, target, force=force, private=private, progress=pages)
            if files:
                write_export_folder(files, target, force=force, private=private)
            else:
                write_export(text, target, force=force, private=private)
            # attachments/ beside it (a pipe or a device has nothing beside it)
            if files or target.is_file():
                write_images(images, target if files else target.parent, private)
            return target

        def written(path: Path | None) -> None:
            self._paper_done("save")
            if path is None:
                self._status(tr("Saving cancelled: no file was written"))
                self.cancelled.emit()
                return
            export_files.remember_folder(self.qsettings, path if files else path.parent)
            self.form.remember_choices()
            self.saved.emit(path, count)
            self.accept()

        pages = self._paper_progress(printing=False)
        self.busy.start("save", tr("Saving…"))
        self._paper_started(self._tasks.run(job, written, self._job_failed("save")), as_pdf)

    def print_entries(self) -> bool:
        """Print what the preview shows, laid out as the PDF export is (a title page, page
        numbers; a page per entry when ticked), off the UI thread with progress and Cancel.
        Returns whether printing started; `printed` (or `cancelled`) says how it ended."""
        preview = self._preview
        if preview is None or preview.result is None or preview.options.split:
            return False
        printer = self.get_printer(self)
        if printer is None:
            return False
        opts, journal = preview.options, self.journal
        html = preview.output() if opts.format == "pdf" else ""
        entries, held = list(preview.entries), preview.held_entries
        paper = dataclasses.replace(opts, format="pdf", front_matter=False)
        count = wording.entries(preview.result.report.entries)

        def job() -> Printed:
            page = html
            if not page:  # the same entries, laid out for paper, with their images
                from journal.services.attachments import image_lookup

                lookup = image_lookup(journal)
                page = render_export(entries, paper, self._get_renderer(), held, lookup).text
            return print_pages(page, printer, pages)

        def ended(outcome: Printed) -> None:
            self._paper_done("print")
            self._printer = None
            self._status(outcome.message(count))
            (self.cancelled if outcome.cancelled else self.printed).emit()

        def failed(error: BaseException) -> None:
            self._printer = None
            self._job_failed("print")(error)

        self._printer = printer  # painted on the worker; kept alive until it ends
        pages = self._paper_progress(printing=True)
        self.busy.start("print", tr("Printing…"))
        self._paper_started(self._tasks.run(job, ended, failed), True)
        return True

    def cancel_paper(self) -> None:
        """Stop the PDF being written or the pages being printed (Cancel)."""
        if self._paper is not None:
            self._paper.cancel()
            self.cancel_button.setEnabled(False)
            self.busy.start("cancel", tr("Cancelling…"))

    def is_busy_on_paper(self) -> bool:
        """Whether a PDF is being written or pages printed."""
        return self._paper is not None

    def _paper_progress(self, printing: bool) -> Callable[[str, int, int], object]:
        """A progress callback for the worker, shown in the busy indicator (queued)."""
        carrier = PageProgress(self)
        key = "print" if printing else "save"
        carrier.step.connect(
            lambda phase, done, total: (
                self.busy.start(key, progress_text(phase, done, total, printing))
                if self._paper is not None
                else None
            )
        )
        self._carrier = carrier
        return carrier.report

    def _paper_started(self, task: Task, cancellable: bool) -> None:
        self._paper = task
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(cancellable)

    def _paper_done(self, key: str) -> None:
        self._paper = None
        self.busy.stop(key)
        self.busy.stop("cancel")
        self.cancel_button.hide()
        self._set_ready(self._preview is not None and self._preview.result is not None)

    @classmethod
    def get_printer(cls, parent: QWidget) -> QPrinter | None:
        """Ask for a printer (tests replace this classmethod); None when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Print Entries"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def get_save_path(cls, parent: QWidget, suggested: Path, fmt: str) -> Path | None:
        """Ask for a file to write (tests replace this classmethod)."""
        return export_files.ask_save_path(parent, suggested, fmt)

    @classmethod
    def get_folder(cls, parent: QWidget, start: Path) -> Path | None:
        """Ask for the folder of a one-file-per-entry export (tests replace this)."""
        return export_files.ask_folder(parent, start)

    @classmethod
    def confirm_overwrite(cls, parent: QWidget, paths: Sequence[Path]) -> bool:
        """Ask before replacing existing files (tests replace this classmethod)."""
        return export_files.ask_overwrite(parent, paths)

    # -- helpers ---------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.summary_label.setText(self._summary + "\n" + text if self._summary else text)

    def _job_failed(self, key: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if key in ("save", "print"):
                self._paper_done(key)
            else:
                self.busy.stop(key)
                self._set_ready(self._preview is not None and self._preview.result is not None)
            ErrorDialog.show_error(self, error)

        return failed
