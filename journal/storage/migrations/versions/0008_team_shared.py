"""Team sharing state: when a waiting share is tried next, and where entries are shared.

`team_outbox.next_attempt_at` (UTC, NULL: at once) holds the outbox's back-off: after a
failed attempt the app waits longer each time before trying again (see
journal.domain.backoff). `team_shared` remembers, per team, the entries whose copy the
team's server committed and a fingerprint of the snapshot sent, so the reader can say
"Shared in: NAME" offline and an edit can offer to update the team copy.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("team_outbox", sa.Column("next_attempt_at", sa.DateTime, nullable=True))
    # Keyed by entry first (the reader asks "where is this entry shared?"), WITHOUT ROWID:
    # the key is the table, so no second index (a new journal stays as small as it was:
    # the disk-full tests run in a 256 KiB tmpfs).
    op.create_table(
        "team_shared",
        sa.Column("entry_uid", sa.String(64), nullable=False),
        sa.Column("team", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("shared_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("entry_uid", "team", name="pk_team_shared"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("team_shared")
    with op.batch_alter_table("team_outbox") as batch:
        batch.drop_column("next_attempt_at")
