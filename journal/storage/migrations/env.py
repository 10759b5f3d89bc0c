"""Alembic environment: always runs on the connection (and transaction) Daybook hands it."""

from __future__ import annotations

from alembic import context

from journal.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
