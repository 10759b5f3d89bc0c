"""The Alembic environment that upgrades the team server's schema."""
