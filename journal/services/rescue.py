"""Restoring a backup over a damaged journal so that a crash at any moment loses nothing.

The backup is first copied, verified, beside the journal (`.journal.sqlite3.restoring`);
then a record (`restore-in-progress.json` in the data folder) says where the damaged files
go and where the copy is; only then are the damaged files moved aside and the copy renamed
into place. Killed at any point, the next run (`finish_interrupted_restore`, called before
anything opens the journal) either finishes the restore from the record, or finds that it
never began; it never opens an empty journal in the damaged one's place, and it says what
it did.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from journal.errors import StorageError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from journal.paths import AppPaths
    from journal.storage.cipher import Key

# Kept light (no json, no health checks): every command looks for an interrupted restore.
RECORD = "restore-in-progress.json"
SIDE_FILES = ("-wal", "-shm")


def aside_name(paths: AppPaths, now: dt.datetime | None = None) -> Path:
    """A free `journal.sqlite3.damaged-YYYYmmdd-HHMMSS[-n]` name beside the journal."""
    import datetime as dt

    from journal.storage.cipher import MARKER_SUFFIX

    db = paths.database
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db.with_name(f"{db.name}.damaged-{stamp}")
    n = 1
    while any(Path(f"{target}{s}").exists() for s in (*SIDE_FILES, MARKER_SUFFIX, "")):
        n += 1
        target = db.with_name(f"{db.name}.damaged-{stamp}-{n}")
    return target


def move_aside(paths: AppPaths, target: Path) -> Path:
    """Move the journal, its -wal/-shm and marker to `target` (keeping their suffixes);
    what is already there (an interrupted move) stays. The side files go first: a -wal
    left beside a new journal would be replayed into it."""
    from journal.storage.cipher import MARKER_SUFFIX

    db = paths.database
    try:
        for suffix in (*SIDE_FILES, MARKER_SUFFIX, ""):
            source, moved = Path(f"{db}{suffix}"), Path(f"{target}{suffix}")
            if source.exists():
                if moved.exists():
                    raise FileExistsError(0, f"{moved} already exists")
                os.rename(source, moved)
        from journal.fileio import fsync_dir

        fsync_dir(db.parent)
    except OSError as exc:
        raise StorageError(
            f"cannot move the damaged journal {db} aside: {exc.strerror}",
            "move it away yourself (with its -wal and -shm files), then start Daybook again",
        ) from exc
    return target


def staged_path(paths: AppPaths) -> Path:
    """Where the verified copy of the backup waits before it becomes the journal."""
    db = paths.database
    return db.with_name(f".{db.name}.restoring")


def restore_over_damaged(
    paths: AppPaths,
    source: Path,
    key: Key | None = None,
    step: Callable[[str], None] | None = None,
) -> Path:
    """Replace a journal too damaged to open with the backup `source`; returns where the
    damaged files were moved (byte for byte, with its -wal, -shm and marker). The backup
    is verified first: a bad one changes nothing. An encrypted backup is read with `key`
    (by default the key the journal was unlocked with) and becomes the journal as it is,
    under its own passphrase; a plain one gives a plain journal. A crash at any moment
    leaves what `finish_interrupted_restore` finishes (see the module's docstring).
    `step` hears each step by name: "check", "copy", "move" (the app shows progress)."""
    import json

    from journal.fileio import atomic_write
    from journal.storage import cipher
    from journal.storage.backup import backup_file, verify_backup

    head = cipher.read_head(source)
    encrypted = head is not None and head != cipher.SQLITE_HEADER
    if encrypted and key is None:
        key = cipher.remembered_key(paths.database)
    say = step or (lambda _text: None)
    say("check")
    verify_backup(source, key if encrypted else None)
    staged = staged_path(paths)
    say("copy")
    try:
        backup_file(source, staged, replace=True, key=key if encrypted else None)
    except StorageError as exc:
        raise StorageError(
            f"cannot copy the backup beside the journal ({exc.what}); nothing was changed",
            "free some space (about the backup's size) in the data folder, then restore again",
        ) from exc
    target = aside_name(paths)
    record = {
        "source": str(source),
        "staged": staged.name,
        "moved": target.name,
        "salt": key.salt.hex() if encrypted and key is not None else None,
    }
    try:
        atomic_write(paths.home / RECORD, json.dumps(record).encode("utf-8"))
    except OSError as exc:
        _remove(staged)
        raise StorageError(
            f"cannot write in {paths.home}: {exc.strerror}; nothing was changed",
            "free some space, then restore again",
        ) from exc
    cipher.forget(paths.database)
    say("move")
    _finish(paths, record)
    if encrypted and key is not None:
        cipher.remember(paths.database, key)
    _open_once(paths)
    _remove(paths.home / RECORD)
    return target


def _finish(paths: AppPaths, record: dict[str, str | None]) -> None:
    """Move the damaged files aside (what is left of them) and put the staged copy in its
    place (its marker first, for an encrypted one)."""
    from journal.fileio import fsync_dir
    from journal.storage import cipher

    db = paths.database
    staged = db.with_name(str(record["staged"]))
    moved = db.with_name(str(record["moved"]))
    if db.exists() or not moved.exists():  # the journal itself moves last: then all went
        move_aside(paths, moved)
    if record.get("salt"):
        cipher.write_marker(db, bytes.fromhex(str(record["salt"])))
    try:
        os.rename(staged, db)
    except OSError as exc:
        raise StorageError(
            f"cannot put the restored journal in place: {exc.strerror}",
            f"rename {staged} to {db} yourself; the damaged journal is in {record['moved']}",
        ) from exc
    fsync_dir(db.parent)


def _open_once(paths: AppPaths) -> None:
    """Open and close the restored journal, as any journal (WAL mode; an older backup's
    schema is upgraded); an encrypted one still locked is left for its unlocking."""
    from journal.errors import LockedJournalError
    from journal.storage.store import JournalStore

    with contextlib.suppress(LockedJournalError):
        JournalStore.open(paths).close()


def finish_interrupted_restore(paths: AppPaths) -> str | None:
    """After a restore over a damaged journal was cut short (the process killed, the
    machine stopped): finish it, and say what happened (None when there was none).

    The record is written only once the verified copy of the backup is beside the journal,
    so with a record the restore is always finished, never undone: the copy is put in place
    if it is still there, and the damaged files are wherever the record says. A copy left
    without a record (the restore stopped before changing anything) is removed.
    """
    record_file = paths.home / RECORD
    staged = staged_path(paths)
    try:
        text = record_file.read_text(encoding="utf-8")
        import json

        record = json.loads(text)
    except FileNotFoundError:
        # Stopped before it changed anything: its copy and half-written record go.
        for leftover in (
            staged,
            staged.with_name(f".{staged.name}.partial"),
            record_file.with_name(f".{RECORD}.tmp"),
        ):
            _remove(leftover)
        return None
    except (OSError, ValueError) as exc:
        raise StorageError(
            f"a restore was interrupted and its record {record_file} cannot be read",
            "restore the backup again with `daybook restore FILE`, after moving the record "
            "away; the journal's files are beside it as they were left",
        ) from exc
    db = paths.database
    moved = db.with_name(str(record["moved"]))
    if not db.with_name(str(record["staged"])).exists() and not db.exists():
        # Neither the copy nor the journal (the copy removed by hand?): never leave the
        # place empty, where the next open would make a new, empty journal.
        _put_back(paths, moved)
        _remove(record_file)
        return (
            f"a restore of {record['source']} was interrupted and its copy of the backup is "
            f"gone; the damaged journal was put back in place from {moved}"
        )
    if db.with_name(str(record["staged"])).exists():
        _finish(paths, record)
    _open_once(paths)
    _remove(record_file)
    return (
        f"a restore of {record['source']} was interrupted; it is now finished: the damaged "
        f"journal was moved aside to {moved}"
    )


def _put_back(paths: AppPaths, moved: Path) -> None:
    """Move the files moved aside as `moved` back to the journal's names."""
    from journal.fileio import fsync_dir
    from journal.storage.cipher import MARKER_SUFFIX

    db = paths.database
    try:
        for suffix in ("", MARKER_SUFFIX, *SIDE_FILES):
            aside, back = Path(f"{moved}{suffix}"), Path(f"{db}{suffix}")
            if aside.exists() and not back.exists():
                os.rename(aside, back)
    except OSError as exc:
        raise StorageError(
            f"a restore was interrupted; cannot put the damaged journal back: {exc.strerror}",
            f"rename {moved} (and its -wal) to {db} yourself, then restore again",
        ) from exc
    fsync_dir(db.parent)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
