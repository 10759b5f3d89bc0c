"""Settings > Security: encrypt the journal, change its passphrase, or turn encryption off.

The tab acts at once (these are not settings saved with OK): each button asks what it needs
in a small dialog, then calls `SecurityActions.convert`, which closes, converts (through a
verified copy) and reopens the journal. Encrypting first says plainly that a forgotten
passphrase means the journal cannot be read, and offers to export a JSON copy first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass
class SecurityActions:
    """What the Security tab needs from the app: the state and the conversion, as callables."""

    encrypted: Callable[[], bool]
    convert: Callable[[str | None], None]  # a new passphrase, or None to turn it off
    export_first: Callable[[], object]


class PassphraseDialog(QDialog):
    """A new passphrase, typed twice; with the warning (and the export offer) to encrypt."""

    def __init__(self, parent: QWidget | None, warn: bool, export_first: Callable[[], object]):
        super().__init__(parent)
        self.setWindowTitle(tr("Encrypt This Journal") if warn else tr("Change Passphrase"))
        layout = QVBoxLayout(self)
        if warn:
            warning = QLabel(
                tr(
                    "A forgotten passphrase means the journal cannot be read by anyone, you "
                    "included: no one can recover it. Backups made from now on are encrypted "
                    "with the same passphrase; older backups stay as they were."
                ),
                self,
            )
            warning.setWordWrap(True)
            layout.addWidget(warning)
            export = QPushButton(tr("&Export a JSON Copy First…"), self)
            export.clicked.connect(export_first)
            layout.addWidget(export)
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field, name in ((self.first, tr("New passphrase")), (self.second, tr("Again"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(name)
            field.setAccessibleName(name)
            field.textChanged.connect(self._update)
            layout.addWidget(field)
        self.note = QLabel("", self)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        a, b = self.first.text(), self.second.text()
        ok = bool(a) and a == b
        self.note.setText("" if ok or not b else tr("The two passphrases differ."))
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)


def ask_new_passphrase(
    parent: QWidget | None, warn: bool, export_first: Callable[[], object]
) -> str | None:
    """The new passphrase, or None if cancelled; tests replace this."""
    dialog = PassphraseDialog(parent, warn, export_first)
    return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def confirm_decrypt(parent: QWidget | None) -> bool:
    """Whether to turn encryption off; tests replace this."""
    from journal.ui.common.errors import message_box

    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Turn Encryption Off"),
        tr("Store the journal in plain again?"),
        tr("Anyone with the file can then read it, and backups made from now on too."),
    )
    off = box.addButton(tr("Turn Off"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is off


class SecurityTab(QWidget):
    """The tab: the journal's state and a button for each change (see the module docstring)."""

    def __init__(self, actions: SecurityActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.security = actions
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.encrypt_button = QPushButton(tr("&Encrypt This Journal…"), self)
        self.change_button = QPushButton(tr("&Change Passphrase…"), self)
        self.decrypt_button = QPushButton(tr("&Turn Encryption Off…"), self)
        for button in (self.encrypt_button, self.change_button, self.decrypt_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.encrypt_button.clicked.connect(lambda: self._new_passphrase(warn=True))
        self.change_button.clicked.connect(lambda: self._new_passphrase(warn=False))
        self.decrypt_button.clicked.connect(self._decrypt)
        self.refresh()

    def refresh(self) -> None:
        on = self.security.encrypted()
        self.status.setText(
            tr("The journal is encrypted (SQLCipher, AES-256).")
            if on
            else tr("The journal is not encrypted: anyone with the file can read it.")
        )
        self.encrypt_button.setVisible(not on)
        self.change_button.setVisible(on)
        self.decrypt_button.setVisible(on)

    def _new_passphrase(self, warn: bool) -> None:
        passphrase = ask_new_passphrase(self, warn, self.security.export_first)
        if passphrase is not None:
            self._run(passphrase)

    def _decrypt(self) -> None:
        if confirm_decrypt(self):
            self._run(None)

    def _run(self, passphrase: str | None) -> None:
        from journal.ui.common.errors import ErrorDialog

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.security.convert(passphrase)
        except DaybookError as exc:
            QApplication.restoreOverrideCursor()
            ErrorDialog.show_error(self, exc)
        else:
            QApplication.restoreOverrideCursor()
        self.refresh()
