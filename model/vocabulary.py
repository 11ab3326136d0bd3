"""The atlas's closed vocabularies, each defined once: name (as the data spells it), order (as listed here),
label (as shown), and what else a view needs of it (a short form, a heading, a timeline symbol).

The loader validates against the names; search, the renderer, the fact sheets and the timeline show the labels.
Roles are not here: they have their own module (model/roles.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    name: str
    label: str
    short: str = ""  # a short label (a citation's author, a search result's kind)
    heading: str = ""  # a section heading (the detail pane's "what each author says")
    by: str = ""  # who wrote it, as a search result names them
    symbol: str = ""  # an event kind's marker on the timeline
    aliases: tuple[str, ...] = ()  # other names search accepts


class Vocabulary:
    def __init__(self, *terms: Term) -> None:
        self.terms = terms
        self.names = tuple(t.name for t in terms)
        self._by_name = {t.name: t for t in terms}

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, name: str) -> Term:
        return self._by_name[name]

    def order(self, name: str) -> int:
        """Where ``name`` sorts: its place in the vocabulary (unknown names last)."""
        return self.names.index(name) if name in self._by_name else len(self.names)

    def labels(self, field: str = "label") -> dict[str, str]:
        """name -> label (or another field), in order."""
        return {t.name: getattr(t, field) or t.label for t in self.terms}


TRACKS = Vocabulary(
    Term("1", "Track 1 (official)"),
    Term("1.5", "Track 1.5 (mixed)"),
    Term("2", "Track 2 (non-governmental)"),
)
NO_TRACK = "No track"

STATUSES = Vocabulary(  # a forum's status as of the paper (mid-1999)
    Term("active", "Active in 1999"),
    Term("defunct", "Defunct by 1999"),
    Term("proposed", "Proposed, never realised"),
)

AUTHORS = Vocabulary(  # the parts of the paper whose authors make claims
    Term("cossa", "U.S. view (Cossa)", short="Cossa", heading="The U.S. view (Cossa)", by="Cossa"),
    Term("fukushima", "Japanese view (Fukushima)", short="Fukushima", heading="The Japanese view (Fukushima)",
         by="Fukushima"),
    Term("preface", "Preface (Haggard and Pinkston)", short="Preface", heading="The preface (Haggard and Pinkston)",
         by="Haggard and Pinkston", aliases=("haggard", "pinkston")),
)
PARTS = Vocabulary(*AUTHORS, Term("front", "Front matter"))  # every part a citation can come from

RECORD_KINDS = Vocabulary(  # short: one of them; label: a group of them
    Term("forum", "Forums", short="Forum"),
    Term("event", "Events", short="Event"),
    Term("participant", "Participants", short="Participant"),
    Term("person", "People", short="Person"),
    Term("claim", "Claims", short="Claim"),
    Term("quote", "Quotes", short="Quote"),
)

EVENT_KINDS = Vocabulary(  # symbol: one of the timeline's marker symbols (model/timeline_layout.py)
    Term("founding", "Founding", symbol="founding"),
    Term("meeting", "Meeting", symbol="meeting"),
    Term("proposal", "Proposal", symbol="proposal"),
    Term("speech", "Speech", symbol="other"),
    Term("declaration", "Declaration", symbol="agreement"),
    Term("agreement", "Agreement", symbol="agreement"),
    Term("dissolution", "Dissolution", symbol="dissolution"),
    Term("crisis", "Crisis", symbol="crisis"),
    Term("other", "Other", symbol="other"),
)
