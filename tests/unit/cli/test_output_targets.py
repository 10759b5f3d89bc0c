"""Where exports and backups go: files, folders, `-`, pipes, devices, links; and file modes.

One reader of output paths (journal.fileio.output_target) serves `backup --to` and every
export. Nothing that is not a regular file is ever replaced: FIFOs and character devices
are written through, links are followed to their file, and the rest is refused in one line.
Devices are made with mknod inside the test's own folder, never taken from /dev.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers import run_cli as run

if TYPE_CHECKING:
    from collections.abc import Iterator

    from _typeshed import StrOrBytesPath

UMASKS = [0o022, 0o077, 0o002, 0o000, 0o027, 0o007]


def one_line_error(code: int, err: str) -> None:
    assert code == 1, err
    assert err.startswith("daybook: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "add", "Shipped the cache", "--date", "2026-05-04")[0] == 0
    assert run(capsys, "add", "Salary talk", "--date", "2026-05-05", "--private")[0] == 0


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def is_sqlite(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def device(folder: Path, name: str, minor: int) -> Path:
    """A character device node like /dev/null (3) or /dev/full (7), in `folder`."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, minor))
        os.close(os.open(path, os.O_WRONLY))
    except OSError as exc:  # not root, or a nodev mount
        with contextlib.suppress(OSError):
            path.unlink()
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


