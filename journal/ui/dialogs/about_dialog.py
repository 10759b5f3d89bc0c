"""Help > About: the app's icon, name and version, where the journal lives, and the versions
a bug report needs, with buttons to open the data folder and to copy it all as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME
from journal.about import APP_ID, about_info, about_text, icon_files
from journal.errors import DaybookError
from journal.ui.common.errors import ErrorDialog
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from journal.paths import AppPaths

ICON_SIZE = 64
COPIED_MS = 2000  # how long the Copy button says "Copied"


def row_label(key: str) -> str:
    """The translated label of one of about_info()'s rows (listed so lupdate finds them)."""
    labels = {
        "Version": tr("Version"),
        "Data folder": tr("Data folder"),
        "Database": tr("Database"),
        "SQLite": tr("SQLite"),
        "Qt": tr("Qt"),
        "Python": tr("Python"),
        "System": tr("System"),
    }
    return labels.get(key, key)


def about_icon() -> QIcon:
    """The app icon from the installed resources, else the icon theme's."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(path)
    if icon.isNull():
        icon = QIcon.fromTheme(APP_ID, QIcon.fromTheme("accessories-text-editor"))
    return icon


class AboutDialog(QDialog):
    """Facts about this Daybook and its journal, all selectable, and a Copy for bug reports."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.info = about_info(paths)
        self.setWindowTitle(self.tr("About Daybook"))
        self.setAccessibleName(self.tr("About Daybook"))
        icon = about_icon()
        self.setWindowIcon(icon)

        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.icon_label.setAccessibleName(self.tr("Daybook icon"))
        self.name_label = QLabel(APP_NAME, self)
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.6)
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.tagline = QLabel(self.tr("A journal for end-of-day work reflections."), self)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        titles.addStretch(1)
        titles.addWidget(self.name_label)
        titles.addWidget(self.tagline)
        titles.addStretch(1)
        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(self.icon_label)
        header.addLayout(titles, 1)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)  # else it inherits the dialog's wide spacing
        self.value_labels: dict[str, QLabel] = {}
        for key, value in self.info.items():
            shown = row_label(key)
            field = QLabel(value, self)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setCursor(Qt.CursorShape.IBeamCursor)
            field.setAccessibleName(shown)
            field.setToolTip(value)
            self.form.addRow(self.tr("{0}:").format(shown), field)
            self.value_labels[key] = field

        self.buttons = QDialogButtonBox(self)
        self.open_button = self._button(
            self.tr("&Open Data Folder"), self.tr("Open the data folder"), self.open_data_folder
        )
        self.copy_button = self._button(
            self.tr("&Copy"), self.tr("Copy these details as text"), self.copy_text
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(self.form)
        layout.addStretch(1)  # extra height goes below the facts, not between them
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _button(self, text: str, accessible: str, slot: object) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def text(self) -> str:
        """Everything the dialog shows, as plain text (what Copy puts on the clipboard)."""
        return about_text(self.info)

    def open_data_folder(self) -> None:
        """Show the data folder in the system's file manager."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.home)))
        if opened is False:
            ErrorDialog.show_error(
                self,
                DaybookError(
                    f"cannot open the data folder {self.paths.home}",
                    "open it in your file manager; its path can be copied from this window",
                ),
            )

    def copy_text(self) -> None:
        """Put the details on the clipboard as plain text, and say so on the button."""
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(COPIED_MS, self, lambda: self.copy_button.setText(self.tr("&Copy")))

    @classmethod
    def show_about(cls, parent: QWidget | None, paths: AppPaths) -> None:
        """Show the dialog window-modally without blocking; it deletes itself when closed.
        Tests may replace this classmethod."""
        dialog = cls(paths, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
