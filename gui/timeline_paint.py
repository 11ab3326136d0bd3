"""Painting the timeline onto any QPainter: the widget, a PNG or SVG export, a printed page.

Only drawing happens here; every position comes from model/timeline_layout.py. The painter draws
what intersects the clip rectangle: lanes are culled by bisection over their tops, events by the
layout's clustering (bisection over sorted days), so the cost follows what is visible.

On raster surfaces markers and badges are stamped from small cached pixmaps (one per symbol, one
per count); on vector surfaces (SVG, PDF, print) they are drawn as shapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QStaticText,
)

from model.timeline_layout import SYMBOL_LABELS, SYMBOLS, Lane, Metrics, TimelineData, Viewport, badge_text

# Mid-tone hues that read on light and dark backgrounds; shape, not only colour, tells kinds apart.
SYMBOL_COLORS = {
    "founding": ("#23914f", "#4cc27a"), "meeting": ("#2563c4", "#6aa2f0"), "proposal": ("#8244c9", "#b58cf0"),
    "agreement": ("#b7790b", "#e9ad3c"), "dissolution": ("#6b6b6b", "#a8a8a8"), "crisis": ("#cf2f2f", "#f07070"),
    "other": ("#14868c", "#45c4ca"),
}
ERA_TINTS = ("#c9a227", "#c0504d", "#4f81bd", "#2e9e7a", "#8064a2")
LEGEND_GAP = 16.0  # pixels between legend entries
MAX_LEGEND_ROWS = 3


def legend_items(data: TimelineData) -> list[tuple[str, tuple]]:
    """(label, glyph) for every mark the timeline draws: symbols, the count badge, each bar style
    and an uncertain date; the active bar's glyph ends in the source's as-of line, as bars do."""
    as_of = f"{date.fromordinal(data.as_of_day):%b %Y}" if data.as_of_day is not None else None
    items: list[tuple[str, tuple]] = [(SYMBOL_LABELS[s], ("sym", s)) for s in SYMBOLS]
    items += [("Events merged (zoom in)", ("badge",)),
              (f"Active (to source date, {as_of})" if as_of else "Active", ("bar", "active")),
              ("Defunct", ("bar", "defunct")), ("Proposed", ("bar", "proposed")),
              ("Date uncertain", ("bar", "soft"))]
    return items


def _glyph_width(what: tuple, m: Metrics) -> float:
    return 30.0 if what[0] in ("bar", "badge") else m.marker + 2


@dataclass
class PaintStats:
    """What the last paint drew (for tests and the benchmark)."""

    lanes: int = 0
    markers: int = 0
    badges: int = 0
    labels: int = 0
    clusters: list | None = None  # [(lane index, Cluster)] drawn, when recording


class Colors:
    """Colours for one palette, computed once per palette."""

    def __init__(self, palette: QPalette):
        role = QPalette.ColorRole
        self.base = palette.color(role.Base)
        self.window = palette.color(role.Window)
        self.text = palette.color(role.Text)
        self.window_text = palette.color(role.WindowText)
        self.highlight = palette.color(role.Highlight)
        self.dark = self.base.lightness() < 128
        self.symbol = {k: QColor(v[1] if self.dark else v[0]) for k, v in SYMBOL_COLORS.items()}
        self.span = {k: self._alpha(v, 110) for k, v in self.symbol.items()}
        self.muted = self._alpha(self.text, 150)
        self.grid = self._alpha(self.text, 26)
        self.grid_strong = self._alpha(self.text, 48)
        self.header = self._alpha(self.window_text, 14)
        self.lane_alt = self._alpha(self.text, 7)
        self.selected_lane = self._alpha(self.highlight, 60)
        self.brush = self._alpha(self.highlight, 45)
        self.as_of = self._alpha(self.highlight, 170)
        self.bar = {"active": self._alpha(self.highlight, 105), "defunct": self._alpha(self.text, 72),
                    "proposed": self._alpha(self.text, 150)}
        self.badge = self._alpha(self.text, 200)
        self.badge_text = QColor(self.base)
        # era bands are opaque blends (fast to fill): over the plot's base, and over the axis strip
        self.eras = [self._blend(self.base, QColor(c), 0.12 if self.dark else 0.09) for c in ERA_TINTS]
        self.eras_axis = [self._blend(self.window, QColor(c), 0.16 if self.dark else 0.14) for c in ERA_TINTS]
        self.era_text = [QColor(c).lighter(130) if self.dark else QColor(c).darker(150) for c in ERA_TINTS]

    @staticmethod
    def _alpha(color: QColor, alpha: int) -> QColor:
        c = QColor(color)
        c.setAlpha(alpha)
        return c

    @staticmethod
    def _blend(under: QColor, over: QColor, amount: float) -> QColor:
        return QColor(round(under.red() + (over.red() - under.red()) * amount),
                      round(under.green() + (over.green() - under.green()) * amount),
                      round(under.blue() + (over.blue() - under.blue()) * amount))

    def key(self) -> tuple:
        return (self.base.rgba(), self.text.rgba(), self.highlight.rgba())


def symbol_path(symbol: str, cx: float, cy: float, size: float) -> QPainterPath:
    """The outline of a marker symbol centred on (cx, cy)."""
    r = size / 2
    path = QPainterPath()
    if symbol == "founding":  # triangle pointing up
        path.addPolygon(QPolygonF([QPointF(cx, cy - r * 1.1), QPointF(cx + r * 1.05, cy + r * 0.8),
                                   QPointF(cx - r * 1.05, cy + r * 0.8)]))
        path.closeSubpath()
    elif symbol == "dissolution":  # triangle pointing down
        path.addPolygon(QPolygonF([QPointF(cx, cy + r * 1.1), QPointF(cx + r * 1.05, cy - r * 0.8),
                                   QPointF(cx - r * 1.05, cy - r * 0.8)]))
        path.closeSubpath()
    elif symbol == "proposal":  # diamond (drawn hollow)
        path.addPolygon(QPolygonF([QPointF(cx, cy - r * 1.15), QPointF(cx + r * 1.15, cy),
                                   QPointF(cx, cy + r * 1.15), QPointF(cx - r * 1.15, cy)]))
        path.closeSubpath()
    elif symbol == "agreement":  # square
        s = r * 0.85
        path.addRect(QRectF(cx - s, cy - s, 2 * s, 2 * s))
    elif symbol == "crisis":  # eight-point burst
        pts = []
        for k in range(16):
            rad = r * 1.2 if k % 2 == 0 else r * 0.55
            a = math.pi * k / 8 - math.pi / 2
            pts.append(QPointF(cx + rad * math.cos(a), cy + rad * math.sin(a)))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    else:  # meeting (filled) and other (hollow): circles
        path.addEllipse(QPointF(cx, cy), r * 0.9, r * 0.9)
    return path


HOLLOW = ("proposal", "other")


def draw_symbol(p: QPainter, symbol: str, cx: float, cy: float, size: float, colors: Colors,
                selected: bool = False) -> None:
    path = symbol_path(symbol, cx, cy, size)
    color = colors.symbol[symbol]
    if symbol in HOLLOW:
        p.setPen(QPen(colors.base, 4.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(QPen(color, 2.0))
        p.setBrush(QBrush(colors.base))
        p.drawPath(path)
    else:
        p.setPen(QPen(colors.base, 1.2))
        p.setBrush(QBrush(color))
        p.drawPath(path)
    if selected:
        p.setPen(QPen(colors.highlight, 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(cx, cy), size / 2 + 4, size / 2 + 4)


def draw_badge(p: QPainter, cx: float, cy: float, count: int, width: float, height: float, colors: Colors,
               font: QFont, selected: bool = False) -> None:
    rect = QRectF(cx - width / 2, cy - height / 2, width, height)
    p.setPen(QPen(colors.base, 1.0))
    p.setBrush(QBrush(colors.badge))
    p.drawRoundedRect(rect, height / 2, height / 2)
    p.setPen(colors.badge_text)
    p.setFont(font)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge_text(count))
    if selected:
        p.setPen(QPen(colors.highlight, 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), height / 2 + 3, height / 2 + 3)


def dashed_box(p: QPainter, rect: QRectF, color: QColor, dash: float = 4.0, space: float = 3.0) -> None:
    """A dashed outline drawn as short fills: a dashed pen is far slower under clipping."""
    x, right = rect.left(), rect.right()
    top, bottom = rect.top(), rect.bottom() - 1
    while x < right:
        w = min(dash, right - x)
        p.fillRect(QRectF(x, top, w, 1.2), color)
        p.fillRect(QRectF(x, bottom, w, 1.2), color)
        x += dash + space
    p.fillRect(QRectF(rect.left(), top, 1.2, rect.height()), color)
    p.fillRect(QRectF(right - 1.2, top, 1.2, rect.height()), color)


def _device_ratio(p: QPainter) -> float:
    dev = p.device()
    try:
        return max(1.0, float(dev.devicePixelRatioF()))
    except AttributeError:
        return 1.0


class TimelinePainter:
    """Paints a :class:`Viewport` onto a QPainter whose coordinates are the viewport's surface."""

    def __init__(self):
        self.stats = PaintStats()
        self._stamps: dict = {}
        self._colors: Colors | None = None
        self._palette_key = None
        self._elided: dict = {}
        self._widths: dict = {}
        self._static: dict = {}
        self.record = False  # keep the drawn clusters in stats (tests)

    # -- helpers --------------------------------------------------------------------------
    def colors(self, palette: QPalette) -> Colors:
        key = palette.cacheKey()
        if self._colors is None or key != self._palette_key:
            self._colors, self._palette_key = Colors(palette), key
            self._stamps.clear()
        return self._colors

    def _stamp(self, key: tuple, size: float, dpr: float, draw) -> QPixmap:
        pm = self._stamps.get(key)
        if pm is None:
            side = int(math.ceil(size * dpr))
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            ip = QPainter(image)
            ip.setRenderHint(QPainter.RenderHint.Antialiasing)
            ip.scale(dpr, dpr)
            draw(ip, size / 2, size / 2)
            ip.end()
            pm = QPixmap.fromImage(image)
            pm.setDevicePixelRatio(dpr)
            self._stamps[key] = pm
        return pm

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        small = QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        small.setPointSizeF(max(7.0, size * 0.86))
        bold = QFont(base)
        bold.setBold(True)
        badge = QFont(small)
        badge.setBold(True)
        badge.setPointSizeF(max(6.5, size * 0.78))
        return base, small, bold, badge

    def _elide(self, fm: QFontMetricsF, key, text: str, width: float) -> str:
        k = (key, int(width), text)
        out = self._elided.get(k)
        if out is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            out = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[k] = out
        return out

    def _text(self, p: QPainter, x: float, baseline: float, text: str, font: QFont, ascent: float) -> None:
        """Draw ``text`` with its baseline at (x, baseline), through a cache of prepared QStaticText
        (about twice as fast as drawText for labels that come back frame after frame)."""
        key = (text, font.key())
        st = self._static.get(key)
        if st is None:
            if len(self._static) > 5000:
                self._static.clear()
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(p.transform(), font)
            self._static[key] = st
        p.setFont(font)  # drawStaticText draws with the painter's font
        p.drawStaticText(round(x), round(baseline - ascent), st)

    def _width(self, fm: QFontMetricsF, key, text: str) -> float:
        w = self._widths.get((key, text))
        if w is None:
            if len(self._widths) > 50000:
                self._widths.clear()
            w = self._widths[(key, text)] = fm.horizontalAdvance(text)
        return w

    def legend_layout(self, data: TimelineData, m: Metrics, width: float, small: QFont) -> list[list]:
        """The legend's entries flowed into rows ``width`` pixels wide: [[(x, label, glyph)]]."""
        fm = QFontMetricsF(small)
        rows: list[list] = [[]]
        x = 10.0
        for label, what in legend_items(data):
            w = _glyph_width(what, m) + 5 + self._width(fm, "small", label)
            if rows[-1] and x + w > width - 6:
                rows.append([])
                x = 10.0
            rows[-1].append((x, label, what))
            x += w + LEGEND_GAP
        return rows

    def legend_rows(self, data: TimelineData, m: Metrics, width: float, font: QFont) -> int:
        """How many rows the legend needs at this width (at most MAX_LEGEND_ROWS)."""
        return min(MAX_LEGEND_ROWS, len(self.legend_layout(data, m, width, self._fonts(font)[1])))

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
                dpr = _device_ratio(p)
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

    # -- parts ------------------------------------------------------------------------------
    def _eras(self, p, view: Viewport, c: Colors, plot: QRectF, fonts) -> None:
        sc = view.scale
        for n, era in enumerate(view.data.eras):
            if era.hi + 1 < sc.left or era.lo > sc.right:
                continue
            x0, x1 = max(plot.left(), sc.x(era.lo)), min(plot.right(), sc.x(era.hi + 1))
            tint = c.eras[n % len(c.eras)]
            p.fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()).toAlignedRect(), tint)

    def _grid(self, p, view: Viewport, c: Colors, plot: QRectF) -> None:
        major, _ = view.ticks()
        sc = view.scale
        pen = QPen(c.grid, 1.0)
        strong = QPen(c.grid_strong, 1.0)
        for t in major:
            x = round(sc.x(t.day)) + 0.5
            p.setPen(strong if t.strong else pen)
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _as_of(self, p, view: Viewport, c: Colors, plot: QRectF) -> None:
        day = view.data.as_of_day
        if day is None:
            return
        x = view.scale.x(day + 1)
        if plot.left() <= x <= plot.right():
            p.fillRect(QRectF(round(x), plot.top(), 1.0, plot.height()), c.as_of)

    def _lanes(self, p, view: Viewport, c: Colors, clip: QRectF, fonts, selected, vector) -> None:
        data, m, sc = view.data, view.m, view.scale
        _, small, _, badge_font = fonts
        fm = QFontMetricsF(small)
        dpr = _device_ratio(p)
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
            t = lane.track
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

    def _axis(self, p, view: Viewport, c: Colors, fonts, brush) -> None:
        _, small, bold, _ = fonts
        sc, m = view.scale, view.m
        fm = QFontMetricsF(small)
        # eras, named in the top strip
        p.setFont(small)
        left, right = view.plot_left, view.plot_left + view.plot_width
        for n, era in enumerate(view.data.eras):
            if era.hi + 1 < sc.left or era.lo > sc.right:
                continue
            x0, x1 = max(left, sc.x(era.lo)), min(right, sc.x(era.hi + 1))
            p.fillRect(QRectF(x0, 0, x1 - x0, m.era_strip).toAlignedRect(), c.eras_axis[n % len(c.eras)])
            if x1 - x0 < 28:
                continue
            name = self.era_label(fm, era.name, x1 - x0 - 6)
            if len(name) <= 2:
                continue
            w = self._width(fm, "small", name)
            p.setPen(c.era_text[n % len(c.era_text)])
            self._text(p, (x0 + x1 - w) / 2, m.era_strip - 4, name, small, fm.ascent())
        # ticks
        major, minor = view.ticks()
        bottom = m.axis
        p.setPen(QPen(c.muted, 1.0))
        for t in minor:
            x = round(sc.x(t.day)) + 0.5
            p.drawLine(QPointF(x, bottom - 4), QPointF(x, bottom))
        fm_base = QFontMetricsF(small)
        fm_bold = QFontMetricsF(bold)
        baseline = bottom - 9
        last_right = -math.inf
        for t in major:
            x = round(sc.x(t.day)) + 0.5
            p.setPen(QPen(c.muted, 1.0))
            p.drawLine(QPointF(x, bottom - 8), QPointF(x, bottom))
            f, fmx = (bold, fm_bold) if t.strong else (small, fm_base)
            w = self._width(fmx, "bold" if t.strong else "small", t.label)
            lx = x - w / 2
            if lx < left + 2 or lx < last_right + 6:
                continue
            p.setFont(f)
            p.setPen(c.window_text)
            self._text(p, lx, baseline, t.label, f, fmx.ascent())
            last_right = lx + w
        if brush:
            x0, x1 = sc.x(brush[0]), sc.x(brush[1] + 1)
            p.fillRect(QRectF(x0, m.era_strip, max(1.0, x1 - x0), bottom - m.era_strip), c.brush)

    def era_label(self, fm: QFontMetricsF, name: str, width: float) -> str:
        """An era's name in ``width`` pixels: whole, else its first words and an ellipsis ("Second
        World\u2026"), elided within a word only when even the first word does not fit. The axis
        tooltip gives the whole name."""
        if self._width(fm, "small", name) <= width:
            return name
        words = name.split()
        for n in range(len(words) - 1, 0, -1):
            short = " ".join(words[:n]).rstrip(",;:") + "\u2026"
            if self._width(fm, "small", short) <= width:
                return short
        return self._elide(fm, "small", name, width)

    def _corner(self, p, view: Viewport, c: Colors, fonts, rect: QRectF) -> None:
        _, small, bold, _ = fonts
        sc = view.scale
        lo = date.fromordinal(int(max(sc.left, 1)))
        hi = date.fromordinal(int(max(sc.right - 1, 1)))
        if sc.span > 3 * 365:
            text = f"{lo.year} \u2013 {hi.year}"
        elif lo.year == hi.year:
            text = f"{lo:%b} \u2013 {hi:%b} {hi.year}" if lo.month != hi.month else f"{lo:%B %Y}"
        else:
            text = f"{lo:%b %Y} \u2013 {hi:%b %Y}"
        p.save()
        p.setClipRect(rect)
        p.setFont(bold)
        p.setPen(c.window_text)
        p.drawText(rect.adjusted(8, 0, -6, -6), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
        p.restore()

    def _gutter(self, p, view: Viewport, c: Colors, fonts, selected) -> None:
        _, small, bold, _ = fonts
        data, m = view.data, view.m
        fm = QFontMetricsF(small)
        fm_bold = QFontMetricsF(bold)
        sel_lanes = set(data.lanes_of.get(selected, ())) if selected else set()
        gutter_w = view.plot_left
        for index in view.visible_lanes():
            lane = data.lanes[index]
            y = view.lane_y(index)
            h = lane.height
            if h <= 0:
                continue
            if lane.kind == "header":
                p.fillRect(QRectF(0, y, gutter_w, h), c.header)
                p.setPen(QPen(c.grid_strong, 1.0))
                p.drawLine(QPointF(0, y + 0.5), QPointF(gutter_w, y + 0.5))
                p.setFont(bold)
                p.setPen(c.window_text)
                text = self._elide(fm_bold, "bold", lane.label, gutter_w - 14)
                self._text(p, 8, y + h / 2 + (fm_bold.ascent() - fm_bold.descent()) / 2, text, bold, fm_bold.ascent())
                continue
            if index in sel_lanes:
                p.fillRect(QRectF(0, y, gutter_w, h), c.selected_lane)
            x = 10 + lane.depth * m.indent
            if lane.depth:
                p.setPen(QPen(c.muted, 1.0))
                p.drawLine(QPointF(x - 7, y + h / 2), QPointF(x - 3, y + h / 2))
            f, fmx, key = (bold, fm_bold, "bold") if index in sel_lanes else (small, fm, "small")
            p.setFont(f)
            p.setPen(c.window_text if lane.kind == "forum" else c.muted)
            text = self._elide(fmx, key, lane.label, gutter_w - x - 8)
            self._text(p, x, y + h / 2 + (fmx.ascent() - fmx.descent()) / 2, text, f, fmx.ascent())

    def _legend(self, p, view: Viewport, c: Colors, fonts, rect: QRectF) -> None:
        """The entries flow into rows of ``m.legend`` pixels; a last label that has no room left
        is elided, and entries beyond the last row are left out."""
        _, small, _, badge_font = fonts
        fm = QFontMetricsF(small)
        m = view.m
        p.save()
        p.setClipRect(rect)
        p.fillRect(rect, c.window)
        p.setFont(small)
        rows = self.legend_layout(view.data, m, rect.width(), small)
        room = max(1, int(rect.height() // m.legend)) if m.legend > 0 else 1
        for r, row in enumerate(rows[:room]):
            cy = rect.top() + (r + 0.5) * rect.height() / min(room, len(rows))
            base = cy + (fm.ascent() - fm.descent()) / 2
            for x, label, what in row:
                glyph_w = _glyph_width(what, m)
                if x + glyph_w > rect.right() - 6:
                    break
                if what[0] == "sym":
                    draw_symbol(p, what[1], x + glyph_w / 2, cy, m.marker, c)
                elif what[0] == "badge":
                    draw_badge(p, x + glyph_w / 2, cy, 12, m.badge_width(12), m.badge_h, c, badge_font)
                else:
                    r_ = QRectF(x, cy - m.bar_h / 2, glyph_w, m.bar_h)
                    if what[1] == "proposed":
                        dashed_box(p, r_, c.bar["proposed"])
                    elif what[1] == "soft":
                        g = QLinearGradient(r_.left(), 0, r_.right(), 0)
                        clear = QColor(c.bar["defunct"])
                        clear.setAlpha(0)
                        g.setColorAt(0, clear)
                        g.setColorAt(1, c.bar["defunct"])
                        p.fillRect(r_, QBrush(g))
                    else:
                        p.fillRect(r_, c.bar[what[1]])
                        if what[1] == "active" and view.data.as_of_day is not None:  # the as-of line
                            p.fillRect(QRectF(round(r_.right()), cy - m.lane / 2 + 3, 1.0, m.lane - 6), c.as_of)
                lx = x + glyph_w + 5
                text = label
                if lx + self._width(fm, "small", label) > rect.right() - 6:
                    text = self._elide(fm, "small", label, rect.right() - 6 - lx)
                p.setFont(small)
                p.setPen(c.window_text)
                p.drawText(round(lx), round(base), text)
        p.restore()


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


def light_palette() -> QPalette:
    """A light palette for exports and print, whatever the screen theme."""
    pal = QPalette(QColor("#f4f4f4"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#1b1b1b"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#1b1b1b"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#2a7bd0"))
    return pal

