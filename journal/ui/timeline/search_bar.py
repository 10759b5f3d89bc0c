"""The search bar: a query field, a tag filter and the result count.

It only asks: `searchRequested(text, tag)` fires ~250 ms after the last change, and
`cleared` when the field is emptied or Esc is pressed. The window runs the search. While the
user types, the word under the cursor is searched as a prefix (`as_typed`): "depl" already
finds "deploy".
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.domain.query import as_typed
from journal.ui.common.i18n import number

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

DEBOUNCE_MS = 250


class SearchBar(QWidget):
    """The query field with the tag filter and the count; it asks for searches, never runs them."""

    searchRequested = Signal(str, str)  # query text, tag ("" for all tags)
    cleared = Signal()
    focusTimelineRequested = Signal()  # Down arrow in the field: move into the results

    def __init__(self, parent: QWidget | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Search"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Search  (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search text"))
        self.field.setAccessibleDescription(
            self.tr('Words, "a phrase", -word, tag:name, from:2026-01, to:2026-03')
        )
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(self.tr("Filter by tag"))
        self.tag_box.setMinimumContentsLength(8)
        self.tag_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.set_tags([])
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of results"))
        self.count_label.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._fire)
        self.field.textChanged.connect(self._changed)
        self.tag_box.currentIndexChanged.connect(self._changed)

        # The search text never gets less room than the tag filter beside it.
        self.field.setMinimumWidth(self.tag_box.sizeHint().width())
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.field, 1)
        row.addWidget(self.tag_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.count_label)

    # -- state ---------------------------------------------------------------------------

    def text(self) -> str:
        return self.field.text()

    def tag(self) -> str:
        index = self.tag_box.currentIndex()
        if index < 0:  # never ask currentData() for nothing (a PySide6 6.12 refcount bug)
            return ""
        data = self.tag_box.itemData(index)
        return str(data) if data else ""

    def is_active(self) -> bool:
        return bool(self.text().strip() or self.tag())

    def set_tags(self, tags: list[str]) -> None:
        """Offer these tags in the filter, keeping the chosen one if it is still there."""
        current = self.tag() if self.tag_box.count() else ""
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(self.tr("All tags"), "")
        for tag in tags:
            self.tag_box.addItem("#" + tag, tag)
        found = self.tag_box.findData(current) if current else 0
        self.tag_box.setCurrentIndex(max(found, 0))
        self.tag_box.blockSignals(False)

    def set_tag(self, tag: str) -> None:
        """Filter by `tag` (a search starts after the usual pause)."""
        index = self.tag_box.findData(tag)
        if index >= 0:
            self.tag_box.setCurrentIndex(index)

    def show_count(self, shown: int, total: int, problems: tuple[str, ...] = ()) -> None:
        """The number of results, and what of the query was ignored. With no result and no
        problem the label hides: the empty list says it (one message, not two)."""
        if total == 0:
            text = ""
        elif total == 1:
            text = self.tr("1 entry found")
        elif shown < total:
            text = self.tr("{0} entries found, the newest {1} shown").format(
                number(total), number(shown)
            )
        else:
            text = self.tr("{0} entries found").format(number(total))
        text = " · ".join(filter(None, (text, *problems)))
        self.count_label.setText(text)
        self.count_label.setVisible(bool(text))

    def show_problem(self, text: str) -> None:
        self.count_label.setText(text)
        self.count_label.show()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        """Empty the field and the tag filter; emits `cleared` once (nothing if empty)."""
        if not self.text() and not self.tag():
            return
        self._timer.stop()
        self.field.blockSignals(True)
        self.tag_box.blockSignals(True)
        self.field.clear()
        self.tag_box.setCurrentIndex(0)
        self.field.blockSignals(False)
        self.tag_box.blockSignals(False)
        self._changed()

    # -- internals -----------------------------------------------------------------------

    def _changed(self) -> None:
        if self.is_active():
            self._timer.start()
        else:
            self._timer.stop()
            self.count_label.hide()
            self.cleared.emit()

    def _fire(self) -> None:
        if self.is_active():
            self.searchRequested.emit(as_typed(self.text()).strip(), self.tag())

    def flush(self) -> None:
        """Run a pending search now (Enter in the field)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and self.is_active():
                self.clear()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.flush()
                self.focusTimelineRequested.emit()
                return True
            if key == Qt.Key.Key_Down:
                self.focusTimelineRequested.emit()
                return True
        return super().eventFilter(watched, event)
