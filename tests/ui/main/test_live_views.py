"""Every view follows the journal's change feed: whatever changed it (an action in this
window, a worker thread, the prompt, an import, another process), the timeline, calendar,
tags and counts, streak, On This Day, reader, search results and Insights show the journal
as it is, without any action refreshing them by name."""

from __future__ import annotations

import calendar as pycal
import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDate, Qt

from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET
from journal.services.prompt import PromptService
from journal.settings import Settings
from journal.ui.common import wording
from journal.ui.common.i18n import numeric_day

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
TODAY = dt.date.today()
WORK = DEFAULT_SET.questions[0]


def _months_ago(months: int) -> dt.date:
    """The same day of the month `months` months before today (an On This Day date)."""
    year, month = divmod(TODAY.year * 12 + TODAY.month - 1 - months, 12)
    return dt.date(year, month + 1, min(TODAY.day, 28))


def _calendar_range(window: Any) -> tuple[dt.date, dt.date]:
    year, month = window.panes.calendar.yearShown(), window.panes.calendar.monthShown()
    first = dt.date(year, month, 1) - dt.timedelta(days=7)
    last = dt.date(year, month, pycal.monthrange(year, month)[1]) + dt.timedelta(days=14)
    return first, last


def views(window: Any, desk: Any) -> dict[str, object]:
    """What each subscribed view shows now."""
    model = window.panes.model
    shown = [model.entry_at(r) for r in range(model.rowCount())]
    reader = window.panes.reader.entry
    tags = [
        (window.panes.sidebar.tags_list.item(i).data(Qt.ItemDataRole.UserRole),
         window.panes.sidebar.tags_list.item(i).toolTip())
        for i in range(window.panes.sidebar.tags_list.count())
    ]  # fmt: skip
    memories = [
        window.panes.sidebar.memory_list.item(i).text()
        for i in range(window.panes.sidebar.memory_list.count())
    ]
    found: dict[str, object] = {
        "timeline": [(e.id, e.title, e.preview) for e in shown if e is not None],
        "calendar": window.panes.calendar.counts(),
        "tags": tags,
        "count": window.panes.sidebar.stats_label.text(),
        "streak": window.panes.streak_label.text(),
        "on this day": memories,
        "reader": None if reader is None else (reader.id, reader.title, reader.body),
        "pages": (window.panes.list_empty.isVisible(), window.panes.right_stack.currentWidget()),
    }
    if window.insights_dialog is not None:
        found["insights"] = window.insights_dialog.entries_label.text()
    return found


def truth(window: Any, desk: Any, journal: Journal, query: str = "") -> dict[str, object]:
    """What each view should show, read from the journal itself."""
    if query:
        _q, hits = journal.search(query, EntryFilter(), limit=None)
        listed = [h.entry for h in hits]
    else:
        listed = journal.list_entries(EntryFilter(), limit=None)
    counts = journal.tag_counts()
    total = journal.count(EntryFilter())
    streak = desk.service.streak().current
    reader = window.panes.reader.entry
    expected_reader: object = None
    if reader is not None:
        assert reader.id in {e.id for e in listed}, "the reader shows an entry not listed"
        fresh = journal.get(reader.id)
        expected_reader = (fresh.id, fresh.title, fresh.body)
    found: dict[str, object] = {
        "timeline": [(e.id, e.title, e.body) for e in listed],
        "calendar": journal.day_counts(*_calendar_range(window)),
        "tags": [(name, wording.entries(n)) for name, n in counts],
        "count": f"{wording.entries(total)} · {wording.tags(len(counts))}" if total else "",
        "streak": f"Streak: {streak}" if streak else "",
        "on this day": [
            f"{numeric_day(e.day)} · {e.display_title}" for e in journal.on_this_day(TODAY, 5)
        ],
        "reader": expected_reader,
        "pages": (
            not listed,
            window.panes.empty_state if total == 0 else window.panes.reader,
        ),
    }
    if window.insights_dialog is not None:
        stats = window.insights_dialog.insights.stats(window.insights_dialog.year)
        found["insights"] = f"{stats.entries:,}"
    return found


def in_step(qtbot: QtBot, window: Any, desk: Any, journal: Journal, query: str = "") -> None:
    """Wait until every view shows the journal as it is (fails after the timeout)."""
    last: list[Any] = [None, None]

    def check() -> None:
        last[:] = [views(window, desk), truth(window, desk, journal, query)]
        assert last[0] == last[1]

    try:
        qtbot.waitUntil(check, timeout=10_000)
    except Exception:  # pytest-qt's TimeoutError: say which views are stale
        stale = [k for k in last[1] if last[0].get(k) != last[1][k]]
        raise AssertionError(f"stale views: {stale}\nshown: {last[0]}\nwanted: {last[1]}") from None


@pytest.fixture
def desk(make_desk_live: Any, journal: Journal) -> Any:
    return make_desk_live(journal)


