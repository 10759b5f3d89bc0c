"""`daybook encrypt`, `decrypt` and `passwd`, and unlocking an encrypted journal for the
other commands. Passphrases come from $DAYBOOK_PASSPHRASE (the current one), from standard
input with --passphrase-stdin (one per line), or from a prompt on a terminal; never from an
argument, where other users could read them in the process list."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from journal.errors import InputError, StorageError

if TYPE_CHECKING:
    from journal.paths import AppPaths

ENV_PASSPHRASE = "DAYBOOK_PASSPHRASE"
ENV_BACKUP_PASSPHRASE = "DAYBOOK_BACKUP_PASSPHRASE"
COMMANDS = ("encrypt", "decrypt", "passwd")
STDIN_HELP = "read the passphrase(s) from standard input, one per line (for scripts)"
WARNING = (
    "a forgotten passphrase means the journal cannot be read by anyone, you included; "
    "keep a copy first if you wish (`daybook export --format json -o FILE`)"
)


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    e = sub.add_parser(
        "encrypt",
        help="encrypt the journal with a passphrase (SQLCipher)",
        description="Encrypt the journal, its search index and its future backups with a "
        f"passphrase, asked twice on a terminal. {WARNING[0].upper()}{WARNING[1:]}.",
    )
    d = sub.add_parser("decrypt", help="turn encryption off (the journal is stored in plain)")
    w = sub.add_parser(
        "passwd",
        help="change the journal's passphrase",
        description="Change the passphrase. With --passphrase-stdin: the current passphrase "
        f"on the first line (or in ${ENV_PASSPHRASE}), the new one on the next.",
    )
    for parser in (e, d, w):
        parser.add_argument(
            "--passphrase-stdin", action="store_true", default=argparse.SUPPRESS, help=STDIN_HELP
        )


def _line(prompt: str) -> str:
    """One passphrase from standard input (its line, without the line break)."""
    line = sys.stdin.readline()
    if not line:
        raise InputError(f"no {prompt} on standard input", "write it on its own line")
    return line.rstrip("\r\n")


def current_passphrase(args: argparse.Namespace, what: str) -> str:
    """The passphrase of an encrypted journal: environment, standard input or terminal."""
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if getattr(args, "passphrase_stdin", False):
        return _line("passphrase")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"passphrase for {what}: ")
    raise StorageError(
        f"the journal {what} is encrypted",
        f"give its passphrase in ${ENV_PASSPHRASE} or on standard input with --passphrase-stdin",
    )


def new_passphrase(args: argparse.Namespace) -> str:
    """A new passphrase: the next line of standard input, or typed twice on a terminal."""
    if args.passphrase_stdin:
        chosen = _line("new passphrase")
    elif sys.stdin.isatty():
        import getpass

        chosen = getpass.getpass("new passphrase: ")
        if getpass.getpass("the same again: ") != chosen:
            raise InputError("the two passphrases differ; nothing was changed", "try again")
    else:
        raise InputError(
            "no terminal to ask the new passphrase on",
            "give it on standard input with --passphrase-stdin",
        )
    if not chosen:
        raise InputError("the passphrase is empty; nothing was changed", "choose one")
    return chosen


def backup_passphrase(paths: AppPaths, args: argparse.Namespace) -> str | None:
    """For `restore`: the passphrase of an encrypted backup that the journal's key does not
    open ($DAYBOOK_BACKUP_PASSPHRASE, the next line of standard input with
    --passphrase-stdin, or a prompt on a terminal); None when not needed. The passphrase
    given for a journal that could not be checked is tried on the backup first."""
    from journal.storage import cipher

    source = args.file
    head = cipher.read_head(source)
    if head is None or len(head) != cipher.SALT_BYTES or head == cipher.SQLITE_HEADER:
        return None  # plain, missing or not a database: the restore says which
    key = cipher.remembered_key(paths.database) if cipher.is_encrypted(paths.database) else None
    if key is not None and cipher.opens(source, key):
        return None
    # The passphrase given for a journal that could not be checked, or one that no longer
    # looks encrypted (its first bytes gone), is most likely its backups' too.
    typed: str | None = getattr(args, "unchecked_passphrase", None)
    if key is None and typed is None:
        typed = os.environ.get(ENV_PASSPHRASE)
    backup_env = os.environ.get(ENV_BACKUP_PASSPHRASE)
    if typed and not backup_env and cipher.opens(source, cipher.Key.derive(typed, head)):
        return typed
    if backup_env:
        return backup_env
    if getattr(args, "passphrase_stdin", False):
        return _line("backup passphrase")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"passphrase of the backup {source}: ")
    return None  # refused by the restore with a message saying what to give


def unlock_for_restore(paths: AppPaths, args: argparse.Namespace) -> bool:
    """Before `restore`: unlock an encrypted journal as `unlock` does. True when its
    passphrase could not be checked (no page of the journal proves it) and --damaged says
    to restore anyway; without --damaged that is refused, nothing changed."""
    from journal.errors import WrongPassphraseError
    from journal.services import encryption
    from journal.storage import cipher

    path = paths.database
    if not cipher.is_encrypted(path):
        return False
    cipher.sqlcipher()
    passphrase = current_passphrase(args, str(path))
    try:
        encryption.unlock(paths, passphrase)
    except WrongPassphraseError:
        if not args.damaged:
            raise WrongPassphraseError(
                f"the passphrase does not open the journal {path}: it is wrong, or the journal "
                "is too damaged to check it; nothing was changed",
                "type it again; if the journal is damaged, `daybook restore --damaged FILE` "
                "moves it aside unchanged and restores FILE",
            ) from None
        args.unchecked_passphrase = passphrase
        return True
    return False


def unlock(paths: AppPaths, args: argparse.Namespace) -> None:
    """Before a command opens the journal: if it is encrypted, get and check the passphrase
    (a wrong one is one line, exit 1, nothing written)."""
    from journal.services import encryption
    from journal.storage import cipher

    path = paths.database
    if cipher.is_encrypted(path):
        cipher.sqlcipher()
        encryption.unlock(paths, current_passphrase(args, str(path)))


def run(paths: AppPaths, args: argparse.Namespace) -> int:
    from journal.storage import cipher, convert, db

    path = paths.database
    encrypted = cipher.is_encrypted(path)
    cipher.sqlcipher()  # says how to install it when missing
    if args.command == "encrypt":
        if encrypted:
            raise InputError(f"the journal {path} is already encrypted", "see `daybook passwd`")
        _refuse_drafts(paths)
        _upgrade(paths)
        print(f"daybook: {WARNING}", file=sys.stderr)
        convert.convert(path, None, cipher.Key.derive(new_passphrase(args)), _timeout())
        print(f"encrypted {path}", file=sys.stderr)
        _old_backups(paths)
        return 0
    if not encrypted:
        if not path.exists():
            raise InputError(f"there is no journal at {path}", "check --home")
        db.check_header(path)
        raise InputError(f"the journal {path} is not encrypted", "see `daybook encrypt`")
    old = cipher.unlock(path, current_passphrase(args, str(path)))
    _upgrade(paths)
    if args.command == "decrypt":
        convert.convert(path, old, None, _timeout())
        print(f"decrypted {path}: it is now stored in plain", file=sys.stderr)
        return 0
    convert.convert(path, old, cipher.Key.derive(new_passphrase(args)), _timeout())
    print(
        f"changed the passphrase of {path}; backups made before now still need the old one",
        file=sys.stderr,
    )
    return 0


def _timeout() -> int:
    from journal.storage.db import DEFAULT_BUSY_TIMEOUT_MS

    return DEFAULT_BUSY_TIMEOUT_MS


def _upgrade(paths: AppPaths) -> None:
    """Open and close the journal once: creates it if new, upgrades an old schema, so the
    conversion copies a current journal."""
    from journal.storage.store import JournalStore

    JournalStore.open(paths).close()


def _refuse_drafts(paths: AppPaths) -> None:
    """Unsaved drafts are plain files: encrypting around them would leave their text in
    plain, so the user saves or discards them first."""
    drafts = sorted(paths.drafts.rglob("*.json")) if paths.drafts.is_dir() else []
    if drafts:
        raise InputError(
            f"{len(drafts)} unsaved draft(s) are kept in plain text in {paths.drafts}; "
            "nothing was changed",
            "open Daybook to save or discard them, then encrypt",
        )


def _old_backups(paths: AppPaths) -> None:
    from journal.services.backups import list_backups
    from journal.storage.cipher import SQLITE_HEADER, read_head

    plain = [b for b in list_backups(paths.backups) if read_head(b.path) == SQLITE_HEADER]
    if plain:
        print(
            f"daybook: {len(plain)} backup(s) made before now in {paths.backups} are not "
            "encrypted; delete them if they must not be read",
            file=sys.stderr,
        )
