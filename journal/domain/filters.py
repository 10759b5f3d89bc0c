"""Plain values that describe what to list or import, shared by the CLI, UI and store."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.entry import Entry, EntrySummary, NewEntry

Order = Literal["newest", "relevance"]


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Which entries a listing or search covers."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    include_private: bool = True
    trash: bool = False
    kind: str | None = None  # None: every kind


@dataclass(frozen=True, slots=True)
class Cursor:
    """Keyset position in the timeline: entries strictly older than this one."""

    day: dt.date
    created_at: dt.datetime  # naive UTC, as stored
    id: int


@dataclass(slots=True)
class ImportReport:
    """What an import added, what it skipped as already present, and the span it covered.

    `skipped_notes` lists what the importer left out and why (an attachment, say), with the
    file and line where it can.
    """

    found: int = 0
    added: int = 0
    skipped: int = 0
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    tags: dict[str, int] = field(default_factory=dict)
    skipped_notes: list[str] = field(default_factory=list)

    def note(self, entry: NewEntry, tags: Sequence[str]) -> None:
        self.found += 1
        if self.first_day is None or entry.day < self.first_day:
            self.first_day = entry.day
        if self.last_day is None or entry.day > self.last_day:
            self.last_day = entry.day
        for tag in tags:
            self.tags[tag] = self.tags.get(tag, 0) + 1


def to_utc(moment: dt.datetime) -> tuple[dt.datetime, int]:
    """An aware time as (naive UTC, offset in minutes east of UTC)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset() or dt.timedelta(0)
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return utc, int(offset.total_seconds() // 60)


def from_utc(utc: dt.datetime | str, offset_min: int) -> dt.datetime:
    """Stored (naive UTC, offset) back to an aware time in the writer's own offset.

    Older versions stored years below 1000 without leading zeros ("999-06-01 ..."); such
    a row is still read (so it can be listed, fixed or deleted), and a time that cannot be
    shown in its offset without overflowing is shown in UTC.
    """
    if isinstance(utc, str):
        year, dash, rest = utc.partition("-")
        if dash and len(year) < 4 and year.isdigit():
            utc = year.zfill(4) + dash + rest
        aware = _aware_utc(utc)
    else:
        aware = utc.replace(tzinfo=dt.UTC)
    zone = _zone(offset_min)
    try:
        return aware.astimezone(zone)
    except OverflowError:
        return aware


def _aware_utc(text: str) -> dt.datetime:
    """A stored naive-UTC time as an aware one: the stored shape in one `fromisoformat`
    call (`replace` cost ~1 us a row of every listing and export); anything else (a date
    alone, a time with its own offset) read naive and then made UTC, as it always was."""
    try:
        aware = dt.datetime.fromisoformat(text + "+00:00")
    except ValueError:
        aware = None
    if aware is None or aware.tzinfo is None:
        aware = dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
    return aware


@functools.lru_cache(maxsize=64)
def _zone(offset_min: int) -> dt.timezone:
    """The fixed zone of a stored offset (a few per journal; made once, not per row)."""
    return dt.timezone(dt.timedelta(minutes=offset_min))


def cursor_of(entry: Entry | EntrySummary) -> Cursor:
    """The keyset position just after `entry` in timeline order."""
    return Cursor(entry.day, to_utc(entry.created)[0], entry.id)


def excerpt(body: str, length: int = 160) -> str:
    """The first words of a body on one line, for lists and snippets."""
    words = " ".join(line.strip().lstrip("#>-*").strip() for line in body.splitlines())
    words = " ".join(words.split())
    return words if len(words) <= length else words[: length - 1].rsplit(" ", 1)[0] + "…"
