"""Fact sheets and briefing packs to PDF files and printers; the `print` and `pack` commands."""

from __future__ import annotations

import difflib
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter

from gui import briefing_pack, fact_sheet, pack_contents, pdf_document
from gui.i18n import translate
from model import atomic

RESOLUTION = 300
MAX_PACK = 400  # records in one pack: every forum and participant fits, a runaway list does not
MAX_PAGES = 6  # pages one sheet may take
SOURCE = "Cossa and Fukushima, Security Multilateralism in Asia (IGCC Policy Paper 51, 1999)"


class PrintError(Exception):
    """A document could not be written; the message says why in plain words."""


def unknown_id_message(atlas, rid: str, kinds=("forum", "participant")) -> str:
    names = {}
    if "forum" in kinds:
        names.update({f.id: f.id for f in atlas.forums()})
        names.update({f.name.lower(): f.id for f in atlas.forums()})
        names.update({(f.acronym or "").lower(): f.id for f in atlas.forums() if f.acronym})
    if "participant" in kinds:
        for p in atlas.participants():
            names.update({p.id: p.id, p.short_name.lower(): p.id, p.name.lower(): p.id})
            names.update({a.lower(): p.id for a in p.aliases})
    close = list(dict.fromkeys(names[m] for m in difflib.get_close_matches(rid.lower(), list(names), n=6, cutoff=0.6)))
    hint = f" Did you mean: {', '.join(close)}?" if close else " `forum-atlas search TEXT` finds ids."
    return f"No {' or '.join(kinds)} has the id \u201c{rid}\u201d.{hint}"


def scratch_device(paper: str = "a4", landscape: bool = False) -> QPdfWriter:
    """A page to lay sheets out on, as the PDF does (at the PDF's resolution), written nowhere."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(fact_sheet.page_layout(paper, landscape))
    writer.setResolution(RESOLUTION)
    writer._buffer = buffer  # kept alive with the writer
    return writer


def _writer(path: str, paper: str, info: pdf_document.Info | None, landscape: bool = False) -> QPdfWriter:
    writer = QPdfWriter(path)
    writer.setPageLayout(fact_sheet.page_layout(paper, landscape))
    writer.setResolution(RESOLUTION)
    writer.setCreator("Forum Atlas")
    if info is not None:
        writer.setTitle(info.title)
        writer.setAuthor(info.author)
    return writer


def _cannot(target: Path, why: str) -> str:
    """Why a PDF was not written; in the window's language (the command line has no translation: English)."""
    return translate("Printing", "Cannot write {target}: {why}.").format(target=target, why=why)


def write_pdf(target: Path, paper: str, paint, info: pdf_document.Info | None = None, landscape: bool = False) -> int:
    """Run ``paint(painter, writer)`` into a temporary PDF beside ``target``, then rename it into place.

    The target is replaced only by a whole PDF: the painter must end cleanly and the file must end in a
    trailer whose cross-reference offset lies inside it (a full disk truncates it; Qt does not always say).
    Raises PrintError with a plain message; the old target is then untouched. ``info`` (its outline filled
    by ``paint``) becomes the PDF's metadata and bookmarks before the file is moved into place.
    """
    target = Path(target)
    try:
        real = atomic.writable_target(target)  # through a symlink; never onto a folder or a device
        tmp = atomic.temp_beside(real, prefix=".forum-atlas-")  # Qt opens it: keep its name plain text
    except OSError as exc:
        raise PrintError(_cannot(target, atomic.why(exc))) from None
    try:
        writer = _writer(str(tmp), paper, info, landscape)
        painter = QPainter()
        if not painter.begin(writer):
            raise PrintError(translate("Printing", "Cannot write {target}.").format(target=target))
        try:
            pages = paint(painter, writer)
        finally:  # a painter left active when its device goes away crashes Qt
            ended = painter.end()
        if not ended:
            why = translate("Printing", "the PDF could not be finished (is the disk full?)")
            raise PrintError(_cannot(target, why))
        problem = pdf_problem(tmp)
        if not problem and info is not None:
            pdf_document.finish(tmp, info)
            problem = pdf_problem(tmp)
        if problem:
            raise PrintError((translate("Printing", "Cannot write {target}: {problem}. The disk may be full; the old file "
                                        "was left as it was.") if real.exists() else
                              translate("Printing", "Cannot write {target}: {problem}. The disk may be full; nothing "
                                        "was written.")).format(target=target, problem=problem))
        atomic.replace_into(tmp, real)  # with a normal file's mode, not mkstemp's 0600
        return pages
    except OSError as exc:
        raise PrintError(_cannot(target, atomic.why(exc))) from None
    except pdf_document.FinishError as exc:
        raise PrintError(_cannot(target, str(exc))) from None
    finally:
        tmp.unlink(missing_ok=True)


def pdf_problem(path: Path) -> str | None:
    """None for a PDF that was written to its end; otherwise what is wrong with it."""
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return "the PDF came out empty"
        fh.seek(max(0, size - 64))
        tail = fh.read().rstrip()
        head_at = tail.rfind(b"startxref")
        if not tail.endswith(b"%%EOF") or head_at < 0:
            return "the PDF came out truncated"
        try:
            xref = int(tail[head_at + 9:-5].strip())
        except ValueError:
            return "the PDF came out truncated"
        fh.seek(0)
        if fh.read(5) != b"%PDF-" or not 0 < xref < size:
            return "the PDF came out damaged"
    return None


