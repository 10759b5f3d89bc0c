"""Read Markdown daily notes (Obsidian, Logseq and similar): one file per day, named by date.

A folder is searched recursively (hidden folders such as ``.obsidian`` and ``.trash`` are
left out) for ``.md`` / ``.markdown`` files whose name, without the extension, parses with the
date pattern: ``%Y-%m-%d`` by default (``2026-11-20.md``, Obsidian's daily notes),
``%Y_%m_%d`` for Logseq's ``journals/`` folder. Other files are listed in the report.

A note may start with YAML front matter between ``---`` lines; of it only ``tags`` (a list,
or one string of comma- or space-separated names) and ``title`` are read, other keys are
ignored. Without a front-matter title, a first line written as ``# Heading`` is the title
and is removed from the body. #tags in the text become tags as in any Daybook body. Notes
keep no time, so an entry is created at 00:00 local time on its day; the uid is made from
that time, the title and the body, so importing again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from journal.domain.attachments import Attachment, image_markdown
from journal.domain.entry import NewEntry, content_uid, day_problem, entry_problem
from journal.domain.tags import unique_tags
from journal.errors import ImportFormatError
from journal.importers.files import link_note, read_document, stays_inside
from journal.importers.images import LocalImages

if TYPE_CHECKING:
    from collections.abc import Iterator

DEFAULT_NAME_FORMAT = "%Y-%m-%d"
SUFFIXES = (".md", ".markdown")
_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
_FENCE_END = re.compile(r"(?:---|\.\.\.)[ \t]*")
_SAMPLE = dt.date(2024, 5, 17)


class _NoteError(Exception):
    """A problem in one note, turned into an ImportFormatError with its line."""

    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line = line


def iter_markdown_notes(
    path: Path,
    notes: list[str],
    name_format: str | None = None,
    images: dict[str, Attachment] | None = None,
) -> Iterator[NewEntry]:
    """Yield one entry per daily note under `path` (a folder, or one note), oldest day first.

    Files whose names are not dates in `name_format` are listed in `notes`. Local images
    the notes show (inside the folder only) are added to `images` and referred to as the
    journal's; those missing or refused are listed and their links kept as written.
    """
    fmt = name_format or DEFAULT_NAME_FORMAT
    _check_name_format(fmt, str(path))
    files = _candidates(path, notes) if path.is_dir() else [path]
    folder = path if path.is_dir() else path.parent
    pictures = LocalImages(folder, {} if images is None else images, notes)
    dated: list[tuple[dt.date, Path]] = []
    for file in files:
        day = _day_of(file, fmt)
        if day is None and file.suffix.lower() in _IMAGE_SUFFIXES:
            continue  # a picture, imported with the notes that show it
        if day is None:
            notes.append(f"{file}: the name is not a date like {_SAMPLE.strftime(fmt)}, skipped")
        else:
            dated.append((day, file))
    if not dated and path.is_dir():
        raise ImportFormatError(
            str(path), None, f"no notes named by date (like {_SAMPLE.strftime(fmt)}.md) here"
        )
    for day, file in sorted(dated):
        if problem := day_problem(day):
            raise ImportFormatError(str(file), None, f"named by {problem}")
        try:
            entry = note_entry(_with_images(read_document(file), file, pictures), day)
            if entry is not None and (problem := entry_problem(entry)):
                raise _NoteError(None, problem)
        except _NoteError as exc:
            raise ImportFormatError(str(file), exc.line, str(exc)) from None
        if entry is None:
            notes.append(f"{file}: empty, skipped")
        else:
            yield entry


_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff")
# ![alt](path), ![alt](<path with spaces>), ![alt](path "title"); Obsidian's ![[name.png|300]].
_MD_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angle>[^>\n]+)>|(?P<plain>[^\s()<>]+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|!\[\[(?P<wiki>[^\]|\n]+?)(?:\|[^\]\n]*)?\]\]"
)
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.DOTALL)


def _with_images(text: str, file: Path, pictures: LocalImages) -> str:
    """The note's text with its local images taken into the journal: each becomes
    `![alt](attachment:SHA)`. Code blocks and code spans are left alone, as are remote
    images and those that cannot be taken (noted)."""
    if "![" not in text:
        return text

    def image(match: re.Match[str]) -> str:
        if match["wiki"] is not None:
            name = match["wiki"].strip()
            if not name.lower().endswith(_IMAGE_SUFFIXES):
                return match[0]  # an embedded note, not an image
            beside = (file.parent / name).exists() or not (pictures.folder / name).exists()
            base = file.parent if beside else pictures.folder  # else at the vault's root
            sha = pictures.take(name, base, str(file))
            return image_markdown(sha) if sha is not None else match[0]
        target = match["angle"] or match["plain"]
        sha = pictures.take(target, file.parent, str(file))
        return image_markdown(sha, match["alt"]) if sha is not None else match[0]

    out: list[str] = []
    fence: str | None = None
    prose: list[str] = []

    def flush() -> None:
        if prose:
            block = "".join(prose)
            pos, parts = 0, []
            for span in _CODE_SPAN.finditer(block):
                parts.append(_MD_IMAGE.sub(image, block[pos : span.start()]))
                parts.append(span[0])
                pos = span.end()
            parts.append(_MD_IMAGE.sub(image, block[pos:]))
            out.append("".join(parts))
            prose.clear()

    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence is None and opening:
            flush()
            fence = opening[1]
            out.append(line)
        elif fence is not None:
            out.append(line)
            closing = _FENCE.match(line)
            if closing and closing[1][0] == fence[0] and len(closing[1]) >= len(fence):
                fence = None
        else:
            prose.append(line)
    flush()
    return "".join(out)


def _check_name_format(fmt: str, path: str) -> None:
    """Refuse a pattern that cannot read back the dates it writes (no year, say)."""
    try:
        sample = _SAMPLE.strftime(fmt)
        if dt.datetime.strptime(sample, fmt).date() != _SAMPLE or "/" in sample:
            raise ValueError(fmt)
    except ValueError:
        raise ImportFormatError(
            path, None, f"the name format '{fmt}' cannot be used to read dates (try %Y-%m-%d)"
        ) from None


def _candidates(folder: Path, notes: list[str]) -> list[Path]:
    """Every file under `folder`, leaving out hidden files and folders.

    Links are not followed out of the folder (they are listed in `notes`); links to
    folders are not followed at all (a folder inside is read where it really is).
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in list(dirs):
            if (here / name).is_symlink():
                dirs.remove(name)
                if not stays_inside(folder, here / name):
                    notes.append(link_note(folder, here / name))
        for name in sorted(files):
            file = here / name
            if name.startswith("."):
                continue
            if file.is_symlink() and not stays_inside(folder, file):
                notes.append(link_note(folder, file))
            elif file.is_file():
                found.append(file)
    return sorted(found)


