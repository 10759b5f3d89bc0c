"""Windows opened on a small screen fit inside it: a 1060x700 export dialog on a laptop
with 768 pixels and a panel (seen under Xvfb at 1024x700: its buttons were off-screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from journal.ui.common.placement import FRAME_ALLOWANCE, centred_inside, fit_on_screen
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from PySide6.QtCore import QRect


def free_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fits(widget: QWidget) -> bool:
    free = free_area(widget)
    left, top, right, bottom = FRAME_ALLOWANCE
    return (
        widget.width() + left + right <= free.width()
        and widget.height() + top + bottom <= free.height()
    )


def test_the_export_and_insights_windows_fit_the_screen(
    journal: Any, make_window: Any, qtbot: Any
) -> None:
    add_entries(journal, 3)
    window = make_window(journal)
    free = free_area(window)
    assert free.width() < 1060 or free.height() < 700, "this test needs a small screen"
    export = window.open_export()
    assert export is not None and fits(export)
    assert export.save_button.mapTo(export, export.save_button.rect().bottomRight()).y() < (
        export.height()
    )
    export.close()
    insights = window.open_insights()
    assert fits(insights)
    insights.close()


@pytest.mark.parametrize("wanted", [(1060, 700), (300, 200), (5000, 5000)])
def test_fit_on_screen_shrinks_only_what_does_not_fit(qtbot: Any, wanted: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    got = fit_on_screen(widget, wanted)
    free = free_area(widget)
    area = (free.x(), free.y(), free.width(), free.height())
    assert got == centred_inside(area, wanted, FRAME_ALLOWANCE)[2:]
    assert (widget.width(), widget.height()) == got
    assert got[0] <= wanted[0] and got[1] <= wanted[1]
    assert fits(widget)
