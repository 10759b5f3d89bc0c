"""Images in the reader: loaded from the journal only, scaled to the pane, never fetched."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat

from journal.domain.attachments import Attachment, image_markdown
from journal.domain.entry import Entry
from journal.importers.images import prepare_image
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.timeline.reader import EntryReader
from tests.image_samples import encoded, noise

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

MOMENT = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)


def entry(body: str) -> Entry:
    return Entry(1, "u", MOMENT.date(), MOMENT, MOMENT, "Board", body, (), False)


def images_in(doc: QTextDocument) -> list[QTextImageFormat]:
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat())
            it += 1
        block = block.next()
    return found


def pane_with(qtbot: QtBot, stored: dict[str, Attachment]) -> EntryReader:
    pane = EntryReader(MarkdownRenderer())
    qtbot.addWidget(pane)
    pane.resize(420, 500)
    pane.show()
    pane.set_image_source(stored.get)
    return pane


def test_a_wide_image_is_scaled_to_the_pane_and_a_small_one_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    wide = prepare_image(encoded(noise((1600, 800), seed=3), "PNG"))
    small = prepare_image(encoded(noise((40, 30), seed=4), "PNG"))
    pane = pane_with(qtbot, {wide.sha256: wide, small.sha256: small})
    pane.show_entry(
        entry(
            f"Before.\n\n{image_markdown(wide.sha256, 'the board')}\n\n"
            f"{image_markdown(small.sha256)}\n\nAfter."
        )
    )
    shown = images_in(pane.browser.document())
    assert [f.name() for f in shown] == [f"attachment:{wide.sha256}", f"attachment:{small.sha256}"]
    room = pane.browser.viewport().width()
    assert 100 < shown[0].width() <= room and abs(shown[0].height() * 2 - shown[0].width()) <= 2
    assert (shown[1].width(), shown[1].height()) == (40, 30)
    resource = pane.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"attachment:{wide.sha256}")
    )
    assert resource is not None and resource.width() == 1600
    pane.resize(800, 500)
    qtbot.waitUntil(lambda: images_in(pane.browser.document())[0].width() > shown[0].width())
    pane.grab().save(str(tmp_path / "reader-images.png"))


def test_an_image_the_journal_lacks_says_so(qtbot: QtBot) -> None:
    pane = pane_with(qtbot, {})
    pane.show_entry(entry(f"x\n\n![lost & found]({'attachment:' + 'f' * 64})"))
    assert images_in(pane.browser.document()) == []
    assert "[image not in the journal: lost & found]" in pane.browser.toPlainText()


def test_the_browser_loads_nothing_but_attachments(qtbot: QtBot, tmp_path: Path) -> None:
    secret = tmp_path / "local.png"
    secret.write_bytes(encoded(noise((8, 8)), "PNG"))
    pane = pane_with(qtbot, {})
    for url in (
        secret.as_uri(),
        str(secret),
        "http://example.com/x.png",
        "data:image/png;base64,AA",
    ):
        assert (
            pane.browser.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(url))
            is None
        )


def test_an_image_in_a_private_block_is_shown_inside_the_box(qtbot: QtBot) -> None:
    image = prepare_image(encoded(noise((30, 20), seed=5), "PNG"))
    pane = pane_with(qtbot, {image.sha256: image})
    pane.show_entry(entry(f"Public.\n\n```private\n{image_markdown(image.sha256)}\n```\n"))
    assert "Private · left out of exports" in pane.browser.toPlainText()
    shown = [f.name() for f in images_in(pane.browser.document())]
    assert [n for n in shown if n.startswith("attachment:")] == [f"attachment:{image.sha256}"]


def test_the_sanitizer_keeps_attachments_for_the_reader_only() -> None:
    sha = "a" * 64
    text = (
        f"![ok](attachment:{sha}) ![remote](https://example.com/t.png) "
        f"![short](attachment:{sha[:10]}) ![upper](attachment:{sha.upper()}) "
        f"[link](attachment:{sha})"
    )
    reader_html = MarkdownRenderer(attachments=True).render(text)
    assert (
        reader_html.count("<img ") == 1 and f'<img src="attachment:{sha}" alt="ok">' in reader_html
    )
    assert "example.com" in reader_html and '<img src="https' not in reader_html
    plain = MarkdownRenderer().render(text)
    assert "<img" not in plain and f"attachment:{sha}" not in plain
