"""The team features in the main window: "Share with Team…", the Team window, the outbox's
state in the status bar, sending the outbox, and the offer to update a shared entry's team
copy after it was edited.

Sharing is explicit: the user picks entries and confirms; their public snapshots go to the
outbox in the journal at once (nothing leaves a private entry), then the outbox is sent in
the thread pool. While anything waits, the status bar says so ("2 waiting to be shared") and
a timer sends it again when its back-off says it is due, so the app shares as soon as the
server can be reached and a server that is down never blocks writing. The reader says where
the entry it shows is shared ("Shared in: work").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
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
    from journal.services.team import TeamService
    from journal.ui.dialogs.team_view import TeamView
    from journal.ui.main.main_window import MainWindow

CHECK_MS = 15_000  # how often the window looks whether a waiting share is due


class TeamFlow(QObject):
    """Wires the team actions of `window` to `service` (see the module's docstring)."""

    outboxChanged = Signal(object)  # OutboxState, after every share, send or check
    sendFinished = Signal(object)  # list of SyncReport, or the exception that stopped it

    def __init__(self, window: MainWindow, service: TeamService, check_ms: int = CHECK_MS) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._sending = False
        self._edited: set[int] = set()
        self.state = OutboxState()
        self.view: TeamView | None = None
        acts = window.ui_actions
        self.share_action = acts.share_action
        self.team_action = acts.team_action
        self.share_action.triggered.connect(lambda _checked=False: self.share_selected())
        self.team_action.triggered.connect(lambda _checked=False: self.open_view())
        self.status_label = QLabel(window)
        self.status_label.setAccessibleName(tr("Team outbox"))
        self.status_label.hide()
        window.statusBar().addPermanentWidget(self.status_label)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(lambda: self.send(due_only=True))
        window.reader.set_share_source(self._shared_in)
        window.journal_changes.changed.connect(self._journal_changed)
        window.right_stack.currentChanged.connect(lambda _i: self._offer_updates_later())
        self.refresh()
        if self.state.waiting:
            QTimer.singleShot(0, lambda: self.send(due_only=True))

    # -- sharing -------------------------------------------------------------------------

    def share_selected(self) -> int:
        """Share the entries selected in the timeline (the current one if none is), after
        asking which team (when several) and confirming; returns how many were queued."""
        w = self._window
        if not w.entry_flow.flush():  # share what the user sees, saved
            return 0
        entries = w.timeline.selected_entries() or [
            e for e in [w.timeline.current_entry()] if e is not None
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
            team = choose_team(w, teams) if len(teams) > 1 else teams[0]
            if team is None or not confirm_share(w, entries, team):
                return 0
            name, count = self._service.share([e.id for e in entries], team)
        except DaybookError as exc:
            w.report(exc)
            return 0
        w.statusBar().showMessage(
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
            self._window.report(exc)
            return self.state
        self.state = state
        self.status_label.setVisible(state.waiting > 0)
        self.status_label.setText(outbox_text(state))
        self.status_label.setToolTip(state.last_error)
        if state.waiting and not self.timer.isActive():
            self.timer.start()
        elif not state.waiting:
            self.timer.stop()
        reader = self._window.reader
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
        self._window.run_task(
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

    def _journal_changed(self, change: Change) -> None:
        if change.kind == "updated":
            self._edited.update(change.ids)
            self._offer_updates_later()

    def _offer_updates_later(self) -> None:
        # Not inside the signal that told of the change: the editor may still be saving.
        if self._edited:
            QTimer.singleShot(0, self.offer_updates)

    def offer_updates(self) -> None:
        """For entries edited since (once the editor is closed): where a team holds an
        older copy, offer to update it (or, for an entry made private, to remove it)."""
        w = self._window
        if w.is_editing() or not self._edited:
            return
        ids, self._edited = sorted(self._edited), set()
        for entry_id in ids:
            try:
                entry = w.journal.get(entry_id)
                teams = self._service.stale_copies(entry)
                if teams and ask_update_copies(w, entry, teams):
                    self._service.update_copies(entry, teams)
            except DaybookError as exc:
                if not isinstance(exc, InputError):  # an entry gone meanwhile: nothing to do
                    w.report(exc)
        self.send(due_only=False)

    # -- the Team window -----------------------------------------------------------------

    def open_view(self) -> TeamView:
        """The Team window (one at a time), asking the server for its first page."""
        from journal.ui.dialogs.team_view import TeamView

        if self.view is not None:
            self.view.close()
            self.view.deleteLater()
        view = TeamView(self._service, self._window.pool, self._window)
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
