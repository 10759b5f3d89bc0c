"""The team outbox: shares and unshares waiting to reach a team's PostgreSQL server.

`daybook share` writes here first (in the journal, so a share survives a server that is
down and a client that is killed); `daybook team sync` sends the rows in order and deletes
each once the server has committed it. A payload holds the entry as the export filter
shows it (private blocks already out): the outbox never holds private text.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team", sa.String(100), nullable=False),
        sa.Column("entry_uid", sa.String(64), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("payload", sa.Text, nullable=False, server_default=""),
        sa.Column("queued_at", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_team_outbox"),
    )
    op.create_index("ix_team_outbox_team", "team_outbox", ["team", "id"])


def downgrade() -> None:
    op.drop_index("ix_team_outbox_team", "team_outbox")
    op.drop_table("team_outbox")
