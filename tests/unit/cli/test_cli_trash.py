"""`daybook trash`, `undelete`, `purge` and `backup --list`; restore over a damaged journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli as run


def test_help_lists_the_trash_commands(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--help")[1]
    for command in ("trash", "undelete", "purge"):
        assert command in out
        assert run(capsys, command, "--help")[0] == 0
    assert "--list" in run(capsys, "backup", "--help")[1]


def test_trash_undelete_and_purge(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "keep me")
    run(capsys, "add", "throw me away", "--title", "Gone")
    code, _, err = run(capsys, "trash")
    assert code == 0 and "the Trash is empty" in err
    run(capsys, "delete", "2")
    code, out, _ = run(capsys, "trash")
    assert code == 0 and "Gone" in out and "deleted 20" in out and "keep me" not in out
    code, _, err = run(capsys, "undelete", "2")
    assert code == 0 and "back from the Trash" in err
    assert run(capsys, "show", "2")[0] == 0
    run(capsys, "delete", "2")
    code, _, err = run(capsys, "purge", "2")
    assert code == 0 and "1 entry deleted for ever" in err and "backups made before" in err
    assert run(capsys, "show", "2")[0] == 1
    assert run(capsys, "show", "1")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["purge", "1"],
            "entry 1 is not in the Trash; nothing was purged; move it there "
            "first with `daybook delete 1`",
        ),
        (["purge", "99"], "there is no entry with id 99; nothing was purged"),
        (["undelete", "99"], "no entry with id 99"),
    ],
)
def test_purge_refuses_what_is_not_in_the_trash(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    run(capsys, "add", "still here")
    code, _, err = run(capsys, *args)
    assert code == 1 and err.startswith("daybook: error: ") and message in err
    assert err.count("\n") == 1
    assert run(capsys, "show", "1")[0] == 0


@pytest.mark.parametrize("args", [["purge"], ["purge", "1", "--all"]])
def test_purge_needs_ids_or_all_a_usage_error(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    run(capsys, "add", "still here")
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.splitlines()[-1] == (
        "daybook: error: purge: give the ids of entries in the Trash, or --all"
    )
    assert run(capsys, "show", "1")[0] == 0


def test_one_bad_id_purges_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "a")
    run(capsys, "add", "b")
    run(capsys, "delete", "1")
    assert run(capsys, "purge", "1", "2")[0] == 1
    assert "a" in run(capsys, "trash")[1]  # entry 1 is still in the Trash
    code, _, err = run(capsys, "purge", "--all")
    assert code == 0 and "1 entry deleted" in err
    assert "nothing to purge" in run(capsys, "purge", "--all")[2]


def test_purge_leaves_no_trace_in_any_journal_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    word = "quetzalcoatlsecret"
    for i in range(30):
        run(capsys, "add", f"ordinary entry {i} " * 20)
    _, out, _ = run(
        capsys, "add", f"the {word} plan, {word} again #{word}", "--title", f"{word} title"
    )
    target = out.strip()
    for i in range(30):
        run(capsys, "add", f"later entry {i}")
    run(capsys, "delete", target)
    files = sorted(isolated_home.glob("journal.sqlite3*"))
    assert any(word.encode() in f.read_bytes() for f in files)  # the search can find it
    assert run(capsys, "purge", target)[0] == 0
    for f in sorted(isolated_home.glob("journal.sqlite3*")):
        assert word.encode() not in f.read_bytes(), f
    assert run(capsys, "search", word)[2].startswith("no entries found")
    assert run(capsys, "check")[0] == 0


def test_backup_list(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "x")
    code, _, err = run(capsys, "backup", "--list")
    assert code == 0 and "no backups in" in err
    made = run(capsys, "backup")[1].strip()
    code, out, _ = run(capsys, "backup", "--list")
    assert code == 0 and "manual" in out and made in out and "KB" in out
    assert run(capsys, "backup", "--list", "--to", "x")[0] == 2


def test_backup_list_and_restore_work_on_a_damaged_journal(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    run(capsys, "add", "worth keeping")
    backup = Path(run(capsys, "backup")[1].strip())
    db = isolated_home / "journal.sqlite3"
    damaged = b"\x00garbage" * 1000
    db.write_bytes(damaged)
    code, _, err = run(capsys, "list")
    assert code == 1 and "damaged" in err and "daybook backup --list" in err
    code, out, _ = run(capsys, "backup", "--list")
    assert code == 0 and str(backup) in out
    bad = isolated_home / "not-a-backup.sqlite3"
    bad.write_bytes(b"nope" * 100)
    code, _, err = run(capsys, "restore", str(bad))
    assert code == 1 and "not a Daybook backup; nothing was changed" in err
    assert db.read_bytes() == damaged
    code, out, err = run(capsys, "restore", str(backup))
    assert code == 0, err
    moved = Path(out.split("moved aside to ")[1].strip())
    assert moved.read_bytes() == damaged  # never deleted
    assert "worth keeping" in run(capsys, "list")[1]


def test_add_says_where_the_text_is_when_nothing_was_saved(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated_home.mkdir()
    (isolated_home / "journal.sqlite3").write_bytes(b"\x00garbage" * 1000)
    code, _, err = run(capsys, "add", "my words")
    assert code == 1 and "your text is still in your command line" in err
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("piped words\n"))
    code, _, err = run(capsys, "add")
    assert code == 1 and "your text is kept in " in err
    kept = Path(err.split("your text is kept in ")[1].split(":")[0])
    try:
        assert kept.read_text() == "piped words\n"
        assert (kept.stat().st_mode & 0o777) == 0o600
    finally:
        kept.unlink()


def test_purge_leaves_no_trace_while_the_app_has_the_journal_open(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    """With another connection open the -wal is not removed at close: the purge itself must
    empty it (checkpoint TRUNCATE), or the old page images stay in it."""
    from journal.paths import AppPaths
    from journal.storage.store import JournalStore

    word = "xylophonicsecret"
    run(capsys, "add", f"the {word} plan")
    run(capsys, "add", "another")
    app = JournalStore.open(AppPaths(isolated_home))
    try:
        assert len(app.list_entries()) == 2
        run(capsys, "delete", "1")
        assert run(capsys, "purge", "1")[0] == 0
        for f in sorted(isolated_home.glob("journal.sqlite3*")):
            assert word.encode() not in f.read_bytes(), f
    finally:
        app.close()
