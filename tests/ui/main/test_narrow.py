"""Narrow windows: below 1100 px the sidebar folds away (View > Show Sidebar, F9, brings it
back and is remembered per width), the timeline keeps a readable width and the search box
is never narrower than the tag filter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QKeySequence

from tests.ui.conftest import add_entries, menu_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

READABLE = 240  # the least width, in pixels, at which a timeline card still reads well


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Any]:
    """apply_theme changes the whole application: put palette and font back afterwards."""
    from PySide6.QtGui import QFont, QPalette

    palette, font = QPalette(qapp.palette()), QFont(qapp.font())
    yield qapp
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("daybookEditorFont", None)


def sized(window: Any, qtbot: QtBot, width: int, height: int) -> Any:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.waitUntil(lambda: window.panes.sidebar.isVisibleTo(window) == (width >= 1100))
    return window


def sidebar_shown(window: Any) -> bool:
    return bool(window.panes.sidebar.isVisibleTo(window) and window.panes.splitter.sizes()[0] > 0)


def check_readable(window: Any) -> None:
    bar = window.panes.search_bar
    assert window.panes.list_stack.width() >= READABLE
    assert bar.field.width() >= bar.tag_box.width() > 0
    assert window.panes.right_stack.width() >= READABLE
    assert window.panes.splitter.width() <= window.width()  # nothing pushed out of the window


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (800, 600), (1099, 700)])
def test_a_narrow_window_folds_the_sidebar(
    width: int, height: int, journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    add_entries(journal, 12)
    window = sized(make_window(journal), qtbot, width, height)
    assert not sidebar_shown(window)
    assert not window.ui_actions.sidebar_action.isChecked()
    check_readable(window)


@pytest.mark.parametrize("width", [1024, 800])
def test_the_room_of_a_folded_sidebar_goes_to_the_entry(
    width: int, journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = sized(make_window(journal), qtbot, 1280, 800)
    window.panes.splitter.setSizes([260, 620, 400])  # a wide timeline in a wide window
    sized(window, qtbot, width, 700)
    least = window.panes.list_stack.minimumWidth()
    qtbot.waitUntil(
        lambda: (
            window.panes.list_stack.width() <= max(least, width * 0.45)
            and window.panes.right_stack.width() >= window.panes.list_stack.width()
            and sum(window.panes.splitter.sizes()) >= width - 20
        )
    )


@pytest.mark.parametrize(("width", "height"), [(1100, 700), (1280, 800), (1920, 1080)])
def test_a_wide_window_shows_it(
    width: int, height: int, journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    add_entries(journal, 12)
    window = sized(make_window(journal), qtbot, width, height)
    assert sidebar_shown(window) and window.ui_actions.sidebar_action.isChecked()
    check_readable(window)


def test_the_toggle_is_in_the_view_menu_with_its_own_key(
    journal: Journal, make_window: MakeWindow
) -> None:
    window = make_window(journal)
    view = menu_of(window, 2)
    assert window.ui_actions.sidebar_action in view.actions()
    assert window.ui_actions.sidebar_action.shortcut() == QKeySequence("F9")
    assert (
        window.ui_actions.sidebar_action.isCheckable()
        and window.ui_actions.sidebar_action.isEnabled()
    )


def test_the_toggle_shows_it_in_a_narrow_window_and_is_remembered(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    add_entries(journal, 3)
    # The editor is made just after the first paint and is wider at least than the reader:
    # made here at once in both windows, so "fits" is measured the same way in each (with
    # the editor made in one window only, a width in a 48 px band fits one and not the other).
    window = make_window(journal)
    window.panes.editor_slot.get()
    window = sized(window, qtbot, 900, 600)
    window.ui_actions.sidebar_action.trigger()
    qtbot.waitUntil(lambda: sidebar_shown(window) and window.panes.splitter.sizes()[0] >= 150)
    check_readable(window)
    width = window.width()  # grown to make room for it, still narrow
    assert width < 1100
    window.close()
    again = make_window(journal)  # the same settings file
    again.panes.editor_slot.get()
    again.resize(width, 600)  # (the test screen is smaller than that)
    qtbot.waitUntil(lambda: sidebar_shown(again) and again.ui_actions.sidebar_action.isChecked())


def test_hiding_it_in_a_wide_window_is_remembered_too(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = sized(make_window(journal), qtbot, 1300, 800)
    window.ui_actions.sidebar_action.trigger()
    assert not sidebar_shown(window)
    window.close()
    again = make_window(journal)
    again.resize(1300, 800)
    qtbot.waitUntil(lambda: again.width() == 1300)
    assert not sidebar_shown(again) and not again.ui_actions.sidebar_action.isChecked()


def test_narrowing_folds_and_widening_brings_it_back(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = sized(make_window(journal), qtbot, 1280, 800)
    before = window.panes.splitter.sizes()[0]
    sized(window, qtbot, 1000, 800)
    assert not sidebar_shown(window)
    sized(window, qtbot, 1280, 800)
    assert sidebar_shown(window) and window.panes.splitter.sizes()[0] >= min(before, 150)


def test_go_to_day_shows_the_calendar_of_a_folded_sidebar(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = sized(make_window(journal), qtbot, 900, 600)
    window.ui_actions.calendar_action.trigger()
    assert sidebar_shown(window) and window.ui_actions.sidebar_action.isChecked()
    qtbot.waitUntil(lambda: window.panes.calendar.hasFocus() or window.panes.calendar.isAncestorOf(
        window.focusWidget()))  # fmt: skip


def test_the_search_box_is_never_narrower_than_the_tag_filter(qtbot: QtBot) -> None:
    from journal.ui.timeline.search_bar import SearchBar

    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.set_tags(["a-very-long-tag-name-indeed", "ci"])
    bar.show()
    for width in (bar.minimumSizeHint().width(), 200, 320, 600):
        bar.resize(width, bar.sizeHint().height())
        qtbot.waitUntil(lambda: bar.width() >= width)  # noqa: B023 - waits right here
        assert bar.field.width() >= bar.tag_box.width()


def test_a_window_snapped_straight_to_800_is_not_held_wide(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, themed: Any
) -> None:
    """The app's own fonts make the three panes wider than 800 px together: the sidebar
    about to fold must not hold the window at that width (Qt clamps before it folds)."""
    from journal.settings import Settings
    from journal.ui.common.theme import apply_theme

    apply_theme(themed, Settings(font_size=12))
    window = sized(make_window(journal), qtbot, 1280, 800)
    assert sidebar_shown(window)
    sized(window, qtbot, 800, 600)
    assert not sidebar_shown(window)
    check_readable(window)
