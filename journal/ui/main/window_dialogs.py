"""The main window's dialogs: export (File > Export, Export Selected, PDF and Print, the
week notes), import, Insights, About and the help pages; each opened on demand (their modules
are imported only then, never while the window starts) and reported in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal

from journal.ui.common import wording
from journal.ui.common.i18n import number
from journal.ui.common.placement import fit_on_screen
from journal.ui.main.window_state import WindowState

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from pathlib import Path

    from journal.domain.entry import Entry, EntrySummary
    from journal.ui.dialogs.export_dialog import ExportDialog
    from journal.ui.dialogs.import_dialog import ImportDialog
    from journal.ui.dialogs.insights import InsightsDialog
    from journal.ui.main.actions import WindowActions


class WindowDialogs(WindowState):
    """Opens the main window's dialogs on its journal (see the module's docstring)."""

    exportOpened = Signal(object)  # the ExportDialog, just opened (tests drive it)

    ui_actions: WindowActions
    export_dialog: ExportDialog | None = None
    insights_dialog: InsightsDialog | None = None
    import_dialog: ImportDialog | None = None

    def go_to_day(self, day: dt.date) -> None:  # the window's (Insights' days go there)
        raise NotImplementedError

    def report(self, error: BaseException) -> None:  # the window's
        raise NotImplementedError

    def export_selected(self) -> None:
        """Export the entries selected in the timeline (the current one if none is)."""
        timeline = self.panes.timeline
        entries = timeline.selected_entries() or [
            e for e in [timeline.current_entry()] if e is not None
        ]
        if entries:
            self.open_export(entries)

    def export(self, pdf: bool = False, printing: bool = False) -> None:
        """File > Export (Ctrl+Shift+E): on "Selected (N)" when several entries are selected,
        otherwise on the last date range used. File > Export as PDF… and File > Print… open
        the same dialog (the same choice of entries) on the PDF format, Print as its default
        button."""
        chosen = self.panes.timeline.selected_entries()
        dialog = self.open_export(chosen if len(chosen) > 1 else ())
        if dialog is not None and pdf:
            dialog.set_format("pdf")
            if printing:
                dialog.print_button.setDefault(True)

    def open_export(self, entries: Sequence[Entry | EntrySummary] = ()) -> ExportDialog | None:
        """Open the export dialog (window-modal, not blocking) on filters, or on `entries`
        ("Selected (N)", with the days they span)."""
        from journal.ui.dialogs.export_dialog import ExportDialog

        if not self.entry_controller.flush():  # export what the user sees, saved
            return None
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog.deleteLater()
        days = [e.day for e in entries]
        dialog = ExportDialog(
            self.journal,
            self,
            ids=[e.id for e in entries],
            span=(min(days), max(days)) if days else None,
            pool=self.pool,
            qsettings=self.qsettings,
        )
        dialog.saved.connect(self._exported)
        self.export_dialog = dialog
        dialog.open()
        self.exportOpened.emit(dialog)
        return dialog

    def _exported(self, path: Path, count: int) -> None:
        self.statusBar().showMessage(
            self.tr("Exported {0} to {1}").format(
                wording.entries(count),
                str(path),
            ),
            8000,
        )

    # -- importing -------------------------------------------------------------------------

    def open_import(self) -> ImportDialog:
        """File > Import…: the import dialog (window-modal, not blocking)."""
        from journal.ui.dialogs.import_dialog import ImportDialog

        if self.import_dialog is not None:
            self.import_dialog.close()
            self.import_dialog.deleteLater()
        dialog = ImportDialog(self.journal, self, pool=self.pool)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, report: Any) -> None:
        self.statusBar().showMessage(
            self.tr("Imported {0} ({1} already in the journal)").format(
                wording.entries(report.added), number(report.skipped)
            ),
            8000,
        )

    # -- insights --------------------------------------------------------------------------

    def open_insights(self) -> InsightsDialog:
        """The Insights window (not modal): its days, tags and week notes act on this window."""
        from journal.services.insights import InsightsService
        from journal.settings import Settings
        from journal.ui.dialogs.insights import InsightsDialog

        if self.insights_dialog is not None:
            self.insights_dialog.close()
            self.insights_dialog.deleteLater()
        service = InsightsService(self.journal, Settings.load(self.journal.paths.settings))
        dialog = InsightsDialog(service, self)
        dialog.dayRequested.connect(self.go_to_day)
        dialog.tagRequested.connect(self.search_controller.tag_chosen)
        dialog.weekNotesRequested.connect(self.open_week_notes)
        dialog.loadFailed.connect(self.report)
        self.journal_changes.changed.connect(dialog.journal_changed)
        self.insights_dialog = dialog
        fit_on_screen(dialog, (960, 560))
        dialog.show()
        return dialog

    def open_week_notes(self, first: dt.date, last: dt.date) -> ExportDialog | None:
        """The export dialog preset to the week notes (digest) of `first` to `last`."""
        dialog = self.open_export()
        if dialog is not None:
            dialog.set_dates(first, last)
            dialog.set_format("digest_markdown")
        return dialog

    def _about(self) -> None:
        from journal.ui.dialogs.about_dialog import AboutDialog

        AboutDialog.show_about(self, self.paths)

    def _help(self, page: str) -> None:
        from journal.ui.dialogs.help_dialog import HelpDialog

        HelpDialog.show_help(self, self.ui_actions.all_actions(), page)
