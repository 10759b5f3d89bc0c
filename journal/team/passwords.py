"""A team password in the system keyring: the third source, after libpq's own.

libpq reads `PGPASSWORD` and `~/.pgpass` by itself; only when it has none for the server
(it says "no password supplied") does the team store ask the system keyring (`keyring`,
in the `encryption` extra: Secret Service, macOS Keychain, Windows Credential Locker),
under the service "Daybook team" and the team's URL without any password. Optional: with
no `keyring` module or no usable backend the lookup finds nothing and libpq's answer
stands. The password is never written to settings.json.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from journal import keyring_store

KEYRING_SERVICE = "Daybook team"


def _account(url: str) -> str:
    return without_password(url)


def without_password(url: str) -> str:
    """The URL with any password taken out (of the user part and of the query)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"], safe="/")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def lookup(url: str) -> str | None:
    """The password kept for `url`, or None (no keyring, nothing kept, a broken backend)."""
    return keyring_store.read(KEYRING_SERVICE, _account(url))


def remember(url: str, password: str) -> None:
    """Keep `password` for `url` in the system keyring."""
    otherwise = "use ~/.pgpass or PGPASSWORD instead"
    keyring_store.keep(KEYRING_SERVICE, _account(url), password, "password", otherwise)


def forget(url: str) -> bool:
    """Delete the password kept for `url`; False when there was none (or no keyring)."""
    return keyring_store.forget(KEYRING_SERVICE, _account(url))
