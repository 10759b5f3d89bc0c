"""The one dialog shown when the journal is damaged at start (issue 14.2).

It says what happened, offers the newest backup that passed its integrity check (with its
date and entry count) and, if the user agrees, the caller restores it in the app: the
damaged file is moved aside, never deleted. Without a good backup it says so and where
the damaged file is, and the only way on is Quit. The dialog receives data and answers
with its result; it never touches the files itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.ui.common.i18n import month_year, number, weekday
from journal.ui.common.wording import tr

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path


def when(time: dt.datetime) -> str:
    """A backup's time as people say it: Tuesday 2 December 2026 at 17:30."""
    return tr("{0} {1} {2} at {3}").format(
        weekday(time.date()), time.day, month_year(time.date()), time.strftime("%H:%M")
    )


def entries_text(n: int) -> str:
    return tr("1 entry") if n == 1 else tr("{0} entries").format(number(n))


class RescueDialog(QDialog):
    """The "Your journal is damaged" dialog: Restore the newest good backup, or Quit."""

    def __init__(
        self,
        problem: str,
        damaged: Path,
        backups_dir: Path,
        backup: tuple[Path, dt.datetime, int] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Journal Damaged"))
        self.setAccessibleName(tr("The journal is damaged"))
        self.setModal(True)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.heading = QLabel(tr("Your journal is damaged"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        self.what = self._label(
            tr(
                "Part of the journal file can no longer be read, so Daybook has not opened it: "
                "working in a damaged journal can lose more. Nothing has been changed yet."
            )
        )
        self.detail = self._label(tr("SQLite reported: {0}").format(problem))
        self.detail.setStyleSheet("color: palette(placeholder-text);")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox()
        self.quit_button = QPushButton(tr("Quit"))
        self.quit_button.setAccessibleName(tr("Quit Daybook"))
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            path, time, count = backup
            self.offer = self._label(
                tr(
                    "The newest good backup is from {0} and holds {1} (checked just now). "
                    "Restore it? The damaged file is moved aside as {2}, not deleted: what "
                    "was written after that backup stays in it."
                ).format(when(time), entries_text(count), f"{damaged.name}.damaged-…")
            )
            self.source = self._label(tr("Backup: {0}").format(path))
            self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.restore_button = QPushButton(tr("Restore This Backup"))
            self.restore_button.setAccessibleName(tr("Restore the newest good backup"))
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.setDefault(True)
            self.restore_button.setFocus()
        else:
            self.offer = self._label(
                tr(
                    "There is no good backup in {0}. The damaged file stays where it is, "
                    "unchanged: {1}. Copy it somewhere safe before anything else; moving it "
                    "away (with its -wal and -shm files) lets Daybook start a new journal."
                ).format(backups_dir, damaged)
            )
            self.offer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.source = self._label("")
            self.source.hide()
            self.quit_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        column = QWidget()
        column.setFixedWidth(460)  # wrapped labels get their height for this width
        text = QVBoxLayout(column)
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(10)
        for widget in (self.heading, self.what, self.offer, self.source, self.detail):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addWidget(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    @classmethod
    def ask_restore(
        cls,
        parent: QWidget | None,
        problem: str,
        damaged: Path,
        backups_dir: Path,
        backup: tuple[Path, dt.datetime, int] | None,
    ) -> bool:
        """Show the dialog; True if the user chose to restore `backup`. Tests replace this."""
        dialog = cls(problem, damaged, backups_dir, backup, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted and backup is not None
