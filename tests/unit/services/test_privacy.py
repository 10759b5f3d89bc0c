"""Private stays private: every form of private block, every line ending, every export.

A secret word and a secret #tag are written inside private blocks of many shapes (fence
lengths, unclosed blocks, quotes with lazy lines, list items, odd indentation, info-string
variants) with LF, CR LF and lone CR line endings; no export format or export option may
show either, and neither `--tag` nor `--search` may choose an entry through them. The
reader is also checked against Python-Markdown's own reading of random fence soups.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
from typing import TYPE_CHECKING

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.cli import main
from journal.domain.blocks import private_blocks, private_text, split_lines, strip_private
from journal.domain.entry import Entry, NewEntry
from journal.domain.filters import EntryFilter
from journal.domain.tags import hashtags, private_only_tags
from journal.errors import InputError
from journal.rendering.markdown import MarkdownRenderer
from journal.services.export import ExportOptions, build_export, render_export
from journal.services.journal import Journal

if TYPE_CHECKING:
    from pathlib import Path

    from journal.paths import AppPaths

S = "Zebrasecret"
T = "hushtag"
RENDERER = MarkdownRenderer(highlight=True)

# Each case hides S and #T inside private blocks only.
CASES = {
    "plain": "```private\n{S} #{T}\n```",
    "four backticks": "````private\n{S} #{T}\n````",
    "five opening, three inside": "`````private\n```\n{S} #{T}\n```\n`````",
    "longer closing fence": "```private\n{S} #{T}\n`````\nafter",
    "longer fence, then the same": "```private\n{S}\n`````\n#{T} {S}\n```",
    "unclosed": "```private\n{S} #{T}\n\nmore {S}",
    "unclosed four": "````private\n{S}\n```\n#{T}",
    "tildes": "~~~private\n{S} #{T}\n~~~",
    "tilde does not close backticks": "```private\n{S}\n~~~\n#{T} {S}\n```",
    "space before info": "``` private\n{S} #{T}\n```",
    "capitalised": "```Private\n{S} #{T}\n```",
    "attribute form": "```{{.private}}\n{S} #{T}\n```",
    "class form": "```.private\n{S} #{T}\n```",
    "info with words": "```private notes for me\n{S} #{T}\n```",
    "hyphenated info": "~~~ private-notes\n{S} #{T}\n~~~",
    "closing with spaces": "```private\n{S} #{T}\n```   ",
    "indented opening": "   ```private\n{S} #{T}\n   ```",
    "deeply indented opening": "      ```private\n{S} #{T}\n```",
    "tab-indented": "\t```private\n\t{S} #{T}\n\t```",
    "fence indented 4+ inside": "```private\n{S}\n    ```\n#{T} {S}\n```",
    "quoted": "> ```private\n> {S} #{T}\n> ```",
    "quoted, no space": ">```private\n>{S} #{T}\n>```",
    "quoted lazy line": "> ```private\n> {S}\n#{T} lazy {S}\n> ```",
    "quoted unclosed": "> ```private\n> {S}\n\n#{T} {S}",
    "nested quotes": "> > ```private\n> > {S} #{T}\n> > ```",
    "quote then list": "> - ```private\n>   {S} #{T}\n>   ```",
    "dash list": "- ```private\n  {S} #{T}\n  ```",
    "star list": "* ```private\n  {S} #{T}\n  ```",
    "plus list": "+ ```private\n  {S} #{T}\n  ```",
    "ordered list": "1. ```private\n   {S} #{T}\n   ```",
    "ordered paren": "12) ```private\n    {S} #{T}\n    ```",
    "indented in list": "- item\n\n  ```private\n  {S} #{T}\n  ```\n- next",
    "nested list": "- a\n  - ```private\n    {S} #{T}\n    ```",
    "inside an unclosed outer fence": "````\n```private\n{S} #{T}\n```",
    "heading inside": "```private\n# {S}\n## #{T}\n```",
    "two blocks": "```private\n{S}\n```\n\npublic\n\n~~~private\n#{T}\n~~~",
    "tag at block start": "```private\n#{T}\n{S}\n```",
    "html inside": "```private\n<b>{S}</b> <a href='#{T}'>#{T}</a>\n```",
}
ENDINGS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}
INTRO = "## What did I learn?\n\nPublic intro #visible\n\n"


def body_for(case: str, ending: str) -> str:
    text = INTRO + CASES[case].format(S=S, T=T) + "\n\nPublic outro"
    return text.replace("\n", ENDINGS[ending])


def stored(n: int, body: str, tags: tuple[str, ...] = ()) -> Entry:
    """An entry as an old journal may hold it: any line ending, the tags the old reader saw."""
    moment = dt.datetime(2026, 4, 1, 18, n, tzinfo=dt.UTC)
    old_tags = (*tags, "visible", T)  # the old tag reader let the private tag through
    return Entry(n, f"u{n}", moment.date(), moment, moment, "", body, old_tags, False)


EXPORTS = [
    ExportOptions(format="markdown"),
    ExportOptions(format="html"),
    ExportOptions(format="markdown", front_matter=True),
    ExportOptions(format="markdown", split=True),
    ExportOptions(format="markdown", split=True, front_matter=True),
    ExportOptions(format="markdown", digest=True),
    ExportOptions(format="html", digest=True),
]


def everything(result_text: str, files: dict[str, str]) -> str:
    return result_text + "\n".join(files) + "\n".join(files.values())


def assert_hidden(text: str) -> None:
    assert S not in text
    assert T not in text.lower()


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("case", CASES)
def test_reader_finds_every_form(case: str, ending: str) -> None:
    body = body_for(case, ending)
    public, count = strip_private(body)
    assert count >= 1
    assert_hidden(public)
    assert "Public intro" in public
    assert T not in [t.casefold() for t in hashtags(body)]
    assert T in private_only_tags(body)
    assert S in private_text(body)


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("case", CASES)
def test_no_export_shows_private_text_or_tags(case: str, ending: str) -> None:
    entry = stored(1, body_for(case, ending))
    for options in EXPORTS:
        result = render_export([entry], options, RENDERER)
        text = everything(result.text, dict(result.files))
        assert_hidden(text)
        assert result.report.held_back_private_blocks >= 1
        if not options.digest:
            assert "visible" in text
    shown = render_export([entry], ExportOptions(format="markdown", include_private=True))
    assert S in shown.text


@pytest.mark.parametrize("ending", ["CRLF", "CR"])
def test_text_is_stored_with_one_line_ending(journal: Journal, ending: str) -> None:
    body = body_for("plain", ending)
    added = journal.add(body, title=f"Title{ENDINGS[ending]}part")
    assert "\r" not in added.body and "\r" not in added.title
    assert T not in [t.casefold() for t in added.tags]
    edited = journal.store.update(added.id, body=body.replace("Public", "Edited"))
    assert "\r" not in edited.body
    imported = journal.store.add_many([dataclasses.replace(_new(body), uid="x1")])
    assert imported.added == 1
    assert all("\r" not in e.body for e in journal.store.iter_all())


def _new(body: str) -> NewEntry:
    return NewEntry(day=dt.date(2026, 4, 2), body=body)


@pytest.mark.parametrize("case", ["plain", "quoted lazy line", "dash list", "unclosed four"])
def test_tag_and_search_do_not_choose_through_private_blocks(journal: Journal, case: str) -> None:
    journal.add(body_for(case, "CRLF"), title="Hidden", tags=["work"])
    journal.add("Open entry #work", title="Shown")
    by_tag = ExportOptions(filters=EntryFilter(tags=(T,)))
    for options in (
        by_tag,
        ExportOptions(search=S),
        ExportOptions(search=f"#{T}"),
        ExportOptions(search=f"tag:{T}"),
        ExportOptions(search=S[:4] + "*"),
        ExportOptions(search=f"work {S}"),
    ):
        with pytest.raises(InputError, match=r"no entries match|private"):
            build_export(journal, options)
    chosen = build_export(journal, ExportOptions(search="intro"))
    assert "Hidden" in chosen.text and S not in chosen.text
    both = build_export(journal, ExportOptions(search="work"))
    assert "Hidden" in both.text and "Shown" in both.text
    assert build_export(journal, ExportOptions(search=S, include_private=True)).report.entries == 1


def test_a_tag_written_both_in_and_out_of_private_blocks_is_public(journal: Journal) -> None:
    journal.add(f"Out #{T}\n```private\n#{T} {S}\n```")
    result = build_export(journal, ExportOptions(filters=EntryFilter(tags=(T,))))
    assert f"#{T}" in result.text and S not in result.text


def test_old_rows_with_carriage_returns_are_fixed_by_the_upgrade(paths: AppPaths) -> None:
    from tests.helpers import make_old_journal

    make_old_journal(paths)
    con = sqlite3.connect(paths.database)
    body = body_for("plain", "CRLF")
    con.execute("UPDATE entries SET body=?, title=? WHERE id=1", (body, "A\rB"))
    con.commit()
    con.close()
    with Journal.open(paths) as journal:
        entry = journal.store.get(1)
        assert "\r" not in entry.body and entry.title == "A\nB"
        assert journal.store.check() == []


def test_cli_add_from_a_windows_file_exports_nothing_private(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(body_for("plain", "CRLF").encode()), newline="")
    )
    assert main(["add", "-"]) == 0
    capsys.readouterr()
    for extra in ([], ["--format", "html"], ["--front-matter"], ["--digest"], ["--tag", T]):
        code = main(["export", *extra])
        out, err = capsys.readouterr()
        assert_hidden(out)
    out_dir = tmp_path / "split"
    assert main(["export", "--split", "-o", str(out_dir)]) == 0
    assert_hidden("".join(p.read_text() for p in out_dir.iterdir()))
    assert main(["export", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert S in json.dumps(exported)  # the JSON export is the lossless one
    del code, err


# -- against Python-Markdown's own reading ------------------------------------------------------

LINE_SHAPES = [
    "```private", "````private", "~~~private", "``` private", "```", "````", "`````", "~~~",
    "```python", "> ```private", "> ```", "- ```private", "  ```", "    ```", "1. ```private",
    "```{.private}", "> > ```private", "word", "> word", "- word", "", "    word", "#tag",
]  # fmt: skip


@st.composite
def fence_soups(draw: st.DrawFn) -> str:
    shapes = draw(st.lists(st.sampled_from(LINE_SHAPES), min_size=1, max_size=14))
    return "\n".join(f"{shape} w{n}" if shape.endswith("word") or not shape else shape
                     for n, shape in enumerate(shapes))  # fmt: skip


def markdown_private_words(text: str) -> set[str]:
    """The w<n> words Python-Markdown renders inside a code block of class language-private."""
    html = markdown.markdown(text, extensions=["fenced_code"])
    inside = re.findall(r'<code class="language-private">(.*?)</code>', html, re.DOTALL)
    return set(re.findall(r"\bw\d+\b", " ".join(inside)))


@settings(max_examples=400, deadline=None)
@given(fence_soups())
def test_what_markdown_renders_as_private_is_withheld(text: str) -> None:
    public, _count = strip_private(text)
    leaked = markdown_private_words(text) & set(re.findall(r"\bw\d+\b", public))
    assert not leaked, (text, public)
    rendered = RENDERER.render(public)
    assert "language-private" not in rendered


@settings(max_examples=300, deadline=None)
@given(fence_soups(), st.sampled_from(["\r\n", "\r"]))
def test_line_endings_do_not_change_the_reading(text: str, ending: str) -> None:
    other = text.replace("\n", ending)
    assert strip_private(other) == strip_private(text)
    assert private_blocks(other) == private_blocks(text)
    assert split_lines(other) == split_lines(text)


@settings(max_examples=300, deadline=None)
@given(fence_soups())
def test_tags_inside_private_blocks_never_reach_an_export(text: str) -> None:
    # Every line carries a tag of its own; the old reader may have stored any of them.
    tagged = "\n".join(f"{line} #t{n}" for n, line in enumerate(text.split("\n")))
    every_tag = tuple(f"t{n}" for n in range(tagged.count("\n") + 1))
    entry = dataclasses.replace(stored(1, tagged), tags=every_tag)
    public, _ = strip_private(tagged)
    shown_in_text = set(re.findall(r"#(t\d+)", public))
    for options in (ExportOptions(format="markdown"), ExportOptions(front_matter=True)):
        shown = render_export([entry], options, RENDERER).text
        tag_lines = [ln for ln in shown.split("\n") if ln.startswith(("Tags: ", "tags: "))]
        exported = set(re.findall(r"\bt\d+\b", " ".join(tag_lines)))
        assert exported <= shown_in_text
