"""The team features in the app against a real PostgreSQL server: the Team view, Share with
Team…, the outbox in the status bar, the reader's "Shared in" and the offer after edits."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("PySide6.QtWidgets")

from journal.paths import AppPaths
from tests.team.people import Person, SilentServer, own_server, team_json

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from journal.domain.entry import Entry
    from tests.team.conftest import TeamDb

WAIT_MS = 30_000


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    from journal.ui.common.errors import ErrorDialog

    shown: list[BaseException] = []
    monkeypatch.setattr(ErrorDialog, "show_error", classmethod(lambda _c, _p, e: shown.append(e)))
    return shown


@pytest.fixture
def app_as(qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Open the app's main window on a person's journal (their PGPASSWORD set)."""
    from PySide6.QtCore import QSettings

    from journal.app import build_window
    from journal.services.journal import Journal
    from journal.settings import Settings

    opened: list[Any] = []

    def make(person: Person) -> Any:
        monkeypatch.setenv("PGPASSWORD", person.password)
        journal = Journal.open(AppPaths(person.home))
        qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
        window = build_window(qapp, journal, Settings(), qsettings)
        qtbot.addWidget(window)
        window.show()
        opened.append((window, journal))
        return window

    yield make
    for window, journal in opened:
        view = window.team_controller.view
        if view is not None:
            view.close()
        window.wait_for_tasks(5000)
        window.close()
        journal.close()


@pytest.fixture
def alice_and_bob(team: TeamDb, tmp_path: Path) -> tuple[Person, Person]:
    alice, bob = Person(team, "alice", tmp_path), Person(team, "bob", tmp_path)
    alice.join()
    bob.join()
    shared = [
        (alice, "## What did I learn?\nfeature flags help", "2026-11-17", "ops"),
        (bob, "## What did I learn?\nretries need jitter", "2026-11-18", "learning"),
        (alice, "Deployed the cache", "2026-11-19", "ops"),
    ]
    for person, text, day, tag in shared:
        entry = person.add(text, "--date", day, "--tag", tag)
        assert person("share", str(entry))[0] == 0
    return alice, bob


def open_view(window: Any, qtbot: Any) -> Any:
    flow = window.team_controller
    view = flow.open_view()
    with qtbot.waitSignal(view.pageShown, timeout=WAIT_MS):
        pass
    return view


def reload_and_wait(view: Any, qtbot: Any, change: Any) -> list[Any]:
    with qtbot.waitSignal(view.pageShown, timeout=WAIT_MS):
        change()
    entries: list[Any] = view.entries()
    return entries


def test_the_team_view_shows_everyone_newest_first_and_filters_on_the_server(
    alice_and_bob: tuple[Person, Person], app_as: Any, qtbot: Any, errors: list[Any]
) -> None:
    alice, bob = alice_and_bob
    window = app_as(bob)
    view = open_view(window, qtbot)
    shown = view.entries()
    assert [(e.author, e.day.isoformat()) for e in shown] == [
        (alice.role, "2026-11-19"),
        (bob.role, "2026-11-18"),
        (alice.role, "2026-11-17"),
    ]
    text = view.feed.toPlainText()
    assert "Deployed the cache" in text and "retries need jitter" in text
    assert alice.role in text and "#ops" in text
    assert view.count_label.text() == "3 shared entries"
    qtbot.waitUntil(lambda: view.author_combo.count() == 3, timeout=WAIT_MS)
    assert [view.tag_combo.itemText(i) for i in range(view.tag_combo.count())] == [
        "All tags", "#learning", "#ops",
    ]  # fmt: skip
    # PostgreSQL's text search: "deploying" finds "Deployed".
    found = reload_and_wait(view, qtbot, lambda: view.search_field.setText("deploying"))
    assert [e.body for e in found] == ["Deployed the cache"]
    view.search_field.clear()
    view._search_timer.stop()
    found = reload_and_wait(
        view,
        qtbot,
        lambda: (
            view.author_combo.setCurrentIndex(view.author_combo.findData(bob.role)) or view.reload()
        ),
    )
    assert [e.author for e in found] == [bob.role]
    view.author_combo.setCurrentIndex(0)
    found = reload_and_wait(
        view,
        qtbot,
        lambda: view.tag_combo.setCurrentIndex(view.tag_combo.findData("ops")) or view.reload(),
    )
    assert [e.day.isoformat() for e in found] == ["2026-11-19", "2026-11-17"]
    from PySide6.QtCore import QDate

    view.tag_combo.setCurrentIndex(0)
    found = reload_and_wait(view, qtbot, lambda: view.from_edit.setDate(QDate(2026, 11, 18)))
    assert [e.day.isoformat() for e in found] == ["2026-11-19", "2026-11-18"]
    found = reload_and_wait(view, qtbot, lambda: view.to_edit.setDate(QDate(2026, 11, 18)))
    assert [e.author for e in found] == [bob.role]
    found = reload_and_wait(view, qtbot, lambda: view.search_field.setText("nothing-like-it"))
    assert found == [] and "No shared entries match" in view.feed.toPlainText()
    # A click on an author in the feed narrows to them.
    view.search_field.clear()
    view.from_edit.setDate(view.from_edit.minimumDate())
    view.to_edit.setDate(view.to_edit.minimumDate())
    view._search_timer.stop()
    found = reload_and_wait(view, qtbot, view.reload)
    from PySide6.QtCore import QUrl

    found = reload_and_wait(view, qtbot, lambda: view._link(QUrl(f"author:{alice.role}")))
    assert {e.author for e in found} == {alice.role}
    assert errors == []


