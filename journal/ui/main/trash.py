"""The Trash: deleted entries, each restorable; emptying it asks first and is final.

`TrashView` lists them; `TrashController` is the main window's side of it: moving entries to the
Trash, Undo, restoring, showing the Trash in place of the timeline, and emptying it. The
views hear of each change from the journal's change signal; nothing here refreshes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.filters import EntryFilter
from journal.errors import DaybookError
from journal.ui.common import wording
from journal.ui.common.errors import message_box
from journal.ui.common.i18n import number
from journal.ui.common.wording import tr
from journal.ui.timeline.timeline import TimelineModel, entry_of
from journal.ui.timeline.timeline_view import TimelineView

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QStackedWidget, QToolButton

    from journal.domain.entry import Entry, EntrySummary
    from journal.services.journal import Journal
    from journal.ui.common.busy import BusyIndicator
    from journal.ui.common.changes import ChangeSignal
    from journal.ui.common.worker import TaskSet
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.timeline.reader import EntryReader


class TrashView(QWidget):
    """A list of the Trash with Restore and Empty Trash; it asks, the window acts."""

    restoreRequested = Signal(object)  # EntrySummary
    emptyRequested = Signal()  # already confirmed by the user
    closeRequested = Signal()
    currentEntryChanged = Signal(object)  # EntrySummary | None

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Trash"))
        # Read when the Trash is shown (reload), not by the hidden view at start.
        self.model = TimelineModel(journal, EntryFilter(trash=True), parent=self, wait=True)
        self.title = QLabel(self.tr("<b>Trash</b>"), self)
        self.title.setAccessibleName(self.tr("Trash heading"))
        self.hint = QLabel(self)
        self.hint.setAccessibleName(self.tr("About the Trash"))
        self.hint.setWordWrap(True)
        self.view = TimelineView(self)
        self.view.setAccessibleName(self.tr("Entries in the Trash"))
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.back_button = QPushButton(self.tr("← Journal"), self)
        self.back_button.setAccessibleName(self.tr("Back to the journal"))
        self.back_button.clicked.connect(self.closeRequested)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setAccessibleName(self.tr("Restore the selected entry"))
        self.restore_button.clicked.connect(self._restore)
        self.empty_button = QPushButton(self.tr("Empty Trash…"), self)
        self.empty_button.setAccessibleName(self.tr("Empty the Trash"))
        self.empty_button.clicked.connect(self._empty)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.title)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def journal_changed(self, _change: object = None) -> None:
        """Read the Trash again if it is on screen (it is read when shown otherwise)."""
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.model.show_listing()
        count = self.model.entry_count()
        more = self.model.canFetchMore(QModelIndex())
        if count == 0:
            self.hint.setText(self.tr("The Trash is empty."))
        else:
            many = self.tr("{0} deleted entries. They stay here until you empty the Trash.")
            one = self.tr("1 deleted entry. It stays here until you empty the Trash.")
            text = wording.count(count, one, many)
            self.hint.setText(text.replace(number(count), number(count) + "+", 1) if more else text)
        self.empty_button.setEnabled(count > 0)
        self.restore_button.setEnabled(False)
        self.view.select_row(0)

    def current_entry(self) -> EntrySummary | None:
        return self.view.current_entry()

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        entry = entry_of(index)
        self.restore_button.setEnabled(entry is not None)
        self.currentEntryChanged.emit(entry)

    def _restore(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.restoreRequested.emit(entry)

    def _empty(self) -> None:
        if self.confirm_empty(self):
            self.emptyRequested.emit()

    @classmethod
    def confirm_empty(cls, parent: QWidget) -> bool:
        """Ask before deleting for ever (tests replace this classmethod)."""
        box, empty = empty_trash_box(parent)
        box.exec()
        return box.clickedButton() is empty


def empty_trash_box(parent: QWidget) -> tuple[QMessageBox, QAbstractButton]:
    """The question before the Trash is emptied, and its button that empties it."""
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        tr("Empty Trash"),
        tr("Delete every entry in the Trash for ever?"),
        tr("This cannot be undone. Their text is also wiped from the journal file."),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    ok = box.addButton(tr("Empty Trash"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, ok


class TrashController(QObject):
    """Delete, Undo, Restore and Empty Trash in the main window, and the Trash shown in
    place of the timeline. Given the widgets it drives, the journal, its change signal (a
    group of moves is heard once), the task runner and the entry controller (what is typed
    is saved first); it answers through signals."""

    deleted = Signal(object)  # Entry, now in the Trash
    restored = Signal(object)  # Entry, back from the Trash
    emptied = Signal(int)  # entries purged
    failed = Signal(object)  # an error to show
    statusMessage = Signal(str, int)  # text ("" clears), milliseconds (0: until replaced)
    undoAvailable = Signal(bool)  # whether Undo has a delete to take back
    shown = Signal(bool)  # the Trash is on screen (True) or the timeline is again
    pagesChanged = Signal()  # what the panes show may have changed: pick the pages again

    def __init__(
        self,
        journal: Journal,
        changes: ChangeSignal,
        tasks: TaskSet,
        entries: EntryController,
        *,
        trash: TrashView,
        trash_button: QToolButton,
        list_stack: QStackedWidget,
        model: TimelineModel,
        timeline: TimelineView,
        reader: EntryReader,
        busy: BusyIndicator,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._changes = changes
        self._tasks = tasks
        self._entries = entries
        self._trash = trash
        self._trash_button = trash_button
        self._list_stack = list_stack
        self._model = model
        self._timeline = timeline
        self._reader = reader
        self._busy = busy
        # Ids moved to the Trash in this session, a group per Delete, the last on top.
        self._undo: list[list[int]] = []

    def can_undo(self) -> bool:
        """Whether Undo has a delete of this session to take back."""
        return bool(self._undo)

    def delete_current(self) -> None:
        """Delete: the selected entries (Shift/Ctrl-click), else the one shown."""
        if self._trash_button.isChecked():
            return
        selected = self._timeline.selected_entries()
        if len(selected) > 1:
            self.delete_entries(selected)
            return
        entry = self._timeline.current_entry() or self._reader.entry
        if entry is not None:
            self.delete_entry(entry)

    def delete_entry(self, entry: Entry | EntrySummary) -> None:
        """Move to the Trash; Undo (Ctrl+Z) or the Trash brings it back."""
        self.delete_entries([entry])

    def delete_entries(self, entries: Sequence[Entry | EntrySummary]) -> None:
        """Move to the Trash together; one Undo brings them all back."""
        if self._entries.is_editing() and not self._entries.show_reader():
            return
        deleted: list[Entry] = []
        with self._changes.held():  # the views hear of the group once
            for entry in entries:
                try:
                    deleted.append(self._journal.delete(entry.id))
                except DaybookError as exc:  # those already moved stay moved, and undoable
                    self.failed.emit(exc)
                    break
        if not deleted:
            return
        self._undo.append([e.id for e in deleted])
        self.undoAvailable.emit(True)
        self.statusMessage.emit(
            self._said(deleted, tr("“{0}” moved to the Trash"), tr("{0} moved to the Trash")),
            10000,
        )
        for entry in deleted:
            self.deleted.emit(entry)

    def _said(self, entries: list[Entry], one: str, many: str) -> str:
        """`one` with the entry's title, or `many` with the count ("3 entries")."""
        if len(entries) == 1:
            return one.format(entries[0].display_title or tr("Entry"))
        return many.format(wording.entries(len(entries)))

    def undo_delete(self) -> None:
        """Ctrl+Z: bring back what the last Delete moved to the Trash."""
        if not self._undo:
            return
        ids = self._undo.pop()
        self.undoAvailable.emit(bool(self._undo))
        self.restore_ids(ids)

    def restore_entry(self, entry: Entry | EntrySummary) -> None:
        self._undo = [[i for i in group if i != entry.id] for group in self._undo]
        self._undo = [group for group in self._undo if group]
        self.undoAvailable.emit(bool(self._undo))
        self.restore_ids([entry.id])

    def restore_ids(self, ids: list[int]) -> None:
        restored: list[Entry] = []
        with self._changes.held():
            for entry_id in ids:
                try:
                    restored.append(self._journal.restore_entry(entry_id))
                except DaybookError as exc:
                    self.failed.emit(exc)
                    break
        if not restored:
            return
        self.statusMessage.emit(
            self._said(restored, tr("“{0}” restored"), tr("{0} restored")), 5000
        )
        if not self._trash_button.isChecked():  # show what came back
            newest = max(restored, key=lambda e: (e.day, e.created, e.id))
            self._model.load_through(min(e.day for e in restored))
            self._entries.select_id(newest.id)
            self._reader.show_entry(newest)
            self.pagesChanged.emit()
        for entry in restored:
            self.restored.emit(entry)

    def show_trash(self, on: bool) -> None:
        """The Trash in place of the timeline (on), or the timeline again."""
        if on:
            if not self._entries.show_reader():
                self._trash_button.setChecked(False)
                return
            self._trash.reload()
            self._list_stack.setCurrentWidget(self._trash)
            self._trash.view.setFocus()
            shown = self._entries.whole(self._trash.current_entry(), in_trash=True)
            self._reader.show_entry(shown, in_trash=True)
        else:
            self._list_stack.setCurrentIndex(0)
            self._reader.show_entry(self._entries.whole(self._timeline.current_entry()))
        self.shown.emit(on)
        self.pagesChanged.emit()

    def empty_trash(self) -> None:
        """Purge the Trash in the background (it rewrites the search index)."""
        self._trash.empty_button.setEnabled(False)
        self.statusMessage.emit(tr("Emptying the Trash…"), 0)
        self._busy.start("trash", tr("Emptying the Trash…"))
        self._tasks.run(self._journal.empty_trash, self._emptied, self._failed)

    def _emptied(self, count: int) -> None:
        self._busy.stop("trash")
        self._undo.clear()
        self.undoAvailable.emit(False)
        self.statusMessage.emit(
            tr("The Trash is empty ({0} entries deleted for ever)").format(count), 5000
        )
        if self._trash_button.isChecked():
            self._reader.show_entry(None, in_trash=True)
        self.emptied.emit(int(count))

    def _failed(self, error: BaseException) -> None:
        self._busy.stop("trash")
        self.statusMessage.emit("", 0)
        self._trash.reload()
        self.failed.emit(error)
