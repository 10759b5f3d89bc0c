"""The main window as a user meets it: empty state, reading, search, delete, Trash, calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QKeySequence

from journal.domain.entry import MARK_START
from journal.errors import StorageError
from journal.paths import AppPaths
from journal.ui.main.trash import TrashView
from tests.ui.conftest import add_entries


def shortcut(window: Any, key: QKeySequence.StandardKey) -> None:
    """Press the platform's key for a standard action (they differ between platforms)."""
    from PySide6.QtTest import QTest

    sequence = QKeySequence.keyBindings(key)[0]
    combo = sequence[0]  # type: ignore[index]  # QKeySequence.__getitem__ is missing from the stubs
    QTest.keyClick(window.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def test_empty_journal_invites_the_first_reflection(journal: Any, make_window: Any) -> None:
    window = make_window(journal)
    assert window.panes.right_stack.currentWidget() is window.panes.empty_state
    assert str(journal.paths.home) in window.panes.empty_state.where_label.text()
    assert window.panes.empty_state.start_button.isVisible()
    assert window.panes.list_empty.isVisible()
    window.panes.empty_state.start_button.click()
    assert window.is_editing()


def test_the_welcome_page_writes_the_home_folder_as_a_tilde(
    journal: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the journal is kept, as the user reads it: not /home/NAME/... in full."""
    from pathlib import Path

    window = make_window(journal)
    monkeypatch.setenv("HOME", str(journal.paths.home.parent))
    window.panes.empty_state.show_home(journal.paths.home)
    assert window.panes.empty_state.where_label.text().endswith(f"in ~/{journal.paths.home.name}")
    window.panes.empty_state.show_home(Path("/srv/journals/team"))
    assert window.panes.empty_state.where_label.text().endswith("in /srv/journals/team")
    window.panes.empty_state.show_home(Path("/srv/<b>journals</b>"))  # a folder's name as named
    assert window.panes.empty_state.where_label.textFormat() == Qt.TextFormat.PlainText
    assert window.panes.empty_state.where_label.text().endswith("in /srv/<b>journals</b>")


def test_an_empty_journal_keeps_the_calendar_its_size(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    """No tags and nothing on this day: the room they leave is not given to the calendar."""
    window = make_window(journal)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert not window.panes.sidebar.tags_list.isVisible()
    assert window.panes.calendar.height() < 2 * window.panes.calendar.sizeHint().height()


def test_title_names_a_folder_that_is_not_the_default(journal: Any, make_window: Any) -> None:
    window = make_window(journal)
    assert not journal.paths.is_default
    assert window.windowTitle() == f"Daybook — {journal.paths.home.name}"


def test_default_folder_title_is_just_daybook(
    journal: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AppPaths, "is_default", property(lambda _self: True))
    assert make_window(journal).windowTitle() == "Daybook"


def test_every_control_has_an_accessible_name(journal: Any, make_window: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    add_entries(journal, 3)
    window = make_window(journal)
    controls = [
        w
        for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
        for w in window.findChildren(kind)
        if w.isVisibleTo(window)
    ]
    nameless = [
        f"{type(w).__name__} {w.objectName()}"
        for w in controls
        if not w.accessibleName() and not w.objectName().startswith("qt_")
    ]
    assert nameless == []


def test_selecting_an_entry_shows_it_rendered(
    journal: Any, make_window: Any, opened_links: list[str]
) -> None:
    journal.add("Read [the docs](https://example.com/docs) and <script>x()</script>", title="Hi")
    window = make_window(journal)
    assert window.panes.right_stack.currentWidget() is window.panes.reader
    assert window.panes.reader.title_label.text() == "Hi"
    html = window.panes.reader.browser.toHtml()
    assert "https://example.com/docs" in html
    assert "<script" not in html.lower()
    window.panes.reader.browser.anchorClicked.emit(QUrl("https://example.com/docs"))
    window.panes.reader.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened_links == ["https://example.com/docs"]
    assert not window.panes.reader.browser.openLinks()


def test_search_as_you_type_highlights_and_clears(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 30)
    journal.add("The flaky test was a clock problem", title="Clock", day=dt.date(2026, 11, 21))
    window = make_window(journal)
    listing_rows = window.panes.model.rowCount()
    shortcut(window, QKeySequence.StandardKey.Find)
    assert window.panes.search_bar.field.hasFocus()
    with qtbot.waitSignal(window.searchFinished, timeout=5000) as done:
        qtbot.keyClicks(window.panes.search_bar.field, "clo")
        qtbot.keyClicks(window.panes.search_bar.field, "ck")
    assert done.args == [1]
    assert window.panes.model.searching
    entry_row = next(
        r for r in range(window.panes.model.rowCount()) if window.panes.model.entry_at(r)
    )
    assert MARK_START in window.panes.model.index(entry_row, 0).data(Qt.ItemDataRole.UserRole + 3)
    assert window.panes.search_bar.count_label.text() == "1 entry found"
    # Esc empties the search and brings the whole timeline back.
    qtbot.keyClick(window.panes.search_bar.field, Qt.Key.Key_Escape)
    assert not window.panes.model.searching
    assert window.panes.model.rowCount() == listing_rows
    assert window.panes.search_bar.text() == ""


def test_search_by_tag_filter(journal: Any, make_window: Any, qtbot: Any) -> None:
    add_entries(journal, 10)
    window = make_window(journal)
    with qtbot.waitSignal(window.searchFinished, timeout=5000) as done:
        window.panes.search_bar.set_tag("work")
    assert done.args == [5]
    assert all(
        "work" in window.panes.model.entry_at(r).tags
        for r in range(window.panes.model.rowCount())
        if window.panes.model.entry_at(r)
    )
    with qtbot.waitSignal(window.searchFinished, timeout=5000) as done:
        qtbot.keyClicks(window.panes.search_bar.field, "nothing-like-this")
    assert done.args == [0]
    assert (
        window.panes.list_empty.isVisible()
        and window.panes.list_empty.text() == "No entries match."
    )
    assert window.panes.search_bar.count_label.isHidden()  # one empty message, not two


def test_only_the_latest_search_is_shown(journal: Any, make_window: Any, qtbot: Any) -> None:
    add_entries(journal, 10)
    window = make_window(journal)
    window.run_search("caching", "")  # an older request ...
    with qtbot.waitSignal(window.searchFinished, timeout=5000) as done:
        window.panes.search_bar.field.setText("item")  # ... overtaken by this one
        window.panes.search_bar.flush()
    assert done.args == [10]
    window.wait_for_tasks()
    qtbot.wait(10)  # let any stale answer arrive; it must be ignored
    assert window.panes.search_bar.text() == "item"


def test_delete_undo_and_restore_from_trash(
    journal: Any, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(journal, 5)
    window = make_window(journal)
    window.panes.timeline.setFocus()
    first = window.panes.timeline.current_entry()
    with qtbot.waitSignal(window.entryDeleted):
        qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Delete)
    assert window.panes.model.row_of(first.id) < 0
    assert window.panes.timeline.current_entry() is not None  # the next one is selected
    assert "moved to the Trash" in window.statusBar().currentMessage()
    assert window.panes.undo_button.isVisible()
    with qtbot.waitSignal(window.entryRestored):
        shortcut(window, QKeySequence.StandardKey.Undo)
    assert window.panes.model.row_of(first.id) >= 0
    assert window.panes.timeline.current_entry().id == first.id

    # Delete again, restore from the Trash view.
    window.delete_entry(first)
    window.panes.trash_button.click()
    assert window.panes.list_stack.currentWidget() is window.panes.trash
    assert window.panes.trash.model.entry_count() == 1
    assert window.panes.reader.restore_button.isVisible()
    with qtbot.waitSignal(window.entryRestored):
        window.panes.trash.restore_button.click()
    assert window.panes.trash.model.entry_count() == 0
    assert journal.get(first.id).deleted is None


def test_delete_moves_every_selected_entry_and_one_undo_brings_them_back(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 6)
    window = make_window(journal)
    window.panes.timeline.setFocus()
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = window.panes.timeline.selected_entries()
    assert len(chosen) == 3
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Delete)
    assert all(window.panes.model.row_of(e.id) < 0 for e in chosen)
    assert window.panes.model.entry_count() == 3
    assert window.statusBar().currentMessage() == "3 entries moved to the Trash"
    assert window.panes.timeline.current_entry() is not None

    shortcut(window, QKeySequence.StandardKey.Undo)
    assert all(window.panes.model.row_of(e.id) >= 0 for e in chosen)
    assert window.statusBar().currentMessage() == "3 entries restored"
    assert not window.ui_actions.undo_action.isEnabled()
    assert [journal.get(e.id).deleted for e in chosen] == [None] * 3

    # Restored from the Trash one by one, an entry leaves its group's Undo.
    window.panes.timeline.select_row(1)
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    pair = window.panes.timeline.selected_entries()
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Delete)
    window.trash_controller.restore_entry(pair[0])
    window.trash_controller.undo_delete()
    assert journal.get(pair[1].id).deleted is None
    assert not window.trash_controller.can_undo()
    assert not window.ui_actions.undo_action.isEnabled()


def test_empty_trash_asks_first(
    journal: Any, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(journal, 3)
    window = make_window(journal)
    doomed = window.panes.timeline.current_entry()
    window.delete_entry(doomed)
    window.panes.trash_button.click()
    answers = [False]
    monkeypatch.setattr(TrashView, "confirm_empty", classmethod(lambda _c, _p: answers.pop()))
    window.panes.trash.empty_button.click()  # "Cancel"
    assert window.panes.trash.model.entry_count() == 1
    answers.append(True)
    with qtbot.waitSignal(window.trashEmptied, timeout=10000) as done:
        window.panes.trash.empty_button.click()
    assert done.args == [1]
    assert window.panes.trash.model.entry_count() == 0
    assert not window.ui_actions.undo_action.isEnabled()
    assert journal.store.get_many([doomed.id], include_deleted=True) == []


def test_storage_errors_go_to_the_error_dialog(
    journal: Any, make_window: Any, errors: list[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(journal, 2)
    window = make_window(journal)
    entry = window.panes.timeline.current_entry()

    def fail(_entry_id: int) -> None:
        raise StorageError("the journal is read-only", "check the folder's permissions")

    monkeypatch.setattr(journal, "delete", fail)
    window.delete_entry(entry)
    assert [str(e) for e in errors] == ["the journal is read-only; check the folder's permissions"]
    assert window.panes.model.row_of(entry.id) >= 0  # nothing changed


def test_calendar_marks_days_and_jumps_to_them(journal: Any, make_window: Any) -> None:
    add_entries(journal, 400, start=dt.date.today())
    window = make_window(journal, page_size=20)
    today = dt.date.today()
    counts = window.panes.calendar.counts()
    assert counts[today] == 1
    assert window.panes.calendar.has_entries(today - dt.timedelta(days=3))
    journal.delete(window.panes.timeline.current_entry().id)  # a day without entries
    window.panes.calendar.refresh()
    assert not window.panes.calendar.has_entries(today)

    target = today - dt.timedelta(days=300)  # far beyond the first page
    window.panes.calendar.dayChosen.emit(target)
    assert window.panes.timeline.current_entry().day == target
    assert window.panes.reader.entry.day == target


def test_geometry_and_splitter_are_remembered(
    journal: Any, make_window: Any, qsettings: Any, qtbot: Any
) -> None:
    window = make_window(journal)
    window.resize(760, 560)  # the offscreen screen is 800x600: stay inside it
    window.panes.splitter.setSizes([0, 300, 440])  # narrow: the sidebar is folded
    sizes, size = window.panes.splitter.sizes(), window.size()
    window.close()
    assert qsettings.value("window/splitter") is not None
    again = make_window(journal)
    assert again.size() == size
    # the folded sidebar's handle is hidden too: the entry pane gets its few pixels
    qtbot.waitUntil(lambda: again.panes.splitter.sizes()[:2] == sizes[:2])


def test_new_entry_for_another_day(
    journal: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.timeline.calendar import DayDialog

    window = make_window(journal)
    chosen = dt.date(2026, 1, 15)
    monkeypatch.setattr(DayDialog, "get_day", classmethod(lambda _c, _p, _j, _i: chosen))
    window.ui_actions.new_day_action.trigger()
    assert window.is_editing()
    assert window.panes.editor.day_edit.date().toPython() == chosen


def test_trash_view_loads_pages(journal: Any, make_window: Any, qtbot: Any) -> None:
    add_entries(journal, 3)
    window = make_window(journal)
    window.show()
    qtbot.waitExposed(window)
    assert window.panes.trash.model.fetch_count == 0  # the hidden Trash reads nothing at start
    window.panes.trash_button.click()
    assert window.panes.trash.model.fetch_count == 1
    assert window.panes.trash.hint.text() == "The Trash is empty."
    assert not window.panes.trash.empty_button.isEnabled()
    assert not window.panes.trash.model.canFetchMore(QModelIndex())


def test_settings_are_saved_and_applied(
    journal: Any, make_window: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QPalette

    from journal.settings import Settings
    from journal.ui.dialogs.settings_dialog import SettingsDialog

    palette, font = qapp.palette(), qapp.font()
    window = make_window(journal)
    chosen = Settings(theme="dark", font_size=13)
    monkeypatch.setattr(
        SettingsDialog,
        "get_settings",
        classmethod(lambda _c, _p, _s, _home=None, **_k: chosen),
    )
    try:
        window.ui_actions.settings_action.trigger()
        assert Settings.load(journal.paths.settings).theme == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 100
        assert qapp.font().pointSize() == 13
    finally:
        qapp.setPalette(palette)
        qapp.setFont(font)


def test_slow_work_shows_a_busy_bar_after_a_while(
    journal: Any, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    add_entries(journal, 3)
    window = make_window(journal)
    window.delete_entry(window.panes.timeline.current_entry())
    window.panes.trash_button.click()
    monkeypatch.setattr(TrashView, "confirm_empty", classmethod(lambda _c, _p: True))
    release = threading.Event()
    empty = journal.empty_trash

    def slow_empty() -> int:
        release.wait(10)
        return int(empty())

    monkeypatch.setattr(journal, "empty_trash", slow_empty)
    assert window.panes.busy.delay_ms == 1000  # quick work shows nothing
    window.panes.busy.delay_ms = 0  # ... and this test need not wait a second
    window.panes.trash.empty_button.click()
    qtbot.waitUntil(window.panes.busy.isVisible)
    assert window.panes.busy.label.text() == "Emptying the Trash…"
    with qtbot.waitSignal(window.trashEmptied, timeout=10000):
        release.set()
    assert not window.panes.busy.isVisible()


def test_actions_use_standard_keys_and_the_timeline_has_a_menu(
    journal: Any, make_window: Any
) -> None:
    window = make_window(journal)
    for action, key in (
        (window.ui_actions.new_action, QKeySequence.StandardKey.New),
        (window.ui_actions.find_action, QKeySequence.StandardKey.Find),
        (window.ui_actions.undo_action, QKeySequence.StandardKey.Undo),
    ):
        assert action.shortcuts() == QKeySequence.keyBindings(key)
    assert window.ui_actions.export_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    menu = [a for a in window.timeline_menu.actions() if not a.isSeparator()]
    share = window.ui_actions.share_action
    acts = window.ui_actions
    assert menu == [acts.edit_action, acts.export_selected_action, share, acts.delete_action]
    assert not acts.export_selected_action.isEnabled()  # nothing selected in an empty journal


def test_on_this_day_in_the_sidebar_jumps_to_its_day(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    today = dt.date.today()
    a_year_ago = today - dt.timedelta(days=365)
    if (a_year_ago.month, a_year_ago.day) != (today.month, today.day):  # around Feb 29
        pytest.skip("no same day a year ago today")
    journal.add("A year ago I learned to read flame graphs", day=a_year_ago)
    journal.add("Something from another day", day=a_year_ago + dt.timedelta(days=3))
    window = make_window(journal)
    window.resize(1280, 800)  # wide enough for the sidebar (it folds below 1100 px)
    memories = window.panes.sidebar.memory_list
    qtbot.waitUntil(memories.isVisible)
    assert memories.count() == 1
    assert "flame graphs" in memories.item(0).text()
    qtbot.mouseClick(
        memories.viewport(),
        Qt.MouseButton.LeftButton,
        pos=memories.visualItemRect(memories.item(0)).center(),
    )
    assert journal.get(window.current_id()).day == a_year_ago


def test_counts_are_said_in_words(journal: Any, make_window: Any) -> None:
    from journal.ui.common import wording

    assert [wording.entries(n) for n in (0, 1, 2048)] == ["no entries", "1 entry", "2,048 entries"]
    assert [wording.tags(n) for n in (0, 1, 3)] == ["no tags", "1 tag", "3 tags"]
    journal.add("one reflection #alone")
    window = make_window(journal)
    assert window.panes.sidebar.stats_label.text() == "1 entry · 1 tag"


def test_the_first_size_fits_the_screen(journal: Any, make_window: Any) -> None:
    window = make_window(journal)  # the offscreen screen is 800x800: 1280x800 would not fit
    free = window.screen().availableGeometry()
    least = window.minimumSizeHint()  # (wider with the larger fonts earlier tests may leave)
    assert window.width() <= max(free.width(), least.width())
    assert window.height() <= max(free.height(), least.height())
    assert free.contains(window.frameGeometry().topLeft())
    if least.width() < free.width() - 10 and least.height() < free.height() - 40:
        assert free.contains(window.frameGeometry())


def test_a_partial_word_finds_while_typing_and_the_entry_shows_it_marked(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 12)
    journal.add(
        "We deployed the canary; deployment notes follow", title="Canary", day=dt.date(2026, 11, 20)
    )
    window = make_window(journal)
    shortcut(window, QKeySequence.StandardKey.Find)
    with qtbot.waitSignal(window.searchFinished, timeout=5000) as done:
        qtbot.keyClicks(window.panes.search_bar.field, "depl")
    assert done.args == [1], "the last word typed is a prefix"
    assert window.panes.search_bar.count_label.text() == "1 entry found"
    qtbot.keyClick(window.panes.search_bar.field, Qt.Key.Key_Return)  # into the results
    assert window.panes.timeline.hasFocus()
    qtbot.waitUntil(
        lambda: (
            window.panes.reader.entry is not None and window.panes.reader.entry.title == "Canary"
        )
    )
    assert [m.lower() for m in window.panes.reader.highlighted()] == ["deployed", "deployment"]
    # A whole word (a space typed after it) no longer matches what only starts with it.
    with qtbot.waitSignal(window.searchFinished, timeout=5000) as done:
        window.panes.search_bar.field.setText("depl ")
    assert done.args == [0]
    assert (
        window.panes.list_empty.text() == "No entries match."
        and window.panes.search_bar.count_label.isHidden()
    )


def test_esc_in_the_results_list_goes_back_to_the_timeline(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 12)
    journal.add("A note about the canary", title="Canary", day=dt.date(2026, 11, 20))
    window = make_window(journal)
    listing_rows = window.panes.model.rowCount()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        qtbot.keyClicks(window.panes.search_bar.field, "canary")
    qtbot.keyClick(window.panes.search_bar.field, Qt.Key.Key_Down)
    assert window.panes.timeline.hasFocus() and window.panes.model.searching
    qtbot.waitUntil(lambda: window.panes.reader.entry is not None)
    assert window.panes.reader.highlighted()
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Escape)
    assert not window.panes.model.searching and window.panes.model.rowCount() == listing_rows
    assert window.panes.search_bar.text() == "" and window.panes.timeline.hasFocus()
    assert window.panes.reader.entry is not None and window.panes.reader.entry.title == "Canary"
    assert window.panes.reader.highlighted() == []  # the marks go with the search
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Escape)  # nothing to leave: nothing happens
    assert window.panes.model.rowCount() == listing_rows


def test_the_tag_list_shows_each_tags_count(journal: Any, make_window: Any) -> None:
    from journal.ui.main.panes import COUNT_ROLE, TagCountDelegate

    journal.add("one #ci")
    journal.add("two #ci #docs")
    window = make_window(journal)
    tags = window.panes.sidebar.tags_list
    rows = {tags.item(i).text(): tags.item(i).data(COUNT_ROLE) for i in range(tags.count())}
    assert rows == {"#ci": 2, "#docs": 1}
    assert isinstance(tags.itemDelegate(), TagCountDelegate)
    journal.add("three #docs")  # the counts follow the journal
    rows = {tags.item(i).text(): tags.item(i).data(COUNT_ROLE) for i in range(tags.count())}
    assert rows == {"#ci": 2, "#docs": 2}
