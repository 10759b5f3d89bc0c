"""The GUI benchmarks: Daybook's main window and prompt against a bare QMainWindow (issues 3
and 18), and the export dialog's preview of a big export."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from typing import TYPE_CHECKING, Any

from benchkit import (
    BENCH,
    PREVIEW_ENTRIES,
    PYTHON,
    TARGETS,
    Results,
    bench_env,
    percentile,
)

if TYPE_CHECKING:
    from pathlib import Path

GUI_CHILD = BENCH / "gui_child.py"
PREVIEW_CHILD = BENCH / "preview_child.py"


def run_gui(res: Results, home: Path, runs: int, pages: int, label: str = "") -> None:
    """Process start to painted window, Daybook vs a bare QMainWindow, interleaved runs."""
    label = label or home.name
    scratch = home.parent / "gui-home"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    env = bench_env(scratch) | {"QT_QPA_PLATFORM": "offscreen"}
    # The usual start: the app last closed this journal after a clean check, so it is not
    # read whole again before opening (journal/services/health.py `note_verified`).
    from journal.paths import AppPaths
    from journal.services.health import note_verified

    note_verified(AppPaths(home))
    probe = gui_child(["app", "--home", str(home)], env)
    if not probe[0].get("ok"):
        reason = probe[0].get("reason", "the child failed")
        last = probe[0].get("stderr", "").strip().splitlines()[-1:]
        if last and "no create_window" not in reason:
            reason += f" ({last[0][:160]})"
        res.add("gui", "GUI start-up", None, "", note=f"skipped: {reason}")
        res.details["gui"] = {"skipped": reason, "stderr": probe[0].get("stderr", "")}
        return
    gui_child(["bare"], env)  # warm-up of all three
    gui_child(["widgets"], env)
    prompting = gui_child(["prompt", "--home", str(home)], env)[0].get("ok", False)
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], "widgets": [], "app": []}
    prompts: list[dict[str, Any]] = []
    for _ in range(runs):
        samples["bare"].append(gui_child(["bare"], env)[0])
        samples["widgets"].append(gui_child(["widgets"], env)[0])
        # Each start as the usual one: the child is stopped right after its content is
        # painted, before the app's own check after start could note the files as checked.
        note_verified(AppPaths(home))
        samples["app"].append(gui_child(["app", "--home", str(home)], env)[0])
        if prompting:
            note_verified(AppPaths(home))
            prompts.append(gui_child(["prompt", "--home", str(home)], env)[0])
    scroll = gui_child(["app", "--home", str(home), "--scroll-pages", str(pages)], env)[0]
    res.details["gui"] = {"samples": samples, "scroll": scroll, "prompt": prompts}
    start = {k: statistics.median(s["start_s"] for s in v) for k, v in samples.items()}
    peak = {k: statistics.median(s["peak_rss_mb"] for s in v) for k, v in samples.items()}
    res.add("gui", "bare QMainWindow: start to paint", start["bare"], "s", note=f"n={runs}")
    res.add(
        "gui",
        "QMainWindow with menus, status bar, label",
        start["widgets"],
        "s",
        note=f"{start['widgets'] / start['bare']:.2f}x bare; no app code, for reference",
    )
    res.details["gui"]["built_by"] = samples["app"][0].get("built_by", "")
    ratio = start["app"] / start["bare"]
    res.add(
        "gui",
        f"Daybook window ({label}): start to paint",
        start["app"],
        "s",
        target=f"<= {TARGETS['gui_start_ratio']:g}x bare",
        note=f"{ratio:.2f}x bare; window from {samples['app'][0].get('built_by', '?')}",
    ).ok = ratio <= TARGETS["gui_start_ratio"]
    content = [s["content_painted_at"] - s["painted_at"] + s["start_s"]
               for s in samples["app"] if "content_painted_at" in s]  # fmt: skip
    if content:
        content_ratio = statistics.median(content) / start["bare"]
        res.add(
            "gui",
            f"  then its panes ({label}): start to paint",
            statistics.median(content),
            "s",
            target=f"<= {TARGETS['gui_content_ratio']:g}x bare",
            note=f"{content_ratio:.2f}x bare; the journal opened "
            "in the background after the first paint, first page of the timeline shown",
        ).ok = content_ratio <= TARGETS["gui_content_ratio"]
    _add_prompt(res, prompts, samples["bare"], label)
    phases = [s["phases_ms"] for s in samples["app"]]

    def phase(start: str, end: str) -> float:
        return float(statistics.median(p[end] - p[start] for p in phases))

    res.add(
        "gui",
        "  of which building the window",
        phase("app_imported", "window_built"),
        "ms",
        note=f"import journal.app {phase('qapplication', 'app_imported'):.0f} ms, "
        f"show to painted {phase('window_built', 'paint_flushed'):.0f} ms",
    )
    if content:
        res.add(
            "gui",
            "  painted to panes in",
            phase("paint_flushed", "ready"),
            "ms",
            note=f"then painted in {phase('ready', 'content_painted'):.0f} ms",
        )
    res.add("gui", "bare QMainWindow: peak RSS", peak["bare"], "MiB")
    extra = peak["app"] - peak["bare"]
    res.add(
        "gui",
        f"Daybook window ({label}): peak RSS",
        peak["app"],
        "MiB",
        target=f"<= bare + {TARGETS['gui_extra_mb']:g} MiB",
        note=f"bare + {extra:.1f} MiB",
    ).ok = extra <= TARGETS["gui_extra_mb"]
    if scroll.get("scroll_median_ms") is None:
        note = scroll.get("scroll_error") or "the timeline could not be scrolled"
        res.add("gui", "scroll one page", None, "ms", note=f"skipped: {note}")
        return
    res.add(
        "gui",
        "scroll one page (median)",
        scroll["scroll_median_ms"],
        "ms",
        limit=TARGETS["scroll_ms"],
        note=f"{len(scroll['scroll_ms'])} pages of a {scroll['view_class']}, "
        f"{scroll['rows_loaded']} rows loaded",
    )
    res.add(
        "gui",
        "scroll one page (p95)",
        percentile(scroll["scroll_ms"], 95),
        "ms",
        limit=TARGETS["scroll_ms"],
        note=f"max {scroll['scroll_max_ms']:.1f} ms",
    )


def _add_prompt(
    res: Results, prompts: list[dict[str, Any]], bare: list[dict[str, Any]], label: str
) -> None:
    """`daybook prompt` to its painted window against the bare window, run by run."""
    timed = [(p["start_s"], b["start_s"]) for p, b in zip(prompts, bare, strict=False)
             if p.get("ok") and b.get("ok")]  # fmt: skip
    if not timed:
        res.add("gui", "daybook prompt: start to paint", None, "", note="skipped: it failed")
        return
    ratio = statistics.median(p / b for p, b in timed)
    res.add(
        "gui",
        f"daybook prompt ({label}): start to paint",
        statistics.median(p for p, _b in timed),
        "s",
        target=f"<= {TARGETS['prompt_ratio']:g}x bare",
        note=f"{ratio:.2f}x bare, paired over {len(timed)} runs; the command line in the "
        "child, to the prompt window's first flushed paint",
    ).ok = ratio <= TARGETS["prompt_ratio"]


def gui_child(args: list[str], env: dict[str, str]) -> tuple[dict[str, Any], int]:
    """Run gui_child.py; returns its JSON line (plus start_s and peak_rss_mb) and status."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.time()
        proc = subprocess.Popen(
            [str(PYTHON), str(GUI_CHILD), *args],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip
        killer = _Killer(proc, 120.0)
        assert proc.stdout is not None
        lines = proc.stdout.read().splitlines()
        _pid, status, usage = os.wait4(proc.pid, 0)  # wait4 gives this child's own peak RSS
        proc.returncode = os.waitstatus_to_exitcode(status)
        killer.cancel()
        errors.seek(0)
        stderr = errors.read()
    try:
        payload: dict[str, Any] = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        payload = {"ok": False, "reason": f"the child exited {proc.returncode} without a result"}
    payload["stderr"] = stderr[-2000:]
    if payload.get("ok"):
        payload["start_s"] = payload["painted_at"] - start
        # The child's own figure (VmHWM); wait4's ru_maxrss only where it has none.
        payload.setdefault("peak_rss_mb", usage.ru_maxrss / 1024)
    return payload, int(proc.returncode)


class _Killer:
    """Kills a child process that runs longer than `seconds` (a hung window)."""

    def __init__(self, proc: subprocess.Popen[str], seconds: float) -> None:
        self._timer = threading.Timer(seconds, proc.kill)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()


def run_preview(res: Results, home: Path, runs: int, label: str = "") -> None:
    """The export dialog's HTML preview of the newest PREVIEW_ENTRIES entries (a date range,
    then the same entries as a selection): first screenful, the whole, the longest UI stall."""
    label = label or home.name
    scratch = home.parent / "preview-home"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    env = bench_env(scratch) | {"QT_QPA_PLATFORM": "offscreen"}
    for mode, what in (("span", "date range"), ("ids", "selection")):
        samples: list[dict[str, Any]] = []
        for _ in range(runs):
            with tempfile.TemporaryFile(mode="w+") as errors:
                proc = subprocess.run(
                    [str(PYTHON), str(PREVIEW_CHILD), "--home", str(home),
                     "--entries", str(PREVIEW_ENTRIES), "--mode", mode],
                    env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                    text=True, timeout=600, check=False,
                )  # fmt: skip
            try:
                sample = json.loads(proc.stdout.splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                sample = {"ok": False}
            if sample.get("ok"):
                samples.append(sample)
        res.details.setdefault("preview", {})[mode] = samples
        name = f"export preview, {PREVIEW_ENTRIES:,} entries ({label}, {what})"
        if not samples:
            res.add("preview", name, None, "", note="FAILED: the child gave no result")
            continue
        n = samples[0]["entries"]
        first = statistics.median(s["first_s"] for s in samples)
        wholes = [s["whole_s"] for s in samples if s["whole_s"] is not None]
        stall = statistics.median(s["max_stall_ms"] for s in samples)
        steps = statistics.median(s["progress_steps"] for s in samples)
        whole = statistics.median(wholes) if wholes else None
        note = f"{n} entries, median of {len(samples)}"
        res.add("preview", f"{name}: first screen", first, "s",
                limit=TARGETS["preview_first_s"], note=note)  # fmt: skip
        res.add("preview", f"{name}: whole", whole, "s", note=f"{steps:.0f} progress steps")
        res.add("preview", f"{name}: longest UI-thread stall", stall, "ms",
                limit=TARGETS["preview_stall_ms"])  # fmt: skip
