"""A sheet's mini-timeline: a strip of years, the forum's life as a bar, and each listed event as a dot
with one label of its own, drawn as vectors where the text object stands in the sheet.

Labels go on the first row above the strip where they do not touch another; a row too many and
every label shortens to the event's date. The strip never clusters events into "zoom in" badges:
paper cannot zoom.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPyTextObject

from gui.date_words import event_when
from model import records as r

ROW = 12.0  # a label row, in the strip's 96-dpi units
BAR = 7.0
AXIS = 14.0
MAX_ROWS = 4
LABEL_CHARS = 30


@dataclass(frozen=True)
class Strip:
    """What the strip shows: days lo..hi, bars (label, first day, last day), events (day, label, date)."""

    lo: int
    hi: int
    bars: list[tuple[str, int, int]]
    events: list[tuple[int, str, str]]


def strip_for(rows: list[r.ForumRow], events: list[r.EventRow], as_of: str) -> Strip | None:
    """The strip for a sheet: the forums' lives up to the paper's date, and the events the sheet lists."""
    end = date.fromisoformat(as_of + "-30" if len(as_of) == 7 else as_of).toordinal()
    bars = [(row.acronym or row.name, row.founded.start.toordinal(),
             row.ended.end.toordinal() if row.ended else end) for row in rows if row.founded]
    marks = [(ev.lo, _short(ev.title), event_when(ev.date, ev.end)) for ev in events]
    days = [b[1] for b in bars] + [m[0] for m in marks]
    if not days:
        return None
    lo = min(days)
    return Strip(lo - 120, max([end, *(m[0] for m in marks)]) + 60, bars, sorted(marks))


def _short(title: str) -> str:
    return title if len(title) <= LABEL_CHARS else title[:LABEL_CHARS - 1].rstrip(" ,;") + "\u2026"


class StripObject(QPyTextObject):
    """The text object that draws a Strip on any painter, sized in the device's units."""

    def __init__(self, strip: Strip, device, width: float, font: QFont):
        super().__init__()
        self.strip, self.k, self.width = strip, device.resolution() / 96, width
        self.font = QFont(font)
        self.font.setPixelSize(9)
        self.rows, self.labels = _place(strip, width / self.k, QFontMetricsF(self.font))

    def height(self) -> float:
        return (self.rows * ROW + BAR + AXIS + 6) * self.k

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:
        return QSizeF(self.width, self.height())

    def drawObject(self, painter: QPainter, rect, doc, pos, fmt) -> None:
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(self.k, self.k)
        _paint(painter, self.strip, rect.width() / self.k, self.rows, self.labels, self.font)
        painter.restore()

    def image(self, scale: float = 3) -> QImage:
        """The strip as the page draws it, as a picture (``scale`` pixels a point at 96 dpi): for the editable
        documents, which hold no vectors Qt can write."""
        width, height = self.width / self.k, self.height() / self.k
        image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("#ffffff"))
        p = QPainter(image)
        try:
            _paint(p, self.strip, width, self.rows, self.labels, self.font)
        finally:
            p.end()
        return image


def _x(strip: Strip, day: int, width: float) -> float:
    return 2 + (day - strip.lo) / max(1, strip.hi - strip.lo) * (width - 4)


def _place(strip: Strip, width: float, fm: QFontMetricsF):
    """(rows, [(x of the dot, x of the label, row, text)]): each label on the first free row."""
    for shorten in (False, True):
        ends: list[float] = []
        labels = []
        for day, title, when in strip.events:
            x = _x(strip, day, width)
            text = when if shorten else f"{title}"
            w = fm.horizontalAdvance(text)
            lx = x - 1 if x + w < width else x - w + 1
            row = next((i for i, end in enumerate(ends) if end + 6 <= lx), None)
            if row is None:
                row = len(ends)
                ends.append(0.0)
            ends[row] = lx + w
            labels.append((x, lx, row, text))
        if len(ends) <= MAX_ROWS or shorten:
            return len(ends), labels
    return 0, []  # unreachable: the second pass always returns


