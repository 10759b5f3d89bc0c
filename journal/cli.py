"""The `daybook` command line. Heavy modules (Qt, SQLAlchemy, Markdown) load only when a
command needs them, so `daybook search` starts fast."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from journal import cli_crypto
from journal.cli_input import not_utf8, query_first
from journal.cli_parser import TEAM_COMMANDS, build_parser
from journal.errors import DamagedJournalError, DaybookError, InputError, StorageError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from journal.domain.entry import Entry, EntrySummary
    from journal.domain.filters import EntryFilter, Order
    from journal.paths import AppPaths
    from journal.services.journal import Journal


def _entries(n: int) -> str:
    """A count of entries in words: 1 entry, 2,048 entries."""
    return "1 entry" if n == 1 else f"{n:,} entries"


def _days(n: int) -> str:
    """A count of working days in words: 1 working day, 3 working days."""
    return "1 working day" if n == 1 else f"{n:,} working days"


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


def _unsaved(exc: StorageError, text: str, piped: bool) -> StorageError:
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


def _read_text(words: Sequence[str]) -> str:
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


def _filters(journal: Journal, args: argparse.Namespace) -> EntryFilter:
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
    filters = _filters(journal, args)
    if args.json:  # the whole text of each entry
        _print_json(journal.list_entries(filters, limit=args.limit))
        return 0
    # The plain list shows a line of each body: it reads no more of it than that needs.
    _print_listing(journal.list_summaries(filters, limit=args.limit), None)
    return 0


def cmd_search(journal: Journal, args: argparse.Namespace) -> int:
    order: Order = "relevance" if args.by_relevance else "newest"
    query, hits = journal.search(
        " ".join(args.query),
        _filters(journal, args),
        limit=args.limit or 50,
        order=order,
        strict=True,
    )
    if query.is_empty:
        raise InputError("the query has nothing to search for", "give at least one word")
    snippets = {h.entry.id: h.snippet for h in hits}
    _print_entries([h.entry for h in hits], args.json, snippets)
    if not args.json and not hits:
        print("no entries found", file=sys.stderr)
    return 0


def cmd_show(journal: Journal, args: argparse.Namespace) -> int:
    entry = journal.get(args.id)
    if args.json:
        _print_json([entry])
        return 0
    out = sys.stdout
    out.write(f"{_heading(entry)}\n")
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


def cmd_import(journal: Journal, args: argparse.Namespace) -> int:
    from journal.services.import_formats import import_format, taking

    for option in ("time_format", "name_format"):  # in the command line's own words
        if getattr(args, option) and option not in import_format(args.format).options:
            flag = "--" + option.replace("_", "-")
            raise InputError(f"{flag} applies to {', '.join(taking(option))} only", "leave it out")
    progress = _progress_printer(sys.stderr) if sys.stderr.isatty() else None
    report = journal.import_file(
        args.format, args.path, args.dry_run, progress, args.time_format, args.name_format
    )
    if progress is not None:
        sys.stderr.write("\r\033[K")
    if report.found == 0:
        raise InputError(f"no entries found in {args.path}", "check the file and its format")
    span = f" from {report.first_day} to {report.last_day}" if report.first_day else ""
    verb = "would add" if args.dry_run else "added"
    print(
        f"{_entries(report.found)} found{span}; {verb} {report.added}, "
        f"skipped {report.skipped} already in the journal"
    )
    if report.tags:
        top = sorted(report.tags.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:10]
        print("tags: " + ", ".join(f"{name} ({n})" for name, n in top))
    if report.skipped_notes:
        print(f"skipped {len(report.skipped_notes)} item(s) Daybook does not keep:")
        for note in report.skipped_notes:
            print(f"  {note}")
    return 0


def _progress_printer(stream: TextIO) -> Callable[[int], None]:
    def show(done: int) -> None:
        stream.write(f"\rimporting… {done:,} entries")
        stream.flush()

    return show


def cmd_export(journal: Journal, args: argparse.Namespace) -> int:
    from journal.domain.filters import EntryFilter
    from journal.services.export import (
        ExportOptions,
        build_export,
        write_export,
        write_export_folder,
    )
    from journal.services.export_formats import format_for

    output: str | None = args.output
    to_stdout = output is None or output == "-"
    fmt = args.format or format_for(None if to_stdout else Path(output or ""))
    if args.split and to_stdout:
        raise InputError("--split needs a folder", "give it with -o DIR")
    base = _filters(journal, args)
    options = ExportOptions(
        format=fmt,
        filters=EntryFilter(date_from=base.date_from, date_to=base.date_to, tags=base.tags),
        ids=tuple(args.ids),
        search=args.search,
        include_private=args.include_private,
        digest=args.digest,
        front_matter=args.front_matter,
        split=args.split,
        page_per_entry=args.page_per_entry,
    )
    if args.page_per_entry and fmt != "pdf":
        raise InputError("--page-per-entry is for PDF exports", "add --format pdf, or drop it")
    if fmt == "pdf" and to_stdout:
        raise InputError("a PDF export needs a file", "give it with -o FILE.pdf")
    result = build_export(journal, options)
    if fmt == "pdf":
        from journal.ui.dialogs.pdf import pdf_bytes

        path = write_export(pdf_bytes(result.text), output or "", args.force, options.holds_private)
        print(f"exported {_entries(result.report.entries)} to {path}", file=sys.stderr)
    elif args.split:
        written = write_export_folder(result.files, output or "", args.force, options.holds_private)
        print(f"exported {_entries(len(written))} to {output}", file=sys.stderr)
    else:
        path = write_export(
            result.text, "-" if output is None else output, args.force, options.holds_private
        )
        if not to_stdout:
            print(f"exported {_entries(result.report.entries)} to {path}", file=sys.stderr)
    if args.split:
        folder: Path | None = Path(output or "")
    else:  # beside a file; to standard output, a FIFO or a device, the images are left out
        folder = path.parent if not to_stdout and path.is_file() else None
    _export_images(result.images, folder, options.holds_private)
    if note := result.report.held_back_note:
        print(f"{note}; add --include-private to export them", file=sys.stderr)
    return 0


def _export_images(images: Any, folder: Path | None, private: bool) -> None:
    """A Markdown export's images: written to FOLDER/attachments/, or counted as left out
    when the export went to standard output."""
    if not images:
        return
    n = len(images)
    what = f"{n} image{'' if n == 1 else 's'}"
    if folder is None:
        print(
            f"left out {what} (only a file can have images beside it); export with -o FILE or "
            "--split -o DIR to write them to an attachments/ folder beside it",
            file=sys.stderr,
        )
        return
    from journal.services.export import write_images

    write_images(images, folder, private)
    print(f"wrote {what} to {folder / 'attachments'}", file=sys.stderr)


def cmd_trash(journal: Journal, args: argparse.Namespace) -> int:
    entries = journal.trash()
    for entry in entries:
        when = entry.deleted.replace(tzinfo=dt.UTC).astimezone() if entry.deleted else None
        print(f"{_heading(entry)}  (deleted {when:%Y-%m-%d %H:%M})" if when else _heading(entry))
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
            f"{_entries(count)} deleted, but another program is reading the journal, so their "
            "text is still in its files until every program using the journal has closed it; "
            f"close other Daybook windows and commands. Backups made before now (in "
            f"{journal.paths.backups}) still hold them",
            file=sys.stderr,
        )
        return 0
    print(
        f"{_entries(count)} deleted for ever; backups made "
        f"before now (in {journal.paths.backups}) still hold them",
        file=sys.stderr,
    )
    return 0


def cmd_backup(journal: Journal, args: argparse.Namespace) -> int:
    path = journal.backup(args.to, args.force)
    print(path)
    return 0


def _restore(paths: AppPaths, args: argparse.Namespace) -> int:
    """`daybook restore`: a healthy journal is kept as a pre-restore backup, a damaged one
    (which cannot be copied) is moved aside unchanged; see `restore_journal`. Says exactly
    where the journal as it was went and how the restored one is stored."""
    from journal.services.health import restore_journal
    from journal.storage.backup import refuse_special_file

    refuse_special_file(args.file)  # before anything reads it: a FIFO would wait for ever
    unchecked = cli_crypto.unlock_for_restore(paths, args)
    source = args.file
    done = restore_journal(paths, source, cli_crypto.backup_passphrase(paths, args), unchecked)
    if done.moved_aside is not None:
        what = (
            "the journal, whose passphrase could not be checked,"
            if done.unchecked
            else "the damaged journal"
        )
        print(f"restored {source}; {what} was moved aside to {done.moved_aside}")
        if done.encrypted:
            print("the journal is encrypted with the backup's passphrase")
        elif done.was_encrypted:
            print(
                "the journal is now stored in plain (the backup was not encrypted): "
                "encrypt it again with `daybook encrypt`"
            )
    else:
        print(f"restored {source}; the journal as it was is kept in {done.safety_backup}")
    return 0


def _list_backups(paths: AppPaths) -> int:
    from journal.services.backups import list_backups

    backups = list_backups(paths.backups)
    for b in backups:
        print(f"{b.time:%Y-%m-%d %H:%M:%S}  {b.kind:<11}  {_size(b.size):>8}  {b.path}")
    if not backups:
        print(f"no backups in {paths.backups}", file=sys.stderr)
    return 0


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def cmd_check(journal: Journal, args: argparse.Namespace) -> int:
    problems = journal.check()
    if problems:
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        raise DaybookError(
            f"the journal {journal.store.path} has {len(problems)} problem(s)",
            "restore a recent backup with `daybook restore FILE`",
        )
    rows, notices = journal.rule_problems()
    from journal.services.attachments import attachment_problems

    missing, orphaned = attachment_problems(journal)
    rows += [
        f"{where} refers to an image the journal does not hold; restore a backup that has it, "
        "or remove the reference with `daybook edit`"
        for where in missing
    ]
    if orphaned:
        notices.append(
            f"{len(orphaned)} stored image(s) are used by no entry (an image added to an entry "
            "that was never saved, or removed from its text): "
            + ", ".join(sha[:12] for sha in orphaned[:5])
            + (" …" if len(orphaned) > 5 else "")
        )
    for notice in notices:
        print(f"notice: {notice}", file=sys.stderr)
    if rows:
        for problem in rows:
            print(f"problem: {problem}", file=sys.stderr)
        raise DaybookError(
            f"the journal {journal.store.path} is intact but {len(rows)} entr"
            f"{'y breaks' if len(rows) == 1 else 'ies break'} its rules",
            "fix or delete each entry as said above",
        )
    print(
        f"ok: {journal.store.path} and its search index are intact "
        f"({_entries(journal.store.count())})"
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
    print(f"current streak:  {_days(stats.current_streak)}")
    print(f"longest streak:  {_days(stats.longest_streak)}")
    tags = ", ".join(f"{name} ({n:,})" for name, n in stats.top_tags)
    print(f"top tags:        {tags or '-'}")
    return 0


# -- output ----------------------------------------------------------------------------------


def _heading(entry: Entry | EntrySummary) -> str:
    lock = " [private]" if entry.private else ""
    return f"{entry.id:>5}  {entry.day}  {entry.created:%H:%M}  {entry.display_title}{lock}"


def _print_json(entries: Sequence[Entry]) -> None:
    import json

    json.dump([e.as_json() for e in entries], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_entries(
    entries: Sequence[Entry], as_json: bool, snippets: dict[int, str] | None
) -> None:
    if as_json:
        _print_json(entries)
        return
    _print_listing(entries, snippets)


def _print_listing(
    entries: Sequence[Entry | EntrySummary], snippets: dict[int, str] | None
) -> None:
    """Each entry's heading and a line of its text (its snippet, else its first words)."""
    from journal.domain.entry import MARK_END, MARK_START, Entry
    from journal.domain.filters import excerpt

    bold = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    start, end = ("\033[1m", "\033[0m") if bold else ("", "")
    for entry in entries:
        tags = "  " + " ".join(f"#{t}" for t in entry.tags) if entry.tags else ""
        print(_heading(entry) + tags)
        text = snippets.get(entry.id) if snippets else None
        text = text or excerpt(entry.body if isinstance(entry, Entry) else entry.preview, 100)
        print("       " + " ".join(text.split()).replace(MARK_START, start).replace(MARK_END, end))


