"""The membership matrix's data read in stages (model/matrix.py): the whole matrix opens without reading the
memberships, its cells are read forum by forum as they are looked at, and what is shown is the same as when every
membership is read at once."""

from __future__ import annotations

from model import matrix
from model.matrix import Filters, MatrixData


def test_the_whole_matrix_opens_without_reading_every_membership_and_shows_the_same(atlas):
    lazy = MatrixData(atlas)
    opened = lazy.matrix(Filters())
    assert lazy._by_forum is None  # rows, columns and legend came from SQLite's indexes
    legend = lazy.roles_used(opened)
    assert lazy._by_forum is None
    assert opened.symbol("jp", "neacd") and "jp" in opened.rows and "arf" in opened.columns
    assert set(lazy._read_forums) == {"neacd"}  # only the forum looked at was read

    full = MatrixData(atlas)
    assert full.by_forum  # every membership read at once
    # the general road (every forum named) over every membership gives the very same matrix
    same = full.matrix(Filters(forums=frozenset(full.forums)))
    assert (opened.rows, opened.columns) == (same.rows, same.columns)
    assert all(opened.cells.get((p, f)) == same.cells.get((p, f)) for p in same.rows for f in same.columns)
    assert legend == full.roles_used(same)
    for how in ("name", "founded"):
        for descending in (False, True):
            flt = Filters(column_sort=how, descending=descending)
            shown, whole = MatrixData(atlas).matrix(flt), full.matrix(Filters(forums=frozenset(full.forums),
                                                                              column_sort=how, descending=descending))
            assert (shown.rows, shown.columns) == (whole.rows, whole.columns)


def test_a_few_forums_are_read_alone_and_a_sweep_reads_everything_once(atlas, monkeypatch):
    data = MatrixData(atlas)
    japans = data.forums_of("jp")
    assert {"arf", "neacd"} <= japans
    few = data.matrix(Filters(forums=frozenset(japans)))
    assert data._by_forum is None and set(data._read_forums) == japans & data.with_cells
    assert "jp" in few.rows and set(few.columns) <= japans
    assert data.participant_set("neacd") >= {"jp", "us", "cn"}

    monkeypatch.setattr(matrix, "READ_ALL_AFTER", len(data._read_forums) + 1)
    everything = data.matrix(Filters())
    cells = [everything.cells.get((p, f)) for p in everything.rows for f in everything.columns]  # an export
    assert data._by_forum is not None and len(data._read_forums) <= matrix.READ_ALL_AFTER
    assert sum(map(bool, cells)) == len(data.entries)
    # a forum read alone keeps its cells' dict when all are read: a matrix that shares it stays right
    assert few.cells.get(("jp", "neacd")) == data.by_forum["neacd"][("jp", "neacd")]
