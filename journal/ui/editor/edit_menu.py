"""The Markdown text widget's context menu: the standard one, led by spelling suggestions
and "Add to Dictionary" when the word under the pointer is misspelled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QTextCursor

from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu, QPlainTextEdit

    from journal.ui.editor.highlighter import MarkdownHighlighter


def spelling_menu(edit: QPlainTextEdit, highlighter: MarkdownHighlighter, pos: QPoint) -> QMenu:
    """`edit`'s standard menu, led by spelling suggestions and "Add to Dictionary" when the
    word under `pos` (viewport coordinates) is misspelled."""
    menu = edit.createStandardContextMenu(pos)
    cursor = edit.cursorForPosition(pos)
    found = misspelled_at(
        edit, highlighter, cursor.block().text(), cursor.positionInBlock(), cursor
    )
    service = highlighter.speller
    if found is None or service is None or service.checker is None:
        return menu
    start, end, word = found
    block_start = cursor.block().position()
    first = menu.actions()[0] if menu.actions() else None
    leading: list[QAction] = []
    suggestions = service.checker.suggest(word)
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(
            lambda _on=False, s=suggestion: _replace(
                edit, block_start + start, block_start + end, s
            )
        )
        leading.append(action)
    if not suggestions:
        none = QAction(tr("No suggestions"), menu)
        none.setEnabled(False)
        leading.append(none)
    add = QAction(tr("Add “{0}” to Dictionary").format(word), menu)
    add.setObjectName("addToDictionary")
    add.triggered.connect(lambda _on=False: _add_word(edit, highlighter, word))
    leading.append(add)
    separator = QAction(menu)
    separator.setSeparator(True)
    leading.append(separator)
    menu.insertActions(first, leading) if first is not None else menu.addActions(leading)
    return menu


def misspelled_at(
    edit: QPlainTextEdit,
    highlighter: MarkdownHighlighter,
    text: str,
    position: int,
    cursor: QTextCursor | None = None,
) -> tuple[int, int, str] | None:
    """The misspelled word around UTF-16 `position` of a line of `edit`: (start, end) in
    UTF-16 units of the line, and the word; None when the word there is fine (or no word)."""
    service = highlighter.speller
    if service is None or service.checker is None:
        return None
    block = cursor.block() if cursor is not None else edit.textCursor().block()
    roles = highlighter.roles()
    number = block.blockNumber()
    role = roles[number] if 0 <= number < len(roles) else 0
    units = [0]
    for char in text:
        units.append(units[-1] + (2 if ord(char) > 0xFFFF else 1))
    for start, end, word in highlighter.misspelled_spans(text, role, check=True):
        if units[start] <= position <= units[end]:
            return units[start], units[end], word
    return None


def _replace(edit: QPlainTextEdit, start: int, end: int, text: str) -> None:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)  # one undo step


def _add_word(edit: QPlainTextEdit, highlighter: MarkdownHighlighter, word: str) -> None:
    service = highlighter.speller
    problem = service.add_word(word) if service is not None else ""
    if problem:
        from PySide6.QtWidgets import QMessageBox

        from journal.ui.common.errors import message_box

        icon = QMessageBox.Icon.Warning
        message_box(edit, icon, tr("Spelling"), problem).open()
