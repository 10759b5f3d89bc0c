"""The `daybook` command line, driven as a user would: arguments in, text and status out."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def daybook(
    *args: str, stdin: str | None = None, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env["DAYBOOK_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "journal", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "list", "--json", *args)
    assert code == 0, err
    entries: list[dict[str, Any]] = json.loads(out)
    return entries


def found_count(out: str) -> int:
    """N from the import report's "N entries found" (or "1 entry found")."""
    match = re.match(r"([\d,]+) entr(?:y|ies) found", out)
    assert match is not None, out
    return int(match.group(1).replace(",", ""))


def test_add_list_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "add",
        "Paired",
        "on",
        "the",
        "#migration",
        "--date",
        "2026-11-20",
        "--title",
        "Pairing",
        "--tag",
        "Team",
        "--private",
    )
    assert code == 0 and out.strip() == "1"
    [item] = listed(capsys)
    assert item["id"] == 1 and item["date"] == "2026-11-20" and item["title"] == "Pairing"
    assert item["body"] == "Paired on the #migration"
    assert item["tags"] == ["Team", "migration"] and item["private"] is True
    assert isinstance(item["time"], str) and len(item["time"]) == 5
    code, out, _ = run(capsys, "show", "1", "--json")
    assert json.loads(out) == [item]
    code, out, _ = run(capsys, "show", "1")
    assert "Pairing [private]" in out and "#Team #migration" in out


def test_add_reads_standard_input() -> None:
    done = daybook("add", "--title", "From a pipe", stdin="line one\n\nline two #piped\n")
    assert done.returncode == 0, done.stderr
    shown = json.loads(daybook("show", done.stdout.strip(), "--json").stdout)[0]
    assert shown["body"] == "line one\n\nline two #piped" and shown["tags"] == ["piped"]
    dash = daybook("add", "-", stdin="dash text")
    assert dash.returncode == 0 and dash.stdout.strip() == "2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "x", "--date", "2026-02-30"], "invalid date '2026-02-30'"),
        (["add", "   "], "the entry is empty"),
        (["show", "7"], "no entry with id 7"),
        (["delete", "7"], "no entry with id 7"),
        (["list", "--from", "2026-05-01", "--to", "2026-04-01"], "is after --to"),
        (["list", "--from", "yesterdayish"], "invalid date 'yesterdayish'"),
        (["search", "--", "-"], "nothing to search for"),
        (["search", "x", "from:2026-99"], "from:2026-99"),
        (["import", "jrnl", "/no/such/file.txt"], "no such file"),
        (["restore", "/no/such/backup"], "cannot read /no/such/backup"),
    ],
)
def test_user_errors_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _out, err = run(capsys, *args)
    assert code == 1
    assert err.startswith("daybook: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["list", "--limit", "0"],
        ["show", "abc"],
        ["import", "evernote", "x"],
        ["add", "--date"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and "daybook: error:" in err


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in (
        "gui",
        "add",
        "list",
        "search",
        "show",
        "edit",
        "delete",
        "import",
        "backup",
        "restore",
        "check",
    ):
        assert command in out
        sub_code, sub_out, _ = run(capsys, command, "--help")
        assert sub_code == 0 and "usage: daybook" in sub_out
    assert "tag:x" in run(capsys, "search", "--help")[1]


def test_list_filters_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    for day, tag in (("2026-01-05", "a"), ("2026-02-05", "b"), ("2026-03-05", "a")):
        assert run(capsys, "add", f"entry on {day}", "--date", day, "--tag", tag)[0] == 0
    assert [e["date"] for e in listed(capsys)] == ["2026-03-05", "2026-02-05", "2026-01-05"]
    assert [e["date"] for e in listed(capsys, "--tag", "A")] == ["2026-03-05", "2026-01-05"]
    assert [e["date"] for e in listed(capsys, "--from", "2026-02-01")] == [
        "2026-03-05",
        "2026-02-05",
    ]
    assert [e["date"] for e in listed(capsys, "--to", "2026-02-05", "--limit", "1")] == [
        "2026-02-05"
    ]


def test_search_prints_highlighted_snippets(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "Tuned the query planner for the big report", "--date", "2026-03-01")
    run(capsys, "add", "Nothing to see", "--date", "2026-03-02")
    code, out, _ = run(capsys, "search", "planner")
    assert code == 0 and "query planner" in out and "Nothing" not in out
    code, out, _ = run(capsys, "search", "planner", "--json")
    assert [e["date"] for e in json.loads(out)] == ["2026-03-01"]
    code, out, err = run(capsys, "search", "absentword")
    assert code == 0 and out == "" and "no entries found" in err


def test_delete_moves_to_trash(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "to be deleted")
    code, _, err = run(capsys, "delete", "1")
    assert code == 0 and "Trash" in err
    assert listed(capsys) == []


def test_edit_with_an_editor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "add", "first words", "--title", "Old")
    script = tmp_path / "fake-editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text().replace('Title: Old', 'Title: New')\n"
        "t = t.replace('first words', 'edited #now')\n"
        "p.write_text(t)\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    code, _, err = run(capsys, "edit", "1")
    assert code == 0 and "saved" in err
    [item] = listed(capsys)
    assert item["title"] == "New" and item["body"] == "edited #now" and item["tags"] == ["now"]


def test_edit_without_an_editor_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "x")
    code, _, err = run(capsys, "edit", "1")
    assert code == 1 and "no editor is set" in err


