"""The main window, driven as a user drives it: clicks, keys, typing; checking what is shown."""

import subprocess
import sys

import pytest
from helpers import click_link, click_row, group_labels, visible_forums
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from gui.forum_tree import ID_ROLE, ForumTreeModel
from gui.settings import SOURCE_TEXT
from gui.tree_filter import TreeFilter, build_tree
from model.records import AWAY, label


@pytest.mark.parametrize("key", ["track", "kind", "scope", "status", "participant"])
def test_each_grouping_shows_its_groups_and_every_forum(qtbot, window, atlas, key):
    window.tree_pane.set_grouping(key)
    groups = atlas.grouped(key)
    assert [label.rsplit(" (", 1)[0] for label in group_labels(window)] == [label for label, _ in groups]
    shown = visible_forums(window)
    if key == "participant":
        assert set(shown) == {m.forum_id for m in atlas.memberships()}
    else:
        assert sorted(shown) == sorted(f.id for f in atlas.forums())


def test_sub_bodies_nest_under_their_parent(window, atlas):
    child = next(f for f in atlas.forums() if f.parent_id)
    model = window.tree_pane.tree.model()
    index = model.match(model.index(0, 0), ID_ROLE, child.id, 1, Qt.MatchFlag.MatchRecursive)[0]
    assert index.parent().data(ID_ROLE) == child.parent_id


def test_typing_in_the_filter_narrows_and_keeps_parents(qtbot, window):
    qtbot.keyClicks(window.tree_pane.filter, "neacd")
    shown = visible_forums(window)
    assert "neacd" in shown
    assert "arf" not in shown
    assert all(group_labels(window))  # the group holding NEACD stays visible
    qtbot.keyClicks(window.tree_pane.filter, "zzzz")
    assert visible_forums(window) == []
    assert window.tree_pane.empty.isVisible()
    window.tree_pane.filter.clear()
    assert "arf" in visible_forums(window)


def test_participant_filter_shows_only_its_forums_and_marks_absence(qtbot, window, atlas):
    window.tree_pane.set_participant("kp")
    expected = {m.forum_id for m in atlas.memberships(participant_id="kp")}
    assert set(visible_forums(window)) == expected
    held: dict[str, list[str]] = {}
    for m in atlas.memberships(participant_id="kp"):
        held.setdefault(m.forum_id, []).append(m.role)
    away = [fid for fid, roles in held.items() if all(x in AWAY for x in roles)]
    assert away, "the data should record at least one forum the DPRK stays out of"
    model = window.tree_pane.tree.model()
    index = model.match(model.index(0, 0), ID_ROLE, away[0], 1, Qt.MatchFlag.MatchRecursive)[0]
    role_text = index.siblingAtColumn(3).data()
    assert role_text == ", ".join(label(x) for x in held[away[0]])  # "Not a party" for the ARF
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    window.tree_pane.set_participant(None)
    assert len(visible_forums(window)) == len(atlas.forums())


def test_selecting_a_forum_shows_its_detail(qtbot, window, atlas):
    click_row(qtbot, window, "neacd")
    text = window.detail.toPlainText()
    detail = atlas.forum("neacd")
    assert detail.forum.name in text
    founded = detail.forum.founded.display()
    after_label = text[text.index("Founded") + len("Founded"):].split()
    assert " ".join(after_label[: len(founded.split())]) == founded  # the key-facts row, not any mention
    for m in detail.members:
        assert m.participant_name in text
    assert "Sources" in text
    assert window.selection.current == "neacd"


def test_following_a_link_and_going_back(qtbot, window, atlas):
    click_row(qtbot, window, "neacd")
    target = atlas.forum("neacd").events[0]
    click_link(qtbot, window.detail, target.title, after="Events")
    assert window.selection.current == target.id
    assert target.title in window.detail.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.selection.current == "neacd"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.selection.current == target.id


def test_opening_a_source_passage_highlights_the_quote(qtbot, window, atlas, paper):
    window.settings.set(SOURCE_TEXT, str(paper))
    click_row(qtbot, window, "arf")
    first = atlas.forum("arf").sources[0]
    click_link(qtbot, window.detail, "1", after="ASEAN Regional Forum")
    dialog = window.passage
    qtbot.waitExposed(dialog)
    html = dialog.view.toHtml()
    assert f"line {first.line}" in dialog.view.toPlainText()
    assert "background-color:#ffe27a" in html
    paragraph = paper.read_text(encoding="utf-8").splitlines()[first.line - 1]
    assert paragraph[:40] in dialog.view.toPlainText()  # the whole paragraph, not just the quote
    dialog.close()


