"""Start on login: the XDG autostart file for real; Windows and macOS with the platform injected."""

from __future__ import annotations

import os
import plistlib
import stat
import sys
from pathlib import Path

import pytest

from journal.services.autostart import (
    RUN_VALUE,
    autostart_enabled,
    desktop_entry_path,
    desktop_exec,
    launch_command,
    set_autostart,
)


@pytest.fixture
def config(isolated_home: Path) -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"])


def read_desktop(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


def unquote_exec(value: str) -> list[str]:
    r"""Undo Exec='s two layers as the Desktop Entry spec defines them: string escapes, then
    arguments split on spaces, double-quoted ones with backslash before " ` $ and \."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    plain, i = "", 0
    while i < len(value):
        if value[i] == "\\":
            plain += escapes[value[i + 1]]
            i += 2
        else:
            plain += value[i]
            i += 1
    args: list[str] = []
    i = 0
    while i < len(plain):
        if plain[i] == " ":
            i += 1
            continue
        arg = ""
        if plain[i] == '"':
            i += 1
            while plain[i] != '"':
                if plain[i] == "\\":
                    assert plain[i + 1] in '"`$\\'
                    i += 1
                arg += plain[i]
                i += 1
            i += 1
        else:
            while i < len(plain) and plain[i] != " ":
                arg += plain[i]
                i += 1
        args.append(arg.replace("%%", "%"))
    return args


# -- Linux / XDG -------------------------------------------------------------------------------


def test_enable_writes_the_autostart_entry(config: Path) -> None:
    assert not autostart_enabled(platform="linux")
    path = set_autostart(True, platform="linux", command=["/usr/bin/daybook", "gui", "--minimized"])
    assert path == config / "autostart" / "daybook.desktop"
    entry = read_desktop(path)
    assert entry["Exec"] == "/usr/bin/daybook gui --minimized"
    assert entry["Type"] == "Application" and entry["Name"] == "Daybook"
    assert "Hidden" not in entry
    assert autostart_enabled(platform="linux")
    assert [p.name for p in path.parent.iterdir()] == ["daybook.desktop"]  # no temporary left


def test_disable_removes_it_and_is_idempotent(config: Path) -> None:
    path = set_autostart(True, platform="linux", command=["daybook", "gui", "--minimized"])
    assert (
        set_autostart(
            False, platform="linux", env={**os.environ, "XDG_CONFIG_DIRS": "/nonexistent"}
        )
        == path
    )
    assert not Path(path).exists()
    assert not autostart_enabled(
        platform="linux", env={**os.environ, "XDG_CONFIG_DIRS": "/nonexistent"}
    )
    set_autostart(False, platform="linux", env={**os.environ, "XDG_CONFIG_DIRS": "/nonexistent"})


def test_disable_masks_an_entry_the_system_installs(tmp_path: Path, config: Path) -> None:
    system = tmp_path / "etc-xdg"
    (system / "autostart").mkdir(parents=True)
    (system / "autostart" / "daybook.desktop").write_text("[Desktop Entry]\nExec=daybook\n")
    env = {**os.environ, "XDG_CONFIG_DIRS": str(system)}
    assert autostart_enabled(platform="linux", env=env)
    path = set_autostart(False, platform="linux", env=env, command=["daybook"])
    assert read_desktop(Path(path))["Hidden"] == "true"
    assert not autostart_enabled(platform="linux", env=env)
    set_autostart(True, platform="linux", env=env, command=["daybook"])
    assert autostart_enabled(platform="linux", env=env)


def test_xdg_config_home_is_honoured_and_defaults_to_dot_config(tmp_path: Path) -> None:
    home = tmp_path / "h"
    assert desktop_entry_path({"HOME": str(home)}) == home / ".config/autostart/daybook.desktop"
    assert desktop_entry_path({"HOME": str(home), "XDG_CONFIG_HOME": "relative/ignored"}) == (
        home / ".config/autostart/daybook.desktop"
    )
    assert desktop_entry_path({"HOME": str(home), "XDG_CONFIG_HOME": "/cfg"}) == Path(
        "/cfg/autostart/daybook.desktop"
    )


def test_the_command_is_daybook_when_on_path_else_this_python(tmp_path: Path) -> None:
    assert launch_command("linux", which="/opt/bin/daybook") == [
        "/opt/bin/daybook",
        "gui",
        "--minimized",
    ]
    assert launch_command("linux", which="") == [
        sys.executable,
        "-m",
        "journal",
        "gui",
        "--minimized",
    ]


def test_the_real_lookup_finds_daybook_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "bin" / "daybook"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(script.parent))
    path = set_autostart(True, platform="linux")
    assert unquote_exec(read_desktop(Path(path))["Exec"]) == [str(script), "gui", "--minimized"]


@pytest.mark.parametrize(
    "argv",
    [
        ["/home/a b/venv/bin/python", "-m", "journal", "gui", "--minimized"],
        ['/we"ird/$HOME/`x`/back\\slash', "100%", "tab\there"],
        ["/plain/path", "new\nline"],
    ],
)
def test_exec_quoting_survives_awkward_paths(argv: list[str]) -> None:
    value = desktop_exec(argv)
    assert "\n" not in value
    assert unquote_exec(value) == argv


# -- Windows (a fake registry) and macOS (a plist under the test's HOME) ------------------------


class FakeRunKey:
    """The Windows registry's Run key, as a dictionary."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, command: str) -> None:
        self.values[name] = command

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_uses_the_run_key() -> None:
    key = FakeRunKey()
    assert not autostart_enabled(platform="win32", registry=key)
    where = set_autostart(
        True,
        platform="win32",
        registry=key,
        command=[r"C:\Program Files\Daybook\daybook.exe", "gui", "--minimized"],
    )
    assert where == r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run\Daybook"
    assert key.values == {RUN_VALUE: r'"C:\Program Files\Daybook\daybook.exe" gui --minimized'}
    assert autostart_enabled(platform="win32", registry=key)
    set_autostart(False, platform="win32", registry=key)
    set_autostart(False, platform="win32", registry=key)
    assert key.values == {} and not autostart_enabled(platform="win32", registry=key)


def test_windows_without_winreg_is_a_clear_error_elsewhere() -> None:
    if sys.platform == "win32":
        pytest.skip("the real registry is not touched by tests")
    from journal.errors import DaybookError

    with pytest.raises(DaybookError, match="only on Windows"):
        autostart_enabled(platform="win32")


def test_macos_writes_a_launch_agent(isolated_home: Path) -> None:
    home = Path(os.environ["HOME"])
    assert not autostart_enabled(platform="darwin")
    path = set_autostart(True, platform="darwin", command=["/Applications/Daybook.app/x", "gui"])
    assert path == home / "Library/LaunchAgents/org.daybook.Daybook.plist"
    data = plistlib.loads(Path(path).read_bytes())
    assert data == {
        "Label": "org.daybook.Daybook",
        "ProgramArguments": ["/Applications/Daybook.app/x", "gui"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert autostart_enabled(platform="darwin")
    set_autostart(False, platform="darwin")
    assert not Path(path).exists() and not autostart_enabled(platform="darwin")


def test_an_unwritable_autostart_folder_is_an_error_the_user_can_act_on(config: Path) -> None:
    from journal.errors import DaybookError

    config.mkdir(parents=True, exist_ok=True)
    (config / "autostart").write_text("a file where the folder should be")  # fails for root too
    with pytest.raises(DaybookError, match=r"cannot write .*daybook\.desktop"):
        set_autostart(True, platform="linux", command=["daybook"])


# -- which journal, and only with consent (issues 14.18 and 15.5) ------------------------------

LASTING = Path("/srv/journals/ana work")  # never created: only named in the entry


def test_the_entry_starts_the_chosen_journal_with_the_installed_icon(config: Path) -> None:
    path = set_autostart(True, platform="linux", home=LASTING)
    fields = read_desktop(Path(path))
    argv = unquote_exec(fields["Exec"])
    assert argv[-4:] == ["--home", str(LASTING), "gui", "--minimized"]
    assert fields["Icon"] == "io.github.daybook.Daybook"
    assert autostart_enabled(platform="linux", home=LASTING)
    assert not autostart_enabled(platform="linux")  # not the default journal
    assert not autostart_enabled(platform="linux", home=Path("/srv/journals/other"))


def test_the_icon_is_one_the_package_installs() -> None:
    from journal.services.autostart import ICON

    root = Path(__file__).resolve().parents[3]
    desktop = (root / "packaging" / "io.github.daybook.Daybook.desktop").read_text()
    assert f"Icon={ICON}" in desktop
    assert list((root / "resources" / "icons" / "hicolor").glob(f"*/apps/{ICON}.png"))


def test_the_default_journal_gets_no_home_argument(config: Path) -> None:
    path = set_autostart(True, platform="linux")
    argv = unquote_exec(read_desktop(Path(path))["Exec"])
    assert "--home" not in argv and argv[-2:] == ["gui", "--minimized"]
    assert autostart_enabled(platform="linux")
    assert not autostart_enabled(platform="linux", home=LASTING)


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_a_temporary_journal_is_never_started_on_login(
    config: Path, tmp_path: Path, platform: str
) -> None:
    import tempfile

    from journal.errors import DaybookError

    key = FakeRunKey() if platform == "win32" else None
    for home in (tmp_path / "journal", Path(tempfile.gettempdir()) / "x" / "y", Path("/tmp")):
        with pytest.raises(DaybookError, match="temporary folder"):
            set_autostart(True, platform=platform, home=home, registry=key)
    assert not list(config.rglob("*.desktop"))
    assert not (Path(os.environ["HOME"]) / "Library").exists()
    assert key is None or key.values == {}
    set_autostart(False, platform=platform, home=tmp_path, registry=key)  # off is always fine


@pytest.mark.parametrize("home", [None, LASTING])
def test_each_platform_tells_which_journal_it_starts(config: Path, home: Path | None) -> None:
    key = FakeRunKey()
    set_autostart(True, platform="win32", registry=key, home=home)
    assert autostart_enabled(platform="win32", registry=key, home=home)
    other = None if home is not None else LASTING
    assert not autostart_enabled(platform="win32", registry=key, home=other)
    set_autostart(True, platform="darwin", home=home)
    assert autostart_enabled(platform="darwin", home=home)
    assert not autostart_enabled(platform="darwin", home=other)
