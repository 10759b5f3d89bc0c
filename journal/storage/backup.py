"""Copies of the journal made with SQLite's backup API, written atomically and verified."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from journal.errors import DamagedJournalError, StorageError
from journal.fileio import fsync_dir
from journal.storage.cipher import ERRORS, SQLITE_HEADER, Key, connect


def backup_file(source: Path, target: Path, key: Key | None = None) -> Path:
    """Copy the database `source` (WAL content included) to `target`, verified, mode 0600.

    The copy is written beside the target and renamed into place only after it passed an
    integrity check, so a failed backup never leaves half a file under the final name.
    The backup of an encrypted journal (`key`) is encrypted with the same key and salt, so
    the journal's passphrase opens it.
    """
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        src = connect(f"file:{source}?mode=ro", key, uri=True)
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
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except ERRORS.error as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise StorageError(
            f"cannot back up the journal to {target}: {exc}", "check the disk"
        ) from exc
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise StorageError(
            f"cannot write the backup {target}: {exc.strerror}",
            "free some space or choose another place with --to",
        ) from exc
    return target


def verify_backup(path: Path, key: Key | None = None) -> None:
    """Raise unless `path` is a readable, intact Daybook database (an encrypted one is read
    with `key`, the journal's: a backup made with another passphrase is refused)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}", "check the file name") from exc
    encrypted = head != SQLITE_HEADER
    if encrypted and (key is None or len(head) != len(SQLITE_HEADER)):
        raise _bad_backup(path)
    try:
        conn = connect(f"file:{path}?mode=ro", key if encrypted else None, uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            has_entries = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='entries'"
            ).fetchone()
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


def _bad_backup(path: Path) -> StorageError:
    return DamagedJournalError(
        f"{path} is damaged or is not a Daybook backup; nothing was changed",
        "choose another backup (`daybook backup --list` shows them)",
    )


def timestamped_name(prefix: str, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"{prefix}-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
