"""Light Markdown highlighting for the plain-text editor, coloured from the widget's palette.

The text stays exactly as typed (no rich text): only headings, emphasis, code, links, quotes,
list markers and #tags get a format, so a dark palette gives a dark editor for free.
Fenced code and private blocks are found by `journal.domain.blocks` (the reading every
export uses), so the editor tints exactly the lines an export leaves out.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)
from typing_extensions import override

from journal.domain.blocks import read as read_blocks
from journal.services.spelling import prose_words
from journal.ui.common.theme import mix
from journal.ui.editor.spelling import CHECK_DELAY_MS, CHUNK_MS, SpellService

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QPlainTextEdit

# The same rule as journal.domain.tags: a #tag starts with a letter and is not part of a
# word, a URL fragment, an HTML entity or a heading ("# Title" has a space after the hash).
# tests/ui/editor/test_editor.py checks the two agree.
HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
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

# A block's state is its role: QSyntaxHighlighter highlights the next line again whenever a
# line's state changes, so opening or closing a fence re-tints the lines after it.
PLAIN, CODE, PRIVATE, PRIVATE_FENCE = 0, 1, 2, 3


class MarkdownHighlighter(QSyntaxHighlighter):
    """Formats Markdown in a QTextDocument; call `set_palette` when the palette changes."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        # Each line's role, read once per change of the text: keyed by the revision (which
        # the highlighter's own format changes leave alone) and the size, as one revision
        # covers a whole edit block (setPlainText clears, then inserts).
        self._roles: tuple[tuple[int, int, int], list[int]] = ((-1, 0, 0), [])
        self._tint: QBrush | None = None  # the private background of the line at hand
        self._checked: tuple[int, int, int] = (-1, 0, 0)
        # Spelling: words not yet looked up wait here (with their lines) for a pause.
        self.speller: SpellService | None = None
        self._unchecked: set[str] = set()
        self._waiting: list[QTextBlock] = []
        self._spell_timer = QTimer(self)
        self._spell_timer.setSingleShot(True)
        self._spell_timer.setInterval(CHECK_DELAY_MS)
        self._spell_timer.timeout.connect(self._check_some)
        self.set_palette(palette, rehighlight=False)
        # After the highlighter's own slot (connected first): lines outside the edit whose
        # role the edit changed (a fence typed below can close one above) are redone.
        document.contentsChange.connect(self._recheck_roles)

    def set_palette(self, palette: QPalette, rehighlight: bool = True) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        link = palette.color(QPalette.ColorRole.Link)
        dim = mix(text, base, 0.45)
        # Private blocks: a violet tint (the visited-link hue) unlike code's accent tint.
        secret = palette.color(QPalette.ColorRole.LinkVisited)
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
            "private": fmt(background=mix(base, secret, 0.12)),
            "private_fence": fmt(
                mix(text, secret, 0.8), bold=True, background=mix(base, secret, 0.24)
            ),
            "misspelled": QTextCharFormat(),
        }
        misspelled = self.formats["misspelled"]
        misspelled.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        misspelled.setUnderlineColor(
            QColor(220, 40, 40) if base.lightness() > 128 else QColor(255, 110, 110)
        )
        self.formats["strike"].setFontStrikeOut(True)
        self.formats["code"].setFontFamilies(fixed)
        if rehighlight:
            self.rehighlight()

    def _recheck_roles(self, *_args: object) -> None:
        doc = self.document()
        if doc is None or self._key(doc) == self._checked:
            return  # the highlighter's own format changes, or nothing new
        roles = self.roles()
        self._checked = self._key(doc)
        block = doc.firstBlock()
        while block.isValid():
            state = block.userState()
            number = block.blockNumber()
            if state != -1 and number < len(roles) and state != roles[number]:
                self.rehighlightBlock(block)
            block = block.next()

    @staticmethod
    def _key(doc: QTextDocument) -> tuple[int, int, int]:
        return (doc.revision(), doc.characterCount(), doc.blockCount())

    def roles(self) -> list[int]:
        """Each line's role (PLAIN, CODE, PRIVATE, PRIVATE_FENCE), read once per change."""
        doc = self.document()
        revision = self._key(doc) if doc is not None else (-1, 0, 0)
        if revision != self._roles[0] or doc is None:
            lines = []
            block = doc.firstBlock() if doc is not None else None
            while block is not None and block.isValid():
                lines.append(block.text().replace("\r", " "))
                block = block.next()
            reading = read_blocks("\n".join(lines))
            roles = [PLAIN] * len(lines)
            for fenced in reading.fenced:
                roles[fenced.start : fenced.end] = [CODE] * (fenced.end - fenced.start)
            for private in reading.private:
                roles[private.start : private.end] = [PRIVATE] * (private.end - private.start)
                roles[private.start] = PRIVATE_FENCE
                if private.end - private.start > 1:
                    closing = reading.lines[private.end - 1].strip(" \t>")
                    if closing and not closing.strip("`~"):
                        roles[private.end - 1] = PRIVATE_FENCE
            self._roles = (revision, roles)
        return self._roles[1]

    # -- spelling --------------------------------------------------------------------------

    def set_speller(self, speller: SpellService | None) -> None:
        """Underline misspelled words as `speller`'s checker finds them (None: never)."""
        if self.speller is not None:
            self.speller.changed.disconnect(self._speller_changed)
        self.speller = speller
        if speller is not None:
            speller.changed.connect(self._speller_changed)
        self._speller_changed()

    def _speller_changed(self) -> None:
        self._unchecked.clear()
        self._waiting.clear()
        self._quietly(None)

    def _quietly(self, block: QTextBlock | None) -> None:
        """Highlight one line (or all, for None) again without the document announcing a
        change: its editor's textChanged would take new formats for an edit (and save)."""
        doc = self.document()
        if doc is None:
            return
        was = doc.blockSignals(True)
        try:
            if block is None:
                self.rehighlight()
            else:
                self.rehighlightBlock(block)
        finally:
            doc.blockSignals(was)

    def check_waiting(self, budget_ms: float | None = None) -> None:
        """Look up the words the lines typed since the last pause hold now (not the
        half-typed ones on the way), then redo only those lines. With `budget_ms`, stop
        after about that long and go on at the next turn of the event loop, so a whole
        entry being opened never holds the keyboard up."""
        self._spell_timer.stop()
        checker = self.speller.checker if self.speller is not None else None
        if checker is None:
            self._unchecked, self._waiting = set(), []
            return
        deadline = None if budget_ms is None else time.perf_counter() + budget_ms / 1000
        done: set[int] = set()
        while self._waiting:
            block = self._waiting.pop(0)
            if not block.isValid() or block.blockNumber() in done:
                continue
            done.add(block.blockNumber())
            for _start, _end, word in prose_words(block.text()):
                checker.check(word)
            self._quietly(block)
            if deadline is not None and time.perf_counter() > deadline and self._waiting:
                self._spell_timer.start(0)  # the rest after the events waiting now
                return
        self._unchecked = set()

    def _check_some(self) -> None:
        self.check_waiting(CHUNK_MS)

    def has_waiting_words(self) -> bool:
        return bool(self._unchecked)

    def misspelled_spans(
        self, text: str, role: int, check: bool = False
    ) -> list[tuple[int, int, str]]:
        """(start, end, word) of the misspelled words of a line (Python indices): those
        already looked up, or all of them with `check`."""
        checker = self.speller.checker if self.speller is not None else None
        if checker is None or role in (CODE, PRIVATE_FENCE):
            return []
        return [
            (s, e, w)
            for s, e, w in prose_words(text)
            if (check or checker.is_cached(w)) and not checker.check(w)
        ]

    def _underline(self, pos: _Utf16, text: str, role: int) -> None:
        checker = self.speller.checker if self.speller is not None else None
        if checker is None or role in (CODE, PRIVATE_FENCE):
            return
        waiting = False
        for start, end, word in prose_words(text):
            if not checker.is_cached(word):
                self._unchecked.add(word)
                waiting = True
            elif not checker.check(word):
                self._merge(pos, start, end, "misspelled")
        if waiting:
            self._waiting.append(self.currentBlock())
            self._spell_timer.start(CHECK_DELAY_MS)  # restarted by each keystroke

    @override
    def highlightBlock(self, text: str) -> None:
        pos = _Utf16(text)
        role = self._format_block(text, pos)
        if self.speller is not None:
            self._underline(pos, text, role)

    def _format_block(self, text: str, pos: _Utf16) -> int:
        """Markdown formats for one line; returns its role."""
        roles = self.roles()
        number = self.currentBlock().blockNumber()
        role = roles[number] if 0 <= number < len(roles) else PLAIN
        self.setCurrentBlockState(role)
        self._tint = None
        if role == CODE:
            self._apply(pos, 0, len(text), "code")
            return role
        if role == PRIVATE_FENCE:
            self._apply(pos, 0, len(text), "private_fence")
            return role
        if role == PRIVATE:
            # A private block is Markdown (the reader renders it so): highlight it as such,
            # on the private tint.
            self._apply(pos, 0, len(text), "private")
            self._tint = self.formats["private"].background()
        heading = _HEADING.match(text)
        if heading:
            self._apply(pos, 0, len(text), "heading")
            self._apply(pos, heading.start(1), heading.end(1), "markup")
            return role
        if _RULE.match(text) or _SETEXT.match(text):
            self._apply(pos, 0, len(text), "markup")
            return role
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
        return role

    def _apply(self, pos: _Utf16, start: int, end: int, name: str) -> None:
        if end > start:
            look = self.formats[name]
            tinted = look.hasProperty(QTextFormat.Property.BackgroundBrush)
            if self._tint is not None and not tinted:
                look = QTextCharFormat(look)
                look.setBackground(self._tint)
            self.setFormat(pos[start], pos[end] - pos[start], look)

    def _merge(self, pos: _Utf16, start: int, end: int, name: str) -> None:
        """Add a format on top of what is there (bold inside a quote stays a quote)."""
        extra = self.formats[name]
        for i in range(pos[start], pos[end]):
            merged = QTextCharFormat(self.format(i))
            merged.merge(extra)
            self.setFormat(i, 1, merged)


