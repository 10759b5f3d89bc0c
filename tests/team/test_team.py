"""The team learning log against a real PostgreSQL server (see conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

from tests.team.people import (
    Person,
    SilentServer,
    one_line_error,
    own_server,
    run,
    team_json,
)
from tests.team.pgcluster import ADMIN, ADMIN_PASSWORD

if TYPE_CHECKING:
    from tests.team.conftest import TeamDb


def test_setup_is_idempotent_and_builds_the_schema_with_row_level_security(
    team_db: TeamDb,
) -> None:
    for _ in range(2):
        rc, out, err = run(None, "team", "setup", team_db.admin_url)
        assert rc == 0, err
        assert f"{team_db.name}_daybook" in out
    assert team_db.admin_sql("SELECT version_num FROM daybook_team_version") == [("t0001",)]
    policies = team_db.admin_sql(
        "SELECT policyname FROM pg_policies WHERE tablename = 'team_entries' ORDER BY 1"
    )
    assert [p[0] for p in policies] == ["team_delete", "team_insert", "team_read", "team_update"]
    assert team_db.admin_sql(
        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'team_entries'"
    ) == [(True, True)]
    index = team_db.admin_sql(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_team_entries_search'"
    )
    assert "USING gin (search)" in str(index[0][0])


def test_two_people_share_and_read_each_others_entries(team: TeamDb, tmp_path: Path) -> None:
    alice, bob = Person(team, "alice", tmp_path), Person(team, "bob", tmp_path)
    alice.join()
    bob.join()
    a = alice.add("Deployed the cache with a rollback plan", "--title", "Cache", "--tag", "ops")
    b = bob.add("Learned that retries need jitter", "--date", "2026-11-20")
    assert alice("share", str(a))[0] == 0
    rc, out, err = bob("share", str(b))
    assert rc == 0 and "sent 1" in out, err
    for person in (alice, bob):
        shown = team_json(person, "list")
        assert [(e["author"], e["title"]) for e in shown] == [
            (alice.role, "Cache"),
            (bob.role, ""),
        ]
        assert set(shown[0]) == {"id", "date", "time", "title", "body", "tags", "private", "author"}
        assert shown[0]["tags"] == ["ops"] and shown[0]["private"] is False
    # PostgreSQL's text search: "deploying" finds "Deployed" (English stems); filters apply.
    assert [e["author"] for e in team_json(bob, "search", "deploying")] == [alice.role]
    assert team_json(bob, "search", "jitter", "--author", alice.role) == []
    assert [e["author"] for e in team_json(alice, "list", "--to", "2026-11-30")] == [bob.role]
    # Sharing again after an edit replaces the copy; unshare removes it.
    assert alice("share", str(a))[0] == 0
    assert len(team_json(bob, "list", "--author", alice.role)) == 1
    assert alice("unshare", str(a))[0] == 0
    assert [e["author"] for e in team_json(bob, "list")] == [bob.role]


def test_row_level_security_holds_against_hand_written_sql(team: TeamDb, tmp_path: Path) -> None:
    alice, bob = Person(team, "alice", tmp_path), Person(team, "bob", tmp_path)
    alice.join()
    bob.join()
    assert alice("share", str(alice.add("alice's lesson")))[0] == 0
    assert bob("share", str(bob.add("bob's lesson")))[0] == 0
    a = alice.role
    # Someone else's rows are invisible to UPDATE and DELETE: nothing changes.
    assert bob.sql(f"UPDATE team_entries SET body = 'forged' WHERE author = '{a}'") == 0
    assert bob.sql(f"DELETE FROM team_entries WHERE author = '{a}'") == 0
    forgeries = (
        f"INSERT INTO team_entries (author, uid, day, body) VALUES ('{a}', 'x', now(), 'forged')",
        f"UPDATE team_entries SET author = '{a}' WHERE author = current_user",
        "ALTER TABLE team_entries DISABLE ROW LEVEL SECURITY",
        "DROP POLICY team_update ON team_entries",
        "TRUNCATE team_entries",
        f"SET ROLE {a}",
    )
    for statement in forgeries:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.sql(statement)
    rows = team.admin_sql("SELECT author, body FROM team_entries ORDER BY author")
    assert rows == [(a, "alice's lesson"), (bob.role, "bob's lesson")]


def test_private_text_never_reaches_the_server(team: TeamDb, tmp_path: Path) -> None:
    alice = Person(team, "alice", tmp_path)
    alice.join()
    secret_entry = alice.add("CANARY-ENTRY-7f3a whole entry", "--private")
    mixed = alice.add(
        "public lesson\n\n```private\nCANARY-BLOCK-91c2 #canarytag\n```\n", "--tag", "kept"
    )
    rc, _out, err = alice("share", str(mixed), str(secret_entry))
    one_line_error(rc, err, f"entry {secret_entry} is private", "nothing was shared")
    assert team_json(alice, "list") == []
    assert alice("share", str(mixed))[0] == 0
    [shared] = team_json(alice, "list")
    assert "public lesson" in str(shared["body"]) and shared["tags"] == ["kept"]
    env = {**os.environ, "PGPASSWORD": ADMIN_PASSWORD}
    dump = subprocess.run(
        [team.cluster.tool("pg_dump"), "-h", str(team.cluster.socket), "-U", ADMIN, team.name],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "public lesson" in dump
    for canary in ("CANARY-ENTRY-7f3a", "CANARY-BLOCK-91c2", "canarytag"):
        assert canary not in dump


def test_wrong_password_unreachable_server_and_non_member_are_one_line_each(
    team: TeamDb, tmp_path: Path
) -> None:
    alice = Person(team, "alice", tmp_path)
    rc, _out, err = alice("team", "join", "work", team.url(alice.role), password="wrong")
    one_line_error(rc, err, "refused the password", "~/.pgpass")
    gone = f"postgresql://{alice.role}@/{team.name}?host={tmp_path / 'nowhere'}"
    rc, _out, err = alice("team", "join", "work", gone)
    one_line_error(rc, err, "cannot reach the team server")
    rc, _out, err = alice("team", "join", "work", "postgresql://x@127.0.0.1:1/db")
    one_line_error(rc, err, "cannot reach the team server", "127.0.0.1")
    carol = Person(team, "carol", tmp_path, grant=False)
    rc, _out, err = carol("team", "join", "work", team.url(carol.role))
    one_line_error(rc, err, "permission denied", "daybook team grant")
    rc, _out, err = run(None, "team", "grant", "nobody_here", "--url", team.admin_url)
    one_line_error(rc, err, "no PostgreSQL role 'nobody_here'")
    rc, _out, err = alice("team", "join", "work", "mysql://x@host/db")
    one_line_error(rc, err, "not a PostgreSQL URL")
    # Nothing was kept by the failed joins.
    rc, _out, err = alice("share", str(alice.add("x")))
    one_line_error(rc, err, "joined no team")


def test_join_keeps_no_password_and_revoke_ends_access(team: TeamDb, tmp_path: Path) -> None:
    alice = Person(team, "alice", tmp_path)
    with_pw = team.cluster.url(alice.role, team.name, alice.password)
    rc, _out, err = alice("team", "join", "work", with_pw, password="")
    assert rc == 0 and "not kept" in err
    settings = (alice.home / "settings.json").read_text()
    assert alice.password not in settings and alice.role in settings
    assert alice("share", str(alice.add("before revoke")))[0] == 0
    assert run(None, "team", "revoke", alice.role, "--url", team.admin_url)[0] == 0
    rc, _out, err = alice("team", "list")
    one_line_error(rc, err, "permission denied")
    assert team.admin_sql("SELECT author FROM team_entries") == [(alice.role,)]


def test_the_outbox_keeps_shares_across_a_server_stop_and_restart(tmp_path: Path) -> None:
    with own_server(tmp_path) as (cluster, alice):
        first = alice.add("written while the server is down")
        cluster.stop()
        rc, out, err = alice("share", str(first))
        assert rc == 0 and "queued" in out
        assert "1 waiting to be shared" in err and "cannot reach" in err
        rc, out, _err = alice("team", "teams")
        assert "1 waiting to be shared" in out
        rc, _out, err = alice("team", "sync")
        assert rc == 0 and "1 waiting" in err
        cluster.start()
        rc, out, err = alice("team", "sync")
        assert rc == 0 and "work: sent 1" in out, err
        assert [e["body"] for e in team_json(alice, "list")] == ["written while the server is down"]
        rc, out, _err = alice("team", "teams")
        assert "0 waiting to be shared" in out


def test_tls_required_but_refused_is_one_line(team: TeamDb, tmp_path: Path) -> None:
    server = SilentServer(refuse_tls=True)
    try:
        alice = Person(team, "alice", tmp_path)
        url = f"postgresql://{alice.role}@127.0.0.1:{server.port}/{team.name}?sslmode=require"
        rc, _out, err = alice("team", "join", "work", url)
        one_line_error(rc, err, "refused the secure connection", "sslmode")
    finally:
        server.close()


def test_the_outbox_survives_a_client_killed_while_sending(team: TeamDb, tmp_path: Path) -> None:
    """`team sync` killed with SIGKILL while its server hangs: the share still waits, and is
    sent once the right server answers."""
    import signal
    import sys

    alice = Person(team, "alice", tmp_path)
    alice.join()
    entry = alice.add("kept through a kill -9")
    server = SilentServer(refuse_tls=False)
    try:
        hanging = f"postgresql://{alice.role}@127.0.0.1:{server.port}/{team.name}?sslmode=disable"
        gone = f"postgresql://{alice.role}@/{team.name}?host={tmp_path / 'nowhere'}"
        settings = alice.home / "settings.json"
        real = settings.read_text()
        kept = json.dumps(team.url(alice.role))[1:-1]
        settings.write_text(real.replace(kept, gone))
        rc, _out, err = alice("share", str(entry))  # queued; the server cannot be reached
        assert rc == 0 and "1 waiting" in err
        settings.write_text(real.replace(kept, hanging))
        root = Path(__file__).resolve().parents[2]
        client = subprocess.Popen(
            [sys.executable, "-m", "journal", "--home", str(alice.home), "team", "sync"],
            cwd=root,
            env={**os.environ, "PGPASSWORD": alice.password},
        )
        assert server.connected.wait(60)
        os.kill(client.pid, signal.SIGKILL)
        assert client.wait(60) == -signal.SIGKILL
        settings.write_text(real)
    finally:
        server.close()
    rc, out, _err = alice("team", "teams")
    assert "1 waiting to be shared" in out
    rc, out, err = alice("team", "sync")
    assert rc == 0 and "sent 1" in out, err
    assert [e["body"] for e in team_json(alice, "list")] == ["kept through a kill -9"]


def test_team_digest_gathers_the_weeks_learn_answers_by_person(
    team: TeamDb, tmp_path: Path
) -> None:
    alice, bob = Person(team, "alice", tmp_path), Person(team, "bob", tmp_path)
    alice.join()
    bob.join()
    shared = [
        alice.add(
            "## What did I do?\nshipped\n\n## What did I learn?\nfeature flags help",
            "--date",
            "2026-11-17",
        ),
        alice.add("## What did I learn?\nthe week before", "--date", "2026-11-15"),
        bob.add(
            "## Learned\n```private\nBOB-SECRET\n```\nread the runbook", "--date", "2026-11-22"
        ),
        bob.add("no learn heading here", "--date", "2026-11-18"),
    ]
    for person, entry in zip((alice, alice, bob, bob), shared, strict=True):
        assert person("share", str(entry))[0] == 0
    rc, out, err = bob("team", "digest", "--week", "2026-11-19")
    assert rc == 0, err
    assert out.startswith("# Team week notes: what we learned, 2026-11-16 to 2026-11-22\n")
    # Role names are escaped as Markdown text (team1\\_2\\_alice): find them by their end.
    a, b = out.index("alice\n"), out.index("bob\n")
    assert (
        out.rfind("\n## ", 0, a) < a < out.index("flags help") < b < out.index("read the runbook")
    )
    assert "### Tue 2026-11-17" in out and "### Sun 2026-11-22" in out
    for absent in ("the week before", "shipped", "BOB-SECRET", "no learn heading"):
        assert absent not in out
    rc, out, err = bob("team", "digest", "--week", "2026-10-01")
    assert rc == 0 and out == "" and "nobody shared" in err
