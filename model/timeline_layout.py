"""The timeline's layout maths: day <-> x scale, lanes, clustering, axis ticks and hit-testing.

Plain Python, no Qt, so all of it is testable without a display. ``gui/timeline.py`` only draws
what this module computes.

Coordinates are pixels of the surface being painted (the widget, or an export image). A
:class:`Viewport` splits that surface into a label gutter on the left, an axis strip at the top, a
legend strip at the bottom and the plot in between; lanes stack vertically in the plot and scroll.
Days are proleptic Gregorian ordinals (``date.toordinal()``), as ``EventRow.lo``/``hi`` are; a day
``d`` occupies ``[x(d), x(d + 1))``.

Cost: nothing here that runs per paint walks the whole dataset. Each lane keeps its events sorted
by centre day, so the events in view are found by bisection, and clustering jumps from cluster to
cluster by bisection too: the work is proportional to the number of markers and badges drawn.
"""

from __future__ import annotations

import calendar
import gc
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from model.dates import PartialDate

# -- event kinds -> marker symbols ---------------------------------------------------------------
SYMBOLS = ("founding", "meeting", "proposal", "agreement", "dissolution", "crisis", "other")
SYMBOL_LABELS = {
    "founding": "Founding", "meeting": "Meeting", "proposal": "Proposal",
    "agreement": "Declaration or agreement", "dissolution": "Dissolution", "crisis": "Crisis",
    "other": "Other (speech, etc.)",
}
KIND_SYMBOL = {
    "founding": "founding", "meeting": "meeting", "proposal": "proposal", "declaration": "agreement",
    "agreement": "agreement", "dissolution": "dissolution", "crisis": "crisis", "speech": "other",
    "other": "other",
}
STATUS_STYLES = ("active", "defunct", "proposed")

MIN_DAY = date(1000, 1, 1).toordinal()
MAX_DAY = date(9000, 12, 31).toordinal()
YEAR_DAYS = 365.2425
MONTH_ABBR = [calendar.month_abbr[m] for m in range(13)]


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


