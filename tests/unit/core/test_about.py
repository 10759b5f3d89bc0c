"""Help > About's facts: versions and paths, gathered without loading Qt."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from journal import __version__
from journal.about import ICON_SIZES, about_info, about_text, icon_files
from journal.paths import AppPaths


def test_about_info_lists_version_paths_and_sqlite(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "journal")
    info = about_info(paths)
    assert list(info) == ["Version", "Data folder", "Database", "SQLite", "Qt", "Python", "System"]
    assert info["Version"] == f"Daybook {__version__}"
    assert info["Data folder"] == str(tmp_path / "journal")
    assert info["Database"] == str(tmp_path / "journal" / "journal.sqlite3")
    assert info["SQLite"] == sqlite3.sqlite_version
    assert info["Python"].startswith(f"{sys.version_info.major}.{sys.version_info.minor}.")
    assert all(isinstance(v, str) and v for v in info.values())
    assert not (tmp_path / "journal").exists()  # reading the facts creates nothing


def test_about_text_is_one_line_per_fact(tmp_path: Path) -> None:
    info = about_info(AppPaths.resolve(tmp_path))
    lines = about_text(info).splitlines()
    assert len(lines) == len(info)
    assert lines[0] == f"Version: Daybook {__version__}"


def test_qt_version_comes_from_the_loaded_modules_when_the_gui_runs(tmp_path: Path) -> None:
    code = (
        "from PySide6 import QtCore\n"
        "from journal.about import about_info\n"
        "from journal.paths import AppPaths\n"
        f"qt = about_info(AppPaths.resolve({str(tmp_path)!r}))['Qt']\n"
        "assert qt.startswith(f'Qt {QtCore.qVersion()}, PySide6 '), qt\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_about_info_does_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from journal.about import about_info\n"
        "from journal.paths import AppPaths\n"
        f"info = about_info(AppPaths.resolve({str(tmp_path)!r}))\n"
        "assert 'not loaded' in info['Qt'], info['Qt']\n"
        "print(','.join(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_icon_files_are_every_size_of_the_app_icon() -> None:
    paths = [Path(p) for p in icon_files()]
    assert [p.parent.parent.name for p in paths] == [f"{n}x{n}" for n in ICON_SIZES]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in paths)
