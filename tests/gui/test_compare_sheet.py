"""The compare view's comparison as a sheet: a one-page PDF with the fact sheets' type and notes, landscape for
three or four records, the same content as an editable document, and a plain message when it cannot write."""

import re
import subprocess
import zipfile

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from gui import document_export


def _compare(qtbot, window, ids) -> None:
    for rid in ids[1:]:
        window.selection.select(rid)
        window.registry["notes.basket_add"].trigger()
    window.selection.select(ids[0])
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.views.tabs.currentWidget() is window.views.compare


def _export(qtbot, window, monkeypatch, out, chosen: str) -> None:
    asked = {}

    def save(_parent, _title, name, filters):
        asked["name"], asked["filters"] = name, filters
        return str(out), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    qtbot.mouseClick(window.views.compare.findChild(QPushButton, "compareSheet"), Qt.MouseButton.LeftButton)
    return asked


def test_arf_and_neacd_as_a_one_page_sheet_with_the_dprk_in_one_and_not_the_other(qtbot, window, monkeypatch,
                                                                                   tmp_path):
    _compare(qtbot, window, ["arf", "neacd"])
    out = tmp_path / "cmp.pdf"
    asked = _export(qtbot, window, monkeypatch, out, "PDF, A4 (*.pdf)")
    assert asked["name"] == "arf-and-neacd-compared.pdf" and "OpenDocument" in asked["filters"]
    assert window.statusBar().currentMessage() == f"Wrote {out}"
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1 and reader.metadata.title == "ARF and NEACD compared"
    page = reader.pages[0].mediabox
    assert page.width < page.height  # two records: portrait
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ARF and NEACD compared" in text
    # The DPRK: not a party to the ARF, a founder of the NEACD that stays away; India in one only.
    assert re.search(r"North Korea\s+Not a party[\s\d,]*Founder, Absent", text)
    assert re.search(r"India\s+Member[\s\d,]*\u2014 not recorded", text)
    assert re.search(r"Founded\s+July 1994\s+1993", text)
    assert re.search(r"Disputed\s+4 points, in the atlas\s+10 points, in the atlas", text)  # as the view counts
    # Note marks, and a sources block that names what they stand for (the part and section, never a line).
    sources = text[text.index("Sources"):]
    assert re.match(r"Sources\s+1\b", sources)  # note 1 first
    assert "Cossa, \u201cNortheast Asia Cooperation Dialogue\u201d" in sources
    assert "line " not in sources and "IGCC Policy Paper 51" in text


def test_four_forums_go_landscape_and_the_document_holds_the_pdfs_content(qtbot, window, monkeypatch, tmp_path):
    _compare(qtbot, window, ["arf", "neacd", "cscap", "kedo"])
    pdf = tmp_path / "four.pdf"
    _export(qtbot, window, monkeypatch, pdf, "PDF, US Letter (*.pdf)")
    page = PdfReader(str(pdf)).pages[0].mediabox
    assert page.width > page.height and abs(float(page.height) - 612) < 2  # US Letter, landscape
    odt = tmp_path / "four"  # no suffix: the chosen format's is added
    _export(qtbot, window, monkeypatch, odt, document_export.FORMATS["odt"])
    xml = zipfile.ZipFile(tmp_path / "four.odt").read("content.xml").decode("utf-8")
    flat = re.sub(r"<[^>]+>", " ", xml)
    for heading in ("ARF, NEACD, CSCAP and KEDO compared", "Key facts", "Each author\u2019s judgement",
                    "Who takes part (roles)", "Sources"):
        assert heading in flat
    assert re.search(r'text:outline-level="1">.*?ARF, NEACD, CSCAP and KEDO compared', xml)
    html = tmp_path / "four.html"
    _export(qtbot, window, monkeypatch, html, "")
    assert "North Korea" in html.read_text(encoding="utf-8") and "Not a party" in html.read_text(encoding="utf-8")


def test_an_unwritable_place_is_a_message_never_wrote(qtbot, window, monkeypatch, tmp_path):
    _compare(qtbot, window, ["arf", "neacd"])
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    target = tmp_path / "no-such-folder" / "cmp.pdf"
    _export(qtbot, window, monkeypatch, target, "PDF, A4 (*.pdf)")
    assert shown and "Cannot write" in shown[0]
    assert not window.statusBar().currentMessage().startswith("Wrote") and not target.parent.exists()


def test_print_previews_the_sheet(qtbot, window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    _compare(qtbot, window, ["arf", "neacd"])
    seen = {}

    def preview(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["title"], seen["pages"] = dialog.windowTitle(), dialog.findChild(QPrintPreviewWidget).pageCount()
        dialog.close()

    monkeypatch.setattr(QPrintPreviewDialog, "exec", preview)
    qtbot.mouseClick(window.views.compare.findChild(QPushButton, "comparePrint"), Qt.MouseButton.LeftButton)
    assert seen == {"title": "ARF and NEACD compared", "pages": 1}
