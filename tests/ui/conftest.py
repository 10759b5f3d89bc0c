"""Fixtures for the desktop UI: a main window on a temporary journal, errors collected."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication, QMenu
    from pytestqt.qtbot import QtBot

    from journal.domain.entry import EntrySummary
    from journal.services.journal import Journal
    from journal.ui.editor.editor import EntryEditor
    from journal.ui.main.main_window import MainWindow

    # The make_window fixture: make_window(journal, page_size=200) -> a shown main window.
    MakeWindow = Callable[..., MainWindow]

pytest.importorskip("PySide6.QtWidgets")


@pytest.fixture(autouse=True, scope="session")
def english_desktop() -> Iterator[None]:
    """The tests' desktop speaks US English, whatever the machine's locale (often "C" in CI,
    maybe German on a developer's machine): the app's "System" language and the dates and
    numbers the UI formats with QLocale's default (journal.ui.common.i18n)."""
    from PySide6.QtCore import QLocale

    from journal.ui.common import i18n

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "system_locale", lambda: QLocale("en_US"))
        QLocale.setDefault(QLocale("en_US"))
        yield


@pytest.fixture(autouse=True)
def no_translator_left(qapp: QApplication) -> Iterator[None]:
    """Each test starts in English: translators a test's app installed are taken out."""
    yield
    from PySide6.QtCore import QLocale

    from journal.ui.common import i18n

    i18n.remove(qapp)
    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors the window would have shown in the error dialog (no modal dialog in tests)."""
    from journal.ui.common.errors import ErrorDialog

    shown: list[BaseException] = []
    monkeypatch.setattr(ErrorDialog, "show_error", classmethod(lambda _c, _p, e: shown.append(e)))
    return shown


@pytest.fixture
def opened_links(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs handed to the system browser (nothing is really opened)."""
    from PySide6.QtGui import QDesktopServices

    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()))
    return urls


@pytest.fixture
def qsettings(tmp_path: Path) -> Any:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def add_entries(journal: Journal, count: int, start: dt.date = dt.date(2026, 11, 20)) -> None:
    """`count` entries, one a day going back from `start`, in one transaction."""
    from journal.domain.entry import NewEntry

    new = []
    for i in range(count):
        day = start - dt.timedelta(days=i)
        created = dt.datetime.combine(day, dt.time(17, 30)).astimezone()
        new.append(
            NewEntry(
                day=day,
                title=f"Entry {i}",
                body=f"Worked on item {i}. Learned about caching and queues.",
                tags=("work",) if i % 2 else ("learning",),
                private=i % 5 == 0,
                created=created,
            )
        )
    journal.store.add_many(new)


@pytest.fixture
def make_window(
    qtbot: QtBot, qapp: QApplication, qsettings: Any, errors: list[BaseException]
) -> Iterator[MakeWindow]:
    """Build main windows the way the app does (editor, wiring); closed at the end."""
    from journal.app import build_window
    from journal.settings import Settings

    windows: list[MainWindow] = []

    def make(journal: Journal, page_size: int = 200) -> MainWindow:
        window = build_window(qapp, journal, Settings(), qsettings, page_size=page_size)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)
        qtbot.waitUntil(lambda: qapp.activeWindow() is window)  # focus and shortcuts work
        qtbot.waitUntil(window.counts_shown)  # read in the background at first
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.wait_for_tasks()


@pytest.fixture
def make_desk_live(qapp: QApplication, make_window: MakeWindow, qsettings: Any) -> Iterator[Any]:
    """Build a main window with its reminder desk (no tray), as the app wires them."""
    from journal.app import build_reminders
    from journal.settings import Settings

    desks: list[Any] = []

    def make(journal: Journal) -> Any:
        window = make_window(journal)
        desk = build_reminders(qapp, window, journal, Settings(), qsettings, tray=False)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.dispose()
        desk.deleteLater()
    qapp.setQuitOnLastWindowClosed(True)


def current_entry(window: MainWindow) -> EntrySummary:
    """The entry selected in the window's timeline; fails the test when there is none."""
    entry = window.panes.timeline.current_entry()
    assert entry is not None, "no entry is selected"
    return entry


def editor_of(window: MainWindow) -> EntryEditor:
    """The window's editor, which the app builds as an EntryEditor."""
    from journal.ui.editor.editor import EntryEditor

    assert isinstance(window.panes.editor, EntryEditor)
    return window.panes.editor


def menu_of(window: MainWindow, index: int) -> QMenu:
    """The menu bar's menu at `index` (0: File)."""
    from PySide6.QtWidgets import QMenu

    menu = window.menuBar().actions()[index].menu()
    assert isinstance(menu, QMenu)
    return menu
