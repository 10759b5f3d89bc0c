"""The search language: each construct, and that no input ever yields an expression FTS5 rejects.

The FTS5 table here is created exactly as storage creates it, so the property tests exercise
the real parser and tokenizer of the SQLite that Python links against.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journal.domain.query import SearchQuery, as_typed, fts5_string, parse_query

if TYPE_CHECKING:
    from collections.abc import Iterator

TODAY = dt.date(2026, 11, 26)

FTS_TABLE = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, tags, content='entries', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
)
ROWS = [
    (1, "Release planning", "We planned the release of version two.", "work"),
    (2, "Planning poker", "Release notes and slides were late.", ""),
    (3, "Café visit", "Met Ana at the café; talked about naïve Bayes.", "personal"),
    (4, "Retro", "What went well: the release. What to improve: planning.", "work"),
    (5, "日本語のメモ", "東京 meeting, 🥲 and \ue000 private use", ""),
]


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    """An in-memory journal with the real external-content FTS5 table and a few entries."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT, body TEXT, tags TEXT)")
    conn.execute(FTS_TABLE)
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", ROWS)
    conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    yield conn
    conn.close()


def run(conn: sqlite3.Connection, query: SearchQuery) -> set[int]:
    """The ids the storage layer's two FTS clauses select for `query` (every id when none)."""
    sql = "SELECT id FROM entries WHERE 1"
    if query.match is not None:
        sql += " AND id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :match)"
    if query.exclude is not None:
        sql += " AND id NOT IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :exclude)"
    params = {"match": query.match, "exclude": query.exclude}
    return {row[0] for row in conn.execute(sql, params)}


def search(conn: sqlite3.Connection, text: str) -> set[int]:
    return run(conn, parse_query(text, TODAY))


def q(text: str) -> SearchQuery:
    return parse_query(text, TODAY)


# --- Each construct ------------------------------------------------------------------------


def test_bare_words_are_anded_string_literals() -> None:
    query = q("hello  world")
    assert query.match == '"hello" AND "world"'
    assert query.exclude is None
    assert query.problems == ()


def test_quoted_phrase() -> None:
    assert q('"release planning" notes').match == '"release planning" AND "notes"'


def test_prefix_word_and_prefix_phrase() -> None:
    assert q("plan*").match == '"plan" *'
    assert q("plan***").match == '"plan" *'
    assert q('"release pla"*').match == '"release pla" *'


def test_star_inside_a_word_or_a_phrase_is_not_a_prefix() -> None:
    assert q("fo*o").match == '"fo*o"'
    assert q('"plan*"').match == '"plan*"'


def test_excluded_words_and_phrases_are_ored() -> None:
    query = q('release -poker -"release planning"')
    assert query.match == '"release"'
    assert query.exclude == '"poker" OR "release planning"'


def test_excluded_prefix() -> None:
    assert q("-draft*").exclude == '"draft" *'


def test_lone_minus_is_not_an_exclusion() -> None:
    query = q("a - b")
    assert query.match == '"a" AND "b"'
    assert query.exclude is None


def test_minus_inside_a_word_is_part_of_it() -> None:
    assert q("e-mail").match == '"e-mail"'


@pytest.mark.parametrize("word", ["AND", "OR", "NOT", "NEAR", "and", "near"])
def test_fts5_keywords_are_ordinary_words(word: str) -> None:
    assert q(f"a {word} b").match == f'"a" AND "{word}" AND "b"'


def test_fts5_syntax_is_quoted_not_interpreted() -> None:
    query = q("NEAR(a b) title:retro ^start {title body}:x *reads")
    assert query.match == (
        '"NEAR(a" AND "b)" AND "title:retro" AND "^start" AND "{title" AND "body}:x" AND "*reads"'
    )


def test_unclosed_quote_runs_to_the_end() -> None:
    query = q('one "two -three tag:x from:2024')
    assert query.match == '"one" AND "two -three tag:x from:2024"'
    assert query.exclude is None
    assert query.tags == ()
    assert query.date_from is None


def test_quote_in_the_middle_of_a_word_starts_a_phrase() -> None:
    assert q('foo"bar baz" qux').match == '"foo" AND "bar baz" AND "qux"'


