"""Images into the editor: paste, drop and Insert Image… store the image at once and insert
its reference; a refused image is reported and leaves the text as it was."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QTextCursor

from journal.domain.attachments import references
from journal.domain.filters import EntryFilter
from journal.services.drafts import DraftStore
from journal.ui.editor import editor_images
from journal.ui.editor.editor import EntryEditor
from tests.image_samples import CAMERA, jpeg_with_gps

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def editor(journal: Journal, paths: AppPaths, qtbot: QtBot) -> EntryEditor:
    edit = EntryEditor(journal, DraftStore(paths.drafts), autosave_ms=50)
    qtbot.addWidget(edit)
    edit.resize(700, 500)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


@pytest.fixture
def clipboard(qapp: QApplication) -> Iterator[Any]:
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


def stored(journal: Journal, text: str) -> list[bytes]:
    found = journal.store.attachments.get_many(references(text))
    return [found[sha].data for sha in references(text) if sha in found]


def test_ctrl_v_of_an_image_inserts_its_reference(
    editor: EntryEditor, journal: Journal, clipboard: Any, qtbot: QtBot
) -> None:
    editor.body_edit.setFocus()
    qtbot.keyClicks(editor.body_edit, "The board:")
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    clipboard.setImage(image)
    with qtbot.waitSignal(
        editor.entrySaved, timeout=5000, check_params_cb=lambda e: "attachment:" in e.body
    ) as saved:
        qtbot.keySequence(editor.body_edit, QKeySequence.StandardKey.Paste)
    body = saved.args[0].body
    assert body.startswith("The board:\n\n![](attachment:") and len(stored(journal, body)) == 1


def test_dropping_photo_files_stores_them_without_metadata(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: Any
) -> None:
    photo = tmp_path / "team-offsite-gps.JPG"
    photo.write_bytes(jpeg_with_gps())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(photo))])
    assert editor.body_edit.canInsertFromMimeData(mime)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=5000):
        editor.body_edit.insertFromMimeData(mime)
    text = editor.body_edit.toPlainText()
    assert text.count("](attachment:") == 2 and "offsite" not in text
    (data,) = {bytes(d) for d in stored(journal, text)}  # the same photo, stored once
    assert CAMERA.encode() not in data and b"Exif" not in data


def test_a_refused_drop_is_reported_and_changes_nothing(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: QtBot
) -> None:
    drawing = tmp_path / "diagram.png"
    drawing.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    editor.body_edit.setPlainText("kept text")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(drawing))])
    with qtbot.waitSignal(editor.saveFailed, timeout=2000) as failed:
        editor.body_edit.insertFromMimeData(mime)
    assert "SVG" in str(failed.args[0])
    assert editor.body_edit.toPlainText() == "kept text"
    assert journal.store.attachments.hashes() == set()


def test_plain_text_still_pastes_as_text(editor: EntryEditor) -> None:
    mime = QMimeData()
    mime.setText("just words, no picture.png")
    editor.body_edit.insertFromMimeData(mime)
    assert editor.body_edit.toPlainText() == "just words, no picture.png"


def test_insert_image_asks_for_a_file(
    editor: EntryEditor,
    journal: Journal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg_with_gps())
    monkeypatch.setattr("journal.ui.editor.editor_images.ask_image_file", lambda parent: photo)
    editor.body_edit.setPlainText("Before")
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    assert editor.body_edit.insert_image_action is not None
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=5000):
        editor.body_edit.insert_image_action.trigger()
    text = editor.body_edit.toPlainText()
    assert text.startswith("Before\n\n![](attachment:") and len(stored(journal, text)) == 1
    assert editor_images.SUFFIXES[0] == ".png"


# -- off the UI thread -------------------------------------------------------------------


class GatedSink:
    """An image sink that waits for the test's go-ahead and notes the thread it ran on."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.go = threading.Event()
        self.threads: list[int] = []

    def __call__(self, data: bytes, name: str) -> str:
        self.threads.append(threading.get_ident())
        self.go.wait(10)  # a safety net only: the test sets it
        return str(self.real(data, name))


