"""Composition root of the desktop app: paths -> settings -> QApplication -> windows.

The main window starts as a frame that is painted at once; the journal is opened in the
background after that paint and the panes are put in when it arrives (`start_window`).
Everything the window needs is built here and handed in; app-wide signals (settings, drafts
left from a crash, the end-of-day prompt's reminders, tray and catch-up) are connected here
too. `run_prompt` is `daybook prompt`: the prompt window alone, as its own small app.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from journal.ui.common.refcount import guard_none_refcount

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from journal.paths import AppPaths
    from journal.services.drafts import Draft
    from journal.services.journal import Journal
    from journal.services.team import TeamService
    from journal.settings import Settings
    from journal.ui.dialogs.security_tab import SecurityActions
    from journal.ui.main.main_window import MainWindow
    from journal.ui.prompt.notify import DesktopNotifier
    from journal.ui.prompt.reminders import ReminderDesk

ORGANIZATION = "Daybook"
APP_ID = "io.github.daybook.Daybook"  # the .desktop file's name, so Wayland matches windows
APPLICATION = "Daybook"


def run_gui(
    paths: AppPaths, argv: Sequence[str], minimized: bool = False, verbose: bool = False
) -> int:
    """Open the main window on the journal in `paths`; returns the exit status.

    `minimized` (start on login): only the tray icon where there is a tray, else the main
    window minimized. Either way the reminders run. Errors no code caught are logged to the
    data folder's `logs/` (in detail with `verbose`) and shown (journal.ui.common.crash).
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QSystemTrayIcon

    from journal.errors import DaybookError
    from journal.ui.common.errors import ErrorDialog
    from journal.ui.main.single_instance import SingleInstance, bring_forward, holder_text

    app, settings, qsettings = _application(paths, argv)
    # One GUI per journal: a second start brings the first window forward instead of
    # opening a second writer (which, with the per-file lock in storage/db.py, rules out
    # two connections writing and checkpointing at once).
    instance = SingleInstance()
    try:
        acquired = instance.acquire(paths, listen=False)  # listens once the window is up
    except DaybookError as exc:
        ErrorDialog.show_error(None, exc)
        return 1
    if not acquired:
        return _already_running(instance, paths, minimized, holder_text)

    listeners: list[Callable[[Settings], None]] = []
    opened: list[Journal] = []
    desks: list[ReminderDesk] = []
    checks: list[Any] = []  # StartupChecks: a clean one lets the next start skip its check

    def ready(window: MainWindow, journal: Journal, note: str | None) -> None:
        from journal.ui.main.startup import StartupChecks

        opened.append(journal)
        desk = build_reminders(app, window, journal, settings, qsettings)
        desks.append(desk)
        listeners.append(desk.settings_changed)
        if not window.is_empty():  # an empty journal's welcome page has the card instead
            note = note or start_on_login_tip(settings, paths)
        if note:
            window.statusBar().showMessage(note)
        offer_drafts(window)
        desk.start()
        checks.append(StartupChecks(journal, window))
        checks[-1].start()

    window = start_window(
        app,
        paths,
        settings,
        qsettings,
        on_ready=ready,
        on_settings_changed=lambda chosen: [f(chosen) for f in listeners],
    )
    hooked: list[Callable[[], None]] = []

    def install_crash_hook() -> None:
        # After the first paint (or once the panes are in, for a window never painted):
        # the log and the hook cost some milliseconds the window should not wait for.
        if not hooked:
            from journal.ui.common.crash import install

            hooked.append(install(paths, verbose))

    window.firstPainted.connect(install_crash_hook)
    # Told to end without the windows being closed (the session ends, SIGTERM): what is
    # being written, images on their way included, is saved or kept as a draft first.
    from journal.ui.common.terminate import quit_on_terminate

    def shutdown() -> None:
        save_for_shutdown(window, desks[0] if desks else None)

    app.commitDataRequest.connect(lambda _manager: shutdown())
    end_terminate = quit_on_terminate(app, shutdown)
    window.ready.connect(install_crash_hook)
    instance.activationRequested.connect(lambda: bring_forward(window))
    listen_when_settled(window, instance)
    if not minimized:
        window.show()
    elif not QSystemTrayIcon.isSystemTrayAvailable():
        window.showMinimized()
    try:
        return int(app.exec())
    finally:
        window.wait_for_tasks()  # a journal still opening closes itself (cancelled)
        gc.enable()  # (off while starting: closed before the journal arrived)
        for journal in opened:
            journal.close()
        if opened and checks and all(c.healthy for c in checks):
            from journal.services.health import note_verified

            note_verified(paths)  # closed after a clean check: the next start may skip it
        instance.release()
        end_terminate()
        for stop in hooked:
            stop()
        # A quit posted after exec() returned (closing the last window after `exit(1)`)
        # would end the next event loop at once: run_gui can be run again (tests).
        QCoreApplication.removePostedEvents(None, QEvent.Type.Quit)  # type: ignore[arg-type]


