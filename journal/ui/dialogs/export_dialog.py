"""The export dialog: choose entries, see exactly what will be written, then copy or save.

The preview is built off the UI thread by the export service (latest request wins) and is
the very text that Copy and Save use: nothing is rendered a second time for writing.
Private entries and private blocks stay out unless "Include private entries" is ticked,
and the dialog says how many were left out. Open it with `dialog.open()` (window-modal,
not blocking); the file and folder pickers and the overwrite question are classmethods
tests replace.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QObject,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError
from journal.rendering.markdown import MarkdownRenderer
from journal.services.export import (
    ExportOptions,
    default_name,
    render_export,
    write_export,
    write_export_folder,
    write_images,
)
from journal.services.export_formats import SUFFIXES
from journal.ui.common import wording
from journal.ui.common.busy import BusyIndicator
from journal.ui.common.errors import ErrorDialog, message_box
from journal.ui.common.i18n import number
from journal.ui.common.placement import fit_on_screen
from journal.ui.common.wording import tr
from journal.ui.common.worker import Task, TaskSet
from journal.ui.dialogs.export_form import ExportForm
from journal.ui.dialogs.export_preview import (
    PREVIEW_HEAD,
    Preview,
    PreviewPane,
    ProgressRenderer,
    build_preview,
    private_note,
    size_text,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtPrintSupport import QPrinter

    from journal.services.journal import Journal

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

DEBOUNCE_MS = 250
_GUARD = QByteArray(b"daybookClipboardGuard")


def put_on_clipboard(mime: QMimeData) -> None:
    """Give the clipboard `mime`, and make sure quitting later does not crash on it.

    PySide6 6.12 crashes at exit when the clipboard still holds a QMimeData made in Python
    (its wrapper is torn down after the interpreter). Just before quitting, the clipboard
    gets the same text in a QMimeData that Qt makes itself.
    """
    QGuiApplication.clipboard().setMimeData(mime)
    app = QCoreApplication.instance()
    if app is not None and _GUARD not in app.dynamicPropertyNames():
        app.setProperty("daybookClipboardGuard", True)
        app.aboutToQuit.connect(release_clipboard)


def release_clipboard() -> None:
    """Swap a QMimeData made in Python on the clipboard for plain text made by Qt."""
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat("text/markdown"):
        clipboard.setText(clipboard.text())


class _Progress(QObject):
    """Carries a preview's progress from the pool thread to the dialog (queued)."""

    step = Signal(int, int)  # generation, entries rendered


