"""One table of export formats serves the command line, the service and the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.cli_input import _actions
from journal.cli_parser import build_parser
from journal.services.export_formats import EXPORT_FORMATS, FORMATS, SUFFIXES, format_for
from journal.services.export_options import DIALOG_FORMATS, FORMAT_KEYS, build_options


def test_the_command_line_offers_exactly_the_table() -> None:
    fmt = next(a for a in _actions(build_parser(), "export") if a.dest == "format")
    assert fmt.choices is not None and fmt.help is not None
    assert tuple(fmt.choices) == FORMATS == ("markdown", "html", "json", "pdf")
    for kind in EXPORT_FORMATS:
        assert kind.described in " ".join(fmt.help.split())


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("week.html", "html"),
        ("WEEK.HTM", "html"),
        ("all.json", "json"),
        ("Quarter.PDF", "pdf"),
        ("notes.md", "markdown"),
        ("notes.markdown", "markdown"),
        ("notes.txt", "markdown"),
        ("notes", "markdown"),
    ],
)
def test_a_file_name_implies_its_format(name: str, fmt: str) -> None:
    assert format_for(Path(name)) == fmt
    assert format_for(None) == "markdown"


def test_every_format_writes_a_suffix_that_implies_it_again() -> None:
    for name, suffix in SUFFIXES.items():
        assert format_for(Path("x" + suffix)) == name


@pytest.mark.parametrize(("key", "label", "fmt", "digest"), DIALOG_FORMATS)
def test_the_dialogs_choices_are_file_formats(key: str, label: str, fmt: str, digest: bool) -> None:
    options = build_options(key)
    assert key in FORMAT_KEYS and label
    assert (options.format, options.digest) == (fmt, digest) and fmt in FORMATS
