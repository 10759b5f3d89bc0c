"""Encryption at rest: SQLCipher 4 for the whole journal file, its -wal and its backups.

An encrypted journal is an ordinary Daybook database written through SQLCipher (the
`sqlcipher3` module, installed with the `encryption` extra). Plain journals keep using the
standard `sqlite3` module: this module is imported, and SQLCipher loaded, only for an
encrypted one.

How a journal is known to be encrypted: its first 16 bytes are not "SQLite format 3" (they are
SQLCipher's random salt) AND the marker file `<journal>.encrypted` lies beside it. The header
decides first (a file starting with "SQLite format 3" is plain, whatever the marker says: the
marker is then left over from an interrupted conversion and is removed); the marker only tells
"encrypted, needs a passphrase" apart from "damaged or not a database", which is refused as
before. The marker holds no secret, only a line saying what it is.

Keys: SQLCipher 4's defaults (PBKDF2-HMAC-SHA512, 256,000 iterations, 16-byte random salt
stored in the file's first bytes, AES-256-CBC with a per-page HMAC-SHA512). The key is derived
once per unlock (about half a second) with the same function SQLCipher uses, and every
connection is then opened with the derived raw key and the file's salt (`x'<key><salt>'`), so
a pool of connections does not pay the derivation each time. A file created with that raw key
(a backup, a converted copy) gets the same salt, so the passphrase opens it too. The
passphrase itself is never kept and never written anywhere; the derived key stays in the
memory of the process that unlocked the journal.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journal.errors import (
    EncryptionUnavailableError,
    LockedJournalError,
    StorageError,
    WrongPassphraseError,
)

if TYPE_CHECKING:
    from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default (cipher_compatibility = 4)
KDF_HASH = "sha512"
MARKER_SUFFIX = ".encrypted"
MARKER_TEXT = (
    "This Daybook journal is encrypted with SQLCipher 4. Keep this file beside it: without it\n"
    "Daybook takes the journal for a damaged file. It holds no key or passphrase.\n"
)
ENABLE_HINT = "install encryption support with `pip install 'daybook[encryption]'` (sqlcipher3)"


class _Errors:
    """The database exception classes of every module in use: `sqlite3`, and `sqlcipher3`
    once loaded (its classes do not derive from sqlite3's). Catch with `except ERRORS.error`:
    the tuple is looked up when an exception is matched, so it includes sqlcipher3 as soon as
    an encrypted journal was opened."""

    def __init__(self) -> None:
        self.error: tuple[type[Exception], ...] = (sqlite3.Error,)
        self.database: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
        self.operational: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

    def add(self, module: Any) -> None:
        if module.Error not in self.error:
            self.error += (module.Error,)
            self.database += (module.DatabaseError,)
            self.operational += (module.OperationalError,)


ERRORS = _Errors()


def sqlcipher() -> Any:
    """The sqlcipher3 DB-API module, or a clear error saying how to install it."""
    try:
        import sqlcipher3.dbapi2 as module  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise EncryptionUnavailableError(
            "this Daybook has no encryption support", ENABLE_HINT
        ) from None
    ERRORS.add(module)
    return module


def available() -> bool:
    try:
        sqlcipher()
    except EncryptionUnavailableError:
        return False
    return True


@dataclass(frozen=True)
class Key:
    """A key derived from a passphrase for one salt: opens every file with that salt."""

    raw: bytes = field(repr=False)
    salt: bytes

    @classmethod
    def derive(cls, passphrase: str, salt: bytes | None = None) -> Key:
        if not passphrase:
            raise WrongPassphraseError("the passphrase is empty", "type a passphrase")
        salt = os.urandom(SALT_BYTES) if salt is None else salt
        raw = hashlib.pbkdf2_hmac(
            KDF_HASH, passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
        )
        return cls(raw, salt)

    @property
    def pragma(self) -> str:
        """The value for `PRAGMA key` / `ATTACH … KEY`: raw key and salt, as SQL."""
        return f"\"x'{self.raw.hex()}{self.salt.hex()}'\""


def marker(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def read_head(path: Path) -> bytes | None:
    """The first 16 bytes of `path`, None if it does not exist (b"" if empty)."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None


def is_encrypted(path: Path) -> bool:
    """Whether `path` is an encrypted journal (see the module's docstring); a stale marker
    beside a plain or missing journal is removed."""
    head = read_head(path)
    mark = marker(path)
    if head is None or head == SQLITE_HEADER or not head:
        if head is not None and head == SQLITE_HEADER:
            with contextlib.suppress(OSError):
                mark.unlink()
        return False
    return len(head) == SALT_BYTES and mark.exists()


def write_marker(path: Path) -> None:
    from journal.fileio import atomic_write

    atomic_write(marker(path), MARKER_TEXT.encode("utf-8"))


# -- the keys of the journals this process unlocked --------------------------------------------

_KEYS: dict[str, Key] = {}
_KEYS_GUARD = threading.Lock()


def _name(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def remember(path: Path, key: Key) -> None:
    with _KEYS_GUARD:
        _KEYS[_name(path)] = key


def forget(path: Path) -> None:
    with _KEYS_GUARD:
        _KEYS.pop(_name(path), None)


def remembered_key(path: Path) -> Key | None:
    """The key this process unlocked `path` with, if any (never raises)."""
    with _KEYS_GUARD:
        return _KEYS.get(_name(path))


def key_for(path: Path) -> Key | None:
    """The key to open the journal `path` with: None for a plain journal; raises
    `LockedJournalError` for an encrypted one not unlocked in this process."""
    if not is_encrypted(path):
        return None
    with _KEYS_GUARD:
        key = _KEYS.get(_name(path))
    if key is None or key.salt != read_head(path):
        raise LockedJournalError(
            f"the journal {path} is encrypted",
            "give its passphrase (DAYBOOK_PASSPHRASE, or --passphrase-stdin)",
        )
    return key


def unlock(path: Path, passphrase: str) -> Key:
    """Check `passphrase` against the encrypted file `path` (reading only) and remember its
    key for this process."""
    key = open_key(path, passphrase)
    remember(path, key)
    return key


def open_key(path: Path, passphrase: str) -> Key:
    """The key `passphrase` gives for the encrypted file `path`, checked by reading it."""
    sqlcipher()
    head = read_head(path)
    if head is None or len(head) != SALT_BYTES or head == SQLITE_HEADER:
        raise StorageError(f"{path} is not an encrypted journal", "check the file name")
    key = Key.derive(passphrase, head)
    if not opens(path, key):
        raise WrongPassphraseError(f"wrong passphrase for {path}; nothing was changed", "try again")
    return key


def opens(path: Path, key: Key) -> bool:
    """Whether `key` reads the encrypted file `path` (read-only; nothing is written)."""
    try:
        conn = connect(f"file:{path}?mode=ro", key, uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except ERRORS.database:
        return False
    return True


def connect(database: str, key: Key | None, **kwargs: Any) -> sqlite3.Connection:
    """THE way a journal file (or a backup of one) is opened: with `sqlite3` when `key` is
    None, else with sqlcipher3 and the key set before anything is read."""
    if key is None:
        plain: sqlite3.Connection = sqlite3.connect(database, **kwargs)
        return plain
    module = sqlcipher()
    conn: sqlite3.Connection = module.connect(database, **kwargs)
    try:
        # SQLCipher writes its own log lines to stderr on a wrong key: Daybook says it once.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.pragma}")
    except BaseException:
        conn.close()
        raise
    return conn
