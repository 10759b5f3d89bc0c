"""Export: choosing entries, holding back private ones, the formats, and atomic writes."""

from __future__ import annotations

import datetime as dt
import errno
import os
import string
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.blocks import private_blocks, strip_private
from journal.domain.entry import Entry
from journal.domain.filters import EntryFilter
from journal.errors import DaybookError, InputError
from journal.rendering.export import learned_sections, shift_headings
from journal.rendering.markdown import MarkdownRenderer
from journal.services import export as service
from journal.services.export import ExportOptions, build_export, render_export, write_export

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.export_formats import Format
    from journal.services.journal import Journal

ZONE = dt.timezone(dt.timedelta(hours=-5))
RENDERER = MarkdownRenderer(highlight=True)


def entry(n: int, body: str, private: bool = False, title: str = "", day: int = 1) -> Entry:
    moment = dt.datetime(2026, 4, day, 18, n % 60, tzinfo=ZONE)
    return Entry(n, f"u{n}", moment.date(), moment, moment, title, body, ("t",), private)


# -- private blocks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "a\n```private\nSECRET\n```\nb",
        "a\n~~~ Private\nSECRET\n~~~\nb",
        "a\n````private notes\n```\nSECRET\n````\nb",
        "> quoted\n> ```private\n> SECRET\n> ```\n> after",
        "- item\n  ```private\n  SECRET\n  ```\n- b",
        "a\n      ```private\nSECRET\n```",  # indented too far for a fence: hidden anyway
        "a\n```private\nSECRET and no closing fence\n\nmore text",
        "```private\n> ```\nSECRET after a line that closes nothing\n```",
    ],
)
def test_private_blocks_are_removed(body: str) -> None:
    public, count = strip_private(body)
    assert count == 1 and "SECRET" not in public
    for fmt in ("markdown", "html"):
        result = render_export([entry(1, body)], ExportOptions(format=fmt), RENDERER)
        assert "SECRET" not in result.text
        assert result.report.held_back_private_blocks == 1


def test_other_fences_are_not_private() -> None:
    body = "```python\nprivate = 1\n```\n\n```\nprivate\n```"
    assert list(private_blocks(body)) == [] and strip_private(body) == (body, 0)


def test_included_private_blocks_are_marked_in_html() -> None:
    body = "Public.\n\n```private\nOnly **mine**.\n```\n\nAlso public."
    options = ExportOptions(format="html", include_private=True)
    page = render_export([entry(1, body)], options, RENDERER).text
    assert '<div class="private-block">\n<p>Only <strong>mine</strong>.</p>\n</div>' in page
    markdown = render_export([entry(1, body)], ExportOptions(include_private=True)).text
    assert "```private\nOnly **mine**.\n```" in markdown


SECRETS = st.text(string.ascii_letters, min_size=12, max_size=20).map(lambda s: "Zq" + s)
NOISE = st.text(
    st.characters(blacklist_characters="`~\r\x00", blacklist_categories=["Cs"]), max_size=60
)


@settings(max_examples=60, deadline=None)
@given(secret=SECRETS, before=NOISE, after=NOISE, fmt=st.sampled_from(["markdown", "html"]))
def test_random_private_text_never_leaves(
    secret: str, before: str, after: str, fmt: Format
) -> None:
    block = f"public {before}\n\n```private\n{before} {secret} {after}\n```\n\n{after}"
    entries = [entry(1, block), entry(2, f"{before} {secret}", private=True, title=secret)]
    for digest in (False, True):
        body = f"## What did I learn?\n{block}" if digest else block
        chosen = [entry(1, body), entries[1]]
        result = render_export(chosen, ExportOptions(format=fmt, digest=digest), RENDERER)
        assert secret not in result.text
    shown = render_export(entries, ExportOptions(format=fmt, include_private=True), RENDERER)
    assert secret in shown.text


# -- choosing entries through the service ---------------------------------------------------


def fill(journal: Journal) -> None:
    journal.add("Deploy notes #ci", title="One", day=dt.date(2026, 1, 5))
    journal.add("Private salary talk", title="Two", day=dt.date(2026, 1, 6), private=True)
    journal.add("Cache work\n```private\nhidden bit\n```", title="Three", day=dt.date(2026, 1, 7))
    journal.add("Deploy again", title="Four", day=dt.date(2026, 2, 1), tags=["ci"])


def titles(text: str) -> list[str]:
    return [line.split(" · ")[1] for line in text.splitlines() if line.startswith("## ")]


def test_default_export_holds_back_private(journal: Journal) -> None:
    fill(journal)
    result = build_export(journal, ExportOptions())
    assert titles(result.text) == ["One", "Three", "Four"]
    assert "salary" not in result.text and "hidden bit" not in result.text
    assert result.report == service.ExportReport(3, 1, 1)
    assert result.report.held_back_note == "held back 1 private entry and 1 private block"
    everything = build_export(journal, ExportOptions(include_private=True))
    assert titles(everything.text) == ["One", "Two (private)", "Three", "Four"]
    assert everything.report == service.ExportReport(4, 0, 0)


