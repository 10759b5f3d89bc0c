"""`daybook edit`: an entry in the user's $VISUAL/$EDITOR as a small header plus the body."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.entry import MAX_ENTRY_CHARS, Entry, oversize
from journal.errors import InputError

if TYPE_CHECKING:
    from journal.services.journal import Journal

HEADER_END = "---"


def to_text(entry: Entry) -> str:
    """The editable form: Title/Date/Tags/Private lines, '---', then the Markdown body."""
    return (
        f"Title: {entry.title}\nDate: {entry.day.isoformat()}\n"
        f"Tags: {', '.join(entry.tags)}\nPrivate: {'yes' if entry.private else 'no'}\n"
        f"{HEADER_END}\n{entry.body.rstrip()}\n"
    )


def from_text(text: str) -> dict[str, object]:
    """Parse the editable form back; raises InputError naming the faulty line."""
    import datetime as dt

    from journal.domain.dates import parse_day

    head, sep, body = text.partition(f"\n{HEADER_END}\n")
    if not sep:
        raise InputError(
            f"the line '{HEADER_END}' between the header and the text is missing",
            "put it back and save again",
        )
    fields: dict[str, object] = {"body": body.rstrip("\n")}
    for number, line in enumerate(head.splitlines(), start=1):
        key, colon, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if not line.strip():
            continue
        if not colon or key not in {"title", "date", "tags", "private"}:
            raise InputError(
                f"header line {number} '{line}' is not Title/Date/Tags/Private",
                "fix it and save again",
            )
        if key == "title":
            fields["title"] = value
        elif key == "date":
            fields["day"] = parse_day(value, dt.date.today())
        elif key == "tags":
            fields["tags"] = [t for t in (p.strip() for p in value.split(",")) if t]
        else:
            if value.lower() not in {"yes", "no", "true", "false"}:
                raise InputError(f"Private: '{value}' should be yes or no", "fix it and save again")
            fields["private"] = value.lower() in {"yes", "true"}
    return fields


def editor_command() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise InputError("no editor is set", "set VISUAL or EDITOR, e.g. export EDITOR=nano")
    return shlex.split(command)


def edit_in_editor(journal: Journal, entry_id: int) -> bool:
    """Open the entry in the editor and save what comes back; True if it changed.

    The text is written in the data folder's drafts (0600); if it cannot be saved the
    file stays there and the error names it, so nothing typed is lost.
    """
    entry = journal.get(entry_id)
    if journal.store.read_only:  # say so before the user types anything
        from journal.storage.db import read_only_error

        raise read_only_error(journal.store.path)
    original = to_text(entry)
    journal.paths.drafts.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f"edit-{entry_id}-", suffix=".md", dir=journal.paths.drafts)
    draft = Path(name)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(original)
    try:
        result = subprocess.run([*editor_command(), str(draft)], check=False)
    except OSError as exc:
        draft.unlink(missing_ok=True)
        raise InputError(f"cannot start the editor: {exc.strerror}", "check VISUAL/EDITOR") from exc
    try:
        with draft.open(encoding="utf-8") as fh:  # bounded: an entry and its header at most
            edited = fh.read(MAX_ENTRY_CHARS + 64 * 1024)
            if fh.read(1):
                raise InputError(
                    f"{oversize(MAX_ENTRY_CHARS + 1)} (your text is kept in {draft})",
                    "shorten it and run edit again",
                )
    except UnicodeDecodeError:
        raise InputError(
            f"what the editor saved is not UTF-8 text; nothing changed "
            f"(your text is kept in {draft})",
            "save it as UTF-8 in your editor, then copy it back with `daybook edit`",
        ) from None
    if result.returncode != 0 or edited == original:
        draft.unlink(missing_ok=True)
        if result.returncode != 0:
            raise InputError(
                f"the editor exited with status {result.returncode}; nothing changed", "edit again"
            )
        return False
    try:
        journal.edit(entry_id, **from_text(edited))
    except InputError as exc:
        raise InputError(f"{exc.what} (your text is kept in {draft})", exc.hint) from exc
    draft.unlink(missing_ok=True)
    return True
