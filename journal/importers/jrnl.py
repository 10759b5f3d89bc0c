"""Read jrnl's plain-text journal format into Daybook entries, the way jrnl itself reads it.

An entry starts with a header line: ``[2013-06-09 15:39] Title`` (jrnl 2+, the date in the
journal's configured time format) or, in journals written by jrnl 1.x, the same without
brackets. Everything up to the next header is the entry. Reference behaviour: jrnl's
``Journal._parse``, ``LegacyJournal._parse``, ``Entry._parse_text``, ``split_title`` and
``time.parse``; the few places where Daybook differs on purpose are marked "Unlike jrnl".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journal.domain.entry import (
    MAX_ENTRY_CHARS,
    NewEntry,
    content_uid,
    entry_problem,
    oversize,
)
from journal.domain.tags import hashtags, unique_tags
from journal.errors import ImportFormatError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M"

# jrnl: when a bracketed date does not match the time format, a fuzzy parser gets a try,
# except for blobs of 6 characters or fewer ("[1]" is a Markdown footnote, not a date).
# jrnl's fuzzy parser (dateutil, then parsedatetime) also reads words like "yesterday"
# relative to now; Daybook accepts only plainly written year-first dates, so an import is
# reproducible: 2024-05-17, 2024/05/17, 2024-05, each optionally followed by a time
# (" " or "T", then 17:30, 17:30:05, 5:30 PM). A missing day is the 1st and a missing time
# 00:00, as in jrnl.
_FUZZY_MIN_LENGTH = 7
_PLAIN_DATE = re.compile(
    r"([0-9]{4})([-/])([0-9]{1,2})(?:\2([0-9]{1,2}))?"
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?: ?([AaPp][Mm]))?)?"
)

# The end of the first sentence: a terminal mark, an optional closing quote and closing
# brackets, then whitespace; or a full-width CJK terminal, which needs no space after it.
_SENTENCE_END = re.compile(
    r"[.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]"
    r"['\"\u2019\u201d]?[)\]]*\s+"
    r"|[\uff01\uff0e\uff1f\uff61\u3002]"
)

# jrnl's default tag symbol: "@" not preceded by a non-space, then word characters and
# - + * # / (so "@c++", "@os/2" are tags and "me@example.org" is not).
_AT_TAG = re.compile(r"@(?<!\S@)([-+*#/\w]+)")

# A date that shows the example in error messages and measures 1.x headers.
_SAMPLE = dt.datetime(2024, 5, 17, 9, 30)


@dataclass(slots=True)
class _Draft:
    """An entry being read: its header and the lines that follow it."""

    when: dt.datetime
    first: str
    line: int
    starred: bool = False
    rest: list[str] = field(default_factory=list)
    size: int = 0


def iter_jrnl(
    lines: Iterable[str], path: str = "<stdin>", time_format: str = DEFAULT_TIME_FORMAT
) -> Iterator[NewEntry]:
    """Yield the entries of a jrnl journal read lazily, line by line as a text file gives them.

    Raises ImportFormatError for text before the first header or an unusable time format.
    """
    _check_time_format(time_format, path)
    legacy_width = len(_SAMPLE.strftime(time_format))
    legacy: bool | None = None  # decided by the first header: bracketed or not
    draft: _Draft | None = None
    ends_with_newline = False
    for number, raw in enumerate(lines, start=1):
        line, ends_with_newline = _chomp(raw.removeprefix("\ufeff") if number == 1 else raw)
        if draft is None:
            if not line.strip():
                continue
            header = _bracketed_header(line, time_format)
            legacy = header is None
            if legacy:
                header = _legacy_header(line.rstrip(), time_format, legacy_width)
            if header is None:
                example = _SAMPLE.strftime(time_format)
                raise ImportFormatError(
                    path,
                    number,
                    f"text before the first entry; a jrnl entry starts with a line like "
                    f"'[{example}] Title' (time format '{time_format}')",
                )
        elif legacy:
            header = _legacy_header(line.rstrip(), time_format, legacy_width)
        else:
            header = _bracketed_header(line, time_format)
        if header is None:
            assert draft is not None
            # jrnl 1.x strips the end of every line; jrnl 2+ keeps lines as they are.
            draft.rest.append(line.rstrip() if legacy else line)
            draft.size += len(line) + 1
            if draft.size > MAX_ENTRY_CHARS:  # refused before the whole entry is in memory
                raise ImportFormatError(path, draft.line, oversize(draft.size) or "")
            continue
        if draft is not None:
            yield _checked(_finish(draft, final_newline=False), path, draft.line)
        when, first, starred = header
        draft = _Draft(_aware(when, path, number), first, number, starred, size=len(first))
    if draft is not None:
        # jrnl 2+ reads the whole file, so its last entry keeps the file's final newline,
        # which decides how a one-line entry's title is split; jrnl 1.x reads line by line.
        final = _finish(draft, final_newline=ends_with_newline and not legacy)
        yield _checked(final, path, draft.line)


def _checked(entry: NewEntry, path: str, line: int) -> NewEntry:
    """`entry` if the journal can keep it; otherwise an error naming its header line."""
    if problem := entry_problem(entry):
        raise ImportFormatError(path, line, problem)
    return entry


def split_title(text: str) -> tuple[str, str]:
    """Split an entry's text into title and body as jrnl does.

    The title is the first line when the text has more than one; a one-line text is split
    after its first sentence (jrnl's rule for entries typed on the command line).
    """
    text = text.lstrip()
    if "\n" in text:
        title, _, body = text.partition("\n")
    elif match := _SENTENCE_END.search(text):
        title, body = text[: match.end()], text[match.end() :]
    else:
        title, body = text, ""
    return title.strip(), body.strip()


def _finish(draft: _Draft, *, final_newline: bool) -> NewEntry:
    """The entry a draft holds, with jrnl's star, title, body and tag rules."""
    raw = "\n".join([draft.first, *draft.rest])
    text = raw + "\n" if final_newline else raw
    head, _, tail = text.partition("\n")
    starred = draft.starred or head.strip().endswith("*")
    if head.strip().endswith("*"):
        text = head.strip(" *") + "\n" + tail
    title, body = split_title(text)
    names = [m.group(1) for m in _AT_TAG.finditer(raw)]
    if "#" in text:
        names += hashtags(title + "\n" + body)
    if starred:
        names.append("starred")
    return NewEntry(
        day=draft.when.date(),
        body=body,
        title=title,
        tags=tuple(unique_tags(names)),
        created=draft.when,
        uid=content_uid(draft.when, title, body),
    )


def _bracketed_header(line: str, time_format: str) -> tuple[dt.datetime, str, bool] | None:
    """The date and text of a jrnl 2+ header ``[date] text``, or None for a body line.

    As in jrnl, the line must start with "[" and the first "]" must be followed by a space.
    """
    if not line.startswith("["):
        return None
    close = line.find("]", 1)
    if close < 2 or line[close + 1 : close + 2] != " ":
        return None
    when = _parse_date(line[1:close], time_format)
    return None if when is None else (when, line[close + 2 :], False)


def _legacy_header(line: str, time_format: str, width: int) -> tuple[dt.datetime, str, bool] | None:
    """The date, text and star of a jrnl 1.x header ``date text``, or None for a body line.

    jrnl 1.x reads the date from the line's first characters, as wide as the time format
    makes a date; a "*" ending the header line stars the entry.
    """
    if len(line) < width or (len(line) > width and not line[width].isspace()):
        return None
    try:
        when = _strptime(line[:width], time_format)
    except ValueError:
        return None
    starred = line.endswith("*")
    if starred:
        line = line[:-1]
    return when, line[width + 1 :], starred


def _parse_date(blob: str, time_format: str) -> dt.datetime | None:
    """A bracketed date in the time format or, failing that, a plainly written date."""
    try:
        return _strptime(blob, time_format)
    except ValueError:
        pass
    match = _PLAIN_DATE.fullmatch(blob) if len(blob) >= _FUZZY_MIN_LENGTH else None
    if match is None:
        return None
    year, _, month, day, hour, minute, second, noon = match.groups()
    hours = int(hour or 0)
    if noon is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if noon.lower() == "pm" else 0)
    try:
        return dt.datetime(
            int(year), int(month), int(day or 1), hours, int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None


_DEFAULT_SHAPE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2})")


