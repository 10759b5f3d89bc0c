"""Opening a journal in the app: recovery from damage, background checks, daily backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from journal.paths import AppPaths
from journal.services.journal import Journal
from journal.storage import db
from journal.ui import startup
from journal.ui.startup import JournalOpener, StartupChecks


def open_journal(qtbot: Any, paths: AppPaths) -> tuple[Journal, str | None] | None:
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


def test_a_damaged_journal_is_moved_aside_and_the_backup_restored(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, errors: list[BaseException], qtbot: Any
) -> None:
    make_journal_with_backup(paths)
    garbage = damage(paths)
    asked: list[Path] = []
    monkeypatch.setattr(startup, "ask_restore", lambda _p, _e, b: asked.append(b) or True)
    opened = open_journal(qtbot, paths)
    assert opened is not None and errors == []
    journal, note = opened
    try:
        assert [e.body for e in journal.list_entries(journal_filter())] == ["kept in the backup"]
        assert asked and asked[0].name == "manual-20261120-180000.sqlite3"
        assert note is not None and "moved to" in note
        [moved] = paths.home.glob("journal.sqlite3.damaged-*")
        assert moved.read_bytes() == garbage  # never deleted, never changed
    finally:
        journal.close()


def test_declining_the_restore_leaves_everything_as_it_was(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, errors: list[BaseException], qtbot: Any
) -> None:
    make_journal_with_backup(paths)
    garbage = damage(paths)
    monkeypatch.setattr(startup, "ask_restore", lambda *_a: False)
    assert open_journal(qtbot, paths) is None
    assert len(errors) == 1 and "damaged" in str(errors[0])
    assert paths.database.read_bytes() == garbage
    assert not list(paths.home.glob("journal.sqlite3.damaged-*"))


def test_no_backup_means_a_clear_error(
    paths: AppPaths, errors: list[BaseException], qtbot: Any
) -> None:
    paths.home.mkdir(parents=True)
    damage(paths)
    assert open_journal(qtbot, paths) is None
    assert len(errors) == 1 and "damaged" in str(errors[0])


def test_checks_pass_then_the_days_backup_is_made(
    journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
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
    journal: Journal, make_window: Any, qtbot: Any, errors: list[BaseException]
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


def test_the_first_start_turns_on_start_on_login_once(paths: AppPaths) -> None:
    import os

    from journal.app import first_start_autostart
    from journal.services.autostart import autostart_enabled
    from journal.settings import Settings

    settings = Settings()
    paths.ensure()
    note = first_start_autostart(settings, paths)
    assert note is not None and "log in" in note
    assert autostart_enabled()
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart"
    assert list(entry.glob("*.desktop"))
    assert Settings.load(paths.settings).extra.get("autostart_offered") is True
    # Turned off by the user later: a second start leaves it off.
    from journal.services.autostart import set_autostart

    set_autostart(False)
    assert first_start_autostart(Settings.load(paths.settings), paths) is None
    assert not autostart_enabled()
