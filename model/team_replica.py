"""The local replica of a team's notes: what the window shows, and the queue of changes not yet on the server.

A plain SQLite file per team server in the user-data folder (``team/<server>.sqlite``). Every save is first a
committed row in ``queue`` (WAL, ``synchronous=FULL``): once it is acknowledged it survives a lost network, a
stopped server and quitting, and it is sent, in order, when the server answers again. ``notes`` mirrors the
server's rows (with the version each was read at); ``drafts`` keeps text the server refused to take (a
read-only member), so nothing typed is lost.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from model.notes_schema import now

REPLICA_VERSION = 1


@dataclass(frozen=True, slots=True)
class TeamNote:
    record: str
    author: str  # the database role
    display: str  # the member's display name (the role when none was given)
    text: str
    version: int
    updated: str


@dataclass(frozen=True, slots=True)
class Pending:
    seq: int
    record: str
    text: str
    base_version: int  # the server version the edit started from; 0 for no note
    base_text: str
    tried: str | None  # the text last sent for this entry: the server may have taken it without a reply


def replica_name(url_key: str) -> str:
    """A file name for one server and database (no password ever reaches it: see team_notes.server_key)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", url_key).strip("_")[:120] + ".sqlite"


class Replica:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=FULL")
        if self.con.execute("PRAGMA user_version").fetchone()[0] < REPLICA_VERSION:
            with self.con:
                self.con.execute("BEGIN")
                self.con.execute("CREATE TABLE IF NOT EXISTS notes (record TEXT, author TEXT, display TEXT, "
                                 "text TEXT NOT NULL, version INTEGER NOT NULL, updated TEXT NOT NULL, "
                                 "PRIMARY KEY (record, author))")
                self.con.execute("CREATE TABLE IF NOT EXISTS queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                                 "record TEXT NOT NULL, text TEXT NOT NULL, base_version INTEGER NOT NULL, "
                                 "base_text TEXT NOT NULL, tried TEXT, queued TEXT NOT NULL)")
                self.con.execute("CREATE TABLE IF NOT EXISTS drafts (record TEXT PRIMARY KEY, text TEXT NOT NULL, "
                                 "saved TEXT NOT NULL)")
                self.con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                self.con.execute(f"PRAGMA user_version = {REPLICA_VERSION}")

    # -- the mirror of the server -----------------------------------------------------------------------
    def put(self, note: TeamNote) -> None:
        self.con.execute("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record, author) DO UPDATE SET "
                         "display = excluded.display, text = excluded.text, version = excluded.version, "
                         "updated = excluded.updated WHERE excluded.version >= notes.version",
                         (note.record, note.author, note.display, note.text, note.version, note.updated))

    def replace_all(self, notes: list[TeamNote]) -> None:
        with self.con:
            self.con.execute("BEGIN")
            self.con.execute("DELETE FROM notes")
            for n in notes:
                self.put(n)

    def get(self, record: str, author: str) -> TeamNote | None:
        row = self.con.execute("SELECT record, author, display, text, version, updated FROM notes "
                               "WHERE record = ? AND author = ?", (record, author)).fetchone()
        return TeamNote(*row) if row else None

    def on_record(self, record: str) -> list[TeamNote]:
        rows = self.con.execute("SELECT record, author, display, text, version, updated FROM notes "
                                "WHERE record = ? AND text != '' ORDER BY updated DESC", (record,)).fetchall()
        return [TeamNote(*r) for r in rows]

    def by_author(self, author: str) -> list[TeamNote]:
        rows = self.con.execute("SELECT record, author, display, text, version, updated FROM notes "
                                "WHERE author = ? AND text != '' ORDER BY record", (author,)).fetchall()
        return [TeamNote(*r) for r in rows]

    # -- the queue ------------------------------------------------------------------------------------
    def enqueue(self, record: str, text: str, base_version: int, base_text: str, author: str) -> None:
        """One committed transaction: the change is queued and the window's view shows it. One entry per note:
        a newer text replaces a queued one (it was typed on top of it, here) and keeps its base version."""
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            if not self.con.execute("UPDATE queue SET text = ?, queued = ? WHERE record = ?",
                                    (text, now(), record)).rowcount:
                self.con.execute("INSERT INTO queue (record, text, base_version, base_text, queued) "
                                 "VALUES (?, ?, ?, ?, ?)", (record, text, base_version, base_text, now()))
            self.con.execute("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record, author) DO UPDATE "
                             "SET text = excluded.text, updated = excluded.updated",
                             (record, author, author, text, base_version, now()))

    def pending(self) -> list[Pending]:
        rows = self.con.execute("SELECT seq, record, text, base_version, base_text, tried FROM queue ORDER BY seq")
        return [Pending(*r) for r in rows.fetchall()]

    def trying(self, item: Pending) -> None:
        if item.tried != item.text:
            self.con.execute("UPDATE queue SET tried = ? WHERE seq = ?", (item.text, item.seq))

    def done(self, item: Pending, stored: TeamNote) -> None:
        """The server took ``item``: drop it from the queue and mirror what the server now holds."""
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM queue WHERE seq = ?", (item.seq,))
            self.con.execute("DELETE FROM notes WHERE record = ? AND author = ?", (stored.record, stored.author))
            self.put(stored)

    def to_draft(self, seq: int, record: str, text: str) -> None:
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM queue WHERE seq = ?", (seq,))
            self.save_draft(record, text)

    def save_draft(self, record: str, text: str) -> None:
        self.con.execute("INSERT INTO drafts VALUES (?, ?, ?) ON CONFLICT (record) DO UPDATE SET "
                         "text = excluded.text, saved = excluded.saved", (record, text, now()))

    def drafts(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT record, text FROM drafts").fetchall())

    def close(self) -> None:
        self.con.close()
