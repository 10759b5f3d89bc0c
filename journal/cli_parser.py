"""The `daybook` argument parser: every command, option and help text in one place.

Kept apart from the commands in `cli.py` so both stay readable; importing it loads only
argparse. Each command's parser is built by its own function: `build_parser(argv)` builds
only the one `argv` runs (all of them cost ~15 ms at every start, more than the search).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from journal import __version__, cli_crypto
from journal.cli_input import date_text, entry_id, positive_int

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

TEAM_COMMANDS = ("team", "share", "unshare")  # journal.cli_team adds and runs them

QUERY_HELP = """\
query syntax:
  words            entries containing every word (case and accents ignored)
  "a phrase"       the words side by side
  deploy*          words starting with "deploy"
  -word -"phrase"  leave out entries containing them
  tag:x  #x        entries tagged x;  -tag:x leaves them out
  from:2024-03-01  to:2024-03   dates (YYYY, YYYY-MM or YYYY-MM-DD; today, yesterday)
"""

EXPORT_HELP = """\
private blocks (held back unless --include-private):
  ```private
  text only you should read
  ```

examples:
  daybook export --from 2026-11-16 --to 2026-11-20 -o week.html
  daybook export --tag ci --search "deploy*" --format markdown --front-matter
  daybook export --digest --from 2026-11-16 -o week-notes.md
  daybook export --split -o exported-entries/
"""


class Parser(argparse.ArgumentParser):
    """argparse with the project's one-line error format (usage errors exit 2)."""

    _checking = False

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"daybook: error: {message}\n")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse makes a help formatter at every add_argument only to check the metavar
        # against nargs; a formatter measures the terminal (importing shutil, ~7 M
        # instructions of every start). That check needs no width: help still measures.
        self._checking = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._checking = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._checking:
            return argparse.HelpFormatter(prog=self.prog, width=80)
        return super()._get_formatter()


def build_parser(argv: Sequence[str] | None = None) -> Parser:
    """The command line's parser; with `argv`, holding only the command's parser `argv`
    needs (see `needed_command`), which parses it exactly as the whole parser would."""
    p = Parser(
        prog="daybook",
        description="Daybook: a journal for end-of-day work reflections. "
        "With no command, opens the desktop app.",
        epilog="Data lives in the platform's user data folder for Daybook unless --home "
        "or DAYBOOK_HOME names another. Errors exit 1, usage errors 2.",
    )
    p.add_argument("--version", action="version", version=f"daybook {__version__}")
    p.add_argument("--home", metavar="DIR", help="the journal's data folder (or set DAYBOOK_HOME)")
    p.add_argument(
        "--verbose",
        action="store_true",
        help="the desktop app logs in detail to logs/daybook.log in the data folder "
        "(or set DAYBOOK_LOG=debug)",
    )
    p.add_argument("--passphrase-stdin", action="store_true", help=cli_crypto.STDIN_HELP)
    # `prog` given: argparse would format the usage to find it (measuring the terminal).
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, prog=p.prog)
    wanted = None if argv is None else needed_command(argv)
    for names, add in COMMAND_PARSERS:
        if wanted is None or wanted in names:
            add(sub)
    return p


def _gui(sub: argparse._SubParsersAction[Any]) -> None:
    g = sub.add_parser("gui", help="open the desktop app (the default)")
    g.add_argument(
        "--minimized",
        action="store_true",
        help="start in the tray (or minimized where there is none); reminders still run",
    )


def _prompt(sub: argparse._SubParsersAction[Any]) -> None:
    pr = sub.add_parser(
        "prompt",
        help="answer the end-of-day questions in a small window (for a scheduler)",
        description="Open the end-of-day prompt for today (or --date) as its own small app; "
        "it exits when the window closes. Ctrl+Enter saves, Esc closes keeping a draft. A day "
        "that already has a reflection opens it to add to.",
    )
    pr.add_argument(
        "--date",
        type=date_text,
        metavar="YYYY-MM-DD",
        help="the day to reflect on (default today; 'yesterday')",
    )


