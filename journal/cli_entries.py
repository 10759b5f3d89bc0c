"""`daybook` commands on entries: add, attach, list, search, show, edit, delete, the Trash,
purge and stats. Loaded by `journal.cli` only for these commands.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import TYPE_CHECKING

from journal.errors import InputError, StorageError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from journal.domain.filters import EntryFilter, Order
    from journal.services.journal import Journal

from journal.cli_output import (
    count_days,
    count_entries,
    heading,
    print_entries,
    print_json,
    print_listing,
)


def cmd_add(journal: Journal, args: argparse.Namespace) -> int:
    from journal.domain.dates import parse_day

    day = parse_day(args.date, journal.today()) if args.date is not None else None
    body = args.body
    if args.images:
        from journal.services.attachments import store_images, with_images

        body = with_images(body, store_images(journal, args.images))
    entry = journal.add(body, title=args.title, tags=args.tag, private=args.private, day=day)
    print(entry.id)
    return 0


def cmd_attach(journal: Journal, args: argparse.Namespace) -> int:
    from journal.services.attachments import attach

    entry = attach(journal, args.id, args.files)
    n = len(args.files)
    print(f"attached {n} image{'' if n == 1 else 's'} to entry {entry.id}", file=sys.stderr)
    return 0


def unsaved_error(exc: StorageError, text: str, piped: bool) -> StorageError:
    """The error of a failed `add`, saying where the text the user gave still is."""
    if not piped:
        return StorageError(exc.what, f"{exc.hint} (your text is still in your command line)")
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix="daybook-unsaved-", suffix=".md")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError:
        return StorageError(exc.what, f"{exc.hint} with the same input")
    return StorageError(
        exc.what, f"{exc.hint}; your text is kept in {name}: add it with `daybook add - < {name}`"
    )


def read_text(words: Sequence[str]) -> str:
    if words and list(words) != ["-"]:
        return " ".join(words)
    if not words and sys.stdin.isatty():
        raise InputError("no text given", "write it after `daybook add`, or pipe it in")
    import io

    from journal.domain.entry import MAX_ENTRY_CHARS, oversize

    # Decoded strictly whatever the locale says, so other bytes are named, not mangled.
    stream = (
        io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict")
        if hasattr(sys.stdin, "buffer")
        else sys.stdin
    )
    try:
        text = stream.read(MAX_ENTRY_CHARS + 1)  # bounded: a larger text is refused
    except UnicodeDecodeError:
        raise InputError(
            "standard input is not UTF-8 text", "convert it to UTF-8, e.g. with `iconv -t UTF-8`"
        ) from None
    if len(text) > MAX_ENTRY_CHARS:
        raise InputError(oversize(len(text)) or "", "nothing was saved; shorten the text")
    return text


def filters_of(journal: Journal, args: argparse.Namespace) -> EntryFilter:
    from journal.domain.dates import parse_period
    from journal.domain.filters import EntryFilter
    from journal.domain.tags import unique_tags

    # "today" (the settings' day boundary) is read only when a date needs it.
    date_from = date_to = None
    if args.date_from is not None or args.date_to is not None:
        today = journal.today()
        # --from 2026-02 is the whole of February, as from:2026-02 is in a query.
        if args.date_from is not None:
            date_from = parse_period(args.date_from, today)[0]
        if args.date_to is not None:
            date_to = parse_period(args.date_to, today)[1]
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}", "swap the two dates")
    return EntryFilter(date_from=date_from, date_to=date_to, tags=tuple(unique_tags(args.tag)))


def cmd_list(journal: Journal, args: argparse.Namespace) -> int:
    filters = filters_of(journal, args)
    if args.json:  # the whole text of each entry
        print_json(journal.list_entries(filters, limit=args.limit))
        return 0
    # The plain list shows a line of each body: it reads no more of it than that needs.
    print_listing(journal.list_summaries(filters, limit=args.limit), None)
    return 0


def cmd_search(journal: Journal, args: argparse.Namespace) -> int:
    order: Order = "relevance" if args.by_relevance else "newest"
    query, hits = journal.search(
        " ".join(args.query),
        filters_of(journal, args),
        limit=args.limit or 50,
        order=order,
        strict=True,
    )
    if query.is_empty:
        raise InputError("the query has nothing to search for", "give at least one word")
    snippets = {h.entry.id: h.snippet for h in hits}
    print_entries([h.entry for h in hits], args.json, snippets)
    if not args.json and not hits:
        print("no entries found", file=sys.stderr)
    return 0


def cmd_show(journal: Journal, args: argparse.Namespace) -> int:
    entry = journal.get(args.id)
    if args.json:
        print_json([entry])
        return 0
    out = sys.stdout
    out.write(f"{heading(entry)}\n")
    if entry.tags:
        out.write(" ".join(f"#{t}" for t in entry.tags) + "\n")
    out.write("\n" + entry.body.rstrip("\n") + "\n")
    return 0


def cmd_edit(journal: Journal, args: argparse.Namespace) -> int:
    from journal.services.editing import edit_in_editor

    changed = edit_in_editor(journal, args.id)
    print(f"entry {args.id} saved" if changed else f"entry {args.id} unchanged", file=sys.stderr)
    return 0


def cmd_delete(journal: Journal, args: argparse.Namespace) -> int:
    entry = journal.delete(args.id)
    print(f"entry {entry.id} moved to the Trash ({entry.day})", file=sys.stderr)
    return 0


def cmd_trash(journal: Journal, args: argparse.Namespace) -> int:
    entries = journal.trash()
    for entry in entries:
        when = entry.deleted.replace(tzinfo=dt.UTC).astimezone() if entry.deleted else None
        print(f"{heading(entry)}  (deleted {when:%Y-%m-%d %H:%M})" if when else heading(entry))
    if not entries:
        print("the Trash is empty", file=sys.stderr)
    return 0


def cmd_undelete(journal: Journal, args: argparse.Namespace) -> int:
    entry = journal.restore_entry(args.id)
    print(f"entry {entry.id} is back from the Trash ({entry.day})", file=sys.stderr)
    return 0


def cmd_purge(journal: Journal, args: argparse.Namespace) -> int:
    ids = [e.id for e in journal.trash()] if args.all else args.ids
    if not ids:
        print("the Trash is empty; nothing to purge", file=sys.stderr)
        return 0
    count = journal.purge(ids)
    if journal.store.scrub_pending:
        print(
            f"{count_entries(count)} deleted, but another program is reading the journal, so their "
            "text is still in its files until every program using the journal has closed it; "
            f"close other Daybook windows and commands. Backups made before now (in "
            f"{journal.paths.backups}) still hold them",
            file=sys.stderr,
        )
        return 0
    print(
        f"{count_entries(count)} deleted for ever; backups made "
        f"before now (in {journal.paths.backups}) still hold them",
        file=sys.stderr,
    )
    return 0


def cmd_stats(journal: Journal, args: argparse.Namespace) -> int:
    import json

    from journal.services.insights import InsightsService
    from journal.settings import Settings

    stats = InsightsService(journal, Settings.load(journal.paths.settings)).stats(args.year)
    if args.json:
        json.dump(stats.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"period:          {args.year or 'all time'}")
    print(f"entries:         {stats.entries:,}")
    print(f"words:           {stats.words:,}")
    print(f"current streak:  {count_days(stats.current_streak)}")
    print(f"longest streak:  {count_days(stats.longest_streak)}")
    tags = ", ".join(f"{name} ({n:,})" for name, n in stats.top_tags)
    print(f"top tags:        {tags or '-'}")
    return 0
