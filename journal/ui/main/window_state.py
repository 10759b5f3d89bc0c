"""The main window's life as a window: its saved geometry and split, quitting (through the
app when a tray keeps it running), closing (what is typed is saved first, then the background
work stops) and coming back to it (another process's changes are looked for).

`WindowState` is the bottom of the main window's classes (`MainWindow` <- `WindowDialogs` <-
`WindowState`); it knows the window's frame and, once the journal is open, its panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from journal.ui.common.errors import message_box
from journal.ui.common.overrides import override
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.ui.common.changes import ChangeSignal
    from journal.ui.common.worker import TaskSet
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.main.search_controller import SearchController
    from journal.ui.main.window_panes import Panes


# Quitting stops the background work and waits this long for it, then abandons what is left.
QUIT_WAIT_MS = 500


class WindowState(QMainWindow):
    """Geometry, quitting and closing of the main window (see the module's docstring)."""

    quitRequested = Signal()  # File > Quit, when the app keeps running without the window

    # Set by the window's constructor:
    paths: AppPaths
    qsettings: QSettings
    pool: QThreadPool
    _tasks: TaskSet
    # Set once the journal is open (MainWindow.attach):
    journal: Journal
    journal_changes: ChangeSignal
    panes: Panes
    entry_controller: EntryController
    search_controller: SearchController

    def is_ready(self) -> bool:
        """Whether `attach` has put the journal's panes in."""
        return hasattr(self, "journal")

    def _saved(self, key: str) -> QByteArray | None:
        # Only keys that exist are read: PySide6 6.12 mishandles None from some QVariant
        # getters (see journal.ui.timeline.timeline.entry_of), so no getter is asked for nothing.
        if not self.qsettings.contains(key):
            return None
        value = self.qsettings.value(key)
        return QByteArray(value) if isinstance(value, QByteArray | bytes) and value else None

    def restore_geometry(self) -> None:
        geometry = self._saved("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def restore_splitter(self) -> None:
        splitter = self._saved("window/splitter")
        if splitter is not None:
            self.panes.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        if self.is_ready():  # before, there are no panes (and the saved split stays)
            self.qsettings.setValue("window/splitter", self.panes.splitter.saveState())
        self.qsettings.sync()

    def _connected(self, signal_name: str) -> bool:
        """Whether anything listens to one of this window's argument-less signals."""
        meta = self.metaObject()
        index = meta.indexOfSignal(f"{signal_name}()")
        return index >= 0 and self.isSignalConnected(meta.method(index))

    def _quit(self) -> None:
        """Quit through the app when it keeps running without this window (a tray)."""
        if self._connected("quitRequested"):
            self.quitRequested.emit()
        else:
            self.close()

    def wait_for_tasks(self, msecs: int = QUIT_WAIT_MS) -> bool:
        """Stop the window's background work (the journal's reads stop at once) and wait
        for the pool at most `msecs`; work still running then (work that cannot be stopped,
        such as a file being written) is abandoned. True if the pool has finished."""
        if self.is_ready():
            self.journal_changes.stop()
            self.search_controller.stop()
        self._tasks.cancel_all()
        return bool(self.pool.waitForDone(msecs))

    @override
    def changeEvent(self, event: QEvent) -> None:
        # Back in the window: show what another process (the command line) wrote meanwhile.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.is_ready()
        ):
            self.journal_changes.poll()
        super().changeEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # What is typed is saved (or kept as a draft) first; only then is the work stopped.
        if self.is_ready() and not self.entry_controller.settle():
            box = unsaved_box(self)
            if box.exec() != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_state()
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.quitOnLastWindowClosed():
            self.wait_for_tasks()  # the app ends with this window (else it hides to the tray)
        event.accept()


def unsaved_box(parent: QWidget) -> QMessageBox:
    """The question when quitting with changes the journal refused: Yes quits."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Quit Without Saving?"),
        tr("The last changes could not be saved."),
        tr("They are kept as a draft and offered back when Daybook starts again. Quit anyway?"),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box
