"""The SQLite engine: file creation, pragmas, IMMEDIATE write transactions, error translation.

Everything SQLite-specific about connections lives here, behind `open_engine`,
`write_transaction` and `translate_errors`, so a later server mode can swap it out.

The engine is a small pool of plain `sqlite3` connections: the run-time path (every command,
the prompt, the window) never imports SQLAlchemy, whose import alone cost more than a whole
search. SQLAlchemy and Alembic are loaded only when a schema migration runs (`migrate.py`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from journal.errors import DamagedJournalError, StorageError
from journal.storage import cipher
from journal.storage.cipher import ERRORS, SQLITE_HEADER, Key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

try:
    import fcntl
except ImportError:  # Windows: no flock (see "one writer at a time" below)
    fcntl = None  # type: ignore[assignment]

DEFAULT_BUSY_TIMEOUT_MS = 5000


def check_header(path: Path) -> None:
    """Refuse, without touching it, a file that exists but is not an SQLite database (an
    encrypted journal, with its marker beside it, is not refused: see `cipher`)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except PermissionError as exc:
        raise StorageError(
            f"cannot read the journal {path}: permission denied",
            "check the file's owner and permissions",
        ) from exc
    if head and head != SQLITE_HEADER and not cipher.is_encrypted(path):
        raise corrupt_error(path)


def corrupt_error(path: Path) -> DamagedJournalError:
    return DamagedJournalError(
        f"the journal {path} is damaged or is not a Daybook database (left untouched)",
        "restore a backup with `daybook restore FILE` (`daybook backup --list` shows them), "
        "or move the file away to start afresh",
        path=path,
    )


