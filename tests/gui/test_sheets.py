"""Sheets and packs as a briefing reader gets them: read back from the PDF's own text."""

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from gui import pack_contents, printing

LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}


def raw_text(path, page=None) -> str:
    """The PDF's text as a reader copies it: no normalisation, whitespace collapsed."""
    reader = PdfReader(str(path))
    pages = reader.pages if page is None else [reader.pages[page]]
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


@pytest.fixture(scope="module")
def app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@pytest.fixture(scope="module")
def sheets(app, atlas, tmp_path_factory):
    """The sheets the issue names, printed once for the module: id -> PDF path."""
    folder = tmp_path_factory.mktemp("sheets")
    out = {}
    for rid in ("arf", "neacd", "kedo", "nakayama-proposal", "jp", "kp"):
        out[rid] = folder / f"{rid}.pdf"
        printing.sheet_pdf(atlas, rid, out[rid])
    return out


def test_arf_sheet_names_every_member_on_one_page(sheets, atlas):
    text = raw_text(sheets["arf"])
    assert len(PdfReader(str(sheets["arf"])).pages) == 1
    members = [m.participant_name for m in atlas.forum("arf").members if m.counts_as_member]
    assert len(set(members)) == 22
    assert "Members (22)" in text
    missing = [name for name in set(members) if name not in text]
    assert missing == []
    assert "and 21 more" not in text and "see the full list" not in text


def test_neacd_sheet_says_the_dprk_stays_away(sheets):
    text = raw_text(sheets["neacd"])
    assert re.search(r"Absent North Korea \(since October 1993", text), text[:2000]


def test_japan_as_of_1999_lists_its_live_forums_before_any_pre_1945_body(sheets, atlas):
    text = raw_text(sheets["jp"])
    assert "Japan as of mid-1999" in text
    old = [atlas.forum_row(m.forum_id) for m in atlas.participant("jp").memberships]
    old = [f for f in old if f.founded and f.founded.start.year < 1945]
    assert old, "the data holds pre-1945 bodies for Japan"
    first_old = min(text.index(f.acronym or f.name) for f in old if (f.acronym or f.name) in text)
    for name in ("KEDO", "NEACD", "ARF"):
        assert re.search(rf"\b{name}\b", text[:first_old]), name
    assert text.index("Forums active in mid-1999") < text.index("Historical bodies (")


def test_dprk_sheet_shows_its_absences_and_its_own_initiatives(sheets):
    text = raw_text(sheets["kp"])
    assert "North Korea as of mid-1999" in text
    assert "Absent or excluded" in text and "NEACD (founder, absent)" in text
    assert "Its own initiatives" in text


def test_no_ligature_glyphs_in_any_sheet(sheets):
    for rid, path in sheets.items():
        assert not LIGATURES & set(raw_text(path)), rid


def test_the_mini_timeline_is_vectors_not_a_picture(sheets):
    reader = PdfReader(str(sheets["kedo"]))
    resources = reader.pages[0]["/Resources"]
    images = [x for x in (resources.get("/XObject") or {}).values() if x.get_object().get("/Subtype") == "/Image"]
    assert images == []
    assert "1995" in raw_text(sheets["kedo"])  # the strip's year labels are text


def test_more_pages_keep_more(app, atlas, tmp_path):
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    printing.sheet_pdf(atlas, "arf", one)
    assert printing.sheet_pdf(atlas, "arf", two, pages=2) == 2
    assert len(PdfReader(str(two)).pages) == 2
    assert "\u201cOverview\u201d, line" not in raw_text(one)  # on one page the quotes gave way
    assert "The atlas holds" not in raw_text(two)  # on two, every event is listed
    assert "1 of 2" in raw_text(two, 0)


