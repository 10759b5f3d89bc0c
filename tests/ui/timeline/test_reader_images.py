"""Images in the reader: loaded from the journal only, scaled to the pane, never fetched."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
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
    qtbot.waitUntil(lambda: len(images_in(pane.browser.document())) == 2)
    shown = images_in(pane.browser.document())
    assert [f.name() for f in shown] == [f"attachment:{wide.sha256}", f"attachment:{small.sha256}"]
    room = pane.browser.viewport().width()
    assert 100 < shown[0].width() <= room and abs(shown[0].height() * 2 - shown[0].width()) <= 2
    assert (shown[1].width(), shown[1].height()) == (40, 30)
    resource = pane.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"attachment:{wide.sha256}")
    )
    # a display copy about the pane's width, not the 1600-pixel original
    assert resource is not None and room <= resource.width() < 1600
    pane.resize(800, 500)
    qtbot.waitUntil(lambda: images_in(pane.browser.document())[0].width() > shown[0].width())
    pane.grab().save(str(tmp_path / "reader-images.png"))


def test_an_image_the_journal_lacks_says_so(qtbot: QtBot) -> None:
    pane = pane_with(qtbot, {})
    pane.show_entry(entry(f"x\n\n![lost & found]({'attachment:' + 'f' * 64})"))
    assert "[loading the image: lost & found]" in pane.browser.toPlainText()
    qtbot.waitUntil(lambda: "not in the journal" in pane.browser.toPlainText())
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
    qtbot.waitUntil(lambda: "loading the image" not in pane.browser.toPlainText())
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


# -- display copies ----------------------------------------------------------------------------


def big_attachment(width: int, height: int) -> Attachment:
    """A large stored image made quickly (flat colour compresses well; no re-encoding)."""
    import hashlib

    from PIL import Image

    data = encoded(Image.new("RGB", (width, height), (40, 90, 160)), "PNG", compress_level=1)
    return Attachment(hashlib.sha256(data).hexdigest(), data, "image/png", width, height)


def test_a_big_photo_is_decoded_once_off_the_ui_thread_at_the_panes_size(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 24-megapixel image: the reader shows a copy about the pane's width, made on a
    worker thread; painting, showing the entry again and small resizes decode nothing."""
    import threading

    from journal.ui.common import image_cache

    photo = big_attachment(6000, 4000)
    fetched: list[str] = []
    decoded_on: list[int] = []
    real = image_cache.scaled_copy

    def spy(data: bytes, width: int, height: int) -> Any:
        decoded_on.append(threading.get_ident())
        return real(data, width, height)

    monkeypatch.setattr(image_cache, "scaled_copy", spy)

    def source(sha: str) -> Attachment | None:
        fetched.append(sha)
        return photo if sha == photo.sha256 else None

    pane = pane_with(qtbot, {})
    pane.set_image_source(source)
    shown = entry(f"The board\n\n{image_markdown(photo.sha256)}")
    pane.show_entry(shown)
    qtbot.waitUntil(lambda: len(images_in(pane.browser.document())) == 1)
    assert decoded_on and threading.get_ident() not in decoded_on
    resource = pane.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"attachment:{photo.sha256}")
    )
    room = pane.browser.viewport().width()
    assert room <= resource.width() <= room + image_cache.STEP + 24
    assert resource.width() * resource.height() < 1_000_000  # not 24 megapixels
    (fmt,) = images_in(pane.browser.document())
    assert fmt.width() <= room and abs(fmt.width() * 4000 - fmt.height() * 6000) <= 6000
    calls, copies = len(fetched), len(decoded_on)
    for _ in range(5):
        pane.browser.viewport().repaint()
        pane.show_entry(shown)
    pane.resize(pane.width() + 3, 500)  # the same bucket
    assert pane.image_cache is not None and pane.image_cache.pending() == 0  # nothing asked
    assert (len(fetched), len(decoded_on)) == (calls, copies)


def test_the_cache_keeps_to_its_budget_dropping_the_oldest(qtbot: Any) -> None:
    from journal.ui.common.image_cache import ImageCache, bucket

    photos = [big_attachment(800 + i, 600) for i in range(4)]
    by_sha = {p.sha256: p for p in photos}
    copy_bytes = bucket(512) * 384 * 4
    cache = ImageCache(
        lambda shas: {s: by_sha[s] for s in shas if s in by_sha}, budget=copy_bytes * 2
    )
    for photo in photos:
        assert cache.image(photo.sha256, 512) is None
        with qtbot.waitSignal(cache.ready, timeout=5000):
            pass
    qtbot.waitUntil(lambda: cache.decoded == 4)
    assert cache.held_bytes() <= copy_bytes * 2
    newest = cache.image(photos[-1].sha256, 512)
    assert newest is not None and newest.width() == 512
    assert cache.image(photos[0].sha256, 512) is None  # dropped: asked for again


@pytest.mark.parametrize(("width", "height"), [(40, 30), (130, 5000), (5000, 130), (1, 1)])
def test_a_copy_is_never_enlarged_and_keeps_the_shape(width: int, height: int) -> None:
    from journal.ui.common.image_cache import bucket, scaled_copy

    photo = big_attachment(width, height)
    for box in (128, 300, 2048):
        copy = scaled_copy(photo.data, bucket(box), bucket(box))
        assert copy.width() <= max(width, 1) and copy.height() <= max(height, 1)
        assert copy.width() <= bucket(box) and copy.height() <= bucket(box)
        assert abs(copy.width() * height - copy.height() * width) <= max(width, height)
