"""Spell checking in the editors: one checker per application, shared by every MarkdownEdit
(the entry editor and the prompt's answers), and the context menu's spelling actions.

The highlighter (journal.ui.editor.highlighter) underlines the words the checker already knows to
be wrong; words it has not seen yet are queued and looked up after a short pause in typing
(`CHECK_DELAY_MS`), then only their lines are highlighted again, `CHUNK_MS` at a time (an
entry just opened is checked in such slices). So a keystroke costs the dictionary nothing
but cache lookups, however long the entry.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from journal.services.spelling import (
    BROKEN_DICTIONARY,
    NO_ENCHANT,
    Problem,
    SpellChecker,
    open_checker,
)
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from pathlib import Path

CHECK_DELAY_MS = 250
CHUNK_MS = 12  # the most one turn of the event loop spends looking words up


class SpellService(QObject):
    """The application's checker (None when spelling is off or impossible) and why not."""

    NAME = "daybookSpelling"
    changed = Signal()  # another checker, or a word added: every editor highlights again
    _loaded = Signal(int, object, object)  # generation, checker, problem (from a thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.NAME)
        self.checker: SpellChecker | None = None
        self.problem: Problem = None  # why there is no checker although one was asked for
        self._chosen: tuple[str, Path | None] | None = None
        self._generation = self._arrived_generation = 0
        self._loaded.connect(self._arrived)

    def configure(self, language: str, data_folder: Path | None, background: bool = True) -> None:
        """Follow the setting ('' the system locale, 'off', or a dictionary's tag).

        Loading Enchant and a dictionary takes 0.1-0.5 s, so by default it happens on a
        thread and the editors start underlining when it is done (the window never waits)."""
        if self._chosen == (language, data_folder):
            return
        self._chosen = (language, data_folder)
        self._generation += 1
        generation = self._generation
        if not background:
            self._arrived(generation, *open_checker(language, data_folder))
            return

        def load() -> None:
            self._loaded.emit(generation, *open_checker(language, data_folder))

        threading.Thread(target=load, name="daybook-spelling", daemon=True).start()

    def is_loading(self) -> bool:
        return self._chosen is not None and self._generation != self._arrived_generation

    def _arrived(self, generation: int, checker: object, problem: object) -> None:
        if generation != self._generation:
            return  # a later choice is on its way
        self._arrived_generation = generation
        self.checker = checker if isinstance(checker, SpellChecker) else None
        self.problem = problem if isinstance(problem, tuple) else None
        self.changed.emit()

    def set_checker(self, checker: SpellChecker | None, problem: Problem = None) -> None:
        self._generation += 1
        self._arrived_generation = self._generation
        self.checker, self.problem, self._chosen = checker, problem, None
        self.changed.emit()

    def add_word(self, word: str) -> str:
        """Add `word` to the personal list; '' or the reason it could not be saved."""
        if self.checker is None:
            return ""
        problem = ""
        try:
            self.checker.add(word)
        except OSError as exc:
            problem = tr("The word list cannot be saved: {0}").format(exc.strerror or exc)
        self.changed.emit()
        return problem


def problem_text(problem: Problem) -> str:
    """One sentence for the Settings dialog: why spelling cannot work ('' when it can)."""
    if problem is None:
        return ""
    kind, language = problem
    if kind == NO_ENCHANT:
        return tr(
            "Spell checking is off: the Enchant library is not installed "
            "(on Debian and Ubuntu: libenchant-2-2 and a hunspell dictionary)."
        )
    if kind == BROKEN_DICTIONARY:
        return tr("Spell checking is off: the {0} dictionary cannot be opened.").format(language)
    return tr(
        "Spell checking is off: no dictionary for {0} is installed "
        "(on Debian and Ubuntu: a hunspell package such as hunspell-en-us)."
    ).format(language)


def spell_service() -> SpellService | None:
    """The application's spelling service, made on first use (None without an app)."""
    app = QApplication.instance()
    if app is None:
        return None
    found = app.findChild(SpellService, SpellService.NAME)
    return found if isinstance(found, SpellService) else SpellService(app)


def configure_spelling(
    language: str, data_folder: Path | None, background: bool = True
) -> SpellService | None:
    """Apply the Spelling setting to every editor of the application (the dictionary is
    loaded on a thread unless `background` is False)."""
    service = spell_service()
    if service is not None:
        service.configure(language, data_folder, background)
    return service
