"""A team server's password from the system keyring, when the optional ``keyring`` package has a backend here.

Forum Atlas never keeps a password in its settings. libpq itself reads ``~/.pgpass`` and the connection service
file; the keyring is asked first, under the service ``forum-atlas`` and the name ``user@host:port/database``.
Without the package, or without a usable backend (a headless machine with no Secret Service, say), this says so
in one plain sentence and the password comes from ``.pgpass`` or the service file as before.
"""

from __future__ import annotations

import getpass
import re
from typing import Any
from urllib.parse import urlsplit

SERVICE = "forum-atlas"
_KEY_VALUE_PASSWORD = re.compile(r"\s*\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|\S*)")


def _parts(url: str) -> dict[str, Any]:
    try:
        from psycopg.conninfo import conninfo_to_dict

        return dict(conninfo_to_dict(url))
    except Exception:  # no driver (the bundle) or not a connection string: the URL's own parts
        parts = urlsplit(url)
        return {"user": parts.username, "password": parts.password, "host": parts.hostname,
                "port": parts.port, "dbname": parts.path.strip("/")}


def account(url: str) -> str:
    """The keyring's name for the server's account: user@host:port/database, with libpq's defaults filled in."""
    p = _parts(url)
    user = p.get("user") or getpass.getuser()
    return f"{user}@{p.get('host') or 'localhost'}:{p.get('port') or 5432}/{p.get('dbname') or user}"


def without_password(url: str) -> str:
    """The connection string as it may be shown or kept in settings: a password typed into it is dropped."""
    parts = urlsplit(url)
    if "://" not in url:
        return _KEY_VALUE_PASSWORD.sub("", url).strip()
    if parts.password is None:
        return url
    netloc = parts.netloc.split("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}@{netloc}" if user else netloc).geturl()


def _keyring() -> tuple[Any, str | None]:
    """The keyring module and None, or None and why there is no keyring to use."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None, "the keyring package is not installed"
    if isinstance(keyring.get_keyring(), fail.Keyring):
        return None, "no system keyring is available here"
    return keyring, None


def keyring_problem() -> str | None:
    """Why passwords cannot come from a keyring here, or None when they can."""
    return _keyring()[1]


def password_for(url: str) -> str | None:
    """The keyring's password for ``url``'s account; None when the URL has its own, or none is kept."""
    if _parts(url).get("password"):
        return None
    keyring, _why = _keyring()
    if keyring is None:
        return None
    try:
        found: str | None = keyring.get_password(SERVICE, account(url))
    except Exception:  # a locked or broken backend: libpq's own sources still apply
        return None
    return found


def remember(url: str) -> tuple[str, str]:
    """Move a password typed into ``url`` to the keyring. Returns the URL without it, and one plain sentence
    saying where the password went ("" when there was none)."""
    password = _parts(url).get("password")
    bare = without_password(url)
    if not password:
        return bare, ""
    keyring, why = _keyring()
    if keyring is not None:
        try:
            keyring.set_password(SERVICE, account(url), password)
            return bare, f"The password is kept in the system keyring for {account(url)}."
        except Exception as exc:  # the backend refused: say so, as for no backend
            why = f"the system keyring refused it ({exc})"
    return bare, (f"The password was not kept: {why}. Put it in ~/.pgpass or a connection service file; "
                  "Forum Atlas never writes it to its settings.")
