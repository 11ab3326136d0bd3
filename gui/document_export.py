"""Fact sheets and briefing packs as editable documents: ODT (Qt's own ODF writer), Markdown or HTML.

The content is the PDF's: a sheet is laid out by gui/fact_sheet.py exactly as for the page, and its text is
joined into one document; a pack follows the sections gui/briefing_pack.py builds, in the same order and
under the same titles, with the pages and sections chosen for the PDF. The timelines (the pack's, and each
sheet's small one) are pictures in ODT and HTML; Markdown, read as text, has a line in their place.
Every file is written whole through a temporary file beside it (model/atomic.py), or not at all.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument, QTextDocumentWriter
from PySide6.QtWidgets import QFileDialog

from gui import briefing_pack, fact_sheet, pack_contents, printing, render, sheet_timeline
from gui.i18n import translate
from model import atomic

OBJECT = "\ufffc"  # where a drawn object (the mini-timeline) stands in a document's text
IMAGES = re.compile(r'src="((?:sheet-)?timeline-\d+\.png)"')
FORMATS = {"odt": QT_TRANSLATE_NOOP("DocumentExport", "OpenDocument text, for word processors (*.odt)"),
           "md": QT_TRANSLATE_NOOP("DocumentExport", "Markdown (*.md)"),
           "html": QT_TRANSLATE_NOOP("DocumentExport", "HTML (*.html)")}
TIMELINE_WIDTH = 900  # the timeline image's width at screen proportions (96 dpi)


class DocumentError(Exception):
    """The document could not be written: ``why``, in plain words."""

    def __init__(self, target, why: str):
        super().__init__(translate("DocumentExport", "Cannot write {target}: {why}.").format(target=target, why=why))
        self.why = why


class _Builder:
    """Gathers the parts as HTML (a laid-out document's own HTML, so its headings stay headings) and images,
    then makes one QTextDocument of them."""

    def __init__(self):
        self.parts: list[str] = []
        self.images: dict[str, QImage] = {}

    def html(self, html: str) -> None:
        self.parts.append(html)

    def document(self, doc: QTextDocument, swap: dict[str, str] | None = None) -> None:
        """The document's body; each key of ``swap`` (a mark in its text) replaced by its value."""
        match = re.search(r"<body[^>]*>(.*)</body>", doc.toHtml(), re.S)
        body = match.group(1) if match else ""
        for mark, html in (swap or {}).items():
            body = body.replace(mark, html)
        self.parts.append(body)

    def image_tag(self, image: QImage, alt: str, stem: str = "timeline") -> str:
        name = f"{stem}-{len(self.images) + 1}.png"
        self.images[name] = image
        # Both sizes: Qt's ODF writer takes a missing height from the pixels, squashing a high-resolution picture.
        width, height = (round(n / image.devicePixelRatio()) for n in (image.width(), image.height()))
        return f'<img src="{name}" width="{width}" height="{height}" alt="{escape(alt)}">'

    def image(self, image: QImage, title: str) -> None:
        self.parts.append(f"<p>{self.image_tag(image, title)}</p>")

    def build(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultStyleSheet(fact_sheet.css(10))
        for name, image in self.images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.setHtml("".join(self.parts))
        return doc


def _sheet_into(b: _Builder, atlas, rid: str, device, note: str | None, pages: int = 1) -> fact_sheet.Sheet:
    """The sheet exactly as the PDF lays it out on ``pages``, its mini-timeline a picture where the PDF draws it."""
    sheet = fact_sheet.layout_sheet(atlas, rid, device, note, pages)
    if sheet.handler is None:
        b.document(sheet.doc)
        return sheet
    # HTML has no place for the drawn object: a mark stands in for it. In this sheet's own document, laid out
    # for this export only (a clone's HTML wraps everything in a table).
    sheet.doc.find(OBJECT).insertText(fact_sheet.TIMELINE_MARK)
    tag = b.image_tag(sheet.handler.image(), strip_words(sheet.handler.strip), "sheet-timeline")
    b.document(sheet.doc, {escape(fact_sheet.TIMELINE_MARK): tag})
    return sheet


def strip_words(strip: sheet_timeline.Strip) -> str:
    """A sheet's mini-timeline in words: its picture's alternative text, and Markdown's line in its place."""
    def years(a: int, b: int) -> str:
        lo, hi = date.fromordinal(a).year, date.fromordinal(b).year
        return str(lo) if lo == hi else f"{lo}\u2013{hi}"

    bits = [f"{label}, {years(a, b)}" for label, a, b in strip.bars[:1]]
    days = [day for day, _, _ in strip.events]
    if days:
        marked = (translate("DocumentExport", "1 event marked, {years}, as listed under Events") if len(days) == 1 else
                  translate("DocumentExport", "{n} events marked, {years}, as listed under Events"))
        bits.append(marked.format(n=len(days), years=years(min(days), max(days))))
    return translate("DocumentExport", "Timeline: {what}").format(what="; ".join(bits))


def _timeline_image(atlas, forums) -> QImage:
    """The pack's timeline page as a picture: the same lanes the PDF draws (gui/sheet_timeline.py)."""
    lanes = sheet_timeline.lanes_for(forums, atlas.events(forum_ids={f.id for f in forums}), atlas.source.as_of)
    scale, height = 2, len(lanes.rows) * sheet_timeline.LANE + 8
    image = QImage(int(TIMELINE_WIDTH * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    try:
        sheet_timeline.paint_lanes(p, lanes, TIMELINE_WIDTH, lanes.rows)
    finally:
        p.end()
    return image


def sheet_document(atlas, rid: str, note: str | None = None, pages: int = 1) -> QTextDocument:
    """The fact sheet of a forum or participant as one document, with the content of its PDF on ``pages``."""
    b = _Builder()
    _sheet_into(b, atlas, rid, printing.scratch_device(), note, pages)
    return b.build()


def compare_document(atlas, ids: list[str]) -> QTextDocument:
    """The comparison of ``ids`` as one document, with its PDF's content (gui/compare_sheet.py)."""
    from gui import compare_sheet
    from model.compare import compare

    c = compare(atlas, ids)
    b = _Builder()
    b.document(compare_sheet.layout(c, printing.scratch_device("a4", compare_sheet.landscape(c)),
                                      atlas=atlas).doc)
    return b.build()


def pack_document(atlas, ids: list[str], title: str = "", when: date | None = None,
                  notes: dict[str, str] | None = None, options: pack_contents.Options | None = None) -> QTextDocument:
    """The briefing pack as one document: its sections as the PDF's contents page lists them."""
    title = title or translate("DocumentExport", "Briefing pack")
    when = when or date.today()
    options = options or pack_contents.Options()
    notes = (notes or {}) if options.notes else {}
    device = printing.scratch_device()
    pack = briefing_pack.build(atlas, ids, device, title, when, notes, options)
    basket = pack.basket
    sheets = {briefing_pack._sheet_title(atlas, kind, rid): rid
              for kind, rids in (("forum", basket.forums), ("participant", basket.participants)) for rid in rids}
    people = {atlas.name_of(rid): rid for rid in basket.people}
    forums = [atlas.forum_row(f) for f in basket.forums]
    b = _Builder()
    prepared = "<br>" + escape(translate("Sheet", "Prepared by {name}").format(name=options.prepared_by)) \
        if options.prepared_by else ""
    dated = translate("Sheet", "{day} {month} {year}").format(day=when.day, month=f"{when:%B}", month_number=when.month,
                                                             year=when.year)
    b.html(f"<h1>{escape(title)}</h1><p>{escape(dated)}{prepared}</p>")
    b.html("<h2>" + escape(translate("Sheet", "Contents")) + "</h2><ol>" + "".join(f"<li>{escape(t)}</li>" for t, _ in pack.outline) + "</ol>")
    cited = []  # (sheet title, its page in the PDF, the notes it numbered): the sources appendix
    for name, page in pack.outline:
        if name in sheets:
            sheet = _sheet_into(b, atlas, sheets[name], device, notes.get(sheets[name]), options.pages)
            cited.append((name, page, sheet.notes))
        elif name in people:
            detail = atlas.person(people[name])
            b.html(render.person(detail, render.Style(links=False), note=notes.get(people[name])))
            cited.append((name, page, detail.sources))
        elif name == translate("Sheet", "Chronology"):  # the outline's names are in the interface's language
            b.html(pack_contents.chronology_html(atlas, pack_contents.chronology_events(atlas, basket),
                                                 bool(basket.events)))
        elif name == translate("Sheet", "Timeline"):
            b.html(f"<h1>{escape(name)}</h1>")
            b.image(_timeline_image(atlas, forums), name)
        elif name == translate("Sheet", "Membership matrix"):
            b.html(pack_contents.matrix_html(atlas, forums))
        elif name == translate("Sheet", "Sources, by sheet"):
            b.html(pack_contents.sources_html(cited))
        else:  # a section this export does not know how to write as text
            only = translate("DocumentExport", "This section is in the PDF only.")
            b.html(f"<h1>{escape(name)}</h1><p><i>{escape(only)}</i></p>")
    return b.build()


# -- writing ------------------------------------------------------------------------------------------------

def _png_data(doc: QTextDocument, name: str) -> str:
    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return base64.b64encode(bytes(data)).decode("ascii")


def encode(doc: QTextDocument, fmt: str) -> bytes:
    """The document as ODT, Markdown or HTML bytes."""
    if fmt == "odt":
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QTextDocumentWriter(buffer, QByteArray(b"odf")).write(doc):
            raise DocumentError("the ODT document", "Qt could not make it")
        return _odt_headings(bytes(data), doc)
    if fmt == "md":  # Markdown has no superscript: note marks read "[1,2]"
        plain = QTextDocument()
        for name in IMAGES.findall(doc.toHtml()):
            plain.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                              doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)))
        plain.setHtml(re.sub(r'<span style="[^"]*vertical-align:super;[^"]*">(.*?)</span>', r" [\1]", doc.toHtml()))
        text = plain.toMarkdown()
        # A Markdown file is read as text, and an image would need a file beside it: a sheet's small timeline
        # becomes its description in words (its events are listed just below it), the pack's says where it is.
        picture = translate("DocumentExport", "The picture is in the PDF, ODT and HTML versions.")
        text = re.sub(r"!\[([^\]]*)\]\(sheet-timeline-\d+\.png\)", lambda m: f"*{m.group(1)}. {picture}*", text)
        drawn = translate("DocumentExport", "The timeline is drawn in the PDF, ODT and HTML versions.")
        text = re.sub(r"!\[[^\]]*\]\(timeline-\d+\.png\)", f"*{drawn}*", text)
        return text.encode("utf-8")
    # One self-contained file: the images inline.
    html = IMAGES.sub(lambda m: f'src="data:image/png;base64,{_png_data(doc, m.group(1))}"', doc.toHtml())
    return html.encode("utf-8")


def _odt_headings(odt: bytes, doc: QTextDocument) -> bytes:
    """Make the document's headings ODF headings (text:h with an outline level), so a word processor's navigator
    and styles see them; Qt's writer gives every block a text:p. Its paragraphs come one per block, in order."""
    levels = []
    block = doc.begin()
    while block.isValid():
        levels.append(block.blockFormat().headingLevel())
        block = block.next()
    source = zipfile.ZipFile(io.BytesIO(odt))
    content = source.read("content.xml").decode("utf-8")
    paragraphs = iter(levels)

    def paragraph(match: re.Match) -> str:
        level = next(paragraphs, 0)
        if match.group(1) is not None or not level:  # an empty block, or not a heading
            return match.group(0)
        return f'<text:h{match.group(2)} text:outline-level="{level}">{match.group(3)}</text:h>'

    content = re.sub(r"<text:p\b([^>]*?)/>|<text:p\b([^>]*)>(.*?)</text:p>", paragraph, content, flags=re.S)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as odf:
        for info in source.infolist():  # the mimetype first and stored, as ODF requires; the rest as Qt wrote it
            data = content.encode("utf-8") if info.filename == "content.xml" else source.read(info)
            odf.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype"
                         else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write(doc: QTextDocument, target: Path, fmt: str) -> None:
    """Write ``doc`` whole into ``target`` or not at all; raises DocumentError saying why."""
    target = Path(target)
    try:
        data = encode(doc, fmt)
        real = atomic.writable_target(target)
        with atomic.replacing(real) as tmp, open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()  # a full disk fails here, before the rename
    except OSError as exc:
        raise DocumentError(target, atomic.why(exc)) from None


def format_of(path: Path, chosen: str = "") -> str:
    """The format a file name asks for (its suffix), else the chosen filter's, else ODT."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("markdown", "htm"):
        suffix = {"markdown": "md", "htm": "html"}[suffix]
    return suffix if suffix in FORMATS else next((k for k, v in filters().items() if v == chosen), "odt")


def filters() -> dict[str, str]:
    """Each format's save-dialog filter, in the interface's language."""
    return {fmt: translate("DocumentExport", text) for fmt, text in FORMATS.items()}


# -- from the window ----------------------------------------------------------------------------------------

def _ask(window, title: str, name: str) -> tuple[Path, str] | None:
    path, chosen = QFileDialog.getSaveFileName(window, title, name, ";;".join(filters().values()))
    if not path:
        return None
    fmt = format_of(Path(path), chosen)
    if Path(path).suffix == "":
        path += f".{fmt}"
    return Path(path), fmt


def _write(output, path: Path, make, fmt: str) -> None:
    try:
        write(make(), path, fmt)
    except DocumentError as exc:
        output.failed(path, exc.why)
        return
    output.w.statusBar().showMessage(translate("DocumentExport", "Wrote {path}").format(path=path), 5000)


def export_sheet(output, window) -> None:
    from gui.print_dialogs import ask_pages

    rid = window.commands.printable()
    pages = ask_pages(window, rid) if rid else None  # the PDF's pages, so the document holds what the PDF does
    answer = _ask(window, translate("DocumentExport", "Export fact sheet as a document"), f"{rid}.odt") if pages else None
    if answer:
        path, fmt = answer
        _write(output, path, lambda: sheet_document(window.atlas, rid, window.user_data.note(rid), pages), fmt)


def export_pack(output, window) -> None:
    from PySide6.QtWidgets import QDialog

    from gui.print_dialogs import PackDialog, basket_for_pack

    chosen = basket_for_pack(window)
    if chosen is None:
        return
    ids, basket = chosen
    dialog = PackDialog(window, basket)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    answer = _ask(window, translate("DocumentExport", "Export briefing pack as a document"), "briefing-pack.odt")
    if answer:
        path, fmt = answer
        known = [i for i in ids if i not in basket.unknown]
        title = dialog.title.text().strip()
        when: date = dialog.when.date().toPython()
        notes = {rid: n for rid in known if (n := window.user_data.note(rid))}
        _write(output, path, lambda: pack_document(window.atlas, known, title, when, notes, dialog.options()), fmt)
