"""Fact sheets and briefing packs as editable documents: ODT (Qt's own ODF writer), Markdown or HTML.

The content is the PDF's: a sheet is laid out by gui/fact_sheet.py exactly as for the page, and its text is
joined into one document; a pack follows the sections gui/briefing_pack.py builds, in the same order and
under the same titles. The pack's timeline is an image in ODT and HTML; Markdown names it and points to the PDF.
A sheet's small timeline is drawn on paper only.
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

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter, QTextDocument, QTextDocumentWriter
from PySide6.QtWidgets import QFileDialog

from gui import briefing_pack, fact_sheet, pack_contents, printing, render, sheet_timeline
from model import atomic

FORMATS = {"odt": "OpenDocument text, for word processors (*.odt)", "md": "Markdown (*.md)",
           "html": "HTML (*.html)"}
TIMELINE_WIDTH = 900  # the timeline image's width at screen proportions (96 dpi)


class DocumentError(Exception):
    """The document could not be written: ``why``, in plain words."""

    def __init__(self, target, why: str):
        super().__init__(f"Cannot write {target}: {why}.")
        self.why = why


def _device() -> QPdfWriter:
    """A page to lay the sheets out on, as the PDF does (A4 at the PDF's resolution), written nowhere."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(fact_sheet.page_layout("a4"))
    writer.setResolution(printing.RESOLUTION)
    writer._buffer = buffer  # kept alive with the writer
    return writer


class _Builder:
    """Gathers the parts as HTML (a laid-out document's own HTML, so its headings stay headings) and images,
    then makes one QTextDocument of them."""

    def __init__(self):
        self.parts: list[str] = []
        self.images: dict[str, QImage] = {}

    def html(self, html: str) -> None:
        self.parts.append(html)

    def document(self, doc: QTextDocument) -> None:
        match = re.search(r"<body[^>]*>(.*)</body>", doc.toHtml(), re.S)
        self.parts.append(match.group(1) if match else "")

    def image(self, image: QImage, title: str) -> None:
        name = f"timeline-{len(self.images) + 1}.png"
        self.images[name] = image
        width = round(image.width() / image.devicePixelRatio())
        self.parts.append(f'<p><img src="{name}" width="{width}" alt="{escape(title)}"></p>')

    def build(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultStyleSheet(fact_sheet.css(10))
        for name, image in self.images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.setHtml("".join(self.parts))
        return doc


def _sheet_into(b: _Builder, atlas, rid: str, device, note: str | None) -> fact_sheet.Sheet:
    """The sheet exactly as the PDF lays it out; its drawn mini-timeline (an object in the text) is left out."""
    sheet = fact_sheet.layout_sheet(atlas, rid, device, note)
    b.document(sheet.doc)
    return sheet


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


def sheet_document(atlas, rid: str, note: str | None = None) -> QTextDocument:
    """The fact sheet of a forum or participant as one document, with the PDF's content."""
    b = _Builder()
    _sheet_into(b, atlas, rid, _device(), note)
    return b.build()


def pack_document(atlas, ids: list[str], title: str = "Briefing pack", when: date | None = None,
                  notes: dict[str, str] | None = None) -> QTextDocument:
    """The briefing pack as one document: its sections as the PDF's contents page lists them."""
    when = when or date.today()
    notes = notes or {}
    device = _device()
    pack = briefing_pack.build(atlas, ids, device, title, when, notes)
    basket = pack.basket
    sheets = {briefing_pack._sheet_title(atlas, kind, rid): rid
              for kind, rids in (("forum", basket.forums), ("participant", basket.participants)) for rid in rids}
    people = {atlas.name_of(rid): rid for rid in basket.people}
    forums = [atlas.forum_row(f) for f in basket.forums]
    b = _Builder()
    b.html(f"<h1>{escape(title)}</h1><p>{when.day} {when:%B %Y}</p>")
    b.html("<h2>Contents</h2><ol>" + "".join(f"<li>{escape(t)}</li>" for t, _ in pack.outline) + "</ol>")
    cited = []  # (sheet title, its page in the PDF, the notes it numbered): the sources appendix
    for name, page in pack.outline:
        if name in sheets:
            sheet = _sheet_into(b, atlas, sheets[name], device, notes.get(sheets[name]))
            cited.append((name, page, sheet.notes))
        elif name in people:
            detail = atlas.person(people[name])
            b.html(render.person(detail, render.Style(links=False), note=notes.get(people[name])))
            cited.append((name, page, detail.sources))
        elif name == "Chronology":
            b.html(pack_contents.chronology_html(atlas, pack_contents.chronology_events(atlas, basket),
                                                 bool(basket.events)))
        elif name == "Timeline":
            b.html("<h1>Timeline</h1>")
            b.image(_timeline_image(atlas, forums), "Timeline")
        elif name == "Membership matrix":
            b.html(pack_contents.matrix_html(atlas, forums))
        elif name == "Sources, by sheet":
            b.html(pack_contents.sources_html(cited))
        else:  # a section this export does not know how to write as text
            b.html(f"<h1>{escape(name)}</h1><p><i>This section is in the PDF only.</i></p>")
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
        for name in re.findall(r'src="(timeline-\d+\.png)"', doc.toHtml()):
            plain.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                              doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)))
        plain.setHtml(re.sub(r'<span style="[^"]*vertical-align:super;[^"]*">(.*?)</span>', r" [\1]", doc.toHtml()))
        text = plain.toMarkdown()
        # An image has no place in a Markdown file of its own: say where it is instead.
        text = re.sub(r"!\[[^\]]*\]\(timeline-\d+\.png\)", "*The timeline is drawn in the PDF and ODT versions.*", text)
        return text.encode("utf-8")
    html = doc.toHtml()
    n = 1
    while f'src="timeline-{n}.png"' in html:  # one self-contained file: the images inline
        html = html.replace(f'src="timeline-{n}.png"', f'src="data:image/png;base64,{_png_data(doc, f"timeline-{n}.png")}"')
        n += 1
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
    return suffix if suffix in FORMATS else next((k for k, v in FORMATS.items() if v == chosen), "odt")


# -- from the window ----------------------------------------------------------------------------------------

def _ask(window, title: str, name: str) -> tuple[Path, str] | None:
    path, chosen = QFileDialog.getSaveFileName(window, title, name, ";;".join(FORMATS.values()))
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
    output.w.statusBar().showMessage(f"Wrote {path}", 5000)


def export_sheet(output, window) -> None:
    rid = window.commands.printable()
    if not rid:
        return
    answer = _ask(window, "Export fact sheet as a document", f"{rid}.odt")
    if answer:
        path, fmt = answer
        _write(output, path, lambda: sheet_document(window.atlas, rid, window.user_data.note(rid)), fmt)


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
    answer = _ask(window, "Export briefing pack as a document", "briefing-pack.odt")
    if answer:
        path, fmt = answer
        known = [i for i in ids if i not in basket.unknown]
        title = dialog.title.text().strip() or "Briefing pack"
        when: date = dialog.when.date().toPython()
        notes = {rid: n for rid in known if (n := window.user_data.note(rid))}
        _write(output, path, lambda: pack_document(window.atlas, known, title, when, notes), fmt)