def create_window(paths: AppPaths) -> MainWindow:
    """The main window on `paths` as `daybook gui` opens it (the one-instance lock taken
    first, its server started after the first paint), without the reminders: for the
    start-up benchmark (bench/gui_child.py). Show it; it emits `ready` once the journal's
    panes are in. The journal closes and the lock is freed when the app quits."""
    from journal.errors import StorageError
    from journal.ui.main.single_instance import SingleInstance, holder_text

    app, settings, qsettings = _application(paths, [])
    instance = SingleInstance(app)
    if not instance.acquire(paths, listen=False):
        raise StorageError(
            f"the journal in {paths.home} is in use by {holder_text(instance.holder)}",
            "close it there first",
        )
    opened: list[Journal] = []
    window = start_window(
        app, paths, settings, qsettings, on_ready=lambda _w, journal, _n: opened.append(journal)
    )
    listen_when_settled(window, instance)

    def close() -> None:
        for journal in opened:
            journal.close()
        instance.release()

    app.aboutToQuit.connect(close)
    return window


# After the panes are in, how long the one-instance server waits before it starts listening
# (loading QtNetwork and binding took ~150 ms, which delayed the timeline's first paint).
# A second start in the meantime keeps trying for STARTING_GRACE_S (single_instance.py).
LISTEN_AFTER_READY_MS = 300


def listen_when_settled(window: MainWindow, instance: Any) -> None:
    """Start the one-instance server once the window shows the journal, not before."""
    from PySide6.QtCore import QTimer

    window.ready.connect(lambda: QTimer.singleShot(LISTEN_AFTER_READY_MS, instance.listen))


