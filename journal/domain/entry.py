"""Journal entries as plain values, independent of storage and UI."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field


def local_now() -> dt.datetime:
    """The current time as an aware datetime in the machine's local zone."""
    return dt.datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class NewEntry:
    """An entry about to be written: what the user (or an importer) supplies.

    `created` is aware (it keeps the writer's UTC offset); `uid`, when given, makes a
    repeated import idempotent: an entry with a uid already in the journal is skipped.
    `kind` is "note", or "prompt" for an end-of-day reflection written in the prompt.
    `updated`, when given (an aware time, e.g. from a Daybook JSON export), is stored as
    the last-changed time; otherwise it is `created`.
    """

    day: dt.date
    body: str
    title: str = ""
    tags: tuple[str, ...] = ()
    private: bool = False
    created: dt.datetime = field(default_factory=local_now)
    uid: str | None = None
    kind: str = "note"
    updated: dt.datetime | None = None


LABEL_LIMIT = 80

# The days an entry may belong to. Below year 1000 a year is not four digits, which the
# stored timestamps and every reader assume; at 9999 converting a time to UTC and back can
# overflow. The same range is accepted by `add`, `edit`, every importer and the JSON import,
# so whatever the journal holds exports and imports back.
FIRST_DAY = dt.date(1000, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)
DAY_RANGE_TEXT = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
# The largest entry (title and body, in characters). A bigger text is refused at every door:
# it would make every list, search and export of the journal slow and memory-hungry.
MAX_ENTRY_CHARS = 4_000_000
MAX_ENTRY_TEXT = "4,000,000 characters (about 4 MB)"


def day_problem(day: dt.date) -> str | None:
    """Why `day` cannot be an entry's day, or None when it is in the supported range."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return f"the date {day.isoformat()} is outside the supported range {DAY_RANGE_TEXT}"


def moment_problem(moment: dt.datetime, what: str = "time") -> str | None:
    """Why an entry's created/updated time cannot be stored, or None.

    Its local date must be in the supported range; in UTC it may fall a day outside (the
    store writes every year with four digits), but it must convert without overflowing.
    """
    try:
        if moment.tzinfo is not None:
            moment.astimezone(dt.UTC)
        if FIRST_DAY <= moment.date() <= LAST_DAY:
            return None
    except (ValueError, OverflowError, OSError):
        pass
    return f"the {what} {moment.isoformat()} is outside the supported range {DAY_RANGE_TEXT}"


def size_problem(title: str, body: str) -> str | None:
    """Why a text is too large to be one entry, or None."""
    return oversize(len(title) + len(body))


def oversize(size: int) -> str | None:
    """Why an entry of `size` characters (or more) cannot be kept, or None."""
    if size <= MAX_ENTRY_CHARS:
        return None
    return (
        f"the entry is more than {MAX_ENTRY_CHARS:,} characters long; the most an entry "
        f"may hold is {MAX_ENTRY_TEXT}"
    )


def entry_problem(new: NewEntry) -> str | None:
    """The first reason `new` cannot be stored (date out of range, too large), or None."""
    return (
        day_problem(new.day)
        or moment_problem(new.created, "creation time")
        or (None if new.updated is None else moment_problem(new.updated, "change time"))
        or size_problem(new.title, new.body)
    )


def short_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head[limit // 2 :] else text[:limit]
    return cut.rstrip(" ,;:.-–—") + "…"


def stored_text(text: str) -> str:
    """A body as the journal keeps it: LF line endings only and no NUL characters.

    Markdown reads CR LF and lone CR as line breaks; storing one ending keeps every reader
    of the text (private blocks, tags, headings) seeing the same lines. A NUL is never
    typed on purpose and cuts the text short in many tools, so it is dropped.
    """
    text = text.replace("\x00", "")
    if "\r" not in text:
        return text  # as nearly always: no need to load blocks (~20 M instructions)
    from journal.domain.blocks import normalize_newlines

    return normalize_newlines(text)


def stored_title(title: str) -> str:
    """A title as the journal keeps it: one line (line breaks of any kind become spaces,
    so the `daybook edit` header and every list show it whole), no NUL, no outer spaces."""
    return " ".join(title.replace("\x00", "").splitlines()).strip()


def is_empty(title: str, body: str) -> bool:
    """The one rule for an entry not worth keeping: neither a title nor any text."""
    return not title.strip() and not body.strip()


def as_stored(new: NewEntry) -> NewEntry:
    """`new` as the journal keeps it, whatever door it came in by (`stored_text`,
    `stored_title`; tags are normalised where they are linked). An entry the journal
    cannot keep (`entry_problem`) raises InputError: the last guard behind every door.
    """
    if problem := entry_problem(new):
        from journal.errors import InputError

        raise InputError(problem, "nothing was saved")
    title, body = stored_title(new.title), stored_text(new.body)
    if (title, body) == (new.title, new.body):
        return new
    return dataclasses.replace(new, title=title, body=body)


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry as stored. `tags` hold the explicit tags and the #tags of the body."""

    id: int
    uid: str
    day: dt.date
    created: dt.datetime
    updated: dt.datetime
    title: str
    body: str
    tags: tuple[str, ...]
    private: bool
    deleted: dt.datetime | None = None
    kind: str = "note"

    @property
    def display_title(self) -> str:
        """The title, or a label from the body's first non-empty line (see `display_title`)."""
        return display_title(self.title, self.body, self.kind)

    def as_json(self) -> dict[str, object]:
        """The public JSON shape used by `--json` output."""
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "time": self.created.strftime("%H:%M"),
            "title": self.title,
            "body": self.body,
            "tags": list(self.tags),
            "private": self.private,
        }


