"""`daybook prompt` paints its window before the heavy parts are loaded (issue 18).

Structural, not timed: what the process has imported when the prompt window's first paint
has been flushed, and what importing the prompt window's module drags in. Each module
named here cost the first paint ~10-200 ms before (PySide6's import hook reads the source
of every module imported after it)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET
from journal.paths import AppPaths
from journal.services.journal import Journal
from tests.helpers import loaded_modules

if TYPE_CHECKING:
    from pathlib import Path

ROOT = __import__("pathlib").Path(__file__).resolve().parents[3]
WORK, LEARN, NEXT = DEFAULT_SET.questions

# Not needed to paint a window with a few labels and empty boxes.
AFTER_PAINT = (
    "journal.ui.editor.editor",  # MarkdownEdit and TagsEdit
    "journal.ui.editor.highlighter",
    "journal.ui.editor.spelling",
    "journal.services.spelling",
    "enchant",
    "journal.ui.prompt.tray",  # the window icon
    "journal.ui.prompt.notify",
    "subprocess",  # through notify
    "zoneinfo",  # through the prompt service
    "journal.services.prompt",
    "journal.services.journal",
    "journal.storage",
    "sqlite3",
    "sqlalchemy",
    "journal.ui.dialogs.unlock_dialog",
    "journal.ui.main",
)

FIRST_PAINT = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([sys.argv[0]])
seen = {}

def painted():
    window = seen["window"]
    seen["modules"] = sorted(sys.modules)
    seen["title"] = window.windowTitle()
    window.close()  # the typed text (none) is kept; the app ends with the window

class Watcher(QObject):
    def eventFilter(self, obj, event):
        if ("window" not in seen and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget) and obj.window().isVisible()):
            seen["window"] = obj.window()
            QTimer.singleShot(0, painted)
        return False

watcher = Watcher()
app.installEventFilter(watcher)
from journal.cli import main
status = main(["--home", sys.argv[1], "prompt", "--date", "2026-11-19"])
print(json.dumps({"status": status, "modules": seen.get("modules"), "title": seen.get("title")}))
"""


def _first_paint(home: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(home)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def written_home(tmp_path: Path) -> Path:
    """A journal with entries, so opening it has something to read."""
    home = tmp_path / "journal"
    with Journal.open(AppPaths(home)) as journal:
        journal.add("first day", tags=("work",))
        journal.add("second day")
    return home


def _heavy(modules: list[str]) -> list[str]:
    return sorted(
        m for m in modules if any(m == name or m.startswith(name + ".") for name in AFTER_PAINT)
    )


def test_the_prompt_window_paints_before_the_journal_and_the_editor_load(
    written_home: Path,
) -> None:
    result = _first_paint(written_home)
    assert result["status"] == 0
    assert "19" in str(result["title"])  # the day's window, not some other one
    modules = result["modules"]
    assert isinstance(modules, list)
    assert _heavy(modules) == []


def test_the_prompt_window_paints_first_on_a_new_journal_too(tmp_path: Path) -> None:
    result = _first_paint(tmp_path / "new")
    assert result["status"] == 0
    modules = result["modules"]
    assert isinstance(modules, list)
    assert _heavy(modules) == []


def test_closing_at_first_paint_still_opens_and_leaves_the_journal_intact(
    written_home: Path,
) -> None:
    """The window closed before the journal arrived: the process waits for the journal,
    ends with 0 and the journal is as it was (no empty reflection saved)."""
    _first_paint(written_home)
    with Journal.open(AppPaths(written_home)) as journal:
        assert len(journal.list_entries(EntryFilter(), limit=None)) == 2
    assert not (written_home / "drafts" / "prompt" / "prompt-2026-11-19.json").exists()


@pytest.mark.parametrize(
    "module", ["journal.ui.prompt.prompt_window", "journal.ui.prompt.prompt_form"]
)
def test_importing_the_prompt_window_loads_nothing_heavy(module: str) -> None:
    found = loaded_modules(module, tuple(AFTER_PAINT), ROOT)
    assert _heavy(found) == []


def test_the_structural_list_is_real() -> None:
    """Every name of AFTER_PAINT is a module that exists (a typo would make the tests pass)."""
    code = (
        "import importlib.util, json, sys\n"
        f"names = {list(AFTER_PAINT)!r}\n"
        "print(json.dumps([n for n in names if importlib.util.find_spec(n) is None]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert ast.literal_eval(out.stdout.strip()) == []
