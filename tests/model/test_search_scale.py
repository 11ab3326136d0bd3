"""Search's ways for a very large index (model/search.py), run on the real data with their thresholds lowered:
they must answer as the ordinary ways do."""

from __future__ import annotations

import pytest

from model import search


@pytest.fixture(scope="module")
def searcher(atlas):
    return search.Searcher(atlas)


@pytest.mark.parametrize("expr", ['"security"', '"asean" AND "regional"', '{title aliases variants} : "cossa"',
                                  '"four party"', '"zzqx"'])
def test_a_kinds_first_rows_are_the_same_read_from_either_end(searcher, expr):
    for kind, (lo, hi) in searcher.ranges.items():
        for n in (1, 3, 40):
            plain = searcher.con.execute("SELECT rowid FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ? "
                                         "LIMIT ?", (expr, lo, hi, n)).fetchall()
            assert searcher._first("rowid", expr, lo, hi, n, wide=True) == plain, (kind, n)


@pytest.mark.parametrize(("typed", "first"), [
    ("ASEAN Regional Forum", ("forum", "arf")), ("Four-Part", ("forum", "four-party-talks")),
    ("six-part", ("forum", "six-party-talks")), ("NEACD", ("forum", "neacd")), ("North Korea", ("participant", "kp")),
    ("preventive dipl", ("forum", "arf")),
])
def test_words_that_very_many_rows_hold_still_find_names_first(atlas, searcher, monkeypatch, typed, first):
    monkeypatch.setattr(search, "HEAVY", 0)  # every word "held by very many rows": no title filter, loose phrases
    heavy = search.Searcher(atlas)
    hits = heavy.search(typed).hits
    assert (hits[0].kind, hits[0].id) == first
    assert [(h.kind, h.id) for h in hits[:4]] == [(h.kind, h.id) for h in searcher.search(typed).hits[:4]]
