"""The export dialog's choices: which entries (dates, tags, search, or a fixed selection),
whether private ones go too, and the format. It builds the `ExportOptions` and says when
they change; the dialog builds the preview from them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.services.export_options import (
    DIALOG_FORMATS,
    FORMAT_KEYS,
    PRESETS,
    build_options,
    preset_range,
)
from journal.ui.common import wording
from journal.ui.common.wording import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from journal.services.export import ExportOptions

SELECTED = "selected"  # the range choice "Selected (N)": the entries picked in the timeline

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override


# The formats' names (journal.services.export_options, in English) for lupdate to find;
# the form tr()s them where it shows them.
FORMAT_NAMES = (
    QT_TRANSLATE_NOOP("ExportForm", "Markdown"),
    QT_TRANSLATE_NOOP("ExportForm", "HTML page"),
    QT_TRANSLATE_NOOP("ExportForm", "Week notes (Markdown)"),
    QT_TRANSLATE_NOOP("ExportForm", "Week notes (HTML)"),
    QT_TRANSLATE_NOOP("ExportForm", "PDF document"),
)


class TagCompleter(QCompleter):
    """Completes the last tag of a comma-separated list, keeping the ones before it."""

    def __init__(self, tags: Sequence[str], parent: QLineEdit) -> None:
        super().__init__(list(tags), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._field = parent

    @override
    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip().lstrip("#")]

    @override
    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        before = self._field.text().rsplit(",", 1)
        head = before[0] + ", " if len(before) > 1 else ""
        return head + str(self.model().data(index))


class ExportForm(QWidget):
    """The options side of the export dialog; `changed` fires on every edit that matters."""

    changed = Signal()
    formatChanged = Signal(str)  # one of FORMAT_KEYS

    def __init__(
        self,
        ids: Sequence[int],
        tags: Sequence[str],
        today: dt.date,
        week_start: int,
        qsettings: QSettings | None,
        parent: QWidget | None = None,
        span: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ids = tuple(ids)
        self.span = span  # the first and last day of the selected entries
        self.today = today
        self.week_start = week_start
        self.qsettings = qsettings
        self._setting_range = False
        self.setAccessibleName(self.tr("Export options"))

        # -- what to export ----------------------------------------------------------------
        self.selection_label = QLabel(self)
        self.selection_label.setAccessibleName(self.tr("Selected entries"))
        self.selection_label.setWordWrap(True)
        count = len(self.ids)
        self.selection_label.setText(
            wording.count(count, self.tr("1 selected entry"), self.tr("{0} selected entries"))
        )
        self.range_combo = QComboBox(self)
        self.range_combo.setAccessibleName(self.tr("Date range"))
        labels = {
            "today": self.tr("Today"),
            "this_week": self.tr("This week"),
            "last_week": self.tr("Last week"),
            "this_month": self.tr("This month"),
            "all": self.tr("All entries"),
            "custom": self.tr("Custom dates"),
        }
        if self.ids:  # "Selected (3)" first, and chosen; the other choices stay at hand
            self.range_combo.addItem(self.tr("Selected ({0})").format(count), SELECTED)
        for preset in PRESETS:
            self.range_combo.addItem(labels[preset], preset)
        self.from_edit = self._date_edit(self.tr("From day"))
        self.to_edit = self._date_edit(self.tr("To day"))
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(self.from_edit, 1)
        dash = QLabel("–", self)
        dash.setAccessibleName(self.tr("to"))
        dates.addWidget(dash)
        dates.addWidget(self.to_edit, 1)

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setAccessibleName(self.tr("Tags (entries must have all of them)"))
        self.tags_edit.setPlaceholderText(self.tr("Any tag — or e.g. work, learning"))
        self.tags_edit.setClearButtonEnabled(True)
        self.tags_edit.setCompleter(TagCompleter(tags, self.tags_edit))
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setPlaceholderText(self.tr('Words, "a phrase", -word'))
        self.search_edit.setClearButtonEnabled(True)

        self.private_check = QCheckBox(self.tr("Include &private entries"), self)
        self.private_check.setAccessibleName(self.tr("Include private entries and blocks"))
        self.private_check.setToolTip(
            self.tr("Private entries and ```private blocks stay out unless this is ticked")
        )
        self.private_label = QLabel(self)
        self.private_label.setAccessibleName(self.tr("Private parts left out"))
        self.private_label.setWordWrap(True)
        self.private_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        choose = QGroupBox(self.tr("Entries"), self)
        form = QFormLayout(choose)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if self.ids:
            form.addRow(self.selection_label)
        else:
            self.selection_label.hide()
        form.addRow(self._buddy(self.tr("&Dates:"), self.range_combo), self.range_combo)
        form.addRow("", dates)
        form.addRow(self._buddy(self.tr("&Tags:"), self.tags_edit), self.tags_edit)
        form.addRow(self._buddy(self.tr("Sea&rch:"), self.search_edit), self.search_edit)
        form.addRow(self.private_check)
        form.addRow(self.private_label)

        # -- how -----------------------------------------------------------------------------
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("Format"))
        for key, label, _format, _digest in DIALOG_FORMATS:
            self.format_combo.addItem(self.tr(label), key)
        self.format_combo.setToolTip(
            self.tr("Week notes gather the “what I learned” answers into one post")
        )
        self.front_matter_check = QCheckBox(self.tr("YAML &front matter"), self)
        self.front_matter_check.setAccessibleName(self.tr("Add YAML front matter"))
        self.split_check = QCheckBox(self.tr("One file per entry, into a fo&lder"), self)
        self.split_check.setAccessibleName(self.tr("One file per entry, into a folder"))
        self.page_check = QCheckBox(self.tr("Each entry on a ne&w page"), self)
        self.page_check.setAccessibleName(self.tr("Start each entry on a new page"))
        shape = QGroupBox(self.tr("Format"), self)
        shape_form = QFormLayout(shape)
        shape_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        shape_form.addRow(self._buddy(self.tr("F&ormat:"), self.format_combo), self.format_combo)
        shape_form.addRow(self.front_matter_check)
        shape_form.addRow(self.split_check)
        shape_form.addRow(self.page_check)

        self.summary_label = QLabel(self)
        self.summary_label.setAccessibleName(self.tr("What will be exported"))
        self.summary_label.setWordWrap(True)

        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 8, 0)
        side.addWidget(choose)
        side.addWidget(shape)
        side.addWidget(self.summary_label)
        side.addStretch(1)

        self._restore_choices()
        self.range_combo.currentIndexChanged.connect(self._preset_changed)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        for field in (self.tags_edit, self.search_edit):
            field.textChanged.connect(self.changed)
        checks = (self.private_check, self.front_matter_check, self.split_check, self.page_check)
        for check in checks:
            check.toggled.connect(self.changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._preset_changed()
        self._format_changed()

    # -- building ------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd d MMM yyyy")
        edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        return edit

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def _restore_choices(self) -> None:
        """The last format and Markdown options (never "include private": that is per export)."""
        settings = self.qsettings
        self.set_preset(SELECTED if self.ids else "this_week")
        if settings is None:
            return
        if settings.contains("export/format"):
            index = self.format_combo.findData(str(settings.value("export/format")))
            self.format_combo.setCurrentIndex(max(0, index))
        if settings.contains("export/front_matter"):
            self.front_matter_check.setChecked(
                str(settings.value("export/front_matter")).lower() in ("true", "1")
            )
        if settings.contains("export/preset") and not self.ids:
            index = self.range_combo.findData(str(settings.value("export/preset")))
            if index >= 0 and self.range_combo.itemData(index) != "custom":
                self.range_combo.setCurrentIndex(index)

    def remember_choices(self) -> None:
        """Keep the format, front matter and date preset for the next export."""
        if self.qsettings is None:
            return
        self.qsettings.setValue("export/format", self.format_key())
        self.qsettings.setValue("export/front_matter", self.front_matter_check.isChecked())
        if self.preset() != SELECTED:
            self.qsettings.setValue("export/preset", self.preset())

    # -- the request -----------------------------------------------------------------------

    def preset(self) -> str:
        index = self.range_combo.currentIndex()  # never ask currentData() of nothing (6.12)
        return str(self.range_combo.itemData(index)) if index >= 0 else "custom"

    def set_preset(self, preset: str) -> None:
        self.range_combo.setCurrentIndex(self.range_combo.findData(preset))

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        if self.preset() in ("all", SELECTED):
            return None, None
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]

    def set_dates(self, start: dt.date, end: dt.date) -> None:
        """Custom dates, as if typed."""
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def format_key(self) -> str:
        index = self.format_combo.currentIndex()
        return str(self.format_combo.itemData(index)) if index >= 0 else "markdown"

    def set_format(self, key: str) -> None:
        self.format_combo.setCurrentIndex(FORMAT_KEYS.index(key))

    def options(self) -> ExportOptions:
        return build_options(
            self.format_key(),
            ids=self.ids if self.preset() == SELECTED else (),
            days=self.date_range(),
            tags=self.tags_edit.text(),
            search=self.search_edit.text(),
            include_private=self.private_check.isChecked(),
            front_matter=self.front_matter_check.isChecked(),
            split=self.split_check.isChecked(),
            page_per_entry=self.page_check.isChecked(),
        )

    def _preset_changed(self, _index: int = 0) -> None:
        preset = self.preset()
        selected = preset == SELECTED
        span = self.span if selected else None
        if span is not None or preset not in ("custom", "all", SELECTED):
            start, end = span or preset_range(preset, self.today, self.week_start)
            assert start is not None and end is not None
            self._setting_range = True
            try:
                self.set_dates(start, end)
            finally:
                self._setting_range = False
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(preset not in ("all", SELECTED))
        for field in (self.tags_edit, self.search_edit):  # the selection is the choice
            field.setEnabled(not selected)
        self.selection_label.setVisible(selected)
        self.changed.emit()

    def _dates_edited(self) -> None:
        if self._setting_range:
            return
        if self.from_edit.date() > self.to_edit.date():  # keep the range the right way round
            sender = self.sender()
            other = self.to_edit if sender is self.from_edit else self.from_edit
            other.blockSignals(True)
            other.setDate(sender.date())  # type: ignore[attr-defined]
            other.blockSignals(False)
        if self.preset() != "custom":
            self.range_combo.blockSignals(True)
            self.range_combo.setCurrentIndex(self.range_combo.findData("custom"))
            self.range_combo.blockSignals(False)
        self.changed.emit()

    def _format_changed(self, _index: int = 0) -> None:
        key = self.format_key()
        markdown = key == "markdown"
        self.front_matter_check.setEnabled(markdown)
        self.split_check.setEnabled(markdown)
        self.page_check.setEnabled(key == "pdf")
        self.formatChanged.emit(key)
        self.changed.emit()
