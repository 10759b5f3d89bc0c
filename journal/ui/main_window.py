"""The main window: calendar | timeline (or search results, or the Trash) | reader or editor.

Widgets ask through signals; this window acts on the `Journal` service and reports
`DaybookError`s in the error dialog. Slow work (search, emptying the Trash) runs in the
thread pool through `journal.ui.worker`.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entry import Entry, SearchHit
from journal.domain.filters import EntryFilter
from journal.errors import DaybookError
from journal.rendering.markdown import MarkdownRenderer
from journal.services.journal import Journal
from journal.ui.calendar import DayDialog, JournalCalendar, to_qdate
from journal.ui.errors import ErrorDialog
from journal.ui.reader import EntryReader
from journal.ui.search_bar import SearchBar
from journal.ui.timeline import TimelineModel, TimelineView, entry_of
from journal.ui.trash import TrashView
from journal.ui.worker import run_in_background

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
        self.setObjectName("MainWindow")
        self.setWindowTitle(self._title())
        self.setAccessibleName(self.tr("Daybook"))

        # -- widgets ---------------------------------------------------------------------
        self.calendar = JournalCalendar(journal, self)
        self.calendar.dayChosen.connect(self.go_to_day)
        self.calendar.loadFailed.connect(self.report)
        self.new_button = QPushButton(self.tr("New Entry"), self)
        self.new_button.setAccessibleName(self.tr("New entry for today"))
        self.new_button.setToolTip(self.tr("Write today's reflection (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_entry())
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.today_button.clicked.connect(lambda: self.go_to_day(dt.date.today()))
        self.trash_button = QToolButton(self)
        self.trash_button.setText(self.tr("Trash"))
        self.trash_button.setAccessibleName(self.tr("Show the Trash"))
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self.show_trash)
        self.stats_label = QLabel(self)
        self.stats_label.setAccessibleName(self.tr("Journal statistics"))
        self.stats_label.setWordWrap(True)
        self.stats_label.setForegroundRole(self.stats_label.foregroundRole())

        self.tags_heading = QLabel(self.tr("Tags"), self)
        self.tags_heading.setAccessibleName(self.tr("Tags heading"))
        font = self.tags_heading.font()
        font.setBold(True)
        self.tags_heading.setFont(font)
        self.tags_list = QListWidget(self)
        self.tags_list.setAccessibleName(self.tr("Tags: choose one to show its entries"))
        self.tags_list.setFrameShape(QFrame.Shape.NoFrame)
        self.tags_list.itemActivated.connect(self._tag_chosen)
        self.tags_list.itemClicked.connect(self._tag_chosen)

        sidebar = QWidget(self)
        sidebar.setAccessibleName(self.tr("Sidebar"))
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(10, 10, 6, 10)
        side.setSpacing(8)
        side.addWidget(self.new_button)
        side.addWidget(self.calendar)
        nav = QHBoxLayout()
        nav.addWidget(self.today_button)
        nav.addStretch(1)
        nav.addWidget(self.trash_button)
        side.addLayout(nav)
        side.addWidget(self.stats_label)
        side.addSpacing(6)
        side.addWidget(self.tags_heading)
        side.addWidget(self.tags_list, 1)

        self.model = TimelineModel(journal, page_size=page_size, parent=self)
        self.model.loadFailed.connect(self.report)
        self.timeline = TimelineView(self)
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setModel(self.model)
        self.timeline.selectionModel().currentChanged.connect(self._current_changed)
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
        self.empty_state = self._make_empty_state()
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

        self._make_actions()
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo the last delete"))
        self.undo_button.setFlat(True)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.statusBar().addPermanentWidget(self.undo_button)
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

    def _make_empty_state(self) -> QWidget:
        page = QFrame(self)
        page.setAccessibleName(self.tr("Welcome"))
        heading = QLabel(self.tr("Your journal is waiting for its first reflection"), page)
        heading.setAccessibleName(self.tr("Welcome heading"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "At the end of the day, take five minutes: what did you work on, what did "
                "you learn, and what comes next? A few sentences a day add up to a record "
                "of how you grow."
            ),
            page,
        )
        text.setAccessibleName(self.tr("Welcome text"))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(self.tr("Write Today's Reflection"), page)
        self.start_button.setAccessibleName(self.tr("Write today's reflection"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.new_entry())
        where = QLabel(
            self.tr("Everything stays on this computer, in {0}").format(
                str(self.journal.paths.home)
            ),
            page,
        )
        where.setAccessibleName(self.tr("Where your journal is kept"))
        where.setWordWrap(True)
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setForegroundRole(where.foregroundRole().PlaceholderText)
        self.where_label = where
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(2)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(20)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(20)
        layout.addWidget(where)
        layout.addStretch(3)
        return page

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        fallback: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys = QKeySequence.keyBindings(shortcut)
        elif shortcut is not None:
            keys = [QKeySequence(shortcut)]
        if not keys and fallback:
            keys = [QKeySequence(fallback)]
        action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New Entry"), self.new_entry, key.New)
        self.new_day_action = self._action(
            self.tr("New Entry for &Another Day…"), self.new_entry_for_day, "Ctrl+Shift+N"
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), self.settingsRequested.emit, key.Preferences, "Ctrl+,"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action(self.tr("&Undo Move to Trash"), self.undo_delete, key.Undo)
        self.undo_action.setEnabled(False)
        self.edit_action = self._action(self.tr("&Edit Entry"), self.edit_current, "Ctrl+E")
        self.delete_action = self._action(
            self.tr("&Move to Trash"), self.delete_current, key.Delete
        )
        # Delete only acts where entries are shown, never in a text field.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.delete_action)
        self.timeline.addAction(self.delete_action)
        self.reader.addAction(self.delete_action)
        self.find_action = self._action(self.tr("&Find…"), self.start_search, key.Find)

        self.today_action = self._action(
            self.tr("Go to &Today"), lambda: self.go_to_day(dt.date.today()), "Ctrl+T"
        )
        self.calendar_action = self._action(self.tr("Go to &Day…"), self._focus_calendar, "Ctrl+G")
        self.trash_action = self._action(
            self.tr("Show T&rash"), self.trash_button.toggle, "Ctrl+Shift+T"
        )
        self.timeline_action = self._action(
            self.tr("Focus T&imeline"), self._focus_timeline, "Ctrl+1"
        )
        self.about_action = self._action(self.tr("&About Daybook"), self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        bar = self.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        menus = (
            (self.tr("&File"), [self.new_action, self.new_day_action, None,
                                self.settings_action, None, self.quit_action]),
            (self.tr("&Edit"), [self.undo_action, None, self.edit_action, self.delete_action,
                                None, self.find_action]),
            (self.tr("&View"), [self.today_action, self.calendar_action, self.timeline_action,
                                None, self.trash_action]),
            (self.tr("&Help"), [self.about_action]),
        )  # fmt: skip
        for title, actions in menus:
            menu = bar.addMenu(title)
            menu.setAccessibleName(title.replace("&", ""))
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

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
        self.tags_list.clear()
        for name, count in counts:
            item = QListWidgetItem(f"#{name}", self.tags_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.ToolTipRole, self.tr("{0} entries").format(count))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {count}")
        self.tags_heading.setVisible(bool(counts))
        self.tags_list.setVisible(bool(counts))
        setter = getattr(self.editor, "set_tag_completions", None)
        if setter is not None:
            setter(tags)
        self._total = total
        if total:
            self.stats_label.setText(
                self.tr("{0} entries · {1} tags").format(f"{total:,}", f"{len(tags):,}")
            )
        else:
            self.stats_label.setText("")

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
        self._start(self.journal.empty_trash, self._trash_emptied, self._trash_failed)

    def _trash_emptied(self, count: int) -> None:
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
        self.statusBar().clearMessage()
        self.trash.reload()
        self.report(error)

    # -- searching -------------------------------------------------------------------------

    def _tag_chosen(self, item: QListWidgetItem) -> None:
        tag = str(item.data(Qt.ItemDataRole.UserRole))
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
        self.report(error)

    def end_search(self) -> None:
        """Back to the timeline, on the entry the reader shows."""
        self._search_generation += 1
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
