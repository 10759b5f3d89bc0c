"""Exporters: chosen entries as one Markdown file, one file per entry, or one HTML page.

Pure functions from entries (whose private blocks the caller has already removed) to text;
choosing entries, holding back private ones and writing files is services/export.py's job.
"""

from __future__ import annotations

import functools
import html
import re
import string
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.domain.blocks import may_have_fences, split_lines
from journal.domain.blocks import read as read_blocks

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from journal.domain.entry import Entry
    from journal.rendering.markdown import MarkdownRenderer

# The Markdown exports import only what they use: the HTML renderer (Python-Markdown,
# Pygments, nh3), the page template (importlib.resources) and JSON load for HTML or front
# matter alone, so `export --format markdown` of a whole journal starts fast (issue 18).

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'"
)
LEARN = re.compile(r"learn", re.IGNORECASE)
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~{}])")
# CommonMark HTML blocks that run until a closing marker, not until a blank line.
_HTML_BLOCKS = (
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<(pre|script|style|textarea)\b", re.IGNORECASE), None),
)


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a digest: a day and the Markdown gathered for it."""

    day_label: str
    day_iso: str
    markdown: str


# -- Markdown helpers ------------------------------------------------------------------------


def day_label(entry: Entry) -> str:
    """The entry's day as `Mon 2026-11-23` (English, independent of the locale)."""
    return f"{WEEKDAYS[entry.day.weekday()]} {entry.day.isoformat()}"


def escape_inline(text: str) -> str:
    """Plain text made literal inside a Markdown heading or paragraph (one line)."""
    # A function, not the template r"\\\1": CPython expands a template by importing `re`
    # on every call, which PySide6's import hook made ~5 us slower in the app.
    return _MD_SPECIAL.sub(_backslashed, " ".join(text.split()))


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(1)


def _lines(text: str) -> list[tuple[str, bool]]:
    """Each line, and whether it is fenced code (fence lines and private blocks too)."""
    if not may_have_fences(text):  # plain prose: no line is code
        return [(line, False) for line in split_lines(text)]
    reading = read_blocks(text)
    return list(zip(reading.lines, reading.code_mask(), strict=True))


def shift_headings(text: str, top: int) -> str:
    """ATX headings outside fenced code moved down so the biggest is at level `top` (<= 6)."""
    if "#" not in text:  # no heading to move: skip reading the fences
        return text
    found = [
        (n, m)
        for n, (line, code) in enumerate(_lines(text))
        if not code
        for m in [_ATX.match(line)]
        if m
    ]
    if not found:
        return text
    by = max(0, top - min(len(m[2]) for _n, m in found))
    lines = split_lines(text)
    for n, match in found:
        level = min(6, len(match[2]) + by)
        lines[n] = match[1] + "#" * level + lines[n][match.end() :]
    return "\n".join(lines)


def close_blocks(text: str) -> str:
    """`text` with unclosed fences and HTML blocks closed, so it cannot swallow what follows."""
    if may_have_fences(text):
        unclosed = [block for block in read_blocks(text).fenced if not block.closed]
        if unclosed:
            return f"{text.rstrip()}\n{unclosed[-1].fence}"
    if "<" not in text:  # every HTML block opens with one
        return text
    for opener, closer in _HTML_BLOCKS:
        found = list(opener.finditer(text))
        if not found:
            continue
        last = found[-1]
        end = closer or f"</{last[1]}>"
        if end.lower() not in text[last.end() :].lower():
            text = f"{text.rstrip()}\n{end}"
    return text


def learned_sections(body: str) -> list[str]:
    """The answers under headings containing "learn" (any level), without the headings."""
    parts: list[str] = []
    current: list[str] | None = None
    level = 0
    for line, code in _lines(body):
        heading = None if code else _ATX.match(line)
        if heading is not None:
            depth = len(heading[2])
            if current is not None and depth <= level:
                parts.append("\n".join(current))
                current = None
            if current is None and LEARN.search(line[heading.end() :]):
                current, level = [], depth
                continue
        if current is not None:
            current.append(line)
    if current is not None:
        parts.append("\n".join(current))
    return [p.strip("\n") for p in parts if p.strip()]


def _span(entries: Sequence[Entry]) -> str:
    first, last = entries[0].day, entries[-1].day
    return first.isoformat() if first == last else f"{first} to {last}"


