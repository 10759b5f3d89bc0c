"""The tray icon and its menu: write, snooze, skip, open, quit; and the reminder's message.

`TrayMenu` is the menu alone (tests build it where no tray exists): snooze and skip call the
`PromptService` directly, the other items emit "...Requested" signals the app connects.
`Tray` puts it on a `QSystemTrayIcon`; create it only where
`QSystemTrayIcon.isSystemTrayAvailable()`. Where the tray cannot show messages, the
reminder's notification goes through `journal.ui.prompt.notify`.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from journal.domain.schedule import SNOOZE_LONG, SNOOZE_SHORT
from journal.errors import DaybookError
from journal.ui.common.i18n import weekday
from journal.ui.prompt import notify

if TYPE_CHECKING:
    import datetime as dt

    from journal.services.prompt import PromptService

ICON_NAME = "io.github.daybook.Daybook"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Daybook's icon from the installed resources, else the icon theme's."""
    icon = QIcon()
    try:
        base = resources.files("daybook_resources") / "icons" / "hicolor"
        for size in ICON_SIZES:
            path = base / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
            if path.is_file():
                icon.addFile(str(path))
    except (ModuleNotFoundError, OSError, TypeError):
        pass
    if icon.isNull():
        icon = QIcon.fromTheme(ICON_NAME, QIcon.fromTheme("accessories-text-editor"))
    return icon


class TrayMenu(QMenu):
    """The tray's menu. Snooze and skip act on the service; the rest are signals."""

    writeRequested = Signal()
    openRequested = Signal()
    quitRequested = Signal()
    snoozed = Signal(object)  # dt.datetime the reminder comes again
    skipped = Signal(object)  # dt.date skipped
    failed = Signal(object)  # DaybookError

    def __init__(self, service: PromptService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setAccessibleName(self.tr("Daybook tray menu"))
        self.write_action = self._add(
            self.tr("&Write Today's Reflection…"), self.writeRequested.emit
        )
        self.addSeparator()
        self.snooze_short_action = self._add(
            self.tr("Snooze &15 min"), lambda: self.snooze(SNOOZE_SHORT)
        )
        self.snooze_long_action = self._add(
            self.tr("Snooze 1 &h"), lambda: self.snooze(SNOOZE_LONG)
        )
        self.skip_action = self._add(self.tr("&Skip Today"), self.skip_today)
        self.addSeparator()
        self.open_action = self._add(self.tr("&Open Daybook"), self.openRequested.emit)
        self.quit_action = self._add(self.tr("&Quit"), self.quitRequested.emit)
        self.aboutToShow.connect(self.refresh)

    def _add(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def snooze(self, delay: dt.timedelta) -> None:
        try:
            until = self.service.snooze(delay)
        except DaybookError as exc:
            self.failed.emit(exc)
            return
        self.snoozed.emit(until)

    def skip_today(self) -> None:
        try:
            day = self.service.skip_today()
        except DaybookError as exc:
            self.failed.emit(exc)
            return
        self.skipped.emit(day)

    def refresh(self) -> None:
        """Grey out what makes no sense now: nothing to snooze or skip once today is written."""
        try:
            today = self.service.today()
            written = today in self.service.written_days(today, today)
        except DaybookError:
            written = False
        for action in (self.snooze_short_action, self.snooze_long_action, self.skip_action):
            action.setEnabled(not written and self.service.state.skipped != today)
        self.write_action.setText(
            self.tr("&Add to Today's Reflection…")
            if written
            else self.tr("&Write Today's Reflection…")
        )


def badged(icon: QIcon) -> QIcon:
    """`icon` with a filled dot in its top-right corner at every size: a reminder waits."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

    marked = QIcon()
    for size in ICON_SIZES:
        pixmap = icon.pixmap(size, size)
        if pixmap.isNull():
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot = size * 0.42
        painter.setPen(QPen(QColor("white"), max(1.0, size / 16)))
        painter.setBrush(QBrush(QColor(BADGE_COLOUR)))
        painter.drawEllipse(QRectF(size - dot - 0.5, 0.5, dot, dot))
        painter.end()
        marked.addPixmap(pixmap)
    return marked


BADGE_COLOUR = "#d93f0b"


class Tray(QObject):
    """The tray icon with its menu; a click on the icon or on its message opens Daybook.

    While a reminder waits (`set_pending`), the icon carries a badge and the tooltip says so.
    A click on a message opens what the message was about: the reminder's opens the prompt,
    any other (the "still running" notice) the main window.
    """

    activatedOpen = Signal()  # the icon was clicked: show the main window
    messageClicked = Signal()  # the reminder's message was clicked: open the prompt
    noticeClicked = Signal()  # another message was clicked: show the main window

    def __init__(self, service: PromptService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = TrayMenu(service)
        self.plain_icon = app_icon()
        self.pending_icon = badged(self.plain_icon)
        self.icon = QSystemTrayIcon(self.plain_icon, self)
        self.icon.setToolTip(self.tr("Daybook"))
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        self.told_close = False
        self.pending = False
        self.next_text = ""
        self.last_message = ""  # "reminder" or "notice": what a click on the balloon is about

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def tooltip(self) -> str:
        return self.icon.toolTip()

    def set_tooltip(self, text: str) -> None:
        """The next reminder's time (or ''); the waiting reminder comes first while pending."""
        self.next_text = text
        lines = [self.tr("Daybook")]
        if self.pending:
            lines.append(self.tr("Today's reflection is waiting"))
        elif text:
            lines.append(text)
        self.icon.setToolTip("\n".join(lines))

    def set_pending(self, pending: bool) -> None:
        """Badge the icon while a reminder waits for an answer, a snooze or a skip."""
        self.pending = pending
        self.icon.setIcon(self.pending_icon if pending else self.plain_icon)
        self.set_tooltip(self.next_text)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.activatedOpen.emit()

    def _message_clicked(self) -> None:
        if self.last_message == "reminder":
            self.messageClicked.emit()
        else:
            self.noticeClicked.emit()

    def show_message(self, title: str, text: str, kind: str = "notice") -> None:
        """A balloon from the tray where it can, else a desktop notification."""
        self.last_message = kind
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, self.icon.icon(), 15_000)
        else:
            notify.notify(title, text)

    def remind(self, day: dt.date) -> None:
        """The reminder as the tray's balloon (where no notification service answered)."""
        self.show_message(
            self.tr("Time for today's reflection"),
            self.tr("A few short questions about {day}. Click here or use the tray menu.").format(
                day=weekday(day)
            ),
            "reminder",
        )

    def dispose(self) -> None:
        """Take the icon off the tray and free the menu (it has no parent widget)."""
        self.icon.hide()
        self.menu.deleteLater()
        self.deleteLater()
