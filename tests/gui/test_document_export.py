"""Sheets and packs as editable documents (ODT, Markdown, HTML) hold the PDF's sections."""

from __future__ import annotations

import re
import zipfile

import pytest
from helpers import click_row, pdf_text
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from gui import document_export, printing


def odt_headings(path) -> list[tuple[int, str]]:
    xml = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
    return [(int(level), re.sub(r"<[^>]+>", "", text))
            for level, text in re.findall(r'<text:h[^>]*text:outline-level="(\d)">(.*?)</text:h>', xml, re.S)]


def md_headings(path) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2).replace("\\[", "[")) for line in path.read_text(encoding="utf-8").splitlines()
            if (m := re.match(r"(#+) (.*)", line))]


def bare(title: str) -> str:
    """A heading without its note marks ('... (ARF)1,2,3' or '... (ARF) [1,2,3]')."""
    return re.sub(r"\s*\[[\d,]+\]$|(?<=[^\s\d])[\d,]+$", "", title)


def in_order(text: str, headings: list[str]) -> bool:
    at = 0
    for h in headings:
        at = text.find(h, at)
        if at < 0:
            return False
    return True


@pytest.mark.parametrize("rid", ["neacd", "jp"])
def test_a_sheet_as_odt_and_markdown_has_the_pdfs_sections(qapp, atlas, tmp_path, rid):
    pdf = tmp_path / f"{rid}.pdf"
    printing.sheet_pdf(atlas, rid, pdf)
    doc = document_export.sheet_document(atlas, rid)
    document_export.write(doc, tmp_path / f"{rid}.odt", "odt")
    document_export.write(doc, tmp_path / f"{rid}.md", "md")
    odt, md = odt_headings(tmp_path / f"{rid}.odt"), md_headings(tmp_path / f"{rid}.md")
    assert [(n, bare(t)) for n, t in odt] == [(n, bare(t)) for n, t in md]
    sections = [t for n, t in odt if n == 2]
    assert "Sources" in sections and len(sections) >= 3
    assert odt[0][0] == 1 and bare(odt[0][1]).startswith(atlas.name_of(rid) + (" (NEACD)" if rid == "neacd" else ""))
    assert in_order(pdf_text(pdf), [bare(odt[0][1]), *sections])  # the PDF's headings, in the same order


def test_a_pack_as_odt_markdown_and_html_has_the_pdfs_sections(qapp, atlas, tmp_path):
    ids = ["arf", "neacd", "kedo"]
    pdf = tmp_path / "pack.pdf"
    printing.pack_pdf(atlas, ids, pdf, title="Japan as of 1999")
    doc = document_export.pack_document(atlas, ids, "Japan as of 1999")
    for fmt in ("odt", "md", "html"):
        document_export.write(doc, tmp_path / f"pack.{fmt}", fmt)
    top = [bare(t) for n, t in odt_headings(tmp_path / "pack.odt") if n == 1]
    assert top == [bare(t) for n, t in md_headings(tmp_path / "pack.md") if n == 1]
    assert top == ["Japan as of 1999", "ASEAN Regional Forum (ARF)", "Northeast Asia Cooperation Dialogue (NEACD)",
                   "Korean Peninsula Energy Development Organization (KEDO)", "Chronology", "Timeline",
                   "Membership matrix", "Sources, by sheet"]
    contents = pdf_text(pdf)
    assert in_order(contents, ["Contents", *top[1:]])  # the PDF's contents page lists the same sections
    html = (tmp_path / "pack.html").read_text(encoding="utf-8")
    pictures = [n for n in zipfile.ZipFile(tmp_path / "pack.odt").namelist() if n.startswith("Pictures/")]
    frames = re.findall(r'<draw:frame draw:name="([^"]+)"', zipfile.ZipFile(tmp_path / "pack.odt").read("content.xml")
                        .decode("utf-8"))
    assert sorted(frames) == ["sheet-timeline-1.png", "sheet-timeline-2.png", "sheet-timeline-3.png",
                              "timeline-4.png"]  # each sheet's small timeline, and the pack's
    assert len(pictures) == 4
    assert html.count('src="data:image/png;base64,') == len(pictures) and 'timeline-' not in html  # inline
    assert zipfile.ZipFile(tmp_path / "pack.odt").namelist()[0] == "mimetype"
    md = (tmp_path / "pack.md").read_text()
    assert "*The timeline is drawn in the PDF, ODT and HTML versions.*" in md
    assert md.count("*Timeline: ") == 3 and ".png" not in md