def test_copy_citation_puts_a_reference_on_the_clipboard(qtbot, window, atlas):
    click_row(qtbot, window, "arf")
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QGuiApplication.clipboard().text()
    cite = atlas.forum("arf").sources[0]
    assert text.startswith("ASEAN Regional Forum")
    # Chicago author-date by default: the part's author and title, the paper, its series, and the sections
    assert "Cossa, Ralph A. 1999. \u201cU.S. Views Toward Northeast Asia Multilateral Security Cooperation.\u201d" in text
    assert "IGCC Policy Paper 51" in text and cite.section in text
    assert "line" not in text  # a line of the text file is for navigation in the app, never for a reader
    assert "<i>Security Multilateralism in Asia" in QGuiApplication.clipboard().mimeData().html()


def test_quick_open_palette_jumps_to_a_record(qtbot, window, atlas):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.palette_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.edit, "North Korea")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert window.selection.current == "kp"
    assert "North Korea" in window.detail.toPlainText()


def test_grouping_persists_between_runs(qtbot, window, atlas):
    from gui.main_window import MainWindow

    window.tree_pane.set_grouping("status")
    window.close()
    again = MainWindow(atlas=atlas)
    qtbot.addWidget(again)
    assert again.tree_pane.current_grouping() == "status"


def test_empty_state_when_nothing_is_selected(window):
    assert "Nothing selected" in window.detail.toPlainText()


def test_model_passes_qt_model_tester(qtmodeltester, atlas):
    for key in ("track", "participant"):
        model = ForumTreeModel()
        roles = atlas.roles_by_participant()
        groups = atlas.grouped(key)
        ids = [p.id for p in atlas.participants() if p.id in roles] if key == "participant" else None
        model.reset(TreeFilter(build_tree(groups, roles if ids else None, ids)).apply())
        qtmodeltester.check(model)


def test_filtered_model_passes_qt_model_tester(qtmodeltester, window):
    window.tree_pane.filter.setText("a")
    qtmodeltester.check(window.tree_pane.model)


def test_hostile_data_shows_as_literal_text(qtbot, data_copy, tmp_path, settings_reset):
    from gui.main_window import MainWindow
    from model import build, loader
    from model.queries import Atlas

    mini = data_copy / "mini.yaml"
    hostile = "<img src=file:///etc/passwd> and <a href=http://example.com>click</a>"
    mini.write_text(mini.read_text().replace("An annual meeting of foreign ministers on regional security.",
                                             f"'{hostile}'"))
    db = build.build(loader.load(data_copy), tmp_path / "hostile.sqlite")
    w = MainWindow(atlas=Atlas(db))
    qtbot.addWidget(w)
    w.select("arf")
    assert hostile in w.detail.toPlainText()
    html = w.detail.toHtml()
    assert "<img" not in html and 'href="http://example.com"' not in html


def test_screenshot_option_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "--screenshot", str(out), "--select", "arf",
                           "--size", "1000x700"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)


def test_f6_cycles_the_panes_and_the_frame_follows(qtbot, window):
    window.tree_pane.tree.setFocus()
    seen = []
    frame = window.pane_focus.frame
    for _ in range(5):  # search, tree, detail, note, timeline
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F6)
        focused = QApplication.focusWidget()
        seen.append(focused)
        assert frame.isVisible() and frame.pane is focused
        assert frame.geometry().size() == focused.size()  # drawn round the pane, where the user looks
    assert seen == [window.detail, window.user_data.editor.edit, window.timeline, window.search_pane.box,
                    window.tree_pane.tree]


def test_founding_column_is_no_more_precise_than_the_paper(window):
    model = window.tree_pane.tree.model()
    kedo = model.match(model.index(0, 0), ID_ROLE, "kedo", 1, Qt.MatchFlag.MatchRecursive)[0]
    assert kedo.siblingAtColumn(2).data() == "1990s"  # "the mid-1990s" is not 1990
