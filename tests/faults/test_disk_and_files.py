"""A full disk, a read-only database file, truncated files, and private permissions.

Not repeated here (see tests/unit): garbage files (test_store / test_cli
`test_corrupt_database_is_named_and_untouched`), a read-only folder (test_store
`test_read_only_folder_*`), a database locked by another process for longer than the busy
timeout (test_store `test_locked_database_gives_a_clear_error`, test_cli
`test_locked_database_is_a_clear_error`), a stale -wal at restore (test_backups).
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.cli import main
from journal.domain.entry import NewEntry
from journal.errors import StorageError
from journal.paths import AppPaths
from journal.storage.store import JournalStore
from tests.helpers import read_only

if TYPE_CHECKING:
    import contextlib
    import sqlite3
    from collections.abc import Callable, Iterator

pytestmark = pytest.mark.faults


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new(body: str) -> NewEntry:
    now = dt.datetime(2026, 6, 1, 17, tzinfo=dt.UTC)
    return NewEntry(day=now.date(), body=body, created=now)


# -- a full disk ---------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs (root only; skipped where mounting is refused). A new journal with
    the WAL its migrations wrote needs some 260 KiB until its first checkpoint (schema 0008):
    256 KiB no longer left room for the journal itself once the filler was removed."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"mount refused here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Fill the filesystem of `folder` to the last byte; returns the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as fh:
        for size in (4096, 512, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


def test_disk_full_through_the_cli(
    small_disk: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fault_table: Callable[..., None],
) -> None:
    home = small_disk / "daybook"
    monkeypatch.setenv("DAYBOOK_HOME", str(home))
    assert run(capsys, "add", "written before the disk filled")[0] == 0
    filler = fill(small_disk)
    code, _, err = run(capsys, "add", "typed on a full disk")
    assert code == 1 and "Traceback" not in err
    assert f"the disk holding {home / 'journal.sqlite3'} is full; nothing was saved" in err
    assert "free some space and try again" in err and "still in your command line" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("piped on a full disk\n"))
    code, _, err = run(capsys, "add")
    assert code == 1 and "is full" in err
    kept = Path(err.split("your text is kept in ")[1].split(":")[0])
    try:
        assert kept.read_text() == "piped on a full disk\n"
    finally:
        kept.unlink()
    filler.unlink()
    assert run(capsys, "add", "after space returned")[0] == 0
    code, out, _ = run(capsys, "list")
    assert "after space returned" in out and "written before" in out
    assert "full disk" not in out
    assert run(capsys, "check")[0] == 0
    fault_table("disk full (512 KiB tmpfs), `daybook add`", 2, 0, "text kept; next save works")


def test_disk_full_with_the_journal_open(
    small_disk: Path, fault_table: Callable[..., None]
) -> None:
    paths = AppPaths(small_disk / "daybook")
    with JournalStore.open(paths) as store:
        store.add(new("before"))
        filler = fill(small_disk)
        tries = 0
        for size in (10, 5_000, 100_000):
            tries += 1
            with pytest.raises(StorageError, match="is full; nothing was saved"):
                store.add(new("x" * size))
        assert [e.body for e in store.list_entries()] == ["before"]  # nothing half-written
        filler.unlink()
        store.add(new("after"))
        assert store.count() == 2 and store.check() == []
    fault_table("disk full (512 KiB tmpfs), journal open", tries, 0, "store level")


def test_disk_full_by_max_page_count(paths: AppPaths, fault_table: Callable[..., None]) -> None:
    """The portable fallback: SQLite refuses to grow the file past max_page_count."""
    store = JournalStore.open(paths)
    try:
        for i in range(10):
            store.add(new(f"entry {i}"))
        with store._engine.connect() as conn:
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])

        def limit(conn: sqlite3.Connection) -> None:
            conn.execute(f"PRAGMA max_page_count = {pages}")

        store._engine.dispose()
        store._engine.on_connect.append(limit)
        before = store.list_entries(limit=None)
        with pytest.raises(StorageError, match="is full; nothing was saved"):
            store.add(new("big " * 20_000))
        assert store.list_entries(limit=None) == before and store.check() == []
        store._engine.on_connect.remove(limit)
        store._engine.dispose()
        store.add(new("big " * 20_000))
        assert store.count() == 11 and store.check() == []
    finally:
        store.close()
    fault_table("disk full (SQLite max_page_count)", 1, 0, "portable fallback")


# -- a read-only database file ----------------------------------------------------------------


def read_only_file(path: Path) -> contextlib.AbstractContextManager[None]:
    """Make the file itself read-only, even for root (a read-only bind mount of the file)."""
    return read_only(path, mode=0o400, restore=0o600)


def test_read_only_database_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, fault_table: Callable[..., None]
) -> None:
    assert run(capsys, "add", "kept safe")[0] == 0
    db = isolated_home / "journal.sqlite3"
    before = db.read_bytes()
    with read_only_file(db):
        code, out, _ = run(capsys, "list")
        assert code == 0 and "kept safe" in out  # reading still works
        code, _, err = run(capsys, "add", "cannot land")
        assert code == 1 and "Traceback" not in err
        assert f"the journal is read-only; nothing was written to {db}" in err
        assert "still in your command line" in err
    assert db.read_bytes() == before
    assert run(capsys, "add", "lands now")[0] == 0
    fault_table("read-only database file", 1, 0, "clear error, file unchanged")


# -- truncated files through the CLI ---------------------------------------------------------


@pytest.mark.parametrize("keep", [0.5, 1 / 3, 4096 / 1_000_000, 100 / 1_000_000])
def test_truncated_journal_through_the_cli(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, keep: float
) -> None:
    with JournalStore.open(AppPaths(isolated_home)) as s:
        s.add_many(new(f"entry {i} " + "words " * 300) for i in range(300))
    db = isolated_home / "journal.sqlite3"
    data = db.read_bytes()
    cut = data[: max(1, int(len(data) * keep))]
    db.write_bytes(cut)
    for args in (["list"], ["add", "new text"], ["search", "entry"], ["check"]):
        code, _, err = run(capsys, *args)
        assert code == 1, args
        assert err.startswith("daybook: error: ") and "Traceback" not in err
        assert str(db) in err and ("damaged" in err or "problem" in err), err
    assert db.read_bytes() == cut  # left untouched


# -- permissions ---------------------------------------------------------------------------------


def test_every_folder_0700_and_file_0600_whatever_the_umask(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    from journal.services.backups import daily_backup
    from journal.services.drafts import Draft, DraftStore
    from journal.settings import Settings

    old = os.umask(0)
    try:
        assert run(capsys, "add", "x")[0] == 0
        assert run(capsys, "backup")[0] == 0
        backup = tmp_path / "outside.sqlite3"
        assert run(capsys, "backup", "--to", str(backup))[0] == 0
        assert run(capsys, "restore", str(backup))[0] == 0
        paths = AppPaths(isolated_home)
        with JournalStore.open(paths) as store:
            assert daily_backup(store, paths.backups) is not None
            now = dt.datetime.now().astimezone()
            DraftStore(paths.drafts).save(
                Draft("k1", None, now.date(), "t", "unsaved words", (), False, now)
            )
            Settings().save(paths.settings)
            for f in isolated_home.glob("journal.sqlite3*"):  # -wal and -shm while open
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    finally:
        os.umask(old)
    seen = 0
    for path in [isolated_home, *isolated_home.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        seen += 1
    assert seen >= 9  # home, backups, drafts, journal, 4 backups, a draft, settings
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_the_cli_in_a_fresh_process_creates_private_files(tmp_path: Path) -> None:
    home = tmp_path / "fresh" / "daybook"
    env = dict(os.environ, DAYBOOK_HOME=str(home))
    code = "import os, sys; os.umask(0); from journal.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "add", "hello"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    for path in [home, *home.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
