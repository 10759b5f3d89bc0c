"""Opening a journal in the app: recovery from damage, background checks, daily backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journal.services.journal import Journal
from journal.storage import db
from journal.ui.main.startup import JournalOpener, StartupChecks
from tests.helpers import damage_table

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from tests.ui.conftest import MakeWindow


def open_journal(qtbot: QtBot, paths: AppPaths) -> tuple[Journal, str | None] | None:
    """Open the journal as the app does: in the background, recovering on the UI thread."""
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    opener = JournalOpener(paths, parent)
    result: list[tuple[Journal, str | None] | None] = []
    opener.opened.connect(lambda journal, note: result.append((journal, note)))
    opener.failed.connect(lambda: result.append(None))
    opener.start()
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    return result[0]


def make_journal_with_backup(paths: AppPaths) -> Path:
    with Journal.open(paths) as journal:
        journal.add("kept in the backup", day=dt.date(2026, 11, 20))
        backup = journal.backup(paths.backups / "manual-20261120-180000.sqlite3")
        journal.add("written after the backup", day=dt.date(2026, 11, 21))
    return backup


def damage(paths: AppPaths) -> bytes:
    garbage = b"\x00this is no longer a database" * 200
    paths.database.write_bytes(garbage)
    return garbage


@pytest.fixture
def rescue(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """What the rescue dialog was asked (problem, damaged file, backups folder, backup);
    it answers with the last item of the list's `answer` attribute (Restore by default)."""
    from journal.ui.dialogs.rescue_dialog import RescueDialog

    asked: list[tuple[Any, ...]] = []

    def ask(_cls: Any, _parent: Any, *args: Any) -> bool:
        asked.append(args)
        return bool(getattr(rescue_answer, "value", True)) and args[-1] is not None

    monkeypatch.setattr(RescueDialog, "ask_restore", classmethod(ask))
    return asked


class rescue_answer:
    """What the rescue question answers: a switch the tests flip."""

    value = True


@pytest.fixture(autouse=True)
def _restore_by_default() -> None:
    rescue_answer.value = True


@pytest.mark.parametrize("how", ["rubbish", "entries", "entries_fts_data", "tags"])
def test_a_damaged_journal_is_moved_aside_and_the_backup_restored(
    paths: AppPaths,
    errors: list[BaseException],
    qtbot: QtBot,
    rescue: list[tuple[Any, ...]],
    how: str,
) -> None:
    make_journal_with_backup(paths)
    garbage = damage(paths) if how == "rubbish" else damage_table(paths.database, how)
    opened = open_journal(qtbot, paths)
    assert opened is not None and errors == []  # one dialog, no error box besides
    journal, note = opened
    try:
        assert [e.body for e in journal.list_entries(journal_filter())] == ["kept in the backup"]
        [(problem, damaged, backups_dir, offered)] = rescue
        assert "damaged" in problem and damaged == paths.database
        assert backups_dir == paths.backups
        path, taken, count = offered
        assert path.name == "manual-20261120-180000.sqlite3" and count == 1
        assert taken == dt.datetime(2026, 11, 20, 18, 0)
        assert note is not None and "moved to" in note and "2026-11-20 18:00" in note
        [moved] = [
            m
            for m in paths.home.glob("journal.sqlite3.damaged-*")
            if not m.name.endswith(("-wal", "-shm"))
        ]
        assert moved.read_bytes() == garbage  # never deleted, never changed
    finally:
        journal.close()


def test_declining_the_restore_leaves_everything_as_it_was(
    paths: AppPaths, errors: list[BaseException], qtbot: QtBot, rescue: list[tuple[Any, ...]]
) -> None:
    make_journal_with_backup(paths)
    garbage = damage_table(paths.database)
    rescue_answer.value = False
    assert open_journal(qtbot, paths) is None
    assert len(rescue) == 1 and errors == []  # the one dialog said it all
    assert paths.database.read_bytes() == garbage
    assert not list(paths.home.glob("journal.sqlite3.damaged-*"))


