"""The Markdown text widget of the editor and the prompt: the text kept as typed, lists
continued and indented by the keyboard, a centred column of text, images taken by paste,
drop and Insert Image… (stored off the UI thread, see `editor_images`), and spelling in
the context menu (see `edit_menu`)."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QWidget
from typing_extensions import override

from journal.ui.common.theme import apply_editor_font
from journal.ui.common.worker import TaskSet
from journal.ui.editor import editor_images
from journal.ui.editor.edit_menu import misspelled_at, spelling_menu
from journal.ui.editor.editor_images import (
    ImageInput,
    ImageJob,
    ImageSink,
    has_images,
    images_in,
)
from journal.ui.editor.highlighter import MarkdownHighlighter, paint_private_blocks
from journal.ui.editor.spelling import spell_service

if TYPE_CHECKING:
    from collections.abc import Callable


_LIST_ITEM = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?")


MAX_COLUMNS = 72  # the widest line of text, in average characters
INDENT = "    "  # one list level: Python-Markdown nests a list by 4 spaces


def _outdent_width(line: str) -> int:
    """How much Shift+Tab removes from the start of `line`: one level, or what is left."""
    if line.startswith("\t"):
        return 1
    spaces = len(line) - len(line.lstrip(" "))
    return min(spaces, len(INDENT))


class MarkdownEdit(QPlainTextEdit):
    """A QPlainTextEdit for Markdown: the text is kept exactly as typed; Return continues a
    list item ("- ", "1. ", "- [ ] ") and Return on an empty item ends the list; Tab
    indents a list item (Shift+Tab outdents it) and otherwise moves to the next field, so
    prose never gets a tab. In a wide editor the text is a centred column of at most
    `MAX_COLUMNS` average characters, with the margins in the page's colour."""

    imageFailed = Signal(object)  # DaybookError: an image pasted, dropped or chosen refused
    imagesInserted = Signal(list)  # the references inserted (after the worker stored them)
    imagesPending = Signal(int)  # how many pastes/drops are still being stored
    # (references, owner): images stored after the text they were pasted into was replaced
    # by another; `owner` is what `text_owner` said when they were pasted
    imagesOrphaned = Signal(list, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_editor_font(self)
        self.setTabChangesFocus(False)  # Tab is handled in keyPressEvent
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        self.highlighter.set_speller(spell_service())
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the margins look like the page
        self.setAutoFillBackground(True)

        # Images (paste, drop, Insert Image…) are taken once `set_image_sink` gave a sink.
        self.image_sink: ImageSink | None = None
        self.insert_image_action: QAction | None = None
        self._image_tasks = TaskSet(self, QThreadPool.globalInstance())
        self._image_jobs: list[ImageJob] = []  # not taken yet, oldest first
        self._text_generation = 0  # bumped when the whole text is replaced (another entry)
        self.text_owner: Callable[[], object] = lambda: None  # whose text this is now

    def text_column_width(self) -> int:
        """The widest the text may run: `MAX_COLUMNS` characters and the document margins."""
        margin = int(self.document().documentMargin())
        return self.fontMetrics().averageCharWidth() * MAX_COLUMNS + 2 * margin

    def _fit_column(self) -> None:
        bar = self.verticalScrollBar()
        room = self.contentsRect().width() - (bar.width() if bar.isVisible() else 0)
        side = max(0, (room - self.text_column_width()) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_column()
        super().resizeEvent(event)

    def set_image_sink(self, sink: ImageSink) -> None:
        """Take images through `sink`, and offer Insert Image… (Ctrl+Alt+I, context menu)."""
        self.image_sink = sink
        if self.insert_image_action is None:
            action = QAction(self.tr("Insert &Image…"), self)
            action.setShortcut(QKeySequence("Ctrl+Alt+I"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(self.insert_image_file)
            self.addAction(action)
            self.insert_image_action = action

    @override
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if self.image_sink is not None and has_images(source):
            return True
        return super().canInsertFromMimeData(source)

    @override
    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.image_sink is not None and has_images(source):
            self.insert_images(images_in(source))
            return
        super().insertFromMimeData(source)

    def insert_image_file(self) -> None:
        """Insert Image…: ask for a file, store it, insert its reference."""
        if self.image_sink is None:
            return
        path = editor_images.ask_image_file(self)
        if path is not None:
            self.insert_images([path])

    def insert_images(self, images: list[ImageInput]) -> None:
        """Read, re-encode and store the images on a worker thread, then insert their
        references as paragraphs where the cursor was; typing goes on meanwhile. The first
        refused image stops there and is reported (the text is untouched by it)."""
        sink = self.image_sink
        if sink is None or not images:
            return
        at = QTextCursor(self.textCursor())
        at.clearSelection()
        at.setKeepPositionOnInsert(True)  # what is typed meanwhile stays after the images
        generation, owner = self._text_generation, self.text_owner()
        job = ImageJob(images, sink)

        def take() -> None:  # once: from the worker's signal, or from settle_images
            if job.taken:
                return
            job.taken = True
            self._image_jobs.remove(job)
            references, error = job.result if job.result is not None else ([], None)
            if references and generation == self._text_generation:
                self._insert_references(at, references)
            elif references:  # the text was replaced meanwhile: its owner takes them
                self.imagesOrphaned.emit(references, owner)
            if error is not None:
                self.imageFailed.emit(error)
            self.imagesPending.emit(len(self._image_jobs))  # after: the text has them

        def failed(error: BaseException) -> None:
            if not job.taken:
                take()
                raise error  # a bug, not a refused image: the crash hook reports it

        job.take = take
        self._image_jobs.append(job)
        self._image_tasks.run(job.run, lambda _result: take(), failed)
        self.imagesPending.emit(len(self._image_jobs))

    def settle_images(self) -> bool:
        """Before closing: wait (at most `editor_images.SETTLE_MS` in all) for the images
        still being stored and put them into the text now, as their signal would have;
        False when one was still busy then (it stores nothing further)."""
        deadline = time.monotonic() + editor_images.SETTLE_MS / 1000
        for job in list(self._image_jobs):
            if job.wait(deadline - time.monotonic()):
                job.take()
        return not self._image_jobs

    def _insert_references(self, at: QTextCursor, references: list[str]) -> None:
        caret_there = self.textCursor().position() == at.position()
        at.clearSelection()  # text typed at the spot moved the anchor along, not the position
        at.setKeepPositionOnInsert(False)
        before = "" if at.atBlockStart() else "\n\n"
        at.insertText(before + "\n\n".join(references) + "\n\n")
        if caret_there:  # the caret had not moved: it goes after the images, as typed
            self.setTextCursor(at)
        self.imagesInserted.emit(references)

    def insert_references_at_end(self, references: list[str]) -> None:
        """Add image references as paragraphs at the end of the text."""
        at = QTextCursor(self.document())
        at.movePosition(QTextCursor.MoveOperation.End)
        self._insert_references(at, references)

    def images_pending(self) -> int:
        """How many pastes, drops or insertions are still being stored."""
        return len(self._image_jobs)

    @override
    def setPlainText(self, text: str) -> None:
        """Replace the whole text (another entry): images still being stored for the
        previous text are not inserted into this one."""
        self._text_generation += 1
        super().setPlainText(text)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.palette())
        elif event.type() == QEvent.Type.FontChange:
            self._fit_column()

    @override
    def event(self, event: QEvent) -> bool:
        # Mouse presses and drags in the margins act on the nearest point of the text (the
        # scroll area itself would ignore them); the wheel scrolls there too.
        kinds = (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
        )
        if isinstance(event, QMouseEvent) and event.type() in kinds:
            view = self.viewport().geometry()
            pos = event.position()
            inside = QPointF(
                min(max(pos.x(), view.left()), view.right()) - view.left(),
                min(max(pos.y(), view.top()), view.bottom()) - view.top(),
            )
            moved = QMouseEvent(
                event.type(),
                inside,
                event.globalPosition(),
                event.button(),
                event.buttons(),
                event.modifiers(),
            )
            QApplication.sendEvent(self.viewport(), moved)
            return True
        if isinstance(event, QWheelEvent):
            self.wheelEvent(event)
            return True
        return super().event(event)

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        if self.insert_image_action is not None:  # where images are taken (the editor)
            menu.addSeparator()
            menu.addAction(self.insert_image_action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu, led by spelling suggestions and "Add to Dictionary" when the
        word under `pos` (viewport coordinates) is misspelled."""
        return spelling_menu(self, self.highlighter, pos)

    def misspelled_at(
        self, text: str, position: int, cursor: QTextCursor | None = None
    ) -> tuple[int, int, str] | None:
        """The misspelled word around UTF-16 `position` of a line: (start, end) in UTF-16
        units of the line, and the word; None when the word there is fine (or no word)."""
        return misspelled_at(self, self.highlighter, text, position, cursor)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        paint_private_blocks(self, self.highlighter, event)
        super().paintEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and plain == Qt.KeyboardModifier.NoModifier
            and self._continue_list()
        ):
            return
        if event.key() == Qt.Key.Key_Tab and plain == Qt.KeyboardModifier.NoModifier:
            if not self._indent_items(True):
                QWidget.focusNextPrevChild(self, True)
            return
        if event.key() == Qt.Key.Key_Backtab or (
            event.key() == Qt.Key.Key_Tab and plain == Qt.KeyboardModifier.ShiftModifier
        ):
            if not self._indent_items(False):
                QWidget.focusNextPrevChild(self, False)
            return
        super().keyPressEvent(event)

    def _indent_items(self, deeper: bool) -> bool:
        """Indent (or outdent) the list items under the cursor or the selection by one
        level (4 spaces, what Python-Markdown nests by), in one undo step. False, and
        nothing changed, where that is not only list items or cannot go further left."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
            last = last.previous()  # a selection ending at a line's start leaves that line
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        items = [b for b in blocks if b.text().strip()]
        if not items or not all(_LIST_ITEM.match(b.text()) for b in items):
            return False
        cuts = [_outdent_width(b.text()) for b in items]
        if not deeper and not all(cuts):
            return False
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for block, cut in zip(items, cuts, strict=True):
            edit.setPosition(block.position())
            if deeper:
                edit.insertText(INDENT)
            else:
                edit.setPosition(block.position() + cut, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
        edit.endEditBlock()
        self.ensureCursorVisible()
        return True

    def _continue_list(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        line = cursor.block().text()
        m = _LIST_ITEM.match(line)
        if not m or cursor.positionInBlock() < m.end() or cursor.positionInBlock() < len(line):
            return False
        if not line[m.end() :].strip():
            # Return on an empty item: drop the marker and leave the list.
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
            self.setTextCursor(cursor)
            return True
        indent, bullet, number, delim, space, task = m.groups()
        marker = bullet or f"{int(number) + 1}{delim}"
        cursor.insertText(f"\n{indent}{marker}{space}{'[ ] ' if task else ''}")
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True
