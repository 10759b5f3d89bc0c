"""The system keyring as the third password source, and the outbox's back-off against a
stopped server (both against a real PostgreSQL server)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import keyring
import pytest

from journal.domain.backoff import FIRST_DELAY
from journal.storage import outbox
from tests.fake_keyring import MemoryKeyring
from tests.team.people import NO_PASSWORD, Person, one_line_error, own_server, team_json

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.team.conftest import TeamDb


class BrokenKeyring(MemoryKeyring):
    """A keyring whose backend fails on every call (a locked or absent service)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("no secret service on the bus")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("no secret service on the bus")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


def joined(team: TeamDb, tmp_path: Path) -> Person:
    alice = Person(team, "alice", tmp_path)
    alice.join()
    return alice


def test_the_keyring_supplies_the_password_when_libpq_has_none(
    team: TeamDb, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    alice = joined(team, tmp_path)
    rc, _out, err = alice("team", "list", password=NO_PASSWORD)
    one_line_error(rc, err, "no password supplied", "system keyring")
    rc, out, err = alice(
        "team", "password", "work", "--password-stdin", stdin=alice.password + "\n"
    )
    assert rc == 0 and "kept in the system keyring" in out, err
    [(service, account)] = memory_keyring.items
    assert service == "Daybook team" and account == team.url(alice.role)
    assert alice.password not in (alice.home / "settings.json").read_text()
    rc, _out, err = alice("share", str(alice.add("from the keyring")), password=NO_PASSWORD)
    assert rc == 0 and "waiting" not in err, err
    assert [e["body"] for e in team_json(alice, "list")] == ["from the keyring"]
    # PGPASSWORD comes first: a wrong one is not overridden by the keyring.
    rc, _out, err = alice("team", "list", password="wrong")
    one_line_error(rc, err, "refused the password")
    # A wrong password in the keyring is one line too.
    memory_keyring.items[(service, account)] = "stale"
    rc, _out, err = alice("team", "list", password=NO_PASSWORD)
    one_line_error(rc, err, "refused the password", "keyring")
    rc, out, _err = alice("team", "password", "work", "--forget")
    assert rc == 0 and "deleted" in out and memory_keyring.items == {}
    rc, out, _err = alice("team", "password", "work", "--forget")
    assert rc == 0 and "no password was in" in out


def test_no_usable_keyring_is_one_line_and_changes_nothing(
    team: TeamDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = joined(team, tmp_path)
    before = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        rc, _out, err = alice("team", "password", "work", "--password-stdin", stdin="pw\n")
        one_line_error(rc, err, "keyring refused", "~/.pgpass")
        # A broken keyring is no source: libpq's answer stands, as one line.
        rc, _out, err = alice("team", "list", password=NO_PASSWORD)
        one_line_error(rc, err, "no password supplied")
    finally:
        keyring.set_keyring(before)
    from journal import keyring_store
    from journal.team import passwords

    monkeypatch.setattr(keyring_store, "_keyring", lambda: None)  # keyring not installed
    rc, _out, err = alice("team", "password", "work", "--password-stdin", stdin="pw\n")
    one_line_error(rc, err, "keyring module is not installed")
    assert passwords.lookup(team.url(alice.role)) is None
    for stdin, words in (("\n", ("password is empty",)), ("", ("no password on standard input",))):
        rc, _out, err = alice("team", "password", "work", "--password-stdin", stdin=stdin)
        one_line_error(rc, err, *words)
    rc, _out, err = alice("team", "password", "elsewhere", "--password-stdin", stdin="x\n")
    one_line_error(rc, err, "no team named 'elsewhere'")


def test_tag_filter_on_the_server(team: TeamDb, tmp_path: Path) -> None:
    alice = joined(team, tmp_path)
    for text, tag in (("one", "ops"), ("two", "learning"), ("three", "ops")):
        assert alice("share", str(alice.add(text, "--tag", tag)))[0] == 0
    assert {e["body"] for e in team_json(alice, "list", "--tag", "ops")} == {"one", "three"}
    assert [e["body"] for e in team_json(alice, "list", "--tag", "#learning")] == ["two"]
    assert team_json(alice, "list", "--tag", "op") == []  # whole tags, not prefixes


def test_the_outbox_backs_off_while_the_server_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stopped server: each automatic try that fails waits twice as long, tries that are
    not due do not touch the network, and the first due try after the restart sends."""
    from journal.services.journal import Journal
    from journal.services.team import TeamService
    from journal.team import sharing

    with own_server(tmp_path) as (cluster, alice):
        first = alice.add("written while the server is stopped")
        cluster.stop()
        assert alice("share", str(first))[0] == 0  # one failed attempt already
        clock = [outbox.utc_now()]
        monkeypatch.setattr(outbox, "utc_now", lambda: clock[0])
        monkeypatch.setenv("PGPASSWORD", alice.password)
        from journal.paths import AppPaths

        with Journal.open(AppPaths(alice.home)) as journal:
            service = TeamService(journal)
            waits = []
            for _ in range(4):
                state = service.outbox_state()
                assert state.waiting == 1 and "cannot reach" in state.last_error
                [item] = outbox.pending(journal.store)
                assert item.next_attempt_at is not None
                waits.append(item.next_attempt_at - clock[0])
                clock[0] = item.next_attempt_at - dt.timedelta(seconds=1)
                service.sync(due_only=True)  # not due: no attempt
                assert outbox.pending(journal.store)[0].attempts == item.attempts
                clock[0] = item.next_attempt_at
                service.sync(due_only=True)  # due: tried, failed again
                assert outbox.pending(journal.store)[0].attempts == item.attempts + 1
            assert waits[0] <= FIRST_DELAY and [w / waits[1] for w in waits[1:]] == [1, 2, 4]
            cluster.start()
            [item] = outbox.pending(journal.store)
            clock[0] = item.next_attempt_at or clock[0]
            [report] = service.sync(due_only=True)
            assert (report.sent, report.waiting) == (1, 0)
            assert service.outbox_state().waiting == 0
            entry: Any = journal.get(first)
            assert service.shared_in(entry) == [("work", True)]
            assert sharing.teams(journal.paths) == {"work": alice.db.url(alice.role)}
