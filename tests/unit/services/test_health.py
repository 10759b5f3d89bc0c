"""Start-up checks: quick check, quarantine, the newest good backup, risky folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.domain.entry import NewEntry
from journal.services.backups import backup_name
from journal.services.health import (
    newest_good_backup,
    quarantine,
    quick_check,
    restore_over_damaged,
    sync_folder_warning,
)
from journal.storage.store import JournalStore

if TYPE_CHECKING:
    from journal.paths import AppPaths


def fill(store: JournalStore, n: int = 200) -> None:
    now = dt.datetime(2026, 6, 1, 17, tzinfo=dt.UTC)
    for i in range(n):
        store.add(NewEntry(day=now.date(), body=f"entry {i} " + "text " * 200, created=now))


def test_quick_check_healthy_and_stale_index(store: JournalStore) -> None:
    fill(store, 5)
    assert quick_check(store) == []
    with sqlite3.connect(store.path) as conn:
        conn.execute("DROP TRIGGER entries_fts_ai")
    conn.close()
    assert any("entries_fts_ai" in p for p in quick_check(store))


def test_quick_check_finds_damaged_pages(paths: AppPaths) -> None:
    with JournalStore.open(paths) as s:
        fill(s)
    # The schema's own pages are left alone: damage there is refused at open (a test of its
    # own); the schema outgrew page 1 when the attachments table came (migration 0007).
    with contextlib.closing(sqlite3.connect(paths.database)) as conn:
        schema = {
            int(r[0])
            for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")
        }
    data = bytearray(paths.database.read_bytes())
    page = 4096
    for p in range(3, len(data) // page, 2):  # scribble over every other page
        if p + 1 not in schema:  # dbstat counts pages from 1
            data[p * page + 8 : p * page + 200] = b"\xa5" * 192
    paths.database.write_bytes(bytes(data))
    s = JournalStore.open(paths)
    try:
        assert quick_check(s) != []
    finally:
        s.close()


def test_quarantine_moves_all_three_files_and_deletes_nothing(paths: AppPaths) -> None:
    paths.home.mkdir(parents=True)
    contents = {"": b"db", "-wal": b"wal", "-shm": b"shm"}
    for suffix, data in contents.items():
        Path(f"{paths.database}{suffix}").write_bytes(data)
    when = dt.datetime(2026, 6, 1, 12, 30, 5)
    first = quarantine(paths, when)
    assert first.name == "journal.sqlite3.damaged-20260601-123005"
    for suffix, data in contents.items():
        assert Path(f"{first}{suffix}").read_bytes() == data
        assert not Path(f"{paths.database}{suffix}").exists()
    paths.database.write_bytes(b"again")
    second = quarantine(paths, when)  # same second: a new name, the first one kept
    assert second != first and second.read_bytes() == b"again" and first.read_bytes() == b"db"


def test_newest_good_backup_skips_damaged_ones(paths: AppPaths, store: JournalStore) -> None:
    assert newest_good_backup(paths) is None
    fill(store, 3)
    t = dt.datetime(2026, 6, 1, 9)
    good = store.backup(paths.backups / backup_name("daily", t))
    older = store.backup(paths.backups / backup_name("daily", t - dt.timedelta(days=1)))
    bad = paths.backups / backup_name("manual", t + dt.timedelta(hours=1))
    bad.write_bytes(good.read_bytes()[: 4096 * 2])
    found = newest_good_backup(paths)
    assert found is not None and found.path == good and found.entries == 3
    good.unlink()
    found = newest_good_backup(paths)
    assert found is not None and found.path == older


def test_restore_over_damaged(paths: AppPaths, store: JournalStore, tmp_path: Path) -> None:
    fill(store, 3)
    backup = store.backup(tmp_path / "b.sqlite3")
    store.close()
    paths.database.write_bytes(b"rubbish" * 100)
    moved = restore_over_damaged(paths, backup)
    assert moved.read_bytes() == b"rubbish" * 100
    with JournalStore.open(paths) as s:
        assert s.count() == 3 and s.check() == []


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ana/Dropbox/Daybook", "Dropbox"),
        ("/home/ana/Dropbox (Personal)/Daybook", "Dropbox"),
        ("C:/Users/ana/OneDrive - Contoso/Daybook", "OneDrive"),
        ("/Users/ana/Library/CloudStorage/OneDrive-Personal/Daybook", "OneDrive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/Daybook", "iCloud Drive"),
        ("C:/Users/ana/iCloudDrive/Daybook", "iCloud Drive"),
        ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/D", "Google Drive"),
        ("/home/ana/Google Drive/Daybook", "Google Drive"),
    ],
)
def test_sync_folders_are_named(path: str, service: str) -> None:
    warning = sync_folder_warning(Path(path), mounts="")
    assert warning is not None and f"inside a {service} folder" in warning and "--home" in warning


@pytest.mark.parametrize(
    "path", ["/home/ana/.local/share/Daybook", "/home/ana/dropboxes/x", "/srv/drivers"]
)
def test_ordinary_folders_have_no_warning(path: str) -> None:
    assert sync_folder_warning(Path(path), mounts="") is None


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /home/ana/nfs nfs4 rw 0 0
//nas/share /mnt/nas\\040share cifs rw 0 0
ana@host:/x /home/ana/remote fuse.sshfs rw 0 0
/dev/sdb1 /home/ana/nfs/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/ana/nfs/Daybook", "nfs4"),
        ("/mnt/nas share/Daybook", "cifs"),
        ("/home/ana/remote/Daybook", "fuse.sshfs"),
        ("/home/ana/nfs/local/Daybook", None),  # a local disk mounted inside the NFS share
        ("/home/ana/Daybook", None),
    ],
)
def test_network_filesystems_from_proc_mounts(path: str, fstype: str | None) -> None:
    warning = sync_folder_warning(Path(path), mounts=MOUNTS)
    if fstype is None:
        assert warning is None
    else:
        assert warning is not None and f"network filesystem ({fstype})" in warning


def test_this_machine_reads_proc_mounts(tmp_path: Path) -> None:
    assert sync_folder_warning(tmp_path) is None  # a test folder is local


def test_the_check_before_opening_is_skipped_only_for_files_exactly_as_last_verified(
    paths: AppPaths,
) -> None:
    from journal.services.health import note_verified, unchanged_since_verified
    from journal.services.journal import Journal

    assert not unchanged_since_verified(paths)  # nothing noted yet
    with Journal.open(paths) as journal:
        journal.add("first")
    note_verified(paths)
    assert unchanged_since_verified(paths)
    with Journal.open(paths) as journal:  # another command writes: checked again
        journal.add("second")
    assert not unchanged_since_verified(paths)
    note_verified(paths)
    with paths.database.open("r+b") as fh:  # same size, bytes changed: the time changes
        fh.seek(200)
        fh.write(b"\x00")
    assert not unchanged_since_verified(paths)
    (paths.home / "verified.json").write_text("not json")
    assert not unchanged_since_verified(paths)