def test_no_backup_is_said_in_the_same_dialog(
    paths: AppPaths, errors: list[BaseException], qtbot: QtBot, rescue: list[tuple[Any, ...]]
) -> None:
    make_journal_with_backup(paths)
    for backup in paths.backups.iterdir():
        backup.write_bytes(backup.read_bytes()[:8192])  # a backup that fails its check
    garbage = damage_table(paths.database)
    assert open_journal(qtbot, paths) is None
    [(_problem, damaged, _dir, offered)] = rescue
    assert damaged == paths.database and offered is None and errors == []
    assert paths.database.read_bytes() == garbage


def test_the_newest_good_backup_is_offered_not_a_newer_broken_one(
    paths: AppPaths, errors: list[BaseException], qtbot: QtBot, rescue: list[tuple[Any, ...]]
) -> None:
    good = make_journal_with_backup(paths)
    newer = paths.backups / "daily-20261122-090000.sqlite3"
    newer.write_bytes(good.read_bytes()[:8192])
    damage_table(paths.database)
    opened = open_journal(qtbot, paths)
    assert opened is not None
    opened[0].close()
    assert rescue[0][-1][0] == good


def test_checks_pass_then_the_days_backup_is_made(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add("something worth keeping")
    window = make_window(journal)
    monkeypatch.setattr(
        "journal.services.health.sync_folder_warning", lambda _p: "the folder is in Dropbox"
    )
    checks = StartupChecks(journal, window)
    with qtbot.waitSignal(checks.finished, timeout=10000) as done:
        checks.start()
    assert done.args == [[]]
    assert len(list(journal.paths.backups.glob("daily-*.sqlite3"))) == 1
    assert "Dropbox" in window.statusBar().currentMessage()


def test_checks_report_a_damaged_index(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, errors: list[BaseException]
) -> None:
    journal.add("alpha")
    with db.write_transaction(journal.store._engine) as conn:
        conn.execute("DROP TRIGGER entries_fts_au")
    window = make_window(journal)
    checks = StartupChecks(journal, window)
    with qtbot.waitSignal(checks.finished, timeout=10000) as done:
        checks.start()
    assert done.args[0] and "integrity check" in str(errors[-1])
    assert not list(journal.paths.backups.glob("daily-*.sqlite3"))  # no backup of a bad file


def journal_filter() -> Any:
    from journal.domain.filters import EntryFilter

    return EntryFilter()


def test_the_first_start_never_turns_on_start_on_login(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tip once, in the status bar; nothing written to the user's autostart folder."""
    import os

    from journal.app import start_on_login_tip
    from journal.services import autostart
    from journal.settings import Settings

    monkeypatch.setattr(autostart, "is_temporary", lambda _home: False)  # a lasting folder
    config = Path(os.environ["XDG_CONFIG_HOME"])
    paths.ensure()
    note = start_on_login_tip(Settings(), paths)
    assert note is not None and "Start Daybook when I log in" in note
    assert not autostart.autostart_enabled() and not (config / "autostart").exists()
    assert start_on_login_tip(Settings.load(paths.settings), paths) is None  # once


@pytest.mark.parametrize("answer", ["accepted", "dismissed"])
def test_no_start_on_login_tip_once_the_first_run_card_was_answered(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    from journal.app import start_on_login_tip
    from journal.services import autostart
    from journal.settings import Settings
    from journal.ui.main.first_run import CARD_KEY

    monkeypatch.setattr(autostart, "is_temporary", lambda _home: False)  # a lasting folder
    paths.ensure()
    assert start_on_login_tip(Settings(extra={CARD_KEY: answer}), paths) is None
    assert not paths.settings.exists()  # nothing recorded: nothing was said


def test_a_temporary_journal_gets_no_start_on_login_tip(paths: AppPaths) -> None:
    from journal.app import start_on_login_tip
    from journal.settings import Settings

    paths.ensure()
    assert start_on_login_tip(Settings(), paths) is None  # (pytest's folders are temporary)


def test_files_unchanged_since_a_clean_check_open_without_reading_them_whole(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.services import health

    with Journal.open(paths) as journal:
        journal.add("verified yesterday")
    calls: list[AppPaths] = []
    real = health.journal_damage

    def counted(checked: AppPaths, quick: bool = True) -> list[str]:
        calls.append(checked)
        return real(checked)

    monkeypatch.setattr(health, "journal_damage", counted)
    opened = open_journal(qtbot, paths)
    assert opened is not None and len(calls) == 1  # not noted yet: checked
    opened[0].close()
    health.note_verified(paths)
    opened = open_journal(qtbot, paths)
    assert opened is not None and len(calls) == 1  # unchanged: not read whole again
    opened[0].add("written today")
    opened[0].close()
    opened = open_journal(qtbot, paths)
    assert opened is not None and len(calls) == 2  # changed since: checked again
    opened[0].close()


# -- the restore runs in a worker, with progress; its errors end in one message ------------


def progress_dialogs() -> list[Any]:
    """The progress dialogs on screen."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_the_rescue_restore_runs_in_a_worker_with_progress_while_the_ui_answers(
    paths: AppPaths,
    errors: list[BaseException],
    qtbot: QtBot,
    rescue: list[tuple[Any, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The copy (the backup copied, the damaged files moved aside) is done off the UI
    thread; meanwhile a progress dialog shows the step and the event loop keeps running."""
    import threading

    from PySide6.QtCore import QTimer

    from journal.services import rescue as rescue_module

    make_journal_with_backup(paths)
    damage_table(paths.database)
    real = rescue_module.restore_over_damaged
    threads: list[bool] = []
    release = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> Path:
        threads.append(threading.current_thread() is threading.main_thread())
        assert release.wait(30)  # held until the UI thread has shown it answers
        return real(*args, **kwargs)

    monkeypatch.setattr(rescue_module, "restore_over_damaged", slow)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    opener = JournalOpener(paths, parent)
    result: list[Any] = []
    opener.opened.connect(lambda journal, note: result.append((journal, note)))
    opener.failed.connect(lambda: result.append(None))
    opener.start()
    qtbot.waitUntil(lambda: threads == [False], timeout=10000)  # in the worker
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=10000)  # the event loop runs meanwhile
    timer.stop()
    shown = progress_dialogs()
    assert len(shown) == 1 and "Restoring" in shown[0].labelText()
    release.set()
    qtbot.waitUntil(lambda: bool(result), timeout=20000)
    assert result[0] is not None and errors == []
    journal, note = result[0]
    try:
        assert [e.body for e in journal.list_entries(journal_filter())] == ["kept in the backup"]
        assert note is not None and "moved to" in note
    finally:
        journal.close()
    assert progress_dialogs() == []


@pytest.mark.parametrize("fault", ["record", "into_place"])
def test_a_rescue_restore_that_fails_says_so_in_one_message_and_loses_nothing(
    paths: AppPaths,
    errors: list[BaseException],
    qtbot: QtBot,
    rescue: list[tuple[Any, ...]],
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
) -> None:
    """`record`: the folder cannot take the restore's record (a folder squats on its
    temporary name): nothing changes. `into_place`: the disk fills when the copy is put in
    place, after the damaged files moved aside: they stay there, whole, and the copy too."""
    import errno
    import os

    from journal.errors import StorageError

    make_journal_with_backup(paths)
    garbage = damage_table(paths.database)
    disk_full = True
    if fault == "record":
        (paths.home / ".restore-in-progress.json.tmp").mkdir()
    else:
        rename = os.rename

        def full(source: Any, target: Any) -> None:
            if str(source).endswith(".restoring") and disk_full:
                raise OSError(errno.ENOSPC, "No space left on device")
            rename(source, target)

        monkeypatch.setattr(os, "rename", full)
    assert open_journal(qtbot, paths) is None
    [error] = errors
    assert isinstance(error, StorageError) and "\n" not in error.what
    moved = [
        m
        for m in paths.home.glob("journal.sqlite3.damaged-*")
        if not m.name.endswith(("-wal", "-shm"))
    ]
    if fault == "record":
        assert "nothing was changed" in str(error)
        assert moved == [] and paths.database.read_bytes() == garbage
    else:
        assert "No space left" in str(error)
        assert [m.read_bytes() for m in moved] == [garbage]
        assert (paths.home / "restore-in-progress.json").exists()
        # The next start finishes the restore before opening, and says so.
        disk_full = False
        opened = open_journal(qtbot, paths)
        assert opened is not None
        journal, note = opened
        try:
            assert [e.body for e in journal.list_entries(journal_filter())] == [
                "kept in the backup"
            ]
            assert note is not None and "interrupted" in note and str(moved[0]) in note
        finally:
            journal.close()
        assert [m.read_bytes() for m in moved] == [garbage]
    assert progress_dialogs() == []
