"""The team store: a team's PostgreSQL database through SQLAlchemy Core and psycopg 3.

Every failure the user can act on (server unreachable, wrong password, a role not in the
team, a database not set up) becomes one `DaybookError` line; nothing else escapes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from journal.errors import DaybookError, InputError
from journal.team.passwords import without_password as without_password  # (used here too)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "t0001"
CONNECT_TIMEOUT_S = 10
_HEADING = re.compile(r"#{1,6}(?:\s+|$)")  # an ATX heading's marker (not a #tag)


class TeamError(DaybookError):
    """The team server cannot do what was asked (unreachable, refused, not set up)."""


class TeamUnreachable(TeamError):
    """No connection at all: the outbox keeps what was to be sent."""


@dataclass(frozen=True, slots=True)
class SharedEntry:
    """One row of the team log."""

    author: str
    uid: str
    day: dt.date
    title: str
    body: str
    tags: tuple[str, ...]
    shared_at: dt.datetime
    updated_at: dt.datetime

    @property
    def display_title(self) -> str:
        """The title, else the body's first line of text: its questions' headings are the
        same every day, so a heading is used only when the body has nothing else."""
        from journal.domain.entry import short_label

        if self.title.strip():
            return self.title.strip()
        lines = [line.strip() for line in self.body.splitlines() if line.strip()]
        text = [line for line in lines if not _HEADING.match(line)] or lines
        if not text:
            return ""
        marker = _HEADING.match(text[0])
        return short_label(text[0][marker.end() if marker else 0 :])

    def as_json(self) -> dict[str, object]:
        """The keys of `daybook list --json`, plus `author` (`id` is the entry's uid)."""
        return {
            "id": self.uid,
            "date": self.day.isoformat(),
            "time": self.shared_at.astimezone().strftime("%H:%M"),
            "title": self.title,
            "body": self.body,
            "tags": list(self.tags),
            "private": False,
            "author": self.author,
        }


def check_url(url: str) -> str:
    """`url` if it is a PostgreSQL URL, else an InputError."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise InputError(
            f"'{url}' is not a PostgreSQL URL",
            "write it as postgresql://ROLE@HOST:PORT/DATABASE (options after ?, e.g. sslmode)",
        )
    if not parts.path.strip("/"):
        raise InputError(f"the URL '{without_password(url)}' names no database", "add /DATABASE")
    return url


def has_password(url: str) -> bool:
    return without_password(url) != url


def _sqlalchemy_url(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def _describe(exc: BaseException, url: str) -> TeamError:
    """One line for a driver error."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())
    shown = without_password(url)
    reason = re.split(r"\bfailed: (?:FATAL: )?", text)[-1].strip() or text
    low = text.casefold()
    if "no password supplied" in low:
        return TeamError(
            f"the team server {shown} needs a password and none was found ({reason})",
            "put it in ~/.pgpass, PGPASSWORD or the system keyring (`daybook team password NAME`)",
        )
    if "password authentication failed" in low:
        return TeamError(
            f"the team server {shown} refused the password: {reason}",
            "put the right one in ~/.pgpass, PGPASSWORD or the system keyring"
            " (`daybook team password NAME`)",
        )
    if "ssl" in low and ("not support" in low or "required" in low or "refused" in low):
        return TeamUnreachable(
            f"the team server {shown} refused the secure connection: {reason}",
            "check sslmode in the URL with the server's administrator",
        )
    if any(
        s in low
        for s in (
            "connection refused",
            "no such file or directory",
            "could not translate host name",
            "failed to resolve host",  # psycopg 3 resolves names itself (no DNS: offline)
            "name or service not known",
            "temporary failure in name resolution",
            "connection timed out",
            "timeout expired",
            "network is unreachable",
            "no route to host",
            "server closed the connection",
            "terminating connection",
            "the database system is",
        )
    ):
        return TeamUnreachable(
            f"cannot reach the team server {shown}: {reason}",
            "check the URL and that the server is running; shares wait in the outbox",
        )
    if "does not exist" in low and "database" in low:
        return TeamError(f"the team server {shown} says: {reason}", "check the URL's database")
    if "team_entries" in low and "does not exist" in low:
        return TeamError(
            f"the team database {shown} is not set up",
            "its administrator runs `daybook team setup URL` first",
        )
    if "permission denied" in low:
        return TeamError(
            f"the team server {shown} refused: {reason}",
            "ask the team's administrator to run `daybook team grant ROLE` for your role",
        )
    return TeamError(f"the team server {shown} failed: {reason}", "")


def _driver_errors() -> tuple[type[BaseException], ...]:
    import psycopg
    from sqlalchemy.exc import DBAPIError

    return (DBAPIError, psycopg.Error)


class TeamStore:
    """A connection pool on one team database. Use as a context manager."""

    def __init__(self, url: str) -> None:
        check_url(url)
        try:
            import psycopg  # noqa: F401
            import sqlalchemy
        except ImportError:
            raise DaybookError(
                "the team features need the psycopg driver",
                "install it with: pip install 'daybook[team]'",
            ) from None
        from sqlalchemy import event
        from sqlalchemy.pool import NullPool

        self.url = url
        self._engine: Engine = sqlalchemy.create_engine(
            _sqlalchemy_url(url),
            poolclass=NullPool,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
        )
        event.listen(self._engine, "do_connect", self._connect)

    def _connect(self, dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        """Connect as libpq would (URL, PGPASSWORD, ~/.pgpass); when it has no password for
        the server, try once more with the one kept in the system keyring, if any."""
        import psycopg

        try:
            return dialect.connect(*cargs, **cparams)
        except psycopg.OperationalError as exc:
            if "no password supplied" not in str(exc) or "password" in cparams:
                raise
            from journal.team import passwords

            password = passwords.lookup(self.url)
            if password is None:
                raise
            return dialect.connect(*cargs, **{**cparams, "password": password})

    def __enter__(self) -> TeamStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._engine.dispose()

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in a transaction; driver errors come out as one-line TeamErrors."""
        try:
            with self._engine.begin() as conn:
                yield conn
        except _driver_errors() as exc:
            raise _describe(exc, self.url) from None

    # -- administration --------------------------------------------------------------------

    def setup(self) -> str:
        """Create or upgrade the schema and the members' group role; returns the group's
        name. Safe to run again: it changes nothing that is already in place."""
        from alembic import command
        from alembic.config import Config

        with self.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            group = self._group(conn)
            if not conn.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": group}
            ).first():
                conn.exec_driver_sql(f"CREATE ROLE {self._quote(conn, group)} NOLOGIN")
            q = self._quote(conn, group)
            conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON team_entries TO {q}")
            conn.exec_driver_sql(f"GRANT SELECT ON daybook_team_version TO {q}")
        return group

    def grant(self, role: str) -> str:
        """Let the existing login role `role` take part; returns the group's name."""
        with self.begin() as conn:
            group = self._group(conn)
            self._require_setup(conn, group)
            self._require_role(conn, role)
            conn.exec_driver_sql(f"GRANT {self._quote(conn, group)} TO {self._quote(conn, role)}")
        return group

    def revoke(self, role: str) -> str:
        """End `role`'s part in the team; the rows it shared stay, attributed."""
        with self.begin() as conn:
            group = self._group(conn)
            self._require_setup(conn, group)
            self._require_role(conn, role)
            conn.exec_driver_sql(
                f"REVOKE {self._quote(conn, group)} FROM {self._quote(conn, role)}"
            )
        return group

    @staticmethod
    def _group(conn: Connection) -> str:
        name = conn.exec_driver_sql("SELECT current_database()").scalar_one()
        return f"{name}_daybook"

    @staticmethod
    def _quote(conn: Connection, name: str) -> str:
        return str(conn.dialect.identifier_preparer.quote_identifier(name))

    @staticmethod
    def _require_setup(conn: Connection, group: str) -> None:
        if not conn.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": group}
        ).first():
            raise TeamError("the team database is not set up", "run `daybook team setup URL` first")

    @staticmethod
    def _require_role(conn: Connection, role: str) -> None:
        if not conn.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}
        ).first():
            raise TeamError(
                f"there is no PostgreSQL role '{role}'",
                f"create it first: CREATE ROLE \"{role}\" LOGIN PASSWORD '…'",
            )

    # -- members ---------------------------------------------------------------------------

    def check_member(self) -> str:
        """The connected role's name, once it is known to read the team log."""
        with self.begin() as conn:
            conn.exec_driver_sql("SELECT 1 FROM team_entries LIMIT 1").all()
            return str(conn.exec_driver_sql("SELECT current_user").scalar_one())

    def publish(self, conn: Connection, snapshot: dict[str, Any]) -> None:
        """Insert or replace the connected person's copy of one entry."""
        conn.exec_driver_sql(
            "INSERT INTO team_entries (uid, day, title, body, tags) "
            "VALUES (%(uid)s, %(day)s, %(title)s, %(body)s, %(tags)s) "
            "ON CONFLICT (author, uid) DO UPDATE SET day = excluded.day, "
            "title = excluded.title, body = excluded.body, tags = excluded.tags, "
            "updated_at = now()",
            {
                "uid": snapshot["uid"],
                "day": dt.date.fromisoformat(snapshot["day"]),
                "title": snapshot["title"],
                "body": snapshot["body"],
                "tags": list(snapshot["tags"]),
            },
        )

    def withdraw(self, conn: Connection, uid: str) -> None:
        """Delete the connected person's copy of one entry (if any)."""
        conn.exec_driver_sql(
            "DELETE FROM team_entries WHERE author = CURRENT_USER AND uid = %(uid)s",
            {"uid": uid},
        )

    def entries(
        self,
        *,
        query: str | None = None,
        author: str | None = None,
        tag: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SharedEntry]:
        """Shared entries, newest first; `query` uses PostgreSQL's text search; `limit`
        and `offset` give one page (the Team view's)."""
        where: list[str] = []
        params: dict[str, object] = {}
        if query is not None:
            where.append("search @@ websearch_to_tsquery('english', %(q)s)")
            params["q"] = query
        if author is not None:
            where.append("author = %(author)s")
            params["author"] = author
        if tag is not None:
            where.append("%(tag)s = ANY (tags)")
            params["tag"] = tag
        if date_from is not None:
            where.append("day >= %(from)s")
            params["from"] = date_from
        if date_to is not None:
            where.append("day <= %(to)s")
            params["to"] = date_to
        sql = (
            "SELECT author, uid, day, title, body, tags, shared_at, updated_at FROM team_entries"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY day DESC, shared_at DESC, author, uid"
            + (f" LIMIT {int(limit)}" if limit else "")
            + (f" OFFSET {int(offset)}" if offset > 0 else "")
        )
        with self.begin() as conn:
            rows = conn.exec_driver_sql(sql, params).all()
        return [SharedEntry(r[0], r[1], r[2], r[3], r[4], tuple(r[5]), r[6], r[7]) for r in rows]

    def facets(self) -> tuple[list[str], list[str]]:
        """The authors and the tags of the team log, each sorted (the Team view's filters)."""
        with self.begin() as conn:
            authors = conn.exec_driver_sql(
                "SELECT DISTINCT author FROM team_entries ORDER BY 1"
            ).scalars()
            authors_list = [str(a) for a in authors]
            tags = conn.exec_driver_sql(
                "SELECT DISTINCT unnest(tags) AS t FROM team_entries ORDER BY 1"
            ).scalars()
            return authors_list, [str(t) for t in tags]
