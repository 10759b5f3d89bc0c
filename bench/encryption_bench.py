"""Encrypted vs plain journal, in one run: search latency, opening, whole commands.

    .venv/bin/python bench/encryption_bench.py [--entries 100000] [--make-journal PATH]

Makes a journal with make_journal.py (see README.md), imports it into a plain data folder,
copies the folder and encrypts the copy (`daybook encrypt --passphrase-stdin`, timed), then
measures both side by side, interleaved so machine noise hits them alike:
- `search`: in-process `Journal.search` (newest first, limit 50) of the run.py queries,
  5 repeats each, median and p95;
- `open`: in-process unlock (key derivation, encrypted only) + `Journal.open` + the first
  timeline page (50 entries), median of 7;
- `daybook search deploy` and `daybook list --limit 50`: whole-process wall time, median
  of 7 (the encrypted one reads DAYBOOK_PASSPHRASE, so it includes the key derivation).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchkit import BENCH, MAKE_JOURNAL, JournalFiles, bench_env, daybook, log, percentile
from run import QUERIES, generate

PASSPHRASE = "bench passphrase"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--entries", type=int, default=100_000)
    p.add_argument("--make-journal", type=Path, default=MAKE_JOURNAL)
    p.add_argument("--out", type=Path, default=BENCH / "out")
    args = p.parse_args()
    import benchkit

    benchkit.MAKE_JOURNAL = args.make_journal  # read by run.generate too
    files = JournalFiles(
        f"e{args.entries // 1000}k", ("--entries", str(args.entries)), args.out / "data"
    )
    generate(files)
    work = args.out / "work" / "encryption"
    shutil.rmtree(work, ignore_errors=True)
    plain, encrypted = work / "plain", work / "encrypted"
    env = bench_env(work)
    log("importing")
    subprocess.run(daybook(plain, "import", "jsonl", str(files.file("jsonl"))), env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    shutil.copytree(plain, encrypted)
    t = time.perf_counter()
    subprocess.run(daybook(encrypted, "encrypt", "--passphrase-stdin"), env=env, check=True,
                   input=f"{PASSPHRASE}\n", text=True, stderr=subprocess.DEVNULL)  # fmt: skip
    print(f"encrypt (sqlcipher_export + verification): {time.perf_counter() - t:.1f} s")
    for name, home in (("plain", plain), ("encrypted", encrypted)):
        size = (home / "journal.sqlite3").stat().st_size
        print(f"{name} database size: {size / 1e6:.1f} MB")

    from journal.domain.filters import EntryFilter
    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.storage import cipher

    def open_journal(home: Path) -> Journal:
        paths = AppPaths(home)
        if cipher.is_encrypted(paths.database):
            cipher.forget(paths.database)
            cipher.unlock(paths.database, PASSPHRASE)
        return Journal.open(paths)

    opens: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for _ in range(7):
        for name, home in (("plain", plain), ("encrypted", encrypted)):
            t = time.perf_counter()
            with open_journal(home) as j:
                j.list_entries(EntryFilter(), limit=50)
                opens[name].append(time.perf_counter() - t)
    searches: dict[str, list[float]] = {"plain": [], "encrypted": []}
    journals = {"plain": open_journal(plain), "encrypted": open_journal(encrypted)}
    for _ in range(5):
        for _kind, text in QUERIES:
            for name, j in journals.items():
                t = time.perf_counter()
                j.search(text, EntryFilter(), limit=50, order="newest")
                searches[name].append(time.perf_counter() - t)
    for j in journals.values():
        j.close()
    commands = {
        "daybook search deploy": ("search", "deploy"),
        "daybook list --limit 50": ("list", "--limit", "50"),
    }
    walls: dict[tuple[str, str], list[float]] = {}
    for _ in range(8):
        for label, cmd in commands.items():
            for name, home in (("plain", plain), ("encrypted", encrypted)):
                run_env = dict(env, DAYBOOK_PASSPHRASE=PASSPHRASE)
                t = time.perf_counter()
                subprocess.run(daybook(home, *cmd), env=run_env, check=True,
                               stdout=subprocess.DEVNULL)  # fmt: skip
                walls.setdefault((label, name), []).append(time.perf_counter() - t)
    print(f"\n{'figure':<44} {'plain':>10} {'encrypted':>10}")
    for name in ("median", "p95"):
        q = 50 if name == "median" else 95
        row = [percentile(searches[k], q) * 1000 for k in ("plain", "encrypted")]
        print(f"{'search ' + name + ' (ms, in-process)':<44} {row[0]:>10.1f} {row[1]:>10.1f}")
    row = [statistics.median(opens[k]) * 1000 for k in ("plain", "encrypted")]
    print(f"{'open + first page (ms, in-process)':<44} {row[0]:>10.1f} {row[1]:>10.1f}")
    for label in commands:
        row = [statistics.median(walls[(label, k)][1:]) for k in ("plain", "encrypted")]
        print(f"{label + ' (s, whole process)':<44} {row[0]:>10.3f} {row[1]:>10.3f}")
    print(f"\npython {sys.version.split()[0]}, {os.cpu_count()} cpus, key derivation "
          f"PBKDF2-HMAC-SHA512 x {cipher.KDF_ITERATIONS:,}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
