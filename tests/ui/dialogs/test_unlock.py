"""Unlocking an encrypted journal in the app: the dialog, retries, the keyring."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journal.errors import WrongPassphraseError
from journal.services import encryption
from journal.services.journal import Journal
from journal.storage import cipher
from journal.ui.dialogs import unlock_dialog
from journal.ui.dialogs.unlock_dialog import UnlockDialog
from tests.ui.main.test_startup import open_journal

pytest.importorskip("sqlcipher3")
keyring = pytest.importorskip("keyring")
from tests.fake_keyring import MemoryKeyring  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journal.paths import AppPaths

PASS = "open sesame"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)
    yield
    cipher._KEYS.clear()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def encrypted_journal(paths: AppPaths) -> None:
    with Journal.open(paths) as j:
        j.add("secret entry")
    encryption.encrypt(paths, PASS)
    cipher._KEYS.clear()


def test_wrong_passphrase_waits_then_accepts_the_right_one(paths: AppPaths, qtbot: Any) -> None:
    encrypted_journal(paths)
    before = paths.database.read_bytes()
    dialog = UnlockDialog(None, "j", lambda p, r: encryption.unlock(paths, p, None))
    qtbot.addWidget(dialog)
    for tries in range(1, 4):  # unlimited tries, each after a short rest
        dialog.field.setText("wrong")
        dialog.try_unlock()
        qtbot.waitUntil(lambda: not dialog.checking(), timeout=5000)
        assert "Wrong passphrase" in dialog.message.text()
        assert not dialog.unlock_button.isEnabled() and dialog.field.text() == ""
        dialog.field.setText(PASS)
        dialog.try_unlock()  # ignored while resting
        assert not dialog.result()
        qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5000)
        # From the third wrong try on, the way out of a damaged journal is named.
        assert ("restore --damaged" in dialog.message.text()) is (tries >= 3)
    assert paths.database.read_bytes() == before
    dialog.field.setText(PASS)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: dialog.result() == UnlockDialog.DialogCode.Accepted, timeout=5000)


def test_opener_asks_then_opens(
    paths: AppPaths, qtbot: Any, monkeypatch: pytest.MonkeyPatch, errors: list[BaseException]
) -> None:
    encrypted_journal(paths)
    asked: list[int] = []

    def ask(_parent: object, p: AppPaths) -> bool:
        asked.append(1)
        encryption.unlock(p, PASS)
        return True

    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", ask)
    opened = open_journal(qtbot, paths)
    assert opened is not None and asked == [1] and errors == []
    journal, _note = opened
    try:
        assert journal.store.count() == 1
    finally:
        journal.close()


def test_opener_quit_fails_and_writes_nothing(
    paths: AppPaths, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypted_journal(paths)
    before = paths.database.read_bytes()
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", lambda _p, _paths: False)
    assert open_journal(qtbot, paths) is None
    assert paths.database.read_bytes() == before


def test_keyring_remembered_then_forgotten(
    paths: AppPaths, qtbot: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    encrypted_journal(paths)
    dialog = UnlockDialog(None, "j", lambda p, r: encryption.unlock(paths, p, r))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isChecked()  # off by default
    dialog.remember.setChecked(True)
    dialog.field.setText(PASS)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=5000)
    assert list(memory_keyring.items.values()) == [PASS]
    cipher._KEYS.clear()
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", lambda *_a: pytest.fail("asked"))
    opened = open_journal(qtbot, paths)  # unlocked from the keyring, no dialog
    assert opened is not None
    opened[0].close()
    encryption.unlock(paths, PASS, remember=False)
    assert memory_keyring.items == {}


def test_a_stale_keyring_passphrase_is_dropped(
    paths: AppPaths, memory_keyring: MemoryKeyring
) -> None:
    encrypted_journal(paths)
    encryption.remember_passphrase(paths, "old one")
    assert not encryption.unlock_from_keyring(paths)
    assert memory_keyring.items == {}


def test_settings_security_encrypts_changes_and_decrypts_the_open_journal(
    paths: AppPaths, qapp: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from journal.app import security_actions, start_window
    from journal.domain.filters import EntryFilter
    from journal.settings import Settings
    from journal.ui.dialogs import security_tab
    from journal.ui.dialogs.security_tab import SecurityTab

    with Journal.open(paths) as j:
        j.add("Walrus4canary in plain")
    qsettings = QSettings(str(paths.home.parent / "window.ini"), QSettings.Format.IniFormat)
    arrived: list[Journal] = []
    window = start_window(
        qapp, paths, Settings(), qsettings, on_ready=lambda _w, journal, _n: arrived.append(journal)
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=5000):
        pass
    qtbot.waitUntil(window.counts_shown)  # the first counts are read in the pool
    journal = arrived[0]
    tab = SecurityTab(security_actions(window, journal))
    qtbot.addWidget(tab)
    assert tab.encrypt_button.isVisibleTo(tab) and not tab.change_button.isVisibleTo(tab)
    warned: list[bool] = []

    def ask(_parent: object, warn: bool, _export: object) -> str:
        warned.append(warn)
        return "first" if warn else "second"

    monkeypatch.setattr(security_tab, "ask_new_passphrase", ask)
    tab.encrypt_button.click()
    assert warned == [True] and encryption.is_encrypted(paths)
    assert tab.change_button.isVisibleTo(tab) and not tab.encrypt_button.isVisibleTo(tab)
    journal.add("Walrus4canary after encryption")
    assert window.drafts.memory_only
    leaks = [p for p in paths.home.rglob("*") if p.is_file() and b"Walrus4canary" in p.read_bytes()]
    assert leaks == []
    tab.change_button.click()
    assert warned == [True, False]
    cipher._KEYS.clear()
    with pytest.raises(WrongPassphraseError):
        encryption.unlock(paths, "first")
    encryption.unlock(paths, "second")
    monkeypatch.setattr(security_tab, "confirm_decrypt", lambda _p: True)
    tab.decrypt_button.click()
    assert not encryption.is_encrypted(paths)
    assert len(journal.list_entries(EntryFilter())) == 2
    window.close()
    journal.close()


def test_the_schedulers_prompt_asks_too_and_keeps_drafts_in_memory(
    paths: AppPaths, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.app import run_prompt
    from journal.ui.prompt.prompt_window import prompt_drafts

    encrypted_journal(paths)
    asked: list[int] = []

    def quit_(_parent: object, _paths: AppPaths) -> bool:
        asked.append(1)
        return False

    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", quit_)
    assert run_prompt(paths, ["daybook"]) == 1  # Quit in the dialog: nothing opened
    assert asked == [1]
    assert prompt_drafts(paths).memory_only  # the prompt's drafts never touch the disk


def _ticking(qtbot: Any, needed: int) -> tuple[threading.Event, list[int]]:
    """A timer on the UI thread that releases the returned event once it has ticked
    `needed` times: work waiting on the event can only end if the event loop turns."""
    from PySide6.QtCore import QTimer

    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= needed:
            release.set()
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    qtbot.timer_kept = timer  # kept alive for the test
    return release, ticks


def test_the_passphrase_is_checked_while_the_event_loop_turns(paths: AppPaths, qtbot: Any) -> None:
    """The key derivation runs off the UI thread: a check that can only finish once a UI
    timer has ticked finishes, and the dialog shows it is busy meanwhile."""
    encrypted_journal(paths)
    release, ticks = _ticking(qtbot, 5)
    seen: list[bool] = []

    def check(passphrase: str, remember: bool) -> None:
        assert release.wait(5), "the UI thread was blocked"
        seen.append(threading.current_thread() is threading.main_thread())
        encryption.unlock(paths, passphrase, remember)

    dialog = UnlockDialog(None, "j", check)
    qtbot.addWidget(dialog)
    dialog.field.setText(PASS)
    dialog.try_unlock()
    assert dialog.checking() and dialog.busy.isVisibleTo(dialog)
    assert not dialog.field.isEnabled() and not dialog.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result() == UnlockDialog.DialogCode.Accepted, timeout=5000)
    assert len(ticks) >= 5 and seen == [False]
    assert not dialog.busy.isVisibleTo(dialog)


def test_quit_while_checking_drops_the_answer_and_leaves_the_keyring(
    paths: AppPaths, qtbot: Any, memory_keyring: MemoryKeyring
) -> None:
    encrypted_journal(paths)
    go = threading.Event()
    finished: list[bool] = []

    def check(passphrase: str, remember: bool) -> None:
        try:
            assert go.wait(5)
            encryption.unlock(paths, passphrase, remember)
        finally:
            finished.append(True)

    dialog = UnlockDialog(None, "j", check)
    qtbot.addWidget(dialog)
    dialog.remember.setChecked(True)
    dialog.field.setText(PASS)
    dialog.try_unlock()
    dialog.reject()  # Quit while the key is derived
    go.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    qtbot.wait(50)  # let any late answer arrive (there must be none)
    assert dialog.result() == UnlockDialog.DialogCode.Rejected
    assert memory_keyring.items == {}


def test_an_unexpected_unlock_error_is_one_message(paths: AppPaths, qtbot: Any) -> None:
    from journal.errors import EncryptionUnavailableError

    def check(_p: str, _r: bool) -> None:
        raise EncryptionUnavailableError("this Daybook has no encryption support", "install it")

    dialog = UnlockDialog(None, "j", check)
    qtbot.addWidget(dialog)
    dialog.field.setText(PASS)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=5000)
    assert dialog.result() == UnlockDialog.DialogCode.Rejected
    assert dialog.error is not None and "no encryption support" in str(dialog.error)


def test_the_keyring_is_tried_off_the_ui_thread(
    paths: AppPaths, qtbot: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    encrypted_journal(paths)
    encryption.remember_passphrase(paths, PASS)
    threads: list[bool] = []
    real = encryption.unlock_from_keyring

    def spy(p: AppPaths) -> bool:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(p)

    monkeypatch.setattr(encryption, "unlock_from_keyring", spy)
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", lambda *_a: pytest.fail("asked"))
    opened = open_journal(qtbot, paths)
    assert opened is not None
    opened[0].close()
    assert threads == [False]


@pytest.mark.parametrize("backup", ["encrypted", "plain"])
def test_an_encrypted_journal_with_a_broken_first_page_is_rescued_in_the_app(
    paths: AppPaths,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
    backup: str,
) -> None:
    """The passphrase is proven on the other pages, the damage found, the rescue dialog
    offers the newest backup, and the damaged file is moved aside byte for byte."""
    import datetime as dt

    from journal.domain.filters import EntryFilter
    from journal.ui.dialogs.rescue_dialog import RescueDialog
    from tests.ui.main.test_startup import rescue_answer

    rescue_answer.value = True
    asked: list[tuple[Any, ...]] = []

    def ask_restore(_cls: object, _parent: object, *args: Any) -> bool:
        asked.append(args)
        return args[-1] is not None

    def unlock_with_pass(_window: object, path: AppPaths) -> bool:
        encryption.unlock(path, PASS)
        return True

    monkeypatch.setattr(
        RescueDialog,
        "ask_restore",
        classmethod(ask_restore),
    )
    if backup == "plain":  # made before encryption: the only one there is
        with Journal.open(paths) as j:
            j.add("secret entry")
            j.backup(paths.backups / "manual-20261120-180000.sqlite3")
        encryption.encrypt(paths, PASS)
    else:
        encrypted_journal(paths)
        encryption.unlock(paths, PASS)
        with Journal.open(paths) as j:
            j.backup(paths.backups / "manual-20261120-180000.sqlite3")
    encryption.unlock(paths, PASS)
    with Journal.open(paths) as j:
        j.add("written after the backup", day=dt.date(2026, 11, 21))
    cipher._KEYS.clear()
    data = bytearray(paths.database.read_bytes())
    data[100:164] = bytes(64)  # inside page 1's encrypted part: the key check fails
    paths.database.write_bytes(bytes(data))
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", unlock_with_pass)
    opened = open_journal(qtbot, paths)
    assert opened is not None and errors == []
    journal, note = opened
    try:
        assert [e.body for e in journal.list_entries(EntryFilter())] == ["secret entry"]
        [(problem, _damaged, _backups, offered)] = asked
        assert "damaged" in problem and offered[0].name == "manual-20261120-180000.sqlite3"
        assert note is not None and "moved to" in note
        [moved] = [
            m
            for m in paths.home.glob("journal.sqlite3.damaged-*")
            if not m.name.endswith(("-wal", "-shm", ".encrypted"))
        ]
        assert moved.read_bytes() == bytes(data)
        assert Path(f"{moved}.encrypted").exists()  # still known as encrypted
        assert encryption.is_encrypted(paths) is (backup == "encrypted")
        assert ("encrypt the journal again" in note) is (backup == "plain")
    finally:
        journal.close()


def _tab(actions: Any, qtbot: Any) -> Any:
    from journal.ui.dialogs.security_tab import SecurityTab

    tab = SecurityTab(actions)
    qtbot.addWidget(tab)
    return tab


def test_the_conversion_runs_while_the_event_loop_turns(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.dialogs import security_tab
    from journal.ui.dialogs.security_tab import ConversionProgress, SecurityActions

    release, ticks = _ticking(qtbot, 5)
    state = {"on": False}
    calls: list[object] = []

    def convert(passphrase: str | None) -> None:
        assert release.wait(5), "the UI thread was blocked"
        calls.append(threading.current_thread() is threading.main_thread())
        state["on"] = passphrase is not None

    def before() -> None:
        calls.append("before")
        # While it runs, the progress dialog is up and busy.
        from PySide6.QtCore import QTimer

        def look() -> None:
            [progress] = tab.findChildren(ConversionProgress)
            calls.append(progress.running() and progress.bar.maximum() == 0)

        QTimer.singleShot(0, look)

    actions = SecurityActions(
        encrypted=lambda: state["on"],
        convert=convert,
        export_first=lambda: None,
        before=before,
        after=lambda p, done: calls.append(("after", p, done)),
    )
    tab = _tab(actions, qtbot)
    monkeypatch.setattr(security_tab, "ask_new_passphrase", lambda *_a: "pw")
    tab.encrypt_button.click()
    assert len(ticks) >= 5
    assert calls == ["before", True, False, ("after", "pw", True)]
    assert tab.change_button.isVisibleTo(tab) and tab.note.text() == ""


def test_cancel_stops_the_conversion_and_the_journal_stays_plain(
    paths: AppPaths, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    from journal import cancel
    from journal.domain.filters import EntryFilter
    from journal.ui.dialogs import security_tab
    from journal.ui.dialogs.security_tab import ConversionProgress, SecurityActions

    journal = Journal.open(paths)
    journal.add("Okapi9canary stays plain")
    before_bytes = {p.name for p in paths.home.iterdir()}
    done: list[bool] = []

    def convert(passphrase: str | None) -> None:
        token = cancel.current()
        assert token is not None
        for _ in range(500):  # until Cancel was clicked on the UI thread
            if token.cancelled:
                break
            threading.Event().wait(0.01)
        encryption.convert_open_journal(journal, passphrase)

    def press_cancel() -> None:
        [progress] = tab.findChildren(ConversionProgress)
        progress.reject()
        assert not progress.cancel_button.isEnabled() and "Stopping" in progress.label.text()

    actions = SecurityActions(
        encrypted=lambda: encryption.is_encrypted(paths),
        convert=convert,
        export_first=lambda: None,
        before=lambda: QTimer.singleShot(0, press_cancel),
        after=lambda _p, ok: done.append(ok),
    )
    tab = _tab(actions, qtbot)
    monkeypatch.setattr(security_tab, "ask_new_passphrase", lambda *_a: "pw")
    try:
        tab.encrypt_button.click()
        assert done == [False] and "Cancelled" in tab.note.text()
        assert not encryption.is_encrypted(paths)
        assert [e.body for e in journal.list_entries(EntryFilter())] == ["Okapi9canary stays plain"]
        assert b"Okapi9canary" in paths.database.read_bytes()
        assert {p.name for p in paths.home.iterdir()} <= before_bytes | {"journal.sqlite3-shm"}
    finally:
        journal.close()


def test_a_failed_conversion_is_one_message(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.errors import StorageError
    from journal.ui.common.errors import ErrorDialog
    from journal.ui.dialogs import security_tab
    from journal.ui.dialogs.security_tab import SecurityActions

    shown: list[str] = []
    monkeypatch.setattr(
        ErrorDialog, "show_error", staticmethod(lambda _p, exc: shown.append(str(exc)))
    )

    def convert(_p: str | None) -> None:
        raise StorageError("the journal is open in another Daybook window", "close it")

    done: list[bool] = []
    actions = SecurityActions(
        encrypted=lambda: False,
        convert=convert,
        export_first=lambda: None,
        after=lambda _p, ok: done.append(ok),
    )
    tab = _tab(actions, qtbot)
    monkeypatch.setattr(security_tab, "ask_new_passphrase", lambda *_a: "pw")
    tab.encrypt_button.click()
    assert shown == ["the journal is open in another Daybook window; close it"]
    assert done == [False] and tab.encrypt_button.isVisibleTo(tab)
