"""Where a new top-level window goes: centred on a screen, wholly inside its free area.

Pure arithmetic on integer rectangles (no Qt), so it can be tested on any screen layout.
`area` is the screen's available geometry (without panels and docks) as (x, y, width,
height); `size` the wanted client size; `frame` the window manager's decoration as (left,
top, right, bottom). Before a window is first shown its frame is unknown, so callers pass
`FRAME_ALLOWANCE`, a typical title bar and border.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

Rect = tuple[int, int, int, int]
Size = tuple[int, int]
Margins = tuple[int, int, int, int]

FRAME_ALLOWANCE: Margins = (4, 32, 4, 4)
MIN_SIZE: Size = (120, 80)


def centred_inside(area: Rect, size: Size, frame: Margins = (0, 0, 0, 0)) -> Rect:
    """The frame's top-left corner and the client size, as (x, y, width, height).

    The client is shrunk where the whole frame would not fit (never below MIN_SIZE, and
    never beyond the area: a screen smaller than MIN_SIZE gets what it has), then centred;
    the frame's rectangle (x, y, width + left + right, height + top + bottom) lies inside
    `area` whenever the area is at least as large as the frame's margins.
    """
    ax, ay, aw, ah = area
    left, top, right, bottom = (max(0, m) for m in frame)
    aw, ah = max(0, aw), max(0, ah)
    room_w, room_h = max(1, aw - left - right), max(1, ah - top - bottom)
    width = min(max(size[0], MIN_SIZE[0]), room_w)
    height = min(max(size[1], MIN_SIZE[1]), room_h)
    outer_w, outer_h = width + left + right, height + top + bottom
    x = ax + max(0, (aw - outer_w) // 2)
    y = ay + max(0, (ah - outer_h) // 2)
    return x, y, width, height


def place_on_mouse_screen(window: QWidget, size: Size) -> Rect:
    """Resize and move the top-level `window` by `centred_inside`, on the screen holding the
    mouse (else the primary screen); its frame is used once the window manager gave one."""
    from PySide6.QtGui import QCursor, QGuiApplication

    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    if screen is None:
        return (window.x(), window.y(), window.width(), window.height())
    free = screen.availableGeometry()
    frame = FRAME_ALLOWANCE
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        if outer != inner:
            frame = (
                inner.left() - outer.left(),
                inner.top() - outer.top(),
                outer.right() - inner.right(),
                outer.bottom() - inner.bottom(),
            )
    x, y, width, height = centred_inside(
        (free.x(), free.y(), free.width(), free.height()), size, frame
    )
    window.resize(width, height)
    window.move(x, y)
    return x, y, width, height
