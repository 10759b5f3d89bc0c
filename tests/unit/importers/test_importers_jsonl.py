"""The JSON-lines importer: the fields it reads, its defaults, and errors that name the line."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.entry import NewEntry, content_uid
from journal.errors import ImportFormatError
from journal.importers.jsonl import iter_jsonl

if TYPE_CHECKING:
    from collections.abc import Iterator

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def read(path: Path) -> list[NewEntry]:
    with path.open(encoding="utf-8") as lines:
        return list(iter_jsonl(lines, str(path)))


def parse(text: str) -> list[NewEntry]:
    return list(iter_jsonl(io.StringIO(text), "test.jsonl"))


def problem(line: str) -> ImportFormatError:
    """The error one bad line (after a good one and a blank one) raises; it must name line 3."""
    good = '{"date": "2024-05-13", "body": "fine"}\n\n'
    with pytest.raises(ImportFormatError) as caught:
        parse(good + line + "\n")
    assert caught.value.line == 3
    assert caught.value.path == "test.jsonl"
    return caught.value


def test_basic_fixture_entries_exactly() -> None:
    entries = read(FIXTURES / "basic.jsonl")

    assert len(entries) == 3
    shipped, no_time, no_title = entries
    assert shipped.day == dt.date(2024, 5, 13)
    assert shipped.created == dt.datetime(2024, 5, 13, 17, 5).astimezone()
    assert shipped.title == "Shipped"
    assert shipped.body == "Paired with @sam.\n\nLearned a lot. @learning"
    # The list is the record: normalised, deduplicated case-insensitively, body @words ignored.
    assert shipped.tags == ("learning", "Sam")
    assert not shipped.private
    assert (no_time.created.hour, no_time.created.minute) == (0, 0)
    assert no_time.private
    assert no_time.tags == ()
    assert no_title.title == ""
    assert no_title.body == "Only a body, no title."
    assert no_title.created == dt.datetime(2024, 5, 15, 8, 30, 15).astimezone()


def test_created_is_aware_in_the_local_zone() -> None:
    (entry,) = parse('{"date": "2024-01-15", "time": "09:00", "body": "x"}')

    assert entry.created.tzinfo is not None
    assert entry.created.utcoffset() == dt.datetime(2024, 1, 15, 9, 0).astimezone().utcoffset()


def test_uid_is_the_content_uid_and_stable_between_parses() -> None:
    once = read(FIXTURES / "basic.jsonl")
    again = read(FIXTURES / "basic.jsonl")

    assert [e.uid for e in once] == [e.uid for e in again]
    assert len({e.uid for e in once}) == 3
    assert once[0].uid == content_uid(once[0].created, "Shipped", once[0].body)


def test_uid_ignores_tags_and_privacy_but_not_the_time() -> None:
    base = {"date": "2024-05-13", "time": "17:05", "title": "T", "body": "B"}
    a, b, c = parse(
        "\n".join(
            json.dumps(obj)
            for obj in (
                base,
                {**base, "tags": ["x"], "private": True},
                {**base, "time": "17:06"},
            )
        )
    )

    assert a.uid == b.uid
    assert a.uid != c.uid


def test_bad_date_fixture_names_the_line() -> None:
    path = FIXTURES / "bad_date.jsonl"
    with pytest.raises(ImportFormatError) as caught:
        read(path)

    assert caught.value.line == 3
    assert caught.value.problem == "invalid date '2024-13-01', expected YYYY-MM-DD"
    assert str(path) in str(caught.value)


def test_entries_before_a_bad_line_are_yielded_first() -> None:
    entries = iter_jsonl(io.StringIO('{"date": "2024-05-13", "body": "ok"}\n{oops\n'))

    assert next(entries).body == "ok"
    with pytest.raises(ImportFormatError):
        next(entries)


def test_entries_are_yielded_before_the_input_is_read_to_the_end() -> None:
    def lines() -> Iterator[str]:
        yield '{"date": "2024-05-13", "body": "first"}\n'
        raise AssertionError("read past the first line before yielding its entry")

    assert next(iter_jsonl(lines())).body == "first"


def test_blank_lines_byte_order_mark_and_crlf() -> None:
    text = (
        '\ufeff{"date": "2024-05-13", "body": "a"}\r\n\r\n   \n{"date": "2024-05-14", "body": "b"}'
    )

    assert [e.body for e in parse(text)] == ["a", "b"]
    assert parse("") == []
    assert parse("\n \n\t\n") == []


def test_nulls_mean_the_defaults() -> None:
    (entry,) = parse(
        '{"date": "2024-05-13", "time": null, "title": null, "body": null, '
        '"tags": null, "private": null}'
    )

    assert (entry.title, entry.body, entry.tags, entry.private) == ("", "", (), False)
    assert entry.created == dt.datetime(2024, 5, 13, 0, 0).astimezone()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{oops", "not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("[1, 2]", "expected a JSON object {...}, found a list"),
        ('"text"', "expected a JSON object {...}, found a string"),
        ("{}", "missing 'date', expected YYYY-MM-DD"),
        ('{"date": null}', "missing 'date', expected YYYY-MM-DD"),
        ('{"date": 20240513}', "'date' must be a string YYYY-MM-DD, found a number"),
        ('{"date": "2024-13-01"}', "invalid date '2024-13-01', expected YYYY-MM-DD"),
        ('{"date": "2023-02-29"}', "invalid date '2023-02-29', expected YYYY-MM-DD"),
        ('{"date": "2024-5-13"}', "invalid date '2024-5-13', expected YYYY-MM-DD"),
        ('{"date": "20240513"}', "invalid date '20240513', expected YYYY-MM-DD"),
        ('{"date": "2024-05-13T10:00"}', "invalid date '2024-05-13T10:00', expected YYYY-MM-DD"),
        ('{"date": "2024-05-13", "time": "30:00"}', "invalid time '30:00', expected HH:MM"),
        ('{"date": "2024-05-13", "time": "9:00"}', "invalid time '9:00', expected HH:MM"),
        ('{"date": "2024-05-13", "time": 900}', "'time' must be a string HH:MM, found a number"),
        ('{"date": "2024-05-13", "title": 3}', "'title' must be a string, found a number"),
        ('{"date": "2024-05-13", "body": ["a"]}', "'body' must be a string, found a list"),
        (
            '{"date": "2024-05-13", "tags": "@a"}',
            "'tags' must be a list of strings, found a string",
        ),
        (
            '{"date": "2024-05-13", "tags": ["@a", 1]}',
            "'tags' must be a list of strings, found a number in it",
        ),
        (
            '{"date": "2024-05-13", "private": "yes"}',
            "'private' must be true or false, found a string",
        ),
        ('{"date": "2024-05-13", "private": 1}', "'private' must be true or false, found a number"),
    ],
)
def test_malformed_line(line: str, expected: str) -> None:
    assert problem(line).problem == expected


def test_absurdly_nested_or_long_numbers_are_format_errors() -> None:
    assert problem("[" * 100_000 + "]" * 100_000).problem.startswith("not valid JSON")
    assert problem('{"date": "2024-05-13", "n": ' + "9" * 5000 + "}").problem.startswith(
        "not valid JSON"
    )


def test_error_message_is_one_line_with_what_to_do() -> None:
    message = str(problem('{"date": "2024-13-01"}'))

    assert message == (
        "cannot import test.jsonl, line 3: invalid date '2024-13-01', expected YYYY-MM-DD; "
        "fix that line or the file and import again"
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["date", "time", "title", "body", "tags", "private", "x"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=12,
)
_FIELDS = st.fixed_dictionaries(
    {
        "date": st.one_of(st.dates().map(dt.date.isoformat), st.text(max_size=12)),
        "time": st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M")), _JSON),
    },
    optional={
        "title": st.one_of(st.text(), _JSON),
        "body": st.one_of(st.text(), _JSON),
        "tags": st.one_of(st.lists(st.text(max_size=8), max_size=4), _JSON),
        "private": st.one_of(st.booleans(), _JSON),
    },
)


@settings(database=None, max_examples=300)
@given(st.lists(st.one_of(st.text(), _JSON.map(json.dumps), _FIELDS.map(json.dumps)), max_size=6))
def test_any_lines_give_entries_or_import_format_error(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ") for line in lines)
    try:
        entries = parse(text)
    except ImportFormatError as exc:
        assert exc.line is not None
        assert 1 <= exc.line <= len(lines)
        return
    assert entries == parse(text)
    for entry in entries:
        assert entry.created.tzinfo is not None
        assert entry.day == entry.created.date()


def test_hours_past_midnight_stay_on_their_day() -> None:
    """make_journal.py writes 24:xx-26:xx for late entries: they keep their date."""
    [entry] = iter_jsonl(['{"date": "2024-05-13", "time": "25:10", "body": "late"}'])
    assert entry.day == dt.date(2024, 5, 13)
    naive = entry.created.replace(tzinfo=None)
    assert naive == dt.datetime(2024, 5, 14, 1, 10)
