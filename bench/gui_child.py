"""Child process of the GUI benchmark: open one window offscreen and report when it is painted.

    python bench/gui_child.py bare                 a bare PySide6 QMainWindow (the baseline)
    python bench/gui_child.py widgets              the same with a menu bar, a status bar and
                                                   a label in it (no app code; for reference)
    python bench/gui_child.py app --home DIR       Daybook's main window on the journal in DIR
    python bench/gui_child.py app --home DIR --scroll-pages 30
    python bench/gui_child.py prompt --home DIR    `daybook --home DIR prompt` (its command
                                                   line run in this process) to its painted
                                                   window

The parent notes the wall clock just before starting this process; this script prints one
JSON line whose `painted_at` (time.time()) is taken once the first paint of the window has
been flushed, so `painted_at - start` is process start to a painted window. A window that
paints a frame first and fills it later (it has a `ready` signal and `is_ready()`) also gets
`content_painted_at`: when the first paint of its timeline (the largest visible item view)
after `ready` has been flushed. The Daybook
window comes from `journal.app.create_window(paths) -> QMainWindow`, called after the
QApplication exists; until that exists, from `journal.app.build_window(app, journal,
settings, qsettings)` composed the way `run_gui` does (the JSON says which); with neither the
line says so (exit status 3).
With --scroll-pages the timeline (the largest visible QAbstractItemView) is scrolled one
page at a time and each scroll is timed until its viewport has been painted.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

NO_FACTORY = 3
FACTORY_NAMES = ("create_window", "build_main_window")
WATCHDOG_MS = 60_000


def _maxrss_mb() -> float:
    """The peak resident memory of this process. VmHWM belongs to the memory image, which exec
    starts afresh; ru_maxrss survives exec, so a child of a big bench process (the
    in-process searches grow it to ~500 MiB) would report its parent's peak instead."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("mode", choices=["bare", "widgets", "app", "prompt"])
    p.add_argument("--home", type=Path, help="the journal's data folder (mode app)")
    p.add_argument("--scroll-pages", type=int, default=0, metavar="N")
    args = p.parse_args(argv)

    marks: dict[str, float] = {"main": time.perf_counter()}
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, SignalInstance
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QMainWindow, QWidget

    marks["qt_imported"] = time.perf_counter()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    marks["qapplication"] = time.perf_counter()
    if args.mode == "prompt":
        return _prompt(app, (args.home or Path.cwd()).absolute(), marks)

    keep_alive: object = None  # the journal the fallback window reads from
    how = "QMainWindow()"
    if args.mode in ("bare", "widgets"):
        window: QMainWindow = QMainWindow()
        window.setWindowTitle(args.mode)
        window.resize(900, 600)
        if args.mode == "widgets":
            _add_widgets(window)
            how = "QMainWindow() with menus, a status bar and a label"
    else:
        import journal.app as app_module

        marks["app_imported"] = time.perf_counter()
        from journal.paths import AppPaths

        paths = AppPaths((args.home or Path.cwd()).absolute())
        factory = next(
            (getattr(app_module, n) for n in FACTORY_NAMES if hasattr(app_module, n)), None
        )
        if factory is not None:
            window = factory(paths)
            how = f"journal.app.{factory.__name__}(paths)"
        elif hasattr(app_module, "build_window"):
            window, keep_alive = _compose_like_run_gui(app_module, app, paths)
            how = "journal.app.build_window(...) composed as run_gui does (fallback)"
        else:
            reason = "journal.app has no create_window(paths) -> QMainWindow yet"
            _emit({"ok": False, "reason": reason})
            return NO_FACTORY
    marks["window_built"] = time.perf_counter()

    state: dict[str, Any] = {
        "first_paint": None,
        "viewport": None,
        "viewport_painted": False,
        "ready": None,
        "content_paint": None,  # the timeline's first paint after `ready`
    }
    ready: SignalInstance | None = getattr(window, "ready", None)
    two_step = ready is not None and hasattr(window, "is_ready")
    if ready is not None and two_step:
        ready.connect(lambda: state.update(ready=time.perf_counter()))

    class PaintWatcher(QObject):
        """Notes the first paint of the window (or any widget in it) and of the viewport."""

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                if obj is state["viewport"]:
                    state["viewport_painted"] = True
                ours = obj is window or window.isAncestorOf(obj)
                if state["first_paint"] is None and ours:
                    state["first_paint"] = time.perf_counter()
                    # Children are painted in the same backing-store sync; report after it.
                    QTimer.singleShot(0, painted)
                elif state["ready"] is not None and state["content_paint"] is None and ours:
                    # The panes are shown (and laid out) only after `ready`: ask each time.
                    view = timeline_view()
                    if view is not None and obj is view.viewport():
                        state["content_paint"] = time.perf_counter()
                        QTimer.singleShot(0, content_painted)
            return False

    def timeline_view() -> QAbstractItemView | None:
        views = [v for v in window.findChildren(QAbstractItemView) if v.isVisible()]
        if not views:
            return None
        return max(
            views,
            key=lambda v: (isinstance(v, QListView), v.viewport().width() * v.viewport().height()),
        )

    def scroll(pages: int) -> dict[str, Any]:
        view = timeline_view()
        if view is None:
            return {"scroll_error": "no visible QAbstractItemView in the main window"}
        bar = view.verticalScrollBar()
        state["viewport"] = view.viewport()
        times: list[float] = []
        for _ in range(pages):
            before = bar.value()
            if before >= bar.maximum():
                break
            state["viewport_painted"] = False
            t = time.perf_counter()
            bar.setValue(before + max(1, bar.pageStep()))
            while not state["viewport_painted"] and time.perf_counter() - t < 5:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            times.append((time.perf_counter() - t) * 1000)
        model = view.model()
        return {
            "view_class": type(view).__name__,
            "rows_loaded": model.rowCount() if model is not None else 0,
            "scroll_ms": times,
            "scroll_median_ms": statistics.median(times) if times else None,
            "scroll_max_ms": max(times) if times else None,
        }

    payload: dict[str, Any] = {}

    def painted() -> None:
        painted_at = time.time()
        done = time.perf_counter()
        payload.update({
            "ok": True,
            "mode": args.mode,
            "painted_at": painted_at,
            "rss_at_paint_mb": _maxrss_mb(),
            "window_class": type(window).__name__,
            "built_by": how,
            "phases_ms": {name: (value - marks["main"]) * 1000 for name, value in marks.items()}
            | {"first_paint": (state["first_paint"] - marks["main"]) * 1000}
            | {"paint_flushed": (done - marks["main"]) * 1000},
        })  # fmt: skip
        if not two_step or state["content_paint"] is not None:
            finish()
        # else: content_painted() finishes once the filled window has been painted

    def content_painted() -> None:
        payload["content_painted_at"] = time.time()
        payload["rss_at_content_mb"] = _maxrss_mb()
        payload["phases_ms"] |= {
            "ready": (state["ready"] - marks["main"]) * 1000,
            "content_painted": (time.perf_counter() - marks["main"]) * 1000,
        }
        if payload.get("ok"):
            finish()

    def finish() -> None:
        if args.scroll_pages:
            payload.update(scroll(args.scroll_pages))
        payload["peak_rss_mb"] = _maxrss_mb()
        _emit(payload)
        app.quit()

    def watchdog() -> None:
        _emit({"ok": False, "reason": f"no paint event within {WATCHDOG_MS // 1000} s"})
        app.exit(1)

    watcher = PaintWatcher()
    app.installEventFilter(watcher)
    QTimer.singleShot(WATCHDOG_MS, watchdog)
    window.show()
    status = int(app.exec())
    app.removeEventFilter(watcher)
    window.close()
    if keep_alive is not None and hasattr(keep_alive, "close"):
        keep_alive.close()
    return status


