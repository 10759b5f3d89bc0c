"""Spell checking in the editors: squiggles where a word is misspelled and nowhere in code,
URLs, #tags or Markdown marks; looked up in a pause, not per keystroke; the context menu's
suggestions and Add to Dictionary; the Spelling setting; and a missing Enchant."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor

from journal.services import spelling
from journal.services.spelling import SpellChecker
from journal.settings import Settings
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.editor.editor import MarkdownEdit
from journal.ui.editor.spelling import SpellService, configure_spelling, spell_service

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal

KNOWN = {"the", "cat", "sat", "on", "mat", "see", "here", "and", "code", "receive", "what"}
KNOWN |= {"tag", "end", "is", "a"}


class FakeBackend:
    """A dictionary of the KNOWN words that records each word it is asked about."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def check(self, word: str) -> bool:
        self.asked.append(word)
        return word.lower() in KNOWN

    def suggest(self, word: str) -> list[str]:
        return ["receive"] if word.lower().startswith("rec") else []


@pytest.fixture
def service(qapp: QApplication, tmp_path: Path) -> Iterator[SpellService]:
    """The application's spelling service on a fake dictionary; switched off afterwards."""
    found = spell_service()
    assert found is not None
    found.set_checker(SpellChecker(FakeBackend(), "en_US", tmp_path / "words.txt"))
    yield found
    found.set_checker(None)


def squiggled(edit: MarkdownEdit) -> list[str]:
    """The words the editor underlines as misspelled, in order."""
    out: list[str] = []
    block = edit.document().firstBlock()
    while block.isValid():
        text = block.text()
        marked = [False] * (len(text) + 1)
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                marked[r.start : r.start + r.length] = [True] * r.length
        word = ""
        for char, on in zip(text + " ", marked, strict=True):
            if on:
                word += char
            elif word:
                out.append(word)
                word = ""
        block = block.next()
    return out


def make_edit(qtbot: QtBot, text: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    edit.highlighter.check_waiting()  # the pause after typing, now
    return edit


def test_squiggles_under_misspelled_prose_only(service: SpellService, qtbot: QtBot) -> None:
    text = (
        "# Teh headingg\n"
        "The cat sat on teh mat, see `teh codde` and https://exmple.org/teh here.\n"
        "A #recieve tag, [linkk](http://teh.org) and mee@exmple.org and src/teh.py\n"
        "```\n"
        "teh code blok\n"
        "```\n"
        "**Wrods** and _wrods_ here\n"
    )
    edit = make_edit(qtbot, text)
    assert squiggled(edit) == ["Teh", "headingg", "teh", "linkk", "Wrods", "wrods"]


def test_private_blocks_are_checked_but_not_their_fences(
    service: SpellService, qtbot: QtBot
) -> None:
    edit = make_edit(qtbot, "```private\nteh secrett\n```\nthe end")
    assert squiggled(edit) == ["teh", "secrett"]


def test_typing_only_reads_the_cache_and_checks_in_a_pause(
    service: SpellService, qtbot: QtBot
) -> None:
    edit = make_edit(qtbot, "the cat\n" * 50)
    assert service.checker is not None
    backend = service.checker.backend
    assert isinstance(backend, FakeBackend)
    asked = len(backend.asked)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, "teh")
    assert len(backend.asked) == asked  # no lookup while typing
    assert edit.highlighter.has_waiting_words() and squiggled(edit) == []
    qtbot.waitUntil(lambda: squiggled(edit) == ["teh"], timeout=3000)  # after the pause
    assert backend.asked[asked:] == ["teh"]  # the word as it stands after the pause, once
    qtbot.keyClicks(edit, " teh")
    edit.highlighter.check_waiting()
    assert squiggled(edit) == ["teh", "teh"] and backend.asked.count("teh") == 1


def test_suggestions_replace_the_word_in_one_undo_step(service: SpellService, qtbot: QtBot) -> None:
    edit = make_edit(qtbot, "I recieve the cat")
    edit.show()
    cursor = QTextCursor(edit.document())
    cursor.setPosition(4)
    point = edit.cursorRect(cursor).center()
    menu = edit.context_menu(point)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["receive", "Add “recieve” to Dictionary"] and texts[2] == ""
    assert menu.actions()[3].text()  # then the standard menu (Undo, Cut, ...)
    menu.actions()[0].trigger()
    assert edit.toPlainText() == "I receive the cat"
    edit.undo()
    assert edit.toPlainText() == "I recieve the cat"
    menu.deleteLater()


def test_no_suggestions_says_so(service: SpellService, qtbot: QtBot) -> None:
    edit = make_edit(qtbot, "zzxq the")
    edit.show()
    menu = edit.context_menu(edit.cursorRect(QTextCursor(edit.document())).center())
    first = menu.actions()[0]
    assert first.text() == "No suggestions" and not first.isEnabled()
    menu.deleteLater()


