"""The timeline's data: event kinds as marker symbols, sizes, and the lanes built from the atlas. No Qt.

Plain Python, so all of it is testable without a display; the time axis is model/timeline_axis.py, the
viewport (geometry, clustering, hit-testing) model/timeline_viewport.py, and gui/timeline_paint.py draws
what they compute.
"""
from __future__ import annotations

import gc
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from model import vocabulary
from model.as_of import NOT_YET, UNCERTAIN
from model.dates import PartialDate
from model.records import EventRow, ForumRow
from model.timeline_axis import MAX_DAY, MIN_DAY, YEAR_DAYS

# -- event kinds -> marker symbols ---------------------------------------------------------------
SYMBOLS = ("founding", "meeting", "proposal", "agreement", "dissolution", "crisis", "other")
SYMBOL_LABELS = {
    "founding": "Founding", "meeting": "Meeting", "proposal": "Proposal",
    "agreement": "Declaration or agreement", "dissolution": "Dissolution", "crisis": "Crisis",
    "other": "Other (speech, etc.)",
}
KIND_SYMBOL = vocabulary.EVENT_KINDS.labels("symbol")
STATUS_STYLES = ("active", "defunct", "proposed")

def symbol_of(kind: str) -> str:
    return KIND_SYMBOL.get(kind, "other")


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels. One instance is shared by painting and hit-testing."""

    gutter: float = 200.0  # lane labels
    axis: float = 44.0  # era names (top) and tick labels
    era_strip: float = 17.0  # the top part of the axis strip holding era names
    legend: float = 26.0
    lane: float = 22.0
    header: float = 22.0
    context: float = 26.0
    marker: float = 11.0  # marker symbol size
    cell: float = 22.0  # clustering grid: two or more events in one cell of this width merge into a badge
    badge_h: float = 15.0
    bar_h: float = 9.0  # lifespan bar height
    span_h: float = 5.0  # an event's date-span bar height
    stub: float = 36.0  # a proposal's dashed stub, in pixels
    tick_px: float = 74.0  # minimum distance between labelled ticks
    indent: float = 12.0  # gutter indent per sub-body level
    max_px_per_day: float = 80.0

    def badge_width(self, count: int) -> float:
        """A count badge fits inside its cell, so badges never overlap."""
        return min(self.cell - 2.0, 15.0 if count < 10 else 20.0)


def badge_text(count: int) -> str:
    return str(count) if count < 1000 else f"{count // 1000}k"

# -- records the painter reads -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Bar:
    """A forum's lifespan in days. ``lo``..``lo_sure`` and ``hi_sure``..``hi`` are the uncertain ends
    (a founding "in 1994" may be any day of 1994); ``soft_*`` marks approximate or unknown ends."""

    lo: int
    lo_sure: int
    hi_sure: int
    hi: int
    soft_lo: bool = False
    soft_hi: bool = False
    style: str = "active"  # active | defunct | proposed (a dashed stub from lo)


@dataclass(frozen=True, slots=True)
class Era:
    id: str
    name: str
    lo: int
    hi: int


def _approx(pd: PartialDate) -> bool:
    return bool(pd.first.approx or (pd.last is not None and pd.last.approx))


class Markers:
    """The events of one lane, sorted by centre day, as parallel arrays for bisection."""

    __slots__ = ("centers", "los", "his", "ids", "symbols", "soft", "events", "max_half")

    def __init__(self, events: Iterable[EventRow] = ()) -> None:
        rows = sorted(events, key=lambda e: (e.lo + e.hi, e.id))
        self.events = rows
        self.los = los = [e.lo for e in rows]
        self.his = his = [e.hi for e in rows]
        self.centers = [(a + b + 1) / 2 for a, b in zip(los, his, strict=True)]
        self.ids = [e.id for e in rows]
        self.symbols = [KIND_SYMBOL.get(e.kind, "other") for e in rows]
        self.soft = [_approx(e.date) or (e.end is not None and _approx(e.end)) for e in rows]
        self.max_half = max((b + 1 - a for a, b in zip(los, his, strict=True)), default=0) / 2

    def __len__(self) -> int:
        return len(self.ids)


NO_MARKERS = Markers()


@dataclass(eq=False)
class Lane:
    kind: str  # context | header | forum
    key: str  # forum id; group label for a header; "context"
    label: str
    top: float = 0.0  # in content coordinates (0 = top of the first lane)
    height: float = 22.0
    depth: int = 0  # sub-body nesting level
    forum: ForumRow | None = None
    bar: Bar | None = None
    markers: Markers = NO_MARKERS
    group: int = -1  # index of its group

    @property
    def bottom(self) -> float:
        return self.top + self.height

# -- building lanes from the data ----------------------------------------------------------------
def _day_of(value: PartialDate | str | int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    pd = value if isinstance(value, PartialDate) else PartialDate.parse(str(value))
    return pd.end.toordinal()


@lru_cache(maxsize=65536)
def _days(pd: PartialDate) -> tuple[int, int, bool, bool]:
    """(first day, last day, approximate, exact day) of a partial date; dates repeat, so cached."""
    return pd.start.toordinal(), pd.end.toordinal(), pd.approximate, pd.is_point


def lifespan(forum: ForumRow, markers: Markers, as_of_day: int | None, cut: bool = False) -> Bar | None:
    """The bar of a forum: founded to ended, to ``as_of`` when active, a stub when proposed.

    ``cut``: the atlas as it stood at ``as_of``: a forum that ended after it was alive then, and runs to it."""
    founded, ended = forum.founded, forum.ended
    alive_then = cut and as_of_day is not None and forum.status != "proposed" \
        and (ended is None or ended.start.toordinal() > as_of_day)
    if alive_then:
        ended = None
    first = min(markers.los) if len(markers) else None
    last = max(markers.his) if len(markers) else None
    if founded is not None:
        lo, lo_sure, soft_lo, point = _days(founded)
        if point:
            lo_sure = lo
    elif first is not None:
        lo = lo_sure = first
        soft_lo = True  # the founding date is unknown: the bar fades in at the first event
    else:
        return None
    style = "active" if alive_then else forum.status if forum.status in STATUS_STYLES else "active"
    if style == "proposed":
        return Bar(lo, lo, lo, lo, soft_lo, False, "proposed")
    if ended is not None:
        hi_sure, hi, soft_hi, point = _days(ended)
        if point:
            hi_sure = hi
    elif style == "active" and as_of_day is not None:
        hi_sure = hi = max(as_of_day, lo)
        soft_hi = False
    else:  # defunct with no end date, or no as_of: run to its last known event and fade out
        hi = hi_sure = max(last if last is not None else lo_sure, lo_sure)
        soft_hi = True
    hi = max(hi, lo)
    lo_sure = min(max(lo_sure, lo), hi)
    hi_sure = min(max(hi_sure, lo_sure), hi)
    return Bar(lo, lo_sure, hi_sure, hi, soft_lo, soft_hi, style)


@contextmanager
def _no_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _tree_order(forums: Sequence[ForumRow]) -> list[tuple[ForumRow, int]]:
    """Forums in tree order: each sub-body right after its parent (recursively), with its depth."""
    present = {f.id for f in forums}
    children: dict[str, list[ForumRow]] = {}
    roots = []
    for f in forums:
        if f.parent_id and f.parent_id in present and f.parent_id != f.id:
            children.setdefault(f.parent_id, []).append(f)
        else:
            roots.append(f)
    out: list[tuple[ForumRow, int]] = []
    seen: set[str] = set()

    def walk(f: ForumRow, depth: int) -> None:
        if f.id in seen:
            return
        seen.add(f.id)
        out.append((f, depth))
        for c in children.get(f.id, ()):
            walk(c, depth + 1)

    for f in roots:
        walk(f, 0)
    for f in forums:  # a parent cycle leaves forums unreached: keep them, flat
        if f.id not in seen:
            walk(f, 0)
    return out


class TimelineData:
    """Lanes, their event markers and eras for the timeline, built once from the read API's records.

    ``groups`` is ``Atlas.grouped(by)``: ``[(label, [ForumRow])]``; ``events`` is ``Atlas.events()``;
    ``eras`` is ``Atlas.eras()`` (``(id, name, lo, hi)``) and ``as_of`` the source's date ("1999-06"),
    up to which active forums run. Per-forum markers are built here once (O(n log n)); changing the
    visible forums (:meth:`set_visible`) only rebuilds the list of lanes.

    ``states`` (forum id -> its state at ``as_of``, model/as_of.py) shows the atlas as it stood at a month
    the user chose: the forums not yet founded then are left out, and so are the events that began after
    it; the forums whose founding is uncertain then are in ``uncertain`` (their labels marked "?").
    """

    def __init__(self, groups: Sequence[tuple[str, Sequence[ForumRow]]] = (), events: Iterable[EventRow] = (),
                 eras: Iterable[Era | tuple[str, str, int, int]] = (), as_of: PartialDate | str | int | None = None,
                 metrics: Metrics | None = None, states: dict[str, str] | None = None) -> None:
        with _no_gc():  # hundreds of thousands of small objects: the cyclic collector only slows this down
            self._build(groups, events, eras, as_of, metrics, states)

    def _build(self, groups: Sequence[tuple[str, Sequence[ForumRow]]], events: Iterable[EventRow],
               eras: Iterable[Era | tuple[str, str, int, int]], as_of: PartialDate | str | int | None,
               metrics: Metrics | None, states: dict[str, str] | None) -> None:
        self.metrics = metrics or Metrics()
        self.as_of_day = _day_of(as_of)
        self.cut = states is not None and self.as_of_day is not None  # as it stood at a chosen month
        self.uncertain: set[str] = set()
        if states is not None and self.as_of_day is not None:
            day = self.as_of_day
            self.uncertain = {fid for fid, state in states.items() if state == UNCERTAIN}
            groups = [(label, [f for f in forums if states.get(f.id) != NOT_YET]) for label, forums in groups]
            events = (e for e in events if e.lo <= day)
        self.groups = [(label, list(forums)) for label, forums in groups]
        self.eras = sorted((Era(*e) if not isinstance(e, Era) else e for e in eras), key=lambda e: (e.lo, e.hi))
        by_forum: dict[str, list[EventRow]] = {}
        context = []
        self._events: dict[str, EventRow] = {}
        for e in events:
            self._events[e.id] = e
            if not e.forums:
                context.append(e)
            for fid in e.forums:
                by_forum.setdefault(fid, []).append(e)
        self.context = Markers(context)
        forums = {f.id: f for _, fs in self.groups for f in fs}
        self.markers = {fid: Markers(by_forum[fid]) if fid in by_forum else NO_MARKERS for fid in forums}
        self.bars = {fid: lifespan(f, self.markers[fid], self.as_of_day, self.cut) for fid, f in forums.items()}
        self.forums = forums
        self._bounds: tuple[int, int] | None = None
        self.visible: set[str] | None = None
        self.set_visible(None)

    # -- lanes --------------------------------------------------------------------------
    def set_visible(self, ids: set[str] | None) -> None:
        """Show only the lanes of forums in ``ids`` (None: all). Empty groups disappear."""
        with _no_gc():
            self._set_visible(ids)

    def _set_visible(self, ids: set[str] | None) -> None:
        m = self.metrics
        self.visible = set(ids) if ids is not None else None
        lanes: list[Lane] = []
        y = 0.0
        if len(self.context):
            lanes.append(Lane("context", "context", "Context (no forum)", y, m.context, markers=self.context))
            y += m.context
        for g, (label, forums) in enumerate(self.groups):
            shown = [f for f in forums if self.visible is None or f.id in self.visible]
            if not shown:
                continue
            lanes.append(Lane("header", label, label, y, m.header, group=g))
            y += m.header
            bars, markers, lane_h = self.bars, self.markers, m.lane
            for f, depth in _tree_order(shown):
                label = _forum_label(f, self.forums.get(f.parent_id) if depth and f.parent_id else None)
                if f.id in self.uncertain:  # founded perhaps, perhaps not yet, at the as-of month
                    label = "? " + label  # first: the gutter cuts a long label's end
                lanes.append(Lane("forum", f.id, label, y, lane_h, depth, f, bars[f.id], markers[f.id], g))
                y += lane_h
        self.lanes = lanes
        self.tops = [lane.top for lane in lanes]
        self.height = y
        self.lanes_of: dict[str, list[int]] = {}
        for n, lane in enumerate(lanes):
            if lane.kind == "forum":
                self.lanes_of.setdefault(lane.key, []).append(n)

    def lane_at(self, y: float) -> int | None:
        """The index of the lane at content y, or None."""
        if y < 0 or y >= self.height:
            return None
        return bisect_right(self.tops, y) - 1

    def lanes_between(self, y0: float, y1: float) -> range:
        """Indices of the lanes intersecting content y0..y1."""
        a = max(0, bisect_right(self.tops, y0) - 1)
        b = bisect_left(self.tops, y1)
        return range(a, max(a, b))

    # -- records ----------------------------------------------------------------------------
    def event(self, eid: str) -> EventRow | None:
        return self._events.get(eid)

    def lanes_of_event(self, eid: str) -> list[int]:
        e = self._events.get(eid)
        if e is None:
            return []
        if not e.forums:
            return [0] if self.lanes and self.lanes[0].kind == "context" else []
        out: list[int] = []
        for fid in e.forums:
            out.extend(self.lanes_of.get(fid, ()))
        return sorted(out)

    def index_in(self, lane: Lane, eid: str) -> int | None:
        """Position of event ``eid`` in ``lane``'s markers (bisection on its centre), or None."""
        e = self._events.get(eid)
        if e is None:
            return None
        t = lane.markers
        c = (e.lo + e.hi + 1) / 2
        k = bisect_left(t.centers, c)
        while k < len(t) and t.centers[k] == c:
            if t.ids[k] == eid:
                return k
            k += 1
        return None

    def bounds(self) -> tuple[int, int]:
        """First and last day of everything drawn (all forums and events, and as_of)."""
        if self._bounds is None:
            self._bounds = self._compute_bounds()
        return self._bounds

    def _compute_bounds(self) -> tuple[int, int]:
        los, his = [], []
        for bar in self.bars.values():
            if bar is not None:
                los.append(bar.lo)
                his.append(bar.hi)
        for t in (self.context, *self.markers.values()):
            if len(t):
                los.append(t.los[0] if t.max_half == 0 else min(t.los[0], int(t.centers[0] - t.max_half)))
                his.append(t.his[-1] if t.max_half == 0 else max(t.his[-1], int(t.centers[-1] + t.max_half)))
        if self.as_of_day is not None:
            his.append(self.as_of_day)
        if self.cut and los and self.as_of_day is not None:  # as it stood then: an event running past it stops there
            return min(los), max(min(max(his), self.as_of_day), min(los))
        if not los:
            if self.as_of_day is not None:
                return self.as_of_day - 3650, self.as_of_day
            today = date.today().toordinal()
            return today - 3650, today
        return min(los), max(his)

    def default_range(self, share: float = 0.8) -> tuple[int, int]:
        """The days a first view opens on: the densest part of the data, not all of it.

        The shortest window holding ``share`` of the events (by centre day), stretched to the
        source's as-of date, padded by a tenth of its length (at least a year) either side and
        widened to whole years. The bounds when that holds them all, or for fewer than ten events.
        """
        lo, hi = self.bounds()
        centers = sorted((e.lo + e.hi + 1) / 2 for e in self._events.values())
        n = len(centers)
        if n < 10:
            return lo, hi
        k = max(1, math.ceil(n * share))
        start = min(range(n - k + 1), key=lambda i: centers[i + k - 1] - centers[i])
        a, b = centers[start], centers[start + k - 1]
        if self.as_of_day is not None:
            a, b = min(a, self.as_of_day), max(b, self.as_of_day)
        pad = max(YEAR_DAYS, (b - a) / 10)
        first = date.fromordinal(max(MIN_DAY, int(a - pad))).year
        # as it stood at a month: a year past it, not a tenth of the span of empty future
        last = date.fromordinal(min(MAX_DAY, int(b + (YEAR_DAYS if self.cut else pad)))).year
        a, b = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
        return (lo, hi) if a <= lo and b >= hi else (a, b)

    def record_range(self, rid: str) -> tuple[int, int] | None:
        """Days a record covers: a forum's lifespan and events, or an event's dates."""
        if rid in self.forums:
            bar, t = self.bars.get(rid), self.markers[rid]
            los = ([bar.lo] if bar else []) + ([t.los[0]] if len(t) else [])
            his = ([bar.hi] if bar else []) + ([max(t.his)] if len(t) else [])
            if bar is not None and bar.style == "proposed":
                his.append(bar.lo + 365)
            return (min(los), max(his)) if los else None
        e = self._events.get(rid)
        return (e.lo, e.hi) if e is not None else None


def _forum_label(f: ForumRow, parent: ForumRow | None = None) -> str:
    """"ACR \u2014 Name" for the gutter. Under its ``parent``, a sub-body's name loses a leading
    parent name or acronym ("Four-Party Talks subcommittee on X" -> "Subcommittee on X"); the
    tooltip keeps the full name."""
    name = f.name
    if parent is not None:
        name = _without_prefix(name, (parent.name, parent.acronym))
    return f"{f.acronym} \u2014 {name}" if f.acronym and f.acronym != name else name


def _without_prefix(name: str, prefixes: Iterable[str | None]) -> str:
    """``name`` without the longest of ``prefixes`` it starts with (case-insensitive, whole words),
    and without the punctuation after it; unchanged when nothing (or nothing but the prefix) is left."""
    for prefix in sorted((q for q in prefixes if q), key=len, reverse=True):
        if len(name) > len(prefix) and name[:len(prefix)].casefold() == prefix.casefold() \
                and not name[len(prefix)].isalnum():
            rest = name[len(prefix):].lstrip(" :,\u2013\u2014-")
            if rest:
                return rest[0].upper() + rest[1:]
    return name
