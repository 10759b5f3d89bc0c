"""The team learning log for the app: what the Team view, the share actions and the reader
ask, without Qt (the CLI's `journal.cli_team` calls the same `journal.team` functions).

Local questions (which teams are joined, what waits in the outbox, where an entry is
shared, whether an edit changed a shared entry's public text) are answered from the
settings and the journal at once; questions for the server (a page of the team log, its
authors and tags, the week notes, sending the outbox) open a connection and may take up
to the connect timeout, so the UI asks them from its worker threads. Nothing of
SQLAlchemy or psycopg is imported until one of those runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.errors import DaybookError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.entry import Entry
    from journal.services.journal import Journal
    from journal.team.sharing import SyncReport
    from journal.team.store import SharedEntry

PAGE_SIZE = 50  # the Team view's first page, and each "Show more"


@dataclass(frozen=True, slots=True)
class TeamQuery:
    """What the Team view asks for: a search (PostgreSQL's text search) and filters."""

    text: str = ""
    author: str | None = None
    tag: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class OutboxState:
    """What waits to be shared, over every team: the count, and when the app tries again."""

    waiting: int = 0
    attempts: int = 0  # the most failed attempts among them
    last_error: str = ""
    next_attempt: dt.datetime | None = None  # aware, local time


class TeamService:
    """The team features on one open journal."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    # -- local: settings and outbox --------------------------------------------------------

    def teams(self) -> list[str]:
        """The teams joined on this machine, the default one first."""
        from journal.settings import Settings
        from journal.team.sharing import teams

        joined = sorted(teams(self.journal.paths))
        default = Settings.load(self.journal.paths.settings).extra.get("default_team")
        if default in joined:
            joined.remove(default)
            joined.insert(0, default)
        return joined

    def outbox_state(self) -> OutboxState:
        from journal.storage import outbox

        waiting = outbox.pending(self.journal.store)
        if not waiting:
            return OutboxState()
        due = min((p.next_attempt_at for p in waiting if p.next_attempt_at), default=None)
        worst = max(waiting, key=lambda p: p.attempts)
        return OutboxState(
            waiting=len(waiting),
            attempts=worst.attempts,
            last_error=worst.last_error,
            next_attempt=due.replace(tzinfo=dt.UTC).astimezone() if due else None,
        )

    def share(self, ids: Sequence[int], team: str | None = None) -> tuple[str, int]:
        """Queue the entries' public snapshots for `team` (the default one); returns the
        team's name and how many were queued. Private entries refuse the whole share."""
        from journal.team import sharing

        name, _url = sharing.resolve(self.journal.paths, team)
        return name, sharing.share(self.journal, name, ids)

    def unshare(self, ids: Sequence[int], team: str) -> int:
        from journal.team import sharing

        return sharing.unshare(self.journal, team, ids)

    def shared_in(self, entry: Entry) -> list[tuple[str, bool]]:
        """Where the entry is shared: (team, True) for a copy the server holds, (team,
        False) for a share still waiting in the outbox; a waiting unshare hides the team."""
        from journal.storage import outbox

        held = dict.fromkeys(outbox.shared(self.journal.store, entry.uid), True)
        for item in outbox.pending(self.journal.store):
            if item.entry_uid != entry.uid:
                continue
            if item.action == "share":
                held[item.team] = held.get(item.team, False)
            else:
                held.pop(item.team, None)
        return sorted(held.items())

    def stale_copies(self, entry: Entry) -> list[str]:
        """The teams whose copy of `entry` differs from what sharing it now would send
        (edited since, or made private): where an update should be offered."""
        from journal.storage import outbox

        held = outbox.shared(self.journal.store, entry.uid)
        if not held:
            return []  # (the usual case: journal.team is not even loaded)
        from journal.team import sharing

        waiting = {
            p.team: p for p in outbox.pending(self.journal.store) if p.entry_uid == entry.uid
        }
        if entry.private:
            return sorted(t for t in held if t not in waiting or waiting[t].action == "share")
        [(_uid, snap)] = sharing.snapshot(self.journal, [entry.id])
        current = sharing.fingerprint(sharing.payload_of(snap))
        stale = []
        for team, fingerprint in held.items():
            queued = waiting.get(team)
            if queued is not None:
                if queued.action == "unshare":
                    continue
                fingerprint = sharing.fingerprint(queued.payload)
            if fingerprint != current:
                stale.append(team)
        return sorted(stale)

    def update_copies(self, entry: Entry, teams: Sequence[str]) -> int:
        """Bring the teams' copies in line with `entry`: shared again, or (a private entry)
        removed. Returns how many actions were queued."""
        for team in teams:
            if entry.private:
                self.unshare([entry.id], team)
            else:
                self.share([entry.id], team)
        return len(teams)

    # -- the server (call from a worker thread) --------------------------------------------

    def sync(self, *, due_only: bool = True) -> list[SyncReport]:
        """Send what waits, team by team; `due_only` respects the back-off (the app's
        automatic sending). An unreachable server is reported, not raised; any other
        refusal is raised after the rest of the teams were tried."""
        from journal.team import sharing

        reports = []
        refusal: DaybookError | None = None
        joined = sharing.teams(self.journal.paths)
        for name in sorted(joined):
            try:
                reports.append(sharing.sync(self.journal, name, joined[name], due_only=due_only))
            except DaybookError as exc:
                refusal = refusal or exc
        if refusal is not None:
            raise refusal
        return reports

    def page(
        self, team: str, query: TeamQuery, offset: int = 0, limit: int = PAGE_SIZE
    ) -> list[SharedEntry]:
        """One page of the team log, newest first."""
        from journal.team import sharing
        from journal.team.store import TeamStore

        _name, url = sharing.resolve(self.journal.paths, team)
        text = query.text.strip()
        with TeamStore(url) as store:
            return store.entries(
                query=text or None,
                author=query.author,
                tag=query.tag,
                date_from=query.date_from,
                date_to=query.date_to,
                limit=limit,
                offset=offset,
            )

    def facets(self, team: str) -> tuple[list[str], list[str]]:
        """The team's authors and tags (the view's filter choices)."""
        from journal.team import sharing
        from journal.team.store import TeamStore

        _name, url = sharing.resolve(self.journal.paths, team)
        with TeamStore(url) as store:
            return store.facets()

    def week_notes(self, team: str, day: dt.date) -> tuple[dt.date, str | None]:
        """The team's week notes (Markdown) for the week holding `day`, and its Monday;
        None when nobody shared what they learned that week."""
        from journal.team import sharing
        from journal.team.digest import week_notes

        _name, url = sharing.resolve(self.journal.paths, team)
        return week_notes(url, day)
