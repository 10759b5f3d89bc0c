"""Translations: complete, in step with the code, looked up where lupdate filed them, and
installed at start in the language the user chose (or the desktop's).

The .ts files are checked as data (every message translated, placeholders kept), against
the code (lupdate finds nothing new; every tr() call's context and text are the .ts's
key) and against the .qm (what lrelease makes of them, byte for byte). Then the app is
started in German, English and "System" and looked at.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from tools import translations

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

ROOT = Path(__file__).resolve().parents[3]
TS_FILES = translations.ts_files()
GERMAN = translations.FOLDER / "daybook_de.ts"


def all_messages() -> list[tuple[str, tuple[str, str, str], ET.Element]]:
    return [
        (ts.name, key, message)
        for ts in TS_FILES
        for key, message in translations.messages(ts).items()
    ]


def translated_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_there_is_a_second_language_and_english_plurals() -> None:
    assert [ts.name for ts in TS_FILES] == ["daybook_de.ts", "daybook_en.ts"]
    assert len(translations.messages(GERMAN)) > 400


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path) -> None:
    """No unfinished, vanished or obsolete entry, no empty translation or plural form."""
    bad = []
    for key, message in translations.messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind is not None or not all(t.strip() for t in translated_texts(message)):
            bad.append((kind, key))
    assert bad == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_holds_exactly_the_strings_of_the_code(ts: Path) -> None:
    """lupdate would add nothing and drop nothing: run tools/translations.py if this fails."""
    missing, vanished = translations.stale(ts)
    assert missing == set()
    assert vanished == set()


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_qm_is_what_lrelease_makes_of_the_ts(ts: Path) -> None:
    assert translations.qm_is_current(ts)


_FIELD = re.compile(r"\{[^{}]*\}")  # str.format fields: {0}, {n}, {0:.1f}
_PERCENT = re.compile(r"%L?n|%\d+|%[A-Za-z]")  # Qt's %n and %1, strftime's %Y
_TAG = re.compile(r"</?\w+[^>]*>")
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def placeholders(text: str) -> dict[str, Any]:
    """What a translation must keep from its source: fields, % codes, markup, the number of
    mnemonics and line breaks, and the spaces at either end (texts are joined)."""
    return {
        "fields": Counter(_FIELD.findall(text)),
        "percent": Counter(_PERCENT.findall(text)),
        "markup": Counter(_TAG.findall(text)),
        "mnemonics": len(_MNEMONIC.findall(text.replace("&&", ""))),
        "lines": text.count("\n"),
        "lead": text[: len(text) - len(text.lstrip())],
        "trail": text[len(text.rstrip()) :],
    }


@pytest.mark.parametrize(
    ("ts_name", "key", "message"), all_messages(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_translations_keep_the_placeholders(
    ts_name: str, key: tuple[str, str, str], message: ET.Element
) -> None:
    expected = placeholders(key[1])
    for text in translated_texts(message):
        assert placeholders(text) == expected, (ts_name, key, text)
        if expected["fields"]:  # and it formats like its source
            names = [f.strip("{}").split(":")[0] for f in _FIELD.findall(key[1])]
            values = {n: 1 for n in names if not n.isdigit()}
            text.format(*[1] * (max([int(n) for n in names if n.isdigit()], default=-1) + 1),
                        **values)  # fmt: skip


def test_the_placeholder_check_catches_what_it_should() -> None:
    source = placeholders("Export &{0} to “{1}”…\n")
    assert placeholders("&{0} nach „{1}“ exportieren…\n") == source
    for wrong in (
        "&{0} nach „{2}“ exportieren…\n",  # a field renamed
        "{0} nach „{1}“ exportieren…\n",  # the mnemonic lost
        "&{0} nach „{1}“ &exportieren…\n",  # two mnemonics
        "&{0} nach „{1}“ exportieren…",  # the line break lost
        " &{0} nach „{1}“ exportieren…\n",  # a space added in front
        "&{0:.1f} nach „{1}“ exportieren…\n",  # a format spec added
    ):
        assert placeholders(wrong) != source, wrong
    assert placeholders("Words: %n") != placeholders("Wörter: %1")
    assert placeholders("e.g. %Y-%m-%d") != placeholders("z. B. %J-%m-%d")


# -- the code's tr() calls -------------------------------------------------------------------


def tr_calls(path: Path) -> list[tuple[int, tuple[str, str, str] | None, str]]:
    """(line, key as lupdate files it and the runtime looks it up, or None, why) of every
    tr()/translate() call in `path`. A key is None where the two would not agree."""
    found: list[tuple[int, tuple[str, str, str] | None, str]] = []

    def literal(node: ast.expr | None) -> str | None:
        if node is None:
            return ""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return None

    def visit(node: ast.AST, classes: list[str]) -> None:
        if isinstance(node, ast.ClassDef):
            classes = [*classes, node.name]
        if isinstance(node, ast.Call):
            func, args = node.func, node.args
            context: str | None = None
            text_arg: ast.expr | None = None
            comment_arg: ast.expr | None = None
            if isinstance(func, ast.Name) and func.id == "tr":
                context, text_arg = "", args[0] if args else None
                comment_arg = args[1] if len(args) > 1 else None
            elif isinstance(func, ast.Attribute) and func.attr == "tr":
                if isinstance(func.value, ast.Name) and func.value.id == "self" and classes:
                    context = classes[-1]
                else:
                    found.append((node.lineno, None, f"{ast.unparse(func)}(): use self.tr or tr"))
                text_arg = args[0] if args else None
                comment_arg = args[1] if len(args) > 1 else None
            elif (
                isinstance(func, ast.Attribute)
                and func.attr == "translate"
                and isinstance(func.value, ast.Name)
                and func.value.id == "QCoreApplication"
            ):
                context = literal(args[0]) if args else None
                text_arg = args[1] if len(args) > 1 else None
                comment_arg = args[2] if len(args) > 2 else None
                if context is None:
                    found.append((node.lineno, None, "translate() with a context not literal"))
            marked = isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"
            if marked:
                context, text_arg = literal(args[0]), args[1]
            if text_arg is not None and context is not None:
                text, comment = literal(text_arg), literal(comment_arg)
                if text is None or comment is None:
                    why = f"not a literal in {context!r}: {ast.unparse(node)}"
                    found.append((node.lineno, None, why))
                else:
                    found.append((node.lineno, (context, text, comment), "marked" * marked))
        for child in ast.iter_child_nodes(node):
            visit(child, classes)

    visit(ast.parse(path.read_text(encoding="utf-8")), [])
    return found


WRAPPER = ROOT / "journal" / "ui" / "common" / "wording.py"


def test_every_tr_call_is_looked_up_where_lupdate_filed_it() -> None:
    """A text marked for translation that the runtime looks up under another context than
    lupdate gave it (or that lupdate cannot read) silently stays English: every call is a
    literal, `self.tr` in a class or `tr` outside one, and its key is in the .ts."""
    keys = set(translations.messages(GERMAN))
    bad = []
    calls = 0
    for path in sorted((ROOT / "journal").rglob("*.py")):
        found = tr_calls(path)
        # tr(name) of a variable is fine in a context whose names are marked in the file
        # with QT_TRANSLATE_NOOP(context, "...") (tables kept in the Qt-free services)
        marked = {f"not a literal in {k[0]!r}:" for _, k, why in found if why == "marked" and k}
        for line, key, why in found:
            where = f"{path.relative_to(ROOT)}:{line}"
            if key is None:
                wrapper = path == WRAPPER and why.endswith("translate('', text)")
                if not (wrapper or any(why.startswith(m) for m in marked)):
                    bad.append(f"{where}: {why}")
            elif key not in keys:
                bad.append(f"{where}: {key} is not in {GERMAN.name}")
            else:
                calls += 1
    assert bad == []
    assert calls > 400


def test_the_import_formats_names_and_filters_are_marked() -> None:
    """They live in the services (no Qt there) and are tr()'d by the import dialog."""
    from journal.services.import_formats import IMPORT_FORMATS
    from journal.ui.dialogs.import_dialog import FORMAT_TEXTS

    shown = {t for f in IMPORT_FORMATS for t in (f.label, f.file_filter) if t}
    assert shown == set(FORMAT_TEXTS)
    assert {("", t, "") for t in shown} <= set(translations.messages(GERMAN))


