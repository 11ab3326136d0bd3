"""The membership matrix: participants by forums, the roles each holds in each, filtered and sorted.

Read once from the database in two queries (memberships, delegations), so that it opens and refilters
quickly at 100 times the real data; what the cells show comes from model/roles.py. A delegation (a
ministry or agency that represents a member) is a row only when delegations are asked for; its cell says
whom it represents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from model import as_of as when
from model import roles
from model.dates import PartialDate

SORTS_ROWS = (("name", "Name"), ("count", "Number of forums"))
SORTS_COLUMNS = (("name", "Name"), ("count", "Number of participants"), ("founded", "Founding date"))
DELEGATE = "delegate"  # the cell of a delegation row: it represents a member there
DELEGATE_SYMBOL = "\u21e2"
# Roles that are acts (founding a forum, hosting it): their "until" dates the act, which stays done after it.
ACTS = frozenset({"founder", "proposer", "host", "funder", "supporter", "cool", "opposed"})


@cache
def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


@dataclass(frozen=True, slots=True)
class Entry:
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


class MatrixData:
    """Every membership and delegation, read once; ``matrix(filters)`` is what a view shows."""

    def __init__(self, atlas):
        self.atlas = atlas
        self.forums = {f.id: f for f in atlas.forums()}
        self.participants = {p.id: p for p in atlas.participants()}
        con = atlas.connection
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
        self.founding_disputes = when.disputed_foundings(atlas)
        self._order = {pid: n for n, pid in enumerate(self.participants)}  # by name (atlas order)
        forum_order = sorted(self.forums.values(), key=lambda f: ((f.acronym or f.name).lower(), f.id))
        self._forum_name_order = {f.id: n for n, f in enumerate(forum_order)}
        self._forum_founded = {f.id: (f.founded.key() if f.founded else (10**9, 0, 0, ""), f.name.lower())
                               for f in self.forums.values()}

    def matrix(self, flt: Filters) -> Matrix:
        out = Matrix()
        forums = self.forums
        ok_forum: dict[str, bool] = {}
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
            ok_forum[fid] = keep
        sources = [self.entries, self.delegations] if flt.delegations else [self.entries]
        people = flt.participants
        for source in sources:
            for key, entries in source.items():
                pid, fid = key
                if not ok_forum[fid] or (people and pid not in people):
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
                    entries = kept
                if entries:
                    out.cells[key] = tuple(sorted(out.cells.get(key, ()) + tuple(entries),
                                                  key=lambda e: roles.rank(e.role)))
        row_count: dict[str, int] = defaultdict(int)
        column_count: dict[str, int] = defaultdict(int)
        for pid, fid in out.cells:
            row_count[pid] += 1
            column_count[fid] += 1
        out.rows = self._sorted(list(row_count), flt.row_sort, row_count, self._order, flt.descending)
        column_keys = self._forum_founded if flt.column_sort == "founded" else self._forum_name_order
        out.columns = self._sorted(list(column_count), flt.column_sort, column_count, column_keys, flt.descending)
        return out

    @staticmethod
    def _sorted(ids: list[str], how: str, counts: dict[str, int], order: dict, descending: bool) -> list[str]:
        if how == "count":  # the most first, ties by name
            ids.sort(key=lambda i: (-counts[i], order[i]) if not descending else (counts[i], order[i]))
            return ids
        ids.sort(key=order.__getitem__, reverse=descending)
        return ids

    def participant_set(self, fid: str) -> frozenset[str]:
        """The participants a forum counts as members (a founding state counts; model/roles.py)."""
        return frozenset(pid for (pid, f), entries in self.entries.items() if f == fid
                         and any(roles.counts_as_member(e.role, self.participants[pid].kind) for e in entries))

    def cell_text(self, m: Matrix, pid: str, fid: str) -> str:
        """A cell in words, for a CSV file and a screen reader: "Founder; Member (since 1994)"."""
        parts = []
        for e in dict.fromkeys(m.cells.get((pid, fid), ())):
            text = (f"Represents {self.participants[e.member].short_name}" if e.role == DELEGATE
                    else roles.label(e.role))
            dates = [f"since {_date(e.since).display()}" if e.since else "",
                     f"until {_date(e.until).display()}" if e.until else ""]
            dates = ", ".join(d for d in dates if d)
            parts.append(f"{text} ({dates})" if dates else text)
        if (pid, fid) in m.uncertain:
            parts.append("date uncertain")
        return "; ".join(parts)

    def write_csv(self, m: Matrix, fh) -> None:
        import csv

        w = csv.writer(fh)
        w.writerow(["Participant", *(self.forums[f].acronym or self.forums[f].name for f in m.columns)])
        for pid in m.rows:
            w.writerow([self.participants[pid].short_name, *(self.cell_text(m, pid, f) for f in m.columns)])
