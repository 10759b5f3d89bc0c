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
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entry import Entry
from journal.domain.filters import EntryFilter
from journal.errors import DaybookError, InputError
from journal.rendering.markdown import MarkdownRenderer
from journal.services.export import (
    SUFFIXES,
    ExportOptions,
    ExportResult,
    choose_entries,
    default_name,
    render_export,
    write_export,
    write_export_folder,
)
from journal.services.journal import Journal
from journal.ui.busy import BusyIndicator
from journal.ui.errors import ErrorDialog
from journal.ui.reader import SAFE_SCHEMES
from journal.ui.worker import Task, run_in_background

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

PRESETS = ("today", "this_week", "last_week", "this_month", "all", "custom")
FORMATS = ("markdown", "html", "digest_markdown", "digest_html")
DEBOUNCE_MS = 250
RENDER_LIMIT = 2_000_000  # characters of HTML the preview renders; beyond it, the source
_TAG_SPLIT = re.compile(r"[,\s]+")
_GUARD = QByteArray(b"daybookClipboardGuard")


def preset_range(
    preset: str, today: dt.date, week_start: int = 0
) -> tuple[dt.date | None, dt.date | None]:
    """The days a preset covers (both ends included); (None, None) for all entries.

    `week_start` is the first day of the week as Python counts (0 Monday ... 6 Sunday).
    """
    if preset == "today":
        return today, today
    if preset in ("this_week", "last_week"):
        start = today - dt.timedelta(days=(today.weekday() - week_start) % 7)
        if preset == "last_week":
            start -= dt.timedelta(days=7)
        return start, start + dt.timedelta(days=6)
    if preset == "this_month":
        first = today.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    if preset == "all":
        return None, None
    raise ValueError(f"no date range for preset {preset!r}")


def parse_tags(text: str) -> tuple[str, ...]:
    """'#work, learning' -> ('work', 'learning'), without duplicates."""
    tags = (t.lstrip("#") for t in _TAG_SPLIT.split(text))
    return tuple(dict.fromkeys(t for t in tags if t))


def private_note(entries: int, blocks: int, included: bool) -> str:
    """'3 private entries and 2 private blocks left out' (or '... included'); '' for none."""
    parts = []
    if entries:
        parts.append(
            _tr("1 private entry") if entries == 1 else _tr("{0} private entries").format(entries)
        )
    if blocks:
        parts.append(
            _tr("1 private block") if blocks == 1 else _tr("{0} private blocks").format(blocks)
        )
    if not parts:
        return ""
    what = _tr(" and ").join(parts)
    return (_tr("{0} included") if included else _tr("{0} left out")).format(what)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ExportDialog", text)


@dataclass(frozen=True, slots=True)
class Preview:
    """One built preview: the chosen entries, the rendered result or why there is none."""

    options: ExportOptions
    entries: tuple[Entry, ...] = ()  # chosen, private ones included, before holding back
    held_entries: int = 0
    result: ExportResult | None = None
    problem: str = ""
    private_out: tuple[int, int] = (0, 0)  # private entries and blocks going out

    def output(self) -> str:
        """The text Copy and Save use; a split export lists each file under its name."""
        if self.result is None:
            return ""
        if self.result.files:
            return "\n".join(
                f"──── {name} ────\n\n{text}" for name, text in self.result.files.items()
            )
        return self.result.text


