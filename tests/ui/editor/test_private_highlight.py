"""The editor tints private blocks: exactly the lines `journal.domain.blocks` reads as private,
after any edit, in light and dark, with the fence lines marked apart from the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument

from journal.domain.blocks import read
from journal.ui.common.theme import contrast, make_palette
from journal.ui.editor.editor import MarkdownEdit
from journal.ui.editor.highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

LINES = [
    "```private",
    "```",
    "~~~ private",
    "~~~",
    "````",
    "```python",
    "> ```private",
    "> ```",
    "- ```private",
    "  ```",
    "    ```private",
    "text",
    "> quoted",
    "- item **bold**",
    "# heading #tag",
    "",
]


def _looks(doc: QTextDocument, hl: MarkdownHighlighter) -> list[str | None]:
    """For each non-empty line, which look its first character has: private, fence, other."""
    private = hl.formats["private"].background().color()
    fence = hl.formats["private_fence"].background().color()
    out: list[str | None] = []
    block = doc.firstBlock()
    while block.isValid():
        look: str | None = None
        if block.text():
            first = [r for r in block.layout().formats() if r.start == 0]
            colour = first[0].format.background().color() if first else None
            look = "fence" if colour == fence else "private" if colour == private else "other"
        out.append(look)
        block = block.next()
    return out


def _expected(text: str) -> list[str | None]:
    reading = read(text)
    inside = {n for b in reading.private for n in range(b.start, b.end)}
    return [
        None if not line else "private" if n in inside else "other"
        for n, line in enumerate(reading.lines)
    ]


def _private_lines(looks: list[str | None]) -> list[str | None]:
    return [None if x is None else "private" if x in ("private", "fence") else x for x in looks]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12), st.data())
def test_the_tint_follows_the_one_reading_of_private_blocks_after_any_edit(
    qapp: QApplication, lines: list[str], data: st.DataObject
) -> None:
    edit = MarkdownEdit()  # a bare QTextDocument has no layout to highlight
    doc, hl = edit.document(), edit.highlighter
    text = "\n".join(lines)
    edit.setPlainText(text)
    assert _private_lines(_looks(doc, hl)) == _expected(text)
    # An edit anywhere (a line typed in, a line removed) re-tints every line it changes.
    n = data.draw(st.integers(0, len(lines)))
    new = data.draw(st.sampled_from(LINES))
    cursor = QTextCursor(doc.findBlockByNumber(min(n, doc.blockCount() - 1)))
    if n < doc.blockCount():
        cursor.insertText(new + "\n")
        edited = [*lines[:n], new, *lines[n:]]
    else:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("\n" + new)
        edited = [*lines, new]
    assert _private_lines(_looks(doc, hl)) == _expected("\n".join(edited))
    gone = data.draw(st.integers(0, len(edited) - 1))
    block = doc.findBlockByNumber(gone)
    cursor = QTextCursor(doc)
    if gone < len(edited) - 1:  # the line and the newline after it
        cursor.setPosition(block.position())
        cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)
    else:  # the last line and the newline before it
        cursor.setPosition(block.position() - 1)
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    rest = [*edited[:gone], *edited[gone + 1 :]]
    assert _private_lines(_looks(doc, hl)) == _expected("\n".join(rest))


def test_fence_lines_are_marked_apart_from_the_private_text(qtbot: QtBot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.setPalette(make_palette(dark=True))
    doc, hl = edit.document(), edit.highlighter
    edit.setPlainText("before\n```private\nsecret **plan**\n```\nafter\n```python\ncode\n```")
    assert _looks(doc, hl) == ["other", "fence", "private", "fence", "other"] + ["other"] * 3
    # The bold span inside the block keeps the private tint (no hole in the background).
    block = doc.findBlockByNumber(2)
    backgrounds = {r.format.background().color().name() for r in block.layout().formats()}
    assert backgrounds == {hl.formats["private"].background().color().name()}


def test_the_tint_is_visible_and_the_text_readable_in_light_and_dark(qapp: QApplication) -> None:
    for dark in (False, True):
        palette = make_palette(dark)
        hl = MarkdownHighlighter(QTextDocument(), palette)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        tint = hl.formats["private"].background().color()
        fence = hl.formats["private_fence"]
        assert contrast(tint, base) > 1.08, dark  # a tint one can see
        assert contrast(fence.background().color(), base) > contrast(tint, base)
        assert contrast(text, tint) >= 7.0, dark  # the text on it stays easy to read
        assert contrast(fence.foreground().color(), fence.background().color()) >= 4.5, dark


def test_the_editor_and_the_prompt_wrap_private_blocks(qtbot: QtBot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(300, 200)
    edit.show()
    edit.setPlainText("```private\n" + "a long private line " * 30 + "\n```")
    assert edit.horizontalScrollBar().maximum() == 0
    assert edit.document().findBlockByNumber(1).layout().lineCount() > 1


def test_private_lines_are_tinted_across_the_whole_width(qtbot: QtBot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.setPalette(make_palette(dark=True))
    edit.resize(400, 300)
    edit.show()
    edit.setPlainText("before\n```private\n" + "wrapped private words " * 8 + "\n```\nafter")
    image = edit.viewport().grab().toImage()
    hl = edit.highlighter
    expected = [None, "private_fence", "private", "private_fence", None]
    base = edit.palette().color(QPalette.ColorRole.Base).name()
    for number, look in enumerate(expected):
        block = edit.document().findBlockByNumber(number)
        geometry = edit.blockBoundingGeometry(block).translated(edit.contentOffset())
        ys = [geometry.top() + 2, geometry.bottom() - 2]  # first and last wrapped line
        for y in ys:
            colour = image.pixelColor(edit.viewport().width() - 3, int(y)).name()
            want = base if look is None else hl.formats[look].background().color().name()
            assert colour == want, (number, y)
