"""Painting the timeline onto any QPainter: the widget, a PNG or SVG export, a printed page.

Only drawing happens here; every position comes from model/timeline_viewport.py. The painter draws
what intersects the clip rectangle: lanes are culled by bisection over their tops, events by the
layout's clustering (bisection over sorted days), so the cost follows what is visible.

On raster surfaces markers and badges are stamped from small cached pixmaps (one per symbol, one
per count); on vector surfaces (SVG, PDF, print) they are drawn as shapes. This module draws the lanes;
gui/timeline_frame.py the frame around them, gui/timeline_marks.py the shapes and colours.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)

from gui.timeline_frame import FramePainter
from gui.timeline_marks import (
    Colors,
    PaintStats,
    dashed_box,
    device_ratio,
    draw_badge,
    draw_symbol,
    light_palette,
)
from model.timeline_layout import Lane, TimelineData, badge_text
from model.timeline_viewport import Viewport


class TimelinePainter(FramePainter):
    """Paints a :class:`Viewport` onto a QPainter whose coordinates are the viewport's surface."""

    # -- the whole surface --------------------------------------------------------------------
    def paint(self, p: QPainter, view: Viewport, palette: QPalette, *, font: QFont | None = None,
              selected: str | None = None, brush: tuple[int, int] | None = None, clip: QRectF | None = None,
              vector: bool = False) -> PaintStats:
        self.stats = PaintStats(clusters=[] if self.record else None)
        c = self.colors(palette)
        fonts = self._fonts(font or p.font())
        m = view.m
        surface = QRectF(0, 0, view.width, view.height)
        clip = surface.intersected(clip) if clip is not None else surface
        plot = QRectF(view.plot_left, view.plot_top, view.plot_width, view.plot_height)
        p.save()
        # Raster: markers come from antialiased stamps; everything else is axis-aligned, crisp and
        # much faster without antialiasing. Vector output keeps it for the shapes it draws.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, vector)
        p.setClipRect(clip)
        p.fillRect(clip.toAlignedRect(), c.window)
        p.fillRect(plot.intersected(clip).toAlignedRect(), c.base)
        lanes_clip = plot.intersected(clip)
        if not lanes_clip.isEmpty():
            p.save()
            p.setClipRect(lanes_clip)
            self._eras(p, view, c, plot, fonts)
            self._grid(p, view, c, plot)
            self._lanes(p, view, c, lanes_clip, fonts, selected, vector)
            self._as_of(p, view, c, plot)
            if brush:
                x0, x1 = view.scale.x(brush[0]), view.scale.x(brush[1] + 1)
                p.fillRect(QRectF(x0, plot.top(), max(1.0, x1 - x0), plot.height()), c.brush)
                p.setPen(QPen(c.highlight, 1.0))
                p.drawLine(QPointF(x0, plot.top()), QPointF(x0, plot.bottom()))
                p.drawLine(QPointF(x1, plot.top()), QPointF(x1, plot.bottom()))
            p.restore()
        axis = QRectF(view.plot_left, 0, view.plot_width, m.axis)
        if axis.intersects(clip):
            p.save()
            p.setClipRect(axis.intersected(clip))
            self._axis(p, view, c, fonts, brush)
            p.restore()
        gutter = QRectF(0, view.plot_top, view.plot_left, view.plot_height)
        if gutter.intersects(clip):
            p.save()
            p.setClipRect(gutter.intersected(clip))
            self._gutter(p, view, c, fonts, selected)
            p.restore()
        corner = QRectF(0, 0, view.plot_left, m.axis)
        if corner.intersects(clip):
            self._corner(p, view, c, fonts, corner)
        legend = QRectF(0, view.plot_bottom, view.width, view.height - view.plot_bottom)
        if legend.height() > 4 and legend.intersects(clip):
            if vector:
                self._legend(p, view, c, fonts, legend)
            else:  # the legend never changes: stamp it from a cached pixmap
                dpr = device_ratio(p)
                key = ("legend", int(legend.width()), int(legend.height()), dpr, fonts[1].key(),
                       view.data.as_of_day)
                pm = self._stamps.get(key)
                if pm is None:
                    image = QImage(int(legend.width() * dpr), int(legend.height() * dpr),
                                   QImage.Format.Format_ARGB32_Premultiplied)
                    image.setDevicePixelRatio(dpr)
                    ip = QPainter(image)
                    ip.setRenderHint(QPainter.RenderHint.Antialiasing)
                    self._legend(ip, view, c, fonts, QRectF(0, 0, legend.width(), legend.height()))
                    ip.end()
                    pm = self._stamps[key] = QPixmap.fromImage(image)
                p.drawPixmap(QPointF(legend.left(), legend.top()), pm)
        p.setPen(QPen(c.grid_strong, 1.0))
        p.drawLine(QPointF(view.plot_left - 0.5, 0), QPointF(view.plot_left - 0.5, view.plot_bottom))
        p.drawLine(QPointF(0, view.plot_top - 0.5), QPointF(view.width, view.plot_top - 0.5))
        p.drawLine(QPointF(0, view.plot_bottom + 0.5), QPointF(view.width, view.plot_bottom + 0.5))
        p.restore()
        return self.stats


    # -- the lanes --------------------------------------------------------------------------
    def _lanes(self, p, view: Viewport, c: Colors, clip: QRectF, fonts, selected, vector) -> None:
        data, m, sc = view.data, view.m, view.scale
        _, small, _, badge_font = fonts
        fm = QFontMetricsF(small)
        dpr = device_ratio(p)
        sel_lanes = set(data.lanes_of.get(selected, ())) if selected else set()
        sel_event = data.event(selected) if selected and not sel_lanes else None
        p.setFont(small)
        text_pen = QPen(c.text)
        ascent = fm.ascent()
        label_dy = (ascent - fm.descent()) / 2
        left, right = clip.left(), clip.right()
        stamp = 28  # side of a marker or badge stamp, in pixels
        half_stamp = stamp // 2
        ppd = sc.px_per_day
        stats = self.stats
        record = stats.clusters
        markers = badges = labels = 0
        sym_pm: dict = {}
        badge_pm: dict = {}
        for index in view.visible_lanes(clip.top(), clip.bottom()):
            lane = data.lanes[index]
            y = view.lane_y(index)
            h = lane.height
            if h <= 0:  # a print layout may fold headers or the context lane away
                continue
            stats.lanes += 1
            if lane.kind == "header":
                p.fillRect(QRectF(left, y, clip.width(), h), c.header)
                p.setPen(QPen(c.grid_strong, 1.0))
                p.drawLine(QPointF(left, y + 0.5), QPointF(right, y + 0.5))
                continue
            if index in sel_lanes:
                p.fillRect(QRectF(left, y, clip.width(), h), c.selected_lane)
            elif lane.kind == "context" or index % 2:
                p.fillRect(QRectF(left, y, clip.width(), h), c.lane_alt)
            cy = y + h / 2
            bar = lane.bar
            if bar is not None:
                self._bar(p, view, c, lane, cy, clip)
            t = lane.markers
            if not len(t):
                continue
            clusters = view.clusters(lane, left, right)
            if record is not None:
                record.extend((index, cl) for cl in clusters)
            los, his, symbols, soft = t.los, t.his, t.symbols, t.soft
            sel_k = data.index_in(lane, selected) if sel_event is not None else None
            # date spans wider than a few pixels, under the markers: single events in view, and
            # events centred outside the view whose span reaches into it
            for k in view.spans(lane, left, right):
                self._span(p, c, symbols[k], soft[k], sc.x(los[k]), sc.x(his[k] + 1), cy, m.span_h, clip)
            for cl in clusters:
                k = cl.i
                if cl.j - k == 1 and (his[k] + 1 - los[k]) * ppd >= 4:
                    self._span(p, c, symbols[k], soft[k], sc.x(los[k]), sc.x(his[k] + 1), cy, m.span_h, clip)
            stub_end = sc.x(bar.lo) + m.stub if bar is not None and bar.style == "proposed" else None
            iy = int(round(cy)) - half_stamp
            has_sel = sel_k is not None
            for cl in clusters:
                x = cl.x
                if x + cl.half < left - 2 or x - cl.half > right + 2:
                    continue
                k = cl.i
                if cl.j - k == 1:
                    sym = symbols[k]
                    is_sel = sel_k == k
                    markers += 1
                    if vector:
                        draw_symbol(p, sym, x, cy, m.marker, c, is_sel)
                    else:
                        key = (sym, is_sel)
                        pm = sym_pm.get(key)
                        if pm is None:
                            pm = sym_pm[key] = self._stamp(
                                ("sym", sym, is_sel, dpr), stamp, dpr,
                                lambda ip, ax, ay, s=sym, sel=is_sel: draw_symbol(ip, s, ax, ay, m.marker, c, sel))
                        p.drawPixmap(int(round(x)) - half_stamp, iy, pm)
                    if cl.room < 36:
                        continue
                    lx = x + cl.half + 3
                    if stub_end is not None and lx < stub_end + 3 and x > stub_end - m.stub - 3:
                        lx = stub_end + 4
                    avail = min(x + cl.half + cl.room - 3, right - 2) - lx
                    if avail < 30:
                        continue
                    title = t.events[k].title
                    if self._width(fm, "small", title) > avail:
                        if avail < 48:
                            continue
                        title = self._elide(fm, "small", title, avail)
                    p.setPen(text_pen)
                    self._text(p, lx, cy + label_dy, title, small, ascent)
                    labels += 1
                else:
                    count = cl.j - k
                    is_sel = has_sel and k <= sel_k < cl.j
                    badges += 1
                    if vector:
                        draw_badge(p, x, cy, count, m.badge_width(count), m.badge_h, c, badge_font, is_sel)
                    else:
                        key = -count if is_sel else count
                        pm = badge_pm.get(key)
                        if pm is None:
                            w = m.badge_width(count)
                            pm = badge_pm[key] = self._stamp(
                                ("badge", badge_text(count), is_sel, dpr), stamp, dpr,
                                lambda ip, ax, ay, n=count, bw=w, sel=is_sel: draw_badge(
                                    ip, ax, ay, n, bw, m.badge_h, c, badge_font, sel))
                        p.drawPixmap(int(x + 0.5) - half_stamp, iy, pm)
        stats.markers, stats.badges, stats.labels = markers, badges, labels

    def _span(self, p, c: Colors, sym: str, soft: bool, x0: float, x1: float, cy: float, h: float,
              clip: QRectF) -> None:
        color = c.span[sym]
        rect = QRectF(max(x0, clip.left() - 2), cy - h / 2, min(x1, clip.right() + 2) - max(x0, clip.left() - 2), h)
        if soft:
            g = QLinearGradient(x0, 0, x1, 0)
            clear = QColor(color)
            clear.setAlpha(0)
            g.setColorAt(0, clear)
            g.setColorAt(0.3, color)
            g.setColorAt(0.7, color)
            g.setColorAt(1, clear)
            p.fillRect(rect, QBrush(g))
        else:
            p.fillRect(rect, color)

    def _bar(self, p, view: Viewport, c: Colors, lane: Lane, cy: float, clip: QRectF) -> None:
        bar = lane.bar
        sc, m = view.scale, view.m
        h = m.bar_h
        top = cy - h / 2
        if bar.style == "proposed":
            x = sc.x(bar.lo)
            if x > clip.right() or x + m.stub < clip.left():
                return
            dashed_box(p, QRectF(x, top, m.stub, h), c.bar["proposed"])
            return
        x_lo, x_hi = sc.x(bar.lo), sc.x(bar.hi + 1)
        if x_hi < clip.left() or x_lo > clip.right():
            return
        color = c.bar[bar.style]
        faint = QColor(color)
        faint.setAlpha(color.alpha() // 3)
        x_ls, x_hs = sc.x(bar.lo_sure + (0 if bar.lo_sure == bar.lo else 1)), sc.x(bar.hi_sure)
        if bar.hi_sure == bar.hi:
            x_hs = x_hi
        left_clip, right_clip = clip.left() - 4, clip.right() + 4

        def fill(a: float, b: float, brush) -> None:
            a, b = max(a, left_clip), min(b, right_clip)
            if b > a:
                p.fillRect(QRectF(a, top, b - a, h), brush)

        def ramp(a: float, b: float, from_clear: bool) -> QBrush:
            """A gradient between clear and ``color``: the soft edge of an approximate date."""
            clear = QColor(color)
            clear.setAlpha(0)
            g = QLinearGradient(a, 0, b, 0)
            g.setColorAt(0, clear if from_clear else color)
            g.setColorAt(1, color if from_clear else clear)
            return QBrush(g)

        fade = min(24.0, (x_hi - x_lo) / 3)
        # left end: uncertain part (lighter), or a fade when approximate/unknown
        if bar.soft_lo:
            end = x_ls if x_ls - x_lo > 2 else x_lo + fade
            fill(x_lo, end, ramp(x_lo, end, from_clear=True))
            x_ls = end
        elif x_ls > x_lo:
            fill(x_lo, x_ls, faint)
        if bar.soft_hi:
            start = max(x_hs if x_hi - x_hs > 2 else x_hi - fade, x_ls)
            fill(start, x_hi, ramp(start, x_hi, from_clear=False))
            x_hs = start
        elif x_hi > x_hs:
            fill(x_hs, x_hi, faint)
        fill(x_ls, x_hs, color)



def paint_frame(p: QPainter, rect: QRectF, data: TimelineData, lo: int | None = None, hi: int | None = None,
                palette: QPalette | None = None, *, selected: str | None = None, vector: bool = True,
                font: QFont | None = None) -> Viewport:
    """Paint ``data`` into ``rect`` of any painter, showing days lo..hi (default: all) and every lane
    that fits; for a printed fact sheet's mini-timeline. Returns the viewport used."""
    view = Viewport(data, rect.width(), rect.height())
    a, b = data.bounds()
    view.scale.min_px_per_day = 1e-6
    view.scale.bounds = (a if lo is None else lo, b if hi is None else hi)
    view.scale.fit(a if lo is None else lo, b if hi is None else hi, margin=12)
    p.save()
    p.translate(rect.topLeft())
    TimelinePainter().paint(p, view, palette or light_palette(), font=font, selected=selected, vector=vector)
    p.restore()
    return view
