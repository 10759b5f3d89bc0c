"""Helpers shared by test modules (importable as `tests.helpers`)."""

from __future__ import annotations

import ast
import contextlib
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from journal.paths import AppPaths


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


def make_old_journal(paths: AppPaths) -> None:
    """A journal at schema 0001 (before entry kinds) holding one entry titled "Old"."""
    from journal.storage import db
    from journal.storage.migrate import upgrade

    paths.ensure()
    db.create_private_file(paths.database)
    engine = db.open_engine(paths.database)
    try:
        upgrade(engine, "0001")
        with db.write_transaction(engine) as conn:
            conn.execute(
                "INSERT INTO entries (uid, day, created_at, created_offset, updated_at, "
                "updated_offset, title, body, tag_list, private) VALUES ('u1', '2025-01-02', "
                "'2025-01-02 17:00:00.000000', 60, '2025-01-02 17:00:00.000000', 60, 'Old', "
                "'written before kinds existed', '', 0)"
            )
    finally:
        engine.dispose()


def loaded_modules(imports: str, prefixes: tuple[str, ...], cwd: Path) -> list[str]:
    """The modules starting with one of `prefixes` that `import {imports}` loads, in a
    fresh interpreter."""
    code = (
        f"import sys, {imports}\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd
    )
    return list(ast.literal_eval(out.stdout.strip()))


def damage_table(db: Path, table: str = "entries", pages: int = 1) -> bytes:
    """Overwrite the first `pages` pages of `table`'s b-tree in the database `db` with
    garbage (never page 1: the file still opens); returns the damaged file's bytes."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        found = conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,)).fetchall()
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    for (page,) in sorted(found)[:pages]:
        assert page > 1
        data[(page - 1) * size : page * size] = b"\xa5" * size
    db.write_bytes(bytes(data))
    return bytes(data)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`daybook ARGS` in this process: its exit status, standard output and error."""
    from journal.cli import main

    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
