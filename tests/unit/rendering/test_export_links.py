r"""Links and image sources in rendered entries: only absolute web and mail addresses stay.

A saved HTML page resolves relative targets against its own `file:` address, so `x`,
`../../etc/passwd`, `//host/share` or `\\host\share` would point into the reader's
disk or network shares. Only http(s) with a host, mailto and in-page `#` anchors may stay
as `href`; every other target is rendered as the link's plain text. The reader uses the
same renderer, so what holds here holds there.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.rendering.markdown import MarkdownRenderer, safe_url

PREFIXES = [
    "", "/", "//", "///", "\\\\", "\\", "\\/", "/\\", "./", "../", "../../", "~/", "#",
    "http:", "http:/", "http://", "https://", "https:\\\\", "http:\\/", "https:///",
    "mailto:", "file:", "file://", "file:///", "javascript:", "vbscript:", "data:",
    "smb://", "ftp://", "C:\\", "c:/", "about:", "blob:", "jar:", "view-source:",
    "HTTPS://", "hTtP://", "MailTo:", "JaVaScRiPt:", "?", "@",
]  # fmt: skip
BODIES = st.text(alphabet="ab.-_/\\:@?#%&=~ 1", max_size=12)
FIXTURE = [HealthCheck.function_scoped_fixture]
NOISE = st.sampled_from(["", " ", "\t", "\n", "\x01", "\x1f", "\r", "\x00"])


def browser_view(value: str) -> str:
    """The target as a browser reads it: edges stripped, tabs and newlines removed."""
    value = value.strip("".join(map(chr, range(0x21))))
    return "".join(ch for ch in value if ch not in "\t\n\r")


def allowed_link(value: str) -> bool:
    url = browser_view(value)
    if url.startswith("#"):
        return True
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        return len(url) > len("mailto:")
    return (
        scheme in ("http", "https")
        and url[len(scheme) + 1 :].startswith("//")
        and bool(parts.netloc)
        and not parts.netloc.startswith("@")
    )


class Links(HTMLParser):
    """The links and images of a document, and the anchors that have no href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.images: list[str] = []
        self.anchors_without_href = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img":
            self.images.append(values.get("src") or "")
        if tag == "a":
            if values.get("href") is None:
                self.anchors_without_href += 1
            else:
                self.hrefs.append(values["href"] or "")


def links_in(page: str) -> Links:
    parser = Links()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer(highlight=True)


def forms(url: str) -> list[str]:
    """The same target written as a Markdown link, an autolink-ish and raw HTML."""
    quoted = html.escape(url, quote=True)
    out = [f'<a href="{quoted}">label</a>', f"<a href='{html.escape(url)}'>label</a>"]
    if not any(ch in url for ch in " \t\n\r()<>\x00"):
        out += [f"[label]({url})", f"[label]: {url}\n\n[label]", f"[label](<{url}>)"]
    return out


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), body=BODIES, before=NOISE, inner=NOISE)
def test_only_absolute_web_and_mail_targets_stay_links(
    renderer: MarkdownRenderer, prefix: str, body: str, before: str, inner: str
) -> None:
    half = len(prefix) // 2
    url = before + prefix[:half] + inner + prefix[half:] + body
    for text in forms(url):
        for marked in (False, True):  # exports, and the reader (private blocks marked)
            page = renderer.render(text, mark_private=marked)
            found = links_in(page)
            assert all(allowed_link(h) for h in found.hrefs), (text, page)
            assert found.anchors_without_href == 0, (text, page)
            assert found.images == []
            assert "label" in page  # the text stays, as a link or as plain text


@pytest.mark.parametrize(
    "url",
    [
        "//host/share", "//host/share/file.txt", "\\\\host\\share", "\\\\?\\C:\\x",
        "../../etc/passwd", "x", "./x.html", "/etc/passwd", "~/notes", "file:///etc/passwd",
        "file://host/share", "javascript:alert(1)", "java\tscript:alert(1)", " //host",
        "https:", "https:/", "http:host", "https:///etc", "http:\\\\host\\share",
        "data:text/html,x", "smb://host/share", "ftp://host/x", "C:\\Windows", "mailto:", "?q=1",
        "@host",
    ],
)  # fmt: skip
def test_unsafe_targets_become_plain_text(renderer: MarkdownRenderer, url: str) -> None:
    for text in forms(url):
        page = renderer.render(f"see {text} here")
        assert "<a" not in page, (text, page)
        assert "label" in page


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com", "http://example.com/a?b=c#d", "HTTPS://Example.com/x",
        "mailto:sam@example.com", "#top", "#", "https://[::1]/x",
    ],
)  # fmt: skip
def test_absolute_web_mail_and_anchor_targets_stay(renderer: MarkdownRenderer, url: str) -> None:
    for text in forms(url):
        found = links_in(renderer.render(text))
        assert found.hrefs == [url], text


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), body=BODIES, before=NOISE)
def test_image_sources_follow_the_same_rule(
    renderer: MarkdownRenderer, prefix: str, body: str, before: str
) -> None:
    src = before + prefix + body
    quoted = html.escape(src, quote=True)
    texts = [f'<img src="{quoted}" alt="pic">']
    if not any(ch in src for ch in " \t\n\r()<>\x00"):
        texts.append(f"![pic]({src})")
    for text in texts:
        page = renderer.render(text)
        found = links_in(page)
        assert found.images == []
        for href in found.hrefs:
            assert allowed_link(href) and urlsplit(href).scheme.lower() in ("http", "https")
        assert "pic" in page


def test_an_image_from_the_web_becomes_a_link_and_others_plain_text(
    renderer: MarkdownRenderer,
) -> None:
    web = links_in(renderer.render("![pic](https://example.com/a.png)"))
    assert web.hrefs == ["https://example.com/a.png"] and web.images == []
    for src in ("a.png", "//host/a.png", "\\\\host\\a.png", "file:///a.png", "#a"):
        page = renderer.render(f"![pic]({src})")
        assert "<a" not in page and "<img" not in page and "pic" in page, page


def test_a_title_holding_markup_does_not_confuse_the_rewrite(renderer: MarkdownRenderer) -> None:
    page = renderer.render('<a href="x" title="</a><a href=&quot;x&quot;>">one</a> two')
    assert "<a" not in page and "one two" in page
    page = renderer.render('<abbr title="</a>">A</abbr> <a href="https://e.com">e</a>')
    assert links_in(page).hrefs == ["https://e.com"]


def test_safe_url_reads_urls_as_browsers_do() -> None:
    assert safe_url(" https://e.com ") == "https://e.com"
    assert safe_url("ht\ntps://e.com") == "https://e.com"
    assert safe_url("\x00//host") is None
    assert safe_url("mailto:a@b", image=True) is None
    assert safe_url("#x", image=True) is None
