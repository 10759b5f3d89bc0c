"""Daybook's lossless JSON: the documented fields, round trips through a journal, errors."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.entry import Entry, NewEntry
from journal.errors import ImportFormatError
from journal.importers.daybook_json import iter_daybook_json, to_daybook_json
from journal.paths import AppPaths
from journal.services.export import ExportOptions, build_export
from journal.services.journal import Journal

if TYPE_CHECKING:
    from collections.abc import Iterator

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
MAKE_JOURNAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "make_journal.py"
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))


def parse(text: str) -> list[object]:
    return list(iter_daybook_json(text, "export.json"))


def snapshot(journal: Journal) -> list[Entry]:
    """Every entry outside the Trash, without the local ids (which a new journal renumbers)."""
    entries = journal.store.iter_all()
    return sorted((dataclasses.replace(e, id=0) for e in entries), key=lambda e: e.uid)


def export_json(journal: Journal, path: Path) -> Path:
    path.write_text(build_export(journal, ExportOptions(format="json")).text, encoding="utf-8")
    return path


def open_journal(folder: Path) -> Journal:
    return Journal.open(AppPaths.resolve(folder))


def test_fixture_fields_exactly() -> None:
    path = FIXTURES / "daybook_basic.json"
    first, late, bare = iter_daybook_json(path.read_text(encoding="utf-8"), str(path))
    assert first.uid == "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    assert first.day == dt.date(2026, 11, 20)
    assert first.created == dt.datetime(2026, 11, 20, 17, 42, 5, 120000, tzinfo=PLUS_ONE)
    assert first.updated == dt.datetime(2026, 11, 21, 9, 0, tzinfo=PLUS_ONE)
    assert first.title == "Shipped the cache"
    assert first.body.startswith("It works. #ci\n\n## What did I learn?")
    assert first.tags == ("perf", "ci") and not first.private and first.kind == "note"
    # The day is kept as written even though the local date of `created` is the 21st.
    assert late.day == dt.date(2026, 11, 20) and late.created.date() == dt.date(2026, 11, 21)
    assert late.private and late.kind == "prompt" and late.title == ""
    assert late.updated == late.created
    assert (bare.title, bare.body, bare.tags, bare.private, bare.kind) == (
        "",
        "",
        (),
        False,
        "note",
    )


def test_round_trip_of_a_journal_is_identical(journal: Journal, tmp_path: Path) -> None:
    journal.add("Deploy notes #ci", title="One", day=dt.date(2026, 1, 5), tags=["Work", "# #deep"])
    journal.add("Private salary talk", title="Two", day=dt.date(2026, 1, 6), private=True)
    journal.add(
        "Cache work\n```private\nhidden bit\n```",
        day=dt.date(2026, 1, 7),
        created=dt.datetime(2026, 1, 8, 0, 40, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        kind="prompt",
    )
    edited = journal.add("Draft", title="Four", day=dt.date(2026, 2, 1))
    journal.edit(edited.id, body="Final text #done")
    gone = journal.add("Thrown away", title="Five")
    journal.delete(gone.id)

    exported = export_json(journal, tmp_path / "out.json")
    other = open_journal(tmp_path / "other")
    try:
        report = other.import_file("json", exported)
        assert (report.found, report.added, report.skipped) == (4, 4, 0)
        assert snapshot(other) == snapshot(journal)
        assert "Thrown away" not in exported.read_text(encoding="utf-8")
        again = other.import_file("json", exported)
        assert (again.added, again.skipped) == (0, 4)
        assert len(snapshot(other)) == 4
    finally:
        other.close()


@pytest.mark.skipif(not MAKE_JOURNAL.is_file(), reason="shared/data/make_journal.py is absent")
def test_round_trip_of_the_20_year_journal(journal: Journal, tmp_path: Path) -> None:
    source = tmp_path / "twenty.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [sys.executable, str(MAKE_JOURNAL), "--years", "20", "--format", "jsonl"],
            stdout=fh,
            check=True,
        )
    journal.import_file("jsonl", source)
    start = time.monotonic()
    exported = export_json(journal, tmp_path / "twenty.json")
    other = open_journal(tmp_path / "other")
    try:
        report = other.import_file("json", exported)
        assert report.added == report.found == journal.store.count() > 5000
        assert snapshot(other) == snapshot(journal)
    finally:
        other.close()
    assert time.monotonic() - start < 30


# Text as people paste it: any characters (no lone surrogates, which UTF-8 cannot carry).
_TEXT = st.text(max_size=200)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=_TEXT,
    body=_TEXT,
    tags=st.lists(st.text(max_size=20), max_size=5),
    private=st.booleans(),
)
def test_arbitrary_text_and_tags_survive_export_and_import(
    pair: tuple[Journal, Journal], title: str, body: str, tags: list[str], private: bool
) -> None:
    source, target = pair
    entry = source.store.add(
        dataclasses.replace(_new(title, body, tuple(tags), private), uid=f"h-{time.monotonic_ns()}")
    )
    text = build_export(source, ExportOptions(format="json", ids=(entry.id,))).text
    json.loads(text)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        fh.write(text)
    try:
        target.import_file("json", Path(fh.name))
    finally:
        Path(fh.name).unlink()
    (copy,) = [e for e in target.store.iter_all() if e.uid == entry.uid]
    assert dataclasses.replace(copy, id=entry.id) == entry


def _new(title: str, body: str, tags: tuple[str, ...], private: bool) -> NewEntry:
    return NewEntry(day=dt.date(2025, 3, 4), body=body, title=title, tags=tags, private=private)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, Journal]]:
    folder = tmp_path_factory.mktemp("pair")
    source, target = open_journal(folder / "a"), open_journal(folder / "b")
    yield source, target
    source.close()
    target.close()


@given(st.text())
def test_normalising_a_tag_twice_changes_nothing(name: str) -> None:
    from journal.domain.tags import normalize_tag

    assert normalize_tag(normalize_tag(name)) == normalize_tag(name)


# -- malformed files -------------------------------------------------------------------------


def test_a_bad_entry_names_its_line_and_imports_nothing(journal: Journal) -> None:
    path = FIXTURES / "daybook_bad_entry.json"
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("json", path)
    assert caught.value.line == 6 and caught.value.path == str(path)
    assert "entry 2" in caught.value.problem and "UTC offset" in caught.value.problem
    assert journal.store.count() == 0


HEADER = '{"format": "daybook", "version": 1, "entries": [%s]}'
GOOD = '{"uid": "u", "day": "2024-05-17", "created": "2024-05-17T09:00:00+02:00"}'


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not valid JSON"),
        ("[]", "expected a Daybook export"),
        ('{"format": "jrnl", "version": 1, "entries": []}', "not a Daybook export"),
        ('{"format": "daybook", "version": 3, "entries": []}', "newer Daybook"),
        ('{"format": "daybook", "version": "1", "entries": []}', "'version'"),
        ('{"format": "daybook", "version": 1}', "'entries' must be a list"),
        (HEADER % "3", "expected an object"),
        (HEADER % GOOD.replace('"u"', '""'), "'uid'"),
        (HEADER % GOOD.replace('2024-05-17"', '2024-13-17"'), "invalid day"),
        (HEADER % GOOD.replace("+02:00", ""), "UTC offset"),
        (HEADER % GOOD.replace("2024-05-17T", "0001-01-01T").replace("+02", "+05"), "range"),
        (HEADER % GOOD.replace('"u",', '"u", "tags": "x",'), "'tags'"),
        (HEADER % GOOD.replace('"u",', '"u", "private": 1,'), "'private'"),
        (HEADER % GOOD.replace('"u",', '"u", "kind": "Big Kind",'), "'kind'"),
        (HEADER % GOOD.replace('"u",', '"u", "body": 5,'), "'body'"),
        ("[" * 100000, "expected a Daybook export"),
        ("{" * 100000, "not valid JSON"),
    ],
)
def test_clear_errors(text: str, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse(text)
    assert words in caught.value.problem


def _sample_export() -> str:
    moment = dt.datetime(2024, 5, 17, 9, 30, tzinfo=PLUS_ONE)
    entries = [
        Entry(
            i, f"uid-{i}", moment.date(), moment, moment, f"T{i}", f"body {i}\n#x", ("x",), i == 2
        )
        for i in range(1, 4)
    ]
    return to_daybook_json(entries, moment)


SAMPLE = _sample_export()


def test_the_sample_reads_back() -> None:
    assert len(parse(SAMPLE)) == 3


@given(st.integers(min_value=0, max_value=len(SAMPLE.rstrip()) - 1))
def test_truncated_exports_give_a_clear_error(cut: int) -> None:
    with pytest.raises(ImportFormatError):
        parse(SAMPLE[:cut])


@settings(max_examples=300)
@given(st.data())
def test_fuzzed_exports_never_crash(data: st.DataObject) -> None:
    text = SAMPLE
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text) - 1))
        piece = data.draw(
            st.text(max_size=3) | st.sampled_from(['"', "{", "]", ",", "null", "1e999"])
        )
        text = text[:at] + piece + text[at + data.draw(st.integers(0, 3)) :]
    with contextlib.suppress(ImportFormatError):
        parse(text)
