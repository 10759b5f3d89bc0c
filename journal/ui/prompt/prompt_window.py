"""The end-of-day prompt window: a few guided questions, answered with the keyboard alone.

It shows the day, the streak and what the previous working day said would come next ("the
now-what loop"), then one box per question of the chosen set (Tab moves on), tags with
completion and a private toggle. Ctrl+Enter (or Ctrl+Return) saves through
`PromptService.save_answers` and closes; Esc snoozes today's reminder for 15 minutes and
closes; closing the window any other way just closes. Nothing typed is lost on the way out:
a draft is written while typing (at most ~300 ms behind) to a `DraftStore` of its own, kept on
Esc, on close and on a failed save, restored when the window opens again for the same day,
and discarded once the reflection is committed. A day that already has a reflection opens it
to add to (answers parsed back from its headings).

`PromptLauncher` keeps at most one window per day and is what the app, the tray and the
reminder loop open windows with. The test hook `DAYBOOK_TEST_ANSWERS` (see `run_test_hook`)
lets an end-to-end test type into a window of another process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from journal.domain.entry import Entry, local_now
from journal.domain.prompts import FREE_TEXT, compose, parse_answers
from journal.domain.schedule import SNOOZE_SHORT
from journal.domain.tags import hashtags
from journal.errors import DaybookError, InputError
from journal.services.drafts import Draft, DraftStore
from journal.ui.common import wording
from journal.ui.common.placement import place_on_mouse_screen
from journal.ui.editor.editor import MarkdownEdit, TagsEdit

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from journal.paths import AppPaths
    from journal.services.prompt import PromptService

DRAFT_DELAY_MS = 300
DRAFT_FOLDER = "prompt"  # below the drafts folder: the main editor's start-up offer skips it
TEST_ANSWERS_ENV = "DAYBOOK_TEST_ANSWERS"


def prompt_drafts(paths: AppPaths) -> DraftStore:
    """The prompt's own drafts (kept apart so the main editor never restores them)."""
    return DraftStore.for_journal(paths.drafts / DRAFT_FOLDER, paths)


def draft_key(day: dt.date) -> str:
    return f"prompt-{day.isoformat()}"


