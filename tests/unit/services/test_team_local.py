"""The team log's local side, without a server: nothing of it loads on the local path, and
a URL's password never survives into what is kept."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.team.store import has_password, without_password

ROOT = Path(__file__).resolve().parents[3]
TEAM_MODULES = ("journal.team", "psycopg", "sqlalchemy", "alembic")


@pytest.mark.parametrize(
    "args", [("add", "first words"), ("list",), ("search", "words"), ("export",), ("stats",)]
)
def test_local_commands_load_nothing_of_the_team_log(tmp_path: Path, args: tuple[str, ...]) -> None:
    subprocess.run(  # a new journal is built by its migrations: SQLAlchemy loads then
        [sys.executable, "-m", "journal", "--home", str(tmp_path), "add", "first"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    code = (
        "import sys\n"
        "from journal.cli import main\n"
        f"rc = main(['--home', {str(tmp_path)!r}, *{list(args)!r}])\n"
        f"print(sorted(m for m in sys.modules if m.startswith({TEAM_MODULES!r})))\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert ast.literal_eval(out.stdout.strip().splitlines()[-1]) == []


secret = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1)
word = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


@given(user=word, password=secret, host=word, db=word, in_query=st.booleans())
def test_a_password_never_survives_in_the_kept_url(
    user: str, password: str, host: str, db: str, in_query: bool
) -> None:
    enc = quote(password, safe="")
    url = (
        f"postgresql://{user}@{host}/{db}?sslmode=require&password={enc}"
        if in_query
        else f"postgresql://{user}:{enc}@{host}/{db}?sslmode=require"
    )
    kept = without_password(url)
    assert has_password(url)
    assert kept == f"postgresql://{user}@{host}/{db}?sslmode=require"
    assert without_password(kept) == kept and not has_password(kept)


def test_the_apps_team_features_load_nothing_of_the_team_log_until_used(tmp_path: Path) -> None:
    """What the main window asks at start and on every entry shown and edited (the outbox's
    state, where an entry is shared, whether an edit made a copy stale) for someone who
    never joined a team: journal.team, psycopg and Alembic stay unloaded."""
    code = (
        "import sys\n"
        "from journal.paths import AppPaths\n"
        "from journal.services.journal import Journal\n"
        "from journal.services.team import TeamService\n"
        f"from pathlib import Path\nj = Journal.open(AppPaths(Path({str(tmp_path)!r})))\n"
        "e = j.add('a lesson')\n"
        "before = set(sys.modules)\n"
        "s = TeamService(j)\n"
        "s.outbox_state(); s.shared_in(e); s.stale_copies(j.edit(e.id, body='new'))\n"
        "loaded = set(sys.modules) - before\n"
        f"print(sorted(m for m in loaded if m.split('.')[0] in {TEAM_MODULES!r}"
        " or m.startswith('journal.team')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
