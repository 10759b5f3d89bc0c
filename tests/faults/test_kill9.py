"""kill -9 of a process adding entries, at random moments: nothing that was confirmed is lost.

A "zygote" child (`python -c`) imports Daybook once, then forks a writer per round; the
writer adds entries with `journal.cli.main(["add", ...])` in a loop, and `main` prints each
id only after the command returned (commit done, journal closed). Each round waits until
the writer has confirmed a random number (0-3) of entries, lets it run a random moment more
(into its next save), and kills it with SIGKILL; the next writer starts on whatever it left
(a hot WAL to recover, a half-written frame). Rounds are counted in confirmed writes, never
in time, so a slow or loaded machine changes the moments of the kills but not what the test
asserts. Forking keeps a round at ~0.15 s instead of the ~0.5 s a fresh interpreter costs.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.paths import AppPaths
from journal.storage.sql import fts_problems
from journal.storage.store import JournalStore

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)"),
]

KILLS_PER_JOURNAL = int(os.environ.get("DAYBOOK_FAULT_KILLS", "120"))
JOURNALS = 2  # one writer per journal; two journals keep both cores busy
CHECK_EVERY = 10

ZYGOTE = r"""
import os, random, sys
from journal.cli import main
import journal.services.journal, journal.storage.store, journal.storage.migrate
import sqlalchemy.dialects.sqlite.pysqlite

print("ready", flush=True)
for line in sys.stdin:
    seed = int(line)
    pid = os.fork()
    if pid == 0:
        rnd = random.Random(seed)
        for i in range(1_000_000):
            words = rnd.choice((2, 40, 600, 6000))
            body = f"s{seed}n{i} " + " ".join(f"w{rnd.randrange(10**6)}" for _ in range(words))
            code = main(["add", body, "--tag", f"t{i % 5}"])
            if code != 0:
                print(f"error {code}", flush=True)
                os._exit(3)
        os._exit(0)
    print(f"pid {pid}", flush=True)
    _, status = os.waitpid(pid, 0)
    # A leading newline: a writer killed inside print() may have left half a line.
    print(f"\ndone {pid} {status}", flush=True)
"""


class Writer:
    """The zygote on one journal, and the lines it and its writers print."""

    def __init__(self, home: Path) -> None:
        env = dict(os.environ, DAYBOOK_HOME=str(home))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.confirmed: set[int] = set()
        assert self.next_line() == "ready"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def next_line(self) -> str:
        """The next line that is not an id; ids are collected as confirmed on the way."""
        while True:
            line = self.lines.get(timeout=60)
            if not line:
                continue
            if line.isdigit():
                self.confirmed.add(int(line))
                continue
            if line.startswith("error") or line == "eof":
                assert self.proc.stderr is not None
                pytest.fail(f"the writer failed: {line}: {self.proc.stderr.read()}")
            return line

    def wait_for_ids(self, count: int) -> None:
        """Wait until the running writer has confirmed `count` more entries."""
        goal = len(self.confirmed) + count
        while len(self.confirmed) < goal:
            line = self.lines.get(timeout=120)  # a liveness bound: one save, however slow
            if line.isdigit():
                self.confirmed.add(int(line))
            elif line:
                assert self.proc.stderr is not None
                pytest.fail(f"the writer stopped: {line}: {self.proc.stderr.read()}")

    def round(self, seed: int, writes: int, delay: float) -> None:
        """Start a writer, wait for `writes` confirmed entries, let it go on `delay` seconds,
        kill -9 it, wait for its end."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{seed}\n")
        self.proc.stdin.flush()
        kind, pid = self.next_line().split()
        assert kind == "pid"
        self.wait_for_ids(writes)
        time.sleep(delay)
        os.kill(int(pid), signal.SIGKILL)
        kind, done_pid, status = self.next_line().split()
        assert (kind, done_pid) == ("done", pid)
        assert os.WIFSIGNALED(int(status)) and os.WTERMSIG(int(status)) == signal.SIGKILL

    def close(self) -> None:
        assert self.proc.stdin and self.proc.stdout and self.proc.stderr
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(timeout=30)
        self.proc.stdout.close()
        self.proc.stderr.close()


def present_ids(db: Path) -> set[int]:
    """The ids in the journal, after checking its integrity and search index."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert fts_problems(conn.cursor()) == []
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return {int(r[0]) for r in conn.execute("SELECT id FROM entries")}
    finally:
        conn.close()


def kill_rounds(
    home: Path, kills: int, seed: int, results: dict[str, tuple[set[int], int]]
) -> None:
    rnd = random.Random(seed)
    with JournalStore.open(AppPaths(home)):
        pass  # the schema exists before the first kill, so every check has tables to check
    writer = Writer(home)
    waited = 0
    try:
        for k in range(kills):
            writes = rnd.choice((0, 1, 1, 2, 3)) or int(k == 0)  # the first round writes
            waited += writes
            writer.round(seed * 100_000 + k, writes, rnd.uniform(0.0, 0.1))
            if k % CHECK_EVERY == CHECK_EVERY - 1:
                missing = writer.confirmed - present_ids(home / "journal.sqlite3")
                assert not missing, f"confirmed entries lost after kill {k + 1}: {missing}"
    finally:
        writer.close()
    results[str(home)] = (writer.confirmed, waited)


def test_kill_9_while_adding_loses_nothing_confirmed(
    tmp_path: Path, fault_table: Callable[..., None]
) -> None:
    seed = int(os.environ.get("DAYBOOK_FAULT_SEED", random.randrange(10**6)))
    results: dict[str, tuple[set[int], int]] = {}
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            kill_rounds(tmp_path / f"journal{i}", KILLS_PER_JOURNAL, seed + i, results)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(JOURNALS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    if errors:
        raise errors[0]

    confirmed = lost = present = waited = 0
    for home_name, (ids, writes) in results.items():
        home = Path(home_name)
        got = present_ids(home / "journal.sqlite3")
        assert isinstance(ids, set) and isinstance(writes, int)
        confirmed += len(ids)
        waited += writes
        present += len(got)
        lost += len(ids - got)
        # The journal opens and checks clean through the store too.
        with JournalStore.open(AppPaths(home)) as store:
            assert store.check() == []
    kills = KILLS_PER_JOURNAL * JOURNALS
    fault_table(
        "kill -9 of `daybook add` loops, random moments",
        kills,
        lost,
        f"{confirmed} entries confirmed ({waited} waited for), {present - confirmed} more "
        f"committed but unconfirmed (killed before printing), seed {seed}",
    )
    print(f"\nkill -9: {kills} kills, {confirmed} confirmed, {lost} lost (seed {seed})")
    assert lost == 0
    # The writers really wrote between kills: every round waited for its confirmed writes
    # (counted, not timed), so this holds on any machine.
    assert len(results) == JOURNALS and confirmed >= waited > 0