def test_the_export_formats_names_are_marked() -> None:
    from journal.services.export_options import DIALOG_FORMATS
    from journal.ui.dialogs.export_form import FORMAT_NAMES

    assert {label for _key, label, *_ in DIALOG_FORMATS} == set(FORMAT_NAMES)
    keys = set(translations.messages(GERMAN))
    assert {("ExportForm", label, "") for label in FORMAT_NAMES} <= keys


def test_the_call_checker_finds_each_kind_of_mistake(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        textwrap.dedent(
            """
            def helper(window, label):
                window.tr("Via a variable")
                tr(label)
                QCoreApplication.translate(CONTEXT, "Context not literal")
                QCoreApplication.translate("Named", "Fine")
                tr("Fine too")

            class Pane:
                def build(self):
                    self.tr("In the class")
                    self.tr("\\N{LEFTWARDS ARROW} Back")
                    QT_TRANSLATE_NOOP("Pane", "Marked")
            """
        ),
        encoding="utf-8",
    )
    found = [(line, key) for line, key, _why in tr_calls(source)]
    assert found == [
        (3, None),
        (4, None),
        (5, None),
        (6, ("Named", "Fine", "")),
        (7, ("", "Fine too", "")),
        (11, ("Pane", "In the class", "")),
        (12, ("Pane", "← Back", "")),  # Python's escape, which lupdate does not read
        (13, ("Pane", "Marked", "")),
    ]
    assert ("Pane", "← Back", "") not in translations.messages(GERMAN)


