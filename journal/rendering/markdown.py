"""The one Markdown renderer: Markdown -> sanitized HTML, used by the reader and exporters.

Python-Markdown passes raw HTML through, so its output always goes through nh3 with an
allow-list. Remote images are turned into links so nothing rendered fetches anything.
"""

from __future__ import annotations

import html
import re
import threading
from typing import Any

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
_IMG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


class MarkdownRenderer:
    """Thread-safe Markdown to sanitized HTML; build once, reuse (set-up costs ~ms)."""

    def __init__(self) -> None:
        import markdown

        self._md = markdown.Markdown(
            extensions=["fenced_code", "tables", "sane_lists", "md_in_html"],
            output_format="html",
        )
        self._lock = threading.Lock()

    def render(self, text: str) -> str:
        """HTML for `text`, safe to show or save: no scripts, handlers or remote loads."""
        with self._lock:
            self._md.reset()
            raw = self._md.convert(text)
        return sanitize(raw)


def sanitize(raw_html: str) -> str:
    """Clean HTML with the allow-list; images that would load something become links."""
    import nh3

    cleaned: str = nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return _IMG.sub(_image_as_link, cleaned)


def _image_as_link(match: re.Match[str]) -> str:
    attrs: dict[str, Any] = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(match.group(1))}
    src = str(attrs.get("src", ""))
    label = html.escape(str(attrs.get("alt") or src or "image"))
    if not src:
        return f"[{label}]"
    return f'<a href="{html.escape(src)}" rel="noopener noreferrer nofollow">[image: {label}]</a>'
