"""kill -9 while the journal is encrypted, decrypted or re-keyed: one complete journal remains.

A zygote imports Daybook once and forks a converter per round; the converter walks the
cycle plain -> encrypted ("pw1") -> re-keyed ("pw2") -> plain, for ever, printing a line
after each finished conversion. Each round waits for a random number (0-2) of finished
conversions, lets it run a random moment more (into the next one), and kills it with
SIGKILL. Then the journal must open (plain, or encrypted with one of the two passphrases),
hold every entry, pass `check`, and, when encrypted, no file beside it but a partial copy
may hold entry text once the journal was opened (the old plain file is erased on open).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from journal.errors import WrongPassphraseError
from journal.paths import AppPaths
from journal.services.journal import Journal
from journal.storage import cipher, convert

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)"),
]
pytest.importorskip("sqlcipher3")

ROUNDS = int(os.environ.get("DAYBOOK_FAULT_KILLS", "120")) // 4
ENTRIES = 150
CANARY = "Quokka9canary"
PASSPHRASES = ("pw1", "pw2")

ZYGOTE = r"""
import os, sys
from pathlib import Path
from journal.storage import cipher, convert

cipher.KDF_ITERATIONS = 1000
path = Path(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        while True:
            if not cipher.is_encrypted(path):
                convert.convert(path, None, cipher.Key.derive("pw1"), 5000)
            else:
                for old, new in (("pw1", "pw2"), ("pw2", None)):
                    try:
                        key = cipher.open_key(path, old)
                    except cipher.WrongPassphraseError:
                        continue
                    convert.convert(path, key, new and cipher.Key.derive(new), 5000)
                    break
            print("converted", flush=True)
    print(f"pid {pid}", flush=True)
    _, status = os.waitpid(pid, 0)
    print(f"\ndone {pid} {status}", flush=True)
"""


def _open(paths: AppPaths) -> Journal:
    if cipher.is_encrypted(paths.database):
        for passphrase in PASSPHRASES:
            try:
                cipher.unlock(paths.database, passphrase)
                break
            except WrongPassphraseError:
                continue
        else:
            raise AssertionError("the encrypted journal opens with neither passphrase")
    return Journal.open(paths)


def test_kill_9_during_conversion_leaves_one_complete_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault_table: Callable[..., None]
) -> None:
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)
    paths = AppPaths(tmp_path / "home")
    with Journal.open(paths) as j:
        for i in range(ENTRIES):
            j.add(f"{CANARY} {i} " + "words " * random.Random(i).randrange(5, 400))
    proc = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(paths.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    rnd = random.Random(20)
    states: dict[str, int] = {"plain": 0, "encrypted": 0}
    lost = 0
    took = [0.05]
    try:
        assert proc.stdout.readline() == "ready\n"
        for _ in range(ROUNDS):
            proc.stdin.write("go\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
            assert line.startswith("pid "), line
            pid = int(line.split()[1])
            started = time.monotonic()
            for _ in range(rnd.randrange(3)):
                assert proc.stdout.readline() == "converted\n"
                took.append(time.monotonic() - started)
                started = time.monotonic()
            # A random moment into the next conversion: spread over its whole length, as
            # measured on the finished ones (the moments move with the machine's speed).
            time.sleep(rnd.uniform(0, 1.2 * max(took[-8:])))
            os.kill(pid, signal.SIGKILL)
            while not (line := proc.stdout.readline()).startswith("done"):
                assert line in ("converted\n", "\n"), line
            cipher._KEYS.clear()
            with _open(paths) as j:
                count = j.store.count()
                problems = j.check()
                encrypted = j.store.key is not None
            lost += ENTRIES - count
            assert count == ENTRIES and problems == []
            states["encrypted" if encrypted else "plain"] += 1
            if encrypted:
                leaks = [
                    p.name
                    for p in paths.home.rglob("*")
                    if p.is_file()
                    and p != convert.partial_copy(paths.database)
                    and CANARY.encode() in p.read_bytes()
                ]
                assert leaks == []
    finally:
        proc.stdin.close()
        proc.kill()
        proc.wait()
        proc.stdout.close()
    fault_table(
        "kill -9 during encrypt / passwd / decrypt", ROUNDS, lost, f"journal found {states}"
    )
