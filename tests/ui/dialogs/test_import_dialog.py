"""File > Import…: choose, see the dry run, import with progress, the window refreshed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.conftest import menu_of

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


@pytest.fixture
def picked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The file dialog stub: returns what the test puts in `answer`, records what was asked."""
    from journal.ui.dialogs.import_dialog import ImportDialog

    state: list[Any] = [None]

    def get(_cls: Any, _parent: Any, folder: bool, _filters: str, _start: Path) -> Path | None:
        state.append(folder)
        answer = state[0]
        assert answer is None or isinstance(answer, Path)
        return answer

    monkeypatch.setattr(ImportDialog, "get_path", classmethod(get))
    return state


def test_import_from_the_file_menu(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, picked: list[Any], errors: list[Any]
) -> None:
    window = make_window(journal)
    assert "&Import…" in [a.text() for a in menu_of(window, 0).actions()]
    window.ui_actions.import_action.trigger()
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()

    dialog.set_format("rednotebook")
    picked[0] = FIXTURES / "rednotebook"
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as dry:
        dialog.browse_button.click()
    assert picked[1:] == [True]  # a folder was asked for
    assert dry.args[0].found == 4 and journal.store.count() == 0
    text = dialog.report_view.toPlainText()
    assert "4 entries found from 2024-05-05 to 2024-06-03" in text
    assert "Would add 4" in text and "sqlite (1)" in text and "picture" in text
    assert dialog.import_button.isEnabled()

    progress: list[int] = []
    dialog._progressed.connect(progress.append)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
        assert dialog.progress is not None
    assert done.args[0].added == 4 and journal.store.count() == 4
    assert progress and progress[-1] == 4 and dialog.progress is None
    assert "Added 4" in dialog.report_view.toPlainText()
    assert not dialog.import_button.isEnabled()
    # The window shows the new entries without a restart.
    assert window._total == 4 and window.panes.model.rowCount() >= 4
    assert "Imported 4" in window.statusBar().currentMessage()
    assert errors == []


def test_a_second_import_has_nothing_to_add(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, picked: list[Any]
) -> None:
    journal.import_file("markdown", FIXTURES / "markdown_notes")
    window = make_window(journal)
    dialog = window.open_import()
    dialog.set_format("markdown")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as dry:
        dialog.set_path(FIXTURES / "markdown_notes")
    assert (dry.args[0].added, dry.args[0].skipped) == (0, 3)
    assert "3 already in the journal" in dialog.report_view.toPlainText()
    assert not dialog.import_button.isEnabled()


def test_a_markdown_name_pattern(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, picked: list[Any]
) -> None:
    window = make_window(journal)
    dialog = window.open_import()
    dialog.set_format("markdown")
    assert dialog.name_format_edit.isEnabled()
    dialog.name_format_edit.setText("%Y_%m_%d")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as dry:
        dialog.set_path(FIXTURES / "logseq")
    assert dry.args[0].found == 1
    dialog.set_format("jrnl")
    assert not dialog.name_format_edit.isEnabled() and dialog.name_format_edit.text() == ""


def test_a_malformed_file_shows_the_error_and_imports_nothing(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, picked: list[Any], errors: list[Any]
) -> None:
    window = make_window(journal)
    dialog = window.open_import()
    dialog.set_format("dayone")
    picked[0] = FIXTURES / "dayone_bad.json"
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.browse_button.click()
    assert picked[1:] == [False]  # a file was asked for
    failed = dialog.report_view.toPlainText()
    assert errors == []  # said in the pane only, not again in a message box
    assert "line 5" in failed and "fix that line" in failed.casefold()
    assert not dialog.import_button.isEnabled() and journal.store.count() == 0


def test_cancelled_file_dialog_changes_nothing(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, picked: list[Any]
) -> None:
    window = make_window(journal)
    dialog = window.open_import()
    dialog.browse_button.click()
    assert dialog.path_edit.text() == "" and dialog.report is None


def test_an_import_error_after_the_dry_run_is_shown(
    journal: Journal,
    make_window: MakeWindow,
    qtbot: QtBot,
    picked: list[Any],
    errors: list[Any],
    tmp_path: Path,
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "2026-11-20.md"
    note.write_text("fine\n", encoding="utf-8")
    window = make_window(journal)
    dialog = window.open_import()
    dialog.set_format("markdown")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_path(folder)
    note.write_text("---\ntags: [broken\n---\n", encoding="utf-8")  # changed meanwhile
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.import_button.click()
    assert len(errors) == 1 and dialog.progress is None and journal.store.count() == 0
