"""The timeline widget, driven with real input: wheel, drag, keys, clicks, Shift-drag; and its exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from gui.timeline import TimelineWidget
from gui.timeline_marks import SYMBOL_COLORS
from model.dates import PartialDate
from model.records import EventRow, ForumRow
from model.timeline_viewport import frame_for

D = date.toordinal


def day(text: str) -> int:
    return D(date.fromisoformat(text))


@pytest.fixture
def timeline(qtbot, atlas):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 480)
    w.set_atlas(atlas)
    w.show()
    qtbot.waitExposed(w)
    return w


def synthetic_rows(per_forum: int = 300, forums: int = 3):
    """Dense, known data: forums founded in 1960 with events spread over 1960-1999."""
    rows = [ForumRow(f"f{k}", f"Forum {k}", f"F{k}", "dialogue", "1", "asia-pacific", "active",
                     PartialDate.parse("1960"), None, None) for k in range(forums)]
    events = []
    lo, hi = day("1960-01-01"), day("1999-06-30")
    for k in range(forums):
        for n in range(per_forum):
            d = date.fromordinal(lo + (n * 7919 + k * 131) % (hi - lo))
            pd = PartialDate.parse(d.isoformat())
            events.append(EventRow(f"e{k}-{n}", f"Event {k}-{n}", "meeting", pd, None, "Here", None, None,
                                   (f"f{k}",), pd.start.toordinal(), pd.end.toordinal()))
    return [("Track 1", rows)], events


def painted(widget):
    """Paint the widget now (through its paintEvent, into a pixmap) and return what it drew."""
    widget.grab()
    return widget.last_paint


def wheel(widget, pos: QPointF, steps: float = 1.0, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, int(120 * steps)),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def single_marker(w: TimelineWidget) -> tuple[str, QPoint]:
    """An event drawn as a single marker inside the plot, and where it is."""
    view = w.view
    for index in view.visible_lanes():
        lane = w.data.lanes[index]
        for cl in view.clusters(lane):
            if cl.count == 1 and view.plot_left + 10 < cl.x < view.width - 10:
                return lane.markers.ids[cl.i], QPoint(round(cl.x), round(view.lane_center(index)))
    raise AssertionError("no single marker in view")


# -- basics -------------------------------------------------------------------------------------------------
def test_timeline_shows_every_forum_in_its_group(timeline, atlas):
    assert timeline.objectName() == "timeline"
    forum_lanes = [lane.key for lane in timeline.data.lanes if lane.kind == "forum"]
    assert sorted(forum_lanes) == sorted(f.id for f in atlas.forums())
    headers = [lane.label for lane in timeline.data.lanes if lane.kind == "header"]
    assert headers == [label for label, _ in atlas.grouped("track")]
    stats = painted(timeline)
    assert stats.lanes > 5
    assert stats.markers + stats.badges > 0


def test_fixture_database_without_eras_paints(qtbot, fixture_db):
    from model.queries import Atlas

    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(800, 300)
    w.set_atlas(Atlas(fixture_db))
    w.show()
    qtbot.waitExposed(w)
    stats = painted(w)
    assert [(lane.key, lane.depth) for lane in w.data.lanes if lane.kind == "forum"] == \
        [("arf", 0), ("neacd", 0), ("neacd-sub", 1)]
    assert stats.markers == 2


def test_first_view_is_the_dense_part_and_home_shows_everything(qtbot, timeline):
    view, data = timeline.view, timeline.data
    lo, hi = data.bounds()
    d_lo, d_hi = data.default_range()
    assert lo < d_lo and view.scale.left > lo  # 1863 is not in the first view
    assert view.scale.left <= d_lo and view.scale.right >= min(d_hi, hi)
    assert view.scale.right >= data.as_of_day
    assert view.scale.span < (hi - lo) / 3
    timeline.resize(1000, 480)  # an untouched first view is refitted the same way
    assert view.scale.left <= d_lo and view.scale.right >= min(d_hi, hi)
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert view.scale.left <= lo and view.scale.right >= hi
    timeline.resize(1100, 480)  # ... and after Home, still everything
    assert view.scale.left <= lo and view.scale.right >= hi


def test_select_brings_a_forum_out_of_view_into_view_horizontally(timeline, atlas):
    view = timeline.view
    oldest = min((f for f in atlas.forums() if f.founded), key=lambda f: f.founded.start)
    lo, hi = timeline.data.record_range(oldest.id)
    assert hi < view.scale.left  # long before the first view
    ppd = view.scale.px_per_day
    assert timeline.select(oldest.id)
    assert view.scale.left <= lo and hi <= view.scale.right
    if (hi + 1 - lo) * ppd < view.plot_width - 80:
        assert view.scale.px_per_day == ppd  # it fitted at this zoom: only panned


def test_legend_wraps_and_keeps_every_entry(qtbot, timeline):
    from gui.timeline_frame import legend_items

    items = legend_items(timeline.data)
    labels = [label for label, _ in items]
    assert any(label.startswith("Active (to source date, Jun 1999") for label in labels)
    assert {"Events merged (zoom in)", "Defunct", "Proposed", "Date uncertain"} <= set(labels)
    font = timeline.font()
    for width, rows in ((1024, 2), (2400, 1)):
        layout = timeline.painter.legend_layout(timeline.data, timeline.view.m, width, timeline.painter._fonts(font)[1])
        assert len(layout) == rows
        assert [label for row in layout for _, label, _ in row] == labels
    timeline.resize(1024, 600)
    assert timeline.view.legend_rows == 2
    assert timeline.view.plot_bottom == 600 - 2 * timeline.view.m.legend


def test_era_names_keep_whole_words_before_eliding(qapp):  # fonts need the application, when this runs first
    from PySide6.QtGui import QFont, QFontMetricsF

    from gui.timeline_paint import TimelinePainter

    painter = TimelinePainter()
    fm = QFontMetricsF(QFont())
    name = "Second World War"
    assert painter.era_label(fm, name, fm.horizontalAdvance(name) + 1) == name
    two = painter.era_label(fm, name, fm.horizontalAdvance("Second World\u2026") + 1)
    assert two == "Second World\u2026"
    assert painter.era_label(fm, name, fm.horizontalAdvance("Second\u2026") + 1) == "Second\u2026"
    short = painter.era_label(fm, name, fm.horizontalAdvance("Sec\u2026") + 1)
    assert short.endswith("\u2026") and len(short) < len("Second\u2026")


# -- interaction --------------------------------------------------------------------------------------------
def test_wheel_zooms_around_the_cursor(timeline):
    view = timeline.view
    pos = QPointF(view.plot_left + 0.7 * view.plot_width, 200.0)
    anchor = view.scale.day(pos.x())
    ppd = view.scale.px_per_day
    wheel(timeline, pos, 1)
    assert view.scale.px_per_day == pytest.approx(ppd * 1.25)
    assert view.scale.day(pos.x()) == pytest.approx(anchor, abs=1e-6)
    wheel(timeline, pos, 3)
    assert view.scale.px_per_day == pytest.approx(ppd * 1.25 ** 4)
    assert view.scale.day(pos.x()) == pytest.approx(anchor, abs=1e-6)
    wheel(timeline, pos, -2)
    assert view.scale.px_per_day == pytest.approx(ppd * 1.25 ** 2)
    assert view.scale.day(pos.x()) == pytest.approx(anchor, abs=1e-6)
    # over the label gutter the wheel scrolls the lanes instead
    before = view.scale.state()
    wheel(timeline, QPointF(40, 200), -1)
    assert view.scale.state() == before and view.scroll > 0


def test_dragging_pans_time_and_lanes(qtbot, timeline):
    view = timeline.view
    timeline.zoom_in()
    timeline.zoom_in()
    view.scroll_to(200)
    left, scroll, ppd = view.scale.left, view.scroll, view.scale.px_per_day
    start = QPoint(700, 250)
    with qtbot.assertNotEmitted(timeline.recordClicked):
        qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
        for k in range(1, 11):
            qtbot.mouseMove(timeline, start + QPoint(20 * k, 6 * k))
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=start + QPoint(200, 60))
    assert view.scale.left == pytest.approx(left - 200 / ppd)
    assert view.scroll == pytest.approx(scroll - 60)
    assert view.scale.px_per_day == ppd


def test_keys_zoom_pan_and_home_fits_everything(qtbot, timeline):
    view = timeline.view
    timeline.fit_all()
    fitted = view.scale.state()
    lo, hi = timeline.data.bounds()
    assert view.scale.left <= lo and view.scale.right >= hi
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    assert view.scale.px_per_day == pytest.approx(fitted[1] * 1.5 ** 2)
    qtbot.keyClick(timeline, Qt.Key.Key_Minus)
    assert view.scale.px_per_day == pytest.approx(fitted[1] * 1.5)
    left = view.scale.left
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert view.scale.left > left
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert view.scale.left == pytest.approx(left)
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_PageDown)
    assert view.scroll > 0
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert view.scale.state() == pytest.approx(fitted)
    assert view.scroll == 0


def test_click_on_a_marker_emits_its_event(qtbot, timeline):
    eid, pos = single_marker(timeline)
    with qtbot.waitSignal(timeline.recordClicked, timeout=1000) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [eid]
    # the widget does not select by itself; the selection owner calls select()
    assert timeline.selected() is None
    assert timeline.select(eid)
    assert timeline.selected() == eid


def test_click_on_a_lane_emits_its_forum(qtbot, timeline):
    view = timeline.view
    index = next(i for i in view.visible_lanes() if timeline.data.lanes[i].kind == "forum")
    lane = timeline.data.lanes[index]
    with qtbot.waitSignal(timeline.recordClicked, timeout=1000) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(30, round(view.lane_center(index))))
    assert blocker.args == [lane.key]


def test_select_scrolls_a_forum_into_view_and_highlights_it(qtbot, timeline):
    view = timeline.view
    timeline.fit_all()
    last = max(timeline.data.lanes_of.values(), key=lambda ix: ix[0])[0]
    fid = timeline.data.lanes[last].key
    assert view.lane_y(last) >= view.plot_bottom  # out of view at first
    assert timeline.select(fid)
    y = view.lane_y(last)
    assert view.plot_top <= y and y + timeline.data.lanes[last].height <= view.plot_bottom
    image = timeline.grab().toImage()
    other = next(i for i in view.visible_lanes() if i != last and timeline.data.lanes[i].kind == "forum"
                 and i % 2 == last % 2)
    assert image.pixelColor(4, round(view.lane_center(last))) != image.pixelColor(4, round(view.lane_center(other)))
    # fit_selection zooms to the forum's lifespan
    timeline.fit_selection()
    lo, hi = timeline.data.record_range(fid)
    assert view.scale.left <= lo and view.scale.right >= hi
    assert not timeline.select("no-such-record")
    assert timeline.selected() is None


def test_far_zoom_shows_badges_and_close_zoom_single_markers(qtbot):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 400)
    groups, events = synthetic_rows()
    w.set_groups(groups, events, (), "1999-06")
    w.show()
    qtbot.waitExposed(w)
    w.painter.record = True
    w.fit_all()
    far = painted(w)
    assert far.badges > 10 and far.badges > far.markers
    badge_lane, badge = max(far.clusters, key=lambda ic: ic[1].count)
    assert badge.count >= 3
    track = w.data.lanes[badge_lane].markers
    ids = set(track.ids[badge.i:badge.j])
    w.show_days(track.los[badge.i] - 1, track.his[badge.j - 1] + 1)
    near = painted(w)
    assert near.markers > near.badges
    singles = {w.data.lanes[i].markers.ids[c.i] for i, c in near.clusters if c.count == 1 and i == badge_lane}
    assert ids <= singles  # every event of the badge is now its own marker


def test_real_data_far_zoom_has_badges(timeline):
    timeline.painter.record = True
    timeline.fit_all()
    timeline.view.scroll_to(timeline.view.max_scroll)
    counts = [c.count for _, c in painted(timeline).clusters]
    timeline.view.scroll_to(0)
    counts += [c.count for _, c in painted(timeline).clusters]
    assert max(counts) > 1


def test_clicking_a_badge_zooms_into_it(qtbot):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 400)
    w.set_groups(*synthetic_rows(), (), "1999-06")
    w.show()
    qtbot.waitExposed(w)
    view = w.view
    lane = w.data.lanes[1]
    badge = next(c for c in view.clusters(lane) if c.count > 1 and c.x > view.plot_left + 20)
    ppd = view.scale.px_per_day
    with qtbot.assertNotEmitted(w.recordClicked):
        qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(round(badge.x), round(view.lane_center(1))))
    assert view.scale.px_per_day > 3 * ppd


def test_shift_drag_brushes_a_date_range(qtbot, timeline):
    view = timeline.view
    a, b = QPoint(500, 200), QPoint(800, 230)
    with qtbot.waitSignal(timeline.rangeBrushed, timeout=1000) as blocker:
        qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, a)
        qtbot.mouseMove(timeline, QPoint(650, 215))
        qtbot.mouseMove(timeline, b)
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, b)
    lo, hi = blocker.args
    assert lo == int(view.scale.day(a.x())) and hi == int(view.scale.day(b.x()))
    assert timeline.brush() == (lo, hi)
    with qtbot.waitSignal(timeline.rangeBrushed, timeout=1000) as cleared:
        qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert cleared.args == [0, 0] and timeline.brush() is None


def test_visible_forums_filter(timeline, atlas):
    keep = {f.id for f in atlas.forums()[:3]}
    timeline.set_visible_forums(keep)
    assert {lane.key for lane in timeline.data.lanes if lane.kind == "forum"} == keep
    timeline.set_visible_forums(None)
    assert len([lane for lane in timeline.data.lanes if lane.kind == "forum"]) == len(atlas.forums())


def test_tooltip_gives_title_date_as_the_paper_does_and_place(timeline):
    eid, pos = single_marker(timeline)
    text = timeline.tooltip_at(pos.x(), pos.y())
    e = timeline.data.event(eid)
    assert e.when() in text
    if e.place:
        assert e.place.split(",")[0] in text


def test_tooltips_escape_titles_names_and_places(qtbot):
    pd = PartialDate.parse("1995-05-05")
    rows = [ForumRow("f", "Talks <A> & B", "T&B", "dialogue", "1", "asia-pacific", "active",
                     PartialDate.parse("1990"), None, None)]
    e = EventRow("e", "Meeting <b>not bold</b> & more", "meeting", pd, None, "Seoul & <Busan>", None, None,
                 ("f",), pd.start.toordinal(), pd.end.toordinal())
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(900, 300)
    w.set_groups([("Track 1", rows)], [e], (), "1999-06")
    x, y = w.view.marker_pos("e")
    text = w.tooltip_at(x, y)
    assert "<b>Meeting &lt;b&gt;not bold&lt;/b&gt; &amp; more</b>" in text
    assert "Seoul &amp; &lt;Busan&gt;" in text
    assert "<b>not bold</b>" not in text
    forum_text = w.tooltip_at(20, y)
    assert "<b>Talks &lt;A&gt; &amp; B</b>" in forum_text


def test_era_names_are_in_the_axis_tooltip(timeline):
    timeline.fit_all()
    view = timeline.view
    for era in timeline.data.eras:
        x = view.scale.x((era.lo + era.hi) / 2)
        assert era.name in timeline.tooltip_at(x, view.m.era_strip / 2)


def test_hovering_shows_the_tooltip(qtbot, timeline):
    eid, pos = single_marker(timeline)
    QApplication.sendEvent(timeline, QHelpEvent(QEvent.Type.ToolTip, pos, timeline.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert timeline.data.event(eid).when() in QToolTip.text()
    QToolTip.hideText()


def test_dark_palette_paints_dark(qtbot, timeline):
    pal = QPalette(QColor("#2b2b2b"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    timeline.setPalette(pal)
    image = timeline.grab().toImage()
    view = timeline.view
    x, y = int(view.plot_left + 3), int(view.plot_bottom - 3)
    assert image.pixelColor(x, y).lightness() < 90
    assert image.pixelColor(8, int(view.plot_bottom + 5)).lightness() < 90  # the legend strip


# -- export ------------------------------------------------------------------------------------------------------
def _near_color(image: QImage, x: float, y: float, want: QColor, radius: int = 6, tolerance: int = 60) -> bool:
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            px, py = round(x) + dx, round(y) + dy
            if 0 <= px < image.width() and 0 <= py < image.height():
                c = image.pixelColor(px, py)
                if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < tolerance:
                    return True
    return False


def _drawn_color(frame, eid: str) -> tuple[QColor, float, float]:
    """Where and in what colour the export draws event ``eid``: its symbol's, or a badge's."""
    index = frame.data.lanes_of_event(eid)[0]
    lane = frame.data.lanes[index]
    k = frame.data.index_in(lane, eid)
    cx = frame.scale.x(lane.markers.centers[k])
    cluster = next(c for c in frame.clusters(lane, cx - 1, cx + 1) if c.i <= k < c.j)
    if cluster.count > 1:  # the badge: the text colour (#1b1b1b) at alpha 200 over white
        grey = round(0x1b * 200 / 255 + 255 * 55 / 255)
        return QColor(grey, grey, grey), cluster.x, frame.lane_center(index)
    return QColor(SYMBOL_COLORS[lane.markers.symbols[k]][0]), cluster.x, frame.lane_center(index)


def test_png_export_spans_the_whole_range(timeline, tmp_path):
    timeline.zoom_in()
    timeline.zoom_in()  # the view shows only part; the export shows all
    path = timeline.export_image(tmp_path / "timeline.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert not image.isNull()
    frame = frame_for(timeline.data, 2400)
    assert (image.width(), image.height()) == (2400, round(frame.height))
    events = sorted((timeline.data.event(e) for lane in timeline.data.lanes for e in lane.markers.ids),
                    key=lambda e: (e.lo + e.hi) / 2)
    for e in (events[0], events[-1]):
        color, x, y = _drawn_color(frame, e.id)
        assert frame.plot_left < x < frame.width, e.id
        assert _near_color(image, x, y, color), (e.id, x, y)


def test_png_export_of_a_date_range(timeline, tmp_path):
    lo, hi = day("1990-01-01"), day("1999-06-30")
    path = timeline.export_image(tmp_path / "nineties.png", lo, hi)
    image = QImage(str(path))
    frame = frame_for(timeline.data, 2400, lo, hi)
    inside = [e for lane in timeline.data.lanes for e in lane.markers.events if lo <= e.lo and e.hi <= hi]
    assert inside
    color, x, y = _drawn_color(frame, inside[len(inside) // 2].id)
    assert _near_color(image, x, y, color)
    assert frame.scale.x(lo) >= frame.plot_left and frame.scale.x(hi) <= frame.width


def test_svg_export_is_valid_and_spans_the_whole_range(timeline, tmp_path):
    path = timeline.export_image(tmp_path / "timeline.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    frame = frame_for(timeline.data, 2400)
    assert root.get("viewBox").split() == ["0", "0", "2400", str(round(frame.height))]
    texts = {"".join(t.itertext()).strip() for t in root.iter() if t.tag.endswith("text")}
    years = sorted(int(t) for t in texts if t.isdigit() and len(t) == 4)
    lo, hi = timeline.data.bounds()
    assert years[0] <= date.fromordinal(lo).year + 10 and years[-1] >= date.fromordinal(hi).year - 10
    forum = next(lane for lane in timeline.data.lanes if lane.kind == "forum")
    assert any(forum.label[:12] in t for t in texts)  # lane labels are real text, not pixels
    assert len([e for e in root.iter() if e.tag.endswith("path")]) > 20
    with pytest.raises(ValueError):
        timeline.export_image(tmp_path / "timeline.gif")
