r"""Read a RedNotebook journal: its data folder of ``YYYY-MM.txt`` month files.

Each month file is YAML written by RedNotebook with PyYAML's ``safe_dump``: a mapping from
day number to the day's content, ``{text: ..., Category: {entry: null}, tag: null}``::

    5: {text: 'Shipped the release. #work'}
    17:
      Work: {Reviewed the API: null}
      text: "= Retro =\nWhat went well..."

RedNotebook writes flow or block style, plain, quoted or folded strings depending on the
PyYAML version and the text, so the file is read with PyYAML's safe loader rather than a
hand-made subset parser. The text is txt2tags markup and is converted to Markdown (see
`txt2tags_to_markdown`); #hashtags in it become tags as in any Daybook body. A category
without entries is a tag; a category with entries becomes a tag and a "- Category: entry"
line at the end of the body (the old "Tags" category's entries are tags). RedNotebook keeps
no times, so an entry is created at 00:00 local time on its day. Pictures
(`[""file:///folder/pic"".png]`) stored inside the data folder become the journal's images,
re-encoded like any other; pictures elsewhere or missing, and markup left as it was, are
listed in the report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import yaml

from journal.domain.attachments import Attachment, image_markdown
from journal.domain.entry import (
    DAY_RANGE_TEXT,
    NewEntry,
    content_uid,
    day_problem,
    entry_problem,
)
from journal.domain.tags import unique_tags
from journal.errors import ImportFormatError
from journal.importers.files import link_note, read_document, stays_inside
from journal.importers.images import LocalImages, local_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

_MONTH_FILE = re.compile(r"([0-9]{4})-([0-9]{2})\.txt")

# -- txt2tags -> Markdown --------------------------------------------------------------------

_IMAGE_EXT = r"(?:png|jpe?g|gif|bmp|svg|webp|tiff?)"
# Tokens whose content is not formatted further: pictures, links, URLs, monospace and raw.
_PROTECTED = re.compile(
    r"(?P<image>\[(?:[^\[\]\n]*?\s)?\"\"[^\"\n]+\"\"\." + _IMAGE_EXT + r"(?:\?[0-9]+)?\])"
    r"|\[(?P<label>[^\[\]\n]+?)\s+(?:\"\"(?P<qurl>[^\"\n]+)\"\""
    r"|(?P<url>(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s\]]+))\]"
    r"|(?P<bare>\b(?:https?|ftp|file)://[^\s<>\]]+)"
    r"|``(?P<mono>[^`\n]+?)``"
    r"|''(?P<tagged>[^'\n]+?)''"
    r"|\"\"(?P<raw>[^\"\n]+?)\"\"",
    re.IGNORECASE,
)
# txt2tags' inline marks: no space just inside the marks.
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<!/)//(?=[^\s/])(.+?)(?<=[^\s/])//(?!/)")
_UNDERLINE = re.compile(r"__(?=\S)(.+?)(?<=\S)__")
_STRIKE = re.compile(r"(?<!-)--(?=[^\s-])(.+?)(?<=[^\s-])--(?!-)")
_HEADING = re.compile(r"[ \t]*(=+|\++)[ \t]*([^=+ \t].*?)[ \t]*\1(?:\[[\w-]*\])?[ \t]*")
_SEPARATOR = re.compile(r"[ \t]*[-=_]{20,}[ \t]*")
_NUMBERED = re.compile(r"([ \t]*)\+ (.*)")
_QUOTE = re.compile(r"\t+(?![-+] )(.*)")


# A picture's target inside its brackets: ""PATH"".EXT, an optional ?WIDTH after it.
_PICTURE = re.compile(r"\"\"(?P<path>[^\"\n]+)\"\"\.(?P<ext>" + _IMAGE_EXT + r")", re.IGNORECASE)
# The journal's reference for a picture's path (None when it cannot be taken: noted there).
Pictures = Callable[[str, str], "str | None"]


def txt2tags_to_markdown(
    text: str, notes: list[str], where: str, pictures: Pictures | None = None
) -> str:
    """RedNotebook's txt2tags markup as Markdown; what is left as it was goes to `notes`.

    Converted: **bold**, //italic//, __underline__ (to plain), --strike--, = and + headings,
    - and + lists, tab-indented quotes, separators, [label url] links, ``mono``, ''tagged''
    and ""raw"" text. Verbatim areas (```) are kept as they are; comments (%), tagged and raw
    areas and tables are left as written and noted; pictures become the journal's images
    through `pictures` (`[""file:///p/pic"".png]`: PATH.EXT, `where`), and are dropped and
    noted when it cannot take them.
    """
    out: list[str] = []
    verbatim = False
    area: str | None = None  # ''' (tagged) or """ (raw): left alone up to the closing line
    noted: set[str] = set()

    def note(kind: str) -> None:
        if kind not in noted:
            noted.add(kind)
            notes.append(f"{where}: {kind}")

    def picture(target: str) -> str | None:
        return pictures(target, where) if pictures is not None else None

    def inline(line: str) -> str:
        return _inline(line, note, picture)

    for line in text.split("\n"):
        stripped = line.strip()
        if area is not None:
            area = None if stripped == area else area
            out.append(line)
            continue
        if stripped == "```":
            verbatim = not verbatim
            out.append("```")
            continue
        if verbatim:
            out.append(line)
            continue
        if stripped in ("'''", '"""'):
            area = stripped
            note(f"a {'tagged' if stripped == chr(39) * 3 else 'raw'} area left as written")
            out.append(line)
            continue
        if line.startswith("%"):
            note("a txt2tags comment line left as written")
            out.append(line)
            continue
        if stripped.startswith("|"):
            note("a txt2tags table left as written")
            out.append(inline(line))
            continue
        if _SEPARATOR.fullmatch(line):
            out.append("***")
            continue
        if heading := _HEADING.fullmatch(line):
            level = min(len(heading.group(1)), 6)
            out.append("#" * level + " " + inline(heading.group(2)))
            continue
        if numbered := _NUMBERED.fullmatch(line):
            out.append(f"{numbered.group(1)}1. {inline(numbered.group(2))}")
            continue
        if quote := _QUOTE.fullmatch(line):
            out.append("> " + inline(quote.group(1)))
            continue
        out.append(inline(line))
    return "\n".join(out)


def _inline(line: str, note: Callable[[str], None], picture: Callable[[str], str | None]) -> str:
    """One line's inline markup; protected tokens are converted once and not touched again."""
    parts: list[str] = []
    pos = 0
    for match in _PROTECTED.finditer(line):
        parts.append(_marks(line[pos : match.start()]))
        parts.append(_protected(match, note, picture))
        pos = match.end()
    parts.append(_marks(line[pos:]))
    return "".join(parts)


def _protected(
    match: re.Match[str], note: Callable[[str], None], picture: Callable[[str], str | None]
) -> str:
    if match.group("image"):
        found = _PICTURE.search(match.group("image"))
        reference = picture(f"{found['path']}.{found['ext']}") if found else None
        if reference is None:  # (an empty reference was noted where it was refused)
            note(f"picture {match.group('image')} skipped")
            return ""
        return reference
    if match.group("label") is not None:
        url = match.group("qurl") or match.group("url")
        if url.lower().startswith("www."):
            url = "https://" + url
        label = match.group("label").strip()
        return f"[{label}]({url.replace(' ', '%20').replace(')', '%29')})"
    if match.group("bare"):
        return match.group("bare")
    if match.group("mono") is not None:
        return f"`{match.group('mono')}`"
    if match.group("tagged") is not None:
        return f"`{match.group('tagged')}`"
    return match.group("raw")


def _marks(text: str) -> str:
    text = _ITALIC.sub(r"*\1*", text)
    text = _UNDERLINE.sub(r"\1", text)
    return _STRIKE.sub(r"~~\1~~", text)


# -- month files -----------------------------------------------------------------------------


class _DayError(Exception):
    """A problem with one day, turned into an ImportFormatError with its line."""


def iter_rednotebook(
    path: Path, notes: list[str], images: dict[str, Attachment] | None = None
) -> Iterator[NewEntry]:
    """Yield the entries of a RedNotebook data folder (or one month file), oldest month first.

    Files in the folder that are not month files are listed in `notes`. Pictures found
    inside the folder are added to `images` (the others are listed and left out).
    """
    folder = path if path.is_dir() else path.parent
    local = LocalImages(folder, {} if images is None else images, notes, "picture")

    def pictures(target: str, where: str) -> str | None:
        if local_path(target, folder) is None:
            return None  # not a file (a web address): noted as a picture skipped
        sha = local.take(target, folder, where)
        return image_markdown(sha) if sha is not None else ""  # "": dropped, noted by `take`

    if path.is_dir():
        months: list[tuple[int, int, Path]] = []
        for file in sorted(path.iterdir()):
            match = _MONTH_FILE.fullmatch(file.name)
            if file.is_symlink() and not stays_inside(path, file):
                notes.append(link_note(path, file))
            elif match and file.is_file():
                months.append((int(match.group(1)), int(match.group(2)), file))
            elif not file.name.startswith("."):
                notes.append(f"{file}: not a RedNotebook month file (YYYY-MM.txt), skipped")
        if not months:
            raise ImportFormatError(
                str(path), None, "no RedNotebook month files (named like 2024-05.txt) here"
            )
    else:
        match = _MONTH_FILE.fullmatch(path.name)
        if match is None:
            raise ImportFormatError(
                str(path), None, "a RedNotebook month file is named like 2024-05.txt"
            )
        months = [(int(match.group(1)), int(match.group(2)), path)]
    for year, month, file in sorted(months):
        if not 1 <= month <= 12 or year < 1:
            raise ImportFormatError(str(file), None, "the file name is not a valid year and month")
        if day_problem(dt.date(year, month, 1)):
            raise ImportFormatError(
                str(file), None, f"named by a month outside the supported range {DAY_RANGE_TEXT}"
            )
        yield from iter_month(read_document(file), str(file), year, month, notes, pictures)


def iter_month(
    text: str,
    path: str,
    year: int,
    month: int,
    notes: list[str],
    pictures: Pictures | None = None,
) -> Iterator[NewEntry]:
    """Yield the entries of one month file's text, in day order."""
    for day_number, line, content in _load_month(text, path):
        where = f"{path}, line {line}"
        try:
            entry = _day_entry(year, month, day_number, content, where, notes, pictures)
        except _DayError as exc:
            raise ImportFormatError(path, line, str(exc)) from None
        if entry is not None:
            if problem := entry_problem(entry):
                raise ImportFormatError(path, line, problem)
            yield entry


def _load_month(text: str, path: str) -> list[tuple[object, int, object]]:
    """(day key, line, content) for each day of a month file, in day order."""
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        keys = (
            [(loader.construct_object(k), k.start_mark.line + 1) for k, _ in node.value]
            if isinstance(node, yaml.MappingNode)
            else []
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ImportFormatError(path, line, f"not valid YAML ({exc.problem})") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ImportFormatError(
            path, line, f"a control character (#x{exc.character:04x}) is not allowed"
        ) from None
    except yaml.YAMLError as exc:
        raise ImportFormatError(path, None, f"not valid YAML ({exc})") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise ImportFormatError(path, None, f"not a RedNotebook month file ({exc})") from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ImportFormatError(path, 1, "expected a mapping from day numbers to {text: ...}")
    lines = {key: line for key, line in keys}  # a repeated day: the last one counts, as in YAML
    days = [(key, lines.get(key, 1), content) for key, content in data.items()]
    return sorted(days, key=lambda d: (d[0] if isinstance(d[0], int) else 99, d[1]))


def _day_entry(
    year: int,
    month: int,
    key: object,
    content: object,
    where: str,
    notes: list[str],
    pictures: Pictures | None = None,
) -> NewEntry | None:
    if not isinstance(key, int) or isinstance(key, bool):
        raise _DayError(f"{key!r} is not a day number")
    try:
        day = dt.date(year, month, key)
    except ValueError:
        raise _DayError(f"there is no day {key} in {year}-{month:02d}") from None
    if content is None:
        return None
    if not isinstance(content, dict):
        raise _DayError(f"day {key}: expected {{text: ...}}")
    raw = content.get("text")
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise _DayError(f"day {key}: 'text' must be a string")
    tags, lines = _categories(content, key)
    body = txt2tags_to_markdown(raw.replace("\r\n", "\n"), notes, where, pictures).strip("\n")
    if lines:
        body = (body + "\n\n" if body else "") + "\n".join(lines)
    if not body.strip() and not tags:
        return None
    try:
        created = dt.datetime.combine(day, dt.time(0)).astimezone()
    except (ValueError, OverflowError, OSError):
        raise _DayError(f"the day {day} is out of range") from None
    return NewEntry(
        day=day,
        body=body,
        tags=tuple(unique_tags(tags)),
        created=created,
        uid=content_uid(created, "", body),
    )


def _categories(content: dict[object, object], key: int) -> tuple[list[str], list[str]]:
    """The tags and the "- Category: entry" lines of a day's categories."""
    tags: list[str] = []
    lines: list[str] = []
    for name, entries in content.items():
        if name == "text":
            continue
        if not isinstance(name, str | int | float) or isinstance(name, bool):
            raise _DayError(f"day {key}: a category must be a name")
        if entries is None:
            tags.append(str(name))
            continue
        if not isinstance(entries, dict):
            raise _DayError(f"day {key}: category {name!r} must map entries to null")
        if name == "Tags":
            tags += [str(e) for e in entries]
            continue
        tags.append(str(name))
        lines += [f"- {name}: {entry}" for entry in entries]
    return tags, lines
