"""A ranked search on a big journal is split between two threads: same answers, in the same
order, as ranking all matches at once; and a stop request reaches both halves."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import cancel
from journal.domain.entry import NewEntry
from journal.domain.filters import EntryFilter
from journal.domain.query import parse_query
from journal.storage import search as search_module
from journal.storage.store import JournalStore

WORDS = "deploy cache review pipeline latency incident mentor design document flaky".split()  # noqa: SIM905


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> JournalStore:
    from journal.paths import AppPaths

    paths = AppPaths(tmp_path_factory.mktemp("ranked"))
    store = JournalStore.open(paths)
    rng = random.Random(7)
    entries = []
    for i in range(600):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 60)))
        tags = tuple(rng.sample(["ci", "docs", "people"], rng.randint(0, 2)))
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i // 2)
        entries.append(NewEntry(day=day, title=rng.choice(WORDS), body=body, tags=tags))
    store.add_many(iter(entries))
    for entry_id in range(5, 600, 37):  # some in the Trash
        store.delete(entry_id)
    return store


def ranked(
    store: JournalStore, text: str, limit: int | None, split: bool, trash: bool = False
) -> list[int]:
    saved = search_module.SPLIT_RANKING_FROM
    search_module.SPLIT_RANKING_FROM = 1 if split else 10**9
    try:
        hits = store.search(
            parse_query(text), EntryFilter(trash=trash), limit=limit, order="relevance"
        )
    finally:
        search_module.SPLIT_RANKING_FROM = saved
    return [h.entry.id for h in hits]


QUERIES = st.sampled_from([
    "deploy", "cache review", "de*", '"design document"', "deploy -cache", "tag:ci flaky",
    "mentor -tag:docs", "latency from:2024-03 to:2024-06", "incident*", "nothingmatches",
])  # fmt: skip


@given(QUERIES, st.sampled_from([1, 7, 50, 600]), st.booleans())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_split_ranking_gives_the_same_answers_in_the_same_order(
    journal: JournalStore, text: str, limit: int, trash: bool
) -> None:
    assert ranked(journal, text, limit, True, trash) == ranked(journal, text, limit, False, trash)


def test_the_split_really_runs_in_two_threads(
    journal: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: set[str] = set()
    real = JournalStore._query

    def noting(self: JournalStore, sql: str, params: tuple[object, ...]) -> list[object]:
        if "bm25" in sql:
            seen.add(threading.current_thread().name)
        return real(self, sql, params)

    monkeypatch.setattr(JournalStore, "_query", noting)
    assert ranked(journal, "deploy", 50, True)
    assert len(seen) == 2


def test_a_stop_request_reaches_the_second_half(
    journal: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = cancel.CancelToken()
    token.cancel()
    monkeypatch.setattr(search_module, "SPLIT_RANKING_FROM", 1)
    with cancel.cancellable(token), pytest.raises(cancel.Cancelled):
        journal.search(parse_query("deploy"), EntryFilter(), limit=50, order="relevance")
