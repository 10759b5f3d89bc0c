"""One writer at a time across processes: the flock beside the journal."""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.domain.entry import NewEntry
from journal.errors import StorageError
from journal.storage.store import JournalStore

if TYPE_CHECKING:
    from journal.paths import AppPaths

pytest.importorskip("fcntl")

HOLDER = """
import sys
from pathlib import Path
from journal.paths import AppPaths
from journal.storage import db
from journal.storage.store import JournalStore
store = JournalStore.open(AppPaths(Path(sys.argv[1])))
with db.exclusive_writer(store._engine):
    print("held", flush=True)
    sys.stdin.readline()
store.close()
print("released", flush=True)
"""


def hold_lock(home: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def new(text: str) -> NewEntry:
    return NewEntry(day=dt.date(2026, 11, 20), body=text)


def test_a_write_waits_for_another_process_and_then_succeeds(paths: AppPaths) -> None:
    with JournalStore.open(paths):
        pass
    child = hold_lock(paths.home)
    try:
        store = JournalStore.open(paths, busy_timeout_ms=200)
        with pytest.raises(StorageError, match="locked"):
            store.add(new("while the other process writes"))
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout is not None and child.stdout.readline().strip() == "released"
        assert store.add(new("after it finished")).body == "after it finished"
        store.close()
    finally:
        child.kill()
        child.communicate()
    lock = Path(f"{paths.database}-writer.lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_a_killed_holder_never_leaves_the_lock_held(paths: AppPaths) -> None:
    with JournalStore.open(paths):
        pass
    child = hold_lock(paths.home)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    with JournalStore.open(paths, busy_timeout_ms=200) as store:
        assert store.add(new("the OS dropped the dead process's lock")).id == 1