def _yaml(value: object) -> str:
    """A YAML scalar or flow list; JSON strings are valid YAML and need no library."""
    import json

    return json.dumps(value, ensure_ascii=False)


# -- Markdown --------------------------------------------------------------------------------


def document_title(entries: Sequence[Entry], digest: bool = False) -> str:
    """The title of an export: what it is and which days it covers."""
    what = "Week notes: what I learned" if digest else "Daybook"
    return f"{what}, {_span(entries)}" if entries else what


def _entry_heading(entry: Entry) -> str:
    title = escape_inline(entry.title) if entry.title.strip() else ""
    lock = " (private)" if entry.private else ""
    return day_label(entry) + (f" · {title}" if title else "") + lock


def _tags_line(entry: Entry) -> str:
    return "Tags: " + " ".join(f"#{escape_inline(t).replace(' ', '-')}" for t in entry.tags)


def entry_markdown(entry: Entry, level: int = 2) -> str:
    """One entry: a heading with its day and title, its tags, then its text."""
    parts = ["#" * level + " " + _entry_heading(entry)]
    if entry.tags:
        parts.append(_tags_line(entry))
    body = close_blocks(shift_headings(entry.body.strip("\n"), level + 1)).strip("\n")
    if body.strip():
        parts.append(body)
    return "\n\n".join(parts) + "\n"


def to_markdown(entries: Sequence[Entry], front_matter: bool = False) -> str:
    """One Markdown document, entries in the given (date) order."""
    title = document_title(entries)
    head = [f"# {escape_inline(title)}\n"]
    if front_matter:
        tags = sorted({t for e in entries for t in e.tags}, key=str.casefold)
        head.insert(0, _front_matter(title, entries, tags))
    return "\n".join([*head, *(entry_markdown(e) for e in entries)])


def _front_matter(title: str, entries: Sequence[Entry], tags: Iterable[str]) -> str:
    lines = [
        "---",
        f"title: {_yaml(title)}",
        f"from: {entries[0].day.isoformat()}" if entries else "",
        f"to: {entries[-1].day.isoformat()}" if entries else "",
        f"entries: {len(entries)}",
        f"tags: {_yaml(list(tags))}",
        "generator: Daybook",
        "---",
        "",
    ]
    return "\n".join(line for line in lines if line != "")


def to_markdown_files(entries: Sequence[Entry], front_matter: bool = False) -> dict[str, str]:
    """One Markdown file per entry: {file name: text}, names unique and stable."""
    out: dict[str, str] = {}
    for entry in entries:
        text = entry_markdown(entry, level=1)
        if front_matter:
            text = (
                "---\n"
                f"title: {_yaml(entry.title)}\n"
                f"date: {entry.day.isoformat()}\n"
                f"tags: {_yaml(list(entry.tags))}\n"
                f"id: {entry.id}\n"
                "---\n\n" + text
            )
        out[entry_file_name(entry)] = text
    return out


def entry_file_name(entry: Entry) -> str:
    """`2026-11-23-pairing-on-the-cache-42.md`: day, a slug of the title, the id."""
    ascii_title = unicodedata.normalize("NFKD", entry.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:48].strip("-")
    return f"{entry.day.isoformat()}-{slug + '-' if slug else ''}{entry.id}.md"


def digest_sections(entries: Sequence[Entry]) -> list[Section]:
    """The "what I learned" answers of `entries`, gathered per day in order."""
    by_day: dict[str, tuple[str, list[str]]] = {}
    for entry in entries:
        for answer in learned_sections(entry.body):
            by_day.setdefault(entry.day.isoformat(), (day_label(entry), []))[1].append(answer)
    return [
        Section(label, day, "\n\n".join(close_blocks(shift_headings(p, 3)) for p in parts))
        for day, (label, parts) in by_day.items()
    ]


def digest_markdown(entries: Sequence[Entry], sections: Sequence[Section]) -> str:
    """Week notes: one post with a heading per day over that day's answers."""
    title = document_title(entries, digest=True)
    body = [f"## {s.day_label}\n\n{s.markdown.strip()}\n" for s in sections]
    return "\n".join([f"# {escape_inline(title)}\n", *body])


# -- HTML ------------------------------------------------------------------------------------


