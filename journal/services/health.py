"""Start-up checks: is the journal intact, where is a good backup, is the folder risky?

The GUI runs `quick_check` in a background thread after opening; on damage it closes the
store, calls `quarantine` (the damaged files are moved aside, never deleted) and offers
`newest_good_backup`. `sync_folder_warning` is shown once when the data folder lies in a
cloud-sync folder or on a network filesystem, where SQLite's locking cannot be trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from journal.errors import DamagedJournalError, InputError, StorageError
from journal.services.rescue import SIDE_FILES  # the -wal and -shm beside a journal

if TYPE_CHECKING:
    import datetime as dt

    from journal.paths import AppPaths
    from journal.storage.cipher import Key
    from journal.storage.store import JournalStore


# Folder names (case-insensitive) that cloud-sync clients watch, with the service's name.
_SYNC_NAMES = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "mobile documents": "iCloud Drive",  # ~/Library/Mobile Documents/com~apple~CloudDocs
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",  # Windows
    "google drive": "Google Drive",
    "googledrive": "Google Drive",  # ~/Library/CloudStorage/GoogleDrive-user@example.org
    "my drive": "Google Drive",  # G:\My Drive
}
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "ncpfs",
        "lustre",
    }
)


def quick_check(store: JournalStore) -> list[str]:
    """SQLite's quick_check and the search-index check; an empty list means healthy.

    A file too damaged to be read at all is a problem too, not an exception.
    """
    try:
        return store.check(quick=True)
    except StorageError as exc:
        return [str(exc)]


def quarantine(paths: AppPaths, now: dt.datetime | None = None) -> Path:
    """Move the journal and its -wal/-shm aside as `journal.sqlite3.damaged-YYYYmmdd-HHMMSS`
    (side files keep their suffix, so the three still open together); returns the new path.
    An encrypted journal's marker goes with it, so the moved file is still known encrypted.

    The store must be closed. The side files move first: a -wal left beside a new empty
    journal would be replayed into it.
    """
    from journal.services.rescue import aside_name, move_aside

    return move_aside(paths, aside_name(paths, now))


@dataclass(frozen=True, slots=True)
class GoodBackup:
    """A backup that passed SQLite's integrity check just now."""

    path: Path
    time: dt.datetime  # local, naive: when it was taken
    entries: int  # outside the Trash


def newest_good_backup(paths: AppPaths) -> GoodBackup | None:
    """The newest backup in the backups folder that passes `verify_backup`, if any."""
    from journal.services.backups import list_backups
    from journal.storage.backup import verify_backup
    from journal.storage.cipher import remembered_key

    key = remembered_key(paths.database)  # an unlocked encrypted journal's backups
    for info in list_backups(paths.backups):
        try:
            entries = verify_backup(info.path, key)
        except StorageError:
            continue
        return GoodBackup(info.path, info.time, entries)
    return None


def journal_damage(paths: AppPaths, quick: bool = True) -> list[str]:
    """What SQLite's quick_check (or, not `quick`, its integrity_check) finds wrong with the
    journal file, read-only (the file and its -wal stay as they are); an empty list when it
    is intact or does not exist."""
    from journal.storage.backup import file_damage

    return file_damage(paths.database, quick)


# Where the app notes the journal's files as they were when it last closed them after a
# clean check (see `note_verified`): unchanged since, the check before opening is skipped.
VERIFIED_FILE = "verified.json"


def _file_stamp(paths: AppPaths) -> dict[str, list[int]]:
    """Size and modification time (ns) of the journal and its -wal, as they are now."""
    stamp: dict[str, list[int]] = {}
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{paths.database}{suffix}")
        except OSError:
            continue
        stamp[suffix or "db"] = [st.st_size, st.st_mtime_ns]
    return stamp


def note_verified(paths: AppPaths) -> None:
    """Remember the journal's files as they are now: call after a clean check, once the
    journal is closed. Best effort: a note that cannot be written only costs a check."""
    with contextlib.suppress(OSError):
        (paths.home / VERIFIED_FILE).write_text(json.dumps(_file_stamp(paths)))


def unchanged_since_verified(paths: AppPaths) -> bool:
    """Whether the journal's files are exactly as `note_verified` last saw them (nothing,
    not even another Daybook command, has written them since)."""
    try:
        noted = json.loads((paths.home / VERIFIED_FILE).read_text())
    except (OSError, ValueError):
        return False
    return bool(noted) and noted == _file_stamp(paths)


