"""The browse data (model/browse.py): the read API's answers for the tree, the timeline and quick-open, read
without SQLModel, and refused when it is not of the database's version."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from model import as_of as when
from model.browse import GROUPINGS, Browse, BrowseUnavailable


def _agree(browse: Browse, atlas) -> None:
    assert browse.forums() == atlas.forums()
    assert browse.participants() == atlas.participants()
    assert browse.people() == atlas.people()
    assert browse.events() == atlas.events()
    assert browse.eras() == atlas.eras()
    for by in GROUPINGS:
        assert browse.grouped(by) == atlas.grouped(by), by
    assert browse.roles_by_participant() == {p: dict(f) for p, f in atlas.roles_by_participant().items()}
    assert browse.ids() == atlas.ids()
    for rid in set().union(*atlas.ids().values()):  # every record
        assert (browse.kind_of(rid), browse.name_of(rid)) == (atlas.kind_of(rid), atlas.name_of(rid)), rid
    assert browse.source.as_of == atlas.source.as_of
    assert browse.meta["data_version"] == atlas.meta["data_version"]
    for month in ("1975-01", "1991-06", "1994-07", "1996-12"):  # the tree's forums at an as-of month
        assert when.forum_states(browse, month) == when.forum_states(atlas, month), month
    ids = atlas.ids()
    for fid in ids["forum"]:  # every forum's and event's page, as the read API gives it
        assert browse.has_detail(fid) and browse.forum(fid) == atlas.forum(fid), fid
    for eid in ids["event"]:
        assert browse.has_detail(eid) and browse.event(eid) == atlas.event(eid), eid
    assert not any(browse.has_detail(rid) for rid in ids["participant"] | ids["person"])  # these wait for it


def test_the_browse_data_is_what_the_read_api_returns(real_db, atlas):
    _agree(Browse(real_db), atlas)


def test_the_browse_data_agrees_on_the_fixture_dataset_too(fixture_db):
    from model.queries import Atlas

    atlas = Atlas(fixture_db)
    try:
        _agree(Browse(fixture_db), atlas)
    finally:
        atlas.close()


def test_a_disagreement_is_caught(real_db, atlas, tmp_path):
    """The agreement check above would see a forum renamed in the browse data only."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(real_db, copy)
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE browse_forum SET name = 'Renamed' WHERE pos = 0")
    with pytest.raises(AssertionError):
        _agree(Browse(copy), atlas)


def test_a_page_that_disagrees_is_caught(real_db, atlas, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(real_db, copy)
    with sqlite3.connect(copy) as con:  # ARF's page holds APEC's detail
        con.execute("UPDATE browse_detail SET detail = (SELECT detail FROM browse_detail WHERE id = 'apec') "
                    "WHERE id = 'arf'")
    with pytest.raises(AssertionError, match="arf"):
        _agree(Browse(copy), atlas)


def test_reading_it_imports_neither_sqlmodel_sqlalchemy_nor_pydantic(real_db):
    code = ("import sys; from model.browse import Browse; b = Browse(sys.argv[1]); "
            "[b.grouped(g) for g in ('track', 'participant')]; b.roles_by_participant(); b.events(); b.forum('arf'); "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlmodel', 'sqlalchemy', 'pydantic', "
            "'pydantic_core')); print(len(b.forums()), heavy)")
    out = subprocess.run([sys.executable, "-c", code, str(real_db)], capture_output=True, text=True, check=True)
    count, heavy = out.stdout.split(" ", 1)
    assert int(count) > 50 and heavy.strip() == "[]"


@pytest.mark.parametrize("damage", [
    "UPDATE browse_meta SET value = 'not-this-one' WHERE key = 'data_version'",  # built from other data
    "UPDATE meta SET value = 'edited' WHERE key = 'data_version'",  # the database changed after the build
    "UPDATE browse_meta SET value = '0' WHERE key = 'layout'",  # an older builder's tables
    "DROP TABLE browse_meta",  # a database from before the browse tables
    "DROP TABLE browse_event",
])
def test_browse_data_of_another_version_is_refused_plainly(real_db, tmp_path, damage):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(real_db, copy)
    with sqlite3.connect(copy) as con:
        con.execute(damage)
    with pytest.raises(BrowseUnavailable) as caught:
        Browse(copy)
    assert str(copy) in str(caught.value) and "Traceback" not in str(caught.value)


def test_no_database_is_refused_plainly(tmp_path):
    with pytest.raises(BrowseUnavailable, match="no database"):
        Browse(tmp_path / "missing.sqlite")
