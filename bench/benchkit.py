"""Shared pieces of the Daybook benchmarks: targets, the results table, timing processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared"
MAKE_JOURNAL = SHARED / "data" / "make_journal.py"
PYTHON = Path(sys.executable)
DAYBOOK = PYTHON.parent / "daybook"

RARE_WORD = "quokka"  # put into a handful of entries of every generated journal
RARE_COUNT = 5

TARGETS = {
    "search_median_ms": 10.0,
    "search_p95_ms": 50.0,
    "search_process_s": 0.4,
    "import_s": 15.0,
    "add_s": 0.3,
    "gui_start_ratio": 1.5,
    "gui_content_ratio": 2.0,
    "prompt_ratio": 1.5,  # `daybook prompt` to its painted window vs the bare window
    "gui_extra_mb": 60.0,
    "process_ratio": 3.0,  # a command's whole process vs `python -c pass`, paired run by run
    "export_markdown_ratio": 0.5,  # y20 export vs jrnl's Markdown export of the same journal
    "export_html_ratio": 2.0,
    "scroll_ms": 16.0,
    "preview_first_s": 0.3,  # the export dialog's first screenful of a 20,000-entry HTML preview
    "preview_stall_ms": 16.0,  # the longest the UI thread is held meanwhile: one frame
}
PREVIEW_ENTRIES = 20_000


# -- results -------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table."""

    section: str
    name: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


@dataclass
class Results:
    """The rows of the results table and the details kept beside them in the JSON output."""

    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        section: str,
        name: str,
        value: float | None,
        unit: str,
        *,
        limit: float | None = None,
        target: str = "",
        note: str = "",
    ) -> Row:
        ok = None if limit is None or value is None else value <= limit
        if limit is not None and not target:
            target = f"<= {limit:g} {unit}"
        row = Row(section, name, value, unit, target, ok, note)
        self.rows.append(row)
        return row


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass(frozen=True)
class JournalFiles:
    """One generated journal: its name, make_journal arguments and its cached files."""

    name: str
    args: tuple[str, ...]
    data: Path

    def file(self, fmt: str) -> Path:
        return self.data / f"{self.name}.{'txt' if fmt == 'jrnl' else 'jsonl'}"


# -- processes -----------------------------------------------------------------------------


def bench_env(home: Path) -> dict[str, str]:
    """The environment for every child: HOME and the XDG folders in a scratch folder."""
    env = dict(os.environ)
    for var in ("DAYBOOK_HOME", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    env |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "",
    }
    return env


def wall_once(cmd: Sequence[str], env: dict[str, str], check: bool = True) -> float:
    """Seconds of wall time for one run of `cmd`, output discarded."""
    t = time.perf_counter()
    done = subprocess.run(
        list(cmd), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - t
    if check and done.returncode != 0:
        raise RuntimeError(f"{shlex.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def wall_times(
    commands: Mapping[str, Sequence[str]], runs: int, env: dict[str, str], warmup: int = 1
) -> dict[str, list[float]]:
    """Wall times in seconds of each command: hyperfine (-N, no shell) if installed, else a
    subprocess loop with the commands interleaved so machine noise hits all of them alike."""
    if shutil.which("hyperfine"):
        with tempfile.TemporaryDirectory() as tmp:
            export = Path(tmp) / "hyperfine.json"
            argv = ["hyperfine", "-N", "--style", "none", "--warmup", str(warmup)]
            argv += ["--runs", str(runs), "--export-json", str(export)]
            for name, cmd in commands.items():
                argv += ["--command-name", name, shlex.join(cmd)]
            done = subprocess.run(argv, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"hyperfine failed: {done.stderr.strip() or done.stdout}")
            data = json.loads(export.read_text())
        return {r["command"]: [float(t) for t in r["times"]] for r in data["results"]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(warmup + runs):
        for name, cmd in commands.items():
            elapsed = wall_once(cmd, env)
            if i >= warmup:
                times[name].append(elapsed)
    return times


def daybook(home: Path, *args: str) -> list[str]:
    return [str(DAYBOOK), "--home", str(home), *args]


def file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


# -- report --------------------------------------------------------------------------------


def format_table(res: Results) -> str:
    headers = ("section", "figure", "value", "target", "", "note")
    order = list(dict.fromkeys(row.section for row in res.rows))
    lines: list[tuple[str, ...]] = []
    for row in sorted(res.rows, key=lambda r: order.index(r.section)):
        value = "-" if row.value is None else _fmt(row.value, row.unit)
        mark = {True: "ok", False: "MISS", None: ""}[row.ok]
        lines.append((row.section, row.name, value, row.target, mark, row.note))
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    widths[-1] = 0

    def render(cells: Sequence[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.rjust(w) if i == 2 else c.ljust(w) for i, (c, w) in pairs).rstrip()

    out = [render(headers), render(["-" * w for w in widths[:-1]] + ["----"])]
    previous = ""
    for line in lines:
        if previous and line[0] != previous:
            out.append("")
        previous = line[0]
        out.append(render(line))
    return "\n".join(out)


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    return f"{value:.1f} {unit}".rstrip()


def machine_info() -> dict[str, Any]:
    import sqlite3

    import sqlalchemy

    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "absent"
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "pyside6": pyside,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "hyperfine": shutil.which("hyperfine") is not None,
    }
