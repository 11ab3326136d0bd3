"""The forum tree's filter: the pure filter over plain data (gui/tree_filter.py), and the pane typed into."""

import pytest
from helpers import group_labels, visible_forums
from PySide6.QtCore import Qt

from gui.forum_tree import ID_ROLE
from gui.tree_filter import TreeFilter, build_tree, matches_text
from model.records import AWAY, ForumRow


def forum(fid: str, name: str, acronym: str | None = None, parent: str | None = None) -> ForumRow:
    return ForumRow(fid, name, acronym, "dialogue", "1", "regional", "active", None, None, parent)


# Two groups; in the first a parent with a sub-body, the sub-body listed first (build_tree orders them).
GROUPS = [("Track 1", [forum("sub", "Inter-Sessional Meeting", "ISM", parent="arf"),
                       forum("arf", "ASEAN Regional Forum", "ARF"), forum("apec", "Asia-Pacific Economic Cooperation",
                                                                          "APEC")]),
          ("Track 2", [forum("cscap", "Council for Security Cooperation", "CSCAP"),
                       forum("neacd", "Northeast Asia Cooperation Dialogue", "NEACD")])]


def outline(shown, node=None, depth=0) -> list[str]:
    """The pruned tree as indented lines, groups with their counts, checking each row is where it says."""
    node = node or shown.root
    lines = []
    for row, child in enumerate(shown.children.get(node, ())):
        assert shown.rows[child] == row and child.parent is node
        lines.append("  " * depth + (f"{child.label} ({shown.counts[child]})" if child.kind == "group" else child.id))
        lines += outline(shown, child, depth + 1)
    return lines


def test_everything_shows_when_nothing_filters_parents_before_their_sub_bodies():
    shown = TreeFilter(build_tree(GROUPS)).apply()
    assert outline(shown) == ["Track 1 (3)", "  arf", "    sub", "  apec", "Track 2 (2)", "  cscap", "  neacd"]


def test_a_sub_body_that_matches_keeps_its_parent_and_a_group_without_a_match_goes():
    f = TreeFilter(build_tree(GROUPS))
    assert outline(f.apply("inter")) == ["Track 1 (2)", "  arf", "    sub"]  # the parent shown is counted too
    assert outline(f.apply("cooperation")) == ["Track 1 (1)", "  apec", "Track 2 (2)", "  cscap", "  neacd"]
    assert outline(f.apply("cooperation dialogue")) == ["Track 2 (1)", "  neacd"]  # every word
    assert outline(f.apply("zzz")) == []


def test_participant_and_as_of_filters_combine_with_the_text_and_absences_are_not_counted():
    f = TreeFilter(build_tree(GROUPS))
    assert outline(f.apply("", allowed={"arf", "cscap"})) == ["Track 1 (1)", "  arf", "Track 2 (1)", "  cscap"]
    assert outline(f.apply("", allowed={"arf", "cscap"}, away={"arf"})) == ["Track 1 (0)", "  arf",
                                                                              "Track 2 (1)", "  cscap"]
    assert outline(f.apply("c", existing={"apec", "neacd"})) == ["Track 1 (1)", "  apec", "Track 2 (1)", "  neacd"]


def test_in_the_participant_grouping_a_forums_own_roles_say_whether_it_counts():
    away = next(iter(AWAY))
    groups = [("Japan", [forum("arf", "ASEAN Regional Forum")]), ("DPRK", [forum("arf", "ASEAN Regional Forum")])]
    tree = build_tree(groups, {"jp": {"arf": ["member"]}, "kp": {"arf": [away]}}, ["jp", "kp"])
    assert outline(TreeFilter(tree).apply("asean", away={"arf"})) == ["Japan (1)", "  arf", "DPRK (0)", "  arf"]


class Counted(list):
    """A list that counts the items read from it: how many forums a keystroke looked at."""

    reads = 0

    def __getitem__(self, i):
        Counted.reads += 1
        return super().__getitem__(i)


def test_a_letter_typed_on_looks_only_at_what_the_shorter_text_matched_and_answers_as_a_fresh_filter():
    names = [forum(f"f{n}", name) for n, name in enumerate(
        ["ASEAN Regional Forum", "ASEAN Plus Three", "Asia-Pacific Forum", "Korean Peninsula Energy", "Track Two",
         "Shangri-La Dialogue", "Forum on Asian Security", "Pacific Basin Council"] * 5)]
    f = TreeFilter(build_tree([("All", names)]))
    f.texts = Counted(f.texts)
    typed = ""
    for letter in "asean f":
        typed += letter
        Counted.reads = 0
        passing = [f.ids[i] for i in f.passing(typed.strip())]
        fresh = [n.id for n in names if matches_text(n.name.lower() + " ", typed)]
        assert passing == fresh
        if typed == "a":
            assert Counted.reads == len(names)
        elif typed == "as":
            assert Counted.reads == sum("a" in n.name.lower() for n in names)  # not the whole list
    Counted.reads = 0
    assert [f.ids[i] for i in f.passing("forum")] == [n.id for n in names if "forum" in n.name.lower()]
    assert Counted.reads == len(names)  # not an extension of "asean f": the whole list again
    assert f.passing("forum", allowed={"f0"}) == [0]  # another participant: its own forums, not the last result



