"""The journal store against a real SQLite file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.domain.entry import MARK_END, MARK_START, Entry, NewEntry
from journal.domain.filters import EntryFilter, Order, cursor_of, from_utc, to_utc
from journal.domain.query import parse_query
from journal.errors import NotFoundError, StorageError
from journal.storage.store import JournalStore
from tests.helpers import read_only

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from journal.paths import AppPaths

BERLIN_SUMMER = dt.timezone(dt.timedelta(hours=2))


def entry(
    day: str,
    body: str,
    *,
    title: str = "",
    tags: tuple[str, ...] = (),
    private: bool = False,
    uid: str | None = None,
    kind: str = "note",
    created: dt.datetime | None = None,
) -> NewEntry:
    """A new entry on `day`, written at 17:30 in Berlin's summer time unless `created`."""
    d = dt.date.fromisoformat(day)
    created = created or dt.datetime(d.year, d.month, d.day, 17, 30, tzinfo=BERLIN_SUMMER)
    return NewEntry(d, body, title, tags, private, created, uid, kind)


def test_add_and_get_round_trip(store: JournalStore) -> None:
    stored = store.add(
        entry("2026-06-01", "Fixed the flaky test.", title="Small win", tags=("CI",), private=True)
    )
    again = store.get(stored.id)
    assert again == stored
    assert again.day == dt.date(2026, 6, 1)
    assert again.title == "Small win" and again.private
    assert again.created == dt.datetime(2026, 6, 1, 17, 30, tzinfo=BERLIN_SUMMER)
    assert again.created.utcoffset() == dt.timedelta(hours=2)
    assert again.tags == ("CI",)


def test_times_keep_utc_and_offset() -> None:
    moment = dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    utc, offset = to_utc(moment)
    assert utc == dt.datetime(2026, 3, 29, 6, 30) and offset == -300
    assert from_utc(utc, offset) == moment


def test_hashtags_in_body_become_tags_case_insensitively(store: JournalStore) -> None:
    a = store.add(entry("2026-06-01", "Read about #Python and #testing", tags=("python",)))
    assert a.tags == ("python", "testing")
    b = store.add(entry("2026-06-02", "More #PYTHON, see http://x.org/#anchor and `#code`"))
    assert b.tags == ("PYTHON",)
    counts = dict(store.tag_counts())
    assert counts == {"python": 2, "testing": 1}
    # A tag filter matches whatever the case.
    assert {e.id for e in store.list_entries(EntryFilter(tags=("Python",)))} == {a.id, b.id}


def test_update_rereads_hashtags_and_keeps_explicit_tags(store: JournalStore) -> None:
    e = store.add(entry("2026-06-01", "about #alpha", tags=("kept",)))
    changed = store.update(e.id, body="now about #beta", title="New")
    assert changed.tags == ("kept", "beta")
    assert changed.title == "New" and changed.updated >= e.updated
    assert dict(store.tag_counts()) == {"kept": 1, "beta": 1}


def test_unknown_id_is_a_clear_error(store: JournalStore) -> None:
    with pytest.raises(NotFoundError, match="no entry with id 42"):
        store.get(42)


def test_trash_restore_and_purge(store: JournalStore, paths: AppPaths) -> None:
    secret = "zanzibarsecretword"
    e = store.add(entry("2026-06-01", f"the {secret} here #gone"))
    store.delete(e.id)
    assert store.list_entries() == []
    assert [x.id for x in store.list_entries(EntryFilter(trash=True))] == [e.id]
    with pytest.raises(NotFoundError):
        store.get(e.id)
    store.restore(e.id)
    assert store.get(e.id).body.startswith("the")
    store.delete(e.id)
    assert store.empty_trash() == 1
    with pytest.raises(NotFoundError):
        store.get(e.id, include_deleted=True)
    assert store.tag_counts() == []
    store.close()
    for f in paths.home.glob("journal.sqlite3*"):
        assert secret.encode() not in f.read_bytes(), f


def test_list_is_newest_first_with_keyset_paging(store: JournalStore) -> None:
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(25)]
    for d in reversed(days):  # inserted out of order on purpose
        store.add(entry(d.isoformat(), f"day {d}"))
    page1 = store.list_entries(limit=10)
    page2 = store.list_entries(limit=10, after=cursor_of(page1[-1]))
    page3 = store.list_entries(limit=10, after=cursor_of(page2[-1]))
    got = [e.day for e in page1 + page2 + page3]
    assert got == sorted(days, reverse=True)
    ranged = store.list_entries(EntryFilter(date_from=days[3], date_to=days[5]), limit=None)
    assert [e.day for e in ranged] == [days[5], days[4], days[3]]
    assert [e.day for e in store.iter_all(page=7)] == days
    assert store.count() == 25


