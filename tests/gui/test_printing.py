"""Fact sheets and briefing packs: one page each, the right content, safe writes."""

import re
import subprocess
import sys

import pytest
from helpers import pdf_text
from pypdf import PdfReader

from gui import printing


def pages(path) -> int:
    return len(PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_forum_and_participant_fits_one_page(app, atlas, tmp_path, paper):
    ids = [f.id for f in atlas.forums()] + [p.id for p in atlas.participants()
                                             if atlas.memberships(participant_id=p.id)]
    too_long = []
    for rid in ids:
        out = tmp_path / f"{rid}.pdf"
        printing.sheet_pdf(atlas, rid, out, paper)
        if pages(out) != 1:
            too_long.append(rid)
    assert too_long == []


def test_sheet_holds_name_founding_members_and_sources(app, atlas, tmp_path):
    out = tmp_path / "neacd.pdf"
    printing.sheet_pdf(atlas, "neacd", out, "letter")
    text = pdf_text(out)
    detail = atlas.forum("neacd")
    assert detail.forum.name in text
    assert detail.forum.founded.display() in text
    assert "Sources" in text and "Cossa" in text
    assert not re.search(r"\bline \d", text)  # a reader is given the part and section, never a file's line
    shown_members = [m.participant_name for m in detail.members[:6]]  # the tightest level shows six
    assert all(name in text for name in shown_members)
    assert "data version" in text and "IGCC Policy Paper 51" in text


def test_long_sheets_say_what_they_left_out(app, atlas, tmp_path):
    out = tmp_path / "arf.pdf"
    printing.sheet_pdf(atlas, "arf", out)
    assert pages(out) == 1
    text = pdf_text(out)
    assert re.search(r"The atlas holds \d+ (earlier|other) events", text)  # the older events gave way, and said so
    assert "People: 2, in the atlas." in text  # a section that gave way is named with its count


def test_analyst_note_prints_marked_and_literal(app, atlas, tmp_path):
    out = tmp_path / "kedo.pdf"
    printing.sheet_pdf(atlas, "kedo", out, note="<b>Ask about</b> funding & reactors")
    text = pdf_text(out)
    assert "Analyst\u2019s note" in text or "Analyst's note" in text
    assert "<b>Ask about</b> funding & reactors" in text


def test_pack_of_five_has_its_parts_in_order_and_right_page_numbers(app, atlas, tmp_path):
    ids = ["arf", "neacd", "kedo", "cscap", "four-party-talks"]
    out = tmp_path / "pack.pdf"
    n = printing.pack_pdf(atlas, ids, out, title="Northeast Asia")
    assert pages(out) == n
    assert "Northeast Asia" in pdf_text(out, 0)
    contents = pdf_text(out, 1)
    assert contents.startswith("Contents")
    names = [atlas.forum_row(i).name for i in ids]
    expected = [*names, "Chronology", "Timeline", "Membership matrix", "Sources, by sheet"]
    positions = [contents.index(name) for name in expected]
    assert positions == sorted(positions)  # listed in order
    for title in expected:  # and each number points at the page that starts with it
        after = contents[contents.index(title) + len(title):].split()
        number = next(int(w) for w in after if w.isdigit())
        assert pdf_text(out, number - 1).startswith(title.split(" (")[0]), title
    assert [pdf_text(out, i).split()[0] for i in range(2, 7)] == [name.split()[0] for name in names]


def test_dark_screen_still_prints_black_on_white(app, atlas):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPdfWriter

    from gui import fact_sheet

    dark = QPalette(QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    old = app.palette()
    app.setPalette(dark)
    try:
        writer = QPdfWriter("/dev/null")
        writer.setPageLayout(fact_sheet.page_layout("a4"))
        writer.setResolution(96)
        sheet = fact_sheet.layout_sheet(atlas, "kedo", writer)
        image = QImage(600, 200, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        fact_sheet.draw_document(painter, sheet.doc, 0, QRectF(0, 0, 600, 200))
        painter.end()
    finally:
        app.setPalette(old)
    darkest = min(QColor(image.pixel(x, y)).lightness() for x in range(0, 600, 2) for y in range(0, 200, 2))
    assert darkest < 60  # the text is dark ink, not the dark theme's light text


def test_cli_print_unknown_id_lists_close_matches(tmp_path):
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "print", "neacdd", "--out", str(tmp_path / "x.pdf")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "neacd" in done.stderr and "Did you mean" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_cli_unwritable_target_is_a_message_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder")
    target = blocker / "sheet.pdf"  # fails even for root
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "print", "arf", "--out", str(target)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Cannot write" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_cli_pack_and_print_write_pdfs(tmp_path):
    out = tmp_path / "pack.pdf"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "pack", "arf", "kedo", "--out", str(out),
                           "--title", "Two forums", "--paper", "letter"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Two forums" in pdf_text(out, 0)
    reader = PdfReader(str(out))
    width_pt = float(reader.pages[0].mediabox.width)
    assert abs(width_pt - 612) < 2  # US Letter is 8.5 in wide


def _trigger(window, text: str) -> None:
    action = next(a for a in window.menus["&File"].actions() if a.text().startswith(text))
    action.trigger()


def test_export_sheet_from_the_window(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from gui.print_dialogs import SheetPagesDialog

    monkeypatch.setattr(SheetPagesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)  # one page, the default
    out = tmp_path / "sheet.pdf"
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: offered.append(a[2]) or (str(out), "PDF, US Letter (*.pdf)"))
    window.select("kedo")
    _trigger(window, "Export fact sheet")
    assert offered == ["korean-peninsula-energy-development-organization.pdf"]  # named as the analyst knows it
    assert pages(out) == 1
    assert "Korean Peninsula Energy Development Organization" in pdf_text(out)
    assert abs(float(PdfReader(str(out)).pages[0].mediabox.width) - 612) < 2


def test_print_preview_shows_one_page(qtbot, window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QDialog

    from gui.print_dialogs import SheetPagesDialog

    monkeypatch.setattr(SheetPagesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)  # one page, the default
    seen = {}

    def fake_exec(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["pages"] = dialog.findChild(QPrintPreviewWidget).pageCount()
        dialog.close()

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.select("neacd")
    _trigger(window, "Print fact sheet")
    assert seen["pages"] == 1


def test_pack_from_the_basket(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from gui import print_dialogs

    out = tmp_path / "basket.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF, A4 (*.pdf)"))

    def accept(dialog):
        dialog.title.setText("From the basket")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_dialogs.PackDialog, "exec", accept)
    for rid in ("neacd", "arf"):
        window.select(rid)
        window.user_data.add_to_basket()
    _trigger(window, "Export briefing pack")
    contents = pdf_text(out, 1)
    assert "From the basket" in pdf_text(out, 0)
    assert contents.index("Northeast Asia Cooperation Dialogue") < contents.index("ASEAN Regional Forum")
