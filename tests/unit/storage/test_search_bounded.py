"""Searches whose work stays bounded whatever the entries' size, and that can be stopped.

FTS5's snippet() takes time quadratic in the matches of the text it sees: a 5 MB entry
made a search run for more than five minutes. Each test here would hang on such code.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import cancel
from journal.domain.entry import MARK_END, MARK_START, NewEntry
from journal.domain.query import parse_query
from journal.storage.sql import (
    DIRECT_SNIPPET_CHARS,
    FTS_TOKENIZE,
    SNIPPET_CHUNK,
    long_body_snippet,
    match_phrases,
    spans,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.storage.store import JournalStore

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def rows_larger_than_entries_now_may_be(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are limited to MAX_ENTRY_CHARS today, but a journal written before the limit
    may hold larger rows: searching them must stay bounded too, so they are stored here."""
    import journal.domain.entry as entry

    monkeypatch.setattr(entry, "MAX_ENTRY_CHARS", 64 * MB)


WORDS = ["alpha", "beta", "gamma", "delta", "cache", "review", "team", "code", "notes"]


def new(body: str, title: str = "", day: str = "2026-06-01") -> NewEntry:
    d = dt.date.fromisoformat(day)
    created = dt.datetime(d.year, d.month, d.day, 17, 30, tzinfo=dt.UTC)
    return NewEntry(day=d, body=body, title=title, created=created)


