"""The store the window uses when a team server is set: the team's notes, bookmarks and named baskets
(model/team_notes.py, model/team_lists.py) behind the one interface the window knows (model/notes.py's).

Bookmarks and baskets go through the server as notes do: queued in the replica, sent when it answers, each
with its author. The analyst has one basket open at a time (kept in the replica); it may be a colleague's
shared basket, which only its author changes. The local store stays open for its backups, and its basket is
brought to the team once, as the analyst's first basket, so nothing kept before connecting is lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from model.notes import Note, UserData
from model.notes_io import search_notes
from model.notes_schema import UserDataReadOnly
from model.team_lists import Basket
from model.team_replica import TeamNote

if TYPE_CHECKING:
    from model.team_notes import TeamNotes

ENV = "FORUM_ATLAS_NOTES_SERVER"
FIRST_BASKET = "My basket"
MAX_NAME = 80


def server_url(setting: str = "") -> str:
    """The team server to use: the environment (and so ``--notes-server``) first, then the settings."""
    return os.environ.get(ENV, "").strip() or setting.strip()


def replica_notes(url: str, folder: Path | str | None = None) -> tuple[list[Note], list[TeamNote]]:
    """The analyst's own notes and the colleagues' as this computer's replica of ``url`` last had them, without
    connecting (the command line's search)."""
    from model.notes_schema import default_folder
    from model.team_notes import server_key
    from model.team_replica import read_replica, replica_name

    base = Path(folder) if folder is not None else default_folder()
    role, notes = read_replica(base / "team" / replica_name(server_key(url)))
    return ([Note(n.record, n.text, n.updated) for n in notes if n.author == role],
            [n for n in notes if n.author != role])


class TeamStore:
    def __init__(self, url: str, folder: Path | str | None = None, connect: bool = True):
        # Here, not above: the window asks this module for server_url at every start, and psycopg (imported by
        # team_notes) would cost each start without a team server a quarter of a second and 11 MB of peak memory.
        from model.team_notes import TeamNotes, without_password

        self.local = UserData(folder)
        self.team: TeamNotes = TeamNotes(url, self.local.folder, connect=connect)
        self.path = self.local.path
        self.url = without_password(url)
        self._bring_local_basket()

    # -- state, as UserData has it -----------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return True  # the replica always answers

    @property
    def writable(self) -> bool:
        return self.team.writable and self.local.writable

    @property
    def reason(self) -> str:
        if not self.team.writable:
            return self.team.status
        return self.local.reason

    @property
    def messages(self) -> list[str]:
        return [*self.local.messages, *self.team.messages]

    @property
    def status(self) -> str:
        return self.team.status

    # -- notes: the team's ----------------------------------------------------------------------------
    def note(self, record: str) -> str | None:
        return self.team.note(record)

    def set_note(self, record: str, text: str, base: str | None = None) -> str:
        return self.team.set_note(record, text, base)

    def notes(self) -> list[TeamNote]:
        return self.team.notes()

    def team_notes(self, record: str) -> list[TeamNote]:
        return self.team.team_notes(record)

    def search(self, text: str) -> list[tuple[str, str] | tuple[str, str, str]]:
        """The analyst's notes holding every word of ``text``, then the team's, each of those with a third
        item naming its author (from the replica: it works offline)."""
        own: list[tuple[str, str] | tuple[str, str, str]] = list(search_notes(self._as_notes(self.notes()), text))
        others = [n for n in self.team.replica.all_notes() if n.author != self.team.role]
        for n in others:
            for record, snip in search_notes(self._as_notes([n]), text):
                own.append((record, snip, f"{n.display}\u2019s note"))
        return own

    @staticmethod
    def _as_notes(notes: list[TeamNote]) -> list[Note]:
        return [Note(n.record, n.text, n.updated) for n in notes]

    # -- bookmarks: the analyst's, seen by the team ----------------------------------------------------
    def is_bookmarked(self, record: str) -> bool:
        return record in self.bookmarks()

    def bookmarks(self) -> list[str]:
        return [r for r, _a, _d in self.team.replica.bookmarks(self.team.role)]

    def team_bookmarks(self) -> list[tuple[str, str]]:
        """(record, display name) of the colleagues' bookmarks."""
        return [(r, d) for r, a, d in self.team.replica.bookmarks() if a != self.team.role]

    def set_bookmarked(self, record: str, on: bool) -> None:
        self.team.queue_change("bookmark", record, {"on": on})

    # -- baskets: named, shared with the team or private ------------------------------------------------
    def baskets(self) -> list[Basket]:
        """The baskets this analyst may see: their own, and the ones colleagues shared."""
        return self.team.replica.baskets()

    def open_basket(self) -> Basket | None:
        """The basket the analyst has open: the one chosen last if still there, else their first."""
        meta = self.team.replica.con.execute("SELECT value FROM meta WHERE key = 'basket'").fetchone()
        baskets = self.baskets()
        if meta:
            name, _sep, author = meta[0].rpartition("\t")
            found = next((b for b in baskets if (b.name, b.author) == (name, author)), None)
            if found:
                return found
        return next((b for b in baskets if b.author == self.team.role), None)

    def choose_basket(self, name: str, author: str) -> None:
        self.team.replica.con.execute("INSERT OR REPLACE INTO meta VALUES ('basket', ?)", (f"{name}\t{author}",))

    def owns(self, basket: Basket | None) -> bool:
        return basket is None or basket.author == self.team.role

    def create_basket(self, name: str, shared: bool = False, records: Iterable[str] = ()) -> None:
        name = self._check_name(name)
        self.team.queue_change("basket", name, {"records": list(dict.fromkeys(records)), "shared": shared})
        self.choose_basket(name, self.team.role)

    def rename_basket(self, new: str) -> None:
        basket = self._own_open()
        new = self._check_name(new, basket.name)
        if new != basket.name:
            self.team.queue_change("rename", basket.name, {"to": new})
            self.choose_basket(new, basket.author)

    def share_basket(self, shared: bool) -> None:
        basket = self._own_open()
        self._save(basket, basket.records, shared)

    def delete_basket(self) -> None:
        basket = self._own_open()
        self.team.queue_change("drop", basket.name, {})
        self.team.replica.con.execute("DELETE FROM meta WHERE key = 'basket'")

    def basket(self) -> list[str]:
        basket = self.open_basket()
        return list(basket.records) if basket else []

    def add_to_basket(self, record: str) -> bool:
        basket = self.open_basket()
        if basket is None:  # the first record makes the first basket
            self.create_basket(FIRST_BASKET, records=[record])
            return True
        if record in basket.records:
            return False
        self._save(self._own(basket), (*basket.records, record))
        return True

    def remove_from_basket(self, record: str) -> None:
        basket = self.open_basket()
        if basket is not None and record in basket.records:
            self._save(self._own(basket), tuple(r for r in basket.records if r != record))

    def set_basket(self, records: Iterable[str]) -> None:
        basket = self.open_basket()
        if basket is None:
            self.create_basket(FIRST_BASKET, records=records)
        else:
            self._save(self._own(basket), tuple(dict.fromkeys(records)))

    def _save(self, basket: Basket, records: tuple[str, ...], shared: bool | None = None) -> None:
        self.team.queue_change("basket", basket.name,
                               {"records": list(records), "shared": basket.shared if shared is None else shared},
                               basket.version, basket.records)

    def _own(self, basket: Basket) -> Basket:
        if basket.author != self.team.role:
            raise UserDataReadOnly(f"The basket {basket.name} is {basket.display}'s, shared with the team: only "
                                   "its author changes it. Make a basket of your own to change one.")
        return basket

    def _own_open(self) -> Basket:
        basket = self.open_basket()
        if basket is None:
            raise ValueError("no basket is open")
        return self._own(basket)

    def _check_name(self, name: str, current: str | None = None) -> str:
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME or "\t" in name:
            raise ValueError(f"a basket's name is 1 to {MAX_NAME} characters")
        if name != current and any(b.name == name and b.author == self.team.role for b in self.baskets()):
            raise ValueError(f"you already have a basket named {name}")
        return name

    def _bring_local_basket(self) -> None:
        """Once per server: the basket kept on this computer becomes the analyst's first team basket."""
        replica = self.team.replica
        if replica.con.execute("SELECT 1 FROM meta WHERE key = 'local_basket'").fetchone():
            return
        records = self.local.basket()
        if records and self.team.writable and not any(b.author == self.team.role for b in self.baskets()):
            self.create_basket(FIRST_BASKET, records=records)
        replica.con.execute("INSERT OR REPLACE INTO meta VALUES ('local_basket', '1')")

    # -- the local store's upkeep -------------------------------------------------------------------------
    def backup_if_changed(self) -> Path | None:
        return self.local.backup_if_changed()

    def orphans(self, known: set[str]) -> list[Note]:
        return [n for n in self._as_notes(self.notes()) if n.record not in known]

    def close(self) -> None:
        self.team.close()
        self.local.close()
