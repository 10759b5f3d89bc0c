"""Hostile Markdown/HTML in entries: the HTML export runs nothing and loads nothing.

The payloads live in tests/fixtures/hostile/payloads.txt. Every one is exported (each as an
entry, and all in one file) and the result is checked with html.parser; when `chromium` is
installed the file is also opened in headless Chromium to see that no payload ran.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from journal.domain.entry import Entry
from journal.rendering.markdown import ALLOWED_TAGS, MarkdownRenderer
from journal.services.export import ExportOptions, render_export

HOSTILE = Path(__file__).resolve().parents[2] / "fixtures" / "hostile" / "payloads.txt"
# Elements the export page itself uses around the sanitized bodies.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "article", "time"}
PAGE_METAS = {"content-security-policy", "referrer", "viewport", "color-scheme", "generator"}
SAFE_SCHEMES = {"http", "https", "mailto"}
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background"}
ZONE = dt.timezone(dt.timedelta(hours=1))


def payloads() -> list[tuple[str, str]]:
    """(name, text) for every payload in the corpus."""
    items: list[tuple[str, str]] = []
    for chunk in HOSTILE.read_text(encoding="utf-8").split("==== ")[1:]:
        name, _, text = chunk.partition("\n")
        items.append((name.strip(), text.rstrip("\n")))
    return items


def entry(n: int, body: str, title: str = "") -> Entry:
    moment = dt.datetime(2026, 3, 2, 17, 0, tzinfo=ZONE) + dt.timedelta(minutes=n)
    return Entry(n, f"u{n}", moment.date(), moment, moment, title, body, (), False)


class Audit(HTMLParser):
    """Collects what an exported page would run or load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.styles = 0
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        if tag not in ALLOWED_TAGS | PAGE_TAGS:
            self.problems.append(f"element <{tag}>")
        if tag == "style":
            self.styles += 1
        if tag == "meta":
            values = dict(attrs)
            kind = (values.get("name") or values.get("http-equiv") or "charset").lower()
            if kind not in PAGE_METAS | {"charset"} or not self.in_head:
                self.problems.append(f"meta {attrs}")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"handler {name} on <{tag}>")
            if name in ("style", "srcdoc", "formaction", "action", "background", "srcset"):
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in URL_ATTRS and value is not None:
                self._check_url(tag, name, value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False

    def _check_url(self, tag: str, name: str, value: str) -> None:
        cleaned = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
        scheme = urlsplit(cleaned).scheme.lower()
        if scheme and scheme not in SAFE_SCHEMES:
            self.problems.append(f"{name}={value!r} on <{tag}>")
        if name != "href":  # anything but a link would load: no src, data, poster at all
            self.problems.append(f"loading attribute {name}={value!r} on <{tag}>")


def audit(page: str) -> list[str]:
    parser = Audit()
    parser.feed(page)
    parser.close()
    if parser.styles != 1:
        parser.problems.append(f"{parser.styles} style elements (the page's own is the only one)")
    return parser.problems


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer(highlight=True)


def test_the_corpus_is_big_enough() -> None:
    names = [name for name, _ in payloads()]
    assert len(names) >= 40 and len(set(names)) == len(names)


@pytest.mark.parametrize(("name", "text"), payloads(), ids=[n for n, _ in payloads()])
def test_each_payload_is_neutralised(name: str, text: str, renderer: MarkdownRenderer) -> None:
    page = render_export([entry(1, text, title=text[:60])], ExportOptions(format="html"), renderer)
    assert audit(page.text) == [], name


def test_all_payloads_in_one_file(renderer: MarkdownRenderer) -> None:
    entries = [entry(n, text, name) for n, (name, text) in enumerate(payloads(), 1)]
    page = render_export(entries, ExportOptions(format="html"), renderer).text
    assert audit(page) == []
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "evil.example/track.png" in page  # remote images survive as links, not loads


def test_the_audit_catches_what_it_should() -> None:
    """The checker itself: each of these would slip past a broken sanitizer."""
    shell = "<html><head><style></style></head><body>{}</body></html>"
    for bad in (
        "<script>x</script>",
        '<p onclick="x">a</p>',
        '<a href="javascript:x">a</a>',
        '<a href="java&#x09;script:x">a</a>',
        '<img src="https://evil.example/x.png">',
        '<iframe src="https://evil.example/"></iframe>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<div style="background:url(x)">a</div>',
        "<style>@import 'x';</style>",
    ):
        assert audit(shell.format(bad)) != [], bad


# -- headless Chromium -------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Outcome(HTMLParser):
    """The document title and the ids of elements in a dumped DOM."""

    def __init__(self, dom: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.ids: set[str] = set()
        self.scripts = 0
        self._in_title = False
        self.feed(dom)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        self.scripts += tag == "script"
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM of `page` after Chromium loaded it (and ran whatever it would run)."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "HOME": str(profile)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_runs_no_payload(tmp_path: Path, renderer: MarkdownRenderer) -> None:
    entries = [entry(n, text, name) for n, (name, text) in enumerate(payloads(), 1)]
    page = tmp_path / "hostile.html"
    page.write_text(render_export(entries, ExportOptions(format="html"), renderer).text)
    seen = Outcome(dump_dom(page, tmp_path / "profile"))
    assert seen.title == "Daybook, 2026-03-02"
    assert "pwned" not in seen.ids and seen.scripts == 0

    # The same check on an unsanitized page: it must see the payload run.
    control = tmp_path / "control.html"
    control.write_text(
        "<html><head><title>t</title></head><body>"
        "<script>document.title='PWNED';"
        "document.body.appendChild(Object.assign(document.createElement('p'),{id:'pwned'}))"
        "</script></body></html>"
    )
    ran = Outcome(dump_dom(control, tmp_path / "profile2"))
    assert ran.title == "PWNED" and "pwned" in ran.ids
