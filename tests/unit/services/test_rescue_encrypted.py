"""Restoring over an encrypted journal too damaged to open (issue 20).

The plain journal's rescue (tests/unit/test_rescue.py) for an encrypted one, damage in page 1
included: there the salt or the page SQLCipher checks the key on is broken, so opening
cannot tell a right passphrase from a wrong one. Whatever is overwritten, `daybook restore
BACKUP` (a backup under the journal's key, under an older passphrase, or one from before
encryption) ends with the backup's entries and loses nothing: the damaged journal is moved
aside byte for byte with its -wal (and its marker), and the output says what happened. When
no page proves the passphrase (its salt damaged and kept nowhere else), `restore` refuses in
one line, changing nothing, until `--damaged` says the journal is known to be broken.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.paths import AppPaths
from journal.services.journal import Journal
from journal.storage import cipher, convert
from tests.unit.services.test_rescue import PAGE, copy_home, damage, run, side_files
from tests.unit.services.test_rescue import leave_a_wal as rescue_leave_a_wal

if TYPE_CHECKING:
    from collections.abc import Iterator

pytest.importorskip("sqlcipher3")

PASS = "correct horse"
OLD = "old battery"
BACKUPS = {  # name -> (passphrase or None for plain, entries outside the Trash)
    "plain": ("manual-20261101-180000.sqlite3", None, 100),
    "old": ("manual-20261110-180000.sqlite3", OLD, 200),
    "same": ("manual-20261120-180000.sqlite3", PASS, 300),
}
JOURNAL_ENTRIES = 320


@pytest.fixture(scope="module", autouse=True)
def fast_kdf() -> Iterator[None]:
    """Fewer PBKDF2 rounds for the whole module (the template and every case)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cipher, "KDF_ITERATIONS", 1000)
        yield


