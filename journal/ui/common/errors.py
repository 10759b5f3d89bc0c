"""Message boxes: the error dialog (what happened, and what to do about it: DESIGN.md,
"Errors a user sees") and `message_box`, which every other question or warning is built with.

Every box has a title that says what it is about (never just "Daybook"), room around its
text, and sentences that end (`sentence`). tests/ui/dialogs/test_dialogs.py walks them all.
An unexpected error (a bug) gets the "something went wrong" mode: where the log with the
details is, and a Copy Details button for a report.
"""

from __future__ import annotations

import logging
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from journal.errors import (
    DamagedJournalError,
    DaybookError,
    ImportFormatError,
    InputError,
    NotFoundError,
    StorageError,
)
from journal.ui.common.overrides import override
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

# The box's text column: never narrower than this (logical pixels), so short messages do
# not sit cramped against the icon and the buttons.
MIN_TEXT_WIDTH = 380
_ENDS = (".", "!", "?", "…", ":", ")", "”", '"')


def sentence(text: str) -> str:
    """`text` as a sentence: a capital first letter and a full stop unless it ends already."""
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(_ENDS) else text + "."


def describe(error: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an error; a bug gets a generic, honest hint."""
    if isinstance(error, DaybookError):
        return sentence(error.what), sentence(error.hint)
    return (
        sentence(
            tr("Something went wrong inside Daybook: {0}").format(error or type(error).__name__)
        ),
        tr("Your journal is unchanged by this. Please report the problem with the details below."),
    )


def error_title(error: BaseException) -> str:
    """The error dialog's title: what kind of problem it is."""
    for kind, title in (
        (ImportFormatError, tr("Cannot Import")),
        (DamagedJournalError, tr("Journal Damaged")),
        (StorageError, tr("Journal Problem")),
        (NotFoundError, tr("Not Found")),
        (InputError, tr("Cannot Do That")),
        (DaybookError, tr("Cannot Continue")),
    ):
        if isinstance(error, kind):
            return title
    return tr("Unexpected Error")


class MessageBox(QMessageBox):
    """A QMessageBox with room around its text (margins and a minimum text width)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its sentences may quote the user's text (a title, a path): never read as HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
            f"{{ min-width: {MIN_TEXT_WIDTH}px; }}"
        )

    @override
    def showEvent(self, event: QShowEvent) -> None:
        # QMessageBox rebuilds its layout when its parts change: set the margins last.
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(22, 20, 22, 16)
            layout.setSpacing(12)
        super().showEvent(event)


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    accessible: str = "",
) -> MessageBox:
    """A message box (not shown): `title` says what it is about, the texts are sentences."""
    box = MessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(sentence(text))
    if informative:
        box.setInformativeText(sentence(informative))
    box.setAccessibleName(accessible or title)
    return box


class ErrorDialog(MessageBox):
    """A message box with the two halves; details only for unexpected errors (bugs)."""

    def __init__(
        self, error: BaseException, parent: QWidget | None = None, log_file: Path | None = None
    ) -> None:
        super().__init__(parent)
        what, hint = describe(error)
        self.details = ""
        self.copy_button: QPushButton | None = None
        self.setWindowTitle(error_title(error))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(what)
        self.setInformativeText(hint)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setAccessibleName(tr("Error"))
        if not isinstance(error, DaybookError):
            self.details = "".join(traceback.format_exception(error))
            if log_file is not None:
                hint += "\n\n" + sentence(
                    tr("The details are also in the log: {0}").format(log_file)
                )
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
