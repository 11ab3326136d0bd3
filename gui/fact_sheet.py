"""A fact sheet for a forum or a participant, painted on any paged device (PDF or printer).

What the sheet says, and what gives way first, is gui/sheet_layout.py's; this module lays it out on
pages: one by default, or up to ``pages``. The roomiest level of gui/sheet_layout.GIVE that fits is
chosen by a binary search. The mini-timeline is drawn inside the text, as vectors, by a text object
(sharp at any zoom, and on the page it belongs to); headings never end a page. The page is always light.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from gui import render, sheet_layout, sheet_timeline
from gui.i18n import translate
from gui.timeline_paint import light_palette
from model import records as r

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15
FOOTER_PT = 7.5
TIMELINE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
TIMELINE_MARK = "[[mini-timeline]]"
STRIP_EVENTS = 12  # events the mini-timeline labels (those a 1999 briefing wants first): more crowd it into a wall
FEATURES_OFF = ("liga", "clig", "dlig")  # ligature glyphs copy out of a PDF as U+FB01 and friends


def paper_font(family: str, size: float | None = None) -> QFont:
    """A font for paper: no ligatures, so the PDF's text copies as the letters typed."""
    font = QFont(family)
    if size:
        font.setPointSizeF(size)
    for tag in FEATURES_OFF:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def css(size: float) -> str:
    """The paper's style sheet: sizes relative to the body size, serif, black on white.

    Cell padding is in pixels (Qt's tables ignore a padding given in points), which Qt scales to the device
    itself: the same number on every device, or a printer at 1200 dpi pads four times the PDF's 300."""
    gap = round(size * 0.9 * 300 / 72)
    return f"""
    body {{ font-family: 'DejaVu Serif', serif; font-size: {size}pt; color: #000; }}
    h1 {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size * 1.75:.1f}pt; margin: 0 0 {size * .3:.1f}pt 0; }}
    h1 .acr {{ font-weight: normal; color: #333; }}
    h2 {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size * 1.1:.1f}pt; margin: {size * .8:.1f}pt 0 2pt 0; }}
    h2 .h2note {{ font-weight: normal; font-style: italic; font-size: {size * .8:.1f}pt; color: #555; }}
    h3 {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size * .95:.1f}pt; font-style: italic;
          margin: 3pt 0 1pt 0; }}
    td {{ padding-right: {gap}px; vertical-align: top; }}
    td.k, .k {{ font-family: 'DejaVu Sans', sans-serif; font-weight: bold; color: #333; }}
    td.k, td.when {{ white-space: nowrap; }}
    td.when {{ color: #333; }}
    td.track {{ font-family: 'DejaVu Sans', sans-serif; font-style: italic; font-weight: bold; padding-top: 2px; }}
    p.facts {{ margin: 0 0 3pt 0; font-size: {size * .92:.1f}pt; }}
    p.summary {{ margin: 3pt 0; }}
    p.note, p.more, span.more {{ font-style: italic; color: #333; }}
    p.more {{ margin: 2pt 0 0 0; }}
    p.claim, p.line, p.deleg {{ margin: 1pt 0; }}
    ol.sources, ol.sources li, p.sources {{ font-size: {size * .82:.1f}pt; }}
    .quote {{ font-style: italic; }}
    sup {{ font-size: {size * .62:.1f}pt; }}
    table.analyst {{ border-color: #777; background-color: #f3f3f3; }}
    td.head, td.label {{ font-family: 'DejaVu Sans', sans-serif; font-weight: bold; color: #333; }}
    td.diff {{ background-color: #ececec; }}
    td.none {{ font-style: italic; color: #555; }}
    """


