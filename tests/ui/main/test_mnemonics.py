"""No Alt+letter does two things at once, no shortcut is given twice.

Walks each window and dialog in the states a user meets (the main window on the timeline
and on the Trash, every menu, the export, import, settings, insights and about dialogs, the
prompt), in English and in German, and fails on a mnemonic repeated among widgets shown
together, a mnemonic repeated inside one menu (or the menu bar), or a key sequence bound to
two actions or shortcuts.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabWidget,
    QWidget,
)

from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def shown_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic on widgets of `root` that are shown together."""
    found: list[tuple[str, str]] = []

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            found.append((letter, text))

    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.window() is not root:
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget.tabText(i))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text())
    return found


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(letter for letter, _ in found)
    return {k: [t for letter, t in found if letter == k] for k, n in counts.items() if n > 1}


def menu_clashes(root: QWidget) -> dict[str, dict[str, list[str]]]:
    out = {}
    for menu in root.findChildren(QMenu):
        found = [
            (letter, a.text())
            for a in menu.actions()
            if not a.isSeparator() and (letter := mnemonic(a.text()))
        ]
        if bad := clashes(found):
            out[menu.title()] = bad
    return out


def shortcut_clashes(root: QWidget) -> dict[str, list[str]]:
    bound: dict[str, list[str]] = {}
    for action in root.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                name = key.toString()
                if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
                    # only while its own widget has the focus: it cannot clash with the
                    # same key of another widget (each answer box's Insert Image…)
                    name += f" in {action.parent()!r}"
                bound.setdefault(name, []).append(action.text())
    for shortcut in root.findChildren(QShortcut):
        key = shortcut.key()
        if not key.isEmpty() and shortcut.isEnabled():
            bound.setdefault(key.toString(), []).append(f"shortcut:{shortcut.objectName()}")
    return {k: v for k, v in bound.items() if len(set(v)) != len(v) or len(v) > 1}


@pytest.fixture(autouse=True, params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> str:
    """Every check in English and in German (the translators are taken out after the test)."""
    from journal.ui.common import i18n

    i18n.install(qapp, request.param)
    return str(request.param)


def assert_clean(root: QWidget) -> None:
    assert clashes(shown_mnemonics(root)) == {}
    assert menu_clashes(root) == {}
    assert shortcut_clashes(root) == {}


def test_the_main_window_on_the_timeline_and_on_the_trash(
    journal: Journal, make_window: MakeWindow
) -> None:
    add_entries(journal, 5)
    window = make_window(journal)
    assert_clean(window)
    window.ui_actions.trash_action.trigger()
    assert_clean(window)


def test_the_export_dialog(journal: Journal, qtbot: QtBot) -> None:
    from journal.ui.dialogs.export_dialog import ExportDialog

    add_entries(journal, 3)
    dialog = ExportDialog(journal, debounce_ms=0)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview() is not None)
    assert_clean(dialog)
    dialog.set_format("html")
    assert_clean(dialog)


@pytest.mark.parametrize(
    "build",
    ["settings", "import", "about", "insights", "prompt"],
)
def test_the_other_dialogs(build: str, journal: Journal, qtbot: QtBot, paths: AppPaths) -> None:
    dialog: QWidget
    if build == "settings":
        from journal.settings import Settings
        from journal.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(None, Settings())
    elif build == "import":
        from journal.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(journal)
    elif build == "about":
        from journal.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(paths)
    elif build == "insights":
        from journal.services.insights import InsightsService
        from journal.settings import Settings
        from journal.ui.dialogs.insights import InsightsDialog

        add_entries(journal, 5)
        dialog = InsightsDialog(InsightsService(journal, Settings()))
    else:
        from journal.services.prompt import PromptService
        from journal.settings import Settings
        from journal.ui.prompt.prompt_window import PromptWindow, prompt_drafts

        dialog = PromptWindow(PromptService(journal, Settings()), prompt_drafts(paths))
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChildren(QTabWidget)
    for i in range(tabs[0].count() if tabs else 1):
        if tabs:
            tabs[0].setCurrentIndex(i)
        assert_clean(dialog)


def test_the_checker_finds_a_clash(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    row.addWidget(QPushButton("&Save", root))
    row.addWidget(QPushButton("Show &source", root))
    row.addWidget(QPushButton("Fish && &Chips", root))
    root.show()
    assert clashes(shown_mnemonics(root)) == {"s": ["&Save", "Show &source"]}
    one = QAction("&One", root)
    one.setShortcut(QKeySequence("Ctrl+K"))
    two = QAction("&Two", root)
    two.setShortcut(QKeySequence("Ctrl+K"))
    root.addActions([one, two])
    assert shortcut_clashes(root) == {"Ctrl+K": ["&One", "&Two"]}
