"""Writing: a proportional font in a text column of comfortable width (code stays
monospace), Tab indents list items and otherwise moves on (never a tab in prose), and the
calendar follows the day being edited."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontInfo, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from journal.services.drafts import DraftStore
from journal.settings import Settings
from journal.ui.common.theme import apply_theme, editor_font
from journal.ui.editor.editor import EntryEditor, MarkdownEdit
from journal.ui.timeline.calendar import to_date
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from journal.services.journal import Journal

MOST_COLUMNS = 80  # a comfortable line: about 60 to 80 characters


@pytest.fixture
def themed(qapp: Any) -> Iterator[Any]:
    """apply_theme changes the whole application: put palette and font back afterwards."""
    from PySide6.QtGui import QFont, QPalette

    palette, font = QPalette(qapp.palette()), QFont(qapp.font())
    yield qapp
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("daybookEditorFont", None)


@pytest.fixture
def make_editor(journal: Journal, paths: Any, qtbot: Any) -> Callable[..., EntryEditor]:
    def make(width: int = 700) -> EntryEditor:
        editor = EntryEditor(journal, DraftStore(paths.drafts), autosave_ms=50)
        qtbot.addWidget(editor)
        editor.resize(width, 500)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)  # focus works
        return editor

    return make


# -- the font and the text column -------------------------------------------------------


def test_the_writing_font_is_proportional_and_code_stays_monospace(
    themed: QApplication, make_editor: Any
) -> None:
    assert not QFontInfo(editor_font(Settings())).fixedPitch()
    apply_theme(themed, Settings())
    editor = make_editor()
    body = editor.body_edit
    assert not QFontInfo(body.font()).fixedPitch()
    body.setPlainText("prose\n```\ncode\n```\nand `inline` code")
    code = body.document().findBlockByNumber(2)
    formats = code.layout().formats()
    assert formats and all(
        QFontInfo(f.format.font()).fixedPitch() or f.format.fontFamilies() for f in formats
    )
    fixed = formats[0].format.fontFamilies()
    assert fixed and fixed != body.font().families()


def test_a_chosen_editor_font_still_wins(qapp: QApplication) -> None:
    chosen = editor_font(Settings(editor_font_family="DejaVu Sans Mono"))
    assert chosen.families()[0] == "DejaVu Sans Mono"


def column_of(edit: MarkdownEdit) -> tuple[int, int, int]:
    """(left space, text column width, right space) in the edit's own coordinates."""
    view = edit.viewport().geometry()
    inner = edit.contentsRect()
    bar = edit.verticalScrollBar()
    right_edge = inner.right() - (bar.width() if bar.isVisible() else 0)
    return view.left() - inner.left(), view.width(), right_edge - view.right()