def made(folder: Path) -> list[str]:
    """What is in the test's folder beside the journal's and the user's home folders."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("daybook", "home"))


def read_all(fd: int) -> bytes:
    out = b""
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(fd, 65536):
            out += chunk
    return out


# -- file modes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mask", UMASKS)
def test_exports_follow_the_umask_and_private_ones_are_owner_only(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path, mask: int
) -> None:
    cases = [
        ("plain.md", [], 0o666),
        ("plain.html", [], 0o666),
        ("private.md", ["--include-private"], 0o600),
        ("private.html", ["--include-private"], 0o600),
        ("all.json", [], 0o600),  # always holds private entries
        ("all.data", ["--format", "json"], 0o600),
    ]
    with umask(mask):
        for name, extra, base in cases:
            code, _, err = run(capsys, "export", "-o", str(tmp_path / name), *extra)
            assert code == 0, err
            assert mode(tmp_path / name) == base & ~mask, name
        assert run(capsys, "export", "--split", "-o", str(tmp_path / "pub"))[0] == 0
        code, _, err = run(
            capsys, "export", "--split", "--include-private", "-o", str(tmp_path / "priv")
        )
        assert code == 0, err
    for f in (tmp_path / "pub").iterdir():
        assert mode(f) == 0o666 & ~mask
    assert mode(tmp_path / "priv") == 0o700 & ~mask
    for f in (tmp_path / "priv").iterdir():
        assert mode(f) == 0o600 & ~mask


def test_replacing_keeps_the_users_mode_unless_the_export_is_private(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o640)
    assert run(capsys, "export", "-o", str(target), "--force")[0] == 0
    assert mode(target) == 0o640 and "Shipped" in target.read_text()
    target.chmod(0o644)
    assert run(capsys, "export", "-o", str(target), "--force", "--include-private")[0] == 0
    assert mode(target) == 0o600 and "Salary" in target.read_text()
    shared = tmp_path / "shared.json"
    shared.write_text("{}")
    shared.chmod(0o664)
    assert run(capsys, "export", "-o", str(shared), "--force")[0] == 0
    assert mode(shared) == 0o600


@pytest.mark.parametrize("mask", [0o000, 0o022])
def test_backups_are_owner_only_whatever_the_umask(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path, mask: int
) -> None:
    with umask(mask):
        assert run(capsys, "backup", "--to", str(tmp_path / "b.sqlite3"))[0] == 0
        assert run(capsys, "backup", "--to", f"{tmp_path}/")[0] == 0
    for f in tmp_path.glob("*.sqlite3"):
        assert mode(f) == 0o600, f


# -- export: standard output, folders ------------------------------------------------------------


def test_export_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str],
    filled: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    for extra in ([], ["--format", "html"], ["--format", "json"], ["--force"]):
        code, out, err = run(capsys, "export", "-o", "-", *extra)
        assert code == 0 and "Shipped the cache" in out, err
        assert not (tmp_path / "-").exists()
    for extra in (["--split", "-o", "-"], ["--split", "-o", ""], ["-o", ""]):
        code, out, err = run(capsys, "export", *extra)
        one_line_error(code, err)
        assert out == "" and made(tmp_path) == []


def test_export_to_a_folder_is_refused_and_makes_no_file(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    for target in (f"{tmp_path}/", f"{tmp_path / 'missing'}/", f"{tmp_path / 'a.md'}/"):
        code, _, err = run(capsys, "export", "-o", target)
        one_line_error(code, err)
    assert made(tmp_path) == []


# -- pipes and devices ---------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_export_writes_through_a_fifo_and_leaves_it_a_fifo(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path, force: bool, fmt: str
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there; 64 KB buffer
    try:
        code, out, err = run(
            capsys, "export", "--format", fmt, "-o", str(fifo), *(["--force"] if force else [])
        )
        assert code == 0 and out == "", err
        assert b"Shipped the cache" in read_all(reader)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert made(tmp_path) == ["pipe"]


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_nobody_reads_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path, force: bool
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "export", "-o", str(fifo), *(["--force"] if force else []))
    one_line_error(code, err)
    assert "no program is reading" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_into_a_full_device_says_so_and_keeps_the_device(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    full = device(tmp_path, "full", 7)
    for extra in ([], ["--force"], ["--include-private", "--force"]):
        code, _, err = run(capsys, "export", "-o", str(full), *extra)
        one_line_error(code, err)
        assert "disk is full" in err
        assert stat.S_ISCHR(full.lstat().st_mode)
    null = device(tmp_path, "null", 3)
    assert run(capsys, "export", "-o", str(null))[0] == 0
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("force", [False, True])
def test_backup_never_replaces_a_fifo_or_a_device(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path, force: bool
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "backup", "--to", str(fifo), *(["--force"] if force else []))
    one_line_error(code, err)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    null = device(tmp_path, "null", 3)
    code, _, err = run(capsys, "backup", "--to", str(null), *(["--force"] if force else []))
    one_line_error(code, err)
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert made(tmp_path) == ["null", "pipe"]


# -- links ---------------------------------------------------------------------------------------


def test_a_link_to_a_file_is_written_through_only_with_force(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    real = tmp_path / "real.md"
    real.write_text("my notes")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    chain = tmp_path / "chain.md"
    chain.symlink_to(link)
    for name in (link, chain):
        code, _, err = run(capsys, "export", "-o", str(name))
        one_line_error(code, err)
        assert real.read_text() == "my notes"
    assert run(capsys, "export", "-o", str(chain), "--force")[0] == 0
    assert link.is_symlink() and chain.is_symlink() and os.readlink(link) == str(real)
    assert "Shipped the cache" in real.read_text()


def test_a_link_to_nothing_or_to_a_folder_is_refused(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere" / "x.md")
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    folder_link = tmp_path / "folder.md"
    folder_link.symlink_to(tmp_path / "home")
    for target in (dangling, loop, folder_link):
        for extra in ([], ["--force"]):
            code, _, err = run(capsys, "export", "-o", str(target), *extra)
            one_line_error(code, err)
            assert target.is_symlink()
    assert not (tmp_path / "nowhere").exists()


def test_backup_follows_a_link_to_its_file_with_force(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    real = tmp_path / "real.sqlite3"
    real.write_text("not yet a backup")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    code, _, err = run(capsys, "backup", "--to", str(link))
    one_line_error(code, err)
    assert real.read_text() == "not yet a backup"
    assert run(capsys, "backup", "--to", str(link), "--force")[0] == 0
    assert link.is_symlink() and is_sqlite(real)


# -- backup --to ---------------------------------------------------------------------------------


def test_backup_refuses_an_existing_file_without_force(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my precious notes")
    code, _, err = run(capsys, "backup", "--to", str(notes))
    one_line_error(code, err)
    assert "already exists" in err and "--force" in err
    assert notes.read_text() == "my precious notes"
    code, out, err = run(capsys, "backup", "--to", str(notes), "--force")
    assert code == 0 and out.strip() == str(notes), err
    assert is_sqlite(notes) and mode(notes) == 0o600


def test_backup_to_a_folder_writes_a_file_inside_it(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for target in (str(folder), f"{folder}/", f"{folder}//"):
        code, out, err = run(capsys, "backup", "--to", target)
        assert code == 0, err
        made = Path(out.strip())
        assert made.parent == folder and made.name.startswith("daybook-") and is_sqlite(made)
        made.unlink()
    code, _, err = run(capsys, "backup", "--to", f"{tmp_path / 'missing'}/")
    one_line_error(code, err)
    assert not (tmp_path / "missing").exists()


def test_backup_to_standard_output_is_refused(
    capsys: pytest.CaptureFixture[str],
    filled: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "backup", "--to", "-")
    one_line_error(code, err)
    assert out == "" and not (tmp_path / "-").exists()
    code, _, err = run(capsys, "backup", "--to", "")
    one_line_error(code, err)


def test_backup_into_a_folder_that_refuses_writes_is_one_line(
    capsys: pytest.CaptureFixture[str],
    filled: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The folder refuses every change, even removing a file that is not there."""
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    real_open, real_unlink = os.open, os.unlink

    def guarded_open(path: StrOrBytesPath, *args: Any, **kwargs: Any) -> int:
        if str(path).startswith(str(folder)):
            refuse(path)
        return real_open(path, *args, **kwargs)

    def guarded_unlink(path: StrOrBytesPath, *args: Any, **kwargs: Any) -> None:
        if str(path).startswith(str(folder)):
            refuse(path)
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "unlink", guarded_unlink)
    for target in (folder / "b.sqlite3", folder):
        code, _, err = run(capsys, "backup", "--to", str(target))
        one_line_error(code, err)
        assert "permission denied" in err.lower()


def test_backup_into_a_read_only_mount_is_one_line(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mount refused here: {done.stderr.decode().strip()}")
    try:
        for target in (folder / "b.sqlite3", folder, folder / "sub" / "b.sqlite3"):
            code, _, err = run(capsys, "backup", "--to", str(target))
            one_line_error(code, err)
            code, _, err = run(capsys, "export", "-o", str(target / "x.md"))
            one_line_error(code, err)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
