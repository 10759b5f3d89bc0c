"""The team outbox without a server: back-off, its state, where entries are shared, and
when an edit makes a team copy stale; tests/team runs the same against PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.backoff import FIRST_DELAY, MAX_DELAY, next_attempt, retry_delay
from journal.services.team import TeamService
from journal.settings import Settings
from journal.storage import db, outbox
from journal.team import sharing

NOW = dt.datetime(2026, 12, 3, 9, 0, 0)


@given(st.integers(min_value=-5, max_value=10_000))
def test_the_delay_grows_and_never_passes_the_cap(failures: int) -> None:
    delay = retry_delay(failures)
    assert dt.timedelta(0) <= delay <= MAX_DELAY
    assert retry_delay(failures + 1) >= delay
    if failures <= 0:
        assert delay == dt.timedelta(0)
    elif delay < MAX_DELAY:  # below the cap each failure doubles the wait
        assert retry_delay(failures + 1) == min(2 * delay, MAX_DELAY)
        assert delay == FIRST_DELAY * 2 ** (failures - 1)


def test_the_first_delays_and_the_cap() -> None:
    assert [retry_delay(n).total_seconds() for n in range(1, 9)] == [
        30, 60, 120, 240, 480, 960, 1920, 3600,
    ]  # fmt: skip
    assert retry_delay(10**9) == MAX_DELAY
    assert next_attempt(1, NOW) == NOW + FIRST_DELAY


def join(journal: Any, name: str, url: str) -> None:
    """A joined team in the settings, without asking a server (join() would)."""
    settings = Settings.load(journal.paths.settings)
    teams = dict(settings.extra.get("teams", {}))
    teams[name] = {"url": url}
    settings.extra["teams"] = teams
    settings.extra.setdefault("default_team", name)
    settings.save(journal.paths.settings)


def unreachable(tmp_path: Any) -> str:
    return f"postgresql://alice@/team?host={tmp_path / 'nowhere'}"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=6))
def test_each_failure_sets_the_next_try_from_that_actions_own_count(
    journal: Any, counts: list[int]
) -> None:
    """Whatever each waiting action's history, one more failure at NOW sets its next try
    to NOW + the delay for its own count plus one, and counts one more attempt."""
    with db.write_transaction(journal.store.engine) as conn:
        conn.execute("DELETE FROM team_outbox")  # the journal is shared by the examples
    outbox.queue(journal.store, "work", [(f"u{i}", "share", "{}") for i in range(len(counts))])
    with db.write_transaction(journal.store.engine) as conn:
        for i, n in enumerate(counts):
            conn.execute("UPDATE team_outbox SET attempts = ? WHERE entry_uid = ?", (n, f"u{i}"))
    before = outbox.pending(journal.store, "work")
    outbox.failed(journal.store, before, "down", NOW)
    after = {p.entry_uid: p for p in outbox.pending(journal.store, "work")}
    for item in before:
        again = after[item.entry_uid]
        assert again.attempts == item.attempts + 1
        assert again.next_attempt_at == NOW + retry_delay(item.attempts + 1)
        assert again.last_error == "down"


def test_the_app_does_not_knock_before_the_next_try_is_due(journal: Any, tmp_path: Any) -> None:
    join(journal, "work", unreachable(tmp_path))
    entry = journal.add("a lesson")
    sharing.share(journal, "work", [entry.id])
    report = sharing.sync(journal, "work", unreachable(tmp_path), now=NOW)
    assert (report.sent, report.waiting) == (0, 1)
    assert "cannot reach" in report.error
    assert report.next_attempt == NOW + FIRST_DELAY
    # Before it is due the automatic send does not even try: the count stays at 1.
    early = NOW + FIRST_DELAY - dt.timedelta(seconds=1)
    report = sharing.sync(journal, "work", unreachable(tmp_path), due_only=True, now=early)
    assert report.next_attempt == NOW + FIRST_DELAY
    [item] = outbox.pending(journal.store, "work")
    assert item.attempts == 1
    # Once due it tries, fails again and waits twice as long.
    due = NOW + FIRST_DELAY
    report = sharing.sync(journal, "work", unreachable(tmp_path), due_only=True, now=due)
    [item] = outbox.pending(journal.store, "work")
    assert item.attempts == 2 and report.next_attempt == due + 2 * FIRST_DELAY
    # `daybook team sync` (not due_only) tries at once.
    sharing.sync(journal, "work", unreachable(tmp_path), now=due)
    assert outbox.pending(journal.store, "work")[0].attempts == 3


def test_the_outbox_state_sums_the_teams_and_names_the_next_try(
    journal: Any, tmp_path: Any
) -> None:
    service = TeamService(journal)
    assert service.outbox_state().waiting == 0
    join(journal, "work", unreachable(tmp_path))
    join(journal, "guild", unreachable(tmp_path))
    a, b = journal.add("one"), journal.add("two")
    service.share([a.id, b.id], "work")
    service.share([a.id], "guild")
    state = service.outbox_state()
    assert (state.waiting, state.attempts, state.next_attempt) == (3, 0, None)
    service.sync(due_only=False)
    state = service.outbox_state()
    assert state.waiting == 3 and state.attempts == 1
    assert state.next_attempt is not None and state.next_attempt.tzinfo is not None
    assert "cannot reach" in state.last_error
    assert service.teams() == ["work", "guild"]  # the default team first


def committed(journal: Any, team: str) -> None:
    """What the server would do: every waiting action of `team` committed."""
    for item in outbox.pending(journal.store, team):
        outbox.done(journal.store, item, sharing.fingerprint(item.payload))


def test_shared_in_follows_the_outbox_and_the_server(journal: Any, tmp_path: Any) -> None:
    service = TeamService(journal)
    join(journal, "work", unreachable(tmp_path))
    join(journal, "guild", unreachable(tmp_path))
    entry = journal.add("a lesson")
    assert service.shared_in(entry) == []
    service.share([entry.id], "work")
    assert service.shared_in(entry) == [("work", False)]  # waiting
    committed(journal, "work")
    assert service.shared_in(entry) == [("work", True)]
    service.share([entry.id], "guild")
    assert service.shared_in(entry) == [("guild", False), ("work", True)]
    service.unshare([entry.id], "work")  # a waiting unshare already hides the team
    assert service.shared_in(entry) == [("guild", False)]
    committed(journal, "work")
    committed(journal, "guild")
    assert service.shared_in(entry) == [("guild", True)]


@pytest.mark.parametrize(
    ("change", "stale"),
    [
        ({"body": "a lesson, rewritten"}, ["work"]),
        ({"title": "New title"}, ["work"]),
        ({"tags": ["new"]}, ["work"]),
        ({"private": True}, ["work"]),
        # Only the private block changed: the team copy (filtered) is still the same.
        ({"body": "a lesson\n\n```private\nother secret\n```"}, []),
        ({}, []),
    ],
)
def test_an_edit_makes_the_copy_stale_only_when_its_public_text_changed(
    journal: Any, tmp_path: Any, change: dict[str, Any], stale: list[str]
) -> None:
    service = TeamService(journal)
    join(journal, "work", unreachable(tmp_path))
    entry = journal.add("a lesson\n\n```private\nsecret\n```", tags=["kept"])
    service.share([entry.id], "work")
    committed(journal, "work")
    edited = journal.edit(entry.id, **change) if change else entry
    assert service.stale_copies(edited) == stale
    service.update_copies(edited, stale)
    if stale:
        [item] = outbox.pending(journal.store, "work")
        assert item.action == ("unshare" if edited.private else "share")
        if item.action == "share":
            assert "secret" not in item.payload
            assert json.loads(item.payload)["uid"] == entry.uid
        # Queued: the copy about to be sent is current, so nothing is offered twice.
        assert service.stale_copies(edited) == []


@pytest.mark.parametrize(
    ("title", "body", "shown"),
    [
        ("Cache", "## What did I learn?\nflags", "Cache"),
        ("", "## What did I learn?\nFeature flags help.", "Feature flags help."),
        ("", "\n\n# Only a heading\n", "Only a heading"),
        ("", "plain first line\nsecond", "plain first line"),
        ("", "", ""),
        ("  ", "## Q\n#tag first, then words", "#tag first, then words"),
        ("", "####### seven is no heading\n", "####### seven is no heading"),
    ],
)
def test_a_shared_entrys_title_skips_the_question_headings(
    title: str, body: str, shown: str
) -> None:
    from journal.team.store import SharedEntry

    moment = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    entry = SharedEntry("alice", "u", dt.date(2026, 12, 3), title, body, (), moment, moment)
    assert entry.display_title == shown


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://alice@/team?host={tmp}/nowhere",  # no socket there
        "postgresql://alice@127.0.0.1:1/team",  # nothing listens
        "postgresql://alice@db.example.invalid/team",  # a name that never resolves (RFC 2606)
        "postgresql://alice@[::1]:1/team",
    ],
)
def test_every_kind_of_unreachable_server_keeps_the_share_waiting(
    journal: Any, tmp_path: Any, url: str
) -> None:
    """Offline (no route, no DNS, nothing listening): the share waits, nothing is raised."""
    url = url.format(tmp=tmp_path)
    join(journal, "work", url)
    entry = journal.add("written offline")
    sharing.share(journal, "work", [entry.id])
    report = sharing.sync(journal, "work", url, now=NOW)
    assert (report.sent, report.waiting) == (0, 1)
    assert report.error.startswith("cannot reach the team server"), report.error
    assert "shares wait in the outbox" in report.error
