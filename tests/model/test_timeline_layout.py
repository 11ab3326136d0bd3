"""The timeline's layout maths, without Qt: scale, lanes, lifespans, clustering, ticks, hit-testing."""

from __future__ import annotations

import math
import random
from datetime import date

import pytest

from model.dates import PartialDate
from model.records import EventRow, ForumRow
from model.timeline_axis import Scale, tick_unit, ticks
from model.timeline_layout import Markers, Metrics, TimelineData, lifespan, symbol_of
from model.timeline_viewport import Viewport, frame_for

D = date.toordinal


def day(text: str) -> int:
    return D(date.fromisoformat(text))


def forum(fid, founded=None, ended=None, status="active", parent=None, name=None) -> ForumRow:
    return ForumRow(fid, name or fid.upper(), None, "dialogue", "1", "asia-pacific", status,
                    PartialDate.parse(founded) if founded else None, PartialDate.parse(ended) if ended else None,
                    parent)


def event(eid, when, forums=(), kind="meeting", end=None, title=None) -> EventRow:
    pd = PartialDate.parse(when)
    last = PartialDate.parse(end) if end else pd
    return EventRow(eid, title or eid, kind, pd, last if end else None, "Somewhere", None, None, tuple(forums),
                    pd.start.toordinal(), last.end.toordinal())


def small_data() -> TimelineData:
    groups = [
        ("Track 1", [forum("arf", "1994"), forum("asean", "1967-08-08"), forum("arf-isg", "1996", parent="arf")]),
        ("Track 2", [forum("cscap", "1993", status="active"), forum("nearsf", "1998", status="proposed"),
                     forum("old", "1950", "1960", status="defunct")]),
    ]
    events = [
        event("crisis-1", "1994-06", kind="crisis"),
        event("arf-1", "1994-07-25", ["arf"]),
        event("arf-2", "1995-08-01", ["arf"]),
        event("isg-1", "1996-01-18", ["arf-isg", "arf"]),
        event("asean-1", "1967-08-08", ["asean"], kind="founding"),
        event("old-1", "1955", ["old"]),
    ]
    return TimelineData(groups, events, [("cold-war", "Cold War", day("1947-01-01"), day("1991-12-31"))], "1999-06")


# -- scale ---------------------------------------------------------------------------------------------
def test_scale_maps_days_to_x_and_back():
    sc = Scale(origin=200, width=1000, left=day("1990-01-01"), px_per_day=2.0)
    assert sc.x(day("1990-01-01")) == 200
    assert sc.x(day("1990-01-11")) == 220
    assert sc.day(220) == day("1990-01-11")
    assert sc.right == pytest.approx(day("1990-01-01") + 500)


@pytest.mark.parametrize("factor", [1.25, 0.5, 3.0, 1 / 7])
@pytest.mark.parametrize("at", [200.0, 333.3, 1199.0])
def test_zoom_keeps_the_day_under_the_cursor(factor, at):
    sc = Scale(origin=200, width=1000, left=day("1990-01-01"), px_per_day=0.5)
    before = sc.day(at)
    sc.zoom(factor, at)
    assert sc.day(at) == pytest.approx(before, abs=1e-6)
    assert sc.px_per_day == pytest.approx(0.5 * factor)


def test_zoom_is_clamped():
    sc = Scale(origin=0, width=1000, left=day("1990-01-01"), px_per_day=1.0, max_px_per_day=80)
    for _ in range(50):
        sc.zoom(2.0, 500)
    assert sc.px_per_day == 80


def test_pan_and_fit():
    sc = Scale(origin=100, width=1000, left=day("1990-01-01"), px_per_day=1.0)
    sc.pan(100)  # content moves right: the view goes back 100 days
    assert sc.left == day("1990-01-01") - 100
    lo, hi = day("1994-01-01"), day("1994-12-31")
    sc.fit(lo, hi, margin=20)
    assert sc.x(lo) == pytest.approx(120)
    assert sc.x(hi + 1) == pytest.approx(1080)


