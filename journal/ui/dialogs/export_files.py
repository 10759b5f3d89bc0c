"""Where an export goes: the clipboard (Copy) and the file and folder pickers (Save).

The clipboard keeps a QMimeData made in Python only until the app quits (PySide6 6.12
crashes at exit otherwise); the pickers and the overwrite question are plain functions the
export dialog's classmethods call, so tests replace those classmethods.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from journal.ui.common.errors import message_box
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

_GUARD = QByteArray(b"daybookClipboardGuard")
_FOLDER_KEY = "export/folder"


def put_on_clipboard(mime: QMimeData) -> None:
    """Give the clipboard `mime`, and make sure quitting later does not crash on it.

    PySide6 6.12 crashes at exit when the clipboard still holds a QMimeData made in Python
    (its wrapper is torn down after the interpreter). Just before quitting, the clipboard
    gets the same text in a QMimeData that Qt makes itself.
    """
    QGuiApplication.clipboard().setMimeData(mime)
    app = QCoreApplication.instance()
    if app is not None and _GUARD not in app.dynamicPropertyNames():
        app.setProperty("daybookClipboardGuard", True)
        app.aboutToQuit.connect(release_clipboard)


def release_clipboard() -> None:
    """Swap a QMimeData made in Python on the clipboard for plain text made by Qt."""
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat("text/markdown"):
        clipboard.setText(clipboard.text())


def ask_save_path(parent: QWidget, suggested: Path, fmt: str) -> Path | None:
    """Ask for a file to write. No overwrite question here: the dialog asks its own, so it
    can keep the old file on Cancel."""
    filters = {
        "markdown": tr("Markdown (*.md *.markdown)"),
        "html": tr("HTML page (*.html *.htm)"),
        "pdf": tr("PDF document (*.pdf)"),
    }
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        tr("Export to File"),
        str(suggested),
        filters.get(fmt, "") + ";;" + tr("All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def ask_folder(parent: QWidget, start: Path) -> Path | None:
    """Ask for the folder of a one-file-per-entry export."""
    name = QFileDialog.getExistingDirectory(parent, tr("Export into Folder"), str(start))
    return Path(name) if name else None


def ask_overwrite(parent: QWidget, paths: Sequence[Path]) -> bool:
    """Ask before replacing existing files."""
    box, replace = overwrite_box(parent, paths)
    box.exec()
    return box.clickedButton() is replace


def overwrite_box(parent: QWidget, paths: Sequence[Path]) -> tuple[QMessageBox, QAbstractButton]:
    """The question before existing files are replaced, and its button that replaces them."""
    if len(paths) == 1:
        text = tr("“{0}” already exists. Replace it?").format(paths[0].name)
    else:
        text = tr("{0} files already exist in “{1}”. Replace them?").format(
            len(paths), str(paths[0].parent)
        )
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        tr("Replace File?") if len(paths) == 1 else tr("Replace Files?"),
        text,
        tr("The old contents will be lost."),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, replace


def last_folder(qsettings: QSettings | None) -> Path:
    """The folder of the last export (while it exists), else Documents, else home."""
    if qsettings is not None and qsettings.contains(_FOLDER_KEY):
        folder = Path(str(qsettings.value(_FOLDER_KEY)))
        if folder.is_dir():
            return folder
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def remember_folder(qsettings: QSettings | None, folder: Path) -> None:
    if qsettings is not None:
        qsettings.setValue(_FOLDER_KEY, str(folder))


__all__ = [
    "ask_folder",
    "ask_overwrite",
    "ask_save_path",
    "last_folder",
    "overwrite_box",
    "put_on_clipboard",
    "release_clipboard",
    "remember_folder",
]
