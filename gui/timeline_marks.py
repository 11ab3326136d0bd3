"""What the timeline draws with: its colours, the event symbols, the count badge, dashed boxes, and the light
palette exports and print use. Shapes only; gui/timeline_paint.py and gui/timeline_frame.py place them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from model.timeline_layout import badge_text

# Mid-tone hues that read on light and dark backgrounds; shape, not only colour, tells kinds apart.
SYMBOL_COLORS = {
    "founding": ("#23914f", "#4cc27a"), "meeting": ("#2563c4", "#6aa2f0"), "proposal": ("#8244c9", "#b58cf0"),
    "agreement": ("#b7790b", "#e9ad3c"), "dissolution": ("#6b6b6b", "#a8a8a8"), "crisis": ("#cf2f2f", "#f07070"),
    "other": ("#14868c", "#45c4ca"),
}
ERA_TINTS = ("#c9a227", "#c0504d", "#4f81bd", "#2e9e7a", "#8064a2")
LEGEND_GAP = 16.0  # pixels between legend entries
MAX_LEGEND_ROWS = 3



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


def device_ratio(p: QPainter) -> float:
    dev = p.device()
    try:
        return max(1.0, float(dev.devicePixelRatioF()))
    except AttributeError:
        return 1.0



def light_palette() -> QPalette:
    """A light palette for exports and print, whatever the screen theme."""
    pal = QPalette(QColor("#f4f4f4"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#1b1b1b"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#1b1b1b"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#2a7bd0"))
    return pal
