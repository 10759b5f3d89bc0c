"""RedNotebook: month files of YAML, txt2tags converted to Markdown, categories as tags."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.errors import ImportFormatError
from journal.importers.rednotebook import iter_month, iter_rednotebook, txt2tags_to_markdown

if TYPE_CHECKING:
    from journal.domain.entry import NewEntry
    from journal.services.journal import Journal

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
DATA = FIXTURES / "rednotebook"


def read(path: Path) -> tuple[list[NewEntry], list[str]]:
    notes: list[str] = []
    return list(iter_rednotebook(path, notes)), notes


def md(text: str) -> str:
    return txt2tags_to_markdown(text, [], "x")


def test_fixture_folder_entries_exactly() -> None:
    entries, notes = read(DATA)
    assert [e.day for e in entries] == [
        dt.date(2024, 5, 5),
        dt.date(2024, 5, 17),
        dt.date(2024, 6, 1),
        dt.date(2024, 6, 3),
    ]
    first, retro, learning, quoted = entries
    assert first.body == "Shipped the release. #work" and first.title == ""
    assert (first.created.hour, first.created.minute) == (0, 0)
    assert first.created.utcoffset() is not None
    assert first.uid and first.uid.startswith("imp-")
    assert retro.body == (
        "# Retro\n"
        "What went **well**: the *deploy* was calm.\n"
        "- faster CI\n"
        "- ~~no~~ fewer flaky tests\n"
        "\n"
        "See [the notes](http://example.org/retro) and `git log`.\n"
        "\n"
        "- Work: Reviewed the API"
    )
    assert retro.tags == ("Work", "focus")
    assert learning.body == (
        "## Learning\nRead about SQLite's WAL mode. #sqlite\n1. first numbered\n1. second numbered"
    )
    assert quoted.body == "It's a single-quoted text\nover two lines."
    assert any("README" in n and "not a RedNotebook month file" in n for n in notes)
    picture = [n for n in notes if "board" in n]  # a picture outside the folder, missing here
    assert len(picture) == 1 and "2024-05.txt, line 2" in picture[0]


def test_what_pyyaml_writes_reads_back() -> None:
    """RedNotebook saves with PyYAML's safe_dump: long, quoted and unicode texts included."""
    texts = {
        1: {"text": "A long line " * 20 + "\nand 'quotes' \"too\" ünïcode: yes #tag"},
        2: {"text": "no"},
        3: {"text": "  leading spaces\n\nblank lines\n"},
    }
    for flow in (None, False, True):
        dumped = yaml.safe_dump(texts, allow_unicode=True, default_flow_style=flow)
        entries = list(iter_month(dumped, "2024-05.txt", 2024, 5, []))
        assert [e.body for e in entries] == [texts[d]["text"].strip("\n") for d in (1, 2, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold** //it// __u__ --s--", "**bold** *it* u ~~s~~"),
        ("= One =", "# One"),
        ("=== Three ===", "### Three"),
        ("+ Numbered +", "# Numbered"),
        ("- item", "- item"),
        ("+ step", "1. step"),
        ("\tquoted", "> quoted"),
        ("-" * 20, "***"),
        ("[site www.example.org]", "[site](https://www.example.org)"),
        ('[a file ""file:///tmp/a b.txt""]', "[a file](file:///tmp/a%20b.txt)"),
        ("see https://example.org//path//x here", "see https://example.org//path//x here"),
        ("``a //b//``", "`a //b//`"),
        ('""**raw**""', "**raw**"),
        ("a -- b // c", "a -- b // c"),
        ("```\n//kept//\n```", "```\n//kept//\n```"),
        ("[see above]", "[see above]"),
    ],
)
def test_txt2tags_to_markdown(text: str, expected: str) -> None:
    assert md(text) == expected


def test_unknown_markup_is_left_and_noted() -> None:
    notes: list[str] = []
    text = "% a comment\n| a | b |\n'''\n<b>x</b>\n'''"
    assert txt2tags_to_markdown(text, notes, "f, line 3") == text
    assert len(notes) == 3 and all(n.startswith("f, line 3: ") for n in notes)


def test_import_is_idempotent_and_reports(journal: Journal) -> None:
    dry = journal.import_file("rednotebook", DATA, dry_run=True)
    assert (dry.found, dry.added) == (4, 4) and journal.store.count() == 0
    assert dry.first_day == dt.date(2024, 5, 5) and dry.last_day == dt.date(2024, 6, 3)
    assert {"work", "sqlite", "Work", "focus"} <= set(dry.tags)
    report = journal.import_file("rednotebook", DATA)
    assert (report.found, report.added) == (4, 4) and len(report.skipped_notes) == 2
    again = journal.import_file("rednotebook", DATA)
    assert (again.added, again.skipped) == (0, 4)


def test_a_malformed_file_names_the_line_and_imports_nothing(journal: Journal) -> None:
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("rednotebook", FIXTURES / "rednotebook_bad")
    assert caught.value.path.endswith("2024-07.txt") and caught.value.line == 3
    assert "YAML" in caught.value.problem
    assert journal.store.count() == 0


def test_a_single_month_file_can_be_imported(journal: Journal) -> None:
    report = journal.import_file("rednotebook", DATA / "2024-06.txt")
    assert report.added == 2


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("[1, 2]", 1, "mapping"),
        ("1: {text: ok}\n32: {text: late}", 2, "no day 32"),
        ("1: {text: ok}\nfoo: {text: x}", 2, "not a day number"),
        ("1: {text: [a]}", 1, "'text' must be a string"),
        ("1: just text", 1, "expected {text"),
        ("1: {text: ok}\n  bad: indent", 2, "YAML"),
        ("1: {Work: [a]}", 1, "category"),
    ],
)
def test_clear_errors(text: str, line: int, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        list(iter_month(text, "2024-05.txt", 2024, 5, []))
    assert caught.value.line == line and words in caught.value.problem


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="no RedNotebook month files"):
        read(tmp_path)
    (tmp_path / "2024-13.txt").write_text("1: {text: x}\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="year and month"):
        read(tmp_path)
    (tmp_path / "2024-13.txt").write_bytes(b"1: {text: \xff}\n")
    with pytest.raises(ImportFormatError):
        read(tmp_path)


TEXT = (DATA / "2024-05.txt").read_text(encoding="utf-8") + (DATA / "2024-06.txt").read_text(
    encoding="utf-8"
).replace("1:", "2:", 1).replace("3:", "4:", 1)


@settings(max_examples=300)
@given(st.data())
def test_truncated_and_fuzzed_month_never_crashes(data: st.DataObject) -> None:
    text = TEXT[: data.draw(st.integers(0, len(TEXT)))]
    if text and data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(text) - 1))
        text = text[:at] + data.draw(st.text(max_size=4)) + text[at + 1 :]
    with contextlib.suppress(ImportFormatError):
        list(iter_month(text, "2024-05.txt", 2024, 5, []))


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_any_text_converts(text: str) -> None:
    assert isinstance(md(text), str)
