"""Errors a user can act on, kept apart from bugs.

Every `DaybookError` carries what happened and what to do; the command line prints it as one
line and the GUI shows it in a dialog. Anything else that escapes is a bug.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class DaybookError(Exception):
    """Something the user can act on: `what` happened; `hint` says what to do."""

    def __init__(self, what: str, hint: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.what}; {self.hint}" if self.hint else self.what


class InputError(DaybookError):
    """Bad input from the user: a date, an empty text, an unknown id."""


class NotFoundError(InputError):
    """An id or file that does not exist."""


class StorageError(DaybookError):
    """The journal file cannot be used as it is: corrupt, locked, read-only, disk full."""


class DamagedJournalError(StorageError):
    """A database file that is damaged or is not an SQLite database at all.

    `path` names that file, so a caller can tell the journal from a backup being read.
    """

    def __init__(self, what: str, hint: str = "", path: Path | None = None) -> None:
        super().__init__(what, hint)
        self.path = path


class ImportFormatError(DaybookError):
    """A file to import that cannot be read; names the file and line."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}, line {line}" if line else path
        super().__init__(
            f"cannot import {where}: {problem}", "fix that line or the file and import again"
        )
        self.path = path
        self.line = line
        self.problem = problem