def _add(sub: argparse._SubParsersAction[Any]) -> None:
    a = sub.add_parser(
        "add",
        help="add an entry; prints its id",
        description="Add an entry. The text comes from the arguments, or from "
        "standard input when TEXT is '-' or absent and input is piped.",
    )
    a.add_argument("text", nargs="*", metavar="TEXT", help="the entry's Markdown text")
    a.add_argument(
        "--date",
        type=date_text,
        metavar="YYYY-MM-DD",
        help="the day it reflects on (default today)",
    )
    a.add_argument("--title", default="", help="a title (default none)")
    a.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    a.add_argument("--private", action="store_true", help="mark it private (never exported)")
    a.add_argument(
        "--image",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="add an image (PNG, JPEG, WebP, GIF; repeatable), re-encoded without its metadata",
    )


LISTINGS = {
    "list": "list entries, newest first",
    "search": "search entries, newest first",
}


def _listing(sub: argparse._SubParsersAction[Any], name: str) -> None:
    helptext = LISTINGS[name]
    s = sub.add_parser(
        name,
        help=helptext,
        description=helptext.capitalize() + ".",
        epilog=QUERY_HELP if name == "search" else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if name == "search":
        s.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
        s.add_argument("--by-relevance", action="store_true", help="best matches first")
    s.add_argument(
        "--from",
        dest="date_from",
        type=date_text,
        metavar="D",
        help="from this day, month or year (YYYY-MM-DD, YYYY-MM, YYYY)",
    )
    s.add_argument(
        "--to",
        dest="date_to",
        type=date_text,
        metavar="D",
        help="up to this day, month or year (YYYY-MM-DD, YYYY-MM, YYYY)",
    )
    s.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only entries with this tag (repeatable: all of them)",
    )
    s.add_argument(
        "--limit",
        type=positive_int,
        default=None,
        metavar="N",
        help="at most N entries (default: all for list, 50 for search)",
    )
    s.add_argument("--json", action="store_true", help="print a JSON array")


def _show(sub: argparse._SubParsersAction[Any]) -> None:
    s = sub.add_parser("show", help="print one entry")
    s.add_argument("id", type=entry_id, metavar="ID")
    s.add_argument("--json", action="store_true", help="print a JSON array of one entry")


def _edit(sub: argparse._SubParsersAction[Any]) -> None:
    s = sub.add_parser("edit", help="edit an entry in $VISUAL or $EDITOR")
    s.add_argument("id", type=entry_id, metavar="ID")


def _attach(sub: argparse._SubParsersAction[Any]) -> None:
    s = sub.add_parser(
        "attach",
        help="add images to the end of an entry",
        description="Add images (PNG, JPEG, WebP or GIF, at most 20 MB and 40 megapixels "
        "each) to the end of an entry. They are kept inside the journal, re-encoded so no "
        "metadata (GPS position, camera, file name) is kept.",
    )
    s.add_argument("id", type=entry_id, metavar="ID")
    s.add_argument("files", type=Path, nargs="+", metavar="FILE")


def _delete(sub: argparse._SubParsersAction[Any]) -> None:
    s = sub.add_parser("delete", help="move an entry to the Trash (`daybook undelete` undoes it)")
    s.add_argument("id", type=entry_id, metavar="ID")


def _trash(sub: argparse._SubParsersAction[Any]) -> None:
    sub.add_parser("trash", help="list the entries in the Trash, most recently deleted first")


def _undelete(sub: argparse._SubParsersAction[Any]) -> None:
    s = sub.add_parser("undelete", help="bring an entry back from the Trash")
    s.add_argument("id", type=entry_id, metavar="ID")


