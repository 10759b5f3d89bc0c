"""Export, the use case the CLI and the desktop app share: choose, hold back, render, write.

`build_export` returns the rendered text and a report of what was left out (the GUI's
preview shows both); `write_export` and `write_export_folder` put it on disk atomically.
Private entries and private blocks never leave unless `include_private` is set, except in
the JSON format, which is for leaving (or backing up) the journal and so is lossless: every
chosen entry, private ones and blocks included, with all its metadata.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.blocks import read as read_blocks
from journal.domain.filters import EntryFilter
from journal.domain.tags import private_only_tags
from journal.errors import DaybookError, InputError, NotFoundError
from journal.fileio import fsync_dir, new_file, output_target, publish, write_through
from journal.services.export_formats import (  # the table lives apart: the CLI parser reads it
    SUFFIXES,
    Format,
)

if TYPE_CHECKING:
    from journal.domain.attachments import Attachment
    from journal.domain.entry import Entry, EntrySummary
    from journal.domain.query import SearchQuery
    from journal.rendering.markdown import MarkdownRenderer
    from journal.services.journal import Journal

# Looks up the journal's images by hash (those it holds): `journal.store.attachments.get_many`.
ImageLookup = Callable[[Sequence[str]], Mapping[str, "Attachment"]]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export and how. `ids`, `search` and `filters` all apply (an AND)."""

    format: Format = "markdown"
    filters: EntryFilter = EntryFilter()
    ids: tuple[int, ...] = ()
    search: str | None = None
    include_private: bool = False
    digest: bool = False
    front_matter: bool = False
    split: bool = False  # Markdown only: one file per entry
    page_per_entry: bool = False  # PDF and print only: each entry starts a new page

    @property
    def holds_private(self) -> bool:
        """Whether the output may hold private text (written rw for its owner only)."""
        return self.include_private or self.format == "json"


