"""DraftStore: atomic, private files; leftovers found newest first; bad files skipped, kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
from typing import TYPE_CHECKING, Any

import pytest

from journal.errors import StorageError
from journal.services.drafts import Draft, DraftStore

if TYPE_CHECKING:
    from pathlib import Path

TZ = dt.timezone(dt.timedelta(hours=2))


def make(key: str = "new-abc", minute: int = 0, **changes: Any) -> Draft:
    draft = Draft(
        key=key,
        entry_id=None,
        day=dt.date(2026, 3, 4),
        title="Title",
        body="# Heading\n\nText with émoji 🙂 and a #tag\n",
        tags=("work", "learning"),
        private=False,
        saved_at=dt.datetime(2026, 3, 4, 18, minute, tzinfo=TZ),
    )
    return dataclasses.replace(draft, **changes)


def test_round_trip(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    draft = make(entry_id=7, private=True)
    store.save(draft)
    assert store.pending() == [draft]
    assert store.load("new-abc") == draft


def test_files_are_private_and_folder_created_0700(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    store = DraftStore(folder)
    store.save(make())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert [p.name for p in files] == ["new-abc.json"]  # no temporary file left behind
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_save_replaces_and_discard_removes(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(make(body="first"))
    store.save(make(body="second"))
    assert [d.body for d in store.pending()] == ["second"]
    store.discard("new-abc")
    store.discard("new-abc")  # already gone: fine
    assert store.pending() == []


def test_pending_newest_first(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(make("new-a", minute=1))
    store.save(make("new-c", minute=30))
    store.save(make("entry-3", minute=10, entry_id=3))
    assert [d.key for d in store.pending()] == ["new-c", "entry-3", "new-a"]


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"key": "bad", "entry_id": null}',
        json.dumps(
            {
                "key": "bad",
                "entry_id": "7",
                "day": "2026-01-01",
                "title": "",
                "body": "",
                "tags": [],
                "private": False,
                "saved_at": "2026-01-01T00:00:00+00:00",
            }
        ).encode(),
    ],
)
def test_unreadable_files_are_skipped_not_deleted(tmp_path: Path, content: bytes) -> None:
    store = DraftStore(tmp_path)
    store.save(make("new-good"))
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert [d.key for d in store.pending()] == ["new-good"]
    assert bad.read_bytes() == content


def test_a_file_renamed_to_another_key_is_not_trusted(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(make("new-a"))
    os.replace(tmp_path / "new-a.json", tmp_path / "new-b.json")
    assert store.pending() == []


def test_other_files_in_the_folder_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "edit-3-x.md").write_text("Title: x\n---\nbody\n")  # `daybook edit` leftovers
    (tmp_path / ".new-a.json.tmp").write_text("{}")
    assert DraftStore(tmp_path).pending() == []


def test_missing_folder_means_no_drafts(tmp_path: Path) -> None:
    assert DraftStore(tmp_path / "nope").pending() == []


@pytest.mark.parametrize("key", ["", "../escape", "a/b", ".hidden", "x" * 200])
def test_keys_cannot_escape_the_folder(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="invalid draft key"):
        DraftStore(tmp_path).save(make(key))


def test_a_failed_write_keeps_the_old_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path / "drafts")
    store.save(make(body="old"))

    def refuse(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(StorageError, match="No space left"):
        store.save(make(body="new"))
    monkeypatch.undo()
    assert [d.body for d in store.pending()] == ["old"]
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == ["new-abc.json"]


def test_folder_that_is_a_file_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "drafts"
    blocker.write_text("")
    with pytest.raises(StorageError):
        DraftStore(blocker).save(make())


def test_naive_saved_at_is_read_as_local(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(make("new-a", saved_at=dt.datetime(2026, 1, 1, 9, 0)))
    store.save(make("new-b", minute=0))
    drafts = store.pending()  # comparing naive and aware would raise
    assert {d.key for d in drafts} == {"new-a", "new-b"}
    assert all(d.saved_at.tzinfo is not None for d in drafts)
