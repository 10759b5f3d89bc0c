"""A "backup" that is not a regular file (a FIFO, a folder, a device) is refused in one
line before anything reads it: reading a FIFO with no writer waits for ever, so a restore
or the search for a good backup used to hang instead of rescuing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.errors import StorageError
from journal.paths import AppPaths
from journal.services.journal import Journal
from journal.storage.backup import verify_backup

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")

ROOT = Path(__file__).resolve().parents[3]


def daybook(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`daybook --home HOME ARGS` in a fresh interpreter (a hang is a failure, not a wait
    for ever: the bound is liveness, far above the command's real time)."""
    return subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(home), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "backup.sqlite3"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        return Path("/dev/null")
    return path


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_restore_from_a_special_file_is_one_line_and_changes_nothing(
    tmp_path: Path, kind: str
) -> None:
    home = tmp_path / "home"
    with Journal.open(AppPaths(home)) as journal:
        journal.add("kept")
    before = (home / "journal.sqlite3").read_bytes()
    done = daybook(home, "restore", str(special(tmp_path, kind)))
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "not a regular file" in done.stderr and "nothing was changed" in done.stderr
    assert (home / "journal.sqlite3").read_bytes() == before
    assert not list(home.glob("journal.sqlite3.damaged-*"))


def test_a_fifo_among_the_backups_is_skipped_by_the_rescue(tmp_path: Path) -> None:
    """The damaged journal's hint names the newest good backup: a FIFO named like a
    newer backup is passed over, not waited on."""
    home = tmp_path / "home"
    paths = AppPaths(home)
    with Journal.open(paths) as journal:
        journal.add("kept")
        journal.backup(paths.backups / "manual-20261120-180000.sqlite3")
    os.mkfifo(paths.backups / "manual-20261130-180000.sqlite3")
    paths.database.write_bytes(b"rubbish" * 1000)
    done = daybook(home, "list")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "manual-20261120-180000.sqlite3" in done.stderr


def test_verify_backup_refuses_a_fifo_without_opening_it(tmp_path: Path) -> None:
    fifo = special(tmp_path, "fifo")
    with pytest.raises(StorageError, match="not a regular file"):
        verify_backup(fifo)
