"""The local replica of a team's notes: what the window shows, and the queue of changes not yet on the server.

A plain SQLite file per team server in the user-data folder (``team/<server>.sqlite``). Every save is first a
committed row in ``queue`` (WAL, ``synchronous=FULL``): once it is acknowledged it survives a lost network, a
stopped server and quitting, and it is sent, in order, when the server answers again. ``notes`` mirrors the
server's rows (with the version each was read at); ``drafts`` keeps text the server refused to take (a
read-only member), so nothing typed is lost. Bookmarks and baskets have their own mirror and queue
(``changes``; model/team_lists.py): after each pull the queued changes are applied again to the mirror, so the
window shows what the analyst did even before the server has it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.notes_schema import now
from model.team_lists import Basket, Change

REPLICA_VERSION = 2

# One step per version, each run in one transaction with its user_version bump; never edit a released step.
_STEPS = {1: ["CREATE TABLE IF NOT EXISTS notes (record TEXT, author TEXT, display TEXT, text TEXT NOT NULL, "
              "version INTEGER NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (record, author))",
              "CREATE TABLE IF NOT EXISTS queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL, "
              "text TEXT NOT NULL, base_version INTEGER NOT NULL, base_text TEXT NOT NULL, tried TEXT, "
              "queued TEXT NOT NULL)",
              "CREATE TABLE IF NOT EXISTS drafts (record TEXT PRIMARY KEY, text TEXT NOT NULL, saved TEXT NOT NULL)",
              "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"],
          2: ["CREATE TABLE bookmarks (record TEXT NOT NULL, author TEXT NOT NULL, display TEXT NOT NULL, "
              "PRIMARY KEY (record, author))",
              "CREATE TABLE baskets (name TEXT NOT NULL, author TEXT NOT NULL, display TEXT NOT NULL, "
              "shared INTEGER NOT NULL, records TEXT NOT NULL, version INTEGER NOT NULL, "
              "PRIMARY KEY (name, author))",
              "CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, key TEXT NOT NULL, "
              "body TEXT NOT NULL, base_version INTEGER NOT NULL, base TEXT NOT NULL, queued TEXT NOT NULL)",
              # every text sent for a queued note, not just the last: any of them may be on the server
              "CREATE TABLE tried (seq INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (seq, text))",
              "INSERT INTO tried SELECT seq, tried FROM queue WHERE tried IS NOT NULL"]}


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
    tried: tuple[str, ...]  # the texts sent for this entry: the server may have taken one without a reply


def read_replica(path: Path) -> tuple[str, list[TeamNote]]:
    """The member's role and every note in the replica at ``path``, read-only and without the server (the
    command line's search); ("", []) when there is no replica there, or it cannot be read."""
    if not path.exists():
        return "", []
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            role = con.execute("SELECT value FROM meta WHERE key = 'role'").fetchone()
            rows = con.execute("SELECT record, author, display, text, version, updated FROM notes "
                               "WHERE text != '' ORDER BY record, author").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return "", []
    return (role[0] if role else ""), [TeamNote(*r) for r in rows]


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
        self.con.execute("PRAGMA busy_timeout = 5000")
        version = self.con.execute("PRAGMA user_version").fetchone()[0]
        while version < REPLICA_VERSION:
            version += 1
            with self.con:
                self.con.execute("BEGIN IMMEDIATE")
                for sql in _STEPS[version]:
                    self.con.execute(sql)
                self.con.execute(f"PRAGMA user_version = {version}")

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

    def all_notes(self) -> list[TeamNote]:
        rows = self.con.execute("SELECT record, author, display, text, version, updated FROM notes "
                                "WHERE text != '' ORDER BY record, author").fetchall()
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
        rows = self.con.execute("SELECT seq, record, text, base_version, base_text FROM queue ORDER BY seq")
        tried: dict[int, list[str]] = {}
        for seq, text in self.con.execute("SELECT seq, text FROM tried"):
            tried.setdefault(seq, []).append(text)
        return [Pending(r[0], r[1], r[2], r[3], r[4], tuple(tried.get(r[0], ()))) for r in rows.fetchall()]

    def trying(self, item: Pending) -> None:
        """``item`` is about to be sent: committed first, so that its text is known if no reply comes."""
        if item.text not in item.tried:
            self.con.execute("INSERT OR IGNORE INTO tried VALUES (?, ?)", (item.seq, item.text))

    def done(self, item: Pending, stored: TeamNote) -> None:
        """The server took ``item``: drop it from the queue and mirror what the server now holds. When the
        analyst typed on while it was sent, the newer text stays queued: based on what the server took, when
        that was our text; else on the old base, so that it is merged with the server's text in turn."""
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            row = self.con.execute("SELECT text FROM queue WHERE seq = ?", (item.seq,)).fetchone()
            if row is not None and row[0] != item.text:
                if stored.text == item.text:
                    self.con.execute("UPDATE queue SET base_version = ?, base_text = ? WHERE seq = ?",
                                     (stored.version, stored.text, item.seq))
                    self.con.execute("DELETE FROM tried WHERE seq = ?", (item.seq,))
                return
            self.con.execute("DELETE FROM queue WHERE seq = ?", (item.seq,))
            self.con.execute("DELETE FROM tried WHERE seq = ?", (item.seq,))
            self.con.execute("DELETE FROM notes WHERE record = ? AND author = ?", (stored.record, stored.author))
            self.put(stored)

    def to_draft(self, seq: int, record: str, text: str) -> None:
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM queue WHERE seq = ?", (seq,))
            self.con.execute("DELETE FROM tried WHERE seq = ?", (seq,))
            self.save_draft(record, text)

    def save_draft(self, record: str, text: str) -> None:
        self.con.execute("INSERT INTO drafts VALUES (?, ?, ?) ON CONFLICT (record) DO UPDATE SET "
                         "text = excluded.text, saved = excluded.saved", (record, text, now()))

    def drafts(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT record, text FROM drafts").fetchall())

    # -- bookmarks and baskets: the mirror, and the queue of changes to them ----------------------------------
    def replace_lists(self, marks: list[tuple[str, str, str]], baskets: list[Basket], author: str) -> None:
        """The server's bookmarks and baskets, then this member's queued changes on top of them."""
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM bookmarks")
            self.con.execute("DELETE FROM baskets")
            self.con.executemany("INSERT INTO bookmarks VALUES (?, ?, ?)", marks)
            self.con.executemany("INSERT INTO baskets VALUES (?, ?, ?, ?, ?, ?)",
                                 [(b.name, b.author, b.display, b.shared, json.dumps(b.records), b.version)
                                  for b in baskets])
            for change in self.changes():
                self._apply(change, author)

    def queue_change(self, kind: str, key: str, body: dict[str, Any], author: str, base_version: int = 0,
                     base: tuple[str, ...] = ()) -> None:
        """One committed transaction: the change is queued and the mirror shows it. A basket's new list
        replaces one queued just before it for the same basket, keeping the version it started from."""
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            last = self.con.execute("SELECT seq, kind, key FROM changes ORDER BY seq DESC LIMIT 1").fetchone()
            if kind == "basket" and last is not None and last[1:] == ("basket", key):
                self.con.execute("UPDATE changes SET body = ?, queued = ? WHERE seq = ?",
                                 (json.dumps(body), now(), last[0]))
            else:
                self.con.execute("INSERT INTO changes (kind, key, body, base_version, base, queued) "
                                 "VALUES (?, ?, ?, ?, ?, ?)",
                                 (kind, key, json.dumps(body), base_version, json.dumps(list(base)), now()))
            self._apply(Change(0, kind, key, body, base_version, base), author)

    def _apply(self, change: Change, author: str) -> None:
        key, body = change.key, change.body
        if change.kind == "bookmark":
            if body["on"]:
                self.con.execute("INSERT OR IGNORE INTO bookmarks VALUES (?, ?, ?)", (key, author, author))
            else:
                self.con.execute("DELETE FROM bookmarks WHERE record = ? AND author = ?", (key, author))
        elif change.kind == "basket":
            self.con.execute("INSERT INTO baskets VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name, author) DO UPDATE "
                             "SET shared = excluded.shared, records = excluded.records",
                             (key, author, author, bool(body["shared"]), json.dumps(body["records"]),
                              change.base_version))
        elif change.kind == "rename":
            self.con.execute("UPDATE OR IGNORE baskets SET name = ? WHERE name = ? AND author = ?",
                             (body["to"], key, author))
        elif change.kind == "drop":
            self.con.execute("DELETE FROM baskets WHERE name = ? AND author = ?", (key, author))

    def changes(self) -> list[Change]:
        rows = self.con.execute("SELECT seq, kind, key, body, base_version, base FROM changes ORDER BY seq")
        return [Change.from_row(r) for r in rows.fetchall()]

    def change_done(self, change: Change, refused: bool = False) -> None:
        """The server took ``change`` (or refused it for good): drop it. A basket's list changed again while
        it was sent stays queued, based on the list the server took, so that what was taken out meanwhile
        stays out."""
        with self.con:
            self.con.execute("BEGIN IMMEDIATE")
            row = self.con.execute("SELECT body FROM changes WHERE seq = ?", (change.seq,)).fetchone()
            if row is not None and not refused and json.loads(row[0]) != change.body:
                self.con.execute("UPDATE changes SET base = ?, base_version = -1 WHERE seq = ?",
                                 (json.dumps(change.body.get("records", [])), change.seq))
            else:
                self.con.execute("DELETE FROM changes WHERE seq = ?", (change.seq,))

    def bookmarks(self, author: str | None = None) -> list[tuple[str, str, str]]:
        """(record, author, display name) of every bookmark, or of ``author``'s."""
        sql = "SELECT record, author, display FROM bookmarks"
        rows = self.con.execute(sql + " WHERE author = ? ORDER BY record" if author else
                                sql + " ORDER BY record, author", (author,) if author else ())
        return [tuple(r) for r in rows.fetchall()]

    def baskets(self) -> list[Basket]:
        rows = self.con.execute("SELECT name, author, display, shared, records, version FROM baskets "
                                "ORDER BY author, name").fetchall()
        return [Basket(r[0], r[1], r[2], bool(r[3]), tuple(json.loads(r[4])), r[5]) for r in rows]

    def basket(self, name: str, author: str) -> Basket | None:
        return next((b for b in self.baskets() if (b.name, b.author) == (name, author)), None)

    def close(self) -> None:
        self.con.close()