def test_the_trash_pages_newest_first_too(store: JournalStore) -> None:
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(9)]
    kept = store.add(entry("2026-02-01", "not deleted"))
    for d in reversed(days):
        store.delete(store.add(entry(d.isoformat(), f"day {d}")).id)
    trash = EntryFilter(trash=True)
    page1 = store.list_entries(trash, limit=4)
    page2 = store.list_entries(trash, limit=4, after=cursor_of(page1[-1]))
    page3 = store.list_entries(trash, limit=4, after=cursor_of(page2[-1]))
    assert [e.day for e in page1 + page2 + page3] == sorted(days, reverse=True)
    assert kept.id not in {e.id for e in page1 + page2 + page3}
    oldest = store.list_entries(trash, limit=3, oldest_first=True)
    assert [e.day for e in oldest] == days[:3]


def test_search_words_phrases_prefix_exclusion_and_snippets(store: JournalStore) -> None:
    a = store.add(
        entry("2026-05-01", "The deploy pipeline broke on the cache layer", tags=("ops",))
    )
    b = store.add(entry("2026-05-02", "Pipeline review with the team; deployment went fine"))
    c = store.add(entry("2026-05-03", "Café meeting about caching strategy", private=True))

    def ids(q: str, filters: EntryFilter = EntryFilter(), order: Order = "newest") -> list[int]:
        return [h.entry.id for h in store.search(parse_query(q), filters, order=order)]

    assert ids("pipeline") == [b.id, a.id]  # newest first
    assert ids('"deploy pipeline"') == [a.id]
    assert ids("deploy*") == [b.id, a.id]
    assert ids("pipeline -review") == [a.id]
    assert ids("cafe") == [c.id]  # accents ignored
    assert ids("tag:ops") == [a.id]
    assert ids("cach* from:2026-05-02") == [c.id]
    assert ids("cach*", filters=EntryFilter(include_private=False)) == [a.id]
    hit = store.search(parse_query("cache"))[0]
    assert f"{MARK_START}cache{MARK_END}" in hit.snippet
    assert store.count_search(parse_query("pipeline")) == 2
    assert ids("pipeline", order="relevance")[0] in (a.id, b.id)


@pytest.mark.parametrize(
    "text", ['"', "*", "AND", "NOT x", "a OR", "(", "title:x", "^x", "-", "NEAR(a b)", "\x00"]
)
def test_hostile_queries_never_raise(store: JournalStore, text: str) -> None:
    store.add(entry("2026-05-01", "NOT and OR words NEAR title"))
    store.search(parse_query(text))  # must simply not raise


def test_files_are_private(store: JournalStore, paths: AppPaths) -> None:
    store.add(entry("2026-05-01", "x"))
    assert stat.S_IMODE(paths.home.stat().st_mode) == 0o700
    for f in paths.home.glob("journal.sqlite3*"):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_pragmas(store: JournalStore) -> None:
    with store._engine.connect() as conn:

        def q(sql: str) -> object:
            return conn.execute(sql).fetchone()[0]

        assert q("PRAGMA journal_mode") == "wal"
        assert q("PRAGMA synchronous") == 2  # FULL
        assert q("PRAGMA foreign_keys") == 1
        assert q("PRAGMA busy_timeout") == 5000


def test_garbage_file_is_refused_and_left_untouched(paths: AppPaths) -> None:
    paths.home.mkdir(parents=True)
    garbage = os.urandom(5000)
    paths.database.write_bytes(garbage)
    with pytest.raises(StorageError, match="damaged or is not a Daybook database"):
        JournalStore.open(paths)
    assert paths.database.read_bytes() == garbage
    assert not Path(f"{paths.database}-wal").exists()