def long_day(day: dt.date) -> str:
    """'Thursday, 20 November 2026' in the user's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class PromptWindow(QWidget):
    """The prompt for one reflection day; see the module docstring."""

    saved = Signal(object)  # Entry, after the commit returned
    snoozed = Signal(object)  # dt.datetime when the reminder comes again
    closed = Signal(object)  # dt.date, once, however the window closed

    def __init__(
        self,
        service: PromptService,
        drafts: DraftStore,
        day: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        draft_delay_ms: int = DRAFT_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.service = service
        self.drafts = drafts
        self.day = day or service.today()
        self.entry: Entry | None = None
        self.questions: tuple[str, ...] = ()
        self.editors: dict[str, MarkdownEdit] = {}
        self.restored_draft: Draft | None = None
        self.last_error: DaybookError | None = None
        self._loading = False
        self._dirty = False
        self._done = False  # saved or snoozed: closing needs no draft
        self._closed_emitted = False
        self._placed = False
        # Save, Snooze or closing asked for while an image was on its way: done once it is in
        self._after_images: Callable[[], object] | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(draft_delay_ms)
        self._draft_timer.timeout.connect(self.write_draft)
        self._build()
        self._connect()

    # -- building --------------------------------------------------------------------------

    @property
    def key(self) -> str:
        return draft_key(self.day)

    def _load(self) -> tuple[dict[str, str], tuple[str, ...], bool]:
        self.entry = self.service.todays_prompt_entry(self.day)
        self.questions = self.service.questions_for(self.entry)
        answers: dict[str, str] = {}
        tags: tuple[str, ...] = ()
        private = False
        if self.entry is not None:
            answers = self.service.answers_of(self.entry, self.questions)
            from_body = {t.casefold() for t in hashtags(self.entry.body)}
            tags = tuple(t for t in self.entry.tags if t.casefold() not in from_body)
            private = self.entry.private
        draft = self.drafts.load(self.key)
        if draft is not None and not draft.is_empty:
            self.restored_draft = draft
            answers = parse_answers(draft.body, self.questions)
            if draft.title.strip():  # never happens from this window; kept all the same
                answers[FREE_TEXT] = (draft.title + "\n\n" + answers.get(FREE_TEXT, "")).strip()
            tags, private = draft.tags, draft.private
        return answers, tags, private

    def _build(self) -> None:
        answers, tags, private = self._load()
        today = self.service.today()
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

        streak = self.service.streak()
        self.streak_label = QLabel(self._streak_text(streak.current), self)
        self.streak_label.setAccessibleName(self.tr("Streak"))
        self.streak_label.setToolTip(
            self.tr("Working days in a row with a reflection; the longest run: {n}").format(
                n=streak.longest
            )
        )
        # Plain text: it does nothing when clicked, so it must not look like a link.
        self.streak_label.setTextFormat(Qt.TextFormat.PlainText)

        if self.entry is not None:
            what = self.tr("Adding to the reflection written at {time}").format(
                time=self.entry.created.astimezone().strftime("%H:%M")
            )
        elif self.day < today:
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.intro_label)

        self.next_step = self.service.yesterdays_next_step(self.day)
        self.next_frame = QFrame(self)
        self.next_frame.setAccessibleName(self.tr("What you planned last time"))
        self.next_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.next_frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.next_frame.setAutoFillBackground(True)
        box = QVBoxLayout(self.next_frame)
        box.setContentsMargins(10, 6, 10, 6)
        previous = self.service.previous_working_day(self.day)
        lead = (
            self.tr("Yesterday you planned:")
            if previous == self.day - dt.timedelta(days=1)
            else self.tr("Last time you planned:")
        )
        self.next_title = QLabel(f"<b>{lead}</b>", self.next_frame)
        self.next_label = QLabel(self.next_step or "", self.next_frame)
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label.setWordWrap(True)
        self.next_label.setAccessibleName(lead)
        self.next_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.next_title)
        box.addWidget(self.next_label)
        self.next_frame.setVisible(bool(self.next_step))
        layout.addSpacing(4)
        layout.addWidget(self.next_frame)

        boxes: list[tuple[str, str]] = [(q, q) for q in self.questions]
        if not self.questions or answers.get(FREE_TEXT):
            notes = self.tr("Notes") if self.questions else self.tr("Write anything")
            boxes.insert(0, (FREE_TEXT, notes))
        self._loading = True
        try:
            for key, text in boxes:
                edit = MarkdownEdit(self)  # Tab moves on, or indents a list item
                edit.document().setDocumentMargin(6)
                edit.setAccessibleName(text)
                edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 20)
                edit.setPlainText(answers.get(key, ""))
                edit.moveCursor(QTextCursor.MoveOperation.End)  # adding goes after the text
                heading = QLabel(text.replace("&", "&&"), self)  # no mnemonic from a question
                heading.setWordWrap(True)
                bold = heading.font()
                bold.setBold(True)
                heading.setFont(bold)
                heading.setBuddy(edit)
                layout.addSpacing(6)
                layout.addWidget(heading)
                layout.addWidget(edit, 1)
                self.editors[key] = edit

            self.tags_edit = TagsEdit(self)
            self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
            self.tags_edit.setAccessibleName(self.tr("Tags"))
            with contextlib.suppress(DaybookError):
                self.tags_edit.set_completions(
                    [name for name, _n in self.service.journal.tag_counts()]
                )
            self.tags_edit.set_tags(tags)
            tags_label = QLabel(self.tr("&Tags"), self)
            tags_label.setBuddy(self.tags_edit)
            tags_label.setMinimumWidth(tags_label.sizeHint().width() + 4)
            self.private_check = QCheckBox(self.tr("&Private"), self)
            self.private_check.setAccessibleName(self.tr("Private"))
            self.private_check.setToolTip(self.tr("Private entries are never exported"))
            self.private_check.setChecked(private)
        finally:
            self._loading = False
        meta = QHBoxLayout()
        meta.addWidget(tags_label)
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

        if self.restored_draft is not None:
            when = self.restored_draft.saved_at.astimezone().strftime("%H:%M")
            self._set_status(self.tr("Restored your draft of {time}").format(time=when))
            self._dirty = True

        order: list[QWidget] = [
            *self.editors.values(),
            self.tags_edit,
            self.private_check,
            self.snooze_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.resize(580, 640 if len(self.editors) > 1 else 420)

    def _streak_text(self, current: int) -> str:
        if current <= 0:
            return self.tr("Start a streak today")
        return self.tr("Streak: {0}").format(wording.working_days(current))

    def _connect(self) -> None:
        for edit in self.editors.values():
            edit.textChanged.connect(self._changed)
            edit.set_image_sink(self._store_image)  # paste, drop, Insert Image… as the editor
            edit.imageFailed.connect(self._image_failed)
            edit.imagesPending.connect(self._images_pending)
        self.tags_edit.textChanged.connect(self._changed)
        self.private_check.toggled.connect(self._changed)
        self.save_button.clicked.connect(self.save)
        self.snooze_button.clicked.connect(self.snooze)
        for keys, slot in (
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self.save),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self.save),
            (QKeySequence(QKeySequence.StandardKey.Cancel), self.snooze),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # -- images ----------------------------------------------------------------------------

    def _store_image(self, data: bytes, name: str) -> str:
        """Store a pasted or dropped image (on a worker thread); its Markdown reference."""
        from journal.services.attachments import store_image_bytes

        return store_image_bytes(self.service.journal, data, name=name)

    def images_pending(self) -> int:
        """How many pastes or drops are still being stored."""
        return sum(edit.images_pending() for edit in self.editors.values())

    def _images_pending(self, _count: int) -> None:
        adding = self.tr("Adding the image…")
        if self.images_pending():
            self._set_status(adding)
            return
        if self.status_label.text() == adding:
            self._set_status("")
        if self._after_images is not None:
            then, self._after_images = self._after_images, None
            then()

    def settle(self) -> None:
        """Before the app ends (quit, session end, SIGTERM): the images still being stored
        are put into the answers at once (a save or close waiting for them then runs) and
        the draft written (no later event would)."""
        for edit in self.editors.values():
            edit.settle_images()
        if not self._done:
            self.write_draft()

    def _image_failed(self, error: DaybookError) -> None:
        from journal.ui.common.errors import ErrorDialog

        self._after_images = None  # the user should see the text before it is saved or closed
        self._set_status(self.tr("Image not added — {0}").format(error.what), error=True)
        ErrorDialog.show_error(self, error)

    # -- showing ---------------------------------------------------------------------------

    def first_editor(self) -> QWidget:
        """The first box without an answer (or the first box), where typing starts."""
        for edit in self.editors.values():
            if not edit.toPlainText().strip():
                return edit
        return next(iter(self.editors.values()), self.tags_edit)

    def show_active(self) -> None:
        """Show, raise and focus: the user asked for the prompt."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        self.first_editor().setFocus(Qt.FocusReason.OtherFocusReason)
        self._place()
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_passive(self) -> None:
        """Show without taking the keyboard from the application in use (the reminder came
        by itself). Not Qt.WindowDoesNotAcceptFocus: the window must take typing when the
        user clicks it."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.first_editor().setFocus(Qt.FocusReason.OtherFocusReason)
        self._place()
        self.show()
        self.raise_()  # above the other windows, but the keyboard stays where it is
        QApplication.alert(self)  # _NET_WM_STATE_DEMANDS_ATTENTION on X11, a flash elsewhere

    def _place(self) -> None:
        """The first time: centred on the screen holding the mouse, wholly on it."""
        if self._placed:
            return
        self._placed = True
        place_on_mouse_screen(self, (self.width(), self.height()))

    # -- the answers -----------------------------------------------------------------------

    def answers(self) -> dict[str, str]:
        """The text of every box by question (FREE_TEXT for the notes box)."""
        return {key: edit.toPlainText() for key, edit in self.editors.items()}

    def tags(self) -> tuple[str, ...]:
        return self.tags_edit.tags()

    def is_dirty(self) -> bool:
        return self._dirty

    def _changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        if self.status_label.text() and self.last_error is None:
            self._set_status("")
        if not self._draft_timer.isActive():
            self._draft_timer.start()  # not restarted: a draft at most ~300 ms behind

    def write_draft(self) -> bool:
        """Write the draft now (an empty one is discarded); False if the disk refused."""
        self._draft_timer.stop()
        if not self._dirty:
            return True
        body = compose(self.questions, self.answers())
        try:
            if not body.strip():
                self.drafts.discard(self.key)
                return True
            self.drafts.save(
                Draft(
                    key=self.key,
                    entry_id=self.entry.id if self.entry is not None else None,
                    day=self.day,
                    title="",
                    body=body,
                    tags=self.tags(),
                    private=self.private_check.isChecked(),
                    saved_at=local_now(),
                )
            )
        except (DaybookError, OSError) as exc:
            self.last_error = exc if isinstance(exc, DaybookError) else None
            self._set_status(self.tr("Draft not written: {0}").format(exc), error=True)
            return False
        return True

    def save(self) -> bool:
        """Save the answers as the day's reflection and close; False (window open) if not."""
        if self._done:
            return True
        if self.images_pending():  # saved as soon as the images are in the text
            self._after_images = self.save
            return False
        answers = self.answers()
        try:
            entry = self.service.save_answers(
                self.day,
                self.questions,
                answers,
                self.tags(),
                self.private_check.isChecked(),
                self.entry.id if self.entry is not None else None,
            )
        except InputError as exc:
            self._set_status(
                self.tr("Nothing to save yet: answer a question, or press Esc"), error=True
            )
            self.status_label.setToolTip(str(exc))
            return False
        except DaybookError as exc:
            from journal.ui.common.errors import ErrorDialog

            self._dirty = True
            self.write_draft()
            self.last_error = exc
            self._set_status(self.tr("Not saved — {0}").format(exc.what), error=True)
            ErrorDialog.show_error(self, exc)
            return False
        self._done = True
        self._dirty = False
        self._draft_timer.stop()
        self.drafts.discard(self.key)
        self.entry = entry
        self.saved.emit(entry)
        self.close()
        return True

    def snooze(self) -> None:
        """Keep the draft, ask again in 15 minutes (only about today), and close."""
        if self._done:
            return
        if self.images_pending():  # the draft should hold the image: snoozed once it is in
            self._after_images = self.snooze
            return
        self.write_draft()
        self._done = True
        if self.day == self.service.today():
            self.snoozed.emit(self.service.snooze(SNOOZE_SHORT, day=self.day))
        self.close()

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        role = QPalette.ColorRole.BrightText if error else QPalette.ColorRole.PlaceholderText
        self.status_label.setForegroundRole(role)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done and self.images_pending():  # closed once the image is in the draft
            self._after_images = self.close
            event.ignore()
            return
        if not self._done:
            self.write_draft()
        super().closeEvent(event)
        if not self._closed_emitted:
            self._closed_emitted = True
            self.closed.emit(self.day)


