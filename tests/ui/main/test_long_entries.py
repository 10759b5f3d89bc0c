"""Entries longer than a list's preview (issue 13, item 8): the timeline holds only the
start of each text, and every path that shows, edits, exports, prints, deletes, restores
or undoes an entry reads it whole again, so a cut preview is never shown or saved as the
text. Each test fails if that path took the entry from the list."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from journal.domain.entry import PREVIEW_CHARS, EntrySummary
from journal.domain.filters import EntryFilter
from journal.ui.dialogs.export_dialog import ExportDialog
from journal.ui.timeline.timeline import TimelineModel
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from pathlib import Path

LONG_DAY = dt.date(2026, 11, 21)  # newer than add_entries' days: the first row


def long_text(mark: str, size: int = PREVIEW_CHARS * 3) -> str:
    """Prose well past the preview, ending with `mark` (which no preview can hold)."""
    paragraph = "Notes on the cache and the queue, written at length. " * 20
    parts = ["Opening line of a long day"]
    while sum(len(p) + 2 for p in parts) < size:
        parts.append(paragraph.strip())
    return "\n\n".join([*parts, f"The very end: {mark}."])


@pytest.fixture
def long_journal(journal: Any) -> tuple[Any, int, str]:
    """A journal of short entries and one long one (the newest); its id and whole text."""
    add_entries(journal, 4)
    entry = journal.add(long_text("tailmark"), title="The long one", day=LONG_DAY)
    assert len(entry.body) > PREVIEW_CHARS * 2
    return journal, entry.id, entry.body


def window_on_long(make_window: Any, long_journal: tuple[Any, int, str]) -> Any:
    journal, entry_id, _body = long_journal
    window = make_window(journal)
    assert window.select_id(entry_id)
    return window


def type_at_end(qtbot: Any, window: Any, text: str) -> None:
    body = window.panes.editor.body_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)
    assert window.entry_controller.flush()


def search(qtbot: Any, window: Any, text: str) -> None:
    window.search_controller.start()  # Ctrl+F
    with qtbot.waitSignal(window.searchFinished, timeout=10000) as done:
        qtbot.keyClicks(window.panes.search_bar.field, text + " ")
    assert done.args == [1]


# -- the list holds only the start of each text ----------------------------------------------


def _strings(value: object) -> list[str]:
    """Every string a list row's entry holds (its fields, recursively)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("size", [PREVIEW_CHARS + 1, PREVIEW_CHARS * 5, 400_000])
def test_the_timeline_model_holds_at_most_the_preview_of_each_text(journal: Any, size: int) -> None:
    add_entries(journal, 3)
    for i in range(3):
        journal.add("x" * size, title="t" * size if i == 2 else "", day=LONG_DAY)
    model = TimelineModel(journal)
    model.show_listing()
    entries = [model.entry_at(r) for r in range(model.rowCount())]
    held = [e for e in entries if e is not None]
    assert len(held) == 6
    for entry in held:
        assert all(len(s) <= PREVIEW_CHARS for s in _strings(entry)), entry.id
        assert not hasattr(entry, "body")  # a summary can never be saved as the text


def test_search_results_in_the_list_hold_only_the_preview(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    journal.add(long_text("tailmark", PREVIEW_CHARS * 20), day=LONG_DAY)
    window = make_window(journal)
    search(qtbot, window, "tailmark")
    [hit] = [e for e in map(window.panes.model.entry_at, range(window.panes.model.rowCount())) if e]
    assert isinstance(hit, EntrySummary)
    assert all(len(s) <= PREVIEW_CHARS for s in _strings(hit))
    assert window.panes.reader.entry is not None and window.panes.reader.entry.body.endswith(
        "tailmark."
    )


def test_an_edit_elsewhere_updates_the_row_with_a_preview_only(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any
) -> None:
    journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    journal.edit(entry_id, body=body + " more")
    qtbot.waitUntil(lambda: window.panes.reader.entry.body == body + " more")
    row = window.panes.model.entry_at(window.panes.model.row_of(entry_id))
    assert all(len(s) <= PREVIEW_CHARS for s in _strings(row))


# -- every path that shows or edits an entry reads it whole ----------------------------------


def test_selecting_a_long_entry_shows_it_whole(
    long_journal: tuple[Any, int, str], make_window: Any
) -> None:
    _journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    assert window.panes.reader.entry.id == entry_id and window.panes.reader.entry.body == body
    assert "tailmark" in window.panes.reader.browser.toPlainText()


@pytest.mark.parametrize("how", ["enter", "double-click", "ctrl-e", "reader-button"])
def test_editing_a_long_entry_keeps_all_of_it(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any, how: str
) -> None:
    journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    if how == "enter":
        window.panes.timeline.setFocus()
        qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Return)
    elif how == "double-click":
        window.panes.timeline.doubleClicked.emit(window.panes.timeline.currentIndex())
    elif how == "ctrl-e":
        window.ui_actions.edit_action.trigger()
    else:
        window.panes.reader.edit_button.click()
    assert window.is_editing()
    assert window.panes.editor.body_edit.toPlainText() == body
    type_at_end(qtbot, window, "!")
    assert journal.get(entry_id).body == body + "!"


