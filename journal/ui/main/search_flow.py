"""Searching from the main window: the search bar asks, this runs the query off the UI
thread and shows the hits in the timeline. Only the answer to the latest request is shown,
and a newer request, clearing the search (Esc) or quitting stops the one still running;
clearing the search goes back to the timeline on the entry the reader shows. The reader
shows one of the results or nothing, and a change to the journal runs the search again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from journal.cancel import Cancelled
from journal.domain.entry import EntrySummary, summary_of
from journal.domain.filters import EntryFilter
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from journal.services.changes import Change
    from journal.ui.common.worker import Task
    from journal.ui.main.main_window import MainWindow

SEARCH_LIMIT = 500  # hits shown; the count says how many there are in all

# hits shown (as the list holds them, with their snippets), hits in all, problems, the words
# to highlight
_Found = tuple[list[tuple[EntrySummary, str]], int, tuple[str, ...], tuple[tuple[str, bool], ...]]


class SearchFlow(QObject):
    """The main window's search: started from the search bar, a tag or Ctrl+F."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._generation = 0
        self._task: Task | None = None

    def tag_chosen(self, tag: str) -> None:
        """Search for `tag` now (a tag clicked in the sidebar)."""
        w = self._window
        if w.trash_button.isChecked():
            w.trash_button.setChecked(False)
        w.search_bar.set_tag(tag)
        w.search_bar.flush()

    def start(self) -> None:
        """Into the search field (Ctrl+F), out of the Trash."""
        w = self._window
        if w.trash_button.isChecked():
            w.trash_button.setChecked(False)
        w.search_bar.focus()

    def run(self, text: str, tag: str) -> None:
        """Search in the background; only the answer to the latest request is shown."""
        w = self._window
        self.cancel()
        generation = self._generation
        w.busy.start("search", tr("Searching…"))
        filters = EntryFilter(tags=(tag,) if tag else ())
        journal = w.journal

        def job() -> _Found:
            query, hits = journal.search(text, filters, limit=SEARCH_LIMIT)
            total = len(hits)
            if total == SEARCH_LIMIT:
                total = journal.count_search(query, filters)
            # Only what the list shows reaches the UI thread; the whole bodies stay here.
            found = [(summary_of(h.entry), h.snippet) for h in hits]
            return found, total, query.problems, query.words

        self._task = w.run_task(job, lambda result: self._done(generation, result), self._failed)

    def journal_changed(self, change: Change) -> None:
        """Search again: the change may add, drop or alter results."""
        w = self._window
        if change.kind == "purged":  # only entries in the Trash: never among the results
            return
        if w.model.searching and w.search_bar.is_active():
            self.run(w.search_bar.text(), w.search_bar.tag())

    def cancel(self) -> None:
        """Stop the search still running, if any; its answer will not be shown."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _done(self, generation: int, result: _Found) -> None:
        w = self._window
        if generation != self._generation or not w.search_bar.is_active():
            return
        self._task = None
        w.busy.stop("search")
        hits, total, problems, words = result
        w.reader.highlight(words)
        current = w.current_id()
        with w.entry_flow.holding_selection():
            w.model.show_hits(hits)
        w.entry_flow.reselect(current, 0)  # the reader shows a result, or nothing
        w.search_bar.show_count(len(hits), total, problems)
        w.update_pages()
        w.searchFinished.emit(len(hits))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        self._generation += 1
        self._window.busy.stop("search")
        self._window.report(error)

    def end(self) -> None:
        """Back to the timeline, on the entry the reader shows."""
        w = self._window
        self.cancel()
        w.busy.stop("search")
        w.reader.highlight(())
        if not w.model.searching:
            return
        current = w.current_id()
        with w.entry_flow.holding_selection():
            w.model.show_listing()
            entry = w.reader.entry
            if entry is not None:
                w.model.load_through(entry.day)
        w.entry_flow.reselect(current, 0)
        w.update_pages()
