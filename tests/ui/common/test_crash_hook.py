"""The crash hook and the log: an error no code caught (in a slot, in a worker thread) is
logged with its traceback in the data folder, shown in the "something went wrong" dialog
with the log's path and Copy Details, and the text being typed is kept as a draft.

pytest-qt catches exceptions in slots itself (and fails the test): the tests that raise on
purpose turn that off (`qt_no_exception_capture`) so the app's own hook gets them."""

from __future__ import annotations

import logging
import stat
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt, QTimer, qWarning
from PySide6.QtWidgets import QApplication, QPushButton

from journal.cli_parser import build_parser
from journal.paths import AppPaths
from journal.settings import Settings
from journal.ui.common import crash
from journal.ui.common.errors import ErrorDialog

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _dialogs() -> list[ErrorDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()
    ]


@pytest.fixture
def hooked(paths: AppPaths, qapp: QApplication) -> Iterator[Path]:
    """The app's log and crash hook installed as `daybook gui` does; the log's path."""
    assert _dialogs() == []
    stop = crash.install(paths)
    yield crash.log_path(paths)
    stop()
    for dialog in _dialogs():
        dialog.close()
        dialog.deleteLater()
    QApplication.clipboard().clear()


class Boom(RuntimeError):
    """The error raised on purpose in a slot."""


def _raise_on_purpose() -> None:
    raise Boom("raised on purpose by the test hook")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_shown_and_the_typed_text_kept(
    hooked: Path,
    journal: Journal,
    qapp: QApplication,
    qtbot: QtBot,
    qsettings: Any,
    errors: list[Any],
) -> None:
    from journal.app import build_window

    window = build_window(qapp, journal, Settings(autosave_seconds=60), qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.new_entry()
    qtbot.keyClicks(window.panes.editor.body_edit, "Words that must survive")
    button = QPushButton("crash", window)
    button.clicked.connect(_raise_on_purpose)
    button.click()  # the slot raises; PySide hands the error to sys.excepthook
    qtbot.waitUntil(lambda: bool(_dialogs()))
    dialog = _dialogs()[0]
    assert "Something went wrong" in dialog.text()
    assert str(hooked) in dialog.informativeText()
    assert dialog.copy_button is not None and dialog.copy_button.isVisible()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "Boom: raised on purpose" in copied and "_raise_on_purpose" in copied
    assert dialog.isVisible()  # copying does not close the dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc (and the title bar's close) does
    assert not dialog.isVisible()
    text = hooked.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "_raise_on_purpose" in text
    assert _mode(hooked) == 0o600 and _mode(hooked.parent) == 0o700
    drafts = window.drafts.pending()
    assert [d.body for d in drafts] == ["Words that must survive"]
    assert window.is_editing()  # the text stays in the editor too
    assert errors == []
    window.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_is_logged_and_shown_on_the_gui_thread(
    hooked: Path, qtbot: QtBot
) -> None:
    worker = threading.Thread(target=_raise_on_purpose, name="import-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(_dialogs()))
    text = hooked.read_text(encoding="utf-8")
    assert "unexpected error in thread import-worker" in text and "Boom" in text


@pytest.mark.qt_no_exception_capture
def test_a_second_error_while_the_dialog_is_open_is_logged_not_stacked(
    hooked: Path, qtbot: QtBot
) -> None:
    QTimer.singleShot(0, _raise_on_purpose)
    qtbot.waitUntil(lambda: bool(_dialogs()))
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(ValueError("second")))
    qtbot.waitUntil(lambda: "ValueError: second" in hooked.read_text(encoding="utf-8"))
    qtbot.wait(50)
    assert len(_dialogs()) == 1


@pytest.mark.no_qt_log
def test_qt_warnings_go_to_the_log(hooked: Path) -> None:
    qWarning("a warning from Qt itself")
    assert "WARNING journal.qt: a warning from Qt itself" in hooked.read_text(encoding="utf-8")


def test_daybook_errors_keep_their_dialog_without_details(qapp: QApplication) -> None:
    from journal.errors import StorageError

    dialog = ErrorDialog(StorageError("the disk is full", "free some space"), None, Path("x"))
    assert dialog.copy_button is None and dialog.detailedText() == ""
    assert dialog.text() == "The disk is full."  # a sentence that ends


@pytest.mark.parametrize(
    ("verbose", "env", "level"),
    [
        (False, {}, logging.INFO),
        (True, {}, logging.DEBUG),
        (False, {"DAYBOOK_LOG": "debug"}, logging.DEBUG),
        (False, {"DAYBOOK_LOG": " Warning "}, logging.WARNING),
        (False, {"DAYBOOK_LOG": "loud"}, logging.INFO),  # not a level: the default
        (False, {"DAYBOOK_LOG": ""}, logging.INFO),
        (True, {"DAYBOOK_LOG": "error"}, logging.DEBUG),  # --verbose wins
    ],
)
def test_the_log_level(verbose: bool, env: dict[str, str], level: int) -> None:
    assert crash.log_level(verbose, env) == level


def test_verbose_debug_lines_reach_the_log_only_when_asked(
    paths: AppPaths, qapp: QApplication
) -> None:
    for verbose in (False, True):
        stop = crash.start_log(paths, verbose=verbose, env={})
        logging.getLogger("journal.ui.test").debug("detail %s", verbose)
        stop()
    text = crash.log_path(paths).read_text(encoding="utf-8")
    assert "detail True" in text and "detail False" not in text


def test_rotated_logs_stay_private(paths: AppPaths, qapp: QApplication, monkeypatch: Any) -> None:
    monkeypatch.setattr(crash, "LOG_BYTES", 2000)
    stop = crash.start_log(paths, env={})
    for i in range(100):
        logging.getLogger("journal").info("line %d %s", i, "x" * 50)
    stop()
    files = sorted(crash.log_path(paths).parent.iterdir())
    assert len(files) == crash.LOG_BACKUPS + 1
    assert all(_mode(f) == 0o600 for f in files)


def test_a_log_that_cannot_be_written_is_not_fatal(
    tmp_path: Path, qapp: QApplication, capsys: Any
) -> None:
    blocker = tmp_path / "elsewhere"
    blocker.mkdir()
    (blocker / "logs").write_text("a file where the folder should be")
    stop = crash.start_log(AppPaths(blocker), env={})
    stop()
    assert "daybook: warning: no log:" in capsys.readouterr().err


def test_verbose_is_a_command_line_option() -> None:
    assert build_parser().parse_args(["--verbose"]).verbose is True
    assert build_parser().parse_args(["--verbose", "gui"]).verbose is True
    assert build_parser().parse_args([]).verbose is False
