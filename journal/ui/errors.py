"""The error dialog: what happened, and what to do about it (DESIGN.md, "Errors a user sees").

An unexpected error (a bug) gets the "something went wrong" mode: where the log with the
details is, and a Copy Details button for a report.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from journal.errors import DaybookError
from journal.ui.wording import tr

log = logging.getLogger(__name__)


def describe(error: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an error; a bug gets a generic, honest hint."""
    if isinstance(error, DaybookError):
        what = error.what[:1].upper() + error.what[1:]
        hint = error.hint[:1].upper() + error.hint[1:] if error.hint else ""
        return what, hint
    return (
        tr("Something went wrong inside Daybook: {0}").format(error or type(error).__name__),
        tr("Your journal is unchanged by this. Please report the problem with the details below."),
    )


class ErrorDialog(QMessageBox):
    """A message box with the two halves; details only for unexpected errors (bugs)."""

    def __init__(
        self, error: BaseException, parent: QWidget | None = None, log_file: Path | None = None
    ) -> None:
        super().__init__(parent)
        what, hint = describe(error)
        self.details = ""
        self.copy_button: QPushButton | None = None
        self.setWindowTitle(tr("Daybook"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(what)
        self.setInformativeText(hint)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setAccessibleName(tr("Error"))
        if not isinstance(error, DaybookError):
            self.details = "".join(traceback.format_exception(error))
            if log_file is not None:
                hint += "\n\n" + tr("The details are also in the log: {0}").format(log_file)
                self.details += f"\nLog: {log_file}\n"
                self.setInformativeText(hint)
            self.setDetailedText(self.details)
            self.copy_button = self.addButton(
                tr("&Copy Details"), QMessageBox.ButtonRole.ActionRole
            )
            # An action button would close the box; this one only copies.
            self.copy_button.clicked.disconnect()
            self.copy_button.clicked.connect(self.copy_details)
            # With a second button the box no longer knows its escape button, and would
            # ignore Esc and the title bar's close: both mean OK.
            self.setEscapeButton(QMessageBox.StandardButton.Ok)

    def copy_details(self) -> None:
        """The traceback (and where the log is) to the clipboard, for a report."""
        QGuiApplication.clipboard().setText(self.details)

    @classmethod
    def show_error(cls, parent: QWidget | None, error: BaseException) -> None:
        """Show the dialog modally. Tests replace this classmethod to collect errors."""
        if not isinstance(error, DaybookError):
            log.error("unexpected error", exc_info=error)
        cls(error, parent).exec()

    @classmethod
    def show_crash(
        cls, parent: QWidget | None, error: BaseException, log_file: Path | None
    ) -> ErrorDialog:
        """Open the "something went wrong" dialog without blocking (it is shown from the
        crash hook, which must return); the caller keeps the returned dialog."""
        dialog = cls(error, parent, log_file)
        dialog.setModal(True)
        dialog.show()
        return dialog
