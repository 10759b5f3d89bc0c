"""`daybook prompt` as its own process: it types its answers (DAYBOOK_TEST_ANSWERS), saves with
Ctrl+Return and exits; `daybook list --json` then finds the reflection with its headings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from journal.domain.prompts import DEFAULT_SET

if TYPE_CHECKING:
    from pathlib import Path

WORK, LEARN, NEXT = DEFAULT_SET.questions


def _run(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


def test_prompt_process_saves_a_reflection(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    home = tmp_path / "journal"
    answers = ["Moved the sync engine to WAL\n- and measured it", "", "Share the numbers"]
    done = _run(
        home,
        "prompt",
        "--date",
        "2026-11-19",
        env={"DAYBOOK_HOME": str(home), "DAYBOOK_TEST_ANSWERS": json.dumps(answers)},
    )
    assert done.returncode == 0, done.stderr
    listed = _run(home, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    assert len(entries) == 1
    entry = entries[0]
    assert entry["date"] == "2026-11-19"
    assert entry["body"] == (
        f"## {WORK}\n\nMoved the sync engine to WAL\n- and measured it\n\n"
        f"## {NEXT}\n\nShare the numbers"
    )
    assert not (home / "drafts" / "prompt" / "prompt-2026-11-19.json").exists()


def test_prompt_with_a_bad_date_is_a_one_line_error(tmp_path: Path) -> None:
    done = _run(tmp_path / "journal", "prompt", "--date", "someday")
    assert done.returncode == 1
    assert done.stderr.startswith("daybook: error: ")
    assert "Traceback" not in done.stderr
