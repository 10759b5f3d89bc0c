"""The error dialog: what happened, and what to do about it (DESIGN.md, "Errors a user sees")."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.errors import DaybookError

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


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

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        what, hint = describe(error)
        self.setWindowTitle(tr("Daybook"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(what)
        self.setInformativeText(hint)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setAccessibleName(tr("Error"))
        if not isinstance(error, DaybookError):
            self.setDetailedText("".join(traceback.format_exception(error)))

    @classmethod
    def show_error(cls, parent: QWidget | None, error: BaseException) -> None:
        """Show the dialog modally. Tests replace this classmethod to collect errors."""
        if not isinstance(error, DaybookError):
            log.error("unexpected error", exc_info=error)
        cls(error, parent).exec()