class ExportDialog(QDialog):
    """Filters (or a fixed selection), format options, a live preview, Copy and Save."""

    previewReady = Signal()  # the latest preview (or its explanation) is shown
    copied = Signal()
    saved = Signal(object, int)  # Path written (a file, or the folder of a split export), entries

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        ids: Sequence[int] = (),
        span: tuple[dt.date, dt.date] | None = None,
        tags: Sequence[str] | None = None,
        today: dt.date | None = None,
        week_start: int | None = None,
        pool: QThreadPool | None = None,
        renderer: MarkdownRenderer | None = None,
        qsettings: QSettings | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.ids = tuple(ids)
        self.today = today or dt.date.today()
        if week_start is None:
            week_start = QLocale().firstDayOfWeek().value - 1  # Qt: Monday is 1
        self.week_start = week_start
        self.pool = pool or QThreadPool.globalInstance()
        self.qsettings = qsettings
        self._renderer = renderer
        self._renderer_lock = threading.Lock()
        self._generation = 0
        self._preview: Preview | None = None
        self._building: Task | None = None
        self._progress = _Progress(self)
        self._progress.step.connect(self._progress_step)
        # Owned by the pool, not the dialog: a task outlives a dialog closed while it runs.
        self._tasks = TaskSet(self.pool, self.pool, alive=lambda: self._alive)
        self._alive = True
        self._summary = ""

        title = self.tr("Export Selected Entries") if self.ids else self.tr("Export Entries")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("ExportDialog")

        if tags is None:
            try:
                tags = [name for name, _n in journal.tag_counts()]
            except DaybookError:
                tags = []
        self.form = ExportForm(self.ids, tags, self.today, week_start, qsettings, self, span)
        form = self.form  # its fields, by the names tests and callers know
        self.selection_label, self.range_combo = form.selection_label, form.range_combo
        self.from_edit, self.to_edit = form.from_edit, form.to_edit
        self.tags_edit, self.search_edit = form.tags_edit, form.search_edit
        self.private_check, self.private_label = form.private_check, form.private_label
        self.format_combo, self.front_matter_check = form.format_combo, form.front_matter_check
        self.split_check, self.summary_label = form.split_check, form.summary_label

        self.preview_pane = pane = PreviewPane(self)
        self.preview_heading, self.source_check = pane.heading, pane.source_check
        self.text_view, self.html_view = pane.text_view, pane.html_view
        self.message_label, self.preview_stack = pane.message_label, pane.stack
        self.render_note = pane.render_note
        self.busy = BusyIndicator(self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setAccessibleName(self.tr("Options and preview"))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(form)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy to the clipboard"))
        self.copy_button.setToolTip(self.tr("Copy as Markdown and HTML, ready to paste"))
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setAccessibleName(self.tr("Save to a file"))
        self.save_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Pr&int…"), self)
        self.print_button.setAccessibleName(self.tr("Print the chosen entries"))
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_entries)
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh)
        form.changed.connect(self.schedule)
        form.formatChanged.connect(self._format_changed)
        self.source_check.toggled.connect(lambda _on: self._show_preview())
        self._format_changed(form.format_key())
        width, _height = fit_on_screen(self, (1060, 700))  # a 1366x768 laptop has less
        self.splitter.setSizes([340, max(1, width - 340)])
        self.refresh()

    # -- the request -----------------------------------------------------------------------

    def preset(self) -> str:
        return self.form.preset()

    def set_preset(self, preset: str) -> None:
        self.form.set_preset(preset)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return self.form.date_range()

    def set_dates(self, start: dt.date, end: dt.date) -> None:
        """Custom dates, as if typed."""
        self.form.set_dates(start, end)

    def set_format(self, key: str) -> None:
        self.form.set_format(key)

    def options(self) -> ExportOptions:
        return self.form.options()

    def _format_changed(self, key: str) -> None:
        self.source_check.setVisible(key.endswith("html"))

    # -- preview ---------------------------------------------------------------------------

    def schedule(self, *_args: object) -> None:
        """Something changed: the preview is stale until the next one is built."""
        self._generation += 1  # an answer already on its way is now out of date
        self._set_ready(False)
        self._timer.start()

    def refresh(self) -> None:
        """Build the preview now, off the UI thread; only the latest request is shown.

        First the oldest PREVIEW_HEAD entries (on screen at once), then, if there are more,
        the whole export with progress; a newer request stops the one still running. What
        was shown for the earlier choices is taken away at once: it is never shown stale.
        """
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        self._stop_building()
        options = self.options()
        journal = self.journal
        self._set_ready(False)
        self._preview = None
        self.preview_pane.show_message(self.tr("Building the preview…"))
        self.busy.start("preview", self.tr("Building the preview…"))
        self._building = self._tasks.run(
            lambda: build_preview(journal, options, self._get_renderer, head=PREVIEW_HEAD),
            lambda preview: self._preview_built(generation, preview),
            lambda error: self._preview_failed(generation, error),
        )

    def _build_whole(self, generation: int, options: ExportOptions, entries: int) -> None:
        """The whole export, after its first entries are shown: progress in the busy
        indicator, stopped by a newer request or by closing the dialog."""
        journal = self.journal
        progress = self._progress

        def job() -> Preview:
            renderer = ProgressRenderer(
                self._get_renderer(), lambda n: progress.step.emit(generation, n)
            )
            return build_preview(journal, options, lambda: renderer)

        self.busy.start(
            "preview", self.tr("Preparing the whole export (from {0} entries)…").format(entries)
        )
        self._building = self._tasks.run(
            job,
            lambda preview: self._preview_built(generation, preview),
            lambda error: self._preview_failed(generation, error),
        )

    def _progress_step(self, generation: int, rendered: int) -> None:
        if generation == self._generation:
            self.busy.start(
                "preview",
                self.tr("Preparing the whole export: {0} entries rendered…").format(
                    number(rendered)
                ),
            )

    def _stop_building(self) -> None:
        if self._building is not None:
            self._building.cancel()
            self._building = None

    def _get_renderer(self) -> MarkdownRenderer:
        with self._renderer_lock:  # built on first use, in the pool thread
            if self._renderer is None:
                self._renderer = MarkdownRenderer(highlight=True, attachments=True)
            return self._renderer

    def _preview_built(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return
        self._building = None
        self._preview = preview
        self._show_preview()
        if preview.partial and preview.result is not None:
            self._build_whole(generation, preview.options, len(preview.entries))
            return  # Save and Copy wait for the whole export
        self.busy.stop("preview")
        self._set_ready(preview.result is not None)
        self.previewReady.emit()

    def is_complete(self) -> bool:
        """Whether the preview shown is the whole export (not only its first entries)."""
        return self._preview is not None and not self._preview.partial

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._building = None
        self.busy.stop("preview")
        self._preview = None
        self.preview_pane.show_message(self.tr("The preview could not be built."))
        self.previewReady.emit()
        ErrorDialog.show_error(self, error)

    def preview(self) -> Preview | None:
        """The preview shown now (None before the first one, or after a failure)."""
        return self._preview

    def output_text(self) -> str:
        """Exactly what Save writes to a file and Copy puts on the clipboard."""
        return self._preview.output() if self._preview is not None else ""

    def is_ready(self) -> bool:
        return self.save_button.isEnabled()

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        split = self._preview is not None and self._preview.options.split
        self.copy_button.setEnabled(ready and not split)
        self.print_button.setEnabled(ready and not split)
        self.copy_button.setToolTip(
            self.tr("A one-file-per-entry export cannot be copied; save it to a folder")
            if split
            else self.tr("Copy as Markdown and HTML, ready to paste")
        )

    def _show_preview(self) -> None:
        preview = self._preview
        if preview is None:
            return
        opts = preview.options
        if preview.result is None:
            held = private_note(preview.held_entries, 0, included=False)
            self.private_label.setText(held)
            self._summary = ""
            self.summary_label.setText("")
            self.preview_pane.show_message(preview.problem)
            self.render_note.hide()
            return
        report = preview.result.report
        if opts.include_private:
            self.private_label.setText(private_note(*preview.private_out, included=True))
        else:
            self.private_label.setText(
                private_note(
                    report.held_back_private_entries,
                    report.held_back_private_blocks,
                    included=False,
                )
            )
        text = preview.output()
        size = len(text.encode("utf-8"))
        entries = wording.entries(report.entries)
        where = (
            self.tr("{0} files").format(len(preview.result.files))
            if preview.result.files
            else size_text(size)
        )
        self._summary = self.tr("{0} · {1}").format(entries, where)
        self.summary_label.setText(self._summary)
        self.preview_pane.show_output(text, size, html=opts.format in ("html", "pdf"))

    # -- copy and save ---------------------------------------------------------------------

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
            self._status(self.tr("Copied as Markdown and HTML"))
            self.copied.emit()

        self.busy.start("copy", self.tr("Copying…"))
        self._start(job, put, self._job_failed("copy"))

    def save(self) -> None:
        """Ask where, ask before replacing anything, then write atomically off the UI thread."""
        preview = self._preview
        if preview is None or preview.result is None or not self.is_ready():
            return
        opts, result = preview.options, preview.result
        folder = self._last_folder()
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
        html, as_pdf = result.text, opts.format == "pdf"
        target, private = chosen, opts.holds_private

        def job() -> Path:
            text: str | bytes = html
            if as_pdf:  # laid out here, off the UI thread: a long export takes seconds
                from journal.ui.dialogs.pdf import pdf_bytes

                text = pdf_bytes(html)
            if files:
                write_export_folder(files, target, force=force, private=private)
            else:
                write_export(text, target, force=force, private=private)
            # attachments/ beside it (a pipe or a device has nothing beside it)
            if files or target.is_file():
                write_images(images, target if files else target.parent, private)
            return target

        def written(path: Path) -> None:
            self.busy.stop("save")
            self._remember_folder(path if files else path.parent)
            self.form.remember_choices()
            self.saved.emit(path, count)
            self.accept()

        self.busy.start("save", self.tr("Saving…"))
        self.save_button.setEnabled(False)
        self._start(job, written, self._job_failed("save"))

    def print_entries(self) -> bool:
        """Print what the preview shows, laid out as the PDF export is (a title page, page
        numbers; a page per entry when ticked). Returns whether anything was printed."""
        from journal.ui.dialogs.pdf import document_for, paint_pages

        preview = self._preview
        if preview is None or preview.result is None or preview.options.split:
            return False
        opts = preview.options
        html = preview.output()
        if opts.format != "pdf":  # the same entries, laid out for paper
            paper = dataclasses.replace(opts, format="pdf", front_matter=False)
            html = render_export(
                list(preview.entries), paper, self._get_renderer(), preview.held_entries
            ).text
        printer = self.get_printer(self)
        if printer is None:
            return False
        try:
            paint_pages(document_for(html, printer), printer)
        except DaybookError as exc:
            ErrorDialog.show_error(self, exc)
            return False
        count = wording.entries(preview.result.report.entries)
        self._status(self.tr("Sent {0} to the printer").format(count))
        return True

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
        """Ask for a file to write (tests replace this classmethod). No overwrite question
        here: the dialog asks its own, so it can keep the old file on Cancel."""
        filters = {
            "markdown": tr("Markdown (*.md *.markdown)"),
            "html": tr("HTML page (*.html *.htm)"),
            "pdf": tr("PDF document (*.pdf)"),
        }
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            tr("Export to File"),
            str(suggested),
            filters.get(fmt, "") + ";;" + tr("All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(name) if name else None

    @classmethod
    def get_folder(cls, parent: QWidget, start: Path) -> Path | None:
        """Ask for the folder of a one-file-per-entry export (tests replace this)."""
        name = QFileDialog.getExistingDirectory(parent, tr("Export into Folder"), str(start))
        return Path(name) if name else None

    @classmethod
    def confirm_overwrite(cls, parent: QWidget, paths: Sequence[Path]) -> bool:
        """Ask before replacing existing files (tests replace this classmethod)."""
        box, replace = overwrite_box(parent, paths)
        box.exec()
        return box.clickedButton() is replace

    def _last_folder(self) -> Path:
        if self.qsettings is not None and self.qsettings.contains("export/folder"):
            folder = Path(str(self.qsettings.value("export/folder")))
            if folder.is_dir():
                return folder
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    def _remember_folder(self, folder: Path) -> None:
        if self.qsettings is not None:
            self.qsettings.setValue("export/folder", str(folder))

    # -- helpers ---------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.summary_label.setText(self._summary + "\n" + text if self._summary else text)

    def _job_failed(self, key: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self.busy.stop(key)
            self._set_ready(self._preview is not None and self._preview.result is not None)
            ErrorDialog.show_error(self, error)

        return failed

    def _start(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `fn` in the pool; the answer is dropped if the dialog was closed meanwhile."""
        self._tasks.run(fn, on_result, on_error)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._alive = True
        super().showEvent(event)

    @override
    def done(self, result: int) -> None:
        self._alive = False
        self._timer.stop()
        self._stop_building()
        super().done(result)


def overwrite_box(parent: QWidget, paths: Sequence[Path]) -> tuple[QMessageBox, QAbstractButton]:
    """The question before existing files are replaced, and its button that replaces them."""
    if len(paths) == 1:
        text = tr("“{0}” already exists. Replace it?").format(paths[0].name)
    else:
        text = tr("{0} files already exist in “{1}”. Replace them?").format(
            len(paths), str(paths[0].parent)
        )
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        tr("Replace File?") if len(paths) == 1 else tr("Replace Files?"),
        text,
        tr("The old contents will be lost."),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, replace


__all__ = ["ExportDialog", "overwrite_box", "put_on_clipboard", "release_clipboard"]