# -- lanes and lifespans -------------------------------------------------------------------------------
def test_lanes_context_first_then_groups_in_tree_order():
    data = small_data()
    kinds = [(lane.kind, lane.key, lane.depth) for lane in data.lanes]
    assert kinds == [("context", "context", 0),
                     ("header", "Track 1", 0), ("forum", "arf", 0), ("forum", "arf-isg", 1), ("forum", "asean", 0),
                     ("header", "Track 2", 0), ("forum", "cscap", 0), ("forum", "nearsf", 0), ("forum", "old", 0)]
    tops = [lane.top for lane in data.lanes]
    assert tops == sorted(tops)
    assert data.height == data.lanes[-1].bottom
    # an event of two forums sits in both lanes
    assert data.lanes_of_event("isg-1") == [2, 3]
    assert data.lanes_of_event("crisis-1") == [0]


def test_visible_forums_filter_drops_lanes_and_empty_groups():
    data = small_data()
    data.set_visible({"cscap"})
    assert [lane.key for lane in data.lanes] == ["context", "Track 2", "cscap"]
    assert data.lanes_of_event("arf-1") == []
    data.set_visible(None)
    assert len(data.lanes) == 9


def test_lifespans_are_drawn_honestly():
    as_of = day("1999-06-30")
    # founded "in 1994": the first year is uncertain; active: runs to the source's date
    bar = lifespan(forum("a", "1994"), Markers(), as_of)
    assert (bar.lo, bar.lo_sure, bar.hi, bar.style) == (day("1994-01-01"), day("1994-12-31"), as_of, "active")
    # "early 1994" spans its part of the year; "about" is soft
    bar = lifespan(forum("b", "about early 1994"), Markers(), as_of)
    assert (bar.lo, bar.lo_sure, bar.soft_lo) == (day("1994-01-01"), day("1994-04-30"), True)
    # an exact day is a point
    bar = lifespan(forum("c", "1994-07-25"), Markers(), as_of)
    assert bar.lo == bar.lo_sure == day("1994-07-25")
    # defunct with an end date
    bar = lifespan(forum("d", "1950", "1960-06", status="defunct"), Markers(), as_of)
    assert (bar.hi_sure, bar.hi, bar.soft_hi) == (day("1960-06-01"), day("1960-06-30"), False)
    # defunct without an end date: to its last event, fading out
    t = Markers([event("e1", "1971-03-02", ["e"])])
    bar = lifespan(forum("e", "1970", status="defunct"), t, as_of)
    assert (bar.hi, bar.soft_hi) == (day("1971-03-02"), True)
    # no founding date: from the first event, fading in
    bar = lifespan(forum("f"), t, as_of)
    assert (bar.lo, bar.soft_lo) == (day("1971-03-02"), True)
    # a proposal is a stub at its date; nothing known at all: no bar
    assert lifespan(forum("g", "1998", status="proposed"), Markers(), as_of).style == "proposed"
    assert lifespan(forum("h"), Markers(), as_of) is None


def test_symbols_per_kind():
    assert {symbol_of(k) for k in ("declaration", "agreement")} == {"agreement"}
    assert symbol_of("speech") == symbol_of("other") == "other"
    assert len({symbol_of(k) for k in ("founding", "meeting", "proposal", "agreement", "dissolution",
                                       "crisis", "other")}) == 7


# -- clustering ----------------------------------------------------------------------------------------
def dense_data(n: int, lanes: int = 1, seed: int = 7) -> TimelineData:
    rnd = random.Random(seed)
    lo, hi = day("1950-01-01"), day("1999-06-30")
    forums = [forum(f"f{k}", "1950") for k in range(lanes)]
    shown = PartialDate.parse("1950-01-01")  # rows are built directly (fast): only lo/hi matter here
    events = []
    for k in range(n):
        d = rnd.randint(lo, hi)
        events.append(EventRow(f"e{k}", f"e{k}", "meeting", shown, None, None, None, None, (f"f{k % lanes}",), d, d))
    return TimelineData([("G", forums)], events, (), "1999-06")


def test_far_zoom_merges_into_badges_and_close_zoom_splits_them():
    data = dense_data(400)
    view = Viewport(data, 1200, 400)
    view.fit_all()
    lane = data.lanes[1]
    far = view.clusters(lane)
    assert sum(c.count for c in far) >= 390  # nearly all in view; counted once each
    assert any(c.count > 1 for c in far)
    assert max(c.count for c in far) >= 3
    # zoom in on a badge: its events come apart
    badge = max(far, key=lambda c: c.count)
    view.fit_days(lane.markers.los[badge.i], lane.markers.his[badge.j - 1])
    assert view.scale.px_per_day > 10 * (1200 - 200) / (data.bounds()[1] - data.bounds()[0])
    near = view.clusters(lane)
    ids_in_view = [lane.markers.ids[k] for c in near for k in range(c.i, c.j)]
    assert set(lane.markers.ids[badge.i:badge.j]) <= set(ids_in_view)
    assert max(c.count for c in near) < badge.count
    assert sum(c.count == 1 for c in near) > len(near) // 2  # mostly single markers now