# How much of an entry a list reads (the timeline, `daybook list`, the Trash): the first
# PREVIEW_CHARS characters of its title and of its body, cut in SQL so a huge body never
# reaches memory. Lists show a line or two of it; everything else reads the entry whole.
PREVIEW_CHARS = 4096


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """What a list shows of an entry: its metadata and the start of its text, never the
    whole body (there is no `body` field, so a summary cannot be saved, exported or
    edited by mistake: read the `Entry` by id for that).

    `title` and `preview` hold at most `PREVIEW_CHARS` characters each; `cut` says that the
    body goes on beyond `preview`.
    """

    id: int
    uid: str
    day: dt.date
    created: dt.datetime
    updated: dt.datetime
    title: str
    preview: str
    cut: bool
    tags: tuple[str, ...]
    private: bool
    deleted: dt.datetime | None = None
    kind: str = "note"

    @property
    def display_title(self) -> str:
        """As `Entry.display_title`, from the start of the text (a label is one line of at
        most `LABEL_LIMIT` characters, so the start is enough)."""
        return display_title(self.title, self.preview, self.kind)


def summary_of(entry: Entry) -> EntrySummary:
    """`entry` as a list holds it: what `list_summaries` would read of it from the journal."""
    return EntrySummary(
        id=entry.id,
        uid=entry.uid,
        day=entry.day,
        created=entry.created,
        updated=entry.updated,
        title=entry.title[:PREVIEW_CHARS],
        preview=entry.body[:PREVIEW_CHARS],
        cut=len(entry.body) > PREVIEW_CHARS,
        tags=entry.tags,
        private=entry.private,
        deleted=entry.deleted,
        kind=entry.kind,
    )


def display_title(title: str, body: str, kind: str = "note") -> str:
    """The title, or a label from the body's first non-empty line when the title is empty.

    The label is one line of at most `LABEL_LIMIT` characters, cut at a word with an
    ellipsis; it is for display only (the body keeps the whole line).

    A reflection written in the prompt starts with its question headings, the same every
    day, so there the first line of the first answer is used instead.
    """
    if title.strip():
        return title.strip()
    skip_headings = kind == "prompt"
    for line in body.splitlines():
        if skip_headings and line.lstrip().startswith("#"):
            continue
        text = line.strip().lstrip("#").strip()
        if text:
            return short_label(text)
    return ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the entry and a snippet with matches between the MARK characters."""

    entry: Entry
    snippet: str


# Characters that bracket a match in snippets; each front end swaps them for its own markup.
MARK_START = "\x02"
MARK_END = "\x03"


def content_uid(created: dt.datetime, title: str, body: str) -> str:
    """A stable uid for imported content, so importing the same file twice adds nothing.

    Built from the local wall-clock time (to the minute), the title and the body, so the
    same entry read from a jrnl file or a JSON-lines file gets the same uid.
    """
    import hashlib

    # isoformat writes what strftime does, cheaper, for four-digit years (glibc's %Y does
    # not pad a shorter one, and the uids of such entries must not change).
    minute = (
        created.isoformat("T", "minutes")[:16]
        if created.year >= 1000
        else created.strftime("%Y-%m-%dT%H:%M")
    )
    key = "\x1f".join((minute, title.strip(), body.strip()))
    return "imp-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
