"""Fixtures for the team tests: a real PostgreSQL server (see pgcluster.py)."""

from __future__ import annotations

import itertools
import os
from typing import TYPE_CHECKING

import pytest

from tests.team.pgcluster import ADMIN, ADMIN_PASSWORD, Cluster, find_bin

if TYPE_CHECKING:
    from collections.abc import Iterator

_names = itertools.count(1)


def _missing(reason: str) -> None:
    if os.environ.get("DAYBOOK_TEAM_REQUIRED") == "1":
        pytest.fail(f"{reason} (DAYBOOK_TEAM_REQUIRED=1)")
    pytest.skip(reason)


def new_cluster() -> Cluster:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed (pip install -e '.[team]')")
    bindir = find_bin()
    if bindir is None:
        _missing("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
        raise AssertionError  # unreachable: _missing raises
    cluster = Cluster(bindir)
    cluster.start()
    return cluster


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    """One server for the whole session; each test gets its own database (`team_db`)."""
    cluster = new_cluster()
    yield cluster
    cluster.destroy()


class TeamDb:
    """A fresh database on the server and helpers to make login roles for people."""

    def __init__(self, cluster: Cluster, name: str) -> None:
        self.cluster = cluster
        self.name = name
        self.admin_url = cluster.url(ADMIN, name, ADMIN_PASSWORD)

    def admin_sql(self, sql: str, database: str | None = None) -> list[tuple[object, ...]]:
        import psycopg

        url = self.cluster.url(ADMIN, database or self.name, ADMIN_PASSWORD)
        with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(sql.encode())
            return list(cur.fetchall()) if cur.description else []

    def person(self, who: str) -> str:
        """A login role for `who` (password `who`-pw); returns its name."""
        role = f"{self.name}_{who}"
        self.admin_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{who}-pw'")
        return role

    def url(self, role: str) -> str:
        """The URL a person joins with: no password in it."""
        return self.cluster.url(role, self.name)


@pytest.fixture
def team_db(pg: Cluster) -> TeamDb:
    name = f"team{os.getpid()}_{next(_names)}"
    db = TeamDb(pg, name)
    db.admin_sql(f"CREATE DATABASE {name}", database="postgres")
    return db


@pytest.fixture
def team(team_db: TeamDb) -> TeamDb:
    """A team database set up by its administrator (`daybook team setup`)."""
    from tests.team.people import run

    assert run(None, "team", "setup", team_db.admin_url)[0] == 0
    return team_db