def test_drawn_clusters_never_overlap():
    data = dense_data(3000, seed=3)
    view = Viewport(data, 1600, 500)
    lane = data.lanes[1]
    for ppd in (0.02, 0.1, 0.5, 2.0, 10.0):
        view.scale.px_per_day = ppd
        view.scale.center_on(day("1980-01-01"))
        out = view.clusters(lane)
        for a, b in zip(out, out[1:], strict=False):
            assert a.x + a.half <= b.x - b.half + 1e-6, (ppd, a, b)
        assert sum(c.count for c in out) == len({k for c in out for k in range(c.i, c.j)})


def test_clusters_are_stable_while_panning():
    data = dense_data(2000, seed=5)
    view = Viewport(data, 1600, 500)
    view.scale.px_per_day = 0.3
    view.scale.center_on(day("1975-01-01"))
    lane = data.lanes[1]
    before = {(c.cell, c.i, c.j) for c in view.clusters(lane)}
    view.scale.pan(-137.3)
    after = {(c.cell, c.i, c.j) for c in view.clusters(lane)}
    shared = before & after
    assert len(shared) > 0.8 * min(len(before), len(after))
    # every cluster present in both views is identical (no reshuffling at the edges)
    cells_before = {c for c, _, _ in before}
    cells_after = {c for c, _, _ in after}
    for cell in cells_before & cells_after:
        assert {x for x in before if x[0] == cell} == {x for x in after if x[0] == cell}


class CountingList(list):
    """A list that counts element reads, to prove the work follows what is visible."""

    reads = 0

    def __getitem__(self, k):
        CountingList.reads += 1
        return list.__getitem__(self, k)


def test_cost_depends_on_what_is_visible_not_dataset_size():
    """Element reads are bounded by (markers and badges drawn) x log n, never by n."""
    for n in (2_000, 200_000):
        data = dense_data(n, seed=11)
        view = Viewport(data, 1600, 500)
        lane = data.lanes[1]
        lane.markers.centers = CountingList(lane.markers.centers)
        bound = 2 * math.log2(n) + 4
        for ppd in (40.0, 2.0, 0.05, None):  # a few weeks, a couple of years, decades, everything
            if ppd is None:
                view.fit_all()
            else:
                view.scale.px_per_day = ppd
                view.scale.center_on(day("1985-06-15"))
            CountingList.reads = 0
            out = view.clusters(lane)
            view.spans(lane, view.plot_left, view.width)
            assert CountingList.reads <= bound * (len(out) + 2), (n, ppd, CountingList.reads, len(out))
            assert len(out) <= view.plot_width / view.m.cell + 5  # and a cell beyond each edge
            if n > 100_000:
                assert CountingList.reads < n / 50


# -- ticks ---------------------------------------------------------------------------------------------------
def test_ticks_follow_the_zoom():
    lo, hi = day("1860-01-01"), day("2000-01-01")
    assert tick_unit(1400 / (hi - lo)) == ("year", 10)  # the whole period: decades
    major, minor = ticks(lo, hi, 1400 / (hi - lo))
    assert [t.label for t in major[:3]] == ["1860", "1870", "1880"]
    assert all(date.fromordinal(t.day).year % 10 == 0 for t in major)
    assert minor and all(date.fromordinal(t.day).month == 1 for t in minor)
    ppd = 1400 / (10 * 365.25)  # the 1990s: years
    assert tick_unit(ppd) == ("year", 1)
    major, _ = ticks(day("1990-01-01"), day("2000-01-01"), ppd)
    assert [t.label for t in major][:3] == ["1990", "1991", "1992"]
    ppd = 1400 / 730  # 1997-98: months, the year on January
    unit = tick_unit(ppd)
    assert unit[0] == "month"
    major, _ = ticks(day("1997-01-01"), day("1998-12-31"), ppd)
    labels = [t.label for t in major]
    assert labels[0] == "1997" and "1998" in labels and ("Apr" in labels or "Jul" in labels)
    assert [t for t in major if t.label == "1998"][0].strong
    ppd = 60.0  # days
    assert tick_unit(ppd)[0] == "day"
    major, _ = ticks(day("1997-02-27"), day("1997-03-05"), ppd)
    assert "Mar 1997" in [t.label for t in major]
    assert "3" in [t.label for t in major]


