"""The prompt window's widgets: the day, the streak, one box per question, tags, the footer.

Built from plain Qt widgets alone (a `QPlainTextEdit` per question, a `QLineEdit` for the
tags), so `daybook prompt` can paint the window before the editor (its Markdown
highlighter, the spell checker, image paste) and the journal are loaded. `upgrade_boxes`
then puts the editor's widgets in their places, carrying over whatever was typed meanwhile
with its cursor and the focus. What the boxes hold and when anything is saved is the
window's business (journal.ui.prompt.prompt_window).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.prompts import FREE_TEXT
from journal.ui.common import wording
from journal.ui.common.i18n import long_day

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from journal.ui.editor.editor import MarkdownEdit, TagsEdit


class PromptForm(QWidget):
    """The widgets of the prompt for `day` (`today` decides the wording of Esc)."""

    def __init__(
        self, day: dt.date, today: dt.date, questions: Sequence[str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.day = day
        self.questions: tuple[str, ...] = tuple(questions)
        # QPlainTextEdit until `upgrade_boxes`, MarkdownEdit after.
        self.editors: dict[str, MarkdownEdit] = {}
        self._headings: dict[str, QLabel] = {}
        self.upgraded = False
        self._build_form(today)

    def _build_form(self, today: dt.date) -> None:
        self.setWindowTitle(
            self.tr("Daybook — Reflection for {day}").format(day=long_day(self.day))
        )
        self.setAccessibleName(self.tr("End-of-day reflection"))

        self.day_label = QLabel(long_day(self.day), self)
        self.day_label.setAccessibleName(self.tr("Day"))
        font = self.day_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.day_label.setFont(font)

        self.streak_label = QLabel(self)  # filled once the journal is open
        self.streak_label.setAccessibleName(self.tr("Streak"))
        # Plain text: it does nothing when clicked, so it must not look like a link.
        self.streak_label.setTextFormat(Qt.TextFormat.PlainText)

        if self.day < today:
            what = self.tr("Catching up: this reflection is dated to its own day")
        else:
            what = self.tr("A few sentences are enough. Tab moves to the next question.")
        self.intro_label = QLabel(what, self)
        self.intro_label.setAccessibleName(self.tr("About this reflection"))
        self.intro_label.setWordWrap(True)
        self.intro_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        head = QHBoxLayout()
        head.addWidget(self.day_label, 1)
        head.addWidget(self.streak_label, 0, Qt.AlignmentFlag.AlignRight)

        layout = self.form_layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.intro_label)

        self.next_frame = QFrame(self)
        self.next_frame.setAccessibleName(self.tr("What you planned last time"))
        self.next_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.next_frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.next_frame.setAutoFillBackground(True)
        box = QVBoxLayout(self.next_frame)
        box.setContentsMargins(10, 6, 10, 6)
        self.next_title = QLabel(self.next_frame)
        self.next_label = QLabel(self.next_frame)
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label.setWordWrap(True)
        self.next_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.next_title)
        box.addWidget(self.next_label)
        self.next_frame.setVisible(False)
        layout.addSpacing(4)
        layout.addWidget(self.next_frame)

        self.boxes_layout = QVBoxLayout()
        self.boxes_layout.setContentsMargins(0, 0, 0, 0)
        self.boxes_layout.setSpacing(6)
        layout.addLayout(self.boxes_layout, 1)
        for question in self.questions:
            self.add_box(question, question)
        if not self.questions:
            self.add_box(FREE_TEXT, self.tr("Write anything"))

        self.tags_edit = cast("TagsEdit", QLineEdit(self))
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_label = QLabel(self.tr("&Tags"), self)
        self.tags_label.setBuddy(self.tags_edit)
        self.tags_label.setMinimumWidth(self.tags_label.sizeHint().width() + 4)
        self.private_check = QCheckBox(self.tr("&Private"), self)
        self.private_check.setAccessibleName(self.tr("Private"))
        self.private_check.setToolTip(self.tr("Private entries are never exported"))
        meta = self.meta_layout = QHBoxLayout()
        meta.addWidget(self.tags_label)
        meta.addSpacing(6)
        meta.addWidget(self.tags_edit, 1)
        meta.addSpacing(12)
        meta.addWidget(self.private_check)
        layout.addSpacing(8)
        layout.addLayout(meta)

        hint = (
            self.tr("Ctrl+Enter saves · Esc snoozes 15 min")
            if self.day == today
            else self.tr("Ctrl+Enter saves · Esc closes, keeping the draft")
        )
        self.hint_label = QLabel(hint, self)
        self.hint_label.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Save status"))
        self.status_label.setWordWrap(True)
        self.snooze_button = QPushButton(
            self.tr("Snooze") if self.day == today else self.tr("Later"), self
        )
        self.snooze_button.setAccessibleName(self.snooze_button.text())
        self.snooze_button.setAutoDefault(False)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAccessibleName(self.tr("Save and close"))
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(True)
        footer = QHBoxLayout()
        footer.addWidget(self.hint_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)
        footer.addWidget(self.snooze_button)
        footer.addWidget(self.save_button)
        layout.addSpacing(4)
        layout.addLayout(footer)
        self.set_tab_order()
        self.resize(580, 640 if len(self.editors) > 1 else 420)

    # -- the boxes -------------------------------------------------------------------------

    def add_box(self, key: str, text: str, first: bool = False) -> MarkdownEdit:
        """A heading and a box for question `key` (FREE_TEXT: the notes box, `text` its
        heading): after the other boxes, or before them all with `first`."""
        edit = self._new_box()
        edit.setAccessibleName(text)
        heading = QLabel(text.replace("&", "&&"), self)  # no mnemonic from a question
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        heading.setBuddy(edit)
        boxes = self.boxes_layout
        at = 0 if first else boxes.count()
        boxes.insertSpacing(at, 6)
        boxes.insertWidget(at + 1, heading)
        boxes.insertWidget(at + 2, edit, 1)
        self.editors = {key: edit, **self.editors} if first else {**self.editors, key: edit}
        self._headings[key] = heading
        return edit

    def _new_box(self) -> MarkdownEdit:
        if self.upgraded:
            from journal.ui.editor.editor import MarkdownEdit

            edit = MarkdownEdit(self)  # Tab moves on, or indents a list item
        else:
            edit = cast("MarkdownEdit", QPlainTextEdit(self))
            edit.setTabChangesFocus(True)  # Tab moves on, as it will in the editor's box
        edit.document().setDocumentMargin(6)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 20)
        return edit

    def upgrade_boxes(self) -> None:
        """Put the editor's widgets (Markdown highlighting, spelling, images, tag
        completion) in place of the plain ones, keeping their text, cursor and focus."""
        if self.upgraded:
            return
        from journal.ui.editor.editor import TagsEdit

        self.upgraded = True
        focus = self.focusWidget()
        for key, old in list(self.editors.items()):
            new = self._new_box()
            new.setAccessibleName(old.accessibleName())
            new.setPlainText(old.toPlainText())
            cursor = new.textCursor()
            cursor.setPosition(old.textCursor().anchor())
            cursor.setPosition(old.textCursor().position(), QTextCursor.MoveMode.KeepAnchor)
            new.setTextCursor(cursor)
            self.boxes_layout.replaceWidget(old, new)
            self._headings[key].setBuddy(new)
            self.editors[key] = new
            self._retire(old, new, focus)
        old_tags = self.tags_edit
        tags = TagsEdit(self)
        tags.setPlaceholderText(old_tags.placeholderText())
        tags.setAccessibleName(old_tags.accessibleName())
        tags.setText(old_tags.text())
        tags.setCursorPosition(old_tags.cursorPosition())
        self.meta_layout.replaceWidget(old_tags, tags)
        self.tags_label.setBuddy(tags)
        self.tags_edit = tags
        self._retire(old_tags, tags, focus)
        self.set_tab_order()

    def _retire(self, old: QWidget, new: QWidget, focus: QWidget | None) -> None:
        new.setVisible(old.isVisibleTo(self))  # now, not by a queued call: the focus needs it
        if focus is old:
            new.setFocus(Qt.FocusReason.OtherFocusReason)
        old.hide()
        old.setParent(None)  # out of the window (and its tab chain) at once
        old.deleteLater()

    def set_tab_order(self) -> None:
        order: list[QWidget] = [
            *self.editors.values(),
            self.tags_edit,
            self.private_check,
            self.snooze_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    # -- what the journal says -------------------------------------------------------------

    def show_streak(self, current: int, longest: int) -> None:
        self.streak_label.setText(
            self.tr("Start a streak today")
            if current <= 0
            else self.tr("Streak: {0}").format(wording.working_days(current))
        )
        self.streak_label.setToolTip(
            self.tr("Working days in a row with a reflection; the longest run: {n}").format(
                n=longest
            )
        )

    def show_next_step(self, text: str | None, yesterday: bool) -> None:
        """What the previous working day planned (hidden when nothing)."""
        lead = self.tr("Yesterday you planned:") if yesterday else self.tr("Last time you planned:")
        self.next_title.setText(f"<b>{lead}</b>")
        self.next_label.setText(text or "")
        self.next_label.setAccessibleName(lead)
        self.next_frame.setVisible(bool(text))

    def set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        role = QPalette.ColorRole.BrightText if error else QPalette.ColorRole.PlaceholderText
        self.status_label.setForegroundRole(role)
