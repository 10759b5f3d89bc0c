"""A journal found damaged when it is opened stays exactly as it was, -wal included.

Closing the last connection to a WAL database checkpoints the -wal into the file and deletes
it: a damaged journal's opening must not do that (the error says "left untouched", and the
rescue moves the files aside byte for byte: the -wal may hold the only good copy of a page).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from journal.paths import AppPaths
from journal.services.journal import Journal
from tests.helpers import run_cli


def files(db: Path) -> dict[str, bytes]:
    return {s: Path(f"{db}{s}").read_bytes() for s in ("", "-wal") if Path(f"{db}{s}").exists()}


def damaged_with_wal(home: Path, table: str, page_kind: str = "leaf") -> Path:
    """A journal whose first `page_kind` ("leaf" or "internal") page of `table` is
    overwritten in the file, with newer pages in a -wal left by a process that died."""
    paths = AppPaths(home)
    with Journal.open(paths) as journal:
        for i in range(200):
            journal.add(f"entry {i} " + "word " * 100)
    db = paths.database
    conn = sqlite3.connect(db)
    try:
        [(page,)] = conn.execute(
            "SELECT min(pageno) FROM dbstat WHERE name = ? AND pagetype = ?",
            (table, page_kind),
        ).fetchall()
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * 4096 + 20 : (page - 1) * 4096 + 900] = b"\xa5" * 880
    db.write_bytes(bytes(data))
    # A writer that dies without closing: its commits stay in the -wal.
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    writer.execute("INSERT INTO scratch VALUES (randomblob(9000))")
    fd_copy = {s: b for s, b in files(db).items()}
    Path(f"{db}-shm").unlink(missing_ok=True)
    kept = home.parent / "kept"
    kept.mkdir()
    for s, b in fd_copy.items():
        (kept / f"j{s}").write_bytes(b)
    writer.close()  # (closes with a checkpoint: the copy above is put back below)
    for s in ("", "-wal"):
        Path(f"{db}{s}").write_bytes((kept / f"j{s}").read_bytes())
    Path(f"{db}-shm").unlink(missing_ok=True)
    return db


@pytest.mark.parametrize("page_kind", ["leaf", "internal"])
def test_list_on_a_damaged_journal_leaves_it_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, page_kind: str
) -> None:
    home = tmp_path / "home"
    db = damaged_with_wal(home, "entries", page_kind)
    before = files(db)
    assert before.get("-wal")
    code, _out, err = run_cli(capsys, "--home", str(home), "list")
    assert code == 1 and "damaged" in err and "Traceback" not in err
    assert files(db) == before
