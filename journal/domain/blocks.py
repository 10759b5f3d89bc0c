"""Fenced code and private blocks: Daybook's one reading of Markdown fences.

A private block is a fenced block whose info string holds the word `private`
(```` ```private ````, `~~~ private`, ```` ```{.private} ````). Every part of Daybook that
must know what is private (the exporters, the tag reader, `export --search`, the reader
pane, the digest) asks this module, so they cannot disagree.

Two readings are combined, and a line is private when either puts it in a private block:
- CommonMark's, widened: a private fence opens anywhere outside other fenced code, at any
  indentation, after block-quote markers and list markers; it closes at a line of the same
  fence character, at least as long, indented at most three columns past the list item's
  content, with no more quote markers than the opening and nothing after it; a block that
  is never closed runs to the end of the text (lazy quote lines stay inside).
- Python-Markdown's (its fenced_code extension renders every export): a fence at the
  start of a line, closed only by the same fence, searched in order through the text.
Line endings are read as Markdown reads them: CR LF, CR and LF all end a line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

_NEWLINES = re.compile(r"\r\n?")
_QUOTES = re.compile(r"(?:[ \t]*>[ ]?)*")
_LIST_MARKERS = re.compile(r"(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]))+")
_FENCE = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)\Z", re.DOTALL)
_PRIVATE_WORD = re.compile(r"(?<![^\W_])private(?![^\W_])", re.IGNORECASE)
# Python-Markdown's opening fence: at the start of a line, then a language or {attributes}.
_PM_OPEN = re.compile(
    r"(?P<fence>`{3,}|~{3,})[ ]*"
    r"(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(?P<q>[\"']).*?(?P=q)[ ]*)?)\Z"
)
_PM_CLOSE = re.compile(r"(`{3,}|~{3,})[ ]*\Z")


def normalize_newlines(text: str) -> str:
    """`text` with CR LF and lone CR turned into LF, the one line ending Daybook stores."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def split_lines(text: str) -> list[str]:
    """The lines of `text` as Markdown sees them (CR LF, CR and LF all end a line)."""
    return normalize_newlines(text).split("\n")


def _width(text: str) -> int:
    return len(text.expandtabs(4))


def _is_private_info(info: str) -> bool:
    return _PRIVATE_WORD.search(info) is not None


@dataclass(frozen=True, slots=True)
class Fenced:
    """Fenced lines [start, end): the opening line, the content, and the closing line if any.

    `fence` is the opening run (```` ``` ```` or `~~~~`); `prefix` the text before it on the
    opening line (quote and list markers, indentation); `private` whether it is private.
    """

    start: int
    end: int
    fence: str
    prefix: str
    private: bool
    closed: bool


@dataclass(frozen=True, slots=True)
class _Opening:
    fence: str
    prefix: str
    quotes: int
    content_col: int
    max_indent: int
    private: bool


def _opening(line: str) -> _Opening | None:
    """The fence this line opens, if it opens one (any fence, private or not)."""
    if "`" not in line and "~" not in line:
        return None
    quotes = _QUOTES.match(line)
    assert quotes is not None
    rest = line[quotes.end() :]
    markers = _LIST_MARKERS.match(rest)
    after = rest[markers.end() :] if markers else rest
    found = _FENCE.match(after)
    if found is None:
        return None
    fence, info = found["fence"], found["info"]
    private = _is_private_info(info)
    if not private:
        if fence[0] == "`" and "`" in info:
            return None  # inline code at the start of a line, not a fence
        if not markers and _width(found["indent"]) > 3:
            return None  # an indented code block, not a fence
    before_fence = rest[: len(rest) - len(after) + len(found["indent"])]
    content_col = _width(before_fence) if markers else 0
    return _Opening(
        fence=fence,
        prefix=line[: quotes.end()] + before_fence,
        quotes=quotes.group().count(">"),
        content_col=content_col,
        max_indent=content_col + 3,
        private=private,
    )


def _closes(line: str, opening: _Opening) -> bool:
    """Whether `line` closes the fence `opening` opened."""
    if opening.fence[0] not in line:
        return False
    quotes = _QUOTES.match(line)
    assert quotes is not None
    if quotes.group().count(">") > opening.quotes:
        return False
    rest = line[quotes.end() :]
    body = rest.lstrip(" \t")
    if _width(rest[: len(rest) - len(body)]) > opening.max_indent:
        return False
    run = len(body) - len(body.lstrip(opening.fence[0]))
    return run >= len(opening.fence) and not body[run:].strip(" \t")


def _commonmark_blocks(lines: Sequence[str]) -> Iterator[Fenced]:
    i = 0
    while i < len(lines):
        opening = _opening(lines[i])
        if opening is None:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not _closes(lines[end], opening):
            end += 1
        closed = end < len(lines)
        last = end + 1 if closed else end
        yield Fenced(i, last, opening.fence, opening.prefix, opening.private, closed)
        i = end + 1