@pytest.mark.parametrize("source", ["list", "reader"])
def test_editing_reads_what_the_journal_holds_now(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any, source: str
) -> None:
    journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    with window.journal_changes.held():  # the views have not heard of it yet
        journal.store.update(entry_id, body=body + " (changed in a terminal)")
    if source == "list":
        window.edit_entry(window.panes.timeline.current_entry())
    else:
        window.ui_actions.edit_action.trigger()  # Ctrl+E: the entry the reader shows
    assert window.panes.editor.body_edit.toPlainText() == body + " (changed in a terminal)"
    type_at_end(qtbot, window, "!")
    assert journal.get(entry_id).body == body + " (changed in a terminal)!"


def test_editing_a_long_search_result_keeps_all_of_it(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any
) -> None:
    journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    search(qtbot, window, "tailmark")
    assert window.panes.reader.entry.id == entry_id and window.panes.reader.entry.body == body
    window.edit_entry(window.panes.timeline.current_entry())
    type_at_end(qtbot, window, "?")
    assert journal.get(entry_id).body == body + "?"


def test_undo_of_a_delete_brings_the_whole_text_back(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any
) -> None:
    journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    window.panes.timeline.setFocus()
    with qtbot.waitSignal(window.entryDeleted):
        qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Delete)
    assert journal.get(entry_id, include_deleted=True).body == body
    window.panes.timeline.setFocus()
    with qtbot.waitSignal(window.entryRestored):
        qtbot.keySequence(window.panes.timeline, QKeySequence.StandardKey.Undo)
    assert journal.get(entry_id).body == body
    assert window.panes.reader.entry.id == entry_id and window.panes.reader.entry.body == body


def test_the_trash_shows_and_restores_the_whole_text(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any
) -> None:
    journal, entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    window.delete_entry(window.panes.timeline.current_entry())
    window.panes.trash_button.click()
    assert window.panes.trash.current_entry().id == entry_id
    assert window.panes.reader.entry.id == entry_id and window.panes.reader.entry.body == body
    assert "tailmark" in window.panes.reader.browser.toPlainText()
    with qtbot.waitSignal(window.entryRestored):
        window.panes.trash.restore_button.click()
    assert journal.get(entry_id).body == body
    window.panes.trash_button.click()  # back to the timeline, on the entry
    assert window.panes.reader.entry.body == body
    window.edit_entry(window.panes.timeline.current_entry())
    type_at_end(qtbot, window, ".")
    assert journal.get(entry_id).body == body + "."


def test_exporting_selected_long_entries_exports_them_whole(
    long_journal: tuple[Any, int, str], make_window: Any, qtbot: Any
) -> None:
    _journal, _entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    window.panes.timeline.setFocus()
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.panes.timeline.selected_entries()) == 2
    with qtbot.waitSignal(window.exportOpened) as opened:
        window.ui_actions.export_selected_action.trigger()
    dialog = opened.args[0]
    assert dialog.range_combo.currentText() == "Selected (2)"
    qtbot.waitUntil(dialog.is_complete, timeout=10000)
    assert "The very end: tailmark." in dialog.output_text()
    assert dialog.output_text().count("Notes on the cache") == body.count("Notes on the cache")


def test_printing_selected_long_entries_prints_them_whole(
    long_journal: tuple[Any, int, str],
    make_window: Any,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from journal.ui.dialogs import pdf

    _journal, _entry_id, body = long_journal
    window = window_on_long(make_window, long_journal)
    window.panes.timeline.setFocus()
    qtbot.keyClick(window.panes.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)

    def printer(_cls: Any, _parent: Any) -> QPrinter:
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(tmp_path / "printed.pdf"))
        return made

    printed: list[str] = []
    real_paint = pdf.paint_pages

    def paint(document: Any, target: Any, *args: Any, **kwargs: Any) -> int:
        printed.append(document.toPlainText())
        return real_paint(document, target, *args, **kwargs)

    monkeypatch.setattr(ExportDialog, "get_printer", classmethod(printer))
    monkeypatch.setattr(pdf, "paint_pages", paint)
    window.ui_actions.print_action.trigger()  # Ctrl+P, on the two entries selected
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.is_complete, timeout=10000)
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        assert dialog.print_entries()
    [text] = printed
    assert "tailmark" in text
    assert text.count("Notes on the cache") == body.count("Notes on the cache")


def test_insights_day_and_week_review_read_entries_whole(
    long_journal: tuple[Any, int, str], make_window: Any
) -> None:
    journal, entry_id, body = long_journal
    window = make_window(journal)
    window.go_to_day(LONG_DAY)  # as a day clicked in Insights does
    assert window.panes.reader.entry.id == entry_id and window.panes.reader.entry.body == body
    from journal.services.insights import InsightsService
    from journal.settings import Settings

    review = InsightsService(journal, Settings()).week_review(LONG_DAY)[2]
    assert [item.entry.body for item in review if item.entry.id == entry_id] == [body]


def test_list_summaries_and_whole_entries_agree(long_journal: tuple[Any, int, str]) -> None:
    journal, entry_id, body = long_journal
    [summary] = [s for s in journal.list_summaries(EntryFilter()) if s.id == entry_id]
    assert summary.cut and body.startswith(summary.preview)
    assert journal.get(summary.id).body == body
