"""The import formats, in one table: what each is called, what it reads, how a person picks
it (a file or a folder, the file dialog's filter), its options and its reader.

The command line's choices and help, the import service and the desktop import dialog are
all built from `IMPORT_FORMATS`; a new format is one entry here and its reader module.
Readers are imported only when their format is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from journal.domain.attachments import Attachment
    from journal.domain.entry import NewEntry


@dataclass(frozen=True, slots=True)
class ImportSource:
    """What a reader gets: the path, the open text (for formats read as one text file),
    the list where it notes what it skipped, and the options given."""

    path: Path
    text: IO[str] | None = None
    notes: list[str] = field(default_factory=list)
    time_format: str | None = None
    name_format: str | None = None
    # The images the entries read use, by hash, for the import to store with them.
    images: dict[str, Attachment] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportFormat:
    """One import format: its names, what the dialog asks for, and the reader that parses it."""

    name: str  # as typed on the command line
    label: str  # in the import dialog
    reads: str  # one phrase for the command line's help
    picks: Literal["file", "folder"]  # what the import dialog asks for
    file_filter: str  # the dialog's filter for files ("" for folders)
    from_path: bool  # read from a path (a folder or an archive), not as lines of text
    options: frozenset[str]  # which of ImportSource's options it takes
    read: Callable[[ImportSource], Iterator[NewEntry]]
    # Its entries record a time but no day: the day boundary dates them (Journal.day_of).
    dated_by_time: bool = False


def _jrnl(source: ImportSource) -> Iterator[NewEntry]:
    from journal.importers.files import bounded_lines
    from journal.importers.jrnl import DEFAULT_TIME_FORMAT, iter_jrnl

    assert source.text is not None
    path = str(source.path)
    lines = bounded_lines(source.text, path)
    return iter_jrnl(lines, path, source.time_format or DEFAULT_TIME_FORMAT)


def _jsonl(source: ImportSource) -> Iterator[NewEntry]:
    from journal.importers.files import bounded_lines
    from journal.importers.jsonl import iter_jsonl

    assert source.text is not None
    return iter_jsonl(bounded_lines(source.text, str(source.path)), str(source.path))


def _json(source: ImportSource) -> Iterator[NewEntry]:
    from journal.importers.daybook_json import iter_daybook_json

    assert source.text is not None
    return iter_daybook_json(source.text.read, str(source.path), source.images)


def _dayone(source: ImportSource) -> Iterator[NewEntry]:
    from journal.importers.dayone import iter_dayone

    return iter_dayone(source.path, source.notes, source.images)


def _rednotebook(source: ImportSource) -> Iterator[NewEntry]:
    from journal.importers.rednotebook import iter_rednotebook

    return iter_rednotebook(source.path, source.notes, source.images)


def _markdown(source: ImportSource) -> Iterator[NewEntry]:
    from journal.importers.markdown_notes import iter_markdown_notes

    return iter_markdown_notes(source.path, source.notes, source.name_format, source.images)


NO_OPTIONS: frozenset[str] = frozenset()

# In the order the import dialog offers them (the most common sources first).
IMPORT_FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat(
        "dayone", "Day One (JSON export .zip or .json)",
        "Day One's JSON export (.zip or .json) or a Day One classic .dayone folder",
        "file", "Day One export (*.zip *.json)", True, NO_OPTIONS, _dayone, True,
    ),
    ImportFormat(
        "rednotebook", "RedNotebook (data folder)",
        "RedNotebook's data folder of YYYY-MM.txt month files",
        "folder", "", True, NO_OPTIONS, _rednotebook,
    ),
    ImportFormat(
        "markdown", "Markdown daily notes (Obsidian, Logseq)",
        "a folder of daily notes named by date (Obsidian, Logseq)",
        "folder", "", True, frozenset({"name_format"}), _markdown,
    ),
    ImportFormat(
        "jrnl", "jrnl (plain-text journal)", "jrnl's plain-text journal",
        "file", "jrnl journal (*.txt *.journal)", False, frozenset({"time_format"}), _jrnl,
        True,
    ),
    ImportFormat(
        "jsonl", "JSON lines", "one JSON object a line",
        "file", "JSON lines (*.jsonl *.json)", False, NO_OPTIONS, _jsonl,
    ),
    ImportFormat(
        "json", "Daybook JSON export",
        "a `daybook export --format json` file (uids and times kept)",
        "file", "Daybook export (*.json)", False, NO_OPTIONS, _json,
    ),
)  # fmt: skip

# What each option is, for messages ("the time format applies to jrnl only").
OPTION_NAMES = {"time_format": "a time format", "name_format": "a note name format"}


def import_format(name: str) -> ImportFormat:
    """The format called `name`; KeyError if there is none."""
    for fmt in IMPORT_FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(name)


def names() -> tuple[str, ...]:
    return tuple(f.name for f in IMPORT_FORMATS)


def taking(option: str) -> tuple[str, ...]:
    """The names of the formats that take `option`."""
    return tuple(f.name for f in IMPORT_FORMATS if option in f.options)
