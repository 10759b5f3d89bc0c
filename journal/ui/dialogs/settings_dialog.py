"""The Settings dialog: Appearance (theme, fonts, language) and Reminders (the prompt).

Open it with `SettingsDialog.get_settings(parent, settings)`, which returns the new settings
or None when cancelled (tests stub that classmethod). The dialog never saves settings: the
caller saves and applies what comes back. The one exception is "Start on login", which is
not a setting but an entry on disk (see `journal.services.autostart`): it is written when
the dialog is accepted, and an error keeps the dialog open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.prompts import BUILTIN_SETS, QuestionSet, available_sets, find_set
from journal.domain.schedule import Schedule, format_clock
from journal.errors import DaybookError
from journal.services import autostart
from journal.settings import THEMES, Settings
from journal.ui.common.i18n import LANGUAGE_NAMES
from journal.ui.common.theme import editor_font, interface_font
from journal.ui.dialogs.security_tab import SecurityActions, SecurityTab

if TYPE_CHECKING:
    from pathlib import Path

BUILTIN_NAMES = {s.name.casefold() for s in BUILTIN_SETS}


class SettingsDialog(QDialog):
    """Edits a copy of Settings; `settings()` gives the result, keeping unknown sections."""

    def __init__(
        self,
        parent: QWidget | None,
        settings: Settings,
        home: Path | None = None,
        security: SecurityActions | None = None,
    ) -> None:
        """`home` is the open journal's folder (None: the default one), for start on login;
        `security`: what Settings > Security does to the open journal (no tab without)."""
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

        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("System"), "system")
        for code, name in LANGUAGE_NAMES.items():  # each in its own language
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.language_note = QLabel(self.tr("Takes effect when Daybook is next started."), self)
        self.language_note.setWordWrap(True)
        self.language_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.font_default = QCheckBox(self.tr("Use the desktop &font"), self)
        self.font_default.setAccessibleName(self.tr("Use the desktop font"))
        self.font_combo = QFontComboBox(self)
        self.font_combo.setAccessibleName(self.tr("Interface font"))
        self._init_font(
            self.font_default, self.font_combo, settings.font_family, interface_font(settings)
        )

        self.editor_default = QCheckBox(self.tr("Use the desktop's te&xt font"), self)
        self.editor_default.setAccessibleName(self.tr("Use the desktop's text font"))
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

        self.spell_combo, self.spell_note = self._spelling(settings.spell_language)

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
            (self.tr("&Language:"), self.language_combo, self.language_combo),
            (self.tr("S&pelling:"), self.spell_combo, self.spell_combo),
        ):
            label = QLabel(text, appearance)
            label.setBuddy(field)
            form.addRow(label, shown)
        form.addRow("", self.language_note)
        form.addRow("", self.spell_note)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.tabs.addTab(appearance, self.tr("Appearance"))
        self.reminders = RemindersTab(settings, self, home)
        self.tabs.addTab(self.reminders, self.tr("Reminders"))
        if security is not None:
            self.tabs.addTab(SecurityTab(security, self), self.tr("Security"))

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

    def _spelling(self, chosen: str) -> tuple[QComboBox, QLabel]:
        """The Spelling choice: the system's language, off, or an installed dictionary; and
        a note saying why spelling cannot work, when it cannot."""
        from journal.services.spelling import available_languages, choose_language, diagnose
        from journal.ui.editor.spelling import problem_text

        languages = available_languages()
        combo = QComboBox(self)
        combo.setAccessibleName(self.tr("Spell checking language"))
        system = choose_language("", languages)
        combo.addItem(
            self.tr("System language ({0})").format(system)
            if system
            else self.tr("System language"),
            "",
        )
        combo.addItem(self.tr("Off"), "off")
        for tag in languages:
            combo.addItem(QLocale(tag).nativeLanguageName() + f" ({tag})", tag)
        index = combo.findData(chosen)
        if index < 0:  # a dictionary since removed: say so, keep the choice
            combo.addItem(self.tr("{0} (not installed)").format(chosen), chosen)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        note = QLabel(self)
        note.setAccessibleName(self.tr("Spell checking note"))
        note.setWordWrap(True)

        def explain(_index: int = 0) -> None:
            problem = problem_text(diagnose(str(combo.currentData())))
            note.setText(problem)
            note.setVisible(bool(problem))

        explain()
        combo.currentIndexChanged.connect(explain)
        return combo, note

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
            language=self.language_combo.currentData(),
            font_family=""
            if self.font_default.isChecked()
            else self.font_combo.currentFont().family(),
            editor_font_family=(
                "" if self.editor_default.isChecked() else self.editor_combo.currentFont().family()
            ),
            font_size=self.size_spin.value(),
            spell_language=str(self.spell_combo.currentData()),
            reminder_times=self.reminders.reminder_times(),
            day_boundary=self.reminders.day_boundary(),
            question_set=self.reminders.question_set_name(),
            custom_question_sets=[s.to_dict() for s in self.reminders.custom_sets],
            open_prompt_at_reminder=self.reminders.open_prompt_check.isChecked(),
            extra=dict(self._original.extra),
        )

    def accept(self) -> None:
        """Write the start-on-login entry if it changed; on failure say why and stay open."""
        try:
            self.reminders.apply_autostart()
        except DaybookError as exc:
            from journal.ui.common.errors import ErrorDialog

            ErrorDialog.show_error(self, exc)
            return
        super().accept()

    @classmethod
    def get_settings(
        cls,
        parent: QWidget | None,
        settings: Settings,
        home: Path | None = None,
        security: SecurityActions | None = None,
    ) -> Settings | None:
        """Show the dialog modally; the edited settings, or None when cancelled."""
        dialog = cls(parent, settings, home, security)
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


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class RemindersTab(QWidget):
    """Reminder time per weekday (or none), day boundary, question set, start on login."""

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, home: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.home = home  # the journal start on login opens (None: the default one)
        try:
            schedule = Schedule.from_strings(settings.reminder_times, settings.day_boundary)
        except ValueError:
            schedule = Schedule()
        self.custom_sets: list[QuestionSet] = []
        for raw in settings.custom_question_sets:
            try:
                self.custom_sets.append(QuestionSet.from_dict(raw))
            except ValueError:
                continue

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.day_checks: list[QCheckBox] = []
        self.day_times: list[QTimeEdit] = []
        locale = QLocale()
        for i, value in enumerate(schedule.times):
            name = locale.dayName(i + 1, QLocale.FormatType.LongFormat)
            check = QCheckBox(name, self)
            check.setAccessibleName(self.tr("Remind on {day}").format(day=name))
            edit = QTimeEdit(self)
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(self.tr("Reminder time on {day}").format(day=name))
            edit.setTime(_qtime(value or dt.time(17, 30)))
            check.setChecked(value is not None)
            edit.setEnabled(value is not None)
            check.toggled.connect(edit.setEnabled)
            grid.addWidget(check, i % 7, 0)
            grid.addWidget(edit, i % 7, 1)
            self.day_checks.append(check)
            self.day_times.append(edit)
        grid.setColumnStretch(2, 1)

        self.boundary_edit = QTimeEdit(self)
        self.boundary_edit.setDisplayFormat("HH:mm")
        self.boundary_edit.setAccessibleName(self.tr("Day boundary"))
        self.boundary_edit.setTime(_qtime(schedule.boundary))
        self.boundary_edit.setToolTip(
            self.tr("Writing before this time counts for the day before (a late night)")
        )

        self.set_combo = QComboBox(self)
        self.set_combo.setAccessibleName(self.tr("Question set"))
        self.set_preview = QLabel(self)
        self.set_preview.setAccessibleName(self.tr("The questions of the set"))
        self.set_preview.setWordWrap(True)
        self.set_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.set_preview.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.edit_set_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_set_button.setAccessibleName(self.tr("Edit the question set"))
        self.new_set_button = QPushButton(self.tr("&New…"), self)
        self.new_set_button.setAccessibleName(self.tr("New question set"))
        self.delete_set_button = QPushButton(self.tr("&Delete"), self)
        self.delete_set_button.setAccessibleName(self.tr("Delete or reset the question set"))
        set_buttons = QHBoxLayout()
        set_buttons.addWidget(self.edit_set_button)
        set_buttons.addWidget(self.new_set_button)
        set_buttons.addWidget(self.delete_set_button)
        set_buttons.addStretch(1)
        self._fill_sets(find_set(settings.question_set, self.custom_sets).name)
        self.set_combo.currentIndexChanged.connect(self._set_chosen)
        self.edit_set_button.clicked.connect(self.edit_set)
        self.new_set_button.clicked.connect(self.new_set)
        self.delete_set_button.clicked.connect(self.delete_set)

        self.autostart_check = QCheckBox(self.tr("&Start Daybook when I log in"), self)
        self.autostart_check.setAccessibleName(self.tr("Start Daybook when I log in"))
        try:
            self._autostart_was = autostart.autostart_enabled(home=home)
        except DaybookError:
            self._autostart_was = False
        self.autostart_check.setChecked(self._autostart_was)
        if home is not None and autostart.is_temporary(home):
            self.autostart_check.setEnabled(self._autostart_was)  # can still be turned off
            self.autostart_check.setToolTip(
                self.tr("This journal is in a temporary folder: it is not started on login")
            )
        else:
            self.autostart_check.setToolTip(
                self.tr(
                    "Opens this journal in the tray when you log in, so the end-of-day "
                    "reminder can come; without it, reminders come only while Daybook runs"
                )
            )

        self.open_prompt_check = QCheckBox(self.tr("Open the questions at reminder &time"), self)
        self.open_prompt_check.setAccessibleName(self.tr("Open the questions at reminder time"))
        self.open_prompt_check.setChecked(settings.open_prompt_at_reminder)
        self.open_prompt_check.setToolTip(
            self.tr(
                "The questions' window appears with the notification, without taking the "
                "keyboard from what you are typing in"
            )
        )

        form = QFormLayout(self)
        days_label = QLabel(self.tr("Remind me:"), self)
        form.addRow(days_label, grid)
        boundary_label = QLabel(self.tr("Day ends &at:"), self)
        boundary_label.setBuddy(self.boundary_edit)
        form.addRow(boundary_label, self.boundary_edit)
        set_label = QLabel(self.tr("&Questions:"), self)
        set_label.setBuddy(self.set_combo)
        form.addRow(set_label, self.set_combo)
        form.addRow("", self.set_preview)
        form.addRow("", set_buttons)
        form.addRow("", self.open_prompt_check)
        form.addRow("", self.autostart_check)

    # -- values ----------------------------------------------------------------------------

    def reminder_times(self) -> list[str]:
        return [
            format_clock(_pytime(edit.time())) if check.isChecked() else ""
            for check, edit in zip(self.day_checks, self.day_times, strict=True)
        ]

    def day_boundary(self) -> str:
        return format_clock(_pytime(self.boundary_edit.time()))

    def question_set_name(self) -> str:
        return str(self.set_combo.currentData())

    def current_set(self) -> QuestionSet:
        return find_set(self.question_set_name(), self.custom_sets)

    def apply_autostart(self) -> None:
        """Write or remove the start-on-login entry if the box changed."""
        wanted = self.autostart_check.isChecked()
        if wanted != self._autostart_was:
            autostart.set_autostart(wanted, home=self.home)
            self._autostart_was = wanted

    # -- question sets ---------------------------------------------------------------------

    def _fill_sets(self, chosen: str) -> None:
        self.set_combo.blockSignals(True)
        try:
            self.set_combo.clear()
            for question_set in available_sets(self.custom_sets):
                self.set_combo.addItem(question_set.name, question_set.name)
            index = self.set_combo.findData(chosen)
            self.set_combo.setCurrentIndex(max(0, index))
        finally:
            self.set_combo.blockSignals(False)
        self._set_chosen()

    def _is_custom(self, name: str) -> bool:
        return any(s.name.casefold() == name.casefold() for s in self.custom_sets)

    def _set_chosen(self, _index: int = 0) -> None:
        current = self.current_set()
        self.set_preview.setText(
            "\n".join(f"• {q}" for q in current.questions) or self.tr("A blank page, no questions")
        )
        custom = self._is_custom(current.name)
        builtin = current.name.casefold() in BUILTIN_NAMES
        self.delete_set_button.setEnabled(custom)
        self.delete_set_button.setText(self.tr("&Reset") if builtin else self.tr("&Delete"))

    def _store(self, question_set: QuestionSet, replacing: str | None) -> None:
        drop = {question_set.name.casefold()}
        if replacing:
            drop.add(replacing.casefold())
        self.custom_sets = [s for s in self.custom_sets if s.name.casefold() not in drop]
        self.custom_sets.append(question_set)
        self._fill_sets(question_set.name)

    def edit_set(self) -> None:
        current = self.current_set()
        taken = [s.name for s in available_sets(self.custom_sets) if s.name != current.name]
        edited = QuestionSetDialog.get_set(self, current, taken)
        if edited is not None:
            builtin = current.name.casefold() in BUILTIN_NAMES
            self._store(edited, None if builtin else current.name)

    def new_set(self) -> None:
        taken = [s.name for s in available_sets(self.custom_sets)]
        made = QuestionSetDialog.get_set(self, None, taken)
        if made is not None:
            self._store(made, None)

    def delete_set(self) -> None:
        name = self.current_set().name
        self.custom_sets = [s for s in self.custom_sets if s.name.casefold() != name.casefold()]
        self._fill_sets(name)  # a reset built-in set stays chosen; a deleted one falls back


class QuestionSetDialog(QDialog):
    """A name and one question per line. `get_set` returns the set or None (tests stub it)."""

    def __init__(
        self, parent: QWidget | None, initial: QuestionSet | None, taken: list[str]
    ) -> None:
        super().__init__(parent)
        self._taken = {t.casefold() for t in taken}
        self.result_set: QuestionSet | None = None
        self.setWindowTitle(self.tr("Question Set"))
        self.setAccessibleName(self.tr("Question set"))
        self.name_edit = QLineEdit(initial.name if initial else "", self)
        self.name_edit.setAccessibleName(self.tr("Name of the set"))
        if initial is not None and initial.name.casefold() in BUILTIN_NAMES:
            self.name_edit.setReadOnly(True)  # an edited built-in set keeps its name
            self.name_edit.setToolTip(self.tr("Built-in sets keep their name; Reset undoes edits"))
        self.questions_edit = QPlainTextEdit(self)
        self.questions_edit.setAccessibleName(self.tr("Questions, one a line"))
        self.questions_edit.setTabChangesFocus(True)
        self.questions_edit.setPlaceholderText(
            self.tr("One question a line; none for a blank page")
        )
        self.questions_edit.setPlainText("\n".join(initial.questions) if initial else "")
        self.error_label = QLabel(self)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setWordWrap(True)
        self.error_label.setForegroundRole(QPalette.ColorRole.BrightText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        questions_label = QLabel(self.tr("&Questions:"), self)
        questions_label.setBuddy(self.questions_edit)
        form.addRow(questions_label, self.questions_edit)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.resize(480, 300)

    def build(self) -> QuestionSet:
        """The set as typed; ValueError says what is wrong."""
        lines = [" ".join(line.split()) for line in self.questions_edit.toPlainText().splitlines()]
        question_set = QuestionSet(self.name_edit.text(), tuple(q for q in lines if q))
        if question_set.name.casefold() in self._taken:
            raise ValueError(f"there is already a set called {question_set.name!r}")
        return question_set

    def accept(self) -> None:
        try:
            self.result_set = self.build()
        except ValueError as exc:
            self.error_label.setText(str(exc)[:1].upper() + str(exc)[1:])
            return
        super().accept()

    @classmethod
    def get_set(
        cls, parent: QWidget | None, initial: QuestionSet | None, taken: list[str]
    ) -> QuestionSet | None:
        dialog = cls(parent, initial, taken)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_set
            return None
        finally:
            dialog.deleteLater()
