"""The membership matrix: participants by forums, the roles each holds in each, filtered and sorted.

The whole matrix opens from three index scans (who and what has memberships, which roles), its cells read
forum by forum as they are painted; every membership is read in one query only when a filter, a sort by count
or a sweep needs them all, the delegations only when first shown; so that it opens and refilters quickly at
100 times the real data. What the cells show comes from model/roles.py. A delegation (a ministry or agency
that represents a member) is a row only when delegations are asked for; its cell says whom it represents.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain
from operator import attrgetter, itemgetter
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


class Cells:
    """The shown cells, (participant, forum) -> entries, held forum by forum: a forum shown whole shares
    the data's own dict of its cells, so that a filter copies nothing cell by cell (and may read it only when
    first looked at: _ForumsOnDemand)."""

    __slots__ = ("by_forum",)

    def __init__(self, by_forum: Mapping[str, dict[tuple[str, str], tuple[Entry, ...]]] | None = None):
        self.by_forum = {} if by_forum is None else by_forum

    def get(self, key: tuple[str, str], default: tuple[Entry, ...] = ()) -> tuple[Entry, ...]:
        cells = self.by_forum.get(key[1])
        return default if cells is None else cells.get(key, default)

    def __getitem__(self, key: tuple[str, str]) -> tuple[Entry, ...]:
        return self.by_forum[key[1]][key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple):
            return False
        cells = self.by_forum.get(key[1])
        return cells is not None and key in cells

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return chain.from_iterable(self.by_forum.values())

    def __len__(self) -> int:
        return sum(map(len, self.by_forum.values()))

    def values(self) -> Iterator[tuple[Entry, ...]]:
        return chain.from_iterable(map(dict.values, self.by_forum.values()))


@dataclass
class Matrix:
    """What is shown: ``rows`` (participant ids) by ``columns`` (forum ids) and each cell's entries."""

    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: Cells = field(default_factory=Cells)
    uncertain: set[tuple[str, str]] = field(default_factory=set)  # cells in force only perhaps, as of the date
    uncertain_forums: set[str] = field(default_factory=set)
    whole: bool = False  # every cell of its forums, as the data holds them (no delegation, date or participant)

    def symbol(self, pid: str, fid: str) -> str:
        entries = self.cells.get((pid, fid), ())
        return "".join(DELEGATE_SYMBOL if e.role == DELEGATE else roles.SYMBOLS.get(e.role, "?")
                       for e in dict.fromkeys(entries))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Tens of thousands of small tuples, all kept: the cyclic collector would walk the heap again and again
    for nothing (it took most of the time at 100x). What was made meanwhile goes straight to the oldest
    generation (freeze, unfreeze), as it would after two collections had walked it, instead of being walked
    by the first collection after this (a third of the matrix's opening)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


READ_ALL_AFTER = 200  # forums read one by one (some 0.1 ms each) before every membership is read at once instead


def _cells(rows: Iterable[tuple[str, str, str, str | None, str | None, int]],
           ) -> dict[str, dict[tuple[str, str], tuple[Entry, ...]]]:
    """Membership rows (participant, forum, role, since, until, id) as each forum's cells, each cell's roles in the
    roles' order. One pass over the rows as SQLite gives them: sorting them there took longer than the whole pass."""
    by_forum: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] = defaultdict(dict)
    rank = {name: n for n, name in enumerate(roles.ORDER)}
    last = len(roles.ORDER)
    unordered = []  # the cells whose roles came out of the roles' order, put in it below
    for pid, fid, role, since, until, mid in rows:
        cells = by_forum[fid]
        key = (pid, fid)
        held = cells.get(key)
        if held is None:
            cells[key] = (Entry(role, since, until, mid),)
        else:
            cells[key] = (*held, Entry(role, since, until, mid))
            if rank.get(role, last) < rank.get(held[-1].role, last):
                unordered.append(key)
    for pid, fid in unordered:  # in the roles' order once, so a cell never sorts
        by_forum[fid][(pid, fid)] = tuple(sorted(by_forum[fid][(pid, fid)], key=lambda e: rank.get(e.role, last)))
    return dict(by_forum)  # a plain dict: a forum without cells is never added by a lookup


