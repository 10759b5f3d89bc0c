"""The entry editor on real widgets: autosave, "Saved" only after the commit, failures that
keep the text, focus-out saves, drafts, tags and their completion, days, shortcuts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from journal.domain.filters import EntryFilter
from journal.domain.tags import hashtags, unique_tags
from journal.errors import StorageError
from journal.services.drafts import Draft, DraftStore
from journal.ui.common.theme import make_palette
from journal.ui.editor.editor import EntryEditor
from journal.ui.editor.highlighter import tag_spans

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal

DAY = dt.date(2026, 4, 14)

# A fixture that builds editors: make_editor(autosave_ms=...) or make_editor(width=...).
MakeEditor = Callable[..., EntryEditor]


@pytest.fixture
def drafts(paths: AppPaths) -> DraftStore:
    return DraftStore(paths.drafts)


@pytest.fixture
def make_editor(journal: Journal, drafts: DraftStore, qtbot: QtBot) -> MakeEditor:
    """Editors shown in a window; closed (and flushed) before the journal closes."""

    def make(autosave_ms: int = 50) -> EntryEditor:
        editor = EntryEditor(journal, drafts, autosave_ms=autosave_ms)
        qtbot.addWidget(editor)
        editor.resize(700, 500)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


@pytest.fixture
def editor(make_editor: MakeEditor) -> EntryEditor:
    return make_editor()


def type_and_wait_saved(qtbot: QtBot, editor: EntryEditor, widget: QWidget, text: str) -> Any:
    with qtbot.waitSignal(editor.entrySaved, timeout=5000) as blocker:
        qtbot.keyClicks(widget, text)
    return blocker.args[0]


class FailingUpdates:
    """Makes the store's update (or add) raise until `heal()`; counts the attempts."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, journal: Journal, method: str) -> None:
        self.attempts = 0
        self._monkeypatch = monkeypatch
        self._target = journal.store
        self._method = method
        monkeypatch.setattr(journal.store, method, self._fail)

    def _fail(self, *_args: object, **_kwargs: object) -> None:
        self.attempts += 1
        raise StorageError("the journal file is read-only", "check the folder's permissions")

    def heal(self) -> None:
        self._monkeypatch.undo()


# -- saving -------------------------------------------------------------------------------


def test_typing_saves_a_new_entry_and_shows_saved_only_after_the_commit(
    qtbot: QtBot, editor: EntryEditor, journal: Journal, drafts: DraftStore, monkeypatch: Any
) -> None:
    seen_during_commit: list[str] = []
    real_add = journal.store.add

    def add(new: Any) -> Any:
        seen_during_commit.append(editor.status_text())
        return real_add(new)

    monkeypatch.setattr(journal.store, "add", add)
    editor.new_entry(DAY)
    assert editor.status_text() == ""
    entry = type_and_wait_saved(qtbot, editor, editor.body_edit, "Learned how WAL works")

    assert seen_during_commit == [""]  # not "Saved" while the commit was running
    assert editor.status_text().startswith("Saved ")
    stored = journal.get(entry.id)
    assert stored.body == "Learned how WAL works"
    assert stored.day == DAY
    assert not editor.is_dirty()
    assert drafts.pending() == []


def test_later_changes_edit_the_same_entry(
    qtbot: QtBot, editor: EntryEditor, journal: Journal
) -> None:
    first = type_and_wait_saved(qtbot, editor, editor.body_edit, "One")
    second = type_and_wait_saved(qtbot, editor, editor.body_edit, " two")
    third = type_and_wait_saved(qtbot, editor, editor.title_edit, "A title")
    assert first.id == second.id == third.id == editor.entry_id
    assert journal.store.count() == 1
    stored = journal.get(first.id)
    assert (stored.title, stored.body) == ("A title", "One two")


