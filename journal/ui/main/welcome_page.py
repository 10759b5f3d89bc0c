"""The empty journal's first page: the invitation to write, import, where the data lives
and the first-run card. Made only when shown (a journal with entries never needs it: see
`journal.ui.main.page_slot`), so its module and the first-run card's are not read at start.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.paths import shown
from journal.ui.main.first_run import FirstRunCard

if sys.version_info >= (3, 12):
    pass
else:
    pass

if TYPE_CHECKING:
    from pathlib import Path


class WelcomePage(QFrame):
    """The empty journal's invitation to write (one call to action, with its shortcut), a
    second way in for an existing journal (import), where the data lives, and the first-run
    card (`journal.ui.main.first_run`), hidden until its offer is wired."""

    startRequested = Signal()
    importRequested = Signal()

    def __init__(
        self,
        home: Path,
        parent: QWidget | None = None,
        write_keys: str = "",
        import_keys: str = "",
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        # In a short window the page scrolls rather than squeezing (and clipping) its text.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().setAutoFillBackground(False)
        inner = QWidget(self.scroll_area)
        inner.setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        heading = QLabel(self.tr("Your journal is waiting for its first reflection"), inner)
        heading.setAccessibleName(self.tr("Welcome heading"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(
            self.tr(
                "At the end of the day, take five minutes: what did you work on, what did "
                "you learn, and what comes next? A few sentences a day add up to a record "
                "of how you grow."
            ),
            inner,
        )
        text.setAccessibleName(self.tr("Welcome text"))
        self.start_button = QPushButton(self.tr("Write Today's Reflection"), inner)
        self.start_button.setAccessibleName(self.tr("Write today's reflection"))
        self.start_button.setDefault(True)
        big = self.start_button.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        big.setBold(True)
        self.start_button.setFont(big)
        self.start_button.setMinimumHeight(self.start_button.sizeHint().height() + 12)
        self.start_button.clicked.connect(self.startRequested)
        self.keys_label = QLabel(
            self.tr("or press {0}").format(write_keys) if write_keys else "", inner
        )
        self.keys_label.setAccessibleName(self.tr("Shortcut for today's reflection"))
        self.keys_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.keys_label.setVisible(bool(write_keys))
        self.import_button = QPushButton(self.tr("Import an Existing Journal…"), inner)
        self.import_button.setAccessibleName(self.tr("Import an existing journal"))
        self.import_button.setAutoDefault(False)
        self.import_button.setToolTip(
            self.tr("Day One, jrnl, RedNotebook, Markdown files or a Daybook export")
            + (f" ({import_keys})" if import_keys else "")
        )
        self.import_button.clicked.connect(self.importRequested)
        self.where_label = QLabel(inner)
        self.show_home(home)
        self.where_label.setAccessibleName(self.tr("Where your journal is kept"))
        self.where_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name, as named
        self.where_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (heading, text, self.keys_label, self.where_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = FirstRunCard(inner)
        self.card.hide()  # until an offer (FirstRunOffer) says there is one
        self.card.setMaximumWidth(self.fontMetrics().averageCharWidth() * 72)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(2)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(20)
        for widget in (self.start_button, self.keys_label, self.import_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        # Not aligned in its cell: an aligned item gets its size hint, which clips the
        # card's wrapped text; a row with stretches centres it at the width it is given.
        card_row = QHBoxLayout()
        card_row.addStretch(1)
        card_row.addWidget(self.card, 100)
        card_row.addStretch(1)
        layout.addLayout(card_row)
        layout.addSpacing(16)
        layout.addWidget(self.where_label)
        layout.addStretch(3)
        self.scroll_area.setWidget(inner)

    def show_home(self, home: Path) -> None:
        """Say where the journal is kept (the home folder as ~)."""
        self.where_label.setText(
            self.tr("Everything stays on this computer, in {0}").format(shown(home))
        )