def _seed(journal: Journal) -> list[Any]:
    yesterday = TODAY - dt.timedelta(days=1)
    return [
        journal.add("Caching notes", title="Cache", tags=["work"], day=_months_ago(1)),
        journal.add("Queues and caching", title="Queues", tags=["learning"], day=_months_ago(12)),
        journal.add("Yesterday's caching", title="Yesterday", tags=["work"], day=yesterday),
    ]


@pytest.mark.parametrize("query", ["", "caching"])
def test_every_change_kind_reaches_every_view(
    desk: Any, journal: Journal, qtbot: QtBot, paths: AppPaths, errors: list[Any], query: str
) -> None:
    """add, edit, delete, undo, restore from the Trash, purge, import, another process:
    after each, every view (the timeline or the search results) shows the journal as is."""
    window = desk.window
    window.panes.calendar.setSelectedDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    window.open_insights()
    in_step(qtbot, window, desk, journal)
    first, older, _yesterday = _seed(journal)  # added from outside the window's actions
    in_step(qtbot, window, desk, journal)
    if query:
        window.panes.search_bar.field.setText(query)
        window.panes.search_bar.flush()
        in_step(qtbot, window, desk, journal, query)
    window.select_id(first.id)
    assert window.panes.reader.entry is not None and window.panes.reader.entry.id == first.id

    # add (today: the streak and the calendar's month change)
    today = journal.add("Today's caching", title="Today", tags=["new"], day=TODAY)
    in_step(qtbot, window, desk, journal, query)
    # edit: title, tags and day of the entry the reader shows
    journal.edit(first.id, title="Cache, renamed", tags=("work", "renamed"))
    in_step(qtbot, window, desk, journal, query)
    assert window.panes.reader.entry.title == "Cache, renamed"
    # edit in the window's editor, as a user types (saved, then the editor closed)
    window.edit_entry(journal.get(first.id))
    window.panes.editor.body_edit.selectAll()
    qtbot.keyClicks(window.panes.editor.body_edit, "Caching, typed in the editor")
    assert window.panes.editor.flush()
    window.entry_controller.close_editor()
    in_step(qtbot, window, desk, journal, query)
    assert window.panes.reader.entry.body == "Caching, typed in the editor"
    # delete from the window (the reader moves on), then Undo
    window.delete_entry(journal.get(today.id))
    in_step(qtbot, window, desk, journal, query)
    window.ui_actions.undo_action.trigger()
    in_step(qtbot, window, desk, journal, query)
    # delete, then restore from the Trash
    window.delete_entry(journal.get(older.id))
    in_step(qtbot, window, desk, journal, query)
    window.panes.trash_button.setChecked(True)
    window.panes.trash.view.select_row(window.panes.trash.model.row_of(older.id))
    window.panes.trash.restore_button.click()
    assert window.panes.trash.model.row_of(older.id) < 0  # the Trash's list followed too
    window.panes.trash_button.setChecked(False)
    in_step(qtbot, window, desk, journal, query)
    # purge (from a worker thread, as Empty Trash does)
    journal.delete(today.id)
    in_step(qtbot, window, desk, journal, query)
    worker = threading.Thread(target=journal.empty_trash)
    worker.start()
    worker.join()
    in_step(qtbot, window, desk, journal, query)
    # import, from another thread
    worker = threading.Thread(target=journal.import_file, args=("jsonl", FIXTURES / "basic.jsonl"))
    worker.start()
    worker.join()
    in_step(qtbot, window, desk, journal, query)
    # another process adds an entry while the window is open
    subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(paths.home), "add", "--title",
         "From the shell", "Shell caching note"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    qtbot.waitUntil(
        lambda: any(
            e is not None and e.title == "From the shell"
            for e in (window.panes.model.entry_at(r) for r in range(window.panes.model.rowCount()))
        ),
        timeout=15_000,
    )
    in_step(qtbot, window, desk, journal, query)
    assert errors == []


def test_first_reflection_in_an_empty_journal_leaves_the_empty_states(
    desk: Any, journal: Journal, qtbot: QtBot
) -> None:
    window = desk.window
    assert window.panes.right_stack.currentWidget() is window.panes.empty_state
    assert window.panes.list_empty.isVisible()
    window.ui_actions.reflection_action.trigger()
    prompt = desk.launcher.windows[desk.service.today()]
    qtbot.waitExposed(prompt)
    qtbot.keyClicks(prompt.editors[WORK], "My first reflection")
    with qtbot.waitSignal(prompt.saved, timeout=5000) as saved:
        prompt.save()
    entry = saved.args[0]
    qtbot.waitUntil(lambda: window.panes.right_stack.currentWidget() is window.panes.reader)
    assert not window.panes.list_empty.isVisible()
    assert window.panes.timeline.isVisible()
    assert window.panes.model.row_of(entry.id) >= 0
    assert window.panes.reader.entry is not None and window.panes.reader.entry.id == entry.id
    assert window.panes.sidebar.stats_label.text().startswith("1 entry")