@dataclass(frozen=True, slots=True)
class ExportReport:
    """How many entries went out and what was held back as private."""

    entries: int
    held_back_private_entries: int = 0
    held_back_private_blocks: int = 0

    @property
    def held_back_note(self) -> str:
        """'held back 2 private entries and 1 private block', or '' when nothing was."""
        parts = []
        if self.held_back_private_entries:
            n = self.held_back_private_entries
            parts.append(f"{n} private {'entry' if n == 1 else 'entries'}")
        if self.held_back_private_blocks:
            n = self.held_back_private_blocks
            parts.append(f"{n} private {'block' if n == 1 else 'blocks'}")
        return "held back " + " and ".join(parts) if parts else ""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The rendered export: `text` for one file, `files` ({name: text}) for a split export;
    `images` are the journal images a Markdown export links to as `attachments/SHA.ext`
    (HTML embeds them, JSON carries them)."""

    text: str
    report: ExportReport
    files: Mapping[str, str] = field(default_factory=dict)
    images: Mapping[str, Attachment] = field(default_factory=dict)


# -- choosing --------------------------------------------------------------------------------

_SELECTED_PAGE = 500  # selected entries read whole at a time, oldest first


def choose_entries(
    journal: Journal, options: ExportOptions, head: int | None = None
) -> tuple[list[Entry], int]:
    """The chosen entries oldest first, and how many private ones were held back.

    Without `include_private`, an entry is chosen for what it shows: one that matches the
    tags or the search only through its private blocks is held back too. With `head`, only
    the oldest `head` chosen entries are wanted (a preview's first screen): the journal is
    then read only as far as needed, and the count held back is of what was read.
    """
    wide = dataclasses.replace(options.filters, include_private=True)
    if head is not None and options.search is None:
        if options.ids:
            return _choose_head(journal, options, _selected_oldest_first(journal, options), head)
        return _choose_head(journal, options, journal.store.iter_all(wide, page=max(head, 1)), head)
    query: SearchQuery | None = None
    if options.search is not None and options.search.strip():
        query, hits = journal.search(options.search, wide, limit=None, strict=True)
        if query.is_empty:
            raise InputError("the search has nothing to search for", "give at least one word")
        found = [h.entry for h in hits]
    elif options.search is not None:
        raise InputError("the search is empty", "give at least one word, or leave out --search")
    elif options.ids:
        found = journal.store.get_many(options.ids)
        _no_missing(options.ids, found)
    else:
        found = list(journal.store.iter_all(wide))
    if options.ids:
        wanted = set(options.ids)
        found = [e for e in found if e.id in wanted and _passes(e, options.filters)]
    found.sort(key=lambda e: (e.day, e.created, e.id))
    if options.include_private:
        return found, 0
    chosen = _shown_matches([e for e in found if not e.private], options.filters, query)
    return chosen, len(found) - len(chosen)


def _no_missing(ids: Sequence[int], found: Sequence[Entry | EntrySummary]) -> None:
    missing = sorted(set(ids) - {e.id for e in found})
    if missing:
        raise NotFoundError(
            f"there is no entry with id {', '.join(map(str, missing))}",
            "see the ids with `daybook list`",
        )


def _selected_oldest_first(journal: Journal, options: ExportOptions) -> Iterator[Entry]:
    """The selected entries that pass the date and tag filters, oldest first, read whole a
    page at a time: the order is found from their summaries (no bodies), so a preview's
    first screen of a 20,000-entry selection reads 20,000 short rows, not 20,000 bodies."""
    summaries = journal.store.get_summaries(options.ids, preview=0)
    _no_missing(options.ids, summaries)
    order = sorted(
        (s for s in summaries if _passes(s, options.filters)),
        key=lambda s: (s.day, s.created, s.id),
    )
    for start in range(0, len(order), _SELECTED_PAGE):
        yield from journal.store.get_many([s.id for s in order[start : start + _SELECTED_PAGE]])


def _choose_head(
    journal: Journal, options: ExportOptions, entries: Iterable[Entry], head: int
) -> tuple[list[Entry], int]:
    """The oldest `head` chosen entries of `entries` (oldest first), read as far as needed."""
    chosen: list[Entry] = []
    held = 0
    page: list[Entry] = []
    for entry in entries:
        page.append(entry)
        if len(page) < head:
            continue
        kept = page if options.include_private else _public_matches(page, options.filters)
        held += len(page) - len(kept)
        chosen.extend(kept)
        page = []
        if len(chosen) >= head:
            return chosen[:head], held
    kept = page if options.include_private else _public_matches(page, options.filters)
    return [*chosen, *kept][:head], held + len(page) - len(kept)


def _public_matches(entries: Sequence[Entry], filters: EntryFilter) -> list[Entry]:
    return _shown_matches([e for e in entries if not e.private], filters, None)


def _passes(entry: Entry | EntrySummary, filters: EntryFilter) -> bool:
    """The date and tag filters applied to an entry chosen by id."""
    if filters.date_from and entry.day < filters.date_from:
        return False
    if filters.date_to and entry.day > filters.date_to:
        return False
    return _has_tags(entry, filters.tags, filters.exclude_tags)


def _has_tags(
    entry: Entry | EntrySummary, wanted: Sequence[str], unwanted: Sequence[str] = ()
) -> bool:
    tags = {t.casefold() for t in entry.tags}
    return all(t.casefold() in tags for t in wanted) and not any(
        t.casefold() in tags for t in unwanted
    )


def _shown_matches(
    entries: Sequence[Entry], filters: EntryFilter, query: SearchQuery | None
) -> list[Entry]:
    """The entries that match the tags and the search on what an export shows of them."""
    wanted = [*filters.tags, *(query.tags if query else ())]
    if not wanted and (query is None or query.match is None):
        return list(entries)  # nothing chosen by content: what shows does not matter here
    shown = {e.id: public_view(e)[0] for e in entries}
    kept = [e for e in entries if _has_tags(shown[e.id], wanted)]
    if query is None or query.match is None:
        return kept
    from journal.storage.probe import fts_matches

    docs = ((e.id, shown[e.id].title, shown[e.id].body, " ".join(shown[e.id].tags)) for e in kept)
    matching = fts_matches(query.match, docs)
    return [e for e in kept if e.id in matching]


def public_view(entry: Entry) -> tuple[Entry, int]:
    """The entry as an export shows it: no private blocks, no tags written only in them.

    Returns the entry and how many private blocks were taken out.
    """
    reading = read_blocks(entry.body)
    if not reading.private:
        return entry, 0
    body, count = reading.public_text(), len(reading.private)
    hidden = private_only_tags(entry.body, reading)
    tags = tuple(t for t in entry.tags if t.casefold() not in hidden)
    if body == entry.body and tags == entry.tags:
        return entry, count
    return dataclasses.replace(entry, body=body, tags=tags), count


def hold_back_blocks(entries: Sequence[Entry]) -> tuple[list[Entry], int]:
    """The entries as exports show them (see `public_view`), and how many blocks were held."""
    out: list[Entry] = []
    total = 0
    for entry in entries:
        shown, count = public_view(entry)
        total += count
        out.append(shown)
    return out, total


# -- rendering -------------------------------------------------------------------------------


def build_export(
    journal: Journal, options: ExportOptions, renderer: MarkdownRenderer | None = None
) -> ExportResult:
    """Choose, hold back and render: what would be written, for writing or a preview.

    Reuse `renderer` (built with `highlight=True`) across calls; one is made if absent.
    """
    if options.format == "json":
        options = dataclasses.replace(options, include_private=True)
    entries, held_entries = choose_entries(journal, options)
    if not entries:
        if held_entries:
            raise InputError(
                f"nothing to export: the {held_entries} matching "
                f"{'entry is' if held_entries == 1 else 'entries are'} private",
                "add --include-private to export them",
            )
        raise InputError("no entries match", "widen the dates, tags, ids or search")
    return render_export(
        entries, options, renderer, held_entries, journal.store.attachments.get_many
    )


def render_export(
    entries: Sequence[Entry],
    options: ExportOptions,
    renderer: MarkdownRenderer | None = None,
    held_back_entries: int = 0,
    images: ImageLookup | None = None,
) -> ExportResult:
    """Render chosen entries (oldest first); private entries and blocks go unless included.

    Images come from `images` (only those of what is exported: a private block's images
    stay with it); without it, an export has none.
    """
    result = _render_text(entries, options, renderer, held_back_entries, images)
    if options.format != "markdown" or not result.images:
        return result
    from journal.rendering.images import relative_image_links

    found = result.images
    return ExportResult(
        relative_image_links(result.text, found),
        result.report,
        {name: relative_image_links(text, found) for name, text in result.files.items()},
        found,
    )


def _images_in(texts: Sequence[str], images: ImageLookup | None) -> dict[str, Attachment]:
    from journal.domain.attachments import references

    wanted = [sha for text in texts for sha in references(text)]
    return dict(images(wanted)) if images is not None and wanted else {}


def _html(page: str, texts: Sequence[str], images: ImageLookup | None) -> str:
    """The page with its journal images embedded as data: URIs (always run, so no
    `attachment:` reference is ever left in an HTML export)."""
    from journal.rendering.images import embed_images

    return embed_images(page, _images_in(texts, images))


def _render_text(
    entries: Sequence[Entry],
    options: ExportOptions,
    renderer: MarkdownRenderer | None,
    held_back_entries: int,
    images: ImageLookup | None,
) -> ExportResult:
    from journal.rendering import export as fmt

    if options.split and (options.format != "markdown" or options.digest):
        raise InputError("one file per entry works for plain Markdown exports only", "drop --split")
    if options.format == "json":
        return _render_json(entries, options, _images_in([e.body for e in entries], images))
    blocks = 0
    if not options.include_private:
        public = [e for e in entries if not e.private]
        held_back_entries += len(entries) - len(public)
        if not public:
            raise InputError(
                "nothing to export: every chosen entry is private",
                "add --include-private to export them",
            )
        entries, blocks = hold_back_blocks(public)
    report = ExportReport(len(entries), held_back_entries, blocks)
    if options.digest:
        sections = fmt.digest_sections(entries)
        if not sections:
            raise InputError(
                f"none of the {len(entries)} chosen entries has a 'what I learned' answer "
                "(a heading containing 'learn')",
                "choose other entries, or export them without --digest",
            )
        texts = [s.markdown for s in sections]
        if options.format in ("html", "pdf"):
            page = fmt.digest_html(
                entries, sections, renderer or _renderer(), options.include_private
            )
            return ExportResult(_html(page, texts, images), report)
        text = fmt.digest_markdown(entries, sections)
        return ExportResult(text, report, images=_images_in(texts, images))
    bodies = [e.body for e in entries]
    if options.split:
        files = fmt.to_markdown_files(entries, options.front_matter)
        return ExportResult("", report, files, _images_in(bodies, images))
    if options.format == "html":
        page = fmt.to_html(entries, renderer or _renderer(), options.include_private)
        return ExportResult(_html(page, bodies, images), report)
    if (
        options.format == "pdf"
    ):  # the HTML page laid out for paper; journal.ui.dialogs.pdf prints it
        page = fmt.to_print_html(
            entries, renderer or _renderer(), options.include_private, options.page_per_entry
        )
        return ExportResult(_html(page, bodies, images), report)  # images embedded as data:
    text = fmt.to_markdown(entries, options.front_matter)
    return ExportResult(text, report, images=_images_in(bodies, images))


def _render_json(
    entries: Sequence[Entry], options: ExportOptions, images: Mapping[str, Attachment]
) -> ExportResult:
    """The lossless export: every chosen entry as stored (see journal.importers.daybook_json)."""
    from journal.domain.entry import local_now
    from journal.importers.daybook_json import to_daybook_json

    if options.digest or options.front_matter:
        raise InputError(
            "the JSON export keeps entries as they are", "drop --digest and --front-matter"
        )
    text = to_daybook_json(entries, local_now(), images)
    return ExportResult(text, ExportReport(len(entries)))


def _renderer() -> MarkdownRenderer:
    from journal.rendering.markdown import MarkdownRenderer

    return MarkdownRenderer(highlight=True, attachments=True)


# -- writing ---------------------------------------------------------------------------------


def write_export(
    text: str | bytes, path: Path | str, force: bool = False, private: bool = False
) -> Path:
    """Write `text` to the output `path` names (see `journal.fileio.output_target`).

    A regular file is written atomically (temp file, fsync, rename) and replaced only with
    `force`; a FIFO or a device is written through, never replaced; `-` is standard output.
    New files follow the umask, replaced ones keep their mode; with `private` (the export
    holds private text) the file is rw for its owner only. Returns the path written.
    """
    target = output_target(path, force)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if target.path is None:
        if isinstance(text, str):
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return Path("-")
    if target.through:
        try:
            write_through(target.path, data)
        except OSError as exc:
            raise _write_error(target.path, exc) from exc
        return target.path
    return _write_file(target.path, data, target.replace, private)


def _write_file(path: Path, data: bytes, replace: bool, private: bool) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = new_file(folder, path.name, private)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            if replace and not private:
                with contextlib.suppress(OSError):  # keep the mode the user gave the old file
                    os.fchmod(fh.fileno(), path.stat().st_mode & 0o777)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        publish(tmp, path, replace)
        fsync_dir(folder)
    except FileExistsError as exc:
        raise InputError(
            f"{path} already exists", "add --force to replace it, or choose another"
        ) from exc
    except OSError as exc:
        raise _write_error(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


def write_export_folder(
    files: Mapping[str, str], folder: Path | str, force: bool = False, private: bool = False
) -> list[Path]:
    """Write one file per entry into `folder` (created if absent); existing files need `force`."""
    if os.fspath(folder) in ("", "-"):
        raise InputError("one file per entry needs a folder", "give it with -o DIR")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file", "give a folder for --split")
    if not force:
        taken = [name for name in files if os.path.lexists(folder / name)]
        if taken:
            raise InputError(
                f"{folder / taken[0]} already exists"
                + (f" (and {len(taken) - 1} more)" if len(taken) > 1 else ""),
                "add --force to replace them, or choose another folder",
            )
    try:
        folder.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    return [write_export(text, folder / name, force, private) for name, text in files.items()]


def write_images(images: Mapping[str, Attachment], folder: Path, private: bool = False) -> int:
    """Write a Markdown export's images into `folder`/attachments/ (created if absent); a
    file already there under its hash is the same image and is left as it is. Returns how
    many images the folder holds for the export."""
    from journal.rendering.images import image_files

    files = image_files(images)
    if not files:
        return 0
    try:
        (folder / next(iter(files))).parent.mkdir(
            mode=0o700 if private else 0o777, parents=True, exist_ok=True
        )
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    for name, data in files.items():
        target = folder / name
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            continue
        _write_file(target, data, os.path.lexists(target), private)
    return len(files)


def default_name(options: ExportOptions, today: dt.date | None = None) -> str:
    """A file name for a save dialog: daybook-2026-11-23.html, week-notes-....md."""
    stem = "week-notes" if options.digest else "daybook"
    return f"{stem}-{(today or dt.date.today()).isoformat()}{SUFFIXES[options.format]}"


def _write_error(path: Path, exc: OSError) -> DaybookError:
    if isinstance(exc, PermissionError):
        return InputError(f"cannot write {path}: permission denied", "choose another folder")
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return InputError(f"cannot write {path}: its folder does not exist", "create it first")
    if exc.errno == errno.ENXIO:
        return InputError(f"cannot write {path}: no program is reading from it", "start it first")
    if exc.errno == errno.ENOSPC:
        return DaybookError(f"cannot write {path}: the disk is full", "free some space")
    if exc.errno == errno.EROFS:
        return InputError(f"cannot write {path}: read-only file system", "choose another folder")
    return DaybookError(f"cannot write {path}: {exc.strerror or exc}", "choose another folder")
