"""The Settings dialog round trip and the theme it drives (palette, fonts, System fallback)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QStyle, QStyleOptionButton

from journal.services.drafts import DraftStore
from journal.services.journal import Journal
from journal.settings import Settings
from journal.ui.common.theme import OutlinedStyle, apply_theme, contrast
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.editor.editor import EntryEditor

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.settings import Theme

SERIF = "DejaVu Serif"


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[QApplication]:
    """apply_theme changes the whole application: put palette and font back afterwards."""
    palette, font = QPalette(qapp.palette()), QFont(qapp.font())
    style = qapp.style().name()
    yield qapp
    if qapp.style().name() != style or isinstance(qapp.style(), OutlinedStyle):
        qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("daybookEditorFont", None)


def _lightness(app: QApplication, role: QPalette.ColorRole) -> float:
    return app.palette().color(role).lightnessF()


def test_dialog_shows_the_settings(qtbot: QtBot) -> None:
    dialog = SettingsDialog(None, Settings(theme="dark", font_size=14, font_family=SERIF))
    qtbot.addWidget(dialog)
    assert dialog.theme_combo.currentData() == "dark"
    assert dialog.size_spin.value() == 14
    assert not dialog.font_default.isChecked()
    assert dialog.font_combo.isEnabled()
    assert dialog.font_combo.currentFont().family() == SERIF
    assert dialog.editor_default.isChecked()
    assert not dialog.editor_combo.isEnabled()


def test_dialog_returns_edited_settings_and_keeps_the_rest(qtbot: QtBot) -> None:
    original = Settings(autosave_seconds=3.0, extra={"reminder": {"time": "17:30"}})
    dialog = SettingsDialog(None, original)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.font_default.setChecked(False)
    dialog.font_combo.setCurrentFont(QFont(SERIF))
    dialog.size_spin.setValue(16)
    result = dialog.settings()
    assert (result.theme, result.font_family, result.font_size) == ("light", SERIF, 16)
    assert result.editor_font_family == ""
    assert result.autosave_seconds == 3.0
    assert result.extra == {"reminder": {"time": "17:30"}}
    assert original == Settings(autosave_seconds=3.0, extra={"reminder": {"time": "17:30"}})


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = SettingsDialog(None, Settings())
    qtbot.addWidget(dialog)
    for widget in (
        dialog.theme_combo,
        dialog.font_default,
        dialog.font_combo,
        dialog.editor_default,
        dialog.editor_combo,
        dialog.size_spin,
        dialog.tabs,
    ):
        assert widget.accessibleName(), widget


def _answer_dialog(action: Callable[[SettingsDialog], None]) -> None:
    """Act on the modal dialog once its event loop runs."""

    def act() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SettingsDialog) and w.isVisible()
        ]
        assert len(dialogs) == 1
        action(dialogs[0])

    QTimer.singleShot(0, act)


def test_get_settings_round_trip_through_the_file(qtbot: QtBot, paths: AppPaths) -> None:
    def choose(dialog: SettingsDialog) -> None:
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
        dialog.size_spin.setValue(13)
        dialog.editor_default.setChecked(False)
        dialog.editor_combo.setCurrentFont(QFont(SERIF))
        dialog.accept()

    _answer_dialog(choose)
    result = SettingsDialog.get_settings(None, Settings.load(paths.settings))
    assert result is not None
    result.save(paths.settings)
    loaded = Settings.load(paths.settings)
    assert (loaded.theme, loaded.font_size, loaded.editor_font_family) == ("dark", 13, SERIF)


def test_get_settings_cancelled_is_none(qtbot: QtBot) -> None:
    def cancel(dialog: SettingsDialog) -> None:
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
        dialog.reject()

    _answer_dialog(cancel)
    assert SettingsDialog.get_settings(None, Settings()) is None


def test_light_and_dark_palettes(app_state: QApplication) -> None:
    role = QPalette.ColorRole
    apply_theme(app_state, Settings(theme="dark"))
    assert _lightness(app_state, role.Window) < 0.3
    assert _lightness(app_state, role.Text) > 0.7
    apply_theme(app_state, Settings(theme="light"))
    assert _lightness(app_state, role.Window) > 0.7
    assert _lightness(app_state, role.Text) < 0.3


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_an_unchecked_box_can_be_seen_in_either_theme(
    qtbot: QtBot, app_state: QApplication, theme: Theme, kind: type[QCheckBox | QRadioButton]
) -> None:
    """The edge of an unchecked check box or radio button stands 3:1 against the window
    (WCAG's non-text contrast); Fusion's own edge on the dark palette stood about 1.2:1."""
    app_state.setStyle("Fusion")
    apply_theme(app_state, Settings(theme=theme))
    button = kind("Include private blocks")
    qtbot.addWidget(button)
    button.show()
    image = button.grab().toImage()
    window = app_state.palette().color(QPalette.ColorRole.Window)
    indicator = button.style().subElementRect(
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator,
        _option(button),
        button,
    )
    ratio = image.devicePixelRatio()
    best = max(
        contrast(image.pixelColor(int(x * ratio), int(y * ratio)), window)
        for x in range(indicator.left(), indicator.right() + 1)
        for y in range(indicator.top(), indicator.bottom() + 1)
    )
    assert best >= 3.0


def _option(button: QCheckBox | QRadioButton) -> QStyleOptionButton:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return option


def test_system_theme_falls_back_to_light_when_qt_cannot_tell(app_state: QApplication) -> None:
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    apply_theme(app_state, Settings(theme="system"))
    dark = _lightness(app_state, QPalette.ColorRole.Window) < 0.5
    assert dark == (scheme == Qt.ColorScheme.Dark)


def test_fonts_follow_the_settings(
    app_state: QApplication, qtbot: QtBot, journal: Journal, paths: AppPaths
) -> None:
    editor = EntryEditor(journal, DraftStore(paths.drafts))
    qtbot.addWidget(editor)
    apply_theme(app_state, Settings(font_family=SERIF, font_size=15, editor_font_family=SERIF))
    assert app_state.font().family() == SERIF
    assert app_state.font().pointSize() == 15
    assert editor.body_edit.font().family() == SERIF  # an editor that already existed
    assert editor.body_edit.font().pointSize() == 15
    apply_theme(app_state, Settings(font_size=9))
    later = EntryEditor(journal, DraftStore(paths.drafts))
    qtbot.addWidget(later)
    assert later.body_edit.font().pointSize() == 9  # and one made afterwards
    assert later.body_edit.font().family() != SERIF  # the desktop's own font again


# -- the Reminders tab -----------------------------------------------------------------------


def test_reminders_tab_shows_the_settings(qtbot: QtBot) -> None:
    settings = Settings(
        reminder_times=["", "18:00", "17:30", "17:30", "16:00", "", "10:15"],
        day_boundary="04:00",
        question_set="One line",
    )
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    tab = dialog.reminders
    assert [c.isChecked() for c in tab.day_checks] == [False, True, True, True, True, False, True]
    assert not tab.day_times[0].isEnabled()
    assert tab.day_times[6].time().toString("HH:mm") == "10:15"
    assert tab.boundary_edit.time().toString("HH:mm") == "04:00"
    assert tab.set_combo.currentText() == "One line"
    assert "What did I get done?" in tab.set_preview.text()
    assert not tab.autostart_check.isChecked()
    for widget in (*tab.day_checks, *tab.day_times, tab.boundary_edit, tab.set_combo):
        assert widget.accessibleName(), widget


def test_reminders_round_trip_through_the_file(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch, isolated_home: Any
) -> None:
    from PySide6.QtCore import QTime

    from journal.domain.prompts import QuestionSet
    from journal.services import autostart
    from journal.services.prompt import PromptService
    from journal.ui.dialogs.settings_dialog import QuestionSetDialog

    made = QuestionSet("Retro", ("What went well?", "What would I change?"))
    monkeypatch.setattr(QuestionSetDialog, "get_set", classmethod(lambda *_a: made))

    def choose(dialog: SettingsDialog) -> None:
        tab = dialog.reminders
        tab.day_checks[0].setChecked(False)  # no reminder on Mondays
        tab.day_checks[5].setChecked(True)  # one on Saturdays at 10:00
        tab.day_times[5].setTime(QTime(10, 0))
        tab.day_times[4].setTime(QTime(15, 45))
        tab.boundary_edit.setTime(QTime(4, 30))
        tab.new_set_button.click()  # the stubbed editor makes "Retro", which gets chosen
        tab.autostart_check.setChecked(True)
        dialog.accept()

    _answer_dialog(choose)
    result = SettingsDialog.get_settings(None, Settings.load(paths.settings))
    assert result is not None
    result.save(paths.settings)
    loaded = Settings.load(paths.settings)
    assert loaded.reminder_times == ["", "17:30", "17:30", "17:30", "15:45", "10:00", ""]
    assert loaded.day_boundary == "04:30"
    assert loaded.question_set == "Retro"
    assert loaded.custom_question_sets == [made.to_dict()]
    assert autostart.autostart_enabled()
    assert autostart.desktop_entry_path(dict(os.environ)).is_file()

    journal = Journal.open(paths)
    try:
        service = PromptService(journal, loaded)
        assert service.question_set().questions == made.questions
    finally:
        journal.close()

    def turn_off(dialog: SettingsDialog) -> None:
        assert dialog.reminders.autostart_check.isChecked()
        assert dialog.reminders.set_combo.currentText() == "Retro"
        dialog.reminders.autostart_check.setChecked(False)
        dialog.accept()

    _answer_dialog(turn_off)
    assert SettingsDialog.get_settings(None, loaded) is not None
    assert not autostart.autostart_enabled()


def test_editing_a_builtin_set_keeps_its_name_and_reset_undoes_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.domain.prompts import DEFAULT_SET, QuestionSet
    from journal.ui.dialogs.settings_dialog import QuestionSetDialog

    edited = QuestionSet(DEFAULT_SET.name, ("What did I ship?",))
    monkeypatch.setattr(QuestionSetDialog, "get_set", classmethod(lambda *_a: edited))
    dialog = SettingsDialog(None, Settings())
    qtbot.addWidget(dialog)
    tab = dialog.reminders
    assert not tab.delete_set_button.isEnabled()  # nothing to reset yet
    tab.edit_set_button.click()
    result = dialog.settings()
    assert result.question_set == DEFAULT_SET.name
    assert result.custom_question_sets == [edited.to_dict()]
    assert tab.delete_set_button.isEnabled()
    assert tab.delete_set_button.text().replace("&", "") == "Reset"
    tab.delete_set_button.click()
    assert dialog.settings().custom_question_sets == []
    assert "What did I work on?" in tab.set_preview.text()


def test_question_set_editor_refuses_bad_sets(qtbot: QtBot) -> None:
    from journal.ui.dialogs.settings_dialog import QuestionSetDialog

    dialog = QuestionSetDialog(None, None, ["One line"])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("one LINE")
    dialog.questions_edit.setPlainText("Why?\n\n  What   next? \n")
    dialog.accept()
    assert dialog.result_set is None
    assert "already" in dialog.error_label.text()
    dialog.name_edit.setText("Two")
    dialog.questions_edit.setPlainText("Why?\nwhy?")
    dialog.accept()
    assert "twice" in dialog.error_label.text()
    dialog.questions_edit.setPlainText("Why?\n\n  What   next? \n")
    dialog.accept()
    assert dialog.result_set is not None
    assert dialog.result_set.questions == ("Why?", "What next?")


def test_autostart_failure_keeps_the_dialog_open(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, errors: list[BaseException]
) -> None:
    from journal.errors import DaybookError
    from journal.services import autostart

    def refuse(_enabled: bool, **_kw: object) -> None:
        raise DaybookError("cannot write the autostart entry", "check the folder")

    monkeypatch.setattr(autostart, "set_autostart", refuse)
    dialog = SettingsDialog(None, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reminders.autostart_check.setChecked(True)
    dialog.accept()
    assert dialog.isVisible()
    assert [str(e) for e in errors] == [
        str(DaybookError("cannot write the autostart entry", "check the folder"))
    ]


def test_start_on_login_is_off_until_turned_on_and_names_this_journal(qtbot: QtBot) -> None:
    from journal.services import autostart

    home = Path("/srv/journals/ana")  # a lasting folder (only named in the entry)
    dialog = SettingsDialog(None, Settings(), home)
    qtbot.addWidget(dialog)
    check = dialog.reminders.autostart_check
    assert check.text().replace("&", "") == "Start Daybook when I log in"
    assert check.isEnabled() and not check.isChecked()
    check.setChecked(True)
    dialog.accept()
    assert autostart.autostart_enabled(home=home)
    text = autostart.desktop_entry_path(dict(os.environ)).read_text()
    assert f"--home {home}" in text and "Icon=io.github.daybook.Daybook" in text
    # Another journal's dialog does not show it as on for itself.
    other = SettingsDialog(None, Settings(), Path("/srv/journals/other"))
    qtbot.addWidget(other)
    assert not other.reminders.autostart_check.isChecked()


def test_a_temporary_journal_cannot_turn_on_start_on_login(qtbot: QtBot, tmp_path: Path) -> None:
    from journal.services import autostart

    dialog = SettingsDialog(None, Settings(), tmp_path / "journal")
    qtbot.addWidget(dialog)
    check = dialog.reminders.autostart_check
    assert not check.isEnabled() and "temporary" in check.toolTip()
    dialog.accept()
    assert not autostart.desktop_entry_path(dict(os.environ)).exists()


@pytest.mark.parametrize("start", [True, False])
def test_open_the_questions_at_reminder_time(qtbot: QtBot, paths: AppPaths, start: bool) -> None:
    assert Settings().open_prompt_at_reminder  # on by default
    dialog = SettingsDialog(None, Settings(open_prompt_at_reminder=start))
    qtbot.addWidget(dialog)
    check = dialog.reminders.open_prompt_check
    assert check.isChecked() is start
    check.setChecked(not start)
    chosen = dialog.settings()
    assert chosen.open_prompt_at_reminder is (not start)
    chosen.save(paths.settings)
    assert Settings.load(paths.settings).open_prompt_at_reminder is (not start)


def test_a_bad_open_the_questions_value_in_the_file_is_the_default(paths: AppPaths) -> None:
    paths.settings.parent.mkdir(parents=True, exist_ok=True)
    paths.settings.write_text('{"open_prompt_at_reminder": "no"}', encoding="utf-8")
    assert Settings.load(paths.settings).open_prompt_at_reminder is True
