"""Every dialog and message box: a title that says what it is about (never just "Daybook"),
room around the text, sentences that end; and the import dialog's errors shown once, never
after it closed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
ENDS = (".", "!", "?", "…", ":", ")", "”", '"')


def check_box(box: QMessageBox) -> None:
    title = box.windowTitle().strip()
    assert title and title != "Daybook", title
    for text in (box.text(), box.informativeText()):
        if text:
            assert text.rstrip().endswith(ENDS), text
            assert text[:1] == text[:1].upper(), text
    box.show()
    labels = [
        box.findChild(QLabel, name) for name in ("qt_msgbox_label", "qt_msgbox_informativelabel")
    ]
    shown = [label for label in labels if label is not None and label.isVisible()]
    assert shown and all(label.width() >= 380 for label in shown)
    layout = box.layout()
    assert layout is not None
    margins = layout.contentsMargins()
    assert min(margins.left(), margins.right(), margins.top()) >= 16
    box.close()


def _errors() -> list[BaseException]:
    from journal.errors import (
        DamagedJournalError,
        DaybookError,
        ImportFormatError,
        InputError,
        NotFoundError,
        StorageError,
    )

    return [
        DaybookError("cannot export", "choose another folder"),
        InputError("the date 2026-13-01 is not a day"),
        NotFoundError("no such file: /tmp/x", "check the path"),
        StorageError("the disk is full", "free some space and try again"),
        DamagedJournalError("the journal file is damaged"),
        ImportFormatError("a.json", 5, "entry 2: invalid 'creationDate' 'yesterday'"),
        ValueError("a bug"),
        RuntimeError(),
    ]


@pytest.mark.parametrize("index", range(8))
def test_every_error_dialog(index: int, qtbot: QtBot) -> None:
    from journal.ui.common.errors import ErrorDialog

    box = ErrorDialog(_errors()[index])
    qtbot.addWidget(box)
    check_box(box)


def test_the_error_titles_say_what_kind_of_problem(qtbot: QtBot) -> None:
    from journal.ui.common.errors import error_title

    titles = [error_title(e) for e in _errors()]
    assert len(set(titles[:6])) == 6  # one per kind of DaybookError
    assert titles[6] == titles[7]


@given(st.text(max_size=40))
def test_sentence_ends_and_starts_as_a_sentence(text: str) -> None:
    from journal.ui.common.errors import sentence

    out = sentence(text)
    if not text.strip():
        assert out == ""
    else:
        assert out.endswith(ENDS) and out.strip() == out
        assert out.casefold().startswith(text.strip()[:1].upper().casefold())
        assert sentence(out) == out  # idempotent: never two full stops


def test_every_question_box(qtbot: QtBot, tmp_path: Path) -> None:
    from journal.app import drafts_box
    from journal.services.drafts import Draft
    from journal.ui.dialogs.export_dialog import overwrite_box
    from journal.ui.main.main_window import unsaved_box
    from journal.ui.main.trash import empty_trash_box

    parent = QWidget()
    qtbot.addWidget(parent)
    draft = Draft(
        key="new-1",
        entry_id=None,
        day=dt.date(2026, 11, 20),
        title="",
        body="half a thought",
        tags=(),
        private=False,
        saved_at=dt.datetime(2026, 11, 20, 17, 30).astimezone(),
    )
    boxes = [
        empty_trash_box(parent)[0],
        overwrite_box(parent, [tmp_path / "a.md"])[0],
        overwrite_box(parent, [tmp_path / "a.md", tmp_path / "b.md"])[0],
        unsaved_box(parent),
        drafts_box(parent, [draft])[0],
    ]
    for box in boxes:
        check_box(box)


def test_no_message_box_is_made_outside_the_checked_factory() -> None:
    """Every QMessageBox comes from journal.ui.common.errors (`message_box`, `ErrorDialog`), which
    the tests above check; a box made by hand elsewhere would escape them."""
    made = re.compile(
        r"QMessageBox\s*\(|QMessageBox\.(question|warning|information|critical|about)\s*\("
    )
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "journal").rglob("*.py"))
        if path.name != "errors.py" or path.parent.name != "ui"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if made.search(line)
    ]
    assert found == []


def _dialogs(journal: Journal, paths: AppPaths) -> list[QDialog]:
    from PySide6.QtGui import QAction

    from journal.services.insights import InsightsService
    from journal.settings import Settings
    from journal.ui.dialogs.about_dialog import AboutDialog
    from journal.ui.dialogs.export_dialog import ExportDialog
    from journal.ui.dialogs.help_dialog import HelpDialog
    from journal.ui.dialogs.import_dialog import ImportDialog
    from journal.ui.dialogs.insights import InsightsDialog
    from journal.ui.dialogs.rescue_dialog import RescueDialog
    from journal.ui.dialogs.security_tab import PassphraseDialog
    from journal.ui.dialogs.settings_dialog import QuestionSetDialog, SettingsDialog
    from journal.ui.dialogs.unlock_dialog import UnlockDialog
    from journal.ui.prompt.catch_up import CatchUpDialog
    from journal.ui.timeline.calendar import DayDialog

    return [
        SettingsDialog(None, Settings()),
        QuestionSetDialog(None, None, []),
        ImportDialog(journal),
        ExportDialog(journal, debounce_ms=0),
        AboutDialog(paths),
        InsightsDialog(InsightsService(journal, Settings())),
        HelpDialog([QAction("&Find")], "keys"),
        CatchUpDialog([dt.date(2026, 11, 19)]),
        DayDialog(journal, dt.date(2026, 11, 20)),
        RescueDialog("damaged", paths.database, paths.backups, None),
        UnlockDialog(None, "journal", lambda _p, _r: None),
        PassphraseDialog(None, True, lambda: None),
    ]


def test_every_dialog_has_its_own_title(journal: Journal, paths: AppPaths, qtbot: QtBot) -> None:
    add_entries(journal, 3)
    for dialog in _dialogs(journal, paths):
        qtbot.addWidget(dialog)
        title = dialog.windowTitle().strip()
        assert title and title != "Daybook", type(dialog).__name__


# -- the import dialog -----------------------------------------------------------------


@pytest.fixture
def import_dialog(journal: Journal, qtbot: QtBot) -> Any:
    from journal.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("how", ["cancel", "escape", "close"])
def test_closing_the_import_dialog_after_a_bad_path_shows_nothing_after(
    how: str, import_dialog: Any, qtbot: QtBot, errors: list[Any], tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = import_dialog
    dialog.set_format("jrnl")
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "no-such-journal.txt"))
    failed: list[Any] = []
    dialog.failed.connect(failed.append)
    if how == "cancel":
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setFocus()  # editingFinished: the dry run starts as the focus leaves
        cancel.click()
    elif how == "escape":
        dialog.path_edit.editingFinished.emit()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.path_edit.editingFinished.emit()
        dialog.close()
    assert not dialog.isVisible()
    qtbot.wait_until(lambda: dialog.pool.activeThreadCount() == 0, timeout=10_000)
    qtbot.wait(50)  # the queued answer of the dry run, if any, is delivered now
    assert errors == [] and failed == []


def test_a_bad_path_is_said_once_in_the_dialog(
    import_dialog: Any, qtbot: QtBot, errors: list[Any], tmp_path: Path
) -> None:
    dialog = import_dialog
    dialog.set_format("jrnl")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.set_path(tmp_path / "no-such-journal.txt")
    assert errors == []  # no message box repeating the pane
    text = dialog.report_view.toPlainText()
    assert "No such file" in text and text.count("no-such-journal.txt") == 1
    assert all(line.endswith(ENDS) for line in text.splitlines() if line.strip())


def test_a_malformed_file_is_reported_once(
    import_dialog: Any, qtbot: QtBot, errors: list[Any]
) -> None:
    dialog = import_dialog
    dialog.set_format("dayone")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.set_path(FIXTURES / "dayone_bad.json")
    assert errors == []
    text = dialog.report_view.toPlainText()
    assert text.count("line 5") == 1 and text.count("dayone_bad.json") == 1
    assert text.startswith("Cannot import") and not dialog.import_button.isEnabled()


def test_the_import_progress_has_a_title(
    import_dialog: Any, qtbot: QtBot, journal: Journal
) -> None:
    dialog = import_dialog
    dialog.set_format("markdown")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_path(FIXTURES / "markdown_notes")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.start_import()
        assert dialog.progress is not None
        title = dialog.progress.windowTitle()
        assert title and title != "Daybook"


def test_a_message_quoting_the_users_text_shows_it_as_typed(qtbot: Any) -> None:
    """A path or title with "<b>" in an error or question is text, not HTML."""
    from journal.errors import StorageError
    from journal.ui.common.errors import ErrorDialog

    error = StorageError("cannot read /home/ana/<b>notes</b>/a&b.md", "check <i>the</i> file")
    dialog = ErrorDialog(error)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    formats = {label.textFormat() for label in dialog.findChildren(QLabel) if label.text()}
    assert any("<b>notes</b>/a&b.md" in text for text in shown)
    assert any("<i>the</i>" in text for text in shown)
    assert formats == {Qt.TextFormat.PlainText}
