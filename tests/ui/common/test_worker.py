"""The worker: answers come back on the UI thread; an owner closed meanwhile gets none."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool

from journal.ui.common.worker import TaskSet


@pytest.mark.parametrize("fails", [False, True])
def test_an_owner_deleted_while_its_work_runs_gets_no_answer_and_nothing_breaks(
    qtbot: Any, fails: bool
) -> None:
    pool = QThreadPool()
    owner = QObject()
    tasks = TaskSet(owner, pool)
    started, go = threading.Event(), threading.Event()
    answers: list[object] = []

    def work() -> int:
        started.set()
        go.wait(10)
        if fails:
            raise ValueError("late")
        return 42

    tasks.run(work, answers.append, answers.append)
    assert started.wait(10)
    with qtbot.waitSignal(owner.destroyed, timeout=5000):
        owner.deleteLater()
    go.set()
    assert pool.waitForDone(10_000)  # an answer emitted on the deleted Task raised here
    QCoreApplication.processEvents()
    assert answers == []
