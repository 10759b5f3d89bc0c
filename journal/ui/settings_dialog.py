"""The Settings dialog: theme and fonts now; later features add their own tabs.

Open it with `SettingsDialog.get_settings(parent, settings)`, which returns the new settings
or None when cancelled (tests stub that classmethod). The dialog never saves: the caller
saves and applies what comes back.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.settings import THEMES, Settings
from journal.ui.theme import editor_font, interface_font


class SettingsDialog(QDialog):
    """Edits a copy of Settings; `settings()` gives the result, keeping unknown sections."""

    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self._original = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))

        labels = {"system": self.tr("System"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        self.theme_combo = QComboBox(self)
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.theme_combo.setToolTip(self.tr("System follows the desktop's light or dark mode"))
        for theme in THEMES:
            self.theme_combo.addItem(labels[theme], theme)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))

        self.font_default = QCheckBox(self.tr("Use the desktop &font"), self)
        self.font_default.setAccessibleName(self.tr("Use the desktop font"))
        self.font_combo = QFontComboBox(self)
        self.font_combo.setAccessibleName(self.tr("Interface font"))
        self._init_font(
            self.font_default, self.font_combo, settings.font_family, interface_font(settings)
        )

        self.editor_default = QCheckBox(self.tr("Use the desktop fi&xed-width font"), self)
        self.editor_default.setAccessibleName(self.tr("Use the desktop fixed-width font"))
        self.editor_combo = QFontComboBox(self)
        self.editor_combo.setAccessibleName(self.tr("Editor font"))
        self._init_font(
            self.editor_default,
            self.editor_combo,
            settings.editor_font_family,
            editor_font(settings),
        )

        self.size_spin = QSpinBox(self)
        self.size_spin.setAccessibleName(self.tr("Font size"))
        self.size_spin.setRange(6, 48)
        self.size_spin.setSuffix(self.tr(" pt"))
        self.size_spin.setValue(settings.font_size)

        appearance = QWidget(self)
        form = QFormLayout(appearance)
        for text, field, shown in (
            (self.tr("&Theme:"), self.theme_combo, self.theme_combo),
            (
                self.tr("&Interface font:"),
                self.font_combo,
                _row(self.font_default, self.font_combo),
            ),
            (
                self.tr("&Editor font:"),
                self.editor_combo,
                _row(self.editor_default, self.editor_combo),
            ),
            (self.tr("Si&ze:"), self.size_spin, self.size_spin),
        ):
            label = QLabel(text, appearance)
            label.setBuddy(field)
            form.addRow(label, shown)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.tabs.addTab(appearance, self.tr("Appearance"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _init_font(
        self, default: QCheckBox, combo: QFontComboBox, family: str, current: QFont
    ) -> None:
        combo.setCurrentFont(current)
        default.setChecked(not family)
        combo.setEnabled(bool(family))
        default.toggled.connect(lambda checked: combo.setEnabled(not checked))

    def settings(self) -> Settings:
        """The settings as the dialog shows them (other fields and `extra` kept)."""
        return dataclasses.replace(
            self._original,
            theme=self.theme_combo.currentData(),
            font_family=""
            if self.font_default.isChecked()
            else self.font_combo.currentFont().family(),
            editor_font_family=(
                "" if self.editor_default.isChecked() else self.editor_combo.currentFont().family()
            ),
            font_size=self.size_spin.value(),
            extra=dict(self._original.extra),
        )

    @classmethod
    def get_settings(cls, parent: QWidget | None, settings: Settings) -> Settings | None:
        """Show the dialog modally; the edited settings, or None when cancelled."""
        dialog = cls(parent, settings)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.settings()
            return None
        finally:
            dialog.deleteLater()


def _row(check: QCheckBox, combo: QFontComboBox) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(combo, 1)
    row.addWidget(check)
    return box
