"""Initial schema: entries, tags, entry_tags and the FTS5 index with its triggers.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

FTS = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, tag_list, content='entries', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, body, tag_list) "
    "VALUES (new.id, new.title, new.body, new.tag_list); END",
    "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, tag_list) "
    "VALUES ('delete', old.id, old.title, old.body, old.tag_list); END",
    "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, tag_list ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, tag_list) "
    "VALUES ('delete', old.id, old.title, old.body, old.tag_list); "
    "INSERT INTO entries_fts(rowid, title, body, tag_list) "
    "VALUES (new.id, new.title, new.body, new.tag_list); END",
)


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_offset", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_offset", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tag_list", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_entries"),
        sa.UniqueConstraint("uid", name="uq_entries_uid"),
    )
    op.create_index("ix_entries_timeline", "entries", ["day", "created_at", "id"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200, collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name="fk_entry_tags_entry_id_entries", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_entry_tags_tag_id_tags", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name="pk_entry_tags"),
    )
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])
    for statement in FTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("entries_fts_au", "entries_fts_ad", "entries_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entries_fts")
    op.drop_table("entry_tags")
    op.drop_table("tags")
    op.drop_index("ix_entries_timeline", "entries")
    op.drop_table("entries")
