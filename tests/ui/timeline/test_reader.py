"""The reader pane: the whole body is shown, and private blocks are a labelled box."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from journal.domain.entry import Entry, short_label
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.timeline.reader import LOCK_IMAGE, EntryReader

if TYPE_CHECKING:
    from pathlib import Path

MOMENT = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)


def entry(body: str, title: str = "") -> Entry:
    return Entry(1, "u", MOMENT.date(), MOMENT, MOMENT, title, body, (), False)


def reader(qtbot: Any) -> EntryReader:
    pane = EntryReader(MarkdownRenderer())
    qtbot.addWidget(pane)
    pane.resize(420, 500)
    return pane


def test_a_long_first_paragraph_is_shown_whole(qtbot: Any) -> None:
    words = " ".join(f"word{n}" for n in range(60))
    pane = reader(qtbot)
    pane.show_entry(entry(words + "\n\nSecond paragraph."))
    title = pane.title_label.text()
    assert title.endswith("…") and len(title) <= 81 and "\n" not in title
    shown = " ".join(pane.browser.toPlainText().split())
    assert words in shown and "Second paragraph." in shown


def test_a_short_first_line_becomes_the_title_once(qtbot: Any) -> None:
    pane = reader(qtbot)
    pane.show_entry(entry("Cache day\n\nThe body."))
    assert pane.title_label.text() == "Cache day"
    assert "Cache day" not in pane.browser.toPlainText()


def test_private_blocks_are_a_labelled_wrapped_box(qtbot: Any, tmp_path: Path) -> None:
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


def test_search_words_are_marked_whole_case_blind_and_across_punctuation(qtbot: Any) -> None:
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


def test_a_narrow_pane_wraps_the_title_below_the_buttons_and_cuts_nothing(qtbot: Any) -> None:
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


@pytest.mark.parametrize("width", [300, 420, 640, 1000])
@pytest.mark.parametrize(
    "first_line",
    [
        "Spent most of the afternoon tracing why the deployment pipeline stalls at the canary "
        "stage for exactly eleven minutes whenever two services are released within the hour",
        "Supercalifragilisticexpialidocious-deployment-pipeline-canary-controller-metrics window",
        "Short words a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k",
        "Übergrößenträger für Wärmepumpen: Lüftungsanlagen, Schaltschränke und Abwärme "
        "im Rechenzentrum",
    ],
)
def test_a_derived_title_is_one_line_cut_at_a_word(qtbot: Any, width: int, first_line: str) -> None:
    """An untitled entry's label fits the pane on one line, cut at a word with an ellipsis;
    the whole line is in its tooltip and in the body below."""
    pane = reader(qtbot)
    pane.resize(width, 500)
    pane.show()
    pane.show_entry(entry(first_line + "\n\nSecond paragraph."))
    qtbot.waitUntil(lambda: pane.title_label.width() > 0)
    label = pane.title_label
    title = pane.title_text()
    assert not label.wordWrap() and "\n" not in title
    assert label.fontMetrics().horizontalAdvance(title) <= label.width()
    assert title.endswith("…")
    kept = title.removesuffix("…")
    assert first_line.startswith(kept)
    rest = first_line[len(kept) :]
    assert rest == "" or rest[0] in " ,;:.-–—" or " " not in kept[len(kept) // 2 :], "mid-word"
    whole = short_label(first_line)
    assert plain(label.toolTip()) == ("" if title == whole else whole)
    assert " ".join(first_line.split()) in " ".join(pane.browser.toPlainText().split())
    pane.resize(width + 300, 500)  # a wider pane shows more of it
    assert len(pane.title_text()) >= len(title)
    assert label.fontMetrics().horizontalAdvance(pane.title_text()) <= pane.width() - 48


def test_a_real_title_still_wraps(qtbot: Any) -> None:
    pane = reader(qtbot)
    long_title = "A long title about the flaky integration test and what the clock taught us"
    pane.show_entry(entry("Body.", title=long_title))
    assert pane.title_label.wordWrap() and pane.title_text() == long_title
    pane.show_entry(entry("Short line\n\nBody."))
    assert pane.title_text() == "Short line" and not pane.title_label.toolTip()


def plain(label_text: str) -> str:
    """What a QLabel (or tooltip) shows of `label_text`, markup read as Qt reads it."""
    if not label_text:
        return ""
    doc = QTextDocument()
    doc.setHtml(label_text)
    return doc.toPlainText()


HOSTILE_TITLES = [
    "Why <b>bold</b> tags & <i>more</i>",
    '<img src="/usr/share/pixmaps/debian-logo.png"> logo',
    "a < b > c",
    "<!-- hidden --> visible",
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "&amp; &lt;b&gt; entities",
    "<qt>rich?</qt>",
    "emoji 🎉 <u>u</u> 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_title_is_shown_as_typed_never_as_html(qtbot: Any, title: str) -> None:
    pane = reader(qtbot)
    pane.show_entry(entry("Body.", title=title))
    assert plain(pane.title_label.text()) == title
    pane.highlight([("b", True), ("🎉", False), ("click", False)])
    assert plain(pane.title_label.text()) == title  # marks add no text and drop none
    untitled = entry(title + " " + "word " * 40)  # a derived label, cut, with a tooltip
    pane.show_entry(untitled)
    assert plain(pane.title_label.text()) == pane.title_text()
    assert pane.title_text().removesuffix("…") in title + " " + "word " * 40
    assert plain(pane.title_label.toolTip()) == untitled.display_title


def test_the_titles_search_words_are_marked_like_the_bodys(qtbot: Any) -> None:
    """A search that matched only the title ("depl" in "Deploy pipeline") still shows why."""
    from journal.ui.common.theme import SEARCH_MARK

    pane = reader(qtbot)
    pane.highlight([("depl", True)])
    pane.show_entry(entry("Parallelised the tests.", title="Deploy pipeline: 40 to 12"))
    html = pane.title_label.text()
    assert (
        SEARCH_MARK.name() in html and ">Deploy</span> pipeline" in html
    )  # the whole word, as in the body
    assert plain(html) == "Deploy pipeline: 40 to 12"
    pane.highlight(())
    assert SEARCH_MARK.name() not in pane.title_label.text()


@pytest.mark.parametrize("dark", [False, True])
def test_search_marks_look_like_the_timelines_not_like_a_selection(qtbot: Any, dark: bool) -> None:
    """The words found wear the cards' marker in the entry too; the selection's colour
    would read as text the user selected (and hide a real selection among them)."""
    from journal.ui.common import theme
    from journal.ui.common.theme import make_palette

    pane = reader(qtbot)
    pane.setPalette(make_palette(dark))
    pane.highlight([("cach", True)])
    pane.show_entry(entry("Caching day", title="Review"))
    marks = pane.browser.extraSelections()
    assert len(marks) == 1
    background = marks[0].format.background().color()
    assert background != pane.palette().color(pane.palette().ColorRole.Highlight)
    assert background == theme.SEARCH_MARK  # the cards' marker