# -- the app in German, in English and following the desktop --------------------------------


@pytest.fixture
def start_app(qapp: QApplication, paths: AppPaths, qsettings: Any, qtbot: QtBot) -> Any:
    """Start as `daybook gui` does (journal.app._application) with `language` in the
    settings and `system` as the desktop's locale; returns the main window's frame."""
    from journal.app import _application
    from journal.settings import Language, Settings
    from journal.ui.common import i18n
    from journal.ui.main.main_window import MainWindow

    def start(language: Language, system: str = "en_US") -> Any:
        Settings(language=language).save(paths.settings)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(i18n, "system_locale", lambda: QLocale(system))
            _application(paths, [])
        window = MainWindow(paths, qsettings)
        qtbot.addWidget(window)
        return window

    return start


def menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def cancel_text() -> str:
    """A standard Cancel button's text as Qt translates it (mnemonic or not, per platform)."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return str(buttons.button(QDialogButtonBox.StandardButton.Cancel).text()).replace("&", "")


def test_german_when_chosen(start_app: Any) -> None:
    window = start_app("de")
    assert menu_titles(window) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert window.statusBar().currentMessage() == "Ihr Journal wird geöffnet…"
    assert QLocale().toString(2048) == "2.048"


def test_german_when_the_desktop_is_german_and_the_setting_is_system(start_app: Any) -> None:
    window = start_app("system", system="de_DE")
    assert menu_titles(window)[0] == "&Datei"


def test_english_when_chosen_on_a_german_desktop(start_app: Any) -> None:
    window = start_app("en", system="de_DE")
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert QLocale().toString(2048) == "2,048"


def test_english_on_a_desktop_in_a_language_daybook_does_not_speak(start_app: Any) -> None:
    """French desktop: Daybook in English, and Qt's own buttons too (not half French)."""
    window = start_app("system", system="fr_FR")
    assert menu_titles(window)[0] == "&File"
    assert cancel_text() == "Cancel"


