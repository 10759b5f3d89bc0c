"""Wrong input on the command line: every case ends in one line (exit 1, or 2 for usage),
never a traceback. Issue 14, items 5, 6, 7, 11 and 15."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import run_cli as run

if TYPE_CHECKING:
    from journal.services.journal import Journal


def one_line(err: str) -> str:
    """The error line (argparse prints a usage line before it)."""
    lines = [line for line in err.splitlines() if line.startswith("daybook: ")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def add(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    code, out, err = run(capsys, "add", *args)
    assert code == 0, err
    return int(out)


# -- 14.6: numbers beyond 64 bits --------------------------------------------------------

HUGE = ("9223372036854775808", "99999999999999999999", "1" * 400, "-9223372036854775809")


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize(
    "command",
    [
        ("show",),
        ("edit",),
        ("delete",),
        ("undelete",),
        ("purge",),
        ("export", "--id"),
        ("list", "--limit"),
        ("search", "x", "--limit"),
    ],
)
def test_huge_numbers_are_one_line(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...], number: str
) -> None:
    add(capsys, "x")
    code, _out, err = run(capsys, *command, number)
    assert code in (0, 1, 2), err
    if code:
        line = one_line(err)
        assert "id" in line or "number" in line or "limit" in line or "--" in line, line


ODD_IDS = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.integers(min_value=0, max_value=2**70).map(lambda n: f"#{n}"),
    st.sampled_from(["1_000", " 1", "١", "0x10", "1e3", "+1", "", "#", "--1", "0"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(number=ODD_IDS, command=st.sampled_from(["show", "delete", "undelete", "purge"]))
def test_any_id_is_found_or_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], number: str, command: str
) -> None:
    code, _out, err = run(capsys, command, "--", number)
    assert code in (0, 1, 2), err
    if code:
        one_line(err)


def test_an_id_beyond_the_journal_is_not_found(capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, "x")
    code, _out, err = run(capsys, "show", "9223372036854775807")
    assert code == 1
    assert "no entry with id 9223372036854775807" in one_line(err).lower()


def test_a_huge_limit_lists_everything(capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, "x")
    code, out, err = run(capsys, "list", "--json", "--limit", "99999999999999999999")
    assert code == 0, err
    assert len(json.loads(out)) == 1


def test_the_store_reports_huge_ids_as_not_found(journal: Journal) -> None:
    from journal.errors import NotFoundError

    for bad in (2**63, -(2**63) - 1, 10**30):
        with pytest.raises(NotFoundError):
            journal.get(bad)
        with pytest.raises(NotFoundError):
            journal.delete(bad)
        with pytest.raises(NotFoundError):
            journal.restore_entry(bad)
        with pytest.raises(NotFoundError):
            journal.edit(bad, title="t")
    assert journal.store.get_many([2**64]) == []


# -- 14.11: the README's query syntax in the shell ---------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-tag:ci"], {"deploy-prod", "plain"}),
        (["deploy", "-staging"], {"deploy-prod"}),
        (["-staging", "deploy"], {"deploy-prod"}),
        (["deploy", "--limit", "5", "-staging"], {"deploy-prod"}),
        (["deploy", "-tag:ci", "--json"], {"deploy-prod"}),
        (["--", "-tag:ci"], {"deploy-prod", "plain"}),
        (["-#ci"], {"deploy-prod", "plain"}),
        (["--limit=5", "deploy", "-staging"], {"deploy-prod"}),
    ],
)
def test_search_takes_words_starting_with_a_dash_as_the_query(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: set[str]
) -> None:
    add(capsys, "deploy to staging", "--tag", "ci", "--title", "deploy-staging")
    add(capsys, "deploy to prod", "--title", "deploy-prod")
    add(capsys, "nothing about it", "--title", "plain", "--tag", "home")
    args = ["search", *argv] if "--json" in argv else ["search", "--json", *argv]
    code, out, err = run(capsys, *args)
    assert code == 0, err
    titles = {e["title"] for e in json.loads(out)}
    assert titles & {"deploy-staging", "deploy-prod", "plain"} == expected


@pytest.mark.parametrize("search", [["--search", "-tag:ci"], ["--search=-tag:ci"]])
def test_export_search_takes_a_query_starting_with_a_dash(
    capsys: pytest.CaptureFixture[str], search: list[str]
) -> None:
    add(capsys, "deploy to staging", "--tag", "ci", "--title", "deploy-staging")
    add(capsys, "deploy to prod", "--title", "deploy-prod")
    code, out, err = run(capsys, "export", *search)
    assert code == 0, err
    assert "deploy-prod" in out and "deploy-staging" not in out


def test_search_options_still_work_and_unknown_long_options_are_query(
    capsys: pytest.CaptureFixture[str],
) -> None:
    add(capsys, "deploy", "--tag", "ci")
    code, out, err = run(capsys, "search", "--tag", "ci", "deploy", "--json")
    assert code == 0, err
    assert len(json.loads(out)) == 1
    code, _out, err = run(capsys, "search", "--limit")
    assert code == 2
    one_line(err)


# -- 14.5: text that is not UTF-8 --------------------------------------------------------

BAD = b"caf\xe9 \xff"


def _bytes_run(*args: bytes, stdin: bytes = b"", home: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, DAYBOOK_HOME=str(home), LC_ALL="C.UTF-8", PYTHONUTF8="1")
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"journal", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ((b"add", BAD), b"text"),
        ((b"add", b"ok", b"--title", BAD), b"--title"),
        ((b"add", b"ok", b"--tag", BAD), b"--tag"),
        ((b"search", BAD), b"query"),
        ((b"list", b"--tag", BAD), b"--tag"),
        ((b"export", b"--search", BAD), b"--search"),
    ],
)
def test_arguments_that_are_not_utf8_are_named(
    tmp_path: Path, args: tuple[bytes, ...], named: bytes
) -> None:
    done = _bytes_run(*args, home=tmp_path / "j")
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith(b"daybook: ")]
    assert len(lines) == 1, done.stderr
    assert b"not UTF-8" in lines[0] and named in lines[0], lines[0]


@pytest.mark.parametrize("data", [BAD, b"\xc3", b"ok\n\xed\xa0\x80", b"\xfe\xff\x00a"])
def test_stdin_that_is_not_utf8_is_named(tmp_path: Path, data: bytes) -> None:
    done = _bytes_run(b"add", b"-", stdin=data, home=tmp_path / "j")
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"standard input is not UTF-8" in done.stderr, done.stderr


def test_a_data_folder_named_in_other_bytes_still_works(tmp_path: Path) -> None:
    home = os.fsencode(tmp_path) + b"/d\xe9j\xe0"
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("DAYBOOK_HOME", None)
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"journal", b"--home", home, b"add", b"hello"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_what_the_editor_leaves_must_be_utf8(
    journal: Journal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from journal.errors import InputError
    from journal.services.editing import edit_in_editor

    entry = journal.add("hello")
    script = tmp_path / "ed.py"
    script.write_text(
        "import sys\nopen(sys.argv[1], 'ab').write(b'\\xff\\xfe more')\n", encoding="utf-8"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    with pytest.raises(InputError) as caught:
        edit_in_editor(journal, entry.id)
    assert "not UTF-8" in str(caught.value)
    kept = list(journal.paths.drafts.glob("edit-*"))
    assert len(kept) == 1 and str(kept[0]) in str(caught.value)
    assert journal.get(entry.id).body == "hello"


# -- 14.7: --home --------------------------------------------------------------------------


def test_empty_home_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--home", "", "list")
    assert code == 2
    assert "--home" in one_line(err)


def test_empty_daybook_home_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAYBOOK_HOME", "")
    code, _out, err = run(capsys, "list")
    assert code == 2
    assert "DAYBOOK_HOME" in one_line(err)


@pytest.mark.parametrize("command", [["list"], ["add", "x"], ["backup", "--list"], ["check"]])
@pytest.mark.parametrize("where", ["file", "into-file", "deep-into-file"])
def test_home_that_is_a_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str, command: list[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    home = {"file": notes, "into-file": notes / "j", "deep-into-file": notes / "a" / "b"}[where]
    code, _out, err = run(capsys, "--home", str(home), *command)
    assert code == 1, err
    line = one_line(err)
    assert "is a file, not a folder" in line and str(notes) in line
    assert notes.read_text(encoding="utf-8") == "my notes"


# -- 14.15: the smaller ones ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "export"])
def test_tag_filters_strip_the_hash(capsys: pytest.CaptureFixture[str], command: str) -> None:
    add(capsys, "one", "--tag", "ci")
    add(capsys, "two")
    args = [command, "--tag", "#ci"] + (["--format", "json"] if command == "export" else ["--json"])
    code, out, err = run(capsys, *args)
    assert code == 0, err
    data = json.loads(out)
    entries = data["entries"] if isinstance(data, dict) else data
    assert [e["body"] for e in entries] == ["one"]


def test_undelete_of_a_live_entry_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    entry_id = add(capsys, "x")
    code, _out, err = run(capsys, "undelete", str(entry_id))
    assert code == 1
    assert "not in the Trash" in one_line(err)


def test_purge_without_ids_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "purge")
    assert code == 2
    one_line(err)


@pytest.mark.parametrize("title", ["a\nb", "a\r\nb", "a\rb", "a\x0bb", "a\u2028b", "\n", "a\x85b"])
def test_titles_are_one_line_everywhere(
    capsys: pytest.CaptureFixture[str],
    journal: Journal,
    title: str,
) -> None:
    from journal.services.editing import from_text, to_text

    entry = journal.add("body", title=title)
    assert len(entry.title.splitlines()) <= 1, entry.title
    edited = journal.edit(entry.id, title=title)
    assert len(edited.title.splitlines()) <= 1
    assert from_text(to_text(edited))["title"] == edited.title


def test_editor_cannot_save_an_empty_entry(journal: Journal) -> None:
    from journal.errors import InputError

    entry = journal.add("hello")
    with pytest.raises(InputError, match="empty"):
        journal.edit(entry.id, title="", body="  \n ")
    assert journal.get(entry.id).body == "hello"


@pytest.mark.parametrize(
    "args",
    [
        ["add", "x", "--date", ""],
        ["add", "x", "--date", "  "],
        ["list", "--from", ""],
        ["list", "--to", ""],
        ["search", "x", "--from", ""],
        ["export", "--to", " "],
        ["prompt", "--date", ""],
    ],
)
def test_empty_dates_are_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _out, err = run(capsys, *args)
    assert code == 2, err
    assert "date" in one_line(err)


@pytest.mark.parametrize(
    ("value", "count"), [("2026-02", 2), ("2026", 3), ("2026-02-10", 2), ("2026-03", 1)]
)
def test_list_from_takes_a_period_like_queries(
    capsys: pytest.CaptureFixture[str], value: str, count: int
) -> None:
    add(capsys, "jan", "--date", "2026-01-15")
    add(capsys, "feb", "--date", "2026-02-10")
    add(capsys, "mar", "--date", "2026-03-01")
    code, out, err = run(capsys, "list", "--json", "--from", value)
    assert code == 0, err
    assert len(json.loads(out)) == count
    # --to takes the end of the period
    code, out, err = run(capsys, "list", "--json", "--to", "2026-02")
    assert code == 0, err
    assert len(json.loads(out)) == 2


@pytest.mark.parametrize("where", ["body", "title", "tag"])
def test_nul_bytes_are_not_stored(journal: Journal, where: str) -> None:
    if where == "body":
        entry = journal.add("a\x00b")
    elif where == "title":
        entry = journal.add("x", title="t\x00t")
    else:
        entry = journal.add("x", tags=["c\x00i"])
    stored = journal.get(entry.id)
    assert "\x00" not in stored.body + stored.title + "".join(stored.tags)
    again = journal.edit(entry.id, body="b\x00c", title="u\x00v")
    assert "\x00" not in again.body + again.title


def test_one_working_day_is_singular(capsys: pytest.CaptureFixture[str]) -> None:
    from journal.cli_output import count_days as _days

    assert _days(1) == "1 working day"
    assert _days(0) == "0 working days"
    assert _days(2) == "2 working days"


def test_help_mentions_json_export(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "JSON" in out


def test_readme_table_documents_time_format() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("|")]
    assert any("--time-format" in line for line in table)
