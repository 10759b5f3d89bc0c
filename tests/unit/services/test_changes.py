"""The journal announces every committed change once, with its kind, ids and days."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from journal.errors import InputError
from journal.services.changes import Change, ChangeFeed

if TYPE_CHECKING:
    from pathlib import Path

    from journal.paths import AppPaths
    from journal.services.journal import Journal

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def seen(journal: Journal) -> list[Change]:
    changes: list[Change] = []
    journal.changes.subscribe(changes.append)
    return changes


def test_each_write_is_announced_with_its_ids_and_days(
    journal: Journal, seen: list[Change]
) -> None:
    entry = journal.add("Text", day=DAY)
    assert seen == [Change("added", (entry.id,), (DAY,))]
    journal.edit(entry.id, body="New text", day=DAY + dt.timedelta(days=1))
    edited = seen[-1]
    assert edited.kind == "updated" and edited.ids == (entry.id,)
    assert set(edited.days) == {DAY, DAY + dt.timedelta(days=1)}
    journal.delete(entry.id)
    assert seen[-1] == Change("trashed", (entry.id,), (DAY + dt.timedelta(days=1),))
    journal.restore_entry(entry.id)
    assert seen[-1].kind == "restored"
    journal.delete(entry.id)
    journal.purge([entry.id])
    purged = seen[-1]
    assert purged.kind == "purged" and purged.ids == (entry.id,)
    other = journal.add("Two", day=DAY)
    journal.delete(other.id)
    journal.empty_trash()
    assert seen[-1] == Change("purged")
    assert [c.kind for c in seen] == [
        "added", "updated", "trashed", "restored", "trashed", "purged", "added", "trashed",
        "purged",
    ]  # fmt: skip


def test_failed_writes_announce_nothing(journal: Journal, seen: list[Change]) -> None:
    with pytest.raises(InputError):
        journal.add("   ")
    with pytest.raises(InputError):
        journal.purge([journal.add("live").id])
    assert [c.kind for c in seen] == ["added"]


def test_imports_are_announced_unless_a_dry_run_or_empty(
    journal: Journal, seen: list[Change], tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"date": "2026-03-02", "body": "imported"}\n', encoding="utf-8")
    journal.import_file("jsonl", source, dry_run=True)
    assert seen == []
    journal.import_file("jsonl", source)
    assert seen == [Change("imported")] and seen[0].wholesale
    journal.import_file("jsonl", source)  # nothing new: nothing to announce
    assert seen == [Change("imported")]


def test_restore_is_announced(journal: Journal, seen: list[Change], tmp_path: Path) -> None:
    journal.add("before")
    backup = journal.backup(tmp_path / "b.sqlite3")
    journal.restore(backup)
    assert seen[-1] == Change("replaced")


def test_a_write_by_another_process_is_noticed(
    journal: Journal, seen: list[Change], paths: AppPaths
) -> None:
    assert journal.poll_external() is False  # the baseline
    journal.add("ours")
    assert journal.poll_external() is False  # our own change is not announced twice
    env = dict(os.environ, DAYBOOK_HOME=str(paths.home))
    subprocess.run(
        [sys.executable, "-m", "journal", "add", "from the command line"],
        env=env, check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    assert journal.poll_external() is True
    assert seen[-1] == Change("external")
    assert journal.poll_external() is False


def test_unsubscribe_stops_the_calls() -> None:
    feed = ChangeFeed()
    got: list[Change] = []
    stop = feed.subscribe(got.append)
    feed.publish(Change("added", (1,)))
    stop()
    stop()  # twice is harmless
    feed.publish(Change("added", (2,)))
    assert got == [Change("added", (1,))]
