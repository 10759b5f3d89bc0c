"""Encryption at rest (SQLCipher): on, off, change, unlocking, backups, drafts, canaries."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.cli import main
from journal.domain.filters import EntryFilter
from journal.errors import (
    DamagedJournalError,
    LockedJournalError,
    StorageError,
    WrongPassphraseError,
)
from journal.paths import AppPaths
from journal.services.drafts import Draft, DraftStore
from journal.services.journal import Journal
from journal.storage import cipher, convert
from tests.helpers import make_old_journal

if TYPE_CHECKING:
    from collections.abc import Iterator

pytest.importorskip("sqlcipher3")

CANARY = "Zanzibar7canary"
PASS = "correct horse"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fewer PBKDF2 rounds, so each test does not pay half a second per derivation (one
    test checks SQLCipher's own derivation with the real count)."""
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)
    yield
    cipher._KEYS.clear()


def _fill(paths: AppPaths, n: int = 30) -> None:
    with Journal.open(paths) as j:
        for i in range(n):
            j.add(f"{CANARY} entry {i} about the deploy pipeline", tags=["work"], title=f"T{i}")


def _encrypt(paths: AppPaths, passphrase: str = PASS) -> cipher.Key:
    key = cipher.Key.derive(passphrase)
    convert.convert(paths.database, None, key, 5000)
    return key


Timeline = list[tuple[int, str, str, tuple[str, ...]]]


def _snapshot(paths: AppPaths) -> tuple[Timeline, list[tuple[int, str]]]:
    with Journal.open(paths) as j:
        timeline = [(e.id, e.title, e.body, e.tags) for e in j.list_entries(EntryFilter())]
        _, hits = j.search("deploy", EntryFilter())
        return timeline, [(h.entry.id, h.snippet) for h in hits]


def _bytes_hold_canary(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]


def _cli(args: list[str], stdin: str = "") -> int:
    sys.stdin = io.StringIO(stdin)
    try:
        return main(args)
    finally:
        sys.stdin = sys.__stdin__


def test_encrypt_and_decrypt_keep_search_and_timeline(paths: AppPaths) -> None:
    _fill(paths)
    before = _snapshot(paths)
    _encrypt(paths)
    assert cipher.is_encrypted(paths.database)
    assert _snapshot(paths) == before
    with Journal.open(paths) as j:
        assert j.check() == []
    cipher.forget(paths.database)
    cipher.unlock(paths.database, PASS)
    convert.convert(paths.database, cipher.key_for(paths.database), None, 5000)
    assert not cipher.is_encrypted(paths.database)
    assert not cipher.marker(paths.database).exists()
    assert paths.database.read_bytes().startswith(cipher.SQLITE_HEADER)
    assert _snapshot(paths) == before


