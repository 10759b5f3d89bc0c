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

A window can be shown before the journal is open (`daybook prompt` paints it first): built
with `service=None`, it takes typing in plain boxes at once, and `attach(service, drafts)`
later fills in the day's reflection, the draft, the streak and the editor's widgets, keeping
what was typed meanwhile after what was loaded. Save, Esc and closing asked for before that
are done once the journal is there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from journal.domain.prompts import FREE_TEXT, compose, custom_sets, find_set, parse_answers
from journal.errors import DaybookError, InputError
from journal.ui.common.overrides import override
from journal.ui.common.placement import place_on_mouse_screen
from journal.ui.prompt.prompt_form import PromptForm

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.domain.entry import Entry
    from journal.paths import AppPaths
    from journal.services.drafts import Draft, DraftStore
    from journal.services.prompt import PromptService
    from journal.settings import Settings

DRAFT_DELAY_MS = 300
DRAFT_FOLDER = "prompt"  # below the drafts folder: the main editor's start-up offer skips it


def prompt_drafts(paths: AppPaths) -> DraftStore:
    """The prompt's own drafts (kept apart so the main editor never restores them)."""
    from journal.services.drafts import DraftStore

    return DraftStore.for_journal(paths.drafts / DRAFT_FOLDER, paths)


def draft_key(day: dt.date) -> str:
    return f"prompt-{day.isoformat()}"


def joined(loaded: str, typed: str) -> str:
    """A box's text once the journal is open: what was loaded, then what was typed before."""
    if not typed.strip():
        return loaded
    if not loaded.strip():
        return typed
    return f"{loaded.rstrip()}\n\n{typed.lstrip()}"