def _markdown_private_blocks(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Python-Markdown's private fenced blocks, as line ranges [start, end)."""
    closes: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        if _PM_CLOSE.match(line):
            closes.setdefault(line.rstrip(" "), []).append(n)
    if not closes:
        return
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _PM_OPEN.match(line) if line[:1] in "`~" else None
        if found is not None:
            candidates = closes.get(found["fence"], [])
            at = bisect.bisect_right(candidates, i)
            if at < len(candidates):
                end = candidates[at] + 1
                if _is_private_info(line[len(found["fence"]) :]):
                    yield i, end
                i = end
                continue
        i += 1


@dataclass(frozen=True, slots=True)
class PrivateBlock:
    """A private block: lines [start, end) of the text, its opening prefix and its text."""

    start: int
    end: int
    prefix: str
    content: str


@dataclass(frozen=True, slots=True)
class Reading:
    """A text read once: its lines, every fenced block, and the private line ranges."""

    lines: list[str]
    fenced: list[Fenced]
    private: list[PrivateBlock]

    def public_text(self) -> str:
        """The text without its private blocks (a block's container prefix is kept)."""
        if not self.private:
            return "\n".join(self.lines)
        lines = list(self.lines)
        for block in reversed(self.private):
            before = lines[block.start - 1] if block.start else ""
            gap = [] if not before.strip(" \t>") else [block.prefix.rstrip()]
            lines[block.start : block.end] = gap
        return "\n".join(lines)

    def private_text(self) -> str:
        """Everything inside the private blocks, fences included."""
        return "\n".join("\n".join(self.lines[b.start : b.end]) for b in self.private)

    def code_mask(self) -> list[bool]:
        """For each line, whether it is inside fenced code or a private block."""
        mask = [False] * len(self.lines)
        for block in self.fenced:
            mask[block.start : block.end] = [True] * (block.end - block.start)
        for private in self.private:
            mask[private.start : private.end] = [True] * (private.end - private.start)
        return mask


def read(text: str) -> Reading:
    """Read `text`'s fences once; see the module docstring for the rules."""
    lines = split_lines(text)
    if "`" not in text and "~" not in text:
        return Reading(lines, [], [])
    fenced = list(_commonmark_blocks(lines))
    ranges = [(b.start, b.end) for b in fenced if b.private]
    ranges += list(_markdown_private_blocks(lines))
    private: list[PrivateBlock] = []
    for start, end in _merge(ranges):
        opening = _opening(lines[start])
        inner = lines[start + 1 : end]
        if inner and opening is not None and end - start > 1 and _closes(inner[-1], opening):
            inner = inner[:-1]
        prefix = opening.prefix if opening is not None else ""
        private.append(PrivateBlock(start, end, prefix, _content(inner, opening)))
    return Reading(lines, fenced, private)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _content(lines: Sequence[str], opening: _Opening | None) -> str:
    """The block's text without the container's quote markers and list indentation."""
    if opening is None:
        return "\n".join(lines)
    out = []
    for line in lines:
        quotes = _QUOTES.match(line)
        assert quotes is not None
        rest = line[quotes.end() :] if quotes.group().count(">") <= opening.quotes else line
        indent = len(rest) - len(rest.lstrip(" \t"))
        out.append(rest[min(indent, opening.content_col) :])
    return "\n".join(out)


def private_blocks(text: str) -> list[PrivateBlock]:
    """The private blocks of a Markdown text; an unclosed one runs to the end of the text."""
    return read(text).private


def strip_private(text: str) -> tuple[str, int]:
    """`text` (with LF line endings) without its private blocks, and how many there were."""
    reading = read(text)
    return reading.public_text(), len(reading.private)


def private_text(text: str) -> str:
    """Everything inside the private blocks of `text`, fences included, one block a line."""
    return read(text).private_text()


_HTML_OPEN = re.compile(r"[ ]{0,3}<([A-Za-z][\w-]*)(?=[\s/>]|\Z)")
_HTML_CLOSE = re.compile(r"</([A-Za-z][\w-]*)\s*>")
_LIST_START = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\Z)")


def part_lines(text: str, limit: int) -> int | None:
    """How many lines of `text` to show first when it is longer than `limit` characters
    (a huge entry is rendered in part): the part ends at the first block boundary once
    `limit` characters are in it, never inside fenced code, a private block, a raw HTML
    block or tag, or a list: at a blank line outside all of them, before a line that starts
    a top-level paragraph or heading. None when the text is short enough to show whole,
    or has no such boundary after `limit` (it is then shown whole)."""
    if len(text) <= limit:
        return None
    reading = read(text)
    lines = reading.lines
    mask = reading.code_mask()
    depth: dict[str, int] = {}  # raw HTML elements still open, by tag name
    inside_tag = False  # a `<` whose `>` has not come yet
    size = 0
    for n, line in enumerate(lines):
        if not mask[n]:
            opened = _HTML_OPEN.match(line)
            if opened is not None:
                name = opened[1].lower()
                depth[name] = depth.get(name, 0) + 1
            for closed in _HTML_CLOSE.finditer(line):
                name = closed[1].lower()
                if depth.get(name):
                    depth[name] -= 1
            if "<" in line or inside_tag:
                inside_tag = line.rfind("<") > line.rfind(">") if "<" in line else ">" not in line
        if (
            size - 1 >= limit  # the part, lines[:n] joined, is size - 1 long
            and n + 1 < len(lines)
            and not line.strip()
            and not mask[n]
            and not mask[n + 1]
            and not inside_tag
            and not any(depth.values())
            and _starts_top_level_block(lines[n + 1])
            and n > 0
            and not _LIST_START.match(lines[n - 1].lstrip(" \t>"))
        ):
            return n
        size += len(line) + 1
    return None


def _starts_top_level_block(line: str) -> bool:
    """Whether `line` starts a paragraph or heading of its own: not indented (code, a list
    item's continuation), not a quote, list item, fence, table row or HTML."""
    if not line.strip() or line[:1] in " \t>|<`~":
        return False
    return _LIST_START.match(line) is None
