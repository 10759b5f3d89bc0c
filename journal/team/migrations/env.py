"""Alembic environment of the team database: runs on the connection Daybook hands it."""

from __future__ import annotations

from alembic import context

from journal.team.schema import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