def page_layout(paper: str, landscape: bool = False) -> QPageLayout:
    return QPageLayout(QPageSize(PAPERS[paper]),
                       QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def paper_palette() -> QPalette:
    palette = light_palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return palette


@dataclass
class Sheet:
    """A laid-out fact sheet: one document, paged, and the notes it numbered."""

    doc: QTextDocument
    level: int
    notes: list[r.Citation] = field(default_factory=list)
    handler: sheet_timeline.StripObject | None = None  # kept alive as long as the document draws it
    whole: int = 1  # the pages the whole sheet, nothing given way, would take

    @property
    def pages(self) -> int:
        return self.doc.pageCount()

    def paint_page(self, p: QPainter, i: int) -> None:
        h = self.doc.pageSize().height()
        draw_document(p, self.doc, -i * h, QRectF(0, i * h, self.doc.pageSize().width(), h))


def paper_document(html: str, size: float, page: QSizeF, device, ready: bool = True) -> QTextDocument:
    """A paged document of ``html`` on ``device``, laid out once, when its page size is set: here, or (with
    ``ready`` false) by the caller once it has finished the text."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(paper_font("DejaVu Serif", size))
    doc.setDefaultStyleSheet(css(size))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    if ready:
        doc.setPageSize(page)
    return doc


def _detail(atlas, rid: str):
    kind = atlas.kind_of(rid)
    if kind == "forum":
        return kind, atlas.forum(rid)
    if kind == "participant":
        return kind, atlas.participant(rid)
    raise KeyError(rid)


def _place_timeline(doc: QTextDocument, strip: sheet_timeline.Strip | None, device,
                    width: float) -> sheet_timeline.StripObject | None:
    """The mini-timeline where the sheet marked it, or nothing (and no empty line) when it has no dates."""
    found = doc.find(TIMELINE_MARK)
    if found.isNull():
        return None
    if strip is None:
        found.select(found.SelectionType.BlockUnderCursor)
        found.removeSelectedText()
        return None
    handler = sheet_timeline.StripObject(strip, device, width, paper_font("DejaVu Sans"))
    doc.documentLayout().registerHandler(TIMELINE_OBJECT, handler)
    fmt = QTextCharFormat()
    fmt.setObjectType(TIMELINE_OBJECT)
    found.insertText("\ufffc", fmt)
    return handler


def keep_headings_with_text(doc: QTextDocument, pages: int) -> None:
    """A heading that would end a page starts the next one instead, unless that needs a page too many."""
    h = doc.pageSize().height()
    layout = doc.documentLayout()
    moved = []
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        if block.blockFormat().headingLevel() in (2, 3) and nxt.isValid():
            top, bottom = layout.blockBoundingRect(block).top(), layout.blockBoundingRect(nxt).bottom()
            if int(top // h) != int(bottom // h):
                moved.append(block.position())
        block = nxt
    if not moved:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for position in moved:
        cursor.setPosition(position)
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.mergeBlockFormat(fmt)
    cursor.endEditBlock()
    doc.markContentsDirty(0, doc.characterCount())  # a block format change alone leaves the page count stale
    if doc.pageCount() > pages:
        doc.undo()
        doc.markContentsDirty(0, doc.characterCount())


def room(device) -> QSizeF:
    rect = device.pageLayout().paintRectPixels(device.resolution())
    return QSizeF(rect.width(), rect.height() - footer_height(device))


def layout_sheet(atlas, rid: str, device: QPagedPaintDevice, note: str | None = None, pages: int = 1) -> Sheet:
    """Lay out the sheet for ``rid`` on ``device``'s pages: the roomiest level that fits ``pages`` pages."""
    kind, detail = _detail(atlas, rid)
    page = room(device)
    bars = [detail.forum] if kind == "forum" and detail.forum.status != "proposed" else []  # a proposal never lived
    pages = max(1, pages)

    def attempt(level: int) -> Sheet:
        give = sheet_layout.GIVE[level]
        composed = (sheet_layout.forum(detail, give, note) if kind == "forum"
                    else sheet_layout.participant(atlas, detail, give, note))
        html = composed.html.replace(render.MINI_TIMELINE, f"<p>{sheet_layout.e(TIMELINE_MARK)}</p>")
        doc = paper_document(html, give.size, page, device, ready=False)
        marked = sheet_layout.pick_events(composed.events, STRIP_EVENTS)[0]
        strip = sheet_timeline.strip_for(bars, marked, atlas.source.as_of)
        handler = _place_timeline(doc, strip, device, page.width())
        doc.setPageSize(page)
        return Sheet(doc, level, composed.notes, handler)

    first = attempt(0)
    if first.pages <= pages:
        best = first
    else:
        lo, hi, best = 1, len(sheet_layout.GIVE) - 1, None
        while lo <= hi:
            mid = (lo + hi) // 2
            sheet = attempt(mid)
            if sheet.pages <= pages:
                best, hi = sheet, mid - 1
            else:
                lo = mid + 1
        best = best or attempt(len(sheet_layout.GIVE) - 1)
    best.whole = first.pages
    if best.pages > 1:
        keep_headings_with_text(best.doc, pages)
    return best


def fit(atlas, rid: str, device, note: str | None = None, pages: int = 1) -> tuple[list[tuple], int]:
    """What gives way when the sheet for ``rid`` has ``pages`` pages (sheet_layout.gave_way), and the pages the
    whole sheet takes."""
    kind, detail = _detail(atlas, rid)
    sheet = layout_sheet(atlas, rid, device, note, pages)
    return sheet_layout.gave_way(kind, detail, sheet.level), sheet.whole


def sheet_html(atlas, rid: str, note: str | None = None) -> str:
    """The whole sheet, nothing given way and no mini-timeline: for an editable document (ODT, Markdown)."""
    kind, detail = _detail(atlas, rid)
    give = sheet_layout.GIVE[0]
    composed = (sheet_layout.forum(detail, give, note) if kind == "forum"
                else sheet_layout.participant(atlas, detail, give, note))
    return composed.html.replace(render.MINI_TIMELINE, "")


def sheet_document(atlas, rid: str, device, note: str | None = None) -> QTextDocument:
    """sheet_html as a QTextDocument with the paper's style, for Qt's ODT writer (QTextDocumentWriter)."""
    return paper_document(sheet_html(atlas, rid, note), sheet_layout.GIVE[0].size, room(device), device)


def footer_height(device) -> float:
    return FOOTER_PT * 3.6 / 72 * device.resolution()  # a rule and two lines


def footer_text(atlas, printed: date | None = None) -> str:
    printed = printed or date.today()
    text = translate("Sheet", "Forum Atlas \u00b7 data version {version} \u00b7 printed {day} {month} {year}\n"
                              "Source: R. A. Cossa and A. Fukushima, Security Multilateralism in Asia, IGCC Policy Paper 51 "
                              "(June 1999); facts as of mid-1999.")
    return text.format(version=atlas.meta.get("data_version", "?"), day=printed.day, month=f"{printed:%B}",
                       month_number=printed.month, year=printed.year)


def paint_footer(p: QPainter, device, text: str, page: int | str | None = None) -> None:
    rect = device.pageLayout().paintRectPixels(device.resolution())
    h = footer_height(device)
    top = rect.height() - h
    p.save()
    p.setPen(QPen(QColor("#888888"), max(1.0, device.resolution() / 300)))
    p.drawLine(0, int(top + h * 0.12), rect.width(), int(top + h * 0.12))
    p.setFont(paper_font("DejaVu Sans", FOOTER_PT))
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


def paint_sheet(p: QPainter, device, sheet: Sheet, footer: str | None, page: int | None = None) -> int:
    """Paint a laid-out sheet from the current page on, starting new pages as it needs; returns its pages.

    The painter's origin is the page's printable corner. A briefing pack paints its own numbered footers
    (``footer`` None)."""
    for i in range(sheet.pages):
        if i:
            device.newPage()
        sheet.paint_page(p, i)
        if footer is not None:
            numbered = translate("Sheet", "{page} of {pages}").format(page=i + 1, pages=sheet.pages)
            paint_footer(p, device, footer, numbered if sheet.pages > 1 else page)
    return sheet.pages
