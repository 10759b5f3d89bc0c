"""Drafts: what the editor holds but has not committed yet, kept on disk so a crash loses little.

One small JSON file per draft in the data folder's `drafts/` (0700), written atomically
(temporary file, fsync, rename) with mode 0600. The editor writes a draft a moment after each
change and discards it once the entry is committed; whatever is left at start-up was never
saved and is offered back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journal.domain.entry import is_empty
from journal.errors import StorageError
from journal.fileio import atomic_write
from journal.paths import AppPaths, ensure_private_dir

if TYPE_CHECKING:
    from pathlib import Path

FORMAT_VERSION = 1
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
_SUFFIX = ".json"


@dataclass(frozen=True)
class Draft:
    """An editor's unsaved state. `key` names the editing session; `entry_id` is None until
    the entry exists in the journal."""

    key: str
    entry_id: int | None
    day: dt.date
    title: str
    body: str
    tags: tuple[str, ...]
    private: bool
    saved_at: dt.datetime

    @property
    def is_empty(self) -> bool:
        return is_empty(self.title, self.body)


class DraftStore:
    """The drafts folder. Writes are atomic; reading skips (and keeps) files it cannot parse."""

    def __init__(self, folder: Path, memory_only: bool = False) -> None:
        self.folder = folder
        self.memory_only = memory_only
        self._memory: dict[str, Draft] = {}

    @classmethod
    def for_journal(cls, folder: Path, paths: AppPaths) -> DraftStore:
        """The drafts in `folder` of the journal in `paths`: in memory only if encrypted."""
        from journal.storage.cipher import is_encrypted

        return cls(folder, memory_only=is_encrypted(paths.database))

    def path_for(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise ValueError(f"invalid draft key {key!r}")
        return self.folder / f"{key}{_SUFFIX}"

    def save(self, draft: Draft) -> None:
        """Write `draft` atomically, replacing an older draft with the same key.

        Raises StorageError when the disk refuses (full, read-only); the old draft, if any,
        is then left as it was.
        """
        target = self.path_for(draft.key)
        if self.memory_only:
            self._memory[draft.key] = draft
            return
        data = json.dumps(_to_json(draft), ensure_ascii=False, indent=1).encode("utf-8")
        try:
            ensure_private_dir(self.folder)
            atomic_write(target, data)
        except OSError as exc:
            raise StorageError(
                f"cannot write the draft {target}: {exc.strerror or exc}",
                "free some space or check the data folder's permissions",
            ) from exc

    def keep_in_memory(self) -> None:
        """From now on keep drafts in memory only (the journal was encrypted): the drafts on
        disk are taken in and their files deleted."""
        for draft in self.pending():
            self._memory[draft.key] = draft
            with contextlib.suppress(OSError):
                self.path_for(draft.key).unlink()
        self.memory_only = True

    def load(self, key: str) -> Draft | None:
        """The draft saved under `key`, or None if there is none or it cannot be read."""
        if self.memory_only:
            return self._memory.get(key)
        return _read(self.path_for(key))

    def pending(self) -> list[Draft]:
        """Drafts left behind (never committed), newest first. Unreadable files are skipped
        and left on disk for a person to look at."""
        if self.memory_only:
            return sorted(self._memory.values(), key=lambda d: d.saved_at, reverse=True)
        try:
            files = [p for p in self.folder.iterdir() if p.suffix == _SUFFIX]
        except OSError:
            return []
        drafts = [d for d in map(_read, files) if d is not None]
        drafts.sort(key=lambda d: d.saved_at, reverse=True)
        return drafts

    def discard(self, key: str) -> None:
        """Forget a draft (after its entry was committed); a missing draft is fine."""
        self._memory.pop(key, None)
        with contextlib.suppress(FileNotFoundError):
            self.path_for(key).unlink()


def _to_json(draft: Draft) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "key": draft.key,
        "entry_id": draft.entry_id,
        "day": draft.day.isoformat(),
        "title": draft.title,
        "body": draft.body,
        "tags": list(draft.tags),
        "private": draft.private,
        "saved_at": draft.saved_at.isoformat(),
    }


def _read(path: Path) -> Draft | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _from_json(raw, path.stem)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _from_json(raw: Any, stem: str) -> Draft:
    if not isinstance(raw, dict) or raw.get("key") != stem:
        raise ValueError("not a draft")
    entry_id = raw["entry_id"]
    tags = raw["tags"]
    if entry_id is not None and (type(entry_id) is not int or entry_id < 1):
        raise ValueError("bad entry id")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("bad tags")
    if not isinstance(raw["title"], str) or not isinstance(raw["body"], str):
        raise ValueError("bad text")
    if not isinstance(raw["private"], bool):
        raise ValueError("bad private flag")
    saved_at = dt.datetime.fromisoformat(raw["saved_at"])
    if saved_at.tzinfo is None:
        saved_at = saved_at.astimezone()
    return Draft(
        key=stem,
        entry_id=entry_id,
        day=dt.date.fromisoformat(raw["day"]),
        title=raw["title"],
        body=raw["body"],
        tags=tuple(tags),
        private=raw["private"],
        saved_at=saved_at,
    )