def _application(paths: AppPaths, argv: Sequence[str]) -> tuple[QApplication, Settings, QSettings]:
    """The QApplication (made if there is none yet) with Daybook's names, theme and language
    (the Settings choice, else the desktop's: journal.ui.common.i18n)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal import __version__
    from journal.settings import Settings
    from journal.ui.common import i18n
    from journal.ui.common.theme import apply_theme

    guard_none_refcount()
    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        from journal.display import require_display

        require_display()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    settings = Settings.load(paths.settings)
    i18n.install(app, settings.language)
    apply_theme(app, settings)
    return app, settings, QSettings(ORGANIZATION, APPLICATION)


OPEN_ANYWAY_MS = 400  # a frame not painted by then (minimized, hidden) opens the journal


def start_window(
    app: QApplication,
    paths: AppPaths,
    settings: Settings,
    qsettings: QSettings,
    on_ready: Callable[[MainWindow, Journal, str | None], object] | None = None,
    on_settings_changed: Callable[[Settings], object] | None = None,
) -> MainWindow:
    """The main window's frame now; the journal is opened in the background once the frame
    has been painted (so the window is on screen before the storage layer is even
    imported), then the panes go in and `on_ready(window, journal, note)` is called.

    If the journal cannot be opened the user is told why and the app exits with status 1.
    A window that is never painted (minimized, on another workspace) opens it after
    OPEN_ANYWAY_MS.
    """
    from PySide6.QtCore import QTimer

    from journal.ui.main.main_window import MainWindow
    from journal.ui.main.startup import JournalOpener

    # Start-up makes some 60,000 objects that live as long as the app (modules, classes,
    # Qt wrappers); collecting garbage among them cost ~50 ms before the panes were in.
    # Collection is off until then, and what start-up made is frozen out of later
    # collections (which also keeps their pauses short while typing).
    gc.disable()
    window = MainWindow(paths, qsettings)
    opener = JournalOpener(paths, window)

    def opened(journal: Journal, note: str | None) -> None:
        try:
            fill_window(window, app, journal, settings, on_settings_changed=on_settings_changed)
        finally:
            gc.freeze()
            gc.enable()
        if on_ready is not None:
            on_ready(window, journal, note)

    opener.opened.connect(opened)
    opener.failed.connect(gc.enable)
    opener.failed.connect(window.close)
    opener.failed.connect(lambda: app.exit(1))
    app.aboutToQuit.connect(opener.cancel)
    window.firstPainted.connect(opener.start)
    QTimer.singleShot(OPEN_ANYWAY_MS, opener.start)
    return window


def start_on_login_tip(settings: Settings, paths: AppPaths) -> str | None:
    """Once, on the first start: say (in the status bar) where start on login is turned on.

    Nothing is turned on here: an autostart entry is user-wide and outlives this journal, so
    only the user writes it (Settings > Reminders). A journal in the temporary folder gets
    no tip, since it cannot be started on login; nor does a journal whose first-run card
    (journal.ui.main.first_run) was answered.
    """
    from journal.errors import DaybookError
    from journal.services.autostart import is_temporary
    from journal.ui.common.wording import tr
    from journal.ui.main.first_run import CARD_KEY

    if settings.extra.get("autostart_offered") or settings.extra.get(CARD_KEY):
        return None  # said once already, or answered on the first-run card
    if is_temporary(paths.home):
        return None
    settings.extra["autostart_offered"] = True
    try:
        settings.save(paths.settings)
    except (DaybookError, OSError):
        return None  # said next time instead
    return tr(
        "For the end-of-day reminder while Daybook is closed, turn on "
        "Settings > Reminders > Start Daybook when I log in."
    )


def _already_running(
    instance: Any, paths: AppPaths, minimized: bool, holder_text: Callable[[Any], str]
) -> int:
    """A second start on the same journal: bring the first window forward, or explain."""
    import sys

    from journal.errors import StorageError
    from journal.ui.common.errors import ErrorDialog

    if minimized:  # started at login while Daybook already runs: nothing to do
        return 0
    if instance.notify_running(paths):
        print(f"daybook: Daybook is already open on {paths.home}; brought it forward",
              file=sys.stderr)  # fmt: skip
        return 0
    ErrorDialog.show_error(
        None,
        StorageError(
            f"the journal in {paths.home} is in use by {holder_text(instance.holder)}",
            f"close Daybook there; if it is no longer running, delete "
            f"{paths.home / 'daybook.lock'}",
        ),
    )
    return 1


def build_window(
    app: QApplication,
    journal: Journal,
    settings: Settings,
    qsettings: QSettings,
    page_size: int = 200,
    on_settings_changed: Callable[[Settings], object] | None = None,
) -> MainWindow:
    """The main window on an open journal, frame and panes at once (`fill_window`)."""
    from journal.ui.main.main_window import MainWindow

    window = MainWindow(journal.paths, qsettings)
    fill_window(window, app, journal, settings, page_size, on_settings_changed)
    return window


def fill_window(
    window: MainWindow,
    app: QApplication,
    journal: Journal,
    settings: Settings,
    page_size: int = 200,
    on_settings_changed: Callable[[Settings], object] | None = None,
) -> None:
    """The panes for `journal` in `window`, with its editor, wired to the settings dialog
    and the theme; `on_settings_changed` hears of settings the user chose (after they
    were saved)."""
    from journal.services.drafts import DraftStore
    from journal.ui.editor.editor import EntryEditor
    from journal.ui.editor.spelling import configure_spelling

    guard_none_refcount()
    drafts = DraftStore(journal.paths.drafts, memory_only=journal.store.key is not None)
    editor = EntryEditor(
        journal, drafts, autosave_ms=max(200, int(settings.autosave_seconds * 1000))
    )
    window.attach(journal, editor, drafts, team_service(journal), page_size=page_size)
    current = [settings]
    configure_spelling(settings.spell_language, journal.paths.home)
    offer = first_run_offer(window, journal, lambda: current[0])

    def open_settings() -> None:
        from journal.ui.common.errors import ErrorDialog
        from journal.ui.common.theme import apply_theme
        from journal.ui.dialogs.settings_dialog import SettingsDialog

        chosen = SettingsDialog.get_settings(
            window,
            current[0],
            autostart_home(journal.paths),
            security=security_actions(window, journal),
        )
        if chosen is None:
            return
        try:
            chosen.save(journal.paths.settings)
        except Exception as exc:  # a StorageError: shown, the new look still applies
            ErrorDialog.show_error(window, exc)
        current[0] = chosen
        apply_theme(app, chosen)
        configure_spelling(chosen.spell_language, journal.paths.home)
        offer.refresh()  # the reminder's time in its words; gone if start on login is on
        if on_settings_changed is not None:
            on_settings_changed(chosen)

    window.settingsRequested.connect(open_settings)


def team_service(journal: Journal) -> TeamService:
    """The team features' service for the window (share, the Team view, the outbox): cheap
    until used; nothing of PostgreSQL's driver loads unless a team is asked something."""
    from journal.services.team import TeamService

    return TeamService(journal)