def test_an_empty_new_entry_is_not_stored(editor: EntryEditor, journal: Journal) -> None:
    editor.title_edit.setText("  ")
    assert editor.is_dirty()
    assert editor.flush() is True
    assert journal.store.count() == 0
    assert not editor.is_dirty()


def test_failed_update_keeps_text_and_draft_then_next_save_succeeds(
    qtbot: QtBot,
    editor: EntryEditor,
    journal: Journal,
    drafts: DraftStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = type_and_wait_saved(qtbot, editor, editor.body_edit, "Saved part.")
    fault = FailingUpdates(monkeypatch, journal, "update")

    with qtbot.waitSignal(editor.saveFailed, timeout=5000) as blocker:
        qtbot.keyClicks(editor.body_edit, " Unsaved part.")
    error = blocker.args[0]
    assert isinstance(error, StorageError)
    assert fault.attempts == 1
    assert editor.status_text().startswith("Not saved — the journal file is read-only")
    assert "Saved " not in editor.status_text()
    assert editor.body_edit.toPlainText() == "Saved part. Unsaved part."
    assert editor.is_dirty()
    [draft] = drafts.pending()
    assert (draft.entry_id, draft.body) == (entry.id, "Saved part. Unsaved part.")
    assert journal.get(entry.id).body == "Saved part."

    fault.heal()
    with qtbot.waitSignal(editor.entrySaved, timeout=5000):
        assert editor.flush() is True
    assert journal.get(entry.id).body == "Saved part. Unsaved part."
    assert editor.status_text().startswith("Saved ")
    assert drafts.pending() == []


def test_failed_first_save_of_a_new_entry(
    qtbot: QtBot,
    editor: EntryEditor,
    journal: Journal,
    drafts: DraftStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fault = FailingUpdates(monkeypatch, journal, "add")
    with qtbot.waitSignal(editor.saveFailed, timeout=5000):
        qtbot.keyClicks(editor.body_edit, "Nothing lost")
    assert editor.entry_id is None
    assert [d.body for d in drafts.pending()] == ["Nothing lost"]
    assert editor.flush() is False  # still failing: still not saved
    assert fault.attempts == 2
    fault.heal()
    assert editor.flush() is True
    assert journal.get(editor.entry_id or 0).body == "Nothing lost"
    assert drafts.pending() == []


def test_leaving_the_editor_saves(
    qtbot: QtBot, make_editor: MakeEditor, journal: Journal, drafts: DraftStore
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    editor = EntryEditor(journal, drafts, autosave_ms=600_000)  # only focus can save here
    other = QLineEdit()
    other.setAccessibleName("Somewhere else")
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(other)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.body_edit.setFocus()
    qtbot.waitUntil(editor.body_edit.hasFocus)
    qtbot.keyClicks(editor.body_edit, "Focus test")

    editor.title_edit.setFocus()  # moving inside the editor does not save
    QApplication.processEvents()
    assert editor.is_dirty()
    assert journal.store.count() == 0

    with qtbot.waitSignal(editor.entrySaved, timeout=5000) as blocker:
        other.setFocus()
    assert journal.get(blocker.args[0].id).body == "Focus test"
    assert not editor.is_dirty()


def test_an_error_dialog_taking_the_focus_does_not_retry_the_save(
    qtbot: QtBot, journal: Journal, drafts: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    editor = EntryEditor(journal, drafts, autosave_ms=600_000)
    dialog_stand_in = QLineEdit()
    dialog_stand_in.setAccessibleName("Error dialog")
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(dialog_stand_in)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.body_edit.setFocus()
    qtbot.waitUntil(editor.body_edit.hasFocus)
    fault = FailingUpdates(monkeypatch, journal, "add")
    qtbot.keyClicks(editor.body_edit, "Text")
    reports: list[object] = []

    def show_error(error: object) -> None:
        # What a modal error dialog does: takes the focus and runs a nested event loop.
        reports.append(error)
        dialog_stand_in.setFocus()
        QApplication.processEvents()
        QApplication.processEvents()
        editor.flush()

    editor.saveFailed.connect(show_error)
    assert editor.flush() is False
    QApplication.processEvents()
    assert fault.attempts == 1
    assert len(reports) == 1
    assert editor.is_dirty()


def test_closing_the_editor_saves(make_editor: MakeEditor, qtbot: QtBot, journal: Journal) -> None:
    editor = make_editor(autosave_ms=600_000)
    qtbot.keyClicks(editor.body_edit, "Closing")
    with qtbot.waitSignal(editor.entrySaved, timeout=5000):
        editor.close()
    assert [e.body for e in journal.list_entries(EntryFilter(), limit=None)] == ["Closing"]


@pytest.mark.parametrize(
    "keys",
    [QKeySequence.StandardKey.Cancel, "Ctrl+Return"],
    ids=["escape", "ctrl-return"],
)
def test_escape_and_ctrl_return_save_then_ask_to_close(
    make_editor: MakeEditor, qtbot: QtBot, journal: Journal, keys: Any
) -> None:
    editor = make_editor(autosave_ms=600_000)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.body_edit.setFocus()
    qtbot.keyClicks(editor.body_edit, "Done for today")
    with qtbot.waitSignals([editor.entrySaved, editor.closeRequested], order="strict"):
        # QKeySequence(keys) needs the application, so it is made here
        qtbot.keySequence(editor.body_edit, QKeySequence(keys))
    assert editor.body_edit.toPlainText() == "Done for today"  # Return did not add a line
    assert journal.store.count() == 1


def test_escape_does_not_close_when_the_save_fails(
    make_editor: MakeEditor, qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_editor(autosave_ms=600_000)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.body_edit.setFocus()
    FailingUpdates(monkeypatch, journal, "add")
    qtbot.keyClicks(editor.body_edit, "Keep me")
    closes: list[bool] = []
    editor.closeRequested.connect(lambda: closes.append(True))
    with qtbot.waitSignal(editor.saveFailed, timeout=5000):
        qtbot.keyClick(editor.body_edit, Qt.Key.Key_Escape)
    assert closes == []
    assert editor.body_edit.toPlainText() == "Keep me"


# -- drafts -------------------------------------------------------------------------------


def test_a_draft_is_written_while_typing_and_discarded_after_the_save(
    make_editor: MakeEditor, qtbot: QtBot, drafts: DraftStore
) -> None:
    editor = make_editor(autosave_ms=600_000)
    editor.new_entry(DAY)
    qtbot.keyClicks(editor.title_edit, "Draft title")
    qtbot.keyClicks(editor.body_edit, "Draft body")
    qtbot.waitUntil(lambda: bool(drafts.pending()), timeout=5000)
    [draft] = drafts.pending()
    assert (draft.title, draft.body, draft.day, draft.entry_id) == (
        "Draft title",
        "Draft body",
        DAY,
        None,
    )
    assert editor.flush() is True
    assert drafts.pending() == []


def test_restore_draft_of_a_new_entry(
    editor: EntryEditor, qtbot: QtBot, journal: Journal, drafts: DraftStore
) -> None:
    draft = Draft(
        key="new-0123abcd",
        entry_id=None,
        day=DAY,
        title="Recovered",
        body="Typed before the crash",
        tags=("work",),
        private=True,
        saved_at=dt.datetime(2026, 4, 14, 18, 30).astimezone(),
    )
    drafts.save(draft)
    editor.restore_draft(draft)
    assert editor.is_dirty()
    assert editor.body_edit.toPlainText() == "Typed before the crash"
    assert "Saved " not in editor.status_text()
    with qtbot.waitSignal(editor.entrySaved, timeout=5000) as blocker:
        pass  # the restored text is saved like any change
    entry = journal.get(blocker.args[0].id)
    assert (entry.title, entry.body, entry.day, entry.tags, entry.private) == (
        "Recovered",
        "Typed before the crash",
        DAY,
        ("work",),
        True,
    )
    assert drafts.pending() == []


def test_restore_draft_of_an_existing_entry_edits_it(
    editor: EntryEditor, journal: Journal, drafts: DraftStore
) -> None:
    entry = journal.add("Old text", day=DAY)
    draft = Draft(
        f"entry-{entry.id}",
        entry.id,
        DAY,
        "",
        "New text",
        (),
        False,
        dt.datetime.now().astimezone(),
    )
    drafts.save(draft)
    editor.restore_draft(draft)
    assert editor.flush() is True
    assert journal.get(entry.id).body == "New text"
    assert journal.store.count() == 1
    assert drafts.pending() == []


# -- entries, days, tags ------------------------------------------------------------------


def test_new_entry_for_a_chosen_day(qtbot: QtBot, editor: EntryEditor, journal: Journal) -> None:
    chosen = dt.date(2024, 2, 29)
    editor.new_entry(chosen)
    assert editor.day_edit.date().toPython() == chosen
    entry = type_and_wait_saved(qtbot, editor, editor.body_edit, "Leap day")
    assert journal.get(entry.id).day == chosen


def test_changing_the_day_moves_the_entry(
    qtbot: QtBot, editor: EntryEditor, journal: Journal
) -> None:
    entry = journal.add("Text", day=DAY)
    editor.edit_entry(entry)
    with qtbot.waitSignal(editor.entrySaved, timeout=5000):
        editor.day_edit.setDate(editor.day_edit.date().addDays(-1))
    assert journal.get(entry.id).day == DAY - dt.timedelta(days=1)


def test_edit_entry_shows_it_and_saves_changes_in_place(
    qtbot: QtBot, editor: EntryEditor, journal: Journal
) -> None:
    entry = journal.add("About #sqlite", title="T", tags=["work"], private=True, day=DAY)
    editor.edit_entry(entry)
    assert editor.title_edit.text() == "T"
    assert editor.tags_edit.text() == "work"  # #sqlite comes from the text, not the field
    assert editor.private_check.isChecked()
    assert editor.day_edit.date().toPython() == DAY
    assert not editor.is_dirty()

    with qtbot.waitSignal(editor.entrySaved, timeout=5000):
        editor.private_check.setChecked(False)
    stored = journal.get(entry.id)
    assert (stored.private, stored.tags, stored.body) == (False, ("work", "sqlite"), entry.body)


def test_tags_are_saved_normalised(qtbot: QtBot, editor: EntryEditor, journal: Journal) -> None:
    qtbot.keyClicks(editor.tags_edit, "#Work, code review , work,, learning")
    assert editor.flush() is True
    assert journal.store.count() == 0  # tags alone make no entry
    entry = type_and_wait_saved(qtbot, editor, editor.body_edit, "Text")
    assert journal.get(entry.id).tags == ("Work", "code-review", "learning")


def test_tag_completion_offers_existing_tags(
    qtbot: QtBot, make_editor: MakeEditor, journal: Journal
) -> None:
    journal.add("a", tags=["work", "workshop", "learning"])
    journal.add("b", tags=["work"])
    editor = make_editor(autosave_ms=600_000)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    tags = editor.tags_edit
    tags.setFocus()
    completer = tags.tag_completer

    qtbot.keyClicks(tags, "learning, wo")
    model = completer.completionModel()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert offered == ["work", "workshop"]
    popup = completer.popup()
    assert popup is not None and popup.isVisible()

    popup.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "learning, workshop, "
    assert editor.is_dirty()

    qtbot.keyClicks(tags, "LEA")  # already there: not offered again
    assert completer.completionCount() == 0 or not popup.isVisible()


def test_tag_completion_knows_tags_written_since_the_editor_opened(
    qtbot: QtBot, make_editor: MakeEditor, journal: Journal
) -> None:
    editor = make_editor(autosave_ms=600_000)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    journal.add("from the command line meanwhile", tags=["retrospective"])
    editor.tags_edit.setFocus()  # asks the journal again
    qtbot.keyClicks(editor.tags_edit, "retro")
    model = editor.tags_edit.tag_completer.completionModel()
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == ["retrospective"]


def test_set_tag_completions_replaces_the_list(qtbot: QtBot, editor: EntryEditor) -> None:
    editor.set_tag_completions(["alpha", "beta"])
    qtbot.keyClicks(editor.tags_edit, "be")
    assert editor.tags_edit.tag_completer.currentCompletion() == "beta"


# -- editing comfort ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("- one", "- one\n- "),
        ("1. one", "1. one\n2. "),
        ("  * nested", "  * nested\n  * "),
        ("- [x] done", "- [x] done\n- [ ] "),
        ("plain", "plain\n"),
    ],
)
def test_return_continues_lists(
    qtbot: QtBot, editor: EntryEditor, typed: str, expected: str
) -> None:
    qtbot.keyClicks(editor.body_edit, typed)
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_Return)
    assert editor.body_edit.toPlainText() == expected


def test_return_on_an_empty_item_ends_the_list(qtbot: QtBot, editor: EntryEditor) -> None:
    qtbot.keyClicks(editor.body_edit, "- one")
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_Return)
    assert editor.body_edit.toPlainText() == "- one\n"


def test_focusing_the_editor_puts_the_cursor_in_the_text(qtbot: QtBot, editor: EntryEditor) -> None:
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.title_edit.setFocus()
    editor.setFocus()
    assert editor.body_edit.hasFocus()


def test_every_control_has_an_accessible_name(editor: EntryEditor) -> None:
    for widget in (
        editor.title_edit,
        editor.day_edit,
        editor.tags_edit,
        editor.private_check,
        editor.body_edit,
        editor.status_label,
        editor.words_label,
    ):
        assert widget.accessibleName(), widget


# -- highlighting -------------------------------------------------------------------------


def _formats(editor: EntryEditor, line: int) -> list[tuple[int, int, Any]]:
    block = editor.body_edit.document().findBlockByNumber(line)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def test_highlighting_marks_headings_emphasis_and_tags(editor: EntryEditor) -> None:
    editor.body_edit.setPlainText("# Title\nsome **bold** and #tag\n🙂 #emoji")
    heading = _formats(editor, 0)
    assert any(f.fontWeight() == QFont.Weight.Bold for _s, _n, f in heading)
    bold = [(s, n) for s, n, f in _formats(editor, 1) if f.fontWeight() == QFont.Weight.Bold]
    assert (7, 4) in bold  # "bold"
    tag = editor.body_edit.highlighter.formats["tag"]
    tagged = [(s, n) for s, n, f in _formats(editor, 1) if f == tag]
    assert tagged == [(18, 4)]
    emoji = [(s, n) for s, n, f in _formats(editor, 2) if f == tag]
    assert emoji == [(3, 6)]  # the emoji is two UTF-16 units


def test_highlighting_follows_the_palette(editor: EntryEditor) -> None:
    editor.setPalette(make_palette(dark=False))
    light = editor.body_edit.highlighter.formats["heading"].foreground().color()
    editor.setPalette(make_palette(dark=True))
    dark = editor.body_edit.highlighter.formats["heading"].foreground().color()
    assert light.lightnessF() < 0.5 < dark.lightnessF()
    base = editor.body_edit.palette().color(QPalette.ColorRole.Base)
    assert base.lightnessF() < 0.5


@given(st.text(alphabet="ab1_-#&/` é.", max_size=30))
def test_highlighted_tags_are_the_tags_the_journal_reads(line: str) -> None:
    assert unique_tags(line[s + 1 : e] for s, e in tag_spans(line)) == hashtags(line)