# -- the scale -----------------------------------------------------------------------------------
class Scale:
    """Maps days to x: ``x = origin + (day - left) * px_per_day``; zoom and pan change left/px_per_day."""

    def __init__(self, origin: float = 0.0, width: float = 1000.0, left: float = 0.0, px_per_day: float = 1.0,
                 min_px_per_day: float = 1e-4, max_px_per_day: float = 80.0):
        self.origin = float(origin)
        self.width = max(1.0, float(width))
        self.left = float(left)
        self.px_per_day = float(px_per_day)
        self.min_px_per_day = min_px_per_day
        self.max_px_per_day = max_px_per_day
        self.bounds: tuple[float, float] | None = None  # the view's centre is kept inside these days

    # mapping
    def x(self, day: float) -> float:
        return self.origin + (day - self.left) * self.px_per_day

    def day(self, x: float) -> float:
        return self.left + (x - self.origin) / self.px_per_day

    @property
    def right(self) -> float:
        """The day at the right edge of the plot."""
        return self.left + self.width / self.px_per_day

    @property
    def span(self) -> float:
        return self.width / self.px_per_day

    # changes
    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Multiply px_per_day by ``factor`` keeping the day under ``at_x`` (default: the centre) in place."""
        at_x = self.origin + self.width / 2 if at_x is None else at_x
        anchor = self.day(at_x)
        self.px_per_day = min(self.max_px_per_day, max(self.min_px_per_day, self.px_per_day * factor))
        self.left = anchor - (at_x - self.origin) / self.px_per_day
        self._clamp()

    def pan(self, dx: float) -> None:
        """Move the content ``dx`` pixels to the right (so the view moves back in time for dx > 0)."""
        self.left -= dx / self.px_per_day
        self._clamp()

    def fit(self, lo: float, hi: float, margin: float = 24.0) -> None:
        """Show the days ``lo``..``hi`` (inclusive) across the plot, with ``margin`` pixels either side."""
        lo, hi = min(lo, hi), max(lo, hi)
        days = max(1.0, hi + 1 - lo)
        usable = max(1.0, self.width - 2 * margin)
        self.px_per_day = min(self.max_px_per_day, max(self.min_px_per_day, usable / days))
        centre = (lo + hi + 1) / 2
        self.left = centre - self.width / 2 / self.px_per_day
        self._clamp()

    def center_on(self, day: float) -> None:
        self.left = day - self.span / 2
        self._clamp()

    def resize(self, origin: float, width: float) -> None:
        """New plot geometry; the left day and the zoom stay."""
        self.origin = float(origin)
        self.width = max(1.0, float(width))
        self._clamp()

    def _clamp(self) -> None:
        lo, hi = self.bounds or (MIN_DAY, MAX_DAY)
        lo, hi = max(lo, MIN_DAY), min(hi, MAX_DAY)
        # never show more than the whole range of dates can hold
        self.px_per_day = max(self.px_per_day, self.width / (MAX_DAY - MIN_DAY))
        centre = self.left + self.span / 2
        if centre < lo:
            self.left = lo - self.span / 2
        elif centre > hi:
            self.left = hi - self.span / 2
        self.left = max(self.left, MIN_DAY)
        if self.right > MAX_DAY:
            self.left = MAX_DAY - self.span

    def state(self) -> tuple[float, float]:
        return (self.left, self.px_per_day)


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


def _approx(pd) -> bool:
    return bool(pd.first.approx or (pd.last is not None and pd.last.approx))


class Track:
    """The events of one lane, sorted by centre day, as parallel arrays for bisection."""

    __slots__ = ("centers", "los", "his", "ids", "symbols", "soft", "events", "max_half")

    def __init__(self, events: Iterable = ()):
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


EMPTY_TRACK = Track()


@dataclass(eq=False)
class Lane:
    kind: str  # context | header | forum
    key: str  # forum id; group label for a header; "context"
    label: str
    top: float = 0.0  # in content coordinates (0 = top of the first lane)
    height: float = 22.0
    depth: int = 0  # sub-body nesting level
    forum: object | None = None  # ForumRow
    bar: Bar | None = None
    track: Track = EMPTY_TRACK
    group: int = -1  # index of its group

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(slots=True)
class Cluster:
    """Events ``i``..``j-1`` of a lane's track, in grid cell ``cell``: a marker (one event) or a badge."""

    i: int
    j: int
    x: float  # centre of the marker or badge
    x0: float  # the cell's left edge
    x1: float  # the cell's right edge
    half: float  # half the drawn width
    cell: int = 0  # index of the grid cell (absolute, so stable while panning)
    room: float = math.inf  # a single marker's free pixels to the right, up to the next cluster (for labels)

    @property
    def count(self) -> int:
        return self.j - self.i


@dataclass(frozen=True, slots=True)
class Tick:
    day: int
    label: str
    major: bool = True  # labelled
    strong: bool = False  # a year boundary at month or day zoom


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # event | cluster | forum | header | context | axis | none
    id: str | None = None  # event or forum id
    lane: int | None = None
    lo: int | None = None  # a cluster's day range
    hi: int | None = None
    count: int = 0


NO_HIT = Hit("none")


# -- building lanes from the data ----------------------------------------------------------------
def _day_of(value) -> int | None:
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


