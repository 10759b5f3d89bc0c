"""kill -9 of `daybook restore` over a damaged journal, before each of its steps.

A "zygote" child imports Daybook once, then forks one `daybook restore BACKUP` per step
number N over a fresh copy of the same damaged journal (300 entries in the backup, 25 more
written after it, 5 of them only in the -wal). The forked child counts the calls that
change files or the database (opening, renaming, removing, syncing a file; an SQL statement,
SQLite's backup step) and kills itself with SIGKILL just before the Nth one, so every step
boundary of the restore is a crash point: counted, never timed. N grows until the restore
finishes without reaching it.

After each kill the next run (`daybook list`) must find one of two whole states, never a
third: the damaged journal still in place byte for byte (it then says it is damaged, as
before), or the backup restored and the damaged journal beside it as
`journal.sqlite3.damaged-*`, byte for byte with its -wal; and when the kill cut a restore
short after it had changed anything, that run says what happened and where the damaged
journal is. A second `daybook restore` then always finishes.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.paths import AppPaths
from journal.services.journal import Journal
from tests.helpers import run_cli

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)"),
]

BACKUP = "manual-20261120-180000.sqlite3"
IN_BACKUP = 300

# The calls a crash is placed before: every change to a file or to the database goes
# through one of them (SQLAlchemy's statements end in the driver's execute).
ZYGOTE = r"""
import os, signal, sys
from journal.cli import main
import journal.services.health, journal.services.journal, journal.storage.store
import journal.storage.backup, journal.storage.migrate, journal.fileio
import sqlalchemy.dialects.sqlite.pysqlite

WATCHED = {"open", "rename", "replace", "unlink", "fsync", "execute", "executescript",
           "backup", "commit", "truncate", "ftruncate", "write_bytes", "write_text"}

print("ready", flush=True)
for line in sys.stdin:
    step, home = line.rstrip("\n").split(" ", 1)
    step = int(step)
    pid = os.fork()
    if pid == 0:
        seen = 0
        def profile(frame, event, arg):
            global seen
            if event == "c_call" and getattr(arg, "__name__", "") in WATCHED:
                seen += 1
                if seen == step:
                    os.kill(os.getpid(), signal.SIGKILL)
        os.environ["DAYBOOK_HOME"] = home
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        sys.setprofile(profile)
        code = main(["restore", os.path.join(home, "backups", "BACKUP")])
        sys.setprofile(None)
        os._exit(100 + code)
    _, status = os.waitpid(pid, 0)
    print(f"done {status}", flush=True)
""".replace("BACKUP", BACKUP)


class Zygote:
    """The zygote, and the restores it forks."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        assert self.lines.get(timeout=120) == "ready", self._stderr()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def _stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read()

    def restore(self, step: int, home: Path) -> int | None:
        """Restore in `home`, killed before its `step`th watched call: None if it was
        killed, else its exit status."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{step} {home}\n")
        self.proc.stdin.flush()
        line = self.lines.get(timeout=300)  # a liveness bound, not a timing
        assert line.startswith("done "), f"{line}: {self._stderr()}"
        status = int(line.split()[1])
        if os.WIFSIGNALED(status):
            assert os.WTERMSIG(status) == signal.SIGKILL
            return None
        return os.WEXITSTATUS(status) - 100

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.reader.join(timeout=60)
        self.proc.stdout.close()
        self.proc.stderr.close()


def leave_a_wal(db: Path, n: int) -> None:
    """Commit `n` entries in a process that dies without a checkpoint: they stay in -wal."""
    code = (
        "import os, sys, sqlite3\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        f"for i in range({n}):\n"
        '    c.execute("INSERT INTO entries (uid, day, created_at, created_offset, updated_at,'
        " updated_offset, title, body, tag_list, private) SELECT uid || 'w' || ?, day,"
        " created_at, created_offset, updated_at, updated_offset, title, 'in the wal', tag_list,"
        ' private FROM entries ORDER BY id DESC LIMIT 1", (i,))\n'
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)


def side_files(path: Path) -> dict[str, bytes]:
    """A database's bytes and its -wal's (an empty or missing -wal holds nothing)."""
    found = {s: Path(f"{path}{s}") for s in ("", "-wal")}
    return {s: p.read_bytes() for s, p in found.items() if p.exists() and p.stat().st_size}


@pytest.fixture(scope="module")
def damaged_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[int]]:
    """A damaged journal with a -wal, its backup (300 entries) and the backup's entry ids."""
    home = tmp_path_factory.mktemp("restore-template") / "home"
    paths = AppPaths(home)
    with Journal.open(paths) as journal:
        for i in range(IN_BACKUP):
            journal.add(f"entry {i} " + "word " * 120)
        journal.backup(paths.backups / BACKUP)
        for i in range(20):
            journal.add(f"after the backup {i}")
    db = paths.database
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        [(page,)] = conn.execute(
            "SELECT min(pageno) FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'"
        ).fetchall()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * 4096 + 100 : (page - 1) * 4096 + 600] = b"\xa5" * 500
    db.write_bytes(bytes(data))
    leave_a_wal(db, 5)
    with sqlite3.connect(paths.backups / BACKUP) as conn:
        ids = {int(r[0]) for r in conn.execute("SELECT id FROM entries")}
    conn.close()
    assert len(ids) == IN_BACKUP
    return home, ids


