"""Bookmarks and named baskets on a team server: what a change is, how a stale one is merged, and the SQL that
sends one (model/team_notes.py calls it; model/team_replica.py queues it).

Every member's bookmarks are seen by the team; a basket is seen by its author, and by the whole team once it
is shared. Row-level security on the server enforces both (the schema is in model/team_notes.py): a private
basket is never sent to anyone else, whatever their window asks. Only the author changes a basket.

A basket's change names the version it started from. The server takes it whole when the basket is still at
that version; otherwise it is merged so that nothing either side did is lost: the server's list, less what
this change took out, plus what it put in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

KINDS = ("bookmark", "basket", "rename", "drop")


@dataclass(frozen=True, slots=True)
class Basket:
    name: str
    author: str  # the database role
    display: str  # the author's display name
    shared: bool
    records: tuple[str, ...]
    version: int  # the server's version of it; 0 before the server has it


@dataclass(frozen=True, slots=True)
class Change:
    """One queued change: ``kind`` is bookmark (key: the record; body: on), basket (key: its name; body:
    records, shared), rename (key: the old name; body: to) or drop (key: the name)."""

    seq: int
    kind: str
    key: str
    body: dict[str, Any]
    base_version: int
    base: tuple[str, ...]  # a basket's records as the change found them

    @staticmethod
    def from_row(row: tuple[Any, ...]) -> Change:
        seq, kind, key, body, base_version, base = row
        return Change(seq, kind, key, json.loads(body), base_version, tuple(json.loads(base)))


def merge_records(stored: tuple[str, ...], ours: tuple[str, ...], base: tuple[str, ...]) -> tuple[str, ...]:
    """A stale basket change against what the server holds: the server's order, without what ours took out of
    ``base``, then what ours added (in our order)."""
    removed = set(base) - set(ours)
    kept = [r for r in stored if r not in removed]
    return tuple(kept + [r for r in ours if r not in base and r not in kept])


_BOOKMARKS = ("SELECT b.record, b.author, coalesce(m.display_name, b.author) "
              "FROM bookmarks b LEFT JOIN members m ON m.role = b.author ORDER BY b.record, b.author")
_BASKETS = ("SELECT k.name, k.author, coalesce(m.display_name, k.author), k.shared, k.records, k.version "
            "FROM baskets k LEFT JOIN members m ON m.role = k.author ORDER BY k.author, k.name")


def read_lists(con: Any) -> tuple[list[tuple[str, str, str]], list[Basket]]:
    """The bookmarks and baskets this member may see (row-level security decides which)."""
    marks = [tuple(r) for r in con.execute(_BOOKMARKS).fetchall()]
    baskets = [Basket(r[0], r[1], r[2], r[3], tuple(r[4]), r[5]) for r in con.execute(_BASKETS).fetchall()]
    return marks, baskets


def send_change(con: Any, change: Change) -> None:
    """Send one queued change in one transaction; a stale basket change is merged (merge_records)."""
    with con.transaction():
        if change.kind == "bookmark":
            if change.body["on"]:
                con.execute("INSERT INTO bookmarks (record) VALUES (%s) ON CONFLICT DO NOTHING", (change.key,))
            else:
                con.execute("DELETE FROM bookmarks WHERE record = %s AND author = current_user", (change.key,))
        elif change.kind == "basket":
            _send_basket(con, change)
        elif change.kind == "rename":  # never onto a basket of that name: then both stay as they are
            con.execute("UPDATE baskets SET name = %s, version = version + 1, updated = now() "
                        "WHERE name = %s AND author = current_user AND NOT EXISTS "
                        "(SELECT 1 FROM baskets WHERE name = %s AND author = current_user)",
                        (change.body["to"], change.key, change.body["to"]))
        elif change.kind == "drop":
            con.execute("DELETE FROM baskets WHERE name = %s AND author = current_user", (change.key,))


def _send_basket(con: Any, change: Change) -> None:
    ours, shared = tuple(change.body["records"]), bool(change.body["shared"])
    while True:  # a basket another process creates meanwhile is found on the next turn
        row = con.execute("SELECT records, version FROM baskets WHERE name = %s AND author = current_user "
                          "FOR UPDATE", (change.key,)).fetchone()
        if row is not None:
            break
        if con.execute("INSERT INTO baskets (name, shared, records) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING "
                       "RETURNING 1", (change.key, shared, list(ours))).fetchone():
            return
    stored, version = tuple(row[0]), row[1]
    records = ours if version == change.base_version else merge_records(stored, ours, change.base)
    con.execute("UPDATE baskets SET records = %s, shared = %s, version = version + 1, updated = now() "
                "WHERE name = %s AND author = current_user", (list(records), shared, change.key))
