"""The team features in the main window: "Share with Team…", the Team window, the outbox's
state in the status bar, sending the outbox, and the offer to update a shared entry's team
copy after it was edited.

Sharing is explicit: the user picks entries and confirms; their public snapshots go to the
outbox in the journal at once (nothing leaves a private entry), then the outbox is sent in
the thread pool. While anything waits, the status bar says so ("2 waiting to be shared") and
a timer sends it again when its back-off says it is due, so the app shares as soon as the
server can be reached and a server that is down never blocks writing. The reader says where
the entry it shows is shared ("Shared in: work").

`TeamController` is given the widgets it drives, the team service, the journal, the task
runner and the entry controller; it answers through signals and knows no main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

from journal.errors import DaybookError, InputError
from journal.services.team import OutboxState
from journal.ui.common import wording
from journal.ui.common.errors import message_box
from journal.ui.common.i18n import number
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.domain.entry import Entry, EntrySummary
    from journal.services.changes import Change
    from journal.services.journal import Journal
    from journal.services.team import TeamService
    from journal.ui.common.worker import TaskSet
    from journal.ui.dialogs.team_view import TeamView
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.timeline.reader import EntryReader
    from journal.ui.timeline.timeline_view import TimelineView

CHECK_MS = 15_000  # how often the window looks whether a waiting share is due


class TeamController(QObject):
    """Share with Team, the outbox and the Team window (see the module's docstring). Call
    `start` once its signals are connected."""

    outboxChanged = Signal(object)  # OutboxState, after every share, send or check
    sendFinished = Signal(object)  # list of SyncReport, or the exception that stopped it
    failed = Signal(object)  # an error to show
    statusMessage = Signal(str, int)  # text, milliseconds

    def __init__(
        self,
        service: TeamService,
        journal: Journal,
        tasks: TaskSet,
        entries: EntryController,
        *,
        timeline: TimelineView,
        reader: EntryReader,
        dialog_parent: QWidget,
        pool: QThreadPool,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._journal = journal
        self._tasks = tasks
        self._entries = entries
        self._timeline = timeline
        self._reader = reader
        self._parent = dialog_parent
        self._pool = pool
        self._sending = False
        self._edited: set[int] = set()
        self.state = OutboxState()
        self.view: TeamView | None = None
        # For the status bar (the window puts it there).
        self.status_label = QLabel(dialog_parent)
        self.status_label.setAccessibleName(tr("Team outbox"))
        self.status_label.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(lambda: self.send(due_only=True))
        reader.set_share_source(self._shared_in)

    def start(self) -> None:
        """Show the outbox's state, and send what waits from an earlier run."""
        self.refresh()
        if self.state.waiting:
            QTimer.singleShot(0, lambda: self.send(due_only=True))

    # -- sharing -------------------------------------------------------------------------

    def share_selected(self) -> int:
        """Share the entries selected in the timeline (the current one if none is), after
        asking which team (when several) and confirming; returns how many were queued."""
        if not self._entries.flush():  # share what the user sees, saved
            return 0
        timeline = self._timeline
        entries = timeline.selected_entries() or [
            e for e in [timeline.current_entry()] if e is not None
        ]
        if not entries:
            return 0
        try:
            teams = self._service.teams()
            if not teams:
                raise InputError(
                    "this machine has joined no team",
                    "run `daybook team join NAME URL` (see Share with your team in the README)",
                )
            team = choose_team(self._parent, teams) if len(teams) > 1 else teams[0]
            if team is None or not confirm_share(self._parent, entries, team):
                return 0
            name, count = self._service.share([e.id for e in entries], team)
        except DaybookError as exc:
            self.failed.emit(exc)
            return 0
        self.statusMessage.emit(
            tr("{0} queued to share with {1}").format(wording.entries(count), name), 6000
        )
        self.refresh()
        self.send(due_only=False)
        return count

    def _shared_in(self, entry: Entry) -> list[tuple[str, bool]]:
        return self._service.shared_in(entry)

    # -- the outbox ----------------------------------------------------------------------

    def refresh(self) -> OutboxState:
        """Read the outbox's state again and show it (status bar, reader, timer)."""
        try:
            state = self._service.outbox_state()
        except DaybookError as exc:
            self.failed.emit(exc)
            return self.state
        self.state = state
        self.status_label.setVisible(state.waiting > 0)
        self.status_label.setText(outbox_text(state))
        self.status_label.setToolTip(state.last_error)
        if state.waiting and not self.timer.isActive():
            self.timer.start()
        elif not state.waiting:
            self.timer.stop()
        reader = self._reader
        if reader.entry is not None:
            reader.refresh()
        self.outboxChanged.emit(state)
        return state

    def send(self, due_only: bool = True) -> bool:
        """Send the outbox in the background (once at a time); False if already sending
        or nothing waits."""
        if self._sending or not self.refresh().waiting:
            return False
        self._sending = True
        self._tasks.run(
            lambda: self._service.sync(due_only=due_only), self._sent, self._send_failed
        )
        return True

    def _sent(self, reports: object) -> None:
        self._sending = False
        self.refresh()
        self.sendFinished.emit(reports)

    def _send_failed(self, error: BaseException) -> None:
        # A refusal (not unreachable): counted in the outbox with its back-off; shown in the
        # status bar's tooltip, never as a dialog every few seconds.
        self._sending = False
        state = self.refresh()
        if not state.last_error:
            self.status_label.setToolTip(str(error))
        self.sendFinished.emit(error)

    # -- editing a shared entry ----------------------------------------------------------

    def journal_changed(self, change: Change) -> None:
        """Note the entries edited: their team copies may be offered an update."""
        if change.kind == "updated":
            self._edited.update(change.ids)
            self.offer_updates_later()

    def offer_updates_later(self) -> None:
        """Offer the updates once the event loop is back (the editor may have closed)."""
        # Not inside the signal that told of the change: the editor may still be saving.
        if self._edited:
            QTimer.singleShot(0, self.offer_updates)

    def offer_updates(self) -> None:
        """For entries edited since (once the editor is closed): where a team holds an
        older copy, offer to update it (or, for an entry made private, to remove it)."""
        if self._entries.is_editing() or not self._edited:
            return
        ids, self._edited = sorted(self._edited), set()
        for entry_id in ids:
            try:
                entry = self._journal.get(entry_id)
                teams = self._service.stale_copies(entry)
                if teams and ask_update_copies(self._parent, entry, teams):
                    self._service.update_copies(entry, teams)
            except DaybookError as exc:
                if not isinstance(exc, InputError):  # an entry gone meanwhile: nothing to do
                    self.failed.emit(exc)
        self.send(due_only=False)

    # -- the Team window -----------------------------------------------------------------

    def open_view(self) -> TeamView:
        """The Team window (one at a time), asking the server for its first page."""
        from journal.ui.dialogs.team_view import TeamView

        if self.view is not None:
            self.view.close()
            self.view.deleteLater()
        view = TeamView(self._service, self._pool, self._parent)
        self.view = view
        view.resize(1000, 700)
        view.show()
        view.reload(facets=True)
        return view


def outbox_text(state: OutboxState) -> str:
    """The outbox's state in words ("2 waiting to be shared"), with the next try's time after
    a failure."""
    if not state.waiting:
        return ""
    text = (
        tr("1 waiting to be shared")
        if state.waiting == 1
        else tr("{0} waiting to be shared").format(number(state.waiting))
    )
    if state.attempts and state.next_attempt is not None:
        text += " · " + tr("next try at {0}").format(state.next_attempt.strftime("%H:%M:%S"))
    return text


def choose_team(parent: QWidget, teams: Sequence[str]) -> str | None:
    """Which team to share with (tests replace this function)."""
    name, ok = QInputDialog.getItem(
        parent, tr("Share with Team"), tr("Share with which team?"), list(teams), 0, False
    )
    return str(name) if ok else None


def confirm_share(parent: QWidget, entries: Sequence[Entry | EntrySummary], team: str) -> bool:
    """Ask before sharing (tests replace this function)."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Share with Team"),
        tr("Share {0} with {1}?").format(wording.entries(len(entries)), team),
        tr(
            "Everyone in the team will read them. Private entries cannot be shared; "
            "private blocks stay on this machine."
        ),
    )
    share = box.addButton(tr("Share"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(share)
    box.exec()
    return box.clickedButton() is share


def ask_update_copies(parent: QWidget, entry: Entry, teams: Sequence[str]) -> bool:
    """Offer to update (or remove) the team copies of an edited entry (tests replace it)."""
    names = ", ".join(teams)
    if entry.private:
        text = tr("This entry is now private, but {0} still holds its earlier copy.").format(names)
        button = tr("Remove Team Copy")
    else:
        text = tr("This entry is shared in {0}, which holds its earlier text.").format(names)
        button = tr("Update Team Copy")
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Shared Entry Changed"),
        text,
        tr("Private blocks stay on this machine either way."),
    )
    update = box.addButton(button, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(update)
    box.exec()
    return box.clickedButton() is update
