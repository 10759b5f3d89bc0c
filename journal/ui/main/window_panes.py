"""The main window's panes, built for an open journal into one typed `Panes` object.

`build_panes` makes the widgets (sidebar | timeline, its search bar or the Trash | welcome
page, reader or editor, and the status bar's own widgets) with the window as their parent
and returns them; it connects nothing between them and sets nothing on the window. The
window lays them out and wires them (`MainWindow.attach`); the controllers drive them.

Neither the editor nor the empty journal's welcome page is on the first screen of a
journal with entries (the reader is): each is made by its `PageSlot` when first asked for
(the window makes the editor once the panes have been painted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.rendering.markdown import MarkdownRenderer
from journal.services.attachments import first_images, image_lookup
from journal.ui.common.busy import BusyIndicator
from journal.ui.common.image_cache import ImageCache
from journal.ui.common.wording import tr
from journal.ui.main.page_slot import PageSlot
from journal.ui.main.panes import Sidebar
from journal.ui.main.trash import TrashView
from journal.ui.timeline.reader import EntryReader
from journal.ui.timeline.search_bar import SearchBar
from journal.ui.timeline.thumbnails import Thumbnails
from journal.ui.timeline.timeline import TimelineModel
from journal.ui.timeline.timeline_view import TimelineView

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject

    from journal.services.journal import Journal
    from journal.ui.common.changes import ChangeSignal
    from journal.ui.common.worker import TaskSet
    from journal.ui.editor.editor import EntryEditor
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.main.search_controller import SearchController
    from journal.ui.main.trash import TrashController
    from journal.ui.main.welcome_page import WelcomePage
    from journal.ui.timeline.calendar import JournalCalendar


@dataclass(frozen=True, eq=False)
class Panes:
    """Every widget of the main window's panes and status bar that something drives."""

    sidebar: Sidebar
    calendar: JournalCalendar  # the sidebar's
    trash_button: QToolButton  # the sidebar's: checked while the Trash is shown
    model: TimelineModel  # the listing, or the search results
    timeline: TimelineView
    search_bar: SearchBar
    list_empty: QLabel  # in place of the timeline when it has no rows
    trash: TrashView
    list_stack: QStackedWidget  # the timeline page, or the Trash
    reader: EntryReader
    editor_slot: PageSlot[EntryEditor]  # the editor, made when first asked for
    welcome_slot: PageSlot[WelcomePage]  # an empty journal's first page, made when shown
    right_stack: QStackedWidget  # welcome page, reader or editor
    splitter: QSplitter  # sidebar | list_stack | right_stack: the central widget
    undo_button: QPushButton  # in the status bar, after a delete
    busy: BusyIndicator  # in the status bar
    streak_label: QLabel  # in the status bar
    thumbnails: Thumbnails  # the timeline's; forgets an entry's when it changes

    @property
    def editor(self) -> EntryEditor:
        """The entry editor (made on first use: see `PageSlot`)."""
        return self.editor_slot.get()

    @property
    def empty_state(self) -> WelcomePage:
        """The empty journal's welcome page (made on first use)."""
        return self.welcome_slot.get()


