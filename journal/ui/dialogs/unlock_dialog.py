"""The small dialog that asks an encrypted journal's passphrase at start.

Unlimited tries: after a wrong passphrase the dialog says so and its Unlock button rests for
RETRY_DELAY_MS (a guesser at the keyboard is slowed; the key derivation itself costs about
half a second a try). Nothing is written by a wrong try. "Remember in the system keyring" is
off by default; ticking it keeps the passphrase in the keyring, unticking it forgets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError, WrongPassphraseError
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.paths import AppPaths

RETRY_DELAY_MS = 1000


class UnlockDialog(QDialog):
    """Asks until `check(passphrase, remember)` accepts; `error` holds any other failure."""

    def __init__(
        self, parent: QWidget | None, where: str, check: Callable[[str, bool], None]
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.error: DaybookError | None = None
        self.setWindowTitle(tr("Unlock Daybook"))
        self.setAccessibleName(tr("Unlock the journal"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("The journal {0} is encrypted. Type its passphrase:").format(where))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(tr("Passphrase"))
        layout.addWidget(self.field)
        self.remember = QCheckBox(tr("Remember it in the system keyring"), self)
        self.remember.setToolTip(
            tr("Anyone who can log in as you can then open the journal without it.")
        )
        layout.addWidget(self.remember)
        self.message = QLabel("", self)
        self.message.setAccessibleName(tr("Unlock message"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.field.text()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._check(passphrase, self.remember.isChecked())
        except WrongPassphraseError:
            self.field.clear()
            self.message.setText(tr("Wrong passphrase. Try again in a moment."))
            self.unlock_button.setEnabled(False)
            QTimer.singleShot(RETRY_DELAY_MS, self._ready_again)
            return
        except DaybookError as exc:
            self.error = exc
            self.reject()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def _ready_again(self) -> None:
        self.unlock_button.setEnabled(True)
        self.message.setText(tr("Wrong passphrase. Try again."))
        self.field.setFocus()


def ask_to_unlock(parent: QWidget | None, paths: AppPaths) -> DaybookError | bool:
    """Show the dialog until the journal in `paths` is unlocked. True once unlocked, False if
    the user quit, or the error that stopped it (no encryption support, say). Tests replace
    this function."""
    from journal.services import encryption

    dialog = UnlockDialog(
        parent,
        str(paths.database),
        lambda passphrase, remember: encryption.unlock(paths, passphrase, remember),
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return True
    error = dialog.error
    return error if error is not None else False


def unlock_journal(parent: QWidget | None, paths: AppPaths) -> bool:
    """Before opening: unlock an encrypted journal (the keyring first, then the dialog).
    False when the user quit or was told why it cannot be unlocked."""
    from journal.services import encryption
    from journal.ui.common.errors import ErrorDialog

    if not encryption.is_encrypted(paths):
        return True
    result: DaybookError | bool
    try:
        encryption.require()
        if encryption.unlock_from_keyring(paths):
            return True
        result = ask_to_unlock(parent, paths)
    except DaybookError as exc:
        result = exc
    if isinstance(result, DaybookError):
        ErrorDialog.show_error(parent, result)
        return False
    return result
