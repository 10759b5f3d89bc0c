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

A journal whose first page is damaged (its salt, or the page SQLCipher checks the key on)
cannot tell a right passphrase from a wrong one by opening it. Every other page carries its
own HMAC, though: a key under which any page of the file verifies is the journal's key
(`fits`, which checks a sample of pages itself: SQLCipher's cipher_integrity_check agrees
but reads the whole file, about a second per 100 MB). So `unlock` also tries the
passphrase on the pages, with the file's salt, the salt kept in the marker and the salts of
the journal's backups, and remembers a key proven that way. The journal then opens (a
damaged salt only) or is found damaged by the ordinary checks, and can be restored.
"""

from __future__ import annotations

import contextlib
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
    from collections.abc import Iterable
    from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default (cipher_compatibility = 4)
KDF_HASH = "sha512"
MARKER_SUFFIX = ".encrypted"
MARKER_TEXT = (
    "This Daybook journal is encrypted with SQLCipher 4. Keep this file beside it: without it\n"
    "Daybook takes the journal for a damaged file. It holds no key or passphrase, only the\n"
    "journal's salt (public: it is also the first bytes of the journal), with which a\n"
    "journal whose first bytes are damaged can still be unlocked and restored.\n"
)
MARKER_SALT = "salt: "
PAGE_SIZE = 4096  # SQLCipher 4's default
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
        import hashlib  # ~4 ms at start, for encrypted journals only

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


def write_marker(path: Path, salt: bytes) -> None:
    """The marker beside the encrypted journal `path`, with its `salt` (see `marker_salt`)."""
    from journal.fileio import atomic_write

    text = f"{MARKER_TEXT}{MARKER_SALT}{salt.hex()}\n"
    atomic_write(marker(path), text.encode("utf-8"))


def marker_salt(path: Path) -> bytes | None:
    """The salt written in the marker of `path`, if it holds a well-formed one (markers
    written before salts were kept hold none)."""
    try:
        text = marker(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(MARKER_SALT):
            with contextlib.suppress(ValueError):
                salt = bytes.fromhex(line[len(MARKER_SALT) :].strip())
                if len(salt) == SALT_BYTES:
                    return salt
    return None


# -- the keys of the journals this process unlocked --------------------------------------------

# Each key with the first bytes the file had when the key was proven (its salt, unless the
# key was proven by `fits` on a file whose salt is damaged).
_KEYS: dict[str, tuple[Key, bytes | None]] = {}
_KEYS_GUARD = threading.Lock()


def _name(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def remember(path: Path, key: Key) -> None:
    """Keep `key` as the key of `path` for this process, for the file as it is now."""
    head = read_head(path)
    with _KEYS_GUARD:
        _KEYS[_name(path)] = (key, head)


def forget(path: Path) -> None:
    with _KEYS_GUARD:
        _KEYS.pop(_name(path), None)


def remembered_key(path: Path) -> Key | None:
    """The key this process unlocked `path` with, if any (never raises)."""
    with _KEYS_GUARD:
        found = _KEYS.get(_name(path))
    return None if found is None else found[0]


def key_for(path: Path) -> Key | None:
    """The key to open the journal `path` with: None for a plain journal; raises
    `LockedJournalError` for an encrypted one not unlocked in this process."""
    if not is_encrypted(path):
        return None
    with _KEYS_GUARD:
        key, proven_on = _KEYS.get(_name(path), (None, None))
    if key is None or read_head(path) not in (key.salt, proven_on):
        raise LockedJournalError(
            f"the journal {path} is encrypted",
            "give its passphrase (DAYBOOK_PASSPHRASE, or --passphrase-stdin)",
        )
    return key


def unlock(path: Path, passphrase: str, salts: Iterable[bytes] = ()) -> Key:
    """Check `passphrase` against the encrypted file `path` (reading only) and remember its
    key for this process. When it does not open the file, the passphrase is tried with the
    file's salt, the marker's and `salts` (its backups') on the file's pages (`fits`): a key
    proven there is remembered too, and the ordinary checks then find what is damaged."""
    key = Key.derive(passphrase, _salt_of(path))
    if not opens(path, key):
        proven = key if fits(path, key) else proven_key(path, passphrase, salts, key.salt)
        if proven is None:
            raise _wrong(path)
        key = proven
    remember(path, key)
    return key


MAX_SALTS = 4  # each costs a key derivation (about 0.8 s) on a wrong passphrase


def proven_key(
    path: Path, passphrase: str, salts: Iterable[bytes] = (), tried: bytes | None = None
) -> Key | None:
    """The key `passphrase` gives with one of the candidate salts (the file's own, the
    marker's, then `salts`; not `tried`) under which a page of `path` verifies, or None."""
    candidates: list[bytes] = [] if tried is None else [tried]
    for salt in (read_head(path), marker_salt(path), *salts):
        if salt and len(salt) == SALT_BYTES and salt != SQLITE_HEADER and salt not in candidates:
            candidates.append(salt)
    for salt in candidates[:MAX_SALTS]:
        if salt == tried:
            continue
        key = Key.derive(passphrase, salt)
        if fits(path, key):
            return key
    return None


# SQLCipher 4's page layout (its defaults, which every Daybook file uses): each page ends
# with a 16-byte IV and a 64-byte HMAC-SHA512 of the page's ciphertext, its IV and its page
# number (4 bytes, little-endian); page 1 starts with the salt, outside the HMAC. The HMAC
# key is PBKDF2-HMAC-SHA512 of the key, with the salt XOR 0x3a, in 2 iterations.
_IV_BYTES = 16
_HMAC_BYTES = 64
_RESERVE = _IV_BYTES + _HMAC_BYTES
_HMAC_SALT_MASK = 0x3A
_HMAC_KDF_ITERATIONS = 2
SAMPLED_PAGES = 64  # pages read by `fits`: a wrong key fails them all in about a millisecond


def fits(path: Path, key: Key) -> bool:
    """Whether some page of the encrypted file `path` verifies under `key`: every page has
    its own HMAC, so a damaged first page or salt does not hide the right key, and a wrong
    key fails them all. Reads (never writes) the first pages and pages spread over the file,
    `SAMPLED_PAGES` in all, so a wrong passphrase costs no more than its key derivation.
    A file with no whole page proves nothing."""
    import hashlib  # loaded on use: a plain journal's commands never need it

    hmac_salt = bytes(b ^ _HMAC_SALT_MASK for b in key.salt)
    hmac_key = hashlib.pbkdf2_hmac(KDF_HASH, key.raw, hmac_salt, _HMAC_KDF_ITERATIONS, KEY_BYTES)
    try:
        with path.open("rb") as fh:
            pages = os.fstat(fh.fileno()).st_size // PAGE_SIZE
            for number in _sample(pages):
                fh.seek((number - 1) * PAGE_SIZE)
                if _page_verifies(fh.read(PAGE_SIZE), number, hmac_key):
                    return True
    except OSError:
        return False
    return False


def _sample(pages: int) -> list[int]:
    """The page numbers `fits` reads: the first ones, then evenly spread to the last."""
    first = list(range(1, min(pages, SAMPLED_PAGES // 8) + 1))
    rest = SAMPLED_PAGES - len(first)
    spread = {1 + (pages - 1) * i // max(1, rest - 1) for i in range(rest)} if pages else set()
    return first + sorted(spread - set(first))


def _page_verifies(page: bytes, number: int, hmac_key: bytes) -> bool:
    import hmac

    if len(page) != PAGE_SIZE:
        return False
    start = SALT_BYTES if number == 1 else 0
    end = PAGE_SIZE - _RESERVE + _IV_BYTES  # the ciphertext and the IV
    mac = hmac.new(hmac_key, page[start:end] + number.to_bytes(4, "little"), KDF_HASH)
    return hmac.compare_digest(mac.digest(), page[end : end + _HMAC_BYTES])


def open_key(path: Path, passphrase: str) -> Key:
    """The key `passphrase` gives for the encrypted file `path`, checked by reading it."""
    key = Key.derive(passphrase, _salt_of(path))
    if not opens(path, key):
        raise _wrong(path)
    return key


def _salt_of(path: Path) -> bytes:
    """The salt of the encrypted file `path` (its first bytes); SQLCipher loaded."""
    sqlcipher()
    head = read_head(path)
    if head is None or len(head) != SALT_BYTES or head == SQLITE_HEADER:
        raise StorageError(f"{path} is not an encrypted journal", "check the file name")
    return head


def _wrong(path: Path) -> WrongPassphraseError:
    return WrongPassphraseError(f"wrong passphrase for {path}; nothing was changed", "try again")


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
