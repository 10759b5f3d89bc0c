"""Writing entries: add, import, edit, the Trash and purging.

A part of `JournalStore` kept in its own file (see `store.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain.entry import (
    Entry,
    NewEntry,
    as_stored,
    is_empty,
    local_now,
    stored_text,
    stored_title,
)
from journal.domain.filters import (
    EntryFilter,
    ImportReport,
    to_utc,
)
from journal.domain.tags import hashtags
from journal.errors import InputError, StorageError
from journal.storage import db
from journal.storage.reads import JournalReads
from journal.storage.sql import (
    chunks,
    entry_tags,
    insert_one,
    insert_rows,
    link_tags,
    make_row,
    ts,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

# Entries per INSERT statement in imports (11 values each; SQLite allows 32,766).
IMPORT_CHUNK = 500


class JournalWrites(JournalReads):
    """Adding, changing, trashing and purging entries; mixed into `JournalStore`."""

    scrub_pending: bool

    def add(self, new: NewEntry) -> Entry:
        """Store one entry; returns it as stored (after the commit returned)."""
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = conn.cursor()
            tag_ids: dict[str, int] = {}
            entry_id = insert_one(cur, as_stored(new), tag_ids, on_conflict_skip=False)
            assert entry_id is not None
        return self.get(entry_id)

    def add_many(
        self,
        entries: Iterable[NewEntry],
        progress: Callable[[int], None] | None = None,
        dry_run: bool = False,
    ) -> ImportReport:
        """Store entries in one transaction, skipping uids already present (idempotent).

        If the iterable raises (a malformed line), nothing of it is stored. `dry_run`
        counts what would be added and rolls back.
        """
        report = ImportReport()
        seen: set[str] = set()
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = conn.cursor()
            tag_ids: dict[str, int] = {}
            for chunk in chunks(map(as_stored, entries), IMPORT_CHUNK):
                rows = [make_row(new, entry_tags(new.tags, new.body)) for new in chunk]
                for new, row in zip(chunk, rows, strict=True):
                    report.note(new, row.tags)
                inserted = insert_rows(cur, rows)
                for row in rows:
                    entry_id = inserted.get(row.uid)
                    if entry_id is None or row.uid in seen:
                        report.skipped += 1
                        continue
                    seen.add(row.uid)
                    report.added += 1
                    link_tags(cur, entry_id, row.tags, tag_ids)
                if progress is not None:
                    progress(report.found)
            if dry_run:
                conn.rollback()
        if progress is not None:
            progress(report.found)
        return report

    def update(
        self,
        entry_id: int,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: Sequence[str] | None = None,
        private: bool | None = None,
        day: dt.date | None = None,
    ) -> Entry:
        """Change the given fields of an entry; the body's #tags are always re-read."""
        current = self.get(entry_id, include_deleted=True)
        new_title = current.title if title is None else stored_title(title)
        new_body = current.body if body is None else stored_text(body)
        if is_empty(new_title, new_body):
            raise InputError("the entry would be empty", "keep some text (or a title)")
        explicit = (
            _explicit_tags(current) if tags is None else [t.replace("\x00", "") for t in tags]
        )
        all_tags = entry_tags(explicit, new_body)
        now, offset = to_utc(local_now())
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = conn.cursor()
            cur.execute(
                "UPDATE entries SET title=?, body=?, tag_list=?, private=?, day=?, "
                "updated_at=?, updated_offset=?, created_at=? WHERE id=?",
                (
                    new_title,
                    new_body,
                    " ".join(all_tags),
                    int(current.private if private is None else private),
                    (current.day if day is None else day).isoformat(),
                    ts(now),
                    offset,
                    ts(to_utc(current.created)[0]),  # rewrites a year an old version left short
                    entry_id,
                ),
            )
            cur.execute("DELETE FROM entry_tags WHERE entry_id=?", (entry_id,))
            link_tags(cur, entry_id, all_tags, {})
        return self.get(entry_id, include_deleted=True)

    def delete(self, entry_id: int) -> Entry:
        """Move an entry to the Trash (restorable)."""
        self.get(entry_id)
        now, _ = to_utc(local_now())
        self._execute_write("UPDATE entries SET deleted_at=? WHERE id=?", (ts(now), entry_id))
        return self.get(entry_id, include_deleted=True)

    def restore(self, entry_id: int) -> Entry:
        """Bring an entry back from the Trash."""
        self.get(entry_id, include_deleted=True)
        self._execute_write("UPDATE entries SET deleted_at=NULL WHERE id=?", (entry_id,))
        return self.get(entry_id)

    def purge(self, entry_ids: Sequence[int]) -> int:
        """Delete entries for ever and scrub their text from the file (secure_delete is on).

        The full-text index is rebuilt so no segment keeps the old tokens; then the WAL is
        checkpointed and truncated, which drops the pages as they were before. A reader
        holding an older snapshot keeps that checkpoint from finishing (it is retried for the
        busy timeout): `scrub_pending` then says the text is still in the files, until every
        connection has closed the journal (the last one's close checkpoints and removes
        the WAL).
        """
        if not entry_ids:
            return 0
        marks = ",".join("?" * len(entry_ids))
        with db.translate_errors(self.path), db.write_transaction(self._engine) as conn:
            cur = conn.cursor()
            cur.execute("PRAGMA secure_delete = ON")
            on = cur.execute("PRAGMA secure_delete").fetchone()
            if on is None or int(on[0]) != 1:
                raise StorageError(
                    f"cannot scrub deleted text from {self.path}: this SQLite has no "
                    "secure_delete; nothing was purged",
                    "use a Python built with a standard SQLite",
                )
            from journal.storage.attachments import drop_unreferenced, referenced_by

            images = referenced_by(cur, entry_ids)
            cur.execute(f"DELETE FROM entries WHERE id IN ({marks})", tuple(entry_ids))
            removed = cur.rowcount
            drop_unreferenced(cur, images)  # their bytes scrubbed with the text
            cur.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")
            cur.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
        with db.translate_errors(self.path):
            # The WAL still holds the pages as they were before; truncating it drops them.
            self.scrub_pending = not db.checkpoint(self._engine)
        return int(removed)

    def empty_trash(self) -> int:
        ids = [e.id for e in self.list_summaries(EntryFilter(trash=True), limit=None, preview=0)]
        return self.purge(ids)


def _explicit_tags(entry: Entry) -> list[str]:
    """The tags of an entry that do not come from #tags in its body."""
    from_body = {t.casefold() for t in hashtags(entry.body)}
    return [t for t in entry.tags if t.casefold() not in from_body]
