"""The desktop app's screens (PySide6). The only Qt code besides `journal.app`.

One package per screen, and imports go one way (tests/test_architecture.py enforces it,
counting imports inside functions and under TYPE_CHECKING):

    common  <-  timeline, editor  <-  dialogs, prompt  <-  main

- `common/`: what every screen uses: wording and `tr`, i18n, the error dialog and message
  boxes, the background worker, the busy cursor, the theme, window placement, the change
  signal bridge (`changes`) and the crash hook with its log (`crash`).
- `timeline/`: browsing: the timeline model, its card delegate and view, the calendar, the
  search bar and the reader.
- `editor/`: writing: the Markdown editor, its highlighter, spelling and images.
- `dialogs/`: windows opened from the menus: settings (and its security tab), import,
  export (form, preview, PDF), Insights with its charts, about, help, rescue and unlock.
- `prompt/`: the end-of-day prompt: its window, the reminder desk and loop, the tray,
  desktop notifications and the catch-up dialog. It knows the main window only through
  the `reminders.DeskWindow` protocol.
- `main/`: the main window and what builds it: the panes (`window_panes.Panes`, built
  by `build_panes`), actions, the entry, search and Trash controllers, start-up (opening,
  unlocking, rescue), the single-instance guard, the sidebar fold and the first-run card.
  The window itself is `main_window.MainWindow` (frame, panes, wiring) on two bases:
  `window_dialogs` (export, import, Insights, about, help) and `window_state` (geometry,
  quit, close); pages made only when needed (the editor, the welcome page) sit in a
  `page_slot.PageSlot`.
  The controllers are given the widgets they drive, the journal and a task runner, and
  answer through signals: only `journal.app` imports the main window, and no module of
  `journal` is in an import cycle (both tested).

Packages of the same rank do not import each other; nothing here imports storage or
SQLAlchemy: the screens talk to `journal.services`.
"""
