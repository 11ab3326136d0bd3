"""The notes store's schema, its migrations and the shapes of its data (model/notes.py uses them)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA_VERSION = 3
DB_NAME = "notes.sqlite"
BACKUP_DAYS = 10
BACKUP_EVERY = 600  # seconds: while notes change, a fresh backup at least this often (and on close)
_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26  # primary result codes that mean a damaged file
_SQLITE_READONLY, _SQLITE_CANTOPEN = 8, 14  # a read-only open of a WAL file where no -shm can be made
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
# The id syntax of the atlas's records (model/loader.py's slugs): an imported record id must have it, so an id
# from outside can never carry markup or control characters into the window.
_RECORD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEEP_ANY = object()  # set_note's default base: overwrite whatever is stored


class UserDataReadOnly(OSError):
    """A write was asked of a store that is read-only or unavailable; the message says why. An OSError, so
    that code handling failed writes handles this one too."""


@dataclass(frozen=True, slots=True)
class Note:
    record: str
    text: str
    updated: str  # ISO 8601, UTC, to the second


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)  # the imported text contained ours: replaced, nothing lost
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # both texts kept in one note, below a marker
    skipped: list[str] = field(default_factory=list)  # blank imported text: nothing to import


def default_folder() -> Path:
    """The platform's user-data folder for Forum Atlas (honours XDG_DATA_HOME on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("forum-atlas", appauthor=False))


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the schema, one step per version ----------------------------------------------------------------
# Each step takes a connection inside an open transaction. A fresh database runs every step from 0,
# so a new file and a migrated one have the same schema. Never edit a step once released: add one.

def _to_v1(con: sqlite3.Connection, stamp: str) -> None:
    con.execute("CREATE TABLE notes (record TEXT PRIMARY KEY, text TEXT NOT NULL)")
    con.execute("CREATE TABLE bookmarks (record TEXT PRIMARY KEY)")


def _to_v2(con: sqlite3.Connection, stamp: str) -> None:
    """Version 2 records when each note was last changed; older notes get the time of the upgrade."""
    con.execute("ALTER TABLE notes ADD COLUMN updated TEXT NOT NULL DEFAULT ''")
    con.execute("UPDATE notes SET updated = ?", (stamp,))


def _to_v3(con: sqlite3.Connection, stamp: str) -> None:
    """Version 3 adds the briefing basket: records in the analyst's chosen order."""
    con.execute("CREATE TABLE basket (record TEXT PRIMARY KEY, position INTEGER NOT NULL)")


STEPS: dict[int, Callable[[sqlite3.Connection, str], None]] = {1: _to_v1, 2: _to_v2, 3: _to_v3}
assert sorted(STEPS) == list(range(1, SCHEMA_VERSION + 1))


def migrate(con: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring ``con`` (autocommit mode) up to ``target`` one version at a time; returns the versions reached.

    Each step and its ``user_version`` bump commit together or not at all.
    """
    reached = []
    version = con.execute("PRAGMA user_version").fetchone()[0]
    while version < target:
        con.execute("BEGIN IMMEDIATE")
        try:
            STEPS[version + 1](con, now())
            con.execute(f"PRAGMA user_version = {version + 1}")
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        version += 1
        reached.append(version)
    return reached
