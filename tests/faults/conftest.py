"""The fault suite's table: each test records (fault, times tried, entries lost, note).

The table is printed at the end of every run that included the suite, so the numbers
behind "nothing lost" are in the CI log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest


@dataclass
class FaultRow:
    """One line of the fault table."""

    fault: str
    tried: int
    lost: int
    note: str = ""


ROWS: list[FaultRow] = []


Record = Callable[[str, int, int, str], None]


@pytest.fixture
def fault_table() -> Record:
    """`fault_table(fault, tried, lost, note)` adds a row to the table."""

    def record(fault: str, tried: int, lost: int, note: str = "") -> None:
        ROWS.append(FaultRow(fault, tried, lost, note))

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    terminalreporter.section("fault table")
    terminalreporter.write_line(f"{'fault':<58} {'tried':>6} {'lost':>5}  note")
    for row in ROWS:
        terminalreporter.write_line(f"{row.fault:<58} {row.tried:>6} {row.lost:>5}  {row.note}")
