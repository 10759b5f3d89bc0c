"""Durable file writes shared by settings, drafts, backups and exports, and output targets."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from journal.errors import InputError


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` so a crash leaves the old file or the new one, never half.

    A temporary file beside the target is written, fsynced and renamed over it, then the
    folder is fsynced. Raises OSError; the temporary file is removed on failure.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            os.fchmod(fd, mode)  # an older temporary file may have kept another mode
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename's durability); best effort where unsupported."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- output targets: where an export or a backup goes ----------------------------------------


@dataclass(frozen=True, slots=True)
class OutputTarget:
    """Where an output goes, decided before anything is written.

    `path` is None for standard output. `through` marks an existing FIFO or character
    device: it is written into and never replaced. Otherwise `path` is a regular file to
    create, or to replace when `replace` (the caller's --force); a symbolic link has been
    followed to the file it names, so the link itself stays.
    """

    path: Path | None
    through: bool = False
    replace: bool = False


def output_target(
    raw: str | os.PathLike[str],
    force: bool,
    inside: str | None = None,
    streams: bool = True,
) -> OutputTarget:
    """Read an output path as the user meant it, or raise InputError saying why not.

    `-` is standard output (when `streams`). A path ending in `/`, or naming a folder, means
    "a file inside it" named `inside`; without `inside` a folder is refused. An existing
    regular file is replaced only with `force`. A FIFO or a character device is written
    through when `streams`; anything else that is not a regular file is refused.
    """
    text = os.fspath(raw)
    if not text:
        raise InputError("the output path is empty", "give a file name")
    if text == "-":
        if not streams:
            raise InputError("a backup cannot go to standard output", "give a file or a folder")
        return OutputTarget(None)
    path = Path(text)
    if text.endswith(("/", os.sep)) or path.is_dir():
        if inside is None:
            raise InputError(f"{path} is a folder", "give a file name")
        if not path.is_dir():
            raise InputError(f"the folder {path} does not exist", "create it first")
        path = path / inside
    try:
        info = path.lstat()
    except FileNotFoundError:
        return OutputTarget(path)
    except OSError as exc:
        raise InputError(f"cannot use {path}: {exc.strerror or exc}", "choose another") from exc
    if stat.S_ISLNK(info.st_mode):
        try:
            path = path.resolve(strict=True)
            info = path.stat()
        except (OSError, RuntimeError) as exc:
            raise InputError(
                f"{text} is a symbolic link to a missing file", "give the file itself"
            ) from exc
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{text} is a link to a folder", "give a file name")
    if stat.S_ISREG(info.st_mode):
        if not force:
            raise InputError(
                f"{path} already exists", "add --force to replace it, or choose another"
            )
        return OutputTarget(path, replace=True)
    if streams and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        return OutputTarget(path, through=True)
    what = (
        "a pipe or a device"
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)
        else "a device or a socket"
    )
    raise InputError(f"{path} is not a regular file but {what}", "give a file name")


def write_through(path: Path, data: bytes) -> None:
    """Write `data` into an existing FIFO or device without replacing or creating anything.

    A FIFO that no program reads would block for ever: that is refused at once (ENXIO).
    Raises OSError.
    """
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def new_file(folder: Path, name: str, private: bool) -> tuple[int, Path]:
    """A new temporary file in `folder` for writing `name`, open for writing.

    Its mode is rw for the user only when `private`, else rw for all minus the umask. The
    name's random part comes from `os.urandom`, as `secrets.token_hex` takes it (`secrets`
    loads `random`, `hmac` and `base64`: ~5 ms of every export and write).
    """
    for _ in range(100):
        tmp = folder / f".{name}.{os.urandom(4).hex()}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return os.open(tmp, flags, 0o600 if private else 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def publish(tmp: Path, path: Path, replace: bool) -> None:
    """Give a finished temporary file its name; unless `replace`, fail if the name is taken.

    Raises FileExistsError when the name was taken meanwhile, OSError otherwise.
    """
    if replace:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:  # no hard links here (FAT, some network shares): check, then rename
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from exc
        os.replace(tmp, path)
    else:
        with contextlib.suppress(OSError):
            tmp.unlink()
