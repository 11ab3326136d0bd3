"""A briefing pack: cover, contents, one fact sheet per forum, their timeline, a membership matrix and
every source passage they cite, as one paged document (PDF or printer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument

from gui import fact_sheet as fs
from gui import render
from model import records as r
from model.timeline_layout import TimelineData

FIGURE_3 = ("The Japan row restores, from the paper's prose, its lost Figure 3: the Asia-Pacific security "
            "dialogues in which Japan is involved.")


@dataclass
class Section:
    title: str
    pages: int
    paint: object  # callable(painter, device, page_index_within_section)


def _flow(html: str, device, size: float = 9.0) -> QTextDocument:
    """A document that flows over as many pages as it needs."""
    rect = device.pageLayout().paintRectPixels(device.resolution())
    doc = fs._document(html, size, rect.width(), device)
    doc.setPageSize(QSizeF(rect.width(), rect.height() - fs.footer_height(device)))
    return doc


def _flow_section(title: str, doc: QTextDocument) -> Section:
    h = doc.pageSize().height()

    def paint(p, device, i):
        fs.draw_document(p, doc, -i * h, QRectF(0, i * h, doc.pageSize().width(), h))

    return Section(title, doc.pageCount(), paint)


def _title_font(points: float, bold: bool = True) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _cover(title: str, when: date, forums: list[r.ForumRow]) -> Section:
    def paint(p: QPainter, device, _i):
        rect = device.pageLayout().paintRectPixels(device.resolution())
        w, h = rect.width(), rect.height()
        p.setPen(QColor("#000000"))
        p.setFont(_title_font(26))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        p.drawText(QRectF(0, h * 0.22, w, h * 0.18), flags | int(Qt.AlignmentFlag.AlignBottom), title)
        p.setFont(_title_font(13, bold=False))
        p.drawText(QRectF(0, h * 0.42, w, h * 0.05), flags, f"{when.day} {when:%B %Y}")
        p.setFont(_title_font(10, bold=False))
        names = "\n".join(f.name + (f" ({f.acronym})" if f.acronym else "") for f in forums[:30])
        if len(forums) > 30:
            names += f"\nand {len(forums) - 30} more"
        p.drawText(QRectF(0, h * 0.5, w, h * 0.45), flags,
                   f"Briefing pack on {len(forums)} forum{'s' if len(forums) != 1 else ''}:\n{names}")

    return Section("Cover", 1, paint)


def _timeline(atlas, forums: list[r.ForumRow]) -> Section:
    data = TimelineData([("Forums in this pack", forums)], atlas.events(forum_ids={f.id for f in forums}),
                        atlas.eras(), atlas.source.as_of)

    def paint(p: QPainter, device, _i):
        rect = device.pageLayout().paintRectPixels(device.resolution())
        k = device.resolution() / 96
        p.setPen(QColor("#000000"))
        p.setFont(_title_font(16))
        p.drawText(QRectF(0, 0, rect.width(), 40 * k), int(Qt.AlignmentFlag.AlignLeft), "Timeline")
        room = rect.height() - fs.footer_height(device) - 50 * k
        m = data.metrics
        height = min(room / k, m.axis + data.height + m.legend + 8)
        target = QRectF(0, 50 * k, rect.width(), height * k)
        p.drawImage(target, fs.mini_timeline(data, target.width() / k, height, scale=3))

    return Section("Timeline", 1, paint)


def matrix_html(atlas, forums: list[r.ForumRow]) -> str:
    """Participants by forums, a symbol for each role; forums in columns of ten."""
    ids = [f.id for f in forums]
    roles: dict[tuple[str, str], list[str]] = {}
    by_forum: dict[str, list[r.Membership]] = {}
    for m in atlas.memberships():  # memberships only: a delegation (a ministry, an agency) is never a column entry
        if m.forum_id in ids:
            roles.setdefault((m.participant_id, m.forum_id), []).append(m.role)
            by_forum.setdefault(m.forum_id, []).append(m)
    counts = {fid: len(r.members(ms)) for fid, ms in by_forum.items()}
    people = [p for p in atlas.participants() if any((p.id, fid) in roles for fid in ids)]
    used = {x for held in roles.values() for x in held}
    legend = " \u00b7 ".join(f"{render.ROLE_SYMBOLS[k]} {r.label(k)}" for k in render.ROLE_SYMBOLS if k in used)
    keys = {f.id: f.acronym or f"F{n}" for n, f in enumerate(forums, 1)}
    unnamed = [f for f in forums if not f.acronym]
    out = ["<h1>Membership matrix</h1>", f'<p class="note">{escape(legend)}</p>']
    if unnamed:
        out.append('<p class="note">' + "; ".join(f"{keys[f.id]} = {escape(f.name)}" for f in unnamed) + "</p>")
    if any(p.id == "jp" for p in people):
        out.append(f'<p class="note">{escape(FIGURE_3)}</p>')
    for start in range(0, len(forums), 10):
        chunk = forums[start:start + 10]
        head = "".join(f'<th align="center">{escape(keys[f.id])}</th>' for f in chunk)
        rows = []
        for p in people:
            cells = "".join(
                f'<td align="center">{"".join(render.ROLE_SYMBOLS.get(x, "?") for x in roles.get((p.id, f.id), []))}'
                "</td>" for f in chunk)
            if any((p.id, f.id) in roles for f in chunk):
                rows.append(f"<tr><td>{escape(p.short_name)}</td>{cells}</tr>")
        totals = "".join(f'<td align="center"><b>{counts.get(f.id, 0)}</b></td>' for f in chunk)
        rows.append(f"<tr><td><b>Members</b></td>{totals}</tr>")
        out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse: collapse; border-color: #999">'
                   f"<tr><th align=\"left\">Participant</th>{head}</tr>{''.join(rows)}</table><p></p>")
    return "".join(out)


def sources_html(atlas, forums: list[r.ForumRow]) -> str:
    cited: dict[str, tuple[r.Citation, list[str]]] = {}
    for f in forums:
        for c in atlas.forum(f.id).sources:
            cited.setdefault(c.id, (c, []))[1].append(f.acronym or f.name)
    items = "".join(f"<li>{render.source_item(c, ', '.join(dict.fromkeys(who)))}</li>"
                    for c, who in sorted(cited.values(), key=lambda x: (x[0].line, x[0].id)))
    return f'<h1>Sources</h1><p class="note">Every passage of the paper cited for these forums, in the order of the paper.</p><ol class="sources">{items}</ol>'


def _contents(entries: list[tuple[str, int]], device) -> QTextDocument:
    rows = "".join(f'<tr><td>{escape(t)}</td><td align="right">{n}</td></tr>' for t, n in entries)
    return _flow(f'<h1>Contents</h1><table width="100%" cellpadding="2">{rows}</table>', device, 10)


def build(atlas, ids: list[str], device, title: str, when: date, notes: dict[str, str] | None = None) -> list[Section]:
    """The pack's sections, laid out for ``device``; page numbers in the contents are final."""
    forums = [atlas.forum_row(i) for i in ids]
    notes = notes or {}
    sheets = []
    for f in forums:
        sheet = fs.layout_sheet(atlas, f.id, device, note=notes.get(f.id))
        sheets.append(Section(f.name + (f" ({f.acronym})" if f.acronym else ""), 1,
                              lambda p, d, _i, s=sheet: fs.paint_sheet(p, d, s, None)))
    body = [*sheets, _timeline(atlas, forums),
            _flow_section("Membership matrix", _flow(matrix_html(atlas, forums), device, 8.5)),
            _flow_section("Sources", _flow(sources_html(atlas, forums), device, 8.5))]
    contents_pages = 1
    while True:  # the contents' own length moves every page number after it
        first = 2 + contents_pages
        entries, page = [], first
        for s in body:
            entries.append((s.title, page))
            page += s.pages
        doc = _contents(entries, device)
        if doc.pageCount() == contents_pages:
            break
        contents_pages = doc.pageCount()
    return [_cover(title, when, forums), _flow_section("Contents", doc), *body]


def paint(sections: list[Section], device, painter: QPainter, footer: str) -> int:
    """Paint every page, numbering them in the footer; returns the page count."""
    page = 0
    for section in sections:
        for i in range(section.pages):
            if page:
                device.newPage()
            page += 1
            section.paint(painter, device, i)
            if page > 1:
                fs.paint_footer(painter, device, footer, page)
    return page