def build_preview(
    journal: Journal, options: ExportOptions, renderer: Callable[[], MarkdownRenderer]
) -> Preview:
    """Choose and render as `build_export` does, but explain an empty choice in GUI words."""
    from journal.rendering.markdown import private_blocks

    try:
        entries, held = choose_entries(journal, options)
    except InputError as exc:
        return Preview(options, problem=_sentence(exc.what))
    if not entries:
        if held:
            problem = _tr(
                "Every matching entry is private. Tick “Include private entries” to export them."
            )
        else:
            problem = _tr("No entries match. Widen the dates, tags or search.")
        return Preview(options, held_entries=held, problem=problem)
    try:
        result = render_export(entries, options, renderer(), held)
    except InputError as exc:
        return Preview(options, tuple(entries), held, problem=_sentence(exc.what))
    out = (0, 0)
    if options.include_private:
        out = (
            sum(e.private for e in entries),
            sum(len(list(private_blocks(e.body))) for e in entries),
        )
    return Preview(options, tuple(entries), held, result, private_out=out)


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


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class TagCompleter(QCompleter):
    """Completes the last tag of a comma-separated list, keeping the ones before it."""

    def __init__(self, tags: Sequence[str], parent: QLineEdit) -> None:
        super().__init__(list(tags), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._field = parent

    @override
    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip().lstrip("#")]

    @override
    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        before = self._field.text().rsplit(",", 1)
        head = before[0] + ", " if len(before) > 1 else ""
        return head + str(self.model().data(index))


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
        self._tasks: set[Task] = set()
        self._alive = True
        self._setting_range = False
        self._summary = ""

        title = self.tr("Export Selected Entries") if self.ids else self.tr("Export Entries")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("ExportDialog")

        # -- what to export ----------------------------------------------------------------
        self.selection_label = QLabel(self)
        self.selection_label.setAccessibleName(self.tr("Selected entries"))
        self.selection_label.setWordWrap(True)
        count = len(self.ids)
        self.selection_label.setText(
            self.tr("1 selected entry")
            if count == 1
            else self.tr("{0} selected entries").format(count)
        )
        self.range_combo = QComboBox(self)
        self.range_combo.setAccessibleName(self.tr("Date range"))
        labels = {
            "today": self.tr("Today"),
            "this_week": self.tr("This week"),
            "last_week": self.tr("Last week"),
            "this_month": self.tr("This month"),
            "all": self.tr("All entries"),
            "custom": self.tr("Custom dates"),
        }
        for preset in PRESETS:
            self.range_combo.addItem(labels[preset], preset)
        self.from_edit = self._date_edit(self.tr("From day"))
        self.to_edit = self._date_edit(self.tr("To day"))
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(self.from_edit, 1)
        dash = QLabel("–", self)
        dash.setAccessibleName(self.tr("to"))
        dates.addWidget(dash)
        dates.addWidget(self.to_edit, 1)

        if tags is None:
            try:
                tags = [name for name, _n in journal.tag_counts()]
            except DaybookError:
                tags = []
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setAccessibleName(self.tr("Tags (entries must have all of them)"))
        self.tags_edit.setPlaceholderText(self.tr("Any tag — or e.g. work, learning"))
        self.tags_edit.setClearButtonEnabled(True)
        self.tags_edit.setCompleter(TagCompleter(tags, self.tags_edit))
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setPlaceholderText(self.tr('Words, "a phrase", -word'))
        self.search_edit.setClearButtonEnabled(True)

        self.private_check = QCheckBox(self.tr("Include &private entries"), self)
        self.private_check.setAccessibleName(self.tr("Include private entries and blocks"))
        self.private_check.setToolTip(
            self.tr("Private entries and ```private blocks stay out unless this is ticked")
        )
        self.private_label = QLabel(self)
        self.private_label.setAccessibleName(self.tr("Private parts left out"))
        self.private_label.setWordWrap(True)
        self.private_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        choose = QGroupBox(self.tr("Entries"), self)
        form = QFormLayout(choose)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if self.ids:
            form.addRow(self.selection_label)
            for widget in (self.range_combo, self.from_edit, self.to_edit, dash):
                widget.hide()
            self.tags_edit.hide()
            self.search_edit.hide()
        else:
            self.selection_label.hide()
            form.addRow(self._buddy(self.tr("&Dates:"), self.range_combo), self.range_combo)
            form.addRow("", dates)
            form.addRow(self._buddy(self.tr("&Tags:"), self.tags_edit), self.tags_edit)
            form.addRow(self._buddy(self.tr("Sea&rch:"), self.search_edit), self.search_edit)
        form.addRow(self.private_check)
        form.addRow(self.private_label)

        # -- how -----------------------------------------------------------------------------
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("Format"))
        for key, label in (
            ("markdown", self.tr("Markdown")),
            ("html", self.tr("HTML page")),
            ("digest_markdown", self.tr("Week notes (Markdown)")),
            ("digest_html", self.tr("Week notes (HTML)")),
        ):
            self.format_combo.addItem(label, key)
        self.format_combo.setToolTip(
            self.tr("Week notes gather the “what I learned” answers into one post")
        )
        self.front_matter_check = QCheckBox(self.tr("YAML &front matter"), self)
        self.front_matter_check.setAccessibleName(self.tr("Add YAML front matter"))
        self.split_check = QCheckBox(self.tr("One file per entry, into a &folder"), self)
        self.split_check.setAccessibleName(self.tr("One file per entry, into a folder"))
        shape = QGroupBox(self.tr("Format"), self)
        shape_form = QFormLayout(shape)
        shape_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        shape_form.addRow(self._buddy(self.tr("F&ormat:"), self.format_combo), self.format_combo)
        shape_form.addRow(self.front_matter_check)
        shape_form.addRow(self.split_check)

        self.summary_label = QLabel(self)
        self.summary_label.setAccessibleName(self.tr("What will be exported"))
        self.summary_label.setWordWrap(True)

        left = QWidget(self)
        left.setAccessibleName(self.tr("Export options"))
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 8, 0)
        side.addWidget(choose)
        side.addWidget(shape)
        side.addWidget(self.summary_label)
        side.addStretch(1)

        # -- preview -------------------------------------------------------------------------
        self.preview_heading = QLabel(self.tr("<b>Preview</b>"), self)
        self.preview_heading.setAccessibleName(self.tr("Preview heading"))
        self.source_check = QCheckBox(self.tr("Show HTML &source"), self)
        self.source_check.setAccessibleName(self.tr("Show the HTML source"))
        self.text_view = QPlainTextEdit(self)
        self.text_view.setAccessibleName(self.tr("Preview of the text to be written"))
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.html_view = QTextBrowser(self)
        self.html_view.setAccessibleName(self.tr("Preview of the HTML page"))
        self.html_view.setOpenLinks(False)
        self.html_view.anchorClicked.connect(
            lambda url: (
                QDesktopServices.openUrl(url) if url.scheme().lower() in SAFE_SCHEMES else None
            )
        )
        self.message_label = QLabel(self)
        self.message_label.setAccessibleName(self.tr("Why there is nothing to preview"))
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setMargin(24)
        self.preview_stack = QStackedWidget(self)
        self.preview_stack.setAccessibleName(self.tr("Preview"))
        for page in (self.message_label, self.text_view, self.html_view):
            self.preview_stack.addWidget(page)
        self.render_note = QLabel(
            self.tr(
                "A simplified rendering: the saved page brings its own styles for light and "
                "dark screens and for print."
            ),
            self,
        )
        self.render_note.setAccessibleName(self.tr("About the HTML preview"))
        self.render_note.setWordWrap(True)
        self.render_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.render_note.hide()
        self.busy = BusyIndicator(self)

        right = QWidget(self)
        right.setAccessibleName(self.tr("Preview pane"))
        pane = QVBoxLayout(right)
        pane.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.preview_heading)
        head.addStretch(1)
        head.addWidget(self.source_check)
        pane.addLayout(head)
        pane.addWidget(self.preview_stack, 1)
        pane.addWidget(self.render_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setAccessibleName(self.tr("Options and preview"))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy to the clipboard"))
        self.copy_button.setToolTip(self.tr("Copy as Markdown and HTML, ready to paste"))
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setAccessibleName(self.tr("Save to a file"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
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
        self._restore_choices()
        self.range_combo.currentIndexChanged.connect(self._preset_changed)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        for field in (self.tags_edit, self.search_edit):
            field.textChanged.connect(self.schedule)
        for check in (self.private_check, self.front_matter_check, self.split_check):
            check.toggled.connect(self.schedule)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.source_check.toggled.connect(lambda _on: self._show_preview())
        self._preset_changed()
        self._format_changed()
        self.resize(1060, 700)
        self.splitter.setSizes([340, 720])
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd d MMM yyyy")
        edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        return edit

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def _restore_choices(self) -> None:
        """The last format and Markdown options (never "include private": that is per export)."""
        settings = self.qsettings
        self.range_combo.setCurrentIndex(PRESETS.index("this_week"))
        if settings is None:
            return
        if settings.contains("export/format"):
            index = self.format_combo.findData(str(settings.value("export/format")))
            self.format_combo.setCurrentIndex(max(0, index))
        if settings.contains("export/front_matter"):
            self.front_matter_check.setChecked(
                str(settings.value("export/front_matter")).lower() in ("true", "1")
            )
        if settings.contains("export/preset") and not self.ids:
            index = self.range_combo.findData(str(settings.value("export/preset")))
            if index >= 0 and self.range_combo.itemData(index) != "custom":
                self.range_combo.setCurrentIndex(index)

    def _remember_choices(self) -> None:
        if self.qsettings is None:
            return
        self.qsettings.setValue("export/format", self._format_key())
        self.qsettings.setValue("export/front_matter", self.front_matter_check.isChecked())
        if not self.ids:
            self.qsettings.setValue("export/preset", self.preset())

    # -- the request -----------------------------------------------------------------------

    def preset(self) -> str:
        index = self.range_combo.currentIndex()  # never ask currentData() of nothing (6.12)
        return str(self.range_combo.itemData(index)) if index >= 0 else "custom"

    def set_preset(self, preset: str) -> None:
        self.range_combo.setCurrentIndex(PRESETS.index(preset))

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        if self.preset() == "all":
            return None, None
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]

    def set_dates(self, start: dt.date, end: dt.date) -> None:
        """Custom dates, as if typed."""
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def _format_key(self) -> str:
        index = self.format_combo.currentIndex()
        return str(self.format_combo.itemData(index)) if index >= 0 else "markdown"

    def set_format(self, key: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(key))

    def options(self) -> ExportOptions:
        key = self._format_key()
        markdown = key == "markdown"
        if self.ids:
            filters = EntryFilter()
        else:
            start, end = self.date_range()
            filters = EntryFilter(
                date_from=start, date_to=end, tags=parse_tags(self.tags_edit.text())
            )
        search = self.search_edit.text().strip()
        return ExportOptions(
            format="html" if key.endswith("html") else "markdown",
            filters=filters,
            ids=self.ids,
            search=search if search and not self.ids else None,
            include_private=self.private_check.isChecked(),
            digest=key.startswith("digest"),
            front_matter=markdown and self.front_matter_check.isChecked(),
            split=markdown and self.split_check.isChecked(),
        )

    def _preset_changed(self, _index: int = 0) -> None:
        preset = self.preset()
        if preset not in ("custom", "all"):
            start, end = preset_range(preset, self.today, self.week_start)
            assert start is not None and end is not None
            self._setting_range = True
            try:
                self.set_dates(start, end)
            finally:
                self._setting_range = False
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(preset != "all")
        self.schedule()

    def _dates_edited(self) -> None:
        if self._setting_range:
            return
        if self.from_edit.date() > self.to_edit.date():  # keep the range the right way round
            sender = self.sender()
            other = self.to_edit if sender is self.from_edit else self.from_edit
            other.blockSignals(True)
            other.setDate(sender.date())  # type: ignore[attr-defined]
            other.blockSignals(False)
        if self.preset() != "custom":
            self.range_combo.blockSignals(True)
            self.range_combo.setCurrentIndex(PRESETS.index("custom"))
            self.range_combo.blockSignals(False)
        self.schedule()

    def _format_changed(self, _index: int = 0) -> None:
        markdown = self._format_key() == "markdown"
        self.front_matter_check.setEnabled(markdown)
        self.split_check.setEnabled(markdown)
        self.source_check.setVisible(self._format_key().endswith("html"))
        self.schedule()

    # -- preview ---------------------------------------------------------------------------

    def schedule(self, *_args: object) -> None:
        """Something changed: the preview is stale until the next one is built."""
        self._generation += 1  # an answer already on its way is now out of date
        self._set_ready(False)
        self._timer.start()

    def refresh(self) -> None:
        """Build the preview now, off the UI thread; only the latest request is shown."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        options = self.options()
        journal = self.journal
        self._set_ready(False)
        self.busy.start("preview", self.tr("Building the preview…"))
        self._start(
            lambda: build_preview(journal, options, self._get_renderer),
            lambda preview: self._preview_built(generation, preview),
            lambda error: self._preview_failed(generation, error),
        )

    def _get_renderer(self) -> MarkdownRenderer:
        with self._renderer_lock:  # built on first use, in the pool thread
            if self._renderer is None:
                self._renderer = MarkdownRenderer(highlight=True)
            return self._renderer

    def _preview_built(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return
        self.busy.stop("preview")
        self._preview = preview
        self._show_preview()
        self._set_ready(preview.result is not None)
        self.previewReady.emit()

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.stop("preview")
        self._preview = None
        self.message_label.setText(self.tr("The preview could not be built."))
        self.preview_stack.setCurrentWidget(self.message_label)
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
            self.message_label.setText(preview.problem)
            self.preview_stack.setCurrentWidget(self.message_label)
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
        entries = (
            self.tr("1 entry")
            if report.entries == 1
            else self.tr("{0} entries").format(report.entries)
        )
        where = (
            self.tr("{0} files").format(len(preview.result.files))
            if preview.result.files
            else _size(size)
        )
        self._summary = self.tr("{0} · {1}").format(entries, where)
        self.summary_label.setText(self._summary)
        if opts.format == "html" and not self.source_check.isChecked() and size <= RENDER_LIMIT:
            self.html_view.setHtml(text)
            self.preview_stack.setCurrentWidget(self.html_view)
            self.render_note.show()
        else:
            self.render_note.hide()
            self.text_view.setPlainText(text)
            self.preview_stack.setCurrentWidget(self.text_view)

    # -- copy and save ---------------------------------------------------------------------

    def copy(self) -> None:
        """Put the output on the clipboard as text/markdown and text/html (and plain text).

        The other format is rendered from the same chosen entries as the preview.
        """
        preview = self._preview
        if preview is None or preview.result is None or preview.options.split:
            return
        opts = preview.options
        other = dataclasses.replace(
            opts, format="markdown" if opts.format == "html" else "html", front_matter=False
        )
        entries, held, shown = list(preview.entries), preview.held_entries, preview.output()

        def job() -> str:
            return render_export(entries, other, self._get_renderer(), held).text

        def put(counterpart: str) -> None:
            markdown, html = (counterpart, shown) if opts.format == "html" else (shown, counterpart)
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
        files, text, count = dict(result.files), result.text, result.report.entries
        target = chosen

        def job() -> Path:
            if files:
                write_export_folder(files, target, force=force)
            else:
                write_export(text, target, force=force)
            return target

        def written(path: Path) -> None:
            self.busy.stop("save")
            self._remember_folder(path if files else path.parent)
            self._remember_choices()
            self.saved.emit(path, count)
            self.accept()

        self.busy.start("save", self.tr("Saving…"))
        self.save_button.setEnabled(False)
        self._start(job, written, self._job_failed("save"))

    @classmethod
    def get_save_path(cls, parent: QWidget, suggested: Path, fmt: str) -> Path | None:
        """Ask for a file to write (tests replace this classmethod). No overwrite question
        here: the dialog asks its own, so it can keep the old file on Cancel."""
        filters = {
            "markdown": parent.tr("Markdown (*.md *.markdown)"),
            "html": parent.tr("HTML page (*.html *.htm)"),
        }
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            parent.tr("Export to File"),
            str(suggested),
            filters.get(fmt, "") + ";;" + parent.tr("All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(name) if name else None

    @classmethod
    def get_folder(cls, parent: QWidget, start: Path) -> Path | None:
        """Ask for the folder of a one-file-per-entry export (tests replace this)."""
        name = QFileDialog.getExistingDirectory(parent, parent.tr("Export into Folder"), str(start))
        return Path(name) if name else None

    @classmethod
    def confirm_overwrite(cls, parent: QWidget, paths: Sequence[Path]) -> bool:
        """Ask before replacing existing files (tests replace this classmethod)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(parent.tr("Replace File?"))
        if len(paths) == 1:
            box.setText(parent.tr("“{0}” already exists. Replace it?").format(paths[0].name))
        else:
            box.setText(
                parent.tr("{0} files already exist in “{1}”. Replace them?").format(
                    len(paths), str(paths[0].parent)
                )
            )
        box.setInformativeText(parent.tr("The old contents will be lost."))
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        replace = box.addButton(parent.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
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
        holder: list[Task] = []

        def done(result: Any) -> None:
            self._tasks.discard(holder[0])
            if self._alive:
                on_result(result)

        def failed(error: BaseException) -> None:
            self._tasks.discard(holder[0])
            if self._alive:
                on_error(error)

        # Owned by the pool, not the dialog: it outlives a dialog closed while it runs.
        task = run_in_background(fn, done, failed, parent=self.pool, pool=self.pool)
        holder.append(task)
        self._tasks.add(task)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._alive = True
        super().showEvent(event)

    @override
    def done(self, result: int) -> None:
        self._alive = False
        self._timer.stop()
        super().done(result)


def _size(n: int) -> str:
    if n < 1024:
        return _tr("{0} bytes").format(n)
    if n < 1024 * 1024:
        return _tr("{0:.0f} KB").format(n / 1024)
    return _tr("{0:.1f} MB").format(n / 1024 / 1024)


__all__ = ["ExportDialog", "Preview", "build_preview", "parse_tags", "preset_range"]
