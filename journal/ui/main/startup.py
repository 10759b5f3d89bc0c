"""What happens around opening a journal in the app: recovery, checks and backups.

At start the journal is checked (SQLite's quick_check, read-only) and opened in the
background (`JournalOpener`, after the window's first paint), so damage anywhere in the
file is found before any pane could show it as an empty journal. A damaged journal gets
one dialog offering the newest good backup (`ask_to_restore`); if the user agrees it is
restored in a worker behind a progress dialog (`restore_and_open`), the damaged files
moved aside (never deleted). Once the
window is up, a background task runs the checks again with the search-index check, then
the day's first backup; a journal in a cloud-sync folder or on a network filesystem gets
a warning.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from journal.errors import DamagedJournalError, DaybookError, LockedJournalError, StorageError
from journal.ui.common.errors import ErrorDialog
from journal.ui.common.wording import tr
from journal.ui.common.worker import Task, run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QMainWindow, QWidget

    from journal.domain.entry import EntrySummary
    from journal.paths import AppPaths
    from journal.services.health import GoodBackup
    from journal.services.journal import Journal


def ask_to_restore(
    paths: AppPaths,
    error: BaseException,
    parent: QWidget | None = None,
    backup: GoodBackup | None = None,
) -> GoodBackup | None:
    """After opening the journal failed with `error`: for a damaged journal, one dialog
    offers `backup` (the newest good one, verified in the background); returns it if the
    user agrees to restore it. Anything else is explained; None then means the user has
    been told why the journal cannot be opened (the app then quits)."""
    from journal.ui.dialogs.rescue_dialog import RescueDialog

    if not isinstance(error, DamagedJournalError):
        ErrorDialog.show_error(parent, error)
        return None
    offered = None if backup is None else (backup.path, backup.time, backup.entries)
    if not RescueDialog.ask_restore(parent, error.what, paths.database, paths.backups, offered):
        return None
    return backup


def restore_and_open(
    paths: AppPaths, backup: GoodBackup, step: Callable[[str], None]
) -> tuple[Journal, str]:
    """Restore `backup` over the damaged journal (moved aside) and open it: in a worker,
    never on the UI thread (it copies the whole journal). `step` hears what it is doing.
    Returns the journal and a note for the status bar."""
    from journal.services import rescue
    from journal.services.encryption import is_encrypted
    from journal.services.journal import Journal

    was_encrypted = is_encrypted(paths)
    moved = rescue.restore_over_damaged(paths, backup.path, step=step)
    step("open")
    journal = Journal.open(paths)
    note = tr("Restored the backup of {0}; the damaged journal was moved to {1}").format(
        backup.time.strftime("%Y-%m-%d %H:%M"), moved
    )
    if was_encrypted and not is_encrypted(paths):
        note += tr(
            ". The backup was not encrypted: encrypt the journal again in Settings > Security."
        )
    return journal, note


def step_text(step: str) -> str:
    """What the progress dialog says for a step of the restore (see `restore_and_open`)."""
    texts = {
        "check": tr("Checking the backup…"),
        "copy": tr("Copying the backup…"),
        "move": tr("Moving the damaged journal aside…"),
        "open": tr("Opening the restored journal…"),
    }
    return texts.get(step, tr("Restoring the backup…"))


class JournalOpener(QObject):
    """Opens the journal off the UI thread (the storage layer's import and, after an
    upgrade, its migration take a while), then recovers on the UI thread if it must.

    `start()` may be called more than once; the journal is opened once. The opener owns the
    journal until it emits `opened`; after `cancel()` (the app is quitting) a journal that
    has not been handed over is closed, whenever it arrives.
    """

    opened = Signal(object, object)  # Journal, a note for the status bar (str or None)
    failed = Signal()  # the user has been told why
    _step = Signal(str)  # what the restore in the worker is doing (queued to the UI thread)

    def __init__(self, paths: AppPaths, parent: QWidget, first_page: int = 0) -> None:
        """`first_page`: read that many entries of the timeline's listing in the pool too,
        right after opening (`page`), before the panes that show them are even built."""
        super().__init__(parent)
        self.paths = paths
        self.first_page = first_page
        self.page: list[EntrySummary] | None = None  # the listing's first page, once read
        self._parent = parent
        self._task: Task | None = None
        self._lock = threading.Lock()
        self._cancelled = False
        self._undelivered: Journal | None = None
        self._rescue: GoodBackup | None = None  # found when the journal is damaged
        self._note: str | None = None  # an interrupted restore finished before opening
        self._progress: QProgressDialog | None = None  # while a rescue restore runs
        self._step.connect(self._show_step)

    def start(self) -> None:
        if self._task is not None or self._cancelled:
            return
        self._task = run_in_background(self._open, self._opened, self._failed, self)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            journal, self._undelivered = self._undelivered, None
        if journal is not None:
            journal.close()

    def _open(self) -> None:  # in the pool
        from journal.services.health import (
            damage_error,
            journal_damage,
            newest_good_backup,
            unchanged_since_verified,
        )
        from journal.services.journal import Journal

        try:
            # Read-only and before opening: a damaged journal is never shown (its entries
            # would fail to load and read as an empty journal), and never written to. The
            # check reads the whole file (0.4 s for 100,000 entries); files exactly as they
            # were when the app last closed them after a clean check skip it (the check
            # after start, in StartupChecks, still runs).
            from journal.services.rescue import finish_interrupted_restore

            self._note = finish_interrupted_restore(self.paths)
            self._unlock_from_keyring()
            problems = [] if unchanged_since_verified(self.paths) else journal_damage(self.paths)
            if problems:
                raise damage_error(self.paths, problems)
            journal = Journal.open(self.paths)  # LockedJournalError: see _failed
            if self.first_page:
                self.page = self._read_first_page(journal)
        except DamagedJournalError:
            self._rescue = newest_good_backup(self.paths)  # verified here, off the UI thread
            raise
        with self._lock:
            if not self._cancelled:
                self._undelivered = journal
                return
        journal.close()

    def _read_first_page(self, journal: Journal) -> list[EntrySummary] | None:
        """The listing's first page; None if it cannot be read (the model reads it again
        and reports why)."""
        from journal.domain.filters import EntryFilter

        try:
            return journal.list_summaries(EntryFilter(), limit=self.first_page)
        except DaybookError:
            return None

    def _unlock_from_keyring(self) -> None:  # in the pool: the key derivation takes ~0.8 s
        from journal.services import encryption

        if encryption.locked(self.paths):
            with contextlib.suppress(DaybookError):  # no SQLCipher: the dialog says so
                encryption.unlock_from_keyring(self.paths)

    def _opened(self, _nothing: None) -> None:
        with self._lock:
            journal, self._undelivered = self._undelivered, None
        if journal is not None:
            self.opened.emit(journal, self._note)

    def _failed(self, error: BaseException) -> None:
        if self._cancelled:
            return
        if isinstance(error, LockedJournalError):
            # Encrypted: ask (over the painted frame), then open again in the background.
            from journal.ui.dialogs.unlock_dialog import unlock_journal

            if unlock_journal(self._parent, self.paths, keyring=False):
                self._task = None
                self.start()
            else:
                self.failed.emit()
            return
        backup = ask_to_restore(self.paths, error, self._parent, self._rescue)
        if backup is None:
            self.failed.emit()
            return
        progress = QProgressDialog(tr("Restoring the backup…"), "", 0, 0, self._parent)
        progress.setWindowTitle(tr("Restoring"))
        progress.setCancelButton(None)  # a restore half done is finished, never cancelled
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self._progress = progress
        self._task = run_in_background(
            lambda: restore_and_open(self.paths, backup, self._step.emit),
            self._restored,
            self._restore_failed,
            self,
        )

    def _show_step(self, text: str) -> None:
        if self._progress is not None:
            self._progress.setLabelText(step_text(text))

    def _end_progress(self) -> None:
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.close()
            progress.deleteLater()

    def _restored(self, result: tuple[Journal, str]) -> None:
        self._end_progress()
        journal, note = result
        if self._cancelled:
            journal.close()
            return
        self.opened.emit(journal, note)

    def _restore_failed(self, error: BaseException) -> None:
        self._end_progress()
        if not self._cancelled:
            ErrorDialog.show_error(self._parent, error)
            self.failed.emit()


class StartupChecks(QObject):
    """Checks the open journal in the background and makes the day's first backup; says
    what it found in `window`'s status bar (or a dialog over it)."""

    finished = Signal(object)  # list[str]: problems found (empty: healthy)

    def __init__(self, journal: Journal, window: QMainWindow) -> None:
        super().__init__(window)
        self.journal = journal
        self.window = window
        self._task: Task | None = None
        self.healthy = False  # the check found nothing wrong (see `note_verified`)

    def start(self) -> None:
        from journal.services.health import sync_folder_warning

        warning = sync_folder_warning(self.journal.paths.home)
        if warning:
            self.window.statusBar().showMessage(warning)
            self.window.statusBar().setToolTip(warning)
        self._task = run_in_background(self._run, self._done, self._failed, self)

    def _run(self) -> tuple[list[str], Path | None, str]:
        from journal.services.backups import daily_backup
        from journal.services.health import quick_check

        problems = quick_check(self.journal.store)
        if problems:
            return problems, None, ""
        try:
            return [], daily_backup(self.journal, self.journal.paths.backups), ""
        except StorageError as exc:  # the journal is fine; the backup could not be made
            return [], None, str(exc)

    def _done(self, result: tuple[list[str], Path | None, str]) -> None:
        problems, _backup, backup_error = result
        self.healthy = not problems
        if problems:
            ErrorDialog.show_error(
                self.window,
                StorageError(
                    "the journal failed its integrity check: " + "; ".join(problems[:3]),
                    "keep working only if you must; quit and run `daybook restore FILE` with "
                    f"a backup from {self.journal.paths.backups} (the current file is kept)",
                ),
            )
        elif backup_error:
            self.window.statusBar().showMessage(
                tr("Today's backup could not be made: {0}").format(backup_error), 15000
            )
        self.finished.emit(problems)

    def _failed(self, error: BaseException) -> None:
        ErrorDialog.show_error(self.window, error)
        self.finished.emit([str(error)])
