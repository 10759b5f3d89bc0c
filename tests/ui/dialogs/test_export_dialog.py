"""Export from the desktop app: the dialog's filters, its preview, Copy and Save, and
"Export Selected…" from a multi-selection in the timeline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from journal.errors import InputError
from journal.ui.dialogs.export_dialog import ExportDialog, release_clipboard
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from pathlib import Path

TODAY = dt.date(2026, 11, 20)  # a Friday
SECRET_BLOCK = "```private\nThe reorg rumour.\n```"


@pytest.fixture(autouse=True)
def _clipboard_released(qapp: Any) -> Any:
    """What the app does on quit (see `release_clipboard`): the test run's Python-made
    clipboard data would otherwise crash the interpreter at exit."""
    yield
    release_clipboard()
    QGuiApplication.clipboard().clear()


@pytest.fixture
def week(journal: Any) -> Any:
    """Four entries this week: one private, one with a private block; one last month."""
    journal.add(
        "## What did I learn?\nFreeze time in tests.\n\n" + SECRET_BLOCK,
        title="Flaky CI",
        tags=("ci", "learning"),
        day=TODAY,
    )
    journal.add("Salary talk.", title="One to one", tags=("people",), private=True, day=TODAY)
    journal.add("## What did I learn?\nWAL checkpoints.", title="SQLite", tags=("sqlite",),
                day=TODAY - dt.timedelta(days=3))  # fmt: skip
    journal.add("Older.", title="October notes", tags=("ci",), day=dt.date(2026, 10, 30))
    return journal


@pytest.fixture
def make_dialog(qtbot: Any, errors: list[BaseException]) -> Any:
    """An export dialog shown (not exec'd), its first preview built."""

    def make(journal: Any, **kwargs: Any) -> ExportDialog:
        kwargs.setdefault("today", TODAY)
        kwargs.setdefault("week_start", 0)
        dialog = ExportDialog(journal, debounce_ms=0, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.preview() is not None)
        return dialog

    return make


def changed(qtbot: Any, dialog: ExportDialog) -> Any:
    """Wait for the preview that follows a change made inside the `with` block."""
    return qtbot.waitSignal(dialog.previewReady, timeout=5000)


# -- choosing --------------------------------------------------------------------------------


def test_dialog_presets_set_the_dates_and_filter(week: Any, make_dialog: Any, qtbot: Any) -> None:
    dialog = make_dialog(week)
    assert dialog.preset() == "this_week"
    assert dialog.date_range() == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert dialog.preview().result.report.entries == 2  # Flaky CI, SQLite
    with changed(qtbot, dialog):
        dialog.set_preset("today")
    assert dialog.date_range() == (TODAY, TODAY)
    assert "SQLite" not in dialog.output_text()
    with changed(qtbot, dialog):
        dialog.set_preset("last_week")
    assert dialog.date_range() == (dt.date(2026, 11, 9), dt.date(2026, 11, 15))
    assert "No entries match" in dialog.message_label.text()
    assert not dialog.save_button.isEnabled() and not dialog.copy_button.isEnabled()
    with changed(qtbot, dialog):
        dialog.set_preset("all")
    assert not dialog.from_edit.isEnabled()
    assert dialog.options().filters.date_from is None
    assert "October notes" in dialog.output_text()
    # Editing a date by hand makes the range custom.
    with changed(qtbot, dialog):
        dialog.set_preset("this_month")
        dialog.from_edit.setDate(dialog.from_edit.date().addDays(-5))
    assert dialog.preset() == "custom"
    assert dialog.date_range() == (dt.date(2026, 10, 27), dt.date(2026, 11, 30))
    assert "October notes" in dialog.output_text()


def test_tags_and_search_narrow_the_export(week: Any, make_dialog: Any, qtbot: Any) -> None:
    dialog = make_dialog(week)
    with changed(qtbot, dialog):
        dialog.set_preset("all")
        qtbot.keyClicks(dialog.tags_edit, "#ci")
    assert dialog.options().filters.tags == ("ci",)
    text = dialog.output_text()
    assert "Flaky CI" in text and "October notes" in text and "SQLite" not in text
    with changed(qtbot, dialog):
        dialog.search_edit.setText("freeze")
    assert "Flaky CI" in dialog.output_text()
    assert "October notes" not in dialog.output_text()
    completer = dialog.tags_edit.completer()
    assert completer.splitPath("ci, sq") == ["sq"]


def test_include_private_changes_the_preview_and_the_note(
    week: Any, make_dialog: Any, qtbot: Any
) -> None:
    dialog = make_dialog(week)
    assert not dialog.private_check.isChecked()  # off by default
    assert dialog.private_label.text() == "1 private entry and 1 private block left out"
    text = dialog.text_view.toPlainText()
    assert "Salary talk" not in text and "reorg rumour" not in text
    assert "Freeze time in tests" in text
    with changed(qtbot, dialog):
        dialog.private_check.click()
    text = dialog.text_view.toPlainText()
    assert "Salary talk" in text and "reorg rumour" in text
    assert dialog.private_label.text() == "1 private entry and 1 private block included"
    with changed(qtbot, dialog):
        dialog.private_check.click()
    assert "Salary talk" not in dialog.text_view.toPlainText()


def test_only_private_entries_explain_themselves(journal: Any, make_dialog: Any) -> None:
    journal.add("Mine only.", title="Secret", private=True, day=TODAY)
    dialog = make_dialog(journal)
    assert "Every matching entry is private" in dialog.message_label.text()
    assert dialog.private_label.text() == "1 private entry left out"
    assert dialog.output_text() == ""
    assert not dialog.save_button.isEnabled()


@pytest.mark.parametrize("fmt", ["html", "digest_html", "markdown", "digest_markdown"])
def test_the_preview_shows_private_blocks_boxed_only_when_they_go_out(
    week: Any, make_dialog: Any, qtbot: Any, fmt: str
) -> None:
    dialog = make_dialog(week)
    if fmt != "markdown":
        with changed(qtbot, dialog):
            dialog.set_format(fmt)
    label = "Private · included in this export"
    for include in (False, True, False):
        if dialog.private_check.isChecked() != include:
            with changed(qtbot, dialog):
                dialog.private_check.click()
        view = dialog.preview_stack.currentWidget()
        shown = view.toPlainText()
        goes_out = "reorg rumour" in dialog.output_text()
        assert ("reorg rumour" in shown) == goes_out  # the preview never shows more
        assert goes_out == include
        if fmt.endswith("html"):
            assert (label in shown) == include
            assert shown.index(label) < shown.index("reorg rumour") if include else True
        else:
            assert label not in shown
    assert dialog.html_view.horizontalScrollBar().maximum() == 0


def test_private_boxes_replace_exactly_the_marked_blocks() -> None:
    from journal.rendering.markdown import MarkdownRenderer
    from journal.ui.dialogs.export_preview import boxed_private_blocks

    box = "<table><tr><td>LABEL{body}</td></tr></table>"
    renderer = MarkdownRenderer()
    text = (
        "<div>raw before</div>\n\n```private\nouter <div>x</div>\n\n"
        "> ~~~private\n> inner\n> ~~~\n\nstill outer\n```\n\nafter"
    )
    page = "<html><body>" + renderer.render(text, mark_private=True) + "</body></html>"
    out = boxed_private_blocks(page, box)
    assert 'class="private-block"' not in out
    assert out.count("LABEL") == page.count('class="private-block"') == 2
    assert out.count("<table>") == out.count("</table>")
    assert out.count("<div") == out.count("</div>") == 2  # the user's own divs stay
    for words in ("raw before", "outer", "inner", "still outer", "after"):
        assert words in out
    assert out.index("LABEL") < out.index("outer") < out.index("still outer") < out.index("after")
    assert boxed_private_blocks("<p>no blocks</p>", box) == "<p>no blocks</p>"


def test_formats_html_digest_and_front_matter(week: Any, make_dialog: Any, qtbot: Any) -> None:
    dialog = make_dialog(week)
    with changed(qtbot, dialog):
        dialog.front_matter_check.click()
    assert dialog.output_text().startswith("---\n")
    with changed(qtbot, dialog):
        dialog.set_format("html")
    assert not dialog.front_matter_check.isEnabled()
    assert dialog.preview_stack.currentWidget() is dialog.html_view
    assert dialog.output_text().lstrip().lower().startswith("<!doctype html>")
    assert "Flaky CI" in dialog.html_view.toPlainText()
    assert "#ci #learning" in dialog.html_view.toPlainText()  # chips in a row, no bullets
    dialog.source_check.click()  # the same preview, shown as source
    assert dialog.preview_stack.currentWidget() is dialog.text_view
    assert dialog.text_view.toPlainText() == dialog.output_text()
    with changed(qtbot, dialog):
        dialog.set_format("digest_markdown")
    text = dialog.output_text()
    assert "Freeze time in tests" in text and "WAL checkpoints" in text
    assert "Salary talk" not in text


def test_only_the_latest_preview_is_shown(week: Any, make_dialog: Any, qtbot: Any) -> None:
    dialog = make_dialog(week)
    dialog.set_preset("all")
    dialog.refresh()  # an older request ...
    with changed(qtbot, dialog):
        dialog.set_preset("today")  # ... overtaken by this one
    dialog.pool.waitForDone()
    qtbot.wait(10)  # let any stale answer arrive; it must be ignored
    assert dialog.preset() == "today"
    assert "October notes" not in dialog.output_text()


# -- saving and copying ----------------------------------------------------------------------


def stub_save_path(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[Path]:
    asked: list[Path] = []

    def get(_cls: Any, _parent: Any, suggested: Path, _fmt: str) -> Path:
        asked.append(suggested)
        return path

    monkeypatch.setattr(ExportDialog, "get_save_path", classmethod(get))
    return asked


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_preview_is_what_save_writes(
    week: Any,
    make_dialog: Any,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    dialog = make_dialog(week)
    if fmt == "html":
        with changed(qtbot, dialog):
            dialog.set_format("html")
        dialog.source_check.click()
    target = tmp_path / "out" / "export"
    target.parent.mkdir()
    asked = stub_save_path(monkeypatch, target)
    shown = dialog.text_view.toPlainText()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_button.click()
    written = target.with_suffix(".md" if fmt == "markdown" else ".html")
    assert saved.args == [written, 2]
    assert asked[0].name == f"daybook-{TODAY.isoformat()}{written.suffix}"
    assert written.read_bytes() == shown.encode("utf-8")
    assert written.read_bytes() == dialog.output_text().encode("utf-8")
    assert not dialog.isVisible()  # done: the dialog closes


def test_overwrite_asks_and_cancel_keeps_the_old_file(
    week: Any, make_dialog: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(week)
    target = tmp_path / "notes.md"
    target.write_text("old notes\n")
    stub_save_path(monkeypatch, target)
    answers: list[bool] = []
    asked: list[list[Path]] = []

    def confirm(_cls: Any, _parent: Any, paths: list[Path]) -> bool:
        asked.append(list(paths))
        return answers.pop()

    monkeypatch.setattr(ExportDialog, "confirm_overwrite", classmethod(confirm))
    answers.append(False)
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    dialog.pool.waitForDone()
    assert asked == [[target]]
    assert target.read_text() == "old notes\n"
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    answers.append(True)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert target.read_text() == dialog.output_text()


def test_save_errors_go_to_the_error_dialog(
    week: Any,
    make_dialog: Any,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
) -> None:
    dialog = make_dialog(week)
    stub_save_path(monkeypatch, tmp_path / "missing" / "notes.md")
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
        qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], InputError)
    assert "folder does not exist" in str(errors[0])
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_one_file_per_entry_into_a_folder(
    week: Any, make_dialog: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(week)
    with changed(qtbot, dialog):
        dialog.split_check.click()
    assert not dialog.copy_button.isEnabled()
    files = dict(dialog.preview().result.files)
    assert len(files) == 2
    assert all(f"──── {name} ────" in dialog.output_text() for name in files)
    folder = tmp_path / "notes"
    monkeypatch.setattr(ExportDialog, "get_folder", classmethod(lambda _c, _p, _s: folder))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert {p.name: p.read_text() for p in folder.iterdir()} == files


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_copy_puts_markdown_and_html_on_the_clipboard(
    week: Any, make_dialog: Any, qtbot: Any, fmt: str
) -> None:
    dialog = make_dialog(week)
    if fmt == "html":
        with changed(qtbot, dialog):
            dialog.set_format("html")
    with qtbot.waitSignal(dialog.copied, timeout=5000):
        dialog.copy_button.click()
    mime = QGuiApplication.clipboard().mimeData()
    assert {"text/markdown", "text/html", "text/plain"} <= set(mime.formats())
    markdown = bytes(mime.data("text/markdown").data()).decode("utf-8")
    html = mime.html()
    assert "## Fri 2026-11-20" in markdown and "Flaky CI" in markdown
    assert "<h2" in html and "Flaky CI" in html and "<script" not in html.lower()
    assert mime.text() == markdown
    assert (markdown if fmt == "markdown" else html) == dialog.output_text()
    for text in (markdown, html):  # the private parts stay out of the clipboard too
        assert "Salary talk" not in text and "reorg rumour" not in text


def test_every_control_has_an_accessible_name(week: Any, make_dialog: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    dialog = make_dialog(week)
    nameless = [
        f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''}"
        for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
        for w in dialog.findChildren(kind)
        if w.isVisibleTo(dialog) and not w.accessibleName() and not w.objectName().startswith("qt_")
    ]
    assert nameless == []


# -- from the main window ----------------------------------------------------------------------


def ctrl_click(qtbot: Any, window: Any, row: int) -> None:
    view = window.panes.timeline
    rect = view.visualRect(window.panes.model.index(row, 0))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )  # fmt: skip


def test_export_selected_entries_from_a_multi_selection(
    journal: Any, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(journal, 8)  # Entry 0 and Entry 5 are private
    window = make_window(journal)
    model = window.panes.model
    rows = {model.entry_at(r).title: r for r in range(model.rowCount()) if model.entry_at(r)}
    window.panes.timeline.select_row(rows["Entry 0"])
    ctrl_click(qtbot, window, rows["Entry 1"])
    ctrl_click(qtbot, window, rows["Entry 3"])
    chosen = window.panes.timeline.selected_entries()
    assert [e.title for e in chosen] == ["Entry 0", "Entry 1", "Entry 3"]
    assert window.ui_actions.export_selected_action.isEnabled()
    assert window.ui_actions.export_selected_action in window.timeline_menu.actions()

    with qtbot.waitSignal(window.exportOpened) as opened:
        window.ui_actions.export_selected_action.trigger()
    dialog = opened.args[0]
    assert dialog is window.export_dialog and dialog.isVisible()
    assert sorted(dialog.ids) == sorted(e.id for e in chosen)
    assert dialog.selection_label.text() == "3 selected entries"
    assert dialog.range_combo.currentText() == "Selected (3)"
    days = sorted(e.day for e in chosen)
    assert (dialog.from_edit.date().toPython(), dialog.to_edit.date().toPython()) == (
        days[0],
        days[-1],
    )  # the real span of the selection
    assert not dialog.from_edit.isEnabled() and not dialog.tags_edit.isEnabled()
    qtbot.waitUntil(lambda: dialog.preview() is not None)
    text = dialog.output_text()
    assert "Entry 1" in text and "Entry 3" in text
    assert "Entry 0" not in text and "Entry 2" not in text  # private; not chosen
    assert dialog.private_label.text() == "1 private entry left out"
    with qtbot.waitSignal(dialog.previewReady, timeout=5000):
        dialog.private_check.click()
    assert "Entry 0" in dialog.output_text()
    assert dialog.private_label.text() == "1 private entry included"

    target = window.journal.paths.home / "chosen.md"
    stub_save_path(monkeypatch, target)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert target.read_text() == dialog.output_text()
    assert "Exported 3 entries" in window.statusBar().currentMessage()


def test_ctrl_shift_e_with_several_entries_selected_opens_on_them(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 8)
    window = make_window(journal)
    model = window.panes.model
    rows = {model.entry_at(r).title: r for r in range(model.rowCount()) if model.entry_at(r)}
    window.panes.timeline.select_row(rows["Entry 1"])
    assert len(window.panes.timeline.selected_entries()) == 1, (
        window.panes.timeline.selected_entries()
    )
    with qtbot.waitSignal(window.exportOpened) as opened:  # one entry: the usual dialog
        window.ui_actions.export_action.trigger()
    assert opened.args[0].range_combo.currentData() != "selected"
    ctrl_click(qtbot, window, rows["Entry 4"])
    with qtbot.waitSignal(window.exportOpened) as opened:
        window.ui_actions.export_action.trigger()
    dialog = opened.args[0]
    assert dialog.range_combo.currentText() == "Selected (2)"
    with qtbot.waitSignal(dialog.previewReady, timeout=5000):
        pass
    text = dialog.output_text()
    assert "Entry 1\n" in text and "Entry 4\n" in text and "Entry 2\n" not in text
    with qtbot.waitSignal(dialog.previewReady, timeout=5000):  # the other choices stay
        dialog.set_preset("all")
    assert dialog.tags_edit.isEnabled() and "Entry 2\n" in dialog.output_text()
    assert not dialog.selection_label.isVisible()


def test_export_dialog_from_the_file_menu(journal: Any, make_window: Any, qtbot: Any) -> None:
    add_entries(journal, 3, start=dt.date.today())
    window = make_window(journal)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.ui_actions.export_action in file_menu.actions()
    assert window.ui_actions.export_selected_action in file_menu.actions()
    with qtbot.waitSignal(window.exportOpened) as opened:
        window.ui_actions.export_action.trigger()
    dialog = opened.args[0]
    assert dialog.ids == ()
    assert dialog.range_combo.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.preview() is not None)
    dialog.reject()
    assert not dialog.isVisible()


def test_select_all_never_selects_month_headings(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 40, start=dt.date(2026, 3, 3))  # headings for March, Feb, Jan
    window = make_window(journal)
    view = window.panes.timeline
    view.setFocus()
    view.selectionModel().select(
        window.panes.model.index(0, 0), QItemSelectionModel.SelectionFlag.Select
    )  # a heading
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    selected = view.selectionModel().selectedIndexes()
    assert selected and not any(window.panes.model.is_heading(i.row()) for i in selected)
    assert len(view.selected_entries()) == 40


# -- a big export: the first entries at once, the whole with progress, stoppable -----------


def _all_time(dialog: ExportDialog, qtbot: Any) -> None:
    with changed(qtbot, dialog):
        dialog.set_preset("all")


def test_a_big_preview_shows_its_first_entries_then_the_whole(
    journal: Any, make_dialog: Any, qtbot: Any
) -> None:
    add_entries(journal, 250)
    dialog = make_dialog(journal)
    steps: list[int] = []
    dialog._progress.step.connect(lambda _g, n: steps.append(n))
    firsts: list[Any] = []
    dialog.previewReady.connect(lambda: firsts.append(dialog.preview()))
    shown: list[tuple[Any, bool, str]] = []
    show = dialog._show_preview

    def noting() -> None:
        show()
        shown.append((dialog.preview(), dialog.is_ready(), dialog.output_text()))

    dialog._show_preview = noting
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        dialog.set_preset("all")
    (partial, ready, text), (whole, _ready, _text) = shown
    assert partial.partial and len(partial.entries) == 30
    assert not ready  # Save and Copy wait for the whole
    assert "Entry 249\n" in text and "Entry 1\n" not in text  # the oldest first
    assert dialog.is_complete() and dialog.is_ready()
    assert whole is dialog.preview() and len(whole.entries) == 200  # 50 are private
    assert "Entry 1\n" in dialog.output_text()
    assert firsts == [whole]  # previewReady only for the whole: tests and Save rely on it
    with changed(qtbot, dialog):
        dialog.set_format("html")
    assert steps, "the whole HTML export reported progress"
    assert dialog.preview_stack.currentWidget() is dialog.html_view


def test_a_change_takes_the_old_preview_away_and_stops_its_build(
    journal: Any, make_dialog: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from journal import cancel
    from journal.ui.dialogs import export_preview

    add_entries(journal, 120)
    dialog = make_dialog(journal)
    _all_time(dialog, qtbot)
    slow_render = export_preview.ProgressRenderer.render

    def render(self: Any, *args: Any, **kwargs: Any) -> str:
        # The whole export never finishes on its own: it waits to be stopped.
        deadline = time.monotonic() + 60
        while not cancel.stop_requested() and time.monotonic() < deadline:
            time.sleep(0.005)
        return slow_render(self, *args, **kwargs)  # raises Cancelled once stopped

    monkeypatch.setattr(export_preview.ProgressRenderer, "render", render)
    dialog.set_format("html")
    dialog.refresh()
    qtbot.waitUntil(
        lambda: dialog.preview() is not None and dialog.preview().partial, timeout=30_000
    )
    whole = dialog._building  # the whole export, being built (or queued) now
    assert whole is not None and not whole.token.cancelled
    dialog.set_preset("this_week")  # a new choice while the whole is being built
    dialog.refresh()
    assert whole.token.cancelled  # stopped (or never started, if the pool was busy)
    assert dialog.preview() is None and not dialog.is_ready()
    assert dialog.message_label.text() == "Building the preview…"  # nothing stale shown
    qtbot.waitUntil(dialog.is_complete, timeout=30_000)
    preview = dialog.preview()
    assert preview is not None and not preview.partial
    assert all(dt.date(2026, 11, 16) <= e.day <= TODAY for e in preview.entries)


def test_a_page_too_big_to_render_shows_its_first_entries_rendered(
    journal: Any, make_dialog: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.dialogs import export_preview

    add_entries(journal, 20)
    dialog = make_dialog(journal)
    _all_time(dialog, qtbot)
    with changed(qtbot, dialog):
        dialog.set_format("html")
    page = dialog.output_text()
    tenth = [i for i in range(len(page)) if page.startswith("<article", i)][10]
    monkeypatch.setattr(export_preview, "RENDER_LIMIT", tenth + 10)
    with changed(qtbot, dialog):
        dialog.refresh()
    assert dialog.preview_stack.currentWidget() is dialog.html_view  # not the source
    shown = dialog.html_view.toPlainText()
    assert "Entry 19" in shown and "<article" not in shown
    assert "first entries" in dialog.render_note.text()
    newest = dialog.preview().entries[-1].body  # "Worked on item 1. ..."
    assert newest not in shown and newest in dialog.output_text()  # the file holds them all


def test_a_text_too_long_to_show_shows_its_first_lines_and_says_so(
    journal: Any, make_dialog: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Markdown preview past TEXT_LIMIT shows whole lines up to it, says it is the first
    part, and Copy and Save still take the whole text."""
    from journal.ui.dialogs import export_preview

    add_entries(journal, 20)
    dialog = make_dialog(journal)
    _all_time(dialog, qtbot)
    whole = dialog.output_text()
    assert len(whole) > 1000
    monkeypatch.setattr(export_preview, "TEXT_LIMIT", len(whole) // 3)
    with changed(qtbot, dialog):
        dialog.refresh()
    shown = dialog.text_view.toPlainText()
    assert dialog.preview_stack.currentWidget() is dialog.text_view
    assert len(shown) <= len(whole) // 3 + 1 and whole.startswith(shown)
    assert dialog.render_note.isVisible() and "whole export" in dialog.render_note.text()
    assert dialog.output_text() == whole
    monkeypatch.setattr(export_preview, "TEXT_LIMIT", len(whole))
    with changed(qtbot, dialog):
        dialog.refresh()
    assert dialog.text_view.toPlainText() == whole and not dialog.render_note.isVisible()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_copy_embeds_the_entries_images_in_the_html_flavour(
    journal: Any, make_dialog: Any, qtbot: Any, fmt: str
) -> None:
    """Pasted into a mail or a document, the HTML shows the images: data: URIs, never an
    `attachment:` reference or a line saying the image is not there; a private block's
    image stays out."""
    import base64

    from journal.services.attachments import store_image_bytes
    from tests.image_samples import encoded, noise

    shown = store_image_bytes(journal, encoded(noise(seed=31), "PNG"))
    hidden = store_image_bytes(journal, encoded(noise(seed=32), "PNG"))
    journal.add(
        f"The graph:\n\n{shown}\n\n```private\n{hidden}\n```\n",
        title="With a graph",
        day=TODAY,
    )
    dialog = make_dialog(journal)
    if fmt == "html":
        with changed(qtbot, dialog):
            dialog.set_format("html")
    with qtbot.waitSignal(dialog.copied, timeout=5000):
        dialog.copy_button.click()
    html = QGuiApplication.clipboard().mimeData().html()
    image = journal.store.attachments.get(shown[-65:-1])
    assert image is not None
    assert f"data:image/png;base64,{base64.b64encode(image.data).decode()}" in html
    assert html.count("data:image/") == 1  # the private block's image stayed out
    assert "attachment:" not in html and "not in the journal" not in html
