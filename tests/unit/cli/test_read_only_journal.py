"""A read-only journal (read-only mount, folder or file): reading commands work, writes
say in one line that the journal is read-only (issue 14.14)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.helpers import read_only
from tests.helpers import run_cli as run

if TYPE_CHECKING:
    from pathlib import Path

READS = [
    (["list"], "deploy went fine"),
    (["list", "--json"], "deploy went fine"),
    (["search", "deploy"], "deploy went fine"),
    (["show", "1"], "deploy went fine"),
    (["stats"], "entries:"),
    (["check"], "ok:"),
    (["export"], "deploy went fine"),
    (["export", "--format", "json"], "deploy went fine"),
    (["trash"], ""),
]
WRITES = [
    ["add", "more"],
    ["delete", "1"],
    ["edit", "1"],
    ["undelete", "2"],
    ["purge", "2"],
    ["import", "jsonl", "SOURCE"],
]


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> Path:
    assert run(capsys, "add", "deploy went fine", "--tag", "ci")[0] == 0
    assert run(capsys, "add", "gone")[0] == 0
    assert run(capsys, "delete", "2")[0] == 0
    return isolated_home


@pytest.mark.parametrize("what", ["folder", "file and folder"])
def test_reading_commands_work_on_a_read_only_journal(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path, what: str
) -> None:
    db = filled / "journal.sqlite3"
    before = db.read_bytes()
    if what == "file and folder":
        db.chmod(0o400)
    with read_only(filled, mode=0o500, restore=0o700):
        for args, expected in READS:
            code, out, err = run(capsys, *args)
            assert code == 0, (args, err)
            assert expected in out, (args, out)
        target = tmp_path / "copy.sqlite3"
        code, out, err = run(capsys, "backup", "--to", str(target))
        assert code == 0, err
        assert target.exists()
        exported = tmp_path / "out.json"
        code, _out, err = run(capsys, "export", "-o", str(exported))
        assert code == 0, err
        assert "deploy went fine" in exported.read_text(encoding="utf-8")
    db.chmod(0o600)
    assert db.read_bytes() == before


def test_writes_to_a_read_only_journal_say_so(
    capsys: pytest.CaptureFixture[str],
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"date": "2026-01-02", "body": "imported"}) + "\n", "utf-8")
    monkeypatch.setenv("EDITOR", "true")
    db = filled / "journal.sqlite3"
    before = db.read_bytes()
    with read_only(filled, mode=0o500, restore=0o700):
        for args in WRITES:
            args = [str(source) if a == "SOURCE" else a for a in args]
            code, _out, err = run(capsys, *args)
            assert code == 1, (args, err)
            lines = [ln for ln in err.splitlines() if ln.startswith("daybook: ")]
            assert len(lines) == 1 and "Traceback" not in err, err
            assert "the journal is read-only" in lines[0], (args, lines[0])
    assert db.read_bytes() == before
    assert run(capsys, "add", "writable again")[0] == 0


def test_a_read_only_journal_that_needs_an_upgrade_says_so(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    from journal.paths import AppPaths
    from tests.helpers import make_old_journal

    make_old_journal(AppPaths(isolated_home))
    with read_only(isolated_home, mode=0o500, restore=0o700):
        code, _out, err = run(capsys, "list")
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("daybook: ")]
    assert len(lines) == 1 and "read-only" in lines[0], err