def _purge(sub: argparse._SubParsersAction[Any]) -> None:
    s = sub.add_parser(
        "purge",
        help="delete entries in the Trash for ever, leaving no trace of their text",
        description="Delete entries in the Trash for ever. Their text is scrubbed from the "
        "journal file and its search index; backups made before keep it. Every ID must be in "
        "the Trash (move an entry there with `daybook delete ID`), else nothing is deleted.",
    )
    s.add_argument("ids", type=entry_id, nargs="*", metavar="ID")
    s.add_argument("--all", action="store_true", help="empty the whole Trash")


def _import(sub: argparse._SubParsersAction[Any]) -> None:
    from journal.services.import_formats import IMPORT_FORMATS

    i = sub.add_parser(
        "import",
        help="import entries from another journal",
        description="Import a file (or a folder, for formats kept in one). Importing the same "
        "file twice adds nothing the second time; a malformed file imports nothing.",
    )
    i.add_argument(
        "format",
        choices=[f.name for f in IMPORT_FORMATS],
        help="; ".join(f"{f.name}: {f.reads}" for f in IMPORT_FORMATS),
    )
    i.add_argument("path", type=Path, metavar="PATH")
    i.add_argument("--dry-run", action="store_true", help="report what would be imported")
    i.add_argument(
        "--time-format",
        metavar="FMT",
        help="jrnl's timeformat if yours is not the default '%%Y-%%m-%%d %%H:%%M' "
        "(e.g. '%%d.%%m.%%Y %%H:%%M')",
    )
    i.add_argument(
        "--name-format",
        metavar="FMT",
        help="markdown: the date pattern of the notes' file names, without the extension "
        "(default '%%Y-%%m-%%d' as Obsidian writes them; Logseq's journals use '%%Y_%%m_%%d')",
    )


def _export(sub: argparse._SubParsersAction[Any]) -> None:
    from journal.services.export_formats import EXPORT_FORMATS

    x = sub.add_parser(
        "export",
        help="export entries as Markdown, self-contained HTML, PDF or JSON "
        "(for `daybook import json`)",
        description="Export chosen entries, oldest first, as one Markdown file, one file per "
        "entry (--split), one self-contained HTML page (embedded CSS, no scripts, nothing "
        "loaded from the network), or a PDF (a title page, numbered pages; needs -o and no "
        "display). Without -o the export goes to standard output. --from, "
        "--to, --tag, --id and --search all apply together. Private entries and private "
        "blocks (```private fences) are held back unless --include-private; a note on "
        "standard error says how many.",
        epilog=EXPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    x.add_argument(
        "--format",
        choices=[f.name for f in EXPORT_FORMATS],
        help="; ".join(f"{f.name}: {f.described}" for f in EXPORT_FORMATS)
        + " (default: from the -o suffix, "
        + ", ".join("/".join(f.suffixes) for f in EXPORT_FORMATS)
        + "; else markdown)",
    )
    x.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to this file (`-`: standard output; a pipe or device is written into)",
    )
    x.add_argument(
        "--split",
        action="store_true",
        help="Markdown only: one file per entry in the folder -o names (created if absent)",
    )
    x.add_argument("--front-matter", action="store_true", help="Markdown: start with YAML")
    x.add_argument(
        "--page-per-entry", action="store_true", help="PDF: start each entry on a new page"
    )
    x.add_argument(
        "--from",
        dest="date_from",
        type=date_text,
        metavar="D",
        help="from this day, month or year (YYYY-MM-DD, YYYY-MM, YYYY)",
    )
    x.add_argument(
        "--to",
        dest="date_to",
        type=date_text,
        metavar="D",
        help="up to this day, month or year (YYYY-MM-DD, YYYY-MM, YYYY)",
    )
    x.add_argument(
        "--tag", action="append", default=[], metavar="T", help="with this tag (repeatable: all)"
    )
    x.add_argument("--search", metavar="Q", help="entries matching a search (quote it)")
    x.add_argument(
        "--id",
        dest="ids",
        type=entry_id,
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help="these entries (several ids, or repeat --id)",
    )
    x.add_argument(
        "--include-private", action="store_true", help="export private entries and blocks too"
    )
    x.add_argument(
        "--digest",
        action="store_true",
        help="week notes: only the answers under 'learn' headings, a heading per day",
    )
    x.add_argument("--force", action="store_true", help="replace existing files")