class PromptLauncher(QObject):
    """Opens prompt windows: one per day, brought forward when asked for again."""

    entrySaved = Signal(object)  # Entry
    snoozed = Signal(object)  # dt.datetime

    def __init__(
        self, service: PromptService, drafts: DraftStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.drafts = drafts
        self.windows: dict[dt.date, PromptWindow] = {}

    def open(self, day: dt.date | None = None, *, passive: bool = False) -> PromptWindow:
        """The window for `day` (default today), shown; `passive` leaves the focus alone."""
        day = day or self.service.today()
        window = self.windows.get(day)
        if window is None:
            window = PromptWindow(self.service, self.drafts, day)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            window.saved.connect(self.entrySaved)
            window.snoozed.connect(self.snoozed)
            window.closed.connect(self._forget)
            self.windows[day] = window
        if passive:
            if not window.isVisible():
                window.show_passive()
        else:
            window.show_active()
        return window

    def _forget(self, day: dt.date) -> None:
        self.windows.pop(day, None)

    def close_all(self) -> None:
        """Close every window (each keeps its draft, with the images on their way)."""
        for window in list(self.windows.values()):
            window.settle()
            window.close()

    def settle_all(self) -> None:
        """Every window's images into its answers and its draft written (see `settle`)."""
        for window in list(self.windows.values()):
            window.settle()


def answers_from_env() -> list[str] | None:
    """The answers of the end-to-end test hook, or None when it is not set (the normal case)."""
    raw = os.environ.get(TEST_ANSWERS_ENV)
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return value


def run_test_hook(window: PromptWindow, answers: Sequence[str]) -> None:
    """Test hook (DAYBOOK_TEST_ANSWERS): type `answers` into the window's boxes with real key
    events, then press Ctrl+Return, as a user would. An end-to-end test cannot send keys to an
    offscreen process from outside, so the process does it itself; only `daybook prompt`
    calls this, and only when that variable is set."""
    from PySide6.QtTest import QTest

    tries = [0]

    def type_them() -> None:
        # Shortcuts need the window active; activation arrives from the platform a moment
        # after show(), so wait for it (a few seconds at most) before typing.
        if QApplication.activeWindow() is not window and tries[0] < 100:
            tries[0] += 1
            window.activateWindow()
            QTimer.singleShot(50, type_them)
            return
        boxes = list(window.editors.values())
        for box, text in zip(boxes, answers, strict=False):
            box.setFocus(Qt.FocusReason.TabFocusReason)
            for number, line in enumerate(text.split("\n")):
                if number:  # QTest.keyClicks cannot type a newline
                    QTest.keyClick(box, Qt.Key.Key_Return)
                QTest.keyClicks(box, line)
        target = window.focusWidget() or window
        QTest.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(0, type_them)
