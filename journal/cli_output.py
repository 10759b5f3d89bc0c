"""The command line's output: counts in words, entry headings, listings and JSON."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from journal.domain.entry import Entry, EntrySummary


def count_entries(n: int) -> str:
    """A count of entries in words: 1 entry, 2,048 entries."""
    return "1 entry" if n == 1 else f"{n:,} entries"


def count_days(n: int) -> str:
    """A count of working days in words: 1 working day, 3 working days."""
    return "1 working day" if n == 1 else f"{n:,} working days"


def heading(entry: Entry | EntrySummary) -> str:
    lock = " [private]" if entry.private else ""
    return f"{entry.id:>5}  {entry.day}  {entry.created:%H:%M}  {entry.display_title}{lock}"


def print_json(entries: Sequence[Entry]) -> None:
    import json

    json.dump([e.as_json() for e in entries], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_entries(entries: Sequence[Entry], as_json: bool, snippets: dict[int, str] | None) -> None:
    if as_json:
        print_json(entries)
        return
    print_listing(entries, snippets)


def print_listing(entries: Sequence[Entry | EntrySummary], snippets: dict[int, str] | None) -> None:
    """Each entry's heading and a line of its text (its snippet, else its first words)."""
    from journal.domain.entry import MARK_END, MARK_START, Entry
    from journal.domain.filters import excerpt

    bold = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    start, end = ("\033[1m", "\033[0m") if bold else ("", "")
    for entry in entries:
        tags = "  " + " ".join(f"#{t}" for t in entry.tags) if entry.tags else ""
        print(heading(entry) + tags)
        text = snippets.get(entry.id) if snippets else None
        text = text or excerpt(entry.body if isinstance(entry, Entry) else entry.preview, 100)
        print("       " + " ".join(text.split()).replace(MARK_START, start).replace(MARK_END, end))


def progress_printer(stream: TextIO) -> Callable[[int], None]:
    def show(done: int) -> None:
        stream.write(f"\rimporting… {done:,} entries")
        stream.flush()

    return show
