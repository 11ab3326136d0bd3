"""Citations, copy as text or Markdown, and the paper's references for reference managers, from the window."""

from __future__ import annotations

import json

from helpers import click_link, click_row, tree_menu_pick
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def test_copy_as_text_from_the_tree_menu_is_what_the_pane_shows_without_data_notes(qtbot, window, atlas):
    click_row(qtbot, window, "neacd")
    tree_menu_pick(qtbot, window, "neacd", "edit.copy_text")
    text = clipboard()
    lines = text.splitlines()
    assert lines[0].startswith("Northeast Asia Cooperation Dialogue (NEACD)")
    assert "Members: 6 (North Korea staying away)" in lines  # a table row on one line
    pane = window.detail.toPlainText()
    for heading in ("Participants", "Events", "What the authors say", "Sources"):
        assert heading in lines and heading in pane
    assert "About this record" in pane and "About this record" not in text  # the curators' notes stay out
    first = atlas.forum("neacd").sources[0]
    assert f"1. U.S. view (Cossa), \u201c{first.section}\u201d: \u201c{first.quote}" in text  # numbered, no line
    assert f"line {first.line}:" not in text
    refs = text[text.index("\nReferences\n"):]
    assert "Cossa, Ralph A. 1999." in refs and "Fukushima, Akiko. 1999." in refs


def test_copy_as_markdown_from_the_edit_menu_keeps_headings_and_tables(qtbot, window):
    click_row(qtbot, window, "arf")
    window.registry["edit.copy_markdown"].trigger()
    md = clipboard()
    assert md.startswith("# ASEAN Regional Forum (ARF)")
    assert "\n## Participants\n" in md and "\n## Sources\n" in md and "\n## References\n" in md
    assert "|Track" in md  # the facts as a Markdown table
    assert "*Security Multilateralism in Asia: Views from the United States and Japan*" in " ".join(md.split())


def test_the_citation_style_menu_switches_to_apa_and_is_remembered(qtbot, window):
    click_row(qtbot, window, "kedo")
    window.registry["edit.cite_style.apa"].trigger()
    assert window.registry["edit.cite_style.apa"].isChecked()
    assert not window.registry["edit.cite_style.chicago"].isChecked()
    window.registry["edit.copy_citation"].trigger()
    text = clipboard()
    assert text.startswith("Korean Peninsula Energy Development Organization")
    assert "Cossa, R. A. (1999). U.S. Views Toward Northeast Asia Multilateral Security Cooperation. In " \
           "Security Multilateralism in Asia: Views from the United States and Japan (IGCC Policy Paper No. 51)." \
           in text
    assert "APA" in window.statusBar().currentMessage()
    from gui.settings import CITATION_STYLE

    assert window.settings.get(CITATION_STYLE) == "apa"


def test_a_single_source_note_is_copied_with_its_passage_quoted(qtbot, window, atlas):
    click_row(qtbot, window, "arf")
    first = atlas.forum("arf").sources[0]
    click_link(qtbot, window.detail, "1")
    dialog = window.passage
    qtbot.waitExposed(dialog)
    button = dialog.findChild(QPushButton, "copyPassageCitation")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = clipboard()
    assert text.splitlines()[-1] == f"\u201c{first.quote}\u201d"
    assert f"Section \u201c{first.section}.\u201d" in text and "line" not in text
    dialog.close()


def test_export_references_writes_ris_bibtex_and_csl_json(qtbot, window, tmp_path, monkeypatch):
    for name, chosen, check in (
            ("paper.ris", "RIS, for Zotero, EndNote, Mendeley (*.ris)", lambda t: t.count("TY  - ") == 4),
            ("paper.bib", "BibTeX (*.bib)", lambda t: t.startswith("@techreport{igcc-pp51,")),
            ("paper.json", "CSL-JSON (*.json)", lambda t: len(json.loads(t)) == 4)):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, c=chosen, **k: (str(t), c))
        window.registry["file.export_references"].trigger()
        assert check(target.read_text(encoding="utf-8")), name
        assert window.statusBar().currentMessage() == f"Wrote {target}"


def test_an_unwritable_references_target_says_so_and_never_wrote(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "no such folder" / "paper.ris"  # (tests run as root: a read-only folder would not stop it)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "RIS (*.ris)"))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    window.registry["file.export_references"].trigger()
    assert not target.parent.exists()
    assert shown and "could not write" in shown[0] and "Nothing was written" in shown[0]
    assert window.statusBar().currentMessage().startswith("Not written")
