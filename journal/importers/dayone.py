"""Read Day One journals: the JSON export (a .zip holding Journal.json, or the JSON itself)
and Day One classic's ``.dayone`` folder of ``.doentry`` property lists.

Day One JSON: ``{"metadata": {...}, "entries": [{"uuid", "creationDate", "modifiedDate",
"timeZone", "text", "tags", "starred", "photos", ...}]}``; times are UTC ("...Z") and
``timeZone`` is an IANA name such as "Europe/Berlin". Day One classic: one plist per entry
in ``entries/``, with "UUID", "Creation Date" (UTC), "Time Zone", "Entry Text", "Tags",
"Starred". In both, each entry's time is shown in its own zone, so it lands on the local day
it was written; an unknown zone falls back to UTC (and says so in the report).

Photos in a .zip export (``photos/MD5.TYPE``, matched to the entry's ``photos`` list by
identifier) are imported as images: re-encoded like any image added to Daybook, and the
entry's ``![](dayone-moment://IDENTIFIER)`` reference becomes ``![](attachment:SHA256)``
(a photo the text does not show is added at its end). Other attachments (videos, audio,
PDFs, and photos outside a .zip or refused) are not kept: their references are dropped, and
each is listed in the report. The uid is Day One's own uuid, so importing again adds
nothing; a first line written as a "# Heading" becomes the title; starred entries get the
tag "starred".
"""

from __future__ import annotations

import datetime as dt
import io
import plistlib
import re
import zipfile
import zlib
import zoneinfo
from typing import TYPE_CHECKING
from xml.parsers.expat import ExpatError

from journal.domain.attachments import MAX_INPUT_BYTES, Attachment, image_markdown
from journal.domain.entry import FIRST_DAY, LAST_DAY, NewEntry, entry_problem
from journal.domain.tags import unique_tags
from journal.errors import ImportFormatError, InputError
from journal.importers.daybook_json import MAX_ENTRY_JSON_CHARS
from journal.importers.files import (
    link_note,
    open_binary,
    open_text,
    read_bytes,
    stays_inside,
)
from journal.importers.json_stream import Document, JsonStreamError, iter_entries

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