def test_no_canary_in_journal_wal_backups_or_drafts_after_encryption(paths: AppPaths) -> None:
    _fill(paths)
    _encrypt(paths)
    with Journal.open(paths) as j:
        j.add(f"written after encryption {CANARY}")  # into the -wal while the store is open
        wal = Path(f"{paths.database}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert _bytes_hold_canary(paths.home) == []
        j.backup()
        drafts = DraftStore.for_journal(paths.drafts, paths)
        drafts.save(_draft(f"unsaved {CANARY}"))
        assert drafts.load("k1") is not None
        assert [d.key for d in drafts.pending()] == ["k1"]
        assert _bytes_hold_canary(paths.home) == []
    assert _bytes_hold_canary(paths.home) == []
    assert not convert.old_plaintext(paths.database).exists()
    assert not convert.partial_copy(paths.database).exists()


def _draft(body: str) -> Draft:
    import datetime as dt

    return Draft("k1", None, dt.date(2026, 1, 2), "", body, (), False, dt.datetime(2026, 1, 2))


def test_plain_journal_keeps_drafts_on_disk(paths: AppPaths) -> None:
    _fill(paths, 1)
    drafts = DraftStore.for_journal(paths.drafts, paths)
    drafts.save(_draft("kept on disk"))
    assert (paths.drafts / "k1.json").exists()


def test_locked_wrong_and_right_passphrase(paths: AppPaths) -> None:
    _fill(paths, 3)
    _encrypt(paths)
    cipher.forget(paths.database)
    with pytest.raises(LockedJournalError):
        Journal.open(paths)
    before = paths.database.read_bytes()
    for wrong in ("correct horse ", "Correct horse", "x", "correct horse\n"):
        with pytest.raises(WrongPassphraseError):
            cipher.unlock(paths.database, wrong)
    with pytest.raises(WrongPassphraseError):
        cipher.unlock(paths.database, "")
    assert paths.database.read_bytes() == before
    cipher.unlock(paths.database, PASS)
    with Journal.open(paths) as j:
        assert j.store.count() == 3


def test_sqlcipher_opens_it_with_the_passphrase_and_its_own_kdf(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 256_000)
    _fill(paths, 2)
    _encrypt(paths, "pässphrase 'quoted'")
    import sqlcipher3.dbapi2 as sc

    conn = sc.connect(str(paths.database))
    conn.execute("PRAGMA key = 'pässphrase ''quoted'''")
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2
    conn.close()


def test_passwd_changes_the_key(paths: AppPaths) -> None:
    _fill(paths, 4)
    old = _encrypt(paths)
    new = cipher.Key.derive("new one")
    convert.convert(paths.database, old, new, 5000)
    cipher.forget(paths.database)
    with pytest.raises(WrongPassphraseError):
        cipher.unlock(paths.database, PASS)
    cipher.unlock(paths.database, "new one")
    with Journal.open(paths) as j:
        assert j.store.count() == 4


def test_garbage_is_still_damaged_and_marker_tells_encrypted(paths: AppPaths) -> None:
    paths.ensure()
    paths.database.write_bytes(b"\x01" * 4096)
    with pytest.raises(DamagedJournalError):
        Journal.open(paths)
    cipher.marker(paths.database).write_text("x")
    with pytest.raises(LockedJournalError):
        Journal.open(paths)
    with pytest.raises(WrongPassphraseError):
        cipher.unlock(paths.database, PASS)


def test_stale_marker_beside_a_plain_journal_is_removed(paths: AppPaths) -> None:
    _fill(paths, 1)
    cipher.marker(paths.database).write_text("x")
    with Journal.open(paths) as j:
        assert j.store.count() == 1
    assert not cipher.marker(paths.database).exists()


def test_backup_and_restore_of_an_encrypted_journal(paths: AppPaths, tmp_path: Path) -> None:
    _fill(paths, 5)
    plain_backup = Journal.open(paths)
    plain_copy = plain_backup.backup(tmp_path / "plain.sqlite3")
    plain_backup.close()
    key = _encrypt(paths)
    with Journal.open(paths) as j:
        backup = j.backup()
        assert backup.read_bytes()[:16] == key.salt
        assert CANARY.encode() not in backup.read_bytes()
        j.add("after the backup")
        assert j.store.count() == 6
        j.restore(backup)
        assert j.store.count() == 5
        with pytest.raises(StorageError, match="before it was encrypted"):
            j.restore(plain_copy)
        assert j.store.count() == 5
    # A backup made with another passphrase is refused, nothing changed.
    other = tmp_path / "other"
    other_paths = AppPaths(other)
    _fill(other_paths, 1)
    _encrypt(other_paths, "another")
    with Journal.open(other_paths) as o:
        foreign = o.backup(tmp_path / "foreign.sqlite3")
    with Journal.open(paths) as j, pytest.raises(StorageError, match="another passphrase"):
        j.restore(foreign)
    with Journal.open(paths) as j:
        assert j.store.count() == 5


def test_an_old_encrypted_journal_is_upgraded_through_sqlcipher(paths: AppPaths) -> None:
    make_old_journal(paths)
    _encrypt(paths)
    with Journal.open(paths) as j:
        assert [e.title for e in j.list_entries(EntryFilter())] == ["Old"]
    backups = list(paths.backups.glob("pre-upgrade-*"))
    assert backups and not backups[0].read_bytes().startswith(cipher.SQLITE_HEADER)


def test_conversion_refused_while_another_connection_has_the_journal(paths: AppPaths) -> None:
    _fill(paths, 2)
    with Journal.open(paths) as j:
        j.count(EntryFilter())
        with pytest.raises(StorageError, match="open in another"):
            _encrypt(paths)
    assert not cipher.is_encrypted(paths.database)
    assert not convert.partial_copy(paths.database).exists()
    with Journal.open(paths) as j:
        assert j.store.count() == 2


def test_missing_sqlcipher_says_how_to_enable_it(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(paths, 1)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    assert _cli(["encrypt", "--passphrase-stdin"], "pw\n") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "daybook[encryption]" in err
    assert not cipher.is_encrypted(paths.database)


# -- the command line ---------------------------------------------------------------------


def test_cli_on_off_change_with_stdin_and_environment(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(["add", f"{CANARY} first"]) == 0
    assert _cli(["encrypt", "--passphrase-stdin"], "pw one\n") == 0
    assert cipher.is_encrypted(paths.database)
    cipher._KEYS.clear()
    capsys.readouterr()
    # Locked without a passphrase: one line, exit 1.
    assert _cli(["list"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    # stdin: the passphrase on the first line, the entry's text after it.
    assert _cli(["--passphrase-stdin", "add", "-"], f"pw one\n{CANARY} second\n") == 0
    cipher._KEYS.clear()
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", "pw one")
    capsys.readouterr()
    assert _cli(["search", CANARY]) == 0
    assert "second" in capsys.readouterr().out
    assert _cli(["check"]) == 0
    monkeypatch.delenv("DAYBOOK_PASSPHRASE")
    cipher._KEYS.clear()
    assert _cli(["passwd", "--passphrase-stdin"], "pw one\npw two\n") == 0
    cipher._KEYS.clear()
    assert _cli(["decrypt", "--passphrase-stdin"], "pw one\n") == 1
    assert cipher.is_encrypted(paths.database)
    assert _cli(["decrypt", "--passphrase-stdin"], "pw two\n") == 0
    assert not cipher.is_encrypted(paths.database)
    capsys.readouterr()
    assert _cli(["list"]) == 0
    out = capsys.readouterr().out
    assert f"{CANARY} first" in out and f"{CANARY} second" in out


def test_cli_wrong_passphrase_writes_nothing(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(["add", "one"]) == 0
    assert _cli(["encrypt", "--passphrase-stdin"], "right\n") == 0
    cipher._KEYS.clear()
    files = {p: p.read_bytes() for p in paths.home.rglob("*") if p.is_file()}
    capsys.readouterr()
    for args in (["--passphrase-stdin", "add", "-"], ["decrypt", "--passphrase-stdin"]):
        assert _cli(args, "wrong\nsome text\n") == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "wrong passphrase" in err
    assert {p: p.read_bytes() for p in paths.home.rglob("*") if p.is_file()} == files


def test_cli_encrypt_refuses_with_unsaved_drafts_and_twice(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(["add", "one"]) == 0
    DraftStore(paths.drafts).save(_draft("unsaved"))
    assert _cli(["encrypt", "--passphrase-stdin"], "pw\n") == 1
    assert "draft" in capsys.readouterr().err
    assert not cipher.is_encrypted(paths.database)
    DraftStore(paths.drafts).discard("k1")
    assert _cli(["encrypt", "--passphrase-stdin"], "pw\n") == 0
    assert _cli(["encrypt", "--passphrase-stdin"], "pw\n") == 1
    assert _cli(["encrypt", "--passphrase-stdin"], "") == 1  # no passphrase given


def test_plain_sqlite_connections_stay_standard(paths: AppPaths) -> None:
    """A plain journal never loads SQLCipher's connection class."""
    _fill(paths, 1)
    with Journal.open(paths) as j, j.store._engine.connect() as conn:
        assert type(conn) is sqlite3.Connection


def test_conversion_refused_while_another_process_has_the_journal(paths: AppPaths) -> None:
    import subprocess

    _fill(paths, 2)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1 FROM entries').fetchall(); "
            "print('ready', flush=True); sys.stdin.read()",
            str(paths.database),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        with pytest.raises(StorageError, match="open in another"):
            _encrypt(paths)
    finally:
        holder.communicate("")
    assert not cipher.is_encrypted(paths.database)
    assert not convert.partial_copy(paths.database).exists()
    _encrypt(paths)
    assert cipher.is_encrypted(paths.database)


def test_restore_asks_the_passphrase_of_an_older_backup(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(["add", "before the change"]) == 0
    assert _cli(["encrypt", "--passphrase-stdin"], "old pw\n") == 0
    assert (
        _cli(["--passphrase-stdin", "backup", "--to", str(paths.home / "old.sqlite3")], "old pw\n")
        == 0
    )
    assert _cli(["passwd", "--passphrase-stdin"], "old pw\nnew pw\n") == 0
    assert _cli(["--passphrase-stdin", "add", "-"], "new pw\nafter the change\n") == 0
    cipher._KEYS.clear()
    capsys.readouterr()
    old = str(paths.home / "old.sqlite3")
    # Without the backup's passphrase: refused, one line, nothing changed.
    assert _cli(["--passphrase-stdin", "restore", old], "new pw\n") == 1
    assert "no backup passphrase" in capsys.readouterr().err
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", "new pw")
    assert _cli(["restore", old]) == 1
    assert "another passphrase" in capsys.readouterr().err
    monkeypatch.delenv("DAYBOOK_PASSPHRASE")
    cipher._KEYS.clear()
    assert _cli(["--passphrase-stdin", "restore", old], "new pw\nwrong\n") == 1
    assert "wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", "new pw")
    assert _cli(["list"]) == 0
    assert "after the change" in capsys.readouterr().out
    monkeypatch.delenv("DAYBOOK_PASSPHRASE")
    # With it (stdin: the journal's, then the backup's): restored, still under the new one.
    assert _cli(["--passphrase-stdin", "restore", old], "new pw\nold pw\n") == 0
    cipher._KEYS.clear()
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", "new pw")
    capsys.readouterr()
    assert _cli(["list"]) == 0
    out = capsys.readouterr().out
    assert "before the change" in out and "after the change" not in out
    monkeypatch.setenv("DAYBOOK_BACKUP_PASSPHRASE", "old pw")
    assert _cli(["restore", old]) == 0


@pytest.mark.parametrize("new", ["encrypt", "passwd", "decrypt"])
def test_a_cancelled_conversion_leaves_the_journal_as_it_was(paths: AppPaths, new: str) -> None:
    """Cancel (the app's button, Ctrl+C) interrupts SQLite between its steps: `Cancelled`,
    the partial copy gone, the journal and its marker exactly as before."""
    from journal.cancel import Cancelled, CancelToken, cancellable

    _fill(paths, 5)
    old = None if new == "encrypt" else _encrypt(paths)
    target = None if new == "decrypt" else cipher.Key.derive("another one")
    before = {p.name: p.read_bytes() for p in paths.home.iterdir() if p.is_file()}
    token = CancelToken()
    token.cancel()
    with cancellable(token), pytest.raises(Cancelled):
        convert.convert(paths.database, old, target, 5000)
    after = {p.name: p.read_bytes() for p in paths.home.iterdir() if p.is_file()}
    assert not convert.partial_copy(paths.database).exists()
    assert after.keys() <= before.keys() | {"journal.sqlite3-shm", "journal.sqlite3-wal"}
    assert cipher.is_encrypted(paths.database) is (old is not None)
    cipher._KEYS.clear()
    if old is not None:
        cipher.unlock(paths.database, PASS)
    with Journal.open(paths) as j:
        assert j.store.count() == 5


def test_fits_reads_each_page_as_sqlcipher_checks_it(paths: AppPaths, tmp_path: Path) -> None:
    """`fits` checks pages itself (SQLCipher 4's HMAC layout): for every page of a real
    encrypted journal, alone in an otherwise zeroed file, it agrees with SQLCipher's own
    cipher_integrity_check; a wrong key or one page moved to another place fits nothing."""
    _fill(paths, 40)
    key = _encrypt(paths)
    data = paths.database.read_bytes()
    page = cipher.PAGE_SIZE
    count = len(data) // page
    assert 8 < count <= cipher.SAMPLED_PAGES  # every page is sampled
    wrong = cipher.Key.derive("not it", key.salt)
    assert cipher.fits(paths.database, key) and not cipher.fits(paths.database, wrong)
    one = tmp_path / "one.sqlite3"
    for n in range(1, count + 1):
        alone = bytearray(len(data))
        alone[(n - 1) * page : n * page] = data[(n - 1) * page : n * page]
        one.write_bytes(bytes(alone))
        conn = cipher.connect(f"file:{one}?mode=ro&immutable=1", key, uri=True)
        try:
            failed = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        finally:
            conn.close()
        assert len(failed) == count - 1  # SQLCipher: only page n verifies
        assert cipher.fits(one, key) and not cipher.fits(one, wrong)
    shifted = bytearray(len(data))
    shifted[page : 2 * page] = data[2 * page : 3 * page]  # page 3's bytes at page 2
    one.write_bytes(bytes(shifted))
    assert not cipher.fits(one, key)


def test_an_encrypted_backup_into_a_plain_journal_is_one_line(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even with the backup's passphrase given: refused before the journal is opened."""
    assert _cli(["add", "kept"]) == 0
    assert _cli(["encrypt", "--passphrase-stdin"], f"{PASS}\n") == 0
    backup = str(paths.home / "enc.sqlite3")
    assert _cli(["--passphrase-stdin", "backup", "--to", backup], f"{PASS}\n") == 0
    assert _cli(["--passphrase-stdin", "decrypt"], f"{PASS}\n") == 0
    cipher._KEYS.clear()
    before = paths.database.read_bytes()
    monkeypatch.setenv("DAYBOOK_BACKUP_PASSPHRASE", PASS)
    capsys.readouterr()
    assert _cli(["restore", backup]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the journal is not encrypted" in err and "Traceback" not in err
    assert paths.database.read_bytes() == before


HOT_JOURNAL_WRITER = r"""
import os, sys
from pathlib import Path
from journal.storage import cipher

cipher.KDF_ITERATIONS = int(sys.argv[3])
path = Path(sys.argv[1])
key = cipher.open_key(path, sys.argv[2])
conn = cipher.connect(str(path), key, isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 2")  # spill early: pages reach the file mid-transaction
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE entries SET body = body || ' changed'")
conn.execute("UPDATE entries SET body = body || ' again'")
os.kill(os.getpid(), 9)  # the transaction never ends: its rollback journal stays hot
"""


def test_a_crash_mid_write_leaves_an_encrypted_journal_that_unlocks_and_rolls_back(
    paths: AppPaths,
) -> None:
    """A writer killed inside a transaction (a conversion switching the journal mode, a
    save) leaves a hot rollback journal beside the file. The passphrase must still be
    accepted (a read-only check cannot roll it back), and the journal opens as it was."""
    import subprocess

    _fill(paths, 200)
    _encrypt(paths)
    before = _snapshot(paths)
    cipher._KEYS.clear()
    run = subprocess.run(
        [sys.executable, "-c", HOT_JOURNAL_WRITER, str(paths.database), PASS,
         str(cipher.KDF_ITERATIONS)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == -9, run.stderr
    hot = Path(f"{paths.database}-journal")
    assert hot.exists() and hot.stat().st_size > 0
    cipher.unlock(paths.database, PASS)
    with Journal.open(paths) as j:
        assert j.check() == []
    assert _snapshot(paths) == before
    assert not hot.exists() or hot.stat().st_size == 0
    cipher._KEYS.clear()
    with pytest.raises(WrongPassphraseError):
        cipher.unlock(paths.database, "not " + PASS)