class _ForumsOnDemand(Mapping[str, dict[tuple[str, str], tuple[Entry, ...]]]):
    """The cells of ``forums``, each forum's read when first looked at (MatrixData.forum_cells)."""

    __slots__ = ("_data", "_forums")

    def __init__(self, data: MatrixData, forums: Collection[str]) -> None:
        self._data, self._forums = data, forums

    def __getitem__(self, fid: str) -> dict[tuple[str, str], tuple[Entry, ...]]:
        if fid not in self._forums or fid not in self._data.with_cells:  # as by_forum: only forums with cells
            raise KeyError(fid)
        return self._data.forum_cells(fid)

    def __iter__(self) -> Iterator[str]:
        return iter(self._forums)

    def __len__(self) -> int:
        return len(self._forums)


class MatrixData:
    """Every membership, read when first needed; delegations when first asked for; ``matrix(filters)`` is what a
    view shows.

    Opening asks SQLite only which participants and forums have memberships and which roles occur: enough for the
    whole matrix sorted by name or founding date, its size and its legend. Its cells are then read forum by forum as
    they are painted, and every membership at once (``by_forum``) only when a filter, a sort by count or an export
    needs them all: at 100x, reading the 31,000 rows into cells was four fifths of the first opening."""

    def __init__(self, atlas: Atlas) -> None:
        with _no_gc():
            self._read(atlas)

    def _read(self, atlas: Atlas) -> None:
        self.atlas = atlas
        con = atlas.connection
        ids = [fid for (fid,) in con.execute("SELECT id FROM forum")]
        self.forums = dict(zip(ids, map(atlas.forum_row, ids), strict=True))
        self.participants = {p.id: p for p in atlas.participants()}
        # Three index scans: who and what has memberships, and which roles (the whole matrix's rows, columns, legend).
        self.with_cells = frozenset(fid for (fid,) in con.execute("SELECT DISTINCT forum_id FROM membership"))
        self._in_cells = frozenset(pid for (pid,) in con.execute("SELECT DISTINCT participant_id FROM membership"))
        self._by_forum: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] | None = None
        self._read_forums: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] = {}  # read one by one, until all are
        self._delegations: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] | None = None
        self._members_of: dict[str, frozenset[str]] = {}
        self._order = {pid: n for n, pid in enumerate(self.participants)}  # by name (atlas order)
        names = [f.acronym or f.name for f in self.forums.values()]  # sorted by (name, id) pairs: no key function
        self._forum_name_order = {fid: n for n, (_, fid) in enumerate(sorted(zip(map(str.lower, names), ids, strict=True)))}
        self._forum_founded: dict[str, int] | None = None
        self._forum_roles: dict[str, frozenset[str]] | None = None
        self._all_roles: frozenset[str] | None = None

    @property
    def by_forum(self) -> dict[str, dict[tuple[str, str], tuple[Entry, ...]]]:
        """Each forum's cells, (participant, forum) -> its roles in the roles' order: every membership, read at once."""
        if self._by_forum is None:
            with _no_gc():
                self._by_forum = _cells(self.atlas.connection.execute(
                    "SELECT participant_id, forum_id, role, since, until, id FROM membership ORDER BY id"))
        return self._by_forum

    def forum_cells(self, fid: str) -> dict[tuple[str, str], tuple[Entry, ...]]:
        """One forum's cells, read alone (through the forum index) while the rest are not needed. A forum's
        cells are always the same dict, which a matrix may share (``Cells``), however they were read."""
        cells = self._read_forums.get(fid)
        if cells is None:
            if self._by_forum is not None or len(self._read_forums) >= READ_ALL_AFTER:  # a sweep: all at once
                return self.by_forum.get(fid, {})
            cells = self._read_forums[fid] = _cells(self.atlas.connection.execute(
                "SELECT participant_id, forum_id, role, since, until, id FROM membership WHERE forum_id = ? "
                "ORDER BY id", (fid,))).get(fid, {})
        return cells

    @property
    def delegations_by_forum(self) -> dict[str, dict[tuple[str, str], tuple[Entry, ...]]]:
        """Each forum's delegation cells, read when first shown: most views never show them."""
        if self._delegations is None:
            index: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] = defaultdict(dict)
            with _no_gc():
                for pid, since, until, mid, member, fid in self.atlas.connection.execute(
                        "SELECT d.participant_id, d.since, d.until, d.membership_id, m.participant_id, m.forum_id "
                        "FROM delegation d JOIN membership m ON m.id = d.membership_id ORDER BY d.id"):
                    cells = index[fid]
                    cells[(pid, fid)] = (*cells.get((pid, fid), ()), Entry(DELEGATE, since, until, mid, member))
            self._delegations = dict(index)
        return self._delegations

    @cached_property
    def entries(self) -> dict[tuple[str, str], tuple[Entry, ...]]:
        """Every membership cell: (participant, forum) -> its roles."""
        return {key: held for cells in self.by_forum.values() for key, held in cells.items()}

    @cached_property
    def delegations(self) -> dict[tuple[str, str], tuple[Entry, ...]]:
        """Every delegation cell: (participant, forum) -> whom it represents there."""
        return {key: held for cells in self.delegations_by_forum.values() for key, held in cells.items()}

    def _founding_order(self) -> dict[str, int]:
        """Forum id -> its place in founding order (the middle of its interval, as PartialDate.key), then by
        name: sorted in SQL, when a sort by founding is first asked for."""
        if self._forum_founded is None:
            self._forum_founded = {fid: n for n, (fid,) in enumerate(self.atlas.connection.execute(
                "SELECT id FROM forum ORDER BY founded_lo IS NULL, founded_lo + founded_hi, founded_lo, founded_hi, "
                "lower(name)"))}
        return self._forum_founded

    @property
    def founding_disputes(self) -> dict[str, tuple[int, int]]:
        return when.disputed_foundings(self.atlas)  # read on first use: only an as-of date needs it

    def matrix(self, flt: Filters) -> Matrix:
        with _no_gc():
            return self._matrix(flt)

    def _matrix(self, flt: Filters) -> Matrix:
        if self._by_forum is None and flt == Filters(row_sort=flt.row_sort, column_sort=flt.column_sort,
                                                     descending=flt.descending) and "count" not in (
                flt.row_sort, flt.column_sort):  # the whole matrix by name or date: no cell needs reading yet
            column_keys = self._founding_order() if flt.column_sort == "founded" else self._forum_name_order
            columns = self._sorted(self.with_cells, flt.column_sort, column_keys, flt.descending, dict)
            return Matrix(rows=self._sorted(self._in_cells, flt.row_sort, self._order, flt.descending, dict),
                          columns=columns, cells=Cells(_ForumsOnDemand(self, self.with_cells)), whole=True)
        out = Matrix()
        forums = self.forums
        # Only forums with cells can make a column; each filter is one pass over those left by the last.
        # the read cells' own id strings once read: a lookup that finds the very object skips comparing its text
        with_cells: Collection[str] = self.with_cells if self._by_forum is None else self._by_forum
        shown = list(with_cells) if flt.forums is None else [f for f in flt.forums if f in with_cells]
        if flt.delegations:  # and the forums where only delegations sit
            shown += [f for f in self.delegations_by_forum
                      if f not in with_cells and (flt.forums is None or f in flt.forums)]
        for wanted, attribute in ((flt.tracks, "track"), (flt.kinds, "kind"), (flt.statuses, "status")):
            if wanted:
                shown = [f for f in shown if getattr(forums[f], attribute) in wanted]
        if flt.as_of is not None:
            states = when.states_at(forums.values(), flt.as_of, self.founding_disputes)
            shown = [f for f in shown if states[f] in (when.EXISTS, when.UNCERTAIN)]
            out.uncertain_forums = {f for f in shown if states[f] == when.UNCERTAIN}
        own = self._forum_cells(shown)
        sources = [own, self.delegations_by_forum] if flt.delegations else [own]
        people = flt.participants
        cells: dict[str, dict[tuple[str, str], tuple[Entry, ...]]] = {}
        if not people and flt.as_of is None:  # the common case: whole forums, shared rather than copied
            cells = {f: own[f] for f in shown if f in own}
            sources = sources[1:]
            out.whole = not sources
        for source in sources:
            for fid in shown:
                for key, entries in source.get(fid, {}).items():
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
                    if not entries:
                        continue
                    here = cells.get(fid)
                    if here is None or here is own.get(fid):  # the data's own: copied before a delegation joins
                        here = cells[fid] = dict(here or {})
                    # a delegation's entries come after the roles, as DELEGATE ranks last
                    here[key] = here[key] + entries if key in here else entries
        out.cells = Cells(cells)
        rows = set(map(itemgetter(0), out.cells))
        out.rows = self._sorted(rows, flt.row_sort, self._order, flt.descending,
                                lambda: Counter(map(itemgetter(0), out.cells)))
        column_keys = self._founding_order() if flt.column_sort == "founded" else self._forum_name_order
        out.columns = self._sorted(cells, flt.column_sort, column_keys, flt.descending,
                                   lambda: {f: len(held) for f, held in cells.items()})
        return out

    def _forum_cells(self, fids: Collection[str]) -> Mapping[str, dict[tuple[str, str], tuple[Entry, ...]]]:
        """The cells of ``fids``: those forums read one by one while they are few, else every membership."""
        if self._by_forum is None and len(fids) + len(self._read_forums) <= READ_ALL_AFTER:
            return _ForumsOnDemand(self, fids)
        return self.by_forum

    def forums_of(self, pid: str) -> set[str]:
        """The forums where ``pid`` has a cell (a role), asked through the participant index."""
        return {fid for (fid,) in self.atlas.connection.execute(
            "SELECT DISTINCT forum_id FROM membership WHERE participant_id = ?", (pid,))}

    @staticmethod
    def _sorted(ids: Collection[str], how: str, order: dict[str, int], descending: bool,
                counts: Callable[[], Mapping[str, int]]) -> list[str]:
        """``ids`` in ``order`` (every id, in its order), or by their ``counts()`` (a mapping) and then name."""
        if how == "count":  # the most first, ties by name
            n = counts()
            return sorted(ids, key=lambda i: (-n[i], order[i]) if not descending else (n[i], order[i]))
        kept = [i for i in order if i in ids]  # picked from the order made once: quicker than sorting them
        return kept[::-1] if descending else kept

    def roles_used(self, m: Matrix) -> set[str]:
        """The roles in the matrix's cells (DELEGATE among them), for its legend."""
        role = attrgetter("role")
        if m.whole and len(m.columns) == len(self.with_cells):  # every forum: the roles of all, asked once
            if self._all_roles is None:
                self._all_roles = frozenset(r for (r,) in self.atlas.connection.execute(
                    "SELECT DISTINCT role FROM membership"))
            return set(self._all_roles)
        if m.whole and self._by_forum is not None:  # whole forums: their roles, gathered once for each
            if self._forum_roles is None:
                self._forum_roles = {fid: frozenset(map(role, chain.from_iterable(cells.values())))
                                     for fid, cells in self.by_forum.items()}
            return set().union(*map(self._forum_roles.__getitem__, m.columns))
        return set(map(role, chain.from_iterable(m.cells.values())))

    def participant_set(self, fid: str) -> frozenset[str]:
        """The participants a forum counts as members (a founding state counts; model/roles.py)."""
        if fid not in self._members_of:
            self._members_of[fid] = frozenset(
                pid for (pid, _), entries in self.forum_cells(fid).items()
                if any(roles.counts_as_member(e.role, self.participants[pid].kind) for e in entries))
        return self._members_of[fid]

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
