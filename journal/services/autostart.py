r"""Start on login: one setting, three mechanisms behind `set_autostart` / `autostart_enabled`.

- Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/daybook.desktop` (default
  `~/.config`). Turning it off removes that file; if the system also installs one (in
  `$XDG_CONFIG_DIRS/autostart`, default `/etc/xdg`), a user file with `Hidden=true` masks it.
- Windows: the value "Daybook" under `HKCU\Software\Microsoft\Windows\CurrentVersion\Run`.
- macOS: the LaunchAgent `~/Library/LaunchAgents/org.daybook.Daybook.plist` (RunAtLoad).

The state on disk (or in the registry) is the only truth: there is no settings field to
drift from it. Nothing turns it on but the user (Settings > Reminders, "Start Daybook when I
log in", off until then); the dialog shows `autostart_enabled(home=...)` and calls
`set_autostart`. The command started is `daybook [--home DIR] gui --minimized`: `--home`
names the journal the user turned it on for, unless that is the default one; a journal in
the system's temporary folder is never started on login. `daybook` is the absolute path when
it is on PATH (a login session's PATH may lack ~/.local/bin), else this interpreter's
`python -m journal`. The platform, environment and registry are injectable so every branch
is testable anywhere.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from journal.errors import DaybookError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

APP_ID = "daybook"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON = "io.github.daybook.Daybook"  # the icon name the package installs (packaging/)
HOME_KEY = "X-Daybook-Home"  # which journal the autostart entry opens (absent: the default)
LAUNCH_AGENT_LABEL = "org.daybook.Daybook"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Daybook"
ARGS = ("gui", "--minimized")


class RunKey(Protocol):
    """The few operations on HKCU's Run key that autostart needs (winreg, or a fake)."""

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, command: str) -> None: ...
    def delete(self, name: str) -> None: ...


def is_temporary(home: Path) -> bool:
    """Whether `home` lies in the system's temporary folder (a throwaway journal)."""
    folders = {tempfile.gettempdir()} | ({"/tmp", "/var/tmp"} if os.name == "posix" else set())
    where = Path(os.path.realpath(home))
    for folder in folders:
        base = Path(os.path.realpath(folder))
        if where == base or base in where.parents:
            return True
    return False


def launch_command(
    platform: str | None = None, which: str | None = None, home: Path | None = None
) -> list[str]:
    """The command line that starts Daybook minimized on the journal in `home` (None: the
    default one): `daybook` if on PATH, else `-m journal`.

    `which` is the found `daybook` (looked up when None; "" for not found).
    """
    platform = platform or sys.platform
    found = shutil.which(APP_ID) if which is None else which
    args = (*(("--home", str(home)) if home is not None else ()), *ARGS)
    if found:
        return [found, *args]
    python = sys.executable
    if platform == "win32":  # pythonw.exe starts without a console window
        windowless = Path(python).with_name("pythonw.exe")
        if windowless.exists():
            python = str(windowless)
    return [python, "-m", "journal", *args]


def set_autostart(
    enabled: bool,
    *,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    registry: RunKey | None = None,
    command: Sequence[str] | None = None,
    home: Path | None = None,
) -> Path | str:
    """Make Daybook start on login with the journal in `home` (None: the default one), or
    stop it; returns the file (or registry value) changed. A journal in the temporary
    folder is refused: it would be gone, or another one, at the next login."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if enabled and home is not None and is_temporary(home):
        raise DaybookError(
            f"the journal in {home} is in the temporary folder, so it is not started on login",
            "use a journal in a lasting folder (--home) to start Daybook on login",
        )
    argv = list(command) if command is not None else launch_command(platform, home=home)
    if platform == "win32":
        key = registry or _winreg_run_key()
        if enabled:
            key.set(RUN_VALUE, subprocess.list2cmdline(argv))
        else:
            key.delete(RUN_VALUE)
        return f"HKCU\\{RUN_KEY}\\{RUN_VALUE}"
    if platform == "darwin":
        path = launch_agent_path(env)
        if enabled:
            data = {
                "Label": LAUNCH_AGENT_LABEL,
                "ProgramArguments": argv,
                "RunAtLoad": True,
                "ProcessType": "Interactive",
            }
            _write(path, plistlib.dumps(data))
        else:
            _remove(path)
        return path
    path = desktop_entry_path(env)
    if enabled:
        _write(path, desktop_entry(argv, home=home).encode("utf-8"))
    elif any(p.is_file() for p in _system_entries(env)):
        _write(path, desktop_entry(argv, hidden=True).encode("utf-8"))
    else:
        _remove(path)
    return path


def autostart_enabled(
    *,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    registry: RunKey | None = None,
    home: Path | None = None,
) -> bool:
    """Whether Daybook starts on login with the journal in `home` (None: the default one)."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if platform == "win32":
        command = (registry or _winreg_run_key()).get(RUN_VALUE)
        return bool(command) and _names_home(str(command), home)
    if platform == "darwin":
        path = launch_agent_path(env)
        if not path.is_file():
            return False
        try:
            argv = plistlib.loads(path.read_bytes()).get("ProgramArguments", [])
        except (OSError, ValueError, AttributeError):
            return False
        return _home_arg(list(argv)) == (str(home) if home is not None else None)
    user = desktop_entry_path(env)
    if user.is_file():
        return not _is_hidden(user) and _entry_home(user) == (
            str(home) if home is not None else None
        )
    return home is None and any(p.is_file() and not _is_hidden(p) for p in _system_entries(env))


