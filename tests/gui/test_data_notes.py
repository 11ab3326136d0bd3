"""The curators' data notes and scanning-damaged variants: kept, never shown as content, never printed."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import pdf_text
from PySide6.QtCore import Qt

from gui import printing
from model import build
from model.loader import load
from model.queries import Atlas
from model.search import search


def _data_notes(db) -> list[str]:
    """Every data note stored in the database, from every table that has one."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE "
                                            "'%data_note%' AND name NOT LIKE 'search%'")]
        return [n for t in tables for (n,) in con.execute(f"SELECT data_note FROM {t} WHERE data_note IS NOT NULL")]


def test_every_kind_stores_its_data_note(real_db):
    with sqlite3.connect(f"file:{real_db}?mode=ro", uri=True) as con:
        for table in ("participant", "forum", "membership", "delegation", "event", "person", "relation", "claim",
                      "discrepancy"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            assert "data_note" in columns, table
        assert con.execute("SELECT data_note FROM membership WHERE forum_id = 'arf' AND participant_id = 'vn'") \
            .fetchone()[0].startswith("Listed twice on line 84")
        assert con.execute("SELECT note, data_note FROM participant WHERE id = 'kh'").fetchone()[0] is None


def test_no_data_note_is_in_the_search_index(real_db, atlas):
    notes = _data_notes(real_db)
    assert len(notes) >= 10
    with sqlite3.connect(f"file:{real_db}?mode=ro", uri=True) as con:
        indexed = " ".join(" ".join(str(x) for x in row) for row in con.execute(
            "SELECT title, aliases, body, context, label, info, variants FROM search"))
    for note in notes:
        assert note not in indexed, note
    # Searching a data note's words finds the record by its content, never by the note.
    for query, note in (("Vietnam", "Listed twice on line 84"), ("Cambodia", "non-ASEAN ARF participants")):
        results = search(atlas, query)
        assert results.hits
        for hit in results.hits:
            assert note not in hit.snippet and note not in hit.title and note not in hit.info, hit


def test_printed_sheets_leave_data_notes_out(atlas, tmp_path, qapp):
    # The ARF's memberships carry data notes (Vietnam listed twice; India missing from the roster), and Cambodia
    # has one of its own; neither sheet prints them, though both print the facts around them.
    arf, kh = tmp_path / "arf.pdf", tmp_path / "kh.pdf"
    printing.sheet_pdf(atlas, "arf", arf)
    printing.sheet_pdf(atlas, "kh", kh)
    arf_text, kh_text = pdf_text(arf), pdf_text(kh)
    assert "ASEAN Regional Forum" in arf_text and "Cambodia" in kh_text
    assert "represented by" in arf_text
    for note in _data_notes(atlas.path):
        words = " ".join(note.split()[:6])
        assert words not in arf_text and words not in kh_text, note
    assert "About this record" not in arf_text + kh_text


def test_about_this_record_is_closed_until_clicked(qtbot, window):
    pane = window.detail
    window.select("arf")
    assert "About this record \u25b8" in pane.toPlainText()
    assert "Listed twice on line 84" not in pane.toPlainText()
    _click_text(qtbot, pane, "About this record")
    assert "Listed twice on line 84" in pane.toPlainText()
    assert "Vietnam, member: Listed twice on line 84" in pane.toPlainText()
    _click_text(qtbot, pane, "About this record")
    assert "Listed twice on line 84" not in pane.toPlainText()
    _click_text(qtbot, pane, "About this record")
    window.select("kh")  # a new record starts closed
    assert "About this record \u25b8" in pane.toPlainText()
    assert "non-ASEAN" not in pane.toPlainText()


def _click_text(qtbot, pane, text: str) -> None:
    """Click the link that shows ``text``, as a user would, after scrolling it into view."""
    cursor = pane.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 2)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=pane.cursorRect(cursor).center())


VARIANT = """participants:
  - {id: nk-x, name: A damaged state, short_name: Ruritania, kind: state, variants: [Rurtania]}
"""


@pytest.fixture
def variant_atlas(data_copy, tmp_path):
    (data_copy / "variant.yaml").write_text(VARIANT, encoding="utf-8")
    atlas = Atlas(build.build(load(data_copy), tmp_path / "v.sqlite"))
    yield atlas
    atlas.close()


def test_a_variant_spelling_finds_its_record_but_is_never_shown(variant_atlas):
    results = search(variant_atlas, "Rurtania")
    assert results.ids("participant") == ["nk-x"]
    hit = results.group("participant").hits[0]
    assert "Rurtania" not in hit.title + hit.snippet + hit.info
    assert "Rurtania" not in " ".join(variant_atlas.participant("nk-x").participant.aliases)
    from gui import render

    assert "Rurtania" not in render.participant(variant_atlas.participant("nk-x"))
