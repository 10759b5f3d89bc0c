"""The main window: calendar | timeline (or search results, or the Trash) | reader or editor.

The window is built in two steps so that it is on screen at once: `MainWindow(paths, ...)`
is the frame (title, menus, status bar, geometry) and imports little beyond Qt;
`attach(journal, editor)` puts the panes in once the journal is open (`journal.app` opens it
in the background after the frame's first paint); they are built in `window_panes`, which
this module imports inside `attach`, not at its top (with them come the renderer and,
through the journal, the storage layer).

The panes come from `window_panes.build_panes` as one typed `Panes` object (`window.panes`).
Widgets and controllers ask and answer through signals, all connected in one place
(`_wire`); this window lays out the panes and reports `DaybookError`s in the error dialog.
The views follow the journal's change signal (`journal.ui.common.changes`): an action
changes the journal and refreshes no view by name; a change made by another process is
looked for when the window is activated and on a slow timer. What the panes do together
lives in controllers that know their widgets, the journal and a task runner, never this
window: reading and editing in `entry_controller`, searching in `search_controller`,
Delete, Undo and the Trash in `trash.TrashController`. Slow work (search, emptying the
Trash, export) runs in the thread pool through `journal.ui.common.worker`, with a busy bar
when it takes over a second. Actions and menus are built in `journal.ui.main.actions` (the
window's `ui_actions`); the export dialog in `export_dialog`.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from journal.errors import DamagedJournalError, DaybookError
from journal.ui.common import wording
from journal.ui.common.errors import ErrorDialog, message_box
from journal.ui.common.i18n import long_day, number
from journal.ui.common.placement import fit_on_screen, place_on_mouse_screen
from journal.ui.common.wording import tr
from journal.ui.common.worker import Task, TaskSet
from journal.ui.main.actions import WindowActions

# Quitting stops the background work and waits this long for it, then abandons what is left.
QUIT_WAIT_MS = 500
FIRST_SIZE = (1280, 800)  # the first start's size, made smaller to fit the screen

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMenu

    from journal.domain.entry import Entry, EntrySummary
    from journal.paths import AppPaths
    from journal.rendering.markdown import MarkdownRenderer
    from journal.services.drafts import Draft, DraftStore
    from journal.services.journal import Journal
    from journal.services.team import TeamService
    from journal.ui.common.changes import ChangeSignal
    from journal.ui.dialogs.export_dialog import ExportDialog
    from journal.ui.dialogs.import_dialog import ImportDialog
    from journal.ui.dialogs.insights import InsightsDialog
    from journal.ui.editor.editor import EntryEditor
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.main.search_controller import SearchController
    from journal.ui.main.sidebar_fold import SidebarFold
    from journal.ui.main.team_flow import TeamController
    from journal.ui.main.trash import TrashController
    from journal.ui.main.window_panes import Panes

if sys.version_info >= (3, 12):
    from typing import override
elif TYPE_CHECKING:
    from typing_extensions import override
else:  # importing typing_extensions costs ~5 ms, and this module is read before the frame

    def override(method: Any) -> Any:
        return method


class _FirstPaint(QObject):
    """Emits the window's `firstPainted` once its first paint has been flushed, then leaves:
    a filter on the window's own events until then (an overridden paintEvent would run
    Python on every later paint of the window, scrolling included)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # After this paint has been flushed, not inside it: listeners start work.
            QTimer.singleShot(0, self._window.firstPainted.emit)
            self.deleteLater()
        return False


