"""The timeline widget: lanes of forums over time, zoomable and pannable, fast at any dataset size.

Feed it with :meth:`TimelineWidget.set_atlas` (or :meth:`~TimelineWidget.set_groups` with the read
API's records). It owns no selection: it emits ``recordClicked(id)`` and follows :meth:`select`.

Input: the wheel zooms around the cursor (over the label gutter, or with Shift, it scrolls the
lanes; a horizontal wheel pans); dragging pans; Shift-drag brushes a date range; + and - zoom;
Left/Right pan; Up/Down/PageUp/PageDown scroll the lanes; Home fits everything (the first view
shows only the densest part of the data); F fits the selection;
Escape clears the brushed range. Clicking a count badge zooms into it.
"""

from __future__ import annotations

import errno
import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QScrollBar, QSizePolicy, QToolTip, QWidget

from gui.date_words import date_text, event_when
from gui.i18n import translate
from gui.terms import term
from gui.timeline_frame import month_year
from gui.timeline_marks import PaintStats, light_palette
from gui.timeline_paint import TimelinePainter
from model import as_of as when
from model import atomic
from model.records import STATUS_LABELS
from model.timeline_layout import TimelineData
from model.timeline_viewport import Hit, Viewport, frame_for
from model.vocabulary import EVENT_KINDS

ZOOM_STEP = 1.5
MAX_EXPORT_HEIGHT = 30000  # pixels: about 1,300 lanes
WHEEL_STEP = 1.25  # per 120 units of wheel (one notch)


SHORT = 280  # pixels: a timeline lower than this shows one row of legend (View › Show timeline legend hides it)


