"""The Alembic environment that upgrades the journal file's schema."""
