"""The Trash: deleted entries, each restorable; emptying it asks first and is final."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entry import Entry
from journal.domain.filters import EntryFilter
from journal.services.journal import Journal
from journal.ui.timeline import TimelineModel, TimelineView, entry_of


class TrashView(QWidget):
    """A list of the Trash with Restore and Empty Trash; it asks, the window acts."""

    restoreRequested = Signal(object)  # Entry
    emptyRequested = Signal()  # already confirmed by the user
    closeRequested = Signal()
    currentEntryChanged = Signal(object)  # Entry | None

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Trash"))
        self.model = TimelineModel(journal, EntryFilter(trash=True), parent=self)
        self.title = QLabel(self.tr("<b>Trash</b>"), self)
        self.title.setAccessibleName(self.tr("Trash heading"))
        self.hint = QLabel(self)
        self.hint.setAccessibleName(self.tr("About the Trash"))
        self.hint.setWordWrap(True)
        self.view = TimelineView(self)
        self.view.setAccessibleName(self.tr("Entries in the Trash"))
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.back_button = QPushButton(self.tr("\N{LEFTWARDS ARROW} Journal"), self)
        self.back_button.setAccessibleName(self.tr("Back to the journal"))
        self.back_button.clicked.connect(self.closeRequested)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setAccessibleName(self.tr("Restore the selected entry"))
        self.restore_button.clicked.connect(self._restore)
        self.empty_button = QPushButton(self.tr("Empty Trash…"), self)
        self.empty_button.setAccessibleName(self.tr("Empty the Trash"))
        self.empty_button.clicked.connect(self._empty)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.title)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        self.model.show_listing()
        count = self.model.entry_count()
        more = self.model.canFetchMore(QModelIndex())
        if count == 0:
            self.hint.setText(self.tr("The Trash is empty."))
        else:
            shown = f"{count:,}+" if more else f"{count:,}"
            self.hint.setText(
                self.tr("{0} deleted entries. They stay here until you empty the Trash.").format(
                    shown
                )
            )
        self.empty_button.setEnabled(count > 0)
        self.restore_button.setEnabled(False)
        self.view.select_row(0)

    def current_entry(self) -> Entry | None:
        return self.view.current_entry()

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        entry = entry_of(index)
        self.restore_button.setEnabled(isinstance(entry, Entry))
        self.currentEntryChanged.emit(entry if isinstance(entry, Entry) else None)

    def _restore(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.restoreRequested.emit(entry)

    def _empty(self) -> None:
        if self.confirm_empty(self):
            self.emptyRequested.emit()

    @classmethod
    def confirm_empty(cls, parent: QWidget) -> bool:
        """Ask before deleting for ever (tests replace this classmethod)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(parent.tr("Empty Trash"))
        box.setText(parent.tr("Delete every entry in the Trash for ever?"))
        box.setInformativeText(
            parent.tr("This cannot be undone. Their text is also wiped from the journal file.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        ok = box.addButton(parent.tr("Empty Trash"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok
