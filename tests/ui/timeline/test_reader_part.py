"""A huge entry is shown in part at once, with a link that renders the whole off the UI
thread; the part keeps private blocks boxed; a search beyond the part still reaches it."""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl

from journal.domain.entry import Entry
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.timeline import reader as reader_module
from journal.ui.timeline.reader import WHOLE_LINK, EntryReader

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

MOMENT = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
PART = 3000  # characters shown first in these tests (the app's PART_CHARS is ~100 KB)


def entry(body: str, entry_id: int = 1) -> Entry:
    return Entry(entry_id, "u", MOMENT.date(), MOMENT, MOMENT, "Huge", body, (), False)


def huge_body(paragraphs: int = 200, tail: str = "The zeppelin finale.") -> str:
    parts = []
    for n in range(paragraphs):
        parts.append(f"Paragraph {n} about write ahead logs and checkpoints, line after line.")
        if n % 10 == 5:
            parts.append(f"```private\nsalary canary{n}\n\ncanary{n} again\n```")
    return "\n\n".join([*parts, tail])


class Spy(MarkdownRenderer):
    """Records the thread and the length of each render."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[int, int]] = []

    def render(self, text: str, mark_private: bool = False, box: str = "") -> str:
        self.calls.append((threading.get_ident(), len(text)))
        return super().render(text, mark_private=mark_private, box=box)


@pytest.fixture
def pane(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> EntryReader:
    monkeypatch.setattr(reader_module, "PART_CHARS", PART)
    widget = EntryReader(Spy())
    qtbot.addWidget(widget)
    widget.resize(500, 600)
    widget.show()
    return widget


def shown_html(pane: EntryReader, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = pane.browser.setHtml

    def record(html: str) -> None:
        seen.append(html)
        real(html)

    monkeypatch.setattr(pane.browser, "setHtml", record)
    return seen


def test_a_huge_entry_is_shown_in_part_with_a_link_to_the_whole(
    pane: EntryReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = shown_html(pane, monkeypatch)
    body = huge_body()
    pane.show_entry(entry(body))
    text = pane.browser.toPlainText()
    assert pane.is_partial()
    assert "Paragraph 0 " in text and "zeppelin" not in text
    assert re.search(r"Show the whole entry \(\d+ KB\)", text)
    assert PART <= len(text) < len(body) // 2
    (html,) = seen
    assert WHOLE_LINK in html
    # every canary of the part is inside the reader's private box (a table)
    outside = re.sub(r'<table[^>]*class="private-block">.*?</table>', "", html, flags=re.DOTALL)
    assert "canary" in html and "canary" not in outside


def test_the_link_renders_the_whole_off_the_ui_thread_and_shows_it(
    pane: EntryReader, qtbot: QtBot
) -> None:
    body = huge_body()
    pane.show_entry(entry(body))
    spy = pane._renderer
    assert isinstance(spy, Spy)
    spy.calls.clear()
    pane.browser.anchorClicked.emit(QUrl(WHOLE_LINK))
    assert pane.is_partial()  # the part stays until the whole is ready
    qtbot.waitUntil(lambda: not pane.is_partial(), timeout=20_000)
    text = pane.browser.toPlainText()
    assert "zeppelin" in text and "Show the whole entry" not in text
    assert spy.calls and max(n for _thread, n in spy.calls) >= len(body) - 200
    assert all(thread != threading.get_ident() for thread, _n in spy.calls)


def test_a_search_whose_words_come_after_the_part_reaches_them(
    pane: EntryReader, qtbot: QtBot
) -> None:
    pane.highlight([("zeppelin", False)])
    pane.show_entry(entry(huge_body()))
    qtbot.waitUntil(lambda: pane.highlighted() == ["zeppelin"], timeout=20_000)
    assert not pane.is_partial()


def test_a_search_found_in_the_part_keeps_the_part(pane: EntryReader) -> None:
    pane.highlight([("checkpoints", False)])
    pane.show_entry(entry(huge_body()))
    assert pane.is_partial() and pane.highlighted()


def test_the_whole_of_an_entry_left_meanwhile_is_not_shown(pane: EntryReader, qtbot: QtBot) -> None:
    pane.show_entry(entry(huge_body()))
    pane.show_whole()
    pane.show_entry(entry("A short one.", entry_id=2))
    qtbot.waitUntil(lambda: pane._tasks.running() == 0, timeout=20_000)
    assert pane.browser.toPlainText().strip() == "A short one."


def test_a_short_entry_has_no_link(pane: EntryReader) -> None:
    pane.show_entry(entry("Just a few lines.\n\nAnd more."))
    assert not pane.is_partial() and "Show the whole" not in pane.browser.toPlainText()


def test_images_arriving_or_a_resize_keep_the_whole_once_shown(
    pane: EntryReader, qtbot: QtBot
) -> None:
    pane.show_entry(entry(huge_body()))
    pane.show_whole()
    qtbot.waitUntil(lambda: not pane.is_partial(), timeout=20_000)
    pane.resize(640, 600)
    pane.refresh()
    assert not pane.is_partial() and "zeppelin" in pane.browser.toPlainText()


def test_private_canary_of_the_whole_is_boxed_too(
    pane: EntryReader, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = shown_html(pane, monkeypatch)
    pane.show_entry(entry(huge_body()))
    pane.show_whole()
    qtbot.waitUntil(lambda: not pane.is_partial(), timeout=20_000)
    html = seen[-1]
    outside = re.sub(r'<table[^>]*class="private-block">.*?</table>', "", html, flags=re.DOTALL)
    assert "canary195" in html and "canary" not in outside
