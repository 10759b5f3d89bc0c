"""Searching from the main window: the search bar asks, this runs the query off the UI
thread and shows the hits in the timeline. Only the answer to the latest request is shown,
and a newer request, clearing the search (Esc) or quitting stops the one still running;
clearing the search goes back to the timeline on the entry the reader shows. The reader
shows one of the results or nothing, and a change to the journal runs the search again.

`SearchController` is given the widgets it drives, the journal, the task runner and the
entry controller (which keeps the reader on a listed entry); it answers through signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from journal.domain.entry import EntrySummary, summary_of
from journal.domain.filters import EntryFilter
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolButton

    from journal.services.changes import Change
    from journal.services.journal import Journal
    from journal.ui.common.busy import BusyIndicator
    from journal.ui.common.worker import Task, TaskSet
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.timeline.reader import EntryReader
    from journal.ui.timeline.search_bar import SearchBar
    from journal.ui.timeline.timeline import TimelineModel

SEARCH_LIMIT = 500  # hits shown; the count says how many there are in all

# hits shown (as the list holds them, with their snippets), hits in all, problems, the words
# to highlight
_Found = tuple[list[tuple[EntrySummary, str]], int, tuple[str, ...], tuple[tuple[str, bool], ...]]


class SearchController(QObject):
    """The main window's search: started from the search bar, a tag or Ctrl+F."""

    finished = Signal(int)  # number of hits shown
    failed = Signal(object)  # the error of a search that could not run
    pagesChanged = Signal()  # what the panes show may have changed: pick the pages again

    def __init__(
        self,
        journal: Journal,
        tasks: TaskSet,
        entries: EntryController,
        *,
        search_bar: SearchBar,
        model: TimelineModel,
        reader: EntryReader,
        busy: BusyIndicator,
        trash_button: QToolButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._tasks = tasks
        self._entries = entries
        self._search_bar = search_bar
        self._model = model
        self._reader = reader
        self._busy = busy
        self._trash_button = trash_button
        self._generation = 0
        self._task: Task | None = None

    def tag_chosen(self, tag: str) -> None:
        """Search for `tag` now (a tag clicked in the sidebar)."""
        if self._trash_button.isChecked():
            self._trash_button.setChecked(False)
        self._search_bar.set_tag(tag)
        self._search_bar.flush()

    def start(self) -> None:
        """Into the search field (Ctrl+F), out of the Trash."""
        if self._trash_button.isChecked():
            self._trash_button.setChecked(False)
        self._search_bar.focus()

    def run(self, text: str, tag: str) -> None:
        """Search in the background; only the answer to the latest request is shown."""
        self.cancel()
        generation = self._generation
        self._busy.start("search", tr("Searching…"))
        filters = EntryFilter(tags=(tag,) if tag else ())
        journal = self._journal

        def job() -> _Found:
            query, hits = journal.search(text, filters, limit=SEARCH_LIMIT)
            total = len(hits)
            if total == SEARCH_LIMIT:
                total = journal.count_search(query, filters)
            # Only what the list shows reaches the UI thread; the whole bodies stay here.
            found = [(summary_of(h.entry), h.snippet) for h in hits]
            return found, total, query.problems, query.words

        self._task = self._tasks.run(
            job, lambda result: self._done(generation, result), self._failed
        )

    def journal_changed(self, change: Change) -> None:
        """Search again: the change may add, drop or alter results."""
        if change.kind == "purged":  # only entries in the Trash: never among the results
            return
        bar = self._search_bar
        if self._model.searching and bar.is_active():
            self.run(bar.text(), bar.tag())

    def cancel(self) -> None:
        """Stop the search still running, if any; its answer will not be shown."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def stop(self) -> None:
        """Stop the search still running and its busy bar (the window is closing)."""
        self.cancel()
        self._busy.stop("search")

    def _done(self, generation: int, result: _Found) -> None:
        if generation != self._generation or not self._search_bar.is_active():
            return
        self._task = None
        self._busy.stop("search")
        hits, total, problems, words = result
        self._reader.highlight(words)
        current = self._entries.current_id()
        with self._entries.holding_selection():
            self._model.show_hits(hits)
        self._entries.reselect(current, 0)  # the reader shows a result, or nothing
        self._search_bar.show_count(len(hits), total, problems)
        self.pagesChanged.emit()
        self.finished.emit(len(hits))

    def _failed(self, error: BaseException) -> None:
        self._generation += 1
        self._busy.stop("search")
        self.failed.emit(error)

    def end(self) -> None:
        """Back to the timeline, on the entry the reader shows."""
        self.stop()
        self._reader.highlight(())
        if not self._model.searching:
            return
        current = self._entries.current_id()
        with self._entries.holding_selection():
            self._model.show_listing()
            entry = self._reader.entry
            if entry is not None:
                self._model.load_through(entry.day)
        self._entries.reselect(current, 0)
        self.pagesChanged.emit()
