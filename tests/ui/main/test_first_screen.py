"""The main window's first screen (the timeline's first page and the selected entry) comes
before whatever it does not show (issue 18): structural checks, nothing timed.

What the first screen does not need is left for after its first paint (`contentPainted`):
the editor, the spelling dictionary, the one-instance server, the dialogs. Slow reads that
the first page does not need (the sidebar's counts) run in the pool, and so does the first
page itself, read while the window opens the journal.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

# Run in a fresh interpreter: the window as `daybook gui` opens it, and at the first paint of
# its timeline after the panes are in, the modules loaded and the kinds of widgets made.
FIRST_SCREEN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([sys.argv[0]])
from journal.app import create_window
from journal.paths import AppPaths
window = create_window(AppPaths(Path(sys.argv[1])))
seen = {}

def report():
    widgets = {type(w).__name__ for w in window.findChildren(QWidget)}
    print(json.dumps({"modules": sorted(sys.modules), "widgets": sorted(widgets)}))
    app.quit()

class Watch(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and window.is_ready() and not seen
                and obj is window.panes.timeline.viewport()):
            seen["painted"] = True
            QTimer.singleShot(0, report)  # after this paint, as a user would see it
        return False

watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(30000, lambda: app.exit(3))
window.show()
sys.exit(app.exec())
"""

# Not on the first screen, so not loaded by the time it is painted.
NOT_ON_THE_FIRST_SCREEN = (
    "enchant",  # the spelling dictionary: the editor's
    "journal.ui.editor.editor",
    "journal.ui.editor.highlighter",
    "PySide6.QtNetwork",  # the one-instance server
    "sqlalchemy",
    "alembic",
    "journal.ui.dialogs.insights",
    "journal.ui.dialogs.export_dialog",
    "journal.ui.dialogs.import_dialog",
    "journal.ui.dialogs.settings_dialog",
    "journal.ui.prompt",
    "journal.importers.jrnl",
    "journal.ui.main.welcome_page",  # an empty journal's first page
    "journal.ui.main.first_run",
    "journal.services.autostart",
)


@pytest.fixture
def first_screen(paths: AppPaths, journal: Journal) -> dict[str, Any]:
    """What the started app had loaded and made when its first page was painted."""
    import json

    from journal.settings import Settings

    add_entries(journal, 30)
    Settings(spell_language="en_US").save(paths.settings)  # spelling on
    journal.close()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, str(paths.home)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-800:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_first_screen_loads_nothing_it_does_not_show(first_screen: dict[str, Any]) -> None:
    loaded = [
        m
        for m in first_screen["modules"]
        if any(m == name or m.startswith(name + ".") for name in NOT_ON_THE_FIRST_SCREEN)
    ]
    assert loaded == []


def test_the_first_screen_has_no_editor_yet(first_screen: dict[str, Any]) -> None:
    assert "TimelineView" in first_screen["widgets"] and "EntryReader" in first_screen["widgets"]
    assert "EntryEditor" not in first_screen["widgets"]
    assert "MarkdownEdit" not in first_screen["widgets"]
    assert "WelcomePage" not in first_screen["widgets"]  # the journal has entries


def test_an_empty_journal_gets_its_welcome_page_and_first_run_card(
    make_window: MakeWindow, journal: Journal
) -> None:
    window = make_window(journal)
    page = window.panes.welcome_slot.made()
    assert page is not None and window.panes.right_stack.currentWidget() is page
    assert page.card.isVisibleTo(window)  # the first-run card, wired to its offer


def _spy_threads(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[bool]:
    """Replace `cls.name` by a wrapper noting, for each call, whether it ran on the UI
    thread."""
    calls: list[bool] = []
    real = getattr(cls, name)

    def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread() is threading.main_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, spy)
    return calls