def lifespan(forum, track: Track, as_of_day: int | None) -> Bar | None:
    """The bar of a forum: founded to ended, to ``as_of`` when active, a stub when proposed."""
    founded, ended = forum.founded, forum.ended
    first = min(track.los) if len(track) else None
    last = max(track.his) if len(track) else None
    if founded is not None:
        lo, lo_sure, soft_lo, point = _days(founded)
        if point:
            lo_sure = lo
    elif first is not None:
        lo = lo_sure = first
        soft_lo = True  # the founding date is unknown: the bar fades in at the first event
    else:
        return None
    style = forum.status if forum.status in STATUS_STYLES else "active"
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
def _no_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _tree_order(forums: Sequence) -> list[tuple[object, int]]:
    """Forums in tree order: each sub-body right after its parent (recursively), with its depth."""
    present = {f.id for f in forums}
    children: dict[str, list] = {}
    roots = []
    for f in forums:
        if f.parent_id and f.parent_id in present and f.parent_id != f.id:
            children.setdefault(f.parent_id, []).append(f)
        else:
            roots.append(f)
    out: list[tuple[object, int]] = []
    seen: set[str] = set()

    def walk(f, depth: int) -> None:
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
    """Lanes, tracks and eras for the timeline, built once from the read API's records.

    ``groups`` is ``Atlas.grouped(by)``: ``[(label, [ForumRow])]``; ``events`` is ``Atlas.events()``;
    ``eras`` is ``Atlas.eras()`` (``(id, name, lo, hi)``) and ``as_of`` the source's date ("1999-06"),
    up to which active forums run. Per-forum tracks are built here once (O(n log n)); changing the
    visible forums (:meth:`set_visible`) only rebuilds the list of lanes.
    """

    def __init__(self, groups: Sequence[tuple[str, Sequence]] = (), events: Iterable = (),
                 eras: Iterable = (), as_of=None, metrics: Metrics | None = None):
        with _no_gc():  # hundreds of thousands of small objects: the cyclic collector only slows this down
            self._build(groups, events, eras, as_of, metrics)

    def _build(self, groups, events, eras, as_of, metrics) -> None:
        self.metrics = metrics or Metrics()
        self.groups = [(label, list(forums)) for label, forums in groups]
        self.as_of_day = _day_of(as_of)
        self.eras = sorted((Era(*e) if not isinstance(e, Era) else e for e in eras), key=lambda e: (e.lo, e.hi))
        by_forum: dict[str, list] = {}
        context = []
        self._events: dict[str, object] = {}
        for e in events:
            self._events[e.id] = e
            if not e.forums:
                context.append(e)
            for fid in e.forums:
                by_forum.setdefault(fid, []).append(e)
        self.context = Track(context)
        forums = {f.id: f for _, fs in self.groups for f in fs}
        self.tracks = {fid: Track(by_forum[fid]) if fid in by_forum else EMPTY_TRACK for fid in forums}
        self.bars = {fid: lifespan(f, self.tracks[fid], self.as_of_day) for fid, f in forums.items()}
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
            lanes.append(Lane("context", "context", "Context (no forum)", y, m.context, track=self.context))
            y += m.context
        for g, (label, forums) in enumerate(self.groups):
            shown = [f for f in forums if self.visible is None or f.id in self.visible]
            if not shown:
                continue
            lanes.append(Lane("header", label, label, y, m.header, group=g))
            y += m.header
            bars, tracks, lane_h = self.bars, self.tracks, m.lane
            for f, depth in _tree_order(shown):
                label = _forum_label(f, self.forums.get(f.parent_id) if depth else None)
                lanes.append(Lane("forum", f.id, label, y, lane_h, depth, f, bars[f.id], tracks[f.id], g))
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
    def event(self, eid: str):
        return self._events.get(eid)

    def lanes_of_event(self, eid: str) -> list[int]:
        e = self._events.get(eid)
        if e is None:
            return []
        if not e.forums:
            return [0] if self.lanes and self.lanes[0].kind == "context" else []
        out = []
        for fid in e.forums:
            out.extend(self.lanes_of.get(fid, ()))
        return sorted(out)

    def index_in(self, lane: Lane, eid: str) -> int | None:
        """Position of event ``eid`` in ``lane``'s track (bisection on its centre), or None."""
        e = self._events.get(eid)
        if e is None:
            return None
        t = lane.track
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
        for t in (self.context, *self.tracks.values()):
            if len(t):
                los.append(t.los[0] if t.max_half == 0 else min(t.los[0], int(t.centers[0] - t.max_half)))
                his.append(t.his[-1] if t.max_half == 0 else max(t.his[-1], int(t.centers[-1] + t.max_half)))
        if self.as_of_day is not None:
            his.append(self.as_of_day)
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
        last = date.fromordinal(min(MAX_DAY, int(b + pad))).year
        a, b = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
        return (lo, hi) if a <= lo and b >= hi else (a, b)

    def record_range(self, rid: str) -> tuple[int, int] | None:
        """Days a record covers: a forum's lifespan and events, or an event's dates."""
        if rid in self.forums:
            bar, t = self.bars.get(rid), self.tracks[rid]
            los = ([bar.lo] if bar else []) + ([t.los[0]] if len(t) else [])
            his = ([bar.hi] if bar else []) + ([max(t.his)] if len(t) else [])
            if bar is not None and bar.style == "proposed":
                his.append(bar.lo + 365)
            return (min(los), max(his)) if los else None
        e = self._events.get(rid)
        return (e.lo, e.hi) if e is not None else None


