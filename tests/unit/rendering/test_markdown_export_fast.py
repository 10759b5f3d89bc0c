"""The Markdown export's short cuts (issue 18): a body with no fence character, no `#` or
no `<` is not read line by line, and what comes out is what the full reading gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain import blocks
from journal.domain.entry import Entry
from journal.rendering import export as fmt
from journal.services import export as service

# The characters fences, headings, HTML blocks and private blocks are made of, and letters.
MARKUP = list("ab \n\n\t#`~<>!-*1.)\\{}\r")
PIECES = [
    "word", " ", "\n", "\n\n", "# ", "## ", "   #", "#tag", "```", "````", "~~~", "```private",
    "~~~ private", "```{.private}", "> ", "- ", "1. ", "<!--", "-->", "<pre>", "</pre>",
    "<script>", "</script>", "<style", "<textarea>", "\r\n", "    ",
]  # fmt: skip
texts = (
    st.text(alphabet=st.sampled_from(MARKUP), max_size=60)
    | st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
    | st.text(max_size=40)
)


def _full_shift(text: str, top: int) -> str:
    """`shift_headings` reading every text's fences (what it did before the short cut)."""
    found = [
        (n, m)
        for n, (line, code) in enumerate(fmt._lines(text))
        if not code
        for m in [fmt._ATX.match(line)]
        if m
    ]
    if not found:
        return text
    by = max(0, top - min(len(m[2]) for _n, m in found))
    lines = blocks.split_lines(text)
    for n, match in found:
        lines[n] = match[1] + "#" * min(6, len(match[2]) + by) + lines[n][match.end() :]
    return "\n".join(lines)


def _full_close(text: str) -> str:
    """`close_blocks` reading every text's fences (what it did before the short cut)."""
    unclosed = [block for block in blocks.read(text).fenced if not block.closed]
    if unclosed:
        return f"{text.rstrip()}\n{unclosed[-1].fence}"
    for opener, closer in fmt._HTML_BLOCKS:
        found = list(opener.finditer(text))
        if not found:
            continue
        last = found[-1]
        end = closer or f"</{last[1]}>"
        if end.lower() not in text[last.end() :].lower():
            text = f"{text.rstrip()}\n{end}"
    return text


@given(texts, st.integers(min_value=1, max_value=6))
@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
def test_shifting_headings_gives_what_the_full_reading_gives(text: str, top: int) -> None:
    assert fmt.shift_headings(text, top) == _full_shift(text, top)


@given(texts)
@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
def test_closing_blocks_gives_what_the_full_reading_gives(text: str) -> None:
    assert fmt.close_blocks(text) == _full_close(text)


def _entry(body: str) -> Entry:
    when = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)
    return Entry(1, "u1", when.date(), when, when, "A title", body, ("ci",), False)


@given(texts)
@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
def test_the_public_view_takes_out_what_the_full_reading_finds(text: str) -> None:
    entry = _entry(text)
    shown, count = service.public_view(entry)
    reading = blocks.read(text)
    assert count == len(reading.private)
    if not reading.private:
        assert shown is entry
    else:
        assert shown.body == reading.public_text()


PLAIN = [
    "Deployed the cache. Learned about eviction; next: the dashboard.",
    "two\nlines",
    "a paragraph\n\nand another, with a #tag",  # a `#` but no heading: still no fence
    "html-ish > and & but no opener",
    "",
]


@pytest.mark.parametrize("body", PLAIN)
def test_a_body_without_fence_characters_is_not_read_for_fences(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole journal's Markdown export reads no fences in plain prose: not to hold back
    private blocks, not to shift headings, not to close blocks."""
    expected = fmt.entry_markdown(_entry(body))

    def refuse(text: str) -> blocks.Reading:
        raise AssertionError(f"read for fences: {text!r}")

    monkeypatch.setattr(fmt, "read_blocks", refuse)
    monkeypatch.setattr(service, "read_blocks", refuse)
    entry = _entry(body)
    assert fmt.entry_markdown(entry) == expected
    assert service.public_view(entry) == (entry, 0)
    assert fmt.learned_sections(body) == []