def _home_arg(argv: Sequence[str]) -> str | None:
    """The value after `--home` in `argv`, or None."""
    for i, arg in enumerate(argv[:-1]):
        if arg == "--home":
            return str(argv[i + 1])
    return None


def _names_home(command: str, home: Path | None) -> bool:
    """Whether a Windows command line starts the journal in `home` (None: the default)."""
    if home is None:
        return "--home" not in command
    return f"{subprocess.list2cmdline(['--home', str(home)])} " in command


def _entry_home(path: Path) -> str | None:
    """The journal folder a .desktop autostart entry names (None: the default one)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == HOME_KEY:
            return value.strip()
    return None


def desktop_entry_path(env: Mapping[str, str]) -> Path:
    """Where the user's autostart entry goes, per the XDG base directory spec."""
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if os.path.isabs(config) else _home(env) / ".config"
    return base / "autostart" / DESKTOP_FILE


def launch_agent_path(env: Mapping[str, str]) -> Path:
    return _home(env) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def desktop_entry(argv: Sequence[str], hidden: bool = False, home: Path | None = None) -> str:
    """The autostart .desktop file for `argv` (quoted as the Desktop Entry spec asks);
    `home` is recorded so the Settings dialog can tell which journal it starts."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Daybook",
        "Comment=End-of-day work reflections",
        f"Exec={desktop_exec(argv)}",
        f"Icon={ICON}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    if home is not None:
        lines.append(f"{HOME_KEY}={home}")
    if hidden:
        lines.append("Hidden=true")
    return "\n".join(lines) + "\n"


def desktop_exec(argv: Sequence[str]) -> str:
    """An Exec= value: arguments quoted where needed, then escaped as a string value."""
    quoted = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if arg and not any(c in arg for c in " \t\r\n\"'\\><~|&;$*?#()`"):
            quoted.append(arg)
        else:
            inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
            quoted.append(f'"{inner}"')
    value = " ".join(quoted).replace("\\", "\\\\")
    return value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME", "")
    return Path(home) if home else Path.home()


def _system_entries(env: Mapping[str, str]) -> list[Path]:
    dirs = env.get("XDG_CONFIG_DIRS", "") or "/etc/xdg"
    return [Path(d) / "autostart" / DESKTOP_FILE for d in dirs.split(":") if os.path.isabs(d)]


def _is_hidden(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    flags = {line.strip().replace(" ", "") for line in text.splitlines()}
    return "Hidden=true" in flags or "X-GNOME-Autostart-enabled=false" in flags


def _write(path: Path, data: bytes) -> None:
    """Write atomically; an OSError becomes an error the user can act on."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DaybookError(
            f"cannot write {path}: {exc.strerror}", "check that folder's permissions"
        ) from exc


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise DaybookError(
            f"cannot remove {path}: {exc.strerror}", "remove it by hand to stop starting on login"
        ) from exc


def _winreg_run_key() -> RunKey:
    """HKCU's Run key through winreg (Windows only)."""
    if sys.platform != "win32":
        raise DaybookError("the Windows registry exists only on Windows", "")
    import winreg

    class _WinRunKey:
        def get(self, name: str) -> str | None:
            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, name)
            except OSError:
                return None
            return str(value)

        def set(self, name: str, command: str) -> None:
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, command)

        def delete(self, name: str) -> None:
            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass

    return _WinRunKey()
