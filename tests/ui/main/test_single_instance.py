"""One GUI per journal: the lock, stale locks after a crash, and "bring the window forward"."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest

from journal.paths import AppPaths
from journal.ui.main.single_instance import LOCK_NAME, SingleInstance, bring_forward, server_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

OUTPUT_TIMEOUT = 30.0  # seconds to wait for a child's next line; never reached when it works

# A Daybook-like process: holds the journal's instance lock, prints "ready", and then either
# runs an event loop until asked to activate (prints "activated") or blocks on stdin. With
# "late" it starts listening only a second after taking the lock, as the app does once its
# window is painted.
CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from journal.ui.common.refcount import guard_none_refcount
from journal.paths import AppPaths
from journal.ui.main.single_instance import SingleInstance

guard_none_refcount()
app = QCoreApplication([])
instance = SingleInstance()
if not instance.acquire(AppPaths(Path(sys.argv[1])), listen=sys.argv[2] != "late"):
    print("busy", flush=True)
    sys.exit(3)
if sys.argv[2] == "late":
    QTimer.singleShot(1000, instance.listen)
if sys.argv[2] == "block":
    print("ready", flush=True)
    sys.stdin.read()  # until killed
    sys.exit(0)

def activated():
    print("activated", flush=True)
    app.quit()

instance.activationRequested.connect(activated)
QTimer.singleShot(60_000, app.quit)  # never outlive a broken test
print("ready", flush=True)
app.exec()
instance.release()
"""


class Child:
    """A child process whose stdout lines are read with a timeout (no sleeps)."""

    def __init__(self, home: Path, mode: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(home), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def next_line(self) -> str | None:
        try:
            return self.lines.get(timeout=OUTPUT_TIMEOUT)
        except queue.Empty:
            return "<timeout>"

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read() if self.proc.poll() is not None else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=OUTPUT_TIMEOUT)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def instances(qapp: QApplication) -> Iterator[Callable[[], SingleInstance]]:
    """SingleInstance objects, all released at the end."""
    made: list[SingleInstance] = []

    def make() -> SingleInstance:
        made.append(SingleInstance())
        return made[-1]

    yield make
    for instance in made:
        instance.release()


@pytest.fixture
def children() -> Iterator[Callable[[Path, str], Child]]:
    started: list[Child] = []

    def start(home: Path, mode: str) -> Child:
        started.append(Child(home, mode))
        return started[-1]

    yield start
    for child in started:
        child.stop()


def test_second_instance_on_the_same_folder_activates_the_first(
    qtbot: QtBot, paths: AppPaths, instances: Callable[[], SingleInstance]
) -> None:
    first, second = instances(), instances()
    assert first.acquire(paths)
    assert (paths.home / LOCK_NAME).is_file()

    assert not second.acquire(paths)
    assert second.holder is not None and second.holder[0] == os.getpid()
    with qtbot.waitSignal(first.activationRequested, timeout=5000):
        assert SingleInstance.notify_running(paths)


def test_each_request_activates_once(
    qtbot: QtBot, paths: AppPaths, instances: Callable[[], SingleInstance]
) -> None:
    first = instances()
    assert first.acquire(paths)
    seen: list[int] = []
    first.activationRequested.connect(lambda: seen.append(1))
    for expected in (1, 2):
        with qtbot.waitSignal(first.activationRequested, timeout=5000):
            assert SingleInstance.notify_running(paths)
        assert len(seen) == expected


def test_different_folders_do_not_conflict(
    qtbot: QtBot, tmp_path: Path, instances: Callable[[], SingleInstance]
) -> None:
    one, two = AppPaths(tmp_path / "one"), AppPaths(tmp_path / "two")
    assert server_name(one) != server_name(two)
    first, second = instances(), instances()
    assert first.acquire(one)
    assert second.acquire(two)
    with (
        qtbot.assertNotEmitted(first.activationRequested, wait=100),
        qtbot.waitSignal(second.activationRequested, timeout=5000),
    ):
        assert SingleInstance.notify_running(two)


def test_release_lets_the_next_instance_in(
    paths: AppPaths, instances: Callable[[], SingleInstance]
) -> None:
    first = instances()
    assert first.acquire(paths)
    first.release()
    assert not (paths.home / LOCK_NAME).exists()
    assert not SingleInstance.notify_running(paths)  # nobody listens any more
    assert instances().acquire(paths)


def test_notify_without_a_running_instance_fails_at_once(
    paths: AppPaths, qapp: QApplication
) -> None:
    assert not SingleInstance.notify_running(paths)


def test_a_lock_left_by_a_killed_process_is_taken_over(
    qtbot: QtBot,
    paths: AppPaths,
    instances: Callable[[], SingleInstance],
    children: Callable[[Path, str], Child],
) -> None:
    child = children(paths.home, "block")
    assert child.next_line() == "ready", child.stderr()
    child.stop()  # SIGKILL: the lock file and the server's socket stay behind
    assert child.proc.returncode == -9
    assert (paths.home / LOCK_NAME).is_file()

    survivor = instances()
    assert survivor.acquire(paths)
    with qtbot.waitSignal(survivor.activationRequested, timeout=5000):
        assert SingleInstance.notify_running(paths)  # the stale socket was replaced too


def test_a_second_process_activates_the_running_one(
    paths: AppPaths,
    instances: Callable[[], SingleInstance],
    children: Callable[[Path, str], Child],
) -> None:
    child = children(paths.home, "serve")
    assert child.next_line() == "ready", child.stderr()

    late = instances()
    assert not late.acquire(paths)
    assert late.holder is not None and late.holder[0] == child.proc.pid
    assert SingleInstance.notify_running(paths)
    assert child.next_line() == "activated"
    assert child.proc.wait(timeout=OUTPUT_TIMEOUT) == 0
    assert late.acquire(paths)  # the first one released the lock on its way out


def test_a_start_while_the_first_is_still_starting_waits_for_it(
    paths: AppPaths,
    instances: Callable[[], SingleInstance],
    children: Callable[[Path, str], Child],
) -> None:
    """The first process holds the lock but listens only after its window is painted: a
    second start in that moment keeps trying instead of reporting the journal in use."""
    child = children(paths.home, "late")
    assert child.next_line() == "ready", child.stderr()
    assert not instances().acquire(paths)
    assert SingleInstance.notify_running(paths)
    assert child.next_line() == "activated"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs a user bound by file modes"
)
def test_a_read_only_folder_is_a_clear_error(
    paths: AppPaths, instances: Callable[[], SingleInstance]
) -> None:
    from journal.errors import StorageError

    paths.home.mkdir(parents=True)
    paths.home.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="not writable"):
            instances().acquire(paths)
    finally:
        paths.home.chmod(0o700)


@pytest.mark.parametrize("state", ["hidden", "minimized"])
def test_bring_forward_shows_the_window(qtbot: QtBot, state: str) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    if state == "minimized":
        window.showMinimized()
        assert window.isMinimized()
    bring_forward(window)
    qtbot.waitExposed(window)
    assert window.isVisible() and not window.isMinimized()
