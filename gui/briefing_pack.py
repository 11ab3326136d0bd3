"""A briefing pack: cover, contents, a sheet for each forum and participant in the basket, a page for
each person, the chronology of its events, the forums' timeline and membership matrix, and the sources
appendix grouped by sheet, as one paged document (PDF or printer). What it holds is
gui/pack_contents.py's; this module lays it out and paints it. The contents' entries are the PDF's outline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QTextDocument

from gui import fact_sheet as fs
from gui import pack_contents as pc
from gui import render, sheet_timeline
from gui.i18n import translate
from model import records as r


@dataclass
class Section:
    title: str
    pages: int
    paint: object  # callable(painter, device, page_index_within_section)
    listed: bool = True  # in the contents and the outline


@dataclass
class Pack:
    sections: list[Section]
    outline: list[tuple[str, int]]  # (title, first page, 1-based): the contents page's entries
    basket: pc.Basket


def _flow(html: str, device, size: float = 9.0) -> QTextDocument:
    """A document that flows over as many pages as it needs."""
    return fs.paper_document(html, size, fs.room(device), device)


def _flow_section(title: str, doc: QTextDocument, listed: bool = True) -> Section:
    h = doc.pageSize().height()

    def paint(p, device, i):
        fs.draw_document(p, doc, -i * h, QRectF(0, i * h, doc.pageSize().width(), h))

    return Section(title, doc.pageCount(), paint, listed)


def _cover(title: str, when: date, basket: pc.Basket, names: list[str], prepared_by: str) -> Section:
    def paint(p: QPainter, device, _i):
        rect = device.pageLayout().paintRectPixels(device.resolution())
        w, h = rect.width(), rect.height()
        p.setPen(QColor("#000000"))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        p.setFont(_font(26, bold=True))
        p.drawText(QRectF(0, h * 0.16, w, h * 0.2), flags | int(Qt.AlignmentFlag.AlignBottom), title)
        p.setFont(_font(13))
        line = translate("Sheet", "{day} {month} {year}").format(day=when.day, month=f"{when:%B}",
                                                                 month_number=when.month, year=when.year)
        line += ("\n" + translate("Sheet", "Prepared by {name}").format(name=prepared_by)) if prepared_by else ""
        p.drawText(QRectF(0, h * 0.38, w, h * 0.08), flags, line)
        p.setFont(_font(10))
        more = "\n" + translate("Sheet", "and {n} more").format(n=len(names) - 36) if len(names) > 36 else ""
        on = translate("Sheet", "Briefing pack on {what}:").format(what=basket.summary())
        p.drawText(QRectF(0, h * 0.48, w, h * 0.5), flags, on + "\n" + "\n".join(names[:36]) + more)

    return Section(translate("Sheet", "Cover"), 1, paint, listed=False)


def _font(points: float, bold: bool = False):
    font = fs.paper_font("DejaVu Sans", points)
    font.setBold(bold)
    return font


def _timeline(atlas, forums: list[r.ForumRow], device) -> Section:
    """The pack's forums, one lane each, as many pages as their lanes need."""
    lanes = sheet_timeline.lanes_for(forums, atlas.events(forum_ids={f.id for f in forums}), atlas.source.as_of)
    k = device.resolution() / 96
    page = fs.room(device)
    per_page = max(1, int((page.height() / k - 60) // sheet_timeline.LANE))
    count = max(1, -(-len(lanes.rows) // per_page))
    lane = min(26.0, (page.height() / k - 60) / max(1, min(per_page, len(lanes.rows))))  # few forums, wider lanes

    def paint(p: QPainter, device, i):
        p.setPen(QColor("#000000"))
        p.setFont(_font(16, bold=True))
        p.drawText(QRectF(0, 0, page.width(), 40 * k), int(Qt.AlignmentFlag.AlignLeft),
                   translate("Sheet", "Timeline") + (translate("Sheet", " ({n} of {count})").format(n=i + 1, count=count)
                                                     if count > 1 else ""))
        p.save()
        p.translate(0, 40 * k)
        p.scale(k, k)
        sheet_timeline.paint_lanes(p, lanes, page.width() / k, lanes.rows[i * per_page:(i + 1) * per_page], lane)
        p.restore()

    return Section(translate("Sheet", "Timeline"), count, paint)


def _sheet_title(atlas, kind: str, rid: str) -> str:
    if kind == "forum":
        f = atlas.forum_row(rid)
        return f.name + (f" ({f.acronym})" if f.acronym else "")
    if kind == "participant":
        return translate("Sheet", "{name}, as of mid-1999").format(name=atlas.name_of(rid))
    return atlas.name_of(rid)


def build(atlas, ids: list[str], device, title: str, when: date, notes: dict[str, str] | None = None,
          options: pc.Options | None = None) -> Pack:
    """The pack's sections, laid out for ``device``; page numbers in the contents are final."""
    options = options or pc.Options()
    basket = pc.Basket.of(atlas, ids)
    notes = (notes or {}) if options.notes else {}
    sheets: list[tuple[Section, list[r.Citation]]] = []
    for kind, rids in (("forum", basket.forums), ("participant", basket.participants)):
        for rid in rids:
            sheet = fs.layout_sheet(atlas, rid, device, note=notes.get(rid), pages=options.pages)
            sheets.append((Section(_sheet_title(atlas, kind, rid), sheet.pages,
                                   lambda p, d, i, s=sheet: s.paint_page(p, i)), sheet.notes))
    for rid in basket.people:
        detail = atlas.person(rid)
        html = render.person(detail, render.Style(links=False), note=notes.get(rid))
        sheets.append((_flow_section(detail.person.name, _flow(html, device, 9.5)), detail.sources))
    body = [s for s, _ in sheets]
    forums = [atlas.forum_row(f) for f in basket.forums]
    if options.chronology and (basket.events or basket.forums):
        events = pc.chronology_events(atlas, basket)
        chronology = pc.chronology_html(atlas, events, bool(basket.events))
        body.append(_flow_section(translate("Sheet", "Chronology"), _flow(chronology, device, 8.5)))
    if options.timeline and forums:
        body.append(_timeline(atlas, forums, device))
    if options.matrix and forums:
        matrix = _flow(pc.matrix_html(atlas, forums), device, 8.5)
        body.append(_flow_section(translate("Sheet", "Membership matrix"), matrix))
    contents_pages = 1
    while True:  # the contents' (and the appendix's) length moves every page number after it
        entries, page = [], 2 + contents_pages
        for s in body:
            entries.append((s.title, page))
            page += s.pages
        tail = []
        if options.sources:
            appendix = pc.sources_html([(s.title, entries[n][1], cites) for n, (s, cites) in enumerate(sheets)])
            tail = [_flow_section(translate("Sheet", "Sources, by sheet"), _flow(appendix, device, 8.5))]
            entries.append((translate("Sheet", "Sources, by sheet"), page))
        doc = _flow(pc.contents_html(entries), device, 10)
        if doc.pageCount() == contents_pages:
            break
        contents_pages = doc.pageCount()
    names = [title for title, _ in entries[:len(sheets)]]
    names += [atlas.name_of(eid) for eid in basket.events]
    sections = [_cover(title, when, basket, names, options.prepared_by),
                _flow_section(translate("Sheet", "Contents"), doc, False),
                *body, *tail]
    return Pack(sections, entries, basket)


def document(atlas, ids: list[str], device, title: str, when: date, notes: dict[str, str] | None = None,
             options: pc.Options | None = None) -> QTextDocument:
    """The pack's text as one flowing QTextDocument (sheets in full, chronology, matrix, sources), for an
    editable document (Qt's ODT writer); the timeline, a drawing, is left out."""
    options = options or pc.Options()
    basket = pc.Basket.of(atlas, ids)
    notes = (notes or {}) if options.notes else {}
    dated = translate("Sheet", "{day} {month} {year}").format(day=when.day, month=f"{when:%B}",
                                                              month_number=when.month, year=when.year)
    prepared = translate("Sheet", "Prepared by {name}").format(name=options.prepared_by) if options.prepared_by else ""
    parts = [f"<h1>{render.e(title)}</h1><p>{render.e(dated)}" + (f"<br>{render.e(prepared)}" if prepared else "")
             + "</p>"]
    parts += [fs.sheet_html(atlas, rid, notes.get(rid)) for rid in basket.forums + basket.participants]
    parts += [render.person(atlas.person(rid), render.Style(links=False), note=notes.get(rid)) for rid in basket.people]
    if options.chronology and (basket.events or basket.forums):
        parts.append(pc.chronology_html(atlas, pc.chronology_events(atlas, basket), bool(basket.events)))
    if options.matrix and basket.forums:
        parts.append(pc.matrix_html(atlas, [atlas.forum_row(f) for f in basket.forums]))
    return _flow("".join(parts), device, 9.5)


def paint(pack: Pack, device, painter: QPainter, footer: str) -> int:
    """Paint every page, numbering them in the footer; returns the page count."""
    page = 0
    for section in pack.sections:
        for i in range(section.pages):
            if page:
                device.newPage()
            page += 1
            section.paint(painter, device, i)
            if page > 1:
                fs.paint_footer(painter, device, footer, page)
    return page
