"""Counts in words: one and many are different sentences, never "1 entries"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from journal.ui.common import wording
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1 thing"), (2, "2 things"), (0, "0 things"), (12345, "12,345 things")],
)
def test_count_picks_the_sentence(n: int, text: str, qapp: QApplication) -> None:
    assert wording.count(n, "1 thing", "{0} things") == text


@pytest.mark.parametrize(
    ("day", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (30, "30th"), (31, "31st")],
)  # fmt: skip
def test_ordinal_days(day: int, text: str, qapp: QApplication) -> None:
    assert wording.ordinal_day(day) == text


def test_the_trash_says_one_deleted_entry(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot
) -> None:
    add_entries(journal, 3)
    journal.store.delete(journal.store.list_entries(limit=1)[0].id)
    window = make_window(journal)
    window.panes.trash_button.click()
    qtbot.waitUntil(lambda: "deleted" in window.panes.trash.hint.text())
    assert window.panes.trash.hint.text().startswith("1 deleted entry. It stays")