def _day_of(file: Path, fmt: str) -> dt.date | None:
    if file.suffix.lower() not in SUFFIXES:
        return None
    try:
        day = dt.datetime.strptime(file.stem, fmt).date()
    except ValueError:
        return None
    return day


def note_entry(text: str, day: dt.date) -> NewEntry | None:
    """The entry one note's text gives on `day`; None for an empty note.

    Raises _NoteError (with a line) for front matter that is not valid YAML or has
    `tags` / `title` of the wrong kind.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _front_matter(text)
    tags = _tags(meta.get("tags"), _key_line(text, "tags"))
    title = meta.get("title")
    if title is not None and not isinstance(title, str | int | float):
        raise _NoteError(_key_line(text, "title"), "front matter: 'title' must be text")
    title = "" if title is None else str(title).strip()
    body = body.strip("\n")
    if not title:
        first, _, rest = body.partition("\n")
        if heading := _HEADING.fullmatch(first.strip()):
            title, body = heading.group(1).strip(), rest.strip("\n")
    if not title and not body.strip():
        return None
    try:
        created = dt.datetime.combine(day, dt.time(0)).astimezone()
    except (ValueError, OverflowError, OSError):
        raise _NoteError(None, f"the day {day} is out of range") from None
    return NewEntry(
        day=day,
        body=body,
        title=title,
        tags=tuple(unique_tags(tags)),
        created=created,
        uid=content_uid(created, title, body),
    )


def _front_matter(text: str) -> tuple[dict[object, object], str]:
    """The front matter's mapping (empty if none) and the text after it."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if _FENCE_END.fullmatch(lines[i])), None)
    if end is None:
        raise _NoteError(1, "the front matter that starts here has no closing '---' line")
    block = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(block)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        raise _NoteError(line, f"front matter is not valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise _NoteError(1, f"front matter is not valid YAML ({exc})") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise _NoteError(1, f"front matter cannot be read ({exc})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise _NoteError(2, "front matter must be 'key: value' lines")
    return meta, "\n".join(lines[end + 1 :])


def _key_line(text: str, key: str) -> int | None:
    """The line of a top-level front-matter key, for error messages."""
    match = re.search(rf"^{key}[ \t]*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _tags(value: object, line: int | None) -> list[str]:
    """Front-matter tags: a list of names, or one string of names split by commas or spaces."""
    if value is None:
        return []
    if isinstance(value, str):
        return [t for t in re.split(r"[,\s]+", value) if t]
    if isinstance(value, list) and all(
        isinstance(t, str | int | float) and not isinstance(t, bool) for t in value
    ):
        return [str(t) for t in value]
    raise _NoteError(line, "front matter: 'tags' must be a list of names, e.g. [work, ci]")