def prose(size: int, seed: int = 1) -> str:
    """About `size` characters of words, with a line break now and then."""
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(size // 6)]
    for i in range(0, len(words), 40):
        words[i] = "\n" + words[i]
    return " ".join(words)


def marked(snippet: str) -> list[str]:
    """The words between the match marks of a snippet."""
    return [part.split(MARK_END, 1)[0] for part in snippet.split(MARK_START)[1:]]


# -- large entries: a search returns, with the match marked ---------------------------------

PLACES: dict[str, Callable[[str], str]] = {
    "start": lambda body: "zebracorn " + body,
    "middle": lambda body: body[: len(body) // 2] + " zebracorn " + body[len(body) // 2 :],
    "end": lambda body: body + " zebracorn",
}


@pytest.mark.parametrize("size", [1 * MB, 8 * MB])
@pytest.mark.parametrize("place", list(PLACES))
def test_a_rare_word_anywhere_in_a_huge_entry_is_found_and_marked(
    store: JournalStore, size: int, place: str
) -> None:
    big = store.add(new(PLACES[place](prose(size)), title="huge"))
    store.add(new("a short entry about zebracorn sightings", day="2026-06-02"))
    hits = store.search(parse_query("zebracorn"))
    assert [h.entry.id for h in hits][-1] == big.id and len(hits) == 2
    snippet = hits[-1].snippet
    assert marked(snippet) == ["zebracorn"]
    assert len(snippet) < 1000
    if place != "start":
        assert snippet.startswith("…")
    if place != "end":
        assert snippet.endswith("…")


@pytest.mark.parametrize("size", [1 * MB, 2 * MB, 4 * MB, 8 * MB])
def test_a_word_on_every_line_of_a_huge_entry(store: JournalStore, size: int) -> None:
    """The worst case for snippet(): every token matches (quadratic in the whole body)."""
    big = store.add(new("team " * (size // 5), title="dense"))
    hits = store.search(parse_query("team"))
    assert [h.entry.id for h in hits] == [big.id]
    assert set(marked(hits[0].snippet)) == {"team"}
    assert len(hits[0].snippet) < 1000


def test_common_words_phrases_and_prefixes_in_a_huge_entry(store: JournalStore) -> None:
    body = prose(3 * MB, seed=7) + " the quarterly deployment review"
    big = store.add(new(body))
    for text, expected in [
        ("gamma", {"gamma"}),
        ("gamma delta", {"gamma", "delta"}),
        ('"quarterly deployment"', {"quarterly", "deployment"}),
        ("deploy*", {"deployment"}),
        ("quarterl* review", {"quarterly", "review"}),
    ]:
        hits = store.search(parse_query(text))
        assert [h.entry.id for h in hits] == [big.id], text
        words = {word for phrase in marked(hits[0].snippet) for word in phrase.split()}
        assert words and words <= expected, (text, hits[0].snippet)


def test_a_huge_entry_matched_by_its_title_shows_its_first_words(store: JournalStore) -> None:
    big = store.add(new(prose(4 * MB, seed=3), title="quokka notes"))
    hits = store.search(parse_query("quokka"))
    assert [h.entry.id for h in hits] == [big.id]
    assert MARK_START not in hits[0].snippet
    assert hits[0].snippet.endswith("…") and len(hits[0].snippet) <= 160
    assert hits[0].snippet.split()[:3] == big.body.split()[:3]


def test_by_relevance_too(store: JournalStore) -> None:
    big = store.add(new(prose(2 * MB) + " zebracorn"))
    hits = store.search(parse_query("zebracorn"), order="relevance")
    assert [h.entry.id for h in hits] == [big.id]
    assert marked(hits[0].snippet) == ["zebracorn"]


def test_many_long_entries_in_one_page_of_hits(store: JournalStore) -> None:
    ids = {
        store.add(new(prose(64 * 1024, seed=i) + f" zebracorn{i}", day=f"2026-06-{i + 1:02d}")).id
        for i in range(20)
    }
    hits = store.search(parse_query("zebracorn*"), limit=50)
    assert {h.entry.id for h in hits} == ids
    for hit in hits:
        assert marked(hit.snippet)[0].startswith("zebracorn"), hit.snippet


def test_short_entries_keep_fts5s_own_snippet(store: JournalStore) -> None:
    """Below the limit nothing changes: the snippet is snippet() on the entry's row."""
    body = prose(DIRECT_SNIPPET_CHARS - 100, seed=5)
    entry = store.add(new(body))
    hits = store.search(parse_query("review"))
    raw = store._query(
        "SELECT snippet(entries_fts, 1, ?, ?, '…', 24) FROM entries_fts WHERE rowid = ? "
        "AND entries_fts MATCH ?",
        (MARK_START, MARK_END, entry.id, '"review"'),
    )
    assert hits[0].snippet == raw[0][0]


# -- the pieces ---------------------------------------------------------------------------


def test_the_tokenizer_is_the_search_indexs(store: JournalStore) -> None:
    rows = store._query("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'", ())
    assert f"tokenize='{FTS_TOKENIZE}'" in rows[0][0]


@given(st.text(max_size=200))
def test_match_phrases_finds_every_literal_of_a_parsed_query(text: str) -> None:
    query = parse_query(text)
    for expression, joiner in ((query.match, " AND "), (query.exclude, " OR ")):
        if expression is None:
            continue
        assert joiner.join(match_phrases(expression)) == expression


@given(
    st.text(alphabet=st.sampled_from("ab \n"), max_size=5000),
    st.integers(min_value=8, max_value=600),
    st.integers(min_value=0, max_value=300),
)
def test_spans_cover_the_text_in_overlapping_stretches(text: str, size: int, overlap: int) -> None:
    cuts = list(spans(text, size, overlap))
    if not text:
        assert cuts == []
        return
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    for (s1, e1), (s2, _e2) in itertools.pairwise(cuts):
        assert s1 < s2 <= e1  # each stretch starts inside the one before: nothing skipped
    assert all(0 < e - s <= size for s, e in cuts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from([*WORDS, "Zébra", "zebra-corn", "naïve"]), min_size=1, max_size=4000),
    st.sampled_from(["zebra", "naive", "corn", "zeb*", '"zebra corn"']),
)
def test_a_long_body_snippet_marks_a_match_whenever_the_body_matches(
    words: list[str], text: str
) -> None:
    """Against SQLite's own answer: if FTS5 finds the query in the body, so is it marked."""
    import sqlite3

    body = " ".join(words)
    match = parse_query(text).match
    assert match is not None
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize='{FTS_TOKENIZE}')")
    con.execute("INSERT INTO t(body) VALUES (?)", (body,))
    matches = con.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()[0]
    con.close()
    snippet = long_body_snippet(match, body)
    if matches:
        assert snippet is not None and MARK_START in snippet
        assert len(snippet) <= 2 * SNIPPET_CHUNK
    else:
        assert snippet is None


# -- stopping a running query -------------------------------------------------------------

ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM n WHERE i < 0"
)


def test_a_running_query_stops_when_its_token_is_cancelled(store: JournalStore) -> None:
    token = cancel.CancelToken()
    outcome: list[BaseException | object] = []
    started = threading.Event()

    def run() -> None:
        with cancel.cancellable(token):
            started.set()
            try:
                outcome.append(store._query(ENDLESS, ()))
            except BaseException as exc:
                outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait()
    token.cancel()
    thread.join(60)  # a liveness bound, not a speed test: the query never ends by itself
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], cancel.Cancelled)
    # The store is still usable, and other threads' queries are not stopped.
    assert store.count() == 0


def test_a_cancelled_token_stops_a_long_snippet_too() -> None:
    token = cancel.CancelToken()
    token.cancel()
    with cancel.cancellable(token), pytest.raises(cancel.Cancelled):
        long_body_snippet('"zebracorn"', prose(MB))
    assert long_body_snippet('"zebracorn"', prose(MB) + " zebracorn") is not None