def damage_error(paths: AppPaths, problems: list[str]) -> DamagedJournalError:
    """The error for a journal in which `journal_damage` found `problems`."""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return DamagedJournalError(
        f"the journal {paths.database} is damaged: {problems[0]}{more}",
        "restore a good backup with `daybook restore FILE` (`daybook backup --list` shows "
        "them); the damaged file is moved aside, not deleted",
        path=paths.database,
    )


def damaged_hint(paths: AppPaths) -> str:
    """What to do about a damaged journal: restore the newest good backup, named."""
    backup = newest_good_backup(paths)
    if backup is None:
        return (
            f"there is no good backup in {paths.backups}; copy {paths.database} somewhere safe, "
            "then move it away with its -wal and -shm files to start afresh"
        )
    entries = "1 entry" if backup.entries == 1 else f"{backup.entries:,} entries"
    return (
        f"restore the newest good backup ({backup.time:%Y-%m-%d %H:%M}, {entries}) with "
        f"`daybook restore {shlex.quote(str(backup.path))}` (`daybook backup --list` shows the "
        "others): the damaged file is moved aside, not deleted"
    )


@dataclass(frozen=True, slots=True)
class Restored:
    """Where the journal as it was went: a pre-restore backup (it was healthy) or, for a
    damaged journal, the `journal.sqlite3.damaged-*` files beside it; and how the restored
    journal is stored."""

    safety_backup: Path | None = None
    moved_aside: Path | None = None
    unchecked: bool = False  # moved aside without its passphrase being checked (--damaged)
    was_encrypted: bool = False
    encrypted: bool = False  # the restored journal (after a move aside: as the backup was)


def restore_journal(
    paths: AppPaths,
    source: Path,
    backup_passphrase: str | None = None,
    unchecked: bool = False,
) -> Restored:
    """Replace the journal with the backup `source`, losing nothing.

    The backup is verified first (a bad one, or a wrong passphrase for it, changes nothing).
    A healthy journal is kept as a pre-restore backup; a damaged one, which cannot be
    copied, is moved aside unchanged. An encrypted journal's backup is read with its key, or
    with `backup_passphrase` (a backup made before a passphrase change). `unchecked`: the
    journal is encrypted and no page of it proves the passphrase given (the user says it is
    damaged): it is moved aside unchanged.
    """
    from journal.services.journal import Journal
    from journal.storage import cipher
    from journal.storage.backup import refuse_special_file, verify_backup

    if source.resolve() == paths.database.resolve():
        raise InputError("that file is the journal itself", "give a backup file")
    refuse_special_file(source)  # before anything reads it (a FIFO would wait for ever)
    was_encrypted = cipher.is_encrypted(paths.database)
    key = backup_key(paths, source, backup_passphrase)
    verify_backup(source, key)
    if unchecked:
        moved = restore_over_damaged(paths, source, key)
        return _restored(paths, True, moved=moved, unchecked=True)
    # The full check, read-only: damage it finds is moved aside before anything could
    # write to the file (closing a read-write connection checkpoints the -wal into it).
    if journal_damage(paths, quick=False):
        return _restored(paths, was_encrypted, moved=restore_over_damaged(paths, source, key))
    # Refused before opening: nothing is written, not even a -wal.
    from journal.storage.store import encrypted_backup_error, plain_backup_error

    if was_encrypted and cipher.read_head(source) == cipher.SQLITE_HEADER:
        raise plain_backup_error(source)
    if not was_encrypted and key is not None:
        raise encrypted_backup_error(source)
    # Opening the journal read-write and closing it checkpoints its -wal into it: if it
    # then turns out not to be copyable after all, the files as they were are what is moved
    # aside, from a byte-for-byte copy taken now.
    as_it_was = _copy_as_it_is(paths)
    try:
        try:
            journal = Journal.open(paths)
        except DamagedJournalError:
            journal = None
        if journal is not None:
            with journal:
                try:
                    safety = journal.restore(source, backup_passphrase)
                    return _restored(paths, was_encrypted, safety=safety)
                except StorageError:
                    # The pre-restore copy failed although the checks passed (damage they
                    # cannot see, e.g. an encrypted page they never read): the journal
                    # cannot be copied, so it is kept whole the other way, moved aside.
                    pass
        _put_back(paths, as_it_was)
        as_it_was = ()
        return _restored(paths, was_encrypted, moved=restore_over_damaged(paths, source, key))
    finally:
        for copy in as_it_was:
            copy.unlink(missing_ok=True)


def _journal_files(paths: AppPaths) -> list[str]:
    """The suffixes of the journal's files that exist now ("" is the journal itself)."""
    from journal.storage.cipher import MARKER_SUFFIX

    db = paths.database
    return [s for s in ("", *SIDE_FILES, MARKER_SUFFIX) if Path(f"{db}{s}").exists()]