def test_the_filter_run_a_chunk_at_a_time_pauses_between_chunks_and_gives_what_one_go_gives(monkeypatch):
    monkeypatch.setattr("gui.tree_filter.CHUNK", 4)
    monkeypatch.setattr("gui.tree_filter.SHOWN_CHUNK", 3)
    names = [forum(f"f{n}", name) for n, name in enumerate(["ASEAN Regional Forum", "Track Two", "Asia Forum"] * 6)]
    whole = outline(TreeFilter(build_tree([("All", names)])).apply("forum"))
    job = TreeFilter(build_tree([("All", names)])).steps("forum")
    pauses = 0
    while True:
        try:
            next(job)
            pauses += 1
        except StopIteration as done:
            shown = done.value
            break
    assert outline(shown) == whole and whole[0] == "All (12)"
    assert pauses == 18 // 4 + 1 + 12 // 3  # a pause after each chunk of 4 rows read, each 3 rows placed


# -- the pane, typed into ------------------------------------------------------------------------------
def counted(window) -> int:
    return sum(int(label.rsplit("(", 1)[1].rstrip(")")) for label in group_labels(window))


def present(window) -> int:
    """The forum rows shown not in italics (an absence is, and is not counted)."""
    model, n = window.tree_pane.model, 0

    def walk(parent):
        nonlocal n
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            font = index.data(Qt.ItemDataRole.FontRole)
            n += bool(index.data(ID_ROLE)) and not (font and font.italic())
            walk(index)

    walk(model.index(-1, 0))
    return n


def whole_tree(window) -> list[tuple[str, tuple[str, ...]]]:
    """Every forum row of the unfiltered tree, depth first: (its id, the ids above it, from its group down)."""
    model, out = window.tree_pane.model, []

    def walk(parent, above):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append((index.data(ID_ROLE), above))
            walk(index, (*above, index.data(ID_ROLE)))

    for group in range(model.rowCount()):
        walk(model.index(group, 0), (str(group),))
    return out


def expected_rows(whole, names: dict[str, str], words: str) -> list[str]:
    """The rows of ``whole`` the tree should show for ``words``, in its order: a match, and the parents of one."""
    keep = set()
    for fid, above in whole:
        if matches_text(names[fid], words):
            keep |= {(*above[:n], ) for n in range(2, len(above) + 1)} | {(*above, fid)}
    return [fid for fid, above in whole if (*above, fid) in keep]


@pytest.mark.parametrize("key", ["track", "participant"])
def test_each_letter_typed_shows_the_matches_in_order_with_their_counts(qtbot, window, atlas, key):
    window.tree_pane.set_grouping(key)
    whole, names = whole_tree(window), {f.id: f"{f.name} {f.acronym or ''}".lower() for f in atlas.forums()}
    typed = ""
    for letter in "asean r":
        typed += letter
        qtbot.keyClicks(window.tree_pane.filter, letter)
        shown = visible_forums(window)
        assert shown == expected_rows(whole, names, typed)
        assert counted(window) == present(window)  # the counts follow the text
    qtbot.keyClick(window.tree_pane.filter, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.tree_pane.filter, Qt.Key.Key_Backspace)  # "asean": wider again, not narrowed
    assert visible_forums(window) == expected_rows(whole, names, "asean")


def test_the_counts_follow_the_as_of_month_with_the_text(qtbot, window):
    qtbot.keyClicks(window.tree_pane.filter, "a")
    before = visible_forums(window)
    window.views.as_of.set_month("1993-06")
    shown = visible_forums(window)
    assert "arf" in before and "arf" not in shown and 0 < len(shown) < len(before)
    assert counted(window) == len(shown)


def group_row(window, label: str):
    model = window.tree_pane.model
    return next(model.index(row, 0) for row in range(model.rowCount()) if model.index(row, 0).data().startswith(label))


def test_groups_expand_while_filtering_and_the_users_collapsed_group_closes_again_when_it_clears(qtbot, window):
    pane, tree = window.tree_pane, window.tree_pane.tree
    track2 = group_row(window, "Track 2")
    tree.setFocus()
    tree.setCurrentIndex(track2)
    qtbot.keyClick(tree, Qt.Key.Key_Left)  # the user collapses Track 2
    assert not tree.isExpanded(track2)
    qtbot.keyClicks(pane.filter, "co")
    groups = [pane.model.index(row, 0) for row in range(pane.model.rowCount())]
    assert any(g.data().startswith("Track 2") for g in groups) and all(tree.isExpanded(g) for g in groups)
    pane.filter.clear()
    groups = [pane.model.index(row, 0) for row in range(pane.model.rowCount())]
    assert [tree.isExpanded(g) for g in groups] == [not g.data().startswith("Track 2") for g in groups]