def test_repeated_terms_appear_once() -> None:
    assert q("a b a").match == '"a" AND "b"'


def test_tags() -> None:
    query = q('tag:Work #home -tag:old -#draft TAG:Extra tag:"two words" -#"x y"')
    assert query.tags == ("Work", "home", "Extra", "two-words")
    assert query.exclude_tags == ("old", "draft", "x-y")
    assert query.match is None
    assert query.problems == ()


def test_tags_are_normalized_and_deduplicated_ignoring_case() -> None:
    query = q("tag:#work tag:WORK, #Work tag:@work")
    assert query.tags == ("work",)


def test_empty_tag_is_a_problem() -> None:
    query = q("tag: -tag:#")
    assert query.tags == ()
    assert query.exclude_tags == ()
    assert len(query.problems) == 2
    assert query.problems[0].startswith("tag: ignored")


def test_lone_hash_is_a_word_without_tokens() -> None:
    query = q("# C#")
    assert query.tags == ()
    assert query.match == '"C#"'
    assert query.problems == ()


def test_dates_from_first_day_to_last_day() -> None:
    query = q("from:2024 to:2024-03")
    assert query.date_from == dt.date(2024, 1, 1)
    assert query.date_to == dt.date(2024, 3, 31)
    assert query.match is None
    assert query.problems == ()


def test_dates_relative_and_case_insensitive() -> None:
    query = q("FROM:yesterday To:today")
    assert (query.date_from, query.date_to) == (dt.date(2026, 11, 25), TODAY)


def test_quoted_date() -> None:
    assert q('from:"2024-02"').date_from == dt.date(2024, 2, 1)


def test_several_dates_narrow_the_range() -> None:
    query = q("from:2020 from:2022 to:2025 to:2024-06")
    assert (query.date_from, query.date_to) == (dt.date(2022, 1, 1), dt.date(2024, 6, 30))


def test_bad_dates_are_ignored_with_a_problem() -> None:
    query = q("from:2024-13 to:soon words")
    assert query.date_from is None
    assert query.date_to is None
    assert query.match == '"words"'
    assert query.problems == (
        "from:2024-13 is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)",
        "to:soon is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)",
    )


def test_excluded_date_is_ignored_with_a_problem() -> None:
    query = q("-from:2024")
    assert query.date_from is None
    assert query.problems == ("-from:2024 ignored: dates cannot be excluded",)


def test_inverted_range_is_kept_and_reported() -> None:
    query = q("from:2025 to:2024")
    assert query.date_from == dt.date(2025, 1, 1)
    assert query.problems == ("from:2025-01-01 is after to:2024-12-31, so no entry can match",)


def test_default_today_is_the_real_today() -> None:
    before = dt.date.today()
    day = parse_query("from:today").date_from
    assert day is not None
    assert before <= day <= dt.date.today()


@pytest.mark.parametrize("text", ["*", "-", '""', '-""', "---", "-*", '"', "()", "^", ":", "+"])
def test_terms_without_tokens_are_dropped_silently(text: str) -> None:
    query = q(text)
    assert query.is_empty
    assert query.problems == ()


def test_unsearchable_non_ascii_term_is_reported() -> None:
    query = q("😀 work")
    assert query.match == '"work"'
    assert query.problems == ("😀 ignored: it has no letters or digits to search",)


def test_control_characters_nul_and_lone_surrogates_are_separators() -> None:
    query = q("a\x00b \ud800c d\x07e")
    assert query.match == '"a" AND "b" AND "c" AND "d" AND "e"'


def test_literal_doubles_quotes_and_strips_unsafe_characters() -> None:
    assert fts5_string('say "hi"') == '"say ""hi"""'
    assert fts5_string("a\x00b\ud800") == '"a b "'
    assert fts5_string("plan", prefix=True) == '"plan" *'


@pytest.mark.parametrize(
    ("text", "empty"),
    [("", True), ("   \n\t", True), ("-x", False), ("tag:a", False), ("to:2024", False)],
)
def test_is_empty(text: str, empty: bool) -> None:
    assert q(text).is_empty is empty


def test_problem_messages_are_short_and_printable() -> None:
    query = q("from:" + "\u0378x" * 100)
    assert len(query.problems) == 1
    assert len(query.problems[0]) < 100


