"""`daybook export` driven as a user would: flags in, files and messages out."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from journal.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["Shipped the cache #ci", "--date", "2026-05-04", "--title", "Cache"],
        ["Salary talk", "--date", "2026-05-05", "--title", "Money", "--private"],
        [
            "## What did I learn from it?\nRead logs first\n\n```private\nmy doubts\n```",
            "--date",
            "2026-05-06",
            "--title",
            "Logs",
        ],
    ):
        assert run(capsys, "add", *args)[0] == 0


def test_markdown_to_stdout_with_held_back_note(
    capsys: pytest.CaptureFixture[str], filled: None
) -> None:
    code, out, err = run(capsys, "export")
    assert code == 0 and out.startswith("# Daybook, 2026-05-04 to 2026-05-06\n")
    assert "Salary" not in out and "my doubts" not in out and "Read logs first" in out
    assert err == (
        "held back 1 private entry and 1 private block; add --include-private to export them\n"
    )
    code, out, err = run(capsys, "export", "--include-private")
    assert code == 0 and "Salary" in out and "my doubts" in out and err == ""


def test_html_file_needs_force_to_replace(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    target = tmp_path / "week.html"
    code, out, err = run(capsys, "export", "-o", str(target), "--tag", "ci")
    assert code == 0 and out == "" and f"exported 1 entry to {target}" in err
    assert target.read_text().startswith("<!DOCTYPE html>")  # format from the suffix
    code, _, err = run(capsys, "export", "-o", str(target))
    assert code == 1 and err.startswith(f"daybook: error: {target} already exists; add --force")
    assert err.count("\n") == 1 and "Cache" in target.read_text()
    code, _, err = run(capsys, "export", "--format", "html", "-o", str(target), "--force")
    assert code == 0 and "Logs" in target.read_text()


def test_selection_flags(capsys: pytest.CaptureFixture[str], filled: None) -> None:
    def heads(*args: str) -> list[str]:
        code, out, err = run(capsys, "export", *args)
        assert code == 0, err
        return [line for line in out.splitlines() if line.startswith("## ")]

    assert heads("--from", "2026-05-05") == ["## Wed 2026-05-06 · Logs"]
    assert heads("--to", "2026-05-04") == ["## Mon 2026-05-04 · Cache"]
    assert heads("--id", "3", "1") == ["## Mon 2026-05-04 · Cache", "## Wed 2026-05-06 · Logs"]
    assert heads("--id", "1", "--id", "3") == heads("--id", "3", "1")
    assert heads("--search", "cache") == ["## Mon 2026-05-04 · Cache"]
    assert heads("--digest") == ["## Wed 2026-05-06"]
    assert heads("--id", "2", "--include-private") == ["## Tue 2026-05-05 · Money (private)"]


def test_front_matter_and_split(
    capsys: pytest.CaptureFixture[str], filled: None, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "export", "--front-matter")
    assert code == 0 and out.startswith("---\ntitle: ")
    meta = dict(line.split(": ", 1) for line in out.split("---\n")[1].splitlines())
    assert json.loads(meta["tags"]) == ["ci"] and meta["entries"] == "2"
    folder = tmp_path / "out"
    code, _, err = run(capsys, "export", "--split", "-o", str(folder))
    assert code == 0 and "exported 2 entries" in err
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-05-04-cache-1.md",
        "2026-05-06-logs-3.md",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tag", "nothing"], "no entries match; widen"),
        (["--id", "2"], "the 1 matching entry is private; add --include-private"),
        (["--id", "42"], "there is no entry with id 42"),
        (["--from", "2026-05-09", "--to", "2026-05-01"], "is after --to"),
        (["--from", "someday"], "invalid date 'someday'"),
        (["--search", "from:2026-99"], "from:2026-99"),
        (["--digest", "--id", "1"], "has a 'what I learned' answer"),
        (["--split"], "--split needs a folder"),
        (["--split", "--format", "html", "-o", "x"], "plain Markdown exports only"),
        (["-o", "/no/such/folder/x.md"], "its folder does not exist"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], filled: None, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "export", *args)
    assert code == 1 and out == ""
    assert err.startswith("daybook: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_usage_errors_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", "--format", "docx")[0] == 2
    assert run(capsys, "export", "--id", "x")[0] == 2
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "```private" in out and "--split" in out and "--digest" in out


def test_an_empty_journal_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    code, _, err = run(capsys, "export", "-o", str(target))
    assert code == 1 and "no entries match" in err and not target.exists()
