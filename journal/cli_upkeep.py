"""`daybook backup`, `restore`, `backup --list` and `check`: the journal file's upkeep."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from journal import cli_crypto
from journal.errors import DaybookError

if TYPE_CHECKING:
    import argparse

    from journal.paths import AppPaths
    from journal.services.journal import Journal

from journal.cli_output import count_entries


def cmd_backup(journal: Journal, args: argparse.Namespace) -> int:
    path = journal.backup(args.to, args.force)
    print(path)
    return 0


def restore(paths: AppPaths, args: argparse.Namespace) -> int:
    """`daybook restore`: a healthy journal is kept as a pre-restore backup, a damaged one
    (which cannot be copied) is moved aside unchanged; see `restore_journal`. Says exactly
    where the journal as it was went and how the restored one is stored."""
    from journal.services.health import restore_journal
    from journal.storage.backup import refuse_special_file

    refuse_special_file(args.file)  # before anything reads it: a FIFO would wait for ever
    unchecked = cli_crypto.unlock_for_restore(paths, args)
    source = args.file
    done = restore_journal(paths, source, cli_crypto.backup_passphrase(paths, args), unchecked)
    if done.moved_aside is not None:
        what = (
            "the journal, whose passphrase could not be checked,"
            if done.unchecked
            else "the damaged journal"
        )
        print(f"restored {source}; {what} was moved aside to {done.moved_aside}")
        if done.encrypted:
            print("the journal is encrypted with the backup's passphrase")
        elif done.was_encrypted:
            print(
                "the journal is now stored in plain (the backup was not encrypted): "
                "encrypt it again with `daybook encrypt`"
            )
    else:
        print(f"restored {source}; the journal as it was is kept in {done.safety_backup}")
    return 0


def list_backups(paths: AppPaths) -> int:
    from journal.services.backups import list_backups

    backups = list_backups(paths.backups)
    for b in backups:
        print(f"{b.time:%Y-%m-%d %H:%M:%S}  {b.kind:<11}  {_size(b.size):>8}  {b.path}")
    if not backups:
        print(f"no backups in {paths.backups}", file=sys.stderr)
    return 0


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def cmd_check(journal: Journal, args: argparse.Namespace) -> int:
    problems = journal.check()
    if problems:
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        raise DaybookError(
            f"the journal {journal.store.path} has {len(problems)} problem(s)",
            "restore a recent backup with `daybook restore FILE`",
        )
    rows, notices = journal.rule_problems()
    from journal.services.attachments import attachment_problems

    missing, orphaned = attachment_problems(journal)
    rows += [
        f"{where} refers to an image the journal does not hold; restore a backup that has it, "
        "or remove the reference with `daybook edit`"
        for where in missing
    ]
    if orphaned:
        notices.append(
            f"{len(orphaned)} stored image(s) are used by no entry (an image added to an entry "
            "that was never saved, or removed from its text): "
            + ", ".join(sha[:12] for sha in orphaned[:5])
            + (" …" if len(orphaned) > 5 else "")
        )
    for notice in notices:
        print(f"notice: {notice}", file=sys.stderr)
    if rows:
        for problem in rows:
            print(f"problem: {problem}", file=sys.stderr)
        raise DaybookError(
            f"the journal {journal.store.path} is intact but {len(rows)} entr"
            f"{'y breaks' if len(rows) == 1 else 'ies break'} its rules",
            "fix or delete each entry as said above",
        )
    print(
        f"ok: {journal.store.path} and its search index are intact "
        f"({count_entries(journal.store.count())})"
    )
    return 0
