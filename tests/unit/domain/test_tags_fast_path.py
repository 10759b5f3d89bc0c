"""Tags and stored text skip `journal.domain.blocks` for plain bodies (issue 18: loading it
cost `daybook add` ~20 M instructions). The short cut must find what reading the blocks
finds, whatever the body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.blocks import normalize_newlines, read
from journal.domain.entry import stored_text
from journal.domain.tags import _hashtags_of, _tags_in, hashtags, private_only_tags

PIECES = st.sampled_from(
    ["#", "#tag", "#ci-x", " ", "\n", "\r", "\r\n", "`", "```", "~~~", "private", "```private",
     "a", "é", "#1", "&#", "/#x", "> ", "- ", "    ", "\x00", "#Done", "x#y"]
)  # fmt: skip
BODIES = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=600, deadline=None)
@given(BODIES)
def test_hashtags_are_those_found_by_reading_the_blocks(body: str) -> None:
    assert hashtags(body) == (_hashtags_of(read(body)) if "#" in body else [])


@settings(max_examples=600, deadline=None)
@given(BODIES)
def test_private_only_tags_are_those_found_by_reading_the_blocks(body: str) -> None:
    reading = read(body)
    slow = {t.casefold() for t in _tags_in(reading.private_text())} - {
        t.casefold() for t in _hashtags_of(reading)
    }
    assert private_only_tags(body) == (slow if "#" in body else set())
    assert private_only_tags(body, reading) == private_only_tags(body)


@settings(max_examples=600, deadline=None)
@given(BODIES)
def test_stored_text_has_lf_endings_and_no_nul(body: str) -> None:
    assert stored_text(body) == normalize_newlines(body.replace("\x00", ""))
