"""SQLAlchemy and Alembic serve the schema only: the run-time path never imports them, and
the models they hold agree with what the migrations build."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.storage import db
from journal.storage.migrate import upgrade
from journal.storage.store import JournalStore
from tests.helpers import make_old_journal

if TYPE_CHECKING:
    from journal.paths import AppPaths

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("sqlalchemy", "alembic")


def _heavy_after(home: Path, *args: str, heavy: tuple[str, ...] = HEAVY) -> tuple[int, list[str]]:
    """Run `daybook --home HOME ARGS` in a fresh interpreter; its exit status and the
    modules among `heavy` (names or package prefixes) it loaded."""
    code = (
        "import sys\n"
        "from journal.cli import main\n"
        f"rc = main(['--home', {str(home)!r}, *{list(args)!r}])\n"
        f"heavy = {heavy!r}\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.startswith(tuple(\n"
        "    h + '.' for h in heavy))))\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    last = out.stdout.strip().splitlines()[-1]
    return out.returncode, list(ast.literal_eval(last))


@pytest.mark.parametrize(
    "args",
    [
        ("add", "deployed the cache"),
        ("list", "--limit", "50"),
        ("search", "deploy"),
        ("show", "1"),
        ("stats",),
        ("check",),
        ("export", "--format", "markdown"),
    ],
)
def test_commands_on_an_up_to_date_journal_never_import_sqlalchemy(
    paths: AppPaths, args: tuple[str, ...]
) -> None:
    with JournalStore.open(paths) as store:
        assert store.count() == 0
    subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(paths.home), "add", "first words"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    rc, heavy = _heavy_after(paths.home, *args)
    assert rc == 0 and heavy == []


# What the light commands used to load at start and do not need (issue 18: each start of
# `search`, `list`, `add` is held to 3x a bare `python -c pass`). A new import of one of
# these at module level, on their path, shows here.
NOT_AT_START = (
    "concurrent.futures", "logging", "uuid", "platform", "secrets", "hashlib", "shutil",
    "calendar", "bz2", "lzma", "journal.storage.backup", "journal.storage.attachments",
    "journal.services.attachments", "journal.services.import_formats",
    "journal.services.export_formats", "journal.importers", "journal.services.health",
    "journal.domain.blocks",  # a body without fences or CR is read without it
    # `inspect` and what it imports: `dataclasses` imports it only for dataclasses without
    # a docstring (`journal.cli.defer_import`); an eighth of a whole `daybook search`
    "ast", "dis", "tokenize",
)  # fmt: skip
NOT_FOR_READING = ("json", "journal.settings", "journal.domain.schedule")


@pytest.mark.parametrize(
    ("args", "heavy"),
    [
        (("search", "deploy"), NOT_AT_START + NOT_FOR_READING),
        (("search", "--by-relevance", "deploy", "#ci"), NOT_AT_START + NOT_FOR_READING),
        (("list", "--limit", "50"), NOT_AT_START + NOT_FOR_READING),
        (("add", "deployed the cache #ci"), NOT_AT_START),
    ],
)
def test_the_light_commands_load_only_what_they_use(
    paths: AppPaths, args: tuple[str, ...], heavy: tuple[str, ...]
) -> None:
    subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(paths.home), "add", "first #words"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    rc, loaded = _heavy_after(paths.home, *args, heavy=heavy)
    assert rc == 0 and loaded == []


def test_an_old_journal_loads_alembic_to_upgrade_and_then_no_more(paths: AppPaths) -> None:
    make_old_journal(paths)
    rc, heavy = _heavy_after(paths.home, "list")
    assert rc == 0 and "alembic" in heavy
    rc, heavy = _heavy_after(paths.home, "list")
    assert rc == 0 and heavy == []


def test_the_models_agree_with_the_schema_the_migrations_build(paths: AppPaths) -> None:
    """Alembic's own comparison of the models with the migrated file finds no difference."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from journal.storage.models import Base

    paths.ensure()
    db.create_private_file(paths.database)
    engine = db.open_engine(paths.database)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    check = create_engine(f"sqlite:///{paths.database}")
    try:
        with check.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_name": _not_full_text, "compare_type": True}
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        check.dispose()
    assert diff == []


def _not_full_text(name: str | None, kind: str, _parent: object) -> bool:
    """FTS5's table and its shadow tables are made by raw SQL in the migrations, not models."""
    return not (kind == "table" and (name or "").startswith(("entries_fts", "alembic_version")))


def test_a_dry_run_that_rolls_back_inside_a_write_leaves_nothing(paths: AppPaths) -> None:
    """`write_transaction` commits only what is still open: a body that rolled back itself
    (an import's dry run) ends cleanly and the next write works."""
    with JournalStore.open(paths) as store, db.write_transaction(store._engine) as conn:
        conn.execute("INSERT INTO tags (name) VALUES ('kept-out')")
        conn.rollback()
    with JournalStore.open(paths) as store:
        assert store._query("SELECT count(*) FROM tags", ())[0][0] == 0


def test_a_deferred_module_loads_whole_at_its_first_use() -> None:
    """`defer_import`'s stand-in: importing is free, and every way of using the module
    afterwards (a name of it, `from M import`, a dataclass without a docstring, which
    needs `inspect.signature`) gets the real module."""
    code = (
        "import sys\n"
        "from journal.cli import defer_import\n"
        "defer_import('inspect')\n"
        "import dataclasses, inspect\n"
        "assert 'ast' not in sys.modules\n"
        "@dataclasses.dataclass\n"
        "class Plain:\n"
        "    a: int\n"
        "assert Plain.__doc__ == 'Plain(a: int)', Plain.__doc__\n"
        "from inspect import signature\n"
        "assert str(signature(len)) == '(obj, /)'\n"
        "assert inspect.isfunction(defer_import) and 'ast' in sys.modules\n"
        "assert sys.modules['inspect'].signature is signature\n"
        "defer_import('no_such_module_anywhere')\n"
        "assert 'no_such_module_anywhere' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.stdout.strip() == "ok", out.stderr
