"""A crash while typing loses at most the last moments: the draft written as the user typed
survives a SIGKILL that comes before any autosave, and saving it back stores the text."""

from __future__ import annotations

import datetime as dt
import os
import selectors
import signal
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from journal.services.drafts import DraftStore
from journal.services.journal import Journal
from journal.ui.editor.editor import EntryEditor

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
]

TYPED = "Learned why WAL needs synchronous=FULL"  # QTest types ASCII only
PASTED = " (noted in Zürich 🙂)"
DAY = dt.date(2026, 5, 6)

# The child opens an editor with an autosave far in the future, types, waits until the draft
# is on disk, says so, and then just runs until it is killed.
CHILD = r"""
import datetime as dt
import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journal.paths import AppPaths
from journal.paths import AppPaths
from journal.services.drafts import DraftStore
from journal.services.journal import Journal
from journal.ui.editor.editor import EntryEditor

app = QApplication(sys.argv[:1])
paths = AppPaths.resolve()
journal = Journal.open(paths)
drafts = DraftStore(paths.drafts)
editor = EntryEditor(journal, drafts, autosave_ms=3_600_000)
editor.show()
editor.new_entry(dt.date.fromisoformat(sys.argv[2]))
QTest.keyClicks(editor.title_edit, "Before the crash")
QTest.keyClicks(editor.body_edit, sys.argv[1])
editor.body_edit.insertPlainText(sys.argv[3])  # as a paste would
expected = sys.argv[1] + sys.argv[3]


def wait_for_draft():
    pending = drafts.pending()
    if pending and pending[0].body == expected:
        print("DRAFT-WRITTEN", flush=True)
    else:
        QTimer.singleShot(20, wait_for_draft)


QTimer.singleShot(0, wait_for_draft)
app.exec()
"""


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    """One line of the child's output; '' if it ended or stayed silent (a hang guard)."""
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            return ""
    return proc.stdout.readline().decode()


def test_killed_while_typing_then_the_draft_is_offered_back(
    paths: AppPaths, qtbot: QtBot, tmp_path: Path
) -> None:
    env = dict(os.environ, DAYBOOK_HOME=str(paths.home), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, TYPED, DAY.isoformat(), PASTED],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    try:
        line = _read_line(proc, timeout=120)
        if line.strip() != "DRAFT-WRITTEN":
            proc.kill()
            _out, err = proc.communicate()
            pytest.fail(f"the child did not write its draft: {line!r}\n{err.decode()}")
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()

    [draft] = DraftStore(paths.drafts).pending()
    assert (draft.title, draft.body, draft.day, draft.entry_id) == (
        "Before the crash",
        TYPED + PASTED,
        DAY,
        None,
    )

    with Journal.open(paths) as journal:
        assert journal.store.count() == 0  # the autosave never ran: the draft is all there is
        editor = EntryEditor(journal, DraftStore(paths.drafts), autosave_ms=600_000)
        qtbot.addWidget(editor)
        editor.restore_draft(draft)
        with qtbot.waitSignal(editor.entrySaved, timeout=5000) as blocker:
            assert editor.flush()
        editor.close()
        entry = journal.get(blocker.args[0].id)
        assert (entry.title, entry.body, entry.day) == ("Before the crash", TYPED + PASTED, DAY)
    assert DraftStore(paths.drafts).pending() == []
