"""The attachments table: images stored inside the journal, keyed by their SHA-256.

Plain sqlite3 like the rest of the run-time store; `JournalStore.attachments` hands one out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain.attachments import REFERENCE, Attachment
from journal.domain.entry import local_now
from journal.domain.filters import to_utc
from journal.storage import db
from journal.storage.sql import ts

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from journal.storage.db import Engine

_COLUMNS = "sha256, data, mime, width, height"


class AttachmentStore:
    """Read and write attachments of one journal file."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path

    def put(self, attachment: Attachment) -> bool:
        """Store an image unless the same bytes are already there; True if it was new."""
        now, _ = to_utc(local_now())
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = conn.execute(
                f"INSERT INTO attachments ({_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO NOTHING",
                (
                    attachment.sha256,
                    attachment.data,
                    attachment.mime,
                    attachment.width,
                    attachment.height,
                    ts(now),
                ),
            )
            return cur.rowcount == 1

    def get(self, sha256: str) -> Attachment | None:
        found = self.get_many([sha256])
        return found.get(sha256)

    def get_many(self, hashes: Iterable[str]) -> dict[str, Attachment]:
        """The stored attachments among `hashes` (those absent are left out)."""
        wanted = list(dict.fromkeys(hashes))
        out: dict[str, Attachment] = {}
        with db.translate_errors(self.path), self._engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                for row in conn.execute(
                    f"SELECT {_COLUMNS} FROM attachments WHERE sha256 IN ({marks})", part
                ):
                    out[row[0]] = Attachment(row[0], bytes(row[1]), row[2], row[3], row[4])
        return out

    def first_references(self, entry_ids: Sequence[int]) -> dict[int, str]:
        """The first image each of `entry_ids` refers to (entries with none are left out),
        found by SQLite in the stored text: no body is read into Python unless its first
        `attachment:` is not a whole reference (then that body is read and searched)."""
        found: dict[int, str] = {}
        unsure: list[int] = []
        ids = list(dict.fromkeys(entry_ids))
        with db.translate_errors(self.path), self._engine.connect() as conn:
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = conn.execute(
                    "SELECT id, at, substr(body, max(at - 1, 1), 77) FROM ("
                    "SELECT id, body, instr(body, 'attachment:') AS at FROM entries "
                    f"WHERE id IN ({marks})) WHERE at > 0",
                    part,
                )
                for entry_id, at, around in rows:
                    # one character before it, when there is one, for REFERENCE's \b
                    match = REFERENCE.match(str(around), 1 if at > 1 else 0)
                    if match is not None:
                        found[int(entry_id)] = match[1]
                    else:
                        unsure.append(int(entry_id))
            for entry_id in unsure:
                row = conn.execute("SELECT body FROM entries WHERE id = ?", (entry_id,)).fetchone()
                shas = REFERENCE.findall(str(row[0])) if row is not None else []
                if shas:
                    found[entry_id] = shas[0]
        return found

    def discard_unused(self, hashes: Iterable[str]) -> int:
        """Delete those of `hashes` no entry (Trash included) refers to; how many went. For
        images an editor stored and whose reference was taken out (or never saved)."""
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return 0
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            return drop_unreferenced(conn.cursor(), wanted)

    def hashes(self) -> set[str]:
        with db.translate_errors(self.path), self._engine.connect() as conn:
            return {str(r[0]) for r in conn.execute("SELECT sha256 FROM attachments")}

    def problems(self) -> tuple[list[str], list[str]]:
        """(missing, orphaned): attachments entries refer to that are not stored, as
        'entry ID: SHA', and stored attachments no entry (Trash included) refers to."""
        stored = self.hashes()
        used: set[str] = set()
        missing: list[str] = []
        with db.translate_errors(self.path), self._engine.connect() as conn:
            rows = conn.execute(
                "SELECT id, body FROM entries WHERE instr(body, 'attachment:') > 0 ORDER BY id"
            )
            while batch := rows.fetchmany(100):
                for entry_id, body in batch:
                    for sha in dict.fromkeys(REFERENCE.findall(str(body))):
                        used.add(sha)
                        if sha not in stored:
                            missing.append(f"entry {entry_id}: {sha}")
        return missing, sorted(stored - used)


def referenced_by(cur: sqlite3.Cursor, entry_ids: Sequence[int]) -> set[str]:
    """The attachments the entries `entry_ids` refer to (read inside a purge)."""
    found: set[str] = set()
    for start in range(0, len(entry_ids), 500):
        part = list(entry_ids[start : start + 500])
        marks = ",".join("?" * len(part))
        for (body,) in cur.execute(f"SELECT body FROM entries WHERE id IN ({marks})", part):
            found.update(REFERENCE.findall(str(body)))
    return found


def drop_unreferenced(cur: sqlite3.Cursor, hashes: Iterable[str]) -> int:
    """Delete those of `hashes` no entry (Trash included) refers to any more; run inside
    the purge's transaction, with secure_delete on, so their bytes are scrubbed too.

    Only the purged entries' images are considered: an image pasted into an entry not yet
    saved is unreferenced for a while and must not go.
    """
    removed = 0
    for sha in hashes:
        used = cur.execute(
            "SELECT 1 FROM entries WHERE instr(body, ?) > 0 LIMIT 1", (f"attachment:{sha}",)
        ).fetchone()
        if used is None:
            cur.execute("DELETE FROM attachments WHERE sha256 = ?", (sha,))
            removed += cur.rowcount
    return removed