class MainWindow(QMainWindow):
    """The window a user lives in: a frame until `attach` gives it an open journal (which
    the window never closes)."""

    settingsRequested = Signal()
    ready = Signal()  # the journal's panes are in (emitted once, by attach)
    searchFinished = Signal(int)  # number of hits shown (tests wait for it)
    trashEmptied = Signal(int)  # entries purged
    entryDeleted = Signal(object)  # Entry, now in the Trash
    entryRestored = Signal(object)  # Entry, back from the Trash
    exportOpened = Signal(object)  # the ExportDialog, just opened (tests drive it)
    entrySaved = Signal(object)  # Entry: the editor committed it
    reflectionRequested = Signal()  # "Write Today's Reflection": the app opens the prompt
    quitRequested = Signal()  # File > Quit, when the app keeps running without the window
    firstPainted = Signal()  # the frame's first paint is flushed (the app opens the journal)

    # Set by attach():
    journal: Journal
    drafts: DraftStore  # the editor's
    journal_changes: ChangeSignal
    panes: Panes
    entry_controller: EntryController
    search_controller: SearchController
    trash_controller: TrashController
    team_controller: TeamController
    sidebar_fold: SidebarFold
    timeline_menu: QMenu

    def __init__(
        self,
        paths: AppPaths,
        qsettings: QSettings,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The frame: title, menus (disabled until `attach`), status bar, geometry."""
        super().__init__(parent)
        self.paths = paths
        self.qsettings = qsettings
        self.pool = pool or QThreadPool.globalInstance()
        self._tasks = TaskSet(self, self.pool)
        self._total = 0
        self.damaged = False  # a read found the journal damaged: never shown as empty
        _FirstPaint(self)
        self.export_dialog: ExportDialog | None = None
        self.insights_dialog: InsightsDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(self._title())
        self.setAccessibleName(self.tr("Daybook"))

        # No central widget yet: the first paint of a window with one costs ~30 ms more
        # (measured offscreen), and the panes arrive a few hundred ms later anyway.
        acts = self.ui_actions = WindowActions(self)
        acts.fill_menu_bar(self.menuBar())
        # Until the journal is open only Quit and About have something to act on.
        always = (acts.quit_action, acts.about_action, acts.shortcuts_action,
                  acts.search_help_action)  # fmt: skip
        self._held = [a for a in acts.all_actions() if a.isEnabled() and a not in always]
        for action in self._held:
            action.setEnabled(False)
        acts.quit_action.triggered.connect(lambda _checked=False: self._quit())
        acts.about_action.triggered.connect(lambda _checked=False: self._about())
        acts.shortcuts_action.triggered.connect(lambda _checked=False: self._help("keys"))
        acts.search_help_action.triggered.connect(lambda _checked=False: self._help("search"))
        self.statusBar().setAccessibleName(self.tr("Status"))
        self.statusBar().showMessage(self.tr("Opening your journal…"))

        place_on_mouse_screen(self, FIRST_SIZE)  # 1280x800, or less on a smaller screen
        self.restore_geometry()

    def is_ready(self) -> bool:
        """Whether `attach` has put the journal's panes in."""
        return hasattr(self, "journal")

    def attach(
        self, journal: Journal, editor: EntryEditor, drafts: DraftStore, team: TeamService,
        renderer: MarkdownRenderer | None = None, page_size: int = 200,
    ) -> None:  # fmt: skip
        """Put the panes for the open `journal` in the frame; `editor` edits its entries and
        keeps what it could not save in `drafts` (offered back at the next start); `team`
        shares them (Share with Team, the Team window, the outbox)."""
        from PySide6.QtGui import QKeySequence

        from journal.ui.common.changes import ChangeSignal
        from journal.ui.main.sidebar_fold import SidebarFold
        from journal.ui.main.team_flow import TeamController
        from journal.ui.main.window_panes import build_controllers, build_panes

        if self.is_ready():
            raise RuntimeError("the window already shows a journal")
        acts = self.ui_actions
        native = QKeySequence.SequenceFormat.NativeText
        panes = build_panes(
            self, journal, editor, renderer, page_size,
            write_keys=acts.reflection_action.shortcut().toString(native),
            import_keys=acts.import_action.shortcut().toString(native), pool=self.pool,
        )  # fmt: skip
        self.journal = journal
        self.drafts = drafts
        self.journal_changes = changes = ChangeSignal(journal, self)
        self.panes = panes
        controllers = build_controllers(journal, panes, changes, self._tasks, parent=self)
        self.entry_controller = entries = controllers.entries
        self.search_controller = controllers.search
        self.trash_controller = controllers.trash
        self.team_controller = TeamController(
            team,
            journal,
            self._tasks,
            entries,
            timeline=panes.timeline,
            reader=panes.reader,
            dialog_parent=self,
            pool=self.pool,
        )
        self.restore_splitter()
        self.setCentralWidget(panes.splitter)
        statuses = (panes.undo_button, panes.busy, panes.streak_label)
        for widget in (*statuses, self.team_controller.status_label):
            self.statusBar().addPermanentWidget(widget)
        self.sidebar_fold = SidebarFold(self, panes.splitter, acts.sidebar_action, self.qsettings)
        self.statusBar().clearMessage()
        self.timeline_menu = acts.timeline_menu(self)
        self._wire()
        self.team_controller.start()

        panes.model.show_listing()
        self.read_counts()
        panes.timeline.select_row(0)
        self.update_pages()
        for action in self._held:
            action.setEnabled(True)
        self._held = []
        self.selection_changed()
        self.ready.emit()

    # -- building --------------------------------------------------------------------------

    def _title(self) -> str:
        paths = self.paths
        if paths.is_default:
            return self.tr("Daybook")
        return self.tr("Daybook — {0}").format(paths.home.name or str(paths.home))

    def _wire(self) -> None:
        """Every connection between the panes, the controllers, the actions and this window
        (the frame's own few are made in __init__)."""
        from journal.ui.timeline.calendar import to_qdate

        p, acts = self.panes, self.ui_actions
        entries, search, trash, team = (
            self.entry_controller, self.search_controller, self.trash_controller,
            self.team_controller,
        )  # fmt: skip
        today = dt.date.today

        # The menus' commands.
        for action, slot in (
            (acts.new_action, self.new_entry),
            (acts.new_day_action, entries.new_entry_for_day),
            (acts.import_action, self.open_import),
            (acts.export_action, self.export),
            (acts.export_selected_action, self.export_selected),
            (acts.export_pdf_action, lambda: self.export(pdf=True)),
            (acts.print_action, lambda: self.export(pdf=True, printing=True)),
            (acts.settings_action, self.settingsRequested.emit),
            (acts.reflection_action, self.start_reflection),
            (acts.undo_action, trash.undo_delete),
            (acts.edit_action, entries.edit_current),
            (acts.delete_action, trash.delete_current),
            (acts.find_action, search.start),
            (acts.today_action, lambda: self.go_to_day(today())),
            (acts.calendar_action, self._focus_calendar),
            (acts.trash_action, p.trash_button.toggle),
            (acts.timeline_action, self.focus_timeline),
            (acts.insights_action, self.open_insights),
            (acts.share_action, team.share_selected),
            (acts.team_action, team.open_view),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        # Delete only acts where entries are shown, never in a text field.
        p.timeline.addAction(acts.delete_action)
        p.reader.addAction(acts.delete_action)
        p.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        p.timeline.customContextMenuRequested.connect(
            lambda pos: self.timeline_menu.popup(p.timeline.viewport().mapToGlobal(pos))
        )

        # The sidebar.
        p.calendar.dayChosen.connect(self.go_to_day)
        p.calendar.loadFailed.connect(self.report)
        p.sidebar.new_button.clicked.connect(lambda: self.new_entry())
        p.sidebar.today_button.clicked.connect(lambda: self.go_to_day(today()))
        p.trash_button.toggled.connect(trash.show_trash)
        p.sidebar.tagChosen.connect(search.tag_chosen)
        p.sidebar.dayChosen.connect(self.go_to_day)

        # The timeline and its search bar.
        p.model.loadFailed.connect(self.report)
        p.timeline.selectionModel().currentChanged.connect(entries.current_changed)
        p.timeline.selectionModel().selectionChanged.connect(self.selection_changed)
        p.timeline.editRequested.connect(entries.edit_entry)
        p.timeline.escapePressed.connect(p.search_bar.clear)  # Esc in the results: timeline
        p.search_bar.searchRequested.connect(search.run)
        p.search_bar.cleared.connect(search.end)
        p.search_bar.focusTimelineRequested.connect(self.focus_timeline)

        # The Trash.
        p.trash.closeRequested.connect(lambda: p.trash_button.setChecked(False))
        p.trash.restoreRequested.connect(trash.restore_entry)
        p.trash.emptyRequested.connect(trash.empty_trash)
        p.trash.currentEntryChanged.connect(entries.trash_current_changed)

        # The entry pane.
        p.reader.editRequested.connect(entries.edit_entry)
        p.reader.deleteRequested.connect(trash.delete_entry)
        p.reader.restoreRequested.connect(trash.restore_entry)
        p.editor.entrySaved.connect(entries.entry_saved)
        p.editor.entrySaved.connect(self.entrySaved)
        p.editor.saveFailed.connect(self.report)
        p.editor.closeRequested.connect(entries.close_editor)
        # The calendar follows the day being written; no jump.
        p.editor.dayChanged.connect(lambda day: p.calendar.setSelectedDate(to_qdate(day)))
        p.empty_state.startRequested.connect(self.start_reflection)
        p.empty_state.importRequested.connect(self.open_import)

        # The controllers' answers.
        for controller in (entries, search, trash):
            controller.pagesChanged.connect(self.update_pages)
        entries.timelineFocusRequested.connect(self.focus_timeline)
        search.finished.connect(self.searchFinished)
        entries.failed.connect(self.report)
        search.failed.connect(self.report)
        trash.failed.connect(self.report)
        trash.deleted.connect(self.entryDeleted)
        trash.restored.connect(self.entryRestored)
        trash.emptied.connect(self.trashEmptied)
        trash.statusMessage.connect(self._show_message)
        trash.undoAvailable.connect(acts.undo_action.setEnabled)
        trash.shown.connect(self._trash_shown)
        team.failed.connect(self.report)
        team.statusMessage.connect(self._show_message)
        # A shared entry's team copy is offered an update once its editor has closed.
        p.right_stack.currentChanged.connect(lambda _i: team.offer_updates_later())

        # The status bar: Undo is offered while the message of a delete is shown.
        p.undo_button.clicked.connect(trash.undo_delete)
        self.statusBar().messageChanged.connect(
            lambda text: p.undo_button.setVisible(bool(text) and trash.can_undo())
        )

        # Every view follows the journal's changes (the order matters: the counts say whether
        # the journal is empty before the listing picks its page).
        changes = self.journal_changes.changed
        changes.connect(self.read_counts)
        changes.connect(p.calendar.journal_changed)
        changes.connect(entries.journal_changed)
        changes.connect(search.journal_changed)
        changes.connect(p.trash.journal_changed)
        changes.connect(team.journal_changed)
        changes.connect(
            lambda change: p.thumbnails.forget(None if change.wholesale else change.ids)
        )

    def _show_message(self, text: str, msecs: int) -> None:
        if text:
            self.statusBar().showMessage(text, msecs)
        else:
            self.statusBar().clearMessage()

    def _trash_shown(self, on: bool) -> None:
        self.ui_actions.trash_action.setText(tr("Hide T&rash") if on else tr("Show T&rash"))
        if not on:
            self.focus_timeline()

    # -- state -----------------------------------------------------------------------------

    def _saved(self, key: str) -> QByteArray | None:
        # Only keys that exist are read: PySide6 6.12 mishandles None from some QVariant
        # getters (see journal.ui.timeline.timeline.entry_of), so no getter is asked for nothing.
        if not self.qsettings.contains(key):
            return None
        value = self.qsettings.value(key)
        return QByteArray(value) if isinstance(value, QByteArray | bytes) and value else None

    def restore_geometry(self) -> None:
        geometry = self._saved("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def restore_splitter(self) -> None:
        splitter = self._saved("window/splitter")
        if splitter is not None:
            self.panes.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        if self.is_ready():  # before, there are no panes (and the saved split stays)
            self.qsettings.setValue("window/splitter", self.panes.splitter.saveState())
        self.qsettings.sync()

    def read_counts(self, _change: object = None) -> None:
        """The tags (with their counts), the number of entries and On This Day, read again
        (at the start and after every change to the journal)."""
        from journal.domain.filters import EntryFilter

        try:
            counts = self.journal.tag_counts()
            tags = [name for name, _count in counts]
            total = self.journal.count(EntryFilter())
        except DaybookError as exc:
            self.report(exc)
            return
        panes = self.panes
        panes.search_bar.set_tags(tags)
        panes.sidebar.show_counts(counts, total)
        try:
            panes.sidebar.show_on_this_day(self.journal.on_this_day(dt.date.today(), limit=5))
        except DaybookError as exc:
            self.report(exc)
        panes.editor.set_tag_completions(tags)
        self._total = total

    def is_empty(self) -> bool:
        """Whether the journal had no entries when last counted (the welcome page's case)."""
        return self._total == 0 and not self.damaged

    def update_pages(self) -> None:
        """Empty state, reader or editor on the right; the list or its empty note in the middle."""
        p = self.panes
        empty_journal = self._total == 0
        searching = p.model.searching
        no_rows = p.model.rowCount() == 0
        p.timeline.setVisible(not no_rows)
        p.list_empty.setVisible(no_rows)
        if no_rows:
            p.list_empty.setText(
                self.tr(
                    "The journal could not be read: it is damaged.\n"
                    "Quit and start Daybook again to restore a backup."
                )
                if self.damaged
                else self.tr("No entries match.")
                if searching
                else self.tr("No entries yet.")  # the welcome page says how to start
            )
        if p.right_stack.currentWidget() is p.editor:
            return
        if empty_journal and not self.damaged and not p.trash_button.isChecked():
            p.right_stack.setCurrentWidget(p.empty_state)
        else:
            p.right_stack.setCurrentWidget(p.reader)

    # -- reading and writing ---------------------------------------------------------------

    def is_editing(self) -> bool:
        return self.entry_controller.is_editing()

    def new_entry(self, day: dt.date | None = None) -> None:
        self.entry_controller.new_entry(day)

    def edit_entry(self, entry: Entry | EntrySummary) -> None:
        """Edit `entry`, read again whole by id first (see `EntryController.whole`)."""
        self.entry_controller.edit_entry(entry)

    def restore_draft(self, draft: Draft) -> None:
        """Open a draft left from an earlier run in the editor; it saves like any change."""
        self.entry_controller.restore_draft(draft)

    def delete_entry(self, entry: Entry | EntrySummary) -> None:
        """Move to the Trash; Undo (Ctrl+Z) or the Trash brings it back."""
        self.trash_controller.delete_entry(entry)

    def run_search(self, text: str, tag: str) -> None:
        """Search in the background; only the answer to the latest request is shown."""
        self.search_controller.run(text, tag)

    def current_id(self) -> int | None:
        """The id of the entry the reader shows."""
        return self.entry_controller.current_id()

    def select_id(self, entry_id: int) -> bool:
        """Make `entry_id` the timeline's current entry, if the listing holds it."""
        return self.entry_controller.select_id(entry_id)

    def go_to_day(self, day: dt.date) -> None:
        """Select the first entry of `day` (or the nearest older one) in the timeline."""
        from journal.ui.timeline.calendar import to_qdate

        p = self.panes
        if p.trash_button.isChecked():
            p.trash_button.setChecked(False)
        if p.model.searching:
            p.search_bar.clear()
        p.calendar.setSelectedDate(to_qdate(day))
        try:
            p.model.load_through(day)
        except DaybookError as exc:
            self.report(exc)
            return
        row = p.model.row_of_day(day)
        if row < 0:
            self.statusBar().showMessage(self.tr("No entries on or before {0}").format(day), 4000)
            return
        p.timeline.select_row(row)
        index = p.model.index(row, 0)
        p.timeline.scrollTo(index, p.timeline.ScrollHint.PositionAtTop)
        entry = p.model.entry_at(row)
        if entry is not None and entry.day != day:
            self.statusBar().showMessage(
                self.tr("Nothing on {0}; showing the day before it with an entry").format(
                    long_day(day)
                ),
                4000,
            )

    # -- exporting -------------------------------------------------------------------------

    def selection_changed(self, *_args: object) -> None:
        selected = self.panes.timeline.selected_entries()
        self.ui_actions.export_selected_action.setEnabled(bool(selected))

    def export_selected(self) -> None:
        """Export the entries selected in the timeline (the current one if none is)."""
        timeline = self.panes.timeline
        entries = timeline.selected_entries() or [
            e for e in [timeline.current_entry()] if e is not None
        ]
        if entries:
            self.open_export(entries)

    def export(self, pdf: bool = False, printing: bool = False) -> None:
        """File > Export (Ctrl+Shift+E): on "Selected (N)" when several entries are selected,
        otherwise on the last date range used. File > Export as PDF… and File > Print… open
        the same dialog (the same choice of entries) on the PDF format, Print as its default
        button."""
        chosen = self.panes.timeline.selected_entries()
        dialog = self.open_export(chosen if len(chosen) > 1 else ())
        if dialog is not None and pdf:
            dialog.set_format("pdf")
            if printing:
                dialog.print_button.setDefault(True)

    def open_export(self, entries: Sequence[Entry | EntrySummary] = ()) -> ExportDialog | None:
        """Open the export dialog (window-modal, not blocking) on filters, or on `entries`
        ("Selected (N)", with the days they span)."""
        from journal.ui.dialogs.export_dialog import ExportDialog

        if not self.entry_controller.flush():  # export what the user sees, saved
            return None
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog.deleteLater()
        days = [e.day for e in entries]
        dialog = ExportDialog(
            self.journal,
            self,
            ids=[e.id for e in entries],
            span=(min(days), max(days)) if days else None,
            pool=self.pool,
            qsettings=self.qsettings,
        )
        dialog.saved.connect(self._exported)
        self.export_dialog = dialog
        dialog.open()
        self.exportOpened.emit(dialog)
        return dialog

    def _exported(self, path: Path, count: int) -> None:
        self.statusBar().showMessage(
            self.tr("Exported {0} to {1}").format(
                wording.entries(count),
                str(path),
            ),
            8000,
        )

    # -- importing -------------------------------------------------------------------------

    def open_import(self) -> ImportDialog:
        """File > Import…: the import dialog (window-modal, not blocking)."""
        from journal.ui.dialogs.import_dialog import ImportDialog

        if self.import_dialog is not None:
            self.import_dialog.close()
            self.import_dialog.deleteLater()
        dialog = ImportDialog(self.journal, self, pool=self.pool)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, report: Any) -> None:
        self.statusBar().showMessage(
            self.tr("Imported {0} ({1} already in the journal)").format(
                wording.entries(report.added), number(report.skipped)
            ),
            8000,
        )

    # -- insights --------------------------------------------------------------------------

    def open_insights(self) -> InsightsDialog:
        """The Insights window (not modal): its days, tags and week notes act on this window."""
        from journal.services.insights import InsightsService
        from journal.settings import Settings
        from journal.ui.dialogs.insights import InsightsDialog

        if self.insights_dialog is not None:
            self.insights_dialog.close()
            self.insights_dialog.deleteLater()
        service = InsightsService(self.journal, Settings.load(self.journal.paths.settings))
        dialog = InsightsDialog(service, self)
        dialog.dayRequested.connect(self.go_to_day)
        dialog.tagRequested.connect(self.search_controller.tag_chosen)
        dialog.weekNotesRequested.connect(self.open_week_notes)
        dialog.loadFailed.connect(self.report)
        self.journal_changes.changed.connect(dialog.journal_changed)
        self.insights_dialog = dialog
        fit_on_screen(dialog, (960, 560))
        dialog.show()
        return dialog

    def open_week_notes(self, first: dt.date, last: dt.date) -> ExportDialog | None:
        """The export dialog preset to the week notes (digest) of `first` to `last`."""
        dialog = self.open_export()
        if dialog is not None:
            dialog.set_dates(first, last)
            dialog.set_format("digest_markdown")
        return dialog

    # -- helpers ---------------------------------------------------------------------------

    def run_task(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Task:
        """Run `fn` in the pool; the answer (or the error) comes back on the UI thread."""
        return self._tasks.run(fn, on_result, on_error)

    def focus_timeline(self) -> None:
        p = self.panes
        view = p.trash.view if p.trash_button.isChecked() else p.timeline
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.currentIndex().isValid():
            view.select_row(0)

    def _focus_calendar(self) -> None:
        self.sidebar_fold.show_sidebar(True)  # folded (or dragged shut): open it for this
        self.panes.calendar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connected(self, signal_name: str) -> bool:
        """Whether anything listens to one of this window's argument-less signals."""
        meta = self.metaObject()
        index = meta.indexOfSignal(f"{signal_name}()")
        return index >= 0 and self.isSignalConnected(meta.method(index))

    def start_reflection(self) -> None:
        """The prompt where the app provides one, else a plain new entry for today."""
        if self._connected("reflectionRequested"):
            self.reflectionRequested.emit()
        else:
            self.new_entry()

    def _quit(self) -> None:
        """Quit through the app when it keeps running without this window (a tray)."""
        if self._connected("quitRequested"):
            self.quitRequested.emit()
        else:
            self.close()

    def set_streak(self, current: int, longest: int) -> None:
        """Working days in a row with a reflection, shown in the status bar."""
        label = self.panes.streak_label
        label.setText(self.tr("Streak: {n}").format(n=current) if current else "")
        label.setToolTip(
            self.tr("Working days in a row with a reflection; longest: {n}").format(n=longest)
        )

    def _about(self) -> None:
        from journal.ui.dialogs.about_dialog import AboutDialog

        AboutDialog.show_about(self, self.paths)

    def _help(self, page: str) -> None:
        from journal.ui.dialogs.help_dialog import HelpDialog

        HelpDialog.show_help(self, self.ui_actions.all_actions(), page)

    def report(self, error: BaseException) -> None:
        """Show an error; a damaged journal is said once (every pane's reads then fail) and
        the panes stop looking like an empty journal."""
        journal_file = self.paths.database.resolve()
        if (
            isinstance(error, DamagedJournalError)
            and error.path
            and error.path.resolve() == journal_file
        ):
            if self.damaged:
                return
            self.damaged = True
            if self.is_ready():
                self.update_pages()
        ErrorDialog.show_error(self, error)

    def wait_for_tasks(self, msecs: int = QUIT_WAIT_MS) -> bool:
        """Stop the window's background work (the journal's reads stop at once) and wait
        for the pool at most `msecs`; work still running then (work that cannot be stopped,
        such as a file being written) is abandoned. True if the pool has finished."""
        if self.is_ready():
            self.journal_changes.stop()
            self.search_controller.stop()
        self._tasks.cancel_all()
        return bool(self.pool.waitForDone(msecs))

    @override
    def changeEvent(self, event: QEvent) -> None:
        # Back in the window: show what another process (the command line) wrote meanwhile.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.is_ready()
        ):
            self.journal_changes.poll()
        super().changeEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # What is typed is saved (or kept as a draft) first; only then is the work stopped.
        if self.is_ready() and not self.entry_controller.settle():
            box = unsaved_box(self)
            if box.exec() != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_state()
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.quitOnLastWindowClosed():
            self.wait_for_tasks()  # the app ends with this window (else it hides to the tray)
        event.accept()


def unsaved_box(parent: QWidget) -> QMessageBox:
    """The question when quitting with changes the journal refused: Yes quits."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Quit Without Saving?"),
        tr("The last changes could not be saved."),
        tr("They are kept as a draft and offered back when Daybook starts again. Quit anyway?"),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box
