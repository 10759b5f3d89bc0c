"""The main window: calendar | timeline (or search results, or the Trash) | reader or editor.

Widgets ask through signals; this window acts on the `Journal` service and reports
`DaybookError`s in the error dialog. Slow work (search, emptying the Trash, export) runs in
the thread pool through `journal.ui.worker`, with a busy bar when it takes over a second.
Actions and menus are built in `journal.ui.actions`; the export dialog in `export_dialog`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entry import Entry, SearchHit
from journal.domain.filters import EntryFilter
from journal.errors import DaybookError
from journal.rendering.markdown import MarkdownRenderer
from journal.services.journal import Journal
from journal.ui.actions import WindowActions
from journal.ui.busy import BusyIndicator
from journal.ui.calendar import DayDialog, to_qdate
from journal.ui.errors import ErrorDialog
from journal.ui.panes import Sidebar, WelcomePage
from journal.ui.reader import EntryReader
from journal.ui.search_bar import SearchBar
from journal.ui.timeline import TimelineModel, TimelineView, entry_of
from journal.ui.trash import TrashView
from journal.ui.worker import run_in_background

if TYPE_CHECKING:
    from pathlib import Path

    from journal.ui.export_dialog import ExportDialog

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

SEARCH_LIMIT = 500  # hits shown; the count says how many there are in all


class MainWindow(QMainWindow):
    """The window a user lives in. `journal` is open; the window never closes it."""

    settingsRequested = Signal()
    searchFinished = Signal(int)  # number of hits shown (tests wait for it)
    trashEmptied = Signal(int)  # entries purged
    entryDeleted = Signal(object)  # Entry, now in the Trash
    entryRestored = Signal(object)  # Entry, back from the Trash
    exportOpened = Signal(object)  # the ExportDialog, just opened (tests drive it)

    def __init__(
        self,
        journal: Journal,
        editor: QWidget,
        qsettings: QSettings,
        renderer: MarkdownRenderer | None = None,
        pool: QThreadPool | None = None,
        page_size: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.qsettings = qsettings
        self.pool = pool or QThreadPool.globalInstance()
        self._undo: list[int] = []  # ids moved to the Trash in this session, last on top
        self._search_generation = 0
        self._tasks: set[Any] = set()
        self._following = True  # the reader follows the timeline's current entry
        self._switching = False  # the editor is saving because the user moved elsewhere
        self._total = 0
        self.export_dialog: ExportDialog | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(self._title())
        self.setAccessibleName(self.tr("Daybook"))

        # -- widgets ---------------------------------------------------------------------
        sidebar = Sidebar(journal, self)
        self.calendar, self.tags_list = sidebar.calendar, sidebar.tags_list
        self.new_button, self.today_button = sidebar.new_button, sidebar.today_button
        self.trash_button, self.stats_label = sidebar.trash_button, sidebar.stats_label
        self.sidebar = sidebar
        self.calendar.dayChosen.connect(self.go_to_day)
        self.calendar.loadFailed.connect(self.report)
        self.new_button.clicked.connect(lambda: self.new_entry())
        self.today_button.clicked.connect(lambda: self.go_to_day(dt.date.today()))
        self.trash_button.toggled.connect(self.show_trash)
        sidebar.tagChosen.connect(self._tag_chosen)

        self.model = TimelineModel(journal, page_size=page_size, parent=self)
        self.model.loadFailed.connect(self.report)
        self.timeline = TimelineView(self)
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setModel(self.model)
        self.timeline.setSelectionMode(TimelineView.SelectionMode.ExtendedSelection)
        self.timeline.selectionModel().currentChanged.connect(self._current_changed)
        self.timeline.selectionModel().selectionChanged.connect(self._selection_changed)
        self.timeline.editRequested.connect(self.edit_entry)
        self.search_bar = SearchBar(self)
        self.search_bar.searchRequested.connect(self.run_search)
        self.search_bar.cleared.connect(self.end_search)
        self.search_bar.focusTimelineRequested.connect(self._focus_timeline)
        self.list_empty = QLabel(self)
        self.list_empty.setAccessibleName(self.tr("No entries"))
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.setWordWrap(True)
        self.list_empty.hide()

        timeline_page = QWidget(self)
        tl = QVBoxLayout(timeline_page)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(0)
        tl.addWidget(self.search_bar)
        tl.addWidget(self.timeline, 1)
        tl.addWidget(self.list_empty, 1)
        self.trash = TrashView(journal, self)
        self.trash.closeRequested.connect(lambda: self.trash_button.setChecked(False))
        self.trash.restoreRequested.connect(self.restore_entry)
        self.trash.emptyRequested.connect(self.empty_trash)
        self.trash.currentEntryChanged.connect(self._trash_current_changed)
        self.list_stack = QStackedWidget(self)
        self.list_stack.setAccessibleName(self.tr("Entries"))
        self.list_stack.addWidget(timeline_page)
        self.list_stack.addWidget(self.trash)

        self.reader = EntryReader(renderer or MarkdownRenderer(), self)
        self.reader.editRequested.connect(self.edit_entry)
        self.reader.deleteRequested.connect(self.delete_entry)
        self.reader.restoreRequested.connect(self.restore_entry)
        self.editor = editor
        self.editor.setParent(self)
        self.editor.entrySaved.connect(self._entry_saved)  # type: ignore[attr-defined]
        self.editor.saveFailed.connect(self.report)  # type: ignore[attr-defined]
        self.editor.closeRequested.connect(self.close_editor)  # type: ignore[attr-defined]
        self.empty_state = WelcomePage(journal.paths.home, self)
        self.empty_state.startRequested.connect(lambda: self.new_entry())
        self.start_button = self.empty_state.start_button
        self.where_label = self.empty_state.where_label
        self.right_stack = QStackedWidget(self)
        self.right_stack.setAccessibleName(self.tr("Entry"))
        for page in (self.empty_state, self.reader, self.editor):
            self.right_stack.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setAccessibleName(self.tr("Panes"))
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.right_stack)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setCollapsible(1, False)
        self.splitter.setCollapsible(2, False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([260, 400, 620])
        self.setCentralWidget(self.splitter)

        self._wire_actions()
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo the last delete"))
        self.undo_button.setFlat(True)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.statusBar().addPermanentWidget(self.undo_button)
        self.busy = BusyIndicator(self)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().setAccessibleName(self.tr("Status"))
        self.statusBar().messageChanged.connect(
            lambda text: self.undo_button.setVisible(bool(text) and bool(self._undo))
        )

        self.resize(1280, 800)
        self.restore_state()
        self.refresh_all()
        self.timeline.select_row(0)
        self._update_pages()

    # -- building --------------------------------------------------------------------------

    def _title(self) -> str:
        paths = self.journal.paths
        if paths.is_default:
            return self.tr("Daybook")
        return self.tr("Daybook — {0}").format(paths.home.name or str(paths.home))

    def _wire_actions(self) -> None:
        """Connect the commands built by `WindowActions` to what they do here."""
        acts = self.ui_actions = WindowActions(self)
        today = dt.date.today
        for action, slot in (
            (acts.new_action, self.new_entry),
            (acts.new_day_action, self.new_entry_for_day),
            (acts.export_action, self.open_export),
            (acts.export_selected_action, self.export_selected),
            (acts.settings_action, self.settingsRequested.emit),
            (acts.quit_action, self.close),
            (acts.undo_action, self.undo_delete),
            (acts.edit_action, self.edit_current),
            (acts.delete_action, self.delete_current),
            (acts.find_action, self.start_search),
            (acts.today_action, lambda: self.go_to_day(today())),
            (acts.calendar_action, self._focus_calendar),
            (acts.trash_action, self.trash_button.toggle),
            (acts.timeline_action, self._focus_timeline),
            (acts.about_action, self._about),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        # The names the rest of the app (and its tests) know the actions by.
        self.new_action, self.new_day_action = acts.new_action, acts.new_day_action
        self.export_action, self.export_selected_action = (
            acts.export_action,
            acts.export_selected_action,
        )
        self.settings_action, self.quit_action = acts.settings_action, acts.quit_action
        self.undo_action, self.edit_action = acts.undo_action, acts.edit_action
        self.delete_action, self.find_action = acts.delete_action, acts.find_action
        self.today_action, self.calendar_action = acts.today_action, acts.calendar_action
        self.trash_action, self.timeline_action = acts.trash_action, acts.timeline_action
        self.about_action = acts.about_action
        # Delete only acts where entries are shown, never in a text field.
        self.timeline.addAction(acts.delete_action)
        self.reader.addAction(acts.delete_action)
        acts.fill_menu_bar(self.menuBar())
        self.timeline_menu = acts.timeline_menu(self)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(
            lambda pos: self.timeline_menu.popup(self.timeline.viewport().mapToGlobal(pos))
        )

    # -- state -----------------------------------------------------------------------------

    def restore_state(self) -> None:
        # Only keys that exist are read: PySide6 6.12 mishandles None from some QVariant
        # getters (see journal.ui.timeline.entry_of), so no getter is asked for nothing.
        if self.qsettings.contains("window/geometry"):
            geometry = self.qsettings.value("window/geometry")
            if isinstance(geometry, QByteArray | bytes) and geometry:
                self.restoreGeometry(QByteArray(geometry))
        if self.qsettings.contains("window/splitter"):
            splitter = self.qsettings.value("window/splitter")
            if isinstance(splitter, QByteArray | bytes) and splitter:
                self.splitter.restoreState(QByteArray(splitter))

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.setValue("window/splitter", self.splitter.saveState())
        self.qsettings.sync()

    def refresh_all(self) -> None:
        """Read the listing, the calendar marks, tags and counts again."""
        current = self._current_id()
        self.model.reload() if self.model.rowCount() else self.model.show_listing()
        self.calendar.refresh()
        self.refresh_tags()
        if current is not None:
            self._select_id(current)

    def refresh_tags(self) -> None:
        try:
            counts = self.journal.tag_counts()
            tags = [name for name, _count in counts]
            total = self.journal.count(EntryFilter())
        except DaybookError as exc:
            self.report(exc)
            return
        self.search_bar.set_tags(tags)
        self.sidebar.show_counts(counts, total)
        setter = getattr(self.editor, "set_tag_completions", None)
        if setter is not None:
            setter(tags)
        self._total = total

    def _update_pages(self) -> None:
        """Empty state, reader or editor on the right; the list or its empty note in the middle."""
        empty_journal = self._total == 0
        searching = self.model.searching
        no_rows = self.model.rowCount() == 0
        self.timeline.setVisible(not no_rows)
        self.list_empty.setVisible(no_rows)
        if no_rows:
            self.list_empty.setText(
                self.tr("No entries match.")
                if searching
                else self.tr("No entries yet.\nPress Ctrl+N to write one.")
            )
        if self.right_stack.currentWidget() is self.editor:
            return
        if empty_journal and not self.trash_button.isChecked():
            self.right_stack.setCurrentWidget(self.empty_state)
        else:
            self.right_stack.setCurrentWidget(self.reader)

    def is_editing(self) -> bool:
        return self.right_stack.currentWidget() is self.editor

    # -- reading ---------------------------------------------------------------------------

    def _current_id(self) -> int | None:
        entry = self.reader.entry
        return entry.id if entry is not None else None

    def _select_id(self, entry_id: int) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        self.timeline.select_row(row)
        return True

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if not self._following:
            return
        entry = entry_of(index)
        if not isinstance(entry, Entry):
            return
        if self.is_editing():
            if not self._flush_editor():
                return
            self.right_stack.setCurrentWidget(self.reader)
            if self.model.row_of(entry.id) != self.timeline.currentIndex().row():
                self._following = False  # the save reloaded the list: select it again
                try:
                    self._select_id(entry.id)
                finally:
                    self._following = True
        self.reader.show_entry(entry)
        self.calendar.setSelectedDate(to_qdate(entry.day))  # marks only; no jump
        self._update_pages()

    def _trash_current_changed(self, entry: Entry | None) -> None:
        if self.trash_button.isChecked():
            self.reader.show_entry(entry, in_trash=True)

    def go_to_day(self, day: dt.date) -> None:
        """Select the first entry of `day` (or the nearest older one) in the timeline."""
        if self.trash_button.isChecked():
            self.trash_button.setChecked(False)
        if self.model.searching:
            self.search_bar.clear()
        self.calendar.setSelectedDate(to_qdate(day))
        try:
            self.model.load_through(day)
        except DaybookError as exc:
            self.report(exc)
            return
        row = self.model.row_of_day(day)
        if row < 0:
            self.statusBar().showMessage(self.tr("No entries on or before {0}").format(day), 4000)
            return
        self.timeline.select_row(row)
        index = self.model.index(row, 0)
        self.timeline.scrollTo(index, TimelineView.ScrollHint.PositionAtTop)
        entry = self.model.entry_at(row)
        if entry is not None and entry.day != day:
            self.statusBar().showMessage(
                self.tr("Nothing on {0}; showing the day before it with an entry").format(
                    day.strftime("%d %B %Y")
                ),
                4000,
            )

    # -- writing ---------------------------------------------------------------------------

    def _flush_editor(self) -> bool:
        """Save what the editor holds; while this runs, a save does not move the selection."""
        if not self.is_editing():
            return True
        self._switching = True
        try:
            return bool(self.editor.flush())  # type: ignore[attr-defined]
        finally:
            self._switching = False

    def edit_current(self) -> None:
        entry = self.reader.entry or self.timeline.current_entry()
        if entry is not None and not self.trash_button.isChecked():
            self.edit_entry(entry)

    def edit_entry(self, entry: Entry) -> None:
        if not self._flush_editor():
            return
        self.editor.edit_entry(entry)  # type: ignore[attr-defined]
        self.reader.show_entry(entry)  # what the reader shows when editing ends
        self.right_stack.setCurrentWidget(self.editor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_entry(self, day: dt.date | None = None) -> None:
        if not self._flush_editor():
            return
        if self.trash_button.isChecked():
            self.trash_button.setChecked(False)
        self.editor.new_entry(day or dt.date.today())  # type: ignore[attr-defined]
        self.right_stack.setCurrentWidget(self.editor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def restore_draft(self, draft: Any) -> None:
        """Open a draft left from an earlier run in the editor; it saves like any change."""
        if not self._flush_editor():
            return
        self.editor.restore_draft(draft)  # type: ignore[attr-defined]
        self.right_stack.setCurrentWidget(self.editor)

    def new_entry_for_day(self) -> None:
        initial = self.timeline.current_entry()
        day = DayDialog.get_day(self, self.journal, initial.day if initial else dt.date.today())
        if day is not None:
            self.new_entry(day)

    def close_editor(self) -> None:
        """Back to reading (Esc or Ctrl+Return in the editor), after saving."""
        if not self._flush_editor():
            return
        self.right_stack.setCurrentWidget(self.reader)
        entry = self.reader.entry
        if entry is not None:
            try:
                self.reader.show_entry(self.journal.get(entry.id))
            except DaybookError:
                self.reader.show_entry(self.timeline.current_entry())
        self._update_pages()
        self._focus_timeline()

    def _entry_saved(self, entry: Entry) -> None:
        """The editor committed `entry`: show it in the timeline and the reader."""
        self._following = False
        try:
            if not self.model.update_entry(entry):
                if self.model.searching:
                    self.search_bar.flush()
                else:
                    self.model.reload()
            if not self._switching:
                self._select_id(entry.id)
                self.reader.show_entry(entry)
            self.calendar.refresh()
            self.refresh_tags()
        finally:
            self._following = True
        self._update_pages()

    # -- deleting --------------------------------------------------------------------------

    def delete_current(self) -> None:
        if self.trash_button.isChecked():
            return
        entry = self.timeline.current_entry() or self.reader.entry
        if entry is not None:
            self.delete_entry(entry)

    def delete_entry(self, entry: Entry) -> None:
        """Move to the Trash; Undo (Ctrl+Z) or the Trash brings it back."""
        if self.is_editing():
            if not self._flush_editor():
                return
            self.right_stack.setCurrentWidget(self.reader)
        row = self.model.row_of(entry.id)
        try:
            deleted = self.journal.delete(entry.id)
        except DaybookError as exc:
            self.report(exc)
            return
        self._undo.append(entry.id)
        self.undo_action.setEnabled(True)
        self.model.remove_entry(entry.id)
        self.reader.show_entry(None)
        if row >= 0:
            self.timeline.select_row(min(row, self.model.rowCount() - 1))
            if self.timeline.current_entry() is None:
                self.timeline.select_row(self.timeline._step(row - 1, -1))
        self.calendar.refresh()
        self.refresh_tags()
        self._update_pages()
        self.statusBar().showMessage(
            self.tr("“{0}” moved to the Trash").format(entry.display_title or self.tr("Entry")),
            10000,
        )
        self.entryDeleted.emit(deleted)

    def undo_delete(self) -> None:
        if not self._undo:
            return
        entry_id = self._undo.pop()
        self.undo_action.setEnabled(bool(self._undo))
        self.restore_entry_id(entry_id)

    def restore_entry(self, entry: Entry) -> None:
        if entry.id in self._undo:
            self._undo.remove(entry.id)
            self.undo_action.setEnabled(bool(self._undo))
        self.restore_entry_id(entry.id)

    def restore_entry_id(self, entry_id: int) -> None:
        try:
            entry = self.journal.restore_entry(entry_id)
        except DaybookError as exc:
            self.report(exc)
            return
        self.statusBar().showMessage(
            self.tr("“{0}” restored").format(entry.display_title or self.tr("Entry")), 5000
        )
        if self.trash_button.isChecked():
            self.trash.reload()
        self.refresh_tags()
        self.model.reload()
        self.calendar.refresh()
        if not self.trash_button.isChecked():
            self.model.load_through(entry.day)
            self._select_id(entry.id)
            self.reader.show_entry(entry)
        self._update_pages()
        self.entryRestored.emit(entry)

    def show_trash(self, on: bool) -> None:
        if on:
            if not self._flush_editor():
                self.trash_button.setChecked(False)
                return
            self.right_stack.setCurrentWidget(self.reader)
            self.trash.reload()
            self.list_stack.setCurrentWidget(self.trash)
            self.trash.view.setFocus()
            self.reader.show_entry(self.trash.current_entry(), in_trash=True)
        else:
            self.list_stack.setCurrentIndex(0)
            self.reader.show_entry(self.timeline.current_entry())
            self._focus_timeline()
        self.trash_action.setText(self.tr("Hide T&rash") if on else self.tr("Show T&rash"))
        self._update_pages()

    def empty_trash(self) -> None:
        """Purge the Trash in the background (it rewrites the search index)."""
        self.trash.empty_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Emptying the Trash…"))
        self.busy.start("trash", self.tr("Emptying the Trash…"))
        self._start(self.journal.empty_trash, self._trash_emptied, self._trash_failed)

    def _trash_emptied(self, count: int) -> None:
        self.busy.stop("trash")
        self._undo.clear()
        self.undo_action.setEnabled(False)
        self.statusBar().showMessage(
            self.tr("The Trash is empty ({0} entries deleted for ever)").format(count), 5000
        )
        self.trash.reload()
        if self.trash_button.isChecked():
            self.reader.show_entry(None, in_trash=True)
        self.trashEmptied.emit(int(count))

    def _trash_failed(self, error: BaseException) -> None:
        self.busy.stop("trash")
        self.statusBar().clearMessage()
        self.trash.reload()
        self.report(error)

    # -- searching -------------------------------------------------------------------------

    def _tag_chosen(self, tag: str) -> None:
        if self.trash_button.isChecked():
            self.trash_button.setChecked(False)
        self.search_bar.set_tag(tag)
        self.search_bar.flush()

    def start_search(self) -> None:
        if self.trash_button.isChecked():
            self.trash_button.setChecked(False)
        self.search_bar.focus()

    def run_search(self, text: str, tag: str) -> None:
        """Search in the background; only the answer to the latest request is shown."""
        self._search_generation += 1
        generation = self._search_generation
        self.busy.start("search", self.tr("Searching…"))
        filters = EntryFilter(tags=(tag,) if tag else ())
        journal = self.journal

        def job() -> tuple[list[SearchHit], int, tuple[str, ...]]:
            query, hits = journal.search(text, filters, limit=SEARCH_LIMIT)
            total = len(hits)
            if total == SEARCH_LIMIT:
                total = journal.count_search(query, filters)
            return hits, total, query.problems

        self._start(job, lambda result: self._search_done(generation, result), self._search_failed)

    def _search_done(
        self, generation: int, result: tuple[list[SearchHit], int, tuple[str, ...]]
    ) -> None:
        if generation != self._search_generation or not self.search_bar.is_active():
            return
        self.busy.stop("search")
        hits, total, problems = result
        current = self._current_id()
        self._following = False
        try:
            self.model.show_hits(hits)
            if current is not None:
                self._select_id(current)
        finally:
            self._following = True
        self.search_bar.show_count(len(hits), total)
        if problems:
            self.search_bar.show_problem(
                self.search_bar.count_label.text() + " · " + "; ".join(problems)
            )
        self._update_pages()
        self.searchFinished.emit(len(hits))

    def _search_failed(self, error: BaseException) -> None:
        self._search_generation += 1
        self.busy.stop("search")
        self.report(error)

    def end_search(self) -> None:
        """Back to the timeline, on the entry the reader shows."""
        self._search_generation += 1
        self.busy.stop("search")
        if not self.model.searching:
            return
        current = self._current_id()
        self._following = False
        try:
            self.model.show_listing()
            if current is not None:
                entry = self.reader.entry
                if entry is not None:
                    self.model.load_through(entry.day)
                self._select_id(current)
        finally:
            self._following = True
        self._update_pages()

    # -- exporting -------------------------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        self.export_selected_action.setEnabled(bool(self.timeline.selected_entries()))

    def export_selected(self) -> None:
        """Export the entries selected in the timeline (the current one if none is)."""
        entries = self.timeline.selected_entries() or [
            e for e in [self.timeline.current_entry()] if e is not None
        ]
        if entries:
            self.open_export([e.id for e in entries])

    def open_export(self, ids: Sequence[int] = ()) -> ExportDialog | None:
        """Open the export dialog (window-modal, not blocking): filters, or the given ids."""
        from journal.ui.export_dialog import ExportDialog

        if not self._flush_editor():  # export what the user sees, saved
            return None
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog.deleteLater()
        dialog = ExportDialog(self.journal, self, ids=ids, pool=self.pool, qsettings=self.qsettings)
        dialog.saved.connect(self._exported)
        self.export_dialog = dialog
        dialog.open()
        self.exportOpened.emit(dialog)
        return dialog

    def _exported(self, path: Path, count: int) -> None:
        self.statusBar().showMessage(
            self.tr("Exported {0} to {1}").format(
                self.tr("1 entry") if count == 1 else self.tr("{0} entries").format(count),
                str(path),
            ),
            8000,
        )

    # -- helpers ---------------------------------------------------------------------------

    def _start(self, fn: Any, on_result: Any, on_error: Any) -> None:
        holder: list[Any] = []

        def done(result: Any) -> None:
            self._tasks.discard(holder[0])
            on_result(result)

        def failed(error: BaseException) -> None:
            self._tasks.discard(holder[0])
            on_error(error)

        task = run_in_background(fn, done, failed, parent=self, pool=self.pool)
        holder.append(task)
        self._tasks.add(task)

    def _focus_timeline(self) -> None:
        view = self.trash.view if self.trash_button.isChecked() else self.timeline
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.currentIndex().isValid():
            view.select_row(0)

    def _focus_calendar(self) -> None:
        sizes = self.splitter.sizes()
        if sizes[0] == 0:
            self.splitter.setSizes([260, sizes[1], max(200, sizes[2] - 260)])
        self.calendar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _about(self) -> None:
        from journal import __version__

        QMessageBox.about(
            self,
            self.tr("About Daybook"),
            self.tr(
                "<b>Daybook {0}</b><p>A journal for end-of-day work reflections.</p>"
                "<p>Your journal: {1}</p>"
            ).format(__version__, str(self.journal.paths.home)),
        )

    def report(self, error: BaseException) -> None:
        ErrorDialog.show_error(self, error)

    def wait_for_tasks(self) -> None:
        self.pool.waitForDone()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._flush_editor():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved Changes"),
                self.tr(
                    "The last changes could not be saved. They are kept as a draft and "
                    "offered back when Daybook starts again. Quit anyway?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_state()
        self.wait_for_tasks()
        event.accept()
