"""The membership matrix: participants by forums, the roles each holds in each, filtered and sorted.

Read once from the database in two queries (memberships, delegations), so that it opens and refilters
quickly at 100 times the real data; what the cells show comes from model/roles.py. A delegation (a
ministry or agency that represents a member) is a row only when delegations are asked for; its cell says
whom it represents.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple, TextIO

from model import as_of as when
from model import roles
from model.dates import PartialDate

if TYPE_CHECKING:
    from model.queries import Atlas

SORTS_ROWS = (("name", "Name"), ("count", "Number of forums"))
SORTS_COLUMNS = (("name", "Name"), ("count", "Number of participants"), ("founded", "Founding date"))
DELEGATE = "delegate"  # the cell of a delegation row: it represents a member there
DELEGATE_SYMBOL = "\u21e2"
# Roles that are acts (founding a forum, hosting it): their "until" dates the act, which stays done after it.
ACTS = frozenset({"founder", "proposer", "host", "funder", "supporter", "cool", "opposed"})


@cache
def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


class Entry(NamedTuple):  # a tuple: 30,000 of them are made when the matrix opens at 100x
    """One role (or one delegation) of a participant in a forum, with its dates; ``membership``: the row id."""

    role: str
    since: str | None
    until: str | None
    membership: int
    member: str | None = None  # for a delegation: the participant it represents


@dataclass
class Filters:
    tracks: frozenset[str | None] = frozenset()  # empty: every track
    kinds: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    participants: frozenset[str] = frozenset()  # empty: everyone
    forums: frozenset[str] | None = None  # the app's filters: these forums only (None: all)
    delegations: bool = False
    as_of: int | None = None  # a day: only forums that existed and memberships in force then
    row_sort: str = "name"
    column_sort: str = "name"
    descending: bool = False


@dataclass
class Matrix:
    """What is shown: ``rows`` (participant ids) by ``columns`` (forum ids) and each cell's entries."""

    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: dict[tuple[str, str], tuple[Entry, ...]] = field(default_factory=dict)
    uncertain: set[tuple[str, str]] = field(default_factory=set)  # cells in force only perhaps, as of the date
    uncertain_forums: set[str] = field(default_factory=set)

    def symbol(self, pid: str, fid: str) -> str:
        entries = self.cells.get((pid, fid), ())
        return "".join(DELEGATE_SYMBOL if e.role == DELEGATE else roles.SYMBOLS.get(e.role, "?")
                       for e in dict.fromkeys(entries))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Tens of thousands of small tuples, all kept: the cyclic collector would walk the heap again and again
    for nothing (it took most of the time at 100x)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class MatrixData:
    """Every membership and delegation, read once; ``matrix(filters)`` is what a view shows."""

    def __init__(self, atlas: Atlas) -> None:
        with _no_gc():
            self._read(atlas)

    def _read(self, atlas: Atlas) -> None:
        self.atlas = atlas
        con = atlas.connection
        # In founding order (the middle of its interval, as PartialDate.key), then by name: sorted in SQL.
        forums = {f.id: f for f in atlas.forums()}
        by_founding = [forums[fid] for (fid,) in con.execute(
            "SELECT id FROM forum ORDER BY founded_lo IS NULL, founded_lo + founded_hi, founded_lo, founded_hi, "
            "lower(name)")]
        self.forums = {f.id: f for f in by_founding}
        self.participants = {p.id: p for p in atlas.participants()}
        self.entries: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.delegations: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        member_of: dict[int, tuple[str, str]] = {}
        for mid, fid, pid, role, since, until in con.execute(
                "SELECT id, forum_id, participant_id, role, since, until FROM membership ORDER BY id"):
            self.entries[(pid, fid)].append(Entry(role, since, until, mid))
            member_of[mid] = (pid, fid)
        for mid, pid, since, until in con.execute(
                "SELECT membership_id, participant_id, since, until FROM delegation ORDER BY id"):
            member, fid = member_of[mid]
            self.delegations[(pid, fid)].append(Entry(DELEGATE, since, until, mid, member))
        rank = {name: n for n, name in enumerate(roles.ORDER)}
        for entries in self.entries.values():  # in the roles' order once, so a cell never sorts
            if len(entries) > 1:
                entries.sort(key=lambda e: rank.get(e.role, len(rank)))
        # Each forum's cells, so that a filter looks only at the forums it lets through (and copies them whole).
        self.by_forum: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] = defaultdict(dict)
        self.delegations_by_forum: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] = defaultdict(dict)
        for source, index in ((self.entries, self.by_forum), (self.delegations, self.delegations_by_forum)):
            for key, entries in source.items():
                index[key[1]][key] = tuple(entries)  # tuples: a cell shows them as they are
        self._members_of: dict[str, frozenset[str]] | None = None
        self._order = {pid: n for n, pid in enumerate(self.participants)}  # by name (atlas order)
        forum_order = sorted(self.forums.values(), key=lambda f: ((f.acronym or f.name).lower(), f.id))
        self._forum_name_order = {f.id: n for n, f in enumerate(forum_order)}
        self._forum_founded = {f.id: n for n, f in enumerate(by_founding)}

    @property
    def founding_disputes(self) -> dict[str, tuple[int, int]]:
        return when.disputed_foundings(self.atlas)  # read on first use: only an as-of date needs it

    def matrix(self, flt: Filters) -> Matrix:
        with _no_gc():
            return self._matrix(flt)

    def _matrix(self, flt: Filters) -> Matrix:
        out = Matrix()
        forums = self.forums
        shown: list[str] = []
        states = when.states_at(forums.values(), flt.as_of, self.founding_disputes) if flt.as_of is not None else {}
        for fid, f in forums.items():
            keep = ((not flt.tracks or f.track in flt.tracks) and (not flt.kinds or f.kind in flt.kinds)
                    and (not flt.statuses or f.status in flt.statuses)
                    and (flt.forums is None or fid in flt.forums))
            if keep and flt.as_of is not None:
                state = states[fid]
                keep = state in (when.EXISTS, when.UNCERTAIN)
                if state == when.UNCERTAIN:
                    out.uncertain_forums.add(fid)
            if keep:
                shown.append(fid)
        sources = [self.by_forum, self.delegations_by_forum] if flt.delegations else [self.by_forum]
        people = flt.participants
        if not people and flt.as_of is None:  # the common case: whole forums, copied in C
            for fid in shown:
                out.cells.update(self.by_forum.get(fid, {}))
            sources = sources[1:]
        for source in sources:
            for key, entries in (cell for fid in shown for cell in source.get(fid, {}).items()):
                if people and key[0] not in people:
                    continue
                if flt.as_of is not None:
                    kept = []
                    for e in entries:
                        until = None if e.role in ACTS else _date(e.until)
                        state = when.span(_date(e.since), until, flt.as_of)
                        if state == when.UNCERTAIN:
                            out.uncertain.add(key)
                        if state in (when.EXISTS, when.UNCERTAIN):
                            kept.append(e)
                    entries = tuple(kept)
                if entries:  # a delegation's entries come after the roles, as DELEGATE ranks last
                    out.cells[key] = out.cells[key] + entries if key in out.cells else entries
        row_count = Counter(map(itemgetter(0), out.cells))
        column_count = Counter(map(itemgetter(1), out.cells))
        out.rows = self._sorted(list(row_count), flt.row_sort, row_count, self._order, flt.descending)
        column_keys = self._forum_founded if flt.column_sort == "founded" else self._forum_name_order
        out.columns = self._sorted(list(column_count), flt.column_sort, column_count, column_keys, flt.descending)
        return out

    @staticmethod
    def _sorted(ids: list[str], how: str, counts: dict[str, int], order: dict[str, int], descending: bool) -> list[str]:
        if how == "count":  # the most first, ties by name
            ids.sort(key=lambda i: (-counts[i], order[i]) if not descending else (counts[i], order[i]))
            return ids
        ids.sort(key=order.__getitem__, reverse=descending)
        return ids

    def participant_set(self, fid: str) -> frozenset[str]:
        """The participants a forum counts as members (a founding state counts; model/roles.py)."""
        if self._members_of is None:
            members: dict[str, set[str]] = defaultdict(set)
            for (pid, f), entries in self.entries.items():
                if any(roles.counts_as_member(e.role, self.participants[pid].kind) for e in entries):
                    members[f].add(pid)
            self._members_of = {f: frozenset(p) for f, p in members.items()}
        return self._members_of.get(fid, frozenset())

    def cell_text(self, m: Matrix, pid: str, fid: str) -> str:
        """A cell in words, for a CSV file and a screen reader: "Founder; Member (since 1994)"."""
        parts = []
        for e in dict.fromkeys(m.cells.get((pid, fid), ())):
            text = (f"Represents {self.participants[e.member].short_name}" if e.member is not None  # DELEGATE
                    else roles.label(e.role))
            since, until = _date(e.since), _date(e.until)
            dates = ", ".join(d for d in (f"since {since.display()}" if since else "",
                                          f"until {until.display()}" if until else "") if d)
            parts.append(f"{text} ({dates})" if dates else text)
        if (pid, fid) in m.uncertain:
            parts.append("date uncertain")
        return "; ".join(parts)

    def write_csv(self, m: Matrix, fh: TextIO) -> None:
        import csv

        w = csv.writer(fh)
        w.writerow(["Participant", *(self.forums[f].acronym or self.forums[f].name for f in m.columns)])
        for pid in m.rows:
            w.writerow([self.participants[pid].short_name, *(self.cell_text(m, pid, f) for f in m.columns)])