# --- Matching semantics on a real FTS5 table ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("release planning", {1, 2, 4}),  # words anywhere, any column
        ('"release planning"', {1}),  # a phrase: adjacent, in one column
        ("plan", set()),  # a word is a whole token...
        ("plan*", {1, 2, 4}),  # ...unless it ends in a star
        ("pl*", {1, 2, 4}),  # a prefix shorter than the prefix indexes
        ('"release pla"*', {1}),  # a phrase ending in a prefix
        ("release -poker", {1, 4}),
        ('release -"release planning"', {2, 4}),
        ("release -poker -retro", {1}),
        ("-work", {2, 3, 5}),  # the tags column is searched too
        ("-plan*", {3, 5}),
        ("cafe naive", {3}),  # diacritics removed on both sides
        ("CAFÉ", {3}),
        ("cafe\u0301", {3}),  # decomposed input: the combining accent is kept and removed
        ("notes AND slides", {2}),  # AND is a word here, and row 2 contains it
        ("release OR retro", set()),  # not an FTS5 OR: no entry contains the word "or"
        ("release NOT poker", set()),  # not an FTS5 NOT
        ("title:retro", set()),  # not a column filter: the phrase "title retro"
        ("東京", {5}),
        ("\ue000", {5}),  # private use characters are tokens
        ("", {1, 2, 3, 4, 5}),
    ],
)
def test_matching_semantics(db: sqlite3.Connection, text: str, expected: set[int]) -> None:
    assert search(db, text) == expected


def test_harness_detects_expressions_fts5_rejects(db: sqlite3.Connection) -> None:
    """The property tests below would notice a bad expression: FTS5 does raise for these."""
    for bad in ['"a', '"a\x00b"', "a AND", "NEAR(", "(a", "^", "-x", "nosuch:x", "*foo"]:
        with pytest.raises(sqlite3.OperationalError):
            run(db, SearchQuery(bad, None, (), (), None, None, ()))


def test_very_long_query_is_accepted(db: sqlite3.Connection) -> None:
    """FTS5 limits expression depth to 256; flat AND/OR chains of thousands of terms are fine."""
    text = " ".join(f'w{i}* -x{i} "p{i} q{i}"' for i in range(3000))
    query = q(text)
    assert query.match is not None
    assert query.match.count(" AND ") == 5999
    assert_accepted(db, query)


# --- Properties: any text at all gives a query FTS5 accepts --------------------------------

SYNTAX_PIECES = [
    '"', '""', "*", "-", ":", "(", ")", "^", " ", "#", "+", "{", "}", ",", ".", "\t", "\n",
    "AND", "OR", "NOT", "NEAR", "NEAR/2", "and", "near", "tag:", "-tag:", "from:", "to:",
    "title:", "body:", "tags:", "{title body}:", "-title:", "*reads", "*id", "rank", "today",
    "2024", "2024-02", "2024-02-30", "é", "e\u0301", "\u0301", "日本語", "😀", "🥲", "\u19b0",
    "\u0378", "\ue000", "\ufeff", "\u200b", "\x00", "\x1f", "\ud800", "\udfff", "\uffff",
]  # fmt: skip
WORDS = ["hello", "world", "plan", "release", "a", "x1", "Straße", "café"]

syntax_soup = st.lists(
    st.one_of(
        st.sampled_from(SYNTAX_PIECES),
        st.sampled_from(WORDS),
        st.text(max_size=3),
    ),
    max_size=30,
).map("".join)

any_characters = st.text(st.characters(exclude_categories=()), max_size=60)  # surrogates too


def assert_accepted(conn: sqlite3.Connection, query: SearchQuery) -> None:
    """FTS5 accepts both expressions, and every string the query holds can be bound."""
    for expression in (query.match, query.exclude):
        if expression is not None:
            assert expression.startswith('"')  # never an FTS5 "special query" like *reads
            conn.execute(
                "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", (expression,)
            ).fetchall()
    run(conn, query)
    for text in (*query.tags, *query.exclude_tags, *query.problems):
        assert text
        assert "\x00" not in text
        conn.execute("SELECT ?", (text,)).fetchall()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_an_accepted_query(db: sqlite3.Connection, text: str) -> None:
    assert_accepted(db, parse_query(text, TODAY))