def test_a_text_matching_more_rows_than_open_at_once_leaves_the_groups_closed_with_their_counts(qtbot, window,
                                                                                               monkeypatch):
    monkeypatch.setattr("gui.forum_tree.EXPAND_MAX", 12)  # the real data has 103 forums, not thousands
    pane, tree = window.tree_pane, window.tree_pane.tree
    qtbot.keyClicks(pane.filter, "a")
    groups = [pane.model.index(row, 0) for row in range(pane.model.rowCount())]
    assert len(pane.model.shown.rows) > 12 and groups and not any(tree.isExpanded(g) for g in groups)
    assert counted(window) == len(visible_forums(window))  # the closed groups still say how many match
    qtbot.keyClicks(pane.filter, "sean regional")  # narrowed to a few: open again
    groups = [pane.model.index(row, 0) for row in range(pane.model.rowCount())]
    assert len(pane.model.shown.rows) <= 12 and groups and all(tree.isExpanded(g) for g in groups)


def test_the_current_forum_stays_current_while_it_still_shows_and_keeps_its_mark(qtbot, window):
    from helpers import click_row

    pane, tree = window.tree_pane, window.tree_pane.tree
    click_row(qtbot, window, "arf")
    qtbot.mouseClick(window.user_data.editor.add_basket, Qt.MouseButton.LeftButton)
    for letter in "regional":
        qtbot.keyClicks(pane.filter, letter)
        assert tree.currentIndex().data(ID_ROLE) == "arf"
    assert tree.selectionModel().isSelected(tree.currentIndex())
    assert tree.currentIndex().data().startswith("\u25a3")  # the basket's mark, as before the filter
    qtbot.keyClicks(pane.filter, "zz")
    assert not tree.currentIndex().isValid() and pane.empty.isVisible()
    assert window.selection.current == "arf"  # the detail still shows it: filtering is not choosing


def test_sub_bodies_listed_before_their_parent_nest_under_it_and_a_parent_cycle_is_shown_flat():
    groups = [("G", [forum("c", "C", parent="b"), forum("b", "B", parent="a"), forum("a", "A"),
                     forum("x", "X", parent="y"), forum("y", "Y", parent="x"), forum("d", "D", parent="a")])]
    shown = TreeFilter(build_tree(groups)).apply()
    assert outline(shown) == ["G (6)", "  a", "    d", "    b", "      c", "  x", "  y"]
    assert outline(TreeFilter(build_tree(groups)).apply("c")) == ["G (3)", "  a", "    b", "      c"]


def test_the_filter_imports_no_qt():
    import subprocess
    import sys

    code = ("import sys, gui.tree_filter; qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
            "assert not qt, qt")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]


def test_over_a_big_tree_a_keystroke_answers_at_once_and_its_rows_follow_between_frames(qtbot, window, atlas,
                                                                                        monkeypatch):
    monkeypatch.setattr("gui.forum_tree.SYNC_MAX", 10)  # as if the tree held a million forums, not 103
    monkeypatch.setattr("gui.forum_tree.SLICE_S", 0.0)  # one chunk per turn of the event loop
    monkeypatch.setattr("gui.tree_filter.CHUNK", 8)
    pane = window.tree_pane
    whole, names = whole_tree(window), {f.id: f"{f.name} {f.acronym or ''}".lower() for f in atlas.forums()}
    before = visible_forums(window)
    qtbot.keyClicks(pane.filter, "k")
    assert pane.busy() and visible_forums(window) == before  # the last rows stay until the filter is done
    assert pane.tree.viewport().cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.keyClicks(pane.filter, "edo")  # typed on before the filter finished: the new text's job replaces it
    qtbot.waitUntil(lambda: not pane.busy(), timeout=5000)
    assert visible_forums(window) == expected_rows(whole, names, "kedo") and "kedo" in visible_forums(window)
    assert counted(window) == present(window)
    assert pane.tree.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_over_a_big_tree_the_timeline_follows_the_typed_filter_once_typing_pauses(qtbot, window, monkeypatch):
    monkeypatch.setattr("gui.forum_tree.SYNC_MAX", 10)  # as if the tree held a million forums
    lanes = window.timeline.data

    def lanes_shown() -> set[str]:
        return {lane.key for lane in lanes.lanes if lane.kind == "forum"}

    everything = lanes_shown()
    qtbot.keyClicks(window.tree_pane.filter, "ked")
    assert lanes_shown() == everything  # typing: the timeline waits (at 10,000x it took seconds a keystroke)
    qtbot.waitUntil(lambda: lanes_shown() != everything, timeout=3000)
    assert lanes_shown() == window.tree_pane.visible_forums() and "kedo" in lanes_shown()


def test_over_a_small_tree_the_timeline_follows_each_keystroke_at_once(qtbot, window, atlas):
    def lanes() -> set[str]:
        return {lane.key for lane in window.timeline.data.lanes if lane.kind == "forum"}

    qtbot.keyClicks(window.tree_pane.filter, "ked")
    assert lanes() == window.tree_pane.visible_forums() and "kedo" in lanes()
    for _ in range(2):
        qtbot.keyClick(window.tree_pane.filter, Qt.Key.Key_Backspace)  # "k": wider again, not narrowed from "ked"
    assert lanes() == {f.id for f in atlas.forums() if "k" in f"{f.name} {f.acronym or ''}".lower()}
