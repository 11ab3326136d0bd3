"""A one-page fact sheet for a forum or a participant, painted on any paged device (PDF or printer).

The content is the detail pane's, from the same renderer (gui/render.py) with a paper Style.
When a sheet would overflow, it is laid out again with tighter limits ("and 12 more meetings")
and slightly smaller type, until it fits one page. The page is always light, whatever the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)

from gui import render
from gui.timeline_paint import light_palette, paint_frame
from model.timeline_layout import Metrics, TimelineData

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15
FOOTER_PT = 7.5
MINI_LANES = 5  # the mini-timeline shows at most this many lanes
# The timeline's own drawing, tightened for a strip on paper: no legend, slim lanes.
MINI_METRICS = Metrics(gutter=150.0, axis=30.0, era_strip=13.0, legend=0.0, lane=15.0, header=0.0, context=0.0,
                       marker=9.0, badge_h=12.0, bar_h=6.0)

# From roomy to tight, each a little tighter than the one before: (events, participants, judgements
# per author, compact, membership notes, quotes in the source notes, mini-timeline, type size).
# A binary search finds the roomiest that fits one page.
_TIGHTER = [
    (None, None, None, False, True, True, True, 9.5),
    (16, 24, 4, False, True, True, True, 9.5),
    (12, 18, 3, False, True, True, True, 9.0),
    (12, 18, 3, True, False, True, True, 9.0),
    (10, 16, 3, True, False, True, True, 8.5),
    (10, 16, 2, True, False, True, True, 8.0),
    (10, 16, 2, True, False, False, True, 8.5),
    (8, 14, 2, True, False, False, True, 8.5),
    (6, 12, 1, True, False, False, True, 8.0),
    (5, 8, 1, True, False, False, True, 8.0),
    (4, 6, 1, True, False, False, True, 7.5),
    (3, 6, 1, True, False, False, False, 7.5),
]
LEVELS = [(render.Style(links=False, max_events=ev, max_members=mem, max_claims=cl, compact=compact,
                        member_notes=notes, quotes=quotes, timeline=timeline), size)
          for ev, mem, cl, compact, notes, quotes, timeline, size in _TIGHTER]


def css(size: float) -> str:
    """The paper's style sheet: sizes relative to the body size, serif, black on white."""
    return f"""
    body {{ font-family: 'DejaVu Serif', serif; font-size: {size}pt; color: #000; }}
    h1 {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size * 1.75:.1f}pt; margin: 0 0 {size * .4:.1f}pt 0; }}
    h1 .acr {{ font-weight: normal; color: #333; }}
    h2 {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size * 1.12:.1f}pt; margin: {size * .9:.1f}pt 0 2pt 0;
          border-bottom: 1px solid #999; }}
    h3 {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size:.1f}pt; font-style: italic; margin: 4pt 0 1pt 0; }}
    td {{ padding: 0 8pt 1pt 0; vertical-align: top; }}
    td.k {{ font-family: 'DejaVu Sans', sans-serif; font-weight: bold; white-space: nowrap; color: #333; }}
    p.summary {{ margin: 5pt 0; }}
    p.note, p.more {{ font-style: italic; color: #333; }}
    ol.sources, ol.sources li, p.sources {{ font-size: {size * .82:.1f}pt; }}
    .quote {{ font-style: italic; }}
    sup {{ font-size: {size * .7:.1f}pt; }}
    table.analyst {{ border-color: #777; background-color: #f3f3f3; }}
    """


def page_layout(paper: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def paper_palette() -> QPalette:
    palette = light_palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return palette


@dataclass
class Sheet:
    """A laid-out fact sheet: the text above and below the mini-timeline, and what the timeline shows."""

    head: QTextDocument
    tail: QTextDocument | None
    timeline: TimelineData | None
    level: int

    def timeline_height(self, device) -> float:
        """The mini-timeline strip's height in device pixels: the axis and up to MINI_LANES lanes."""
        if self.timeline is None:
            return 0.0
        m = self.timeline.metrics
        px = m.axis + min(self.timeline.height, MINI_LANES * m.lane) + 8  # at 96 dpi
        return px * device.resolution() / 96

    def height(self, device) -> float:
        h = self.head.size().height()
        if self.tail is not None:
            h += self.tail.size().height() + self.timeline_height(device)
        return h


def _document(html: str, size: float, width: float, device) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("DejaVu Serif", size))
    doc.setDefaultStyleSheet(css(size))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def _detail(atlas, rid: str):
    kind = atlas.kind_of(rid)
    if kind == "forum":
        return kind, atlas.forum(rid)
    if kind == "participant":
        return kind, atlas.participant(rid)
    raise KeyError(rid)