class TimelineWidget(QWidget):
    """Forums as lanes over time, their events as markers. Object name ``timeline``.

    Signals:
        recordClicked(str): an event marker (event id) or a forum lane (forum id) was clicked.
            The widget does not change its highlight by itself; the selection owner calls select().
        rangeBrushed(int, int): Shift-drag chose the days lo..hi (proleptic ordinals, inclusive);
            (0, 0) when the range is cleared (Escape, a click without drag, clear_brush()).
    """

    recordClicked = Signal(str)
    rangeBrushed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Timeline"))
        self.show_legend = True  # View › Show timeline legend: folded, the lanes get its rows
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.data = TimelineData()
        self.view = Viewport(self.data, 640, 300)
        self.painter = TimelinePainter()
        self.last_paint = PaintStats()
        self._selected: str | None = None
        self._brush: tuple[int, int] | None = None
        self._fitted = False
        self._fit_state: tuple | None = None  # the scale right after the last fit (refit on resize)
        self._fit_mode = "default"  # what that fit showed: "default" (the densest part) or "all"
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragging = False
        self._brushing: float | None = None  # the day where a Shift-drag started
        self._syncing = False
        self._bar = QScrollBar(Qt.Orientation.Vertical, self)
        self._bar.setCursor(Qt.CursorShape.ArrowCursor)
        self._bar.valueChanged.connect(self._scrolled)
        self._bar.hide()

    # -- data ----------------------------------------------------------------------------------
    def set_atlas(self, atlas, by: str = "track", as_of: str | None = None) -> None:
        """Load everything from an ``Atlas``: its ``grouped(by)`` forums, events, eras and as_of. Given the
        app's as-of month, the timeline shows the atlas as it stood then: its line at the month, no forum
        founded or event begun after it, uncertain foundings marked."""
        states = when.forum_states(atlas, as_of) if as_of else None
        self.set_groups(atlas.grouped(by), atlas.events(), atlas.eras(), as_of or atlas.source.as_of, states)

    def set_groups(self, groups, events, eras=(), as_of=None, states=None) -> None:
        """Show ``groups`` (``Atlas.grouped(by)``: ``[(label, [ForumRow])]``) with ``events``
        (``Atlas.events()``), ``eras`` (``Atlas.eras()``) and ``as_of`` (``atlas.source.as_of``,
        e.g. "1999-06": active forums run to it); ``states`` (model/as_of.py, at ``as_of``) cuts the atlas
        there (``TimelineData``). Keeps the participant filter, zoom and selection;
        the first data opens on its densest part (``Viewport.fit_default``), Home shows all."""
        visible = self.data.visible
        untouched = self._fit_state == self.view.scale.state()
        self.data = TimelineData(groups, events, eras, as_of, states=states)
        if visible is not None:
            self.data.set_visible(visible)
        self.view.set_data(self.data)
        if not self._fitted:
            self._fit_now("default")
        elif untouched or self.view.scale.px_per_day < self.view.scale.min_px_per_day:
            self._fit_now()
        if self._selected is not None:
            self.view.reveal(self._selected)
        self._changed()

    def set_visible_forums(self, ids: set[str] | None) -> None:
        """Show only the lanes of these forums (None: all); events of hidden forums disappear."""
        self.data.set_visible(ids)
        self.view.set_data(self.data)
        self._changed()

    # -- selection and view -----------------------------------------------------------------------
    def select(self, record_id: str | None) -> bool:
        """Highlight a forum's lane(s) or an event and scroll it into view; a forum none of whose
        lifespan is in view is brought in too (panned to at this zoom if it fits, else fitted).
        Other ids clear the highlight. Returns whether the record is on the timeline."""
        known = bool(record_id) and (record_id in self.data.forums or self.data.event(record_id) is not None)
        self._selected = record_id if known else None
        shown = bool(known and self.view.reveal(record_id))
        self._changed()
        return shown

    def selected(self) -> str | None:
        return self._selected

    def fit_all(self) -> None:
        """Show the whole period and scroll to the top lane."""
        self._fit_now("all")
        self._changed()

    def fit_selection(self) -> None:
        """Zoom to the selected forum's lifespan and events (or the selected event); else fit all."""
        if not (self._selected and self.view.fit_record(self._selected)):
            self._fit_now("all")
        self._changed()

    def zoom_in(self) -> None:
        self.view.scale.zoom(ZOOM_STEP)
        self._changed()

    def zoom_out(self) -> None:
        self.view.scale.zoom(1 / ZOOM_STEP)
        self._changed()

    def show_days(self, lo: int, hi: int) -> None:
        """Zoom to the days lo..hi (ordinals)."""
        self.view.fit_days(lo, hi)
        self._fitted = True
        self._changed()

    def brush(self) -> tuple[int, int] | None:
        return self._brush

    def set_brush(self, days: tuple[int, int] | None) -> None:
        """Show this brushed range (days lo..hi, ordinals) without emitting ``rangeBrushed``; None clears it."""
        if days != self._brush:
            self._brush = tuple(days) if days else None
            self.update()

    def clear_brush(self) -> None:
        if self._brush is not None:
            self._brush = None
            self.update()
            self.rangeBrushed.emit(0, 0)

    # -- export ----------------------------------------------------------------------------------
    def export_image(self, path, lo: int | None = None, hi: int | None = None, width: int = 2400) -> Path:
        """Write the whole timeline to a PNG or SVG file (chosen by the extension): every lane shown
        (after the participant filter), the days lo..hi (default: the whole period), ``width`` pixels
        wide, in a light palette whatever the screen theme. Returns the path. Raises ValueError for
        another extension or for more lanes than one image can hold (filter the forums first)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise ValueError(f"export as .png or .svg, not {path.suffix!r}")
        rows = TimelinePainter().legend_rows(self.data, self.data.metrics, width, self.font())
        view = frame_for(self.data, width, lo, hi, legend_rows=rows)
        w, h = int(view.width), int(round(view.height))
        if h > MAX_EXPORT_HEIGHT:
            raise ValueError(f"{len(self.data.lanes)} lanes are too many for one image; "
                             "show fewer forums (a participant filter) and export again")
        palette = light_palette()
        painter = TimelinePainter()
        real = atomic.writable_target(path)  # through a symlink; never onto a folder or a device
        with atomic.replacing(real, prefix=".forum-atlas-", suffix=suffix) as tmp:  # the old file stays until the new one is whole
            if suffix == ".png":
                image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(palette.color(palette.ColorRole.Window))
                p = QPainter(image)
                try:
                    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
                    painter.paint(p, view, palette, font=self.font())
                finally:  # a painter left active when its device goes away crashes Qt
                    p.end()
                if not image.save(str(tmp), "PNG"):
                    raise OSError(errno.EIO, "the image could not be written (is the disk full?)")
                ending = b"IEND\xaeB`\x82"
            else:
                from PySide6.QtSvg import QSvgGenerator

                gen = QSvgGenerator()
                gen.setFileName(str(tmp))
                gen.setSize(QSize(w, h))
                gen.setViewBox(QRectF(0, 0, w, h))
                gen.setTitle("Forum Atlas timeline")
                gen.setDescription("Asia-Pacific security forums, after IGCC Policy Paper 51 (1999)")
                p = QPainter(gen)
                try:
                    painter.paint(p, view, palette, font=self.font(), vector=True)
                finally:
                    ended = p.end()
                del gen  # closes its file, so what was written can be checked
                if not ended:
                    raise OSError(errno.EIO, "the drawing could not be finished (is the disk full?)")
                ending = b"</svg>"
            with open(tmp, "rb") as fh:  # Qt reports some failed writes as success: read the end back
                fh.seek(max(0, fh.seek(0, 2) - 32))
                if not fh.read().rstrip().endswith(ending):
                    raise OSError(errno.ENOSPC, "the file came out truncated (is the disk full?)")
        return path

    # -- painting ----------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 140)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.view.width < self.width():  # the scroll bar's column, above and below the bar
            p.fillRect(int(self.view.width), 0, self.width() - int(self.view.width), self.height(),
                       self.palette().color(self.palette().ColorRole.Window))
        self.last_paint = self.painter.paint(p, self.view, self.palette(), font=self.font(),
                                             selected=self._selected, brush=self._brush,
                                             clip=QRectF(event.rect()))
        p.end()

    def resizeEvent(self, event) -> None:
        untouched = self._fit_state == self.view.scale.state()  # still showing everything, as fitted
        self._relayout()
        if (untouched or not self._fitted) and self.data.lanes:
            scroll = self.view.scroll
            self._fit_now()
            self.view.scroll_to(scroll)
            self._sync_bar()
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()
        super().changeEvent(event)

    # -- input ------------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        dy, dx = event.angleDelta().y(), event.angleDelta().x()
        pos = event.position()
        mods = event.modifiers()
        if dy and (pos.x() < self.view.plot_left or mods & Qt.KeyboardModifier.ShiftModifier):
            self.view.scroll_by(-dy / 120 * 3 * self.view.m.lane)
        elif dy:
            self.view.scale.zoom(WHEEL_STEP ** (dy / 120), pos.x())
        if dx:
            self.view.scale.pan(dx / 120 * 40)
        self._changed()
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        self._press = self._last = pos
        self._dragging = False
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and pos.x() >= self.view.plot_left:
            self._brushing = self.view.scale.day(pos.x())
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._press is None:
            self._hover_cursor(pos)
            return
        if self._brushing is not None:
            a, b = sorted((self._brushing, self.view.scale.day(pos.x())))
            self._brush = (int(a), int(b))
            self._dragging = True
            self.update()
            return
        if not self._dragging and (pos - self._press).manhattanLength() >= QApplication.startDragDistance():
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragging:
            delta = pos - self._last
            self.view.scale.pan(delta.x())
            self.view.scroll_by(-delta.y())
            self._last = pos
            self._changed()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        pos = event.position()
        brushing, dragging = self._brushing, self._dragging
        self._press = self._last = None
        self._brushing = None
        self._dragging = False
        self.unsetCursor()
        if brushing is not None:
            if dragging and abs(self.view.scale.x(brushing) - pos.x()) >= 3:
                a, b = sorted((brushing, self.view.scale.day(pos.x())))
                self._brush = (int(a), int(b))
                self.update()
                self.rangeBrushed.emit(*self._brush)
            else:
                self.clear_brush()
            return
        if not dragging:
            self._click(pos)

    def _click(self, pos: QPointF) -> None:
        hit = self.view.hit(pos.x(), pos.y())
        if hit.kind == "cluster":
            self.view.fit_days(hit.lo, hit.hi)
            self._changed()
        elif hit.kind in ("event", "forum") and hit.id:
            self.recordClicked.emit(hit.id)

    def mouseDoubleClickEvent(self, event) -> None:
        pos = event.position()
        if self.view.hit(pos.x(), pos.y()).kind in ("forum", "context", "header", "none"):
            self.view.scale.zoom(2.0, pos.x())
            self._changed()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        k = Qt.Key
        view = self.view
        if key in (k.Key_Plus, k.Key_Equal):
            self.zoom_in()
        elif key in (k.Key_Minus, k.Key_Underscore):
            self.zoom_out()
        elif key == k.Key_Left:
            view.scale.pan(view.plot_width / 8)
            self._changed()
        elif key == k.Key_Right:
            view.scale.pan(-view.plot_width / 8)
            self._changed()
        elif key == k.Key_Up:
            view.scroll_by(-view.m.lane)
            self._changed()
        elif key == k.Key_Down:
            view.scroll_by(view.m.lane)
            self._changed()
        elif key == k.Key_PageUp:
            view.scroll_by(-view.plot_height * 0.9)
            self._changed()
        elif key == k.Key_PageDown:
            view.scroll_by(view.plot_height * 0.9)
            self._changed()
        elif key == k.Key_Home:
            self.fit_all()
        elif key == k.Key_F:
            self.fit_selection()
        elif key == k.Key_Escape and self._brush is not None:
            self.clear_brush()
        else:
            super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position() if hasattr(event, "position") else QPointF(event.pos())
            text = self.tooltip_at(pos.x(), pos.y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, x: float, y: float) -> str:
        """The tooltip's text at a point: title, date as the paper gives it, and place."""
        if y < self.view.m.era_strip and x >= self.view.plot_left:  # era names may be elided: name them
            era = self.view.era_at(x)
            if era is not None:
                a, b = date.fromordinal(era.lo), date.fromordinal(era.hi)
                span = f"{month_year(a, full=True)} \u2013 {month_year(b, full=True)}"
                return f"<b>{html.escape(era.name)}</b><br>{span}"
        hit = self.view.hit(x, y)
        return tooltip_for(hit, self.data)

    # -- internals ---------------------------------------------------------------------------------
    def _hover_cursor(self, pos: QPointF) -> None:
        kind = self.view.hit(pos.x(), pos.y()).kind
        if kind in ("event", "cluster"):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    def _fit_now(self, mode: str | None = None) -> None:
        """Fit the view: "all" (Home), "default" (the first view) or, by default, as the last fit did."""
        self._fit_mode = mode or self._fit_mode
        if self._fit_mode == "all":
            self.view.fit_all()
        else:
            self.view.fit_default()
        self._fitted = bool(self.data.lanes)
        self._fit_state = self.view.scale.state()

    def _relayout(self) -> None:
        """Fit the viewport to the widget, leaving room for the scroll bar when the lanes overflow."""
        w, h = self.width(), self.height()
        sbw = self._bar.sizeHint().width()
        rows = self.painter.legend_rows(self.data, self.view.m, w - sbw, self.font()) if self.show_legend else 0
        self.view.legend_rows = min(rows, 1) if h < SHORT else rows  # a short timeline keeps its room for lanes
        self.view.resize(w, h)
        need = self.view.max_scroll > 0
        if need:
            self.view.resize(w - sbw, h)
            top, bottom = int(self.view.plot_top), int(self.view.plot_bottom)
            self._bar.setGeometry(w - sbw, top, sbw, max(0, bottom - top))
        self._bar.setVisible(need)
        self._sync_bar()

    def _sync_bar(self) -> None:
        self._syncing = True
        view = self.view
        self._bar.setRange(0, int(round(view.max_scroll)))
        self._bar.setPageStep(max(1, int(view.plot_height)))
        self._bar.setSingleStep(int(view.m.lane))
        self._bar.setValue(int(round(view.scroll)))
        self._syncing = False

    def _scrolled(self, value: int) -> None:
        if not self._syncing:
            self.view.scroll_to(value)
            self.update()

    def _changed(self) -> None:
        if (self.view.max_scroll > 0) != self._bar.isVisible():
            self._relayout()
        else:
            self._sync_bar()
        self.update()


