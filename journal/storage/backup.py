"""Copies of the journal made with SQLite's backup API, written atomically and verified."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import stat
from typing import TYPE_CHECKING

from journal.errors import DamagedJournalError, StorageError
from journal.fileio import fsync_dir, publish
from journal.storage import cipher
from journal.storage.cipher import ERRORS, SQLITE_HEADER, Key, connect
from journal.storage.db import reading_uri

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path


def backup_file(source: Path, target: Path, replace: bool = True, key: Key | None = None) -> Path:
    """Copy the database `source` (WAL content included) to `target`, verified, mode 0600.

    The copy is written beside the target and renamed into place only after it passed an
    integrity check, so a failed backup never leaves half a file under the final name.
    Without `replace`, an existing `target` is left alone (StorageError). The backup of an
    encrypted journal (`key`) is encrypted with the same key and salt, so the journal's
    passphrase opens it.
    """
    tmp = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        src = connect(reading_uri(source), key, uri=True)
        dst = connect(str(tmp), key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            problems = dst.execute("PRAGMA integrity_check").fetchall()
        finally:
            dst.close()
            src.close()
        if problems != [("ok",)]:
            raise StorageError(
                f"the backup {target} failed its integrity check",
                "run `daybook check` on the journal",
            )
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        publish(tmp, target, replace)
        fsync_dir(target.parent)
    except FileExistsError as exc:
        _remove(tmp)
        raise StorageError(
            f"{target} already exists", "add --force to replace it, or choose another"
        ) from exc
    except ERRORS.error as exc:
        _remove(tmp)
        raise StorageError(
            f"cannot back up the journal to {target}: {exc}", "check the disk"
        ) from exc
    except OSError as exc:
        _remove(tmp)
        raise StorageError(
            f"cannot write the backup {target}: {exc.strerror or exc}",
            "free some space or choose another place with --to"
            if exc.errno == errno.ENOSPC
            else "choose another place with --to",
        ) from exc
    except BaseException:
        _remove(tmp)
        raise
    return target


def _remove(tmp: Path) -> None:
    """Remove a partial backup, if there is one and the folder lets us (never raises)."""
    with contextlib.suppress(OSError):
        tmp.unlink()


def refuse_special_file(path: Path) -> None:
    """Refuse, without opening it, a "backup" that is a folder, a FIFO or a device: opening
    a FIFO waits for a writer for ever. A missing file is left to the caller's message."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise StorageError(
            f"{path} is not a regular file (a folder, a pipe or a device); nothing was changed",
            "give a backup file (`daybook backup --list` shows them)",
        )


def verify_backup(path: Path, key: Key | None = None) -> int:
    """Raise unless `path` is a readable, intact Daybook database; returns how many
    entries it holds outside the Trash. An encrypted one is read with `key` (the journal's,
    or the backup's own passphrase's): one it does not open is refused."""
    refuse_special_file(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}", "check the file name") from exc
    encrypted = head != SQLITE_HEADER
    if encrypted and len(head) != len(SQLITE_HEADER):
        raise _bad_backup(path)
    if encrypted and key is None:
        raise StorageError(
            f"{path} is encrypted, or is damaged or not a Daybook backup; nothing was changed",
            "give its passphrase in DAYBOOK_BACKUP_PASSPHRASE (or on standard input with "
            "--passphrase-stdin)",
        )
    try:
        conn = connect(f"file:{path}?mode=ro", key if encrypted else None, uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            has_entries = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='entries'"
            ).fetchone()
            count = _live_entries(conn) if ok and has_entries else 0
        finally:
            conn.close()
    except ERRORS.error as exc:
        if encrypted:
            raise StorageError(
                f"{path} is encrypted with another passphrase than the journal's, or is "
                "damaged; nothing was changed",
                "give the backup's own passphrase in DAYBOOK_BACKUP_PASSPHRASE",
            ) from exc
        raise _bad_backup(path) from exc
    if not ok or not has_entries:
        raise _bad_backup(path)
    return int(count)


def _live_entries(conn: sqlite3.Connection) -> int:
    """Entries outside the Trash (every entry in a journal from before the Trash)."""
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(entries)")}
    where = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
    return int(conn.execute(f"SELECT count(*) FROM entries{where}").fetchone()[0])


def file_damage(path: Path, quick: bool = True) -> list[str]:
    """What SQLite's quick_check (or full integrity_check) finds wrong with the database
    `path` (an empty list: none, or no file). Read-only: the file and its -wal are left
    exactly as they are, so a damaged journal can be moved aside unchanged."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [f"cannot read {path}: {exc.strerror}"]
    if not head:
        return []
    key = None
    if head != SQLITE_HEADER:
        if not cipher.is_encrypted(path):
            return ["not an SQLite database"]
        key = cipher.key_for(path)  # LockedJournalError until its passphrase is given
    try:
        conn = connect(f"{path.resolve().as_uri()}?mode=ro", key, uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except ERRORS.error as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows[:20]


def _bad_backup(path: Path) -> StorageError:
    return DamagedJournalError(
        f"{path} is damaged or is not a Daybook backup; nothing was changed",
        "choose another backup (`daybook backup --list` shows them)",
        path=path,
    )


def timestamped_name(prefix: str, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"{prefix}-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