def _timeline_data(atlas, kind: str, detail) -> TimelineData | None:
    if kind == "forum":
        forums = [detail.forum, *detail.children]
        events = atlas.events(forum_ids={f.id for f in forums}) if detail.children else detail.events
    else:
        ids = {m.forum_id for m in detail.memberships}
        forums = [atlas.forum_row(fid) for fid in ids]
        forums.sort(key=lambda f: (f.founded.key() if f.founded else (10**9, 0, 0, ""), f.name))
        events = atlas.events(forum_ids=ids)
    if not events and not any(f.founded for f in forums):
        return None
    return TimelineData([("", forums)], events, atlas.eras(), atlas.source.as_of, metrics=MINI_METRICS)


def layout_sheet(atlas, rid: str, device: QPagedPaintDevice, note: str | None = None) -> Sheet:
    """Lay out the sheet for ``rid`` on ``device``'s page, as roomy as one page allows."""
    kind, detail = _detail(atlas, rid)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, room = rect.width(), rect.height() - footer_height(device)
    data = _timeline_data(atlas, kind, detail)

    def attempt(level: int) -> Sheet:
        style, size = LEVELS[level]
        html = (render.forum if kind == "forum" else render.participant)(detail, style, note=note)
        head, _, tail = html.partition(render.MINI_TIMELINE)
        return Sheet(_document(head, size, width, device), _document(tail, size, width, device) if tail else None,
                     data if tail else None, level)

    def fits(sheet: Sheet) -> bool:
        return sheet.height(device) <= room

    # Most sheets fit whole; those with much to say (measured: 18 or more items) never do, so they go
    # straight to a binary search for the roomiest level that fits.
    if _items(kind, detail) < 18:
        first = attempt(0)
        if fits(first):
            return first
    lo, hi, best = 1, len(LEVELS) - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        sheet = attempt(mid)
        if fits(sheet):
            best, hi = sheet, mid - 1
        else:
            lo = mid + 1
    return best or attempt(len(LEVELS) - 1)


def _items(kind: str, d) -> int:
    """Roughly how many lines a sheet holds before any shortening."""
    if kind == "forum":
        return (len(d.members) + len(d.events) + 2 * len(d.claims) + len(d.sources) + 2 * len(d.discrepancies)
                + len(d.relations))
    return len(d.memberships) + len(d.events) + len(d.sources)


def footer_height(device) -> float:
    return FOOTER_PT * 3.6 / 72 * device.resolution()  # a rule and two lines


def footer_text(atlas, printed: date | None = None) -> str:
    printed = printed or date.today()
    return (f"Forum Atlas \u00b7 data version {atlas.meta.get('data_version', '?')} \u00b7 printed {printed.day} "
            f"{printed:%B %Y}\nSource: R. A. Cossa and A. Fukushima, Security Multilateralism in Asia, "
            "IGCC Policy Paper 51 (June 1999); facts as of mid-1999.")


def paint_footer(p: QPainter, device, text: str, page: int | None = None) -> None:
    rect = device.pageLayout().paintRectPixels(device.resolution())
    h = footer_height(device)
    top = rect.height() - h
    p.save()
    p.setPen(QPen(QColor("#888888"), max(1.0, device.resolution() / 300)))
    p.drawLine(0, int(top + h * 0.12), rect.width(), int(top + h * 0.12))
    font = QFont("DejaVu Sans")
    font.setPointSizeF(FOOTER_PT)
    p.setFont(font)
    p.setPen(QColor("#444444"))
    box = QRectF(0, top + h * 0.2, rect.width(), h * 0.8)
    p.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)
    if page is not None:
        p.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), str(page))
    p.restore()


def draw_document(p: QPainter, doc: QTextDocument, top: float, clip: QRectF | None = None) -> None:
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.palette = paper_palette()
    p.save()
    p.translate(0, top)
    if clip is not None:  # the context's clip skips whole blocks only; the painter's cuts at the page edge
        ctx.clip = clip
        p.setClipRect(clip)
    doc.documentLayout().draw(p, ctx)
    p.restore()


def mini_timeline(data: TimelineData, width: float, height: float, scale: int = 2) -> QImage:
    """The timeline's own drawing at screen proportions (96 dpi), sharp enough for paper."""
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)  # opaque: no PDF soft mask
    image.setDevicePixelRatio(scale)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_frame(p, QRectF(0, 0, width, height), data, palette=light_palette(), vector=False)
    p.end()
    return image


def paint_sheet(p: QPainter, device, sheet: Sheet, footer: str | None, page: int | None = None) -> None:
    """Paint one laid-out sheet on the current page; the painter's origin is the page's printable corner."""
    draw_document(p, sheet.head, 0)
    y = sheet.head.size().height()
    if sheet.tail is not None:
        if sheet.timeline is not None:
            h = sheet.timeline_height(device)
            width = device.pageLayout().paintRectPixels(device.resolution()).width()
            target = QRectF(0, y + h * 0.03, width, h * 0.94)
            k = device.resolution() / 96
            p.drawImage(target, mini_timeline(sheet.timeline, target.width() / k, target.height() / k))
            y += h
        draw_document(p, sheet.tail, y)
    if footer is not None:  # a briefing pack paints its own numbered footers
        paint_footer(p, device, footer, page)
