"""The main window's commands: QActions with their texts, shortcuts and accessible names.

`WindowActions` only builds: every action, the menu bar and the timeline's context menu.
The window connects the actions to what they do and decides when they are enabled.
Shortcuts come from `QKeySequence.StandardKey` where the platform has one (they differ
between platforms), with a fixed fallback where it has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from journal.ui.common.wording import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

Key = QKeySequence.StandardKey


class WindowActions(QObject):
    """Every command of the main window; added to `window` so their shortcuts work."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.new_action = self._make(tr("&New Entry"), tr("New entry for today"), Key.New)
        self.reflection_action = self._make(
            tr("Write Today's &Reflection…"), tr("Answer today's questions"), None, "Ctrl+R"
        )
        self.new_day_action = self._make(
            tr("New Entry for &Another Day…"), tr("New entry for another day"), "Ctrl+Shift+N"
        )
        self.import_action = self._make(
            tr("&Import…"), tr("Import entries from another journal"), None, "Ctrl+Shift+I"
        )
        self.export_action = self._make(tr("&Export…"), tr("Export entries"), None, "Ctrl+Shift+E")
        self.export_selected_action = self._make(
            tr("Export Se&lected…"), tr("Export the selected entries")
        )
        self.export_selected_action.setEnabled(False)
        self.export_pdf_action = self._make(
            tr("Export as P&DF…"), tr("Export entries as a PDF document")
        )
        self.print_action = self._make(tr("&Print…"), tr("Print entries"), Key.Print, "Ctrl+P")
        self.settings_action = self._make(
            tr("&Settings…"), tr("Settings"), Key.Preferences, "Ctrl+,"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._make(tr("&Quit"), tr("Quit Daybook"), Key.Quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._make(
            tr("&Undo Move to Trash"), tr("Undo the last move to the Trash"), Key.Undo
        )
        self.undo_action.setEnabled(False)
        self.edit_action = self._make(tr("&Edit Entry"), tr("Edit the entry"), "Ctrl+E")
        self.delete_action = self._make(
            tr("&Move to Trash"), tr("Move the entry to the Trash"), Key.Delete
        )
        # Delete acts only where entries are shown (the window adds it there), never in a
        # text field.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.removeAction(self.delete_action)
        self.find_action = self._make(tr("&Find…"), tr("Search the journal"), Key.Find)
        self.share_action = self._make(
            tr("S&hare with Team…"), tr("Share the selected entries with your team")
        )

        self.today_action = self._make(tr("Go to &Today"), tr("Go to today"), "Ctrl+T")
        self.calendar_action = self._make(tr("Go to &Day…"), tr("Go to a day"), "Ctrl+G")
        self.trash_action = self._make(tr("Show T&rash"), tr("Show the Trash"), "Ctrl+Shift+T")
        self.timeline_action = self._make(
            tr("Focus Time&line"), tr("Move the focus to the timeline"), "Ctrl+1"
        )
        self.sidebar_action = self._make(
            tr("Show &Sidebar"), tr("Show or hide the sidebar"), None, "F9"
        )
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.insights_action = self._make(
            tr("&Insights…"), tr("Heatmap, streaks, tag trends and the week's review")
        )
        self.team_action = self._make(
            tr("T&eam…"), tr("Everyone's shared entries and the team's week notes"),
            None, "Ctrl+Shift+M",
        )  # fmt: skip
        self.shortcuts_action = self._make(
            tr("&Keyboard Shortcuts"), tr("List the keyboard shortcuts"), None, "Ctrl+/"
        )
        self.search_help_action = self._make(
            tr("&Search Syntax"), tr("How to write a search"), Key.HelpContents, "F1"
        )
        self.about_action = self._make(tr("&About Daybook"), tr("About Daybook"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make(
        self,
        text: str,
        accessible: str,
        shortcut: QKeySequence.StandardKey | str | None = None,
        fallback: str | None = None,
    ) -> QAction:
        """An action on the window; `fallback` where the platform has no standard key."""
        action = QAction(text, self._window)
        keys: list[QKeySequence] = []
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys = QKeySequence.keyBindings(shortcut)
        elif shortcut is not None:
            keys = [QKeySequence(shortcut)]
        if not keys and fallback:
            keys = [QKeySequence(fallback)]
        action.setShortcuts(keys)
        action.setToolTip(accessible)  # menus name an item by its text; tool buttons by this
        self._window.addAction(action)
        return action

    def all_actions(self) -> list[QAction]:
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    def fill_menu_bar(self, bar: QMenuBar) -> None:
        bar.setAccessibleName(tr("Menu bar"))
        menus = (
            (tr("&File"), [self.new_action, self.reflection_action, self.new_day_action, None,
                           self.import_action, self.export_action,
                           self.export_selected_action, self.export_pdf_action,
                           self.print_action, None, self.settings_action, None,
                           self.quit_action]),
            (tr("&Edit"), [self.undo_action, None, self.edit_action, self.delete_action, None,
                           self.share_action, None, self.find_action]),
            (tr("&View"), [self.today_action, self.calendar_action, self.timeline_action, None,
                           self.sidebar_action, self.trash_action, None,
                           self.insights_action, self.team_action]),
            (tr("&Help"), [self.shortcuts_action, self.search_help_action, None,
                           self.about_action]),
        )  # fmt: skip
        for title, actions in menus:
            menu = bar.addMenu(title)
            menu.setAccessibleName(title.replace("&", ""))
            _add_all(menu, actions)

    def timeline_menu(self, parent: QWidget) -> QMenu:
        """The timeline's context menu (the window shows it where the user clicked)."""
        menu = QMenu(parent)
        menu.setAccessibleName(tr("Entry menu"))
        _add_all(
            menu,
            [
                self.edit_action,
                self.export_selected_action,
                self.share_action,
                None,
                self.delete_action,
            ],
        )
        return menu


def _add_all(menu: QMenu, actions: Sequence[QAction | None]) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
