"""The network half of team notes: sending queued changes and reading colleagues' changes, touching nothing
but the connections given, so it may run on a worker thread while the window reads and writes the replica.
TeamNotes (model/team_notes.py) prepares what to send and records the outcome in the replica.

A note's save is conditional on the version it started from (``UPDATE ... WHERE version = base``); a save
based on an old version is merged by merge_texts, keeping both texts. Bookmarks and baskets go through
model/team_lists.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model.team_lists import Basket, Change, read_lists, send_change
from model.team_replica import Pending, TeamNote

SELECT = ("SELECT n.record, n.author, coalesce(m.display_name, n.author), n.text, n.version, "
          "to_char(n.updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
          "FROM notes n LEFT JOIN members m ON m.role = n.author")
LISTS = {"#bookmarks", "#baskets"}  # what the lists' trigger (schema step 2) notifies

Lists = tuple[list[tuple[str, str, str]], list[Basket]]


@dataclass
class Outcome:
    """What one round of sending did: the notes the server took (with what it now holds), the changes it took,
    what it refused (a read-only role), the lists as they now are, and the error that stopped it, if any."""

    taken: list[tuple[Pending, TeamNote]] = field(default_factory=list)
    refused: list[Pending] = field(default_factory=list)
    changes_taken: list[Change] = field(default_factory=list)
    changes_refused: list[Change] = field(default_factory=list)
    lists: Lists | None = None
    error: BaseException | None = None


@dataclass
class News:
    """Colleagues' changes read after a NOTIFY: the records named, their notes now, and the lists if they
    changed."""

    records: set[str] = field(default_factory=set)
    notes: dict[str, list[TeamNote]] = field(default_factory=dict)
    lists: Lists | None = None
    error: BaseException | None = None


def merge_texts(stored: str, ours: str, base: str, when: str) -> str:
    """The conflict rule: nothing is lost. Ours inside theirs (or blank): theirs; theirs inside ours: ours.
    Otherwise both, ours below a marker; when ours only added to the text both started from (``base``), just
    the added part goes below the marker, so repeated conflicts do not copy the note again and again."""
    if not ours.strip() or ours.strip() in stored:
        return stored
    if not stored.strip() or stored.strip() in ours:
        return ours
    start = base.rstrip()
    added = ours[len(start):].strip("\n") if start and ours.startswith(start) and start in stored else ours
    marker = f"--- saved {when[:16]}Z from an older version of this note, which was changed meanwhile ---"
    return f"{stored.rstrip()}\n\n{marker}\n{added}"


def send(con: Any, items: list[Pending], changes: list[Change], refusal: type[BaseException],
         failure: type[BaseException]) -> Outcome:
    """Send ``items`` then ``changes`` in order on ``con``; stops at the first ``failure`` (the network, the
    server), leaving the rest for the next round. ``refusal`` is the server's "not allowed"."""
    out = Outcome()
    try:
        for item in items:
            try:
                out.taken.append((item, send_note(con, item)))
            except refusal:
                out.refused.append(item)
        for change in changes:
            try:
                send_change(con, change)
                out.changes_taken.append(change)
            except refusal:
                out.changes_refused.append(change)
        if changes:
            out.lists = read_lists(con)
            con.commit()
    except failure as exc:
        out.error = exc
    return out


def send_note(con: Any, item: Pending) -> TeamNote:
    """One queued note, conditional on its base version; a stale one is merged, keeping both texts."""
    with con.transaction():
        row = None
        while row is None:  # a note another process creates meanwhile is found on the next turn
            row = con.execute("SELECT text, version, to_char(now() AT TIME ZONE 'UTC', "
                              "'YYYY-MM-DD\"T\"HH24:MI:SS') FROM notes WHERE record = %s "
                              "AND author = current_user FOR UPDATE", (item.record,)).fetchone()
            if row is None and con.execute("INSERT INTO notes (record, text) VALUES (%s, %s) ON CONFLICT "
                                           "DO NOTHING RETURNING 1", (item.record, item.text)).fetchone():
                break
        else:
            stored, version, when = row
            current = version == item.base_version or stored in (item.base_text, *item.tried)
            text = item.text if current else merge_texts(stored, item.text, item.base_text, when)
            if text != stored:
                con.execute("UPDATE notes SET text = %s, version = version + 1, updated = now() "
                            "WHERE record = %s AND author = current_user AND version = %s",
                            (text, item.record, version))
        out = con.execute(SELECT + " WHERE n.record = %s AND n.author = current_user", (item.record,)).fetchone()
    return TeamNote(*out)


def read_news(con: Any, listener: Any, failure: type[BaseException]) -> News:
    """The notifications waiting on ``listener`` (without waiting for more), and what they name."""
    news = News()
    try:
        news.records = {n.payload for n in listener.notifies(timeout=0)}
        for record in news.records - LISTS:
            news.notes[record] = [TeamNote(*r) for r in
                                  con.execute(SELECT + " WHERE n.record = %s", (record,)).fetchall()]
        if news.records & LISTS:
            news.lists = read_lists(con)
        con.commit()
    except failure as exc:
        news.error = exc
    return news
