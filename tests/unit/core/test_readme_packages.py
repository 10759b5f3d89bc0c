"""The README's apt-get line and what CI installs are one list (.ci/qt-packages), and that
list is enough for Qt's xcb plugin to load (issue 14.16)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def listed() -> list[str]:
    lines = (ROOT / ".ci" / "qt-packages").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def readme_apt_line() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [ln for ln in text.splitlines() if "apt-get install" in ln]
    assert len(lines) == 1, lines
    return lines[0].split("apt-get install", 1)[1].split()


def test_readme_names_exactly_the_ci_list() -> None:
    packages = listed()
    assert len(packages) == len(set(packages))
    assert sorted(set(readme_apt_line()) - {"python3-venv"}) == sorted(packages)


def test_ci_installs_the_list() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/qt-packages" in script
    assert re.search(r"apt-get install[^\n]*(\\\n[^\n]*)*\$QT_PKGS", script)


def test_the_list_has_what_the_xcb_plugin_needs() -> None:
    for package in (
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
        "libxcb-icccm4",
        "libxcb-image0",
        "libxcb-keysyms1",
        "libxcb-render-util0",
        "libxcb-shape0",
    ):
        assert package in listed()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_the_xcb_plugin_finds_every_library() -> None:
    """Where the list is installed (CI installs it on a fresh machine), nothing is missing."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if shutil.which("ldd") is None or not plugin.exists():
        pytest.skip("no ldd or no xcb plugin in this PySide6")
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    missing = [ln.strip() for ln in done.stdout.splitlines() if "not found" in ln]
    assert not missing, f"install the README's apt-get line: {missing}"
