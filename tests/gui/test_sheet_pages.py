"""One sheet from the window on more than one page: the pages dialog says what gives way on the pages
chosen and offers the whole sheet; the PDF, the print preview and the editable document follow it, and the
choice is remembered."""

import re

from helpers import pdf_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from gui import document_export, print_dialogs
from gui import settings as S


def _trigger(window, text: str) -> None:
    next(a for a in window.menus["&File"].actions() if a.text().startswith(text)).trigger()


def _ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_japans_sheet_on_the_pages_the_whole_sheet_takes(qtbot, window, monkeypatch, tmp_path):
    events = window.atlas.participant("jp").events
    oldest = min(events, key=lambda ev: ev.lo)
    seen = {}

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["start"] = dialog.pages.value()
        seen["one page"] = dialog.fit.text()
        whole = dialog.findChild(QPushButton, "sheetWhole")
        assert whole.isVisible()
        qtbot.mouseClick(whole, Qt.MouseButton.LeftButton)
        seen["pages"], seen["whole"] = dialog.pages.value(), dialog.fit.text()
        _ok(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(print_dialogs.SheetPagesDialog, "exec", run)
    out = tmp_path / "jp.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF, A4 (*.pdf)"))
    window.select("jp")
    _trigger(window, "Export fact sheet as PDF")
    assert seen["start"] == 1  # one page is the default
    assert re.search(rf"(all|\d+ of the) {len(events)} events \(a line counts them\)", seen["one page"])
    assert "the mini-timeline" in seen["one page"] and "quoted passages" in seen["one page"]
    assert f"The whole sheet takes {seen['pages']} pages." in seen["one page"] and 1 < seen["pages"] <= 6
    assert seen["whole"] == f"Everything the sheet holds fits on {seen['pages']} pages."
    assert len(PdfReader(str(out)).pages) == seen["pages"]
    text = pdf_text(out)
    assert oldest.title in text and f"Events: {len(events)}, in the atlas" not in text
    assert "1 of" in text and f"{seen['pages']} of {seen['pages']}" in text  # numbered pages
    assert window.settings.get(S.SHEET_PAGES) == seen["pages"]
    assert window.statusBar().currentMessage() == f"Wrote {out}"

    # The next sheet starts from the pages chosen last; the print preview shows that many.
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    def again(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["again"] = dialog.pages.value()
        _ok(qtbot, dialog)
        return dialog.result()

    def preview(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["preview"] = dialog.findChild(QPrintPreviewWidget).pageCount()
        dialog.close()

    monkeypatch.setattr(print_dialogs.SheetPagesDialog, "exec", again)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", preview)
    _trigger(window, "Print fact sheet")
    assert seen["again"] == seen["pages"]
    # The printer lays the sheet out at its own resolution (1200 dpi): a few lines more or less than the PDF's.
    assert seen["pages"] - 1 <= seen["preview"] <= seen["pages"]


def test_typing_a_page_count_says_what_still_gives_way_and_cancel_writes_nothing(qtbot, window, monkeypatch,
                                                                                  tmp_path):
    seen = {}

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.pages.selectAll()
        qtbot.keyClicks(dialog.pages, "2")
        seen["two"] = dialog.fit.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return dialog.result()

    monkeypatch.setattr(print_dialogs.SheetPagesDialog, "exec", run)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window.select("jp")
    _trigger(window, "Export fact sheet as PDF")
    assert seen["two"].startswith("On 2 pages the sheet leaves out: ")
    assert "the mini-timeline" not in seen["two"]  # it has room on two pages
    assert asked == [] and window.settings.get(S.SHEET_PAGES) == 1  # cancelled: nothing asked, nothing kept


def test_the_document_export_holds_what_the_pdf_on_those_pages_holds(qtbot, window, monkeypatch, tmp_path):
    def two(dialog):
        dialog.pages.setValue(2)
        return 1

    monkeypatch.setattr(print_dialogs.SheetPagesDialog, "exec", two)
    target = tmp_path / "neacd.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), document_export.FORMATS["md"]))
    window.select("neacd")
    window.registry["file.export_sheet_document"].trigger()
    md = target.read_text(encoding="utf-8")
    one = document_export.encode(document_export.sheet_document(window.atlas, "neacd"), "md").decode("utf-8")
    events = window.atlas.forum("neacd").events
    assert "The atlas holds" in one and "The atlas holds" not in md  # every event, as on the two-page PDF
    assert all(ev.title in md for ev in events)


def test_the_whole_sheet_is_whole_on_either_paper(qtbot, window, monkeypatch, tmp_path):
    """The dialog is answered before the paper is chosen: the pages it offers hold the whole sheet on both."""
    def run(dialog):
        qtbot.mouseClick(dialog.findChild(QPushButton, "sheetWhole"), Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(print_dialogs.SheetPagesDialog, "exec", run)
    for paper, chosen in (("a4", "PDF, A4 (*.pdf)"), ("letter", "PDF, US Letter (*.pdf)")):
        out = tmp_path / f"arf-{paper}.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out, c=chosen, **k: (str(o), c))
        window.select("arf")
        _trigger(window, "Export fact sheet as PDF")
        text = pdf_text(out)
        # Nothing gave way: the sources with their quoted passages, every event, no line counting the rest.
        assert "The passages themselves" not in text and "The atlas holds" not in text, paper
        assert len(PdfReader(str(out)).pages) <= window.settings.get(S.SHEET_PAGES)
