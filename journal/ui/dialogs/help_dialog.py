"""Help > Keyboard Shortcuts and Help > Search Syntax: tables made from the live actions and
the query language's own table, so they cannot go stale."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.domain.query import SYNTAX

if TYPE_CHECKING:
    from collections.abc import Sequence

# Keys that belong to a widget rather than to a menu action.
_OTHER_KEYS = (
    ("Esc", "Leave the search; in the editor, save and close it"),
    ("Ctrl+Enter", "Save and close the editor"),
    ("Ctrl+S", "Save the entry being edited (it is also saved as you type)"),
)


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in menu order, then the rest."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        # The first binding, and other chords; not the dedicated "Find" or "Undo" keys.
        keys = [k for n, k in enumerate(keys) if k and (n == 0 or "+" in k)]
        if keys:
            name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((" or ".join(dict.fromkeys(keys)), name.rstrip("…")))
    return rows + list(_OTHER_KEYS)


def _table(header: tuple[str, str], rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td><b><code>{html.escape(a)}</code></b></td><td>{html.escape(b)}</td></tr>"
        for a, b in rows
    )
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
    head = f"<tr>{head}</tr>"
    return f"<table cellpadding='6' cellspacing='0'>{head}{cells}</table>"


class HelpDialog(QDialog):
    """Two tabs: the keyboard shortcuts and the search syntax."""

    def __init__(
        self, actions: Sequence[QAction], page: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Daybook Help"))
        self.resize(560, 480)
        self.tabs = QTabWidget(self)
        self.keys_view = QTextBrowser(self)
        self.keys_view.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.keys_view.setHtml(
            _table((self.tr("Keys"), self.tr("What they do")), shortcut_rows(actions))
        )
        self.search_view = QTextBrowser(self)
        self.search_view.setAccessibleName(self.tr("Search syntax"))
        intro = html.escape(
            self.tr("Type in the search box (Ctrl+F). Every term must match; mix them freely.")
        )
        self.search_view.setHtml(
            f"<p>{intro}</p>" + _table((self.tr("Type"), self.tr("To find")), SYNTAX)
        )
        self.tabs.addTab(self.keys_view, self.tr("&Keyboard Shortcuts"))
        self.tabs.addTab(self.search_view, self.tr("&Search Syntax"))
        self.tabs.setCurrentIndex(1 if page == "search" else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    @classmethod
    def show_help(cls, parent: QWidget, actions: Sequence[QAction], page: str) -> None:
        """Show the help at `page` ("keys" or "search"); tests replace this classmethod."""
        cls(actions, page, parent).exec()