def test_truncated_file_is_refused_and_left_untouched(paths: AppPaths) -> None:
    with JournalStore.open(paths) as s:
        for i in range(300):
            s.add(entry("2026-05-01", f"entry {i} " * 50))
    data = paths.database.read_bytes()
    cut = data[: len(data) // 3]
    paths.database.write_bytes(cut)
    with pytest.raises(StorageError, match="damaged"), JournalStore.open(paths) as s:
        s.list_entries(limit=None)
        if s.check():
            raise StorageError("damaged (check)")
    assert paths.database.read_bytes() == cut


def test_foreign_sqlite_database_is_refused(paths: AppPaths) -> None:
    paths.home.mkdir(parents=True)
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not a Daybook journal"):
        JournalStore.open(paths)


def test_read_only_folder_never_makes_a_new_journal(paths: AppPaths) -> None:
    paths.home.mkdir(parents=True)
    with read_only(paths.home), pytest.raises(StorageError, match="read-only"):
        JournalStore.open(paths)
    assert not paths.database.exists()


def test_read_only_folder_with_a_journal_is_a_clear_error(paths: AppPaths) -> None:
    with JournalStore.open(paths) as s:
        s.add(entry("2026-05-01", "kept safe"))
    before = paths.database.read_bytes()
    with (
        read_only(paths.home),
        pytest.raises(StorageError, match="read-only"),
        JournalStore.open(paths) as s,
    ):
        s.add(entry("2026-05-02", "cannot land"))
    assert paths.database.read_bytes() == before
    with JournalStore.open(paths) as s:
        assert [e.body for e in s.list_entries()] == ["kept safe"]


def test_locked_database_gives_a_clear_error(paths: AppPaths) -> None:
    with JournalStore.open(paths):
        pass
    locker = sqlite3.connect(paths.database, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        s = JournalStore.open(paths, busy_timeout_ms=100)
        with pytest.raises(StorageError, match="locked by another program"):
            s.add(entry("2026-05-01", "x"))
        s.close()
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_dry_run_and_idempotent_import(store: JournalStore) -> None:
    items = [entry(f"2026-05-0{i}", f"body {i} #t{i % 2}", uid=f"u{i}") for i in range(1, 6)]
    dry = store.add_many(items, dry_run=True)
    assert (dry.found, dry.added) == (5, 5) and store.count() == 0
    first = store.add_many(items)
    assert (first.added, first.skipped) == (5, 0)
    assert first.first_day == dt.date(2026, 5, 1) and first.last_day == dt.date(2026, 5, 5)
    second = store.add_many(items)
    assert (second.added, second.skipped) == (0, 5)
    assert store.count() == 5


def test_failed_import_stores_nothing(store: JournalStore) -> None:
    def broken() -> Iterator[NewEntry]:
        yield entry("2026-05-01", "fine", uid="ok1")
        raise ValueError("line 2 is bad")

    with pytest.raises(ValueError, match="line 2 is bad"):
        store.add_many(broken())
    assert store.count() == 0


def test_entry_days_and_prompt_titles(store: JournalStore) -> None:
    store.add(entry("2026-05-01", "a"))
    store.add(entry("2026-05-01", "b"))
    store.add(entry("2026-05-03", "## What did I work on?\n\nThe importer", kind="prompt"))
    assert store.entry_days() == {dt.date(2026, 5, 1), dt.date(2026, 5, 3)}
    assert store.entry_days(EntryFilter(kind="prompt")) == {dt.date(2026, 5, 3)}
    [prompt] = store.list_entries(EntryFilter(kind="prompt"))
    assert prompt.display_title == "The importer"


def test_every_search_plan_gives_the_same_answers(
    store: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Join-and-sort, timeline walk and the bounded search agree, also when ids do not
    follow dates (entries written out of order), and match a plain Python filter."""
    import random

    import journal.storage.search as search_module

    rng = random.Random(7)
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=d) for d in range(60)]
    rng.shuffle(days)
    bodies: dict[int, tuple[dt.date, str, bool]] = {}
    for i, day in enumerate(days * 2):
        words = "common " + ("rare " if i % 9 == 0 else "") + ("skip " if i % 5 == 0 else "")
        tagged = i % 2 == 0
        e = store.add(entry(day.isoformat(), words + f"n{i}", tags=("even",) if tagged else ()))
        bodies[e.id] = (day, words, tagged)
    queries = ["common", "rare", "common -skip", "common tag:even", "comm* from:2026-01-20"]

    def answers() -> list[list[int]]:
        return [[h.entry.id for h in store.search(parse_query(q), limit=7)] for q in queries]

    results = []
    for factor in (0, 4):
        for common in (10**9, 3):
            monkeypatch.setattr(search_module, "CANDIDATE_FACTOR", factor)
            monkeypatch.setattr(search_module, "COMMON_MATCHES", common)
            results.append(answers())
    assert all(r == results[0] for r in results)

    def expected(keep: Callable[[dt.date, str, bool], bool]) -> list[int]:
        ids = [i for i, (day, words, tagged) in bodies.items() if keep(day, words, tagged)]
        newest = sorted(ids, key=lambda i: (bodies[i][0], store.get(i).created, i), reverse=True)
        return newest[:7]

    assert results[0][0] == expected(lambda _d, _w, _t: True)
    assert results[0][2] == expected(lambda _d, w, _t: "skip" not in w)
    assert results[0][3] == expected(lambda _d, _w, t: t)
    assert results[0][4] == expected(lambda d, _w, _t: d >= dt.date(2026, 1, 20))


def test_relevance_and_counts_filter_like_the_timeline(store: JournalStore) -> None:
    """Ranked search and counts test the Trash and private flags through their indexes
    (not the rows); they must still match a plain Python filter, joins or not."""
    facts: dict[int, tuple[dt.date, bool, bool, str, bool]] = {}
    for i in range(40):
        day = dt.date(2026, 3, 1) + dt.timedelta(days=i % 20)
        private, tagged, kind = i % 3 == 0, i % 4 == 0, "prompt" if i % 5 == 0 else "note"
        words = "deploy pipeline" + (" cache" if i % 6 == 0 else "")
        e = store.add(
            entry(day.isoformat(), f"{words} n{i}", private=private, kind=kind,
                  tags=("ops",) if tagged else ())
        )  # fmt: skip
        deleted = i % 7 == 0
        if deleted:
            store.delete(e.id)
        facts[e.id] = (day, private, tagged, words, deleted)

    def check(text: str, keep: Callable[[int], bool], f: EntryFilter = EntryFilter()) -> None:
        want = {i for i in facts if keep(i) and facts[i][4] == f.trash}
        hits = store.search(parse_query(text), f, limit=None, order="relevance")
        assert {h.entry.id for h in hits} == want, (text, f)
        assert store.count_search(parse_query(text), f) == len(want), (text, f)

    check("deploy", lambda _i: True)
    check("deploy", lambda i: not facts[i][1], EntryFilter(include_private=False))
    check("deploy", lambda _i: True, EntryFilter(trash=True))
    check("deploy tag:ops", lambda i: facts[i][2])
    check("deploy -cache", lambda i: "cache" not in facts[i][3])
    check("deploy -tag:ops", lambda i: not facts[i][2])
    check(
        "deploy -tag:ops",
        lambda i: not facts[i][2] and not facts[i][1],
        EntryFilter(include_private=False),
    )
    check("deploy from:2026-03-10", lambda i: facts[i][0] >= dt.date(2026, 3, 10))
    check(
        "pipeline",
        lambda i: store.get(i, include_deleted=True).kind == "prompt",
        EntryFilter(kind="prompt"),
    )


def test_import_counts_a_repeated_uid_within_one_file_once(
    store: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journal.storage.writes as writes_module

    monkeypatch.setattr(writes_module, "IMPORT_CHUNK", 3)  # duplicates across and within chunks
    items = [entry("2026-05-01", f"body {i % 4} #t{i % 2}", uid=f"u{i % 4}") for i in range(10)]
    report = store.add_many(items)
    assert (report.found, report.added, report.skipped) == (10, 4, 6)
    assert store.count() == 4
    assert dict(store.tag_counts()) == {"t0": 2, "t1": 2}


def test_counts_leave_out_trash_and_optionally_private(store: JournalStore) -> None:
    store.add(entry("2026-05-01", "a #x #y"))
    hidden = store.add(entry("2026-05-02", "b #x", private=True))
    trashed = store.add(entry("2026-05-03", "c #x #z"))
    store.delete(trashed.id)
    assert dict(store.tag_counts()) == {"x": 2, "y": 1}
    assert dict(store.tag_counts(include_private=False)) == {"x": 1, "y": 1}
    assert store.count() == 2
    assert store.count(EntryFilter(include_private=False)) == 1
    assert store.count(EntryFilter(trash=True)) == 1
    store.delete(hidden.id)
    assert store.count() == 1 and dict(store.tag_counts()) == {"x": 1, "y": 1}


@pytest.mark.parametrize(
    ("first_line", "label"),
    [
        ("Short line", "Short line"),
        ("# Heading as first line", "Heading as first line"),
        ("word " * 30, ("word " * 16).strip() + "…"),
        ("x" * 200, "x" * 80 + "…"),
        (
            "Paired on the cache invalidation bug, and learned that the TTL was per process, not "
            "global, which explains the stale reads",
            "Paired on the cache invalidation bug, and learned that the TTL was per process…",
        ),
    ],
)
def test_a_derived_title_is_one_line_cut_at_a_word(first_line: str, label: str) -> None:
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    entry = Entry(1, "u", moment.date(), moment, moment, "", first_line + "\nmore", (), False)
    assert entry.display_title == label
    assert len(entry.display_title) <= 81 and "\n" not in entry.display_title


def test_new_uids_are_random_version_4_uuids_in_hex() -> None:
    """`new_uid` stands in for `uuid.uuid4().hex` (issue 18: without importing uuid)."""
    import uuid

    from journal.storage.sql import new_uid

    seen = {new_uid() for _ in range(2000)}
    assert len(seen) == 2000
    for uid in seen:
        parsed = uuid.UUID(hex=uid)
        assert (parsed.version, parsed.variant, parsed.hex) == (4, uuid.RFC_4122, uid)
