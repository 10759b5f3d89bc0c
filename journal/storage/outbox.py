"""The team outbox in the journal file: shares and unshares waiting for a team's server.

Plain sqlite3 like the rest of the run-time path. Queuing an action for an entry replaces
the actions still waiting for that entry and team (the newest wins), so a share, an edit's
share and an unshare made while offline send one thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

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


def queue(store: JournalStore, team: str, items: Sequence[tuple[str, Action, str]]) -> None:
    """Queue (entry uid, action, JSON payload) items for `team`, all in one transaction."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.translate_errors(store.path), db.write_transaction(store.engine) as conn:
        for uid, action, payload in items:
            conn.execute("DELETE FROM team_outbox WHERE team = ? AND entry_uid = ?", (team, uid))
            conn.execute(
                "INSERT INTO team_outbox (team, entry_uid, action, payload, queued_at, attempts,"
                " last_error) VALUES (?, ?, ?, ?, ?, 0, '')",
                (team, uid, action, payload, now.isoformat(sep=" ")),
            )


def pending(store: JournalStore, team: str) -> list[Pending]:
    """The actions waiting for `team`, oldest first."""
    with db.translate_errors(store.path), db.read_transaction(store.engine) as conn:
        rows = conn.execute(
            "SELECT id, team, entry_uid, action, payload, attempts, last_error FROM team_outbox"
            " WHERE team = ? ORDER BY id",
            (team,),
        ).fetchall()
    return [Pending(*row) for row in rows]


def done(store: JournalStore, item_id: int) -> None:
    """Forget an action the server has committed."""
    with db.translate_errors(store.path), db.write_transaction(store.engine) as conn:
        conn.execute("DELETE FROM team_outbox WHERE id = ?", (item_id,))


def failed(store: JournalStore, item_ids: Sequence[int], error: str) -> None:
    """Count one more failed attempt for these actions, keeping the reason."""
    with db.translate_errors(store.path), db.write_transaction(store.engine) as conn:
        conn.executemany(
            "UPDATE team_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
            [(error, i) for i in item_ids],
        )
