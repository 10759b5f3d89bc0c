"""Helpers shared by test modules (importable as `tests.helpers`)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only(path: Path, mode: int = 0o500, restore: int = 0o700) -> Iterator[None]:
    """Make a file or folder read-only, even for root (a read-only bind mount of it);
    as another user by its mode. Skips the test where bind mounts are refused."""
    if os.geteuid() != 0:
        path.chmod(mode)
        try:
            yield
        finally:
            path.chmod(restore)
        return
    done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("running as root and bind mounts are refused here")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True)