def test_a_right_word_or_code_gets_the_plain_menu(service: SpellService, qtbot: QtBot) -> None:
    edit = make_edit(qtbot, "the `teh` cat")
    edit.show()
    plain = [a.text() for a in edit.createStandardContextMenu().actions()]
    for position in (1, 6):  # on "the", then inside the code span
        cursor = QTextCursor(edit.document())
        cursor.setPosition(position)
        menu = edit.context_menu(edit.cursorRect(cursor).center())
        assert [a.text() for a in menu.actions()] == plain
        menu.deleteLater()


def test_add_to_dictionary_keeps_the_word_in_the_data_folder(
    service: SpellService, qtbot: QtBot, tmp_path: Path
) -> None:
    edit = make_edit(qtbot, "Daybook is here")
    other = make_edit(qtbot, "Daybook again")  # the prompt's answers share the checker
    edit.show()
    assert squiggled(edit) == ["Daybook"] and squiggled(other) == ["Daybook", "again"]
    menu = edit.context_menu(edit.cursorRect(QTextCursor(edit.document())).center())
    add = next(a for a in menu.actions() if a.objectName() == "addToDictionary")
    add.trigger()
    assert (tmp_path / "words.txt").read_text(encoding="utf-8") == "Daybook\n"
    edit.highlighter.check_waiting()
    other.highlighter.check_waiting()
    assert squiggled(edit) == [] and squiggled(other) == ["again"]
    menu.deleteLater()


def test_the_prompt_answers_are_checked(
    service: SpellService, qtbot: QtBot, journal: Journal
) -> None:
    from journal.services.prompt import PromptService
    from journal.ui.prompt.prompt_window import PromptWindow, prompt_drafts

    prompt = PromptService(journal, Settings())
    window = PromptWindow(prompt, prompt_drafts(journal.paths), prompt.today())
    qtbot.addWidget(window)
    edit = next(iter(window.editors.values()))
    edit.setPlainText("what teh")
    edit.highlighter.check_waiting()
    assert squiggled(edit) == ["teh"]


def test_without_enchant_settings_says_so_once_and_editing_works(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing() -> Any:
        raise ImportError("libenchant-2.so.2: cannot open shared object file")

    monkeypatch.setattr(spelling, "_enchant", missing)
    service = configure_spelling("", tmp_path, background=False)
    assert service is not None and service.checker is None
    try:
        edit = make_edit(qtbot, "teh cat")
        edit.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(edit, " recieve")
        assert squiggled(edit) == [] and not edit.highlighter.has_waiting_words()
        assert "teh cat recieve" in edit.toPlainText()
        plain = [a.text() for a in edit.createStandardContextMenu().actions()]
        assert [a.text() for a in edit.context_menu(QPoint(5, 5)).actions()] == plain
        dialog = SettingsDialog(None, Settings())
        qtbot.addWidget(dialog)
        note = dialog.spell_note.text()
        assert "Enchant library is not installed" in note and note.count(".") == 1
        assert not dialog.spell_note.isHidden()
        dialog.spell_combo.setCurrentIndex(dialog.spell_combo.findData("off"))
        assert dialog.spell_note.isHidden()  # off is a choice, not a problem
        assert dialog.settings().spell_language == "off"
    finally:
        service.set_checker(None)


def test_the_setting_round_trips_and_switches_the_checker(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    Settings(spell_language="off").save(path)
    assert Settings.load(path).spell_language == "off"
    path.write_text('{"spell_language": 42}')
    assert Settings.load(path).spell_language == ""  # a bad value resets
    service = configure_spelling("off", tmp_path, background=False)
    assert service is not None and service.checker is None and service.problem is None
    if "en_US" in spelling.available_languages():
        configure_spelling("en_US", tmp_path)  # on a thread: the window does not wait
        assert service.is_loading()
        qtbot.waitUntil(lambda: not service.is_loading(), timeout=10000)
        assert service.checker is not None and service.checker.language == "en_US"
        dialog = SettingsDialog(None, Settings(spell_language="en_US"))
        qtbot.addWidget(dialog)
        assert dialog.spell_combo.currentData() == "en_US" and dialog.spell_note.isHidden()
    service.set_checker(None)


def test_underlining_later_is_not_an_edit(
    service: SpellService, qtbot: QtBot, journal: Journal, paths: AppPaths
) -> None:
    """Squiggles arrive after a pause, or when the dictionary or the word list changes:
    the editor must not take those new formats for typing (and save the entry)."""
    from journal.services.drafts import DraftStore
    from journal.ui.editor.editor import EntryEditor

    entry = journal.add("I recieve teh cat here", title="Typos")
    editor = EntryEditor(journal, DraftStore(paths.drafts), autosave_ms=50)
    qtbot.addWidget(editor)
    editor.edit_entry(entry)
    assert not editor.is_dirty()
    edit = editor.body_edit
    edit.highlighter.check_waiting()
    assert squiggled(edit) == ["recieve", "teh"]
    service.add_word("teh")  # every editor highlights again
    edit.highlighter.check_waiting()
    assert squiggled(edit) == ["recieve"]
    assert not editor.is_dirty()
    qtbot.wait(120)  # longer than the autosave delay
    assert journal.get(entry.id).updated == entry.updated  # nothing was saved