def entry_ids(db: Path) -> set[int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {int(r[0]) for r in conn.execute("SELECT id FROM entries")}
    finally:
        conn.close()


def moved_aside(home: Path) -> list[Path]:
    return sorted(
        p
        for p in home.glob("journal.sqlite3.damaged-*")
        if not p.name.endswith(("-wal", "-shm", ".encrypted"))
    )


def leftovers(home: Path) -> list[str]:
    """Files a finished or undone restore must not leave: temporary copies, records."""
    allowed = (
        "journal.sqlite3",
        "journal.sqlite3-wal",
        "journal.sqlite3-shm",
        "journal.sqlite3-writer.lock",
    )
    return sorted(
        p.name
        for p in home.iterdir()
        if p.is_file()
        and p.name not in allowed
        and not p.name.startswith("journal.sqlite3.damaged-")
        and p.name not in ("verified.json", "settings.json", "daybook.log")
    )


def check_after_kill(
    capsys: pytest.CaptureFixture[str], home: Path, original: dict[str, bytes], ids: set[int]
) -> str:
    """The next run after a kill: one of the two whole states, explained. Returns which."""
    db = home / "journal.sqlite3"
    before_next = side_files(db)
    # A restore cut short while its record was there needs a word; one that had not yet
    # changed anything (a leftover copy of the backup) is only cleaned up. Once the record
    # is gone the restore is whole, only its last line may not have been printed.
    changed = (home / "restore-in-progress.json").exists()
    assert changed or before_next == original or len(moved_aside(home)) == 1
    code, _out, err = run_cli(capsys, "--home", str(home), "list")
    assert "Traceback" not in err
    aside = moved_aside(home)
    if side_files(db) == original:
        state = "damaged"
        assert code == 1 and "is damaged" in err, (code, err)
        assert aside == [], aside
        assert not changed  # with a record, the restore is finished (never undone)
    else:
        state = "restored"
        assert code == 0, err
        assert entry_ids(db) == ids
        assert len(aside) == 1, aside
        assert side_files(aside[0]) == original
        if changed:
            assert "interrupted" in err and str(aside[0]) in err, err
    assert leftovers(home) == [], leftovers(home)
    # A second restore always finishes, and still loses nothing.
    code, _out, err = run_cli(
        capsys, "--home", str(home), "restore", str(home / "backups" / BACKUP)
    )
    assert code == 0, err
    assert entry_ids(db) == ids
    assert any(side_files(p) == original for p in moved_aside(home))
    assert leftovers(home) == []
    return state


def test_kill_9_at_every_step_of_a_restore_over_a_damaged_journal(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    damaged_home: tuple[Path, set[int]],
    fault_table: Callable[..., None],
) -> None:
    template, ids = damaged_home
    original = side_files(template / "journal.sqlite3")
    assert "-wal" in original
    zygote = Zygote()
    states: dict[str, int] = {}
    step = 0
    try:
        while True:
            step += 1
            home = tmp_path / f"step{step}" / "home"
            shutil.copytree(template, home)
            status = zygote.restore(step, home)
            if status is not None:
                assert status == 0
                break
            state = check_after_kill(capsys, home, original, ids)
            states[state] = states.get(state, 0) + 1
            shutil.rmtree(home.parent)
            assert step < 5000, "the restore never finishes"
    finally:
        zygote.close()
    assert states.get("damaged", 0) > 0 and states.get("restored", 0) > 0, states
    fault_table(
        "kill -9 before each step of `daybook restore` (damaged)",
        step - 1,
        0,
        f"next run: {states.get('damaged', 0)} as before, {states.get('restored', 0)} restored",
    )
