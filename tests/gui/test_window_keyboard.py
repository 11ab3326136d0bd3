"""Keyboard and screen-reader use of the window (issue 18): shortcuts no text field swallows, the Tab order,
accessible names, the toolbar's texts, Help › Search syntax, the tree's context menu."""

import pytest
from helpers import ClaimsControlKeys, Fired, click_row, popup
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from gui.actions import ACTIONS, TEXT_WIDGETS, _types


def text_widgets(window):
    """Every text field of the window (search box, tree filter, note editor, detail pane), by object name."""
    return {w.objectName(): w for w in window.findChildren(QWidget) if isinstance(w, TEXT_WIDGETS)
            and w.objectName() and w.focusPolicy() != Qt.FocusPolicy.NoFocus}


@pytest.mark.parametrize("name", ["searchBox", "treeFilter", "noteEditor", "detailPane"])
def test_every_shortcut_fires_with_the_focus_in_each_text_widget(qtbot, window, name):
    click_row(qtbot, window, "arf")  # the note editor takes text
    assert {"searchBox", "treeFilter", "noteEditor", "detailPane"} <= set(text_widgets(window))
    widget = text_widgets(window)[name]
    claimer = ClaimsControlKeys()  # as an X11 line edit, which claims Ctrl+E, Ctrl+K... for editing
    widget.installEventFilter(claimer)
    fired = Fired()
    for spec in ACTIONS:
        action = window.registry[spec.id]
        for seq in action.shortcuts():
            if spec.scope != "window" or _types(seq):
                continue
            enabled = action.isEnabled()
            action.setEnabled(True)  # Back with no history is disabled; the key must still reach it
            action.installEventFilter(fired)  # and stops there: the test must not print or quit
            widget.setFocus()
            before = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
            combo = seq[0]
            qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
            action.removeEventFilter(fired)
            action.setEnabled(enabled)
            after = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
            assert fired.hits[-1:] == [spec.id], f"{seq.toString()} ({spec.id}) did not fire in {name}"
            assert after == before, f"{seq.toString()} edited {name}"


def test_tab_follows_the_reading_order(qtbot, window):
    box = window.search_pane.box
    box.setFocus()
    order = [box]
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    tree = window.tree_pane
    want = [box, tree.grouping, tree.participant, tree.filter, tree.tree, window.detail,
            window.user_data.editor.edit, window.timeline]
    seen = [w for w in order if w in want]
    assert seen[:len(want)] == want


def test_every_focusable_control_has_an_accessible_name(qtbot, window):
    click_row(qtbot, window, "arf")
    window.user_data.add_to_basket("arf")  # the dock and its lists show
    missing = [f"{type(w).__name__} {w.objectName()!r}" for w in window.findChildren(QWidget)
               if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(window)
               and not w.accessibleName() and w.parent() is not None
               and type(w).__name__ not in ("QScrollBar", "QWidget")]
    assert not missing, missing
    assert window.user_data.editor.star.accessibleName() == "Bookmark"  # never its glyph, "white star"


def test_the_timeline_tells_a_screen_reader_what_is_selected(qtbot, window):
    click_row(qtbot, window, "arf")
    assert "ASEAN Regional Forum" in window.timeline.accessibleDescription()


def test_the_tree_menu_offers_what_applies(qtbot, window):
    tree = window.tree_pane.tree
    click_row(qtbot, window, "arf")
    index = tree.currentIndex()
    actions = popup(qtbot, lambda: tree.customContextMenuRequested.emit(tree.visualRect(index).center()))
    names = {a.objectName() for a in actions}
    assert {"file.print", "edit.copy_citation", "notes.basket_add", "view.show_on_timeline"} <= names
    window.timeline.clearFocus()
    window.registry["view.show_on_timeline"].trigger()
    assert window.focusWidget() is window.timeline and window.timeline.selected() == "arf"


def test_toolbar_texts_stay_short_and_help_explains_the_search_syntax(qtbot, window):
    window.registry["notes.show_panel"].trigger()  # checked: the button must keep its short text
    button = window.toolbar.widgetForAction(window.registry["notes.show_panel"])
    assert button.text() == "Basket"
    window.registry["help.search_syntax"].trigger()
    box = window.search_syntax_box
    assert box.isVisible() and "track:2" in box.text() and "year:1993..1995" in box.text()