def test_edit_keeps_text_when_header_is_broken(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "add", "x")
    script = tmp_path / "bad-editor.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('Date: ', 'Date: 2026-99-99') + 'precious words')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    code, _, err = run(capsys, "edit", "1")
    assert code == 1 and "your text is kept in" in err
    kept = Path(err.split("your text is kept in ")[1].split(")")[0])
    assert "precious words" in kept.read_text()


def test_backup_restore_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "add", "before the backup")
    code, out, _ = run(capsys, "backup", "--to", str(tmp_path / "copy.sqlite3"))
    assert code == 0 and Path(out.strip()).exists()
    run(capsys, "add", "after the backup")
    code, out, err = run(capsys, "restore", str(tmp_path / "copy.sqlite3"))
    assert code == 0, err
    assert [e["body"] for e in listed(capsys)] == ["before the backup"]
    # The journal as it was before the restore is kept.
    safety = out.split("kept in ")[1].strip()
    conn = sqlite3.connect(safety)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2
    conn.close()


def test_restore_refuses_a_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "add", "precious")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    code, _, err = run(capsys, "restore", str(bad))
    assert code == 1 and "damaged" in err
    assert [e["body"] for e in listed(capsys)] == ["precious"]


def test_check_reports_ok(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "x")
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith("ok:") and "(1 entry)" in out


