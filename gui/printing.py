"""Fact sheets and briefing packs to PDF files and printers; the `print` and `pack` commands."""

from __future__ import annotations

import difflib
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter

from gui import briefing_pack, fact_sheet
from model import atomic

RESOLUTION = 300


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


def _writer(path: str, paper: str) -> QPdfWriter:
    writer = QPdfWriter(path)
    writer.setPageLayout(fact_sheet.page_layout(paper))
    writer.setResolution(RESOLUTION)
    writer.setCreator("Forum Atlas")
    return writer


def write_pdf(target: Path, paper: str, paint) -> int:
    """Run ``paint(painter, writer)`` into a temporary PDF beside ``target``, then rename it into place.

    The target is replaced only by a whole PDF: the painter must end cleanly and the file must end in a
    trailer whose cross-reference offset lies inside it (a full disk truncates it; Qt does not always say).
    Raises PrintError with a plain message; the old target is then untouched.
    """
    target = Path(target)
    try:
        real = atomic.writable_target(target)  # through a symlink; never onto a folder or a device
        tmp = atomic.temp_beside(real, prefix=".forum-atlas-")  # Qt opens it: keep its name plain text
    except OSError as exc:
        raise PrintError(f"Cannot write {target}: {atomic.why(exc)}.") from None
    try:
        writer = _writer(str(tmp), paper)
        painter = QPainter()
        if not painter.begin(writer):
            raise PrintError(f"Cannot write {target}.")
        try:
            pages = paint(painter, writer)
        finally:  # a painter left active when its device goes away crashes Qt
            ended = painter.end()
        if not ended:
            raise PrintError(f"Cannot write {target}: the PDF could not be finished (is the disk full?).")
        problem = pdf_problem(tmp)
        if problem:
            raise PrintError(f"Cannot write {target}: {problem}. The disk may be full; "
                             f"{'the old file was left as it was' if real.exists() else 'nothing was written'}.")
        atomic.replace_into(tmp, real)  # with a normal file's mode, not mkstemp's 0600
        return pages
    except OSError as exc:
        raise PrintError(f"Cannot write {target}: {atomic.why(exc)}.") from None
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


def sheet_pdf(atlas, rid: str, target: Path, paper: str = "a4", note: str | None = None) -> int:
    footer = fact_sheet.footer_text(atlas)

    def paint(painter, writer):
        fact_sheet.paint_sheet(painter, writer, fact_sheet.layout_sheet(atlas, rid, writer, note), footer)
        return 1

    return write_pdf(target, paper, paint)


def pack_pdf(atlas, ids: list[str], target: Path, paper: str = "a4", title: str = "Briefing pack",
             when: date | None = None, notes: dict[str, str] | None = None) -> int:
    when = when or date.today()
    footer = fact_sheet.footer_text(atlas, when)

    def paint(painter, writer):
        sections = briefing_pack.build(atlas, ids, writer, title, when, notes)
        return briefing_pack.paint(sections, writer, painter, footer)

    return write_pdf(target, paper, paint)


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
    ids = [args.id] if args.command == "print" else list(dict.fromkeys(args.ids))  # each forum once
    kinds = ("forum", "participant") if args.command == "print" else ("forum",)
    for rid in ids:
        if atlas.kind_of(rid) not in kinds:
            print(f"forum-atlas: {unknown_id_message(atlas, rid, kinds)}", file=sys.stderr)
            return 1
    notes = _user_notes()
    try:
        if args.command == "print":
            out = args.out or Path(f"{args.id}.pdf")
            sheet_pdf(atlas, args.id, out, args.paper, notes.get(args.id))
            print(f"wrote {out} (1 page, {args.paper})")
        else:
            pages = pack_pdf(atlas, ids, args.out, args.paper, args.title, notes=notes)
            print(f"wrote {args.out} ({pages} pages, {args.paper})")
    except PrintError as exc:
        print(f"forum-atlas: {exc}", file=sys.stderr)
        return 1
    return 0