def test_a_paste_is_stored_off_the_ui_thread_while_typing_goes_on(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: Any
) -> None:
    """The editor takes keys while an image is re-encoded; the image lands where it was
    pasted, before what was typed after the paste."""
    edit = editor.body_edit
    sink = GatedSink(edit.image_sink)
    edit.image_sink = sink
    edit.setPlainText("Before")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    photo = tmp_path / "big.jpg"
    photo.write_bytes(jpeg_with_gps())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    edit.insertFromMimeData(mime)
    assert edit.toPlainText() == "Before" and edit.images_pending() == 1
    qtbot.keyClicks(edit, " and after")  # typed while the worker holds the image
    assert edit.toPlainText() == "Before and after"
    with qtbot.waitSignal(edit.imagesInserted, timeout=5000) as inserted:
        sink.go.set()
    (reference,) = inserted.args[0]
    assert edit.toPlainText() == f"Before\n\n{reference}\n\n and after"
    assert sink.threads and threading.get_ident() not in sink.threads
    assert edit.images_pending() == 0 and len(stored(journal, reference)) == 1


def test_a_pasted_clipboard_image_is_encoded_off_the_ui_thread(
    editor: EntryEditor, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    real = editor_images.png_bytes

    def spy(image: QImage) -> bytes:
        threads.append(threading.get_ident())
        return real(image)

    monkeypatch.setattr(editor_images, "png_bytes", spy)
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkRed)
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(editor.body_edit.imagesInserted, timeout=5000):
        editor.body_edit.insertFromMimeData(mime)
    assert threads and threading.get_ident() not in threads


def _paste_file(edit: Any, tmp_path: Path) -> GatedSink:
    sink = GatedSink(edit.image_sink)
    edit.image_sink = sink
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg_with_gps())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    edit.insertFromMimeData(mime)
    return sink


def test_images_of_an_entry_left_meanwhile_go_to_that_entry_not_the_next(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: Any
) -> None:
    first = journal.add("First entry", title="A")
    second = journal.add("Second entry", title="B")
    editor.edit_entry(first)
    edit = editor.body_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    sink = _paste_file(edit, tmp_path)
    editor.edit_entry(second)  # left before the image was stored
    with qtbot.waitSignal(edit.imagesPending, timeout=5000, check_params_cb=lambda n: n == 0):
        sink.go.set()
    assert edit.toPlainText() == "Second entry"
    body = journal.get(first.id).body
    assert body.startswith("First entry\n\n![](attachment:") and len(stored(journal, body)) == 1
    assert journal.get(second.id).body == "Second entry"


def test_images_of_a_new_entry_saved_on_leaving_go_to_it(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: Any
) -> None:
    """A new entry cannot take images once left: leaving waits for them, so they land
    where they were pasted and are saved with it."""
    edit = editor.body_edit
    qtbot.keyClicks(edit, "Fresh words")
    sink = _paste_file(edit, tmp_path)
    opener = threading.Timer(0.2, sink.go.set)  # while the leaving waits
    opener.start()
    editor.new_entry(TODAY)  # saves "Fresh words" and the image, then starts another
    opener.join()
    (entry,) = [e for e in journal.list_entries(EntryFilter(), limit=None)]
    assert entry.body.startswith("Fresh words\n\n![](attachment:")
    assert edit.toPlainText() == "" and edit.images_pending() == 0


