"""The first-run card on the empty journal's welcome page: start on login, offered in one click.

Daybook never turns start on login on by itself (an autostart entry is user-wide and outlives
the journal). The card offers it once, in the words of the reminder the settings hold
("Remind me at 17:30 on working days"); its button writes the entry through the same call as
Settings > Reminders > "Start Daybook when I log in" (`autostart.set_autostart` with the
journal's `--home`), and "Not now" puts it away for good. Either answer is remembered in the
settings (`extra["first_run_card"]`), so the card never comes back; nor does it show while
start on login is on already. A journal in the temporary folder cannot be started on login:
the card says so instead of offering it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.errors import DaybookError
from journal.services import autostart
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from journal.settings import Settings

CARD_KEY = "first_run_card"  # settings.extra: "accepted" or "dismissed" once answered
WORKING_DAYS = 5  # reminder_times are Monday first


def sentence(error: DaybookError) -> str:
    """An error as one sentence after "Not done:", ending in a single period."""
    return tr("Not done: {0}.").format(str(error).rstrip("."))


def reminder_words(times: Sequence[str]) -> str:
    """When the settings remind: 'at 17:30 on working days', 'at 09:00 every day', ... ('' for
    no reminder at all)."""
    chosen = [t for t in times if t]
    if not chosen:
        return ""
    working, weekend = list(times[:WORKING_DAYS]), list(times[WORKING_DAYS:])
    if len(set(times)) == 1:
        return tr("at {0} every day").format(times[0])
    if len(set(working)) == 1 and working[0] and not any(weekend):
        return tr("at {0} on working days").format(working[0])
    return tr("at the times set in Settings")


def offer_text(times: Sequence[str]) -> str:
    """The card's button: 'Remind me at 17:30 on working days'."""
    words = reminder_words(times)
    return tr("Remind me {0}").format(words) if words else tr("Start Daybook when I log in")


class FirstRunCard(QFrame):
    """The card itself: it shows and asks; `FirstRunOffer` decides."""

    acceptRequested = Signal()
    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunCard")
        self.setAccessibleName(self.tr("Reminder offer"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.title_label = QLabel(self.tr("Never miss the end of the day"), self)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.text_label = QLabel(
            self.tr(
                "Daybook can start quietly in the tray when you log in, so the reminder "
                "comes even when its window is closed. Change it any time in Settings > "
                "Reminders."
            ),
            self,
        )
        self.text_label.setWordWrap(True)
        self.text_label.setAccessibleName(self.tr("About the reminder offer"))
        self.accept_button = QPushButton(self)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.accept_button.setAutoDefault(False)
        self.not_now_button = QPushButton(self.tr("Not Now"), self)
        self.not_now_button.setAccessibleName(self.tr("Not now: do not offer this again"))
        self.not_now_button.setAutoDefault(False)
        self.not_now_button.clicked.connect(self.dismissRequested)
        self.message_label = QLabel(self)
        self.message_label.setAccessibleName(self.tr("Reminder offer status"))
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

    def offer(self, text: str, refusal: str = "") -> None:
        """Offer `text` on the button; with a `refusal`, say why it cannot be done instead."""
        self.accept_button.setText(text)
        self.accept_button.setAccessibleName(text)
        self.accept_button.setEnabled(not refusal)
        self.accept_button.setVisible(True)
        self.not_now_button.setText(self.tr("Close") if refusal else self.tr("Not Now"))
        self.say(refusal)

    def say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def done(self, text: str) -> None:
        """The offer was taken: the buttons go, `text` says what now happens."""
        self.accept_button.hide()
        self.not_now_button.setText(self.tr("Close"))
        self.say(text)


class FirstRunOffer(QObject):
    """Shows the card while it has something to offer, and acts on its answer.

    `settings()` gives the settings as they are now; `save(settings)` writes them (raising
    DaybookError when it cannot). `home` is the journal folder to start on login, None for
    the default journal (what the Settings dialog passes to `set_autostart` too).
    """

    def __init__(
        self,
        card: FirstRunCard,
        settings: Callable[[], Settings],
        save: Callable[[Settings], None],
        home: Path | None,
    ) -> None:
        super().__init__(card)
        self.card = card
        self._settings = settings
        self._save = save
        self.home = home
        self._taken = False  # accepted in this session: the card stays to say so
        card.acceptRequested.connect(self.accept)
        card.dismissRequested.connect(self.dismiss)
        self.refresh()

    def answered(self) -> bool:
        return bool(self._settings().extra.get(CARD_KEY))

    def refresh(self, *_args: object) -> None:
        """Show the card, in the reminder's words as the settings now say, or hide it."""
        if self._taken:
            return
        try:
            on = autostart.autostart_enabled(home=self.home)
        except DaybookError:
            on = False
        if self.answered() or on:
            self.card.hide()
            return
        refusal = ""
        if self.home is not None and autostart.is_temporary(self.home):
            refusal = tr(
                "This journal is in the temporary folder, so Daybook cannot start it when "
                "you log in: it may be gone by then. Use a journal in a lasting folder."
            )
        self.card.offer(offer_text(self._settings().reminder_times), refusal)
        self.card.show()

    def accept(self) -> bool:
        """Turn start on login on (as the Settings checkbox does); False when it failed."""
        try:
            autostart.set_autostart(True, home=self.home)
        except DaybookError as exc:
            self.card.say(sentence(exc))
            return False
        self._taken = True
        words = reminder_words(self._settings().reminder_times)
        self.card.done(
            tr("Done: Daybook starts in the tray when you log in and reminds you {0}.").format(
                words
            )
            if words
            else tr("Done: Daybook starts in the tray when you log in.")
        )
        self._remember("accepted")
        return True

    def dismiss(self) -> None:
        """'Not now' (or Close): never offered again."""
        if not self._taken:
            self._remember("dismissed")
        self._taken = False
        self.card.hide()

    def _remember(self, answer: str) -> None:
        settings = self._settings()
        settings.extra[CARD_KEY] = answer
        try:
            self._save(settings)
        except DaybookError as exc:
            self.card.say(sentence(exc))
