"""First run (issue 17.12): the empty journal's welcome page has one call to action (today's
reflection, with its shortcut), a second one to import a journal, and a card offering start
on login in one click ("Remind me at 17:30 on working days"), written through the same call
as the Settings checkbox, never turned on silently; "Not now" is remembered. Every
autostart entry here goes to the test's own XDG_CONFIG_HOME (conftest), never ~/.config."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

import pytest

from journal.domain.prompts import DEFAULT_SET
from journal.paths import AppPaths, default_home
from journal.services import autostart
from journal.services.journal import Journal
from journal.settings import Settings
from journal.ui.main.first_run import (
    CARD_KEY,
    FirstRunCard,
    FirstRunOffer,
    offer_text,
    reminder_words,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

WORK = DEFAULT_SET.questions[0]
BY_SETTINGS = "Remind me at the times set in Settings"


def entry_file() -> Path:
    return autostart.desktop_entry_path(os.environ)


@pytest.fixture
def open_window(qapp: QApplication, qtbot: QtBot, qsettings: Any) -> Iterator[Any]:
    """A main window as the app builds it, on the journal in `paths` with `settings`."""
    from journal.app import build_window

    made: list[tuple[Any, Journal]] = []

    def make(paths: AppPaths, settings: Settings | None = None) -> Any:
        journal = Journal.open(paths)
        if settings is None:
            settings = Settings.load(paths.settings)
        window = build_window(qapp, journal, settings, qsettings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, journal))
        return window

    yield make
    for window, journal in made:
        window.close()
        window.wait_for_tasks()
        journal.close()


@pytest.fixture
def default_paths() -> AppPaths:
    """The default journal (under the test's XDG_DATA_HOME): started on login without --home."""
    paths = AppPaths(default_home().absolute())
    assert paths.is_default
    return paths


def saved_settings(paths: AppPaths) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(paths.settings.read_text(encoding="utf-8"))
    return data


def test_the_config_folder_is_the_tests_own(tmp_path: Path) -> None:
    assert tmp_path in entry_file().parents


def test_the_welcome_page_has_one_call_to_action_and_an_import(
    open_window: Any, default_paths: AppPaths
) -> None:
    window = open_window(default_paths)
    page = window.panes.empty_state
    assert window.panes.right_stack.currentWidget() is page
    assert page.start_button.isDefault() and page.start_button.isVisible()
    assert page.keys_label.text() == "or press Ctrl+R"
    assert window.ui_actions.reflection_action.shortcut().toString() == "Ctrl+R"
    defaults = [b for b in page.findChildren(type(page.start_button)) if b.isDefault()]
    assert defaults == [page.start_button]  # one call to action
    assert page.import_button.isVisible() and not page.import_button.isDefault()


def test_the_import_action_opens_the_import_dialog(
    open_window: Any, default_paths: AppPaths, qtbot: QtBot
) -> None:
    from journal.ui.dialogs.import_dialog import ImportDialog

    window = open_window(default_paths)
    assert window.import_dialog is None
    qtbot.mouseClick(window.panes.empty_state.import_button, _left())
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_nothing_is_turned_on_silently(open_window: Any, default_paths: AppPaths) -> None:
    window = open_window(default_paths)
    card = window.panes.empty_state.card
    assert card.isVisible()
    assert card.accept_button.text() == "Remind me at 17:30 on working days"
    assert card.accept_button.isEnabled()
    assert not entry_file().exists()
    assert not autostart.autostart_enabled(home=None)


def test_the_card_turns_start_on_login_on_for_the_default_journal(
    open_window: Any, default_paths: AppPaths, qtbot: QtBot
) -> None:
    window = open_window(default_paths)
    card = window.panes.empty_state.card
    qtbot.mouseClick(card.accept_button, _left())
    assert entry_file().is_file()
    assert autostart.autostart_enabled(home=None)  # what the Settings checkbox shows
    assert autostart.HOME_KEY not in entry_file().read_text(encoding="utf-8")
    assert card.isVisible() and not card.accept_button.isVisible()
    assert "17:30 on working days" in card.message_label.text()
    assert saved_settings(default_paths)["extra"][CARD_KEY] == "accepted"
    qtbot.mouseClick(card.not_now_button, _left())  # now "Close"
    assert not card.isVisible()
    assert saved_settings(default_paths)["extra"][CARD_KEY] == "accepted"
    assert autostart.autostart_enabled(home=None)


def test_the_card_names_a_lasting_journal_folder(
    open_window: Any, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autostart, "is_temporary", lambda _home: False)  # as if in ~/Journal
    paths = AppPaths(tmp_path / "lasting")
    window = open_window(paths)
    qtbot.mouseClick(window.panes.empty_state.card.accept_button, _left())
    assert autostart.autostart_enabled(home=paths.home)
    assert f"{autostart.HOME_KEY}={paths.home}" in entry_file().read_text(encoding="utf-8")


def test_a_temporary_journal_is_not_offered_and_says_why(
    open_window: Any, paths: AppPaths, qtbot: QtBot
) -> None:
    assert autostart.is_temporary(paths.home)
    card = open_window(paths).panes.empty_state.card
    assert card.isVisible()
    assert not card.accept_button.isEnabled()
    assert "temporary folder" in card.message_label.text()
    assert card.message_label.isVisible()
    qtbot.mouseClick(card.accept_button, _left())  # disabled: nothing happens
    assert not entry_file().exists()


def test_not_now_is_remembered(
    open_window: Any, default_paths: AppPaths, qtbot: QtBot, qapp: QApplication
) -> None:
    window = open_window(default_paths)
    qtbot.mouseClick(window.panes.empty_state.card.not_now_button, _left())
    assert not window.panes.empty_state.card.isVisible()
    assert saved_settings(default_paths)["extra"][CARD_KEY] == "dismissed"
    assert not entry_file().exists()
    window.close()
    again = open_window(default_paths)
    assert again.panes.right_stack.currentWidget() is again.panes.empty_state
    assert not again.panes.empty_state.card.isVisible()
    assert not entry_file().exists()


def test_the_card_is_not_offered_when_start_on_login_is_on(
    open_window: Any, default_paths: AppPaths
) -> None:
    autostart.set_autostart(True, home=None)  # as the Settings checkbox had done
    assert not open_window(default_paths).panes.empty_state.card.isVisible()


@pytest.mark.parametrize(
    ("times", "button"),
    [
        (["08:45"] * 5 + ["", ""], "Remind me at 08:45 on working days"),
        (["21:00"] * 7, "Remind me at 21:00 every day"),
        (["17:30", "17:30", "18:00", "17:30", "17:30", "", ""], BY_SETTINGS),
        (["17:30"] * 5 + ["10:00", ""], BY_SETTINGS),
        ([""] * 7, "Start Daybook when I log in"),
        (["", "", "", "", "", "10:00", "10:00"], BY_SETTINGS),
    ],
)  # fmt: skip
def test_the_card_shows_the_reminder_time_from_the_settings(
    open_window: Any, default_paths: AppPaths, times: list[str], button: str
) -> None:
    assert offer_text(times) == button
    window = open_window(default_paths, Settings(reminder_times=times))
    assert window.panes.empty_state.card.accept_button.text() == button


def test_the_card_follows_changed_settings(qtbot: QtBot, default_paths: AppPaths) -> None:
    card = FirstRunCard()
    qtbot.addWidget(card)
    current = [Settings()]
    offer = FirstRunOffer(card, lambda: current[0], lambda s: s.save(default_paths.settings), None)
    assert card.accept_button.text() == "Remind me at 17:30 on working days"
    current[0] = Settings(reminder_times=["07:15"] * 5 + ["", ""])
    offer.refresh()
    assert card.accept_button.text() == "Remind me at 07:15 on working days"
    assert reminder_words(current[0].reminder_times) == "at 07:15 on working days"


def test_a_refused_write_is_said_and_nothing_remembered(
    open_window: Any, default_paths: AppPaths, qtbot: QtBot
) -> None:
    blocker = entry_file().parent
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the autostart folder goes", encoding="utf-8")
    card = open_window(default_paths).panes.empty_state.card
    qtbot.mouseClick(card.accept_button, _left())
    text = card.message_label.text()
    assert text.startswith("Not done: cannot write") and text.endswith(".")
    assert "\n" not in text and "Traceback" not in text
    assert card.accept_button.isVisible() and card.accept_button.isEnabled()
    assert not default_paths.settings.exists() or CARD_KEY not in saved_settings(default_paths).get(
        "extra", {}
    )


def test_the_first_reflection_replaces_the_welcome_page(
    qapp: QApplication, open_window: Any, default_paths: AppPaths, qtbot: QtBot, qsettings: Any
) -> None:
    from journal.app import build_reminders

    window = open_window(default_paths)
    desk = build_reminders(qapp, window, window.journal, Settings(), qsettings, tray=False)
    try:
        assert window.panes.empty_state.card.isVisible()
        qtbot.mouseClick(window.panes.empty_state.start_button, _left())
        prompt = desk.launcher.windows[desk.service.today()]
        qtbot.waitExposed(prompt)
        qtbot.keyClicks(prompt.editors[WORK], "My first reflection")
        with qtbot.waitSignal(prompt.saved, timeout=5000) as saved:
            prompt.save()
        qtbot.waitUntil(lambda: window.panes.right_stack.currentWidget() is window.panes.reader)
        assert (
            not window.panes.empty_state.isVisible()
            and not window.panes.empty_state.card.isVisible()
        )
        assert (
            window.panes.reader.entry is not None
            and window.panes.reader.entry.id == saved.args[0].id
        )
        assert window.panes.timeline.isVisible() and not window.panes.list_empty.isVisible()
        assert not entry_file().exists()  # writing did not turn anything on either
    finally:
        desk.dispose()
        desk.deleteLater()
        qapp.setQuitOnLastWindowClosed(True)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700), (900, 600), (800, 420)])
def test_the_cards_text_is_never_clipped(
    open_window: Any, default_paths: AppPaths, qtbot: QtBot, qapp: QApplication,
    size: tuple[int, int],
) -> None:  # fmt: skip
    """An aligned item gets its size hint, which clipped the card's wrapped text."""
    window = open_window(default_paths)
    window.resize(*size)
    card = window.panes.empty_state.card

    def whole() -> bool:
        labels = (card.text_label, card.title_label)
        return all(lab.height() >= lab.heightForWidth(lab.width()) for lab in labels)

    qtbot.waitUntil(whole)
    qtbot.mouseClick(card.accept_button, _left())
    qtbot.waitUntil(lambda: card.message_label.height()
                    >= card.message_label.heightForWidth(card.message_label.width()))  # fmt: skip
    assert card.rect().contains(card.message_label.geometry())
