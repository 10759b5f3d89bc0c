"""Composition root of the desktop app: paths -> store -> services -> QApplication -> windows."""

from __future__ import annotations

from collections.abc import Sequence

from journal.paths import AppPaths


def run_gui(paths: AppPaths, argv: Sequence[str]) -> int:
    """Open the main window on the journal in `paths`; returns the exit status."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    from journal.errors import DaybookError
    from journal.services.journal import Journal

    app = QApplication.instance() or QApplication(list(argv))
    try:
        journal = Journal.open(paths)
    except DaybookError as exc:
        QMessageBox.critical(None, "Daybook", f"{exc.what}.\n\n{exc.hint}")
        return 1
    window = QMainWindow()
    window.setWindowTitle("Daybook")
    window.resize(900, 600)
    window.show()
    try:
        return int(app.exec())
    finally:
        journal.close()
