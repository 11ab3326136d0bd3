"""One vocabulary (model/vocabulary.py) and one event date formatter, used alike by every part that shows them."""

from model import vocabulary as v
from model.timeline_layout import SYMBOLS, symbol_of


def test_the_loader_refuses_a_status_outside_the_vocabulary_and_names_it(data_copy):
    import pytest

    from model import loader

    mini = data_copy / "mini.yaml"
    mini.write_text(mini.read_text(encoding="utf-8").replace("status: active", "status: dormant", 1),
                    encoding="utf-8")
    with pytest.raises(loader.DataError) as caught:
        loader.load(data_copy)
    assert any("'dormant' is not one of: " + ", ".join(v.STATUSES.names) in p for p in caught.value.problems)


def test_every_event_kind_has_a_timeline_symbol_and_every_symbol_a_kind():
    assert {symbol_of(kind) for kind in v.EVENT_KINDS.names} == set(SYMBOLS)


def test_the_detail_pane_and_search_use_the_same_labels(atlas):
    from gui import render
    from model.search import search

    arf = atlas.forum("arf")
    page = render.forum(arf, render.SCREEN)
    assert v.TRACKS[arf.forum.track].label in page and v.STATUSES[arf.forum.status].label in page
    headings = [t.heading for t in v.AUTHORS if t.heading in page]
    assert len(headings) >= 2 and headings == sorted(headings, key=lambda h: page.index(h))  # in vocabulary order
    groups = [g.label for g in search(atlas, "security").groups]
    assert groups == [t.label for t in v.RECORD_KINDS if t.label in groups]


def test_an_events_date_reads_the_same_in_the_detail_pane_search_and_export(atlas):
    from model import export
    from model.search import search

    ranged = next(e for e in atlas.events() if e.end is not None)
    exported = next(e for e in export.to_dict(atlas)["events"] if e["id"] == ranged.id)
    assert exported["text"] == ranged.when()
    hit = next(h for h in search(atlas, ranged.title, limit=50).hits if h.id == ranged.id)
    assert ranged.when() in hit.info
