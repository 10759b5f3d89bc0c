"""The main window's controllers work from what they are given (panes, journal, task runner),
with no main window anywhere: built on a plain widget, they answer through their signals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow, QWidget

from journal.errors import StorageError
from journal.services.drafts import DraftStore
from journal.ui.common.changes import ChangeSignal
from journal.ui.common.worker import TaskSet
from journal.ui.editor.editor import EntryEditor
from journal.ui.main.window_panes import Panes, build_controllers, build_panes
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journal.services.journal import Journal
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.main.search_controller import SearchController
    from journal.ui.main.trash import TrashController


@dataclass
class Rig:
    """The panes on a plain widget with the controllers, and no main window."""

    host: QWidget
    panes: Panes
    changes: ChangeSignal
    entries: EntryController
    search: SearchController
    trash: TrashController
    heard: dict[str, list[Any]]


@pytest.fixture
def rig(journal: Journal, qtbot: Any) -> Iterator[Rig]:
    """The panes on a plain widget, the three controllers, and every signal they emit."""
    host = QWidget()
    qtbot.addWidget(host)
    panes = build_panes(
        host, journal, lambda: EntryEditor(journal, DraftStore(journal.paths.drafts)), page_size=50
    )
    tasks = TaskSet(host, QThreadPool.globalInstance())
    changes = ChangeSignal(journal, host)
    built = build_controllers(journal, panes, changes, tasks)
    entries, search, trash = built.entries, built.search, built.trash
    heard: dict[str, list[Any]] = {}
    for name, signal in (
        ("pages", entries.pagesChanged), ("focus", entries.timelineFocusRequested),
        ("found", search.finished), ("search_failed", search.failed),
        ("deleted", trash.deleted), ("restored", trash.restored), ("emptied", trash.emptied),
        ("failed", trash.failed), ("message", trash.statusMessage),
        ("undo", trash.undoAvailable), ("shown", trash.shown),
    ):  # fmt: skip
        signal.connect(lambda *args, name=name: heard.setdefault(name, []).append(args))
    changes.changed.connect(entries.journal_changed)
    changes.changed.connect(search.journal_changed)
    panes.trash_button.toggled.connect(trash.show_trash)
    panes.timeline.selectionModel().currentChanged.connect(entries.current_changed)
    panes.model.show_listing()
    panes.timeline.select_row(0)
    yield Rig(host, panes, changes, entries, search, trash, heard)
    tasks.cancel_all()
    changes.stop()


def listed(rig: Rig) -> None:
    """Read the listing (entries added straight to the store are not announced)."""
    rig.panes.model.show_listing()
    rig.panes.timeline.select_row(0)


def test_the_panes_are_built_on_any_widget_and_nothing_is_set_on_it(
    journal: Journal, qtbot: Any
) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    before = set(vars(host))
    panes = build_panes(
        host, journal, lambda: EntryEditor(journal, DraftStore(journal.paths.drafts))
    )
    assert set(vars(host)) == before
    assert host.centralWidget() is None  # the window lays them out, not the builder
    assert panes.calendar is panes.sidebar.calendar
    assert panes.trash_button is panes.sidebar.trash_button
    assert panes.right_stack.indexOf(panes.editor) >= 0
    with pytest.raises(AttributeError):
        panes.reader = panes.reader  # type: ignore[misc]  # frozen: built once


def test_delete_and_undo_through_the_trash_controller_alone(journal: Journal, rig: Rig) -> None:
    add_entries(journal, 3)
    listed(rig)
    model, timeline = rig.panes.model, rig.panes.timeline
    assert model.entry_count() == 3
    timeline.select_row(0)
    shown = timeline.current_entry()
    assert shown is not None  # the list holds a summary; the reader the whole entry
    assert rig.panes.reader.entry is not None and rig.panes.reader.entry.id == shown.id

    rig.trash.delete_current()
    assert [args[0].id for args in rig.heard["deleted"]] == [shown.id]
    assert rig.heard["undo"] == [(True,)] and rig.trash.can_undo()
    assert rig.heard["message"][-1] == (f"“{shown.display_title}” moved to the Trash", 10000)
    assert model.row_of(shown.id) < 0  # the change signal reached the listing
    assert rig.panes.reader.entry is not None and rig.panes.reader.entry.id != shown.id

    rig.trash.undo_delete()
    assert [args[0].id for args in rig.heard["restored"]] == [shown.id]
    assert rig.heard["undo"][-1] == (False,) and not rig.trash.can_undo()
    assert model.row_of(shown.id) >= 0
    assert rig.panes.reader.entry is not None and rig.panes.reader.entry.id == shown.id


def test_a_failed_delete_is_handed_back_as_a_signal(
    journal: Journal, rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(journal, 2)
    listed(rig)
    rig.panes.timeline.select_row(0)

    def refuse(_entry_id: int) -> Any:
        raise StorageError("the disk is full", "free some space")

    monkeypatch.setattr(journal, "delete", refuse)
    rig.trash.delete_current()
    assert [type(args[0]) for args in rig.heard["failed"]] == [StorageError]
    assert "deleted" not in rig.heard and "undo" not in rig.heard
    assert not rig.trash.can_undo()


def test_showing_the_trash_is_said_by_signal(journal: Journal, rig: Rig) -> None:
    add_entries(journal, 2)
    listed(rig)
    rig.panes.trash_button.setChecked(True)
    assert rig.heard["shown"] == [(True,)]
    assert rig.panes.list_stack.currentWidget() is rig.panes.trash
    rig.panes.trash_button.setChecked(False)
    assert rig.heard["shown"] == [(True,), (False,)]
    assert rig.panes.list_stack.currentIndex() == 0


def test_a_search_answers_through_its_signal(journal: Journal, rig: Rig, qtbot: Any) -> None:
    add_entries(journal, 4)
    listed(rig)
    rig.panes.search_bar.field.setText("caching")  # (its request is not wired here)
    with qtbot.waitSignal(rig.search.finished, timeout=10000) as found:
        rig.search.run("caching", "")
    assert found.args == [4]
    assert rig.panes.model.searching and rig.panes.model.entry_count() == 4
    rig.search.end()
    assert not rig.panes.model.searching


def test_closing_the_editor_asks_for_the_timeline(journal: Journal, rig: Rig) -> None:
    add_entries(journal, 1)
    listed(rig)
    rig.panes.timeline.select_row(0)
    entry = rig.panes.timeline.current_entry()
    assert entry is not None
    rig.entries.edit_entry(entry)
    assert rig.entries.is_editing()
    rig.entries.close_editor()
    assert not rig.entries.is_editing()
    assert rig.heard["focus"] == [()]
    assert rig.panes.right_stack.currentWidget() is rig.panes.reader
