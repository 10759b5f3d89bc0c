"""Automatic and listed backups in the data folder's `backups/`.

Every backup is named `KIND-YYYYmmdd-HHMMSS.sqlite3` in local time: `daily` (made at the
first start of a day, kept rolling 7 daily / 4 weekly / 12 monthly), `manual`
(`daybook backup`), `pre-restore` and `pre-upgrade-REV` (made before the journal is
replaced or migrated). Only daily backups are ever pruned; the others stay until the user
deletes them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.domain.retention import to_keep

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.journal import Journal
    from journal.storage.store import JournalStore

DAILY = "daily"
KINDS = ("daily", "manual", "pre-restore", "pre-upgrade", "other")
_NAME = re.compile(r"(?P<prefix>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file as Settings lists it."""

    path: Path
    time: dt.datetime  # local, naive: when it was taken
    size: int  # bytes
    kind: str  # one of KINDS

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(kind: str, now: dt.datetime) -> str:
    """`kind-YYYYmmdd-HHMMSS.sqlite3`, the name every backup in `backups/` has."""
    return f"{kind}-{_local(now).strftime(_STAMP)}.sqlite3"


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Every backup in `backups_dir`, newest first; unfinished (hidden) copies left out."""
    found: list[BackupInfo] = []
    try:
        candidates = list(backups_dir.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    for path in candidates:
        if path.name.startswith(".") or path.suffix != ".sqlite3":
            continue
        try:
            st = path.stat()
        except OSError:
            continue
        if not path.is_file():
            continue
        kind, taken = _parse(path.name)
        if taken is None:
            taken = dt.datetime.fromtimestamp(st.st_mtime)
        found.append(BackupInfo(path, taken, st.st_size, kind))
    found.sort(key=lambda b: (b.time, b.name), reverse=True)
    return found


def daily_backup(
    journal_or_store: Journal | JournalStore, backups_dir: Path, now: dt.datetime | None = None
) -> Path | None:
    """Back up the journal once a day (None if today's backup exists), then prune old dailies.

    Raises `StorageError` if the copy cannot be made; nothing is pruned then.
    """
    store = getattr(journal_or_store, "store", journal_or_store)
    now = _local(now or dt.datetime.now())
    dailies = [b for b in list_backups(backups_dir) if b.kind == DAILY]
    if any(b.time.date() == now.date() for b in dailies):
        return None
    target = store.backup(backups_dir / backup_name(DAILY, now))
    prune(backups_dir, now)
    return target


def prune(backups_dir: Path, now: dt.datetime) -> list[Path]:
    """Delete the daily backups the retention rule no longer keeps; returns them."""
    dailies = [b for b in list_backups(backups_dir) if b.kind == DAILY]
    keep = to_keep([(b.path, b.time) for b in dailies], _local(now))
    removed = []
    for b in dailies:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def _parse(name: str) -> tuple[str, dt.datetime | None]:
    match = _NAME.fullmatch(name)
    if match is None:
        return "other", None
    try:
        taken = dt.datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return "other", None
    prefix = match["prefix"]
    if prefix in (DAILY, "manual", "pre-restore"):
        return prefix, taken
    if prefix.startswith("pre-upgrade"):
        return "pre-upgrade", taken
    return "other", taken


def _local(moment: dt.datetime) -> dt.datetime:
    """Naive local time, as backup names carry it."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
