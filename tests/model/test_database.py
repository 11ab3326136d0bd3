"""The built database: read-only use, clear errors, and agreement with the YAML."""

import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest

from model import build, loader
from model.queries import Atlas, DatabaseUnavailable


def _cli(*args, env_db=None):
    env = dict(os.environ)
    if env_db is not None:
        env["FORUM_ATLAS_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "forum_atlas", *args], capture_output=True, text=True, env=env)


def test_same_yaml_builds_same_content(tmp_path):
    ds = loader.load(loader_dir := __import__("conftest").FIXTURE_DATA)
    a = build.build(ds, tmp_path / "a.sqlite")
    b = build.build(loader.load(loader_dir), tmp_path / "b.sqlite")
    dump = lambda p: list(sqlite3.connect(p).iterdump())  # noqa: E731
    assert dump(a) == dump(b)


def test_opens_from_read_only_folder_and_leaves_no_journal(fixture_db, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(fixture_db, folder / "atlas.sqlite")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    (folder / "atlas.sqlite").chmod(stat.S_IRUSR)
    try:
        atlas = Atlas(folder / "atlas.sqlite")
        assert atlas.forum("arf").forum.name == "ASEAN Regional Forum"
        assert atlas.events()
        atlas.close()
        assert sorted(p.name for p in folder.iterdir()) == ["atlas.sqlite"]
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_api_on_fixture(fixture_db):
    atlas = Atlas(fixture_db)
    detail = atlas.forum("neacd")
    assert [c.id for c in detail.children] == ["neacd-sub"]
    assert [(m.participant_id, m.role) for m in detail.members] == [("kp", "absent")]
    assert [e.id for e in detail.events] == ["neacd-1993-10-meeting-1"]
    assert detail.relations[0].to_id == "arf"
    assert all(c.line for c in detail.sources)
    assert {f.id for f in atlas.grouped("track")[0][1]} == {"arf"}
    assert [label for label, _ in atlas.grouped("track")] == ["Track 1 (official)", "Track 2 (non-governmental)"]
    window = atlas.events(lo=__import__("datetime").date(1994, 1, 1).toordinal())
    assert [e.id for e in window] == ["arf-1994-first"]
    assert atlas.participant("kp").memberships[0].role == "absent"


@pytest.mark.parametrize(("content", "message"), [
    (None, "The reference database is missing"),
    (b"this is not a database at all" * 100, "The reference database is damaged"),
    (b"", "This is not a Forum Atlas database"),  # SQLite reads an empty file as an empty database
])
def test_missing_or_damaged_database_is_a_plain_error(tmp_path, content, message):
    path = tmp_path / "atlas.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatabaseUnavailable) as exc:
        Atlas(path)
    assert str(path) in str(exc.value)
    assert message in str(exc.value)
    done = _cli("stats", env_db=path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert message in done.stderr


def test_other_sqlite_file_is_not_a_forum_atlas_database(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (x)")
    with pytest.raises(DatabaseUnavailable, match="not a Forum Atlas database"):
        Atlas(path)


def test_unopenable_database_is_not_called_damaged(fixture_db, monkeypatch):
    from model import queries

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(queries.sqlite3, "connect", refuse)
    with pytest.raises(DatabaseUnavailable) as exc:
        Atlas(fixture_db)
    assert "cannot be opened (unable to open database file)" in str(exc.value)
    assert "damaged" not in str(exc.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_database_says_why(fixture_db, tmp_path):
    path = tmp_path / "locked.sqlite"
    shutil.copy(fixture_db, path)
    path.chmod(0)
    with pytest.raises(DatabaseUnavailable, match=r"cannot be opened \(Permission denied\)"):
        Atlas(path)


def test_built_database_and_exports_get_a_normal_files_mode(fixture_db, tmp_path):
    """mkstemp makes 0600 files; what the build and the exports leave behind is 0666 less the umask."""
    old = os.umask(0o022)
    try:
        db = build.build(loader.load(__import__("conftest").FIXTURE_DATA), tmp_path / "a.sqlite")
        done = _cli("export", "--out", str(tmp_path / "a.json"), env_db=fixture_db)
        assert done.returncode == 0, done.stderr
        done = _cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), env_db=fixture_db)
        assert done.returncode == 0, done.stderr
    finally:
        os.umask(old)
    for path in (db, tmp_path / "a.json", tmp_path / "csv" / "forum.csv"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary file left behind


def test_rebuild_keeps_the_existing_files_mode(tmp_path):
    target = tmp_path / "a.sqlite"
    target.write_bytes(b"old")
    target.chmod(0o640)
    build.build(loader.load(__import__("conftest").FIXTURE_DATA), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_wrong_schema_version(fixture_db, tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture_db, path)
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA user_version = 99")
    with pytest.raises(DatabaseUnavailable, match="schema version 99"):
        Atlas(path)


def test_export_json_validates_against_shipped_schema(fixture_db, real_db):
    import json

    import jsonschema

    from model import paths

    schema = json.loads(paths.resource("export.schema.json").read_text())
    for db in (fixture_db, real_db):
        done = _cli("export", "--format", "json", env_db=db)
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        jsonschema.validate(data, schema)
        assert data["forums"] and data["citations"]
    arf = next(f for f in json.loads(_cli("export", env_db=fixture_db).stdout)["forums"] if f["id"] == "arf")
    assert arf["founded"] == {"date": "1994", "end": None, "qualifier": None, "text": "1994"}


def test_export_2_carries_discrepancies_and_delegations(real_db):
    import json

    import jsonschema

    from model import paths

    schema = json.loads(paths.resource("export.schema.json").read_text())
    assert schema["properties"]["schema_version"] == {"const": 2}
    data = json.loads(_cli("export", "--format", "json", env_db=real_db).stdout)
    jsonschema.validate(data, schema)
    assert data["schema_version"] == 2
    count = next(d for d in data["discrepancies"] if d["id"] == "arf-member-count")
    assert {"id": "arf", "kind": "forum"} in count["records"]
    lines = {c["id"]: c["line"] for c in data["citations"]}
    assert {lines[c] for c in count["citations"]} >= {84, 144}  # both readings' passages
    assert count["note"]
    arf = next(f for f in data["forums"] if f["id"] == "arf")
    japan = next(m for m in arf["memberships"] if m["participant"] == "jp" and m["role"] == "member")
    assert [d["participant"] for d in japan["delegation"]] == ["mofa-jp", "jda"]
    assert japan["delegation"][1]["since"]["date"] == "1996" and japan["delegation"][1]["citations"]
    assert all(m["participant"] not in ("mofa-jp", "jda", "us-state", "us-dod") for m in arf["memberships"])
    # A version-1 reader's shape is refused: the schema names what changed.
    old = dict(data, schema_version=1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(old, schema)


def test_export_csv_writes_one_file_per_table(fixture_db, tmp_path):
    done = _cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), env_db=fixture_db)
    assert done.returncode == 0, done.stderr
    names = {p.name for p in (tmp_path / "csv").iterdir()}
    assert {"forum.csv", "event.csv", "membership.csv", "citation.csv"} <= names
    assert "ASEAN Regional Forum" in (tmp_path / "csv" / "forum.csv").read_text()


def test_database_agrees_with_yaml(real_db):
    """`make db` rebuilds when YAML changes; this catches a stale database."""
    from helpers import REAL_DATA

    ds = loader.load(REAL_DATA)
    with sqlite3.connect(f"file:{real_db}?mode=ro", uri=True) as con:
        stored = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0]
    assert stored == build.data_version(ds), "resources/forum-atlas.sqlite is stale: run `make db`"


def test_every_quote_is_verbatim_in_the_paper(paper):
    from helpers import REAL_DATA

    ds = loader.load(REAL_DATA, paper)  # raises, listing every quote not found
    assert len(ds.citations) > 0


def test_the_first_question_asked_gets_its_citations():
    """The read API reads every citation link on first use: the very first answer must carry them too."""
    first = Atlas().memberships(forum_id="arf")
    assert first and all(m.cites for m in first)
