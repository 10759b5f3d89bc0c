"""One table of import formats serves the command line, the service and the import dialog."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.cli import main
from journal.cli_input import _actions
from journal.cli_parser import build_parser
from journal.errors import InputError
from journal.services.import_formats import IMPORT_FORMATS, import_format, names, taking

if TYPE_CHECKING:
    from journal.services.journal import Journal

ROOT = Path(__file__).resolve().parents[3]


def test_the_command_line_offers_exactly_the_table() -> None:
    fmt = next(a for a in _actions(build_parser(), "import") if a.dest == "format")
    assert fmt.choices is not None and fmt.help is not None
    assert tuple(fmt.choices) == names()
    for kind in IMPORT_FORMATS:
        assert f"{kind.name}: {kind.reads}" in fmt.help


def test_no_other_module_lists_the_formats() -> None:
    """A format's name appears as a string only in the table and in its own reader."""
    pattern = re.compile(r"[\"'](rednotebook|dayone|jsonl)[\"']")
    found = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "journal").rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8")) and p.name not in ("import_formats.py",)
    ]
    assert found == []


def test_each_option_belongs_to_its_formats() -> None:
    assert taking("time_format") == ("jrnl",)
    assert taking("name_format") == ("markdown",)
    with pytest.raises(KeyError):
        import_format("evernote")


@pytest.mark.parametrize("name", [k.name for k in IMPORT_FORMATS if "time_format" not in k.options])
def test_the_service_refuses_an_option_in_its_own_words(journal: Journal, name: str) -> None:
    with pytest.raises(InputError, match="a time format applies to jrnl only") as caught:
        journal.import_file(name, ROOT, time_format="%Y")
    assert "--" not in caught.value.what  # the service names no command-line flag


def test_the_command_line_says_it_with_its_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "x.jsonl"
    notes.write_text("")
    code = main(
        ["--home", str(tmp_path / "h"), "import", "jsonl", str(notes), "--name-format", "%Y"]
    )
    assert code == 1
    assert "--name-format applies to markdown only" in capsys.readouterr().err


def test_unknown_format_in_the_service(journal: Journal) -> None:
    with pytest.raises(InputError, match="unknown import format 'evernote'"):
        journal.import_file("evernote", ROOT)