def _strptime(blob: str, time_format: str) -> dt.datetime:
    """`datetime.strptime(blob, time_format)`; a date written exactly as jrnl's default
    format writes it is read without `strptime` (~10 us a header: a second of a 100,000-entry
    import). Raises ValueError as `strptime` does."""
    if time_format == DEFAULT_TIME_FORMAT and (found := _DEFAULT_SHAPE.fullmatch(blob)):
        year, month, day, hour, minute = map(int, found.groups())
        return dt.datetime(year, month, day, hour, minute)
    return dt.datetime.strptime(blob, time_format)


def _aware(when: dt.datetime, path: str, line: int) -> dt.datetime:
    """A header's wall-clock time in the machine's local zone (aware times are kept)."""
    if when.tzinfo is not None:
        return when
    try:
        return when.astimezone()
    except (ValueError, OverflowError, OSError):
        raise ImportFormatError(
            path, line, f"the date {when:%Y-%m-%d %H:%M} is out of range"
        ) from None


def _check_time_format(time_format: str, path: str) -> None:
    """Refuse a time format that writes no date or cannot read back the dates it writes."""
    try:
        sample = _SAMPLE.strftime(time_format)
        dt.datetime.strptime(sample, time_format)
        if not sample.strip():
            raise ValueError(time_format)
    except ValueError:
        raise ImportFormatError(
            path, None, f"the time format '{time_format}' cannot be used to read dates"
        ) from None


def _chomp(raw: str) -> tuple[str, bool]:
    """A line without its line ending, and whether it had one."""
    if raw.endswith("\n"):
        return raw[:-2] if raw.endswith("\r\n") else raw[:-1], True
    if raw.endswith("\r"):
        return raw[:-1], True
    return raw, False