def test_the_sidebar_counts_are_first_read_off_the_ui_thread(
    make_window: MakeWindow, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.services.journal import Journal as JournalClass

    add_entries(journal, 12)
    calls = _spy_threads(monkeypatch, JournalClass, "tag_counts")
    window = make_window(journal)  # waits for the counts
    assert calls[:1] == [False]
    assert window.panes.sidebar.stats_label.text().startswith("12 entries")
    assert window.panes.sidebar.tags_list.count() == 2  # work, learning


def test_counts_read_after_a_change_win_over_the_first_read_still_on_its_way(
    qapp: Any, journal: Journal, qsettings: Any, qtbot: QtBot
) -> None:
    """The first read runs in the pool; a change read meanwhile (on the UI thread) is newer,
    and the older answer arriving later is dropped."""
    from journal.app import build_window
    from journal.settings import Settings

    add_entries(journal, 3)
    window = build_window(qapp, journal, Settings(), qsettings)
    qtbot.addWidget(window)
    journal.add("x", title="Later", tags=("fresh",))
    window.read_counts()  # as the change signal would, before the pool's answer is in
    assert window.pool.waitForDone(5000)
    qtbot.wait(50)  # the pool's answer, if it were shown, arrives through the event loop
    tags = [window.panes.sidebar.tags_list.item(i).text()
            for i in range(window.panes.sidebar.tags_list.count())]  # fmt: skip
    assert any("fresh" in tag for tag in tags)
    assert window.panes.sidebar.stats_label.text().startswith("4 entries")
    window.close()
    window.wait_for_tasks()


def test_the_first_page_is_read_in_the_pool_while_the_journal_opens(
    qapp: Any, paths: AppPaths, journal: Journal, qsettings: Any, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from journal.app import start_window
    from journal.services.journal import Journal as JournalClass
    from journal.settings import Settings

    add_entries(journal, 250)
    journal.close()
    calls = _spy_threads(monkeypatch, JournalClass, "list_summaries")
    arrived: list[Journal] = []
    window = start_window(
        qapp, paths, Settings(), qsettings, on_ready=lambda _w, j, _n: arrived.append(j)
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    # The listing's first page was read once, in the pool; none of it on the UI thread.
    assert calls[:1] == [False] and True not in calls
    model = window.panes.model
    assert model.entry_count() == 200 and model.canFetchMore()
    titles = [model.entry_at(r) for r in range(model.rowCount())]
    assert [e.title for e in titles if e is not None][:2] == ["Entry 0", "Entry 1"]
    model.fetchMore()  # the second page is read as before
    assert model.entry_count() == 250 and not model.canFetchMore()
    window.close()
    window.wait_for_tasks()
    arrived[0].close()


def test_what_waits_for_the_first_paint_follows_it(
    make_window: MakeWindow, journal: Journal, qtbot: QtBot
) -> None:
    """After the panes' first paint the editor is made (with the journal's tags to
    complete) and the spelling is configured."""
    from journal.ui.editor.spelling import spell_service

    add_entries(journal, 4)
    window = make_window(journal)
    qtbot.waitUntil(lambda: window.panes.editor_slot.made() is not None, timeout=5000)
    editor = window.panes.editor_slot.made()
    assert editor is not None and editor.window() is window
    assert editor in [window.panes.right_stack.widget(i)
                      for i in range(window.panes.right_stack.count())]  # fmt: skip
    qtbot.keyClicks(editor.tags_edit, "lea")  # the journal's tags, given when it was made
    assert editor.tags_edit.tag_completer.currentCompletion() == "learning"
    assert spell_service() is not None


def test_a_window_never_painted_still_gets_what_waits_for_the_paint(
    qapp: Any, journal: Journal, qsettings: Any, qtbot: QtBot
) -> None:
    """A window started minimized or hidden (the tray) is never painted: what waits for
    its first paint starts after CONTENT_PAINT_FALLBACK_MS anyway."""
    from journal.app import build_window
    from journal.settings import Settings

    window = build_window(qapp, journal, Settings(), qsettings)  # never shown
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.contentPainted, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.panes.editor_slot.made() is not None, timeout=2000)
    window.close()
    window.wait_for_tasks()


def test_nothing_in_the_window_makes_the_editor_before_it_is_needed() -> None:
    """Code that only looks at the editor asks `editor_slot.made()`; `panes.editor` (which
    makes it) is for code that puts it on screen or gives it text: the controller, and the
    drafts offered back at start (restored into the editor just before)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "journal"
    allowed = {("app.py", "offer_drafts")}
    found = []
    for path in [root / "app.py", *sorted((root / "ui" / "main").glob("*.py"))]:
        if path.name in ("entry_controller.py", "editor_slot.py", "window_panes.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef) or (path.name, func.name) in allowed:
                continue
            found += [f"{path.name}:{node.lineno} {func.name}" for node in ast.walk(func)
                      if isinstance(node, ast.Attribute) and node.attr == "editor"]  # fmt: skip
    assert sorted(set(found)) == []
