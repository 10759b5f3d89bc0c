"""Attachments: images kept inside the journal, keyed by the SHA-256 of their stored bytes.

Entries refer to them in Markdown as `![caption](attachment:SHA256)`; the same image added
twice is stored once. The full-text index is not touched (it indexes entries only).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE attachments ("
        "sha256 VARCHAR(64) NOT NULL, "
        "data BLOB NOT NULL, "
        "mime VARCHAR(40) NOT NULL, "
        "width INTEGER NOT NULL, "
        "height INTEGER NOT NULL, "
        "created_at DATETIME NOT NULL, "
        "CONSTRAINT pk_attachments PRIMARY KEY (sha256))"
    )


def downgrade() -> None:
    op.execute("DROP TABLE attachments")