def test_mixed_pack_holds_forums_a_participant_and_an_event(app, atlas, tmp_path):
    out = tmp_path / "pack.pdf"
    event = "nakayama-proposal-1991-07"
    printing.pack_pdf(atlas, ["arf", "neacd", "jp", event], out, title="Japan in 1999",
                      options=pack_contents.Options(prepared_by="Desk officer"))
    reader = PdfReader(str(out))
    text = raw_text(out)
    assert "ASEAN Regional Forum" in text and "Members (22)" in text
    assert "Japan as of mid-1999" in text
    chronology = next(raw_text(out, i) for i in range(len(reader.pages)) if raw_text(out, i).startswith("Chronology"))
    assert atlas.event(event).event.title in chronology
    assert "Prepared by Desk officer" in raw_text(out, 0)
    assert not LIGATURES & set(text)
    meta = reader.metadata
    assert meta.title == "Japan in 1999" and meta.author == "Desk officer"
    assert "2 forums, 1 participant and 1 event" in meta.subject


def test_outline_matches_the_contents_page(app, atlas, tmp_path):
    out = tmp_path / "pack.pdf"
    printing.pack_pdf(atlas, ["kedo", "kp", "cscap", "arf-1995-08-ministerial-2"], out, title="Korea")
    reader = PdfReader(str(out))
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    contents = raw_text(out, 1).split(" Forum Atlas \u00b7 data version")[0]  # the page's footer follows
    listed = re.findall(r"(\S.*?) (\d+)(?= |$)", contents.removeprefix("Contents "))
    assert [(t, int(n)) for t, n in listed] == outline
    for title, page in outline:  # and each entry opens its page
        assert raw_text(out, page - 1).startswith(title.split(",")[0].split(" (")[0]), title


def test_appendix_numbers_are_the_sheets_numbers(app, atlas, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from gui import fact_sheet

    out = tmp_path / "pack.pdf"
    printing.pack_pdf(atlas, ["kedo"], out, title="One")
    writer = QPdfWriter(str(tmp_path / "scratch.pdf"))
    writer.setPageLayout(fact_sheet.page_layout("a4"))
    writer.setResolution(printing.RESOLUTION)
    notes = fact_sheet.layout_sheet(atlas, "kedo", writer).notes
    reader = PdfReader(str(out))
    appendix = raw_text(out, len(reader.pages) - 1)
    assert appendix.startswith("Sources, by sheet")
    assert "Korean Peninsula Energy Development Organization (KEDO) page 3" in appendix
    assert notes[0].quote.split()[0] in appendix  # note 1 of the sheet is the appendix's first passage


def test_cli_pack_refuses_unknown_and_runaway_lists_and_writes_nothing(app, atlas, tmp_path):
    out = tmp_path / "p.pdf"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "pack", "arf", "nosuch", "jp", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "nosuch" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    ids = [f"id{n}" for n in range(10_000)]
    assert "at most" in printing.pack_problem(atlas, ids)
    assert "3 of the 4 ids" in printing.pack_problem(atlas, ["arf", "x1", "x2", "x3"])
    assert printing.pack_problem(atlas, ["arf", "jp", "arf"]) is None


def test_cli_pages_option(tmp_path):
    out = tmp_path / "arf.pdf"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "print", "arf", "--pages", "2", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 pages" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "forum_atlas", "print", "arf", "--pages", "40", "--out", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "--pages takes 1 to" in bad.stderr


def test_pack_document_for_editable_export_holds_the_pdfs_sections(app, atlas, tmp_path):
    from datetime import date

    from PySide6.QtGui import QPdfWriter, QTextDocumentWriter

    from gui import briefing_pack, fact_sheet

    writer = QPdfWriter(str(tmp_path / "scratch.pdf"))
    writer.setPageLayout(fact_sheet.page_layout("a4"))
    doc = briefing_pack.document(atlas, ["arf", "jp", "nakayama-proposal-1991-07"], writer, "Editable",
                                 date(1999, 6, 30))
    text = doc.toPlainText()
    for part in ("Editable", "Members (22)", "Japan as of mid-1999", "Chronology", "Membership matrix"):
        assert part in text, part
    out = tmp_path / "pack.odt"
    assert QTextDocumentWriter(str(out), b"odf").write(doc)
    assert out.read_bytes()[:2] == b"PK"  # an OpenDocument is a zip
