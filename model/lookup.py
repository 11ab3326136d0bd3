"""Find a record from what a person types: its id, name, acronym or another name, in any case.

For the command line (`forum-atlas print japan`, `pack ARF NEACD jp`) and anything in the window that takes a
typed name. An exact id wins; otherwise names are compared case-blind with spacing and punctuation folded. When
a name fits several records, one is chosen (the closest kind of name, then forums before participants, people
and events) and the others are named, so the caller can say which was used. An unknown name gets close matches.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

from sqlmodel import select

from model import tables as t
from model.queries import Atlas

KINDS = ("forum", "participant", "person", "event")  # the order in which a shared name is given to a record
# How a name names its record, closest first: the id, a short form (acronym, short name), the full name, an alias.
ID, SHORT, NAME, ALIAS = range(4)


@dataclass(frozen=True)
class Choice:
    id: str
    kind: str
    label: str  # "ASEAN Regional Forum (ARF)", "North Korea"

    def describe(self) -> str:
        return f"{self.label} ({self.kind} {self.id})"


@dataclass(frozen=True)
class Found:
    """What a typed name resolved to: ``choice`` (None when nothing fits), the ``others`` it could also have
    meant, or, for an unknown name, ``close`` matches to suggest."""

    text: str
    choice: Choice | None
    others: tuple[Choice, ...] = ()
    close: tuple[Choice, ...] = field(default=())

    @property
    def ambiguous(self) -> bool:
        return bool(self.choice and self.others)


def fold(text: str) -> str:
    """A name as compared: case-blind, punctuation and runs of spaces as one space ("Four-Party" = "four party")."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


class Lookup:
    """An index of the names of ``kinds`` of records in ``atlas``, built once for many look-ups."""

    def __init__(self, atlas: Atlas, kinds: tuple[str, ...] = KINDS) -> None:
        self.kinds = tuple(k for k in KINDS if k in kinds)
        self.records: dict[str, Choice] = {}
        self._names: dict[str, dict[str, int]] = {}  # folded name -> {record id: closeness}

        def add(kind: str, rid: str, label: str, names: list[tuple[int, str | None]]) -> None:
            self.records[rid] = Choice(rid, kind, label)
            for rank, name in [(ID, rid), *names]:
                key = fold(name or "")
                if key:
                    held = self._names.setdefault(key, {})
                    held[rid] = min(rank, held.get(rid, rank))

        session = atlas.session
        if "forum" in self.kinds:
            for f in session.exec(select(t.Forum)):
                add("forum", f.id, f"{f.name} ({f.acronym})" if f.acronym else f.name,
                    [(SHORT, f.acronym), (NAME, f.name), *((ALIAS, a) for a in json.loads(f.aliases))])
        if "participant" in self.kinds:
            for p in atlas.participants():
                add("participant", p.id, p.short_name,
                    [(SHORT, p.short_name), (NAME, p.name), *((ALIAS, a) for a in p.aliases)])
        if "person" in self.kinds:
            for person in atlas.people():
                add("person", person.id, person.name, [(NAME, person.name)])
        if "event" in self.kinds:
            for e in session.exec(select(t.Event)):
                add("event", e.id, e.title, [(NAME, e.title)])

    def _order(self, rid: str, rank: int) -> tuple[int, int, str]:
        return rank, self.kinds.index(self.records[rid].kind), rid

    def find(self, text: str) -> Found:
        text = text.strip()
        key = fold(text)
        held = self._names.get(key, {})
        ranked = sorted(held, key=lambda rid: self._order(rid, held[rid]))
        if text in self.records:  # an id as written wins; a record whose name it also is is named as well
            return Found(text, self.records[text], tuple(self.records[r] for r in ranked if r != text))
        if ranked:
            return Found(text, self.records[ranked[0]], tuple(self.records[r] for r in ranked[1:]))
        # The start of a name, when only one record's name starts so ("asean regional").
        starts = {rid for name, ids in self._names.items() if key and name.startswith(key) for rid in ids}
        if len(starts) == 1:
            return Found(text, self.records[starts.pop()])
        return Found(text, None, close=self.close(text))

    def close(self, text: str, n: int = 5) -> tuple[Choice, ...]:
        """Records whose names are nearest to ``text`` (spelling slips, a word left out)."""
        key = fold(text)
        names = difflib.get_close_matches(key, list(self._names), n=n * 2, cutoff=0.6)
        names += [name for name in self._names if len(key) >= 3 and key in name.split() and name not in names]
        out: dict[str, Choice] = {}
        for name in names:
            for rid in sorted(self._names[name], key=lambda r: self._order(r, self._names[name][r])):
                out.setdefault(rid, self.records[rid])
        return tuple(out.values())[:n]


def unknown_message(found: Found, kinds: tuple[str, ...]) -> str:
    names = [k for k in KINDS if k in kinds]
    what = " or ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} or {names[-1]}"
    hint = (" Did you mean: " + "; ".join(c.describe() for c in found.close) + "?") if found.close \
        else " `forum-atlas search TEXT` finds records by any word."
    return f"No {what} is called \u201c{found.text}\u201d.{hint}"


def ambiguous_message(found: Found) -> str:
    assert found.choice is not None, "an ambiguous name has a choice"
    others = "; ".join(c.describe() for c in found.others[:5])
    more = f" and {len(found.others) - 5} more" if len(found.others) > 5 else ""
    return (f"\u201c{found.text}\u201d names more than one record; using {found.choice.describe()}. "
            f"It could also mean: {others}{more}. Give the id to choose another.")
