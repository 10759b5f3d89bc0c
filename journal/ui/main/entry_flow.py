"""The main window's right-hand pane: the reader follows the timeline's current entry, the
editor takes over to write, and whatever the editor holds is saved before anything else is
shown (moving elsewhere, deleting, exporting, quitting).

When the journal changes (whoever changed it) the listing is read again and the reader
stays on its entry, shown as it now is; if that entry left the list the reader moves to
its neighbour, and it never shows an entry the list does not hold.

The list holds each entry as an `EntrySummary` (the start of its text); the reader and the
editor get the whole `Entry`, read again by id (`whole`) each time one is shown or edited,
so a cut preview can never be shown, or saved, as the text."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from journal.domain.entry import Entry, EntrySummary, summary_of
from journal.errors import DaybookError, NotFoundError
from journal.ui.timeline.calendar import DayDialog, to_qdate
from journal.ui.timeline.timeline import entry_of

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from journal.services.changes import Change
    from journal.ui.main.main_window import MainWindow


class EntryFlow(QObject):
    """Reading and editing in the main window; the window owns the widgets."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
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

    def current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        """The timeline's current entry changed: save any edit, then read that entry."""
        w = self._window
        if not self._following:
            return
        listed = entry_of(index)
        if listed is None:
            return
        if self.is_editing():
            if not self.flush():
                return
            w.right_stack.setCurrentWidget(w.reader)
            if w.model.row_of(listed.id) != w.timeline.currentIndex().row():
                with self.holding_selection():  # the save reloaded the list: select it again
                    w.select_id(listed.id)
        w.reader.show_entry(self.whole(listed))
        w.calendar.setSelectedDate(to_qdate(listed.day))  # marks only; no jump
        w.update_pages()

    def whole(self, listed: Entry | EntrySummary | None, in_trash: bool = False) -> Entry | None:
        """The whole entry `listed` stands for, read again by id (None: it is gone, or it
        could not be read, which is reported). Everything that shows or edits an entry
        goes through here, never through what a list holds."""
        if listed is None:
            return None
        try:
            return self._window.journal.get(listed.id, include_deleted=in_trash)
        except NotFoundError:  # gone meanwhile: the change that took it reloads the list
            return None
        except DaybookError as exc:
            self._window.report(exc)
            return None

    def journal_changed(self, change: Change) -> None:
        """Bring the listing and the reader up to date (search results: `SearchFlow`)."""
        w = self._window
        current = w.current_id()
        old_row = w.model.row_of(current) if current is not None else -1
        with self.holding_selection():
            if change.kind == "trashed":  # in place: the list keeps its scroll position
                for entry_id in change.ids:
                    w.model.remove_entry(entry_id)
            elif change.kind == "purged":
                pass  # only entries in the Trash go for ever: never in the listing
            elif not w.model.searching and not self._updated_in_place(change):
                w.model.reload()
        if not w.model.searching or change.kind == "trashed":
            self.reselect(current, old_row)
        w.update_pages()

    def _updated_in_place(self, change: Change) -> bool:
        """Show edited entries in their rows (as typing autosaves); False when a row would
        move (another day) or is not loaded, and the listing must be read again."""
        w = self._window
        if change.kind != "updated" or not change.ids:
            return False
        try:
            entries = w.journal.get_summaries(change.ids)
        except DaybookError:  # unreadable: read the listing again
            return False
        if len(entries) != len(set(change.ids)):  # gone meanwhile: read the listing again
            return False
        return all(w.model.update_entry(e) for e in entries)

    def reselect(self, current: int | None, old_row: int) -> None:
        """After the list was rebuilt: select the entry the reader showed, as it now is;
        if it is gone, the entry now at `old_row` (or the one above, or the first). The
        reader follows; with nothing listed it shows nothing."""
        w = self._window
        if w.trash_button.isChecked():
            return  # the reader shows the Trash (it follows the Trash's list)
        if current is not None:
            on = w.timeline.current_entry()
            kept = on is not None and on.id == current  # still current: no scrolling
            if not kept:
                with self.holding_selection():
                    kept = w.select_id(current)
            if kept:
                fresh = w.timeline.current_entry()
                shown = w.reader.entry
                changed = shown is None or summary_of(shown) != fresh
                if not self.is_editing() and fresh is not None and changed:
                    w.reader.show_entry(self.whole(fresh))
                return
        if self.is_editing():
            return  # a new entry being written: the reader is not on screen
        count = w.model.rowCount()
        row = w.timeline.step_row(min(max(old_row, 0), count - 1), 1)
        if row < 0:
            row = w.timeline.step_row(min(max(old_row, 0), count - 1) - 1, -1)
        if row < 0:
            w.timeline.clearSelection()
            w.reader.show_entry(None)
            return
        with self.holding_selection():
            w.timeline.select_row(row)
        listed = w.timeline.current_entry()
        w.reader.show_entry(self.whole(listed))
        if listed is not None:
            w.calendar.setSelectedDate(to_qdate(listed.day))

    def trash_current_changed(self, listed: EntrySummary | None) -> None:
        w = self._window
        if w.trash_button.isChecked():
            w.reader.show_entry(self.whole(listed, in_trash=True), in_trash=True)

    # -- writing ---------------------------------------------------------------------------

    def is_editing(self) -> bool:
        w = self._window
        return w.right_stack.currentWidget() is w.editor

    def flush(self) -> bool:
        """Save what the editor holds; while this runs, a save does not move the selection."""
        if not self.is_editing():
            return True
        self._switching = True
        try:
            return bool(self._window.editor.flush())  # type: ignore[attr-defined]
        finally:
            self._switching = False

    def edit_current(self) -> None:
        w = self._window
        entry = w.reader.entry or w.timeline.current_entry()
        if entry is not None and not w.trash_button.isChecked():
            self.edit_entry(entry)

    def edit_entry(self, listed: Entry | EntrySummary) -> None:
        """Edit the entry, read again whole by id (what was listed or shown may be a
        preview, or older than the journal's)."""
        w = self._window
        if not self.flush():
            return
        entry = self.whole(listed)
        if entry is None:
            return
        w.editor.edit_entry(entry)  # type: ignore[attr-defined]
        w.reader.show_entry(entry)  # what the reader shows when editing ends
        w.right_stack.setCurrentWidget(w.editor)
        w.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_entry(self, day: dt.date | None = None) -> None:
        w = self._window
        if not self.flush():
            return
        if w.trash_button.isChecked():
            w.trash_button.setChecked(False)
        w.editor.new_entry(day or w.journal.today())  # type: ignore[attr-defined]
        w.right_stack.setCurrentWidget(w.editor)
        w.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_entry_for_day(self) -> None:
        w = self._window
        initial = w.timeline.current_entry()
        day = DayDialog.get_day(w, w.journal, initial.day if initial else w.journal.today())
        if day is not None:
            self.new_entry(day)

    def restore_draft(self, draft: Any) -> None:
        """Open a draft left from an earlier run in the editor; it saves like any change."""
        w = self._window
        if not self.flush():
            return
        w.editor.restore_draft(draft)  # type: ignore[attr-defined]
        w.right_stack.setCurrentWidget(w.editor)

    def close_editor(self) -> None:
        """Back to reading (Esc or Ctrl+Return in the editor), after saving."""
        w = self._window
        if not self.flush():
            return
        w.right_stack.setCurrentWidget(w.reader)
        self.reselect(w.current_id(), -1)  # the reader shows the entry as saved
        w.update_pages()
        w.focus_timeline()

    def entry_saved(self, entry: Entry) -> None:
        """The editor committed `entry` (the views have heard of it): select it."""
        w = self._window
        if self._switching:
            return  # the user moved elsewhere; the selection goes where they went
        with self.holding_selection():
            w.select_id(entry.id)
        w.reader.show_entry(entry)
