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
- `main/`: the main window and what builds it: panes, actions, the entry and search flows,
  the Trash, start-up (opening, unlocking, rescue), the single-instance guard, the sidebar
  fold and the first-run card.

Packages of the same rank do not import each other; nothing here imports storage or
SQLAlchemy: the screens talk to `journal.services`.
"""
