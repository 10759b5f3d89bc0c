"""What Help > About shows: versions and where the journal lives, without loading Qt."""

from __future__ import annotations

import platform
import sqlite3
import sys
from importlib import metadata
from importlib.resources import files
from typing import TYPE_CHECKING

from journal import APP_NAME, __version__

if TYPE_CHECKING:
    from journal.paths import AppPaths

QT_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")
# The reverse-DNS id of the .desktop file, the AppStream metainfo and the icon (packaging/).
APP_ID = "io.github.daybook.Daybook"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def qt_version() -> str:
    """Qt's and PySide6's versions: read from the loaded modules when the GUI runs, else from
    the installed distribution (so `daybook` on the command line never loads Qt for this)."""
    pyside = sys.modules.get("PySide6")
    qtcore = sys.modules.get("PySide6.QtCore")
    if pyside is not None and qtcore is not None:
        return f"Qt {qtcore.qVersion()}, PySide6 {getattr(pyside, '__version__', '?')}"
    for name in QT_DISTRIBUTIONS:
        try:
            return f"PySide6 {metadata.version(name)} (not loaded)"
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def about_info(paths: AppPaths) -> dict[str, str]:
    """Label -> value, in display order: version, data folder, database, SQLite, Qt, Python."""
    return {
        "Version": f"{APP_NAME} {__version__}",
        "Data folder": str(paths.home),
        "Database": str(paths.database),
        "SQLite": sqlite3.sqlite_version,
        "Qt": qt_version(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "System": platform.platform(terse=True),
    }


def about_text(info: dict[str, str]) -> str:
    """The same facts as plain text, for a "Copy" button and bug reports."""
    return "\n".join(f"{label}: {value}" for label, value in info.items())


def icon_files() -> list[str]:
    """The app icon's PNG files, smallest first (for QIcon.addFile), from daybook_resources."""
    icons = files("daybook_resources").joinpath("icons", "hicolor")
    found = (icons.joinpath(f"{n}x{n}", "apps", f"{APP_ID}.png") for n in ICON_SIZES)
    return [str(p) for p in found if p.is_file()]
