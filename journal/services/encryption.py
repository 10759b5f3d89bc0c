"""Encryption at rest for the app: unlocking, the system keyring, and turning it on.

The storage side is `journal.storage.cipher` (keys, SQLCipher) and `journal.storage.convert`
(the verified conversion); this module is what the windows use, so ui/ never touches storage.

Remembering a passphrase is off by default. When the user ticks it, the passphrase goes to the
system keyring (`keyring`: Secret Service, macOS Keychain, Windows Credential Locker) under
the service "Daybook" and the journal's path; unticking it deletes that item. Nothing else
ever stores it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal import keyring_store
from journal.errors import InputError, WrongPassphraseError

if TYPE_CHECKING:
    from journal.paths import AppPaths
    from journal.services.journal import Journal

KEYRING_SERVICE = "Daybook"
EXPORT_FIRST = (
    "A forgotten passphrase means the journal cannot be read by anyone, you included, and no "
    "one can recover it. Export a copy first if you wish (File > Export, JSON)."
)


def is_encrypted(paths: AppPaths) -> bool:
    from journal.storage.cipher import is_encrypted

    return is_encrypted(paths.database)


def locked(paths: AppPaths) -> bool:
    """Whether the journal is encrypted and not unlocked in this process."""
    from journal.errors import LockedJournalError
    from journal.storage.cipher import key_for

    try:
        key_for(paths.database)
    except LockedJournalError:
        return True
    return False


def require() -> None:
    """Raise `EncryptionUnavailableError` (saying how to install it) without SQLCipher."""
    from journal.storage.cipher import sqlcipher

    sqlcipher()


def unlock(paths: AppPaths, passphrase: str, remember: bool | None = None) -> None:
    """Check `passphrase` and keep the journal's key for this process; `remember` True
    stores it in the system keyring, False deletes it from there, None leaves it.

    A journal whose first page is damaged is unlocked too when the passphrase is proven on
    its other pages (with the salt of its marker or of a backup): opening it then reports
    the damage, and the rescue restores a backup (`journal.services.health`)."""
    from journal import cancel
    from journal.storage import cipher

    cipher.unlock(paths.database, passphrase, backup_salts(paths))
    cancel.check()  # the dialog was closed meanwhile: the keyring is left alone
    if remember is True:
        remember_passphrase(paths, passphrase)
    elif remember is False:
        forget_passphrase(paths)


def backup_salts(paths: AppPaths) -> list[bytes]:
    """The salts of the encrypted backups in the backups folder, newest first: a journal
    whose own salt is damaged shares one with the backups made under its key."""
    from journal.services.backups import list_backups
    from journal.storage.cipher import SALT_BYTES, SQLITE_HEADER, read_head

    salts: list[bytes] = []
    for backup in list_backups(paths.backups):
        head = read_head(backup.path)
        if head and len(head) == SALT_BYTES and head != SQLITE_HEADER and head not in salts:
            salts.append(head)
    return salts


def unlock_from_keyring(paths: AppPaths) -> bool:
    """Unlock with a passphrase remembered in the keyring, if there is one that works."""
    passphrase = remembered_passphrase(paths)
    if passphrase is None:
        return False
    try:
        unlock(paths, passphrase)
    except WrongPassphraseError:
        forget_passphrase(paths)  # changed since: the dialog asks, and may remember again
        return False
    return True


def remembered_passphrase(paths: AppPaths) -> str | None:
    return keyring_store.read(KEYRING_SERVICE, str(paths.database))


def remember_passphrase(paths: AppPaths, passphrase: str) -> None:
    otherwise = "type the passphrase at each start"
    keyring_store.keep(KEYRING_SERVICE, str(paths.database), passphrase, "passphrase", otherwise)


def forget_passphrase(paths: AppPaths) -> None:
    keyring_store.forget(KEYRING_SERVICE, str(paths.database))


def convert_open_journal(journal: Journal, passphrase: str | None) -> None:
    """Encrypt the open `journal` with `passphrase`, change its passphrase, or (None) turn
    encryption off: its store is closed, converted through a verified copy, and opened
    again (as after a restore), whatever happened. Drafts then go to memory (`DraftStore`)."""
    from journal.storage import cipher, convert
    from journal.storage.db import DEFAULT_BUSY_TIMEOUT_MS
    from journal.storage.store import JournalStore

    if passphrase is not None and not passphrase:
        raise InputError("the passphrase is empty; nothing was changed", "choose one")
    cipher.sqlcipher()
    old = journal.store.key
    new = cipher.Key.derive(passphrase) if passphrase is not None else None
    journal.store.close()
    try:
        convert.convert(journal.paths.database, old, new, DEFAULT_BUSY_TIMEOUT_MS)
    finally:
        journal.store = JournalStore.open(journal.paths)
    if new is None:
        forget_passphrase(journal.paths)


def encrypt(paths: AppPaths, passphrase: str) -> None:
    """Encrypt the (closed) journal with `passphrase` through a verified copy."""
    from journal.storage import cipher, convert
    from journal.storage.db import DEFAULT_BUSY_TIMEOUT_MS

    if not passphrase:
        raise InputError("the passphrase is empty; nothing was changed", "choose one")
    cipher.sqlcipher()
    convert.convert(paths.database, None, cipher.Key.derive(passphrase), DEFAULT_BUSY_TIMEOUT_MS)
