"""Help > Keyboard Shortcuts and Help > Search Syntax are made from what the app really has."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QKeySequence

from journal.domain.query import SYNTAX
from journal.ui.dialogs.help_dialog import HelpDialog, shortcut_rows

if TYPE_CHECKING:
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow


def test_every_shortcut_of_the_window_is_listed(journal: Journal, make_window: MakeWindow) -> None:
    window = make_window(journal)
    actions = window.ui_actions.all_actions()
    rows = dict((name, keys) for keys, name in shortcut_rows(actions))
    for action in actions:
        if action.shortcuts():
            key = action.shortcuts()[0]
            name = action.text().replace("&", "").rstrip("…")
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in rows[name]
    assert "Find" in rows and "Keyboard Shortcuts" in rows


@pytest.mark.parametrize(("trigger", "page"), [("shortcuts", 0), ("search_help", 1)])
def test_the_help_menu_opens_the_right_page(
    journal: Journal,
    make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
    trigger: str,
    page: int,
) -> None:
    shown: list[HelpDialog] = []
    monkeypatch.setattr(
        HelpDialog,
        "show_help",
        classmethod(lambda cls, parent, actions, p: shown.append(cls(actions, p, parent))),
    )
    window = make_window(journal)
    getattr(window.ui_actions, f"{trigger}_action").trigger()
    [dialog] = shown
    assert dialog.tabs.currentIndex() == page
    text = dialog.search_view.toPlainText()
    assert all(example.split()[0] in text for example, _ in SYNTAX)
    assert "Ctrl+F" in text or "Find" in dialog.keys_view.toPlainText()
    dialog.close()
