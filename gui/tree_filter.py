"""The forum tree's nodes and its filter, in plain Python (no Qt), so that a keystroke costs what it shows.

``TreeFilter`` holds the whole tree's forums flat, in the tree's order, with their lowercase names and acronyms
read once; ``apply`` gives the pruned tree the filters let through (``Shown``), with each group's count, and a
text that extends the last one narrows the last result rather than the whole list; ``steps`` does the same a chunk
of rows at a time. The item model (gui/forum_tree.py) shows a ``Shown`` after one reset: Qt asks no row whether it
passes.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TypeVar

from model import records as r

AWAY = r.AWAY  # roles that mean staying out: model/roles.py
CHUNK = 20_000  # rows a filter's word is looked for in before it pauses (``TreeFilter.steps``): about 1 ms
SHOWN_CHUNK = 5_000  # rows placed in the pruned tree before it pauses: about 3 ms
T = TypeVar("T")


@dataclass(eq=False)
class Node:
    kind: str  # "root" | "group" | "forum"
    id: str | None = None
    label: str = ""
    acronym: str = ""
    year: str = ""
    roles: tuple[str, ...] = ()
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0  # its row in the whole tree
    text: str = ""  # lowercase name, acronym and Japanese names, for the filter (filter_text)

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child

    @property
    def away(self) -> bool:
        return bool(self.roles) and all(role in AWAY for role in self.roles)


def build_tree(groups: list[tuple[str, list[r.ForumRow]]], roles: dict[str, dict[str, list[str]]] | None = None,
               group_ids: list[str] | None = None, year: Callable[[r.ForumRow], str] = attrgetter("year"),
               names_ja: dict[str, tuple[str, ...]] | None = None) -> Node:
    """Groups of forums as a node tree; a sub-body nests under its parent when both are in the group.

    ``roles`` (participant grouping) maps a group's participant id to forum id -> roles there; ``year`` gives
    the founding-year column's text (the window's in its own language); ``names_ja``, the Japanese names the
    text filter also finds (the Japanese window's).
    """
    ja = names_ja or {}
    root = Node("root")
    for n, (label, forums) in enumerate(groups):
        group = root.add(Node("group", label=label))
        held = (roles or {}).get(group_ids[n], {}) if group_ids else {}
        here = {f.id for f in forums}
        nodes: dict[str, Node] = {}
        placed, cycle = _placing(forums)
        for i in placed:
            f = forums[i]
            owner = nodes.get(f.parent_id, group) if f.parent_id in here else group  # type: ignore[arg-type]
            nodes[f.id] = owner.add(Node("forum", f.id, f.name, f.acronym or "", year(f), tuple(held.get(f.id, ())),
                                         text=filter_text(f.name, f.acronym, ja.get(f.id, ()))))
        for i in cycle:  # a parent cycle: placed flat rather than looped over
            f = forums[i]
            nodes[f.id] = group.add(Node("forum", f.id, f.name, f.acronym or "", year(f),
                                         text=filter_text(f.name, f.acronym, ja.get(f.id, ()))))
    return root


_UNKNOWN, _ON_CHAIN, _NEVER = -3, -2, -1


def _placing(forums: list[r.ForumRow]) -> tuple[list[int], list[int]]:
    """The order to place a group's forums in, parents before their sub-bodies, and those in a parent cycle.

    The order of placing the list again and again, each time those whose parent is placed: a forum goes in the
    round of its parent when the parent comes before it in the list, the round after when after (worked out by
    following each parent chain once; placing by rounds took a quadratic time, minutes at a thousand times the
    data)."""
    where = {f.id: i for i, f in enumerate(forums)}
    if not any(f.parent_id in where for f in forums):  # most groups: no sub-body under its parent here
        return list(range(len(forums))), []
    rounds = [_UNKNOWN] * len(forums)
    for start in range(len(forums)):
        chain, i = [], start
        while rounds[i] == _UNKNOWN:
            rounds[i] = _ON_CHAIN
            chain.append(i)
            up = where.get(forums[i].parent_id)  # type: ignore[arg-type]
            if up is None:
                rounds[i] = 0
                chain.pop()
                break
            i = up
        for i in reversed(chain):  # from the top of the chain down: each one's parent is known by then
            up = where[forums[i].parent_id]  # type: ignore[index]
            above = rounds[up]
            rounds[i] = _NEVER if above in (_NEVER, _ON_CHAIN) else above + (up > i)
    placed = sorted((i for i, n in enumerate(rounds) if n >= 0), key=lambda i: (rounds[i], i))
    return placed, [i for i, n in enumerate(rounds) if n == _NEVER]


def filter_text(name: str, acronym: str | None, names_ja: tuple[str, ...] = ()) -> str:
    """A forum's words for the text filter, lowercase: its name, its acronym and any Japanese names (in the
    Japanese window a typed 朝鮮 finds KEDO, as the search box and Ctrl+K do)."""
    return " ".join((name, acronym or "", *names_ja)).lower()


def matches_text(text: str, words: str) -> bool:
    """Whether ``text`` (a forum's lowercase name and acronym) holds every word of the text filter."""
    return all(word in text for word in words.lower().split())


@dataclass
class Shown:
    """What the tree shows: each shown node's shown children (the root's are the groups), each shown node's row
    under its parent, and each group's count of the forums it shows, absences not counted."""

    root: Node
    children: dict[Node, list[Node]] = field(default_factory=dict)
    rows: dict[Node, int] = field(default_factory=dict)
    counts: dict[Node, int] = field(default_factory=dict)


class TreeFilter:
    """The filters over one whole tree. A forum shows when it passes them all, or when one of its sub-bodies
    does (as its parent); a group shows when it shows a forum."""

    def __init__(self, root: Node):
        self.root = root
        self.nodes: list[Node] = []  # every forum node, parents before their sub-bodies, in the tree's order
        up: list[int] = []  # the place in ``nodes`` of each one's parent forum, -1 under a group
        group: list[int] = []  # the row of each one's group
        place: dict[Node, int] = {}  # of the forums with sub-bodies
        for g, top in enumerate(root.children):
            if not any(node.children for node in top.children):  # most groups: a plain list
                self.nodes += top.children
                up += [-1] * len(top.children)
                group += [g] * len(top.children)
                continue
            stack = list(reversed(top.children))
            while stack:
                node = stack.pop()
                if node.children:
                    place[node] = len(self.nodes)
                    stack.extend(reversed(node.children))
                self.nodes.append(node)
                up.append(place[node.parent] if node.parent is not top else -1)  # type: ignore[index]
                group.append(g)
        self.up, self.group = up, group
        self.texts = [n.text for n in self.nodes]
        self.ids = [n.id for n in self.nodes]
        self.own_away = [n.away if n.roles else None for n in self.nodes]  # None: the filter's roles say
        self.places: dict[str, list[int]] = {}  # forum id -> its places (one per group it is in)
        for i, fid in enumerate(self.ids):
            self.places.setdefault(fid, []).append(i)
        self._base: tuple[object, object, list[int]] | None = None  # allowed, existing, what passes both
        self._last: tuple[str, list[int], list[int]] | None = None  # text, its base, what passed

    def passing(self, text: str = "", allowed: set[str] | None = None,
                existing: set[str] | None = None) -> list[int]:
        """The places of the forums that pass the filters, in order; ``text`` is lowercase and stripped."""
        return _finish(self._passing(text, allowed, existing))

    def _passing(self, text: str, allowed: set[str] | None,
                 existing: set[str] | None) -> Generator[None, None, list[int]]:
        """``passing``, a chunk of rows at a time (see ``steps``)."""
        if self._base is None or self._base[0] is not allowed or self._base[1] is not existing:
            rows: list[int] | range = range(len(self.nodes))
            ids = self.ids
            for within in (allowed, existing):
                if within is not None:
                    kept: list[int] = []
                    for lo in range(0, len(rows), CHUNK):
                        kept += [i for i in rows[lo:lo + CHUNK] if ids[i] in within]
                        yield
                    rows = kept
            self._base = allowed, existing, list(rows)
        base = rows = self._base[2]
        if self._last is not None and self._last[1] is base and text.startswith(self._last[0]):
            rows = self._last[2]  # a letter typed on: what the longer words match, the shorter ones matched
        texts = self.texts
        for word in text.split():
            kept = []
            for lo in range(0, len(rows), CHUNK):
                kept += [i for i in rows[lo:lo + CHUNK] if word in texts[i]]
                yield
            rows = kept
        self._last = text, base, rows
        return rows

    def apply(self, text: str = "", allowed: set[str] | None = None, existing: set[str] | None = None,
              away: set[str] | frozenset[str] = frozenset()) -> Shown:
        """The pruned tree; ``away`` holds the forums whose roles (of the filtered participant) are all absences,
        for the counts (a node's own roles, in the participant grouping, come first)."""
        return _finish(self.steps(text, allowed, existing, away))

    def steps(self, text: str = "", allowed: set[str] | None = None, existing: set[str] | None = None,
              away: set[str] | frozenset[str] = frozenset()) -> Generator[None, None, Shown]:
        """``apply`` as a generator that pauses after each chunk of rows and returns the ``Shown``: the pane runs it
        for a few milliseconds at a time, so that a keystroke over a million forums does not hold the window."""
        nodes, up, group, ids, own_away = self.nodes, self.up, self.group, self.ids, self.own_away
        groups = self.root.children
        children: dict[Node, list[Node]] = {}
        rows: dict[Node, int] = {}
        counts = [0] * len(groups)
        shown = bytearray(len(nodes))
        passing = yield from self._passing(text, allowed, existing)
        for n, i in enumerate(passing):
            if n % SHOWN_CHUNK == SHOWN_CHUNK - 1:
                yield
            j = up[i]
            chain = [i]
            while j >= 0 and not shown[j]:  # a parent shown for its sub-body: before it, as in the tree
                chain.append(j)
                j = up[j]
            for k in reversed(chain):
                shown[k] = 1
                node = nodes[k]
                kids = children.get(node.parent)
                if kids is None:
                    kids = children[node.parent] = []  # type: ignore[index]
                rows[node] = len(kids)
                kids.append(node)
                own = own_away[k]
                if not (ids[k] in away if own is None else own):
                    counts[group[k]] += 1
        top = [g for g in groups if g in children]
        children[self.root] = top
        for n, g in enumerate(top):
            rows[g] = n
        return Shown(self.root, children, rows, {g: counts[g.row] for g in top})


def _finish(job: Generator[None, None, T]) -> T:
    """Run a job of ``TreeFilter`` to its end: its value."""
    while True:
        try:
            next(job)
        except StopIteration as done:
            return done.value
