"""Start-up checks: is the journal intact, where is a good backup, is the folder risky?

The GUI runs `quick_check` in a background thread after opening; on damage it closes the
store, calls `quarantine` (the damaged files are moved aside, never deleted) and offers
`newest_good_backup`. `sync_folder_warning` is shown once when the data folder lies in a
cloud-sync folder or on a network filesystem, where SQLite's locking cannot be trusted.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from journal.errors import StorageError
from journal.paths import AppPaths

if TYPE_CHECKING:
    from journal.storage.store import JournalStore

SIDE_FILES = ("-wal", "-shm")

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

    The store must be closed. The side files move first: a -wal left beside a new empty
    journal would be replayed into it.
    """
    db = paths.database
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db.with_name(f"{db.name}.damaged-{stamp}")
    n = 1
    while any(Path(f"{target}{s}").exists() for s in ("", *SIDE_FILES)):
        n += 1
        target = db.with_name(f"{db.name}.damaged-{stamp}-{n}")
    try:
        for suffix in (*SIDE_FILES, ""):
            source = Path(f"{db}{suffix}")
            if source.exists():
                os.rename(source, f"{target}{suffix}")
    except OSError as exc:
        raise StorageError(
            f"cannot move the damaged journal {db} aside: {exc.strerror}",
            "move it away yourself (with its -wal and -shm files), then start Daybook again",
        ) from exc
    return target


def newest_good_backup(paths: AppPaths) -> Path | None:
    """The newest backup in the backups folder that passes `verify_backup`, if any."""
    from journal.services.backups import list_backups
    from journal.storage.backup import verify_backup

    for info in list_backups(paths.backups):
        try:
            verify_backup(info.path)
        except StorageError:
            continue
        return info.path
    return None


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


def restore_over_damaged(paths: AppPaths, source: Path) -> Path:
    """Replace a journal too damaged to open with the backup `source`; returns where the
    damaged files were moved. The backup is verified first: a bad one changes nothing."""
    from journal.storage.backup import verify_backup
    from journal.storage.store import JournalStore

    verify_backup(source)
    moved = quarantine(paths)
    store = JournalStore.open(paths)
    try:
        store.restore_from(source)
    finally:
        store.close()
    return moved
