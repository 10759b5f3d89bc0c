"""A team password in the system keyring: the third source, after libpq's own.

libpq reads `PGPASSWORD` and `~/.pgpass` by itself; only when it has none for the server
(it says "no password supplied") does the team store ask the system keyring (`keyring`,
in the `encryption` extra: Secret Service, macOS Keychain, Windows Credential Locker),
under the service "Daybook team" and the team's URL without any password. Optional: with
no `keyring` module or no usable backend the lookup finds nothing and libpq's answer
stands. The password is never written to settings.json.
"""

from __future__ import annotations

from typing import Any

from journal.errors import DaybookError

KEYRING_SERVICE = "Daybook team"


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def _account(url: str) -> str:
    from journal.team.store import without_password

    return without_password(url)


def lookup(url: str) -> str | None:
    """The password kept for `url`, or None (no keyring, nothing kept, a broken backend)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, _account(url))
    except Exception:  # no backend, a locked or broken one: libpq's answer stands
        return None
    return str(found) if found else None


def remember(url: str, password: str) -> None:
    """Keep `password` for `url` in the system keyring."""
    keyring = _keyring()
    if keyring is None:
        raise DaybookError(
            "the password cannot be kept: the keyring module is not installed",
            "install it with `pip install 'daybook[encryption]'`, or use ~/.pgpass",
        )
    try:
        keyring.set_password(KEYRING_SERVICE, _account(url), password)
    except Exception as exc:
        raise DaybookError(
            f"the system keyring refused to keep the password ({type(exc).__name__})",
            "use ~/.pgpass or PGPASSWORD instead, or set up a keyring service",
        ) from exc


def forget(url: str) -> bool:
    """Delete the password kept for `url`; False when there was none (or no keyring)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.delete_password(KEYRING_SERVICE, _account(url))
    except Exception:  # PasswordDeleteError: nothing kept; a broken backend: nothing to do
        return False
    return True