_MOMENT = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/*[^)\s]*\)[ \t]*\n?")
_HEADING = re.compile(r"#[ \t]+(.+?)[ \t#]*")
_MIN_YEAR, _MAX_YEAR = FIRST_DAY.year, LAST_DAY.year
# Limits on a .zip member: what it unpacks to, and how many times its packed size that may
# be (JSON text packs 5 to 20 times; a zip bomb thousands of times). Small members are not
# held to the ratio.
MAX_MEMBER_BYTES = 1024 * 1024 * 1024
MAX_MEMBER_TEXT = "1 GB"
MAX_RATIO = 100
_RATIO_FLOOR = 1024 * 1024
_READABLE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


class _EntryError(Exception):
    """A problem with one entry, turned into an ImportFormatError."""


def iter_dayone(
    path: Path, notes: list[str], images: dict[str, Attachment] | None = None
) -> Iterator[NewEntry]:
    """Yield the entries of a Day One export at `path` (a .zip, a .json, or a .dayone folder).

    A .zip's photos are added to `images` (by hash) for the import to store; attachments
    that are not imported are described in `notes`.
    """
    if path.is_dir():
        entries = path / "entries"
        if not entries.is_dir():
            json_files = sorted(path.glob("*.json"))
            if not json_files:
                raise ImportFormatError(
                    str(path), None, "no Day One export here (no entries/ folder, no .json file)"
                )
            for file in json_files:
                if not stays_inside(path, file):
                    notes.append(link_note(path, file))
                    continue
                with open_text(file) as fh:
                    yield from _decoded(iter_dayone_json(fh.read, str(file), notes), file)
            return
        yield from iter_dayone_classic(entries, notes)
        return
    with open_binary(path) as fh:
        magic = fh.read(4)
    if path.suffix.lower() == ".zip" or magic.startswith(b"PK"):
        yield from _iter_zip(path, notes, {} if images is None else images)
    else:
        with open_text(path) as fh:
            yield from _decoded(iter_dayone_json(fh.read, str(path), notes), path)


def _decoded(entries: Iterator[NewEntry], path: Path) -> Iterator[NewEntry]:
    """The entries (read lazily), with text that is not UTF-8 reported in one line."""
    try:
        yield from entries
    except UnicodeDecodeError as exc:
        raise ImportFormatError(str(path), None, f"not UTF-8 text ({exc.reason})") from None


def _skipped_member(name: str) -> bool:
    """Members macOS adds when it re-packs a folder (AppleDouble files), and folders."""
    base = name.rstrip("/").rsplit("/", 1)[-1]
    return name.startswith("__MACOSX/") or base.startswith("._") or name.endswith("/")


class _ZipPhotos:
    """The photos of a Day One .zip (``photos/MD5.TYPE``), read with the same caps as its
    other members, checked and re-encoded into `images`."""

    def __init__(self, archive: zipfile.ZipFile, images: dict[str, Attachment]) -> None:
        self._archive = archive
        self._images = images
        self._members = {
            m.filename.lower(): m for m in archive.infolist() if not _skipped_member(m.filename)
        }

    def take(self, item: dict[str, object], where: str) -> str:
        """The hash of the photo `item` describes; raises _PhotoSkipped (why) if none."""
        from journal.importers.images import prepare_image

        md5, kind = item.get("md5"), item.get("type")
        if not isinstance(md5, str) or not isinstance(kind, str):
            raise _PhotoSkipped("it has no md5 and type to find its file by")
        name = f"photos/{md5}.{kind}".lower()
        member = self._members.get(name)
        if member is None:
            raise _PhotoSkipped(f"{name} is not in the .zip")
        if member.file_size > MAX_INPUT_BYTES:
            raise _PhotoSkipped(f"{member.filename} is larger than 20 MB")
        _check_member(member, where)
        with self._archive.open(member) as raw:
            data = raw.read(MAX_INPUT_BYTES + 1)
        try:
            image = prepare_image(data, member.filename)
        except InputError as exc:
            raise _PhotoSkipped(exc.what) from None
        self._images[image.sha256] = image
        return image.sha256


class _PhotoSkipped(Exception):
    """Why a photo of an entry was not imported."""


def _iter_zip(path: Path, notes: list[str], images: dict[str, Attachment]) -> Iterator[NewEntry]:
    """The entries of the JSON files in a Day One .zip, each member streamed with a cap on
    its size and on its compression ratio (a zip bomb is refused before it is inflated)."""
    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.infolist()
                if not _skipped_member(m.filename) and m.filename.lower().endswith(".json")
            ]
            if not members:
                raise ImportFormatError(where, None, "the .zip holds no Journal.json")
            for member in sorted(members, key=lambda m: m.filename):
                _check_member(member, where)
                name = f"{path}:{member.filename}"
                with archive.open(member) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8-sig")
                    try:
                        yield from iter_dayone_json(
                            text.read, name, notes, _ZipPhotos(archive, images)
                        )
                    except UnicodeDecodeError as exc:
                        raise ImportFormatError(
                            name, None, f"not UTF-8 text ({exc.reason})"
                        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, OSError) as exc:
        raise ImportFormatError(
            where, None, f"not a valid .zip file, or a damaged one ({exc})"
        ) from None
    except NotImplementedError as exc:
        raise ImportFormatError(where, None, f"cannot read the .zip ({exc})") from None


def _check_member(member: zipfile.ZipInfo, where: str) -> None:
    name = member.filename
    if member.flag_bits & 0x1:
        raise ImportFormatError(
            where, None, f"{name} in the .zip is encrypted; export from Day One without a password"
        )
    if member.compress_type not in _READABLE_METHODS:
        raise ImportFormatError(
            where,
            None,
            f"{name} in the .zip uses a compression method Daybook cannot read "
            f"(method {member.compress_type}); re-pack it as a standard .zip",
        )
    if member.file_size > MAX_MEMBER_BYTES:
        raise ImportFormatError(
            where,
            None,
            f"{name} in the .zip unpacks to {member.file_size:,} bytes, more than the "
            f"{MAX_MEMBER_TEXT} Daybook reads",
        )
    if member.file_size > _RATIO_FLOOR and member.file_size > MAX_RATIO * max(
        member.compress_size, 1
    ):
        raise ImportFormatError(
            where,
            None,
            f"{name} in the .zip unpacks to more than {MAX_RATIO} times its packed size, "
            "which no journal does (a zip bomb?)",
        )


# -- Day One JSON ----------------------------------------------------------------------------


def iter_dayone_json(
    source: str | Callable[[int], str],
    path: str,
    notes: list[str],
    photos: _ZipPhotos | None = None,
) -> Iterator[NewEntry]:
    """Yield the entries of one Day One export file (its text, or a `read(size)` function
    that gives it a piece at a time; entries are decoded one by one)."""
    if isinstance(source, str):
        source = io.StringIO(source).read
    doc = Document()
    not_export = 'not a Day One export (expected an object with an "entries" list)'
    try:
        for index, (line, obj) in enumerate(
            iter_entries(source, doc, max_element=MAX_ENTRY_JSON_CHARS, not_an_object=not_export),
            start=1,
        ):
            try:
                new = _json_entry(obj, f"{path}, line {line}", notes, photos)
                if problem := entry_problem(new):
                    raise _EntryError(problem)
            except _EntryError as exc:
                raise ImportFormatError(path, line, f"entry {index}: {exc}") from None
            yield new
    except JsonStreamError as exc:
        raise ImportFormatError(path, exc.line, str(exc)) from None
    if not doc.has_entries:
        raise ImportFormatError(path, None, not_export)


def _json_entry(
    obj: object, where: str, notes: list[str], photos: _ZipPhotos | None = None
) -> NewEntry:
    if not isinstance(obj, dict):
        raise _EntryError("expected an object {...}")
    uuid = obj.get("uuid")
    if not isinstance(uuid, str) or not uuid.strip():
        raise _EntryError("'uuid' must be a non-empty string")
    zone = _zone(obj.get("timeZone"), where, notes)
    created = _utc_time(obj.get("creationDate"), "creationDate").astimezone(zone)
    modified = obj.get("modifiedDate")
    updated = created if modified is None else _utc_time(modified, "modifiedDate").astimezone(zone)
    text = obj.get("text", "")
    if not isinstance(text, str):
        raise _EntryError("'text' must be a string")
    for kind in ("photos", "videos", "audios", "pdfAttachments"):
        items = obj.get(kind) or []
        if not isinstance(items, list):
            raise _EntryError(f"'{kind}' must be a list")
        for item in items:
            ident = item.get("identifier", "?") if isinstance(item, dict) else "?"
            why = ""
            if kind == "photos" and photos is not None and isinstance(item, dict):
                try:
                    text = _with_photo(text, str(ident), photos.take(item, where))
                    continue
                except _PhotoSkipped as exc:
                    why = f" ({exc})"
            notes.append(
                f"{where}: {kind[:-1]} {ident} of the entry of {created:%Y-%m-%d} skipped{why}"
            )
    return _entry(uuid, created, updated, text, obj.get("tags"), obj.get("starred"))


def _with_photo(text: str, ident: str, sha: str) -> str:
    """`text` with Day One's references to the photo `ident` turned into the journal's; a
    photo the text does not show is added at its end."""
    shown = re.compile(r"!\[([^\]\n]*)\]\(dayone-moment:/*" + re.escape(ident) + r"\)")
    found = shown.subn(lambda m: image_markdown(sha, m[1]), text)
    return found[0] if found[1] else f"{text.rstrip()}\n\n{image_markdown(sha)}"


def _utc_time(value: object, key: str) -> dt.datetime:
    if not isinstance(value, str):
        raise _EntryError(f"'{key}' must be a time like 2024-05-17T15:42:00Z")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _EntryError(f"invalid '{key}' {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return _in_range(moment, key)


def _in_range(moment: dt.datetime, key: str) -> dt.datetime:
    try:
        year = moment.astimezone(dt.UTC).year
    except (ValueError, OverflowError):
        year = 0
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _EntryError(f"the '{key}' time is out of range")
    return moment


def _zone(name: object, where: str, notes: list[str]) -> dt.tzinfo:
    if name is None:
        return dt.UTC
    if isinstance(name, str) and name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            pass
    notes.append(f"{where}: unknown time zone {name!r}; the entry's time is shown in UTC")
    return dt.UTC


def _entry(
    uuid: str,
    created: dt.datetime,
    updated: dt.datetime,
    text: str,
    tags: object,
    starred: object,
) -> NewEntry:
    if tags is None:
        tags = []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _EntryError("'tags' must be a list of strings")
    if starred is not None and not isinstance(starred, bool):
        raise _EntryError("'starred' must be true or false")
    names = [*tags, "starred"] if starred else list(tags)
    if "dayone-moment:" in text:  # drop the references, and the blank lines they leave
        text = re.sub(r"\n{3,}", "\n\n", _MOMENT.sub("", text))
    title, body = _split_heading(text.strip("\n"))
    try:
        created.astimezone(dt.UTC)
        created.utcoffset()
    except (ValueError, OverflowError):
        raise _EntryError("the creation time is out of range") from None
    return NewEntry(
        day=created.date(),
        body=body,
        title=title,
        tags=tuple(unique_tags(names)),
        created=created,
        uid="dayone-" + uuid.strip(),
        updated=updated,
    )


def _split_heading(text: str) -> tuple[str, str]:
    """A first line written as '# Heading' is the title; otherwise there is none."""
    first, _, rest = text.partition("\n")
    match = _HEADING.fullmatch(first.strip())
    if match is None:
        return "", text
    return match.group(1), rest.strip("\n")


# -- Day One classic -------------------------------------------------------------------------


def iter_dayone_classic(folder: Path, notes: list[str]) -> Iterator[NewEntry]:
    """Yield the entries of a Day One classic journal's entries/ folder, oldest file name first."""
    photos = folder.parent / "photos"
    for file in sorted(folder.glob("*.doentry")):
        if not stays_inside(folder.parent, file):
            notes.append(link_note(folder.parent, file))
            continue
        try:
            data = plistlib.loads(read_bytes(file))
        except (plistlib.InvalidFileException, ExpatError, ValueError, TypeError) as exc:
            raise ImportFormatError(
                str(file), _plist_line(exc), f"not a Day One entry ({exc})"
            ) from None
        try:
            entry = _classic_entry(data, str(file), notes)
            if problem := entry_problem(entry):
                raise _EntryError(problem)
        except _EntryError as exc:
            raise ImportFormatError(str(file), None, str(exc)) from None
        for photo in sorted(photos.glob(f"{file.stem}.*")) if photos.is_dir() else []:
            notes.append(f"{file}: photo {photo.name} skipped")
        yield entry


def _plist_line(exc: Exception) -> int | None:
    line = getattr(exc, "lineno", None)
    return line if isinstance(line, int) else None


def _classic_entry(data: object, where: str, notes: list[str]) -> NewEntry:
    if not isinstance(data, dict):
        raise _EntryError("expected a property list dictionary")
    uuid = data.get("UUID")
    if not isinstance(uuid, str) or not uuid.strip():
        raise _EntryError("'UUID' must be a non-empty string")
    when = data.get("Creation Date")
    if not isinstance(when, dt.datetime):
        raise _EntryError("'Creation Date' must be a date")
    zone = _zone(data.get("Time Zone"), where, notes)
    utc = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when
    created = _in_range(utc, "Creation Date").astimezone(zone)
    text = data.get("Entry Text", "")
    if not isinstance(text, str):
        raise _EntryError("'Entry Text' must be a string")
    return _entry(uuid, created, created, text, data.get("Tags"), data.get("Starred"))