def build_panes(
    parent: QWidget,
    journal: Journal,
    editor: Callable[[], EntryEditor],
    renderer: MarkdownRenderer | None = None,
    page_size: int = 200,
    write_keys: str = "",
    import_keys: str = "",
    pool: QThreadPool | None = None,
) -> Panes:
    """The panes for `journal`, children of `parent`; `editor()` makes the editor of its
    entries, when first needed. The
    welcome page names `write_keys` and `import_keys`, the shortcuts of its two buttons;
    images are decoded in `pool` (the window's)."""
    sidebar = Sidebar(journal, parent)
    # One cache of display copies for the reader and the timeline's thumbnails.
    images = ImageCache(image_lookup(journal), pool, parent=parent)
    thumbnails = Thumbnails(images, lambda ids: first_images(journal, ids), pool, parent=parent)
    model = TimelineModel(journal, page_size=page_size, parent=parent)
    timeline = TimelineView(parent)
    timeline.setAccessibleName(tr("Timeline"))
    timeline.setModel(model)
    timeline.set_thumbnails(thumbnails)
    timeline.setSelectionMode(TimelineView.SelectionMode.ExtendedSelection)
    search_bar = SearchBar(parent)
    list_empty = QLabel(parent)
    list_empty.setAccessibleName(tr("No entries"))
    list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    list_empty.setWordWrap(True)
    list_empty.hide()

    timeline_page = QWidget(parent)
    tl = QVBoxLayout(timeline_page)
    tl.setContentsMargins(0, 0, 0, 0)
    tl.setSpacing(0)
    tl.addWidget(search_bar)
    tl.addWidget(timeline, 1)
    tl.addWidget(list_empty, 1)
    trash = TrashView(journal, parent)
    list_stack = QStackedWidget(parent)
    list_stack.setAccessibleName(tr("Entries"))
    list_stack.addWidget(timeline_page)
    list_stack.addWidget(trash)
    # A narrow window keeps the timeline readable (cards of ~36 characters) and the search
    # row whole; the entry pane gets the same least width.
    readable = max(
        parent.fontMetrics().averageCharWidth() * 36, search_bar.minimumSizeHint().width()
    )
    list_stack.setMinimumWidth(readable)

    reader = EntryReader(renderer or MarkdownRenderer(), parent)
    reader.set_image_cache(images)
    right_stack = QStackedWidget(parent)
    right_stack.setAccessibleName(tr("Entry"))
    right_stack.addWidget(reader)

    def welcome() -> WelcomePage:
        from journal.ui.main.welcome_page import WelcomePage

        return WelcomePage(journal.paths.home, parent, write_keys, import_keys)

    right_stack.setMinimumWidth(readable)

    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setObjectName("mainSplitter")
    splitter.setAccessibleName(tr("Panes"))
    splitter.addWidget(sidebar)
    splitter.addWidget(list_stack)
    splitter.addWidget(right_stack)
    splitter.setChildrenCollapsible(True)
    splitter.setCollapsible(1, False)
    splitter.setCollapsible(2, False)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 0)
    splitter.setStretchFactor(2, 1)
    splitter.setSizes([260, 400, 620])

    undo_button = QPushButton(tr("Undo"), parent)
    undo_button.setAccessibleName(tr("Undo the last delete"))
    undo_button.setFlat(True)
    undo_button.hide()
    busy = BusyIndicator(parent)
    streak_label = QLabel(parent)
    streak_label.setAccessibleName(tr("Streak"))
    return Panes(
        sidebar=sidebar,
        calendar=sidebar.calendar,
        trash_button=sidebar.trash_button,
        model=model,
        timeline=timeline,
        search_bar=search_bar,
        list_empty=list_empty,
        trash=trash,
        list_stack=list_stack,
        reader=reader,
        editor_slot=PageSlot(editor, right_stack),
        welcome_slot=PageSlot(welcome, right_stack),
        right_stack=right_stack,
        splitter=splitter,
        undo_button=undo_button,
        busy=busy,
        streak_label=streak_label,
        thumbnails=thumbnails,
    )


@dataclass(frozen=True, eq=False)
class Controllers:
    """The controllers that drive the panes: entries, search and the Trash."""

    entries: EntryController
    search: SearchController
    trash: TrashController


def build_controllers(
    journal: Journal,
    panes: Panes,
    changes: ChangeSignal,
    tasks: TaskSet,
    parent: QObject | None = None,
) -> Controllers:
    """The controllers of `panes`, each given only the panes it drives; nothing is wired
    between them and the window here (the window's `_wire` does that)."""
    from journal.ui.main.entry_controller import EntryController
    from journal.ui.main.search_controller import SearchController
    from journal.ui.main.trash import TrashController

    entries = EntryController(
        journal,
        model=panes.model,
        timeline=panes.timeline,
        reader=panes.reader,
        editor=panes.editor_slot,
        right_stack=panes.right_stack,
        calendar=panes.calendar,
        trash_button=panes.trash_button,
        parent=parent,
    )
    search = SearchController(
        journal, tasks, entries, search_bar=panes.search_bar, model=panes.model,
        reader=panes.reader, busy=panes.busy, trash_button=panes.trash_button, parent=parent,
    )  # fmt: skip
    trash = TrashController(
        journal, changes, tasks, entries, trash=panes.trash, trash_button=panes.trash_button,
        list_stack=panes.list_stack, model=panes.model, timeline=panes.timeline,
        reader=panes.reader, busy=panes.busy, parent=parent,
    )  # fmt: skip
    return Controllers(entries, search, trash)
