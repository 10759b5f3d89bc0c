"""Keeping the file healthy: checks, the index rebuild, backups and restores.

A part of `JournalStore` kept in its own file (see `store.py`).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from journal.domain.entry import (
    DAY_RANGE_TEXT,
    FIRST_DAY,
    LAST_DAY,
    MAX_ENTRY_CHARS,
    oversize,
)
from journal.domain.tags import private_only_tags
from journal.errors import StorageError
from journal.storage import cipher, db
from journal.storage.cipher import SQLITE_HEADER
from journal.storage.reads import JournalReads
from journal.storage.sql import (
    fts_problems,
    stoppable,
)

if TYPE_CHECKING:
    from pathlib import Path


class JournalMaintenance(JournalReads):
    """Checks, repairs, backups and restores of the file; mixed into `JournalStore`."""

    def check(self, quick: bool = False) -> list[str]:
        """Problems with the file and its search index; an empty list means healthy.

        `quick` runs SQLite's quick_check (no index-content cross-check), fast enough for
        every start.
        """
        problems: list[str] = []
        pragma = "quick_check" if quick else "integrity_check"
        with db.translate_errors(self.path), self._engine.connect() as conn:
            cur = conn.cursor()
            with stoppable(cur.connection):
                result = [r[0] for r in cur.execute(f"PRAGMA {pragma}").fetchall()]
            if result != ["ok"]:
                problems.extend(f"integrity: {r}" for r in result[:20])
            problems.extend(self._fts_problems(cur))
            fk = cur.execute("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"{len(fk)} broken links between entries and tags")
        return problems

    def _fts_problems(self, cur: sqlite3.Cursor) -> list[str]:
        """FTS5's integrity check is written as an INSERT, which a read-only file refuses:
        there it runs on a copy in memory."""
        if not self.read_only:
            return fts_problems(cur)
        copy = sqlite3.connect(":memory:")
        try:
            cur.connection.backup(copy)
            return fts_problems(copy.cursor())
        finally:
            copy.close()

    def rule_problems(self) -> tuple[list[str], list[str]]:
        """Rows that break the journal's rules, each with how to fix it: (problems, notices).

        Problems: a day outside the supported range, a text larger than the largest entry
        (rows written by older versions or other tools). Notices: tags stored on an entry
        that appear only inside its private blocks (kept out of exports, but listed as the
        entry's tags).
        """
        problems: list[str] = []
        notices: list[str] = []
        with db.translate_errors(self.path), self._engine.connect() as conn:
            cur = conn.cursor()
            with stoppable(cur.connection):
                for entry_id, day in cur.execute(
                    "SELECT id, day FROM entries "
                    "WHERE day < ? OR day > ? OR substr(created_at, 5, 1) != '-' ORDER BY id",
                    (FIRST_DAY.isoformat(), LAST_DAY.isoformat()),
                ):
                    what = (
                        f"its date {day} is outside the supported range {DAY_RANGE_TEXT}"
                        if not FIRST_DAY.isoformat() <= str(day) <= LAST_DAY.isoformat()
                        else "its creation time was stored with a year before 1000"
                    )
                    problems.append(
                        f"entry {entry_id}: {what}; change its Date: with "
                        f"`daybook edit {entry_id}`, or remove it with "
                        f"`daybook delete {entry_id}`"
                    )
                for entry_id, size in cur.execute(
                    "SELECT id, length(title) + length(body) FROM entries "
                    "WHERE length(title) + length(body) > ? ORDER BY id",
                    (MAX_ENTRY_CHARS,),
                ):
                    problems.append(
                        f"entry {entry_id}: {oversize(int(size))}; shorten it with "
                        f"`daybook edit {entry_id}`, or remove it with `daybook delete {entry_id}`"
                    )
                rows = cur.execute(
                    "SELECT id, body, tag_list FROM entries WHERE tag_list != '' "
                    "AND (instr(body, '```') OR instr(body, '~~~')) ORDER BY id"
                )
                while batch := rows.fetchmany(100):
                    for entry_id, body, tag_list in batch:
                        hidden = private_only_tags(str(body))
                        stored = [t for t in str(tag_list).split() if t.casefold() in hidden]
                        if stored:
                            names = ", ".join(stored)
                            notices.append(
                                f"entry {entry_id}: the tag(s) {names} appear only inside its "
                                "private blocks, so exports leave them out; to share them, "
                                "write them outside the block, or to drop them, remove them "
                                f"from the Tags: line with `daybook edit {entry_id}`"
                            )
        return problems, notices

    def rebuild_index(self) -> None:
        """Rebuild the full-text index from the entries (repairs a stale index)."""
        self._execute_write("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')", ())

    def backup(self, target: Path, replace: bool = True) -> Path:
        """A verified copy of the journal at `target` (SQLite's backup API), encrypted with
        the journal's key if it has one.

        Without `replace`, an existing `target` is refused (StorageError).
        """
        from journal.storage.backup import backup_file

        return backup_file(self.path, target, replace, self._engine.key)

    @property
    def key(self) -> cipher.Key | None:
        """The key of an encrypted journal (None when plain): its backups use it too."""
        return self._engine.key

    def restore_from(self, source: Path, source_key: cipher.Key | None = None) -> None:
        """Replace this journal's content with the verified backup `source`, in place.

        The backup API writes through this database's own WAL, so no stale -wal file can
        bring newer data back over the restored copy. An encrypted backup is read with
        `source_key` (by default the journal's own key) and written with the journal's.
        """
        key = source_key or self._engine.key
        head = cipher.read_head(source)
        if head == SQLITE_HEADER and key is not None:
            raise plain_backup_error(source)
        if head != SQLITE_HEADER and self._engine.key is None:
            raise encrypted_backup_error(source)
        src = cipher.connect(f"file:{source}?mode=ro", key, uri=True)
        try:
            with (
                db.translate_errors(self.path),
                db.exclusive_writer(self._engine),
                self._engine.connect() as conn,
            ):
                src.backup(conn)
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            src.close()
        self._engine.dispose()


def plain_backup_error(source: Path) -> StorageError:
    """A plain backup is not restored into an encrypted journal (it would be decrypted)."""
    return StorageError(
        f"{source} is a backup of the journal from before it was encrypted; nothing was changed",
        "restore it with encryption off (`daybook decrypt`), then encrypt again",
    )


def encrypted_backup_error(source: Path) -> StorageError:
    """An encrypted backup is not restored into a plain journal (SQLCipher copies between
    encrypted databases only)."""
    return StorageError(
        f"{source} is an encrypted backup and the journal is not encrypted; nothing was changed",
        "encrypt the journal first (`daybook encrypt`), then restore it with the backup's "
        "passphrase",
    )
