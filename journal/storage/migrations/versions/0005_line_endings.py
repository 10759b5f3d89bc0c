"""One line ending: CR LF and lone CR in titles and bodies become LF.

Text used to be stored as it came in; Markdown reads CR as a line break while the private
block reader did not, so a private block in a Windows-made entry left the app whole. Text
is now normalised at every door (`journal.domain.entry.as_stored`); this brings the entries
written before in line. The full-text index follows through its update trigger.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _lf(column: str) -> str:
    return f"replace(replace({column}, char(13) || char(10), char(10)), char(13), char(10))"


def upgrade() -> None:
    op.execute(
        f"UPDATE entries SET title = {_lf('title')}, body = {_lf('body')} "
        "WHERE instr(title, char(13)) > 0 OR instr(body, char(13)) > 0"
    )


def downgrade() -> None:
    """Nothing to undo: LF-only text is valid under every earlier revision."""