def tooltip_for(hit: Hit, data: TimelineData) -> str:
    esc = html.escape
    if hit.kind == "event" and hit.id:
        e = data.event(hit.id)
        if e is None:
            return ""
        lines = [f"<b>{esc(e.title)}</b>", esc(event_when(e.date, e.end))]
        if e.place:
            lines.append(esc(e.place))
        lines.append(f"<i>{esc(term(EVENT_KINDS[e.kind].label) if e.kind in EVENT_KINDS else e.kind)}</i>")
        return "<br>".join(lines)
    if hit.kind == "cluster":
        a, b = date.fromordinal(hit.lo), date.fromordinal(hit.hi)
        span = str(a.year) if a.year == b.year else f"{a.year}\u2013{b.year}"
        return translate("Timeline", "<b>{n} events</b>, {span}<br>Click or zoom in to separate them").format(
            n=hit.count, span=span)
    if hit.kind == "forum" and hit.id:
        f = data.forums.get(hit.id)
        if f is None:
            return ""
        since = date_text(f.founded) if f.founded else translate("Timeline", "founding date not given")
        until = translate("Timeline", " to {date}").format(date=date_text(f.ended)) if f.ended else ""
        status = term(STATUS_LABELS.get(f.status, f.status))
        doubt = ("<br><i>" + esc(translate("Timeline", "Perhaps not yet founded at the as-of date"))
                 + "</i>") if hit.id in data.uncertain else ""
        return f"<b>{esc(f.name)}</b><br>{esc(since)}{esc(until)}<br>{esc(status)}{doubt}"
    return ""