def test_tick_labels_never_crowd():
    for ppd in (0.005, 0.03, 0.2, 1, 3, 10, 40, 80):
        major, _ = ticks(day("1990-01-01"), day("1990-01-01") + 1400 / ppd, ppd, 74)
        xs = [t.day * ppd for t in major]
        gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
        assert not gaps or min(gaps) >= 74 * 0.85, ppd  # months vary in length


# -- viewport: hit-testing, revealing, fitting ------------------------------------------------------------
def test_hit_testing_finds_markers_lanes_and_headers():
    data = small_data()
    view = Viewport(data, 1200, 400)
    view.fit_days(day("1994-01-01"), day("1996-12-31"))
    x, y = view.marker_pos("arf-2", data.lanes_of["arf"][0])
    assert view.hit(x, y).kind == "event" and view.hit(x, y).id == "arf-2"
    assert view.hit(x + 1.5, y - 2).id == "arf-2"
    # the same lane away from any marker: the forum
    far = view.hit(view.plot_left + 3, y)
    assert (far.kind, far.id) == ("forum", "arf")
    # the gutter label also hits the forum
    assert view.hit(20, y).id == "arf"
    # a header, the axis, the context lane
    assert view.hit(600, view.lane_center(1)).kind == "header"
    assert view.hit(600, 5).kind == "axis"
    cx, cy = view.marker_pos("crisis-1")
    assert view.hit(cx, cy).id == "crisis-1"


def test_reveal_scrolls_a_lane_into_view():
    groups = [("G", [forum(f"f{k:03d}", "1990") for k in range(200)])]
    data = TimelineData(groups, [event("late", "1995-05-05", ["f180"])], (), "1999-06")
    view = Viewport(data, 1000, 400)
    view.fit_all()
    index = data.lanes_of["f180"][0]
    assert view.lane_y(index) > view.plot_bottom
    assert view.reveal("f180")
    assert view.plot_top <= view.lane_y(index) and view.lane_y(index) + data.lanes[index].height <= view.plot_bottom
    view.scroll_to(0)
    view.fit_days(day("1960-01-01"), day("1961-01-01"))
    assert view.reveal("late")
    x, y = view.marker_pos("late")
    assert view.plot_left <= x <= view.width and view.plot_top <= y <= view.plot_bottom
    assert not view.reveal("nothing-like-this")


def test_fit_record_and_frame_for_cover_their_ranges():
    data = small_data()
    view = Viewport(data, 1200, 400)
    assert view.fit_record("arf")
    lo, hi = data.record_range("arf")
    assert view.scale.left <= lo and view.scale.right >= hi
    assert view.scale.right - view.scale.left < 2 * (day("1999-07-01") - day("1994-01-01"))
    frame = frame_for(data, 2000)
    a, b = data.bounds()
    assert frame.scale.left <= a and frame.scale.right >= b
    assert frame.height == Metrics().axis + data.height + Metrics().legend
    assert frame_for(data, 2000, legend_rows=2).plot_bottom == frame.plot_bottom  # a taller legend below
    assert list(frame.visible_lanes()) == list(range(len(data.lanes)))
    part = frame_for(data, 2000, day("1994-01-01"), day("1995-12-31"))
    assert part.scale.left <= day("1994-01-01") and part.scale.right >= day("1995-12-31")
    assert part.scale.right - part.scale.left < 800


def test_reveal_keeps_a_visible_second_lane_of_the_same_record():
    groups = [("A", [forum(f"a{k}", "1990") for k in range(40)]), ("B", [forum("b", "1990")])]
    data = TimelineData(groups, [event("both", "1995-05-05", ["a0", "b"])], (), "1999-06")
    view = Viewport(data, 1000, 300)
    view.fit_all()
    view.reveal("b")  # scroll down to the lane of b
    scroll = view.scroll
    assert scroll > 0
    assert view.reveal("both")  # the event is in view in b's lane: nothing moves
    assert view.scroll == scroll
    view.scroll_to(data.lanes[data.lanes_of["a20"][0]].top)
    view.reveal("both")  # neither lane in view: the first one is shown
    index = data.lanes_of["a0"][0]
    assert view.plot_top <= view.lane_y(index) <= view.plot_bottom


