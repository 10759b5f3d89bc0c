"""The main window's panes: sidebar | timeline (or the Trash) | entry, and the status bar's
own widgets, built for an open journal and wired to the window (`MainWindow.attach`).

They are set on the window under the names the rest of the app uses (`window.timeline`,
`window.reader`, ...); what they do together lives in the window and its flows.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from journal.rendering.markdown import MarkdownRenderer
from journal.services.attachments import first_images, image_lookup
from journal.ui.common.busy import BusyIndicator
from journal.ui.common.image_cache import ImageCache
from journal.ui.common.wording import tr
from journal.ui.main.panes import Sidebar, WelcomePage
from journal.ui.main.trash import TrashView
from journal.ui.timeline.calendar import to_qdate
from journal.ui.timeline.reader import EntryReader
from journal.ui.timeline.search_bar import SearchBar
from journal.ui.timeline.thumbnails import Thumbnails
from journal.ui.timeline.timeline import TimelineModel
from journal.ui.timeline.timeline_view import TimelineView

if TYPE_CHECKING:
    from journal.services.journal import Journal
    from journal.ui.main.main_window import MainWindow


def build_panes(
    w: MainWindow,
    journal: Journal,
    editor: QWidget,
    renderer: MarkdownRenderer | None = None,
    page_size: int = 200,
) -> None:
    """The panes for `journal` in window `w` (its flows exist already), split as last time."""
    sidebar = Sidebar(journal, w)
    w.calendar, w.tags_list = sidebar.calendar, sidebar.tags_list
    w.new_button, w.today_button = sidebar.new_button, sidebar.today_button
    w.trash_button, w.stats_label = sidebar.trash_button, sidebar.stats_label
    w.sidebar = sidebar
    w.calendar.dayChosen.connect(w.go_to_day)
    w.calendar.loadFailed.connect(w.report)
    w.new_button.clicked.connect(lambda: w.new_entry())
    w.today_button.clicked.connect(lambda: w.go_to_day(dt.date.today()))
    w.trash_button.toggled.connect(w.trash_flow.show_trash)
    sidebar.tagChosen.connect(w.search_flow.tag_chosen)
    sidebar.dayChosen.connect(w.go_to_day)

    # One cache of display copies for the reader and the timeline's thumbnails.
    images = ImageCache(image_lookup(journal), w.pool, parent=w)
    thumbnails = Thumbnails(images, lambda ids: first_images(journal, ids), w.pool, parent=w)

    w.model = TimelineModel(journal, page_size=page_size, parent=w)
    w.model.loadFailed.connect(w.report)
    w.timeline = TimelineView(w)
    w.timeline.setAccessibleName(tr("Timeline"))
    w.timeline.setModel(w.model)
    w.timeline.setSelectionMode(TimelineView.SelectionMode.ExtendedSelection)
    w.timeline.selectionModel().currentChanged.connect(w.entry_flow.current_changed)
    w.timeline.selectionModel().selectionChanged.connect(w.selection_changed)
    w.timeline.editRequested.connect(w.edit_entry)
    w.timeline.set_thumbnails(thumbnails)
    w.search_bar = SearchBar(w)
    w.timeline.escapePressed.connect(w.search_bar.clear)  # Esc in the results: timeline again
    w.search_bar.searchRequested.connect(w.run_search)
    w.search_bar.cleared.connect(w.search_flow.end)
    w.search_bar.focusTimelineRequested.connect(w.focus_timeline)
    w.list_empty = QLabel(w)
    w.list_empty.setAccessibleName(tr("No entries"))
    w.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.list_empty.setWordWrap(True)
    w.list_empty.hide()

    timeline_page = QWidget(w)
    tl = QVBoxLayout(timeline_page)
    tl.setContentsMargins(0, 0, 0, 0)
    tl.setSpacing(0)
    tl.addWidget(w.search_bar)
    tl.addWidget(w.timeline, 1)
    tl.addWidget(w.list_empty, 1)
    w.trash = TrashView(journal, w)
    w.trash.closeRequested.connect(lambda: w.trash_button.setChecked(False))
    w.trash.restoreRequested.connect(w.trash_flow.restore_entry)
    w.trash.emptyRequested.connect(w.trash_flow.empty_trash)
    w.trash.currentEntryChanged.connect(w.entry_flow.trash_current_changed)
    w.list_stack = QStackedWidget(w)
    w.list_stack.setAccessibleName(tr("Entries"))
    w.list_stack.addWidget(timeline_page)
    w.list_stack.addWidget(w.trash)
    # A narrow window keeps the timeline readable (cards of ~36 characters) and the search
    # row whole; the entry pane gets the same least width.
    readable = max(w.fontMetrics().averageCharWidth() * 36, w.search_bar.minimumSizeHint().width())
    w.list_stack.setMinimumWidth(readable)

    w.reader = EntryReader(renderer or MarkdownRenderer(), w)
    w.reader.set_image_cache(images)
    w.reader.editRequested.connect(w.edit_entry)
    w.reader.deleteRequested.connect(w.delete_entry)
    w.reader.restoreRequested.connect(w.trash_flow.restore_entry)
    w.editor = editor
    w.editor.setParent(w)
    w.editor.entrySaved.connect(w.entry_flow.entry_saved)  # type: ignore[attr-defined]
    w.editor.saveFailed.connect(w.report)  # type: ignore[attr-defined]
    w.editor.closeRequested.connect(w.entry_flow.close_editor)  # type: ignore[attr-defined]
    w.editor.dayChanged.connect(  # type: ignore[attr-defined]
        lambda day: w.calendar.setSelectedDate(to_qdate(day))  # the calendar follows; no jump
    )
    native = QKeySequence.SequenceFormat.NativeText
    w.empty_state = WelcomePage(
        journal.paths.home,
        w,
        write_keys=w.ui_actions.reflection_action.shortcut().toString(native),
        import_keys=w.ui_actions.import_action.shortcut().toString(native),
    )
    w.empty_state.startRequested.connect(w.start_reflection)
    w.empty_state.importRequested.connect(w.open_import)
    w.start_button = w.empty_state.start_button
    w.where_label = w.empty_state.where_label
    w.right_stack = QStackedWidget(w)
    w.right_stack.setAccessibleName(tr("Entry"))
    for page in (w.empty_state, w.reader, w.editor):
        w.right_stack.addWidget(page)
    w.right_stack.setMinimumWidth(readable)

    # Every view follows the journal's changes (the order matters: the counts say whether
    # the journal is empty before the listing picks its page).
    changes = w.journal_changes
    changes.changed.connect(w.read_counts)
    changes.changed.connect(w.calendar.journal_changed)
    changes.changed.connect(w.entry_flow.journal_changed)
    changes.changed.connect(w.search_flow.journal_changed)
    changes.changed.connect(w.trash.journal_changed)
    changes.changed.connect(
        lambda change: thumbnails.forget(None if change.wholesale else change.ids)
    )

    w.splitter = QSplitter(Qt.Orientation.Horizontal, w)
    w.splitter.setObjectName("mainSplitter")
    w.splitter.setAccessibleName(tr("Panes"))
    w.splitter.addWidget(sidebar)
    w.splitter.addWidget(w.list_stack)
    w.splitter.addWidget(w.right_stack)
    w.splitter.setChildrenCollapsible(True)
    w.splitter.setCollapsible(1, False)
    w.splitter.setCollapsible(2, False)
    w.splitter.setStretchFactor(0, 0)
    w.splitter.setStretchFactor(1, 0)
    w.splitter.setStretchFactor(2, 1)
    w.splitter.setSizes([260, 400, 620])
    w.restore_splitter()
    w.setCentralWidget(w.splitter)


def build_status_widgets(w: MainWindow) -> None:
    """Undo (after a delete), the busy bar and the streak, at the status bar's right."""
    w.undo_button = QPushButton(tr("Undo"), w)
    w.undo_button.setAccessibleName(tr("Undo the last delete"))
    w.undo_button.setFlat(True)
    w.undo_button.clicked.connect(w.trash_flow.undo_delete)
    w.undo_button.hide()
    w.statusBar().addPermanentWidget(w.undo_button)
    w.busy = BusyIndicator(w)
    w.statusBar().addPermanentWidget(w.busy)
    w.streak_label = QLabel(w)
    w.streak_label.setAccessibleName(tr("Streak"))
    w.statusBar().addPermanentWidget(w.streak_label)
    w.statusBar().messageChanged.connect(
        lambda text: w.undo_button.setVisible(bool(text) and bool(w.trash_flow.undo))
    )
