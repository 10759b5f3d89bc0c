"""Daybook benchmarks: import, search, command wall times, database size, jrnl, GUI start-up.

    .venv/bin/python bench/run.py            full run (20-year and 100,000-entry journals)
    .venv/bin/python bench/run.py --quick    smoke check on the 20-year journal only

Run by hand, never by the test suite. Generated journals are cached in bench/out/data,
imported journals live in bench/out/work (both git-ignored), and the figures are printed as
one table beside the targets from issues 2 and 3 and written to bench/out/results.json.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import benchkit
from benchkit import (
    BENCH,
    DAYBOOK,
    PYTHON,
    RARE_COUNT,
    RARE_WORD,
    TARGETS,
    JournalFiles,
    Results,
    bench_env,
    daybook,
    file_size,
    format_table,
    log,
    machine_info,
    percentile,
    wall_once,
    wall_times,
)
from gui_bench import run_gui, run_preview
from jrnl_bench import run_jrnl
from query_plans import diagnose, format_diagnosis

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ABSENT_WORD = "zebra"  # in no entry at all
ADD_TEXT = "Benchmarked the add command. #bench"

# (class, query) pairs for the in-process latency figures; words from make_journal's WORDS.
QUERIES: tuple[tuple[str, str], ...] = (
    ("common", "deploy"),
    ("common", "pipeline review"),
    ("common", "incident postmortem latency"),
    ("prefix", "cache*"),
    ("prefix", "de*"),
    ("rare", RARE_WORD),
    ("rare", ABSENT_WORD),
    ("rare", f"deploy {RARE_WORD}"),
    ("phrase", '"design document"'),
    ("phrase", '"flaky test" cache'),
    ("exclusion", "deploy -cache"),
    ("exclusion", 'review -"design document"'),
    ("filter", "tag:incident"),
    ("filter", "deploy tag:learning -tag:meeting"),
    ("filter", "latency from:2020 to:2020-06"),
    ("filter", "from:2026-01 review"),
)

# -- data ----------------------------------------------------------------------------------


def generate(journal: JournalFiles) -> None:
    """Write the journal in both formats (cached), with RARE_WORD in RARE_COUNT entries."""
    journal.data.mkdir(parents=True, exist_ok=True)
    for fmt in ("jsonl", "jrnl"):
        target = journal.file(fmt)
        if target.exists() and target.stat().st_size > 0:
            continue
        log(f"generating {target.name} ({' '.join(journal.args)})")
        made = subprocess.run(
            [sys.executable, str(benchkit.MAKE_JOURNAL), *journal.args, "--format", fmt],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        tmp = target.with_suffix(".tmp")
        tmp.write_text(_plant_rare_word(made, fmt), encoding="utf-8")
        tmp.replace(target)


def _plant_rare_word(text: str, fmt: str) -> str:
    """Start the body of RARE_COUNT evenly spaced entries with RARE_WORD, in either format.

    make_journal writes every body on one line: a jsonl line, or the line after a jrnl
    "[YYYY-MM-DD HH:MM] Title" heading. The same entries get the word in both formats.
    """
    lines = text.split("\n")
    if fmt == "jsonl":
        body_lines = [i for i, line in enumerate(lines) if line.strip()]
    else:
        body_lines = [i + 1 for i, line in enumerate(lines) if line.startswith("[")]
    step = max(1, len(body_lines) // RARE_COUNT)
    for index in body_lines[step // 2 :: step][:RARE_COUNT]:
        if fmt == "jsonl":
            record = json.loads(lines[index])
            record["body"] = f"{RARE_WORD.capitalize()} {record['body']}"
            lines[index] = json.dumps(record, ensure_ascii=False)
        else:
            lines[index] = f"{RARE_WORD.capitalize()} {lines[index]}"
    return "\n".join(lines)


def count_entries(journal: JournalFiles) -> int:
    with journal.file("jsonl").open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


# -- sections ------------------------------------------------------------------------------


def run_imports(
    res: Results, journals: Sequence[JournalFiles], work: Path, env: dict[str, str]
) -> dict[str, Path]:
    """Import each journal into a fresh folder; returns the jsonl-imported folder per name."""
    homes: dict[str, Path] = {}
    for journal in journals:
        for fmt in ("jsonl", "jrnl"):
            home = work / f"{journal.name}-{fmt}"
            shutil.rmtree(home, ignore_errors=True)
            log(f"importing {journal.file(fmt).name} into {home}")
            seconds = wall_once(daybook(home, "import", fmt, str(journal.file(fmt))), env)
            big = journal.name == "e100k"
            res.add(
                "import",
                f"{journal.name} import {fmt}",
                seconds,
                "s",
                limit=TARGETS["import_s"] if big else None,
                note=f"{count_entries(journal):,} entries",
            )
            db = home / "journal.sqlite3"
            sizes = {s: file_size(db.with_name(db.name + s)) for s in ("", "-wal", "-shm")}
            res.add(
                "size",
                f"{journal.name} ({fmt}) database",
                (sizes[""] + sizes["-wal"]) / 2**20,
                "MiB",
                note=f"file {sizes[''] / 2**20:.1f} + wal {sizes['-wal'] / 2**20:.1f} MiB; "
                f"source {journal.file(fmt).stat().st_size / 2**20:.1f} MiB",
            )
            if fmt == "jsonl":
                homes[journal.name] = home
    return homes


def run_search_latency(res: Results, name: str, home: Path, repeats: int, big: bool) -> None:
    """In-process latency of Journal.search, per query class and overall, for both orders."""
    from journal.domain.filters import EntryFilter
    from journal.paths import AppPaths
    from journal.services.journal import Journal as Service

    with Service.open(AppPaths(home)) as service:
        for order in ("newest", "relevance"):
            per_class: dict[str, list[float]] = {}
            per_query: dict[str, dict[str, Any]] = {}
            for query_class, text in QUERIES:
                times: list[float] = []
                hits = 0
                for _ in range(repeats):
                    t = time.perf_counter()
                    _parsed, found = service.search(text, EntryFilter(), limit=50, order=order)
                    times.append((time.perf_counter() - t) * 1000)
                    hits = len(found)
                per_class.setdefault(query_class, []).extend(times)
                per_query[text] = {
                    "class": query_class,
                    "hits": hits,
                    "median_ms": statistics.median(times),
                    "max_ms": max(times),
                }
            every = [t for ts in per_class.values() for t in ts]
            median_limit = TARGETS["search_median_ms"] if big else None
            p95_limit = TARGETS["search_p95_ms"] if big else None
            label = f"{name} search ({order}, limit 50)"
            res.add(
                "search",
                f"{label} median",
                statistics.median(every),
                "ms",
                limit=median_limit,
                note=f"{len(every)} queries",
            )
            res.add("search", f"{label} p95", percentile(every, 95), "ms", limit=p95_limit)
            for query_class, times in per_class.items():
                res.add(
                    "search",
                    f"  {query_class}: median / p95",
                    statistics.median(times),
                    "ms",
                    note=f"p95 {percentile(times, 95):.1f} ms",
                )
            res.details.setdefault("search", {})[f"{name}/{order}"] = per_query


def plant_rare_check(home: Path) -> int:
    """How many entries of the imported journal carry RARE_WORD (sanity check)."""
    from journal.domain.filters import EntryFilter
    from journal.paths import AppPaths
    from journal.services.journal import Journal as Service

    with Service.open(AppPaths(home)) as service:
        return len(service.search(RARE_WORD, EntryFilter(), limit=None)[1])


def run_processes(
    res: Results,
    homes: dict[str, Path],
    work: Path,
    runs: int,
    env: dict[str, str],
) -> dict[str, float]:
    """Whole-process wall times (median of `runs`) of daybook commands and two baselines."""
    commands: dict[str, list[str]] = {
        "python -c pass": [str(PYTHON), "-c", "pass"],
        "python -c 'import sqlalchemy'": [str(PYTHON), "-c", "import sqlalchemy"],
    }
    for name, home in homes.items():
        copy = work / f"{name}-add-copy"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(home, copy)
        commands |= {
            f"{name}: daybook search deploy": daybook(home, "search", "deploy"),
            f"{name}: daybook search {RARE_WORD}": daybook(home, "search", RARE_WORD),
            f"{name}: daybook list --limit 50": daybook(home, "list", "--limit", "50"),
            f"{name}: daybook add TEXT": daybook(copy, "add", ADD_TEXT),
        }
        if name == "y20":  # compared with jrnl's Markdown export of the same journal
            for fmt in ("markdown", "html"):
                target = work / f"y20-export.{fmt}"
                commands[f"y20: daybook export {fmt}"] = daybook(
                    home, "export", "--format", fmt, "-o", str(target), "--force"
                )
    log(f"timing {len(commands)} commands, {runs} runs each")
    times = wall_times(commands, runs, env)
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    res.details["processes"] = times
    for name, median in medians.items():
        big = name.startswith("e100k")
        limit = None
        if big and "search" in name:
            limit = TARGETS["search_process_s"]
        elif big and " add " in name:
            limit = TARGETS["add_s"]
        res.add(
            "process",
            name,
            median,
            "s",
            limit=limit,
            note=f"min {min(times[name]):.3f}, max {max(times[name]):.3f}, n={len(times[name])}",
        )
    # Each command against the bare interpreter: run i of one with run i of the other (the
    # loop interleaves them; with hyperfine they are only neighbours in time).
    bare = times["python -c pass"]
    for name, ts in times.items():
        if not name.startswith(tuple(homes)) or "export" in name:
            continue
        ratios = [t / b for t, b in zip(ts, bare, strict=False) if b > 0]
        gated = name.startswith("e100k") and any(
            what in name for what in ("search deploy", "list", " add ")
        )
        res.add(
            "ratio",
            f"{name} / python -c pass",
            statistics.median(ratios),
            "x",
            limit=TARGETS["process_ratio"] if gated else None,
            note=f"paired over {len(ratios)} runs",
        )
    for copy in work.glob("*-add-copy"):
        shutil.rmtree(copy, ignore_errors=True)
    return medians


# -- main ----------------------------------------------------------------------------------


def run_insights(res: Results, name: str, home: Path, repeats: int, big: bool) -> None:
    """The aggregate queries behind Insights and `daybook stats` (issue 9: <= 100 ms each)."""
    import datetime as dt

    from journal.paths import AppPaths
    from journal.services.insights import InsightsService
    from journal.services.journal import Journal as Service
    from journal.settings import Settings

    with Service.open(AppPaths(home)) as service:
        insights = InsightsService(service, Settings())
        last = service.store.list_entries(limit=1)
        today = last[0].day if last else dt.date.today()
        year = today.year
        calls: list[tuple[str, Callable[[], Any]]] = [
            ("heatmap day counts (a year)", lambda: insights.day_counts(year)),
            ("stats (a year)", lambda: insights.stats(year)),
            ("stats (all time)", lambda: insights.stats(None)),
            ("on this day", lambda: insights.on_this_day(today)),
            (
                "tag trends (24 months)",
                lambda: insights.tag_trends(today - dt.timedelta(days=730), today),
            ),
            ("streak", insights.streak),
        ]
        for label, call in calls:
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                call()
                times.append((time.perf_counter() - t) * 1000)
            res.add(
                "insights",
                f"{name} {label}",
                statistics.median(times),
                "ms",
                limit=100.0 if big else None,
                note=f"median of {repeats}",
            )


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Daybook benchmarks (see bench/README.md).")
    p.add_argument("--quick", action="store_true", help="20-year journal only, fewer repeats")
    p.add_argument("--out", type=Path, default=BENCH / "out", help="cache and results folder")
    p.add_argument("--no-jrnl", action="store_true", help="skip the jrnl comparison")
    p.add_argument("--no-gui", action="store_true", help="skip the GUI start-up benchmark")
    args = p.parse_args(argv)

    if not DAYBOOK.exists():
        p.error(f"no daybook command next to {PYTHON}: install the project (pip install -e .)")
    out: Path = args.out.absolute()
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    env = bench_env(work / "scratch-home")
    journals = [JournalFiles("y20", ("--years", "20"), out / "data")]
    if not args.quick:
        journals.append(JournalFiles("e100k", ("--entries", "100000"), out / "data"))
    big = journals[-1]
    repeats, runs = (3, 7) if args.quick else (5, 10)

    res = Results(details={"machine": machine_info(), "quick": args.quick})
    steps: list[tuple[str, Callable[[], Any]]] = []
    homes: dict[str, Path] = {}
    medians: dict[str, float] = {}

    def imports() -> None:
        for journal in journals:
            generate(journal)
        homes.update(run_imports(res, journals, work, env))
        for name, home in homes.items():
            planted = plant_rare_check(home)
            if planted != RARE_COUNT:
                log(f"warning: {name} has {planted} entries with {RARE_WORD}, not {RARE_COUNT}")

    def searches() -> None:
        for journal in journals:
            log(f"in-process search latency on {journal.name}")
            run_search_latency(
                res, journal.name, homes[journal.name], repeats, journal is big and not args.quick
            )

    def insights() -> None:
        for journal in journals:
            log(f"insights aggregates on {journal.name}")
            run_insights(
                res, journal.name, homes[journal.name], repeats, journal is big and not args.quick
            )

    def diagnoses() -> None:
        # Where the time of the slowest queries goes (all above the median target, at least 3).
        for order in ("newest", "relevance"):
            per_query = res.details["search"][f"{big.name}/{order}"]
            ranked = sorted(per_query, key=lambda q: -per_query[q]["median_ms"])
            slow = [q for q in ranked if per_query[q]["median_ms"] > TARGETS["search_median_ms"]]
            chosen = slow if len(slow) >= 3 else ranked[:3]
            log(f"query plans of {len(chosen)} slowest queries on {big.name} ({order})")
            res.details.setdefault("diagnosis", {})[order] = diagnose(
                homes[big.name], chosen, order
            )

    def processes() -> None:
        medians.update(run_processes(res, homes, work, runs, env))

    def jrnl() -> None:
        run_jrnl(res, journals, work, out, 3 if args.quick else 5, medians)

    def gui() -> None:
        log(f"GUI start-up on {big.name}")
        run_gui(res, homes[big.name], 5 if args.quick else 7, 30, big.name)

    def preview() -> None:
        log(f"export dialog preview on {big.name}")
        run_preview(res, homes[big.name], 3 if args.quick else 5, big.name)

    steps = [("imports", imports), ("search", searches), ("insights", insights)]
    steps.append(("diagnosis", diagnoses))
    steps.append(("processes", processes))
    if not args.no_jrnl:
        steps.append(("jrnl", jrnl))
    if not args.no_gui:
        steps.append(("gui", gui))
        steps.append(("preview", preview))
    started = time.perf_counter()
    for name, step in steps:
        try:
            step()
        except Exception as exc:  # one broken section must not hide the others' figures
            log(f"section {name} failed: {exc!r}")
            res.add(name, f"{name} section", None, "", note=f"FAILED: {exc}")
            if name == "imports":
                break
    res.details["bench_seconds"] = time.perf_counter() - started

    scope = "20-year journal only (--quick)" if args.quick else "targets apply to e100k"
    print(f"\nDaybook benchmarks, {res.details['machine']['when']} ({scope})\n")
    print(format_table(res))
    for order, report in res.details.get("diagnosis", {}).items():
        print(f"\nWhere the slowest searches spend their time ({big.name}, order={order}):")
        print(format_diagnosis(report))
    results = out / "results.json"
    results.write_text(
        json.dumps({"rows": [asdict(r) for r in res.rows], **res.details}, indent=2) + "\n",
        encoding="utf-8",
    )
    missed = [r for r in res.rows if r.ok is False]
    print(f"\n{len(missed)} target(s) missed; figures in {results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
