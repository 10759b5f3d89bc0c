"""The prompt after a save (issue 17.10): it closes at once, and the main window says so in
words ("Saved · streak: 7 working days" in its status bar) with the new entry selected;
the prompt's streak label is plain text, not link-coloured (it does nothing when clicked)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QPalette

from journal.domain.prompts import DEFAULT_SET
from journal.services.prompt import PromptService
from journal.settings import Settings, Theme
from journal.ui.common import wording
from journal.ui.common.theme import apply_theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

WORK = DEFAULT_SET.questions[0]


def _working_days_before(today: dt.date, count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = today
    while len(days) < count:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


@pytest.mark.parametrize("before", [0, 1, 6, 12])
def test_the_save_is_confirmed_in_words_and_the_entry_selected(
    make_desk_live: Any, journal: Journal, qtbot: QtBot, before: int
) -> None:
    service = PromptService(journal, Settings())
    for day in _working_days_before(service.today(), before):
        service.save_answers(day, DEFAULT_SET.questions, {WORK: f"on {day}"})
    desk = make_desk_live(journal)
    window = desk.window
    if before:
        window.panes.timeline.select_row(
            window.panes.model.rowCount() - 1
        )  # the oldest one is shown
        qtbot.waitUntil(lambda: window.panes.reader.entry is not None)
    prompt = desk.open_prompt()
    qtbot.waitExposed(prompt)
    qtbot.keyClicks(prompt.editors[WORK], "Shipped the importer")
    with qtbot.waitSignal(prompt.saved, timeout=5000) as saved:
        assert prompt.save()
    entry = saved.args[0]
    assert not prompt.isVisible()  # it closes at once: the confirmation is the window's
    streak = service.streak().current
    text = window.statusBar().currentMessage()
    assert text == wording.saved_with_streak(streak)
    if service.today().weekday() < 5:
        days = before + 1
        assert text == ("Saved · streak: 1 working day" if days == 1 else
                        f"Saved · streak: {days} working days")  # fmt: skip
    qtbot.waitUntil(
        lambda: window.panes.reader.entry is not None and window.panes.reader.entry.id == entry.id
    )
    current = window.panes.timeline.current_entry()
    assert current is not None and current.id == entry.id
    assert [e.id for e in window.panes.timeline.selected_entries()] == [entry.id]


def test_the_streak_words_are_plural_aware() -> None:
    assert wording.saved_with_streak(0) == "Saved"
    assert wording.saved_with_streak(1) == "Saved · streak: 1 working day"
    assert wording.saved_with_streak(2) == "Saved · streak: 2 working days"
    assert wording.saved_with_streak(1500) == "Saved · streak: 1,500 working days"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_prompt_streak_label_is_not_link_coloured(
    make_desk_live: Any, journal: Journal, qtbot: QtBot, qapp: QApplication, theme: Theme
) -> None:
    apply_theme(qapp, Settings(theme=theme))
    try:
        service = PromptService(journal, Settings())
        service.save_answers(service.today(), DEFAULT_SET.questions, {WORK: "done"})
        prompt = make_desk_live(journal).open_prompt()
        qtbot.waitExposed(prompt)
        label = prompt.streak_label
        assert label.text().startswith("Streak: ")
        palette = label.palette()
        assert label.foregroundRole() != QPalette.ColorRole.Link
        shown = palette.color(label.foregroundRole())
        assert shown != palette.color(QPalette.ColorRole.Link)
        assert shown == palette.color(QPalette.ColorRole.WindowText)
        assert "<a" not in label.text() and not label.openExternalLinks()
        prompt.close()
    finally:
        apply_theme(qapp, Settings())


@pytest.mark.parametrize("hidden", [True, False])
def test_with_the_window_in_the_tray_the_tray_confirms(
    qapp: QApplication,
    make_window: MakeWindow,
    qsettings: Any,
    journal: Journal,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    hidden: bool,
) -> None:
    from journal.app import build_reminders

    window = make_window(journal)
    desk = build_reminders(qapp, window, journal, Settings(), qsettings, tray=True)
    try:
        said: list[tuple[str, str]] = []
        assert desk.tray is not None
        monkeypatch.setattr(desk.tray, "show_message", lambda title, text, *_a: said.append(
            (title, text)))  # fmt: skip
        if hidden:
            window.hide()
        prompt = desk.open_prompt()
        qtbot.keyClicks(prompt.editors[WORK], "From the tray")
        assert prompt.save()
        words = wording.saved_with_streak(desk.service.streak().current)
        assert window.statusBar().currentMessage() == words
        assert said == ([("Reflection saved", words)] if hidden else [])
    finally:
        desk.dispose()
        desk.deleteLater()
        qapp.setQuitOnLastWindowClosed(True)
