"""Use cases shared by the command line and the desktop app.

The rules about what makes a valid entry, how an import or a restore proceeds, and where
backups go live here, not in argparse code or in widgets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import TYPE_CHECKING, TypeVar

from journal.domain.entry import (
    PREVIEW_CHARS,
    Entry,
    EntrySummary,
    NewEntry,
    SearchHit,
    day_problem,
    entry_problem,
    is_empty,
    local_now,
    size_problem,
)
from journal.domain.query import SearchQuery, parse_query
from journal.errors import DaybookError, InputError, NotFoundError, StorageError
from journal.services.changes import Change, ChangeFeed, Kind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from pathlib import Path

    from journal.domain.attachments import Attachment
    from journal.domain.filters import Cursor, EntryFilter, ImportReport, Order
    from journal.paths import AppPaths
    from journal.storage.store import JournalStore


_R = TypeVar("_R")


def _announcing(kind: Kind) -> Callable[[Callable[..., _R]], Callable[..., _R]]:
    """Publish a wholesale change of `kind` after the method returns (not after a dry run
    or an import that added nothing)."""

    def wrap(method: Callable[..., _R]) -> Callable[..., _R]:
        @functools.wraps(method)
        def announced(self: Journal, *args: object, **kwargs: object) -> _R:
            result = method(self, *args, **kwargs)
            if getattr(result, "added", 1) and not kwargs.get("dry_run"):
                self._publish(Change(kind))
            return result

        return announced

    return wrap


class Journal:
    """A journal opened on one data folder: the store plus the rules around it.

    Every committed change is announced on `changes` (see journal.services.changes).
    """

    def __init__(self, paths: AppPaths, store: JournalStore) -> None:
        self.paths = paths
        self.store = store
        self.changes = ChangeFeed()
        self._seen_version: int | None = None
        self.clock: Callable[[], dt.datetime] = lambda: local_now()

    @classmethod
    def open(cls, paths: AppPaths) -> Journal:
        from journal.storage.store import JournalStore

        return cls(paths, JournalStore.open(paths))

    def close(self, untouched: bool = False) -> None:
        """Close the journal; `untouched`: without the checkpoint that writes its -wal
        into the file (it was found damaged: its files stay as they are)."""
        self.store.close(untouched)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, _type: object, exc: object, _tb: object) -> None:
        from journal.errors import DamagedJournalError

        self.close(untouched=isinstance(exc, DamagedJournalError))

    # -- entries ---------------------------------------------------------------------------

    def add(
        self,
        body: str,
        *,
        title: str = "",
        tags: Sequence[str] = (),
        private: bool = False,
        day: dt.date | None = None,
        created: dt.datetime | None = None,
        kind: str = "note",
    ) -> Entry:
        """Add an entry; an entry with neither title nor text is refused."""
        body = body.strip("\n")
        if is_empty(title, body.replace("\x00", "")):
            raise InputError("the entry is empty", "write some text (or a title) and try again")
        now = created or self.now()
        new = NewEntry(
            day=day or self.day_of(now),
            body=body,
            title=title.strip(),
            tags=tuple(tags),
            private=private,
            created=now,
            kind=kind,
        )
        if problem := entry_problem(new):
            raise InputError(problem, "nothing was saved; shorten the text or change the date")
        return self._announce("added", self.store.add(new))

    # -- the day an entry is written for --------------------------------------------------

    def now(self) -> dt.datetime:
        """The current time, aware (a test replaces `clock`)."""
        return self.clock()

    def day_of(self, moment: dt.datetime) -> dt.date:
        """The reflection day of `moment`, the one rule every writer follows (add, the
        prompt, the editor, importers whose entries carry only a time): before the day
        boundary in the settings (03:00 by default) it is still the day before."""
        from journal.domain.schedule import reflection_day

        return reflection_day(moment, self._boundary())

    def _boundary(self) -> dt.time:
        from journal.domain.schedule import Schedule
        from journal.settings import Settings

        settings = Settings.load(self.paths.settings)
        try:
            return Schedule.from_strings(settings.reminder_times, settings.day_boundary).boundary
        except ValueError:
            return Schedule().boundary  # as the prompt does with unusable settings

    def today(self) -> dt.date:
        """The reflection day now: what "today" means for a new entry."""
        return self.day_of(self.now())

    def get(self, entry_id: int, include_deleted: bool = False) -> Entry:
        """One whole entry by id (`include_deleted`: also one in the Trash)."""
        return self.store.get(entry_id, include_deleted=include_deleted)

    def edit(self, entry_id: int, **changes: object) -> Entry:
        """Change fields of an entry; a date out of range or a too-large text is refused."""
        before = self.store.get(entry_id, include_deleted=True)
        day, title, body = changes.get("day"), changes.get("title"), changes.get("body")
        problem = day_problem(day) if isinstance(day, dt.date) else None
        problem = problem or size_problem(
            title if isinstance(title, str) else before.title,
            body if isinstance(body, str) else before.body,
        )
        if problem:
            raise InputError(problem, "nothing was changed; shorten the text or change the date")
        after = self.store.update(entry_id, **changes)  # type: ignore[arg-type]
        self._publish(Change("updated", (entry_id,), tuple({before.day, after.day})))
        return after

    def delete(self, entry_id: int) -> Entry:
        """Move to the Trash; `restore` brings it back."""
        return self._announce("trashed", self.store.delete(entry_id))

    def restore_entry(self, entry_id: int) -> Entry:
        """Bring an entry back from the Trash; one that is not there is an error."""
        if self.store.get(entry_id, include_deleted=True).deleted is None:
            raise InputError(
                f"entry {entry_id} is not in the Trash; nothing to undelete",
                "see what is in the Trash with `daybook trash`",
            )
        return self._announce("restored", self.store.restore(entry_id))

    def _announce(self, kind: Kind, entry: Entry) -> Entry:
        self._publish(Change(kind, (entry.id,), (entry.day,)))
        return entry

    def _publish(self, change: Change) -> None:
        """Announce our own commit; a poller's baseline moves past it first, so the same
        change is not announced again as "external"."""
        if self._seen_version is not None:
            self._seen_version = self.store.data_version()
        self.changes.publish(change)

    def poll_external(self) -> bool:
        """Announce a change ("external") if another process wrote since the last poll.

        Cheap (one PRAGMA); a GUI calls it on focus and on a slow timer. The first call
        only takes the baseline.
        """
        version = self.store.data_version()
        seen, self._seen_version = self._seen_version, version
        if seen is None or version == seen:
            return False
        self.changes.publish(Change("external"))
        return True

    def trash(self) -> list[EntrySummary]:
        """What is in the Trash, most recently deleted first (as lists show it)."""
        from journal.domain.filters import EntryFilter

        entries = self.store.list_summaries(EntryFilter(trash=True), limit=None)
        return sorted(entries, key=lambda e: (e.deleted or dt.datetime.min, e.id), reverse=True)

    def purge(self, entry_ids: Sequence[int]) -> int:
        """Delete entries in the Trash for ever, leaving no trace of their text in the file.

        Every id must be in the Trash; otherwise nothing is deleted, so a mistyped id can
        never destroy an entry the user still sees.
        """
        wanted = list(dict.fromkeys(entry_ids))
        found = {e.id: e for e in self.store.get_many(wanted, include_deleted=True)}
        for entry_id in wanted:
            entry = found.get(entry_id)
            if entry is None:
                raise NotFoundError(
                    f"there is no entry with id {entry_id}; nothing was purged",
                    "see what is in the Trash with `daybook trash`",
                )
            if entry.deleted is None:
                raise InputError(
                    f"entry {entry_id} is not in the Trash; nothing was purged",
                    f"move it there first with `daybook delete {entry_id}`",
                )
        removed = self.store.purge(wanted)
        days = tuple({e.day for e in found.values()})
        self._publish(Change("purged", tuple(wanted), days))
        return removed

    def _days_from_times(
        self, dated_by_time: bool, entries: Iterable[NewEntry]
    ) -> Iterator[NewEntry]:
        """Entries of formats that record only a time (jrnl, Day One) dated by `day_of`, in
        the writer's own zone; the other formats say the day themselves."""
        if not dated_by_time:
            yield from entries
            return
        from journal.domain.schedule import reflection_day

        boundary = self._boundary()
        for entry in entries:
            yield dataclasses.replace(entry, day=reflection_day(entry.created, boundary))

    def list_entries(
        self,
        filters: EntryFilter,
        limit: int | None = 50,
        after: Cursor | None = None,
    ) -> list[Entry]:
        """A page of whole entries, newest first; `after` continues from a previous page."""
        return self.store.list_entries(filters, limit=limit, after=after)

    def get_summaries(self, ids: Sequence[int]) -> list[EntrySummary]:
        """Entries by id as lists show them (see `list_summaries`), in the order of `ids`."""
        return self.store.get_summaries(ids)

    def list_summaries(
        self,
        filters: EntryFilter,
        limit: int | None = 50,
        after: Cursor | None = None,
        preview: int = PREVIEW_CHARS,
    ) -> list[EntrySummary]:
        """A page of the timeline as lists show it: each title and body read only up to
        `preview` characters. Read the `Entry` by id (`get`) to show, edit or export one."""
        return self.store.list_summaries(filters, limit=limit, after=after, preview=preview)

    def count(self, filters: EntryFilter) -> int:
        return self.store.count(filters)

    def count_search(self, query: SearchQuery, filters: EntryFilter) -> int:
        return self.store.count_search(query, filters)

    def tag_counts(self) -> list[tuple[str, int]]:
        """Tags in use with their entry counts, most used first."""
        return self.store.tag_counts()

    def day_counts(self, start: dt.date, end: dt.date) -> dict[dt.date, int]:
        return self.store.day_counts(start, end)

    def entry_days(self, filters: EntryFilter) -> set[dt.date]:
        """The days with at least one entry matching `filters`."""
        return self.store.entry_days(filters)

    def on_this_day(self, day: dt.date, limit: int = 50) -> list[EntrySummary]:
        """Entries from the same day of earlier months and years, newest first (as lists
        show them: read one by id to show it whole)."""
        from journal.domain.stats import on_this_day_dates

        oldest = self.store.list_summaries(limit=1, oldest_first=True, preview=0)
        if not oldest or oldest[0].day >= day:
            return []
        return self.store.entries_on_days(on_this_day_dates(day, oldest[0].day), limit=limit)

    def empty_trash(self) -> int:
        """Delete everything in the Trash for ever; returns how many entries went."""
        removed = self.store.empty_trash()
        self._publish(Change("purged"))
        return removed

    def search(
        self,
        text: str,
        filters: EntryFilter,
        limit: int | None = 50,
        order: Order = "newest",
        strict: bool = False,
    ) -> tuple[SearchQuery, list[SearchHit]]:
        """Parse a user's query and run it. `strict` turns ignored parts into an error."""
        query = parse_query(text, today=local_now().date())
        if strict and query.problems:
            raise InputError(
                "; ".join(query.problems), "see `daybook search --help` for the query syntax"
            )
        return query, self.store.search(query, filters, limit=limit, order=order)

    # -- import ----------------------------------------------------------------------------

    @_announcing("imported")
    def import_file(
        self,
        fmt: str,
        path: Path,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
        time_format: str | None = None,
        name_format: str | None = None,
    ) -> ImportReport:
        """Import a whole file (or folder) in one transaction: a malformed file imports nothing.

        `time_format` is jrnl's `timeformat` setting, for journals written with another one;
        `name_format` the date pattern of Markdown daily notes' file names (%Y-%m-%d if None).
        What was left out (attachments, say) is listed in the report's `skipped_notes`.
        """
        from journal.services.import_formats import (
            OPTION_NAMES,
            ImportSource,
            import_format,
            names,
            taking,
        )

        try:
            kind = import_format(fmt)
        except KeyError:
            raise InputError(
                f"unknown import format '{fmt}'", "use one of " + ", ".join(names())
            ) from None
        given = {"time_format": time_format, "name_format": name_format}
        for option, value in given.items():
            if value and option not in kind.options:
                raise InputError(
                    f"{OPTION_NAMES[option]} applies to {', '.join(taking(option))} only",
                    "leave it out",
                )
        try:
            if kind.from_path:
                if not path.exists():
                    raise FileNotFoundError(path)
                from journal.importers.files import check_path

                check_path(path)
                source = ImportSource(path, None, [], time_format, name_format)
                entries = self._days_from_times(kind.dated_by_time, kind.read(source))
                report = self.store.add_many(entries, progress, dry_run)
                report.skipped_notes.extend(source.notes)
                return self._store_images(report, source.images, dry_run)
            from journal.importers.files import open_text

            with open_text(path) as fh:
                source = ImportSource(path, fh, [], time_format, name_format)
                entries = self._days_from_times(kind.dated_by_time, kind.read(source))
                report = self.store.add_many(entries, progress, dry_run)
                return self._store_images(report, source.images, dry_run)
        except FileNotFoundError as exc:
            raise NotFoundError(f"no such file: {path}", "check the path") from exc
        except IsADirectoryError as exc:
            raise InputError(f"{path} is a folder, not a file", "give the journal file") from exc
        except PermissionError as exc:
            raise InputError(
                f"cannot read {path}: permission denied", "check its permissions"
            ) from exc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path} is not UTF-8 text (byte {exc.start})", "convert it to UTF-8 and try again"
            ) from exc

    def _store_images(
        self, report: ImportReport, images: dict[str, Attachment], dry_run: bool
    ) -> ImportReport:
        """Store an import's images (each once; also when its entries were there already,
        so importing again repairs images a failed import left out)."""
        if not dry_run:
            for image in images.values():
                self.store.attachments.put(image)
        return report

    # -- safety ----------------------------------------------------------------------------

    def backup(self, target: Path | str | None = None, force: bool = False) -> Path:
        """A verified copy of the journal; by default in the backups folder, timestamped.

        `target` is read by `journal.fileio.output_target`: a folder (or a path ending in
        `/`) gets a timestamped file inside it; an existing file is replaced only with
        `force`; pipes, devices and standard output are refused (a backup is a database).
        """
        from journal.fileio import output_target
        from journal.storage.backup import timestamped_name

        if target is None:
            return self.store.backup(self.paths.backups / timestamped_name("manual"))
        out = output_target(target, force, inside=timestamped_name("daybook"), streams=False)
        assert out.path is not None  # streams=False: never standard output
        return self.store.backup(out.path, replace=out.replace)

    @_announcing("replaced")
    def restore(self, source: Path, backup_passphrase: str | None = None) -> Path:
        """Replace the journal with `source` after backing up the current one.

        Returns the path of that safety backup. The source is verified before anything
        changes, so a bad file leaves the journal as it was.
        """
        from journal.storage.backup import timestamped_name, verify_backup

        if source.resolve() == self.store.path.resolve():
            raise InputError("that file is the journal itself", "give a backup file")
        from journal.storage import cipher

        key = self.store.key
        if backup_passphrase is not None and key is not None:
            key = cipher.open_key(source, backup_passphrase)  # a backup's own passphrase
        verify_backup(source, key)
        safety = self.store.backup(self.paths.backups / timestamped_name("pre-restore"))
        self.store.restore_from(source, key)
        # The restored copy may be from an older schema: open again to upgrade it.
        from journal.storage.store import JournalStore

        self.store.close()
        self.store = JournalStore.open(self.paths)
        return safety

    def check(self) -> list[str]:
        return self.store.check()

    def rule_problems(self) -> tuple[list[str], list[str]]:
        """Entries that break the journal's rules (problems) or deserve a look (notices),
        each with how to fix it; see `JournalStore.rule_problems`."""
        return self.store.rule_problems()


__all__ = ["DaybookError", "Journal", "StorageError"]
