"""Background work in the main window stops when it is no longer wanted, and never holds
the window: a newer search or Esc stops the running search, Quit stops what it can and
abandons the rest after saving what is typed.

The slow work is made slow on purpose: a read that counts to hundreds of millions (tens of
seconds unless stopped), or a task waiting for the test to release it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from journal import cancel
from journal.domain.filters import EntryFilter
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

LONG_READ = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000000) "
    "SELECT count(*) FROM n"
)


class SlowSearches:
    """Wraps `journal.search`: a search for "slow" first runs LONG_READ, and what became of
    each such search is recorded ("finished", or the exception that ended it)."""

    def __init__(self, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.outcomes: list[object] = []
        original = journal.search

        def search(text: str, *args: Any, **kwargs: Any) -> Any:
            if text.rstrip("*") == "slow":  # "slow*" as typed
                self.started.set()
                try:
                    journal.store._query(LONG_READ, ())
                except BaseException as exc:
                    self.outcomes.append(exc)
                    raise
                self.outcomes.append("finished")
            return original(text, *args, **kwargs)

        monkeypatch.setattr(journal, "search", search)


@pytest.fixture
def slow(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> SlowSearches:
    return SlowSearches(journal, monkeypatch)


def test_a_newer_search_stops_the_running_one(
    journal: Journal,
    make_window: MakeWindow,
    qtbot: QtBot,
    slow: SlowSearches,
    errors: list[BaseException],
) -> None:
    add_entries(journal, 10)
    window = make_window(journal)
    window.run_search("slow", "")
    qtbot.waitUntil(slow.started.is_set)
    assert window.panes.busy.is_busy()
    with qtbot.waitSignal(window.searchFinished, timeout=10_000) as done:
        window.panes.search_bar.field.setText("item")
        window.panes.search_bar.flush()
    assert done.args == [10]
    # The older search was stopped inside SQLite, not left to run for tens of seconds.
    qtbot.waitUntil(lambda: bool(slow.outcomes), timeout=10_000)
    assert isinstance(slow.outcomes[0], cancel.Cancelled)
    assert not window.panes.busy.is_busy()
    assert window.panes.model.searching and window.panes.search_bar.text() == "item"
    assert errors == []  # a stopped search is not an error


def test_esc_stops_the_running_search(
    journal: Journal,
    make_window: MakeWindow,
    qtbot: QtBot,
    slow: SlowSearches,
    errors: list[BaseException],
) -> None:
    add_entries(journal, 10)
    window = make_window(journal)
    rows = window.panes.model.rowCount()
    window.panes.search_bar.focus()
    qtbot.keyClicks(window.panes.search_bar.field, "slow")
    window.panes.search_bar.flush()
    qtbot.waitUntil(slow.started.is_set)
    qtbot.keyClick(window.panes.search_bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(slow.outcomes), timeout=10_000)
    assert isinstance(slow.outcomes[0], cancel.Cancelled)
    assert not window.panes.busy.is_busy()
    assert not window.panes.model.searching and window.panes.model.rowCount() == rows
    assert errors == []


def test_many_searches_typed_quickly_leave_one_running(
    journal: Journal,
    make_window: MakeWindow,
    qtbot: QtBot,
    slow: SlowSearches,
    errors: list[BaseException],
) -> None:
    add_entries(journal, 10)
    window = make_window(journal)
    for _ in range(5):
        slow.started.clear()
        window.run_search("slow", "")
        qtbot.waitUntil(slow.started.is_set)
    with qtbot.waitSignal(window.searchFinished, timeout=10_000) as done:
        window.panes.search_bar.field.setText("caching")
        window.panes.search_bar.flush()
    assert done.args == [10]
    qtbot.waitUntil(lambda: len(slow.outcomes) == 5, timeout=20_000)
    assert all(isinstance(o, cancel.Cancelled) for o in slow.outcomes)
    assert errors == []


def test_quit_during_slow_work_saves_what_is_typed_and_does_not_wait(
    journal: Journal,
    make_window: MakeWindow,
    qtbot: QtBot,
    qapp: QApplication,
    slow: SlowSearches,
    errors: list[BaseException],
) -> None:
    add_entries(journal, 3)
    window = make_window(journal)
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(True)  # no tray: closing the window quits the app
    release, ended = threading.Event(), threading.Event()
    results: list[object] = []

    def stubborn() -> None:
        """Work that cannot be stopped (a file being written, a long computation)."""
        release.wait(120)
        ended.set()

    try:
        window.new_entry()
        qtbot.keyClicks(window.panes.editor.body_edit, "typed just before quitting")
        window.run_task(stubborn, results.append, results.append)
        window.run_search("slow", "")
        qtbot.waitUntil(slow.started.is_set)

        window.ui_actions.quit_action.trigger()

        # The window closed while the stubborn task still runs: it was abandoned, not
        # waited for; the search was stopped; what was typed was saved first.
        assert not window.isVisible()
        assert not ended.is_set()
        qtbot.waitUntil(lambda: bool(slow.outcomes), timeout=10_000)
        assert isinstance(slow.outcomes[0], cancel.Cancelled)
        _query, hits = journal.search("typed", EntryFilter())
        assert [h.entry.body for h in hits] == ["typed just before quitting"]
        assert errors == []
    finally:
        release.set()
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        window.pool.waitForDone()


def test_closing_to_the_tray_does_not_stop_the_search(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, qapp: QApplication, slow: SlowSearches
) -> None:
    """With a tray, closing the window only hides it: its work goes on."""
    add_entries(journal, 3)
    window = make_window(journal)
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    try:
        window.run_search("slow", "")
        qtbot.waitUntil(slow.started.is_set)
        window.close()
        qtbot.wait(50)
        assert slow.outcomes == []
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        window.wait_for_tasks()
        qtbot.waitUntil(lambda: bool(slow.outcomes), timeout=10_000)
    assert isinstance(slow.outcomes[0], cancel.Cancelled)