def _forum_label(f, parent=None) -> str:
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


# -- axis ticks ------------------------------------------------------------------------------------
# (unit, step) from coarse to fine
_STEPS = [("year", 500), ("year", 200), ("year", 100), ("year", 50), ("year", 20), ("year", 10), ("year", 5),
          ("year", 2), ("year", 1), ("month", 6), ("month", 3), ("month", 1), ("day", 10), ("day", 5),
          ("day", 2), ("day", 1)]
_DAY_SETS = {10: (1, 11, 21), 5: (1, 6, 11, 16, 21, 26), 2: tuple(range(1, 30, 2)), 1: tuple(range(1, 32))}


def _step_days(unit: str, n: int) -> float:
    return {"year": YEAR_DAYS, "month": YEAR_DAYS / 12, "day": 1.0}[unit] * n


def tick_step(px_per_day: float, min_px: float) -> int:
    """Index into the step table of the finest step whose ticks are at least ``min_px`` apart."""
    best = 0
    for k, (unit, n) in enumerate(_STEPS):
        if _step_days(unit, n) * px_per_day >= min_px:
            best = k
        else:
            break
    return best


def _ticks_for(unit: str, n: int, lo: float, hi: float, labelled: bool) -> list[Tick]:
    lo_i = max(MIN_DAY, int(math.floor(lo)))
    hi_i = min(MAX_DAY, int(math.ceil(hi)))
    a, b = date.fromordinal(lo_i), date.fromordinal(hi_i)
    out: list[Tick] = []
    if unit == "year":
        y = (a.year // n) * n
        while y <= b.year:
            if y >= 1:
                d = date(y, 1, 1).toordinal()
                if lo_i <= d <= hi_i:
                    label = str(y) if labelled else ""
                    out.append(Tick(d, label, labelled))
            y += n
    elif unit == "month":
        k = ((a.year * 12 + a.month - 1) // n) * n
        while True:
            y, m = divmod(k, 12)
            m += 1
            d = date(y, m, 1).toordinal()
            if d > hi_i:
                break
            if d >= lo_i:
                label = (str(y) if m == 1 else MONTH_ABBR[m]) if labelled else ""
                out.append(Tick(d, label, labelled, m == 1 and labelled))
            k += n
    else:
        y, m = a.year, a.month
        days = _DAY_SETS[n]
        while True:
            last = calendar.monthrange(y, m)[1]
            first = date(y, m, 1).toordinal()
            if first > hi_i:
                break
            for dd in days:
                if dd > last:
                    break
                d = first + dd - 1
                if lo_i <= d <= hi_i:
                    if not labelled:
                        label = ""
                    elif dd == 1:
                        label = f"{MONTH_ABBR[m]} {y}"
                    else:
                        label = str(dd)
                    out.append(Tick(d, label, labelled, dd == 1 and m == 1 and labelled))
            m += 1
            if m == 13:
                y, m = y + 1, 1
    return out


def ticks(lo: float, hi: float, px_per_day: float, min_px: float = 74.0) -> tuple[list[Tick], list[Tick]]:
    """Labelled (major) and unlabelled (minor) ticks for the days lo..hi at this zoom.

    The major step is the finest of decades/years/months/days whose ticks are ``min_px`` apart;
    the minor step is the finest one that divides it with ticks at least 8 px apart.
    """
    k = tick_step(px_per_day, min_px)
    unit, n = _STEPS[k]
    major = _ticks_for(unit, n, lo, hi, True)
    minor: list[Tick] = []
    for unit2, n2 in reversed(_STEPS[k + 1:]):  # the finest step that divides the major one, >= 8 px apart
        if _step_days(unit2, n2) * px_per_day < 8:
            continue
        if unit2 != unit or n % n2 == 0:
            taken = {t.day for t in major}
            minor = [t for t in _ticks_for(unit2, n2, lo, hi, False) if t.day not in taken]
            break
    return major, minor


def tick_unit(px_per_day: float, min_px: float = 74.0) -> tuple[str, int]:
    """The (unit, step) of the labelled ticks at this zoom, e.g. ('year', 10) for decades."""
    return _STEPS[tick_step(px_per_day, min_px)]


# -- the viewport: geometry, clustering, hit-testing ------------------------------------------------
class Viewport:
    """A surface of ``width`` x ``height`` pixels showing ``data``: scale, vertical scroll and geometry."""

    def __init__(self, data: TimelineData, width: float = 800, height: float = 400,
                 metrics: Metrics | None = None):
        self.data = data
        self.m = metrics or data.metrics
        self.width, self.height = float(width), float(height)
        self.scroll = 0.0
        self.legend_rows = 1  # the legend strip is this many times ``m.legend`` high (it wraps)
        self._ticks: tuple | None = None
        self.scale = Scale(self.m.gutter, self.plot_width, max_px_per_day=self.m.max_px_per_day)
        self.set_data(data)

    # -- geometry ------------------------------------------------------------------------
    @property
    def plot_left(self) -> float:
        return self.m.gutter

    @property
    def plot_top(self) -> float:
        return self.m.axis

    @property
    def plot_bottom(self) -> float:
        return max(self.plot_top, self.height - self.legend_height)

    @property
    def legend_height(self) -> float:
        return self.m.legend * self.legend_rows

    @property
    def plot_width(self) -> float:
        return max(1.0, self.width - self.m.gutter)

    @property
    def plot_height(self) -> float:
        return self.plot_bottom - self.plot_top

    @property
    def max_scroll(self) -> float:
        return max(0.0, self.data.height - self.plot_height)

    def set_data(self, data: TimelineData) -> None:
        self.data = data
        lo, hi = data.bounds()
        span = max(hi - lo, 365)
        self.scale.bounds = (lo - span * 0.5, hi + span * 0.5)
        # zoomed fully out, the whole range takes at least a third of the plot
        self.scale.min_px_per_day = self.plot_width / (span * 3)
        self.scroll = min(self.scroll, self.max_scroll)
        self.scale._clamp()

    def resize(self, width: float, height: float) -> None:
        self.width, self.height = float(width), float(height)
        self.scale.resize(self.plot_left, self.plot_width)
        self.set_data(self.data)

    def lane_y(self, index: int) -> float:
        """Top y of lane ``index`` on the surface."""
        return self.plot_top + self.data.lanes[index].top - self.scroll

    def lane_center(self, index: int) -> float:
        lane = self.data.lanes[index]
        return self.plot_top + lane.top - self.scroll + lane.height / 2

    def visible_lanes(self, y0: float | None = None, y1: float | None = None) -> range:
        """Indices of lanes intersecting surface rows y0..y1 (default: the plot)."""
        y0 = self.plot_top if y0 is None else max(y0, self.plot_top)
        y1 = self.plot_bottom if y1 is None else min(y1, self.plot_bottom)
        if y1 <= y0:
            return range(0)
        return self.data.lanes_between(y0 - self.plot_top + self.scroll, y1 - self.plot_top + self.scroll)

    def scroll_to(self, y: float) -> None:
        self.scroll = min(self.max_scroll, max(0.0, float(y)))

    def scroll_by(self, dy: float) -> None:
        self.scroll_to(self.scroll + dy)

    # -- clustering ------------------------------------------------------------------------
    def clusters(self, lane: Lane, x0: float | None = None, x1: float | None = None) -> list[Cluster]:
        """The markers and count badges of ``lane`` between surface x0..x1 (default: the plot).

        Time is cut into a grid of cells ``cell`` pixels wide, anchored at day 0 so that panning
        never reshuffles them. A cell holding one event draws its marker at the event's centre day
        (nudged inside the cell when a neighbouring cell is occupied, so markers never overlap);
        a cell holding more draws a count badge that fits inside the cell. Zooming in shrinks the
        cells in days, which splits the badges. Each cell costs one bisection: the work is
        O(cells drawn x log n), whatever the number of events.
        """
        t = lane.track
        n = len(t)
        if not n:
            return []
        sc, m = self.scale, self.m
        x0 = self.plot_left if x0 is None else x0
        x1 = self.plot_left + self.plot_width if x1 is None else x1
        ppd = sc.px_per_day
        width = m.cell
        wd = width / ppd  # a cell, in days
        left, origin = sc.left, sc.origin
        d_hi = sc.day(x1) + wd
        centers = t.centers
        i = bisect_left(centers, math.floor((sc.day(x0) - wd) / wd) * wd)
        out: list[Cluster] = []
        append = out.append
        half_marker = m.marker / 2
        half_cell = width / 2
        small_half, big_half = m.badge_width(2) / 2, m.badge_width(10) / 2
        floor = math.floor
        singles = []
        while i < n:
            c = centers[i]
            if c > d_hi:
                break
            k = floor(c / wd)
            end = (k + 1) * wd
            j = i + 1
            if j < n and centers[j] < end:
                j = bisect_left(centers, end, j + 1, n)
            cx0 = origin + (k * wd - left) * ppd
            if j - i == 1:
                singles.append(len(out))
                append(Cluster(i, j, origin + (c - left) * ppd, cx0, cx0 + width, half_marker, k))
            else:
                append(Cluster(i, j, cx0 + half_cell, cx0, cx0 + width, small_half if j - i < 10 else big_half, k))
            i = j
        # nudge single markers away from an occupied neighbouring cell; measure their room for labels
        lo_in, hi_in = half_marker + 1, width - half_marker - 1
        last = len(out) - 1
        for q in singles:
            cl = out[q]
            if q > 0 and out[q - 1].cell == cl.cell - 1 and cl.x < cl.x0 + lo_in:
                cl.x = cl.x0 + lo_in
            if q < last:
                nxt = out[q + 1]
                if nxt.cell == cl.cell + 1 and cl.x > cl.x0 + hi_in:
                    cl.x = cl.x0 + hi_in
                nx = nxt.x if nxt.j - nxt.i > 1 else max(nxt.x, nxt.x0 + lo_in) if nxt.cell == cl.cell + 1 else nxt.x
                cl.room = (nx - nxt.half) - (cl.x + cl.half)
        return out

    def spans(self, lane: Lane, x0: float, x1: float, limit: int = 12) -> list[int]:
        """Indices of events whose date span reaches into x0..x1 although their centre lies outside
        it (a year-precision event seen at month zoom); at most ``limit`` on each side."""
        t = lane.track
        if not len(t) or t.max_half * self.scale.px_per_day < 2:
            return []
        sc = self.scale
        d0, d1 = sc.day(x0), sc.day(x1)
        out = []
        a = bisect_left(t.centers, d0 - t.max_half)
        b = bisect_left(t.centers, d0, a)
        for k in range(max(a, b - limit), b):
            if t.his[k] + 1 > d0:
                out.append(k)
        c = bisect_right(t.centers, d1)
        e = bisect_right(t.centers, d1 + t.max_half, c)
        for k in range(c, min(e, c + limit)):
            if t.los[k] < d1:
                out.append(k)
        return out

    # -- ticks --------------------------------------------------------------------------------
    def ticks(self) -> tuple[list[Tick], list[Tick]]:
        """The axis ticks for the current view (memoised: painting asks for them twice)."""
        sc = self.scale
        key = (sc.left, sc.px_per_day, sc.width)
        if self._ticks is None or self._ticks[0] != key:
            self._ticks = (key, ticks(sc.left, sc.right, sc.px_per_day, self.m.tick_px))
        return self._ticks[1]

    def era_at(self, x: float) -> Era | None:
        """The era band under surface x, if any (for the axis strip's tooltip)."""
        d = self.scale.day(x)
        for era in self.data.eras:
            if era.lo <= d < era.hi + 1:
                return era
        return None

    # -- fitting and revealing ---------------------------------------------------------------
    def fit_all(self) -> None:
        lo, hi = self.data.bounds()
        self.scale.fit(lo, hi, margin=16)
        self.scroll_to(0)

    def fit_default(self) -> None:
        """The first view: the densest part of the data (:meth:`TimelineData.default_range`)."""
        lo, hi = self.data.default_range()
        self.scale.fit(lo, hi, margin=16)
        self.scroll_to(0)

    def fit_days(self, lo: int, hi: int) -> None:
        self.scale.fit(lo, hi, margin=40)

    def fit_record(self, rid: str) -> bool:
        """Zoom to a forum's lifespan and events, or to an event (with a month either side)."""
        span = self.data.record_range(rid)
        if span is None:
            return False
        lo, hi = span
        if rid not in self.data.forums:
            lo, hi = lo - 30, hi + 30
        self.fit_days(lo, hi)
        self.reveal(rid)
        return True

    def reveal(self, rid: str) -> bool:
        """Scroll lanes, and pan if needed, so that forum or event ``rid`` is in view. False if unknown."""
        data = self.data
        if rid in data.lanes_of:
            self._reveal_lane(data.lanes_of[rid])
            span = data.record_range(rid)
            if span is not None:
                self._reveal_days(*span)
            return True
        lanes = data.lanes_of_event(rid)
        if lanes:
            self._reveal_lane(lanes)
            e = data.event(rid)
            c = (e.lo + e.hi + 1) / 2
            margin = 30 / self.scale.px_per_day
            if not (self.scale.left + margin <= c <= self.scale.right - margin):
                self.scale.center_on(c)
            return True
        return False

    def _reveal_days(self, lo: int, hi: int) -> None:
        """Bring a forum's days into view unless some of them (30 px, or all) already are: at the
        same zoom when they fit, else zoomed to them."""
        sc = self.scale
        shown = min(sc.right, hi + 1) - max(sc.left, lo)
        if shown * sc.px_per_day >= min(30.0, (hi + 1 - lo) * sc.px_per_day):
            return
        if (hi + 1 - lo) * sc.px_per_day <= self.plot_width - 80:
            sc.center_on((lo + hi + 1) / 2)
        else:
            self.fit_days(lo, hi)

    def _reveal_lane(self, indices: list[int]) -> None:
        """Scroll so that one of these lanes (a record may have several) is in view; none moves
        if one already is, so a click on a marker in its second lane never jumps to the first."""
        lanes = [self.data.lanes[k] for k in indices]
        if any(self.scroll <= lane.top and lane.bottom <= self.scroll + self.plot_height for lane in lanes):
            return
        lane = lanes[0]
        self.scroll_to(lane.top - (self.plot_height - lane.height) / 2)

    # -- hit-testing -----------------------------------------------------------------------------
    def hit(self, x: float, y: float) -> Hit:
        """What is at surface point (x, y): an event marker, a count badge, a forum lane, ..."""
        if y < self.plot_top:
            return Hit("axis")
        if y >= self.plot_bottom or x < 0 or x > self.width:
            return NO_HIT
        index = self.data.lane_at(y - self.plot_top + self.scroll)
        if index is None:
            return NO_HIT
        lane = self.data.lanes[index]
        if lane.kind == "header":
            return Hit("header", lane.key, index)
        forum_hit = Hit("forum", lane.key, index) if lane.kind == "forum" else Hit("context", None, index)
        if x < self.plot_left:
            return forum_hit
        cy = self.lane_center(index)
        m = self.m
        if abs(y - cy) <= max(m.marker, m.badge_h) / 2 + 3:
            best, best_d = None, math.inf
            for c in self.clusters(lane, x - 2 * m.cell, x + 2 * m.cell):
                d = abs(c.x - x)
                if d <= c.half + 3 and d < best_d:
                    best, best_d = c, d
            if best is not None:
                t = lane.track
                if best.count == 1:
                    return Hit("event", t.ids[best.i], index, t.los[best.i], t.his[best.i], 1)
                return Hit("cluster", None, index, min(t.los[best.i:best.j]) if best.count < 64 else
                           int(t.centers[best.i]), max(t.his[best.i:best.j]) if best.count < 64 else
                           int(t.centers[best.j - 1]) + 1, best.count)
        if abs(y - cy) <= m.span_h / 2 + 2:  # on an event's date-span bar
            t = lane.track
            d = self.scale.day(x)
            a = bisect_left(t.centers, d - t.max_half)
            b = bisect_right(t.centers, d + t.max_half)
            inside = [k for k in range(a, min(b, a + 64)) if t.los[k] <= d < t.his[k] + 1]
            if inside:
                k = min(inside, key=lambda k: t.his[k] - t.los[k])
                return Hit("event", t.ids[k], index, t.los[k], t.his[k], 1)
        return forum_hit

    def marker_pos(self, eid: str, lane_index: int | None = None) -> tuple[float, float] | None:
        """Surface position where event ``eid`` is drawn (its marker, or its badge if merged)."""
        lanes = [lane_index] if lane_index is not None else self.data.lanes_of_event(eid)
        for index in lanes:
            lane = self.data.lanes[index]
            k = self.data.index_in(lane, eid)
            if k is None:
                continue
            cx = self.scale.x(lane.track.centers[k])
            for c in self.clusters(lane, cx - 1, cx + 1):
                if c.i <= k < c.j:
                    return c.x, self.lane_center(index)
        return None


def frame_for(data: TimelineData, width: float, lo: int | None = None, hi: int | None = None,
              metrics: Metrics | None = None, legend_rows: int = 1) -> Viewport:
    """A viewport showing every lane and the days lo..hi (default: everything), for export and print;
    its legend strip is ``legend_rows`` rows high."""
    m = metrics or data.metrics
    view = Viewport(data, width, m.axis + data.height + m.legend * legend_rows, m)
    view.legend_rows = legend_rows
    a, b = data.bounds()
    lo = a if lo is None else lo
    hi = b if hi is None else hi
    view.scale.bounds = (min(lo, hi), max(lo, hi))
    view.scale.min_px_per_day = 1e-6
    view.scale.fit(lo, hi, margin=16)
    return view


__all__ = [
    "SYMBOLS", "SYMBOL_LABELS", "KIND_SYMBOL", "Metrics", "Scale", "Bar", "Era", "Track", "Lane", "Cluster",
    "Tick", "Hit", "TimelineData", "Viewport", "ticks", "tick_unit", "lifespan", "symbol_of", "frame_for",
    "badge_text",
]
