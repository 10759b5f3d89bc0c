"""The jrnl importer: jrnl's own rules for headers, titles, stars and tags, and clear errors."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.entry import NewEntry, content_uid
from journal.errors import ImportFormatError
from journal.importers.jrnl import iter_jrnl, split_title
from journal.importers.jsonl import iter_jsonl

if TYPE_CHECKING:
    from collections.abc import Iterator

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
SHARED = Path(__file__).resolve().parents[4] / "shared"
PEERS = SHARED / "data" / "peers" / "jrnl"
LITTLE_ENDIAN = "%d.%m.%Y %H:%M"


def parse(text: str, time_format: str = "%Y-%m-%d %H:%M") -> list[NewEntry]:
    """Parse text the way a file opened in text mode hands it over, line endings kept."""
    return list(iter_jrnl(io.StringIO(text), "test.txt", time_format))


def read(path: Path, time_format: str = "%Y-%m-%d %H:%M") -> list[NewEntry]:
    with path.open(encoding="utf-8") as lines:
        return list(iter_jrnl(lines, str(path), time_format))


def local(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second).astimezone()


def stamp(entry: NewEntry) -> str:
    return entry.created.strftime("%Y-%m-%d %H:%M")


# --- the committed fixture ------------------------------------------------------------------


def test_basic_fixture_entries_exactly() -> None:
    entries = read(FIXTURES / "jrnl_basic.txt")

    assert [stamp(e) for e in entries] == [
        "2024-05-13 17:05",
        "2024-05-14 09:00",
        "2024-05-15 00:00",
        "2024-05-16 18:30",
        "2024-05-17 08:00",
    ]
    first, retro, date_only, two_sentences, last = entries
    assert first.title == "Shipped the importer. It reads jrnl files now."
    assert first.body == (
        "Paired with @Sam on the parser; learned how #regex lookbehinds work.\n"
        "\n"
        "    an indented line keeps its indent\n"
        "\n"
        "The tests caught two bugs @learning, mail me@example.org\n"
        "[1] A footnote line stays in the body.\n"
        "[not a date] neither does this one\n"
        "[2024-02-30 10:00] an impossible date is body text too\n"
        "[2024-05-13 18:00]no space after the bracket: body text"
    )
    assert first.tags == ("Sam", "learning", "regex")
    assert (retro.title, retro.body) == ("Retro notes", "Keep the board small. @team @Learning")
    assert retro.tags == ("team", "Learning", "starred")
    assert (date_only.title, date_only.body) == (
        "A date-only header",
        "Body of the date-only entry.",
    )
    assert date_only.tags == ()
    # A one-line entry directly followed by a header has no newline: split at the sentence.
    assert (two_sentences.title, two_sentences.body) == (
        "One line, two sentences.",
        "The second is the body.",
    )
    # The last entry keeps the file's final newline, so its whole line is the title.
    assert (last.title, last.body) == ("Last entry. Its text ends with the file's newline.", "")


def test_created_is_local_wall_clock_and_day_is_the_header_date() -> None:
    entries = read(FIXTURES / "jrnl_basic.txt")

    assert entries[0].created == local(2024, 5, 13, 17, 5)
    assert entries[0].created.utcoffset() == local(2024, 5, 13, 17, 5).utcoffset()
    assert entries[0].created.tzinfo is not None
    assert [e.day for e in entries] == [dt.date(2024, 5, d) for d in (13, 14, 15, 16, 17)]
    assert all(not e.private for e in entries)


def test_uid_is_the_content_uid_and_stable_between_parses() -> None:
    once = read(FIXTURES / "jrnl_basic.txt")
    again = read(FIXTURES / "jrnl_basic.txt")

    assert [e.uid for e in once] == [e.uid for e in again]
    assert len({e.uid for e in once}) == len(once)
    assert once[1].uid == content_uid(once[1].created, "Retro notes", once[1].body)


def test_uid_changes_with_the_body() -> None:
    a = parse("[2024-05-13 17:05] Title\nBody one.\n")[0]
    b = parse("[2024-05-13 17:05] Title\nBody two.\n")[0]

    assert a.uid != b.uid


def test_legacy_fixture_reads_jrnl_1_headers() -> None:
    entries = read(FIXTURES / "jrnl_legacy.txt")

    assert [stamp(e) for e in entries] == ["2012-03-01 08:15", "2012-03-02 10:00"]
    assert entries[0].title == "Old style header. Still read."
    assert entries[0].body == (
        "First body line.\n[2012-03-01 09:00] a bracketed line is body text in a 1.x journal"
    )
    assert (entries[1].title, entries[1].body) == ("Starred in the old way @old", "Short body.")
    assert entries[1].tags == ("old", "starred")


def test_little_endian_fixture_with_its_time_format() -> None:
    entries = read(FIXTURES / "jrnl_little_endian.txt", LITTLE_ENDIAN)

    assert [stamp(e) for e in entries] == ["2024-05-17 18:05", "2024-06-03 07:45"]
    assert [e.title for e in entries] == ["Kleiner Erfolg.", "Zweiter Eintrag"]
    assert entries[0].tags == ("gelernt",)


def test_little_endian_journal_with_the_default_format_is_an_error() -> None:
    with pytest.raises(ImportFormatError) as caught:
        read(FIXTURES / "jrnl_little_endian.txt")

    assert caught.value.line == 1
    assert "%Y-%m-%d %H:%M" in caught.value.problem


def test_text_before_the_first_header_names_its_line() -> None:
    path = FIXTURES / "jrnl_text_before_header.txt"
    with pytest.raises(ImportFormatError) as caught:
        read(path)

    assert caught.value.line == 2
    assert caught.value.path == str(path)
    assert "before the first entry" in caught.value.problem
    assert "[2024-05-17 09:30] Title" in caught.value.problem


# --- title and body --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (
            "This is. the title\nThis is the second line",
            "This is. the title",
            "This is the second line",
        ),
        ("This is. the title", "This is.", "the title"),
        ("Ran 5.2 miles. Sore legs.", "Ran 5.2 miles.", "Sore legs."),
        ("Wow! Really? Yes.", "Wow!", "Really? Yes."),
        ('He said "Go." Then left.', 'He said "Go."', "Then left."),
        ("(See this.) More", "(See this.)", "More"),
        ("七転び。八起き", "七転び。", "八起き"),
        ("No terminal at all", "No terminal at all", ""),
        ("\n\n  Title after blank lines\nbody", "Title after blank lines", "body"),
        ("", "", ""),
    ],
)
def test_split_title(text: str, title: str, body: str) -> None:
    assert split_title(text) == (title, body)


def test_one_line_entry_at_end_of_file_without_newline_splits_at_sentence() -> None:
    (entry,) = parse("[2024-05-13 17:05] First sentence. Second sentence.")

    assert (entry.title, entry.body) == ("First sentence.", "Second sentence.")


def test_one_line_entry_followed_by_blank_line_keeps_whole_line_as_title() -> None:
    entries = parse("[2024-05-13 17:05] First. Second.\n\n[2024-05-14 09:00] Next\n")

    assert (entries[0].title, entries[0].body) == ("First. Second.", "")


def test_empty_header_text_takes_the_next_line_as_title() -> None:
    (entry,) = parse("[2024-05-13 17:05] \n\nReal title\nBody.\n")

    assert (entry.title, entry.body) == ("Real title", "Body.")


def test_leading_and_trailing_blank_lines_go_inner_ones_stay() -> None:
    (entry,) = parse("[2024-05-13 17:05] T\n\n\nA\n\n\nB\n\n\n   \n")

    assert entry.body == "A\n\n\nB"


def test_inner_line_ends_are_kept_in_jrnl_2_journals() -> None:
    (entry,) = parse("[2024-05-13 17:05] T\nA Markdown line break  \nnext line\n")

    assert entry.body == "A Markdown line break  \nnext line"


def test_header_without_text() -> None:
    entries = parse("[2024-05-13 17:05] \n[2024-05-14 17:05] Second\n")

    assert [(e.title, e.body) for e in entries] == [("", ""), ("Second", "")]


def test_crlf_line_endings_and_byte_order_mark() -> None:
    entries = parse("\ufeff[2024-05-13 17:05] One\r\nBody\r\n\r\n[2024-05-14 09:00] Two\r\n")

    assert [(e.title, e.body) for e in entries] == [("One", "Body"), ("Two", "")]


def test_lines_without_line_endings_are_accepted() -> None:
    lines = ["[2024-05-13 17:05] One", "Body", "", "[2024-05-14 09:00] Two", "More"]
    entries = list(iter_jrnl(lines))

    assert [(e.title, e.body) for e in entries] == [("One", "Body"), ("Two", "More")]


# --- headers and dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("[2019-07 14:23] x", "2019-07-01 14:23"),
        ("[2021-11-13] x", "2021-11-13 00:00"),
        ("[2021-11-13 07:05:59] x", "2021-11-13 07:05"),
        ("[2021-11-13T07:05] x", "2021-11-13 07:05"),
        ("[2021-11-13 7:05 PM] x", "2021-11-13 19:05"),
        ("[2021/11/13] x", "2021-11-13 00:00"),
    ],
)
def test_a_plainly_written_date_is_still_a_header(header: str, expected: str) -> None:
    entries = parse(f"[2020-01-01 10:00] First\n{header}\n")

    assert [stamp(e) for e in entries] == ["2020-01-01 10:00", expected]


@pytest.mark.parametrize(
    "line",
    [
        "[1] footnote",
        "[2024] a year alone is too short to be a date",
        "[2024-5] six characters are never read as a date, as in jrnl",
        "[2024-02-30 10:00] no such day",
        "[2024-05-13 13:05 PM] no such hour",
        "[2024-05/13 10:00] mixed separators",
        "[yesterday] relative words are not read",
        "[2024-05-13 17:05]no space",
        "[2024-05-13 17:05]",
        " [2024-05-13 17:05] indented",
        "2024-05-13 17:05 a jrnl 1.x header inside a jrnl 2 journal",
        "[] empty",
    ],
)
def test_header_like_lines_that_are_body_text(line: str) -> None:
    (entry,) = parse(f"[2020-01-01 10:00] First\n{line}\n")

    assert entry.body == line.strip()


def test_unusable_time_format_is_an_error() -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse("[2024-05-13 17:05] x\n", time_format="%Q")

    assert caught.value.line is None
    assert "%Q" in caught.value.problem


def test_time_format_with_seconds() -> None:
    (entry,) = parse("[2024-05-13 17:05:42] x\n", time_format="%Y-%m-%d %H:%M:%S")

    assert entry.created == local(2024, 5, 13, 17, 5, 42)


def test_legacy_strips_line_ends_and_stars() -> None:
    entries = parse("2013-06-09 15:39 My first entry. *\nBody   \n\n2013-06-10 15:40 Next.\n")

    assert entries[0].title == "My first entry."
    assert entries[0].body == "Body"
    assert "starred" in entries[0].tags
    assert "starred" not in entries[1].tags


def test_only_blank_lines_give_no_entries() -> None:
    assert parse("") == []
    assert parse("\n  \n\t\n") == []


# --- stars and tags --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "title", "starred"),
    [
        ("Best day of my life! *", "Best day of my life!", True),
        ("Best day of my life!*", "Best day of my life!", True),
        ("* Best day *", "Best day", True),
        ("A * in the middle", "A * in the middle", False),
        ("* only at the start", "* only at the start", False),
    ],
)
def test_star_after_the_title(header: str, title: str, starred: bool) -> None:
    (entry,) = parse(f"[2013-07-20 09:00] {header}\nBody.\n")

    assert entry.title == title
    assert ("starred" in entry.tags) is starred


def test_star_on_a_one_line_entry_keeps_the_whole_line_as_title() -> None:
    (entry,) = parse("[2013-07-20 09:00] First. Second. *")

    assert (entry.title, entry.body, entry.tags) == ("First. Second.", "", ("starred",))


def test_tags_follow_jrnl_rules() -> None:
    text = (
        "[2020-09-26 10:00] About @os/2 and @c++ and @c#, said @Ann.\n"
        "Mail test@example.com or @ann again; (@paren) @-\n"
        "A #hashtag, not `#code`, not # heading, not #1.\n"
        "@Later, a star ending a later line stars nothing *\n"
    )
    (entry,) = parse(text)

    assert entry.tags == ("os/2", "c++", "c#", "Ann", "Later", "hashtag")


def test_starred_tag_is_not_doubled() -> None:
    (entry,) = parse("[2020-09-26 10:00] Title @starred *\nBody\n")

    assert entry.tags == ("starred",)


# --- reading lazily --------------------------------------------------------------------------


def test_entries_are_yielded_before_the_input_is_read_to_the_end() -> None:
    def lines() -> Iterator[str]:
        yield "[2024-05-13 17:05] First\n"
        yield "Body\n"
        yield "[2024-05-14 09:00] Second\n"
        raise AssertionError("read past the second header before yielding the first entry")

    first = next(iter_jrnl(lines()))

    assert first.title == "First"


# --- jrnl's own test journals ----------------------------------------------------------------


def peer(name: str, time_format: str = "%Y-%m-%d %H:%M") -> list[NewEntry]:
    path = PEERS / name
    if not path.exists():
        pytest.skip(f"jrnl's test journals are not at {PEERS}")
    return read(path, time_format)


def folded(entry: NewEntry) -> set[str]:
    """Tags as jrnl reports them: lower case, without the star."""
    return {t.casefold() for t in entry.tags} - {"starred"}


def test_peer_basic_onefile() -> None:
    # format.feature: 3 entries, tags 3/1/2; search.feature: titles and dates;
    # delete.feature (-starred): only the second entry is starred.
    entries = peer("basic_onefile.journal")

    assert [f"{stamp(e)} {e.title}" for e in entries] == [
        "2020-08-29 11:11 Entry the first.",
        "2020-08-31 14:32 A second entry in what I hope to be a long series.",
        "2020-09-24 09:14 The third entry finally after weeks without writing.",
    ]
    assert [folded(e) for e in entries] == [
        {"ipsum", "tagone", "tagtwo"},
        {"tagtwo"},
        {"tagthree", "tagone"},
    ]
    assert ["starred" in e.tags for e in entries] == [False, True, False]
    assert entries[0].body.startswith("Lorem @ipsum dolor sit amet")
    assert entries[0].body.endswith("conubia nostra, per inceptos himenaeos.")
    assert "\n\nCurabitur accumsan" in entries[0].body


def test_peer_simple() -> None:
    # search.feature "Loading a sample journal".
    entries = peer("simple.journal")

    assert [(stamp(e), e.title, e.body) for e in entries] == [
        ("2013-06-09 15:39", "My first entry.", "Everything is alright"),
        ("2013-06-10 15:40", "Life is good.", "But I'm better."),
    ]


def test_peer_little_endian_dates() -> None:
    # datetime.feature "Loading a sample journal with custom date" (timeformat %d.%m.%Y %H:%M).
    entries = peer("little_endian_dates.journal", LITTLE_ENDIAN)

    assert [(stamp(e), e.title, e.body) for e in entries] == [
        ("2013-06-09 15:39", "My first entry.", "Everything is alright"),
        ("2013-07-10 15:40", "Life is good.", "But I'm better."),
    ]


def test_peer_mostly_readable_dates() -> None:
    # datetime.feature: "[2019-07 14:23]" is read as 2019-07-01 14:23.
    entries = peer("mostlyreadabledates.journal")

    assert sorted(f"{stamp(e)} {e.title}" for e in entries) == [
        "2019-07-01 14:23 The third entry",
        "2019-07-18 14:23 The first entry",
        "2019-07-19 14:23 The second entry",
    ]


def test_peer_brackets() -> None:
    # datetime.feature: "Integers in square brackets should not be read as dates".
    (entry,) = peer("brackets.journal")

    assert (entry.title, entry.body) == ("Entry subject", "[1] line starting with 1")


def test_peer_unreadable_dates_is_an_error() -> None:
    # Unlike jrnl, which files the whole text as one entry dated "now", Daybook refuses it.
    with pytest.raises(ImportFormatError) as caught:
        peer("unreadabledates.journal")

    assert caught.value.line == 1


def test_peer_tags() -> None:
    # format.feature / tagging: @idea 2, @journal 1, @dan 1; 2 entries.
    entries = peer("tags.journal")

    assert [e.title for e in entries] == ["I have an @idea:", "I met with @dan."]
    assert [folded(e) for e in entries] == [{"idea", "journal"}, {"dan", "idea"}]


def test_peer_tags_with_special_characters_and_emails() -> None:
    # tagging features of issues 216 and 237: @os/2 @c++ @c#; @newline @email, no addresses.
    (special,) = peer("tags-216.journal")
    (emails,) = peer("tags-237.journal")

    assert folded(special) == {"os/2", "c++", "c#"}
    assert folded(emails) == {"newline", "email"}


def test_peer_multiline_tags() -> None:
    # jrnl's tag pattern: "@" after whitespace or at the start, then [-+*#/\w]+.
    (entry,) = peer("multiline-tags.journal")

    assert entry.title == "Multiple @line entry with @tags."
    assert folded(entry) == {
        "line",
        "tags",
        "punctuation",
        "tagonlinealonewithoutpunctuation",
        "tagonlinealonewithpunctuation",
        "tag",
        "hi",
    }


def test_peer_deletion_journals() -> None:
    # delete.feature: 3 entries; 5 entries, @holidays in 2, @springtime in 2, the last starred.
    assert [e.title for e in peer("deletion.journal")] == [
        "First entry.",
        "Second entry.",
        "Third entry.",
    ]
    entries = peer("deletion_filters.journal")
    assert len(entries) == 5
    assert sum("holidays" in e.tags for e in entries) == 2
    assert sum("springtime" in e.tags for e in entries) == 2
    assert [e.title for e in entries if "starred" in e.tags] == ["Writing tests."]
    assert entries[1].title == "Happy New Year!"


def test_peer_multiline_and_headings() -> None:
    (multi,) = peer("multiline.journal")
    (headings,) = peer("markdown-headings-335.journal")

    assert multi.title == "Multiple line entry."
    assert multi.body == (
        "This is the first line.\n"
        "This line doesn't have any ending punctuation\n"
        "\n"
        "There is a blank line above this."
    )
    assert headings.title == "Heading Test"
    assert headings.body.startswith("H1-1\n=\n\nH1-2\n===")
    assert headings.body.endswith("More stuff\nmore stuff again")
    assert headings.tags == ()


@pytest.mark.parametrize(
    ("name", "time_format", "dates"),
    [
        ("simple_jrnl-1-9-5.journal", "%Y-%m-%d %H:%M", ["2010-06-10 15:00", "2013-06-10 15:40"]),
        (
            "simple_jrnl-1-9-5_little_endian_dates.journal",
            LITTLE_ENDIAN,
            ["2010-06-10 15:00", "2013-06-10 15:40"],
        ),
    ],
)
def test_peer_jrnl_1_journals(name: str, time_format: str, dates: list[str]) -> None:
    # upgrade.feature: two entries; the bracketed line is body text of the second.
    # Unlike jrnl 1.x, the first body line is not glued onto the title.
    entries = peer(name, time_format)

    assert [stamp(e) for e in entries] == dates
    assert [e.title for e in entries] == [
        "A life without chocolate is like a bad analogy.",
        'He said "[this] is the best time to be alive".',
    ]
    assert entries[1].body.startswith("Lorem ipsum dolor sit amet")
    assert "Some chat log or something" in entries[1].body


def test_peer_empty_journal() -> None:
    assert peer("work.journal") == []


def test_same_entries_as_the_json_lines_version_of_a_synthetic_journal(tmp_path: Path) -> None:
    """make_journal.py writes one journal in both formats: both importers must agree."""
    script = SHARED / "data" / "make_journal.py"
    if not script.exists():
        pytest.skip(f"no {script}")
    for fmt in ("jrnl", "jsonl"):
        out = subprocess.run(
            [sys.executable, str(script), "--years", "1", "--format", fmt],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (tmp_path / fmt).write_text(out, encoding="utf-8")
    with (tmp_path / "jrnl").open(encoding="utf-8") as lines:
        from_jrnl = list(iter_jrnl(lines, "jrnl"))
    with (tmp_path / "jsonl").open(encoding="utf-8") as lines:
        from_jsonl = list(iter_jsonl(lines, "jsonl"))

    assert len(from_jrnl) > 200
    assert from_jrnl == from_jsonl


# --- never anything but ImportFormatError ----------------------------------------------------

_HEADERISH = st.sampled_from(
    [
        "[2024-05-13 17:05] ",
        "[2024-02-30 17:05] ",
        "[0001-01-01 00:00] ",
        "[9999-12-31 23:59] ",
        "[2019-07 14:23] ",
        "[1] ",
        "2013-06-09 15:39 ",
        "[",
        "*",
        "@",
        "#",
        "]",
        " ",
        "\r",
        "\n",
        "\u2028",
        ". ",
        "。",
    ]
)


@settings(database=None, max_examples=300)
@given(
    st.lists(st.one_of(_HEADERISH, st.text(max_size=20)), max_size=30).map("".join),
    st.sampled_from(["%Y-%m-%d %H:%M", LITTLE_ENDIAN, "%Y-%m-%d"]),
)
def test_any_text_gives_entries_or_import_format_error(text: str, time_format: str) -> None:
    try:
        entries = parse(text, time_format)
    except ImportFormatError as exc:
        assert exc.line is not None
        return
    assert entries == parse(text, time_format)
    for entry in entries:
        assert entry.created.tzinfo is not None
        assert entry.day == entry.created.date()
        assert entry.title == entry.title.strip()
        assert entry.body == entry.body.strip()
