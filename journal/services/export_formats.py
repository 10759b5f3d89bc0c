"""The export formats, in one table: the command line's --format choices and help, the
format a file name implies, the suffix a save dialog proposes. The dialog's own choices,
which add the week notes, are `export_options.DIALOG_FORMATS`, built on these.

Kept apart from `services.export` so that the command line's parser reads it without
loading the exporter (which cost `daybook list` ~40 ms at every start).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pathlib import Path

Format = Literal["markdown", "html", "json", "pdf"]


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One export format: its name, the suffixes that choose it (the first is written)
    and what it is, for the command line's help."""

    name: Format
    suffixes: tuple[str, ...]
    described: str


EXPORT_FORMATS: tuple[FileFormat, ...] = (
    FileFormat("markdown", (".md", ".markdown"), "Markdown"),
    FileFormat("html", (".html", ".htm"), "one self-contained HTML page"),
    FileFormat(
        "json",
        (".json",),
        "every entry, private ones included, with all its metadata, for `daybook import json`",
    ),
    FileFormat("pdf", (".pdf",), "a PDF document with a title page and page numbers (needs -o)"),
)
FORMATS: tuple[Format, ...] = tuple(f.name for f in EXPORT_FORMATS)
SUFFIXES: dict[Format, str] = {f.name: f.suffixes[0] for f in EXPORT_FORMATS}


def format_for(path: Path | None) -> Format:
    """The format a file name implies by its suffix (Markdown when it implies none)."""
    suffix = path.suffix.lower() if path is not None else ""
    return next((f.name for f in EXPORT_FORMATS if suffix in f.suffixes), "markdown")