def security_actions(window: MainWindow, journal: Journal) -> SecurityActions:
    """What Settings > Security does to the open journal (see `services.encryption`)."""
    from journal.services import encryption
    from journal.ui.dialogs.security_tab import SecurityActions

    def before() -> None:
        window.panes.editor.settle()  # unsaved text and images on their way into the journal
        window.journal_changes.timer.stop()  # no poll of the journal while it is closed

    def after(passphrase: str | None, done: bool) -> None:
        window.journal_changes.timer.start()
        if done and passphrase is not None:
            window.drafts.keep_in_memory()

    return SecurityActions(
        encrypted=lambda: encryption.is_encrypted(journal.paths),
        convert=lambda passphrase: encryption.convert_open_journal(journal, passphrase),
        export_first=window.open_export,
        before=before,
        after=after,
    )


def autostart_home(paths: AppPaths) -> Path | None:
    """The journal folder start on login names (None: the default journal), for the
    Settings checkbox and the first-run card alike."""
    return None if paths.is_default else paths.home


def first_run_offer(window: MainWindow, journal: Journal, settings: Callable[[], Settings]) -> Any:
    """The welcome page's first-run card (start on login in one click), wired to the
    settings file; see journal.ui.main.first_run."""
    from journal.ui.main.first_run import FirstRunOffer

    offer = FirstRunOffer(
        window.panes.empty_state.card,
        settings,
        lambda chosen: chosen.save(journal.paths.settings),
        autostart_home(journal.paths),
    )
    return offer


def save_for_shutdown(window: MainWindow, desk: ReminderDesk | None) -> None:
    """Save what is being written when the app is told to end (the session ends, SIGTERM):
    each prompt's images into its answers and its draft written, the editor's images into
    its text and the text saved (a failure keeps its draft). Nothing is asked."""
    if desk is not None:
        desk.launcher.settle_all()
    if window.is_ready():
        window.entry_controller.settle()