def test_an_image_of_a_new_entry_that_came_too_late_is_one_message_and_not_kept(
    editor: EntryEditor,
    journal: Journal,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the wait on leaving gives up (an image slower than SETTLE_MS), the image that
    arrives later has no entry to go to: it is said once and removed from the journal."""
    monkeypatch.setattr(editor_images, "SETTLE_MS", 0)
    other = journal.add("Other", title="O")
    sink = _paste_file(editor.body_edit, tmp_path)
    qtbot.waitUntil(lambda: bool(sink.threads))  # the worker is storing it
    editor.edit_entry(other)
    with qtbot.waitSignal(editor.saveFailed, timeout=5000) as failed:
        sink.go.set()
    assert "left before it was stored" in str(failed.args[0])
    assert journal.get(other.id).body == "Other"
    assert journal.store.attachments.hashes() == set()


def test_an_image_not_yet_begun_when_the_wait_gave_up_is_not_stored_and_said() -> None:
    calls: list[str] = []

    def sink(_data: bytes, name: str) -> str:
        calls.append(name)
        return "x"

    job = editor_images.ImageJob([QImage(8, 8, QImage.Format.Format_RGB32)], sink)
    assert not job.wait(0)  # given up before the worker began
    references, error = job.run()
    assert references == [] and calls == []
    assert error is not None and "not added" in str(error)


def test_an_image_whose_entry_was_reloaded_lands_at_its_end(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: Any
) -> None:
    entry = journal.add("Line one\n\nLine two", title="A")
    editor.edit_entry(entry)
    edit = editor.body_edit
    cursor = edit.textCursor()
    cursor.setPosition(3)
    edit.setTextCursor(cursor)
    sink = _paste_file(edit, tmp_path)
    editor.edit_entry(journal.get(entry.id))  # the same entry, its text loaded again
    with qtbot.waitSignal(edit.imagesInserted, timeout=5000):
        sink.go.set()
    text = edit.toPlainText()
    assert text.startswith("Line one\n\nLine two\n\n![](attachment:")


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "SVG"),
        (b"GIF89a\x00", "b.png"),
        (b"", "not a PNG, JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG"),
    ],
)
def test_a_refused_image_among_several_is_one_message_and_keeps_those_before(
    editor: EntryEditor, journal: Journal, tmp_path: Path, qtbot: Any, second: bytes, message: str
) -> None:
    edit = editor.body_edit
    edit.setPlainText("text")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    good, bad, third = tmp_path / "a.jpg", tmp_path / "b.png", tmp_path / "c.jpg"
    good.write_bytes(jpeg_with_gps(1))
    bad.write_bytes(second)
    third.write_bytes(jpeg_with_gps(3))
    failures: list[BaseException] = []
    edit.imageFailed.connect(failures.append)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (good, bad, third)])
    with qtbot.waitSignal(edit.imagesPending, timeout=5000, check_params_cb=lambda n: n == 0):
        edit.insertFromMimeData(mime)
    assert len(failures) == 1 and message in str(failures[0]) and "b.png" in str(failures[0])
    assert "\n" not in str(failures[0])
    text = edit.toPlainText()
    assert text.startswith("text\n\n![](attachment:") and text.count("attachment:") == 1
    assert len(journal.store.attachments.hashes()) == 1  # the third was never read


def test_a_file_that_vanished_before_the_worker_read_it_is_reported(
    editor: EntryEditor, tmp_path: Path, qtbot: Any
) -> None:
    gone = tmp_path / "gone.png"
    with qtbot.waitSignal(editor.saveFailed, timeout=5000) as failed:
        editor.body_edit.insert_images([gone])
    assert "gone.png" in str(failed.args[0])
    assert editor.body_edit.toPlainText() == ""


_EDIT = st.tuples(
    st.sampled_from(["insert", "delete"]),
    st.floats(0, 1),
    st.floats(0, 1),
    st.text(alphabet="ab \n-#", max_size=6),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.text(alphabet="xy \n", max_size=20),
    caret=st.floats(0, 1),
    edits=st.lists(_EDIT, max_size=5),
)
def test_property_what_is_typed_while_an_image_is_stored_is_never_lost(
    editor: EntryEditor, tmp_path: Path, qtbot: Any, start: str, caret: float, edits: list[Any]
) -> None:
    """Whatever is typed or deleted anywhere while the image is on its way, the text in
    the end is exactly that text with the image's paragraph added once."""
    edit = editor.body_edit
    real = edit.image_sink
    sink = GatedSink(real)
    edit.image_sink = sink
    try:
        edit.setPlainText(start)
        cursor = edit.textCursor()
        cursor.setPosition(round(caret * len(start)))
        edit.setTextCursor(cursor)
        photo = tmp_path / "p.jpg"
        if not photo.exists():
            photo.write_bytes(jpeg_with_gps())
        edit.insert_images([photo])
        for op, a, b, text in edits:
            size = len(edit.toPlainText())
            other = QTextCursor(edit.document())
            other.setPosition(round(a * size))
            if op == "insert":
                other.insertText(text)
            else:
                other.setPosition(round(b * size), QTextCursor.MoveMode.KeepAnchor)
                other.removeSelectedText()
        typed = edit.toPlainText()
        with qtbot.waitSignal(edit.imagesInserted, timeout=5000) as inserted:
            sink.go.set()
        (reference,) = inserted.args[0]
        final = edit.toPlainText()
        assert final.count(reference) == 1
        block = reference + "\n\n"
        assert final.replace("\n\n" + block, "", 1) == typed or final.replace(block, "", 1) == typed
    finally:
        edit.image_sink = real
