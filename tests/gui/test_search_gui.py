"""The search box, driven as a user drives it: shortcuts, typing, arrow keys, Enter, clicks, Escape."""

from __future__ import annotations

import pytest
from helpers import type_query
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.search_list import HIT_ROLE, SearchResultsModel, rows_for, runs, wrap


def pane(window):
    return window.search_pane


def targets(window) -> list[str]:
    return [row.hit.target for row in pane(window).hit_rows()]


def current_row(window):
    return pane(window).results.currentIndex().data(HIT_ROLE)


def test_the_box_sits_above_the_tree_and_is_found_by_name(window):
    box = window.findChild(type(pane(window).box), "searchBox")
    assert box is pane(window).box and box.isVisible()
    assert box.mapTo(window, box.rect().topLeft()).y() < window.tree_pane.mapTo(window, window.tree_pane.rect()
                                                                                 .topLeft()).y()
    assert not pane(window).results.isVisible()  # nothing typed: the tree keeps the room


def test_ctrl_f_and_slash_focus_the_box(qtbot, window):
    window.tree_pane.tree.setFocus()
    qtbot.keyClick(window.tree_pane.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is pane(window).box
    window.detail.setFocus()
    qtbot.keyClick(window.detail, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is pane(window).box
    assert pane(window).box.text() == ""
    window.tree_pane.filter.setFocus()  # in a text field "/" is a character, not a shortcut
    qtbot.keyClick(window.tree_pane.filter, Qt.Key.Key_Slash)
    assert window.tree_pane.filter.text() == "/"
    assert QApplication.focusWidget() is window.tree_pane.filter


def test_find_is_in_the_edit_menu(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    find = next(a for a in edit.actions() if a.text().startswith("&Find"))
    assert find.shortcut().toString() == "Ctrl+F"


def test_typing_shows_grouped_results_after_a_pause(qtbot, window):
    calls = []
    import model.search as search_module

    real = search_module.search

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    search_module.search = counting
    try:
        type_query(qtbot, window, "Pyongyang")
    finally:
        search_module.search = real
    assert calls == ["Pyongyang"], "one query after the typing stops, none per keystroke"
    assert pane(window).results.isVisible()
    rows = pane(window).model.rows
    assert rows[0].kind == "header" and rows[0].text == "PARTICIPANTS"
    assert targets(window)[0] == "kp"
    assert current_row(window).hit.target == "kp"  # the first hit is ready for Enter
    assert any(r.kind == "header" and r.text == "FORUMS" for r in rows)


def test_arrow_keys_and_enter_select_and_the_detail_shows_it(qtbot, window):
    type_query(qtbot, window, "La Jolla")
    box = pane(window).box
    for _ in range(10):
        if current_row(window).hit.target == "neacd-1993-10-meeting-1":
            break
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert current_row(window).hit.kind == "event"
    assert QApplication.focusWidget() is box  # the keys moved the results, not the focus
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.selection.current == "neacd-1993-10-meeting-1"
    assert "First NEACD meeting" in window.detail.toPlainText()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert current_row(window).kind == "hit"  # headers are skipped
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.selection.current == current_row(window).hit.target


def test_enter_right_after_typing_selects_the_top_hit(qtbot, window):
    box = pane(window).box
    box.setFocus()
    qtbot.keyClicks(box, "NEA")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # before the timer fires
    assert window.selection.current == "neacd"
    assert window.tree_pane.current_id() == "neacd"  # selected everywhere


def test_a_click_selects(qtbot, window):
    type_query(qtbot, window, "preventive diplomacy")
    view = pane(window).results
    model = view.model()
    row = next(n for n, r in enumerate(model.rows) if r.kind == "hit" and r.hit.kind == "quote")
    index = model.index(row)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    target = model.rows[row].hit.target
    assert window.selection.current == target
    assert window.detail.record_id == target


def test_escape_clears(qtbot, window):
    type_query(qtbot, window, "CSCAP")
    assert pane(window).hit_rows()
    qtbot.keyClick(pane(window).box, Qt.Key.Key_Escape)
    assert pane(window).box.text() == ""
    assert not pane(window).results.isVisible() and not pane(window).hit_rows()


def test_no_matches_says_so_with_a_hint(qtbot, window):
    type_query(qtbot, window, "zzqqxxv")
    status = pane(window).status
    assert status.isVisible() and "No matches" in status.text()
    assert not pane(window).hit_rows()
    pane(window).clear()
    type_query(qtbot, window, "colour:red")
    assert "Unknown filter" in status.text()


@pytest.mark.parametrize("text", ['"', "AND (", "NEAR(", "\x00", "\ud800", "x" * 10_000, "col:term", "*", "^"])
def test_hostile_text_in_the_box(qtbot, window, text):
    pane(window).box.setText(text)
    pane(window).run_search()  # what the timer does
    assert pane(window).results_shown is not None or not pane(window).box.text().strip()  # Qt drops a lone surrogate


def test_more_narrows_to_one_kind(qtbot, window):
    type_query(qtbot, window, "CSCAP")
    model = pane(window).model
    row = next(n for n, r in enumerate(model.rows) if r.kind == "more" and r.group == "quote")
    pane(window).activate(model.index(row))
    assert pane(window).box.text().startswith("kind:quote CSCAP")
    assert {r.hit.kind for r in pane(window).hit_rows()} == {"quote"}
    assert len(pane(window).hit_rows()) > 8


def test_results_model_passes_the_model_tester(qtmodeltester, atlas):
    from model.search import search

    model = SearchResultsModel()
    model.reset(rows_for(search(atlas, "Pyongyang")))
    qtmodeltester.check(model)


def test_wrapping_is_pure_and_keeps_the_marks():
    from model.search_results import MARK_OFF, MARK_ON

    parts = runs(f"the {MARK_ON}DPRK{MARK_OFF}'s channel into CSCAP and more words after it")
    assert parts[1] == ("DPRK", True) and parts[2][0].startswith("'s")
    lines = wrap(parts, 100, lambda text, bold: len(text) * (6 if bold else 5), 2)
    assert len(lines) == 2
    assert lines[0][1] == ("DPRK", True)
    assert lines[-1][-1][0].endswith("\u2026")
    for line in lines:
        assert sum(len(t) * (6 if b else 5) for t, b in line) <= 100 + 5 * 2
    assert wrap([], 100, lambda t, b: len(t), 2) == []


def test_search_pane_screenshot(qtbot, window, tmp_path):
    type_query(qtbot, window, "Pyongyang")
    image = window.grab()
    assert image.save(str(tmp_path / "search.png"))
    rect = pane(window).results.visualRect(pane(window).model.index(1))
    assert rect.height() > pane(window).box.height()  # a hit shows more than one line
