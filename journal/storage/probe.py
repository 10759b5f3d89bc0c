"""Run a search on texts that are not in the journal, as the journal's own index would.

`export --search` must not choose an entry for words that sit only in its private blocks:
the export re-runs the query's text on the entries' public text, here, in a throw-away
in-memory FTS5 table built exactly like `entries_fts` (see migration 0001).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# Must stay the same as entries_fts's options (tests compare it with a real journal's).
FTS_OPTIONS = "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"


def fts_matches(match: str, docs: Iterable[tuple[int, str, str, str]]) -> set[int]:
    """The ids of `docs` (id, title, body, tags) that the FTS5 expression `match` finds."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute(f"CREATE VIRTUAL TABLE probe USING fts5(title, body, tag_list, {FTS_OPTIONS})")
        con.executemany("INSERT INTO probe(rowid, title, body, tag_list) VALUES (?,?,?,?)", docs)
        rows = con.execute("SELECT rowid FROM probe WHERE probe MATCH ?", (match,))
        return {int(row[0]) for row in rows}
    finally:
        con.close()