def test_week_notes_button_shows_what_everyone_learned(
    alice_and_bob: tuple[Person, Person], app_as: Any, qtbot: Any
) -> None:
    alice, _bob = alice_and_bob
    view = open_view(app_as(alice), qtbot)
    from PySide6.QtCore import QDate

    with qtbot.waitSignal(view.pageShown, timeout=WAIT_MS):
        view.to_edit.setDate(QDate(2026, 11, 19))
    with qtbot.waitSignal(view.weekNotesShown, timeout=WAIT_MS) as shown:
        view.week_button.click()
    dialog = shown.args[0]
    notes = dialog.markdown
    assert notes.startswith("# Team week notes: what we learned, 2026-11-16 to 2026-11-22")
    assert "feature flags help" in notes and "retries need jitter" in notes
    assert "Deployed the cache" not in notes  # no "learn" heading
    assert "feature flags help" in dialog.browser.toPlainText()
    with qtbot.waitSignal(view.pageShown, timeout=WAIT_MS):
        view.to_edit.setDate(QDate(2026, 10, 1))
    with qtbot.waitSignal(view.weekNotesShown, timeout=WAIT_MS) as shown:
        view.week_button.click()
    assert shown.args[0].markdown == ""
    assert "Nobody shared" in shown.args[0].browser.toPlainText()


def test_a_server_that_hangs_or_is_down_is_one_message_and_never_blocks(
    team: TeamDb, tmp_path: Path, app_as: Any, qtbot: Any, errors: list[Any]
) -> None:
    alice = Person(team, "alice", tmp_path)
    alice.join()
    server = SilentServer(refuse_tls=False)
    settings = alice.home / "settings.json"
    real = settings.read_text()
    kept = team.url(alice.role)
    hanging = f"postgresql://{alice.role}@127.0.0.1:{server.port}/{team.name}?sslmode=disable"
    settings.write_text(real.replace(kept, hanging))
    try:
        window = app_as(alice)
        view = window.team_controller.open_view()
        # The server has the connection and says nothing: the window is still answering.
        assert server.connected.wait(30)
        assert view.count_label.text() == "Asking the team server…"
        assert view.isVisible() and not view.message.isVisible()
        qtbot.wait(1)  # events are processed: the UI thread is free
    finally:
        with qtbot.waitSignal(view.failedShown, timeout=WAIT_MS) as failed:
            server.close()
    assert "team server" in failed.args[0]
    assert view.message.isVisible() and len(view.message.text().splitlines()) == 1
    settings.write_text(real.replace(kept, f"postgresql://{alice.role}@/x?host={tmp_path}/no"))
    with qtbot.waitSignal(view.failedShown, timeout=WAIT_MS) as failed:
        view.refresh_button.click()
    assert "Cannot reach the team server" in failed.args[0]
    assert "shares wait in the outbox" in failed.args[0]
    assert errors == []  # said in the view, no dialog


def test_no_team_joined_says_how_to_join(app_as: Any, tmp_path: Path, qtbot: Any) -> None:
    class Nobody:
        home = tmp_path / "nobody"
        password = "x"

    window = app_as(Nobody)
    view = window.team_controller.open_view()
    assert view.message.isVisible() and "joined no team" in view.message.text()
    assert "daybook team join" in view.message.text()
    assert not view.search_field.isEnabled() and not view.week_button.isEnabled()


def select(window: Any, *ids: int) -> None:
    from PySide6.QtCore import QItemSelectionModel

    flag = QItemSelectionModel.SelectionFlag
    selection = window.panes.timeline.selectionModel()
    first = window.panes.model.index(window.panes.model.row_of(ids[0]), 0)
    selection.setCurrentIndex(first, flag.ClearAndSelect)
    for entry_id in ids[1:]:
        index = window.panes.model.index(window.panes.model.row_of(entry_id), 0)
        selection.select(index, flag.Select)
    assert sorted(e.id for e in window.panes.timeline.selected_entries()) == sorted(ids)


