"""The entry editor: plain-text Markdown, saved by itself, with a draft on disk while it types.

Saving is a conversation with `Journal` only: a new entry is added on its first save and
edited afterwards. A save happens `autosave_ms` after the last change, when the focus leaves
the editor, and on `flush()`/close; "Saved hh:mm" is shown only after the commit returned.
Between saves a draft is written (at most ~300 ms after a change) so a crash loses little;
it is discarded once the entry is committed, and kept when the commit fails.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    QStringListModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from journal.domain.entry import Entry, local_now
from journal.domain.tags import hashtags, unique_tags
from journal.errors import DaybookError
from journal.services.drafts import Draft, DraftStore
from journal.ui.common.theme import apply_editor_font
from journal.ui.common.worker import TaskSet
from journal.ui.editor.editor_images import (
    ImageInput,
    ImageSink,
    ask_image_file,
    has_images,
    images_in,
    store_all,
)
from journal.ui.editor.highlighter import MarkdownHighlighter, paint_private_blocks
from journal.ui.editor.spelling import spell_service

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.services.journal import Journal

DRAFT_DELAY_MS = 300
_LIST_ITEM = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?")


MAX_COLUMNS = 72  # the widest line of text, in average characters
INDENT = "    "  # one list level: Python-Markdown nests a list by 4 spaces


def _outdent_width(line: str) -> int:
    """How much Shift+Tab removes from the start of `line`: one level, or what is left."""
    if line.startswith("\t"):
        return 1
    spaces = len(line) - len(line.lstrip(" "))
    return min(spaces, len(INDENT))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


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
        path = ask_image_file(self)
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

        def stored(result: tuple[list[str], DaybookError | None]) -> None:
            references, error = result
            if references and generation == self._text_generation:
                self._insert_references(at, references)
            elif references:  # the text was replaced meanwhile: its owner takes them
                self.imagesOrphaned.emit(references, owner)
            if error is not None:
                self.imageFailed.emit(error)
            self.imagesPending.emit(self._image_tasks.running())  # after: the text has them

        def failed(error: BaseException) -> None:
            self.imagesPending.emit(self._image_tasks.running())
            raise error  # a bug, not a refused image: the crash hook reports it

        self._image_tasks.run(lambda: store_all(images, sink), stored, failed)
        self.imagesPending.emit(self._image_tasks.running())

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
        return self._image_tasks.running()

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
        menu = self.createStandardContextMenu(pos)
        cursor = self.cursorForPosition(pos)
        found = self.misspelled_at(cursor.block().text(), cursor.positionInBlock(), cursor)
        service = self.highlighter.speller
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
                lambda _on=False, s=suggestion: self._replace(
                    block_start + start, block_start + end, s
                )
            )
            leading.append(action)
        if not suggestions:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            leading.append(none)
        add = QAction(self.tr("Add “{0}” to Dictionary").format(word), menu)
        add.setObjectName("addToDictionary")
        add.triggered.connect(lambda _on=False: self._add_word(word))
        leading.append(add)
        separator = QAction(menu)
        separator.setSeparator(True)
        leading.append(separator)
        menu.insertActions(first, leading) if first is not None else menu.addActions(leading)
        return menu

    def misspelled_at(
        self, text: str, position: int, cursor: QTextCursor | None = None
    ) -> tuple[int, int, str] | None:
        """The misspelled word around UTF-16 `position` of a line: (start, end) in UTF-16
        units of the line, and the word; None when the word there is fine (or no word)."""
        service = self.highlighter.speller
        if service is None or service.checker is None:
            return None
        block = cursor.block() if cursor is not None else self.textCursor().block()
        roles = self.highlighter.roles()
        number = block.blockNumber()
        role = roles[number] if 0 <= number < len(roles) else 0
        units = [0]
        for char in text:
            units.append(units[-1] + (2 if ord(char) > 0xFFFF else 1))
        for start, end, word in self.highlighter.misspelled_spans(text, role, check=True):
            if units[start] <= position <= units[end]:
                return units[start], units[end], word
        return None

    def _replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)  # one undo step

    def _add_word(self, word: str) -> None:
        service = self.highlighter.speller
        problem = service.add_word(word) if service is not None else ""
        if problem:
            from PySide6.QtWidgets import QMessageBox

            from journal.ui.common.errors import message_box

            icon = QMessageBox.Icon.Warning
            message_box(self, icon, self.tr("Spelling"), problem).open()

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


class TagsEdit(QLineEdit):
    """Comma-separated tags with completion of the tag being typed from existing tags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known: list[str] = []
        # Asked for the journal's tags when the field gets the focus (not at every load).
        self.source: Callable[[], list[str]] | None = None
        self._model = QStringListModel(self)
        self.tag_completer = QCompleter(self._model, self)
        self.tag_completer.setWidget(self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_completer.setMaxVisibleItems(8)
        self.tag_completer.activated.connect(self.insert_completion)  # the str overload
        self.textEdited.connect(self._offer)

    def set_completions(self, tags: list[str]) -> None:
        self._known = unique_tags(tags)

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.source is not None:
            self.set_completions(self.source())
        super().focusInEvent(event)

    def add_completions(self, tags: tuple[str, ...] | list[str]) -> None:
        self._known = unique_tags([*self._known, *tags])

    def tags(self) -> tuple[str, ...]:
        return tuple(unique_tags(self.text().split(",")))

    def set_tags(self, tags: tuple[str, ...] | list[str]) -> None:
        self.setText(", ".join(tags))

    def _segment(self) -> tuple[int, int]:
        """Start and end of the tag under the cursor (between commas)."""
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        return start, len(text) if end == -1 else end

    def _offer(self, _text: str) -> None:
        start, end = self._segment()
        prefix = self.text()[start : self.cursorPosition()].strip()
        if not prefix:
            self._hide_popup()
            return
        others = self.text()[:start] + "," + self.text()[end:]
        present = {t.casefold() for t in unique_tags(others.split(","))}
        self._model.setStringList([t for t in self._known if t.casefold() not in present])
        self.tag_completer.setCompletionPrefix(prefix)
        count = self.tag_completer.completionCount()
        if count == 0 or (count == 1 and self.tag_completer.currentCompletion() == prefix):
            self._hide_popup()
        else:
            self.tag_completer.complete()

    def _hide_popup(self) -> None:
        popup = self.tag_completer.popup()
        if popup is not None:
            popup.hide()

    def insert_completion(self, tag: str) -> None:
        """Replace the tag being typed with `tag` and leave the cursor ready for the next."""
        start, end = self._segment()
        before, after = self.text()[:start], self.text()[end:]
        lead = " " if before else ""
        tail = after if after.strip() else ", "
        self.setText(f"{before}{lead}{tag}{tail}")
        self.setCursorPosition(len(before) + len(lead) + len(tag) + (2 if tail == ", " else 0))
        self.textEdited.emit(self.text())


class EntryEditor(QWidget):
    """Edits one entry at a time; see the module docstring for when it saves."""

    entrySaved = Signal(object)  # Entry, emitted only after the commit returned
    saveFailed = Signal(object)  # DaybookError; the text stays, the draft stays on disk
    closeRequested = Signal()  # Esc or Ctrl+Return, after a successful flush
    dayChanged = Signal(object)  # dt.date: the day of the entry shown (loaded or changed)

    def __init__(
        self,
        journal: Journal,
        drafts: DraftStore,
        parent: QWidget | None = None,
        autosave_ms: int = 2000,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._drafts = drafts
        self._entry_id: int | None = None
        self._entry: Entry | None = None
        self._key = self._new_key()
        self._dirty = False
        self._loading = False
        self._saving = False  # a slot of saveFailed/entrySaved may run a nested event loop
        self._changed_since_failure = False
        self._saved_ids: dict[str, int] = {}  # draft key -> the entry it was saved as
        self.last_error: DaybookError | None = None
        self.draft_error: DaybookError | None = None

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.flush)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(min(DRAFT_DELAY_MS, autosave_ms))
        self._draft_timer.timeout.connect(self._write_draft)
        self._focus_left = QTimer(self)
        self._focus_left.setSingleShot(True)
        self._focus_left.setInterval(0)
        self._focus_left.timeout.connect(self._save_after_focus_left)

        self._build()
        self._connect()
        self.new_entry(journal.today())

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.setAccessibleName(self.tr("Entry editor"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Title (optional)"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setFrame(False)
        title_font = self.title_edit.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_edit.setFont(title_font)

        self.day_edit = QDateEdit(self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(self.tr("ddd d MMM yyyy"))
        self.day_edit.setAccessibleName(self.tr("Day"))
        self.day_edit.setToolTip(self.tr("The day this entry reflects on"))
        day_label = QLabel(self.tr("&Day"), self)
        day_label.setBuddy(self.day_edit)

        self.tags_edit = TagsEdit(self)
        self.tags_edit.source = self._journal_tags
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setToolTip(self.tr("Comma-separated tags; #tags in the text count too"))
        tags_label = QLabel(self.tr("&Tags"), self)
        tags_label.setBuddy(self.tags_edit)

        self.private_check = QCheckBox(self.tr("&Private"), self)
        self.private_check.setAccessibleName(self.tr("Private"))
        self.private_check.setToolTip(self.tr("Mark this entry as private"))

        self.body_edit = MarkdownEdit(self)
        self.body_edit.setAccessibleName(self.tr("Entry text"))
        self.body_edit.setAccessibleDescription(self.tr("Markdown text of the entry"))
        self.body_edit.setPlaceholderText(
            self.tr(
                "What did you work on today? What did you learn? What is worth sharing?\n\n"
                "Markdown works here: # headings, **bold**, *italic*, `code`, [links](…), #tags."
            )
        )
        self.body_edit.setFrameShape(QFrame.Shape.NoFrame)
        self.body_edit.set_image_sink(self._store_image)
        self.body_edit.imageFailed.connect(self.saveFailed)
        self.body_edit.imagesPending.connect(self._images_pending)
        self.body_edit.text_owner = lambda: self._key
        self.body_edit.imagesOrphaned.connect(self._images_for_left_entry)

        self.words_label = QLabel(self)
        self.words_label.setAccessibleName(self.tr("Word count"))
        self.words_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Save status"))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        meta = QHBoxLayout()
        meta.addWidget(day_label)
        meta.addWidget(self.day_edit)
        meta.addSpacing(12)
        meta.addWidget(tags_label)
        meta.addWidget(self.tags_edit, 1)
        meta.addSpacing(12)
        meta.addWidget(self.private_check)

        footer = QHBoxLayout()
        footer.addWidget(self.words_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_edit)
        layout.addLayout(meta)
        layout.addWidget(self.body_edit, 1)
        layout.addLayout(footer)

        self.setFocusProxy(self.body_edit)  # focusing the editor means writing in it
        self.setTabOrder(self.title_edit, self.day_edit)
        self.setTabOrder(self.day_edit, self.tags_edit)
        self.setTabOrder(self.tags_edit, self.private_check)
        self.setTabOrder(self.private_check, self.body_edit)

    def _connect(self) -> None:
        self.body_edit.textChanged.connect(self._changed)
        self.title_edit.textChanged.connect(self._changed)
        self.tags_edit.textChanged.connect(self._changed)
        self.private_check.toggled.connect(self._changed)
        self.day_edit.dateChanged.connect(self._changed)
        self.day_edit.dateChanged.connect(lambda day: self.dayChanged.emit(_pydate(day)))
        self.title_edit.returnPressed.connect(self.body_edit.setFocus)
        for widget in (
            self.title_edit,
            self.day_edit,
            self.tags_edit,
            self.private_check,
            self.body_edit,
        ):
            widget.installEventFilter(self)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Cancel), self._finish),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self._finish),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self._finish),
            (QKeySequence(QKeySequence.StandardKey.Save), self.flush),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- public interface ------------------------------------------------------------------

    @property
    def entry_id(self) -> int | None:
        """The id of the entry being edited; None for a new entry not saved yet."""
        return self._entry_id

    @property
    def draft_key(self) -> str:
        return self._key

    def new_entry(self, day: dt.date) -> None:
        """Start a new, empty entry for `day` (saved unsaved changes first)."""
        self._leave_current()
        self._load(self._new_key(), None, None, day, "", "", (), False)

    def edit_entry(self, entry: Entry) -> None:
        """Edit a stored entry in place (saves unsaved changes to the current one first)."""
        self._leave_current()
        if self._entry is not None and self._entry.id == entry.id:
            entry = max(entry, self._entry, key=lambda e: e.updated)  # ignore a stale copy
        from_body = {t.casefold() for t in hashtags(entry.body)}
        explicit = tuple(t for t in entry.tags if t.casefold() not in from_body)
        self._load(
            f"entry-{entry.id}",
            entry.id,
            entry,
            entry.day,
            entry.title,
            entry.body,
            explicit,
            entry.private,
        )

    def restore_draft(self, draft: Draft) -> None:
        """Reopen a draft left from an earlier run; it is saved like any change."""
        self._leave_current()
        self._load(
            draft.key,
            draft.entry_id,
            None,
            draft.day,
            draft.title,
            draft.body,
            draft.tags,
            draft.private,
        )
        when = draft.saved_at.astimezone().strftime("%H:%M")
        self._set_status(self.tr("Restored the draft of {time}, not saved yet").format(time=when))
        self._dirty = True
        self._autosave.start()

    def flush(self) -> bool:
        """Save now if there are unsaved changes; False (and saveFailed) if the save failed."""
        self._autosave.stop()
        if not self._dirty:
            return True
        if self._saving:
            return False  # called again from a slot of this save (e.g. an error dialog)
        self._saving = True
        try:
            return self._save()
        finally:
            self._saving = False

    def _save(self) -> bool:
        draft = self._snapshot()
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._write_draft(draft)  # on disk before the commit starts
        if draft.is_empty:
            # The journal keeps no empty entry (the rule `daybook add` follows): a new one is
            # not created, an emptied one keeps its saved text until it is deleted.
            self._dirty = False
            self._drafts.discard(self._key)
            if self._entry_id is not None:
                self._set_status(self.tr("Empty — not saved; delete the entry to remove it"))
            return True
        try:
            if self._entry_id is None:
                entry = self._journal.add(
                    draft.body,
                    title=draft.title,
                    tags=draft.tags,
                    private=draft.private,
                    day=draft.day,
                )
            else:
                entry = self._journal.edit(
                    self._entry_id,
                    title=draft.title,
                    body=draft.body,
                    tags=list(draft.tags),
                    private=draft.private,
                    day=draft.day,
                )
        except DaybookError as exc:
            self._write_draft(draft)
            self.last_error = exc
            self._changed_since_failure = False
            self._set_status(self.tr("Not saved — {reason}").format(reason=exc.what), error=True)
            self.status_label.setToolTip(str(exc))
            self.saveFailed.emit(exc)
            return False
        self._entry_id, self._entry = entry.id, entry
        self._saved_ids[self._key] = entry.id
        self.last_error = None
        self._dirty = self._snapshot_differs(draft)
        if not self._dirty:
            self._drafts.discard(self._key)
        self._set_status(self.tr("Saved {time}").format(time=local_now().strftime("%H:%M")))
        self.status_label.setToolTip("")
        self.tags_edit.add_completions(entry.tags)
        self.entrySaved.emit(entry)
        return True

    def is_dirty(self) -> bool:
        return self._dirty

    def set_tag_completions(self, tags: list[str]) -> None:
        self.tags_edit.set_completions(tags)

    def status_text(self) -> str:
        return self.status_label.text()

    def focus_body(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- internals -------------------------------------------------------------------------

    @staticmethod
    def _new_key() -> str:
        return f"new-{uuid.uuid4().hex[:16]}"

    def _leave_current(self) -> None:
        if self._dirty:
            self.flush()  # a failure keeps the draft on disk; it is offered back at start

    def _load(
        self,
        key: str,
        entry_id: int | None,
        entry: Entry | None,
        day: dt.date,
        title: str,
        body: str,
        tags: tuple[str, ...],
        private: bool,
    ) -> None:
        self._autosave.stop()
        self._draft_timer.stop()
        self._loading = True
        try:
            self._key, self._entry_id, self._entry = key, entry_id, entry
            if entry_id is not None:
                self._saved_ids[key] = entry_id
            self.title_edit.setText(title)
            if self.day_edit.date() == _qdate(day):
                self.dayChanged.emit(day)  # the same day, another entry: say it all the same
            self.day_edit.setDate(_qdate(day))
            self.tags_edit.set_tags(tags)
            self.private_check.setChecked(private)
            self.body_edit.setPlainText(body)
            self.body_edit.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False
        self._dirty = False
        self.last_error = None
        self._set_status("")
        self._update_word_count()

    def _store_image(self, data: bytes, name: str) -> str:
        from journal.services.attachments import store_image_bytes

        return store_image_bytes(self._journal, data, name=name)

    def _images_for_left_entry(self, references: list[str], key: object) -> None:
        """Images stored after the entry they were pasted into was left: added at the end
        of that entry (or of the text, when it is the one shown again)."""
        from journal.services.attachments import append_references

        if key == self._key:  # back on the same entry (a reload of its text)
            self.body_edit.insert_references_at_end(references)
            return
        entry_id = self._saved_ids.get(str(key))
        try:
            if entry_id is None:
                raise DaybookError(
                    "the pasted image was not added: the entry was left before it was stored",
                    "open the entry and paste the image again",
                )
            append_references(self._journal, entry_id, references)  # the views hear of it
        except DaybookError as exc:
            self.saveFailed.emit(exc)

    def _images_pending(self, count: int) -> None:
        adding = self.tr("Adding the image…")
        if count:
            self._set_status(adding)
        elif self.status_label.text() == adding:
            self._set_status("")

    def _journal_tags(self) -> list[str]:
        """The journal's tags, most used first, for completion (none if it cannot say)."""
        try:
            return [name for name, _n in self._journal.tag_counts()]
        except DaybookError:
            return []

    def _changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._changed_since_failure = True
        self._autosave.start()  # restarted on each change: saves after a pause
        if not self._draft_timer.isActive():
            self._draft_timer.start()  # not restarted: a draft at most ~300 ms behind

    def _snapshot(self) -> Draft:
        return Draft(
            key=self._key,
            entry_id=self._entry_id,
            day=_pydate(self.day_edit.date()),
            title=self.title_edit.text().strip(),
            body=self.body_edit.toPlainText(),
            tags=self.tags_edit.tags(),
            private=self.private_check.isChecked(),
            saved_at=local_now(),
        )

    def _snapshot_differs(self, draft: Draft) -> bool:
        now = self._snapshot()
        return (now.day, now.title, now.body, now.tags, now.private) != (
            draft.day,
            draft.title,
            draft.body,
            draft.tags,
            draft.private,
        )

    def write_draft(self) -> bool:
        """Write what is typed as a draft now (after an unexpected error); False if the
        disk refused."""
        self._write_draft()
        return self.draft_error is None

    def _write_draft(self, draft: Draft | None = None) -> None:
        self._update_word_count()
        if not self._dirty:
            return
        try:
            self._drafts.save(draft or self._snapshot())
            self.draft_error = None
        except DaybookError as exc:
            # The commit is what counts; a draft that cannot be written only widens the
            # window a crash could lose. It is reported with the next failed save, if any.
            self.draft_error = exc

    def _update_word_count(self) -> None:
        words = len(self.body_edit.toPlainText().split())
        self.words_label.setText(self.tr("Words: %n", "", words))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        role = QPalette.ColorRole.BrightText if error else QPalette.ColorRole.WindowText
        self.status_label.setForegroundRole(role)

    def _finish(self) -> None:
        if self.flush():
            self.closeRequested.emit()

    def _save_after_focus_left(self) -> None:
        if self.last_error is not None and not self._changed_since_failure:
            return  # the focus went to the error dialog of this very failure: no new attempt
        focus = QApplication.focusWidget()
        if focus is None or (focus is not self and not self.isAncestorOf(focus)):
            self.flush()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
            and self._dirty
        ):
            self._focus_left.start()  # after the focus has settled on its new widget
        return super().eventFilter(watched, event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()  # a failure keeps the draft on disk
        super().closeEvent(event)
