"""The main window's entry editor, made the first time it is needed rather than with the
panes: the first screen shows the reader, and making the editor (its fields, the Markdown
highlighter, Qt's first text-edit enums) cost ~70 ms on the way to the first page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QStackedWidget

    from journal.ui.editor.editor import EntryEditor


class EditorSlot:
    """The entry editor, made by `factory` the first time it is asked for (`get`), then
    put on `stack` and handed to each of `built` callbacks (the window's wiring)."""

    def __init__(self, factory: Callable[[], EntryEditor], stack: QStackedWidget) -> None:
        self._factory = factory
        self._stack = stack
        self._editor: EntryEditor | None = None
        self._built: list[Callable[[EntryEditor], object]] = []

    def get(self) -> EntryEditor:
        """The editor, made now if it has not been."""
        if self._editor is None:
            editor = self._editor = self._factory()
            editor.setParent(self._stack.parentWidget())
            self._stack.addWidget(editor)
            for callback in self._built:
                callback(editor)
        return self._editor

    def made(self) -> EntryEditor | None:
        """The editor if it has been made (None: nothing typed into it yet)."""
        return self._editor

    def when_built(self, callback: Callable[[EntryEditor], object]) -> None:
        """Call `callback(editor)` once it is made (at once if it is)."""
        self._built.append(callback)
        if self._editor is not None:
            callback(self._editor)