def test_share_with_team_from_the_main_window(
    team: TeamDb,
    tmp_path: Path,
    app_as: Any,
    qtbot: Any,
    errors: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from journal.ui.main import team_flow

    alice = Person(team, "alice", tmp_path)
    alice.join()
    first = alice.add("first lesson", "--date", "2026-11-20")
    second = alice.add("second lesson\n\n```private\nSECRET-91\n```", "--date", "2026-11-21")
    private = alice.add("private one", "--private", "--date", "2026-11-22")
    asked: list[tuple[int, str]] = []

    def confirm(_parent: object, entries: Sequence[object], name: str) -> bool:
        asked.append((len(entries), name))
        return True

    monkeypatch.setattr(team_flow, "confirm_share", confirm)
    window = app_as(alice)
    flow = window.team_controller
    assert not flow.status_label.isVisible()
    # The entry menu holds the action; it shares what is selected.
    assert window.ui_actions.share_action in window.timeline_menu.actions()
    select(window, first, second)
    with qtbot.waitSignal(flow.sendFinished, timeout=WAIT_MS):
        window.ui_actions.share_action.trigger()
    assert asked == [(2, "work")]
    bodies = {str(e["body"]).strip() for e in team_json(alice, "list")}
    assert bodies == {"first lesson", "second lesson"}
    assert not flow.status_label.isVisible() and errors == []
    window.select_id(first)
    assert "Shared in: work" in window.panes.reader.meta_label.text()
    # A private entry refuses the whole share: one error, nothing queued, nothing sent.
    select(window, private, first)
    window.ui_actions.share_action.trigger()
    assert len(errors) == 1 and "private and cannot be shared" in str(errors[0])
    assert flow.state.waiting == 0
    window.select_id(private)
    assert "Shared in" not in window.panes.reader.meta_label.text()


def test_the_outbox_is_visible_and_sent_when_the_server_is_back(
    tmp_path: Path, app_as: Any, qtbot: Any, errors: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.storage import outbox
    from journal.ui.main import team_flow

    monkeypatch.setattr(team_flow, "confirm_share", lambda *_a: True)
    with own_server(tmp_path) as (cluster, alice):
        ids = [alice.add(f"lesson {i}", "--date", f"2026-11-2{i}") for i in (1, 2)]
        window = app_as(alice)
        flow = window.team_controller
        cluster.stop()
        select(window, *ids)
        with qtbot.waitSignal(flow.sendFinished, timeout=WAIT_MS):
            window.ui_actions.share_action.trigger()
        label = flow.status_label
        assert label.isVisible()
        assert label.text().startswith("2 waiting to be shared · next try at ")
        assert "cannot reach" in label.toolTip()
        assert flow.timer.isActive()
        window.select_id(ids[0])
        assert "Waiting to be shared with: work" in window.panes.reader.meta_label.text()
        cluster.start()
        # The timer's tick before the next try is due does not even try ...
        assert flow.state.attempts == 1
        with qtbot.waitSignal(flow.sendFinished, timeout=WAIT_MS):
            flow.timer.timeout.emit()
        assert (flow.state.waiting, flow.state.attempts) == (2, 1)
        # ... once due, it sends.
        due = outbox.utc_now() + dt.timedelta(hours=2)
        monkeypatch.setattr(outbox, "utc_now", lambda: due)
        with qtbot.waitSignal(flow.sendFinished, timeout=WAIT_MS):
            flow.timer.timeout.emit()
        assert not label.isVisible() and not flow.timer.isActive()
        assert "Shared in: work" in window.panes.reader.meta_label.text()
        assert len(team_json(alice, "list")) == 2
        assert errors == []


@pytest.mark.parametrize("accept", [True, False])
def test_editing_a_shared_entry_offers_to_update_the_team_copy(
    team: TeamDb,
    tmp_path: Path,
    app_as: Any,
    qtbot: Any,
    errors: list[Any],
    monkeypatch: pytest.MonkeyPatch,
    accept: bool,
) -> None:
    from journal.ui.main import team_flow

    alice = Person(team, "alice", tmp_path)
    alice.join()
    entry_id = alice.add("before the edit", "--date", "2026-11-20")
    other = alice.add("never shared", "--date", "2026-11-19")
    assert alice("share", str(entry_id))[0] == 0
    offers: list[tuple[int, list[str]]] = []

    def offer(_parent: object, entry: Entry, teams: Sequence[str]) -> bool:
        offers.append((entry.id, list(teams)))
        return accept

    monkeypatch.setattr(team_flow, "ask_update_copies", offer)
    window = app_as(alice)
    flow = window.team_controller

    def edit(entry_id: int, text: str) -> None:
        window.edit_entry(window.journal.get(entry_id))
        window.panes.editor.body_edit.setPlainText(text)
        window.entry_controller.close_editor()  # Esc: saves and closes

    edit(other, "changed, not shared")
    qtbot.wait(10)
    assert offers == []
    edit(entry_id, "after the edit")
    qtbot.waitUntil(lambda: bool(offers), timeout=WAIT_MS)
    assert offers == [(entry_id, ["work"])]
    if accept:
        qtbot.waitUntil(lambda: not flow._sending and flow.state.waiting == 0, timeout=WAIT_MS)
        assert [e["body"] for e in team_json(alice, "list")] == ["after the edit"]
    else:
        assert flow.state.waiting == 0
        assert [e["body"] for e in team_json(alice, "list")] == ["before the edit"]
    assert errors == []