def _prompt(app: Any, home: Path, marks: dict[str, float]) -> int:
    """`daybook --home HOME prompt` through its command line (`journal.cli.main`, which
    takes the QApplication made here); the JSON line is printed once the first paint of
    its window has been flushed, then the app quits as if the window were closed."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    shown: dict[str, Any] = {}

    def painted() -> None:
        window = shown["window"]
        _emit({
            "ok": True,
            "mode": "prompt",
            "painted_at": time.time(),
            "window_class": type(window).__name__,
            "built_by": "journal.cli.main(['--home', HOME, 'prompt'])",
            "peak_rss_mb": _maxrss_mb(),
            "phases_ms": {name: (value - marks["main"]) * 1000 for name, value in marks.items()}
            | {"paint_flushed": (time.perf_counter() - marks["main"]) * 1000},
        })  # fmt: skip
        app.quit()

    class PaintWatcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                "window" not in shown
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
                and obj.window().isVisible()
            ):
                shown["window"] = obj.window()
                QTimer.singleShot(0, painted)  # after the rest of this backing-store sync
            return False

    def watchdog() -> None:
        _emit({"ok": False, "reason": f"no paint event within {WATCHDOG_MS // 1000} s"})
        app.exit(1)

    watcher = PaintWatcher()
    app.installEventFilter(watcher)
    QTimer.singleShot(WATCHDOG_MS, watchdog)
    from journal.cli import main as daybook

    status = daybook(["--home", str(home), "prompt"])
    app.removeEventFilter(watcher)
    return 0 if "window" in shown and status == 0 else 1


def _add_widgets(window: Any) -> None:
    """What nearly every real window has and the bare one lacks: menus with a few actions,
    a status bar, and a central widget with text (Qt's first text layout and the first
    paint of child widgets cost more than the empty window's whole paint)."""
    from PySide6.QtWidgets import QLabel

    for title in ("&File", "&Edit", "&View", "&Help"):
        menu = window.menuBar().addMenu(title)
        for n in range(4):
            menu.addAction(f"Command {n}")
    window.statusBar().showMessage("Ready")
    window.setCentralWidget(QLabel("Hello"))


def _compose_like_run_gui(app_module: Any, app: Any, paths: Any) -> tuple[Any, Any]:
    """Build the main window the way journal.app.run_gui does, for an app that has
    `build_window(app, journal, settings, qsettings)` but no `create_window(paths)` yet."""
    from PySide6.QtCore import QSettings

    from journal.services.journal import Journal
    from journal.settings import Settings
    from journal.ui.common.theme import apply_theme

    if hasattr(app_module, "guard_none_refcount"):
        app_module.guard_none_refcount()
    org = getattr(app_module, "ORGANIZATION", "Daybook")
    name = getattr(app_module, "APPLICATION", "Daybook")
    app.setOrganizationName(org)
    app.setApplicationName(name)
    settings = Settings.load(paths.settings)
    apply_theme(app, settings)
    journal = Journal.open(paths)
    return app_module.build_window(app, journal, settings, QSettings(org, name)), journal


if __name__ == "__main__":
    sys.exit(main())
