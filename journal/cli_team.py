"""`daybook team …`, `daybook share` and `daybook unshare`: the team learning log.

Kept apart from cli.py: the parser hook adds these commands, and `main` hands them here.
Nothing of journal.team (SQLAlchemy, psycopg) loads unless one of them runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from journal.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.paths import AppPaths
    from journal.services.journal import Journal

TEAM_HELP = """\
administrator (once per team database, as a role that may create roles):
  daybook team setup postgresql://admin@db.example.org/team
  daybook team grant alice --url postgresql://admin@db.example.org/team
each member (password in ~/.pgpass or PGPASSWORD, never in the URL):
  daybook team join work postgresql://alice@db.example.org/team
  daybook share 42 43
  daybook team list
"""


def add_parsers(sub: argparse._SubParsersAction[Any], entry_id: Callable[[str], int]) -> None:
    """Add `team`, `share` and `unshare` to the parser's subcommands."""
    t = sub.add_parser(
        "team",
        help="the team learning log on PostgreSQL (setup, join, sync, list, search)",
        description="Share chosen entries with a team whose log is a PostgreSQL database.",
        epilog=TEAM_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ts = t.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    s = ts.add_parser("setup", help="create or upgrade the team database (administrator)")
    s.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST/DATABASE")
    for name, verb in (("grant", "let a PostgreSQL login role take part"), ("revoke", "end it")):
        g = ts.add_parser(name, help=f"{verb} (administrator)")
        g.add_argument("role", metavar="ROLE")
        g.add_argument("--url", required=True, metavar="URL", help="the administrator's URL")
    j = ts.add_parser("join", help="join a team on this machine")
    j.add_argument("name", metavar="NAME", help="a short name for the team")
    j.add_argument("url", metavar="URL", help="postgresql://YOU@HOST/DATABASE (no password)")
    ts.add_parser("teams", help="list the teams joined and what waits to be shared")
    w = ts.add_parser("password", help="keep your team password in the system keyring")
    w.add_argument("name", metavar="NAME", help="the team (as joined)")
    w.add_argument("--forget", action="store_true", help="delete it from the keyring")
    w.add_argument(
        "--password-stdin", action="store_true", help="read it from standard input's first line"
    )
    y = ts.add_parser("sync", help="send the shares waiting in the outbox")
    y.add_argument("--team", metavar="NAME", help="this team only (default: every team)")
    for name in ("list", "search"):
        q = ts.add_parser(name, help=f"{name} the team's shared entries, newest first")
        if name == "search":
            q.add_argument("query", nargs="+", metavar="QUERY", help="words (PostgreSQL search)")
        q.add_argument("--team", metavar="NAME", help="which team (default: the first joined)")
        q.add_argument("--author", metavar="A", help="only this person's (their role)")
        q.add_argument("--tag", metavar="TAG", help="only entries with this tag")
        q.add_argument("--from", dest="date_from", metavar="D", help="from this day")
        q.add_argument("--to", dest="date_to", metavar="D", help="up to this day")
        q.add_argument("--limit", type=int, default=None, metavar="N", help="at most N")
        q.add_argument("--json", action="store_true", help="print a JSON array")
    d = ts.add_parser("digest", help="team week notes: what everyone learned, by person")
    d.add_argument(
        "--week",
        nargs="?",
        const="today",
        default="today",
        metavar="DATE",
        help="the week (Monday to Sunday) holding DATE (default: this week)",
    )
    d.add_argument("--team", metavar="NAME", help="which team (default: the first joined)")
    for name, helptext in (
        ("share", "share entries with a team (private ones cannot be; private blocks stay)"),
        ("unshare", "remove entries' copies from a team"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("ids", type=entry_id, nargs="+", metavar="ID")
        p.add_argument("--team", metavar="NAME", help="which team (default: the first joined)")


def run(paths: AppPaths, args: argparse.Namespace) -> int:
    """Run a team command; DaybookErrors go up to `main`, which prints them."""
    from journal.team import sharing
    from journal.team.store import TeamStore, has_password

    command = args.command if args.command != "team" else args.team_command
    if command == "setup":
        with TeamStore(args.url) as store:
            group = store.setup()
        print(f"the team database is ready; members belong to the role {group}")
        print("let each person take part with `daybook team grant ROLE --url URL`")
        return 0
    if command in ("grant", "revoke"):
        with TeamStore(args.url) as store:
            group = store.grant(args.role) if command == "grant" else store.revoke(args.role)
        done = "takes part in" if command == "grant" else "no longer takes part in"
        print(f"{args.role} {done} the team (role {group})")
        return 0
    if command == "join":
        role, kept = sharing.join(paths, args.name, args.url)
        if has_password(args.url):
            print(
                "the password in the URL was not kept; put it in ~/.pgpass or PGPASSWORD",
                file=sys.stderr,
            )
        print(f"joined team {args.name} as {role} ({kept})")
        return 0
    if command == "password":
        return _password(paths, args)
    if command in ("list", "search"):
        return _show(paths, args)
    if command == "digest":
        return _digest(paths, args)
    from journal.services.journal import Journal

    with Journal.open(paths) as journal:
        if command == "teams":
            return _teams(paths, journal)
        if command == "sync":
            return _sync(paths, journal, args.team)
        name, _url = sharing.resolve(paths, args.team)
        if command == "share":
            n = sharing.share(journal, name, args.ids)
        else:
            n = sharing.unshare(journal, name, args.ids)
        print(f"{n} {'entry' if n == 1 else 'entries'} queued to {command} with {name}")
        return _sync(paths, journal, name)


def _sync(paths: AppPaths, journal: Journal, only: str | None) -> int:
    from journal.team import sharing

    names = [sharing.resolve(paths, only)] if only else sorted(sharing.teams(paths).items())
    for name, url in names:
        report = sharing.sync(journal, name, url)
        if report.sent:
            print(f"{name}: sent {report.sent}")
        if report.waiting:
            print(f"{name}: {report.waiting} waiting to be shared: {report.error}", file=sys.stderr)
        elif not report.sent:
            print(f"{name}: nothing waiting")
    return 0


def _teams(paths: AppPaths, journal: Journal) -> int:
    from journal.storage import outbox
    from journal.team import sharing

    joined = sharing.teams(paths)
    if not joined:
        print("no team joined; run `daybook team join NAME URL`", file=sys.stderr)
    for name, url in sorted(joined.items()):
        waiting = outbox.pending(journal.store, name)
        line = f"{name}  {url}  {len(waiting)} waiting to be shared"
        tried = max((p.attempts for p in waiting), default=0)
        due = min((p.next_attempt_at for p in waiting if p.next_attempt_at), default=None)
        if tried and due is not None:
            local = due.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            line += f" (tried {tried} {'time' if tried == 1 else 'times'}; next try {local})"
        print(line)
    return 0


def _password(paths: AppPaths, args: argparse.Namespace) -> int:
    from journal.cli_crypto import _line
    from journal.team import passwords, sharing

    name, url = sharing.resolve(paths, args.name)
    if args.forget:
        found = passwords.forget(url)
        print(f"{name}: {'password deleted from' if found else 'no password was in'} the keyring")
        return 0
    if args.password_stdin:
        password = _line("password")
    elif sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"password for {url}: ")
    else:
        raise InputError("no terminal to type the password in", "use --password-stdin")
    if not password:
        raise InputError("the password is empty", "nothing was kept")
    passwords.remember(url, password)
    print(f"{name}: password kept in the system keyring (never in settings.json)")
    return 0


def _show(paths: AppPaths, args: argparse.Namespace) -> int:
    from journal.domain.dates import parse_day
    from journal.team import sharing
    from journal.team.store import TeamStore

    today = dt.date.today()
    date_from = parse_day(args.date_from, today) if args.date_from else None
    date_to = parse_day(args.date_to, today) if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}", "swap the two dates")
    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be 1 or more", "give a whole number")
    query = (
        " ".join(args.query) if args.command == "team" and args.team_command == "search" else None
    )
    if query is not None and not query.strip():
        raise InputError("the query has nothing to search for", "give at least one word")
    _name, url = sharing.resolve(paths, args.team)
    with TeamStore(url) as store:
        found = store.entries(
            query=query,
            author=args.author,
            tag=args.tag.lstrip("#") if args.tag else None,
            date_from=date_from,
            date_to=date_to,
            limit=args.limit,
        )
    if args.json:
        json.dump([e.as_json() for e in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for e in found:
        tags = "  " + " ".join(f"#{t}" for t in e.tags) if e.tags else ""
        print(f"{e.day}  {e.author:<16} {e.display_title}{tags}")
    if not found:
        print("no shared entries found", file=sys.stderr)
    return 0


def _digest(paths: AppPaths, args: argparse.Namespace) -> int:
    from journal.domain.dates import parse_day
    from journal.team import sharing
    from journal.team.digest import week_notes

    _name, url = sharing.resolve(paths, args.team)
    monday, text = week_notes(url, parse_day(args.week, dt.date.today()))
    if text is None:
        print(f"nobody shared what they learned in the week of {monday}", file=sys.stderr)
        return 0
    sys.stdout.write(text)
    return 0
