"""Read a JSON document shaped ``{..., "entries": [ {...}, {...} ], ...}`` one entry at a time.

The Daybook and Day One JSON files are single documents that can hold years of entries;
`json.loads` on a 60 MB export peaked near 300 MiB. Here the text is read in chunks and
each element of the top-level "entries" list is decoded on its own (with the standard
decoder), so memory stays about one entry's size whatever the file's. An element longer
than `max_element` characters of JSON is refused before it is decoded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_WS = re.compile(r"[ \t\n\r]*")
CHUNK = 1 << 16
MAX_STEP = 1 << 22


class JsonStreamError(Exception):
    """The text is not valid JSON, or not the expected shape; `line` when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.line = line


@dataclass
class Document:
    """What was read besides the entries: the other top-level keys and their values."""

    header: dict[str, object] = field(default_factory=dict)
    has_entries: bool = False


class _Reader:
    """A window on the text: `buf` holds what is not consumed yet; `line` is the line of
    its first character."""

    def __init__(self, read: Callable[[int], str]) -> None:
        self._read = read
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False
        # Newlines are counted once: up to `_mark` in `buf` there are `_mark_line - 1`.
        self._mark = 0
        self._mark_line = 1

    def more(self) -> bool:
        """Read another chunk (doubling with the window); False at the end of the text."""
        if self.eof:
            return False
        # Doubling up to MAX_STEP, then growing by steps: the window stays within a step of
        # the largest element allowed.
        chunk = self._read(max(CHUNK, min(len(self.buf) - self.pos, MAX_STEP)))
        if not chunk:
            self.eof = True
            return False
        if self.pos:
            self.line = self.line_at(self.pos)
            self.buf = self.buf[self.pos :]
            self.pos = 0
            self._mark, self._mark_line = 0, self.line
        self.buf += chunk
        return True

    def skip_ws(self) -> str:
        """Skip white space; the next character, or "" at the end of the text."""
        while True:
            match = _WS.match(self.buf, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def line_at(self, pos: int) -> int:
        """The line of position `pos` in the window (counting only what was not counted)."""
        if pos < self._mark:
            return self.line + self.buf.count("\n", 0, pos)
        self._mark_line += self.buf.count("\n", self._mark, pos)
        self._mark = pos
        return self._mark_line

    def value(self, decoder: json.JSONDecoder, limit: int, too_long: str) -> tuple[object, int]:
        """The JSON value at the current position and the line it starts on."""
        self.skip_ws()
        start_line = self.line_at(self.pos)
        while True:
            try:
                value, end = decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > limit:
                    raise JsonStreamError(too_long, start_line) from None
                if self.more():
                    continue
                line = self.line + exc.lineno - 1
                raise JsonStreamError(f"not valid JSON ({exc.msg})", line) from None
            except (ValueError, RecursionError) as exc:  # a 5000-digit number, deep nesting
                raise JsonStreamError(f"not valid JSON ({exc})", start_line) from None
            # A value that ends the window may go on (a number cut by a chunk): read on.
            if end == len(self.buf) and not self.eof and self.more():
                continue
            if end - self.pos > limit:
                raise JsonStreamError(too_long, start_line)
            self.pos = end
            return value, start_line

    def expect(self, chars: str, what: str) -> str:
        found = self.skip_ws()
        if not found or found not in chars:
            shown = "the end of the text" if not found else repr(found)
            raise JsonStreamError(
                f"not valid JSON (expecting {what}, found {shown})", self.line_at(self.pos)
            )
        self.pos += 1
        return found


def iter_entries(
    read: Callable[[int], str],
    doc: Document,
    *,
    max_element: int,
    max_header: int = 1 << 20,
    not_an_object: str = "expected a JSON object {...}",
) -> Iterator[tuple[int, object]]:
    """Yield (line, element) for each element of the top-level "entries" list.

    The other top-level keys are collected in `doc.header` as they are met (they may come
    before or after the list; the caller checks them when the iteration ends, or at the
    first entry when they came first). Raises JsonStreamError.
    """
    reader = _Reader(read)
    decoder = json.JSONDecoder()
    if reader.skip_ws() != "{":
        if reader.skip_ws() == "":
            raise JsonStreamError("not valid JSON (Expecting value)", 1)
        raise JsonStreamError(not_an_object, 1)
    reader.pos += 1
    first = True
    while True:
        if reader.skip_ws() == "}" and first:
            reader.pos += 1
            break
        if reader.skip_ws() != '"':
            reader.expect('"', "a property name in double quotes")
        key, _ = reader.value(decoder, max_header, "a property name is too long")
        reader.expect(":", "':'")
        if key == "entries" and reader.skip_ws() == "[":
            reader.pos += 1
            doc.has_entries = True
            yield from _elements(reader, decoder, max_element)
        else:
            value, _ = reader.value(
                decoder, max_header, f"the value of {str(key)[:40]!r} is too long"
            )
            doc.header[str(key)] = value
        first = False
        if reader.expect(",}", "',' or '}'") == "}":
            break
    if reader.skip_ws() != "":
        raise JsonStreamError("not valid JSON (Extra data)", reader.line_at(reader.pos))


def _elements(
    reader: _Reader, decoder: json.JSONDecoder, limit: int
) -> Iterator[tuple[int, object]]:
    if reader.skip_ws() == "]":
        reader.pos += 1
        return
    index = 0
    while True:
        index += 1
        if reader.skip_ws() == "":
            raise JsonStreamError("not valid JSON (Expecting value)", reader.line_at(reader.pos))
        value, line = reader.value(
            decoder, limit, f"entry {index} is larger than the largest entry Daybook imports"
        )
        yield line, value
        if reader.expect(",]", "',' or ']'") == "]":
            return