@functools.cache
def _template() -> string.Template:
    from importlib.resources import files

    text = files("daybook_resources").joinpath("templates/export.html").read_text("utf-8")
    return string.Template(text)


@functools.cache
def stylesheet() -> str:
    """The embedded CSS: the page styles plus Pygments' light and dark code colours."""
    from importlib.resources import files

    from journal.rendering.markdown import pygments_css

    page = files("daybook_resources").joinpath("styles/export.css").read_text("utf-8")
    dark = pygments_css(".highlight", "monokai").replace("\n", "\n  ")
    return (
        f"{page.rstrip()}\n/* code: Pygments */\n{pygments_css('.highlight', 'default')}\n"
        f"@media screen and (prefers-color-scheme: dark) {{\n  {dark.rstrip()}\n}}\n"
    )


def _page(title: str, subtitle: str, articles: Iterable[str]) -> str:
    body = "\n".join(articles)
    return _template().substitute(
        csp=CSP,
        title=html.escape(title),
        subtitle=html.escape(subtitle),
        style=stylesheet(),
        body=body,
    )


def _count(n: int, word: str, words: str) -> str:
    return f"{n} {word if n == 1 else words}"


def entry_html(entry: Entry, renderer: MarkdownRenderer, mark_private: bool = False) -> str:
    """One entry as an <article>: day and title, tags, the sanitized body."""
    title = html.escape(entry.title.strip()) if entry.title.strip() else ""
    lock = ' <span class="badge">private</span>' if entry.private else ""
    head = (
        f'<h2><time datetime="{entry.day.isoformat()}">{day_label(entry)}</time>'
        + (f' <span class="sep">·</span> {title}' if title else "")
        + f"{lock}</h2>"
    )
    tags = ""
    if entry.tags:  # chips (spans, so even a simple renderer such as Qt's shows no bullets)
        chips = " ".join(f'<span class="tag">#{html.escape(t)}</span>' for t in entry.tags)
        tags = f'\n<p class="tags" aria-label="tags">{chips}</p>'
    body = renderer.render(shift_headings(entry.body, 3), mark_private=mark_private)
    return (
        f'<article class="entry" id="entry-{entry.id}">\n<header>\n{head}{tags}\n</header>\n'
        f'<div class="body">\n{body}\n</div>\n</article>'
    )


def to_html(
    entries: Sequence[Entry], renderer: MarkdownRenderer, mark_private: bool = False
) -> str:
    """One self-contained HTML page: embedded CSS, no scripts, nothing loaded from anywhere."""
    return _page(
        document_title(entries),
        _count(len(entries), "entry", "entries"),
        (entry_html(e, renderer, mark_private) for e in entries),
    )


def digest_html(
    entries: Sequence[Entry],
    sections: Sequence[Section],
    renderer: MarkdownRenderer,
    mark_private: bool = False,
) -> str:
    """Week notes as one self-contained HTML page, a section per day; private blocks (when
    they go out at all) marked as in `to_html`."""
    articles = (
        f'<article class="entry">\n<header>\n<h2><time datetime="{s.day_iso}">'
        f'{s.day_label}</time></h2>\n</header>\n<div class="body">\n'
        f"{renderer.render(s.markdown, mark_private=mark_private)}\n</div>\n</article>"
        for s in sections
    )
    subtitle = (
        f"{_count(len(sections), 'day', 'days')} from {_count(len(entries), 'entry', 'entries')}"
    )
    return _page(document_title(entries, digest=True), subtitle, articles)


def to_print_html(
    entries: Sequence[Entry],
    renderer: MarkdownRenderer,
    mark_private: bool = False,
    page_per_entry: bool = False,
) -> str:
    """The HTML page of `to_html` laid out for paper (PDF and printing): the title, the days
    and the count alone on a first page, then the entries, each on a new page if asked.

    Page breaks are block styles that Qt's text layout honours (`page-break-before`)."""
    breaks = [0] if not page_per_entry else range(len(entries))
    articles = (
        (_PAGE_BREAK if i in breaks else "") + entry_html(e, renderer, mark_private)
        for i, e in enumerate(entries)
    )
    return _page(document_title(entries), _count(len(entries), "entry", "entries"), articles)


_PAGE_BREAK = '<div class="page-break" style="page-break-before: always"></div>\n'
