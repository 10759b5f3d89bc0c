"""The ends of a restore over a damaged journal that the kill -9 test cannot reach: the
copy of the backup that cannot be written, and a record whose copy has gone."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from journal.paths import AppPaths
from journal.services.journal import Journal
from tests.helpers import run_cli

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

BACKUP = "manual-20261120-180000.sqlite3"


def damaged_home(tmp_path: Path) -> tuple[Path, bytes]:
    home = tmp_path / "home"
    paths = AppPaths(home)
    with Journal.open(paths) as journal:
        journal.add("kept in the backup")
        journal.backup(paths.backups / BACKUP)
        journal.add("only in the damaged journal")
    garbage = b"\x00no longer a database" * 500
    paths.database.write_bytes(garbage)
    return home, garbage


def test_a_copy_of_the_backup_that_cannot_be_written_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home, garbage = damaged_home(tmp_path)
    (home / "..journal.sqlite3.restoring.partial").mkdir()  # squats on the copy
    code, _out, err = run_cli(
        capsys, "--home", str(home), "restore", str(home / "backups" / BACKUP)
    )
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "nothing was changed" in err and "--to" not in err
    assert (home / "journal.sqlite3").read_bytes() == garbage
    assert not list(home.glob("journal.sqlite3.damaged-*"))
    assert not (home / "restore-in-progress.json").exists()


def test_a_record_whose_copy_is_gone_puts_the_damaged_journal_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Never an empty journal in the damaged one's place: with neither the journal nor the
    copy there, the moved files come back and the next run says so."""
    home, garbage = damaged_home(tmp_path)
    moved = home / "journal.sqlite3.damaged-20261203-101500"
    (home / "journal.sqlite3").rename(moved)
    record = {"source": str(home / "backups" / BACKUP), "staged": ".journal.sqlite3.restoring",
              "moved": moved.name, "salt": None}  # fmt: skip
    (home / "restore-in-progress.json").write_text(json.dumps(record))
    code, _out, err = run_cli(capsys, "--home", str(home), "list")
    assert code == 1 and "Traceback" not in err
    assert "interrupted" in err and "put back" in err and "is damaged" in err
    assert (home / "journal.sqlite3").read_bytes() == garbage
    assert not moved.exists() and not (home / "restore-in-progress.json").exists()
    code, _out, err = run_cli(
        capsys, "--home", str(home), "restore", str(home / "backups" / BACKUP)
    )
    assert code == 0, err
