"""The one Markdown renderer: Markdown -> sanitized HTML, used by the reader and exporters.

Python-Markdown passes raw HTML through, so its output always goes through nh3 with an
allow-list. Remote images are turned into links so nothing rendered fetches anything.

Private blocks (```private ... ```, read by `journal.domain.blocks`) are text the writer
keeps to themselves: exports strip them first, and `render(..., mark_private=True)` shows
them as marked sections.
"""

from __future__ import annotations

import html
import re
import secrets
import threading
from typing import TYPE_CHECKING, Any

from journal.domain.attachments import SCHEME
from journal.domain.blocks import read as read_blocks

if TYPE_CHECKING:
    from markdown.extensions import Extension

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "ol", "p",
    "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "td": {"align"},
    "th": {"align"},
    "div": {"class"},
    "span": {"class"},
    "code": {"class"},
    "pre": {"class"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# What a link may point to: an absolute web address with a host, an e-mail address, or a
# place in the same page. Anything else (relative paths, `//host/share` and `\\host\share`,
# which a saved page turns into network file paths, file:, javascript:, ...) is dropped.
_LINK_TARGET = re.compile(r"(?:https?://[^/\\?#@\s]|mailto:[^\s]|#)", re.IGNORECASE)
_IMAGE_SOURCE = re.compile(r"https?://[^/\\?#@\s]", re.IGNORECASE)
# Browsers ignore leading and trailing spaces and controls, and tabs and newlines anywhere.
_URL_EDGES = "".join(map(chr, range(0x21)))
_URL_INNER = re.compile(r"[\t\n\r]")
# A tag in nh3's output: attribute values are double-quoted, `<` in text is escaped.
_TAG = re.compile(r'<(/?)([a-zA-Z][\w-]*)((?:\s+[^\s"=/>]+(?:="[^"]*")?)*)\s*/?>')
_ATTR = re.compile(r'([^\s"=/>]+)="([^"]*)"')
# An image kept in the journal, as the reader and the HTML export resolve it.
_ATTACHMENT_SRC = re.compile(SCHEME + r":[0-9a-f]{64}")


# Plain prose: text in which Python-Markdown would find nothing to do but paragraphs. No
# character it treats as markup anywhere, no control character, and no line that starts or
# ends with what could open a block (list, heading, quote, code, setext underline) or a line
# break. Such text is rendered directly, identically (a property test compares the two).
_MARKUP_CHARS = re.compile(r"[\\`*_\[\]<>!&|~\u00a0\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BLOCK_START = frozenset("#=+-:")  # a line starting so could be a heading, list or rule
_NUMBERED = re.compile(r"\d+[.)]")

PRIVATE_BOX = '<div class="private-block">\n{body}\n</div>'


class MarkdownRenderer:
    """Thread-safe Markdown to sanitized HTML; build once, reuse.

    With `highlight`, code is coloured by Pygments as CSS classes (see `pygments_css`),
    within the bounds of `journal.rendering.highlight`.
    """

    def __init__(self, highlight: bool = False, attachments: bool = False) -> None:
        self._highlight = highlight
        # Keep `<img src="attachment:SHA256">` for whoever resolves them from the journal
        # (the reader, the HTML export's data: URIs); otherwise they become text like any
        # other image.
        self._attachments = attachments
        self._parser: Any = None  # made at the first text that is not plain prose
        self._lock = threading.Lock()

    @property
    def _md(self) -> Any:
        """The Python-Markdown converter, made on first use (importing Python-Markdown and
        its extensions costs ~0.2 s, which plain prose never needs). Use under `_lock`."""
        if self._parser is None:
            import markdown
            from markdown.extensions.fenced_code import FencedCodeExtension
            from markdown.extensions.md_in_html import MarkdownInHtmlExtension
            from markdown.extensions.sane_lists import SaneListExtension
            from markdown.extensions.tables import TableExtension

            # Instances, not names: a name is first looked up among the installed packages'
            # entry points, which took ~20 ms (at every start and every export).
            extensions: list[Extension] = [
                FencedCodeExtension(),
                TableExtension(),
                SaneListExtension(),
                MarkdownInHtmlExtension(),
            ]
            if self._highlight:
                from journal.rendering.highlight import BoundedHighlightExtension

                extensions.append(BoundedHighlightExtension())
            self._parser = markdown.Markdown(extensions=extensions, output_format="html")
        return self._parser

    def render(self, text: str, mark_private: bool = False, box: str = PRIVATE_BOX) -> str:
        """HTML for `text`, safe to show or save: no scripts, handlers or remote loads.

        `mark_private` renders private blocks as Markdown inside `box` (its `{body}` is the
        block's HTML) instead of as code; to leave them out, strip them from the text first.
        """
        if mark_private:
            return self._render_marked(text, box)
        plain = plain_prose_html(text)
        if plain is not None:
            return plain
        with self._lock:
            self._md.reset()
            raw = self._md.convert(text)
        return sanitize(raw, attachments=self._attachments)

    def _render_marked(self, text: str, box: str) -> str:
        reading = read_blocks(text)
        blocks = reading.private
        if not blocks:
            return self.render(text)
        token = "daybookprivate" + secrets.token_hex(8)
        lines = list(reading.lines)
        inner: list[str] = []
        for n, block in reversed(list(enumerate(blocks))):
            inner.insert(0, self.render(block.content, mark_private=True, box=box))
            blank = block.prefix.rstrip()
            # "x{n}z": the 1st block's mark is no prefix of the 10th's
            lines[block.start : block.end] = [blank, f"{block.prefix}{token}x{n}z", blank]
        out = self.render("\n".join(lines))
        for n, body in enumerate(inner):
            marked = box.replace("{body}", body)
            out = out.replace(f"<p>{token}x{n}z</p>", marked).replace(f"{token}x{n}z", marked)
        return out


def plain_prose_html(text: str) -> str | None:
    """The HTML of `text` when it is plain prose (paragraphs of ordinary characters), made
    without the Markdown parser (about 20 times faster); None for anything else."""
    if _MARKUP_CHARS.search(text):
        return None
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line:
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        first = line[0]
        if first.isspace() or first in _BLOCK_START or line[-1].isspace():
            return None
        if first.isdigit() and _NUMBERED.match(line):
            return None
        current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def pygments_css(selector: str | None = None, style: str = "default") -> str:
    """The CSS rules for highlighted code under `selector` (by default the class the
    highlighter gives its blocks), in a Pygments style."""
    from pygments.formatters import HtmlFormatter

    if selector is None:
        from journal.rendering.highlight import HIGHLIGHT_CLASS

        selector = "." + HIGHLIGHT_CLASS

    return str(HtmlFormatter(style=style).get_style_defs(selector))


def safe_url(value: str, image: bool = False) -> str | None:
    """`value` as a browser reads it if a link (or an image, `image`) may keep it, else None.

    Links keep absolute http, https and mailto addresses and in-page `#` anchors; image
    sources keep absolute http and https addresses (and become links, see `sanitize`).
    """
    url = _URL_INNER.sub("", value.strip(_URL_EDGES))
    rule = _IMAGE_SOURCE if image else _LINK_TARGET
    return url if rule.match(url) else None


def sanitize(raw_html: str, attachments: bool = False) -> str:
    """Clean HTML with the allow-list; images that would load something become links.

    A link whose target `safe_url` refuses is kept as its plain text, without the `<a>`.
    With `attachments`, an image whose source is exactly `attachment:SHA256` (an image kept
    in the journal) stays an image, for the caller to resolve; nothing else does.
    """
    import nh3

    cleaned: str = nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attachment if attachments else _filter_attribute,
        url_schemes=URL_SCHEMES | {SCHEME} if attachments else URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    links: list[bool] = []  # for each open <a>: whether it was kept (HTML cannot nest them)

    def tag(match: re.Match[str]) -> str:
        closing, name = match[1], match[2].lower()
        if name == "img" and not closing:
            attrs = _attributes(match[3])
            if attachments and _ATTACHMENT_SRC.fullmatch(attrs.get("src", "")):
                return f'<img src="{attrs["src"]}" alt="{html.escape(attrs.get("alt", ""))}">'
            return _image_as_link(attrs)
        if name != "a":
            return match[0]
        if closing:
            return match[0] if (links.pop() if links else True) else ""
        links.append("href" in _attributes(match[3]))
        return match[0] if links[-1] else ""

    return _TAG.sub(tag, cleaned)


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "href" or attribute == "src":
        return safe_url(value, image=element == "img")
    return value


def _filter_attachment(element: str, attribute: str, value: str) -> str | None:
    """As `_filter_attribute`, keeping an image source that names a journal image."""
    if element == "img" and attribute == "src" and _ATTACHMENT_SRC.fullmatch(value):
        return value
    return _filter_attribute(element, attribute, value)


def _attributes(text: str) -> dict[str, str]:
    return {k.lower(): html.unescape(v) for k, v in _ATTR.findall(text)}


def _image_as_link(attrs: dict[str, str]) -> str:
    src = attrs.get("src", "")
    label = html.escape(attrs.get("alt") or src or "image")
    if not src:
        return f"[{label}]"
    return f'<a href="{html.escape(src)}" rel="noopener noreferrer nofollow">[image: {label}]</a>'
