"""Opening and reading the files an import is given, safely whatever they turn out to be.

A path may name a FIFO (opening it for reading waits for a writer for ever), a device such
as /dev/zero (endless), a link out of the folder being imported, or a huge file. Every
importer opens through here: only regular files are read, reads are bounded, and links
that leave the imported folder are not followed.
"""

from __future__ import annotations

import io
import os
import stat
from typing import IO, TYPE_CHECKING

from journal.domain.entry import MAX_ENTRY_CHARS, MAX_ENTRY_TEXT
from journal.errors import ImportFormatError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# The longest line read from a line-based file (jrnl, JSON lines): one entry and its markup.
MAX_LINE_CHARS = 2 * MAX_ENTRY_CHARS
# The largest file read whole (a Markdown note, a RedNotebook month, a .doentry).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_DOCUMENT_TEXT = "16 MB"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def check_path(path: Path) -> None:
    """Refuse a path that is neither a folder nor a regular file (a FIFO, a device)."""
    mode = os.stat(path).st_mode
    if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        raise ImportFormatError(str(path), None, f"{_kind(mode)}, not a file or folder")


def open_binary(path: Path) -> IO[bytes]:
    """`path` opened for reading if it is a regular file; ImportFormatError otherwise.

    Opened without blocking (a FIFO would wait for a writer), then checked on the open
    descriptor, so a file swapped meanwhile cannot slip through.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(str(path))
            raise ImportFormatError(str(path), None, f"{_kind(mode)}, not a file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_text(path: Path) -> IO[str]:
    """A regular file opened as UTF-8 text (a BOM skipped, line endings as they are)."""
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline=None)


def read_bytes(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The content of a regular file of at most `limit` bytes."""
    with open_binary(path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ImportFormatError(
            str(path), None, f"the file is larger than {MAX_DOCUMENT_TEXT}, the most read at once"
        )
    return data


def read_document(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> str:
    """The whole text of a regular file of at most `limit` bytes, as UTF-8."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(str(path), None, f"not UTF-8 text (byte {exc.start})") from None


def bounded_lines(fh: IO[str], path: str, limit: int = MAX_LINE_CHARS) -> Iterator[str]:
    """The lines of a text file, each read with a bound: a longer line is an error naming it."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit:
            raise ImportFormatError(
                path,
                number,
                f"the line is longer than {limit:,} characters; the most an entry may hold is "
                f"{MAX_ENTRY_TEXT}",
            )
        yield line


def stays_inside(folder: Path, file: Path) -> bool:
    """Whether `file` (possibly through links) resolves to a place inside `folder`."""
    try:
        target = file.resolve(strict=True)
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return target == root or target.is_relative_to(root)


def link_note(folder: Path, file: Path) -> str:
    """The report line for a link that is not followed."""
    return f"{file}: a link to a place outside {folder}, not followed, skipped"
