"""The tags field of the editor and the prompt: comma-separated tags, the one being typed
completed from the journal's tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget
from typing_extensions import override

from journal.domain.tags import unique_tags

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QFocusEvent


class TagsEdit(QLineEdit):
    """Comma-separated tags with completion of the tag being typed from existing tags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known: list[str] = []
        # Asked for the journal's tags when the field gets the focus (not at every load).
        self.source: Callable[[], list[str]] | None = None
        self._model = QStringListModel(self)
        self.tag_completer = QCompleter(self._model, self)
        self.tag_completer.setWidget(self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_completer.setMaxVisibleItems(8)
        self.tag_completer.activated.connect(self.insert_completion)  # the str overload
        self.textEdited.connect(self._offer)

    def set_completions(self, tags: list[str]) -> None:
        self._known = unique_tags(tags)

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.source is not None:
            self.set_completions(self.source())
        super().focusInEvent(event)

    def add_completions(self, tags: tuple[str, ...] | list[str]) -> None:
        self._known = unique_tags([*self._known, *tags])

    def tags(self) -> tuple[str, ...]:
        return tuple(unique_tags(self.text().split(",")))

    def set_tags(self, tags: tuple[str, ...] | list[str]) -> None:
        self.setText(", ".join(tags))

    def _segment(self) -> tuple[int, int]:
        """Start and end of the tag under the cursor (between commas)."""
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        return start, len(text) if end == -1 else end

    def _offer(self, _text: str) -> None:
        start, end = self._segment()
        prefix = self.text()[start : self.cursorPosition()].strip()
        if not prefix:
            self._hide_popup()
            return
        others = self.text()[:start] + "," + self.text()[end:]
        present = {t.casefold() for t in unique_tags(others.split(","))}
        self._model.setStringList([t for t in self._known if t.casefold() not in present])
        self.tag_completer.setCompletionPrefix(prefix)
        count = self.tag_completer.completionCount()
        if count == 0 or (count == 1 and self.tag_completer.currentCompletion() == prefix):
            self._hide_popup()
        else:
            self.tag_completer.complete()

    def _hide_popup(self) -> None:
        popup = self.tag_completer.popup()
        if popup is not None:
            popup.hide()

    def insert_completion(self, tag: str) -> None:
        """Replace the tag being typed with `tag` and leave the cursor ready for the next."""
        start, end = self._segment()
        before, after = self.text()[:start], self.text()[end:]
        lead = " " if before else ""
        tail = after if after.strip() else ", "
        self.setText(f"{before}{lead}{tag}{tail}")
        self.setCursorPosition(len(before) + len(lead) + len(tag) + (2 if tail == ", " else 0))
        self.textEdited.emit(self.text())
