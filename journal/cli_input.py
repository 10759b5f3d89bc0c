"""What the command line accepts, checked before any command runs.

Argument types for argparse (ids, limits, dates), the check that every text argument is
UTF-8, and the rewriting that lets `daybook search -tag:ci` mean a query rather than an
option. Importing it loads only argparse and re.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

# SQLite's INTEGER is 64-bit: no entry can have an id above this, and no limit need be larger.
MAX_ID = 2**63 - 1
_NUMBER = re.compile(r"#?([0-9]{1,30})")  # ASCII digits only: not "1_000", "١", " 1"

# Options whose values name files or folders: any bytes the system allows are fine there.
PATH_DESTS = frozenset({"home", "output", "path", "to", "file"})
# How to name a positional argument in a message.
POSITIONAL_NAMES = {"text": "the text", "query": "the query"}


def _shown(text: str, limit: int = 30) -> str:
    from journal.domain.dates import shown

    return shown(text, limit)


def entry_id(text: str) -> int:
    """An entry id as typed (`12` or `#12`); anything beyond 64 bits cannot exist."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"'{_shown(text)}' is not an entry id (a number)")
    value = int(match[1])
    if value > MAX_ID:
        raise argparse.ArgumentTypeError(
            f"'{_shown(text)}' is not an entry id (ids go up to {MAX_ID})"
        )
    return value


def positive_int(text: str) -> int:
    """A count of 1 or more; a count beyond 64 bits means "no limit" in practice."""
    match = _NUMBER.fullmatch(text.strip())
    if match is None or text.strip().startswith("#"):
        raise argparse.ArgumentTypeError(f"'{_shown(text)}' is not a whole number")
    value = int(match[1])
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return min(value, MAX_ID)


def date_text(text: str) -> str:
    """A date option's value: checked for emptiness here, read later (relative to today)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the date is empty; write it as YYYY-MM-DD or 'today'")
    return text


# -- text that is not UTF-8 ----------------------------------------------------------------


def _is_utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # surrogates: bytes the system could not decode as UTF-8
        return False
    return True


def not_utf8(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str | None:
    """The name of the first text argument that is not UTF-8 (None when all are).

    Python hands over undecodable argument bytes as lone surrogates; they would fail much
    later, when the text is stored or printed. Paths are left alone: a file name may be
    any bytes.
    """
    for dest, value in vars(args).items():
        if dest in PATH_DESTS:
            continue
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and not _is_utf8(v) for v in values):
            return _argument_name(parser, args, dest)
    return None


def _argument_name(parser: argparse.ArgumentParser, args: argparse.Namespace, dest: str) -> str:
    if dest in POSITIONAL_NAMES:
        return POSITIONAL_NAMES[dest]
    command = getattr(args, "command", None)
    for action in _actions(parser, command):
        if action.dest == dest and action.option_strings:
            return max(action.option_strings, key=len)
    return dest


def _actions(parser: argparse.ArgumentParser, command: str | None) -> list[argparse.Action]:
    """The actions of `command`'s parser, then the top-level ones."""
    found: list[argparse.Action] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            found.extend(action.choices[command]._actions)
    return found + list(parser._actions)


# -- `daybook search -tag:ci` ---------------------------------------------------------------


def query_first(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """`argv` with every word after `search` that is not one of its options moved after a
    `--`, so argparse takes `-tag:ci` and `-staging` as the query (the README's syntax)
    instead of refusing them as unknown options. Words keep their order."""
    argv = _joined_search_values(list(argv))
    at = _command_index(argv, parser)
    if at is None or argv[at] != "search":
        return argv
    options: dict[str, int] = {}
    for action in _actions(parser, "search"):
        count = 0 if action.nargs == 0 else 1
        for name in action.option_strings:
            options[name] = count
    head, rest = argv[: at + 1], argv[at + 1 :]
    kept: list[str] = []
    query: list[str] = []
    i = 0
    while i < len(rest):
        word = rest[i]
        if word == "--":
            query.extend(rest[i + 1 :])
            break
        name = word.split("=", 1)[0] if word.startswith("--") else word
        takes = options.get(name) if name.startswith("-") else None
        if takes is None and word.startswith("--") and len(word) > 2:
            long = [o for o in options if o.startswith("--") and o.startswith(name)]
            takes = options[long[0]] if len(long) == 1 else None
        if takes is None:
            query.append(word)
        else:
            kept.append(word)
            if takes and "=" not in word and i + 1 < len(rest):
                kept.append(rest[i + 1])
                i += 1
        i += 1
    return head + kept + (["--", *query] if query else [])


def _joined_search_values(argv: list[str]) -> list[str]:
    """`--search -tag:ci` (export's option) as `--search=-tag:ci`: a query may start with
    `-`, which argparse would otherwise read as an option and refuse."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            return out + argv[i:]
        if word == "--search" and i + 1 < len(argv) and argv[i + 1].startswith("-"):
            out.append(f"--search={argv[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def _command_index(argv: list[str], parser: argparse.ArgumentParser) -> int | None:
    """Where the command word is in `argv`, after the top-level options."""
    takes_value = {
        name
        for action in parser._actions
        if action.option_strings and action.nargs != 0
        for name in action.option_strings
    }
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            return i + 1 if i + 1 < len(argv) else None
        if not word.startswith("-"):
            return i
        i += 2 if word in takes_value else 1
    return None