def test_a_sheets_mini_timeline_is_a_picture_in_odt_and_html_and_a_line_in_markdown(qapp, atlas, tmp_path):
    from PySide6.QtGui import QColor, QImage

    doc = document_export.sheet_document(atlas, "arf")
    for fmt in ("odt", "md", "html"):
        document_export.write(doc, tmp_path / f"arf.{fmt}", fmt)
    odt = zipfile.ZipFile(tmp_path / "arf.odt")
    xml = odt.read("content.xml").decode("utf-8")
    frame = re.search(r'<draw:frame draw:name="sheet-timeline-1.png" svg:width="([\d.]+)pt" svg:height="([\d.]+)pt"',
                      xml)
    assert frame, "the ODT holds the mini-timeline"
    assert xml.index("sheet-timeline-1.png") < xml.index("Events")  # where the PDF draws it: above the events
    (picture,) = [n for n in odt.namelist() if n.startswith("Pictures/")]
    image = QImage.fromData(odt.read(picture))
    width, height = float(frame.group(1)), float(frame.group(2))
    assert abs(width / height - image.width() / image.height()) < 0.02  # not squashed
    assert width > 400 and image.width() >= 3 * width * 96 / 72 * 0.99  # the page's width, sharp when printed
    dark = sum(QColor(image.pixel(x, y)).lightness() < 80 for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4))
    assert dark > 50  # drawn: dots, labels and years
    html = (tmp_path / "arf.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 1
    alt = re.search(r'alt="(Timeline: ARF, 1994\u20131999; (\d+) events marked, 1994\u20131999, as listed under '
                    r'Events)"', html)
    assert alt and html.index(alt.group(0)) < html.index(">Events<")
    pdf = tmp_path / "arf.pdf"
    printing.sheet_pdf(atlas, "arf", pdf)
    listed = re.search(r"Events most recent first (.*?)The atlas holds", pdf_text(pdf)).group(1)
    assert int(alt.group(2)) == len(re.findall(r"\b(?:19\d\d)\b", listed))  # one mark per event the PDF lists
    md = (tmp_path / "arf.md").read_text(encoding="utf-8")
    assert f"*{alt.group(1)}. The picture is in the PDF, ODT and HTML versions.*" in md and ".png" not in md


def test_export_sheet_as_document_from_the_menu(qtbot, window, tmp_path, monkeypatch):
    from gui.print_dialogs import SheetPagesDialog

    monkeypatch.setattr(SheetPagesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)  # one page, the default
    click_row(qtbot, window, "kedo")
    target = tmp_path / "kedo"  # no suffix: the chosen format's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), document_export.FORMATS["md"]))
    window.registry["file.export_sheet_document"].trigger()
    written = tmp_path / "kedo.md"
    assert written.read_text(encoding="utf-8").startswith("# Korean Peninsula Energy Development Organization")
    assert window.statusBar().currentMessage() == f"Wrote {written}"


def test_a_failed_pack_document_is_never_reported_written(qtbot, window, tmp_path, monkeypatch):
    for rid in ("arf", "kedo"):
        click_row(qtbot, window, rid)
        window.registry["notes.basket_add"].trigger()
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    target = tmp_path / "pack.odt"
    target.mkdir()  # a folder where the file should go
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    window.registry["file.export_pack_document"].trigger()
    assert shown and "could not write" in shown[0] and "not a regular file" in shown[0]
    assert window.statusBar().currentMessage().startswith("Not written")
    assert target.is_dir() and not list(target.iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind
