"""`daybook import` and `daybook export`. Loaded by `journal.cli` only for these commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.errors import InputError

if TYPE_CHECKING:
    import argparse

    from journal.services.journal import Journal

from journal.cli_entries import filters_of
from journal.cli_output import count_entries, progress_printer


def cmd_import(journal: Journal, args: argparse.Namespace) -> int:
    from journal.services.import_formats import import_format, taking

    for option in ("time_format", "name_format"):  # in the command line's own words
        if getattr(args, option) and option not in import_format(args.format).options:
            flag = "--" + option.replace("_", "-")
            raise InputError(f"{flag} applies to {', '.join(taking(option))} only", "leave it out")
    progress = progress_printer(sys.stderr) if sys.stderr.isatty() else None
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
        f"{count_entries(report.found)} found{span}; {verb} {report.added}, "
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
    base = filters_of(journal, args)
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
        print(f"exported {count_entries(result.report.entries)} to {path}", file=sys.stderr)
    elif args.split:
        written = write_export_folder(result.files, output or "", args.force, options.holds_private)
        print(f"exported {count_entries(len(written))} to {output}", file=sys.stderr)
    else:
        path = write_export(
            result.text, "-" if output is None else output, args.force, options.holds_private
        )
        if not to_stdout:
            print(f"exported {count_entries(result.report.entries)} to {path}", file=sys.stderr)
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