def build_reminders(
    app: QApplication,
    window: MainWindow,
    journal: Journal,
    settings: Settings,
    qsettings: QSettings,
    *,
    tray: bool | None = None,
    clock: Callable[[], object] | None = None,
    notifications: bool | None = None,
) -> ReminderDesk:
    """The end-of-day prompt around `window`: service, reminder loop, tray (where the desktop
    has one, or as `tray` says), the desktop notification (where a session bus exists, or as
    `notifications` says), prompt windows and the catch-up offer. Call `start()`."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from journal.services.prompt import PromptService
    from journal.ui.prompt import notify
    from journal.ui.prompt.prompt_window import prompt_drafts
    from journal.ui.prompt.reminders import ReminderDesk

    state = prompt_state_file(journal.paths)
    service = (
        PromptService(journal, settings, state_file=state)
        if clock is None
        else PromptService(journal, settings, clock=clock, state_file=state)  # type: ignore[arg-type]
    )
    has_tray = QSystemTrayIcon.isSystemTrayAvailable() if tray is None else tray
    if notifications is None:
        notifications = notify.available_backend() == "jeepney"
    notifier = reminder_notifier() if notifications else None
    desk = ReminderDesk(
        app, window, service, prompt_drafts(journal.paths), qsettings, has_tray, notifier
    )
    window.journal_changes.changed.connect(desk.journal_changed)
    return desk


def reminder_notifier() -> DesktopNotifier:
    """The reminder's notification with its actions' labels (in the user's language)."""
    from journal.ui.common.wording import tr
    from journal.ui.prompt import notify

    return notify.DesktopNotifier(
        {
            notify.DEFAULT: tr("Write now"),
            notify.WRITE: tr("Write now"),
            notify.SNOOZE: tr("Snooze 15 min"),
            notify.SKIP: tr("Skip today"),
        }
    )


def prompt_state_file(paths: AppPaths) -> Path:
    """Where the reminder remembers what it asked, snoozed and skipped."""
    return paths.home / "prompt-state.json"


def run_prompt(paths: AppPaths, argv: Sequence[str], day_text: str | None = None) -> int:
    """`daybook prompt`: the prompt window for today (or `day_text`) as its own small app,
    ending when the window closes. For an operating system's scheduler."""
    from journal.domain.dates import parse_day
    from journal.services.journal import Journal
    from journal.services.prompt import PromptService
    from journal.ui.dialogs.unlock_dialog import unlock_journal
    from journal.ui.editor.spelling import configure_spelling
    from journal.ui.prompt.prompt_window import (
        PromptWindow,
        answers_from_env,
        prompt_drafts,
        run_test_hook,
    )
    from journal.ui.prompt.tray import app_icon

    app, settings, _qsettings = _application(paths, argv)
    if not unlock_journal(None, paths):  # encrypted: the keyring, else a small dialog
        return 1
    with Journal.open(paths) as journal:  # a DaybookError here is the CLI's one-line error
        configure_spelling(settings.spell_language, paths.home)
        service = PromptService(journal, settings, state_file=prompt_state_file(paths))
        day = parse_day(day_text, service.today()) if day_text else service.today()
        app.setWindowIcon(app_icon())
        window = PromptWindow(service, prompt_drafts(paths), day)
        window.closed.connect(lambda _day: app.quit())
        window.show_active()
        answers = answers_from_env()
        if answers is not None:
            run_test_hook(window, answers)
        app.exec()
        window.deleteLater()
    return 0


def offer_drafts(window: MainWindow) -> None:
    """Offer back what the editor held when Daybook last stopped without saving it."""
    from journal.errors import DaybookError

    store = window.drafts
    pending = store.pending()
    for draft in [d for d in pending if d.is_empty]:
        store.discard(draft.key)
    pending = [d for d in pending if not d.is_empty]
    if not pending:
        return
    if not ask_restore_drafts(window, pending):
        for draft in pending:
            store.discard(draft.key)
        return
    *older, newest = reversed(pending)  # pending is newest first
    for draft in older:  # committed at once; the newest stays open in the editor
        try:
            window.restore_draft(draft)
            if not window.panes.editor.flush():
                return
        except DaybookError as exc:
            window.report(exc)
            return
    window.restore_draft(newest)


def ask_restore_drafts(parent: QWidget, drafts: list[Draft]) -> bool:
    """Ask whether to restore the drafts; tests replace this function."""
    box, restore = drafts_box(parent, drafts)
    box.exec()
    return box.clickedButton() is restore


def drafts_box(parent: QWidget | None, drafts: list[Draft]) -> tuple[Any, Any]:
    """The offer of drafts left by an earlier run (a QMessageBox), and its Restore button."""
    from PySide6.QtWidgets import QMessageBox

    from journal.domain.entry import short_label
    from journal.ui.common.errors import message_box
    from journal.ui.common.wording import tr

    names = "\n".join(
        f"• {short_label(d.title or (d.body.strip().splitlines() or [''])[0], 60)} "
        f"({d.day.isoformat()}, {d.saved_at.astimezone().strftime('%H:%M')})"
        for d in drafts[:8]
    )
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Unsaved Changes Found"),
        tr("Daybook stopped before these changes were saved:"),
        names + "\n\n" + tr("Restore them into your journal?"),
        tr("Unsaved changes found"),
    )
    restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    return box, restore
