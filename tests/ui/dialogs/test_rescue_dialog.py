"""The damaged-journal dialog (issue 14.2), and a window whose journal breaks while open."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from journal.errors import DamagedJournalError
from journal.ui.dialogs.rescue_dialog import RescueDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

DAMAGED = Path("/home/ana/.local/share/Daybook/journal.sqlite3")
BACKUPS = Path("/home/ana/.local/share/Daybook/backups")
BACKUP = (BACKUPS / "daily-20261202-173000.sqlite3", dt.datetime(2026, 12, 2, 17, 30), 1204)
PROBLEM = "the journal is damaged: *** in database main *** Page 40: btreeInitPage() error 11"


def screenshot(dialog: RescueDialog, name: str) -> Path:
    target = Path(tempfile.gettempdir()) / f"daybook-{name}.png"
    assert dialog.grab().save(str(target))
    return target


def test_the_dialog_offers_the_backup_with_its_date_and_entries(qtbot: QtBot) -> None:
    dialog = RescueDialog(PROBLEM, DAMAGED, BACKUPS, BACKUP)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == "Your journal is damaged"
    offer = dialog.offer.text()
    assert "Wednesday 2 December 2026 at 17:30" in offer and "1,204 entries" in offer
    assert "moved aside" in offer and "not deleted" in offer
    assert str(BACKUP[0]) in dialog.source.text()
    assert "btreeInitPage" in dialog.detail.text()
    assert dialog.restore_button is not None and dialog.restore_button.isDefault()
    assert screenshot(dialog, "rescue-backup").stat().st_size > 0
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)


def test_enter_restores_and_escape_quits(qtbot: QtBot) -> None:
    dialog = RescueDialog(PROBLEM, DAMAGED, BACKUPS, BACKUP)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def test_without_a_backup_it_says_so_and_where_the_file_is(qtbot: QtBot) -> None:
    dialog = RescueDialog(PROBLEM, DAMAGED, BACKUPS, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    offer = dialog.offer.text()
    assert f"no good backup in {BACKUPS}" in offer and str(DAMAGED) in offer
    assert dialog.restore_button is None and dialog.quit_button.isDefault()
    assert not dialog.source.isVisible()
    assert screenshot(dialog, "rescue-no-backup").stat().st_size > 0
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)


def test_one_entry_is_said_in_the_singular(qtbot: QtBot) -> None:
    dialog = RescueDialog(PROBLEM, DAMAGED, BACKUPS, (BACKUP[0], BACKUP[1], 1))
    qtbot.addWidget(dialog)
    assert "holds 1 entry " in dialog.offer.text()


def test_damage_found_while_open_is_said_once_and_never_looks_empty(
    journal: Journal, make_window: MakeWindow, errors: list[BaseException]
) -> None:
    """Every pane's read fails on a journal damaged while open: one error, and the panes
    say the journal could not be read rather than welcoming to an empty journal."""
    window = make_window(journal)
    damaged = DamagedJournalError("the journal is damaged", "restore", path=journal.paths.database)
    for _ in range(3):
        window.report(damaged)
    assert errors == [damaged]
    window.panes.model.show_listing()  # (the journal is empty: the welcome would show)
    window.update_pages()
    assert (
        "damaged" in window.panes.list_empty.text()
        and "No entries yet" not in window.panes.list_empty.text()
    )
    assert window.panes.right_stack.currentWidget() is not window.panes.empty_state


def test_a_damaged_backup_error_does_not_mark_the_journal(
    journal: Journal, make_window: MakeWindow, errors: list[BaseException], tmp_path: Path
) -> None:
    window = make_window(journal)
    window.report(DamagedJournalError("bad backup", "choose another", path=tmp_path / "b"))
    window.report(DamagedJournalError("bad backup", "choose another", path=tmp_path / "b"))
    assert len(errors) == 2 and not window.damaged
