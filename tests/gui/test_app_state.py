"""One app state (gui/app_state.py): the selection, its history and the filters, followed by every pane."""

from helpers import click_row, open_window, type_note, visible_forums
from PySide6.QtCore import Qt

from gui.app_state import AppState


def timeline_forums(window) -> set[str]:
    return {lane.key for lane in window.timeline.data.lanes if lane.kind == "forum"}


def test_a_note_is_saved_for_its_record_before_any_pane_sees_the_new_selection(qtbot, atlas, settings_reset):
    """A view made before the note editor (issue 17's views will be) sees the note already saved.

    Before the about-to-change signal, saving depended on the note editor having connected to the selection
    first; here a pane that connected earlier reads the notes store as the selection changes.
    """
    state = AppState()
    seen = []
    state.selection.changed.connect(lambda rid: seen.append((rid, window.user_data.store.note("arf"))))
    window = open_window(qtbot, atlas, state=state)
    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "typed on the ARF")
    click_row(qtbot, window, "neacd")
    assert seen[-1] == ("neacd", "typed on the ARF")
    store = window.user_data.store
    assert store.note("arf") == "typed on the ARF" and store.note("neacd") is None
    assert window.user_data.editor.edit.toPlainText() == ""


def test_arrow_key_steps_in_the_tree_make_one_history_entry(qtbot, window):
    click_row(qtbot, window, "arf")
    tree = window.tree_pane.tree
    for _ in range(4):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    stepped_to = window.selection.current
    assert stepped_to != "arf"
    click_row(qtbot, window, "neacd")
    window.selection.back()
    assert window.selection.current == stepped_to  # the run of steps ended here
    window.selection.back()
    assert window.selection.current == "arf"  # and began here: no entry for each row passed
    assert not window.selection.can_go_back()
    window.selection.forward()
    assert window.selection.current == stepped_to


def test_the_text_filter_narrows_the_timeline_as_the_tree(qtbot, window):
    everything = timeline_forums(window)
    qtbot.keyClicks(window.tree_pane.filter, "neacd")
    assert window.state.text_filter == "neacd"
    shown = timeline_forums(window)
    assert "neacd" in shown and "arf" not in shown and len(shown) < len(everything) / 4
    assert shown == set(visible_forums(window))
    window.tree_pane.filter.clear()
    assert timeline_forums(window) == everything


def test_participant_and_text_filters_combine_on_the_timeline(qtbot, window, atlas):
    window.tree_pane.participant.setCurrentIndex(window.tree_pane.participant.findData("kp"))
    assert window.state.participant == "kp"
    kp_forums = timeline_forums(window)
    assert kp_forums and kp_forums == set(visible_forums(window))
    qtbot.keyClicks(window.tree_pane.filter, "dialogue")
    narrowed = timeline_forums(window)
    assert narrowed and narrowed < kp_forums
    assert all("dialogue" in atlas.forum(fid).forum.name.lower() for fid in narrowed)


def test_the_state_drives_the_panes_whoever_sets_it(qtbot, window):
    window.state.set_grouping("status")
    assert window.tree_pane.grouping.currentData() == "status"
    assert window.registry["view.group.status"].isChecked() and not window.registry["view.group.track"].isChecked()
    window.state.set_text_filter("arf")
    assert window.tree_pane.filter.text() == "arf"
    window.state.set_participant("kp")
    assert window.tree_pane.participant.currentData() == "kp"
    window.state.set_participant(None)
    assert window.tree_pane.participant.currentIndex() == 0


def test_a_brushed_range_narrows_the_detail_pane_and_clears_from_the_menu(qtbot, window, atlas):
    from datetime import date

    window.select("arf")
    all_events = window.detail.toPlainText()
    window.timeline.rangeBrushed.emit(date(1994, 1, 1).toordinal(), date(1994, 12, 31).toordinal())
    assert window.state.date_range is not None
    narrowed = window.detail.toPlainText()
    assert len(narrowed) < len(all_events)
    window.state.set_date_range(None)
    assert window.timeline.brush() is None
    assert window.detail.toPlainText() == all_events


def test_a_setter_that_changes_nothing_emits_nothing(qapp):
    """What lets a pane follow the state by updating its own widget without looping."""
    state = AppState()
    heard = []
    for name in ("groupingChanged", "participantChanged", "textFilterChanged", "filtersChanged",
                 "dateRangeChanged", "asOfChanged"):
        getattr(state, name).connect(lambda *args, n=name: heard.append(n))
    state.set_as_of("1993-06")
    state.set_as_of("1993-06")
    state.set_text_filter("arf")
    state.set_text_filter("arf")
    state.set_date_range((1, 2))
    state.set_date_range([1, 2])
    state.set_participant("")  # "" is no participant, as None
    state.set_grouping(state.grouping)
    assert heard == ["asOfChanged", "textFilterChanged", "filtersChanged", "dateRangeChanged"]
    assert state.as_of == "1993-06"
