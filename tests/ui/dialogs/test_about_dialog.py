"""Help > About: version, data folder, database, SQLite; Open Data Folder and Copy."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from journal import __version__
from journal.ui.dialogs.about_dialog import AboutDialog

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths


@pytest.fixture
def clipboard(qapp: QApplication) -> Iterator[Any]:
    """The clipboard, emptied afterwards (PySide6 6.12 can crash at exit while it holds
    Python-made data)."""
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


@pytest.fixture
def dialog(qtbot: QtBot, paths: AppPaths) -> AboutDialog:
    paths.ensure()
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    return dialog


def rows(dialog: AboutDialog) -> dict[str, str]:
    """What the form shows: label text -> value text."""
    form = dialog.form
    shown = {}
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        assert label_item is not None and field_item is not None
        label, field = label_item.widget(), field_item.widget()
        assert isinstance(label, QLabel) and isinstance(field, QLabel)
        shown[label.text().rstrip(":")] = field.text()
    return shown


def test_rows_show_version_folder_database_and_sqlite(dialog: AboutDialog, paths: AppPaths) -> None:
    shown = rows(dialog)
    assert __version__ in shown["Version"]
    assert shown["Data folder"] == str(paths.home)
    assert shown["Database"] == str(paths.database)
    assert shown["SQLite"] == sqlite3.sqlite_version
    assert "PySide6" in shown["Qt"]


def test_values_are_selectable_and_named(dialog: AboutDialog) -> None:
    for key, field in dialog.value_labels.items():
        assert field.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        assert field.accessibleName() == key
        assert field.textFormat() == Qt.TextFormat.PlainText
    for button in (dialog.open_button, dialog.copy_button, dialog.close_button):
        assert button.accessibleName()
    assert not dialog.icon_label.pixmap().isNull()


def test_open_data_folder_opens_the_folder(
    qtbot: QtBot, dialog: AboutDialog, paths: AppPaths, opened_links: list[str]
) -> None:
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened_links == [QUrl.fromLocalFile(str(paths.home)).toString()]


def test_a_folder_that_cannot_be_opened_is_reported(
    qtbot: QtBot,
    dialog: AboutDialog,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
) -> None:
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "data folder" in str(errors[0])


def test_copy_puts_the_details_on_the_clipboard(
    qtbot: QtBot, dialog: AboutDialog, paths: AppPaths, clipboard: Any
) -> None:
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = clipboard.text()
    assert text == dialog.text()
    assert f"Data folder: {paths.home}" in text.splitlines()
    assert f"SQLite: {sqlite3.sqlite_version}" in text.splitlines()
    assert dialog.copy_button.text() == "Copied"


def test_close_closes(qtbot: QtBot, dialog: AboutDialog) -> None:
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_show_about_opens_without_blocking(qtbot: QtBot, paths: AppPaths) -> None:
    paths.ensure()
    parent = QWidget()
    qtbot.addWidget(parent)
    AboutDialog.show_about(parent, paths)  # returns at once: open(), not exec()
    shown = parent.findChild(AboutDialog)
    assert shown is not None
    qtbot.waitExposed(shown)
    assert shown.isVisible() and shown.isModal()
    with qtbot.waitSignal(shown.destroyed, timeout=2000):
        shown.close()
