"""The prompt window shown before the journal is open (`daybook prompt` paints it first):
what is typed, tagged, saved, snoozed or closed meanwhile is kept and done once the journal
is attached. The keyboard alone, as in the window's other tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET, parse_answers
from journal.services.drafts import Draft
from journal.services.prompt import PromptService
from journal.settings import Settings
from journal.ui.editor.editor import MarkdownEdit, TagsEdit
from journal.ui.prompt.prompt_window import PromptWindow, draft_key, joined, prompt_drafts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.drafts import DraftStore
    from journal.services.journal import Journal

BERLIN = ZoneInfo("Europe/Berlin")
WORK, LEARN, NEXT = DEFAULT_SET.questions
THU = dt.date(2026, 11, 19)
NOW = dt.datetime(2026, 11, 19, 17, 45, tzinfo=BERLIN)


@pytest.fixture
def service(journal: Journal) -> PromptService:
    return PromptService(journal, Settings(), clock=lambda: NOW, zone=lambda: BERLIN)


@pytest.fixture
def drafts(paths: AppPaths) -> DraftStore:
    return prompt_drafts(paths)


@pytest.fixture
def early(qtbot: QtBot, qapp: QApplication, errors: list[Any]) -> Callable[..., PromptWindow]:
    """A window shown before the journal: settings and the day only."""

    def make(config: Settings | None = None) -> PromptWindow:
        window = PromptWindow(None, None, THU, settings=config or Settings(), today=THU)
        qtbot.addWidget(window)
        window.show_active()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: qapp.activeWindow() is window)
        return window

    return make


def _all(journal: Journal) -> list[Any]:
    return journal.list_entries(EntryFilter(), limit=None)


def test_before_the_journal_the_boxes_are_plain_and_take_typing(
    early: Any, qtbot: QtBot, qapp: QApplication
) -> None:
    window = early()
    assert not window.is_attached()
    assert list(window.editors) == list(DEFAULT_SET.questions)
    first = window.editors[WORK]
    assert type(first) is QPlainTextEdit  # not the editor's widget: that loads later
    assert qapp.focusWidget() is first
    qtbot.keyClicks(first, "Typed at once")
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # Tab moves on here too
    assert qapp.focusWidget() is window.editors[LEARN]
    assert window.editors[WORK].toPlainText() == "Typed at once"


def test_text_typed_before_the_journal_is_kept_and_saved(
    early: Any, qtbot: QtBot, qapp: QApplication, service: PromptService, drafts: DraftStore
) -> None:
    window = early()
    qtbot.keyClicks(window.editors[WORK], "Before")
    qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Tab)
    qtbot.keyClicks(window.editors[LEARN], "the journal")
    window.attach(service, drafts)
    assert all(isinstance(e, MarkdownEdit) for e in window.editors.values())
    assert isinstance(window.tags_edit, TagsEdit)
    assert window.answers() == {WORK: "Before", LEARN: "the journal", NEXT: ""}
    assert qapp.focusWidget() is window.editors[LEARN]  # the focus stayed where it was
    qtbot.keyClicks(window.editors[LEARN], " opened")  # typing goes on at the cursor
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(
            window.editors[LEARN], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert saved.args[0].body == f"## {WORK}\n\nBefore\n\n## {LEARN}\n\nthe journal opened"


def test_ctrl_enter_before_the_journal_saves_once_it_is_open(
    early: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore, journal: Journal
) -> None:
    window = early()
    qtbot.keyClicks(window.editors[NEXT], "Ship it")
    qtbot.keyClicks(window.tags_edit, "release")
    qtbot.keyClick(window.editors[NEXT], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()  # nothing to save into yet
    assert _all(journal) == []
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        window.attach(service, drafts)
    assert saved.args[0].body == f"## {NEXT}\n\nShip it"
    assert "release" in saved.args[0].tags
    assert not window.isVisible()
    assert drafts.load(draft_key(THU)) is None


def test_closing_before_the_journal_keeps_the_text_as_a_draft(
    early: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore, journal: Journal
) -> None:
    window = early()
    closed: list[object] = []
    window.closed.connect(closed.append)
    qtbot.keyClicks(window.editors[WORK], "Half a thought")
    window.close()
    assert not window.isVisible() and closed == []  # hidden; it ends once the draft is kept
    window.attach(service, drafts)
    assert closed == [THU]
    draft = drafts.load(draft_key(THU))
    assert draft is not None
    assert parse_answers(draft.body, DEFAULT_SET.questions)[WORK] == "Half a thought"
    assert _all(journal) == []


def test_esc_before_the_journal_snoozes_once_it_is_open(
    early: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore
) -> None:
    window = early()
    qtbot.keyClicks(window.editors[WORK], "Later")
    qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Escape)
    assert not window.isVisible()
    with qtbot.waitSignal(window.snoozed, timeout=5000):
        window.attach(service, drafts)
    assert service.state.snoozed_until is not None
    draft = drafts.load(draft_key(THU))
    assert draft is not None and "Later" in draft.body


def test_typed_text_goes_after_the_days_reflection(
    early: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore, journal: Journal
) -> None:
    first = service.save_answers(THU, DEFAULT_SET.questions, {WORK: "Morning: triage"}, ("ops",))
    window = early()
    qtbot.keyClicks(window.editors[WORK], "afternoon: the WAL bug")
    qtbot.keyClicks(window.tags_edit, "wal")
    window.attach(service, drafts)
    assert window.entry is not None and window.entry.id == first.id
    assert window.editors[WORK].toPlainText() == "Morning: triage\n\nafternoon: the WAL bug"
    assert window.tags() == ("ops", "wal")
    assert "Adding to" in window.intro_label.text()
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].id == first.id
    assert len(_all(journal)) == 1


def test_typed_text_goes_after_the_restored_draft(
    early: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore
) -> None:
    drafts.save(
        Draft(draft_key(THU), None, THU, "", f"## {LEARN}\n\nFrom the draft", ("d",), True, NOW)
    )
    window = early()
    qtbot.keyClicks(window.editors[LEARN], "typed early")
    window.attach(service, drafts)
    assert window.editors[LEARN].toPlainText() == "From the draft\n\ntyped early"
    assert window.private_check.isChecked()
    assert "Restored" in window.status_label.text()


def test_an_untouched_early_window_moves_to_the_first_empty_box(
    early: Any, qtbot: QtBot, qapp: QApplication, service: PromptService, drafts: DraftStore
) -> None:
    service.save_answers(THU, DEFAULT_SET.questions, {WORK: "Done already"})
    window = early()
    window.attach(service, drafts)
    assert qapp.focusWidget() is window.editors[LEARN]


def test_a_blank_page_set_before_the_journal_has_one_box(
    early: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore
) -> None:
    blank = Settings(question_set="Blank page")
    window = early(blank)
    assert list(window.editors) == [""]
    qtbot.keyClicks(window.editors[""], "Just a note")
    service.settings = blank
    window.attach(service, drafts)
    assert list(window.editors) == [""]
    assert window.editors[""].toPlainText() == "Just a note"


def test_the_entrys_free_text_box_is_put_first_before_typed_answers(
    early: Any, qtbot: QtBot, qapp: QApplication, service: PromptService, drafts: DraftStore
) -> None:
    service.journal.add(f"A note above\n\n## {WORK}\n\nThings", day=THU, kind="prompt", created=NOW)
    window = early()
    qtbot.keyClicks(window.editors[WORK], "more")
    window.attach(service, drafts)
    assert list(window.editors) == ["", *DEFAULT_SET.questions]
    assert window.editors[""].toPlainText() == "A note above"
    assert window.editors[WORK].toPlainText() == "Things\n\nmore"
    assert qapp.focusWidget() is window.editors[WORK]


def test_the_journal_failing_to_open_keeps_the_typed_text_in_the_draft(
    early: Any, qtbot: QtBot, drafts: DraftStore
) -> None:
    drafts.save(Draft(draft_key(THU), 7, THU, "", f"## {WORK}\n\nolder", (), False, NOW))
    window = early()
    qtbot.keyClicks(window.editors[WORK], "newer")
    assert window.keep_unattached(drafts)
    draft = drafts.load(draft_key(THU))
    assert draft is not None
    assert parse_answers(draft.body, DEFAULT_SET.questions)[WORK] == "older\n\nnewer"


def test_a_window_needs_settings_before_the_journal() -> None:
    with pytest.raises(ValueError, match="settings"):
        PromptWindow(None, None, THU)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loaded=st.text(max_size=30), typed=st.text(max_size=30))
def test_joining_never_loses_either_side(loaded: str, typed: str) -> None:
    text = joined(loaded, typed)
    if loaded.strip():
        assert text.startswith(loaded.rstrip())
    if typed.strip():
        assert typed.strip() in text
        assert text.endswith(typed.lstrip()) or (not loaded.strip() and text == typed)
    if not typed.strip():
        assert text == loaded


def test_a_failed_open_keeps_the_older_drafts_reflection_and_tags(
    early: Any, qtbot: QtBot, drafts: DraftStore
) -> None:
    drafts.save(Draft(draft_key(THU), 7, THU, "", f"## {LEARN}\n\nolder", ("a",), True, NOW))
    window = early()
    qtbot.keyClicks(window.editors[WORK], "typed")
    qtbot.keyClicks(window.tags_edit, "b")
    assert window.keep_unattached(drafts)
    draft = drafts.load(draft_key(THU))
    assert draft is not None
    assert draft.entry_id == 7  # still about the reflection it was written for
    assert parse_answers(draft.body, DEFAULT_SET.questions) == {WORK: "typed", LEARN: "older"}
    assert draft.tags == ("a", "b") and draft.private


def test_a_failed_open_with_nothing_typed_writes_nothing(early: Any, drafts: DraftStore) -> None:
    window = early()
    assert not window.keep_unattached(drafts)
    assert drafts.load(draft_key(THU)) is None
