"""The app as a whole: writing through the UI survives a restart; drafts come back; layers."""

from __future__ import annotations

import ast
import datetime as dt
import gc
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from journal.services.drafts import Draft, DraftStore
from journal.services.journal import Journal
from tests.helpers import damage_table, loaded_modules, make_old_journal

ROOT = Path(__file__).resolve().parents[3]


def test_entry_written_in_the_ui_is_there_after_a_restart(
    paths: Any, make_window: Any, qtbot: Any
) -> None:
    journal = Journal.open(paths)
    window = make_window(journal)
    window.ui_actions.new_action.trigger()
    assert window.is_editing()
    editor = window.panes.editor
    qtbot.keyClicks(editor.title_edit, "Learned about WAL")
    qtbot.keyClicks(editor.body_edit, "Checkpoints move pages back. #sqlite")
    with qtbot.waitSignal(editor.entrySaved, timeout=5000) as saved:
        qtbot.keyClick(editor.body_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_editing()
    entry = saved.args[0]
    assert window.panes.timeline.current_entry().id == entry.id
    assert window.panes.reader.title_label.text() == "Learned about WAL"
    window.close()
    journal.close()

    again = Journal.open(paths)
    try:
        window2 = make_window(again)
        row = window2.panes.model.row_of(entry.id)
        assert row >= 0
        assert window2.panes.model.entry_at(row).title == "Learned about WAL"
        assert window2.panes.model.entry_at(row).tags == ("sqlite",)
        assert window2.panes.reader.entry.id == entry.id
        assert "#sqlite" in [
            window2.panes.sidebar.tags_list.item(i).text()
            for i in range(window2.panes.sidebar.tags_list.count())
        ]
        window2.close()
    finally:
        again.close()


def _draft(key: str, body: str, minutes: int) -> Draft:
    return Draft(
        key=key,
        entry_id=None,
        day=dt.date(2026, 11, 20),
        title="",
        body=body,
        tags=("recovered",),
        private=False,
        saved_at=dt.datetime(2026, 11, 20, 18, minutes).astimezone(),
    )


def test_drafts_left_behind_are_offered_back(
    journal: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal import app

    store = DraftStore(journal.paths.drafts)
    store.save(_draft("new-older", "Older unsaved thought", 1))
    store.save(_draft("new-newest", "Newest unsaved thought", 5))
    asked: list[int] = []

    def ask(_parent: object, drafts: list[object]) -> bool:
        asked.append(len(drafts))
        return True

    monkeypatch.setattr(app, "ask_restore_drafts", ask)
    window = make_window(journal)
    app.offer_drafts(window)
    assert asked == [2]
    # The older draft is committed at once, the newest is open in the editor.
    assert [e.body for e in journal.list_entries(app_filter())] == ["Older unsaved thought"]
    assert window.is_editing()
    assert window.panes.editor.body_edit.toPlainText() == "Newest unsaved thought"
    assert window.panes.editor.flush()
    assert store.pending() == []
    assert len(journal.list_entries(app_filter())) == 2


def test_discarded_drafts_are_gone(
    journal: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal import app

    store = DraftStore(journal.paths.drafts)
    store.save(_draft("new-one", "Not wanted", 1))
    monkeypatch.setattr(app, "ask_restore_drafts", lambda _p, _d: False)
    window = make_window(journal)
    app.offer_drafts(window)
    assert store.pending() == []
    assert not window.is_editing()
    assert journal.list_entries(app_filter()) == []


def app_filter() -> Any:
    from journal.domain.filters import EntryFilter

    return EntryFilter()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, paths: Any) -> list[Any]:
    """The main windows `run_gui` makes, as it makes them.

    No reminder times: after the default 17:30 on a working day the catch-up prompt would
    open a second window, and closing the main window would no longer end `run_gui`.
    """
    import journal.app
    from journal.settings import Settings

    paths.ensure()
    Settings(reminder_times=[""] * 7).save(paths.settings)

    windows: list[Any] = []
    real = journal.app.start_window

    def spy(*args: Any, **kwargs: Any) -> Any:
        windows.append(real(*args, **kwargs))
        return windows[-1]

    monkeypatch.setattr(journal.app, "start_window", spy)
    return windows


def test_run_gui_paints_the_frame_first_then_opens_the_journal(
    paths: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    from journal.app import run_gui

    monkeypatch.setattr("journal.app.ask_restore_drafts", lambda *_a: False)
    seen: dict[str, Any] = {}

    def watch() -> None:
        [window] = started
        # The storage layer is opened only after the frame is on screen.
        window.firstPainted.connect(lambda: seen.setdefault("ready_at_paint", window.is_ready()))
        window.firstPainted.connect(
            lambda: seen.setdefault("status", window.statusBar().currentMessage())
        )
        window.ready.connect(lambda: seen.setdefault("panes", window.centralWidget()))
        window.ready.connect(lambda: seen.setdefault("gc_at_ready", gc.isenabled()))
        window.ready.connect(lambda: seen.setdefault("title", window.windowTitle()))
        window.ready.connect(lambda: QTimer.singleShot(0, window.close))

    QTimer.singleShot(0, watch)
    assert run_gui(paths, ["daybook"]) == 0
    assert seen["ready_at_paint"] is False
    assert seen["status"] == "Opening your journal…"
    assert seen["panes"].objectName() == "mainSplitter"
    assert gc.isenabled() and seen["gc_at_ready"] is False  # off only while starting
    assert seen["title"].startswith("Daybook")
    assert paths.database.exists()


def test_quitting_while_the_journal_opens_leaves_it_closed(
    paths: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    """Closed before the journal arrived: exit 0, the journal closed, nothing half-built."""
    import journal.services.journal as journal_module
    from journal.app import run_gui

    opened: list[Any] = []
    closed: list[Any] = []
    real_open, real_close = journal_module.Journal.open, journal_module.Journal.close

    def spy_open(paths: Any) -> Any:
        journal = real_open(paths)
        opened.append(journal)
        return journal

    def spy_close(self: Any) -> None:
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(journal_module.Journal, "open", staticmethod(spy_open))
    monkeypatch.setattr(journal_module.Journal, "close", spy_close)
    QTimer.singleShot(0, lambda: started[0].close())
    assert run_gui(paths, ["daybook"]) == 0
    assert not started[0].is_ready()
    assert all(journal in closed for journal in opened)
    assert gc.isenabled()


def test_a_journal_that_cannot_be_opened_is_explained_and_exits_1(
    paths: Any, qapp: Any, errors: list[BaseException], started: list[Any]
) -> None:
    from journal.app import run_gui

    paths.home.mkdir(parents=True, exist_ok=True)
    paths.database.write_bytes(b"\x00this is no longer a database" * 200)
    seen: dict[str, Any] = {}
    _answer_the_rescue_dialog("quit", seen)
    assert run_gui(paths, ["daybook"]) == 1
    assert errors == [] and len(seen["dialogs"]) == 1  # one dialog: no backup, and where
    assert "no good backup" in seen["offer"] and str(paths.database) in seen["offer"]
    assert gc.isenabled()
    assert not started[0].is_ready() and not started[0].isVisible()


def test_ui_modules_do_not_load_the_storage_layer() -> None:
    imports = (
        "journal.app, journal.ui.main.main_window, journal.ui.timeline.timeline, "
        "journal.ui.timeline.reader, journal.ui.timeline.search_bar, journal.ui.timeline.calendar, "
        "journal.ui.main.trash, journal.ui.common.worker, journal.ui.common.errors"
    )
    assert loaded_modules(imports, ("sqlalchemy", "journal.storage"), ROOT) == []


def _close_when_ready(started: list[Any], seen: dict[str, Any]) -> None:
    """Once run_gui's window has its panes: note what it shows, then close it."""

    def watch() -> None:
        [window] = started

        def ready() -> None:
            seen["status"] = window.statusBar().currentMessage()
            seen["card"] = window.panes.empty_state.card.isVisibleTo(window)
            seen["titles"] = [
                window.panes.model.entry_at(r).title
                for r in range(window.panes.model.rowCount())
                if window.panes.model.entry_at(r) is not None
            ]
            QTimer.singleShot(0, window.close)

        window.contentPainted.connect(lambda: QTimer.singleShot(0, ready))

    QTimer.singleShot(0, watch)


def test_an_older_journal_is_upgraded_behind_the_frame(
    paths: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    """Alembic runs in the opener's thread; the window shows the upgraded journal."""
    from journal.app import run_gui

    monkeypatch.setattr("journal.app.ask_restore_drafts", lambda *_a: False)
    make_old_journal(paths)
    seen: dict[str, Any] = {}
    _close_when_ready(started, seen)
    assert run_gui(paths, ["daybook"]) == 0
    assert seen["titles"] == ["Old"]
    assert list(paths.backups.glob("pre-upgrade-0001-*.sqlite3"))


def _answer_the_rescue_dialog(choice: str, seen: dict[str, Any]) -> None:
    """Wait for the rescue dialog (the real one, modal), note what it says, click `choice`."""
    from PySide6.QtWidgets import QApplication

    from journal.ui.dialogs.rescue_dialog import RescueDialog

    def look() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, RescueDialog) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(20, look)
            return
        dialog = shown[0]
        seen.setdefault("dialogs", []).append(dialog)
        seen["offer"] = dialog.offer.text()
        seen["parent"] = dialog.parentWidget()
        seen["modal_others"] = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()
        ]
        button = dialog.restore_button if choice == "restore" else dialog.quit_button
        assert button is not None
        button.click()

    QTimer.singleShot(0, look)


@pytest.mark.parametrize("table", ["entries", "ix_entries_timeline", "entries_fts_data"])
def test_a_damaged_journal_is_restored_from_a_backup_at_start(
    paths: Any,
    qapp: Any,
    monkeypatch: pytest.MonkeyPatch,
    started: list[Any],
    errors: list[BaseException],
    table: str,
) -> None:
    """Damage on a page of the journal (not the first): the one dialog appears over the
    window, offers the backup with its date and entry count, restores it in the app, and
    the window opens on the restored journal with a note; nothing else is shown."""
    from journal.app import run_gui

    monkeypatch.setattr("journal.app.ask_restore_drafts", lambda *_a: False)
    with Journal.open(paths) as journal:
        journal.add("kept in the backup", title="Backed up", day=dt.date(2026, 11, 20))
        journal.add("also kept", title="Also", day=dt.date(2026, 11, 19))
        journal.backup(paths.backups / "manual-20261120-180000.sqlite3")
        for i in range(60):
            journal.add(f"written after the backup {i} " + "word " * 80, day=dt.date(2026, 11, 21))
    garbage = damage_table(paths.database, table)
    seen: dict[str, Any] = {}
    _answer_the_rescue_dialog("restore", seen)
    _close_when_ready(started, seen)
    assert run_gui(paths, ["daybook"]) == 0
    assert errors == [] and len(seen["dialogs"]) == 1
    assert seen["parent"] is started[0]  # over the window, not a lone dialog
    assert "Friday 20 November 2026 at 18:00" in seen["offer"] and "2 entries" in seen["offer"]
    assert seen["titles"] == ["Backed up", "Also"]
    assert seen["status"].startswith("Restored the backup of 2026-11-20 18:00")
    [moved] = [
        m
        for m in paths.home.glob("journal.sqlite3.damaged-*")
        if not m.name.endswith(("-wal", "-shm"))
    ]
    assert moved.read_bytes() == garbage


def test_quitting_from_the_rescue_dialog_shows_no_empty_journal(
    paths: Any,
    qapp: Any,
    monkeypatch: pytest.MonkeyPatch,
    started: list[Any],
    errors: list[BaseException],
) -> None:
    """Quit: exit 1, the damaged file untouched, the panes never built (so never the
    "No entries yet" welcome over a journal that holds entries), no other dialog."""
    from journal.app import run_gui

    with Journal.open(paths) as journal:
        for i in range(40):
            journal.add(f"entry {i} " + "word " * 80, day=dt.date(2026, 11, 20))
        journal.backup(paths.backups / "manual-20261120-180000.sqlite3")
    garbage = damage_table(paths.database)
    seen: dict[str, Any] = {}
    _answer_the_rescue_dialog("quit", seen)
    assert run_gui(paths, ["daybook"]) == 1
    assert errors == [] and len(seen["dialogs"]) == 1
    assert not started[0].is_ready() and not started[0].isVisible()
    assert paths.database.read_bytes() == garbage
    assert not list(paths.home.glob("journal.sqlite3.damaged-*"))


def test_run_gui_on_a_new_home_leaves_the_autostart_folder_alone(
    paths: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    """The whole first start, as issue 14.18 saw it: no autostart file appears (the
    folder is taken as a lasting one, so only consent can be what holds it back)."""
    import os

    from journal.app import run_gui
    from journal.services import autostart

    monkeypatch.setattr("journal.app.ask_restore_drafts", lambda *_a: False)
    monkeypatch.setattr(autostart, "is_temporary", lambda _home: False)
    seen: dict[str, Any] = {}
    _close_when_ready(started, seen)
    assert run_gui(paths, ["daybook"]) == 0
    # An empty journal: the welcome page's card offers it (one click); no status-bar tip.
    assert seen["card"] and "Start Daybook when I log in" not in seen["status"]
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "autostart").exists()
    assert not autostart.autostart_enabled()


def test_run_gui_on_a_journal_with_entries_says_where_start_on_login_is(
    paths: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    """No welcome page, so no card: the one-time status-bar tip says where it is turned on."""
    import os

    from journal.app import run_gui
    from journal.services import autostart

    monkeypatch.setattr("journal.app.ask_restore_drafts", lambda *_a: False)
    monkeypatch.setattr(autostart, "is_temporary", lambda _home: False)
    with Journal.open(paths) as journal:
        journal.add("written before Daybook's first start here")
    seen: dict[str, Any] = {}
    _close_when_ready(started, seen)
    assert run_gui(paths, ["daybook"]) == 0
    assert not seen["card"] and "Start Daybook when I log in" in seen["status"]
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "autostart").exists()


def test_a_window_that_is_never_painted_still_opens_its_journal(
    paths: Any, qapp: Any, qtbot: Any
) -> None:
    """Started on login with a tray, the window stays hidden and gets no paint: the
    journal is opened anyway (after OPEN_ANYWAY_MS), so the reminders can run."""
    from PySide6.QtCore import QSettings

    from journal.app import start_window
    from journal.settings import Settings

    qsettings = QSettings(str(paths.home.parent / "window.ini"), QSettings.Format.IniFormat)
    arrived: list[Any] = []
    window = start_window(
        qapp, paths, Settings(), qsettings, on_ready=lambda _w, journal, _n: arrived.append(journal)
    )
    qtbot.addWidget(window)
    assert not window.isVisible()
    with qtbot.waitSignal(window.ready, timeout=5000):
        pass
    assert arrived and gc.isenabled()
    window.close()
    arrived[0].close()


def test_what_the_frame_needs_imports_none_of_the_panes() -> None:
    """The window is painted before the panes, the renderer and the storage layer are even
    imported (issue 3's start-up target); this keeps it so, without timing anything."""
    imports = (
        "journal.app, journal.ui.main.main_window, journal.ui.main.startup, "
        "journal.ui.common.theme, journal.ui.main.single_instance"
    )
    heavy = (
        "sqlalchemy", "markdown", "nh3", "pygments", "journal.storage", "journal.rendering",
        "journal.services", "journal.ui.timeline.timeline", "journal.ui.editor.editor",
        "journal.ui.timeline.reader", "journal.ui.main.panes", "typing_extensions",
        "PySide6.QtNetwork", "platformdirs",
    )  # fmt: skip
    assert loaded_modules(imports, heavy, ROOT) == []


def test_only_the_ui_and_app_import_pyside6_and_the_ui_never_imports_storage() -> None:
    offenders = []
    for path in (ROOT / "journal").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                in_ui = rel.startswith("journal/ui/") or rel == "journal/app.py"
                if name.startswith("PySide6") and not in_ui and rel != "journal/cli.py":
                    offenders.append(f"{rel}: {name}")
                if rel.startswith("journal/ui/") and name.startswith(
                    ("sqlalchemy", "journal.storage")
                ):
                    offenders.append(f"{rel}: {name}")
    assert offenders == []


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_none_survives_pyside_lost_references(qapp: Any) -> None:
    from PySide6.QtGui import QPainter, QPixmap

    from journal.ui.common.refcount import guard_none_refcount

    guard_none_refcount()
    before = sys.getrefcount(None)
    pixmap = QPixmap(4, 4)
    painter = QPainter(pixmap)
    for _ in range(100):
        painter.save()
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) > 1 << 40  # PySide6 6.12 may still lose some; None stays
    assert before > 1 << 40


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="bools are immortal from Python 3.12")
def test_bools_survive_many_signal_emits() -> None:
    """PySide6 6.12's `emit()` returns a bool without a reference: 20,000 emits from Python
    (a long session's change signals) killed the process with bool_dealloc. In a child
    process, so that a failure does not take the test run with it."""
    import subprocess

    code = (
        "from journal.ui.common.refcount import guard_none_refcount\n"
        "guard_none_refcount()\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class O(QObject):\n"
        "    s = Signal(object)\n"
        "o = O()\n"
        "o.s.connect(lambda _c: None)\n"
        "for i in range(20000):\n"
        "    o.s.emit(i)\n"
        "print('survived')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "survived"


@pytest.mark.qt_no_exception_capture
def test_run_gui_logs_and_shows_an_error_raised_in_a_slot(
    paths: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    """The test hook: a slot raises on purpose in the running app; the app's own hook logs it
    and shows the dialog, and the app goes on (and quits normally)."""
    import sys

    from journal.ui.common.crash import log_path
    from journal.ui.common.errors import ErrorDialog

    monkeypatch.setattr("journal.app.ask_restore_drafts", lambda *_a: False)
    before = sys.excepthook
    shown: list[Any] = []

    def raise_on_purpose() -> None:
        raise LookupError("raised on purpose in a slot")

    def look() -> None:
        dialogs = [w for w in qapp.topLevelWidgets() if isinstance(w, ErrorDialog)]
        if not any(d.isVisible() for d in dialogs):
            QTimer.singleShot(20, look)
            return
        shown.extend(d.informativeText() for d in dialogs if d.isVisible())
        for dialog in dialogs:
            dialog.close()
        started[0].close()

    def watch() -> None:
        [window] = started
        window.ready.connect(lambda: QTimer.singleShot(0, raise_on_purpose))
        window.ready.connect(lambda: QTimer.singleShot(10, look))

    QTimer.singleShot(0, watch)
    assert run_gui_verbose(paths) == 0
    log = log_path(paths).read_text(encoding="utf-8")
    assert "LookupError: raised on purpose in a slot" in log and "raise_on_purpose" in log
    assert "log level DEBUG" in log
    assert shown and str(log_path(paths)) in shown[0]
    assert sys.excepthook is before  # put back when the app ended
    qapp.processEvents()
    left = [w for w in qapp.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()]
    for dialog in left:
        dialog.close()
    assert [d.informativeText() for d in left] == []  # one error, one dialog, closed


def run_gui_verbose(paths: Any) -> int:
    from journal.app import run_gui

    return run_gui(paths, ["daybook"], verbose=True)
