"""`build_parser(argv)` builds only the parser of the command `argv` runs (issue 18: the
whole tree cost ~15 ms of every start). Whatever the command line, it must parse, print and
refuse exactly as the whole parser does."""

from __future__ import annotations

import argparse
import contextlib
import io
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.cli_input import query_first
from journal.cli_parser import COMMAND_NAMES, COMMAND_PARSERS, build_parser, needed_command

if TYPE_CHECKING:
    from collections.abc import Sequence

# Words a command line is made of: every command, options of the top level and of several
# commands (whole, abbreviated, with values), help, `--`, negative numbers, typos.
WORDS = (
    *sorted(COMMAND_NAMES),
    "--home", "--home=elsewhere", "--hom", "--h", "-h", "--help", "--he", "--version",
    "--verbose", "--verb", "--passphrase-stdin", "--", "-", "-1", "-x", "--bogus", "bogus",
    "deploy", "-tag:ci", "tag:x", "--limit", "--limit=3", "3", "0", "--json", "--tag", "ci",
    "--from", "2026-02", "--to", "yesterday", "--by-relevance", "--format", "html",
    "--search", "-o", "out.md", "--date", "42", "setup", "list", "--all", "--year", "2026",
    "--image", "--title", "=", "",
)  # fmt: skip


def parsed(parser: argparse.ArgumentParser, argv: Sequence[str]) -> tuple[Any, ...]:
    """What parsing `argv` gives: the exit status, both outputs and the namespace."""
    out, err = io.StringIO(), io.StringIO()
    code: object = None
    values: dict[str, Any] | None = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            values = vars(parser.parse_args(query_first(argv, parser)))
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue(), values


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_the_partial_parser_parses_and_refuses_as_the_whole_one(argv: list[str]) -> None:
    assert parsed(build_parser(argv), argv) == parsed(build_parser(), argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["search", "--help"],
        ["--help"],
        ["-h", "search"],
        ["--he", "list"],
        ["--home", "x", "-h"],
        ["searhc", "deploy"],
        ["-1", "list"],
        ["--", "search", "x"],
        ["--hom", "x", "list"],
        ["--verbose", "--home=x", "add", "--", "-h"],
        ["team", "--help"],
        ["team", "setup", "-h"],
        ["export", "--format", "nope"],
        ["import", "--help"],
        ["--home", "search", "list", "x"],
    ],
)
def test_help_typos_and_odd_words_read_the_same(argv: list[str]) -> None:
    assert parsed(build_parser(argv), argv) == parsed(build_parser(), argv)


def test_the_table_names_every_command_in_the_help_order() -> None:
    whole = build_parser()
    sub = next(a for a in whole._actions if isinstance(a, argparse._SubParsersAction))
    assert [n for names, _add in COMMAND_PARSERS for n in names] == list(sub.choices)


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        (["search", "deploy"], "search"),
        (["--home", "x", "--verbose", "list"], "list"),
        (["--home=x", "add", "-h"], "add"),
        ([], ""),
        (["--verbose"], ""),
        (["-h", "search"], None),
        (["--hom", "x", "search"], None),
        (["searhc"], None),
        (["--", "search"], None),
    ],
)
def test_only_plain_top_level_options_before_a_known_command_narrow_the_parser(
    argv: list[str], needed: str | None
) -> None:
    assert needed_command(argv) == needed
