"""The journal store: every read and write of entries and tags goes through here.

SQL is kept in `journal/storage`; callers deal in domain values (`Entry`, `NewEntry`,
`SearchQuery`) and get `StorageError`s they can show, never `sqlite3` errors.

`JournalStore` opens and closes the file; what it can do is split by responsibility into
the classes it is made of: `reads.JournalReads` (entries by id, pages, counts),
`writes.JournalWrites` (add, import, edit, Trash, purge), `search.JournalSearch` (the
search box, newest first or by relevance), `maintenance.JournalMaintenance` (checks,
backups, restores) and `statistics.JournalStatistics` (aggregates); images are
`attachments.AttachmentStore`.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from journal.errors import DamagedJournalError, StorageError
from journal.storage import cipher, db
from journal.storage.maintenance import (
    JournalMaintenance,
    encrypted_backup_error,
    plain_backup_error,
)
from journal.storage.migrate import SCHEMA_HEAD, current_revision, upgrade
from journal.storage.reads import JournalReads
from journal.storage.search import JournalSearch
from journal.storage.writes import JournalWrites

if TYPE_CHECKING:
    from pathlib import Path

    from journal.paths import AppPaths
    from journal.storage.attachments import AttachmentStore
    from journal.storage.db import Engine

__all__ = [
    "JournalReads",
    "JournalStore",
    "encrypted_backup_error",
    "plain_backup_error",
]


class JournalStore(JournalWrites, JournalSearch, JournalMaintenance):
    """One journal file. Open with `JournalStore.open(paths)`; close when done."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path
        self._watch: sqlite3.Connection | None = None  # for data_version only
        # After a purge: whether its text is still in the files because another connection
        # was reading an older snapshot (see `purge`).
        self.scrub_pending = False
        # Opened read-only (the file or its folder cannot be written): writes fail, saying so.
        self.read_only = False

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls, paths: AppPaths, busy_timeout_ms: int = db.DEFAULT_BUSY_TIMEOUT_MS
    ) -> JournalStore:
        """Open (creating if needed) the journal in `paths`, upgrading its schema if behind.

        A damaged file is reported and left untouched; a read-only folder is an error,
        never a fresh empty journal somewhere else.
        """
        path = paths.database
        db.check_header(path)
        key = cipher.key_for(path)  # raises LockedJournalError if encrypted and locked
        read_only = db.is_read_only(path)
        if key is not None and not read_only:
            from journal.storage.convert import erase_leftovers

            erase_leftovers(path)
        if not read_only:
            paths.ensure()
            db.create_private_file(path)
        engine = db.open_engine(path, busy_timeout_ms, read_only=read_only, key=key)
        store = cls(engine, path)
        store.read_only = read_only
        try:
            with db.translate_errors(path):
                store._prepare_schema(paths)
        except BaseException:
            db.dispose_untouched(engine)  # a damaged journal keeps its -wal, unmerged
            raise
        return store

    def _prepare_schema(self, paths: AppPaths) -> None:
        with db.read_transaction(self._engine) as conn:
            revision = current_revision(conn)
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        if revision == SCHEMA_HEAD:
            return
        if self.read_only:
            raise StorageError(
                f"the journal is read-only and {self.path} needs an upgrade to this Daybook",
                "make the file and its folder writable once, then try again",
            )
        if revision is None and tables:
            raise StorageError(
                f"{self.path} is an SQLite database but not a Daybook journal (left untouched)",
                "choose another folder with --home",
            )
        if revision is not None:
            from journal.storage.migrate import script_revisions

            if revision not in script_revisions():
                raise StorageError(
                    f"the journal {self.path} was written by a newer Daybook (schema {revision})",
                    "install the newer Daybook again, or restore an older backup",
                )
            from journal.storage.backup import backup_file, timestamped_name

            backup_file(
                self.path,
                paths.backups / timestamped_name(f"pre-upgrade-{revision}"),
                key=self._engine.key,
            )
        upgrade(self._engine)

    @property
    def attachments(self) -> AttachmentStore:
        """The images stored in this journal (see journal.storage.attachments)."""
        from journal.storage.attachments import AttachmentStore

        return AttachmentStore(self._engine, self.path)

    def close(self, untouched: bool = False) -> None:
        """Close the connections; the last one's checkpoint runs under the writer locks.
        `untouched` (the journal was found damaged): no checkpoint, the files stay as
        they are (see `db.dispose_untouched`)."""
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        dispose = db.dispose_untouched if untouched else db.Engine.dispose
        try:
            with db.exclusive_writer(self._engine):
                dispose(self._engine)
        except sqlite3.OperationalError:  # the locks were not had in time: close anyway
            dispose(self._engine)

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, _type: object, exc: object, _tb: object) -> None:
        self.close(untouched=isinstance(exc, DamagedJournalError))

    @property
    def engine(self) -> Engine:
        """The file's connections, for the storage modules beside the store (the outbox)."""
        return self._engine
