"""The export dialog: choose entries, see exactly what will be written, then copy or save.

The preview is built off the UI thread by the export service (latest request wins) and is
the very text that Copy and Save use: nothing is rendered a second time for writing.
Private entries and private blocks stay out unless "Include private entries" is ticked,
and the dialog says how many were left out. Open it with `dialog.open()` (window-modal,
not blocking); the file and folder pickers and the overwrite question are classmethods
tests replace.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLocale,
    QObject,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError
from journal.rendering.markdown import MarkdownRenderer
from journal.services.attachments import image_lookup
from journal.ui.common import wording
from journal.ui.common.busy import BusyIndicator
from journal.ui.common.errors import ErrorDialog
from journal.ui.common.i18n import number
from journal.ui.common.placement import fit_on_screen
from journal.ui.common.wording import tr
from journal.ui.common.worker import Task, TaskSet
from journal.ui.dialogs.export_actions import ExportActions
from journal.ui.dialogs.export_files import overwrite_box, put_on_clipboard, release_clipboard
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
    from collections.abc import Sequence

    from PySide6.QtGui import QShowEvent
    from PySide6.QtPrintSupport import QPrinter

    from journal.services.export import (
        ExportOptions,
    )
    from journal.services.journal import Journal
    from journal.ui.dialogs.export_paper import (
        PageProgress,
    )

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

DEBOUNCE_MS = 250


class _Progress(QObject):
    """Carries a preview's progress from the pool thread to the dialog (queued)."""

    step = Signal(int, int)  # generation, entries rendered


class ExportDialog(ExportActions):
    """Filters (or a fixed selection), format options, a live preview, Copy and Save."""

    previewReady = Signal()  # the latest preview (or its explanation) is shown

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
        self._paper: Task | None = None  # the PDF being written or the pages being printed
        self._printer: QPrinter | None = None
        self._carrier: PageProgress | None = None

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
        pane.set_image_fetch(image_lookup(journal), self.pool)
        self.busy = BusyIndicator(self)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"), self)
        self.cancel_button.setAccessibleName(self.tr("Stop writing the PDF or printing"))
        self.cancel_button.clicked.connect(self.cancel_paper)
        self.cancel_button.hide()

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
        bottom.addWidget(self.cancel_button)
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
        idle = self._paper is None  # one PDF or print run at a time
        self.save_button.setEnabled(ready and idle)
        split = self._preview is not None and self._preview.options.split
        self.copy_button.setEnabled(ready and not split)
        self.print_button.setEnabled(ready and not split and idle)
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
        self._summary = summary(preview)
        self.summary_label.setText(self._summary)
        self.preview_pane.show_output(
            text, len(text.encode("utf-8")), opts.format in ("html", "pdf"), preview.display
        )

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._alive = True
        super().showEvent(event)

    @override
    def done(self, result: int) -> None:
        self._alive = False
        self._timer.stop()
        self._stop_building()
        if self._paper is not None:  # a PDF not yet written is not written
            self._paper.cancel()
        super().done(result)


def summary(preview: Preview) -> str:
    """'3 entries · 14 KB', '3 entries · 2.3 MB with 2 images' (a Markdown export's images
    are written beside it), '12 files · 40 KB'; a PDF's size is not known before it is laid
    out: '3 entries'."""
    assert preview.result is not None
    entries = wording.entries(preview.result.report.entries)
    size = preview.size()
    if size is None:
        return entries
    files = preview.result.files
    where = tr("{0} files · {1}").format(len(files), size_text(size)) if files else size_text(size)
    images = len(preview.result.images)
    if images:
        where = tr("{0} with {1}").format(
            where, wording.count(images, tr("1 image"), tr("{0} images"))
        )
    return tr("{0} · {1}").format(entries, where)


__all__ = ["ExportDialog", "overwrite_box", "put_on_clipboard", "release_clipboard", "summary"]
