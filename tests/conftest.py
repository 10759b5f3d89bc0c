"""Every test runs with its own home, config and data folders; the real ones stay untouched."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.storage.store import JournalStore

os.environ["QT_QPA_PLATFORM"] = "offscreen"

# PySide6 6.12 on Python 3.11 drops references to None (see journal.app): without the
# guard a long UI test run ends in "Fatal Python error: none_dealloc".
from journal.ui.common.refcount import guard_none_refcount

guard_none_refcount()

# Computed before any test changes the environment: the folder a careless test could hit.
REAL_DATA = Path(platformdirs.user_data_path("Daybook", appauthor=False, roaming=True))
REAL_CONFIG = Path(platformdirs.user_config_path("Daybook", appauthor=False, roaming=True))


def _state(path: Path) -> tuple[bool, float]:
    return (path.exists(), path.stat().st_mtime if path.exists() else 0.0)


_BEFORE = {p: _state(p) for p in (REAL_DATA, REAL_CONFIG)}
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME, the XDG folders and DAYBOOK_HOME at a fresh temporary folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    data = tmp_path / "daybook"
    monkeypatch.setenv("DAYBOOK_HOME", str(data))
    for var in ("VISUAL", "EDITOR", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    return data


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The guard: fail the run if any test touched the real Daybook folders."""
    touched = [str(p) for p, before in _BEFORE.items() if _state(p) != before]
    if touched:
        print(f"\nA test wrote to the real user folders: {touched}")
        session.exitstatus = 1


@pytest.fixture
def paths(isolated_home: Path) -> AppPaths:
    from journal.paths import AppPaths

    return AppPaths(isolated_home)


@pytest.fixture
def store(paths: AppPaths) -> Iterator[JournalStore]:
    from journal.storage.store import JournalStore

    s = JournalStore.open(paths)
    yield s
    s.close()


@pytest.fixture
def journal(paths: AppPaths) -> Iterator[Journal]:
    from journal.services.journal import Journal

    j = Journal.open(paths)
    yield j
    j.close()
