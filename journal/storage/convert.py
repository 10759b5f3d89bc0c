"""Turning encryption on, off, or changing its key: always through a verified copy.

`convert(path, old, new)` rewrites the journal `path` (read with the key `old`, None when
plain) into `<journal>.converting` with the key `new` (None for plain) using SQLCipher's
`sqlcipher_export`, checks the copy (integrity_check, the search index, the rows of every
table against the original), and only then renames it over the journal. At every moment one
complete journal is under the journal's name:

1. The source is checkpointed and switched out of WAL mode, so no -wal holds anything the copy
   would miss, and nothing else may have it open (switching needs the only connection).
2. The copy is written, flushed and verified. A crash here leaves the journal as it was and a
   partial `.converting` file, deleted by the next conversion.
3. Encrypting: the marker `<journal>.encrypted` is written (a marker beside a plain journal is
   ignored and removed: the header decides). The plain file gets a second name
   `<journal>.old-plaintext`, the copy is renamed over the journal, the marker of a decrypted
   journal is removed, and the old plain file is overwritten with zeros and deleted. A crash
   after the rename leaves that file behind: the next open of the encrypted journal erases
   it (`erase_leftovers`). Overwriting is best effort: SSDs and copy-on-write file systems may
   keep old blocks (full-disk encryption is what protects those).

Until step 3 the work can be stopped (`journal.cancel`: Cancel in the app, Ctrl+C): SQLite
is interrupted between its steps, the partial copy deleted, and `Cancelled` raised with the
journal as it was. From the swap on it runs to its end.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from journal import cancel
from journal.errors import StorageError
from journal.fileio import fsync_dir
from journal.storage import cipher, db
from journal.storage.cipher import ERRORS, Key
from journal.storage.sql import fts_problems

CONVERTING = ".converting"
OLD_PLAINTEXT = ".old-plaintext"
_ZEROS = bytes(1 << 20)


def partial_copy(path: Path) -> Path:
    return path.with_name(path.name + CONVERTING)


def old_plaintext(path: Path) -> Path:
    return path.with_name(path.name + OLD_PLAINTEXT)


def erase_leftovers(path: Path) -> None:
    """Erase the old plain file of an encryption interrupted after its rename (its bytes are
    overwritten unless it is still the journal itself, i.e. the rename had not happened)."""
    old = old_plaintext(path)
    if not old.exists():
        return
    with contextlib.suppress(OSError):
        if not (path.exists() and os.path.samefile(old, path)):
            _overwrite(old)
        old.unlink()


def convert(path: Path, old: Key | None, new: Key | None, busy_timeout_ms: int) -> None:
    """Rewrite the journal `path` from the key `old` to the key `new` (see the module)."""
    module = cipher.sqlcipher()
    tmp = partial_copy(path)
    engine = db.open_engine(path, busy_timeout_ms, key=old)
    with db.translate_errors(path), db.exclusive_writer(engine):
        if db.in_use_by_this_process(path, engine):
            raise _in_use(path)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        src = module.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None)
        src.set_progress_handler(cancel.stop_requested, 1000)  # a true result interrupts
        try:
            src.execute("PRAGMA cipher_log_level = NONE")
            if old is not None:
                src.execute(f"PRAGMA key = {old.pragma}")
            _only_user(src, path)
            expected = _counts(src, "main")
            db.create_private_file(tmp)
            target_key = new.pragma if new is not None else "''"
            src.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(tmp),))
            src.execute("SELECT sqlcipher_export('converted')")
            src.execute("DETACH DATABASE converted")
            _verify(tmp, new, expected)
            cancel.check()  # the last moment it may stop: from here on it runs to its end
            if new is not None:
                cipher.write_marker(path, new.salt)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            cancel.check()  # interrupted on request: `Cancelled`, not an error
            raise
        finally:
            src.close()
        _swap(path, tmp, plain_before=old is None)
        if new is None:
            with contextlib.suppress(FileNotFoundError):
                cipher.marker(path).unlink()
            fsync_dir(path.parent)
    engine.dispose()
    if new is None:
        cipher.forget(path)
    else:
        cipher.remember(path, new)


def _only_user(conn: object, path: Path) -> None:
    """Checkpoint and leave WAL mode; fails if another program has the journal open."""
    execute = conn.execute  # type: ignore[attr-defined]
    execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        mode = execute("PRAGMA journal_mode = DELETE").fetchone()
    except ERRORS.operational:
        mode = None
    if mode is None or str(mode[0]).lower() != "delete":
        raise _in_use(path)
    # Hold the file's lock from now on: nobody else may switch it back to WAL meanwhile.
    execute("PRAGMA locking_mode = EXCLUSIVE")
    execute("SELECT count(*) FROM sqlite_master").fetchone()


def _in_use(path: Path) -> StorageError:
    return StorageError(
        f"the journal {path} is open in another Daybook window or command; nothing was changed",
        "close it and try again",
    )


def _counts(conn: object, schema: str) -> dict[str, int]:
    execute = conn.execute  # type: ignore[attr-defined]
    names = [
        str(r[0]) for r in execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    ]
    return {n: int(execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]) for n in names}


def _verify(tmp: Path, key: Key | None, expected: dict[str, int]) -> None:
    conn = cipher.connect(str(tmp), key, isolation_level=None)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if result == ["ok"] else result[:5]
        problems += fts_problems(conn.cursor())
        found = _counts(conn, "main")
    finally:
        conn.close()
    if found != expected:
        problems.append(f"rows differ: {expected} before, {found} in the copy")
    if problems:
        raise StorageError(
            f"the converted copy of the journal failed its check ({'; '.join(problems)}); "
            "the journal was left as it was",
            "run `daybook check`, then try again",
        )
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())


def _swap(path: Path, tmp: Path, plain_before: bool) -> None:
    for side in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{side}").unlink()  # empty after leaving WAL mode; never replayed
    old = old_plaintext(path)
    if plain_before:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
        try:
            os.link(path, old)
        except OSError:  # no hard links (FAT): the old file is only unlinked by the rename
            plain_before = False
    os.replace(tmp, path)
    fsync_dir(path.parent)
    if plain_before:
        erase_leftovers(path)


def _overwrite(file: Path) -> None:
    size = file.stat().st_size
    with open(file, "r+b") as fh:
        done = 0
        while done < size:
            done += fh.write(_ZEROS[: min(len(_ZEROS), size - done)])
        fh.flush()
        os.fsync(fh.fileno())
