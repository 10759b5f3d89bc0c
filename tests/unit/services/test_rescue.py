"""Restoring over a journal damaged anywhere in the file (issue 14.1).

Whatever page is overwritten and however much of it, `daybook restore BACKUP` ends with
the backup's entries and loses nothing: a damaged journal is moved aside byte for byte
(`journal.sqlite3.damaged-*`, with its -wal/-shm), a healthy one is kept as a pre-restore
backup. `daybook list` on a damaged journal names the route that works.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.cli import main
from journal.paths import AppPaths
from journal.services.journal import Journal

if TYPE_CHECKING:
    from collections.abc import Iterator

PAGE = 4096
BACKUP_NAME = "manual-20261120-180000.sqlite3"


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """A journal of 300 entries (about 150 pages) and its backup, made once."""
    folder = Path(tempfile.mkdtemp(prefix="daybook-rescue-"))
    paths = AppPaths(folder / "home")
    with Journal.open(paths) as journal:
        for i in range(300):
            journal.add(f"entry {i} " + "word " * 120, day=dt.date(2026, 5, 1 + i % 28))
        journal.backup(paths.backups / BACKUP_NAME)
    yield paths.home
    shutil.rmtree(folder)


def pages_of(home: Path, table: str) -> list[int]:
    """The pages (1-based) that hold `table`'s b-tree in the journal in `home`."""
    conn = sqlite3.connect(home / "journal.sqlite3")
    try:
        rows = conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,)).fetchall()
        return sorted(int(r[0]) for r in rows)
    finally:
        conn.close()


def copy_home(template: Path) -> Path:
    home = Path(tempfile.mkdtemp(prefix="daybook-rescue-case-")) / "home"
    shutil.copytree(template, home)
    return home


def leave_a_wal(home: Path, n: int = 5, key_pragma: str | None = None) -> None:
    """Commit `n` entries in another process that dies without a checkpoint: a -wal stays.
    `key_pragma`: the value for `PRAGMA key` of an encrypted journal (through sqlcipher3)."""
    module = "sqlite3" if key_pragma is None else "sqlcipher3.dbapi2 as sqlite3"
    code = (
        f"import os, sys, {module}\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "if len(sys.argv) > 2: c.execute('PRAGMA key = ' + sys.argv[2])\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        f"for i in range({n}):\n"
        '    c.execute("INSERT INTO entries (uid, day, created_at, created_offset, updated_at,'
        " updated_offset, title, body, tag_list, private) SELECT uid || 'w' || ?, day,"
        " created_at, created_offset, updated_at, updated_offset, title, 'in the wal', tag_list,"
        " private"
        ' FROM entries LIMIT 1", (i,))\n'
        "os._exit(0)\n"
    )
    key = [] if key_pragma is None else [key_pragma]
    subprocess.run([sys.executable, "-c", code, str(home / "journal.sqlite3"), *key], check=True)
    assert (home / "journal.sqlite3-wal").stat().st_size > 0


def damage(db: Path, page: int, offset: int, length: int) -> None:
    """Overwrite `length` bytes from `offset` within 1-based `page`."""
    data = bytearray(db.read_bytes())
    start = (page - 1) * PAGE + offset
    data[start : start + length] = bytes((0xA5 + i) % 256 for i in range(length))[
        : max(0, len(data) - start)
    ]
    db.write_bytes(bytes(data))


