"""One GUI per journal: a lock file in the data folder, and a local server that a second
start asks to bring the first window forward (instead of opening a second writer).

The lock is a `QLockFile` at `<data folder>/daybook.lock`, held for the whole session with
`staleLockTime(0)`: it is never stale by age, only when its process is gone (Qt compares the
PID and process name, the host and the boot id it wrote), so a lock left by a crash is taken
over at the next start. The server's name is derived from the user and the resolved data
folder, so two journals (or two users) never meet.

The lock is taken before the window is shown; the server (and with it the QtNetwork module)
only after the window's first paint (`listen()`), so a second start in that moment keeps
trying while the lock's holder is alive.
"""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, QSysInfo, Qt, Signal

from journal.errors import StorageError
from journal.paths import AppPaths, ensure_private_dir

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_NAME = "daybook.lock"
ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500
STARTING_GRACE_S = 10.0  # how long a live lock holder may take to start listening
MAX_LINE = 1024  # a peer that sends more without a newline is dropped


def server_name(paths: AppPaths) -> str:
    """The local server's name for the journal in `paths`: short, the same in every process
    of this user on this folder, different for other folders and other users."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without passwd entry)
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    folder = os.path.normcase(str(paths.home.resolve()))
    digest = hashlib.sha1(f"{user}\0{folder}".encode(), usedforsecurity=False).hexdigest()
    return f"daybook-{digest[:20]}"


class SingleInstance(QObject):
    """Holds the journal's lock and listens for "activate" from later starts.

    `acquire()` in the first process; when it returns False, `notify_running()` asks the
    process holding the lock to show its window, and the second process exits.
    """

    activationRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock: QLockFile | None = None
        self._paths: AppPaths | None = None
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}
        # (pid, host, app) of the process holding the lock when acquire() failed.
        self.holder: tuple[int, str, str] | None = None

    @property
    def locked(self) -> bool:
        return self._lock is not None and self._lock.isLocked()

    def acquire(self, paths: AppPaths, listen: bool = True) -> bool:
        """Take the journal's lock and (unless `listen` is False: call `listen()` later)
        start listening; False when another live process holds it. Raises StorageError
        when the lock file cannot be written at all."""
        if self.locked:
            return True
        ensure_private_dir(paths.home)
        lock = QLockFile(str(paths.home / LOCK_NAME))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0) and not self._take_over_stale(lock):
            if lock.error() != QLockFile.LockError.LockFailedError:
                raise StorageError(
                    f"cannot create the lock file in {paths.home}: the folder is not writable",
                    "make the data folder writable, or choose another with --home or DAYBOOK_HOME",
                )
            pid, host, app = lock.getLockInfo()
            self.holder = (pid, host, app) if pid > 0 else None
            return False
        self._lock = lock
        self.holder = None
        self._paths = paths
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Start the server later starts ask to bring the window forward (once, after
        `acquire`)."""
        if self.locked and self._server is None and self._paths is not None:
            self._listen(server_name(self._paths))

    def _take_over_stale(self, lock: QLockFile) -> bool:
        """Remove a lock whose process on this machine is gone, then lock again.

        Qt's tryLock already does this; this covers a lock file Qt could not judge (one
        written without the process name, or a PID that Qt could not inspect)."""
        if lock.error() != QLockFile.LockError.LockFailedError or os.name != "posix":
            return False
        pid, host, _app = lock.getLockInfo()
        if pid <= 0 or host != QSysInfo.machineHostName() or _process_alive(pid):
            return False
        log.info("taking over the lock of process %d, which is gone", pid)
        return lock.removeStaleLockFile() and lock.tryLock(0)

    def _listen(self, name: str) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        # We hold the lock, so a socket of that name is left over from a crash.
        QLocalServer.removeServer(name)
        if not server.listen(name):
            # The lock still keeps a second writer out; only "bring forward" is lost.
            log.warning("cannot listen on %s: %s", name, server.errorString())
            server.deleteLater()
            return
        self._server = server

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            self._read(socket)  # bytes that came with the connection

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        *lines, rest = data.split(b"\n")
        self._buffers[socket] = rest
        for line in lines:
            if line.strip() == ACTIVATE.strip():
                self.activationRequested.emit()
            else:
                log.info("ignoring an unknown request on the instance server: %r", line[:40])
        if len(rest) > MAX_LINE:
            socket.abort()

    def _drop(self, socket: QLocalSocket) -> None:
        if socket in self._buffers:
            self._read(socket)
            del self._buffers[socket]
            socket.deleteLater()

    def release(self) -> None:
        """Stop listening and free the lock (also safe when nothing was acquired)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @staticmethod
    def notify_running(paths: AppPaths, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
        """Ask the Daybook holding `paths`' lock to bring its window forward; True when the
        request was delivered. Blocks up to about twice `timeout_ms`, or STARTING_GRACE_S
        while the holder is alive but not listening yet (it has just started): call it
        only in a process that is about to exit."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + STARTING_GRACE_S
        while True:
            socket = QLocalSocket()
            socket.connectToServer(server_name(paths))
            if socket.waitForConnected(timeout_ms):
                break
            if time.monotonic() >= deadline or not _holder_alive(paths):
                log.info("no running Daybook answered: %s", socket.errorString())
                return False
            time.sleep(0.05)
        written = socket.write(QByteArray(ACTIVATE))
        delivered = written == len(ACTIVATE)
        while delivered and socket.bytesToWrite() > 0:
            delivered = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return delivered


def _holder_alive(paths: AppPaths) -> bool:
    """Whether a live process on this machine holds the journal's lock."""
    pid, host, _app = QLockFile(str(paths.home / LOCK_NAME)).getLockInfo()
    if pid <= 0 or host not in ("", QSysInfo.machineHostName()):
        return False
    return os.name != "posix" or _process_alive(pid)


def _process_alive(pid: int) -> bool:
    """Whether a process with `pid` exists (POSIX only: signal 0 checks without sending)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to someone else
        return True
    return True


def holder_text(holder: tuple[int, str, str] | None) -> str:
    """A short description of the process holding the lock, for a message."""
    if holder is None:
        return "another Daybook"
    pid, host, app = holder
    here = host in ("", QSysInfo.machineHostName())
    where = "" if here else f" on {host}"
    return f"{app or 'Daybook'} (process {pid}{where})"


def bring_forward(window: QWidget) -> None:
    """Show `window` (also when only the tray held it), un-minimize it and ask the window
    system to raise and focus it: what a second start of Daybook on this journal does."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