def test_default_range_is_the_dense_part_and_fit_all_still_shows_everything():
    groups = [("T", [forum("old", "1900", "1910", status="defunct"), forum("new", "1990")])]
    events = [event(f"o{k}", f"{1900 + k}", ["old"]) for k in range(3)]
    events += [event(f"n{k}", f"199{k % 9}-0{k % 9 + 1}-15", ["new"]) for k in range(40)]
    data = TimelineData(groups, events, (), "1999-06")
    lo, hi = data.default_range()
    a, b = data.bounds()
    assert date.fromordinal(lo) == date(1989, 1, 1) and date.fromordinal(hi) == date(2000, 12, 31)
    assert a < lo and b < hi  # the as-of date with a margin
    view = Viewport(data, 1000, 300)
    view.fit_default()
    assert view.scale.left <= lo and view.scale.right >= hi
    assert view.scale.right - view.scale.left < (b - a) / 5
    view.fit_all()
    assert view.scale.left <= a and view.scale.right >= b
    # few events: the default is everything
    assert small_data().default_range() == small_data().bounds()


def test_sub_body_labels_drop_the_parent_name_or_acronym():
    parent = ForumRow("ftp", "Four-Party Talks", None, "dialogue", "1", "asia-pacific", "active",
                      PartialDate.parse("1997"), None, None)
    arf = ForumRow("arf", "ASEAN Regional Forum", "ARF", "dialogue", "1", "asia-pacific", "active",
                   PartialDate.parse("1994"), None, None)
    subs = [forum("ftp-1", "1998", parent="ftp", name="Four-Party Talks subcommittee on a peace treaty"),
            forum("arf-som", "1994", parent="arf", name="ARF Senior Officials Meetings"),
            forum("arf-x", "1994", parent="arf", name="ARFA Meeting"),  # ARF is not a whole word here
            forum("ftp-2", "1998", parent="ftp", name="Four-Party Talks")]  # nothing left: unchanged
    data = TimelineData([("T", [parent, arf, *subs])], (), (), "1999-06")
    labels = {lane.key: lane.label for lane in data.lanes if lane.kind == "forum"}
    assert labels["ftp"] == "Four-Party Talks"
    assert labels["ftp-1"] == "Subcommittee on a peace treaty"
    assert labels["arf-som"] == "Senior Officials Meetings"
    assert labels["arf-x"] == "ARFA Meeting"
    assert labels["ftp-2"] == "Four-Party Talks"
    assert labels["arf"] == "ARF \u2014 ASEAN Regional Forum"


def test_reveal_brings_a_forum_into_view_horizontally():
    data = small_data()
    view = Viewport(data, 1200, 400)
    view.fit_days(day("1994-01-01"), day("1999-06-30"))
    ppd = view.scale.px_per_day
    assert view.reveal("arf") and view.scale.px_per_day == ppd  # in view already: nothing moves
    left = view.scale.left
    assert view.reveal("arf-isg") and view.scale.left == left
    assert view.reveal("old")  # 1950-1960 is out of view and longer than it: fitted
    lo, hi = data.record_range("old")
    assert view.scale.left <= lo and view.scale.right >= hi
    view.fit_days(day("1990-01-01"), day("1999-06-30"))
    state = view.scale.state()
    assert view.reveal("asean")  # founded 1967, active: part of its bar is in view, nothing moves
    assert view.scale.state() == state
    data2 = TimelineData([("T", [forum("short", "1960", "1962", status="defunct"), forum("late", "1994")])],
                         (), (), "1999-06")
    view2 = Viewport(data2, 1200, 400)
    view2.fit_days(day("1994-01-01"), day("1999-06-30"))
    ppd = view2.scale.px_per_day
    assert view2.scale.left > day("1963-01-01")
    assert view2.reveal("short")  # fits at this zoom: panned to, zoom kept
    assert view2.scale.px_per_day == ppd
    assert view2.scale.left <= day("1960-01-01") and view2.scale.right >= day("1962-12-31")