COMMANDS: dict[str, Callable[[Journal, argparse.Namespace], int]] = {
    "add": cmd_add,
    "attach": cmd_attach,
    "list": cmd_list,
    "search": cmd_search,
    "show": cmd_show,
    "edit": cmd_edit,
    "delete": cmd_delete,
    "import": cmd_import,
    "export": cmd_export,
    "trash": cmd_trash,
    "undelete": cmd_undelete,
    "purge": cmd_purge,
    "backup": cmd_backup,
    "check": cmd_check,
    "stats": cmd_stats,
}


def _on_interrupt(_signum: int, _frame: object) -> None:
    """Ctrl+C: SQLite stops the running statement at its next step (journal.cancel), and the
    command unwinds as after any KeyboardInterrupt."""
    from journal import cancel

    cancel.interrupt_process()
    raise KeyboardInterrupt


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; every usage error exits 2 with one line."""
    parser = build_parser(argv)
    args = parser.parse_args(query_first(argv, parser))
    if (name := not_utf8(args, parser)) is not None:
        parser.error(f"{name} is not UTF-8 text; write it in UTF-8")
    if args.command == "purge" and args.all == bool(args.ids):
        parser.error("purge: give the ids of entries in the Trash, or --all")
    if args.home is not None and not args.home.strip():
        parser.error("--home is empty; name a folder, or leave --home out")
    if args.home is None and os.environ.get("DAYBOOK_HOME", "x").strip() == "":
        parser.error("DAYBOOK_HOME is set but empty; name a folder, or unset it")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    import signal
    import threading

    from journal import cancel

    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    cancel.clear_process_interrupt()
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, _on_interrupt) if in_main else None
    try:
        from journal.paths import AppPaths

        paths = AppPaths.resolve(args.home)
        paths.check()
        if args.command not in (None, "gui"):  # the app says it in its window
            _finish_interrupted_restore(paths)
        if args.command in (None, "gui"):
            from journal.app import run_gui

            return run_gui(
                paths,
                [sys.argv[0]],
                minimized=getattr(args, "minimized", False),
                verbose=args.verbose,
            )
        if args.command == "prompt":
            from journal.app import run_prompt

            return run_prompt(paths, [sys.argv[0]], args.date)
        if args.command in cli_crypto.COMMANDS:
            return cli_crypto.run(paths, args)
        if args.command == "restore":
            return _restore(paths, args)  # unlocks as it can: the journal may be damaged
        if not (args.command == "backup" and args.list):
            cli_crypto.unlock(paths, args)  # an encrypted journal: its passphrase, checked
        if args.command == "add":
            # Read before opening: if the journal cannot be opened, the text is not lost.
            # Images are checked first: a refused one stops the command before any writing.
            args.images = []
            if args.image:
                from journal.services.attachments import read_images

                args.images = read_images(args.image)
            only_images = args.images and not args.text and sys.stdin.isatty()
            args.body = "" if only_images else _read_text(args.text)
        if args.command == "backup" and args.list:
            return _list_backups(paths)  # works when the journal cannot be opened
        if args.command in TEAM_COMMANDS:
            from journal.cli_team import run as run_team

            return run_team(paths, args)
        from journal.services.journal import Journal

        try:
            journal = Journal.open(paths)
            with journal:
                return COMMANDS[args.command](journal, args)
        except StorageError as exc:
            if args.command != "add":
                raise
            raise _unsaved(exc, args.body, piped=not args.text or args.text == ["-"]) from exc
    except DamagedJournalError as exc:
        print(f"daybook: error: {_with_rescue(exc, args.home)}", file=sys.stderr)
        return 1
    except DaybookError as exc:
        print(f"daybook: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("daybook: interrupted; nothing was saved by the interrupted step", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        _flush(sys.stdout)
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _finish_interrupted_restore(paths: AppPaths) -> None:
    """A restore cut short by a crash is finished before anything opens the journal."""
    from journal.services.rescue import finish_interrupted_restore

    note = finish_interrupted_restore(paths)
    if note:
        print(f"daybook: {note}", file=sys.stderr)


def _with_rescue(exc: DamagedJournalError, home: str | None) -> DaybookError:
    """A damaged journal's error, its hint naming the newest good backup to restore."""
    from journal.paths import AppPaths
    from journal.services.health import damaged_hint

    paths = AppPaths.resolve(home)
    if exc.path is None or exc.path.resolve() != paths.database.resolve():
        return exc  # a damaged backup being read: its own hint says what to do
    return DamagedJournalError(exc.what, damaged_hint(paths), exc.path)


def _flush(stream: Any) -> None:
    with contextlib.suppress(BrokenPipeError, ValueError, OSError):
        stream.flush()
