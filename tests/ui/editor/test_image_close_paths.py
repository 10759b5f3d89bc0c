"""Every way the editor (or the prompt, or the app) closes right after an image was pasted,
dropped or inserted keeps the entry and its image consistent: the text saved refers to the
image, or the image is not left behind in the journal (issue 19's orphan window).

Each test closes while the worker still holds the image (a sink waiting on a gate that a
helper thread opens a moment later), then looks at the journal the way the next start
would: without running the event loop again (a quitting app runs no more events)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QMimeData, QThreadPool, QUrl
from PySide6.QtGui import QTextCursor

from journal.domain.attachments import references
from journal.domain.filters import EntryFilter
from journal.services.drafts import DraftStore
from journal.ui.editor.editor import EntryEditor
from tests.image_samples import jpeg_with_gps

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

OTHER_DAY = dt.date(2026, 11, 2)


class SlowSink:
    """Stores through the real sink once `gate` is open: the worker is busy meanwhile."""

    def __init__(self, real: Callable[[bytes, str], str]) -> None:
        self.real = real
        self.gate = threading.Event()

    def __call__(self, data: bytes, name: str) -> str:
        self.gate.wait(20)  # a safety net only: the test opens it
        return str(self.real(data, name))

    def open_soon(self) -> threading.Thread:
        """Open the gate from another thread a moment after the close has begun."""
        thread = threading.Timer(0.2, self.gate.set)
        thread.start()
        return thread


@pytest.fixture
def editor(journal: Journal, paths: AppPaths, qtbot: QtBot) -> EntryEditor:
    edit = EntryEditor(journal, DraftStore(paths.drafts), autosave_ms=600_000)
    qtbot.addWidget(edit)
    edit.resize(700, 500)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def drop_photo(edit: Any, tmp_path: Path, name: str = "board.jpg") -> SlowSink:
    """Drop a photo into `edit` with a slow sink; the worker is then holding it."""
    sink = SlowSink(edit.image_sink)
    edit.image_sink = sink
    photo = tmp_path / name
    photo.write_bytes(jpeg_with_gps())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    edit.insertFromMimeData(mime)
    assert edit.images_pending() == 1
    return sink


def after_quit(sink: SlowSink, thread: threading.Thread | None = None) -> None:
    """What a quitting app leaves: the worker finishes, no event is run any more."""
    sink.gate.set()
    if thread is not None:
        thread.join()
    assert QThreadPool.globalInstance().waitForDone(30_000)


def assert_consistent(journal: Journal) -> None:
    missing, orphaned = journal.store.attachments.problems()
    assert (missing, orphaned) == ([], [])


def bodies(journal: Journal) -> list[str]:
    return [e.body for e in journal.list_entries(EntryFilter(), limit=None)]


def test_closing_the_editor_while_an_image_is_stored_saves_it_in_the_entry(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    qtbot.keyClicks(editor.body_edit, "The whiteboard")
    sink = drop_photo(editor.body_edit, tmp_path)
    thread = sink.open_soon()
    editor.close()
    after_quit(sink, thread)
    (body,) = bodies(journal)
    assert body.startswith("The whiteboard\n\n![](attachment:") and len(references(body)) == 1
    assert_consistent(journal)


def test_closing_the_editor_right_after_the_image_arrived_saves_it(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    """The image is in the text, the autosave has not run yet: the close saves both."""
    qtbot.keyClicks(editor.body_edit, "Arrived")
    sink = drop_photo(editor.body_edit, tmp_path)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=10_000):
        sink.gate.set()
    assert editor.is_dirty()
    editor.close()
    after_quit(sink)
    (body,) = bodies(journal)
    assert len(references(body)) == 1
    assert_consistent(journal)


def test_an_image_pasted_alone_into_a_new_entry_left_at_once_is_saved_as_that_entry(
    editor: EntryEditor, journal: Journal, tmp_path: Path
) -> None:
    other = journal.add("Other entry", title="O", day=OTHER_DAY)
    sink = drop_photo(editor.body_edit, tmp_path)
    thread = sink.open_soon()
    editor.edit_entry(other)  # the new entry had nothing but the image on its way
    after_quit(sink, thread)
    assert editor.body_edit.toPlainText() == "Other entry"
    saved = [b for b in bodies(journal) if b != "Other entry"]
    assert len(saved) == 1 and len(references(saved[0])) == 1
    assert_consistent(journal)


def test_an_image_whose_reference_was_deleted_is_not_left_behind_on_leaving(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    other = journal.add("Other entry", title="O", day=OTHER_DAY)
    qtbot.keyClicks(editor.body_edit, "Keep this")
    sink = drop_photo(editor.body_edit, tmp_path)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=10_000):
        sink.gate.set()
    editor.body_edit.setPlainText("Keep this")  # the user took the image out again
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body_edit, "!")
    editor.edit_entry(other)
    after_quit(sink)
    assert sorted(bodies(journal)) == ["Keep this!", "Other entry"]
    assert journal.store.attachments.hashes() == set()


def test_an_image_removed_from_the_text_is_not_left_behind_on_close(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    qtbot.keyClicks(editor.body_edit, "Words")
    sink = drop_photo(editor.body_edit, tmp_path)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=10_000):
        sink.gate.set()
    cursor = editor.body_edit.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText("Words only")  # as typed over a selection: one undoable edit
    editor.close()
    after_quit(sink)
    assert bodies(journal) == ["Words only"]
    assert journal.store.attachments.hashes() == set()


def test_an_image_also_used_by_a_saved_entry_stays_when_removed_from_another(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    """Only images nothing refers to go: the same photo saved elsewhere is kept."""
    qtbot.keyClicks(editor.body_edit, "First")
    sink = drop_photo(editor.body_edit, tmp_path)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=10_000):
        sink.gate.set()
    assert editor.flush()
    editor.new_entry(OTHER_DAY)
    qtbot.keyClicks(editor.body_edit, "Second")
    sink = drop_photo(editor.body_edit, tmp_path)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=10_000):
        sink.gate.set()
    editor.body_edit.selectAll()
    editor.body_edit.insertPlainText("Second, no image")
    editor.close()
    after_quit(sink)
    assert len(journal.store.attachments.hashes()) == 1
    assert_consistent(journal)


def test_a_failed_save_on_close_keeps_the_image_for_the_draft(
    editor: EntryEditor,
    journal: Journal,
    paths: AppPaths,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The draft on disk refers to the image: it must not be removed under it."""
    from journal.errors import DaybookError

    qtbot.keyClicks(editor.body_edit, "Refused")
    sink = drop_photo(editor.body_edit, tmp_path)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=10_000):
        sink.gate.set()

    def refuse(*_a: object, **_k: object) -> None:
        raise DaybookError("the disk is full", "free some space")

    monkeypatch.setattr(journal, "add", refuse)
    editor.close()
    after_quit(sink)
    (draft,) = DraftStore(paths.drafts).pending()
    (sha,) = references(draft.body)
    assert journal.store.attachments.hashes() == {sha}