@pytest.fixture(autouse=True)
def no_keys_kept(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("DAYBOOK_BACKUP_PASSPHRASE", raising=False)
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", PASS)
    cipher._KEYS.clear()
    yield
    cipher._KEYS.clear()


def _add(journal: Journal, n: int, start: int) -> None:
    for i in range(start, start + n):
        journal.add(f"entry {i} " + "word " * 120)


@pytest.fixture(scope="module")
def template(fast_kdf: None) -> Iterator[Path]:
    """An encrypted journal (320 entries, about 170 pages) and three backups: one from
    before encryption, one under an older passphrase, one under the journal's key."""
    folder = Path(tempfile.mkdtemp(prefix="daybook-crypt-rescue-"))
    paths = AppPaths(folder / "home")
    with Journal.open(paths) as j:
        _add(j, 100, 0)
        j.backup(paths.backups / BACKUPS["plain"][0])
    convert.convert(paths.database, None, cipher.Key.derive(OLD), 5000)
    with Journal.open(paths) as j:
        _add(j, 100, 100)
        j.backup(paths.backups / BACKUPS["old"][0])
    old = cipher.remembered_key(paths.database)
    convert.convert(paths.database, old, cipher.Key.derive(PASS), 5000)
    with Journal.open(paths) as j:
        _add(j, 100, 200)
        j.backup(paths.backups / BACKUPS["same"][0])
        _add(j, JOURNAL_ENTRIES - 300, 300)
    cipher._KEYS.clear()
    yield paths.home
    shutil.rmtree(folder)


@pytest.fixture
def home(template: Path) -> Iterator[Path]:
    """A copy of the template's data folder for one test."""
    copy = copy_home(template)
    yield copy
    shutil.rmtree(copy.parent)


def leave_a_wal(home: Path) -> None:
    """Entries committed by a process that died without a checkpoint: a -wal stays."""
    db = home / "journal.sqlite3"
    rescue_leave_a_wal(home, key_pragma=cipher.Key.derive(PASS, cipher.read_head(db)).pragma)


def live_entries(db: Path) -> tuple[int, str | None]:
    """The entries in the journal `db` and the passphrase that opens it (None: plain)."""
    key = None
    passphrase: str | None = None
    if cipher.read_head(db) != cipher.SQLITE_HEADER:
        for passphrase in (PASS, OLD):
            key = cipher.Key.derive(passphrase, cipher.read_head(db))
            if cipher.opens(db, key):
                break
        else:
            raise AssertionError("no passphrase opens the restored journal")
    conn = cipher.connect(f"file:{db}?mode=ro", key, uri=True)
    try:
        count = conn.execute("SELECT count(*) FROM entries WHERE deleted_at IS NULL")
        return int(count.fetchone()[0]), passphrase
    finally:
        conn.close()


def old_marker(home: Path) -> None:
    """The marker as written before it kept the salt."""
    (home / "journal.sqlite3.encrypted").write_text("This Daybook journal is encrypted.\n")


def moved_aside(home: Path) -> list[Path]:
    moved = sorted(home.glob("journal.sqlite3.damaged-*"))
    return [m for m in moved if not m.name.endswith(("-wal", "-shm", ".encrypted"))]


def check_restore(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    which: str,
    salt_kept: bool,
) -> None:
    """Restore the backup `which` over whatever the journal is now; nothing is lost."""
    db = home / "journal.sqlite3"
    before = side_files(db)
    name, passphrase, entries = BACKUPS[which]
    if which == "old":
        monkeypatch.setenv("DAYBOOK_BACKUP_PASSPHRASE", OLD)
    backup = home / "backups" / name
    code, out, err = run(capsys, home, "restore", str(backup))
    assert "Traceback" not in err
    if code == 1 and not salt_kept:
        # No page proves the passphrase: one line, nothing changed, the way out named.
        assert err.count("\n") == 1 and "--damaged" in err and "nothing was changed" in err
        assert side_files(db) == before and not moved_aside(home)
        code, out, err = run(capsys, home, "restore", "--damaged", str(backup))
        assert code == 0, err
        assert "could not be checked" in out
    elif code == 1:
        # Only a journal found intact refuses a plain backup (the usual rule, one line).
        assert which == "plain" and "before it was encrypted" in err, err
        assert side_files(db) == before and not moved_aside(home)
        return
    assert code == 0, err
    found, opened_with = live_entries(db)
    assert found == entries
    moved = moved_aside(home)
    if moved:
        # Damaged: moved aside byte for byte (with its -wal and its marker), and said so.
        assert len(moved) == 1 and f"moved aside to {moved[0]}\n" in out, out
        assert side_files(moved[0]) == before
        assert Path(f"{moved[0]}.encrypted").exists()
        assert opened_with == passphrase  # the backup's bytes, under its own passphrase
        if passphrase is None:
            assert "stored in plain" in out and "daybook encrypt" in out
    else:
        assert "kept in" in out
        assert opened_with == PASS
        [safety] = (home / "backups").glob("pre-restore-*.sqlite3")
        assert live_entries(safety)[0] >= JOURNAL_ENTRIES
    if opened_with is not None:
        monkeypatch.setenv("DAYBOOK_PASSPHRASE", opened_with)
    cipher._KEYS.clear()
    code, _, err = run(capsys, home, "check")
    assert code == 0, err


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page=st.one_of(st.just(1), st.integers(min_value=1, max_value=170)),
    offset=st.one_of(st.integers(min_value=0, max_value=40), st.integers(0, PAGE - 1)),
    length=st.sampled_from([1, 8, 16, 64, 500, PAGE, 3 * PAGE, 20 * PAGE]),
    which=st.sampled_from(sorted(BACKUPS)),
    others_kept=st.booleans(),
    marker_has_salt=st.booleans(),
    wal=st.booleans(),
)
def test_restore_over_damage_anywhere_in_an_encrypted_journal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    template: Path,
    page: int,
    offset: int,
    length: int,
    which: str,
    others_kept: bool,
    marker_has_salt: bool,
    wal: bool,
) -> None:
    home = copy_home(template)
    monkeypatch.delenv("DAYBOOK_BACKUP_PASSPHRASE", raising=False)
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", PASS)
    cipher._KEYS.clear()
    try:
        if wal:
            leave_a_wal(home)
        if not marker_has_salt:
            old_marker(home)
        if not others_kept:
            for other, (name, _, _) in BACKUPS.items():
                if other != which:
                    (home / "backups" / name).unlink()
        damage(home / "journal.sqlite3", page, offset, length)
        # The journal's salt survives in its first bytes, the marker, or a backup's.
        salt_kept = not (page == 1 and offset < 16) or marker_has_salt
        salt_kept = salt_kept or which == "same" or others_kept
        check_restore(capsys, monkeypatch, home, which, salt_kept)
    finally:
        shutil.rmtree(home.parent)


@pytest.mark.parametrize("which", sorted(BACKUPS))
@pytest.mark.parametrize(
    ("offset", "length"),
    [(0, 16), (0, 1), (15, 1), (16, 1), (200, 64), (PAGE - 80, 16), (PAGE - 1, 1), (0, PAGE)],
)
def test_a_broken_first_page_is_moved_aside_and_the_backup_restored(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    which: str,
    offset: int,
    length: int,
) -> None:
    """The salt, the encrypted header, the IV, the HMAC of page 1: the passphrase is proven
    on the other pages (with the salt the marker keeps). A journal with only its salt
    damaged then opens whole (the salt comes with the key): it is kept as a pre-restore
    backup; any other damage is moved aside."""
    damage(home / "journal.sqlite3", 1, offset, length)
    check_restore(capsys, monkeypatch, home, which, salt_kept=True)
    salt_only = offset + length <= 16
    assert bool(moved_aside(home)) is not salt_only


