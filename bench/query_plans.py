"""Where a search spends its time: the SQL statements Journal.search runs, and their plans."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from journal.domain.filters import Order


def diagnose(home: Path, texts: Sequence[str], order: Order) -> dict[str, Any]:
    """Where the time of a search goes: each SQL statement Journal.search ran (caught with
    SQLite's trace callback, parameters expanded), its share of the time, and its plan."""
    import sqlite3

    from journal.domain.filters import EntryFilter
    from journal.paths import AppPaths
    from journal.services.journal import Journal as Service

    marks: list[tuple[float, str]] = []

    def note(statement: str) -> None:
        if not statement.startswith("--"):  # "-- ..." are FTS5's own nested statements
            marks.append((time.perf_counter(), statement))

    def on_checkout(conn: sqlite3.Connection) -> None:
        conn.set_trace_callback(note)

    report: dict[str, Any] = {}
    plans = sqlite3.connect(f"file:{home / 'journal.sqlite3'}?mode=ro", uri=True)
    with Service.open(AppPaths(home)) as service:
        service.store._engine.on_checkout.append(on_checkout)
        for text in texts:
            service.search(text, EntryFilter(), limit=50, order=order)  # warm
            marks.clear()
            start = time.perf_counter()
            service.search(text, EntryFilter(), limit=50, order=order)
            end = time.perf_counter()
            steps = []
            for i, (at, sql) in enumerate(marks):
                until = marks[i + 1][0] if i + 1 < len(marks) else end
                step: dict[str, Any] = {"ms": (until - at) * 1000, "sql": sql}
                if sql.lstrip().upper().startswith("SELECT"):
                    step["plan"] = _plan(plans, sql)
                steps.append(step)
            report[text] = {"total_ms": (end - start) * 1000, "statements": steps}
    plans.close()
    return report


def _plan(conn: Any, sql: str) -> list[str]:
    depth: dict[int, int] = {0: -1}
    lines = []
    for node, parent, _unused, detail in conn.execute("EXPLAIN QUERY PLAN " + sql):
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + str(detail))
    return lines


def format_diagnosis(report: dict[str, Any]) -> str:
    out = []
    for text, info in report.items():
        out.append(f"\nquery {text!r}: {info['total_ms']:.1f} ms in Journal.search")
        for step in info["statements"]:
            sql = " ".join(step["sql"].split())
            out.append(f"  {step['ms']:8.2f} ms  {sql[:150]}{'…' if len(sql) > 150 else ''}")
            out.extend(f"               | {line}" for line in step.get("plan", []))
    return "\n".join(out)
