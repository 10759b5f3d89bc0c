"""The timeline cards' thumbnails: an entry's first image, small, made off the UI thread,
looked up by entry id a page at a time, and following edits."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage

from journal.services.attachments import first_images, image_lookup, store_image_bytes
from journal.ui.common import image_cache
from journal.ui.common.image_cache import ImageCache
from journal.ui.timeline.thumbnails import Thumbnails
from journal.ui.timeline.timeline import TimelineModel
from journal.ui.timeline.timeline_view import TimelineView
from tests.image_samples import encoded

if TYPE_CHECKING:
    from journal.services.journal import Journal

RED = (220, 20, 30)
BLUE = (20, 40, 220)


def flat(colour: tuple[int, int, int], size: tuple[int, int] = (900, 600)) -> bytes:
    return encoded(Image.new("RGB", size, colour), "PNG")


def has_colour(image: QImage, colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    """Whether some pixel of `image` is close to `colour` (sampled every 2 pixels)."""
    want = QColor(*colour)
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - want.red()) + abs(c.green() - want.green())
                + abs(c.blue() - want.blue())
            ) <= tolerance:  # fmt: skip
                return True
    return False


class Spy:
    """Counts calls of `first_images` and notes the threads they ran on."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.calls: list[list[int]] = []
        self.threads: list[int] = []

    def __call__(self, ids: Any) -> dict[int, str]:
        self.calls.append(list(ids))
        self.threads.append(threading.get_ident())
        return first_images(self.journal, ids)


@pytest.fixture
def timeline(journal: Journal, qtbot: Any) -> Any:
    def make() -> tuple[TimelineView, Thumbnails, Spy]:
        spy = Spy(journal)
        cache = ImageCache(image_lookup(journal))
        thumbs = Thumbnails(cache, spy)
        view = TimelineView()
        qtbot.addWidget(view)
        view.setModel(TimelineModel(journal, parent=view))
        view.set_thumbnails(thumbs)
        view.resize(420, 700)
        view.show()
        qtbot.waitExposed(view)
        view._keep = (cache, thumbs)  # type: ignore[attr-defined]
        return view, thumbs, spy

    return make


def test_a_card_with_an_image_shows_it_small_and_one_without_does_not(
    journal: Journal, timeline: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded_on: list[int] = []
    real = image_cache.scaled_copy

    def spy_decode(data: bytes, width: int, height: int) -> QImage:
        decoded_on.append(threading.get_ident())
        return real(data, width, height)

    monkeypatch.setattr(image_cache, "scaled_copy", spy_decode)
    red = store_image_bytes(journal, flat(RED))
    plain = journal.add("No picture here", title="Plain")
    pictured = journal.add(f"Whiteboard\n\n{red}", title="Pictured")
    view, thumbs, spy = timeline()
    qtbot.waitUntil(lambda: thumbs.for_entry(pictured.id, 64) is not None, timeout=5000)
    assert thumbs.has_image(plain.id) is False and thumbs.for_entry(plain.id, 64) is None
    image = thumbs.for_entry(pictured.id, 64)
    assert image is not None and max(image.width(), image.height()) <= image_cache.STEP
    main = threading.get_ident()
    assert spy.threads and main not in spy.threads
    assert decoded_on and main not in decoded_on
    view.viewport().repaint()
    shot = view.viewport().grab().toImage()
    assert has_colour(shot, RED)


def test_a_page_of_cards_is_looked_up_in_one_query_and_scrolling_asks_nothing_again(
    journal: Journal, timeline: Any, qtbot: Any
) -> None:
    blue = store_image_bytes(journal, flat(BLUE, (300, 200)))
    ids = [
        journal.add(f"Day {i}\n\n{blue if i % 3 == 0 else 'no image'}", title=f"E{i}").id
        for i in range(40)
    ]
    view, thumbs, spy = timeline()
    qtbot.waitUntil(lambda: bool(spy.calls), timeout=5000)
    assert len(spy.calls) == 1 and len(spy.calls[0]) > 3  # all the visible cards at once
    qtbot.waitUntil(lambda: all(thumbs.has_image(i) is not None for i in spy.calls[0]))
    model = view.model()
    for _ in range(2):  # down the whole list and back up, painting each step
        for row in [*range(model.rowCount()), *reversed(range(model.rowCount()))]:
            view.scrollTo(model.index(row, 0))
            view.viewport().repaint()
    qtbot.waitUntil(lambda: all(thumbs.has_image(i) is not None for i in ids), timeout=5000)
    asked = [i for call in spy.calls for i in call]
    assert len(asked) == len(set(asked))  # no entry looked up twice
    assert {i for i in ids if thumbs.has_image(i)} == {i for n, i in enumerate(ids) if n % 3 == 0}


def test_an_edit_that_changes_the_first_image_changes_the_thumbnail(
    journal: Journal, make_window: Any, qtbot: Any
) -> None:
    red = store_image_bytes(journal, flat(RED))
    blue = store_image_bytes(journal, flat(BLUE))
    entry = journal.add(f"Board\n\n{red}", title="Board")
    window = make_window(journal)
    delegate = window.panes.timeline.itemDelegate()
    thumbs = delegate.thumbnails
    assert thumbs is not None

    def colour_shown(colour: tuple[int, int, int]) -> bool:
        window.panes.timeline.viewport().repaint()
        return has_colour(window.panes.timeline.viewport().grab().toImage(), colour)

    qtbot.waitUntil(lambda: colour_shown(RED), timeout=5000)
    journal.edit(entry.id, body=f"Board\n\n{blue}")
    qtbot.waitUntil(lambda: colour_shown(BLUE) and not colour_shown(RED), timeout=5000)