def test_first_entry_added_elsewhere_leaves_the_empty_states(
    desk: Any, journal: Journal, qtbot: QtBot
) -> None:
    window = desk.window
    entry = journal.add("From elsewhere", title="First")
    qtbot.waitUntil(lambda: window.panes.right_stack.currentWidget() is window.panes.reader)
    assert not window.panes.list_empty.isVisible()
    assert window.panes.reader.entry is not None and window.panes.reader.entry.id == entry.id


def test_the_last_entry_deleted_brings_the_empty_states_back(
    desk: Any, journal: Journal, qtbot: QtBot
) -> None:
    window = desk.window
    entry = journal.add("Only one", title="Only")
    qtbot.waitUntil(lambda: window.panes.right_stack.currentWidget() is window.panes.reader)
    window.delete_entry(entry)
    qtbot.waitUntil(lambda: window.panes.right_stack.currentWidget() is window.panes.empty_state)
    assert window.panes.list_empty.isVisible() and window.panes.reader.entry is None


def _streak_journal(journal: Journal) -> PromptService:
    service = PromptService(journal, Settings())
    day = service.today()
    for _ in range(3):  # three working days up to today
        service.save_answers(day, DEFAULT_SET.questions, {WORK: f"on {day}"})
        day -= dt.timedelta(days=1)
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
    return service


@pytest.mark.parametrize("which", [0, 1, 2])
def test_the_streak_follows_a_delete_and_its_undo(
    make_desk_live: Any, journal: Journal, qtbot: QtBot, which: int
) -> None:
    service = _streak_journal(journal)
    desk = make_desk_live(journal)
    window = desk.window
    assert window.panes.streak_label.text() == "Streak: 3"
    entries = journal.list_entries(EntryFilter(), limit=None)
    window.delete_entry(entries[which])
    expected = service.streak().current
    assert expected < 3
    qtbot.waitUntil(
        lambda: window.panes.streak_label.text() == (f"Streak: {expected}" if expected else "")
    )
    window.ui_actions.undo_action.trigger()
    qtbot.waitUntil(lambda: window.panes.streak_label.text() == "Streak: 3")


def test_the_streak_follows_a_delete_by_another_process(
    make_desk_live: Any, journal: Journal, qtbot: QtBot, paths: AppPaths
) -> None:
    service = _streak_journal(journal)
    desk = make_desk_live(journal)
    window = desk.window
    middle = journal.list_entries(EntryFilter(), limit=None)[1]
    subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(paths.home), "delete", str(middle.id)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    expected = service.streak().current
    assert expected < 3
    want = f"Streak: {expected}" if expected else ""
    qtbot.waitUntil(lambda: window.panes.streak_label.text() == want, timeout=15_000)


def _search(window: Any, qtbot: QtBot, text: str, tag: str = "") -> None:
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        if tag:
            window.panes.search_bar.set_tag(tag)
        window.panes.search_bar.field.setText(text)
        window.panes.search_bar.flush()


def _listed_ids(window: Any) -> set[int]:
    model = window.panes.model
    return {e.id for e in (model.entry_at(r) for r in range(model.rowCount())) if e is not None}


@pytest.mark.parametrize(
    ("text", "tag", "keeps"),
    [
        ("zebra", "", False),  # nothing matches
        ("kafka", "", False),  # only another entry matches
        ("caching", "", True),  # the shown entry matches too
        ("", "learning", False),  # a tag the shown entry lacks
        ("caching", "work", True),
        ("caching -queues", "", False),  # excludes exactly the shown entry
    ],
)
def test_the_reader_shows_only_an_entry_among_the_results(
    make_window: MakeWindow, journal: Journal, qtbot: QtBot, text: str, tag: str, keeps: bool
) -> None:
    shown = journal.add("Queues and caching", title="Shown", tags=["work"], day=_months_ago(1))
    journal.add("Kafka streams", title="Other", tags=["learning"], day=_months_ago(2))
    journal.add("More caching", title="Third", tags=["work"], day=_months_ago(3))
    window = make_window(journal)
    window.select_id(shown.id)
    assert window.panes.reader.entry is not None and window.panes.reader.entry.id == shown.id
    _search(window, qtbot, text, tag)
    listed = _listed_ids(window)
    reader = window.panes.reader.entry
    if keeps:
        assert reader is not None and reader.id == shown.id
    elif listed:
        assert reader is not None and reader.id in listed and reader.id != shown.id
    else:
        assert reader is None
    current = window.panes.timeline.current_entry()
    assert (current.id if current else None) == (reader.id if reader else None)


def test_an_edit_that_leaves_the_results_moves_the_reader(
    make_window: MakeWindow, journal: Journal, qtbot: QtBot
) -> None:
    shown = journal.add("Queues and caching", title="Shown", day=_months_ago(1))
    other = journal.add("More caching", title="Other", day=_months_ago(2))
    window = make_window(journal)
    _search(window, qtbot, "caching")
    window.select_id(shown.id)
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        journal.edit(shown.id, body="Queues only")  # no longer matches
    assert _listed_ids(window) == {other.id}
    assert window.panes.reader.entry is not None and window.panes.reader.entry.id == other.id
