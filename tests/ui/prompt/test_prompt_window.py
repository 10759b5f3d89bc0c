"""The prompt window with real widgets: typing, Ctrl+Enter, Esc, drafts, adding to a day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET, QuestionSet
from journal.services.prompt import PromptService
from journal.settings import Settings
from journal.ui.prompt.prompt_launcher import run_test_hook
from journal.ui.prompt.prompt_window import PromptWindow, draft_key, prompt_drafts

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
WED, FRI, MON = THU - dt.timedelta(days=1), THU + dt.timedelta(days=1), dt.date(2026, 11, 23)


class FakeClock:
    """The time in Berlin, set by hand."""

    def __init__(self, stamp: str) -> None:
        self.now = dt.datetime.fromisoformat(stamp).replace(tzinfo=BERLIN)

    def set(self, stamp: str) -> None:
        self.now = dt.datetime.fromisoformat(stamp).replace(tzinfo=BERLIN)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock("2026-11-19 17:45")  # Thursday evening


@pytest.fixture
def service(journal: Journal, clock: FakeClock) -> PromptService:
    return PromptService(journal, Settings(), clock=clock, zone=lambda: BERLIN)


@pytest.fixture
def drafts(paths: AppPaths) -> DraftStore:
    return prompt_drafts(paths)


@pytest.fixture
def open_prompt(
    qtbot: QtBot, qapp: QApplication, service: PromptService, drafts: DraftStore, errors: list[Any]
) -> Callable[..., PromptWindow]:
    def make(day: dt.date | None = None) -> PromptWindow:
        window = PromptWindow(service, drafts, day)
        qtbot.addWidget(window)
        window.show_active()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: qapp.activeWindow() is window)
        return window

    return make


def _all(journal: Journal) -> list[Any]:
    return journal.list_entries(EntryFilter(), limit=None)


def _type(qtbot: QtBot, widget: Any, text: str) -> None:
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def test_type_answers_and_ctrl_enter_saves_a_prompt_entry(
    open_prompt: Any, qtbot: QtBot, qapp: QApplication, journal: Journal, drafts: DraftStore
) -> None:
    window = open_prompt()
    assert window.day == THU
    assert list(window.editors) == list(DEFAULT_SET.questions)
    first = window.editors[WORK]
    assert qapp.focusWidget() is first
    _type(qtbot, first, "Moved the sync engine to WAL")
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # Tab moves on, it types no tab
    assert qapp.focusWidget() is window.editors[LEARN]
    assert "\t" not in window.editors[WORK].toPlainText()  # not `first`: `is` narrowed it
    qtbot.keyClick(window.editors[LEARN], Qt.Key.Key_Tab)
    _type(qtbot, window.editors[NEXT], "Share the checkpoint notes #sync")
    qtbot.keyClicks(window.tags_edit, "storage")
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(window.tags_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = saved.args[0]
    assert not window.isVisible()
    stored = journal.get(entry.id)
    assert stored.day == THU
    assert stored.kind == "prompt"
    assert stored.body == (
        f"## {WORK}\n\nMoved the sync engine to WAL\n\n"
        f"## {NEXT}\n\nShare the checkpoint notes #sync"
    )
    assert f"## {LEARN}" not in stored.body  # an empty answer is left out
    assert {"storage", "sync"} <= set(stored.tags)
    assert drafts.load(draft_key(THU)) is None


def test_keypad_enter_with_ctrl_saves_too(open_prompt: Any, qtbot: QtBot, journal: Journal) -> None:
    window = open_prompt()
    qtbot.keyClicks(window.editors[LEARN], "Keypad works")
    with qtbot.waitSignal(window.saved, timeout=5000):
        qtbot.keyClick(
            window.editors[LEARN],
            Qt.Key.Key_Enter,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier,
        )
    assert len(_all(journal)) == 1


def test_esc_snoozes_and_keeps_the_draft(
    open_prompt: Any, qtbot: QtBot, service: PromptService, clock: FakeClock, drafts: DraftStore
) -> None:
    window = open_prompt()
    _type(qtbot, window.editors[WORK], "Half a thought\n- and a list")
    with qtbot.waitSignal(window.snoozed, timeout=5000) as snoozed:
        qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Escape)
    assert not window.isVisible()
    until = clock.now + dt.timedelta(minutes=15)
    assert service.state.snoozed_until == until
    assert snoozed.args[0] == until
    assert service.state.snoozed_day == THU
    draft = drafts.load(draft_key(THU))
    assert draft is not None
    assert "Half a thought\n- and a list" in draft.body
    assert _all(service.journal) == []


def test_reopening_restores_the_draft(open_prompt: Any, qtbot: QtBot, drafts: DraftStore) -> None:
    window = open_prompt()
    qtbot.keyClicks(window.editors[LEARN], "Learned that fsync on the folder matters")
    qtbot.keyClicks(window.tags_edit, "storage")
    qtbot.keyClick(window.private_check, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: drafts.load(draft_key(THU)) is not None)  # written while typing
    window.close()  # closing otherwise than by Esc: no snooze, the draft stays

    again = open_prompt()
    assert again.editors[LEARN].toPlainText() == "Learned that fsync on the folder matters"
    assert again.editors[WORK].toPlainText() == ""
    assert again.tags() == ("storage",)
    assert again.private_check.isChecked()
    assert "Restored" in again.status_label.text()
    with qtbot.waitSignal(again.saved, timeout=5000) as saved:
        qtbot.keyClick(again.editors[WORK], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].private
    assert drafts.load(draft_key(THU)) is None


def test_a_day_with_a_reflection_opens_it_to_add_to(
    open_prompt: Any, qtbot: QtBot, service: PromptService, journal: Journal
) -> None:
    first = service.save_answers(THU, DEFAULT_SET.questions, {WORK: "Morning: triage"}, ("ops",))
    window = open_prompt()
    assert window.entry is not None and window.entry.id == first.id
    assert window.editors[WORK].toPlainText() == "Morning: triage"
    assert window.tags() == ("ops",)
    assert "Adding to" in window.intro_label.text()
    assert window.focusWidget() is window.editors[LEARN]  # the first box without an answer
    qtbot.keyClicks(window.editors[WORK], "; afternoon: the WAL bug")
    qtbot.keyClicks(window.editors[LEARN], "Read the logs first")
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(
            window.editors[LEARN], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert saved.args[0].id == first.id
    entries = _all(journal)
    assert len(entries) == 1
    assert "Morning: triage; afternoon: the WAL bug" in entries[0].body
    assert f"## {LEARN}\n\nRead the logs first" in entries[0].body


def test_free_text_of_an_entry_gets_its_own_box(
    open_prompt: Any, qtbot: QtBot, service: PromptService
) -> None:
    service.journal.add(
        f"A note above the questions\n\n## {WORK}\n\nThings",
        day=THU,
        kind="prompt",
        created=service.now(),
    )
    window = open_prompt()
    assert window.editors[""].toPlainText() == "A note above the questions"
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].body.startswith("A note above the questions\n\n## ")


def test_yesterdays_next_step_is_shown(open_prompt: Any, service: PromptService) -> None:
    service.save_answers(WED, DEFAULT_SET.questions, {NEXT: "Write the migration"})
    window = open_prompt()
    assert window.next_frame.isVisible()
    assert window.next_label.text() == "Write the migration"
    assert "Yesterday" in window.next_title.text()


def test_on_monday_fridays_next_step_is_shown(
    open_prompt: Any, service: PromptService, clock: FakeClock
) -> None:
    service.save_answers(FRI, DEFAULT_SET.questions, {NEXT: "Ask Sam about retries"})
    clock.set("2026-11-23 17:40")
    window = open_prompt()
    assert window.day == MON
    assert window.next_label.text() == "Ask Sam about retries"
    assert "Last time" in window.next_title.text()


def test_no_next_step_no_box(open_prompt: Any) -> None:
    assert not open_prompt().next_frame.isVisible()


def test_streak_is_shown(open_prompt: Any, service: PromptService) -> None:
    for day in (dt.date(2026, 11, 17), WED):
        service.save_answers(day, DEFAULT_SET.questions, {WORK: "x"})
    assert open_prompt().streak_label.text() == "Streak: 2 working days"


def test_saving_nothing_keeps_the_window_open(
    open_prompt: Any, qtbot: QtBot, journal: Journal
) -> None:
    window = open_prompt()
    qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()
    assert "Nothing to save" in window.status_label.text()
    assert _all(journal) == []


def test_a_past_day_is_dated_to_itself_and_esc_does_not_snooze(
    open_prompt: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore
) -> None:
    window = open_prompt(dt.date(2026, 11, 16))
    assert "Catching up" in window.intro_label.text()
    qtbot.keyClicks(window.editors[WORK], "Monday's work")
    qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert service.state.snoozed_until is None
    assert drafts.load(draft_key(dt.date(2026, 11, 16))) is not None
    again = open_prompt(dt.date(2026, 11, 16))
    with qtbot.waitSignal(again.saved, timeout=5000) as saved:
        qtbot.keyClick(again.editors[WORK], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].day == dt.date(2026, 11, 16)


def test_blank_page_set_has_one_box(
    qtbot: QtBot, journal: Journal, clock: FakeClock, drafts: DraftStore
) -> None:
    service = PromptService(
        journal, Settings(question_set="Blank page"), clock=clock, zone=lambda: BERLIN
    )
    window = PromptWindow(service, drafts)
    qtbot.addWidget(window)
    assert list(window.editors) == [""]
    window.editors[""].setPlainText("Just prose")
    assert window.save()
    assert _all(journal)[0].body == "Just prose"


def test_a_custom_set_asks_its_questions(
    qtbot: QtBot, journal: Journal, clock: FakeClock, drafts: DraftStore
) -> None:
    custom = QuestionSet("Mine", ("What went well?", "What was hard?"))
    settings = Settings(question_set="Mine", custom_question_sets=[custom.to_dict()])
    service = PromptService(journal, settings, clock=clock, zone=lambda: BERLIN)
    window = PromptWindow(service, drafts)
    qtbot.addWidget(window)
    assert list(window.editors) == ["What went well?", "What was hard?"]


def test_passive_show_does_not_take_focus_but_accepts_typing(
    qtbot: QtBot, service: PromptService, drafts: DraftStore
) -> None:
    window = PromptWindow(service, drafts)
    qtbot.addWidget(window)
    window.show_passive()
    qtbot.waitExposed(window)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert not window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    qtbot.keyClicks(window.editors[WORK], "typed after a click")
    assert window.editors[WORK].toPlainText() == "typed after a click"


def test_the_test_hook_types_and_saves(
    qtbot: QtBot, qapp: QApplication, service: PromptService, drafts: DraftStore
) -> None:
    window = PromptWindow(service, drafts)
    qtbot.addWidget(window)
    window.show_active()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        run_test_hook(window, ["Line one\nLine two", "", "Next"])
    assert saved.args[0].body == f"## {WORK}\n\nLine one\nLine two\n\n## {NEXT}\n\nNext"


@pytest.mark.parametrize("passive", [False, True])
def test_the_window_opens_centred_and_wholly_on_the_screen(
    qtbot: QtBot, service: PromptService, drafts: DraftStore, passive: bool
) -> None:
    window = PromptWindow(service, drafts, THU)
    qtbot.addWidget(window)
    window.move(-400, 700)  # where a window manager-less desktop might have put it
    window.show_passive() if passive else window.show_active()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry())
    centre = window.frameGeometry().center() - free.center()
    assert abs(centre.x()) <= 2 and abs(centre.y()) <= 40  # the frame allowance at most
    assert window.focusWidget() is window.first_editor()


# -- images, as in the editor ----------------------------------------------------------------


def _drop(edit: Any, *files: Any) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    assert edit.canInsertFromMimeData(mime)
    edit.insertFromMimeData(mime)


def test_an_image_pasted_into_an_answer_is_saved_with_the_reflection(
    open_prompt: Any, qtbot: Any, journal: Journal, tmp_path: Any
) -> None:
    from PySide6.QtGui import QGuiApplication, QImage, QKeySequence

    from journal.domain.attachments import references

    window = open_prompt()
    edit = window.first_editor()
    _type(qtbot, edit, "The whiteboard:")
    image = QImage(80, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    board = QGuiApplication.clipboard()
    board.setImage(image)
    try:
        with qtbot.waitSignal(edit.imagesInserted, timeout=5000):
            qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)
    finally:
        board.clear()
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    body = saved.args[0].body
    (sha,) = references(body)
    assert "The whiteboard:\n\n![](attachment:" in body
    assert journal.store.attachments.get(sha) is not None


def test_save_while_an_image_is_on_its_way_waits_for_it(
    open_prompt: Any, qtbot: Any, tmp_path: Any
) -> None:
    import threading

    from tests.image_samples import CAMERA, jpeg_with_gps

    window = open_prompt()
    edit = window.first_editor()
    gate = threading.Event()
    real = edit.image_sink

    def slow(data: bytes, name: str) -> str:
        gate.wait(10)
        return str(real(data, name))

    edit.image_sink = slow
    photo = tmp_path / "offsite.jpg"
    photo.write_bytes(jpeg_with_gps())
    _type(qtbot, edit, "Team day")
    _drop(edit, photo)
    assert window.save() is False and window.isVisible()  # not yet: the image is coming
    assert "Adding the image" in window.status_label.text()
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        gate.set()
    body = saved.args[0].body
    assert "Team day" in body and "](attachment:" in body and "offsite" not in body
    assert CAMERA not in body


def test_a_refused_image_in_the_prompt_is_one_message_and_keeps_the_answers(
    open_prompt: Any, qtbot: Any, tmp_path: Any, errors: list[Any]
) -> None:
    window = open_prompt()
    edit = window.first_editor()
    _type(qtbot, edit, "kept")
    drawing = tmp_path / "diagram.png"
    drawing.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    with qtbot.waitSignal(edit.imagesPending, timeout=5000, check_params_cb=lambda n: n == 0):
        _drop(edit, drawing)
    assert len(errors) == 1 and "SVG" in str(errors[0]) and "diagram.png" in str(errors[0])
    assert edit.toPlainText() == "kept" and window.isVisible()
    assert "Image not added" in window.status_label.text()


@pytest.mark.parametrize("how", ["snooze", "close"])
def test_snooze_or_close_while_an_image_is_on_its_way_keeps_it_in_the_draft(
    open_prompt: Any, qtbot: Any, tmp_path: Any, drafts: DraftStore, how: str
) -> None:
    import threading

    from tests.image_samples import jpeg_with_gps

    window = open_prompt()
    edit = window.first_editor()
    gate = threading.Event()
    real = edit.image_sink

    def slow(data: bytes, name: str) -> str:
        gate.wait(10)
        return str(real(data, name))

    edit.image_sink = slow
    photo = tmp_path / "board.jpg"
    photo.write_bytes(jpeg_with_gps())
    _type(qtbot, edit, "Draft words")
    _drop(edit, photo)
    if how == "snooze":
        window.snooze()
    else:
        window.close()
    assert window.isVisible()  # waits for the image
    with qtbot.waitSignal(window.closed, timeout=5000):
        gate.set()
    draft = drafts.load(draft_key(window.day))
    assert draft is not None and "Draft words" in draft.body and "](attachment:" in draft.body


def test_a_draft_written_before_the_days_reflection_existed_does_not_replace_it(
    open_prompt: Any, qtbot: QtBot, service: PromptService, drafts: DraftStore, journal: Journal
) -> None:
    """A draft of no reflection (another window saved one for the day meanwhile): the
    reflection's answers stay and the draft's follow them, so saving loses neither."""
    from journal.services.drafts import Draft

    first = service.save_answers(THU, DEFAULT_SET.questions, {WORK: "Saved elsewhere"})
    drafts.save(
        Draft(draft_key(THU), None, THU, "", f"## {WORK}\n\nIn the draft", (), False, service.now())
    )
    window = open_prompt()
    assert window.editors[WORK].toPlainText() == "Saved elsewhere\n\nIn the draft"
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        qtbot.keyClick(window.editors[WORK], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].id == first.id
    assert "Saved elsewhere" in journal.get(first.id).body
    assert "In the draft" in journal.get(first.id).body
