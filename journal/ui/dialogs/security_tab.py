"""Settings > Security: encrypt the journal, change its passphrase, or turn encryption off.

The tab acts at once (these are not settings saved with OK): each button asks what it needs
in a small dialog, then calls `SecurityActions.convert`, which closes, converts (through a
verified copy) and reopens the journal. Encrypting first says plainly that a forgotten
passphrase means the journal cannot be read, and offers to export a JSON copy first.

The conversion (a key derivation, then a copy of the whole journal) runs in the thread pool
behind a small modal progress dialog, `ConversionProgress`: the windows keep painting, and
Cancel stops it while it is still copying (the journal is then left as it was); once the new
file is being put in place it runs to its end. `before`/`after` run on the UI thread around
it (the app saves the editor's text first and holds its change polling meanwhile).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.cancel import Cancelled
from journal.errors import DaybookError
from journal.ui.common.wording import tr
from journal.ui.common.worker import Task, run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override


@dataclass
class SecurityActions:
    """What the Security tab asks of the app: the journal's state and its conversions."""

    encrypted: Callable[[], bool]
    convert: Callable[[str | None], None]  # in the pool: a new passphrase, or None for off
    export_first: Callable[[], object]
    before: Callable[[], object] = lambda: None  # on the UI thread, before `convert`
    after: Callable[[str | None, bool], object] = lambda _p, _done: None  # (passphrase, done)


class ConversionProgress(QDialog):
    """A modal busy dialog while `work` runs in the thread pool; Cancel (or Esc) asks it to
    stop and the dialog closes only once the work has reported. `run()` says how it ended:
    "done", "cancelled" or "failed" (then `error` holds why)."""

    def __init__(
        self,
        parent: QWidget | None,
        text: str,
        work: Callable[[], object],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Daybook"))
        self.setAccessibleName(tr("Converting the journal"))
        self._work = work
        self._pool = pool or QThreadPool.globalInstance()
        self._task: Task | None = None
        self.outcome = ""
        self.error: BaseException | None = None
        layout = QVBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(tr("Busy"))
        self.bar.setRange(0, 0)  # indeterminate: SQLite reports no fraction done
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.label.setMinimumWidth(400)  # wrapped text then sets the height
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.adjustSize()

    def run(self) -> str:
        # Owned by the pool: the task outlives this dialog if it must.
        self._task = run_in_background(self._work, self._done, self._failed, self._pool, self._pool)
        self.exec()
        return self.outcome

    def running(self) -> bool:
        return self._task is not None and not self.outcome

    @override
    def reject(self) -> None:
        """Cancel, Esc or the close button: ask the work to stop; close once it reported."""
        if self.outcome:
            super().reject()
            return
        if self._task is not None:
            self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(
            tr("Stopping… the journal is kept as it was unless it is already being replaced.")
        )
        self.adjustSize()

    def _done(self, _result: Any) -> None:
        self.outcome = "done"
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.outcome = "cancelled"
        else:
            self.outcome, self.error = "failed", error
        self.accept()


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
    """Settings > Security: encryption on or off, the passphrase, the keyring."""

    def __init__(self, actions: SecurityActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.security = actions
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.note = QLabel("", self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(tr("What the last change did"))
        layout.addWidget(self.note)
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

        if passphrase is None:
            text = tr("Turning encryption off: the journal is copied in plain and checked…")
        elif self.security.encrypted():
            text = tr(
                "Changing the passphrase: the journal is copied under the new key and checked…"
            )
        else:
            text = tr("Encrypting the journal: it is copied under the new key and checked…")
        self.security.before()
        progress = ConversionProgress(self, text, lambda: self.security.convert(passphrase))
        outcome = progress.run()
        self.security.after(passphrase, outcome == "done")
        self.refresh()
        if outcome == "cancelled":
            self.note.setText(tr("Cancelled: the journal was left as it was."))
        elif outcome == "failed":
            error = progress.error
            if not isinstance(error, DaybookError):
                raise error if error is not None else RuntimeError("conversion failed")
            ErrorDialog.show_error(self, error)
        else:
            self.note.setText("")
