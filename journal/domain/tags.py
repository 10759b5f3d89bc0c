"""Tags: normalising names and finding the #tags written in a body."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A #tag starts with a letter and is not part of a word, a URL fragment, an HTML entity or
# a Markdown heading ("# Title" has a space after the hash).
_HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LEADING = re.compile(r"^[\s#@]+")


def normalize_tag(name: str) -> str:
    """A tag as stored: no leading # or @, no surrounding space, inner spaces as '-'."""
    name = _LEADING.sub("", name)  # all of "# #x" goes, so normalising twice changes nothing
    name = re.sub(r"\s+", "-", name)
    return name.rstrip("-.,;:!?")


def hashtags(body: str) -> list[str]:
    """The #tags in a Markdown body, in order of first appearance, ignoring code."""
    if "#" not in body:
        return []
    text = _INLINE_CODE.sub(" ", _FENCE.sub(" ", body))
    return unique_tags(m.group(1) for m in _HASHTAG.finditer(text))


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
