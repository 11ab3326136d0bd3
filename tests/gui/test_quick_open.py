"""Ctrl+K as a proper quick-open (issue 18): exact and acronym matches first, accent-blind, recent first,
the kind shown rather than aliases."""

from helpers import click_row
from PySide6.QtCore import Qt

from gui.quick_open import entries, matches, prepare


def ids(found) -> list[str]:
    return [e.id for e in found]


def test_acronyms_and_initials_rank_above_substrings(atlas):
    items = prepare(entries(atlas))
    assert ids(matches(items, "arf"))[0] == "arf"
    assert ids(matches(items, "ARF"))[0] == "arf"
    assert ids(matches(items, "kedo"))[0] == "kedo"
    found = matches(items, "asean reg")  # words starting so beat words merely holding the letters
    assert found[0].id == "arf"


def test_accents_do_not_matter(atlas):
    items = prepare([("x1", "Réunion de Sécurité", "forum"), ("x2", "Security Reunion Club", "forum")])
    assert ids(matches(items, "reunion de securite")) == ["x1"]
    assert ids(matches(items, "réunion")) == ["x1", "x2"]  # both start a word with it; the shorter name first


def test_recent_records_come_first_and_aliases_are_not_a_subtitle(qtbot, window):
    click_row(qtbot, window, "neacd")
    click_row(qtbot, window, "apec")
    window.registry["go.quick_open"].trigger()
    dialog = window.palette_dialog
    shown = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert shown[0].startswith("Asia Pacific Economic Cooperation") and "recent" in shown[0]
    assert shown[1].startswith("Northeast Asia Cooperation Dialogue")
    qtbot.keyClicks(dialog.edit, "dprk")  # an alias of North Korea: found, but not shown as its subtitle
    first = dialog.list.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "kp"
    assert "DPRK" not in first.text() and first.text().endswith("Participant")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert window.selection.current == "kp"
