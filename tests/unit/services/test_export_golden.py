"""Golden files: a fixed small journal exported in every format must match tests/golden/.

To regenerate after an intended change, run
    DAYBOOK_REGEN_GOLDEN=1 python -m pytest tests/unit/services/test_export_golden.py
then read the diff (`git diff tests/golden`) before committing it. Pygments' CSS is replaced
by a placeholder before comparing, so a new Pygments release does not break the files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, NotRequired, TypedDict

import pytest

from journal.services.export import ExportOptions, build_export

if TYPE_CHECKING:
    from journal.services.journal import Journal

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
REGEN = os.environ.get("DAYBOOK_REGEN_GOLDEN") == "1"
ZONE = dt.timezone(dt.timedelta(hours=1))

PROMPT = """\
## What did I work on?
Moved the nightly report onto the new **query planner**.

## What did I learn from it?
An index on `(day, created_at)` beats sorting in Python:

```python
rows = conn.execute("SELECT * FROM entries ORDER BY day").fetchall()
```

## What will I do next, and what is worth sharing?
Write it up for the team. #sharing"""


class Item(TypedDict):
    """One entry of the fixed journal."""

    day: dt.date
    title: str
    body: str
    tags: list[str]
    private: NotRequired[bool]


SMALL_JOURNAL: list[Item] = [
    {
        "day": dt.date(2026, 3, 2),
        "title": "Planner day",
        "body": PROMPT,
        "tags": ["sql"],
    },
    {
        "day": dt.date(2026, 3, 3),
        "title": "Retro *notes* <b>raw</b>",
        "body": "# Retro\n\nWent well:\n\n- pairing\n- short reviews\n\n"
        "```private\nFeeling stretched; talk to my lead.\n```\n\n"
        "| what | count |\n|---|---:|\n| bugs | 3 |\n\n"
        "[the runbook](https://example.org/runbook) and ![diagram](https://example.org/d.png)",
        "tags": ["team", "retro"],
    },
    {
        "day": dt.date(2026, 3, 3),
        "title": "",
        "body": "An untitled second note the same day, with a > quote:\n\n> Make it work.",
        "tags": [],
    },
    {
        "day": dt.date(2026, 3, 4),
        "title": "Private one",
        "body": "Salary talk. Never exported unless asked.",
        "tags": ["private-stuff"],
        "private": True,
    },
    {
        "day": dt.date(2026, 3, 6),
        "title": "Learning log",
        "body": "### What I learned\nUnclosed fences must not swallow the next entry:\n\n```\nopen",
        "tags": [],
    },
]

CASES = {
    "export.md": ExportOptions(format="markdown"),
    "export-front-matter.md": ExportOptions(format="markdown", front_matter=True),
    "export.html": ExportOptions(format="html"),
    "export-private.html": ExportOptions(format="html", include_private=True),
    "digest.md": ExportOptions(format="markdown", digest=True),
    "digest.html": ExportOptions(format="html", digest=True),
}


def fill(journal: Journal) -> None:
    """The fixed journal: same ids, times and text on every run."""
    for n, item in enumerate(SMALL_JOURNAL):
        journal.add(
            item["body"],
            title=item["title"],
            tags=item["tags"],
            private=item.get("private", False),
            day=item["day"],
            created=dt.datetime.combine(item["day"], dt.time(17, n), tzinfo=ZONE),
        )


def normalise(text: str) -> str:
    """The export with Pygments' generated CSS swapped for a placeholder."""
    return re.sub(
        r"/\* code: Pygments \*/.*?</style>",
        "/* code: Pygments */\n(Pygments CSS)\n</style>",
        text,
        flags=re.DOTALL,
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_golden_file(journal: Journal, name: str) -> None:
    fill(journal)
    text = normalise(build_export(journal, CASES[name]).text)
    golden = GOLDEN / name
    if REGEN:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; regenerate (see the module docstring)"
    assert text == golden.read_text(encoding="utf-8")


def test_split_files_match_golden_folder(journal: Journal) -> None:
    fill(journal)
    files = build_export(journal, ExportOptions(split=True, front_matter=True)).files
    folder = GOLDEN / "split"
    if REGEN:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.md"):
            old.unlink()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    assert sorted(files) == sorted(p.name for p in folder.glob("*.md"))
    for name, text in files.items():
        assert text == (folder / name).read_text(encoding="utf-8"), name


def test_export_is_deterministic(journal: Journal) -> None:
    fill(journal)
    for options in CASES.values():
        assert build_export(journal, options).text == build_export(journal, options).text
