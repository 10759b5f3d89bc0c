"""The timeline list: keyboard and mouse over `TimelineModel`'s rows (headings are skipped)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from journal.domain.entry import EntrySummary
from journal.ui.timeline.timeline import Roles, entry_of
from journal.ui.timeline.timeline_delegate import TimelineDelegate

if TYPE_CHECKING:
    from journal.domain.entry import EntrySummary
    from journal.ui.timeline.thumbnails import Thumbnails

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override


class TimelineView(QListView):
    """The list: keyboard moves between entries (headings are skipped), Enter edits.

    Single selection unless the owner sets another mode; `selected_entries` reads it.
    """

    editRequested = Signal(object)  # EntrySummary (read the Entry by id to edit it)
    escapePressed = Signal()  # the main window leaves search results back to the timeline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setItemDelegate(TimelineDelegate(self))
        self.doubleClicked.connect(self._edit_index)

    def set_thumbnails(self, thumbnails: Thumbnails | None) -> None:
        """Cards show their entry's first image; repainted as thumbnails come in."""
        delegate = self.itemDelegate()
        assert isinstance(delegate, TimelineDelegate)
        delegate.set_thumbnails(thumbnails)
        if thumbnails is not None:
            thumbnails.changed.connect(self.viewport().update)

    def current_entry(self) -> EntrySummary | None:
        return entry_of(self.currentIndex())

    def selected_entries(self) -> list[EntrySummary]:
        """The selected entries in timeline order (headings are never selectable), as the
        list holds them (read each by id to show, edit or export it).

        The main window turns on ExtendedSelection (Shift/Ctrl-click, Shift+arrows,
        Ctrl+A) so several entries can be exported at once; the Trash keeps one.
        """
        selection = self.selectionModel()
        if selection is None:
            return []
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        model = self.model()
        found = (entry_of(model.index(row, 0)) for row in rows)
        return [entry for entry in found if entry is not None]

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        if model.index(row, 0).data(Roles.KIND) == "month":
            row = self.step_row(row, 1)
        if row >= 0:
            index = model.index(row, 0)
            # This row alone, whatever modifier keys Qt believes are held (setCurrentIndex
            # would add to the selection while it thinks Ctrl is down).
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            if row == 1:  # the first entry: show its month heading too
                self.scrollToTop()

    def _edit_index(self, index: QModelIndex) -> None:
        entry = entry_of(index)
        if entry is not None:
            self.editRequested.emit(entry)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            entry = self.current_entry()
            if entry is not None:
                self.editRequested.emit(entry)
                return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.escapePressed.emit()
            return
        super().keyPressEvent(event)

    @override
    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        model = self.model()
        if not index.isValid() or model is None or index.data(Roles.KIND) != "month":
            return index
        act = QAbstractItemView.CursorAction
        upward = cursorAction in (act.MoveUp, act.MovePageUp, act.MoveEnd, act.MovePrevious)
        row = self.step_row(index.row(), -1 if upward else 1)
        if row < 0:  # a heading at the very top: stay where we were
            row = self.step_row(index.row(), 1 if upward else -1)
        return model.index(row, 0) if row >= 0 else index

    def step_row(self, row: int, direction: int) -> int:
        model = self.model()
        while 0 <= row < model.rowCount():
            if model.index(row, 0).data(Roles.KIND) == "entry":
                return row
            row += direction
        return -1