def paint_private_blocks(
    edit: QPlainTextEdit, highlighter: MarkdownHighlighter, event: QPaintEvent
) -> None:
    """Tint the private lines of `edit`'s visible blocks across the whole width (however
    they wrap), under the text: call first thing in the editor's paintEvent."""
    roles = highlighter.roles()
    offset = edit.contentOffset()
    width = edit.viewport().width()
    bottom = event.rect().bottom()
    painter: QPainter | None = None
    block = edit.firstVisibleBlock()
    while block.isValid():
        geometry = edit.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > bottom:
            break
        number = block.blockNumber()
        role = roles[number] if number < len(roles) else PLAIN
        if role in (PRIVATE, PRIVATE_FENCE) and block.isVisible():
            if painter is None:
                painter = QPainter(edit.viewport())
            name = "private_fence" if role == PRIVATE_FENCE else "private"
            band = QRectF(0, geometry.top(), width, geometry.height())
            painter.fillRect(band, highlighter.formats[name].background())
        block = block.next()
    if painter is not None:
        painter.end()


def tag_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans (Python indices) of the #tags in one line, outside inline code."""
    code = [m.span() for m in _TAG_CODE.finditer(text)]
    for m in HASHTAG.finditer(text):
        if not _overlaps(m.span(), code):
            yield m.span()


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Utf16:
    """Maps Python string indices to QString (UTF-16) positions: emoji take two units."""

    def __init__(self, text: str) -> None:
        self._map: list[int] | None = None
        if _ASTRAL.search(text):
            self._map = [0]
            for c in text:
                self._map.append(self._map[-1] + (2 if ord(c) > 0xFFFF else 1))

    def __getitem__(self, index: int) -> int:
        return index if self._map is None else self._map[index]
