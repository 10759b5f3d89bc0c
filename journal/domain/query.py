"""The search box language, turned into FTS5 expressions that SQLite can never reject.

Grammar (terms are separated by white space; every term is ANDed with the others):

    word        entries containing the word          -word        entries without it
    "a phrase"  the words next to each other         -"a phrase"  entries without the phrase
    word*       a word starting with `word`          "a phr"*     a phrase ending in a prefix
    tag:x  #x   entries tagged x                     -tag:x  -#x  entries not tagged x
    from:D      on or after the first day of D       to:D         up to the last day of D

D is YYYY, YYYY-MM, YYYY-MM-DD, today or yesterday. An unclosed quote runs to the end of the
text; tag:"two words" is the tag two-words. Everything else, including AND, OR, NOT, NEAR,
column:filters, carets and parentheses, is searched for as ordinary words.

Safety is by construction: every term becomes an FTS5 string literal (inner quotes doubled,
NUL and lone surrogates removed), optionally followed by `*`, joined only by AND (or OR for
the exclusions). Terms without a single letter or digit are dropped, so no empty phrase turns
a search into one that matches nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.domain.dates import parse_period, shown
from journal.domain.tags import normalize_tag, unique_tags
from journal.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator

# Control characters (NUL ends an FTS5 string early) and lone surrogates (not encodable as
# UTF-8, so SQLite cannot even be handed them) are removed from the text before anything else.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# unicode61 with its default categories ("L* N* Co") also makes token characters of every
# code point missing from its own (older) Unicode tables, hence Cn.
_TOKEN_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Co", "Cn"})
_FIELDS = ("tag:", "from:", "to:", "#")
_PERIOD_FORMS = "use YYYY, YYYY-MM or YYYY-MM-DD"


# The search language as a table (what to type, what it finds), for help screens.
SYNTAX: tuple[tuple[str, str], ...] = (
    ("deploy cache", "entries with both words (in the title, text or tags)"),
    ("-staging", "entries without the word"),
    ('"design review"', "the words next to each other"),
    ("depl*", "words starting with depl"),
    ("tag:ci", "entries tagged ci (or #ci)"),
    ("-tag:ci", "entries not tagged ci (or -#ci)"),
    ("from:2026-01", "on or after the first day of that year, month or day"),
    ("to:2026-03-31", "up to that day (YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday)"),
)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed search: FTS5 expressions for the text, plus tag and date filters.

    `match` is the AND of the wanted terms and `exclude` the OR of the unwanted ones, both to
    be bound as parameters to `entries_fts MATCH ?`; `problems` explain what was ignored.
    """

    match: str | None
    exclude: str | None
    tags: tuple[str, ...]
    exclude_tags: tuple[str, ...]
    date_from: dt.date | None
    date_to: dt.date | None
    problems: tuple[str, ...]
    # The wanted words and phrases as typed, each with whether it is a prefix: what a reader
    # highlights in an entry the search found.
    words: tuple[tuple[str, bool], ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to filter by, so every entry matches."""
        return (
            self.match is None
            and self.exclude is None
            and not self.tags
            and not self.exclude_tags
            and self.date_from is None
            and self.date_to is None
        )


@dataclass(frozen=True, slots=True)
class _Term:
    """One term of the search text as written: `raw` is kept for messages."""

    raw: str
    value: str
    field: str | None
    negated: bool
    prefix: bool


def parse_query(text: str, today: dt.date | None = None) -> SearchQuery:
    """The search that `text` asks for; never raises, reports what it ignored in `problems`."""
    if today is None:
        today = dt.date.today()
    wanted: list[str] = []
    unwanted: list[str] = []
    words: list[tuple[str, bool]] = []
    tags: list[str] = []
    exclude_tags: list[str] = []
    problems: list[str] = []
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    for term in _scan(_UNSAFE.sub(" ", text)):
        if term.field in ("from:", "to:"):
            name = term.field[:-1]
            if term.negated:
                problems.append(f"{shown(term.raw)} ignored: dates cannot be excluded")
                continue
            try:
                first, last = parse_period(term.value, today)
            except InputError:
                problems.append(f"{shown(term.raw)} is not a date ({_PERIOD_FORMS})")
                continue
            if name == "from":
                date_from = first if date_from is None else max(date_from, first)
            else:
                date_to = last if date_to is None else min(date_to, last)
        elif term.field is not None:
            tag = normalize_tag(term.value)
            if not tag:
                problems.append(f"{shown(term.raw)} ignored: it names no tag (e.g. tag:work)")
            else:
                (exclude_tags if term.negated else tags).append(tag)
        elif _searchable(term.value):
            (unwanted if term.negated else wanted).append(fts5_string(term.value, term.prefix))
            if not term.negated:
                words.append((term.value, term.prefix))
        elif not term.value.isascii():
            problems.append(f"{shown(term.raw)} ignored: it has no letters or digits to search")

    if date_from is not None and date_to is not None and date_from > date_to:
        problems.append(f"from:{date_from} is after to:{date_to}, so no entry can match")
    return SearchQuery(
        match=" AND ".join(dict.fromkeys(wanted)) or None,
        exclude=" OR ".join(dict.fromkeys(unwanted)) or None,
        tags=tuple(unique_tags(tags)),
        exclude_tags=tuple(unique_tags(exclude_tags)),
        date_from=date_from,
        date_to=date_to,
        problems=tuple(problems),
        words=tuple(dict.fromkeys(words)),
    )


# The shortest word that search-as-you-type completes as a prefix (FTS5 keeps a prefix index
# for 2 and 3 characters, so shorter prefixes would walk the whole vocabulary).
TYPED_PREFIX_MIN = 2


def as_typed(text: str) -> str:
    """`text` as a search box sends it while the user is still typing: the last word, unless
    a space follows it, is a prefix (`depl` finds deploy), and so is the end of an unclosed
    phrase (`"design rev` finds "design review"). Words after a `-`, fields (tag:, from:,
    to:, #) and words that already end in `*` are left as they are."""
    if not text or text[-1].isspace():
        return text
    terms = list(_scan(_UNSAFE.sub(" ", text)))
    last = terms[-1] if terms else None
    if last is None or last.field is not None or last.negated or last.prefix:
        return text
    if not _searchable(last.value) or len(last.value.strip()) < TYPED_PREFIX_MIN:
        return text
    if last.raw.startswith('"'):
        closed = len(last.raw) > 1 and last.raw.endswith('"')
        return text if closed else text + '"*'
    return text + "*"


def fts5_string(term: str, prefix: bool = False) -> str:
    """`term` as an FTS5 string literal (a phrase of its tokens), with `*` for a prefix search."""
    literal = '"' + _UNSAFE.sub(" ", term).replace('"', '""') + '"'
    return literal + " *" if prefix else literal


def _searchable(value: str) -> bool:
    """True when the unicode61 tokenizer finds at least one token in `value`."""
    return any(unicodedata.category(ch) in _TOKEN_CATEGORIES for ch in value)


def _scan(text: str) -> Iterator[_Term]:
    """The terms of `text` in order, with their field, negation and prefix star."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        field: str | None = None
        if text[i] == '"':
            value, i = _quoted(text, i)
            prefix = text.startswith("*", i)
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            value, i = text[i:end], end
            field = _field(value, quote_follows=text.startswith('"', i))
            if field is not None:
                value = value[len(field) :]
                if not value and text.startswith('"', i):
                    value, i = _quoted(text, i)
            prefix = field is None and value.endswith("*")
        if prefix:
            value = value.rstrip("*")
            while text.startswith("*", i):
                i += 1
        yield _Term(text[start:i], value, field, negated, prefix)


def _field(word: str, quote_follows: bool) -> str | None:
    """The field name `word` starts with (tag:, from:, to:, #), or None for a plain word."""
    for name in _FIELDS:
        if word[: len(name)].lower() == name:
            # A lone "#" is a plain word unless a quoted tag name follows it.
            if name == "#" and len(word) == 1 and not quote_follows:
                return None
            return name
    return None


def _quoted(text: str, i: int) -> tuple[str, int]:
    """The text inside the quote that opens at `i`, and the index after it; unclosed runs on."""
    end = text.find('"', i + 1)
    if end < 0:
        return text[i + 1 :], len(text)
    return text[i + 1 : end], end + 1
