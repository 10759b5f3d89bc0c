"""A real X11 desktop for end-to-end tests: Xvfb, a D-Bus session, openbox, a notification
service (the recording server beside this file, or dunst) and, if asked, trayer's tray.

Everything started here is stopped at the end, by its own process. Waiting is on events (a
display number written by Xvfb, a "ready" line, a property appearing): `wait_for` checks a
condition until a deadline and never sleeps a fixed time to let something happen.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

HERE = Path(__file__).parent
SCREEN = (1280, 800)
REQUIRED_ENV = "DAYBOOK_E2E_REQUIRED"  # "1" in CI: a missing tool fails instead of skipping
BASE_TOOLS = ("Xvfb", "dbus-launch", "openbox", "xdotool", "xprop", "xwininfo", "xmessage")
T = TypeVar("T")


def require_tools(*tools: str) -> None:
    """Skip (or fail, where DAYBOOK_E2E_REQUIRED=1) when a tool of the stack is missing."""
    missing = [tool for tool in (*BASE_TOOLS, *tools) if shutil.which(tool) is None]
    if not missing:
        return
    reason = "desktop stack incomplete, missing: " + ", ".join(missing)
    if os.environ.get(REQUIRED_ENV) == "1":
        pytest.fail(reason + f" ({REQUIRED_ENV}=1)")
    pytest.skip(reason)


def wait_for(condition: Callable[[], T | None], what: str, timeout: float = 90.0) -> T:
    """`condition()`'s first true value; fails naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Desktop:
    """The processes of one test desktop under `root`, and the environment to reach them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.processes: list[subprocess.Popen[Any]] = []
        runtime = root / "runtime"
        runtime.mkdir(mode=0o700, parents=True)
        (root / "home").mkdir()
        self.env = {
            **os.environ,
            "HOME": str(root / "home"),
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_CONFIG_HOME": str(root / "home" / ".config"),
            "XDG_CACHE_HOME": str(root / "home" / ".cache"),
        }
        for key in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            self.env.pop(key, None)
        self.recorder: subprocess.Popen[str] | None = None
        self.log = root / "notifications.jsonl"

    def start(self, *args: str, **kwargs: Any) -> subprocess.Popen[Any]:
        process = subprocess.Popen(list(args), env=self.env, **kwargs)
        self.processes.append(process)
        return process

    def run(self, *args: str) -> str:
        return subprocess.run(
            list(args), env=self.env, capture_output=True, text=True, timeout=30, check=False
        ).stdout

    def start_x(self) -> None:
        read, write = os.pipe()
        width, height = SCREEN
        self.start(
            "Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
            "-nolisten", "tcp", pass_fds=(write,), stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        assert number, "Xvfb did not start"
        self.env["DISPLAY"] = f":{number}"
        out = self.run("dbus-launch", "--sh-syntax")
        for line in out.splitlines():
            if "=" in line and line.startswith("DBUS_SESSION_BUS_"):
                key, value = line.rstrip(";").split("=", 1)
                self.env[key] = value.strip("'")
        assert "DBUS_SESSION_BUS_ADDRESS" in self.env, out

    def start_openbox(self, attempts: int = 3) -> None:
        """openbox managing the screen. On a loaded machine it has been seen to exit at
        start without managing anything: it is then started again (its errors are kept in
        openbox.log for the failure message)."""
        log = Path(self.env["HOME"]) / "openbox.log"

        def managed() -> bool:
            return "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")

        for _ in range(attempts):
            with log.open("a") as errors:
                openbox = self.start("openbox", "--sm-disable", stderr=errors)
            with contextlib.suppress(AssertionError):
                wait_for(lambda: managed() or openbox.poll() is not None, "openbox", 45)  # noqa: B023
            if managed():
                return
            if openbox.poll() is None:  # alive but managing nothing: start it afresh
                openbox.kill()
                openbox.wait()
        raise AssertionError(f"openbox did not manage the screen: {log.read_text()[-500:]}")

    def start_recorder(self, actions: bool = True) -> None:
        args = [sys.executable, str(HERE / "notification_server.py"), str(self.log)]
        self.recorder = self.start(
            *args, *([] if actions else ["--no-actions"]),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.recorder.stdout is not None
        assert self.recorder.stdout.readline().strip() == "ready"

    def start_dunst(self) -> None:
        self.start("dunst", stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        wait_for(lambda: self.name_owned("org.freedesktop.Notifications"), "dunst on the bus")

    def name_owned(self, name: str) -> bool:
        out = self.run(
            "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}",
        )  # fmt: skip
        return "boolean true" in out

    def start_tray(self) -> None:
        self.start(
            "trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
            "--height", "24", "--SetDockType", "true", "--SetPartialStrut", "true",
            stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: self.run("xdotool", "search", "--onlyvisible", "--class", "trayer"),
                 "trayer's window")  # fmt: skip

    def notifications(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]

    def invoke(self, number: int, key: str) -> None:
        assert self.recorder is not None and self.recorder.stdin is not None
        self.recorder.stdin.write(f"invoke {number} {key}\n")
        self.recorder.stdin.flush()

    def typing_window(self) -> int:
        """A window that has the keyboard, as an editor the user types in would."""
        self.start("xmessage", "-title", "typing-here", "The user is typing here",
                   stderr=subprocess.DEVNULL)  # fmt: skip
        found = wait_for(
            lambda: self.run("xdotool", "search", "--onlyvisible", "--name", "typing-here").split(),
            "the typing window",
        )
        wid = int(found[0])
        self.run("xdotool", "windowactivate", "--sync", str(wid))
        wait_for(lambda: self.active_window() == wid, "the typing window to take focus")
        return wid

    def active_window(self) -> int | None:
        out = self.run("xdotool", "getactivewindow").strip()
        return int(out) if out.isdigit() else None

    def window_state(self, wid: int) -> str:
        return self.run("xprop", "-id", str(wid), "_NET_WM_STATE")

    def frame_rect(self, wid: int) -> tuple[int, int, int, int]:
        """The window's rectangle with its decoration, in root coordinates."""
        shell = dict(
            line.split("=", 1)
            for line in self.run("xdotool", "getwindowgeometry", "--shell", str(wid)).split()
        )
        x, y, w, h = (int(shell[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
        extents = self.run("xprop", "-id", str(wid), "_NET_FRAME_EXTENTS")
        left = right = top = bottom = 0
        if "=" in extents:
            left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
        return x - left, y - top, w + left + right, h + top + bottom

    def workarea(self) -> tuple[int, int, int, int]:
        out = self.run("xprop", "-root", "_NET_WORKAREA")
        if "=" not in out:
            return (0, 0, *SCREEN)
        x, y, w, h = (int(v) for v in out.split("=")[1].split(",")[:4])
        return x, y, w, h

    def screenshot(self, name: str) -> Path | None:
        if shutil.which("import") is None:
            return None
        folder = Path(os.environ.get("DAYBOOK_E2E_SHOTS", self.root))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        self.run("import", "-window", "root", str(path))
        return path

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    with suppress(OSError):
                        stream.close()
        pid = self.env.get("DBUS_SESSION_BUS_PID")
        if pid and pid.isdigit():
            with suppress(OSError):
                os.kill(int(pid), 15)


class Driver:
    """The app (tests/e2e/desk_driver.py) in its own process on the desktop."""

    def __init__(self, desktop: Desktop, home: Path, before: float, tray: bool) -> None:
        root = str(HERE.parent.parent)  # the checkout under test, whatever is installed
        path = desktop.env.get("PYTHONPATH")
        desktop.env["PYTHONPATH"] = root + (os.pathsep + path if path else "")
        self.process = desktop.start(
            sys.executable, str(HERE / "desk_driver.py"), str(home), str(before),
            "--tray" if tray else "--no-tray",
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=str(HERE.parent.parent),
        )  # fmt: skip
        assert self.process.stdout is not None
        out: IO[str] = self.process.stdout
        self.lines: queue.Queue[str] = queue.Queue()
        self.backlog: list[dict[str, Any]] = []

        def read_lines() -> None:
            for line in out:
                self.lines.put(line)
            self.lines.put("")  # the end of the output

        threading.Thread(target=read_lines, daemon=True).start()

    def next_event(self, kind: str, timeout: float = 60.0, **match: Any) -> dict[str, Any]:
        """The first event of `kind` matching `match`, the ones passed over kept for later
        waits (on a loaded machine the reminder may come before "ready")."""

        def fits(event: dict[str, Any]) -> bool:
            return event.get("event") == kind and all(event.get(k) == v for k, v in match.items())

        for number, event in enumerate(self.backlog):
            if fits(event):
                del self.backlog[: number + 1]
                return event
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"timed out waiting for {kind} {match}") from None
            if not line:
                raise AssertionError(f"the app ended before {kind} {match}")
            received: dict[str, Any] = json.loads(line)
            if received.get("event") == "error":
                raise AssertionError(received["message"])
            if fits(received):
                return received
            self.backlog.append(received)

    def forget(self) -> None:
        """Drop the events passed over so far (before waiting for what comes next)."""
        self.backlog.clear()

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.next_event("answer")


@contextmanager
def desktop(root: Path) -> Iterator[Desktop]:
    stack = Desktop(root)
    try:
        yield stack
    finally:
        stack.stop()
