"""The entry editor: plain-text Markdown, saved by itself, with a draft on disk while it types.

Saving is a conversation with `Journal` only: a new entry is added on its first save and
edited afterwards. A save happens `autosave_ms` after the last change, when the focus leaves
the editor, and on `flush()`/close; "Saved hh:mm" is shown only after the commit returned.
Between saves a draft is written (at most ~300 ms after a change) so a crash loses little;
it is discarded once the entry is committed, and kept when the commit fails.

The text widget is `markdown_edit.MarkdownEdit`, the tags field `tags_edit.TagsEdit` (both
also importable from here).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFocusEvent, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from journal.domain.attachments import references
from journal.domain.entry import Entry, local_now
from journal.domain.tags import hashtags
from journal.errors import DaybookError
from journal.services.drafts import Draft, DraftStore
from journal.ui.editor.markdown_edit import MarkdownEdit
from journal.ui.editor.tags_edit import TagsEdit

if TYPE_CHECKING:
    from journal.services.journal import Journal

__all__ = ["DRAFT_DELAY_MS", "EntryEditor", "MarkdownEdit", "TagsEdit"]

DRAFT_DELAY_MS = 300


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


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
        # Images this editor stored (by hash) that may be in no entry yet: on leaving an
        # entry or closing, those no text refers to are removed (see `settle`).
        self._stored_images: set[str] = set()
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
        self.body_edit.imagesInserted.connect(
            lambda refs: self._stored_images.update(references("\n".join(refs)))
        )

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

    def settle(self) -> bool:
        """Before the editor, the window or the journal closes (quit, session end, SIGTERM,
        a conversion): the images still being stored are put into the text, the text is
        saved, and the images it stored that no text refers to any more are removed. False
        if the save failed (the draft, with its images, stays on disk)."""
        self.body_edit.settle_images()
        saved = self.flush()
        self._discard_unused_images()
        return saved

    def _leave_current(self) -> None:
        if self._entry_id is None and self.body_edit.images_pending():
            # A new entry cannot receive its images once left: they go into its text first.
            self.body_edit.settle_images()
        if self._dirty:
            self.flush()  # a failure keeps the draft on disk; it is offered back at start
        self._discard_unused_images()

    def _discard_unused_images(self) -> None:
        """Remove the images this editor stored that neither its text (saved, or kept as a
        draft) nor any entry refers to: pasted, then taken out again."""
        in_text = set(references(self.body_edit.toPlainText()))
        if self._dirty:  # not saved: the draft on disk refers to the text's images
            self._stored_images -= in_text
        unused = self._stored_images - in_text
        if not unused:
            return
        from journal.services.attachments import discard_unused_images

        try:
            discard_unused_images(self._journal, sorted(unused))
        except DaybookError:
            return  # left for `daybook check` to report; nothing the user wrote is at stake
        self._stored_images -= unused

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

    def _images_for_left_entry(self, markdown: list[str], key: object) -> None:
        """Images stored after the entry they were pasted into was left: added at the end
        of that entry (or of the text, when it is the one shown again); not left behind
        in the journal when that entry cannot take them."""
        from journal.services.attachments import append_references

        if key == self._key:  # back on the same entry (a reload of its text)
            self.body_edit.insert_references_at_end(markdown)
            return
        shas = set(references("\n".join(markdown)))
        entry_id = self._saved_ids.get(str(key))
        try:
            if entry_id is None:
                raise DaybookError(
                    "the pasted image was not added: the entry was left before it was stored",
                    "open the entry and paste the image again",
                )
            append_references(self._journal, entry_id, markdown)  # the views hear of it
        except DaybookError as exc:
            self._stored_images.update(shas)  # in no text: removed unless an entry has it
            self._discard_unused_images()
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
        self.settle()  # a failure keeps the draft on disk
        super().closeEvent(event)
