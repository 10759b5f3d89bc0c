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


def fit_on_screen(window: QWidget, size: Size) -> Size:
    """Resize the top-level `window` (a dialog, say) to `size`, or smaller where its
    screen's free area cannot hold that with a frame around it; where it goes is left to Qt
    (a dialog is centred on its parent and kept on the screen). The screen is the parent
    window's, else the window's own."""
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent.window() if parent is not None else window).screen()
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*size)
        return size
    free = screen.availableGeometry()
    _x, _y, width, height = centred_inside(
        (free.x(), free.y(), free.width(), free.height()), size, FRAME_ALLOWANCE
    )
    window.resize(width, height)
    return width, height


GAP = 12  # between a window placed beside another and it, or the screen's edge


def beside(area: Rect, other: Rect, size: Size, frame: Margins = (0, 0, 0, 0)) -> Rect:
    """Where a small window goes so that it does not cover the window `other` (its frame as
    (x, y, width, height)): to its right, else to its left, top edges aligned, when the
    area has room there; else in the area's bottom-right corner, over the least of a window
    that fills the screen. Sized and kept wholly inside `area` as by `centred_inside`."""
    ax, ay, aw, ah = area
    _x, _y, width, height = centred_inside(area, size, frame)
    left, top, right, bottom = (max(0, m) for m in frame)
    outer_w, outer_h = width + left + right, height + top + bottom
    free_w, free_h = max(0, aw - outer_w), max(0, ah - outer_h)
    ox, oy, ow, _oh = other
    y = ay + min(max(0, oy - ay), free_h)
    if ax <= ox + ow + GAP and ox + ow + GAP + outer_w <= ax + aw:
        return ox + ow + GAP, y, width, height
    if ax <= ox - GAP - outer_w and ox - GAP <= ax + aw:
        return ox - GAP - outer_w, y, width, height
    return ax + free_w - min(GAP, free_w), ay + free_h - min(GAP, free_h), width, height


def place_beside(window: QWidget, other: QWidget, size: Size) -> Rect:
    """Resize and move the top-level `window` by `beside`, on the screen of `other`'s window
    (else the primary screen)."""
    from PySide6.QtGui import QGuiApplication

    screen = other.window().screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return (window.x(), window.y(), window.width(), window.height())
    free = screen.availableGeometry()
    outer = other.window().frameGeometry()
    x, y, width, height = beside(
        (free.x(), free.y(), free.width(), free.height()),
        (outer.x(), outer.y(), outer.width(), outer.height()),
        size,
        FRAME_ALLOWANCE,
    )
    window.resize(width, height)
    window.move(x, y)
    return x, y, width, height
