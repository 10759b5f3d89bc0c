"""Slow work off the UI thread: a QRunnable that reports its result or error by signal.

Signals are delivered to the thread of the `Task` object (the UI thread), so slots may
touch widgets. A task whose receiver was closed is simply dropped. `Task.cancel()` asks the
work to stop (`journal.cancel`: the journal's reads stop at SQLite's next step); work
stopped that way reports `failed` with `Cancelled`, which a `TaskSet` does not pass on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from journal.cancel import Cancelled, CancelToken, cancellable

if TYPE_CHECKING:
    from collections.abc import Callable


class Task(QObject):
    """The UI-thread side of one background call: emits `finished` or `failed` once."""

    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised (DaybookError or a bug)

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn  # what the runnable calls
        self.token = CancelToken()
        self._runnable = _Runnable(self)

    def start(self, pool: QThreadPool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; safe from any thread, and after it has ended."""
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it through the Task
        self._task = task

    def run(self) -> None:
        try:
            with cancellable(self._task.token):
                result = self._task.fn()
        except Exception as exc:  # reported to the UI thread, which decides what to show
            self._report("failed", exc)
        else:
            self._report("finished", result)

    def _report(self, signal: str, value: object) -> None:
        """Emit the answer, unless its Task went with its owner meanwhile (a widget closed
        while its work ran): then the answer is simply dropped."""
        if not shiboken6.isValid(self._task):
            return
        try:
            getattr(self._task, signal).emit(value)
        except RuntimeError:  # deleted between the check and the emit
            if shiboken6.isValid(self._task):
                raise


def run_in_background(
    fn: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Run `fn` in the pool; `on_result`/`on_error` are called on the UI thread.

    Keep the returned Task referenced (or give it a parent) until it reports.
    """
    task = Task(fn, parent)
    task.finished.connect(on_result)
    task.failed.connect(on_error)
    task.finished.connect(task.deleteLater)
    task.failed.connect(task.deleteLater)
    return task.start(pool)


class TaskSet:
    """Background calls kept referenced until they report, for one owner (a window or a
    dialog); `alive` says whether the owner still wants answers."""

    def __init__(
        self,
        parent: QObject,
        pool: QThreadPool,
        alive: Callable[[], bool] = lambda: True,
    ) -> None:
        self._parent = parent
        self._pool = pool
        self._alive = alive
        self._tasks: set[Task] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Task:
        """Run `fn` in the pool; the answer (or the error) comes back on the UI thread."""
        holder: list[Task] = []

        def done(result: Any) -> None:
            self._tasks.discard(holder[0])
            if self._alive():
                on_result(result)

        def failed(error: BaseException) -> None:
            self._tasks.discard(holder[0])
            if self._alive() and not isinstance(error, Cancelled):
                on_error(error)

        task = run_in_background(fn, done, failed, parent=self._parent, pool=self._pool)
        holder.append(task)
        self._tasks.add(task)
        return task

    def cancel_all(self) -> None:
        """Ask every call still running to stop (see `Task.cancel`)."""
        for task in list(self._tasks):
            task.cancel()

    def running(self) -> int:
        """How many calls have not reported yet."""
        return len(self._tasks)
