"""The reader pane: the whole body is shown, and private blocks are a labelled box."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from journal.domain.entry import Entry
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.timeline.reader import LOCK_IMAGE, EntryReader

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

MOMENT = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)


def entry(body: str, title: str = "") -> Entry:
    return Entry(1, "u", MOMENT.date(), MOMENT, MOMENT, title, body, (), False)


def reader(qtbot: QtBot) -> EntryReader:
    pane = EntryReader(MarkdownRenderer())
    qtbot.addWidget(pane)
    pane.resize(420, 500)
    return pane


def test_a_long_first_paragraph_is_shown_whole(qtbot: QtBot) -> None:
    words = " ".join(f"word{n}" for n in range(60))
    pane = reader(qtbot)
    pane.show_entry(entry(words + "\n\nSecond paragraph."))
    title = pane.title_label.text()
    assert title.endswith("…") and len(title) <= 81 and "\n" not in title
    shown = " ".join(pane.browser.toPlainText().split())
    assert words in shown and "Second paragraph." in shown


def test_a_short_first_line_becomes_the_title_once(qtbot: QtBot) -> None:
    pane = reader(qtbot)
    pane.show_entry(entry("Cache day\n\nThe body."))
    assert pane.title_label.text() == "Cache day"
    assert "Cache day" not in pane.browser.toPlainText()


def test_private_blocks_are_a_labelled_wrapped_box(qtbot: QtBot, tmp_path: Path) -> None:
    long_line = " ".join(["mentor"] * 80)
    pane = reader(qtbot)
    pane.show()
    pane.show_entry(entry(f"Public.\n\n> ```private\n> {long_line}\n> ```\n\nAfter."))
    text = pane.browser.toPlainText()
    assert "Private · left out of exports" in text and "mentor" in text and "```" not in text
    assert not pane.browser.horizontalScrollBar().isVisible()
    lock = pane.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(LOCK_IMAGE)
    )
    assert (
        isinstance(lock, QImage) and not lock.isNull()
    )  # the box's lock icon, not a missing image
    assert 'src="daybook-lock.png"' in pane.browser.toHtml()
    pane.grab().save(str(tmp_path / "reader-private.png"))


def test_search_words_are_marked_whole_case_blind_and_across_punctuation(qtbot: QtBot) -> None:
    r = reader(qtbot)
    r.highlight([("design review", False), ("cach", True), ("ümlaut", False)])
    r.show_entry(
        entry(
            "The Design-Review went well.\n\nCaching and the CACHE; ÜMLAUT but not ümlauts, "
            "and no redesign reviews.",
            title="Review",
        )
    )
    assert r.highlighted() == ["Design-Review", "Caching", "CACHE", "ÜMLAUT"]
    r.show_entry(entry("Nothing to see"))
    assert r.highlighted() == []
    r.highlight(())
    r.show_entry(entry("The design review again"))
    assert r.highlighted() == []


def test_a_narrow_pane_wraps_the_title_below_the_buttons_and_cuts_nothing(qtbot: QtBot) -> None:
    pane = reader(qtbot)
    pane.resize(420, 500)
    pane.show()
    long_title = "A long title about the flaky integration test and what the clock taught us"
    pane.show_entry(entry("Body.", title=long_title))
    qtbot.waitUntil(lambda: pane.title_label.width() > 0)
    inner = pane.width() - 48  # the layout's side margins
    assert pane.title_label.width() >= inner - 2  # the whole width, not beside the buttons
    for button in (pane.edit_button, pane.delete_button):
        assert button.isVisible() and button.geometry().right() <= pane.width()
    day = pane.day_label
    qtbot.waitUntil(lambda: day.heightForWidth(day.width()) <= day.height())  # wrapped, not cut