def _copy_as_it_is(paths: AppPaths) -> tuple[Path, ...]:
    """Byte-for-byte copies of the journal, its -wal and its marker, beside them (the -shm
    is rebuilt from the -wal). A failed copy (a full disk) stops here with nothing changed."""
    import shutil

    from journal.fileio import fsync_dir

    db = paths.database
    copies: list[Path] = []
    try:
        for suffix in _journal_files(paths):
            if suffix == "-shm":
                continue
            copy = db.with_name(f"{db.name}.as-it-was{suffix}")
            copies.append(copy)
            shutil.copyfile(f"{db}{suffix}", copy)
            with open(copy, "rb+") as fh:
                os.fsync(fh.fileno())
        fsync_dir(db.parent)
    except OSError as exc:
        for copy in copies:
            copy.unlink(missing_ok=True)
        raise StorageError(
            f"cannot copy the journal before restoring over it: {exc.strerror}",
            "free some disk space, then try again; nothing was changed",
        ) from exc
    return tuple(copies)


def _put_back(paths: AppPaths, copies: tuple[Path, ...]) -> None:
    """Make the copies from `_copy_as_it_is` the journal's files again (the journal closed):
    a -wal the open checkpointed away comes back, and one it made up goes."""
    db = paths.database
    kept = {c.name.removeprefix(f"{db.name}.as-it-was"): c for c in copies}
    for suffix in (*SIDE_FILES, ""):  # the -wal before the journal it belongs to
        live = Path(f"{db}{suffix}")
        if suffix in kept:
            os.replace(kept[suffix], live)
        else:
            live.unlink(missing_ok=True)
    for suffix, copy in kept.items():
        if suffix not in (*SIDE_FILES, ""):
            os.replace(copy, f"{db}{suffix}")


def _restored(
    paths: AppPaths,
    was: bool,
    safety: Path | None = None,
    moved: Path | None = None,
    unchecked: bool = False,
) -> Restored:
    from journal.storage.cipher import is_encrypted

    return Restored(safety, moved, unchecked, was, is_encrypted(paths.database))


def backup_key(paths: AppPaths, source: Path, backup_passphrase: str | None) -> Key | None:
    """The key to read the backup `source` with: None for a plain one, the key of
    `backup_passphrase` when given (a wrong one: `WrongPassphraseError`, one line), else
    the unlocked journal's own key (None if there is none: `verify_backup` then refuses)."""
    from journal.storage import cipher

    head = cipher.read_head(source)
    if head is None or head == cipher.SQLITE_HEADER or len(head) != cipher.SALT_BYTES:
        return None
    if backup_passphrase is not None:
        return cipher.open_key(source, backup_passphrase)
    return cipher.remembered_key(paths.database)


def sync_folder_warning(path: Path, mounts: str | None = None) -> str | None:
    """A warning if `path` lies in a cloud-sync folder or on a network filesystem, else None.

    `mounts` is the text of /proc/mounts (read on Linux when not given).
    """
    path = Path(os.path.abspath(path))
    for part in path.parts:
        name = part.casefold()
        for marker, service in _SYNC_NAMES.items():
            if name == marker or name.startswith((f"{marker} ", f"{marker}-", f"{marker}_")):
                return (
                    f"the data folder {path} is inside a {service} folder: syncing a journal "
                    "while Daybook has it open can damage it or lose entries; choose a folder "
                    "outside it with --home (backups may be synced)"
                )
    fstype = _filesystem_type(path, mounts)
    if fstype is not None and fstype.casefold() in NETWORK_FILESYSTEMS:
        return (
            f"the data folder {path} is on a network filesystem ({fstype}): SQLite's locking "
            "is unreliable there and the journal can be damaged; choose a local folder "
            "with --home"
        )
    return None


def _filesystem_type(path: Path, mounts: str | None) -> str | None:
    """The filesystem type of the longest mount point containing `path` (Linux)."""
    if mounts is None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    candidates = (PurePath(path), PurePath(os.path.realpath(path)))
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePath(_unescape(fields[1]))
        if any(point == c or point in c.parents for c in candidates):
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fields[2])
    return best[1] if best else None


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def restore_over_damaged(paths: AppPaths, source: Path, key: Key | None = None) -> Path:
    """Replace a journal too damaged to open with the backup `source`, safe from crashes;
    see `journal.services.rescue.restore_over_damaged`."""
    from journal.services.rescue import restore_over_damaged as restore

    return restore(paths, source, key)
