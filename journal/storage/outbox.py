"""The team outbox in the journal file: shares and unshares waiting for a team's server,
and the record of what each team's server holds (`team_shared`).

Plain sqlite3 like the rest of the run-time path. Queuing an action for an entry replaces
the actions still waiting for that entry and team (the newest wins), so a share, an edit's
share and an unshare made while offline send one thing. A failed attempt counts, keeps its
reason and sets when the next one is due (journal.domain.backoff); an action the server
committed is forgotten and, in the same transaction, recorded in `team_shared` (a share,
with its snapshot's fingerprint) or taken out of it (an unshare).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from journal.domain.backoff import next_attempt
from journal.storage import db

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.storage.store import JournalStore

Action = Literal["share", "unshare"]


@dataclass(frozen=True, slots=True)
class Pending:
    """A share or unshare waiting in the outbox, with its attempts so far and the last error."""

    id: int
    team: str
    entry_uid: str
    action: Action
    payload: str
    attempts: int
    last_error: str
    next_attempt_at: dt.datetime | None = None  # UTC, naive; None: due at once


def utc_now() -> dt.datetime:
    """Now in UTC, naive, as the outbox stores moments."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def queue(store: JournalStore, team: str, items: Sequence[tuple[str, Action, str]]) -> None:
    """Queue (entry uid, action, JSON payload) items for `team`, all in one transaction."""
    now = utc_now()
    with db.translate_errors(store.path), db.write_transaction(store.engine) as conn:
        for uid, action, payload in items:
            conn.execute("DELETE FROM team_outbox WHERE team = ? AND entry_uid = ?", (team, uid))
            conn.execute(
                "INSERT INTO team_outbox (team, entry_uid, action, payload, queued_at, attempts,"
                " last_error, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, '', NULL)",
                (team, uid, action, payload, now.isoformat(sep=" ")),
            )


def pending(store: JournalStore, team: str | None = None) -> list[Pending]:
    """The actions waiting for `team` (every team: None), oldest first."""
    where, args = ("WHERE team = ?", (team,)) if team is not None else ("", ())
    with db.translate_errors(store.path), db.read_transaction(store.engine) as conn:
        rows = conn.execute(
            "SELECT id, team, entry_uid, action, payload, attempts, last_error, next_attempt_at"
            f" FROM team_outbox {where} ORDER BY id",
            args,
        ).fetchall()
    return [
        Pending(row[0], row[1], row[2], row[3], row[4], row[5], row[6], _moment(row[7]))
        for row in rows
    ]


def done(store: JournalStore, item: Pending, fingerprint: str = "") -> None:
    """Forget an action the server has committed, and note what the team now holds."""
    now = utc_now().isoformat(sep=" ")
    with db.translate_errors(store.path), db.write_transaction(store.engine) as conn:
        conn.execute("DELETE FROM team_outbox WHERE id = ?", (item.id,))
        if item.action == "share":
            conn.execute(
                "INSERT INTO team_shared (team, entry_uid, fingerprint, shared_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (entry_uid, team) DO UPDATE SET"
                " fingerprint = excluded.fingerprint, shared_at = excluded.shared_at",
                (item.team, item.entry_uid, fingerprint, now),
            )
        else:
            conn.execute(
                "DELETE FROM team_shared WHERE team = ? AND entry_uid = ?",
                (item.team, item.entry_uid),
            )


def failed(
    store: JournalStore, items: Sequence[Pending], error: str, now: dt.datetime | None = None
) -> None:
    """Count one more failed attempt for these actions, keep the reason, and set when the
    next attempt is due (longer after each failure, capped)."""
    now = now or utc_now()
    with db.translate_errors(store.path), db.write_transaction(store.engine) as conn:
        conn.executemany(
            "UPDATE team_outbox SET attempts = attempts + 1, last_error = ?,"
            " next_attempt_at = ? WHERE id = ?",
            [(error, next_attempt(i.attempts + 1, now).isoformat(sep=" "), i.id) for i in items],
        )


def shared(store: JournalStore, entry_uid: str) -> dict[str, str]:
    """The teams whose server holds a copy of the entry: team to snapshot fingerprint."""
    with db.translate_errors(store.path), db.read_transaction(store.engine) as conn:
        rows = conn.execute(
            "SELECT team, fingerprint FROM team_shared WHERE entry_uid = ? ORDER BY team",
            (entry_uid,),
        ).fetchall()
    return {str(team): str(fp) for team, fp in rows}
