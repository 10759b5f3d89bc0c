"""The bridge from the journal's change feed to Qt (journal.ui.common.changes): delivery on the GUI
thread from any thread, held groups delivered once, polling for other processes, and no
action in journal/ui refreshing a view by name."""

from __future__ import annotations

import ast
import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QThread
from PySide6.QtWidgets import QApplication

from journal.services.changes import Change
from journal.ui.common.changes import ChangeSignal, merged

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

ROOT = Path(__file__).resolve().parents[3]

KINDS = ("added", "updated", "trashed", "restored", "purged", "imported", "external")
changes = st.builds(
    Change,
    st.sampled_from(KINDS),
    st.lists(st.integers(1, 20), max_size=4).map(tuple),
    st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2020, 2, 1)), max_size=3).map(tuple),
)


@given(st.lists(changes, max_size=12))
def test_merging_keeps_every_id_day_and_the_order_of_kinds(batch: list[Change]) -> None:
    out = merged(batch)
    assert len(out) <= len(batch)
    assert {(c.kind, i) for c in batch for i in c.ids} == {(c.kind, i) for c in out for i in c.ids}
    assert {(c.kind, d) for c in batch for d in c.days} == {
        (c.kind, d) for c in out for d in c.days
    }

    def runs(seq: list[Change]) -> list[str]:
        kinds = [c.kind for c in seq]
        return [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]

    assert runs(out) == runs(batch)
    # A change without ids (wholesale, or the whole Trash purged) is never narrowed to some.
    assert sum(not c.ids for c in out) >= (1 if any(not c.ids for c in batch) else 0)


def _collect(bridge: ChangeSignal) -> list[tuple[Change, bool]]:
    got: list[tuple[Change, bool]] = []
    app = QApplication.instance()
    assert app is not None
    main = app.thread()
    bridge.changed.connect(lambda c: got.append((c, QThread.currentThread() == main)))
    return got


def test_changes_from_many_threads_arrive_all_on_the_gui_thread(
    journal: Journal, qtbot: QtBot
) -> None:
    bridge = ChangeSignal(journal)
    got = _collect(bridge)

    def publish(n: int) -> None:
        for i in range(25):
            journal.changes.publish(Change("updated", (n * 100 + i,)))

    threads = [threading.Thread(target=publish, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    qtbot.waitUntil(lambda: len(got) == 200)
    assert all(on_gui for _c, on_gui in got)
    assert sorted(c.ids[0] for c, _ in got) == sorted(
        n * 100 + i for n in range(8) for i in range(25)
    )
    bridge.stop()


def test_on_the_gui_thread_a_change_arrives_at_once(journal: Journal) -> None:
    bridge = ChangeSignal(journal)
    got = _collect(bridge)
    entry = journal.add("x", title="t")
    assert got == [(Change("added", (entry.id,), (entry.day,)), True)]
    bridge.stop()


def test_held_changes_arrive_once_merged(journal: Journal) -> None:
    bridge = ChangeSignal(journal)
    entries = [journal.add(f"entry {i}") for i in range(5)]
    got = _collect(bridge)
    with bridge.held():
        with bridge.held():  # nested: delivered when the outer one ends
            for entry in entries[:3]:
                journal.delete(entry.id)
        assert got == []
        journal.delete(entries[3].id)
    assert [(c.kind, set(c.ids)) for c, _ in got] == [("trashed", {e.id for e in entries[:4]})]
    bridge.stop()


def test_a_stopped_or_deleted_bridge_hears_nothing_and_breaks_nothing(
    journal: Journal, qtbot: QtBot
) -> None:
    bridge = ChangeSignal(journal)
    got = _collect(bridge)
    bridge.stop()
    journal.add("after stop")
    other = ChangeSignal(journal)
    other.deleteLater()
    qtbot.waitUntil(lambda: not journal.changes._listeners)
    worker = threading.Thread(target=journal.add, args=("from a thread after delete",))
    worker.start()
    worker.join()
    qtbot.wait(20)
    assert got == []


def _add_from_another_process(home: Path, title: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(home), "add", "--title", title, "body"],
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_polling_finds_another_process_once(journal: Journal, paths: AppPaths) -> None:
    bridge = ChangeSignal(journal)
    bridge.timer.stop()
    got = _collect(bridge)
    assert bridge.poll() is False  # nothing new since the baseline
    journal.add("our own write is not 'external'")
    assert bridge.poll() is False
    _add_from_another_process(paths.home, "elsewhere")
    assert bridge.poll() is True
    assert bridge.poll() is False
    assert [c.kind for c, _ in got] == ["added", "external"]
    bridge.stop()


def test_activating_the_window_shows_another_process_at_once(
    make_window: MakeWindow, journal: Journal, paths: AppPaths, qtbot: QtBot
) -> None:
    window = make_window(journal)
    window.journal_changes.timer.stop()  # only the activation can find it
    _add_from_another_process(paths.home, "From the terminal")
    assert window.panes.model.rowCount() == 0
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    titles = [window.panes.model.entry_at(r) for r in range(window.panes.model.rowCount())]
    assert [e.title for e in titles if e is not None] == ["From the terminal"]
    assert (
        window.panes.reader.entry is not None
        and window.panes.reader.entry.title == "From the terminal"
    )


# -- no view refreshed by name ----------------------------------------------------------------

# Calls that refresh a view's data; only the change signal's wiring (MainWindow._wire) and
# the window's first read (MainWindow.attach) may make them.
REFRESHES = {"refresh_all", "refresh_tags", "read_counts"}
ALLOWED = {("main_window.py", "attach")}


def _refresh_calls(path: Path) -> list[str]:
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if (path.name, func.name) in ALLOWED:
            continue
        for node in ast.walk(func):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name, owner = node.func.attr, node.func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else ""
            if (
                name in REFRESHES
                or (name == "refresh" and owner_name in {"calendar", "insights_dialog"})
                or (name == "reload" and owner_name == "model")
                or (name == "update_streak" and path.name != "reminders.py")
            ):
                found.append(f"{path.name}:{node.lineno} {func.name}: .{name}()")
    return found


def test_no_action_refreshes_a_view_by_name() -> None:
    files = [*sorted((ROOT / "journal" / "ui").rglob("*.py")), ROOT / "journal" / "app.py"]
    assert len(files) > 40  # every screen's modules, not only the package's __init__
    allowed_owner = {"entry_controller.py"}  # the listing's own response to a change
    calls = [
        c
        for f in files
        for c in _refresh_calls(f)
        if not (f.name in allowed_owner and "journal_changed" in c)
    ]
    assert calls == []
