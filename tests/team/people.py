"""People in the team tests: each with their own journal folder and PostgreSQL role,
running `daybook` in this process with their password in PGPASSWORD."""

from __future__ import annotations

import contextlib
import json
import os
from typing import TYPE_CHECKING

import psycopg

from journal.cli import main
from tests.team.conftest import TeamDb, new_cluster

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.team.pgcluster import Cluster

NO_PASSWORD = "<no PGPASSWORD>"  # run(..., password=NO_PASSWORD): PGPASSWORD unset


class Person:
    """One person: their own journal folder and PostgreSQL role, running `daybook`."""

    def __init__(self, db: TeamDb, who: str, tmp: Path, grant: bool = True) -> None:
        self.db = db
        self.role = db.person(who)
        self.password = f"{who}-pw"
        self.home = tmp / who
        if grant:
            assert run(None, "team", "grant", self.role, "--url", db.admin_url)[0] == 0

    def __call__(
        self, *args: str, password: str | None = None, stdin: str | None = None
    ) -> tuple[int, str, str]:
        return run(self, *args, password=password, stdin=stdin)

    def join(self, name: str = "work") -> None:
        rc, _out, err = self("team", "join", name, self.db.url(self.role))
        assert rc == 0, err

    def add(self, text: str, *extra: str) -> int:
        rc, out, err = self("add", text, *extra)
        assert rc == 0, err
        return int(out)

    def sql(self, statement: str) -> int:
        """Run hand-written SQL through this person's own role; the rows it changed."""
        url = self.db.cluster.url(self.role, self.db.name, self.password)
        with psycopg.connect(url, autocommit=True) as conn:
            return conn.execute(statement.encode()).rowcount


def run(
    person: Person | None, *args: str, password: str | None = None, stdin: str | None = None
) -> tuple[int, str, str]:
    """`daybook ARGS` in this process, as `person` (their home and PGPASSWORD), with
    `stdin` as standard input when given."""
    import contextlib
    import io
    import sys

    env = os.environ.copy()
    if person is not None:
        os.environ.pop("PGPASSWORD", None)
        if password != NO_PASSWORD:
            os.environ["PGPASSWORD"] = password if password is not None else person.password
        args = ("--home", str(person.home), *args)
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(list(args))
            except SystemExit as exc:
                rc = int(exc.code or 0)
    finally:
        sys.stdin = real_stdin
        os.environ.clear()
        os.environ.update(env)
    return rc, out.getvalue(), err.getvalue()


def one_line_error(rc: int, err: str, *words: str) -> None:
    assert rc == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("daybook: error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]


def team_json(person: Person, *args: str) -> list[dict[str, object]]:
    rc, out, err = person("team", *args, "--json")
    assert rc == 0, err
    return list(json.loads(out))


@contextlib.contextmanager
def own_server(tmp: Path) -> Iterator[tuple[Cluster, Person]]:
    """A server of the test's own (to stop and start), a team set up on it, alice joined."""
    cluster = new_cluster()
    try:
        db = TeamDb(cluster, "ownteam")
        db.admin_sql("CREATE DATABASE ownteam", database="postgres")
        assert run(None, "team", "setup", db.admin_url)[0] == 0
        alice = Person(db, "alice", tmp)
        alice.join()
        yield cluster, alice
    finally:
        cluster.destroy()


class SilentServer:
    """A TCP listener on 127.0.0.1 that speaks just enough: it refuses TLS ('N' to the
    SSLRequest) when `refuse_tls`, else accepts and never answers."""

    def __init__(self, refuse_tls: bool) -> None:
        import socket
        import threading

        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connected = threading.Event()
        self.refuse_tls = refuse_tls
        self.held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import contextlib

        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                self.held.append(conn)
                self.connected.set()
                if self.refuse_tls:
                    conn.recv(8)
                    conn.sendall(b"N")

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()
