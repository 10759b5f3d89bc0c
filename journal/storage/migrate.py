"""Schema upgrades with Alembic, run at open after a backup, in one transaction.

SQLAlchemy and Alembic are imported only when the file is behind `SCHEMA_HEAD`, so opening
an up-to-date journal costs one query and no SQLAlchemy import.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from journal.storage.cipher import ERRORS
from journal.storage.db import Engine, exclusive_writer

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

    from sqlalchemy import Connection

SCHEMA_HEAD = "0008"
MIGRATIONS = Path(__file__).with_name("migrations")
# Alembic's `op` and `context` are module-wide proxies: two migrations at once in one
# process (two journals opened by two threads) would run against each other's connection.
_ALEMBIC = threading.Lock()


def current_revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision recorded in the file, or None for a new (empty) journal."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def alembic_config(conn: Connection) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


@contextlib.contextmanager
def alembic_transaction(engine: Engine) -> Iterator[Connection]:
    """A SQLAlchemy connection on one of `engine`'s own connections, in a single IMMEDIATE
    transaction under the file's writer lock (DDL in SQLite is transactional)."""
    import sqlalchemy
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.pool import StaticPool

    with _ALEMBIC, exclusive_writer(engine), engine.connect() as raw:
        bridge = sqlalchemy.create_engine(
            "sqlite+pysqlite://", creator=lambda: raw, poolclass=StaticPool
        )

        @sqlalchemy.event.listens_for(bridge, "begin")
        def _begin(conn: Connection) -> None:
            # pysqlite's own transaction handling is off (isolation_level=None).
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        try:
            with bridge.begin() as conn:
                yield conn
        except DBAPIError as exc:
            if isinstance(exc.orig, ERRORS.error):
                raise exc.orig from exc  # translated like any other SQLite error
            raise


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade the schema to `target` in a single IMMEDIATE transaction."""
    from alembic import command

    with alembic_transaction(engine) as conn:
        command.upgrade(alembic_config(conn), target)  # type: ignore[arg-type]


def downgrade(engine: Engine, target: str) -> None:
    """Downgrade (used by tests that walk every migration)."""
    from alembic import command

    with alembic_transaction(engine) as conn:
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
