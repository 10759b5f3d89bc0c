"""The app's log and its crash hook.

`start_log` writes to a rotating file in the data folder (`logs/daybook.log`; the folder
0700, the files 0600) and sends Qt's own warnings there too. `CrashHook` catches an
exception no code caught (in a slot, an event handler, a worker thread): it is logged with
its traceback, the text the user was typing is written as a draft, and the error dialog says
that something went wrong, where the log is, and offers to copy the details.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from journal.paths import AppPaths, ensure_private_dir

if TYPE_CHECKING:
    import io
    from collections.abc import Callable, Mapping

from journal.ui.common.overrides import override

LOG_NAME = "daybook.log"
LOG_BYTES = 1_000_000  # per file; with LOG_BACKUPS older files, a few MB at most
LOG_BACKUPS = 3
ENV_LOG = "DAYBOOK_LOG"  # "debug" (or any logging level's name) raises the detail

log = logging.getLogger("journal")
_qt_log = logging.getLogger("journal.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_path(paths: AppPaths) -> Path:
    """Where the desktop app's log is."""
    return paths.home / "logs" / LOG_NAME


def log_level(verbose: bool, env: Mapping[str, str] | None = None) -> int:
    """INFO; DEBUG with --verbose; or the level $DAYBOOK_LOG names (debug, info, ...)."""
    if verbose:
        return logging.DEBUG
    named = (os.environ if env is None else env).get(ENV_LOG, "").strip().upper()
    level = logging.getLevelName(named) if named else logging.INFO
    return level if isinstance(level, int) else logging.INFO


class _PrivateLog(logging.FileHandler):
    """A log file created 0600 that starts afresh past `max_bytes`, keeping `backups`
    older files (`daybook.log.1` the newest). Written here rather than taken from
    logging.handlers, whose import (socket, pickle, queue) costs ~0.1 s before the window's
    first paint."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, mode="a", encoding="utf-8", delay=True)

    @override
    def _open(self) -> io.TextIOWrapper:
        stream = open(  # noqa: SIM115 (the handler keeps it open)
            self.baseFilename,
            "a",
            encoding=self.encoding,
            errors=self.errors,
            opener=lambda path, flags: os.open(path, flags, 0o600),
        )
        return stream

    @override
    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._size() >= self.max_bytes:
                self._rotate()
        except OSError:
            self.handleError(record)
            return
        super().emit(record)

    def _size(self) -> int:
        if self.stream is not None:
            return int(self.stream.tell())
        return os.path.getsize(self.baseFilename) if os.path.exists(self.baseFilename) else 0

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            # Reopened by the next emit (FileHandler's own `delay` does the same).
            self.stream = None
        base = Path(self.baseFilename)

        def aged(n: int) -> Path:
            return base.with_name(f"{base.name}.{n}")

        for n in range(self.backups - 1, 0, -1):
            if aged(n).exists():
                os.replace(aged(n), aged(n + 1))
        if self.backups > 0:
            os.replace(base, aged(1))
        else:
            base.unlink()


def _qt_message(mode: QtMsgType, context: Any, message: str) -> None:
    where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
    _qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def start_log(
    paths: AppPaths, verbose: bool = False, env: Mapping[str, str] | None = None
) -> Callable[[], None]:
    """Log the app (Qt's messages included) to `log_path(paths)`; returns a function that
    stops it. A log that cannot be written is not fatal: the app runs without one."""
    path = log_path(paths)
    try:
        ensure_private_dir(path.parent)
        handler: logging.Handler = _PrivateLog(path, LOG_BYTES, LOG_BACKUPS)
    except Exception as exc:  # a StorageError or OSError: said on stderr, nothing more
        print(f"daybook: warning: no log: {exc}", file=sys.stderr)
        return lambda: None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    level = log_level(verbose, env)
    handler.setLevel(level)
    previous_level = log.level
    log.setLevel(level)
    log.addHandler(handler)
    previous_qt = qInstallMessageHandler(_qt_message)
    log.info("Daybook started; log level %s", logging.getLevelName(level))

    def stop() -> None:
        qInstallMessageHandler(previous_qt)
        log.removeHandler(handler)
        log.setLevel(previous_level)
        handler.close()

    return stop


@runtime_checkable
class DraftKeeper(Protocol):
    """A window that holds typed text (the editor, the prompt): writes it as a draft."""

    def write_draft(self) -> bool: ...


def keep_drafts() -> int:
    """Write every open editor's and prompt's text as a draft; how many were asked."""
    asked = 0
    for widget in QApplication.allWidgets():
        if isinstance(widget, DraftKeeper):
            asked += 1
            try:
                widget.write_draft()
            except Exception:  # keep going: the other drafts matter as much
                log.exception("could not write a draft after an error")
    return asked


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def install(paths: AppPaths, verbose: bool = False) -> Callable[[], None]:
    """The log and the crash hook for the desktop app; returns a function that undoes both."""
    stop_log = start_log(paths, verbose)
    hook = CrashHook(log_path(paths), QApplication.instance()).install()

    def stop() -> None:
        hook.uninstall()
        hook.deleteLater()
        stop_log()

    return stop


class CrashHook(QObject):
    """`sys.excepthook` and `threading.excepthook` for the desktop app (see the module)."""

    crashed = Signal(object)  # the exception, on the GUI thread, after the dialog opened
    _caught = Signal(object)  # from any thread

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: QObject | None = None
        self._previous: tuple[Any, Any] | None = None
        self._caught.connect(self._show)  # queued when caught on another thread

    def install(self) -> CrashHook:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        self._caught.emit(error)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "unexpected error in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        self._caught.emit(args.exc_value)

    def _show(self, error: BaseException) -> None:
        from journal.ui.common.errors import ErrorDialog

        keep_drafts()  # first: whatever happens next, the typed text is on disk
        if self.dialog is not None and self.dialog.isVisible():  # type: ignore[attr-defined]
            return  # one dialog at a time; the log has every error
        self.dialog = ErrorDialog.show_crash(QApplication.activeWindow(), error, self.log_file)
        self.crashed.emit(error)
