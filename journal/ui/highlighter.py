"""Light Markdown highlighting for the plain-text editor, coloured from the widget's palette.

The text stays exactly as typed (no rich text): only headings, emphasis, code, links, quotes,
list markers and #tags get a format, so a dark palette gives a dark editor for free.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from typing_extensions import override

from journal.ui.theme import mix

# The same rule as journal.domain.tags: a #tag starts with a letter and is not part of a
# word, a URL fragment, an HTML entity or a heading ("# Title" has a space after the hash).
# tests/ui/test_editor.py checks the two agree.
HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>.*$")
_LIST = re.compile(r"^\s*([-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TAG_CODE = re.compile(r"`[^`\n]*`")  # what journal.domain.tags skips when reading #tags
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>|\bhttps?://[^\s<>()]+[^\s<>().,;:!?'\"]")

IN_FENCE = 1


class MarkdownHighlighter(QSyntaxHighlighter):
    """Formats Markdown in a QTextDocument; call `set_palette` when the palette changes."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.set_palette(palette, rehighlight=False)

    def set_palette(self, palette: QPalette, rehighlight: bool = True) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        link = palette.color(QPalette.ColorRole.Link)
        dim = mix(text, base, 0.45)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families()

        def fmt(
            colour: QColor | None = None,
            *,
            bold: bool = False,
            italic: bool = False,
            background: QColor | None = None,
        ) -> QTextCharFormat:
            f = QTextCharFormat()
            if colour is not None:
                f.setForeground(colour)
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if background is not None:
                f.setBackground(background)
            return f

        self.formats = {
            "heading": fmt(mix(text, accent, 0.35), bold=True),
            "markup": fmt(dim),
            "strong": fmt(bold=True),
            "emphasis": fmt(italic=True),
            "strike": fmt(dim),
            "code": fmt(mix(text, accent, 0.25), background=mix(base, text, 0.07)),
            "link": fmt(link),
            "url": fmt(mix(link, base, 0.3)),
            "quote": fmt(mix(text, base, 0.3), italic=True),
            "list": fmt(mix(text, accent, 0.6), bold=True),
            "tag": fmt(mix(text, accent, 0.7), background=mix(base, accent, 0.12)),
        }
        self.formats["strike"].setFontStrikeOut(True)
        self.formats["code"].setFontFamilies(fixed)
        if rehighlight:
            self.rehighlight()

    @override
    def highlightBlock(self, text: str) -> None:
        self.setCurrentBlockState(0)
        pos = _Utf16(text)
        in_fence = self.previousBlockState() == IN_FENCE
        if _FENCE.match(text):
            self._apply(pos, 0, len(text), "code")
            if not in_fence:
                self.setCurrentBlockState(IN_FENCE)
            return
        if in_fence:
            self._apply(pos, 0, len(text), "code")
            self.setCurrentBlockState(IN_FENCE)
            return
        heading = _HEADING.match(text)
        if heading:
            self._apply(pos, 0, len(text), "heading")
            self._apply(pos, heading.start(1), heading.end(1), "markup")
            return
        if _RULE.match(text) or _SETEXT.match(text):
            self._apply(pos, 0, len(text), "markup")
            return
        if _QUOTE.match(text):
            self._apply(pos, 0, len(text), "quote")
        listed = _LIST.match(text)
        if listed:
            self._apply(pos, listed.start(1), listed.end(0), "list")
        taken: list[tuple[int, int]] = []
        for m in _CODE.finditer(text):
            self._apply(pos, m.start(), m.end(), "code")
            taken.append(m.span())
        for m in _LINK.finditer(text):
            if _overlaps(m.span(), taken):
                continue
            self._apply(pos, m.start(), m.end(), "markup")
            self._apply(pos, m.start(1), m.end(1), "link")
            self._apply(pos, m.start(2), m.end(2), "url")
            taken.append(m.span())
        for m in _AUTOLINK.finditer(text):
            if not _overlaps(m.span(), taken):
                self._apply(pos, m.start(), m.end(), "link")
                taken.append(m.span())
        for regex, name in ((_STRONG, "strong"), (_EMPHASIS, "emphasis"), (_STRIKE, "strike")):
            for m in regex.finditer(text):
                if _overlaps(m.span(), taken):
                    continue
                self._merge(pos, m.start(), m.end(), name)
                inner = m.lastindex or 0
                self._merge(pos, m.start(), m.start(inner), "markup")
                self._merge(pos, m.end(inner), m.end(), "markup")
        for start, end in tag_spans(text):
            if not _overlaps((start, end), taken):
                self._apply(pos, start, end, "tag")

    def _apply(self, pos: _Utf16, start: int, end: int, name: str) -> None:
        if end > start:
            self.setFormat(pos[start], pos[end] - pos[start], self.formats[name])

    def _merge(self, pos: _Utf16, start: int, end: int, name: str) -> None:
        """Add a format on top of what is there (bold inside a quote stays a quote)."""
        extra = self.formats[name]
        for i in range(pos[start], pos[end]):
            merged = QTextCharFormat(self.format(i))
            merged.merge(extra)
            self.setFormat(i, 1, merged)


def tag_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans (Python indices) of the #tags in one line, outside inline code."""
    code = [m.span() for m in _TAG_CODE.finditer(text)]
    for m in HASHTAG.finditer(text):
        if not _overlaps(m.span(), code):
            yield m.span()


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


class _Utf16:
    """Maps Python string indices to QString (UTF-16) positions: emoji take two units."""

    def __init__(self, text: str) -> None:
        self._map: list[int] | None = None
        if any(ord(c) > 0xFFFF for c in text):
            self._map = [0]
            for c in text:
                self._map.append(self._map[-1] + (2 if ord(c) > 0xFFFF else 1))

    def __getitem__(self, index: int) -> int:
        return index if self._map is None else self._map[index]
