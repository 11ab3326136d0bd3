"""A search hit's grey line of context in the interface's language.

The index holds that line in English, written at build time (model/search_index.py): English shows it as it is.
Japanese composes it again from the record the hit names (its kind, track, founding date, an event's dates
and forums) with term() and gui/date_words.py; a claim's or a quotation's line is made of vocabulary words and
names, and is translated a part at a time.
"""

from __future__ import annotations

from gui import i18n
from gui.date_words import date_text, event_when
from gui.i18n import translate
from gui.terms import term
from model import records as r

SEP = " \u00b7 "


class HitInfo:
    """Makes the info line of a hit; reads the atlas's participants and events once, when first needed (the
    search pane keeps one per atlas)."""

    def __init__(self, atlas):
        self.atlas = atlas
        self._participants: dict[str, r.ParticipantRow] | None = None
        self._events: dict[str, r.EventRow] | None = None

    def __call__(self, hit) -> str:
        if i18n.current() == "en" or self.atlas is None:
            return hit.info
        make = getattr(self, f"_{hit.kind}", None)
        return (make(hit.id) if make else None) or self._parts(hit.info)

    def _forum(self, fid: str) -> str | None:
        f = self.atlas.forum_row(fid)
        if f is None:
            return None
        track = translate("SearchResults", "Track {track}").format(track=f.track) if f.track else ""
        founded = translate("SearchResults", "founded {date}").format(date=date_text(f.founded)) if f.founded else ""
        return _join(track, term(r.label(f.kind)), founded, term(r.STATUS_LABELS.get(f.status)))

    def _participant(self, pid: str) -> str | None:
        if self._participants is None:
            self._participants = {p.id: p for p in self.atlas.participants()}
        p = self._participants.get(pid)
        if p is None:
            return None
        return _join(term(r.label(p.kind)), p.name if p.short_name and p.name != p.short_name else "")

    def _event(self, eid: str) -> str | None:
        if self._events is None:
            self._events = {e.id: e for e in self.atlas.events()}
        e = self._events.get(eid)
        if e is None:
            return None
        shorts = [f.acronym or f.name for f in map(self.atlas.forum_row, e.forums) if f is not None]
        return _join(event_when(e.date, e.end), e.place or "", ", ".join(shorts))

    @staticmethod
    def _parts(info: str) -> str:
        """A line of vocabulary words and names (a claim's author and stance, a quotation's author and records)."""
        out = []
        for part in info.split(SEP):
            if part.startswith("cited for "):
                out.append(translate("SearchResults", "cited for {names}").format(names=part[len("cited for "):]))
            else:
                out.append(term(part))
        return SEP.join(out)


def _join(*parts: str) -> str:
    return SEP.join(p for p in parts if p)
