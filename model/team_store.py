"""The store the window uses when a team server is set: the team's notes (model/team_notes.py), and the
analyst's bookmarks and basket in the local store (model/notes.py), behind the one interface the window knows.

The server has tables for bookmarks and baskets with their authors, but this version keeps them local:
only notes are shared.
"""

from __future__ import annotations

import os
from pathlib import Path

from model.notes import UserData

ENV = "FORUM_ATLAS_NOTES_SERVER"


def server_url(setting: str = "") -> str:
    """The team server to use: the environment (and so ``--notes-server``) first, then the settings."""
    return os.environ.get(ENV, "").strip() or setting.strip()


class TeamStore:
    def __init__(self, url: str, folder: Path | str | None = None):
        # Here, not above: the window asks this module for server_url at every start, and psycopg (imported by
        # team_notes) would cost each start without a team server a quarter of a second and 11 MB of peak memory.
        from model.team_notes import TeamNotes, without_password

        self.local = UserData(folder)
        self.team = TeamNotes(url, self.local.folder)
        self.path = self.local.path
        self.url = without_password(url)

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

    def notes(self):
        return self.team.notes()

    def team_notes(self, record: str):
        return self.team.team_notes(record)

    def search(self, text: str) -> list[tuple[str, str]]:
        from model.notes_io import snippet

        words = text.casefold().split()
        hits = []
        for n in self.team.notes() if words else ():
            folded = n.text.casefold()
            if all(w in folded for w in words):
                hits.append((n.record, snippet(n.text, folded.find(words[0]), len(words[0]))))
        return hits

    # -- bookmarks and basket: the analyst's own, local ---------------------------------------------------
    def __getattr__(self, name: str):
        if name in {"is_bookmarked", "bookmarks", "set_bookmarked", "basket", "add_to_basket",
                    "remove_from_basket", "set_basket", "backup_if_changed", "backup", "orphans"}:
            return getattr(self.local, name)
        raise AttributeError(name)

    def close(self) -> None:
        self.team.close()
        self.local.close()
