"""The sidebar folds away in a narrow window: below `NARROW_WIDTH` pixels it is hidden, so
the timeline and the entry keep a readable width; View > Show Sidebar (F9) shows or hides
it at any width. The choice is remembered twice, once for narrow and once for wide windows,
so a laptop screen and a desktop monitor each keep theirs; crossing the width applies the
choice of the other side.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSignalBlocker, QTimer
from PySide6.QtWidgets import QLayout, QSplitter, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

NARROW_WIDTH = 1100
SIDEBAR_WIDTH = 260  # what the sidebar gets back when it was folded to nothing
LIST_SHARE = 0.4  # the timeline's share of a narrow window, at most
KEYS = {False: "window/sidebar", True: "window/sidebar_narrow"}


class SidebarFold(QObject):
    """Shows or hides `splitter`'s first pane from the window's width and `action`."""

    def __init__(
        self,
        window: QWidget,
        splitter: QSplitter,
        action: QAction,
        qsettings: QSettings,
        narrow_width: int = NARROW_WIDTH,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._action = action
        self._qsettings = qsettings
        self._narrow_width = narrow_width
        self._narrow: bool | None = None
        action.setCheckable(True)
        action.toggled.connect(self._toggled)
        # The window's least size is that of the folded layout, so that a window snapped
        # straight to a narrow width is not held wide by a sidebar about to fold (Qt would
        # clamp the resize before the fold could see it).
        layout = window.layout()
        if layout is not None:
            least = layout.minimumSize()
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
            window.setMinimumHeight(least.height())
        window.setMinimumWidth(self._folded_width())
        window.installEventFilter(self)
        self.follow_width()

    @property
    def sidebar(self) -> QWidget:
        widget = self._splitter.widget(0)
        assert widget is not None
        return widget

    def is_narrow(self) -> bool:
        return self._window.width() < self._narrow_width

    def wanted(self, narrow: bool) -> bool:
        """The remembered choice for narrow or for wide windows (shown when wide, else not)."""
        key = KEYS[narrow]
        if not self._qsettings.contains(key):
            return not narrow
        value = self._qsettings.value(key)
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")

    def _least(self, index: int) -> int:
        widget = self._splitter.widget(index)
        if widget is None:
            return 0
        return max(widget.minimumWidth(), widget.minimumSizeHint().width())

    def _folded_width(self) -> int:
        """The least width of the panes without the sidebar."""
        count = self._splitter.count()
        handles = self._splitter.handleWidth() * max(count - 2, 0)
        return sum(self._least(i) for i in range(1, count)) + handles

    def fits(self) -> bool:
        """Whether the window has room for the sidebar beside the other panes."""
        needed = self._folded_width() + self._least(0) + self._splitter.handleWidth()
        return self._window.width() >= needed

    def follow_width(self) -> None:
        """Show the sidebar as chosen for this width (narrow or wide), where it fits."""
        narrow = self.is_narrow()
        crossed = narrow != self._narrow
        self._narrow = narrow
        shown = self.wanted(narrow) and self.fits()
        if shown != self._action.isChecked() or crossed:
            self.show_sidebar(shown)
            if narrow and not shown:  # once the splitter has its new width
                QTimer.singleShot(0, self._favour_the_entry)

    def _favour_the_entry(self) -> None:
        """In a narrow window the list takes at most ~40% (never less than its least width),
        so the entry beside it keeps a line of readable length."""
        sizes = self._splitter.sizes()
        if len(sizes) < 3:
            return
        total = sum(sizes[1:])
        middle = self._splitter.widget(1)
        least = middle.minimumWidth() if middle is not None else 0
        wanted = max(least, min(sizes[1], int(total * LIST_SHARE)))
        if wanted < sizes[1]:
            self._splitter.setSizes([sizes[0], wanted, total - wanted])

    def show_sidebar(self, shown: bool) -> None:
        """Show or hide the sidebar without remembering it (Go to Day shows it this way)."""
        if shown and not self.fits():
            needed = self._folded_width() + self._least(0) + self._splitter.handleWidth()
            self._window.resize(needed, self._window.height())
        with QSignalBlocker(self._action):
            self._action.setChecked(shown)
        self._set_visible(shown)

    def _toggled(self, shown: bool) -> None:
        self._qsettings.setValue(KEYS[self.is_narrow()], shown)
        if shown and not self.fits():  # asked for in a window too small for it: make room
            needed = self._folded_width() + self._least(0) + self._splitter.handleWidth()
            self._window.resize(needed, self._window.height())
        self._set_visible(shown)

    def _set_visible(self, shown: bool) -> None:
        self.sidebar.setVisible(shown)
        sizes = self._splitter.sizes()
        if shown and sizes and sizes[0] == 0:  # folded by dragging, or saved so: open it
            self._splitter.setSizes([SIDEBAR_WIDTH, *sizes[1:-1], sizes[-1] - SIDEBAR_WIDTH])

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.follow_width()
        return False
