"""Child process of the export-preview benchmark: the export dialog's HTML preview of N entries.

    python bench/preview_child.py --home DIR --entries 20000 [--mode span|ids]

Opens the journal in DIR and the export dialog on its newest N entries, as a date range
(`span`, the dialog's "Custom" range from the day of the N-th newest entry) or as a selection
(`ids`, "Export Selected"), switches the format to HTML and asks for the preview, offscreen.
Prints one JSON line with:

- `first_s`: from the request to the first preview shown (its first entries);
- `whole_s`: from the request to the whole export shown (None if it never came);
- `max_stall_ms`: the longest the UI thread went without serving a 5 ms timer meanwhile (a
  frame is ~16 ms: the preview must never hold the UI thread longer than that);
- `progress_steps`: how many progress messages the dialog's busy line showed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
import time
from pathlib import Path

WATCHDOG_S = 300.0


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, required=True)
    p.add_argument("--entries", type=int, default=20_000)
    p.add_argument("--mode", choices=("span", "ids"), default="span")
    args = p.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.ui.common.refcount import guard_none_refcount
    from journal.ui.dialogs.export_dialog import ExportDialog

    guard_none_refcount()  # as the app does (PySide6 6.12 on Python 3.11)
    app = QApplication(sys.argv[:1])
    paths = AppPaths(args.home)
    with sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT id, day FROM entries WHERE deleted_at IS NULL ORDER BY day DESC, id DESC"
            " LIMIT ?",
            (args.entries,),
        ).fetchall()
    ids = [row[0] for row in rows]
    span = (
        dt.date.fromisoformat(str(rows[-1][1])[:10]),
        dt.date.fromisoformat(str(rows[0][1])[:10]),
    )
    journal = Journal.open(paths)
    if args.mode == "ids":
        dialog = ExportDialog(journal, ids=ids)
    else:
        dialog = ExportDialog(journal)
        dialog.form.set_dates(*span)  # "Custom dates"
    dialog.resize(1000, 700)
    dialog.show()
    app.processEvents()

    times: dict[str, float | None] = {"first": None, "whole": None}
    stall = {"last": time.perf_counter(), "max": 0.0, "steps": 0}
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        if times["first"] is None and dialog.preview() is not None:
            times["first"] = now - started  # the first entries are on screen
        stall["max"] = max(stall["max"], now - stall["last"])
        stall["last"] = now

    ticker.timeout.connect(tick)

    def ready() -> None:
        now = time.perf_counter() - started
        if times["first"] is None:  # no partial step: the whole came first
            times["first"] = now
        if dialog.is_complete():
            times["whole"] = now
            app.quit()

    dialog.previewReady.connect(ready)
    busy_start = dialog.busy.start

    def counted_start(key: str, text: str) -> None:  # each progress message the line shows
        stall["steps"] += 1
        busy_start(key, text)

    dialog.busy.start = counted_start  # type: ignore[method-assign]
    QTimer.singleShot(int(WATCHDOG_S * 1000), app.quit)
    dialog.set_format("html")
    started = time.perf_counter()
    stall["last"] = started
    ticker.start()
    dialog.refresh()
    app.exec()
    ticker.stop()
    sys.stdout.write(
        json.dumps(
            {
                "ok": times["first"] is not None,
                "mode": args.mode,
                "entries": len(ids),
                "first_s": times["first"],
                "whole_s": times["whole"],
                "max_stall_ms": stall["max"] * 1000,
                "progress_steps": stall["steps"],
                "problem": getattr(dialog.preview(), "problem", "no preview"),
            }
        )
        + "\n"
    )
    sys.stdout.flush()
    dialog.close()
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