def test_qt_s_own_buttons_speak_german_too(start_app: Any) -> None:
    start_app("de")
    assert cancel_text() == "Abbrechen"


def test_a_german_desktop_is_read_from_the_environment(tmp_path: Path) -> None:
    """No stand-in: a real start with LANG=de_DE.UTF-8 in a process of its own."""
    script = textwrap.dedent(
        """
        from pathlib import Path
        import sys
        from journal.app import _application
        from journal.paths import AppPaths
        from journal.ui.main.main_window import MainWindow
        from PySide6.QtCore import QSettings

        paths = AppPaths(Path(sys.argv[1]))
        _application(paths, [])
        window = MainWindow(paths, QSettings(sys.argv[1] + "/w.ini", QSettings.Format.IniFormat))
        print(window.menuBar().actions()[0].text())
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="de_DE.UTF-8", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["&Datei"]


def test_the_setting_is_in_the_dialog_and_remembered(qtbot: QtBot) -> None:
    from journal.settings import Settings
    from journal.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(None, Settings(language="de"))
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["System", "English", "Deutsch"]
    assert combo.currentData() == "de"
    assert "next started" in dialog.language_note.text()
    combo.setCurrentIndex(combo.findData("system"))
    assert dialog.settings().language == "system"
    combo.setCurrentIndex(combo.findData("en"))
    assert dialog.settings() == Settings(language="en")


def test_dates_and_numbers_in_the_ui_follow_the_locale(start_app: Any) -> None:
    from journal.ui.common import wording
    from journal.ui.common.i18n import long_day, month_year, short_month, weekday

    day = dt.date(2026, 12, 3)
    assert (long_day(day), month_year(day), wording.entries(2048)) == (
        "Thursday, December 3, 2026",
        "December 2026",
        "2,048 entries",
    )
    start_app("de")
    assert long_day(day) == "Donnerstag, 3. Dezember 2026"
    assert month_year(day) == "Dezember 2026"
    assert weekday(day) == "Donnerstag"
    assert short_month(12) == "Dez"
    assert wording.entries(2048) == "2.048 Einträge"
    assert wording.entries(1) == "1 Eintrag"


def test_the_reader_and_timeline_speak_german(
    start_app: Any, journal: Journal, make_window: MakeWindow
) -> None:
    from tests.ui.conftest import add_entries

    start_app("de")
    add_entries(journal, 3)
    window = make_window(journal)
    window.panes.timeline.select_row(1)
    assert window.panes.reader.day_label.text().startswith("Freitag, 20. November 2026 · ")
    assert QCoreApplication.translate("", "Undo") == "Rückgängig"


@pytest.mark.parametrize("size", [(1280, 800), (900, 640)])
def test_a_german_screenshot_of_the_main_window(
    start_app: Any, journal: Journal, make_window: MakeWindow, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Nothing cut, wide or narrow: every button's, box's and one-line label's German text
    fits the width it was given."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    from tests.ui.conftest import add_entries

    start_app("de")
    add_entries(journal, 12)
    window = make_window(journal)
    window.resize(*size)
    window.panes.timeline.select_row(1)
    for _ in range(5):
        QCoreApplication.processEvents()
    assert window.grab().save(str(tmp_path / "main-de.png"))
    cut = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QComboBox):
        if not widget.isVisibleTo(window):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else widget.currentText()
        room = widget.width() - (8 if isinstance(widget, QAbstractButton) else 30)
        if widget.fontMetrics().horizontalAdvance(text.replace("&", "")) > room:
            cut.append(text)
    for label in window.findChildren(QLabel):
        text = label.text()
        plain = label.textFormat() == Qt.TextFormat.PlainText or "<" not in text
        shown = label.isVisibleTo(window) and not label.wordWrap() and text and plain
        if shown and label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width():
            cut.append(text)
    assert cut == []
