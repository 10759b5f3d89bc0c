"""The `daybook` command line. Heavy modules (Qt, SQLAlchemy, Markdown) load only when a
command needs them, so `daybook search` starts fast.

This module parses the command line, runs one command and turns its errors into one line.
The commands themselves are in `cli_entries` (entries: add, list, search, ...),
`cli_exchange` (import, export), `cli_upkeep` (backup, restore, check), `cli_crypto`,
`cli_team`, and print through `cli_output`; each is imported only when its command runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from journal import cli_crypto
from journal.cli_input import not_utf8, query_first
from journal.cli_parser import TEAM_COMMANDS, build_parser
from journal.errors import DamagedJournalError, DaybookError, StorageError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from journal.paths import AppPaths
    from journal.services.journal import Journal

    Command = Callable[[Journal, argparse.Namespace], int]

# Each command run on an open journal: the module of journal that has its `cmd_` function.
COMMAND_MODULES: dict[str, str] = {
    "add": "cli_entries",
    "attach": "cli_entries",
    "list": "cli_entries",
    "search": "cli_entries",
    "show": "cli_entries",
    "edit": "cli_entries",
    "delete": "cli_entries",
    "trash": "cli_entries",
    "undelete": "cli_entries",
    "purge": "cli_entries",
    "stats": "cli_entries",
    "import": "cli_exchange",
    "export": "cli_exchange",
    "backup": "cli_upkeep",
    "check": "cli_upkeep",
}


def command(name: str) -> Command:
    """The function that runs the command `name` on an open journal (its module loaded now)."""
    import importlib

    module = importlib.import_module(f"journal.{COMMAND_MODULES[name]}")
    function: Command = getattr(module, f"cmd_{name}")
    return function


def defer_import(name: str) -> None:
    """Make `import name` cheap: a stand-in module takes its place and loads the real one
    at the first look-up of one of its names, then holds its names too.

    For `inspect`: `dataclasses` imports it (with `ast`, `dis` and `tokenize`) only to
    write a docstring for a dataclass that has none, and ours all have one: it was about
    an eighth of a whole `daybook search`. importlib's LazyLoader does not help here: the
    import statement itself reads the module's `__spec__`, which loads it.
    """
    if name in sys.modules:
        return
    import importlib
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = type(sys)(name)
    stand_in.__spec__ = spec

    def load(attribute: str) -> Any:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        real = importlib.import_module(name)
        stand_in.__dict__.update(real.__dict__)
        return getattr(real, attribute)

    stand_in.__getattr__ = load  # type: ignore[method-assign]
    sys.modules[name] = stand_in


def _on_interrupt(_signum: int, _frame: object) -> None:
    """Ctrl+C: SQLite stops the running statement at its next step (journal.cancel), and the
    command unwinds as after any KeyboardInterrupt."""
    from journal import cancel

    cancel.interrupt_process()
    raise KeyboardInterrupt


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; every usage error exits 2 with one line."""
    parser = build_parser(argv)
    args = parser.parse_args(query_first(argv, parser))
    if (name := not_utf8(args, parser)) is not None:
        parser.error(f"{name} is not UTF-8 text; write it in UTF-8")
    if args.command == "purge" and args.all == bool(args.ids):
        parser.error("purge: give the ids of entries in the Trash, or --all")
    if args.home is not None and not args.home.strip():
        parser.error("--home is empty; name a folder, or leave --home out")
    if args.home is None and os.environ.get("DAYBOOK_HOME", "x").strip() == "":
        parser.error("DAYBOOK_HOME is set but empty; name a folder, or unset it")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    import signal
    import threading

    from journal import cancel

    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.command not in (None, "gui", "prompt", *TEAM_COMMANDS):
        defer_import("inspect")
    cancel.clear_process_interrupt()
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, _on_interrupt) if in_main else None
    try:
        from journal.paths import AppPaths

        paths = AppPaths.resolve(args.home)
        paths.check()
        if args.command not in (None, "gui"):  # the app says it in its window
            _finish_interrupted_restore(paths)
        if args.command in (None, "gui"):
            from journal.app import run_gui

            return run_gui(
                paths,
                [sys.argv[0]],
                minimized=getattr(args, "minimized", False),
                verbose=args.verbose,
            )
        if args.command == "prompt":
            from journal.app import run_prompt

            return run_prompt(paths, [sys.argv[0]], args.date)
        if args.command in cli_crypto.COMMANDS:
            return cli_crypto.run(paths, args)
        if args.command == "restore":
            from journal.cli_upkeep import restore

            return restore(paths, args)  # unlocks as it can: the journal may be damaged
        if not (args.command == "backup" and args.list):
            cli_crypto.unlock(paths, args)  # an encrypted journal: its passphrase, checked
        if args.command == "add":
            # Read before opening: if the journal cannot be opened, the text is not lost.
            # Images are checked first: a refused one stops the command before any writing.
            args.images = []
            if args.image:
                from journal.services.attachments import read_images

                args.images = read_images(args.image)
            only_images = args.images and not args.text and sys.stdin.isatty()
            from journal.cli_entries import read_text

            args.body = "" if only_images else read_text(args.text)
        if args.command == "backup" and args.list:
            from journal.cli_upkeep import list_backups

            return list_backups(paths)  # works when the journal cannot be opened
        if args.command in TEAM_COMMANDS:
            from journal.cli_team import run as run_team

            return run_team(paths, args)
        from journal.services.journal import Journal

        try:
            journal = Journal.open(paths)
            with journal:
                return command(args.command)(journal, args)
        except StorageError as exc:
            if args.command != "add":
                raise
            from journal.cli_entries import unsaved_error

            raise unsaved_error(exc, args.body, piped=not args.text or args.text == ["-"]) from exc
    except DamagedJournalError as exc:
        print(f"daybook: error: {_with_rescue(exc, args.home)}", file=sys.stderr)
        return 1
    except DaybookError as exc:
        print(f"daybook: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("daybook: interrupted; nothing was saved by the interrupted step", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        _flush(sys.stdout)
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _finish_interrupted_restore(paths: AppPaths) -> None:
    """A restore cut short by a crash is finished before anything opens the journal."""
    from journal.services.rescue import finish_interrupted_restore

    note = finish_interrupted_restore(paths)
    if note:
        print(f"daybook: {note}", file=sys.stderr)


def _with_rescue(exc: DamagedJournalError, home: str | None) -> DaybookError:
    """A damaged journal's error, its hint naming the newest good backup to restore."""
    from journal.paths import AppPaths
    from journal.services.health import damaged_hint

    paths = AppPaths.resolve(home)
    if exc.path is None or exc.path.resolve() != paths.database.resolve():
        return exc  # a damaged backup being read: its own hint says what to do
    return DamagedJournalError(exc.what, damaged_hint(paths), exc.path)


def _flush(stream: Any) -> None:
    with contextlib.suppress(BrokenPipeError, ValueError, OSError):
        stream.flush()