def entries_in(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def side_files(path: Path) -> dict[str, bytes]:
    """The database and its -wal's bytes (an empty -wal holds nothing: left out)."""
    found = {s: Path(f"{path}{s}") for s in ("", "-wal")}
    return {s: p.read_bytes() for s, p in found.items() if p.exists() and p.stat().st_size}


def check_restore(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    """Restore the template's backup over whatever the journal is now; nothing is lost."""
    db = home / "journal.sqlite3"
    before = side_files(db)
    backup = home / "backups" / BACKUP_NAME
    code, out, err = run(capsys, home, "restore", str(backup))
    assert code == 0, err
    assert "Traceback" not in err
    assert entries_in(db) == 300
    code, _, err = run(capsys, home, "check")
    assert code == 0, err
    moved = sorted(home.glob("journal.sqlite3.damaged-*"))
    moved_dbs = [m for m in moved if not m.name.endswith(("-wal", "-shm"))]
    if moved_dbs:
        # Damaged: moved aside byte for byte (with its -wal), no pre-restore copy claimed.
        assert len(moved_dbs) == 1 and "moved aside to" in out
        assert side_files(moved_dbs[0]) == before
    else:
        # Healthy enough to copy: the journal as it was is kept as a pre-restore backup.
        assert "kept in" in out
        [safety] = (home / "backups").glob("pre-restore-*.sqlite3")
        assert entries_in(safety) >= 300


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page=st.integers(min_value=2, max_value=160),
    offset=st.integers(min_value=0, max_value=PAGE - 1),
    length=st.sampled_from([1, 8, 64, 500, PAGE, 3 * PAGE, 20 * PAGE]),
    wal=st.booleans(),
)
def test_restore_over_damage_anywhere(
    capsys: pytest.CaptureFixture[str],
    template: Path,
    page: int,
    offset: int,
    length: int,
    wal: bool,
) -> None:
    home = copy_home(template)
    try:
        if wal:
            leave_a_wal(home)
        damage(home / "journal.sqlite3", page, offset, length)
        check_restore(capsys, home)
    finally:
        shutil.rmtree(home.parent)


@pytest.mark.parametrize("wal", [False, True])
@pytest.mark.parametrize(
    ("table", "nth", "pages"),
    [
        ("sqlite_schema", 0, 1),
        ("entries", 0, 1),
        ("entries", 10, 2),
        ("entries", -1, 1),
        ("ix_entries_timeline", 1, 1),
        ("entries_fts_data", 5, 3),
        ("entries_fts_data", -1, 1),
        ("entry_tags", 0, 1),
        ("tags", 0, 1),
    ],
)
def test_whole_pages_overwritten_are_moved_aside(
    capsys: pytest.CaptureFixture[str],
    template: Path,
    table: str,
    nth: int,
    pages: int,
    wal: bool,
) -> None:
    """Pages in use, full of garbage, are always found: the journal is moved aside."""
    page = pages_of(template, table)[nth]
    home = copy_home(template)
    try:
        if wal:
            leave_a_wal(home)
        damage(home / "journal.sqlite3", page, 0, pages * PAGE)
        check_restore(capsys, home)
        if not wal:  # (the -wal may hold a newer, intact copy of the page: then no damage)
            assert list(home.glob("journal.sqlite3.damaged-*"))
            assert not list((home / "backups").glob("pre-restore-*"))
    finally:
        shutil.rmtree(home.parent)


@pytest.mark.parametrize("nth", [0, 1, 7, 20, 40, -1])
def test_list_on_a_damaged_journal_names_the_newest_good_backup(
    capsys: pytest.CaptureFixture[str], template: Path, nth: int
) -> None:
    page = pages_of(template, "entries")[nth]  # a page `list` reads
    home = copy_home(template)
    try:
        backups = home / "backups"
        newest = backups / "daily-20261121-090000.sqlite3"
        newest.write_bytes((backups / BACKUP_NAME).read_bytes()[: 3 * PAGE])  # broken: skipped
        damage(home / "journal.sqlite3", page, 0, PAGE)
        code, _, err = run(capsys, home, "list", "--limit", "1000")
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
        good = backups / BACKUP_NAME
        assert f"daybook restore '{good}'" in err or f"daybook restore {good}" in err, err
        assert "moved aside" in err
        # The advice works.
        check_restore(capsys, home)
    finally:
        shutil.rmtree(home.parent)


def test_list_on_a_damaged_journal_without_backups_says_so(
    capsys: pytest.CaptureFixture[str], template: Path
) -> None:
    home = copy_home(template)
    try:
        shutil.rmtree(home / "backups")
        damage(home / "journal.sqlite3", pages_of(template, "entries")[5], 0, 2 * PAGE)
        code, _, err = run(capsys, home, "list", "--limit", "1000")
        assert code == 1 and err.count("\n") == 1
        assert "no good backup" in err and str(home / "backups") in err, err
    finally:
        shutil.rmtree(home.parent)


def test_restore_over_a_healthy_journal_still_keeps_a_pre_restore_copy(
    capsys: pytest.CaptureFixture[str], template: Path
) -> None:
    home = copy_home(template)
    try:
        leave_a_wal(home)
        check_restore(capsys, home)
        assert not list(home.glob("journal.sqlite3.damaged-*"))
        [safety] = (home / "backups").glob("pre-restore-*.sqlite3")
        assert entries_in(safety) == 305  # the -wal's entries were in the journal too
    finally:
        shutil.rmtree(home.parent)


def test_restore_with_a_bad_backup_over_a_damaged_journal_changes_nothing(
    capsys: pytest.CaptureFixture[str], template: Path, tmp_path: Path
) -> None:
    home = copy_home(template)
    try:
        damage(home / "journal.sqlite3", 40, 0, 2 * PAGE)
        before = (home / "journal.sqlite3").read_bytes()
        bad = tmp_path / "bad.sqlite3"
        bad.write_bytes((home / "backups" / BACKUP_NAME).read_bytes()[: 5 * PAGE])
        code, _, err = run(capsys, home, "restore", str(bad))
        assert code == 1 and "nothing was changed" in err
        assert (home / "journal.sqlite3").read_bytes() == before
        assert not list(home.glob("journal.sqlite3.damaged-*"))
    finally:
        shutil.rmtree(home.parent)


def test_the_damaged_copy_is_never_deleted_even_when_the_restore_fails(
    capsys: pytest.CaptureFixture[str], template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If restoring fails after the journal was moved aside, the moved files stay."""
    import errno
    import os

    home = copy_home(template)
    try:
        damage(home / "journal.sqlite3", 40, 0, 2 * PAGE)
        before = (home / "journal.sqlite3").read_bytes()
        rename = os.rename

        def fail(source: Path, target: Path) -> None:
            if str(source).endswith(".restoring"):  # the verified copy, into place
                raise OSError(errno.ENOSPC, "No space left on device")
            rename(source, target)

        monkeypatch.setattr(os, "rename", fail)
        code, _, err = run(capsys, home, "restore", str(home / "backups" / BACKUP_NAME))
        assert code == 1 and "No space left" in err and "Traceback" not in err
        [moved] = [
            m
            for m in home.glob("journal.sqlite3.damaged-*")
            if not m.name.endswith(("-wal", "-shm"))
        ]
        assert moved.read_bytes() == before
    finally:
        shutil.rmtree(home.parent)


@pytest.mark.parametrize("how", ["copy fails", "open finds damage"])
def test_a_journal_opened_before_it_proved_uncopyable_is_moved_aside_as_it_was(
    capsys: pytest.CaptureFixture[str],
    template: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """The checks pass, the journal is opened read-write, and only then can it not be kept
    as a pre-restore copy (damage the checks never read), or opening it finds the damage:
    what is moved aside is the journal and its -wal as they were before that open, not a
    journal the open's close checkpointed the -wal into."""
    from journal.errors import DamagedJournalError, StorageError
    from journal.services.journal import Journal as Service
    from journal.storage.store import JournalStore

    home = copy_home(template)
    try:
        leave_a_wal(home)
        db = home / "journal.sqlite3"
        before = side_files(db)
        assert "-wal" in before
        if how == "copy fails":

            def fail(*_a: object, **_k: object) -> Path:
                raise StorageError("cannot read page 88 of the journal", "it is damaged")

            monkeypatch.setattr(JournalStore, "backup", fail)
        else:
            real_open = Service.open.__func__  # type: ignore[attr-defined]

            def open_then_refuse(cls: type[Service], paths: AppPaths) -> Service:
                real_open(cls, paths).close()  # opened read-write, then found damaged
                raise DamagedJournalError("the journal is damaged", "restore a backup")

            monkeypatch.setattr(Service, "open", classmethod(open_then_refuse))
        code, out, err = run(capsys, home, "restore", str(home / "backups" / BACKUP_NAME))
        assert code == 0, err
        moved = [
            m
            for m in home.glob("journal.sqlite3.damaged-*")
            if not m.name.endswith(("-wal", "-shm"))
        ]
        assert len(moved) == 1 and f"moved aside to {moved[0]}" in out
        assert side_files(moved[0]) == before
        assert entries_in(db) == 300
        assert not list(home.glob("*as-it-was*"))
    finally:
        shutil.rmtree(home.parent)


def test_a_restore_over_a_healthy_journal_leaves_no_copy_behind(
    capsys: pytest.CaptureFixture[str], template: Path
) -> None:
    home = copy_home(template)
    try:
        check_restore(capsys, home)
        assert not list(home.glob("*as-it-was*"))
    finally:
        shutil.rmtree(home.parent)


def test_no_room_for_the_copy_before_opening_changes_nothing(
    capsys: pytest.CaptureFixture[str], template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import shutil as shutil_module

    home = copy_home(template)
    try:
        leave_a_wal(home)
        before = side_files(home / "journal.sqlite3")
        real_copy = shutil_module.copyfile

        def full(src: str, dst: Path, **kw: object) -> object:
            if "as-it-was" in str(dst):
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_copy(src, dst)

        monkeypatch.setattr(shutil_module, "copyfile", full)
        code, _, err = run(capsys, home, "restore", str(home / "backups" / BACKUP_NAME))
        assert code == 1 and err.count("\n") == 1
        assert "No space left" in err and "nothing was changed" in err
        assert side_files(home / "journal.sqlite3") == before
        assert not list(home.glob("*as-it-was*")) and not list(home.glob("*damaged*"))
    finally:
        shutil.rmtree(home.parent)
