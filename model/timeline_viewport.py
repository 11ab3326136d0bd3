"""The timeline's viewport: the painted surface's geometry, clustering of markers and hit-testing. No Qt.

A :class:`Viewport` splits a surface (the widget, or an export image) into a label gutter on the left, an axis
strip at the top, a legend strip at the bottom and the plot in between; lanes stack vertically in the plot and
scroll. Cost: each lane keeps its events sorted by centre day, so the events in view are found by bisection, and
clustering jumps from cluster to cluster by bisection too: the work is proportional to what is drawn.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from model.timeline_axis import Scale, Tick, ticks
from model.timeline_layout import Era, Lane, Metrics, TimelineData


@dataclass(slots=True)
class Cluster:
    """Events ``i``..``j-1`` of a lane's markers, in grid cell ``cell``: a marker (one event) or a badge."""

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
class Hit:
    kind: str  # event | cluster | forum | header | context | axis | none
    id: str | None = None  # event or forum id
    lane: int | None = None
    lo: int | None = None  # a cluster's day range
    hi: int | None = None
    count: int = 0


NO_HIT = Hit("none")

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
        self._ticks: tuple[tuple[float, float, float], tuple[list[Tick], list[Tick]]] | None = None
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
        t = lane.markers
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
        t = lane.markers
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
        lanes, e = data.lanes_of_event(rid), data.event(rid)
        if lanes and e is not None:
            self._reveal_lane(lanes)
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
                t = lane.markers
                if best.count == 1:
                    return Hit("event", t.ids[best.i], index, t.los[best.i], t.his[best.i], 1)
                return Hit("cluster", None, index, min(t.los[best.i:best.j]) if best.count < 64 else
                           int(t.centers[best.i]), max(t.his[best.i:best.j]) if best.count < 64 else
                           int(t.centers[best.j - 1]) + 1, best.count)
        if abs(y - cy) <= m.span_h / 2 + 2:  # on an event's date-span bar
            t = lane.markers
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
            cx = self.scale.x(lane.markers.centers[k])
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
