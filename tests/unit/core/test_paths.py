"""Where the journal lives: the default folder, and telling it apart cheaply."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal.paths import AppPaths, default_home

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_the_platform_folder_is_the_default_and_others_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DAYBOOK_HOME")
    paths = AppPaths.resolve(env={})
    assert paths.home == default_home().absolute() and paths.is_default
    assert not AppPaths(tmp_path / "Daybook").is_default  # same name, another place
    assert not AppPaths(tmp_path / "work-journal").is_default


def test_a_folder_with_another_name_is_told_apart_without_platformdirs(tmp_path: Path) -> None:
    """The window's title asks before its first paint; importing platformdirs costs ~5 ms."""
    code = (
        "import sys\n"
        "from journal.paths import AppPaths\n"
        f"assert not AppPaths.resolve({str(tmp_path / 'work')!r}).is_default\n"
        "print('platformdirs' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
