"""Every migration, up and down, leaves the search index and its triggers intact."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from journal.domain.entry import NewEntry
from journal.domain.query import parse_query
from journal.storage import db
from journal.storage.migrate import SCHEMA_HEAD, downgrade, script_head, script_revisions, upgrade
from journal.storage.sql import fts_problems
from journal.storage.store import JournalStore
from tests.helpers import make_old_journal

if TYPE_CHECKING:
    from journal.paths import AppPaths


def test_schema_head_constant_matches_the_scripts() -> None:
    assert script_head() == SCHEMA_HEAD
    assert script_revisions()[-1] == SCHEMA_HEAD


def test_each_step_keeps_fts_in_step(paths: AppPaths) -> None:
    paths.ensure()
    db.create_private_file(paths.database)
    engine = db.open_engine(paths.database)
    try:
        for revision in script_revisions():
            upgrade(engine, revision)
            with engine.connect() as conn:
                assert fts_problems(conn.cursor()) == [], revision
        store = JournalStore(engine, paths.database)
        store.add(NewEntry(day=dt.date(2026, 1, 2), body="migrated words"))
        assert len(store.search(parse_query("migrated"))) == 1
        downgrade(engine, "base")
        upgrade(engine, "head")
        with engine.connect() as conn:
            assert fts_problems(conn.cursor()) == []
    finally:
        engine.dispose()


def test_check_detects_a_dropped_trigger_and_a_stale_index(store: JournalStore) -> None:
    store.add(NewEntry(day=dt.date(2026, 1, 2), body="alpha beta"))
    assert store.check() == []
    with db.write_transaction(store._engine) as conn:
        conn.execute("DROP TRIGGER entries_fts_au")
    store.update(1, body="gamma delta")  # the index now misses the change
    problems = store.check()
    assert any("entries_fts_au is missing" in p for p in problems)
    assert any("out of step" in p for p in problems)
    store.rebuild_index()
    assert len(store.search(parse_query("gamma"))) == 1


def test_upgrade_from_an_older_file_backs_up_first(paths: AppPaths) -> None:
    with JournalStore.open(paths) as s:
        s.add(NewEntry(day=dt.date(2026, 1, 2), body="kept through the upgrade"))
    # Pretend the file is one revision behind an unknown older schema: rewrite its version.
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.commit()
    conn.close()
    import pytest

    from journal.errors import StorageError

    with pytest.raises(StorageError, match="newer Daybook"):
        JournalStore.open(paths)
    assert not list(paths.backups.glob("pre-upgrade-*"))


def test_opening_an_old_journal_backs_up_then_upgrades(paths: AppPaths) -> None:
    make_old_journal(paths)
    with JournalStore.open(paths) as store:
        [entry] = store.list_entries()
        assert entry.kind == "note" and entry.title == "Old"
        assert len(store.search(parse_query("kinds"))) == 1
        assert store.check() == []
    [backup] = paths.backups.glob("pre-upgrade-0001-*.sqlite3")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert conn.execute("SELECT count(*) FROM entries").fetchone() == (1,)
    conn.close()