def test_salt_kept_nowhere_needs_damaged_and_a_typo_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    old_marker(home)
    for name in ("same", "old"):
        (home / "backups" / BACKUPS[name][0]).unlink()
    damage(home / "journal.sqlite3", 1, 0, 16)
    check_restore(capsys, monkeypatch, home, "plain", salt_kept=False)
    assert moved_aside(home)


def test_a_wrong_passphrase_for_the_backup_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    damage(home / "journal.sqlite3", 1, 100, 64)
    before = side_files(home / "journal.sqlite3")
    monkeypatch.setenv("DAYBOOK_BACKUP_PASSPHRASE", "not the old one")
    code, _, err = run(capsys, home, "restore", str(home / "backups" / BACKUPS["old"][0]))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "wrong passphrase" in err and BACKUPS["old"][0] in err and "nothing" in err
    assert side_files(home / "journal.sqlite3") == before and not moved_aside(home)
    # --damaged changes nothing about that: the backup's passphrase is still checked.
    old = str(home / "backups" / BACKUPS["old"][0])
    code, _, err = run(capsys, home, "restore", "--damaged", old)
    assert code == 1 and "wrong passphrase" in err
    assert side_files(home / "journal.sqlite3") == before and not moved_aside(home)


def test_a_wrong_journal_passphrase_on_a_healthy_journal_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    """A typo is not damage: the pages prove nothing, so nothing is moved."""
    before = side_files(home / "journal.sqlite3")
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", "correct horse!")
    code, _, err = run(capsys, home, "restore", str(home / "backups" / BACKUPS["same"][0]))
    assert code == 1 and err.count("\n") == 1
    assert "does not open the journal" in err and "nothing was changed" in err
    assert side_files(home / "journal.sqlite3") == before and not moved_aside(home)


def test_a_journal_cut_short_takes_the_backup_with_the_usual_passphrase(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    """Cut to a few bytes, the journal no longer even looks encrypted: DAYBOOK_PASSPHRASE
    still opens its encrypted backup; without any passphrase, one line says what to give."""
    db = home / "journal.sqlite3"
    cut = db.read_bytes()[:10]
    db.write_bytes(cut)
    same = str(home / "backups" / BACKUPS["same"][0])
    monkeypatch.delenv("DAYBOOK_PASSPHRASE")
    code, _, err = run(capsys, home, "restore", same)
    assert code == 1 and err.count("\n") == 1 and "DAYBOOK_BACKUP_PASSPHRASE" in err
    assert db.read_bytes() == cut and not moved_aside(home)
    monkeypatch.setenv("DAYBOOK_PASSPHRASE", PASS)
    check_restore(capsys, monkeypatch, home, "same", salt_kept=True)
    assert moved_aside(home)


@pytest.mark.parametrize("which", ["same", "old", "plain"])
def test_a_restore_cut_short_over_a_damaged_encrypted_journal_is_finished_next_time(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path, which: str
) -> None:
    """Stopped after the damaged files moved aside (here: the disk full when the copy goes
    into place): the next command finishes it, with the copy's marker (an encrypted
    backup stays known encrypted), and says so; the moved journal keeps its own marker."""
    import errno
    import os

    leave_a_wal(home)
    db = home / "journal.sqlite3"
    damage(db, 40, 0, 2 * PAGE)
    before = side_files(db)
    name, passphrase, entries = BACKUPS[which]
    if which == "old":
        monkeypatch.setenv("DAYBOOK_BACKUP_PASSPHRASE", OLD)
    rename = os.rename
    full = [True]

    def fail(source: Path, target: Path) -> None:
        if str(source).endswith(".restoring") and full:
            raise OSError(errno.ENOSPC, "No space left on device")
        rename(source, target)

    monkeypatch.setattr(os, "rename", fail)
    code, _, err = run(capsys, home, "restore", str(home / "backups" / name))
    assert code == 1 and "No space left" in err and err.count("\n") == 1
    [moved] = moved_aside(home)
    assert side_files(moved) == before and Path(f"{moved}.encrypted").exists()
    full.clear()
    cipher._KEYS.clear()
    monkeypatch.delenv("DAYBOOK_BACKUP_PASSPHRASE", raising=False)
    if passphrase is not None:
        monkeypatch.setenv("DAYBOOK_PASSPHRASE", passphrase)
    code, _out, err = run(capsys, home, "list", "--limit", "1")
    assert code == 0, err
    assert "interrupted" in err and str(moved) in err and "Traceback" not in err
    assert live_entries(db) == (entries, passphrase)
    assert cipher.is_encrypted(db) == (passphrase is not None)
    assert side_files(moved) == before and Path(f"{moved}.encrypted").exists()
    assert not (home / "restore-in-progress.json").exists()