def test_quitting_the_main_window_while_an_image_is_stored_saves_it(
    make_window: MakeWindow, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window(journal)
    window.new_entry()
    editor = window.panes.editor
    qtbot.keyClicks(editor.body_edit, "Quit soon")
    sink = drop_photo(editor.body_edit, tmp_path)
    thread = sink.open_soon()
    window.ui_actions.quit_action.trigger()
    after_quit(sink, thread)
    (body,) = bodies(journal)
    assert body.startswith("Quit soon\n\n![](attachment:")
    assert_consistent(journal)


def test_quitting_from_the_reader_while_an_image_is_stored_saves_it(
    make_window: MakeWindow, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    """The editor was left for the reader (saved) before the image came: quitting then
    still puts it into the entry."""
    window = make_window(journal)
    window.new_entry()
    editor = window.panes.editor
    qtbot.keyClicks(editor.body_edit, "Then the reader")
    sink = drop_photo(editor.body_edit, tmp_path)
    assert window.entry_controller.show_reader()
    thread = sink.open_soon()
    window.close()
    after_quit(sink, thread)
    (body,) = bodies(journal)
    assert body.startswith("Then the reader\n\n![](attachment:")
    assert_consistent(journal)


def test_the_journal_closed_for_a_conversion_gets_the_image_first(
    make_window: MakeWindow, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    """Settings > Security closes the journal to convert it: the image on its way and the
    text are saved before (the worker must not write into a journal being converted)."""
    from journal.app import security_actions

    window = make_window(journal)
    window.new_entry()
    editor = window.panes.editor
    qtbot.keyClicks(editor.body_edit, "Before encrypting")
    sink = drop_photo(editor.body_edit, tmp_path)
    thread = sink.open_soon()
    security_actions(window, journal).before()
    assert editor.body_edit.images_pending() == 0
    after_quit(sink, thread)
    window.journal_changes.timer.start()
    (body,) = bodies(journal)
    assert body.startswith("Before encrypting\n\n![](attachment:")
    assert_consistent(journal)


def test_the_session_ending_saves_the_editor_and_the_prompts_with_their_images(
    make_desk_live: Callable[[Journal], Any], journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    """What the app does when the desktop session ends (or SIGTERM comes): every image on
    its way lands in its text, the editor's text is saved, each prompt's draft written."""
    from journal.app import save_for_shutdown

    desk = make_desk_live(journal)
    window = desk.window
    window.new_entry()
    editor = window.panes.editor
    qtbot.keyClicks(editor.body_edit, "Session ends")
    editor_sink = drop_photo(editor.body_edit, tmp_path, "one.jpg")
    prompt = desk.launcher.open()
    prompt_edit = prompt.first_editor()
    qtbot.keyClicks(prompt_edit, "Prompt words")
    prompt_sink = drop_photo(prompt_edit, tmp_path, "two.png.jpg")
    threads = [editor_sink.open_soon(), prompt_sink.open_soon()]
    save_for_shutdown(window, desk)
    for sink, thread in zip((editor_sink, prompt_sink), threads, strict=True):
        after_quit(sink, thread)
    (body,) = bodies(journal)
    assert body.startswith("Session ends\n\n![](attachment:")
    (draft,) = desk.launcher.drafts.pending()
    assert "Prompt words" in draft.body and len(references(draft.body)) == 1
    assert references(draft.body)[0] in journal.store.attachments.hashes()


def test_closing_the_prompt_while_an_image_is_stored_keeps_it_in_the_draft_at_once(
    make_desk_live: Callable[[Journal], Any], journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    """Quit closes the prompt windows and then the app: the draft must hold the image when
    the close returns (no later event would write it)."""
    desk = make_desk_live(journal)
    prompt = desk.launcher.open()
    edit = prompt.first_editor()
    qtbot.keyClicks(edit, "Answer")
    sink = drop_photo(edit, tmp_path)
    thread = sink.open_soon()
    desk.launcher.close_all()
    after_quit(sink, thread)
    assert not prompt.isVisible()
    (draft,) = desk.launcher.drafts.pending()
    (sha,) = references(draft.body)
    assert sha in journal.store.attachments.hashes()
