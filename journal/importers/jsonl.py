"""Read JSON-lines journals (one entry object a line) into Daybook entries.

The format is the one ``shared/data/make_journal.py`` writes::

    {"date": "2024-05-17", "time": "17:42", "title": "Shipped", "body": "...", "tags": ["@x"]}

- ``date`` (required): "YYYY-MM-DD", the day the entry belongs to.
- ``time`` (optional): "HH:MM" or "HH:MM:SS" local wall-clock time (24:00-29:59 count as
  after midnight, still for that date); missing or null means
  00:00, so an entry without a time still gets a stable uid and sorts first in its day.
- ``title``, ``body`` (optional): strings, taken as given; missing or null means "".
- ``tags`` (optional): a list of strings, normalised ("@x" and "#x" become "x"). The @words
  of the body are not added: the list is the record of the entry's tags.
- ``private`` (optional): true or false; missing or null means false.
Other keys are ignored, blank lines are skipped, anything else is an ImportFormatError.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING

from journal.domain.entry import NewEntry, content_uid, entry_problem
from journal.domain.tags import unique_tags
from journal.errors import ImportFormatError
from journal.importers.json_fields import FieldError, kind, string_list, text_field

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")


def iter_jsonl(lines: Iterable[str], path: str = "<stdin>") -> Iterator[NewEntry]:
    """Yield the entries of a JSON-lines journal read line by line.

    Raises ImportFormatError naming the file and line of the first malformed line.
    """
    for number, raw in enumerate(lines, start=1):
        line = raw.removeprefix("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        try:
            entry = _entry(_decode(line))
            if problem := entry_problem(entry):
                raise FieldError(problem)
        except FieldError as exc:
            raise ImportFormatError(path, number, str(exc)) from None
        yield entry


def _decode(line: str) -> dict[str, object]:
    """The JSON object on a line."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FieldError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # e.g. a 5000-digit number, deep nesting
        raise FieldError(f"not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise FieldError(f"expected a JSON object {{...}}, found {kind(value)}")
    return value


def _entry(obj: dict[str, object]) -> NewEntry:
    """The entry one decoded object describes."""
    day = _date(obj.get("date"))
    moment = _time(obj.get("time"))
    title = text_field(obj, "title")
    body = text_field(obj, "body")
    private = obj.get("private")
    if private is not None and not isinstance(private, bool):
        raise FieldError(f"'private' must be true or false, found {kind(private)}")
    try:
        created = (dt.datetime.combine(day, dt.time(0)) + moment).astimezone()
    except (ValueError, OverflowError, OSError):
        raise FieldError(f"the date '{day.isoformat()}' is out of range") from None
    return NewEntry(
        day=day,
        body=body,
        title=title,
        tags=tuple(unique_tags(string_list(obj.get("tags")))),
        private=bool(private),
        created=created,
        uid=content_uid(created, title, body),
    )


def _date(value: object) -> dt.date:
    """The required "date" field as a date."""
    if value is None:
        raise FieldError("missing 'date', expected YYYY-MM-DD")
    if not isinstance(value, str):
        raise FieldError(f"'date' must be a string YYYY-MM-DD, found {kind(value)}")
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"invalid date {value!r}, expected YYYY-MM-DD") from None


def _time(value: object) -> dt.timedelta:
    """The optional "time" field as the time since the day's midnight; 00:00 when absent.

    Hours 24 to 29 are accepted as "after midnight, still reflecting on that day" (the
    entry keeps its date; the creation time falls on the next calendar day), the way
    late-night writing is counted and the way some generators write it.
    """
    if value is None:
        return dt.timedelta(0)
    if not isinstance(value, str):
        raise FieldError(f"'time' must be a string HH:MM, found {kind(value)}")
    match = _TIME.fullmatch(value)
    hours, minutes, seconds = (int(g or 0) for g in match.groups()) if match else (99, 0, 0)
    if hours > 29 or minutes > 59 or seconds > 59:
        raise FieldError(f"invalid time {value!r}, expected HH:MM")
    return dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)
