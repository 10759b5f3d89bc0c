"""Where a new window goes: centred on the screen, wholly inside its free area, shrunk only
when it does not fit (any screen position, size and decoration)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.ui.common.placement import FRAME_ALLOWANCE, GAP, MIN_SIZE, beside, centred_inside

coords = st.integers(-5000, 5000)
extents = st.integers(200, 8000)
sizes = st.integers(0, 10000)
margins = st.integers(0, 60)


def _outer(rect: tuple[int, int, int, int], frame: tuple[int, int, int, int]) -> tuple[int, ...]:
    x, y, w, h = rect
    left, top, right, bottom = frame
    return x, y, x + w + left + right, y + h + top + bottom


@given(
    st.tuples(coords, coords, extents, extents),
    st.tuples(sizes, sizes),
    st.tuples(margins, margins, margins, margins),
)
def test_the_frame_is_always_inside_the_free_area(
    area: tuple[int, int, int, int],
    size: tuple[int, int],
    frame: tuple[int, int, int, int],
) -> None:
    placed = centred_inside(area, size, frame)
    x0, y0, x1, y1 = _outer(placed, frame)
    ax, ay, aw, ah = area
    assert ax <= x0 and x1 <= ax + aw
    assert ay <= y0 and y1 <= ay + ah
    # shrunk only where it had to be, and never grown beyond what was asked (or MIN_SIZE)
    assert placed[2] == min(max(size[0], MIN_SIZE[0]), aw - frame[0] - frame[2])
    assert placed[3] == min(max(size[1], MIN_SIZE[1]), ah - frame[1] - frame[3])
    # centred: the gaps on either side differ by at most one pixel
    assert abs((x0 - ax) - (ax + aw - x1)) <= 1
    assert abs((y0 - ay) - (ay + ah - y1)) <= 1


@pytest.mark.parametrize(
    ("area", "size", "frame", "expected"),
    [
        # the case: 1280x800 asked on a 1280x800 screen with a 24 px panel at the top
        ((0, 24, 1280, 776), (1280, 800), (4, 32, 4, 4), (0, 24, 1272, 740)),
        # the prompt on a big second screen left of the primary one
        ((-2560, 0, 2560, 1400), (580, 640), (0, 0, 0, 0), (-1570, 380, 580, 640)),
        # a screen below another
        ((0, 1080, 1920, 1040), (580, 420), FRAME_ALLOWANCE, (666, 1372, 580, 420)),
        # a tiny screen: what there is
        ((0, 0, 320, 240), (580, 640), (0, 0, 0, 0), (0, 0, 320, 240)),
        # an absurdly small size is raised to MIN_SIZE
        ((0, 0, 1000, 1000), (1, 1), (0, 0, 0, 0), (440, 460, 120, 80)),
    ],
)
def test_known_layouts(
    area: tuple[int, int, int, int],
    size: tuple[int, int],
    frame: tuple[int, int, int, int],
    expected: tuple[int, int, int, int],
) -> None:
    assert centred_inside(area, size, frame) == expected


def test_a_screen_smaller_than_its_decoration_still_gives_a_window() -> None:
    x, y, w, h = centred_inside((10, 20, 30, 20), (580, 640), (20, 40, 20, 20))
    assert (x, y) == (10, 20) and w >= 1 and h >= 1


@given(
    st.tuples(coords, coords, extents, extents),
    st.tuples(coords, coords, st.integers(1, 9000), st.integers(1, 9000)),
    st.tuples(sizes, sizes),
    st.tuples(margins, margins, margins, margins),
)
def test_beside_is_inside_the_area_and_off_the_window_where_there_is_room(
    area: tuple[int, int, int, int],
    other: tuple[int, int, int, int],
    size: tuple[int, int],
    frame: tuple[int, int, int, int],
) -> None:
    placed = beside(area, other, size, frame)
    x0, y0, x1, y1 = _outer(placed, frame)
    ax, ay, aw, ah = area
    assert ax <= x0 and x1 <= ax + aw
    assert ay <= y0 and y1 <= ay + ah
    assert placed[2:] == centred_inside(area, size, frame)[2:]  # sized as when centred
    ox, _oy, ow, _oh = other
    room_right = ax + aw - (ox + ow + GAP) >= x1 - x0 and ox + ow + GAP >= ax
    room_left = ox - GAP - (x1 - x0) >= ax and ox - GAP <= ax + aw
    if room_right or room_left:  # no overlap with the window, and a gap
        assert x1 + GAP <= ox or ox + ow + GAP <= x0


@pytest.mark.parametrize(
    ("area", "other", "size", "expected"),
    [
        # room to the right of a window at the left: beside it, top edges aligned
        ((0, 0, 1920, 1080), (0, 100, 1200, 800), (400, 300), (1212, 100, 400, 300)),
        # no room to the right, room to the left
        ((0, 0, 1920, 1080), (700, 50, 1220, 900), (400, 300), (288, 50, 400, 300)),
        # a window filling the screen: the bottom-right corner, a gap from the edges
        ((0, 24, 1600, 876), (0, 24, 1600, 876), (380, 280), (1208, 608, 380, 280)),
        # a window below the area's top is matched, but the dialog stays inside
        ((0, 0, 1920, 1080), (0, 900, 1000, 180), (400, 300), (1012, 780, 400, 300)),
    ],
)
def test_beside_known_layouts(
    area: tuple[int, int, int, int],
    other: tuple[int, int, int, int],
    size: tuple[int, int],
    expected: tuple[int, int, int, int],
) -> None:
    assert beside(area, other, size) == expected
