"""Entry kind: 'note' for free entries, 'prompt' for end-of-day reflections.

The prompt window finds today's reflection by its kind, and insights count reflections
apart from other notes. Batch mode is used as for every change to entries; the FTS
triggers are re-created afterwards in case the batch had to recreate the table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = {
    "entries_fts_ai": "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, body, tag_list) "
    "VALUES (new.id, new.title, new.body, new.tag_list); END",
    "entries_fts_ad": "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, tag_list) "
    "VALUES ('delete', old.id, old.title, old.body, old.tag_list); END",
    "entries_fts_au": "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, tag_list "
    "ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, tag_list) "
    "VALUES ('delete', old.id, old.title, old.body, old.tag_list); "
    "INSERT INTO entries_fts(rowid, title, body, tag_list) "
    "VALUES (new.id, new.title, new.body, new.tag_list); END",
}


def _restore_triggers() -> None:
    """Re-create any FTS trigger a table rebuild dropped (FIELD-NOTES: batch drops them)."""
    bind = op.get_bind()
    present = {
        r[0] for r in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    for name, ddl in TRIGGERS.items():
        if name not in present:
            op.execute(ddl)


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="note"))
    _restore_triggers()


def downgrade() -> None:
    with op.batch_alter_table("entries", recreate="always") as batch:
        batch.drop_column("kind")
    _restore_triggers()
    op.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