class PromptWindow(PromptForm):
    """The prompt for one reflection day; see the module docstring."""

    saved = Signal(object)  # Entry, after the commit returned
    snoozed = Signal(object)  # dt.datetime when the reminder comes again
    closed = Signal(object)  # dt.date, once, however the window closed
    firstPainted = Signal()  # after the first paint has been flushed
    attached = Signal()  # the journal's side is in

    def __init__(
        self,
        service: PromptService | None,
        drafts: DraftStore | None,
        day: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        today: dt.date | None = None,
        draft_delay_ms: int = DRAFT_DELAY_MS,
    ) -> None:
        """With `service` and `drafts`: the whole window at once. Without (the journal is
        not open yet): `settings`, `day` and `today` are needed, and `attach` comes later."""
        if service is not None:
            settings, today = service.settings, service.today()
        if settings is None or today is None:
            raise ValueError("a prompt window before the journal needs settings and today")
        day = day or today
        chosen = find_set(settings.question_set, custom_sets(settings.custom_question_sets))
        super().__init__(day, today, chosen.questions, parent)
        self.service: PromptService | None = None
        self.drafts: DraftStore | None = None
        self.today = today
        self.entry: Entry | None = None
        self.restored_draft: Draft | None = None
        self.last_error: DaybookError | None = None
        self._loading = False
        self._dirty = False
        self._done = False  # saved or snoozed: closing needs no draft
        self._closed_emitted = False
        self._placed = False
        self._painted = False
        # Save, Snooze or closing asked for while an image was on its way: done once it is in
        self._after_images: Callable[[], object] | None = None
        # ... or before the journal was open: done once it is
        self._after_attach: Callable[[], object] | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(draft_delay_ms)
        self._draft_timer.timeout.connect(self.write_draft)
        self._connect()
        if service is not None and drafts is not None:
            self.attach(service, drafts)

    # -- the journal's side ----------------------------------------------------------------

    @property
    def key(self) -> str:
        return draft_key(self.day)

    def is_attached(self) -> bool:
        return self.service is not None

    def attach(self, service: PromptService, drafts: DraftStore) -> None:
        """The journal is open: load the day's reflection or draft, the streak and the next
        step, put in the editor's widgets, and do what was asked for meanwhile. Text typed
        before goes after the loaded text of its box; its tags are added to the loaded."""
        if self.service is not None:
            return
        typed, typed_tags, typed_private = (
            self.answers(),
            self.tags(),
            self.private_check.isChecked(),
        )
        boxes = list(self.editors.values())
        untouched = not self._typed_into(typed) and (
            self.focusWidget() is None or self.focusWidget() is (boxes[0] if boxes else None)
        )
        self.service, self.drafts = service, drafts
        self.upgrade_boxes()
        answers, tags, private = self._load()
        self._loading = True
        try:
            for key in self.questions:
                if key not in self.editors:
                    self.add_box(key, key)
            if FREE_TEXT not in self.editors and (answers.get(FREE_TEXT) or not self.questions):
                self.add_box(FREE_TEXT, self.tr("Notes"), first=True)
            for key, edit in self.editors.items():
                text = joined(answers.get(key, ""), typed.get(key, ""))
                if text != edit.toPlainText():
                    edit.setPlainText(text)
                    edit.moveCursor(QTextCursor.MoveOperation.End)  # adding goes after
            with contextlib.suppress(DaybookError):
                self.tags_edit.set_completions([name for name, _n in service.journal.tag_counts()])
            self.tags_edit.set_tags(tuple(dict.fromkeys((*tags, *typed_tags))))
            self.private_check.setChecked(private or typed_private)
        finally:
            self._loading = False
        self._show_progress(service)
        self._connect_editors()
        self.set_tab_order()
        if self.restored_draft is not None:
            when = self.restored_draft.saved_at.astimezone().strftime("%H:%M")
            self.set_status(self.tr("Restored your draft of {time}").format(time=when))
            self._dirty = True
        elif any(t.strip() for t in typed.values()) or typed_tags or typed_private:
            self.set_status("")
            self._changed()
        if untouched:  # where typing starts, now that the answers are in
            self.first_editor().setFocus(Qt.FocusReason.OtherFocusReason)
        self.attached.emit()
        if self._after_attach is not None:
            then, self._after_attach = self._after_attach, None
            then()

    def _typed_into(self, typed: dict[str, str]) -> bool:
        return any(t.strip() for t in typed.values())

    def _load(self) -> tuple[dict[str, str], tuple[str, ...], bool]:
        from journal.domain.tags import hashtags

        assert self.service is not None and self.drafts is not None
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
            drafted = parse_answers(draft.body, self.questions)
            if draft.title.strip():  # never happens from this window; kept all the same
                drafted[FREE_TEXT] = (draft.title + "\n\n" + drafted.get(FREE_TEXT, "")).strip()
            if draft.entry_id is None and self.entry is not None:
                # Written before the day's reflection was known (or before it existed):
                # the reflection's answers stay, the draft's follow them.
                drafted = {
                    key: joined(answers.get(key, ""), drafted.get(key, ""))
                    for key in {*answers, *drafted}
                }
                tags, private = tuple(dict.fromkeys((*tags, *draft.tags))), private or draft.private
            else:
                tags, private = draft.tags, draft.private
            answers = drafted
        return answers, tags, private

    def _show_progress(self, service: PromptService) -> None:
        if self.entry is not None:
            self.intro_label.setText(
                self.tr("Adding to the reflection written at {time}").format(
                    time=self.entry.created.astimezone().strftime("%H:%M")
                )
            )
        streak = service.streak()
        self.show_streak(streak.current, streak.longest)
        self.next_step = service.yesterdays_next_step(self.day)
        previous = service.previous_working_day(self.day)
        self.show_next_step(self.next_step, previous == self.day - dt.timedelta(days=1))

    def _connect(self) -> None:
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

    def _connect_editors(self) -> None:
        for edit in self.editors.values():
            edit.textChanged.connect(self._changed)
            edit.set_image_sink(self._store_image)  # paste, drop, Insert Image… as the editor
            edit.imageFailed.connect(self._image_failed)
            edit.imagesPending.connect(self._images_pending)
        self.tags_edit.textChanged.connect(self._changed)

    # -- images ----------------------------------------------------------------------------

    def _store_image(self, data: bytes, name: str) -> str:
        """Store a pasted or dropped image (on a worker thread); its Markdown reference."""
        from journal.services.attachments import store_image_bytes

        assert self.service is not None
        return store_image_bytes(self.service.journal, data, name=name)

    def images_pending(self) -> int:
        """How many pastes or drops are still being stored."""
        if not self.upgraded:
            return 0
        return sum(edit.images_pending() for edit in self.editors.values())

    def _images_pending(self, _count: int) -> None:
        adding = self.tr("Adding the image…")
        if self.images_pending():
            self.set_status(adding)
            return
        if self.status_label.text() == adding:
            self.set_status("")
        if self._after_images is not None:
            then, self._after_images = self._after_images, None
            then()

    def settle(self) -> None:
        """Before the app ends (quit, session end, SIGTERM): the images still being stored
        are put into the answers at once (a save or close waiting for them then runs) and
        the draft written (no later event would)."""
        if self.upgraded:
            for edit in self.editors.values():
                edit.settle_images()
        if not self._done:
            self.write_draft()

    def _image_failed(self, error: DaybookError) -> None:
        from journal.ui.common.errors import ErrorDialog

        self._after_images = None  # the user should see the text before it is saved or closed
        self.set_status(self.tr("Image not added — {0}").format(error.what), error=True)
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

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)  # once this paint is flushed

    # -- the answers -----------------------------------------------------------------------

    def answers(self) -> dict[str, str]:
        """The text of every box by question (FREE_TEXT for the notes box)."""
        return {key: edit.toPlainText() for key, edit in self.editors.items()}

    def tags(self) -> tuple[str, ...]:
        if self.upgraded:
            return self.tags_edit.tags()
        return tuple(
            dict.fromkeys(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        )

    def is_dirty(self) -> bool:
        return self._dirty

    def _changed(self) -> None:
        if self._loading or self.service is None:
            return
        self._dirty = True
        if self.status_label.text() and self.last_error is None:
            self.set_status("")
        if not self._draft_timer.isActive():
            self._draft_timer.start()  # not restarted: a draft at most ~300 ms behind

    def write_draft(self) -> bool:
        """Write the draft now (an empty one is discarded); False if the disk refused."""
        from journal.domain.entry import local_now
        from journal.services.drafts import Draft

        self._draft_timer.stop()
        if not self._dirty or self.drafts is None:
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
            self.set_status(self.tr("Draft not written: {0}").format(exc), error=True)
            return False
        return True

    def keep_unattached(self, drafts: DraftStore) -> bool:
        """The journal could not be opened: keep what was typed as the day's draft, after
        the draft already there (whose reflection it stays about), so the next prompt
        offers it. False if nothing was typed or the disk refused."""
        from journal.domain.entry import local_now
        from journal.services.drafts import Draft

        typed = self.answers()
        if self.service is not None or not self._typed_into(typed):
            return False
        self.drafts = drafts
        older = drafts.load(self.key)
        questions = self.questions
        answers = typed
        if older is not None:
            loaded = parse_answers(older.body, questions)
            answers = {k: joined(loaded.get(k, ""), typed.get(k, "")) for k in {*loaded, *typed}}
        try:
            drafts.save(
                Draft(
                    key=self.key,
                    entry_id=older.entry_id if older is not None else None,
                    day=self.day,
                    title=older.title if older is not None else "",
                    body=compose(questions, answers),
                    tags=tuple(dict.fromkeys((*(older.tags if older else ()), *self.tags()))),
                    private=self.private_check.isChecked() or bool(older and older.private),
                    saved_at=local_now(),
                )
            )
        except (DaybookError, OSError):
            return False
        self._done = True
        return True

    def save(self) -> bool:
        """Save the answers as the day's reflection and close; False (window open) if not."""
        if self._done:
            return True
        if self.service is None:  # saved as soon as the journal is open
            self._after_attach = self.save
            self.set_status(self.tr("Opening the journal…"))
            return False
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
            self.set_status(
                self.tr("Nothing to save yet: answer a question, or press Esc"), error=True
            )
            self.status_label.setToolTip(str(exc))
            return False
        except DaybookError as exc:
            from journal.ui.common.errors import ErrorDialog

            self._dirty = True
            self.write_draft()
            self.last_error = exc
            self.set_status(self.tr("Not saved — {0}").format(exc.what), error=True)
            ErrorDialog.show_error(self, exc)
            return False
        assert self.drafts is not None
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
        from journal.domain.schedule import SNOOZE_SHORT

        if self._done:
            return
        if self.service is None:  # the draft needs the journal's side: done once it is in
            self._after_attach = self.snooze
            self.hide()
            return
        if self.images_pending():  # the draft should hold the image: snoozed once it is in
            self._after_images = self.snooze
            return
        self.write_draft()
        self._done = True
        if self.day == self.service.today():
            self.snoozed.emit(self.service.snooze(SNOOZE_SHORT, day=self.day))
        self.close()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done and self.service is None:  # closed once the draft can be written
            self._after_attach = self.close
            self.hide()
            event.ignore()
            return
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