def create_private_file(path: Path) -> None:
    """Create an empty database file with mode 0600 so SQLite's side files inherit it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except PermissionError as exc:
        raise StorageError(
            f"cannot create the journal in {path.parent}: the folder is read-only",
            "make the folder writable, or choose another with --home",
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"cannot create the journal {path}: {exc.strerror}",
            "free some space or choose another folder with --home",
        ) from exc
    os.close(fd)


def is_read_only(path: Path) -> bool:
    """An existing journal this process cannot write: the file or its folder is read-only
    (a read-only mount, or modes that apply to this user)."""
    try:
        return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    except OSError:
        return False


def reading_uri(path: Path) -> str:
    """An SQLite URI that opens `path` read-only; as immutable too when this process cannot
    write beside it and no `-wal` is there (a WAL reader needs a `-shm` file it can create).
    """
    from urllib.parse import quote

    uri = f"file:{quote(os.fsencode(path))}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if is_read_only(path) and not wal.exists():
        uri += "&immutable=1"
    return uri


# Connections kept open between uses; more may be open at once (one per thread using it).
IDLE_CONNECTIONS = 2


class Engine:
    """Configured `sqlite3` connections on one file, reused between uses.

    `connect()` lends a connection to one thread at a time; `dispose()` closes the idle
    ones at once and the lent ones when they come back (a store's `close`, a restore).
    """

    def __init__(
        self, path: Path, busy_timeout_ms: int, read_only: bool = False, key: Key | None = None
    ) -> None:
        self.path = path
        self.key = key  # an encrypted journal's key (see `cipher`); None for a plain one
        self.busy_timeout_ms = busy_timeout_ms
        # Open the file read-only (`reading_uri`): every write fails as "readonly".
        self.read_only = read_only
        # Called with every new connection after its pragmas (tests limit the file's size).
        self.on_connect: list[Callable[[sqlite3.Connection], None]] = []
        # Called with a connection each time it is lent (bench/ traces the SQL it runs).
        self.on_checkout: list[Callable[[sqlite3.Connection], None]] = []
        self._idle: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._generation = 0
        self._lent = 0

    @property
    def in_use(self) -> bool:
        """Whether this engine holds connections (idle or lent) on its file."""
        with self._guard:
            return bool(self._idle) or self._lent > 0

    def raw_connection(self) -> sqlite3.Connection:
        """A new connection with WAL, synchronous=FULL, foreign keys and secure_delete."""
        conn = cipher.connect(
            reading_uri(self.path) if self.read_only else str(self.path),
            self.key,
            timeout=self.busy_timeout_ms / 1000,
            isolation_level=None,  # transactions are begun explicitly (see write_transaction)
            check_same_thread=False,
            uri=self.read_only,
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self.read_only:  # a read-only (immutable) file keeps the mode it has
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode is None or str(mode[0]).lower() != "wal":
                    raise sqlite3.OperationalError("could not switch the journal to WAL mode")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            for hook in self.on_connect:
                hook(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @contextlib.contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """Lend a connection; an unfinished transaction is rolled back when it comes back."""
        with self._guard:
            conn = self._idle.pop() if self._idle else None
            generation = self._generation
            self._lent += 1
        try:
            if conn is None:
                conn = self.raw_connection()
            for hook in self.on_checkout:
                hook(conn)
            yield conn
        finally:
            with self._guard:
                self._lent -= 1
            if conn is not None:
                self._give_back(conn, generation)

    def _give_back(self, conn: sqlite3.Connection, generation: int) -> None:
        try:
            if conn.in_transaction:
                conn.rollback()
        except ERRORS.error:
            conn.close()
            return
        with self._guard:
            if generation == self._generation and len(self._idle) < IDLE_CONNECTIONS:
                self._idle.append(conn)
                return
        conn.close()

    def dispose(self) -> None:
        """Close the idle connections now, and the lent ones when they are given back."""
        with self._guard:
            idle, self._idle = self._idle, []
            self._generation += 1
        for conn in idle:
            conn.close()


def dispose_untouched(engine: Engine) -> None:
    """Close `engine` without its closing checkpoint: for a journal that failed to open
    (damaged), whose files must stay exactly as they were, -wal included.

    SQLite checkpoints the -wal into the file, and deletes it, when the last connection
    to it closes; a read-only connection held meanwhile is not the last one, and closes
    without writing.
    """
    witness = None
    if not engine.read_only and Path(f"{engine.path}-wal").exists():
        try:
            witness = cipher.connect(reading_uri(engine.path), engine.key, uri=True)
            witness.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except ERRORS.error:
            pass  # still a connection on the file if it opened: it holds the -wal
    try:
        engine.dispose()
    finally:
        if witness is not None:
            witness.close()


def open_engine(
    path: Path,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: bool = False,
    key: Key | None = None,
) -> Engine:
    """An engine on `path` (see `Engine`), registered with the file's writer locks.

    `read_only`: SQLite opens the file read-only; without a `-wal` beside it also as
    immutable, since the folder may not allow the `-shm` file a WAL reader needs. `key`:
    an encrypted journal's key (see `cipher`).
    """
    engine = Engine(path, busy_timeout_ms, read_only, key)
    _ENGINE_WRITERS[engine] = (writer_lock(path), busy_timeout_ms / 1000, process_lock(path))
    return engine


# -- one writer at a time ---------------------------------------------------------------------
# SQLite 3.7.0 to 3.51.2 can corrupt a WAL database when two connections write and checkpoint
# at the same moment (the "WAL-reset bug", fixed in 3.51.3; Debian 12's Python has 3.40.1).
# Daybook rules it out by never letting two of its connections write or checkpoint at once:
# - Within a process, every write transaction (`write_transaction`) and every explicit
#   checkpoint or restore (`exclusive_writer`) holds a lock kept per database file, shared by
#   every engine and thread on that file. SQLite's automatic checkpoints run inside a commit,
#   so they are held by the same lock. A connection's closing checkpoint happens only when it
#   is the last connection to the file, so nothing else can be writing then.
# - Across processes, the same sections also hold an OS lock (flock) on `<journal>-writer.lock`
#   beside the journal, so a `daybook` command writing while the app is open waits for the
#   app's write to finish, and the reverse. The OS drops the lock when a process dies, so a
#   crash never leaves it held. Closing a store (its connections' closing checkpoint) takes
#   both locks too. Where flock does not exist (Windows) only the in-process lock and the
#   app's one-instance rule apply.
_LOCKS_GUARD = threading.Lock()
_WRITER_LOCKS: dict[str, threading.RLock] = {}
_OS_LOCKS: dict[str, ProcessLock] = {}
_ENGINE_WRITERS: weakref.WeakKeyDictionary[Engine, tuple[threading.RLock, float, ProcessLock]] = (
    weakref.WeakKeyDictionary()
)


class ProcessLock:
    """An exclusive flock on `<database>-writer.lock`, re-entrant within its holder.

    Used only while the file's in-process lock is held, so one thread at a time touches it.
    """

    def __init__(self, database: Path) -> None:
        self.path = Path(f"{database}-writer.lock")
        self._fd: int | None = None
        self._depth = 0

    def acquire(self, timeout: float) -> None:
        """Take the lock, waiting at most `timeout` seconds; raises "database is locked"."""
        self._depth += 1
        if self._depth > 1 or fcntl is None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return  # a read-only folder: SQLite refuses the write itself, with a clear error
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    self._depth -= 1
                    raise sqlite3.OperationalError(
                        "database is locked (another Daybook process is writing)"
                    ) from None
                time.sleep(0.005)
        self._fd = fd

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def in_use_by_this_process(path: Path, besides: Engine) -> bool:
    """Whether an engine of this process other than `besides` has `path` open. Another
    SQLite library in the same process, like SQLCipher's, cannot see its locks."""
    key = os.path.normcase(os.path.realpath(path))
    return any(
        e is not besides and e.in_use and os.path.normcase(os.path.realpath(e.path)) == key
        for e in list(_ENGINE_WRITERS.keys())
    )


def writer_lock(path: Path) -> threading.RLock:
    """The in-process writer lock of the database file `path` (one per file, however named).

    Re-entrant, so a nested write in the same thread meets SQLite's own busy error rather
    than hanging for ever.
    """
    key = os.path.normcase(os.path.realpath(path))
    with _LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(key, threading.RLock())


def process_lock(path: Path) -> ProcessLock:
    """The cross-process writer lock of the database file `path` (one object per file)."""
    key = os.path.normcase(os.path.realpath(path))
    with _LOCKS_GUARD:
        return _OS_LOCKS.setdefault(key, ProcessLock(Path(key)))


@contextlib.contextmanager
def exclusive_writer(engine: Engine) -> Iterator[None]:
    """Hold the writer lock of `engine`'s file, waiting at most its busy timeout."""
    found = _ENGINE_WRITERS.get(engine)
    if found is None:
        yield
        return
    lock, timeout, os_lock = found
    started = time.monotonic()
    if not lock.acquire(timeout=timeout):
        raise sqlite3.OperationalError("database is locked (another thread is writing)")
    try:
        os_lock.acquire(max(0.0, timeout - (time.monotonic() - started)))
        try:
            yield
        finally:
            os_lock.release()
    finally:
        lock.release()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, mode: str) -> Iterator[sqlite3.Connection]:
    """`BEGIN mode` on `conn`; commits on success (unless the body ended the transaction
    itself, e.g. a dry run's rollback), else rolls back."""
    conn.execute(f"BEGIN {mode}")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    if conn.in_transaction:
        conn.commit()


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A connection in a transaction begun IMMEDIATE; commits on success, else rolls back.

    Runs under the file's writer lock (see above), so one process never has two writers.
    """
    with exclusive_writer(engine), engine.connect() as conn, transaction(conn, "IMMEDIATE"):
        yield conn


def checkpoint(engine: Engine) -> bool:
    """Copy the WAL into the database and truncate it; False if a reader kept it from
    finishing (the WAL is then emptied by a later checkpoint)."""
    with exclusive_writer(engine), engine.connect() as conn:
        row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is not None and int(row[0]) == 0


@contextlib.contextmanager
def read_transaction(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A connection in a deferred (read) transaction: one consistent snapshot."""
    with engine.connect() as conn, transaction(conn, "DEFERRED"):
        yield conn


def read_only_error(path: Path) -> StorageError:
    """What a write to a read-only journal says."""
    return StorageError(
        f"the journal is read-only; nothing was written to {path}",
        "make the file and its folder writable, or choose another folder with --home",
    )


def describe(exc: BaseException, path: Path) -> StorageError:
    """Map an SQLite error to what the user can do about it."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StorageError(
            f"the journal {path} is locked by another program",
            "close the other Daybook window or command and try again",
        )
    if "full" in text or (("disk i/o" in text or "unable to open" in text) and _disk_full(path)):
        # A full disk often shows as an I/O error: SQLite could not create its -shm file.
        return StorageError(
            f"the disk holding {path} is full; nothing was saved",
            "free some space and try again",
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return read_only_error(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return corrupt_error(path)
    if "disk i/o" in text:
        return StorageError(
            f"the disk reported an error while using {path}",
            "check the disk and free space, then try again",
        )
    return StorageError(f"the journal {path} could not be used: {text}", "try again")


def _disk_full(path: Path) -> bool:
    """Less room left beside `path` than SQLite needs for its side files (64 KiB)."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn database errors into `StorageError`s the user can act on."""
    try:
        yield
    except ERRORS.error as exc:
        raise describe(exc, path) from exc
