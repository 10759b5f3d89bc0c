"""The main window's sidebar: the calendar, the tags and the counts, On This Day.

They only show and ask (signals); the window decides what happens.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui.common.i18n import number, numeric_day

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

from typing import TYPE_CHECKING

from journal.ui.common import wording
from journal.ui.timeline.calendar import JournalCalendar

if TYPE_CHECKING:
    from journal.domain.entry import EntrySummary
    from journal.services.journal import Journal

MEMORIES = 5  # "On this day" entries shown in the sidebar (Insights lists them all)
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1  # a tag's number of entries, drawn at the right


class TagCountDelegate(QStyledItemDelegate):
    """A tag, and its number of entries right-aligned in the dim text colour."""

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.save()
        painter.setPen(option.palette.color(role))
        area = option.rect.adjusted(0, 0, -6, 0)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number(count)
        )
        painter.restore()


class Sidebar(QWidget):
    """New Entry, the calendar, Today and Trash, the journal's counts and its tags."""

    tagChosen = Signal(str)
    dayChosen = Signal(object)  # dt.date: an "On this day" entry was chosen

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sidebar"))
        self.calendar = JournalCalendar(journal, self)
        self.new_button = QPushButton(self.tr("New Entry"), self)
        self.new_button.setAccessibleName(self.tr("New entry for today"))
        self.new_button.setToolTip(self.tr("Write today's reflection (Ctrl+N)"))
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.trash_button = QToolButton(self)
        self.trash_button.setText(self.tr("Trash"))
        self.trash_button.setAccessibleName(self.tr("Show the Trash"))
        self.trash_button.setCheckable(True)
        self.stats_label = QLabel(self)
        self.stats_label.setAccessibleName(self.tr("Journal statistics"))
        self.stats_label.setWordWrap(True)
        self.tags_heading = QLabel(self.tr("Tags"), self)
        self.tags_heading.setAccessibleName(self.tr("Tags heading"))
        font = self.tags_heading.font()
        font.setBold(True)
        self.tags_heading.setFont(font)
        self.tags_list = QListWidget(self)
        self.tags_list.setAccessibleName(self.tr("Tags: choose one to show its entries"))
        self.tags_list.setFrameShape(QFrame.Shape.NoFrame)
        self.tags_list.setItemDelegate(TagCountDelegate(self.tags_list))
        self.tags_list.itemActivated.connect(self._tag_chosen)
        self.tags_list.itemClicked.connect(self._tag_chosen)

        side = QVBoxLayout(self)
        side.setContentsMargins(10, 10, 6, 10)
        side.setSpacing(8)
        side.addWidget(self.new_button)
        side.addWidget(self.calendar)
        nav = QHBoxLayout()
        nav.addWidget(self.today_button)
        nav.addStretch(1)
        nav.addWidget(self.trash_button)
        side.addLayout(nav)
        side.addWidget(self.stats_label)
        side.addSpacing(6)
        side.addWidget(self.tags_heading)
        side.addWidget(self.tags_list, 1)
        self.memory_heading = QLabel(self.tr("On This Day"), self)
        self.memory_heading.setFont(font)
        self.memory_heading.setAccessibleName(self.tr("On this day heading"))
        self.memory_list = QListWidget(self)
        self.memory_list.setAccessibleName(
            self.tr("On this day: entries from the same day in earlier months and years")
        )
        self.memory_list.setFrameShape(QFrame.Shape.NoFrame)
        self.memory_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.memory_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.memory_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.memory_list.itemActivated.connect(self._day_chosen)
        self.memory_list.itemClicked.connect(self._day_chosen)
        side.addWidget(self.memory_heading)
        side.addWidget(self.memory_list)
        # The room the tags list leaves when it is hidden (an empty journal) stays empty:
        # the calendar keeps its size instead of stretching down the window.
        policy = self.calendar.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
        self.calendar.setSizePolicy(policy)
        side.addStretch(0)
        self.show_on_this_day([])

    def show_counts(self, counts: list[tuple[str, int]], total: int) -> None:
        """The tags in use (most used first) and the number of entries."""
        self.tags_list.clear()
        for name, count in counts:
            item = QListWidgetItem(f"#{name}", self.tags_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(COUNT_ROLE, count)
            item.setData(Qt.ItemDataRole.ToolTipRole, wording.entries(count))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {count}")
        self.tags_heading.setVisible(bool(counts))
        self.tags_list.setVisible(bool(counts))
        self.stats_label.setText(
            f"{wording.entries(total)} · {wording.tags(len(counts))}" if total else ""
        )

    def show_on_this_day(self, entries: list[EntrySummary]) -> None:
        """Entries from this day in earlier months and years (hidden when there are none)."""
        self.memory_list.clear()
        for entry in entries[:MEMORIES]:
            text = f"{numeric_day(entry.day)} · {entry.display_title}"
            item = QListWidgetItem(text, self.memory_list)
            item.setData(Qt.ItemDataRole.UserRole, entry.day)
            item.setToolTip(text)
        rows = self.memory_list.count()
        row_height = self.memory_list.sizeHintForRow(0) if rows else 0
        self.memory_list.setFixedHeight(rows * row_height + 2 * self.memory_list.frameWidth())
        self.memory_heading.setVisible(bool(entries))
        self.memory_list.setVisible(bool(entries))

    def _day_chosen(self, item: QListWidgetItem) -> None:
        self.dayChosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _tag_chosen(self, item: QListWidgetItem) -> None:
        self.tagChosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
