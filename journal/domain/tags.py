"""Tags: normalising names and finding the #tags written in a body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.domain.blocks import Reading

if TYPE_CHECKING:
    from collections.abc import Iterable

# A #tag starts with a letter and is not part of a word, a URL fragment, an HTML entity or
# a Markdown heading ("# Title" has a space after the hash).
_HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LEADING = re.compile(r"^[\s#@]+")
_SPACES = re.compile(r"\s+")  # compiled once: `re.sub` looked it up on every tag


def normalize_tag(name: str) -> str:
    """A tag as stored: no leading # or @, no surrounding space, inner spaces as '-'."""
    name = _LEADING.sub(
        "", name.replace("\x00", "")
    )  # all of "# #x" goes, so normalising twice changes nothing
    name = _SPACES.sub("-", name)
    return name.rstrip("-.,;:!?")


def hashtags(body: str) -> list[str]:
    """The #tags in a Markdown body, in order of first appearance.

    Fenced code, inline code and private blocks hold no tags (see `journal.domain.blocks`).
    """
    if "#" not in body:
        return []
    if _plain(body):
        return _tags_in(body)
    from journal.domain.blocks import read  # not loaded by readers that never look for tags

    return _hashtags_of(read(body))


def _plain(body: str) -> bool:
    """A body with no fence, no inline code and one line ending: `blocks.read` would find
    no code and no private block in it (and `blocks` need not be loaded)."""
    return "`" not in body and "~" not in body and "\r" not in body


def _hashtags_of(reading: Reading) -> list[str]:
    mask = reading.code_mask()
    text = "\n".join(line for line, code in zip(reading.lines, mask, strict=True) if not code)
    return _tags_in(_INLINE_CODE.sub(" ", text))


def _tags_in(text: str) -> list[str]:
    return unique_tags(m.group(1) for m in _HASHTAG.finditer(text))


def private_only_tags(body: str, reading: Reading | None = None) -> set[str]:
    """Casefolded names written as #tags inside private blocks and nowhere public.

    Such a tag is private: an export leaves it out even when it is also an explicit tag,
    since an entry does not record which of its tags were typed where. Pass `reading`
    (`read(body)`) when the caller has it already.
    """
    if "#" not in body or (reading is None and _plain(body)):
        return set()
    if reading is None:
        from journal.domain.blocks import read

        reading = read(body)
    inside = {t.casefold() for t in _tags_in(reading.private_text())}
    if not inside:
        return set()
    return inside - {t.casefold() for t in _hashtags_of(reading)}


def unique_tags(names: Iterable[str]) -> list[str]:
    """Normalised tags without case-insensitive duplicates, first spelling kept."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in names:
        name = normalize_tag(raw)
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out
