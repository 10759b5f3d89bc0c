"""Reading and editing in the main window: the reader follows the timeline's current
entry, the editor takes over to write, and whatever the editor holds is saved before
anything else is shown (moving elsewhere, deleting, exporting, quitting).

When the journal changes (whoever changed it) the listing is read again and the reader
stays on its entry, shown as it now is; if that entry left the list the reader moves to
its neighbour, and it never shows an entry the list does not hold.

The list holds each entry as an `EntrySummary` (the start of its text); the reader and the
editor get the whole `Entry`, read again by id (`whole`) each time one is shown or edited,
so a cut preview can never be shown, or saved, as the text.

`EntryController` is given the widgets it drives and the journal; it tells the window
through signals when the pages to show may have changed and when the timeline should
take the focus, and hands back the errors it meets."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from journal.domain.entry import Entry, EntrySummary, summary_of
from journal.errors import DaybookError, NotFoundError
from journal.ui.timeline.calendar import DayDialog, to_qdate
from journal.ui.timeline.timeline import entry_of

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from PySide6.QtWidgets import QStackedWidget, QToolButton

    from journal.services.changes import Change
    from journal.services.drafts import Draft
    from journal.services.journal import Journal
    from journal.ui.editor.editor import EntryEditor
    from journal.ui.timeline.calendar import JournalCalendar
    from journal.ui.timeline.reader import EntryReader
    from journal.ui.timeline.timeline import TimelineModel
    from journal.ui.timeline.timeline_view import TimelineView


class EntryController(QObject):
    """The timeline's current entry in the reader, and the editor in its place to write."""

    pagesChanged = Signal()  # what the panes show may have changed: pick the pages again
    timelineFocusRequested = Signal()  # editing ended: back to the list
    failed = Signal(object)  # an entry to show could not be read: the error to show

    def __init__(
        self,
        journal: Journal,
        *,
        model: TimelineModel,
        timeline: TimelineView,
        reader: EntryReader,
        editor: EntryEditor,
        right_stack: QStackedWidget,
        calendar: JournalCalendar,
        trash_button: QToolButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._model = model
        self._timeline = timeline
        self._reader = reader
        self._editor = editor
        self._right_stack = right_stack
        self._calendar = calendar
        self._trash_button = trash_button
        self._following = True  # the reader follows the timeline's current entry
        self._switching = False  # the editor is saving because the user moved elsewhere

    @contextmanager
    def holding_selection(self) -> Iterator[None]:
        """While the list is rebuilt, the reader keeps its entry instead of following."""
        self._following = False
        try:
            yield
        finally:
            self._following = True

    # -- reading ---------------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The id of the entry the reader shows."""
        entry = self._reader.entry
        return entry.id if entry is not None else None

    def select_id(self, entry_id: int) -> bool:
        """Make `entry_id` the timeline's current entry, if the listing holds it."""
        row = self._model.row_of(entry_id)
        if row < 0:
            return False
        self._timeline.select_row(row)
        return True

    def current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        """The timeline's current entry changed: save any edit, then read that entry."""
        if not self._following:
            return
        listed = entry_of(index)
        if listed is None:
            return
        if self.is_editing():
            if not self.flush():
                return
            self._right_stack.setCurrentWidget(self._reader)
            if self._model.row_of(listed.id) != self._timeline.currentIndex().row():
                with self.holding_selection():  # the save reloaded the list: select it again
                    self.select_id(listed.id)
        self._reader.show_entry(self.whole(listed))
        self._calendar.setSelectedDate(to_qdate(listed.day))  # marks only; no jump
        self.pagesChanged.emit()

    def whole(self, listed: Entry | EntrySummary | None, in_trash: bool = False) -> Entry | None:
        """The whole entry `listed` stands for, read again by id (None: it is gone, or it
        could not be read, which is reported). Everything that shows or edits an entry
        goes through here, never through what a list holds."""
        if listed is None:
            return None
        try:
            return self._journal.get(listed.id, include_deleted=in_trash)
        except NotFoundError:  # gone meanwhile: the change that took it reloads the list
            return None
        except DaybookError as exc:
            self.failed.emit(exc)
            return None

    def journal_changed(self, change: Change) -> None:
        """Bring the listing and the reader up to date (search results: the search
        controller)."""
        model = self._model
        current = self.current_id()
        old_row = model.row_of(current) if current is not None else -1
        with self.holding_selection():
            if change.kind == "trashed":  # in place: the list keeps its scroll position
                for entry_id in change.ids:
                    model.remove_entry(entry_id)
            elif change.kind == "purged":
                pass  # only entries in the Trash go for ever: never in the listing
            elif not model.searching and not self._updated_in_place(change):
                model.reload()
        if not model.searching or change.kind == "trashed":
            self.reselect(current, old_row)
        self.pagesChanged.emit()

    def _updated_in_place(self, change: Change) -> bool:
        """Show edited entries in their rows (as typing autosaves); False when a row would
        move (another day) or is not loaded, and the listing must be read again."""
        if change.kind != "updated" or not change.ids:
            return False
        try:
            entries = self._journal.get_summaries(change.ids)
        except DaybookError:  # unreadable: read the listing again
            return False
        if len(entries) != len(set(change.ids)):  # gone meanwhile: read the listing again
            return False
        return all(self._model.update_entry(e) for e in entries)

    def reselect(self, current: int | None, old_row: int) -> None:
        """After the list was rebuilt: select the entry the reader showed, as it now is;
        if it is gone, the entry now at `old_row` (or the one above, or the first). The
        reader follows; with nothing listed it shows nothing."""
        timeline, reader = self._timeline, self._reader
        if self._trash_button.isChecked():
            return  # the reader shows the Trash (it follows the Trash's list)
        if current is not None:
            on = timeline.current_entry()
            kept = on is not None and on.id == current  # still current: no scrolling
            if not kept:
                with self.holding_selection():
                    kept = self.select_id(current)
            if kept:
                fresh = timeline.current_entry()
                shown = reader.entry
                changed = shown is None or summary_of(shown) != fresh
                if not self.is_editing() and fresh is not None and changed:
                    reader.show_entry(self.whole(fresh))
                return
        if self.is_editing():
            return  # a new entry being written: the reader is not on screen
        count = self._model.rowCount()
        row = timeline.step_row(min(max(old_row, 0), count - 1), 1)
        if row < 0:
            row = timeline.step_row(min(max(old_row, 0), count - 1) - 1, -1)
        if row < 0:
            timeline.clearSelection()
            reader.show_entry(None)
            return
        with self.holding_selection():
            timeline.select_row(row)
        listed = timeline.current_entry()
        reader.show_entry(self.whole(listed))
        if listed is not None:
            self._calendar.setSelectedDate(to_qdate(listed.day))

    def trash_current_changed(self, listed: EntrySummary | None) -> None:
        if self._trash_button.isChecked():
            self._reader.show_entry(self.whole(listed, in_trash=True), in_trash=True)

    # -- writing ---------------------------------------------------------------------------

    def is_editing(self) -> bool:
        return self._right_stack.currentWidget() is self._editor

    def flush(self) -> bool:
        """Save what the editor holds; while this runs, a save does not move the selection."""
        if not self.is_editing():
            return True
        self._switching = True
        try:
            return self._editor.flush()
        finally:
            self._switching = False

    def settle(self) -> bool:
        """Before the window or the journal closes: the editor's images on their way are
        put into its text and the text saved, whether it is shown or left for the reader
        (see `EntryEditor.settle`); False if the save failed."""
        self._switching = True
        try:
            return self._editor.settle()
        finally:
            self._switching = False

    def show_reader(self) -> bool:
        """Save what the editor holds and show the reader in its place; False (and the
        editor stays) if the save failed."""
        if not self.flush():
            return False
        self._right_stack.setCurrentWidget(self._reader)
        return True

    def edit_current(self) -> None:
        entry = self._reader.entry or self._timeline.current_entry()
        if entry is not None and not self._trash_button.isChecked():
            self.edit_entry(entry)

    def edit_entry(self, listed: Entry | EntrySummary) -> None:
        """Edit the entry, read again whole by id (what was listed or shown may be a
        preview, or older than the journal's)."""
        if not self.flush():
            return
        entry = self.whole(listed)
        if entry is None:
            return
        self._editor.edit_entry(entry)
        self._reader.show_entry(entry)  # what the reader shows when editing ends
        self._right_stack.setCurrentWidget(self._editor)
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_entry(self, day: dt.date | None = None) -> None:
        if not self.flush():
            return
        if self._trash_button.isChecked():
            self._trash_button.setChecked(False)
        self._editor.new_entry(day or self._journal.today())
        self._right_stack.setCurrentWidget(self._editor)
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_entry_for_day(self) -> None:
        """File > New Entry for Day…: ask for the day (the current entry's by default)."""
        initial = self._timeline.current_entry()
        today = self._journal.today()
        day = DayDialog.get_day(
            self._timeline.window(), self._journal, initial.day if initial else today
        )
        if day is not None:
            self.new_entry(day)

    def restore_draft(self, draft: Draft) -> None:
        """Open a draft left from an earlier run in the editor; it saves like any change."""
        if not self.flush():
            return
        self._editor.restore_draft(draft)
        self._right_stack.setCurrentWidget(self._editor)

    def close_editor(self) -> None:
        """Back to reading (Esc or Ctrl+Return in the editor), after saving."""
        if not self.show_reader():
            return
        self.reselect(self.current_id(), -1)  # the reader shows the entry as saved
        self.pagesChanged.emit()
        self.timelineFocusRequested.emit()

    def entry_saved(self, entry: Entry) -> None:
        """The editor committed `entry` (the views have heard of it): select it."""
        if self._switching:
            return  # the user moved elsewhere; the selection goes where they went
        with self.holding_selection():
            self.select_id(entry.id)
        self._reader.show_entry(entry)