def test_corrupt_database_is_named_and_untouched(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    db = isolated_home / "journal.sqlite3"
    db.write_bytes(b"\x00garbage" * 1000)
    before = db.read_bytes()
    done = daybook("list")
    assert done.returncode == 1
    assert str(db) in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == before


def test_locked_database_is_a_clear_error(isolated_home: Path) -> None:
    assert daybook("add", "first").returncode == 0
    locker = sqlite3.connect(isolated_home / "journal.sqlite3", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        env_timeout = daybook("add", "second")
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert env_timeout.returncode == 1 and "locked" in env_timeout.stderr
    assert "Traceback" not in env_timeout.stderr


def test_two_processes_writing_at_once_both_succeed(isolated_home: Path) -> None:
    assert daybook("add", "warm-up").returncode == 0
    code = (
        "import sys\nfrom journal.cli import main\n"
        "for i in range(40):\n"
        "    assert main(['add', f'{sys.argv[1]} {i}']) == 0\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, name],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    done = daybook("list", "--json")
    bodies = {e["body"] for e in json.loads(done.stdout)}
    assert {f"left {i}" for i in range(40)} <= bodies and {
        f"right {i}" for i in range(40)
    } <= bodies


def test_search_command_loads_no_qt_or_markdown(isolated_home: Path) -> None:
    daybook("add", "hello world")
    code = (
        "import sys\nfrom journal.cli import main\nmain(['search', 'hello'])\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'markdown', 'alembic')])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("[]")


def test_home_option_overrides_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere"
    assert run(capsys, "--home", str(other), "add", "in the other journal")[0] == 0
    assert (other / "journal.sqlite3").exists()
    assert listed(capsys) == []


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from journal import __version__

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"daybook {__version__}"


IMPORTS = FIXTURES / "import"
PEERS = Path(__file__).resolve().parents[4] / "shared" / "data" / "peers" / "jrnl"


def test_import_jrnl_is_idempotent(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "jrnl", str(IMPORTS / "jrnl_basic.txt"))
    assert code == 0, err
    found = found_count(out)
    assert found >= 2 and f"added {found}, skipped 0" in out
    entries = listed(capsys)
    assert len(entries) == found
    first = next(e for e in entries if e["date"] == "2024-05-13")
    assert (
        first["title"] == "Shipped the importer. It reads jrnl files now."
        and first["time"] == "17:05"
    )
    assert {"Sam", "regex"} <= set(first["tags"])
    code, out, _ = run(capsys, "import", "jrnl", str(IMPORTS / "jrnl_basic.txt"))
    assert code == 0 and f"added 0, skipped {found}" in out
    assert len(listed(capsys)) == found


def test_import_dry_run_adds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", "jsonl", str(IMPORTS / "basic.jsonl"), "--dry-run")
    assert code == 0 and "would add" in out
    assert listed(capsys) == []


def test_malformed_import_names_the_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "import", "jsonl", str(IMPORTS / "bad_date.jsonl"))
    assert code == 1 and "bad_date.jsonl, line 3" in err and "2024-13-01" in err
    assert listed(capsys) == []
    code, _, err = run(capsys, "import", "jrnl", str(IMPORTS / "jrnl_text_before_header.txt"))
    assert code == 1 and ", line " in err and "Traceback" not in err


def test_import_with_a_jrnl_time_format(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(IMPORTS / "jrnl_little_endian.txt")
    assert run(capsys, "import", "jrnl", path)[0] == 1
    code, _, err = run(capsys, "import", "jrnl", path, "--time-format", "%d.%m.%Y %H:%M")
    assert code == 0, err
    assert all(str(e["date"]).startswith("20") for e in listed(capsys))


def test_import_rejects_binary_and_empty_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    code, _, err = run(capsys, "import", "jrnl", str(binary))
    assert code == 1 and "not UTF-8" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, "import", "jsonl", str(empty))
    assert code == 1 and "no entries found" in err


@pytest.mark.skipif(not PEERS.is_dir(), reason="jrnl's test journals are not beside the repo")
def test_import_jrnl_peer_journals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "jrnl", str(PEERS / "tags.journal"))
    assert code == 0, err
    assert out.startswith("2 entries found")
    tags = {t.casefold() for e in listed(capsys) for t in e["tags"]}
    assert {"idea", "journal", "dan"} <= tags


def test_export_json_and_import_it_into_another_journal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "add", "Public #ci", "--title", "One")
    run(capsys, "add", "Secret", "--private")
    out_file = tmp_path / "all.json"
    code, _, err = run(capsys, "export", "-o", str(out_file))
    assert code == 0, err
    assert json.loads(out_file.read_text(encoding="utf-8"))["format"] == "daybook"
    before = listed(capsys)
    other = str(tmp_path / "other")
    code, out, err = run(capsys, "--home", other, "import", "json", str(out_file))
    assert code == 0 and "added 2, skipped 0" in out, err
    code, out, _ = run(capsys, "--home", other, "list", "--json")
    assert [{**e, "id": 0} for e in json.loads(out)] == [{**e, "id": 0} for e in before]
    code, out, _ = run(capsys, "--home", other, "import", "json", str(out_file))
    assert code == 0 and "added 0, skipped 2" in out


def test_import_dayone_lists_skipped_photos(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "dayone", str(IMPORTS / "dayone_journal.json"))
    assert code == 0, err
    assert "added 2" in out and "skipped 1 item(s)" in out and "photo 8F1E2D3C" in out


@pytest.mark.parametrize(
    ("fmt", "folder", "extra"),
    [
        ("rednotebook", "rednotebook", []),
        ("markdown", "markdown_notes", []),
        ("markdown", "logseq", ["--name-format", "%Y_%m_%d"]),
    ],
)
def test_import_folders_through_the_cli(
    capsys: pytest.CaptureFixture[str], fmt: str, folder: str, extra: list[str]
) -> None:
    path = str(IMPORTS / folder)
    code, out, err = run(capsys, "import", fmt, path, "--dry-run", *extra)
    assert code == 0, err
    found = found_count(out)
    assert found >= 1 and listed(capsys) == []
    code, out, err = run(capsys, "import", fmt, path, *extra)
    assert code == 0 and f"added {found}" in out, err
    assert len(listed(capsys)) == found
    code, out, _ = run(capsys, "import", fmt, path, *extra)
    assert code == 0 and f"added 0, skipped {found}" in out


@pytest.mark.parametrize(("fmt", "folder"), [("rednotebook", "rednotebook_bad"),
                                             ("markdown", "markdown_bad")])  # fmt: skip
def test_a_malformed_folder_imports_nothing(
    capsys: pytest.CaptureFixture[str], fmt: str, folder: str
) -> None:
    code, _, err = run(capsys, "import", fmt, str(IMPORTS / folder))
    assert code == 1 and ", line " in err and "Traceback" not in err
    assert listed(capsys) == []
