"""Search results in a stable shape (issue 18): the groups in one fixed order of kinds, one row per record."""

import random

import pytest
from PySide6.QtCore import Qt

from model.search import search
from model.search_results import GROUP_ORDER, MARK_OFF, MARK_ON, Group, Hit, arranged


def hit(kind: str, rid: str, snippet: str = "") -> Hit:
    return Hit(kind, rid, rid, rid, snippet, "")


def test_groups_come_in_the_fixed_order_whatever_order_they_were_made_in():
    groups = [Group(kind, kind.title(), (hit(kind, f"{kind}-1"),), False) for kind in GROUP_ORDER]
    for seed in range(5):
        shuffled = groups[:]
        random.Random(seed).shuffle(shuffled)
        assert [g.kind for g in arranged(shuffled)] == list(GROUP_ORDER)
        assert [g.kind for g in arranged(shuffled, first="participant")] == [
            "participant", *(k for k in GROUP_ORDER if k != "participant")]


def test_hits_of_one_record_merge_into_one_row_keeping_the_snippet_that_shows_the_match():
    plain = hit("forum", "arf", "The annual foreign ministers' forum")
    marked = hit("forum", "arf", f"the {MARK_ON}ARF{MARK_OFF} meets")
    made = [Group("forum", "Forums", (plain, hit("forum", "neacd")), False),
            Group("forum", "Forums", (marked, hit("forum", "cscap")), True)]
    (forums,) = arranged(made)
    assert [h.id for h in forums.hits] == ["arf", "neacd", "cscap"] and forums.more
    assert forums.hits[0].snippet == marked.snippet


@pytest.mark.parametrize("text", ["track II", "track two", "CBM", "confidence-building measures", "DPRK",
                                  "defence", "Japan", "ARF", "security dialogue", "日本"])
def test_no_record_is_listed_twice_and_the_groups_keep_their_order(atlas, text):
    results = search(atlas, text, limit=50)
    assert results, text
    for group in results.groups:
        ids = [h.id for h in group.hits]
        assert len(ids) == len(set(ids)), (text, group.kind)
    kinds = [g.kind for g in results.groups]
    named = kinds[0] == "participant"  # a participant's own name typed leads; the rest keep the fixed order
    rest = kinds[1:] if named else kinds
    assert rest == [k for k in GROUP_ORDER if k in rest], (text, kinds)


def test_the_result_list_shows_the_groups_in_that_order_notes_last(window, qtbot):
    window.user_data.store.set_note("neacd", "Ask the ARF desk about this one.")
    qtbot.keyClicks(window.search_pane.box, "ARF")
    window.search_pane.run_search()
    headers = [row.group for row in window.search_pane.model.rows if row.kind == "header"]
    assert headers[-1] == "note" and headers[0] == "forum"
    assert headers == [k for k in GROUP_ORDER if k in headers]
    shown = [(row.group, row.hit.id) for row in window.search_pane.hit_rows()]
    assert len(shown) == len(set(shown))
    first = window.search_pane.model.index(window.search_pane.model.selectable_rows()[0])
    assert first.data(Qt.ItemDataRole.DisplayRole).startswith("ASEAN Regional Forum")
