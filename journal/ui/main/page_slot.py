"""A page of the main window's right-hand stack made the first time it is needed rather
than with the panes. The first screen of a journal with entries shows the reader: the
entry editor (its fields, the Markdown highlighter, Qt's first text-edit enums: ~70 ms)
and the empty journal's welcome page (with the first-run card and its start-on-login
checks) are made when first shown, or once the panes have been painted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QStackedWidget

W = TypeVar("W", bound=QWidget)


class PageSlot(Generic[W]):
    """A page made by `factory` the first time it is asked for (`get`), then put on
    `stack` and handed to each `when_made` callback (the window's wiring)."""

    def __init__(self, factory: Callable[[], W], stack: QStackedWidget) -> None:
        self._factory = factory
        self._stack = stack
        self._page: W | None = None
        self._callbacks: list[Callable[[W], object]] = []

    def get(self) -> W:
        """The page, made now if it has not been."""
        if self._page is None:
            page = self._page = self._factory()
            self._stack.addWidget(page)
            for callback in self._callbacks:
                callback(page)
        return self._page

    def made(self) -> W | None:
        """The page if it has been made (None: it has never been needed)."""
        return self._page

    def when_made(self, callback: Callable[[W], object]) -> None:
        """Call `callback(page)` once it is made (at once if it is)."""
        self._callbacks.append(callback)
        if self._page is not None:
            callback(self._page)
