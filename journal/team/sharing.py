"""Teams in the settings, and sharing entries through the journal's outbox.

A share takes the entry as an export shows it (`public_view`: private blocks and the tags
only inside them left out); a private entry cannot be shared. The snapshot goes to the
outbox in the journal first, then `sync` sends the outbox while the server answers.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journal.errors import InputError
from journal.settings import Settings
from journal.storage import outbox
from journal.team.store import TeamError, TeamStore, TeamUnreachable, check_url, without_password

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from journal.paths import AppPaths
    from journal.services.journal import Journal

TEAM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


# -- teams in the settings -----------------------------------------------------------------


def teams(paths: AppPaths) -> dict[str, str]:
    """The teams joined on this machine: name to URL (never with a password)."""
    raw = Settings.load(paths.settings).extra.get("teams", {})
    if not isinstance(raw, dict):
        return {}
    return {k: v["url"] for k, v in raw.items() if isinstance(v, dict) and "url" in v}


def join(paths: AppPaths, name: str, url: str) -> tuple[str, str]:
    """Check that this person can read the team at `url`, then keep it as `name`.

    Returns the PostgreSQL role connected as and the URL kept (password taken out).
    """
    if not TEAM_NAME.fullmatch(name):
        raise InputError(
            f"'{name}' is not a team name", "use letters, digits, '-', '_' or '.' (up to 100)"
        )
    check_url(url)
    with TeamStore(url) as store:
        role = store.check_member()
    kept = without_password(url)
    settings = Settings.load(paths.settings)
    joined = settings.extra.get("teams")
    joined = dict(joined) if isinstance(joined, dict) else {}
    joined[name] = {"url": kept}
    settings.extra["teams"] = joined
    settings.extra.setdefault("default_team", name)
    settings.save(paths.settings)
    return role, kept


def resolve(paths: AppPaths, name: str | None) -> tuple[str, str]:
    """The team `name` (or the default one) and its URL."""
    joined = teams(paths)
    if not joined:
        raise InputError("this machine has joined no team", "run `daybook team join NAME URL`")
    if name is None:
        default = Settings.load(paths.settings).extra.get("default_team")
        name = default if default in joined else next(iter(joined))
        if len(joined) > 1 and default not in joined:
            raise InputError("several teams are joined", "say which with --team NAME")
    if name not in joined:
        raise InputError(
            f"no team named '{name}' is joined", "joined: " + ", ".join(sorted(joined))
        )
    return name, joined[name]


# -- sharing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What a sync sent and what still waits in the outbox."""

    sent: int
    waiting: int
    error: str = ""  # why the rest waits, when it does
    next_attempt: dt.datetime | None = None  # UTC (naive): when the app tries again


def fingerprint(payload: str) -> str:
    """A short digest of a snapshot as queued: equal snapshots, equal fingerprints."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def payload_of(snap: dict[str, Any]) -> str:
    """The outbox's JSON text of one snapshot (stable: its fingerprint depends on it)."""
    return json.dumps(snap, ensure_ascii=False, sort_keys=True)


def snapshot(journal: Journal, ids: Sequence[int]) -> list[tuple[str, dict[str, Any]]]:
    """The entries as they would be shared, all or none: a private entry is refused."""
    from journal.services.export import public_view

    chosen = [journal.get(i) for i in dict.fromkeys(ids)]
    private = [e.id for e in chosen if e.private]
    if private:
        listed = ", ".join(str(i) for i in private)
        raise InputError(
            f"{'entry' if len(private) == 1 else 'entries'} {listed} "
            f"{'is' if len(private) == 1 else 'are'} private and cannot be shared",
            "nothing was shared; unmark them first or leave them out",
        )
    out = []
    for entry in chosen:
        shown, _blocks = public_view(entry)
        out.append(
            (
                entry.uid,
                {
                    "uid": entry.uid,
                    "day": shown.day.isoformat(),
                    "title": shown.title,
                    "body": shown.body,
                    "tags": list(shown.tags),
                },
            )
        )
    return out


def share(journal: Journal, team: str, ids: Sequence[int]) -> int:
    """Queue the entries' public snapshots for `team`; returns how many were queued."""
    items = snapshot(journal, ids)
    outbox.queue(
        journal.store,
        team,
        [(uid, "share", payload_of(snap)) for uid, snap in items],
    )
    return len(items)


def unshare(journal: Journal, team: str, ids: Sequence[int]) -> int:
    """Queue the removal of the entries' team copies; returns how many were queued."""
    uids = [journal.get(i).uid for i in dict.fromkeys(ids)]
    outbox.queue(journal.store, team, [(uid, "unshare", "") for uid in uids])
    return len(uids)


def sync(
    journal: Journal, team: str, url: str, *, due_only: bool = False, now: dt.datetime | None = None
) -> SyncReport:
    """Send what waits for `team`, oldest first, each action in its own transaction and
    forgotten only once the server committed it (then noted in `team_shared`).

    A failure counts against every action still waiting and sets when the next attempt is
    due (exponential back-off, capped: journal.domain.backoff); an unreachable server is
    reported, other refusals raise after that. With `due_only` (the app's automatic
    sending) nothing is tried before the next attempt is due.
    """
    now = now or outbox.utc_now()
    waiting = outbox.pending(journal.store, team)
    if not waiting:
        return SyncReport(0, 0)
    if due_only:
        due = min(p.next_attempt_at or now for p in waiting)
        if due > now:
            return SyncReport(0, len(waiting), waiting[0].last_error, due)
    sent = 0
    with TeamStore(url) as store:
        for item in waiting:
            try:
                with store.begin() as conn:
                    if item.action == "share":
                        store.publish(conn, json.loads(item.payload))
                    else:
                        store.withdraw(conn, item.entry_uid)
            except TeamError as exc:
                rest = waiting[sent:]
                outbox.failed(journal.store, rest, str(exc), now)
                if not isinstance(exc, TeamUnreachable):
                    raise
                again = outbox.pending(journal.store, team)
                retry = min((p.next_attempt_at for p in again if p.next_attempt_at), default=None)
                return SyncReport(sent, len(again), str(exc), retry)
            outbox.done(journal.store, item, fingerprint(item.payload))
            sent += 1
    return SyncReport(sent, 0)