@pytest.mark.parametrize("width", [700, 1100, 1600, 2400])
def test_the_text_column_is_centred_and_never_too_wide(width: int, make_editor: Any) -> None:
    editor = make_editor(width)
    body = editor.body_edit
    left, column, right = column_of(body)
    most = body.fontMetrics().averageCharWidth() * MOST_COLUMNS + 40
    assert column <= most
    assert abs(left - right) <= 2
    if width >= 1600:
        assert left > 100  # the wide editor has wide margins, not a wide line
    # the margins are the page's colour, not a grey frame around a white strip
    image = body.grab().toImage()
    page = body.palette().color(body.backgroundRole())
    assert image.pixelColor(max(left // 2, 1) * image.devicePixelRatio(), 5) == page


def test_a_narrow_editor_keeps_all_its_width(make_editor: Any) -> None:
    editor = make_editor(420)
    left, _column, right = column_of(editor.body_edit)
    assert left == 0 and right <= 1


def test_the_column_follows_a_resize_and_the_font(make_editor: Any, qtbot: Any) -> None:
    editor = make_editor(700)
    body = editor.body_edit
    editor.resize(1800, 600)
    qtbot.waitUntil(lambda: column_of(body)[0] > 100)
    before = column_of(body)[1]
    font = body.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    body.setFont(font)
    qtbot.waitUntil(lambda: column_of(body)[1] > before)


def test_a_click_in_the_margin_puts_the_cursor_on_that_line(make_editor: Any) -> None:
    editor = make_editor(1800)
    body = editor.body_edit
    body.setPlainText("first line\nsecond line\nthird line")
    body.moveCursor(QTextCursor.MoveOperation.Start)
    margin = body.document().documentMargin()
    y = body.viewport().geometry().top() + margin + body.fontMetrics().lineSpacing() * 1.5
    x = 10  # far left, in the margin
    press = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        QPointF(x, y),
        QPointF(body.mapToGlobal(QPoint(x, int(y)))),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(body, press)
    assert body.textCursor().blockNumber() == 1
    assert body.textCursor().positionInBlock() == 0


# -- Tab ---------------------------------------------------------------------------------


def _body(editor: EntryEditor, text: str, line: int, column: int = -1) -> MarkdownEdit:
    body = editor.body_edit
    body.setPlainText(text)
    block = body.document().findBlockByNumber(line)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + (len(block.text()) if column < 0 else column))
    body.setTextCursor(cursor)
    body.setFocus()
    return body


@pytest.mark.parametrize(
    ("line", "indented"),
    [
        ("- item", "    - item"),
        ("* item", "    * item"),
        ("1. item", "    1. item"),
        ("  - [ ] task", "      - [ ] task"),
        ("- ", "    - "),
    ],
)
def test_tab_indents_a_list_item_and_shift_tab_outdents_it(
    line: str, indented: str, make_editor: Any, qtbot: Any
) -> None:
    editor = make_editor()
    body = _body(editor, "- first\n" + line, 1, 2)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == "- first\n" + indented
    assert QApplication.focusWidget() is body
    assert body.textCursor().positionInBlock() == 6  # the cursor moved with its text
    qtbot.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == "- first\n" + line
    assert QApplication.focusWidget() is body


def test_shift_tab_at_the_left_edge_changes_nothing_and_moves_back(
    make_editor: Any, qtbot: Any
) -> None:
    editor = make_editor()
    body = _body(editor, "- item", 0)
    qtbot.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == "- item"
    assert QApplication.focusWidget() is not body


def test_tab_indents_every_selected_item_in_one_undo_step(make_editor: Any, qtbot: Any) -> None:
    editor = make_editor()
    body = _body(editor, "- a\n- b\n- c", 0, 0)
    cursor = body.textCursor()
    cursor.setPosition(body.document().findBlockByNumber(2).position() + 1,
                       QTextCursor.MoveMode.KeepAnchor)  # fmt: skip
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == "    - a\n    - b\n    - c"
    body.undo()
    assert body.toPlainText() == "- a\n- b\n- c"


@pytest.mark.parametrize("text", ["Plain prose here", "", "# Heading", "not - a list"])
def test_tab_in_prose_moves_on_and_types_nothing(text: str, make_editor: Any, qtbot: Any) -> None:
    editor = make_editor()
    after = QLineEdit(editor)  # the next field in the window's focus chain
    editor.layout().addWidget(after)
    after.show()
    QWidget.setTabOrder(editor.body_edit, after)
    body = _body(editor, text, 0)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == text and "\t" not in body.toPlainText()
    assert QApplication.focusWidget() is after
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == text
    assert QApplication.focusWidget() is editor.private_check


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.text(alphabet=" \t-*+1.)[]xab#", max_size=12), min_size=1, max_size=5),
    st.data(),
)
def test_tab_never_types_a_tab_and_shift_tab_undoes_tab(
    make_editor_once: Any, lines: list[str], data: Any
) -> None:
    editor = make_editor_once
    text = "\n".join(lines)
    line = data.draw(st.integers(0, len(lines) - 1))
    body = _body(editor, text, line)
    tabs_before = body.toPlainText().count("\t")
    focus_before = QApplication.focusWidget()
    from PySide6.QtTest import QTest

    QTest.keyClick(body, Qt.Key.Key_Tab)
    after_tab = body.toPlainText()
    assert after_tab.count("\t") == tabs_before
    if after_tab != text:  # an indented list item: Shift+Tab takes it back
        assert QApplication.focusWidget() is focus_before
        QTest.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert body.toPlainText() == text


@pytest.fixture
def make_editor_once(make_editor: Any) -> EntryEditor:
    return make_editor()  # type: ignore[no-any-return]


def test_in_the_prompt_tab_indents_a_list_answer_and_otherwise_moves_on(
    journal: Journal, paths: Any, qtbot: Any, qapp: QApplication
) -> None:
    from journal.services.prompt import PromptService
    from journal.ui.prompt.prompt_window import PromptWindow, prompt_drafts

    window = PromptWindow(PromptService(journal, Settings()), prompt_drafts(paths))
    qtbot.addWidget(window)
    window.show_active()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: qapp.activeWindow() is window)
    boxes = list(window.editors.values())
    first, second = boxes[0], boxes[1]
    first.setFocus()
    qtbot.keyClicks(first, "- one")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.keyClicks(first, "two")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert first.toPlainText() == "- one\n    - two"
    assert qapp.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.keyClick(first, Qt.Key.Key_Return)  # an empty item ends the list
    qtbot.keyClicks(first, "Prose after it")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert qapp.focusWidget() is second and "\t" not in first.toPlainText()
    assert not QFontInfo(first.font()).fixedPitch()


# -- the calendar follows the editor ----------------------------------------------------


def test_the_calendar_follows_the_day_being_edited(
    journal: Journal, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 3)
    window = make_window(journal)
    calendar = window.panes.calendar
    day = dt.date(2025, 3, 14)
    window.new_entry(day)
    assert to_date(calendar.selectedDate()) == day
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 3)
    window.panes.editor.day_edit.setDate(window.panes.editor.day_edit.date().addDays(-20))
    assert to_date(calendar.selectedDate()) == dt.date(2025, 2, 22)
    entry = window.panes.model.entry_at(2)
    window.edit_entry(entry)
    assert to_date(calendar.selectedDate()) == entry.day
    # following the editor does not move the timeline or the reader
    assert window.is_editing() and window.panes.reader.entry == window.journal.get(entry.id)


def test_the_editor_in_the_window_has_room(journal: Journal, make_window: Any) -> None:
    window = make_window(journal)
    window.resize(2400, 900)
    window.new_entry()
    body = window.panes.editor.body_edit
    left, column, right = column_of(body)
    assert column <= body.fontMetrics().averageCharWidth() * MOST_COLUMNS + 40
    assert abs(left - right) <= 2