def _paint(p: QPainter, strip: Strip, width: float, rows: int, labels, font: QFont) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    top_bar = rows * ROW + 3
    axis_y = top_bar + BAR + 2
    ink, grey, light = QColor("#000000"), QColor("#777777"), QColor("#c9d5e2")
    # the forum's life (a participant's strip has none)
    for _, a, b in strip.bars[:1]:
        p.fillRect(QRectF(_x(strip, a, width), top_bar, max(1.5, _x(strip, b, width) - _x(strip, a, width)), BAR),
                   light)
    # the years
    p.setPen(QPen(grey, 0.6))
    p.drawLine(QPointF(0, axis_y), QPointF(width, axis_y))
    p.setFont(font)
    first, last = date.fromordinal(strip.lo).year + 1, date.fromordinal(strip.hi).year
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if (last - first) / s <= width / 45)
    fm = QFontMetricsF(font)
    for year in range(first + (-first) % step, last + 1, step):
        x = _x(strip, date(year, 1, 1).toordinal(), width)
        p.setPen(QPen(grey, 0.6))
        p.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 3))
        p.setPen(grey)
        text = str(year)
        p.drawText(QPointF(min(max(0, x - fm.horizontalAdvance(text) / 2), width - fm.horizontalAdvance(text)),
                           axis_y + 3 + fm.ascent()), text)
    # each event: a leader up to its one label, and the dot on the bar
    for x, lx, row, text in labels:
        y = row * ROW + fm.ascent()
        p.setPen(QPen(grey, 0.5))
        p.drawLine(QPointF(x, y + 2), QPointF(x, top_bar + BAR / 2))
        p.setPen(ink)
        p.drawText(QPointF(lx + 2 if lx >= x - 1 else lx - 2, y), text)
    p.setPen(QPen(QColor("#ffffff"), 0.8))
    p.setBrush(QColor("#1f3b57"))
    for x, _, _, _ in labels:
        p.drawEllipse(QPointF(x, top_bar + BAR / 2), 2.6, 2.6)
    p.setBrush(Qt.BrushStyle.NoBrush)


# ---- the pack's timeline: one lane per forum ---------------------------------------------------------

LANE = 13.0
GUTTER = 120.0


@dataclass(frozen=True)
class Lanes:
    lo: int
    hi: int
    rows: list[tuple[str, int | None, int | None, list[int]]]  # (name, first day, last day, event days)


def lanes_for(forums: list[r.ForumRow], events: list[r.EventRow], as_of: str) -> Lanes:
    end = date.fromisoformat(as_of + "-30" if len(as_of) == 7 else as_of).toordinal()
    days: dict[str, list[int]] = {}
    for ev in events:
        for fid in ev.forums:
            days.setdefault(fid, []).append(ev.lo)
    rows = [(f.acronym or f.name, f.founded.start.toordinal() if f.founded else None,
             (f.ended.end.toordinal() if f.ended else end) if f.founded else None, days.get(f.id, []))
            for f in forums]
    known = [x for row in rows for x in (row[1], *row[3]) if x is not None] or [end - 3650]
    return Lanes(min(known) - 120, end + 60, rows)


def paint_lanes(p: QPainter, lanes: Lanes, width: float, rows, lane: float = LANE) -> None:
    """Some of the lanes, ``lane`` high, from the painter's origin down, in 96-dpi units: name, life bar,
    event dots."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(9)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    fm = QFontMetricsF(font)
    p.setFont(font)
    strip = Strip(lanes.lo, lanes.hi, [], [])
    plot = width - GUTTER

    def x(day: int) -> float:
        return GUTTER + _x(strip, day, plot)

    grey, light, ink = QColor("#777777"), QColor("#c9d5e2"), QColor("#000000")
    bottom = len(rows) * lane
    first, last = date.fromordinal(lanes.lo).year + 1, date.fromordinal(lanes.hi).year
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if (last - first) / s <= plot / 45)
    for year in range(first + (-first) % step, last + 1, step):
        xx = x(date(year, 1, 1).toordinal())
        p.setPen(QPen(QColor("#e3e3e3"), 0.5))
        p.drawLine(QPointF(xx, 0), QPointF(xx, bottom))
        p.setPen(grey)
        p.drawText(QPointF(xx - fm.horizontalAdvance(str(year)) / 2, bottom + 3 + fm.ascent()), str(year))
    for n, (name, a, b, days) in enumerate(rows):
        y = n * lane
        p.setPen(ink)
        p.drawText(QPointF(0, y + lane / 2 + fm.ascent() / 2 - 1), fm.elidedText(name, Qt.TextElideMode.ElideRight,
                                                                                    GUTTER - 6))
        if a is not None:
            p.fillRect(QRectF(x(a), y + lane / 2 - 3, max(1.5, x(b) - x(a)), 6), light)
        p.setPen(QPen(QColor("#ffffff"), 0.6))
        p.setBrush(QColor("#1f3b57"))
        for day in days:
            p.drawEllipse(QPointF(x(day), y + lane / 2), 2.3, 2.3)
        p.setBrush(Qt.BrushStyle.NoBrush)
