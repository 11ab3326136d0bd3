"""The declared actions (gui/actions.py): every menu, toolbar button, context menu and shortcut comes from them."""

import pytest
from helpers import ClaimsControlKeys, Fired, click_row, popup
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu

from gui.actions import ACTIONS, MENUS, TOOLBAR, _types


def walk(menu: QMenu, path: str) -> list[tuple[str, QAction]]:
    """(menu path, action) for every command in ``menu`` and its submenus."""
    out = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            out += walk(action.menu(), f"{path}/{action.menu().title().replace('&', '')}")
        else:
            out.append((path, action))
    return out


def test_the_menu_bar_is_the_registry(window):
    bar = window.menuBar()
    assert [a.text() for a in bar.actions()] == list(MENUS)
    found = [item for top in bar.actions() for item in walk(top.menu(), top.text())]
    assert all(action is window.registry[action.objectName()] for _, action in found)
    assert sorted((path, a.objectName()) for path, a in found) == \
        sorted((spec.menu, spec.id) for spec in ACTIONS if spec.menu)


def test_the_toolbar_is_the_registry_and_can_be_hidden_from_the_view_menu(qtbot, window):
    toolbar = window.toolbar
    assert [a.objectName() for a in toolbar.actions()] == list(TOOLBAR)
    assert {s.id for s in ACTIONS if s.toolbar} == set(TOOLBAR)
    assert [toolbar.widgetForAction(a).text() for a in toolbar.actions()] == \
        ["Back", "Forward", "Search", "Print", "Basket"]
    assert toolbar.isVisible()
    window.registry["view.toolbar"].trigger()
    assert not toolbar.isVisible()
    window.registry["view.toolbar"].trigger()
    assert toolbar.isVisible()
    basket = window.user_data.dock
    qtbot.mouseClick(toolbar.widgetForAction(window.registry["notes.show_panel"]), Qt.MouseButton.LeftButton)
    assert basket.isVisible() and window.registry["notes.show_panel"].isChecked()


def test_context_menus_are_the_registry(qtbot, window):
    tree = window.tree_pane.tree
    click_row(qtbot, window, "arf")
    model = tree.model()
    index = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, "neacd", 1, Qt.MatchFlag.MatchRecursive)[0]
    tree.scrollTo(index)
    shown = popup(qtbot, lambda: tree.customContextMenuRequested.emit(tree.visualRect(index).center()))
    assert [a.objectName() for a in shown] == [s.id for s in ACTIONS if "tree" in s.contexts]
    assert window.selection.current == "neacd"  # right-click picks the record the menu acts on
    basket = window.user_data.panel.basket
    shown = popup(qtbot, lambda: basket.customContextMenuRequested.emit(QPoint(5, 5)))
    assert [a.objectName() for a in shown] == [s.id for s in ACTIONS if "basket" in s.contexts]


def test_every_shortcut_in_the_window_is_a_registry_action(window):
    assert window.findChildren(QShortcut) == []
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert with_keys and all(window.registry.actions.get(a.objectName()) is a for a in with_keys)
    keys = [seq.toString() for a in with_keys for seq in a.shortcuts()]
    assert len(keys) == len(set(keys)), "two actions share a shortcut"



@pytest.mark.parametrize("x11_like", [False, True])
def test_every_shortcut_fires_with_the_focus_in_the_search_box(qtbot, window, x11_like):
    """Text fields take some keys for editing (Ctrl+E, Ctrl+K, Ctrl+D on X11): never the registry's."""
    box = window.search_pane.box
    claimer = ClaimsControlKeys()
    if x11_like:
        box.installEventFilter(claimer)
    fired = Fired()
    tried = []
    for spec in ACTIONS:
        action = window.registry[spec.id]
        for seq in action.shortcuts():
            if spec.scope != "window" or _types(seq):
                continue  # "/" types a slash into a field, by design; basket keys work in the basket list
            enabled = action.isEnabled()
            action.setEnabled(True)  # Back with no history is disabled; the key must still reach it
            action.installEventFilter(fired)
            box.setFocus()
            box.setText("typed")
            combo = seq[0]
            qtbot.keyClick(box, combo.key(), combo.keyboardModifiers())
            action.removeEventFilter(fired)
            action.setEnabled(enabled)
            tried.append(spec.id)
            assert fired.hits[-1:] == [spec.id], f"{seq.toString()} ({spec.id}) did not fire in the search box"
            assert box.text() == "typed", f"{seq.toString()} edited the search box"
    assert {"notes.basket_add", "notes.edit", "go.quick_open", "notes.bookmark"} <= set(tried)


def test_ctrl_e_in_the_search_box_goes_to_the_note(qtbot, window):
    click_row(qtbot, window, "arf")
    box = window.search_pane.box
    box.setFocus()
    qtbot.keyClicks(box, "asean")
    qtbot.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.user_data.editor.edit
    assert box.text() == "asean"


def test_help_lists_every_shortcut_from_the_registry(qtbot, window):
    window.registry["help.shortcuts"].trigger()
    table = window.shortcuts_dialog.table
    rows = {table.item(n, 0).text(): table.item(n, 1).text() for n in range(table.rowCount())}
    for spec in ACTIONS:
        action = window.registry[spec.id]
        if action.shortcuts():
            name = spec.text.replace("&", "").rstrip("\u2026")
            assert rows[name] == ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                                            for s in action.shortcuts())
    assert rows["Add to basket"] == "Ctrl+B" and "/" in rows["Find"]
    window.shortcuts_dialog.close()
