"""The benchmarks' synthetic data (bench/synthetic.py): valid, deterministic, and built as the app builds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench import fastbuild, synthetic
from model import build, loader, paths

FACTOR = 2


@pytest.fixture(scope="module")
def real() -> loader.Dataset:
    return loader.load(paths.data_dir())


@pytest.fixture(scope="module")
def yaml_dir(tmp_path_factory) -> Path:
    return synthetic.write_yaml(FACTOR, tmp_path_factory.mktemp("synthetic") / "data")


@pytest.fixture(scope="module")
def loaded(yaml_dir) -> loader.Dataset:
    return loader.load(yaml_dir)


def _plain(value):
    """A loaded record without the loader's file and line bookkeeping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _contents(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'search\\_%' ESCAPE '\\' ORDER BY name")]
    out = {n: sorted(map(repr, con.execute(f"SELECT * FROM {n}"))) for n in names}  # noqa: S608 - our tables
    out["sqlite_master"] = sorted(map(repr, con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")))
    out["user_version"] = con.execute("PRAGMA user_version").fetchall()
    con.close()
    return out


def test_the_loader_accepts_it_and_every_table_grows(loaded, real):
    for table, records in real.tables.items():
        expected = len(records) if table == "eras" else FACTOR * len(records)
        assert len(loaded[table]) == expected, table
    assert len(real.citations) < len(loaded.citations) <= FACTOR * len(real.citations)
    for table, records in loaded.tables.items():
        ids = [r["id"] for r in records if r.get("id")]
        assert len(ids) == len(set(ids)), table


def test_every_quote_is_verbatim_in_the_paper(yaml_dir, paper):
    loader.load(yaml_dir, paper)  # raises DataError on any quote not on its line


def test_same_seed_same_files_other_seed_other_files(yaml_dir, tmp_path):
    again = synthetic.write_yaml(FACTOR, tmp_path / "again")
    other = synthetic.write_yaml(FACTOR, tmp_path / "other", seed=synthetic.SEED + 1)
    files = sorted(p.name for p in yaml_dir.glob("*.yaml"))
    assert files == sorted(p.name for p in again.glob("*.yaml"))
    assert all((yaml_dir / f).read_bytes() == (again / f).read_bytes() for f in files)
    assert any((yaml_dir / f).read_bytes() != (other / f).read_bytes() for f in files)


def test_the_direct_road_gives_the_loaders_dataset(loaded):
    direct = synthetic.dataset(FACTOR)
    assert _plain(direct.tables) == _plain(loaded.tables)
    assert direct.citations == loaded.citations


def test_fastbuild_writes_the_database_model_build_writes(loaded, tmp_path):
    slow = build.build(loaded, tmp_path / "slow.sqlite")
    fast = fastbuild.build(loaded, tmp_path / "fast.sqlite")
    assert _contents(fast) == _contents(slow)
    bare = _contents(fastbuild.build(loaded, tmp_path / "bare.sqlite", search=False))
    assert bare["search"] == [] and bare["forum"] == _contents(slow)["forum"]


# -- the 10,000x road: the real database's rows copied (bench/scaled.py) -----------------------------------------
@pytest.fixture(scope="module")
def scaled_db(real_db, tmp_path_factory) -> Path:
    from bench import scaled

    target = tmp_path_factory.mktemp("scaled") / "scaled.sqlite"
    scaled.build(3, target, synthetic.SEED)
    return target


def test_the_copied_rows_answer_alike_through_the_browse_data_and_the_read_api(scaled_db, real_db):
    from model.browse import Browse
    from model.queries import Atlas

    browse, atlas, real = Browse(scaled_db), Atlas(scaled_db), Atlas(real_db)
    assert len(atlas.forums()) == 3 * len(real.forums()) and len(atlas.events()) == 3 * len(real.events())
    assert [f.id for f in browse.forums()] == [f.id for f in atlas.forums()]
    assert browse.events() == atlas.events()
    assert [p.id for p in browse.participants()] == [p.id for p in atlas.participants()]
    assert [p.id for p in browse.people()] == [p.id for p in atlas.people()]
    for by in ("track", "kind", "scope", "status", "participant"):
        assert [(label, [f.id for f in forums]) for label, forums in browse.grouped(by)] == \
            [(label, [f.id for f in forums]) for label, forums in atlas.grouped(by)], by
    assert browse.roles_by_participant() == atlas.roles_by_participant()
    copy = atlas.forum_row("arf-s2")
    assert copy.name.startswith("ASEAN Regional Forum (") and copy.parent_id == real.forum_row("arf").parent_id
    assert copy.founded.start.year <= real.forum_row("arf").founded.start.year


def test_the_copies_are_searched_by_their_own_words_ids_and_years(scaled_db):
    from bench.synthetic import _Plan
    from model.queries import Atlas
    from model.search import Searcher

    searcher = Searcher(Atlas(scaled_db))
    tag = _Plan(3, synthetic.SEED, set()).tags[2]
    hits = searcher.search(tag.lower()).hits
    assert hits and all(h.id.endswith("-s2") for h in hits)
    kp = {h.id for h in searcher.search("member:kp").hits}
    assert kp and not any(i.endswith(("-s1", "-s2")) for i in kp)  # a copy's members are the copy's own


def test_the_10000x_cache_key_follows_the_real_databases_rows_not_its_file(real_db, tmp_path, monkeypatch):
    # The key covers what the 10,000x road reads: bench.scaled's code and the real database's schema and rows.
    copy = tmp_path / "copy.sqlite"
    con = sqlite3.connect(real_db)
    con.execute("VACUUM INTO ?", (str(copy),))  # the same rows in a file of its own, pages laid out anew
    con.close()
    monkeypatch.setattr(synthetic.paths, "database", lambda: real_db)
    key = synthetic.cache_key(synthetic.SQL_MIN)
    monkeypatch.setattr(synthetic.paths, "database", lambda: copy)
    assert synthetic.cache_key(synthetic.SQL_MIN) == key
    con = sqlite3.connect(copy)
    con.execute("UPDATE forum SET name = name || ' (renamed)' WHERE id = 'arf'")
    con.commit()
    con.close()
    assert synthetic.cache_key(synthetic.SQL_MIN) != key
