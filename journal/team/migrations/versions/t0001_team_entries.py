"""The shared entries, their text search and row-level security.

Revision ID: t0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

from journal.team.schema import POLICIES, SEARCH_EXPR, TAG_TEXT

NOW = sa.text("now()")

revision = "t0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # array_to_string is only STABLE in general; on text[] it is deterministic, which a
    # generated column needs declared.
    op.execute(
        f"CREATE FUNCTION {TAG_TEXT}(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        "AS $$ SELECT array_to_string($1, ' ') $$"
    )
    op.create_table(
        "team_entries",
        sa.Column("author", sa.Text, nullable=False, server_default=sa.text("CURRENT_USER")),
        sa.Column("uid", sa.Text, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tags", ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
        sa.Column(
            "shared_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.text("now()"),
        ),
        sa.Column("search", TSVECTOR, sa.Computed(SEARCH_EXPR, persisted=True)),
        sa.PrimaryKeyConstraint("author", "uid", name="team_entries_pkey"),
    )
    op.create_index("ix_team_entries_search", "team_entries", ["search"], postgresql_using="gin")
    op.create_index("ix_team_entries_timeline", "team_entries", ["day", "shared_at"])
    op.execute("REVOKE ALL ON team_entries FROM PUBLIC")
    op.execute("ALTER TABLE team_entries ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE team_entries FORCE ROW LEVEL SECURITY")
    for name, rule in POLICIES.items():
        op.execute(f"CREATE POLICY {name} ON team_entries {rule}")


def downgrade() -> None:
    op.drop_table("team_entries")
    op.execute(f"DROP FUNCTION {TAG_TEXT}(text[])")
