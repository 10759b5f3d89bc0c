"""Schema upgrades with Alembic, run at open after a backup, in one transaction.

Alembic is imported only when the file is behind `SCHEMA_HEAD`, so opening an up-to-date
journal costs one query.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from journal.storage.db import write_transaction

SCHEMA_HEAD = "0005"
MIGRATIONS = Path(__file__).with_name("migrations")
# Alembic's `op` and `context` are module-wide proxies: two migrations at once in one
# process (two journals opened by two threads) would run against each other's connection.
_ALEMBIC = threading.Lock()


def current_revision(conn: Connection) -> str | None:
    """The schema revision recorded in the file, or None for a new (empty) journal."""
    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).fetchone()
    return str(row[0]) if row else None


def alembic_config(conn: Connection) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade the schema to `target` in a single IMMEDIATE transaction."""
    from alembic import command

    with _ALEMBIC, write_transaction(engine) as conn:
        command.upgrade(alembic_config(conn), target)  # type: ignore[arg-type]


def downgrade(engine: Engine, target: str) -> None:
    """Downgrade (used by tests that walk every migration)."""
    from alembic import command

    with _ALEMBIC, write_transaction(engine) as conn:
        command.downgrade(alembic_config(conn), target)  # type: ignore[arg-type]


def script_head() -> str | None:
    """The newest revision among the migration scripts (tests compare it to SCHEMA_HEAD)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def script_revisions() -> list[str]:
    """Every revision from the first to the head, in order."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS))
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]
