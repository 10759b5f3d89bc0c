"""A guard against PySide6 6.12's lost references to None, True and False (Python 3.11).

Pure Python (no Qt import): the app calls it before it makes its QApplication, and so does
anything painting without the app (`journal.ui.dialogs.pdf`).
"""

from __future__ import annotations


def guard_none_refcount() -> None:
    """Make the reference counts of None, True and False unreachable by PySide6 6.12's lost
    references.

    Many PySide6 6.12 wrappers (QPainter.setPen, save, restore, ...; QVariant getters that
    find nothing) return Python's None without taking a reference, and `Signal.emit()` does
    the same with the bool it returns. On Python 3.11 each call lowers the object's count,
    and a long session ends in "Fatal Python error: none_dealloc" (or bool_dealloc: some
    10,000 emits from Python were enough). Python 3.12 made these objects immortal; this
    does the same on 3.11 by giving them a count no program can use up. A no-op on 3.12 and
    later.
    """
    import sys

    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for shared in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(shared))
        if count.value < 1 << 40:
            count.value += 1 << 50
