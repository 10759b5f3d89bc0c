"""Ctrl+C ends a running command at once: exit 130, one line, no traceback.

SIGINT used to wait for the running SQLite statement (a search over a large entry: more
than five minutes). A child process runs `daybook` on a journal whose query is made endless
on purpose (so the signal always lands inside SQLite, however fast the machine), says when
the query starts, and the test sends SIGINT then.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from journal.domain.entry import NewEntry
from journal.paths import AppPaths
from journal.storage.store import JournalStore

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")

ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM n WHERE i < 0"
)

# The child: `daybook ARGS` whose store runs one endless read first, from the method named
# on its command line, after printing "started" to stderr.
CHILD = r"""
import sys
from journal import cli
from journal.storage import store

method = sys.argv[1]
original = getattr(store.JournalStore, method)

def slow(self, *args, **kwargs):
    print("started", file=sys.stderr, flush=True)
    self._query(sys.argv[2], ())
    return original(self, *args, **kwargs)

setattr(store.JournalStore, method, slow)
sys.exit(cli.main(sys.argv[3:]))
"""


def _journal(home: Path) -> None:
    with JournalStore.open(AppPaths(home)) as store:
        for i in range(30):
            day = dt.date(2026, 5, 1) + dt.timedelta(days=i)
            created = dt.datetime(day.year, day.month, day.day, 17, tzinfo=dt.UTC)
            store.add(NewEntry(day=day, body=f"deploy review {i}", created=created))


def _interrupt(home: Path, method: str, args: list[str]) -> tuple[int, list[str]]:
    env = dict(os.environ, DAYBOOK_HOME=str(home), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, method, ENDLESS, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first == "started\n", first + proc.stderr.read()
        # Lets the child get from its print into SQLite, so that the signal lands there (the
        # case that used to hang); the outcome asserted is the same wherever it lands.
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        # A liveness bound, not a speed test: without the fix the query never ends.
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, err.splitlines()


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("_is_common", ["search", "deploy"]),
        ("_snippets", ["search", "review", "--by-relevance"]),
        ("count", ["check"]),
        ("list_summaries", ["list"]),
        ("list_entries", ["list", "--json"]),
        ("list_entries", ["export", "--format", "markdown"]),
    ],
)
def test_ctrl_c_during_a_long_query_exits_130_with_one_line(
    tmp_path: Path, method: str, args: list[str]
) -> None:
    home = tmp_path / "journal"
    _journal(home)
    code, lines = _interrupt(home, method, args)
    assert code == 130
    assert len(lines) == 1 and lines[0].startswith("daybook: interrupted"), lines
    # The journal is intact and still opens.
    with JournalStore.open(AppPaths(home)) as store:
        assert store.check() == [] and store.count() == 30


def test_a_second_command_in_the_same_process_is_not_interrupted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() forgets an earlier Ctrl+C and puts the previous SIGINT handler back."""
    from journal import cancel
    from journal.cli import main

    home = tmp_path / "journal"
    _journal(home)
    before = signal.getsignal(signal.SIGINT)
    cancel.interrupt_process()
    assert main(["--home", str(home), "search", "deploy"]) == 0
    assert "deploy" in capsys.readouterr().out
    assert signal.getsignal(signal.SIGINT) is before
    assert not cancel.process_interrupted()
