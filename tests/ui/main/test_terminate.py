"""SIGTERM ends the app the orderly way: an image pasted a moment before is put into the
text and saved with it (no orphan image, no lost text), and the process exits cleanly."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from journal.domain.attachments import references
from journal.domain.filters import EntryFilter
from journal.services.journal import Journal
from tests.image_samples import jpeg_with_gps

if TYPE_CHECKING:
    from pathlib import Path

    from journal.paths import AppPaths

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs POSIX signals"),
]

# The child types, drops a photo whose storing waits on a gate, says READY and runs; a
# thread opens the gate a moment after the SIGTERM has arrived.
CHILD = r"""
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journal.paths import AppPaths
from journal.services.drafts import DraftStore
from journal.services.journal import Journal
from journal.ui.common.terminate import quit_on_terminate
from journal.ui.editor.editor import EntryEditor

app = QApplication(sys.argv[:1])
paths = AppPaths.resolve()
journal = Journal.open(paths)
editor = EntryEditor(journal, DraftStore(paths.drafts), autosave_ms=3_600_000)
editor.show()
terminated = threading.Event()
real = editor.body_edit.image_sink


def slow(data, name):
    terminated.wait(60)
    threading.Event().wait(0.3)  # still busy when the editor is asked to settle
    return real(data, name)


def note_and_settle():
    terminated.set()
    editor.settle()


editor.body_edit.image_sink = slow
end = quit_on_terminate(app, note_and_settle)
QTest.keyClicks(editor.body_edit, "Before the logout")
mime = QMimeData()
mime.setUrls([QUrl.fromLocalFile(sys.argv[1])])
editor.body_edit.insertFromMimeData(mime)
print("READY", flush=True)
app.exec()
end()
journal.close()
print("CLEAN-EXIT", flush=True)
"""


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            return ""
    return proc.stdout.readline().decode()


def test_sigterm_right_after_a_drop_saves_the_entry_with_its_image(
    paths: AppPaths, tmp_path: Path
) -> None:
    photo = tmp_path / "board.jpg"
    photo.write_bytes(jpeg_with_gps())
    env = dict(os.environ, DAYBOOK_HOME=str(paths.home), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(photo)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    try:
        line = _read_line(proc, timeout=120)
        assert line.strip() == "READY", line
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert out.decode().strip() == "CLEAN-EXIT"
    with Journal.open(paths) as journal:
        (entry,) = journal.list_entries(EntryFilter(), limit=None)
        assert entry.body.startswith("Before the logout\n\n![](attachment:")
        assert len(references(entry.body)) == 1
        assert journal.store.attachments.problems() == ([], [])