def sheet_pdf(atlas, rid: str, target: Path, paper: str = "a4", note: str | None = None, pages: int = 1) -> int:
    footer = fact_sheet.footer_text(atlas)

    def paint(painter, writer):
        return fact_sheet.paint_sheet(painter, writer, fact_sheet.layout_sheet(atlas, rid, writer, note, pages),
                                      footer)

    # The PDF's subject (a viewer's document properties), in the interface's language as the sheet is
    subject = translate("Sheet", "Participant sheet, as of mid-1999, from {source}") \
        if atlas.kind_of(rid) == "participant" else translate("Sheet", "Fact sheet, from {source}")
    info = pdf_document.Info(atlas.name_of(rid), subject.format(source=SOURCE))
    return write_pdf(target, paper, paint, info)


def compare_pdf(atlas, ids: list[str], target: Path, paper: str = "a4") -> int:
    """The comparison of ``ids`` (model/compare.py) as a sheet (gui/compare_sheet.py): one page if it fits."""
    from gui import compare_sheet
    from model.compare import compare

    c = compare(atlas, ids)
    footer = fact_sheet.footer_text(atlas)

    def paint(painter, writer):
        return fact_sheet.paint_sheet(painter, writer, compare_sheet.layout(c, writer, atlas=atlas), footer)

    info = pdf_document.Info(compare_sheet.title(c),
                             translate("Sheet", "Comparison sheet, from {source}").format(source=SOURCE))
    return write_pdf(target, paper, paint, info, compare_sheet.landscape(c))


def pack_pdf(atlas, ids: list[str], target: Path, paper: str = "a4", title: str = "Briefing pack",
             when: date | None = None, notes: dict[str, str] | None = None,
             options: pack_contents.Options | None = None) -> int:
    when = when or date.today()
    options = options or pack_contents.Options()
    footer = fact_sheet.footer_text(atlas, when)
    basket = pack_contents.Basket.of(atlas, ids)
    info = pdf_document.Info(title, translate("Sheet", "Briefing pack on {what}, from {source}").format(
        what=basket.summary(), source=SOURCE), options.prepared_by or "Forum Atlas")

    def paint(painter, writer):
        pack = briefing_pack.build(atlas, ids, writer, title, when, notes, options)
        info.outline = pack.outline
        return briefing_pack.paint(pack, writer, painter, footer)

    return write_pdf(target, paper, paint, info)


def pack_problem(atlas, ids: list[str]) -> str | None:
    """What is wrong with a pack's list of ids, in plain words; None when it can be printed."""
    ids = list(dict.fromkeys(ids))
    if len(ids) > MAX_PACK:
        return (f"A pack holds at most {MAX_PACK} records; {len(ids)} were given. Split it into several packs.")
    unknown = [rid for rid in ids if atlas.kind_of(rid) is None]
    if len(unknown) == 1:
        return unknown_id_message(atlas, unknown[0], ("forum", "participant", "event", "person"))
    if unknown:
        shown = ", ".join(f"\u201c{x}\u201d" for x in unknown[:5]) + (f" and {len(unknown) - 5} more"
                                                                      if len(unknown) > 5 else "")
        return f"{len(unknown)} of the {len(ids)} ids are not in the atlas: {shown}. Nothing was written."
    return None


def _app():
    """A GUI application for painting text; offscreen when there is no display."""
    from gui.app import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def _user_notes() -> dict[str, str]:
    """The analyst's notes, to print on their sheets, read without touching the file (no repair, migration
    or backup); an unreadable file prints none, and says why, rather than fail."""
    from model.notes import read_notes

    notes, messages = read_notes()
    for message in messages:
        print(f"forum-atlas: notes not printed: {message}", file=sys.stderr)
    return notes


def run_print(args, atlas) -> int:
    """`forum-atlas print ID` and `forum-atlas pack ID ...`."""
    _app()
    pages = getattr(args, "pages", 1) or 1
    if not 1 <= pages <= MAX_PAGES:
        print(f"forum-atlas: --pages takes 1 to {MAX_PAGES}, not {pages}", file=sys.stderr)
        return 1
    if args.command == "print":
        if atlas.kind_of(args.id) not in ("forum", "participant"):
            print(f"forum-atlas: {unknown_id_message(atlas, args.id)}", file=sys.stderr)
            return 1
    else:
        problem = pack_problem(atlas, args.ids)
        if problem:
            print(f"forum-atlas: {problem}", file=sys.stderr)
            return 1
    notes = _user_notes()
    try:
        if args.command == "print":
            out = args.out or Path(f"{args.id}.pdf")
            written = sheet_pdf(atlas, args.id, out, args.paper, notes.get(args.id), pages)
            print(f"wrote {out} ({written} page{'s' if written != 1 else ''}, {args.paper})")
        else:
            ids = list(dict.fromkeys(args.ids))  # each record once
            options = pack_contents.Options(pages=pages, prepared_by=getattr(args, "prepared_by", "") or "")
            written = pack_pdf(atlas, ids, args.out, args.paper, args.title, notes=notes, options=options)
            print(f"wrote {args.out} ({written} pages, {args.paper})")
    except PrintError as exc:
        print(f"forum-atlas: {exc}", file=sys.stderr)
        return 1
    return 0
