"""Images into the editor: paste, drop and Insert Image… store the image at once and insert
its reference; a refused image is reported and leaves the text as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence

from journal.domain.attachments import references
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
    with qtbot.waitSignal(editor.entrySaved, timeout=5000) as saved:
        qtbot.keySequence(editor.body_edit, QKeySequence.StandardKey.Paste)
    body = saved.args[0].body
    assert body.startswith("The board:\n\n![](attachment:") and len(stored(journal, body)) == 1


def test_dropping_photo_files_stores_them_without_metadata(
    editor: EntryEditor, journal: Journal, tmp_path: Path
) -> None:
    photo = tmp_path / "team-offsite-gps.JPG"
    photo.write_bytes(jpeg_with_gps())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(photo))])
    assert editor.body_edit.canInsertFromMimeData(mime)
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
    editor: EntryEditor, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg_with_gps())
    monkeypatch.setattr("journal.ui.editor.editor.ask_image_file", lambda parent: photo)
    editor.body_edit.setPlainText("Before")
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    assert editor.body_edit.insert_image_action is not None
    editor.body_edit.insert_image_action.trigger()
    text = editor.body_edit.toPlainText()
    assert text.startswith("Before\n\n![](attachment:") and len(stored(journal, text)) == 1
    assert editor_images.SUFFIXES[0] == ".png"
