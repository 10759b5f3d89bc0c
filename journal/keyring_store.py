"""The system keyring, for the secrets Daybook may keep there (an encrypted journal's
passphrase, a team's database password). Optional: `keyring` is loaded on use, and a
missing module or a broken, locked or absent backend reads as "nothing kept"."""

from __future__ import annotations

from typing import Any

from journal.errors import DaybookError


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def read(service: str, account: str) -> str | None:
    """The secret kept for `account` of `service`, or None."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(service, account)
    except Exception:  # no backend, a locked or broken one: as if nothing were kept
        return None
    return str(found) if found else None


def keep(service: str, account: str, secret: str, what: str, otherwise: str) -> None:
    """Keep `secret` (a `what`: "password", "passphrase") for `account` of `service`;
    a DaybookError naming `otherwise` (what the user can do instead) when it cannot."""
    keyring = _keyring()
    if keyring is None:
        raise DaybookError(
            f"the {what} cannot be kept: the keyring module is not installed",
            f"install it with `pip install 'daybook[encryption]'`, or {otherwise}",
        )
    try:
        keyring.set_password(service, account, secret)
    except Exception as exc:
        raise DaybookError(
            f"the system keyring refused to keep the {what} ({type(exc).__name__})",
            f"{otherwise}, or set up a keyring service",
        ) from exc


def forget(service: str, account: str) -> bool:
    """Delete what is kept for `account` of `service`; False when nothing was (or no
    keyring could be asked)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.delete_password(service, account)
    except Exception:  # PasswordDeleteError: nothing kept; a broken backend: nothing to do
        return False
    return True
