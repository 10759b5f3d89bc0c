"""Daybook's own JSON format, both ways: the lossless export and the import that reads it back.

A file is one UTF-8 JSON object::

    {
      "format": "daybook",
      "version": 1,
      "exported": "2026-11-23T18:02:11+01:00",
      "entries": [
        {"uid": "3f2a...", "day": "2026-11-23", "created": "2026-11-23T17:42:05.120000+01:00",
         "updated": "2026-11-23T17:50:00+01:00", "title": "Shipped", "body": "Markdown...",
         "tags": ["ci", "learning"], "private": false, "kind": "note"}
      ]
    }

- ``format`` (required): the string "daybook"; ``version`` (required): 1. A higher version
  was written by a newer Daybook and is refused rather than half read.
- ``exported`` (optional): when the file was written; informational, ignored on import.
- ``entries`` (required): a list of entry objects, oldest first, one a line when Daybook
  writes them (so an error can name a line). Each entry:

  - ``uid`` (required): the entry's stable identity, a non-empty string. Importing keeps it,
    so importing the same file twice adds nothing the second time.
  - ``day`` (required): "YYYY-MM-DD", the day the entry reflects on (may differ from the
    date of ``created``, e.g. a reflection written after midnight).
  - ``created`` (required), ``updated`` (optional, default ``created``): ISO 8601 times with
    the writer's UTC offset, e.g. "2026-11-23T17:42:05+01:00"; a time without an offset is
    refused, since it could land on another day.
  - ``title``, ``body`` (optional, default ""): strings as written; the body is Markdown.
  - ``tags`` (optional): a list of strings, the entry's tags including the #tags of its body.
  - ``private`` (optional, default false): true keeps the entry out of ordinary exports.
  - ``kind`` (optional, default "note"): "note", or "prompt" for an end-of-day reflection.

- Version 2 (written when the chosen entries use images): the list may also hold image
  objects, each before the first entry that uses it: ``{"attachment": "SHA256", "mime":
  "image/png", "width": 640, "height": 480, "data": "base64..."}``. ``data`` must hash to
  ``attachment``. A clean PNG or JPEG is kept byte for byte (so an export imports back
  identical); anything else is re-encoded like any image added to Daybook, and the entries
  that follow refer to it by its new hash.

Entries in the Trash are not exported. Other keys are ignored, so later versions of this
format may add keys without raising ``version``; anything else malformed is an
ImportFormatError naming the file and line.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import re
from typing import TYPE_CHECKING

from journal.domain.attachments import SCHEME, Attachment, references
from journal.domain.entry import MAX_ENTRY_CHARS, Entry, NewEntry, entry_problem
from journal.domain.filters import to_utc
from journal.errors import ImportFormatError, InputError
from journal.importers.json_fields import FieldError, string_list, text_field
from journal.importers.json_fields import kind as kind_of
from journal.importers.json_stream import Document, JsonStreamError, iter_entries

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

FORMAT_NAME = "daybook"
FORMAT_VERSION = 2
IMAGES_VERSION = 2  # the first version with image objects; files without images stay at 1

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KIND = re.compile(r"[a-z_]{1,20}")
_SHA = re.compile(r"[0-9a-f]{64}")
# The longest JSON text of one entry that is decoded: an entry of the largest size, with
# room for escapes (a control character is written as six characters).
MAX_ENTRY_JSON_CHARS = 6 * MAX_ENTRY_CHARS + (1 << 20)


# -- writing ---------------------------------------------------------------------------------


def entry_record(entry: Entry) -> dict[str, object]:
    """One entry as the object the format describes."""
    return {
        "uid": entry.uid,
        "day": entry.day.isoformat(),
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "private": entry.private,
        "kind": entry.kind,
    }


def to_daybook_json(
    entries: Sequence[Entry],
    exported: dt.datetime | None = None,
    images: Mapping[str, Attachment] | None = None,
) -> str:
    """The export file's text: the header, then one entry a line, oldest first as given;
    each of `images` the entries use comes once, before its first entry."""
    version = IMAGES_VERSION if images else 1
    head: dict[str, object] = {"format": FORMAT_NAME, "version": version}
    if exported is not None:
        head["exported"] = exported.isoformat(timespec="seconds")
    lines = ["{"]
    lines += [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    if not entries:
        lines.append('  "entries": []')
    else:
        lines.append('  "entries": [')
        records = list(_records(entries, images or {}))
        lines.append(",\n".join(f"    {r}" for r in records))
        lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _records(entries: Sequence[Entry], images: Mapping[str, Attachment]) -> Iterator[str]:
    written: set[str] = set()
    for entry in entries:
        for sha in references(entry.body) if images else ():
            image = images.get(sha)
            if image is not None and sha not in written:
                written.add(sha)
                yield json.dumps(image_record(image))
        yield json.dumps(entry_record(entry), ensure_ascii=False)


def image_record(image: Attachment) -> dict[str, object]:
    return {
        "attachment": image.sha256,
        "mime": image.mime,
        "width": image.width,
        "height": image.height,
        "data": base64.b64encode(image.data).decode("ascii"),
    }


# -- reading ---------------------------------------------------------------------------------


def iter_daybook_json(
    source: str | Callable[[int], str],
    path: str = "<stdin>",
    images: dict[str, Attachment] | None = None,
) -> Iterator[NewEntry]:
    """Yield the entries of a Daybook JSON export, with their uids and times as written.

    `source` is the whole text, or a `read(size)` function that gives it a piece at a time
    (a file's `read`): entries are then decoded one by one and memory stays bounded.
    Raises ImportFormatError (file and line) for invalid JSON, a wrong header or a bad entry.
    """
    if isinstance(source, str):
        source = io.StringIO(source.removeprefix("\ufeff")).read
    doc = Document()
    checked = False
    found: dict[str, Attachment] = {} if images is None else images
    renamed: dict[str, str] = {}
    try:
        for index, (line, obj) in enumerate(
            iter_entries(
                source,
                doc,
                max_element=MAX_ENTRY_JSON_CHARS,
                not_an_object='expected a Daybook export, an object {"format": "daybook", ...}',
            ),
            start=1,
        ):
            if not checked and "format" in doc.header:
                _check_header(doc.header, path)
                checked = True
            if isinstance(obj, dict) and "attachment" in obj:
                try:
                    image = _image(obj)
                except FieldError as exc:
                    raise ImportFormatError(path, line, f"image {index}: {exc}") from None
                found[image.sha256] = image
                if image.sha256 != obj["attachment"]:
                    renamed[str(obj["attachment"])] = image.sha256
                continue
            try:
                new = _entry(obj, renamed)
                if problem := entry_problem(new):
                    raise FieldError(problem)
            except FieldError as exc:
                raise ImportFormatError(path, line, f"entry {index}: {exc}") from None
            yield new
    except JsonStreamError as exc:
        raise ImportFormatError(path, exc.line, str(exc)) from None
    _check_header(doc.header, path)
    if not doc.has_entries:
        raise ImportFormatError(path, None, "'entries' must be a list of entry objects")


def _check_header(doc: Mapping[str, object], path: str) -> None:
    if doc.get("format") != FORMAT_NAME:
        raise ImportFormatError(
            path, None, f'not a Daybook export (expected "format": "{FORMAT_NAME}")'
        )
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFormatError(path, None, "'version' must be a whole number, 1 or more")
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            path,
            None,
            f"written by a newer Daybook (format version {version}; this one reads "
            f"{FORMAT_VERSION}); update Daybook to import it",
        )


def _image(obj: Mapping[str, object]) -> Attachment:
    """An image object, checked: its data must hash to its name, and be an image."""
    from journal.importers.images import accept_stored

    sha, data = obj.get("attachment"), obj.get("data")
    if not isinstance(sha, str) or not _SHA.fullmatch(sha):
        raise FieldError("'attachment' must be a SHA-256 in 64 lower-case hex digits")
    if not isinstance(data, str):
        raise FieldError("'data' must be the image's bytes in base64")
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise FieldError("'data' is not valid base64") from None
    if hashlib.sha256(raw).hexdigest() != sha:
        raise FieldError(f"the data of image {sha[:12]} does not match its hash (damaged)")
    try:
        return accept_stored(raw, f"image {sha[:12]}")
    except InputError as exc:
        raise FieldError(exc.what) from None


def _entry(obj: object, renamed: Mapping[str, str] | None = None) -> NewEntry:
    if not isinstance(obj, dict):
        raise FieldError(f"expected an object {{...}}, found {kind_of(obj)}")
    uid = obj.get("uid")
    if not isinstance(uid, str) or not uid.strip():
        raise FieldError("'uid' must be a non-empty string")
    day = _day(obj.get("day"))
    created = _moment(obj.get("created"), "created")
    raw_updated = obj.get("updated")
    updated = created if raw_updated is None else _moment(raw_updated, "updated")
    kind = obj.get("kind", "note")
    if not isinstance(kind, str) or not _KIND.fullmatch(kind):
        raise FieldError("'kind' must be a short lower-case word such as \"note\"")
    private = obj.get("private", False)
    if not isinstance(private, bool):
        raise FieldError(f"'private' must be true or false, found {kind_of(private)}")
    body = text_field(obj, "body")
    for old, new in (renamed or {}).items():
        body = body.replace(f"{SCHEME}:{old}", f"{SCHEME}:{new}")
    return NewEntry(
        day=day,
        body=body,
        title=text_field(obj, "title"),
        tags=tuple(string_list(obj.get("tags"))),
        private=private,
        created=created,
        uid=uid,
        kind=kind,
        updated=updated,
    )


def _day(value: object) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise FieldError(f"'day' must be a date YYYY-MM-DD, found {_shown(value)}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"invalid day {value!r}, expected YYYY-MM-DD") from None
    return day


def _moment(value: object, key: str) -> dt.datetime:
    if not isinstance(value, str):
        raise FieldError(f"'{key}' must be a time like 2024-05-17T17:42:00+02:00")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise FieldError(f"invalid '{key}' time {value!r}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise FieldError(f"'{key}' time {value!r} has no UTC offset (add e.g. +02:00)")
    try:
        to_utc(moment)
    except (ValueError, OverflowError):
        raise FieldError(f"the '{key}' time {value!r} is out of range") from None
    return moment


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else kind_of(value)
