"""The team learning log at scale: 50 people x 5 years of shared reflections on a real
PostgreSQL server (a throwaway cluster, as the team tests start it), measured as follows.

- team search: `TeamStore.entries(query=..., limit=50)` as a member (row-level security
  on), for rare, common and two-word queries and with author/tag filters: median and p95;
- the Team view's first page: the window asks (`TeamView.reload`) until the feed shows
  the page (`pageShown`), offscreen, through the same service the app uses: median and p95;
- the plain first page (no search) and the week notes' query.

    .venv/bin/python bench/team_bench.py [--people 50] [--years 5] [--repeat 40] [--json FILE]

Needs PostgreSQL's server binaries (Debian's `postgresql`) and `pip install -e '.[team]'`.
Run by hand, never by the test suite. Figures go to standard output (and to --json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchkit import percentile  # noqa: E402

from tests.team.pgcluster import ADMIN, ADMIN_PASSWORD, Cluster, find_bin  # noqa: E402

WORDS = (
    "deploy", "rollback", "cache", "queue", "retry", "jitter", "latency", "review", "pairing",
    "incident", "postmortem", "migration", "schema", "index", "query", "planner", "backlog",
    "estimate", "sprint", "demo", "customer", "feedback", "test", "flaky", "build", "pipeline",
    "release", "feature", "flag", "monitoring", "alert", "dashboard", "budget", "refactor",
    "naming", "api", "contract", "timeout", "outage", "capacity", "onboarding", "mentoring",
    "docs",
)  # fmt: skip
TAGS = ("ops", "learning", "team", "process", "customer", "infra", "testing", "design")
RARE = "quokka"  # in one entry of each person's fifth year
PASSWORD = "bench-pw"


def working_days(years: int, end: dt.date) -> list[dt.date]:
    start = end - dt.timedelta(days=365 * years)
    days = (start + dt.timedelta(days=i) for i in range((end - start).days))
    return [d for d in days if d.weekday() < 5]


def reflection(rng: random.Random, person: int, day: dt.date, rare: bool) -> tuple[str, str]:
    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    title = sentence(4).rstrip(".")
    body = (
        f"## What did I work on?\n{sentence(12)} {sentence(9)}\n\n"
        f"## What did I learn?\n{sentence(14)}{' ' + RARE if rare else ''}\n\n"
        f"## What next?\n{sentence(8)}\n"
    )
    return title, body


def fill(cluster: Cluster, db: str, people: int, years: int) -> tuple[list[str], int]:
    """Roles alice0..N granted, and their entries copied in as the administrator."""
    import psycopg

    from journal.team.store import TeamStore

    admin = cluster.url(ADMIN, db, ADMIN_PASSWORD)
    with TeamStore(admin) as store:
        store.setup()
    roles = [f"person{i:02d}" for i in range(people)]
    rng = random.Random(2026)
    days = working_days(years, dt.date(2026, 11, 30))
    count = 0
    with psycopg.connect(admin, autocommit=True) as conn:
        for role in roles:
            conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'".encode())
            conn.execute(f"GRANT {db}_daybook TO {role}".encode())
        with (
            conn.cursor() as cur,
            cur.copy(
                "COPY team_entries (author, uid, day, title, body, tags, shared_at, updated_at) "
                "FROM STDIN"
            ) as copy,
        ):
            for p, role in enumerate(roles):
                rare_index = len(days) - 100 - p
                for i, day in enumerate(days):
                    title, body = reflection(rng, p, day, i == rare_index)
                    tags = sorted(set(rng.sample(TAGS, rng.randint(0, 3))))
                    at = dt.datetime.combine(day, dt.time(17, rng.randint(0, 59)), dt.UTC)
                    copy.write_row((role, f"{role}-{i}", day, title, body, tags, at, at))
                    count += 1
        conn.execute(b"VACUUM ANALYZE team_entries")
    return roles, count


def timed(fn: Any, repeat: int) -> list[float]:
    fn()  # warm: the first call pays for imports and the server's caches
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(name: str, samples: list[float], rows: int | None = None) -> dict[str, Any]:
    row = {
        "name": name,
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "rows": rows,
    }
    print(f"  {name:<44} median {row['median_ms']:>8.2f} ms   p95 {row['p95_ms']:>8.2f} ms"
          + (f"   ({rows} rows)" if rows is not None else ""))  # fmt: skip
    return row


def searches(url: str, roles: list[str], repeat: int) -> list[dict[str, Any]]:
    from journal.team.store import TeamStore

    cases: list[tuple[str, dict[str, Any]]] = [
        ("first page (no search)", {}),
        (f"search rare word '{RARE}'", {"query": RARE}),
        ("search common word 'deploy'", {"query": "deploy"}),
        ("search two words 'rollback jitter'", {"query": "rollback jitter"}),
        ("search phrase '\"feature flag\"'", {"query": '"feature flag"'}),
        ("search 'deploy' + author", {"query": "deploy", "author": roles[len(roles) // 2]}),
        ("filter tag 'ops'", {"tag": "ops"}),
        ("search 'cache' + tag + last year", {
            "query": "cache", "tag": "infra",
            "date_from": dt.date(2025, 12, 1), "date_to": dt.date(2026, 11, 30)}),
        ("week notes' query (one week, all rows)", {
            "date_from": dt.date(2026, 11, 16), "date_to": dt.date(2026, 11, 22),
            "limit": None}),
    ]  # fmt: skip
    out = []
    all_samples: list[float] = []
    with TeamStore(url) as store:

        def connect_only() -> None:
            with store.begin() as conn:
                conn.exec_driver_sql("SELECT 1").all()

        out.append(summary("connect only (a new connection, scram)", timed(connect_only, repeat)))
        for name, kwargs in cases:
            kwargs = {"limit": 50, **kwargs}
            found = store.entries(**kwargs)
            samples = timed(lambda kwargs=kwargs: store.entries(**kwargs), repeat)
            if "query" in kwargs:
                all_samples += samples
            out.append(summary(name, samples, len(found)))
    out.append(summary("ALL searches together", all_samples))
    return out


def team_view(url: str, repeat: int) -> dict[str, Any]:
    """The Team window's first page, as the app shows it (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.services.team import TeamService
    from journal.settings import Settings
    from journal.ui.dialogs.team_view import TeamView

    app = QApplication.instance() or QApplication([])
    home = Path(tempfile.mkdtemp(prefix="daybook-team-bench-"))
    paths = AppPaths(home)
    paths.ensure()
    settings = Settings.load(paths.settings)
    settings.extra["teams"] = {"bench": {"url": url}}
    settings.extra["default_team"] = "bench"
    settings.save(paths.settings)
    samples = []
    with Journal.open(paths) as journal:
        view = TeamView(TeamService(journal))
        view.resize(1000, 700)
        view.show()
        loop = QEventLoop()
        view.pageShown.connect(loop.quit)

        def failed(message: str) -> None:
            print(message)
            loop.quit()

        view.failedShown.connect(failed)
        for i in range(repeat + 1):
            QTimer.singleShot(60_000, loop.quit)
            start = time.perf_counter()
            view.reload()
            loop.exec()
            app.processEvents()  # the feed painted
            if i:
                samples.append((time.perf_counter() - start) * 1000)
        shown = len(view.entries())
        view.close()
    return summary("Team view: first page shown (offscreen)", samples, shown)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    bindir = find_bin()
    if bindir is None:
        print("team_bench: PostgreSQL's server binaries are not installed", file=sys.stderr)
        return 1
    cluster = Cluster(bindir)
    cluster.start()
    try:
        import psycopg

        with psycopg.connect(cluster.url(ADMIN, "postgres", ADMIN_PASSWORD), autocommit=True) as c:
            c.execute(b"CREATE DATABASE benchteam")
        start = time.perf_counter()
        roles, count = fill(cluster, "benchteam", args.people, args.years)
        filled = time.perf_counter() - start
        with psycopg.connect(cluster.url(ADMIN, "benchteam", ADMIN_PASSWORD)) as c:
            size = c.execute(b"SELECT pg_total_relation_size('team_entries')").fetchone()
            version = c.execute(b"SHOW server_version").fetchone()
        mib = (size[0] if size else 0) / 2**20
        print(f"PostgreSQL {version[0] if version else '?'}: {count} shared entries by "
              f"{len(roles)} people over {args.years} years, loaded in {filled:.1f} s; "
              f"table with indexes {mib:.0f} MiB")  # fmt: skip
        os.environ["PGPASSWORD"] = PASSWORD
        member = cluster.url(roles[0], "benchteam")
        print("As a member (row-level security on), 50 rows a page:")
        rows = searches(member, roles, args.repeat)
        rows.append(team_view(member, max(10, args.repeat // 2)))
        if args.json:
            out = {"entries": count, "people": len(roles), "table_mib": round(mib, 1),
                   "load_s": round(filled, 1), "rows": rows}  # fmt: skip
            args.json.write_text(json.dumps(out, indent=2) + "\n")
    finally:
        cluster.destroy()
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    raise SystemExit(main())