def _backup(sub: argparse._SubParsersAction[Any]) -> None:
    b = sub.add_parser("backup", help="write a verified copy of the journal")
    b_where = b.add_mutually_exclusive_group()
    b_where.add_argument(
        "--to",
        metavar="PATH",
        help="a new file, or a folder to write a timestamped file in (default: the backups folder)",
    )
    b_where.add_argument(
        "--list", action="store_true", help="list the backups in the backups folder instead"
    )
    b.add_argument("--force", action="store_true", help="replace the file --to names")


def _restore(sub: argparse._SubParsersAction[Any]) -> None:
    r = sub.add_parser(
        "restore", help="replace the journal with a backup (the current one is backed up first)"
    )
    r.add_argument("file", type=Path, metavar="FILE")
    r.add_argument(
        "--damaged",
        action="store_true",
        help="the journal is encrypted and too damaged for its passphrase to be checked: "
        "move it aside unchanged and restore FILE anyway",
    )


def _check(sub: argparse._SubParsersAction[Any]) -> None:
    sub.add_parser("check", help="check the database and its search index")


def _stats(sub: argparse._SubParsersAction[Any]) -> None:
    st = sub.add_parser(
        "stats",
        help="print entries, words, streaks and top tags",
        description="Print the journal's figures for a year (default: all time): entries, "
        "words, the current streak and the longest one (working days in a row with an "
        "entry, as the reminder schedule in Settings defines them) and the most used tags.",
    )
    st.add_argument("--year", type=_year, metavar="Y", help="only this year (e.g. 2026)")
    st.add_argument("--json", action="store_true", help="print a JSON object")


def _team(sub: argparse._SubParsersAction[Any]) -> None:
    from journal.cli_team import add_parsers as add_team_parsers  # the team log's commands

    add_team_parsers(sub, entry_id)


# Every command's parser, in the order of the help's list, with the command names it adds.
COMMAND_PARSERS: tuple[
    tuple[tuple[str, ...], Callable[[argparse._SubParsersAction[Any]], None]], ...
] = (
    (("gui",), _gui),
    (("prompt",), _prompt),
    (("add",), _add),
    (("list",), lambda sub: _listing(sub, "list")),
    (("search",), lambda sub: _listing(sub, "search")),
    (("show",), _show),
    (("edit",), _edit),
    (("attach",), _attach),
    (("delete",), _delete),
    (("trash",), _trash),
    (("undelete",), _undelete),
    (("purge",), _purge),
    (("import",), _import),
    (("export",), _export),
    (("backup",), _backup),
    (("restore",), _restore),
    (("check",), _check),
    (("stats",), _stats),
    (TEAM_COMMANDS, _team),
    (cli_crypto.COMMANDS, cli_crypto.add_parsers),
)
COMMAND_NAMES = frozenset(name for names, _add in COMMAND_PARSERS for name in names)
# Top-level options argparse reads as they are written (no abbreviation, no help).
_PLAIN_FLAGS = ("--verbose", "--passphrase-stdin")


def needed_command(argv: Sequence[str]) -> str | None:
    """The one command whose parser parsing `argv` needs, "" for none, or None for all.

    Only when every word before the command is a top-level option written in full (so
    argparse cannot read it otherwise) and the command is one of ours; help, abbreviations,
    `--`, a mistyped command and the like get the whole parser, and its messages.
    """
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--home" and i + 1 < len(argv):
            i += 2
        elif word in _PLAIN_FLAGS or word.startswith("--home="):
            i += 1
        else:
            return word if word in COMMAND_NAMES else None
    return ""


# -- commands --------------------------------------------------------------------------------


def _year(text: str) -> int:
    if not (text.isdigit() and 1 <= int(text) <= 9999):
        raise argparse.ArgumentTypeError(f"'{text}' is not a year (e.g. 2026)")
    return int(text)