@settings(max_examples=400, deadline=None)
@given(any_characters)
def test_any_code_points_give_an_accepted_query(db: sqlite3.Connection, text: str) -> None:
    assert_accepted(db, parse_query(text, TODAY))


@settings(max_examples=1000, deadline=None)
@given(syntax_soup)
def test_syntax_soup_gives_an_accepted_query(db: sqlite3.Connection, text: str) -> None:
    assert_accepted(db, parse_query(text, TODAY))


# Letters below U+1900: all of them are token characters in SQLite's older Unicode tables too
# (a few later ones, e.g. U+19B0..U+19C9, were marks then and letters now).
plain_words = st.text(
    st.characters(categories=("L", "N"), max_codepoint=0x18FF) | st.sampled_from(' "*'),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(plain_words)
def test_query_finds_its_own_text(text: str) -> None:
    """Quoting keeps the tokens: the search for a text of words finds an entry holding it."""
    query = parse_query(text, TODAY)
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT, body TEXT, tags TEXT)"
        )
        conn.execute(FTS_TABLE)
        conn.execute("INSERT INTO entries VALUES (1, '', ?, '')", (text,))
        conn.execute("INSERT INTO entries VALUES (2, '', 'zzzq', '')")
        conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
        found = run(conn, query)
    finally:
        conn.close()
    if query.match is not None:
        assert found == {1}


@given(syntax_soup)
def test_parse_is_deterministic_and_total(text: str) -> None:
    assert parse_query(text, TODAY) == parse_query(text, TODAY)


# -- search as you type ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("depl", "depl*"),
        ("deploy cach", "deploy cach*"),
        ("depl ", "depl "),  # a space ends the word: whole words again
        ("dep*", "dep*"),
        ("d", "d"),  # one letter would walk the whole vocabulary
        ('"design rev', '"design rev"*'),
        ('"design review"', '"design review"'),
        ("-stag", "-stag"),  # an exclusion is never widened while typing
        ("tag:c", "tag:c"),
        ("#ci", "#ci"),
        ("from:2026", "from:2026"),
        ("naïve", "naïve*"),
        ("日本", "日本*"),
        ("...", "..."),
        ("", ""),
    ],
)
def test_the_last_word_being_typed_is_a_prefix(typed: str, sent: str) -> None:
    assert as_typed(typed) == sent


@given(st.text(alphabet=st.sampled_from(list('ab -"*:#\tégtfromo')), max_size=30))
@example('a:*"a"a:')  # found by hypothesis: the widened last word merges into the first
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_as_typed_only_ever_widens_the_last_wanted_word(text: str) -> None:
    """Filters, exclusions and every other word mean the same as typed; at most the last
    wanted word or phrase becomes its prefix search."""
    before, after = parse_query(text), parse_query(as_typed(text))
    assert (after.tags, after.exclude_tags, after.exclude) == (
        before.tags,
        before.exclude_tags,
        before.exclude,
    )
    assert (after.date_from, after.date_to) == (before.date_from, before.date_to)

    def bare(q: SearchQuery) -> list[str]:
        return list(dict.fromkeys(w.rstrip("*") for w, _ in q.words))

    assert bare(after) == bare(before)
    if after.match != before.match:
        assert after.match is not None and before.match is not None
        widened = after.match.endswith(" *") and not before.match.endswith(" *")
        # or the last word, widened, is a prefix search the query has already ('a:* b a:'
        # typed: 'a:*' twice is one term), so it merges into that one
        assert widened or (before.words[-1][0], True) in before.words


@pytest.mark.parametrize("typed", ['a:*"a"a:', "dep* x dep", '"ab"* "ab'])
def test_a_last_word_already_searched_as_a_prefix_merges_into_it(typed: str) -> None:
    before, after = parse_query(typed), parse_query(as_typed(typed))
    assert set(after.words) == {(w, True) if w == before.words[-1][0] else (w, p)
                                for w, p in before.words}  # fmt: skip


def test_the_words_to_highlight_are_the_wanted_ones() -> None:
    q = parse_query('deploy "design review" -staging tag:ci cach*')
    assert q.words == (("deploy", False), ("design review", False), ("cach", True))
