"""Ranked search (`order="relevance"`) against a brute-force reference: on random small
journals, the results are the best-scoring matches by FTS5's BM25 as written out here in
Python (title x5, body x1, tags x2; k1 = 1.2, b = 0.75; the index's row count and average
length; an IDF of 1e-6 for a phrase in half the rows or more), best first, ties by id,
whatever the filters, the limit and whether the ranking is split between two threads."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.entry import Entry, NewEntry
from journal.domain.filters import EntryFilter
from journal.domain.query import parse_query
from journal.paths import AppPaths
from journal.storage import search as search_module
from journal.storage.store import JournalStore

WORDS = ("deploy", "design", "delta", "cache", "review", "document", "flaky", "test")
TAGS = ("ci", "docs", "deploy", "review")
WEIGHTS = (5.0, 1.0, 2.0)  # title, body, tag_list: the store's bm25() arguments
K1, B = 1.2, 0.75  # FTS5's bm25 constants
# Scores closer than this are treated as a tie the reference cannot order (C and Python may
# round the last bits differently); anything further apart must be in the reference's order.
CLOSE = 1e-12


@dataclass(frozen=True)
class Phrase:
    """One phrase of the query: its tokens, the last one maybe a prefix."""

    tokens: tuple[str, ...]
    prefix: bool  # the last token is a prefix (`de*`)

    @property
    def text(self) -> str:
        if len(self.tokens) > 1:
            return '"' + " ".join(self.tokens) + '"'
        return self.tokens[0] + ("*" if self.prefix else "")

    def hits(self, column: list[str]) -> int:
        """Instances of the phrase in a column's tokens (FTS5 counts each start)."""
        n = len(self.tokens)
        found = 0
        for i in range(len(column) - n + 1):
            head, last = column[i : i + n - 1], column[i + n - 1]
            wanted_last = self.tokens[-1]
            last_ok = last.startswith(wanted_last) if self.prefix else last == wanted_last
            if list(head) == list(self.tokens[:-1]) and last_ok:
                found += 1
        return found


def tokens(text: str) -> list[str]:
    """unicode61 on ASCII text: runs of letters and digits, folded to lower case."""
    return re.findall(r"[a-z0-9]+", text.lower())


def columns(entry: Entry) -> list[list[str]]:
    return [tokens(entry.title), tokens(entry.body), tokens(" ".join(entry.tags))]


def reference_scores(everything: list[Entry], phrases: list[Phrase]) -> dict[int, float]:
    """Each entry's BM25 score (higher is better) for the AND of `phrases`, computed the
    way FTS5's bm25() does, over the whole index (every entry, trashed and private too)."""
    cols = {e.id: columns(e) for e in everything}
    rows = len(everything)
    avgdl = sum(len(c) for cs in cols.values() for c in cs) / rows
    idf = []
    for phrase in phrases:
        hit = sum(1 for cs in cols.values() if any(phrase.hits(c) for c in cs))
        value = math.log((rows - hit + 0.5) / (hit + 0.5))
        idf.append(1e-6 if value <= 0.0 else value)
    scores: dict[int, float] = {}
    for entry_id, cs in cols.items():
        freq = [sum(w * p.hits(c) for w, c in zip(WEIGHTS, cs, strict=True)) for p in phrases]
        if not all(freq):
            continue  # not a match: every phrase must be there
        size = sum(len(c) for c in cs)
        scores[entry_id] = sum(
            i * (f * (K1 + 1)) / (f + K1 * (1 - B + B * size / avgdl))
            for i, f in zip(idf, freq, strict=True)
        )
    return scores


@pytest.fixture(scope="module")
def empty_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty journal at the current schema, copied for each example (no upgrade then)."""
    home = tmp_path_factory.mktemp("empty")
    JournalStore.open(AppPaths(home)).close()
    return home / "journal.sqlite3"


words = st.lists(st.sampled_from(WORDS + tuple(w.title() for w in WORDS)), min_size=1, max_size=9)
new_entries = st.lists(
    st.tuples(
        st.lists(st.sampled_from(WORDS), max_size=3),  # title
        words,  # body
        st.lists(st.sampled_from(TAGS), max_size=2, unique=True),
        st.booleans(),  # private
        st.booleans(),  # in the Trash
    ),
    min_size=1,
    max_size=24,
)
phrase = st.one_of(
    st.builds(lambda w: Phrase((w,), False), st.sampled_from(WORDS)),
    st.builds(lambda w: Phrase((w[:2],), True), st.sampled_from(WORDS)),
    st.builds(lambda a, b: Phrase((a, b), False), st.sampled_from(WORDS), st.sampled_from(WORDS)),
)
queries = st.lists(phrase, min_size=1, max_size=3, unique_by=lambda p: p.text)


@given(
    new_entries,
    queries,
    st.one_of(st.none(), st.sampled_from(WORDS)),  # an excluded word
    st.one_of(st.none(), st.integers(1, 12)),  # limit
    st.booleans(),  # the Trash
    st.booleans(),  # include private
    st.booleans(),  # split between two threads
)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_ranked_search_gives_the_reference_ranking(
    empty_journal: Path,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[list[str], list[str], list[str], bool, bool]],
    phrases: list[Phrase],
    excluded: str | None,
    limit: int | None,
    trash: bool,
    include_private: bool,
    split: bool,
) -> None:
    monkeypatch.setattr(search_module, "SPLIT_RANKING_FROM", 1 if split else 10**9)
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(empty_journal, Path(folder) / "journal.sqlite3")
        with JournalStore.open(AppPaths(Path(folder))) as store:
            day = dt.date(2025, 3, 1)
            added = store.add_many(
                NewEntry(
                    day=day + dt.timedelta(days=i),
                    title=" ".join(title),
                    body=", ".join(body),
                    tags=tuple(tags),
                    private=private,
                )
                for i, (title, body, tags, private, _gone) in enumerate(rows)
            )
            assert added.added == len(rows)
            for entry, row in zip(store.iter_all(), rows, strict=True):  # oldest first
                if row[4]:
                    store.delete(entry.id)
            everything = store.list_entries(EntryFilter(), limit=None)
            everything += store.list_entries(EntryFilter(trash=True), limit=None)
            text = " ".join(p.text for p in phrases) + (f" -{excluded}" if excluded else "")
            filters = EntryFilter(trash=trash, include_private=include_private)
            hits = store.search(parse_query(text), filters, limit=limit, order="relevance")
    got = [h.entry.id for h in hits]

    scores = reference_scores(everything, phrases)
    wanted = {
        e.id
        for e in everything
        if e.id in scores
        and (e.deleted is not None) == trash
        and (include_private or not e.private)
        and not (excluded and any(excluded in c for c in columns(e)))
    }
    best = sorted(wanted, key=lambda i: (-scores[i], i))
    assert len(got) == len(best[:limit]), (got, best)
    assert set(got) <= wanted, (got, best)
    for before, after in itertools.pairwise(got):  # best first, ties by id
        if abs(scores[before] - scores[after]) > CLOSE:
            assert scores[before] > scores[after], (got, best)
        elif scores[before] == scores[after]:
            assert before < after, (got, best)
    if got:  # nothing left out scores better than the last one shown
        floor = scores[got[-1]]
        assert all(scores[i] <= floor + CLOSE for i in wanted - set(got)), (got, best)
