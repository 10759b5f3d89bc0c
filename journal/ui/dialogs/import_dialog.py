"""File > Import…: choose a format and a file or folder, see what a dry run finds, then import.

The dry run and the import run off the UI thread through the same service call the command
line uses (`Journal.import_file`); the import reports its progress through a signal, so the
progress dialog is only touched on the UI thread. An import is one transaction: a malformed
file imports nothing, and importing again adds nothing. The file and folder picker is a
classmethod tests replace.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

from journal.errors import DaybookError
from journal.services.import_formats import IMPORT_FORMATS, import_format
from journal.ui.common import wording
from journal.ui.common.errors import ErrorDialog, describe
from journal.ui.common.wording import QT_TRANSLATE_NOOP, tr
from journal.ui.common.worker import TaskSet

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from journal.domain.filters import ImportReport
    from journal.services.journal import Journal

# The formats' names and file filters (journal.services.import_formats, in English) for
# lupdate to find; tr() translates them where they are shown.
FORMAT_TEXTS = (
    QT_TRANSLATE_NOOP("", "Day One (JSON export .zip or .json)"),
    QT_TRANSLATE_NOOP("", "Day One export (*.zip *.json)"),
    QT_TRANSLATE_NOOP("", "RedNotebook (data folder)"),
    QT_TRANSLATE_NOOP("", "Markdown daily notes (Obsidian, Logseq)"),
    QT_TRANSLATE_NOOP("", "jrnl (plain-text journal)"),
    QT_TRANSLATE_NOOP("", "jrnl journal (*.txt *.journal)"),
    QT_TRANSLATE_NOOP("", "JSON lines"),
    QT_TRANSLATE_NOOP("", "JSON lines (*.jsonl *.json)"),
    QT_TRANSLATE_NOOP("", "Daybook JSON export"),
    QT_TRANSLATE_NOOP("", "Daybook export (*.json)"),
)
MAX_NOTES_SHOWN = 200


class ImportDialog(QDialog):
    """Pick, preview (dry run), import with progress; `imported` says what was added."""

    imported = Signal(object)  # ImportReport of the real import
    previewed = Signal(object)  # ImportReport of the dry run (tests wait for it)
    failed = Signal(object)  # the error of a dry run or an import, after it was shown
    _progressed = Signal(int)  # entries read so far, emitted from the worker thread

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.pool = pool or QThreadPool.globalInstance()
        self.report: ImportReport | None = None
        self.progress: QProgressDialog | None = None
        self._tasks = TaskSet(self, self.pool)
        self._generation = 0
        self._closed = False
        self.setWindowTitle(tr("Import Entries"))
        self.setAccessibleName(tr("Import entries"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(tr("Format"))
        for kind in IMPORT_FORMATS:
            self.format_combo.addItem(tr(kind.label), kind.name)
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(tr("File or folder to import"))
        self.path_edit.setPlaceholderText(tr("Choose a file or folder…"))
        self.browse_button = QPushButton(tr("&Choose…"), self)
        self.name_format_edit = QLineEdit(self)
        self.name_format_edit.setAccessibleName(tr("Date pattern of the note names"))
        self.name_format_edit.setPlaceholderText("%Y-%m-%d")
        self.name_format_edit.setToolTip(
            tr("The date in the notes' file names, e.g. %Y-%m-%d (Obsidian) or %Y_%m_%d (Logseq)")
        )
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        self.report_view.setAccessibleName(tr("What the import would do"))
        self.report_view.setPlaceholderText(tr("Choose what to import to see what it holds."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(tr("&Format:"), self.format_combo)
        from_label = QLabel(tr("Fr&om:"), self)
        from_label.setBuddy(self.path_edit)
        form.addRow(from_label, path_row)
        form.addRow(tr("&Name pattern:"), self.name_format_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.browse_button.clicked.connect(self.choose_path)
        self.path_edit.editingFinished.connect(self.preview)
        self.name_format_edit.editingFinished.connect(self.preview)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self._progressed.connect(self._show_progress)
        self._format_changed()

    # -- choosing ------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def set_path(self, path: Path) -> None:
        """Import from `path` (as if chosen) and start the dry run."""
        self.path_edit.setText(str(path))
        self.preview()

    def _format_changed(self, *_args: object) -> None:
        named = "name_format" in import_format(self.fmt).options
        self.name_format_edit.setEnabled(named)
        if not named:
            self.name_format_edit.clear()
        self.preview()

    def choose_path(self) -> None:
        kind = import_format(self.fmt)
        start = Path(self.path_edit.text()).expanduser() if self.path_edit.text() else Path.home()
        path = self.get_path(self, kind.picks == "folder", kind.file_filter, start)
        if path is not None:
            self.set_path(path)

    @classmethod
    def get_path(cls, parent: QWidget, folder: bool, filters: str, start: Path) -> Path | None:
        """Ask for the file or folder to import (tests replace this classmethod)."""
        if folder:
            name = QFileDialog.getExistingDirectory(parent, tr("Import from Folder"), str(start))
        else:
            name, _filter = QFileDialog.getOpenFileName(
                parent,
                tr("Import from File"),
                str(start),
                (tr(filters) + ";;" if filters else "") + tr("All files (*)"),
            )
        return Path(name) if name else None

    # -- the dry run ---------------------------------------------------------------------

    def _call(self, dry_run: bool, progress: Any = None) -> ImportReport:
        return self.journal.import_file(
            self.fmt,
            Path(self.path_edit.text()).expanduser(),
            dry_run=dry_run,
            progress=progress,
            name_format=self.name_format_edit.text().strip() or None,
        )

    def preview(self) -> None:
        """Start a dry run of what is chosen; a newer choice makes an older answer stale."""
        self._generation += 1
        self.report = None
        self.import_button.setEnabled(False)
        if self._closed:
            return
        if not self.path_edit.text().strip():
            self.report_view.clear()
            return
        self.report_view.setPlainText(tr("Reading…"))
        generation = self._generation
        self._run(
            lambda: self._call(dry_run=True),
            lambda report: self._previewed(generation, report),
            lambda error: self._preview_failed(generation, error),
        )

    def _previewed(self, generation: int, report: ImportReport) -> None:
        if generation != self._generation:
            return
        self.report = report
        self.report_view.setPlainText(describe_report(report, dry_run=True))
        self.import_button.setEnabled(report.added > 0)
        self.previewed.emit(report)

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        """The dry run's error goes in the report pane, where the user is looking, and
        nowhere else: no message box repeating it (and none after the dialog closed)."""
        if generation != self._generation:
            return
        if not isinstance(error, DaybookError):
            ErrorDialog.show_error(self, error)  # a bug: the box has the details to report
        what, hint = describe(error)
        self.report_view.setPlainText(f"{what}\n\n{hint}".strip())
        self.failed.emit(error)

    # -- the import ----------------------------------------------------------------------

    def start_import(self) -> None:
        """Import what the dry run showed, with a progress dialog fed by the service."""
        if self.report is None or self.report.added == 0:
            return
        self.import_button.setEnabled(False)
        progress = QProgressDialog(tr("Importing…"), "", 0, max(self.report.found, 1), self)
        progress.setCancelButton(None)  # one transaction: it finishes or changes nothing
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAccessibleName(tr("Import progress"))
        progress.setWindowTitle(tr("Importing Entries"))
        progress.setValue(0)
        self.progress = progress
        self._run(
            lambda: self._call(dry_run=False, progress=self._progressed.emit),
            self._imported,
            self._import_failed,
        )

    def _show_progress(self, done: int) -> None:
        if self.progress is not None:
            self.progress.setValue(min(done, self.progress.maximum()))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, report: ImportReport) -> None:
        self._close_progress()
        self.report = report
        self.report_view.setPlainText(describe_report(report, dry_run=False))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Close"))
        self.imported.emit(report)

    def _import_failed(self, error: BaseException) -> None:
        """The import itself failed (the file changed since the dry run, the disk is full):
        the message box says why; the pane only says that nothing was imported."""
        self._close_progress()
        self.report_view.setPlainText(tr("Nothing was imported: the import stopped with an error."))
        ErrorDialog.show_error(self, error)
        self.failed.emit(error)

    @override
    def done(self, result: int) -> None:
        """Closing forgets a dry run still running: its answer (an error about a path
        typed just before Cancel, say) has no dialog left to appear in."""
        self._generation += 1
        self._closed = True  # the focus leaving the path field as it hides asks no dry run
        super().done(result)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False
        super().showEvent(event)

    def _run(self, fn: Any, on_result: Any, on_error: Any) -> None:
        self._tasks.run(fn, on_result, on_error)


def describe_report(report: ImportReport, dry_run: bool) -> str:
    """The report as the dialog shows it: counts, date range, tags, what was skipped."""
    if report.found == 0:
        lines = [tr("No entries found. Check the format and the file or folder.")]
    else:
        span = (
            tr(" from {0} to {1}").format(report.first_day, report.last_day)
            if report.first_day
            else ""
        )
        verb = tr("Would add {0}") if dry_run else tr("Added {0}")
        lines = [
            wording.count(report.found, tr("1 entry found"), tr("{0} entries found")) + span + ".",
            (verb + tr("; {1} already in the journal.")).format(report.added, report.skipped),
        ]
    if report.tags:
        top = sorted(report.tags.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:20]
        lines += ["", tr("Tags: ") + ", ".join(f"{name} ({n})" for name, n in top)]
    if report.skipped_notes:
        lines += ["", tr("Not imported ({0}):").format(len(report.skipped_notes))]
        lines += [f"  {note}" for note in report.skipped_notes[:MAX_NOTES_SHOWN]]
        if len(report.skipped_notes) > MAX_NOTES_SHOWN:
            more = len(report.skipped_notes) - MAX_NOTES_SHOWN
            lines.append(tr("  …and {0} more").format(more))
    return "\n".join(lines)
