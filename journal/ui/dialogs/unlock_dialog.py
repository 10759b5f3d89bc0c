"""The small dialog that asks an encrypted journal's passphrase at start.

Unlimited tries: after a wrong passphrase the dialog says so and its Unlock button rests for
RETRY_DELAY_MS (a guesser at the keyboard is slowed; the key derivation itself costs about
half a second a try). Nothing is written by a wrong try. "Remember in the system keyring" is
off by default; ticking it keeps the passphrase in the keyring, unticking it forgets it.

The check derives the key (about 0.8 s, several times over when a wrong passphrase is also
tried on the pages of a journal whose first page may be damaged), so it runs in the thread
pool: the dialog shows a busy bar and stays responsive, and Quit while it runs drops the
answer (the check only reads; the keyring is not touched once Quit was clicked).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from journal.errors import DaybookError, WrongPassphraseError
from journal.ui.common.wording import tr
from journal.ui.common.worker import Task, TaskSet

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.paths import AppPaths

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

RETRY_DELAY_MS = 1000
DAMAGE_HINT_AFTER = 3  # wrong tries before the dialog mentions that the file may be damaged


class UnlockDialog(QDialog):
    """Asks until `check(passphrase, remember)` accepts; `error` holds any other failure."""

    def __init__(
        self,
        parent: QWidget | None,
        where: str,
        check: Callable[[str, bool], None],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.error: DaybookError | None = None
        self.pool = pool or QThreadPool.globalInstance()
        # Owned by the pool, not the dialog: a check outlives a dialog closed while it runs.
        self._alive = True
        self._tasks = TaskSet(self.pool, self.pool, alive=lambda: self._alive)
        self._running: Task | None = None
        self.wrong_tries = 0
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
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.busy = QProgressBar(self)
        self.busy.setAccessibleName(tr("Checking the passphrase"))
        self.busy.setRange(0, 0)  # indeterminate: the key derivation reports no progress
        self.busy.setTextVisible(False)
        self.busy.hide()
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()
        for label in (intro, self.message):
            label.setMinimumWidth(400)  # wrapped text then sets the height
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.adjustSize()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled() or self._running is not None:
            return
        passphrase, remember = self.field.text(), self.remember.isChecked()
        self._set_busy(True)
        self._running = self._tasks.run(
            lambda: self._check(passphrase, remember), self._unlocked, self._refused
        )

    def checking(self) -> bool:
        """Whether a passphrase is being checked in the background now."""
        return self._running is not None

    def _set_busy(self, busy: bool) -> None:
        self.field.setEnabled(not busy)
        self.remember.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.message.setText(tr("Checking the passphrase…"))
        self.adjustSize()  # room for the busy bar, or none once it is hidden

    def _unlocked(self, _result: Any) -> None:
        self._running = None
        self._set_busy(False)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._running = None
        self._set_busy(False)
        if isinstance(error, WrongPassphraseError):
            self.wrong_tries += 1
            self.field.clear()
            self.message.setText(tr("Wrong passphrase. Try again in a moment."))
            self.unlock_button.setEnabled(False)
            QTimer.singleShot(RETRY_DELAY_MS, self._ready_again)
        elif isinstance(error, DaybookError):
            self.error = error
            self.reject()
        else:
            raise error  # a bug: the crash hook logs and shows it

    @override
    def done(self, result: int) -> None:
        """Closing (Unlock's answer, Quit, Esc): a check still running is asked to stop and
        its answer dropped."""
        self._alive = False
        if self._running is not None:
            self._running.cancel()
            self._running = None
        super().done(result)

    def _ready_again(self) -> None:
        if self._running is not None:
            return
        self.unlock_button.setEnabled(True)
        text = tr("Wrong passphrase. Try again.")
        if self.wrong_tries >= DAMAGE_HINT_AFTER:
            text += " " + tr(
                "If you are sure of it, the journal may be damaged beyond checking it: quit "
                "and run `daybook restore --damaged FILE` with a backup (the journal is moved "
                "aside, not deleted)."
            )
        self.message.setText(text)
        self.adjustSize()  # the longer text wraps onto more lines
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


def unlock_journal(parent: QWidget | None, paths: AppPaths, keyring: bool = True) -> bool:
    """Before opening: unlock an encrypted journal (the keyring first, unless `keyring` is
    False because the caller tried it off the UI thread, then the dialog). False when the
    user quit or was told why it cannot be unlocked."""
    from journal.services import encryption
    from journal.ui.common.errors import ErrorDialog

    if not encryption.is_encrypted(paths):
        return True
    result: DaybookError | bool
    try:
        encryption.require()
        if keyring and encryption.unlock_from_keyring(paths):
            return True
        result = ask_to_unlock(parent, paths)
    except DaybookError as exc:
        result = exc
    if isinstance(result, DaybookError):
        ErrorDialog.show_error(parent, result)
        return False
    return result
