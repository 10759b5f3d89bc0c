"""The timeline model and view: Qt model rules, paging, month headings, keyboard."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from journal.domain.entry import MARK_END, MARK_START, summary_of
from journal.domain.filters import EntryFilter
from journal.ui.timeline.timeline import Roles, TimelineModel, clean_snippet, preview
from journal.ui.timeline.timeline_view import TimelineView
from tests.ui.conftest import add_entries

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal


def kinds(model: TimelineModel) -> list[str]:
    return [model.index(r, 0).data(Roles.KIND) for r in range(model.rowCount())]


def test_model_passes_qmodeltester(journal: Journal, qtmodeltester: Any) -> None:
    add_entries(journal, 60)
    model = TimelineModel(journal, page_size=20)
    model.show_listing()
    qtmodeltester.check(model, force_py=True)
    _query, hits = journal.search("caching", EntryFilter(), limit=30)
    model.show_hits([(summary_of(h.entry), h.snippet) for h in hits])
    qtmodeltester.check(model, force_py=True)


def test_fetch_more_reads_pages_on_demand(journal: Journal) -> None:
    add_entries(journal, 300)
    model = TimelineModel(journal, page_size=25)
    model.show_listing()
    assert model.entry_count() == 25
    assert model.fetch_count == 1
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.entry_count() == 300
    assert model.fetch_count == 13  # 12 full pages and one that finds the end
    days = [e.day for r in range(model.rowCount()) if (e := model.entry_at(r))]
    assert days == sorted(days, reverse=True)
    assert len(set(days)) == 300  # no entry twice, none lost at page edges


def test_view_fetches_when_scrolled_to_the_end(journal: Journal, qtbot: QtBot) -> None:
    add_entries(journal, 300)
    model = TimelineModel(journal, page_size=20)
    model.show_listing()
    view = TimelineView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 600)
    view.show()
    qtbot.waitExposed(view)
    loaded = model.entry_count()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.entry_count() > loaded)
    assert model.entry_count() < 300


def test_entries_are_grouped_under_month_headings(journal: Journal) -> None:
    add_entries(journal, 70, start=dt.date(2026, 3, 5))  # 5 March back to 26 December
    model = TimelineModel(journal, page_size=30)  # headings must not repeat at page edges
    model.show_listing()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    headings = [model.index(r, 0).data() for r in range(model.rowCount()) if model.is_heading(r)]
    assert headings == ["March 2026", "February 2026", "January 2026", "December 2025"]
    assert kinds(model)[0] == "month"
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable == Qt.ItemFlag(0)


def test_rows_carry_what_the_delegate_paints(journal: Journal) -> None:
    journal.add(
        "## What I learned\nThe **retry** storm came from [our client](https://x.example).",
        title="",
        tags=("incident",),
        private=True,
        day=dt.date(2026, 11, 2),
    )
    model = TimelineModel(journal)
    model.show_listing()
    index = model.index(1, 0)
    assert index.data() == "What I learned"  # no title: the first line
    assert index.data(Roles.SNIPPET) == "The retry storm came from our client."
    entry = index.data(Roles.ENTRY)
    assert entry.private and entry.tags == ("incident",)
    assert "private" in index.data(Qt.ItemDataRole.AccessibleTextRole)


def test_remove_entry_takes_an_empty_heading_with_it(journal: Journal) -> None:
    journal.add("only one in October", day=dt.date(2026, 10, 3))
    journal.add("November", day=dt.date(2026, 11, 3))
    model = TimelineModel(journal)
    model.show_listing()
    assert kinds(model) == ["month", "entry", "month", "entry"]
    october = model.entry_at(3)
    assert october is not None
    model.remove_entry(october.id)
    assert kinds(model) == ["month", "entry"]


def test_keyboard_moves_between_entries_skipping_headings(journal: Journal, qtbot: QtBot) -> None:
    add_entries(journal, 40, start=dt.date(2026, 3, 3))  # three months: two headings inside
    model = TimelineModel(journal)
    model.show_listing()
    view = TimelineView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 500)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    view.select_row(0)
    assert view.currentIndex().row() == 1  # the heading is skipped
    seen = []
    for _ in range(45):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        seen.append(view.currentIndex().row())
    assert all(not model.is_heading(r) for r in seen)
    assert seen[-1] == model.rowCount() - 1  # stops at the end
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == model.rowCount() - 1
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert not model.is_heading(view.currentIndex().row())
    # Up from the first entry in March goes to the last of February... and never a heading.
    row_of_first_february = next(
        r for r in range(model.rowCount()) if (e := model.entry_at(r)) and e.day.month == 2
    )
    view.setCurrentIndex(model.index(row_of_first_february, 0))
    qtbot.keyClick(view, Qt.Key.Key_Up)
    current = model.entry_at(view.currentIndex().row())
    assert current is not None and current.day == dt.date(2026, 3, 1)
    with qtbot.waitSignal(view.editRequested) as edit:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert edit.args[0].day == dt.date(2026, 3, 1)
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection


def test_snippets_put_the_first_match_near_the_start() -> None:
    long = "## What I worked on\n" + "word " * 40 + f"the {MARK_START}clock{MARK_END} moved"
    text = clean_snippet(long)
    assert text.startswith("…")
    assert text.index(MARK_START) < 60
    assert "##" not in text
    assert preview("# Heading\n*Bold* and `code` [link](http://a)") == "Bold and code link"
    # A long body is read only as far as the preview needs, in whole lines.
    long_body = "\n".join(f"Line {n} with a [link](http://example.com/{n})" for n in range(500))
    shown = preview(long_body)
    assert shown.startswith("Line 0 with a link Line 1 with a link") and shown.endswith("…")
    assert "](" not in shown and len(shown) <= 200


def test_the_calendar_header_follows_the_theme(
    journal: Journal, qtbot: QtBot, qapp: QApplication
) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QWidget

    from journal.ui.common.theme import make_palette
    from journal.ui.timeline.calendar import JournalCalendar

    calendar = JournalCalendar(journal)
    qtbot.addWidget(calendar)
    for dark in (False, True):
        calendar.setPalette(make_palette(dark))
        bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
        assert bar is not None
        window = make_palette(dark).color(QPalette.ColorRole.Window).name()
        highlight = make_palette(dark).color(QPalette.ColorRole.Highlight).name()
        assert window in bar.styleSheet() and highlight not in bar.styleSheet()
