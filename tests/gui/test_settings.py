"""Typed settings (gui/settings.py): the window comes back as the user left it."""

import pytest
from helpers import click_row, open_window
from PySide6.QtCore import QSettings, Qt

from gui import settings as S


def test_a_restart_restores_panes_dock_filters_and_the_note_split(qtbot, atlas, window, tmp_path):
    w = window
    click_row(qtbot, w, "arf")
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # the basket dock shows
    dock = w.user_data.dock
    assert dock.isVisible()
    w.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
    w.user_data.area.setSizes([400, 300])
    w.upper.setSizes([500, 700])
    w.tree_pane.participant.setCurrentIndex(w.tree_pane.participant.findData("kp"))
    w.state.set_grouping("kind")
    w.registry["view.toolbar"].trigger()  # hidden
    qtbot.wait(50)
    sizes = (dock.width(), w.user_data.area.sizes(), w.upper.sizes())
    assert w.close()
    assert list((tmp_path / "settings").rglob("*.ini"))  # this test's own settings file (tests/conftest.py)

    again = open_window(qtbot, atlas)
    qtbot.wait(50)
    assert again.state.participant == "kp" and again.tree_pane.participant.currentData() == "kp"
    assert again.state.grouping == "kind"
    assert again.user_data.dock.isVisible() and abs(again.user_data.dock.width() - sizes[0]) <= 4
    assert again.user_data.area.sizes()[1] == sizes[1][1]  # the note keeps its height (the toolbar's room
    # went to the detail pane above it)
    assert again.upper.sizes() == sizes[2]
    assert not again.toolbar.isVisible() and not again.registry["view.toolbar"].isChecked()


def test_a_value_of_the_wrong_type_reads_as_the_default(settings_reset):
    store = QSettings()
    store.setValue(S.GEOMETRY.key, "not a geometry")
    store.setValue(S.GROUPING.key, 12)
    settings = S.Settings(store)
    assert settings.get(S.GEOMETRY).isEmpty()
    assert settings.get(S.GROUPING) == "12"  # a string setting reads any stored text
    assert settings.get(S.PARTICIPANT) == ""
    with pytest.raises(TypeError):
        settings.set(S.GROUPING, 3)


def test_a_remembered_participant_the_atlas_lacks_is_dropped(qtbot, atlas, settings_reset):
    S.Settings().set(S.PARTICIPANT, "atlantis")
    w = open_window(qtbot, atlas)
    assert w.state.participant is None and w.tree_pane.participant.currentIndex() == 0


def test_a_restart_after_a_search_gives_the_tree_the_room_of_the_folded_results(qtbot, atlas, window):
    """Closed with search results open, the window came back with an empty gap where they had been: the
    splitter restored their height while the search box, empty again, folds the pane to its box."""
    w = window
    w.search_pane.box.setFocus()
    qtbot.keyClicks(w.search_pane.box, "DPRK")
    w.search_pane.run_search()
    qtbot.waitUntil(lambda: w.search_pane.results.isVisible())
    assert w.left.sizes()[0] > 200
    assert w.close()

    again = open_window(qtbot, atlas)
    qtbot.wait(50)
    pane = again.search_pane
    assert not pane.box.text() and not pane.results.isVisible()
    assert again.left.sizes()[0] <= pane.maximumHeight() + 2  # no gap under the box: the tree starts below it
    assert again.tree_pane.geometry().top() - pane.geometry().bottom() < 20
