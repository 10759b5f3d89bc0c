"""Automatic daily backups, their listing and pruning, restore over stale WAL files, and the
in-process single-writer lock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from journal.domain.entry import NewEntry
from journal.domain.filters import EntryFilter
from journal.paths import AppPaths
from journal.services.backups import backup_name, daily_backup, list_backups, prune
from journal.services.journal import Journal
from journal.storage import db
from journal.storage.store import JournalStore


def new(body: str) -> NewEntry:
    now = dt.datetime(2026, 6, 1, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    return NewEntry(day=now.date(), body=body, created=now)


def test_daily_backup_once_a_day(store: JournalStore, paths: AppPaths) -> None:
    store.add(new("first"))
    morning = dt.datetime(2026, 6, 1, 8, 0)
    made = daily_backup(store, paths.backups, morning)
    assert made == paths.backups / "daily-20260601-080000.sqlite3"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert daily_backup(store, paths.backups, morning.replace(hour=20)) is None
    nxt = daily_backup(store, paths.backups, morning + dt.timedelta(days=1))
    assert nxt is not None and nxt.name == "daily-20260602-080000.sqlite3"
    with sqlite3.connect(made) as conn:
        assert conn.execute("SELECT body FROM entries").fetchall() == [("first",)]
    conn.close()


def test_daily_backup_takes_a_journal_too(journal: Journal, paths: AppPaths) -> None:
    journal.add("via the service")
    assert daily_backup(journal, paths.backups, dt.datetime(2026, 6, 1, 9)) is not None


def test_pruning_keeps_the_rolling_set_and_never_other_kinds(
    store: JournalStore, paths: AppPaths
) -> None:
    store.add(new("x"))
    start = dt.datetime(2026, 1, 1, 9, 0)
    others = [
        backup_name("manual", start),
        backup_name("pre-restore", start),
        backup_name("pre-upgrade-0001", start),
        "my-copy.sqlite3",
    ]
    paths.backups.mkdir(parents=True, exist_ok=True)
    for name in others:
        shutil.copy(store.path, paths.backups / name)
    # Daily backups made by hand (copies) for 80 days, then one real start.
    for i in range(80):
        shutil.copy(store.path, paths.backups / backup_name("daily", start + dt.timedelta(i)))
    now = start + dt.timedelta(days=80)
    assert daily_backup(store, paths.backups, now) is not None
    names = {b.name for b in list_backups(paths.backups)}
    assert set(others) <= names
    dailies = sorted(b.time for b in list_backups(paths.backups) if b.kind == "daily")
    assert len(dailies) <= 23 and dailies[-1] == now
    assert [d.date() for d in dailies[-7:]] == [
        (now - dt.timedelta(i)).date() for i in range(6, -1, -1)
    ]
    assert dailies[0] == dt.datetime(2026, 1, 31, 9)  # January's newest, for the month
    assert prune(paths.backups, now) == []  # already pruned


def test_list_backups_kinds_sizes_newest_first(paths: AppPaths, store: JournalStore) -> None:
    assert list_backups(paths.backups / "absent") == []
    t = dt.datetime(2026, 3, 4, 5, 6, 7)
    for kind, days in (("daily", 0), ("manual", 1), ("pre-restore", 2), ("pre-upgrade-0001", 3)):
        store.backup(paths.backups / backup_name(kind, t + dt.timedelta(days)))
    (paths.backups / ".daily-20260310-000000.sqlite3.partial").write_bytes(b"half")
    (paths.backups / "notes.txt").write_text("not a backup")
    found = list_backups(paths.backups)
    assert [b.kind for b in found] == ["pre-upgrade", "pre-restore", "manual", "daily"]
    assert found[-1].time == t and found[-1].name == "daily-20260304-050607.sqlite3"
    assert all(b.size == b.path.stat().st_size > 0 for b in found)


def test_cli_backup_uses_the_same_names(journal: Journal, paths: AppPaths) -> None:
    made = journal.backup()
    [info] = list_backups(paths.backups)
    assert info.path == made and info.kind == "manual"


# -- restore ----------------------------------------------------------------------------------


def all_entries(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM entries ORDER BY id").fetchall()
    finally:
        conn.close()


def journal_files(paths: AppPaths) -> list[Path]:
    return sorted(paths.home.glob("journal.sqlite3*"))


def test_a_stale_wal_beside_the_journal_cannot_bring_newer_data_back(
    paths: AppPaths, tmp_path: Path
) -> None:
    """FIELD-NOTES: restoring an old copy while a newer -wal stays beside it silently brings
    the newer data back. Here the -wal holding the newer entries is put back beside the
    journal (as a crash would leave it) before `restore`."""
    with Journal.open(paths) as j:
        j.add("in the backup")
        backup = j.backup(tmp_path / "old.sqlite3")
    with Journal.open(paths) as j:
        j.add("newer, must not come back")
        j.delete(j.add("newer and deleted").id)
        saved = {s: Path(f"{paths.database}{s}").read_bytes() for s in ("-wal", "-shm")}
        assert b"newer, must not come back" in saved["-wal"]
    for suffix, data in saved.items():  # the crash leftovers
        Path(f"{paths.database}{suffix}").write_bytes(data)
    with Journal.open(paths) as j:
        safety = j.restore(backup)
        assert [e.body for e in j.list_entries(EntryFilter(), limit=None)] == ["in the backup"]
    assert all_entries(paths.database) == all_entries(backup)
    for f in journal_files(paths):
        assert b"newer, must not come back" not in f.read_bytes(), f
    assert len(all_entries(safety)) == 3  # the journal as it was is kept


def test_restore_after_a_crash_with_a_hot_wal(paths: AppPaths, tmp_path: Path) -> None:
    """A writer killed with its entries only in the -wal, then a restore: exactly the backup."""
    with Journal.open(paths) as j:
        for i in range(5):
            j.add(f"old {i}")
        backup = j.backup(tmp_path / "old.sqlite3")
    code = (
        "import os, signal\nfrom journal.paths import AppPaths\n"
        "from journal.services.journal import Journal\n"
        f"j = Journal.open(AppPaths.resolve({str(paths.home)!r}))\n"
        "for i in range(50): j.add(f'hot {i}')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    wal = Path(f"{paths.database}-wal")
    assert wal.stat().st_size > 0 and b"hot 49" in wal.read_bytes()
    with Journal.open(paths) as j:
        j.restore(backup)
    assert all_entries(paths.database) == all_entries(backup)
    with Journal.open(paths) as j:
        assert j.check() == []
        assert j.store.count() == 5


# -- the single writer --------------------------------------------------------------------------


def test_one_writer_lock_per_file_whatever_its_name(paths: AppPaths, tmp_path: Path) -> None:
    with JournalStore.open(paths):
        pass
    link = tmp_path / "link.sqlite3"
    link.symlink_to(paths.database)
    assert db.writer_lock(paths.database) is db.writer_lock(link)
    assert db.writer_lock(paths.database) is not db.writer_lock(tmp_path / "other.sqlite3")


def test_a_write_in_one_engine_holds_off_writers_in_another(paths: AppPaths) -> None:
    a = JournalStore.open(paths)
    b = JournalStore.open(paths, busy_timeout_ms=100)
    lock = db.writer_lock(paths.database)
    acquired: list[bool] = []
    try:
        with db.write_transaction(a._engine):
            t = threading.Thread(target=lambda: acquired.append(lock.acquire(blocking=False)))
            t.start()
            t.join()
            # Another thread's write on another engine times out on the lock.
            failed: list[BaseException] = []

            def write() -> None:
                try:
                    b.add(new("blocked"))
                except BaseException as exc:
                    failed.append(exc)

            w = threading.Thread(target=write)
            w.start()
            w.join()
        assert acquired == [False]
        assert failed and "locked" in str(failed[0])
        b.add(new("after"))  # free again
    finally:
        a.close()
        b.close()


def test_many_threads_and_engines_writing_and_checkpointing(paths: AppPaths) -> None:
    stores = [JournalStore.open(paths) for _ in range(3)]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            s = stores[n % 3]
            for i in range(30):
                s.add(new(f"t{n} {i}"))
                if i % 10 == 0:
                    db.checkpoint(s._engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert stores[0].count() == 180 and stores[0].check() == []
    finally:
        for s in stores:
            s.close()


def test_two_new_journals_opened_by_two_threads(tmp_path: Path) -> None:
    """Alembic's module-wide state: migrations of two journals must not interleave."""
    errors: list[BaseException] = []

    def open_one(i: int) -> None:
        try:
            with JournalStore.open(AppPaths(tmp_path / f"j{i}")) as s:
                s.add(new("x"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_the_writer_lock_is_free_once_the_store_is_closed(paths: AppPaths) -> None:
    """The writer lock is an OS lock on a file: free when nobody writes (and the OS drops
    it when a process dies; tests/unit/storage/test_writer_lock.py kills a holder)."""
    fcntl = pytest.importorskip("fcntl")
    with JournalStore.open(paths) as s:
        s.add(new("x"))
    assert [f for f in os.listdir(paths.home) if "lock" in f] == ["journal.sqlite3-writer.lock"]
    fd = os.open(paths.home / "journal.sqlite3-writer.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
    finally:
        os.close(fd)


def test_restore_while_another_connection_keeps_a_newer_wal(
    paths: AppPaths, tmp_path: Path
) -> None:
    """The app still has the journal open (its WAL holds the newer entries) while
    `daybook restore` runs: the restored journal is exactly the backup, for both."""
    with Journal.open(paths) as j:
        j.add("in the backup")
        backup = j.backup(tmp_path / "old.sqlite3")
    app = JournalStore.open(paths)  # the other program
    try:
        app.add(new("newer, must not come back"))
        assert b"newer, must not come back" in Path(f"{paths.database}-wal").read_bytes()
        with Journal.open(paths) as j:
            j.restore(backup)
        assert [e.body for e in app.list_entries()] == ["in the backup"]
    finally:
        app.close()
    assert all_entries(paths.database) == all_entries(backup)
    with Journal.open(paths) as j:
        assert [e.body for e in j.list_entries(EntryFilter())] == ["in the backup"]
        assert j.check() == []
