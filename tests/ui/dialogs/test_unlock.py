"""Unlocking an encrypted journal in the app: the dialog, retries, the keyring."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

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


def test_wrong_passphrase_waits_then_accepts_the_right_one(paths: AppPaths, qtbot: QtBot) -> None:
    encrypted_journal(paths)
    before = paths.database.read_bytes()
    dialog = UnlockDialog(None, "j", lambda p, r: encryption.unlock(paths, p, None))
    qtbot.addWidget(dialog)
    for _ in range(3):  # unlimited tries, each after a short rest
        dialog.field.setText("wrong")
        dialog.try_unlock()
        assert "Wrong passphrase" in dialog.message.text()
        assert not dialog.unlock_button.isEnabled() and dialog.field.text() == ""
        dialog.field.setText(PASS)
        dialog.try_unlock()  # ignored while resting
        assert not dialog.result()
        qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5000)
    assert paths.database.read_bytes() == before
    dialog.field.setText(PASS)
    dialog.try_unlock()
    assert dialog.result() == UnlockDialog.DialogCode.Accepted


def test_opener_asks_then_opens(
    paths: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, errors: list[BaseException]
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
    paths: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypted_journal(paths)
    before = paths.database.read_bytes()
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", lambda _p, _paths: False)
    assert open_journal(qtbot, paths) is None
    assert paths.database.read_bytes() == before


def test_keyring_remembered_then_forgotten(
    paths: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    encrypted_journal(paths)
    dialog = UnlockDialog(None, "j", lambda p, r: encryption.unlock(paths, p, r))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isChecked()  # off by default
    dialog.remember.setChecked(True)
    dialog.field.setText(PASS)
    dialog.try_unlock()
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
    paths: AppPaths, qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
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
    paths: AppPaths, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
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
