"""The timeline's frame, around the plot: eras and grid behind it, the axis, the corner, the lane labels in the
gutter and the legend; and the text helpers (elision, cached widths) the painter shares."""

from __future__ import annotations

import math
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
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
)

from gui.i18n import translate
from gui.terms import term
from gui.timeline_marks import (
    LEGEND_GAP,
    MAX_LEGEND_ROWS,
    Colors,
    PaintStats,
    dashed_box,
    draw_badge,
    draw_symbol,
)
from model.timeline_layout import SYMBOL_LABELS, SYMBOLS, Metrics, TimelineData
from model.timeline_viewport import Viewport


def month_year(d: date, full: bool = False) -> str:
    """"Jun 1999" (or "June 1999") in the interface's language: a translation may order it and use the number."""
    return translate("Timeline", "{month} {year}").format(month=f"{d:%B}" if full else f"{d:%b}",
                                                          month_number=d.month, year=d.year)


def legend_items(data: TimelineData) -> list[tuple[str, tuple]]:
    """(label, glyph) for every mark the timeline draws: symbols, the count badge, each bar style
    and an uncertain date; the active bar's glyph ends in the source's as-of line, as bars do."""
    as_of = month_year(date.fromordinal(data.as_of_day)) if data.as_of_day is not None else None
    items: list[tuple[str, tuple]] = [(term(SYMBOL_LABELS[s]), ("sym", s)) for s in SYMBOLS]
    if as_of is None:
        active = translate("Timeline", "Active")
    elif data.cut:  # the timeline is cut at the as-of month
        active = translate("Timeline", "Active (to as-of date, {date})").format(date=as_of)
    else:
        active = translate("Timeline", "Active (to source date, {date})").format(date=as_of)
    items += [(translate("Timeline", "Events merged (zoom in)"), ("badge",)), (active, ("bar", "active")),
              (translate("Timeline", "Defunct"), ("bar", "defunct")), (translate("Timeline", "Proposed"), ("bar", "proposed")),
              (translate("Timeline", "Date uncertain"), ("bar", "soft"))]
    return items


def _glyph_width(what: tuple, m: Metrics) -> float:
    return 30.0 if what[0] in ("bar", "badge") else m.marker + 2



class FramePainter:
    """Draws the frame of a :class:`Viewport`; :class:`gui.timeline_paint.TimelinePainter` adds the lanes."""

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

    # -- behind the plot --------------------------------------------------------------------
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

    # -- around the plot --------------------------------------------------------------------
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
            text = translate("Timeline", "{first} \u2013 {last} {year}").format(
                first=f"{lo:%b}", last=f"{hi:%b}", first_number=lo.month, last_number=hi.month, year=hi.year) \
                if lo.month != hi.month else month_year(lo, full=True)
        else:
            text = f"{month_year(lo)} \u2013 {month_year(hi)}"
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
                text = self._elide(fm_bold, "bold", term(lane.label), gutter_w - 14)
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
            label = term(lane.label) if lane.kind == "context" else lane.label
            text = self._elide(fmx, key, label, gutter_w - x - 8)
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