def test_filters_ids_and_search_combine(journal: Journal) -> None:
    fill(journal)

    def chosen(options: ExportOptions) -> list[str]:
        return titles(build_export(journal, options).text)

    assert chosen(ExportOptions(filters=EntryFilter(tags=("ci",)))) == ["One", "Four"]
    assert chosen(ExportOptions(filters=EntryFilter(date_from=dt.date(2026, 1, 6)))) == [
        "Three",
        "Four",
    ]
    assert chosen(ExportOptions(ids=(4, 1))) == ["One", "Four"]
    one = ExportOptions(ids=(4, 1), filters=EntryFilter(date_to=dt.date(2026, 1, 31)))
    assert chosen(one) == ["One"]
    assert chosen(ExportOptions(search="deploy")) == ["One", "Four"]
    assert chosen(ExportOptions(search="deploy", ids=(4,))) == ["Four"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (ExportOptions(filters=EntryFilter(tags=("nope",))), "no entries match"),
        (ExportOptions(ids=(2,)), "the 1 matching entry is private"),
        (ExportOptions(ids=(1, 99)), "no entry with id 99"),
        (ExportOptions(search="  "), "the search is empty"),
        (ExportOptions(digest=True), "has a 'what I learned' answer"),
        (ExportOptions(format="html", split=True), "plain Markdown exports only"),
    ],
)
def test_clear_errors(journal: Journal, options: ExportOptions, message: str) -> None:
    fill(journal)
    with pytest.raises(InputError, match=message):
        build_export(journal, options)


# -- formats ---------------------------------------------------------------------------------


class Counter(HTMLParser):
    """The names of the start tags in a document, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_is_one_self_contained_page() -> None:
    body = "```python\ndef f():\n    return 1\n```\n\n![x](https://example.org/x.png)"
    page = render_export([entry(1, body)], ExportOptions(format="html"), RENDERER).text
    parser = Counter()
    parser.feed(page)
    assert parser.tags.count("style") == 1 and "script" not in parser.tags
    assert "img" not in parser.tags and "link" not in parser.tags
    assert '<span class="k">def</span>' in page and ".highlight .k" in page
    assert "prefers-color-scheme: dark" in page and "@media print" in page
    assert "@import" not in page and "url(" not in page


def test_unclosed_fence_cannot_swallow_the_next_entry() -> None:
    entries = [entry(1, "```\nopen", title="A"), entry(2, "after", title="B", day=2)]
    text = render_export(entries, ExportOptions()).text
    assert text.count("```") == 2 and "## Thu 2026-04-02 · B" in text


def test_headings_move_under_the_entry_heading() -> None:
    assert shift_headings("# A\n## B\n```\n# code\n```", 3) == "### A\n#### B\n```\n# code\n```"
    assert shift_headings("## Q\ntext", 3) == "### Q\ntext"


def test_learned_sections() -> None:
    body = (
        "free text\n## What did I work on?\nx\n## What did I LEARN from it?\nlesson\n"
        "### detail\nmore\n## What next?\nlater"
    )
    assert learned_sections(body) == ["lesson\n### detail\nmore"]
    assert learned_sections("## Work\nnothing learned here") == []
    assert learned_sections("```\n## learned in code\n```") == []


def test_digest_gathers_learn_answers_per_day() -> None:
    entries = [
        entry(1, "## What did I learn?\nFirst lesson", day=1),
        entry(2, "## Learned\nSecond lesson", day=1),
        entry(3, "no headings here", day=2),
        entry(4, "# Today I learned\nThird", day=3),
    ]
    text = render_export(entries, ExportOptions(digest=True)).text
    assert text.splitlines()[0] == "# Week notes: what I learned, 2026-04-01 to 2026-04-03"
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Wed 2026-04-01",
        "## Fri 2026-04-03",
    ]
    assert "First lesson\n\nSecond lesson" in text and "no headings" not in text


# -- writing ---------------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_export("first", target)
    with pytest.raises(InputError, match="already exists; add --force"):
        write_export("second", target)
    assert target.read_text() == "first"
    write_export("second", target, force=True)
    assert target.read_text() == "second" and leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["fsync", "replace", "link"])
def test_failed_write_leaves_old_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.html"
    target.write_text("old export")
    fresh = tmp_path / "fresh.html"

    def boom(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(DaybookError, match="the disk is full"):
        write_export("new export " * 1000, target, force=True) if failing != "link" else (
            write_export("new export", fresh)
        )
    assert target.read_text() == "old export" and not fresh.exists()
    assert leftovers(tmp_path) == []


def test_write_errors_are_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="its folder does not exist"):
        write_export("x", tmp_path / "missing" / "out.md")
    with pytest.raises(InputError, match="is a folder"):
        write_export("x", tmp_path)

    def denied(*_args: object, **_kw: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(service, "new_file", denied)
    with pytest.raises(InputError, match="permission denied"):
        write_export("x", tmp_path / "out.md")


def test_split_writes_one_file_per_entry(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    result = build_export(journal, ExportOptions(split=True))
    folder = tmp_path / "entries"
    written = service.write_export_folder(result.files, folder)
    assert [p.name for p in written] == [
        "2026-01-05-one-1.md",
        "2026-01-07-three-3.md",
        "2026-02-01-four-4.md",
    ]
    assert written[0].read_text().startswith("# Mon 2026-01-05 · One\n")
    with pytest.raises(InputError, match="already exists"):
        service.write_export_folder(result.files, folder)
