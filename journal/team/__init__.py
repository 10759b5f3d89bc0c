"""The team learning log: entries people chose to share, kept on a PostgreSQL server.

Loaded only by the team commands (`daybook team …`, `share`, `unshare`): SQLAlchemy Core
with the psycopg 3 driver, its own Alembic environment, and who may do what enforced by
PostgreSQL itself (a role per person, row-level security).
"""
