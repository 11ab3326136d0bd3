"""The analyst's own data store (model/notes.py): saving, migrations, refusal, recovery, locking, folders."""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import ROOT, Days, notes_on_days

from model import notes
from model.notes import SCHEMA_VERSION, UserData, UserDataReadOnly

FIXTURES = Path(__file__).parents[1] / "fixtures" / "notes"
EARLIER = sorted(FIXTURES.glob("v*.sql"))  # one fixture per earlier schema version


def columns(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: [tuple(c[1:]) for c in con.execute(f"PRAGMA table_info({t})")] for t in tables}
    finally:
        con.close()


def user_version(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def build_fixture(sql: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / notes.DB_NAME
    con = sqlite3.connect(path)
    con.executescript(sql.read_text())
    con.close()
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "user"


# -- saving and reading ---------------------------------------------------------------------------------

def test_lives_in_the_platform_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with UserData() as store:
        assert store.path == tmp_path / "xdg" / "forum-atlas" / "notes.sqlite"
        assert store.available and store.writable and store.messages == []
        assert user_version(store.path) == SCHEMA_VERSION
        con = sqlite3.connect(store.path)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        con.close()


def test_notes_bookmarks_basket_round_trip(folder):
    with UserData(folder) as store:
        store.set_note("arf", "First thought.")
        store.set_note("arf", "Second thought, <b>with markup</b>.")
        store.set_note("kp", "DPRK stays away.")
        store.set_note("kp", "   ")  # blank removes
        store.set_bookmarked("arf", True)
        store.set_bookmarked("arf", True)
        store.set_bookmarked("neacd", True)
        store.set_bookmarked("neacd", False)
        assert store.add_to_basket("arf") and store.add_to_basket("neacd") and store.add_to_basket("kp")
        assert not store.add_to_basket("arf")
        store.set_basket(["kp", "arf", "neacd"])  # the panel reorders (gui/basket.py) and saves the order
        store.remove_from_basket("neacd")
    with UserData(folder) as store:
        assert store.note("arf") == "Second thought, <b>with markup</b>."
        assert store.note("kp") is None
        assert store.bookmarks() == ["arf"] and store.is_bookmarked("arf")
        assert store.basket() == ["kp", "arf"]
        assert [n.record for n in store.notes()] == ["arf"]
        assert store.notes()[0].updated.endswith("Z")


def test_search_finds_notes_with_a_snippet(folder):
    with UserData(folder) as store:
        store.set_note("arf", "The ARF moves slowly.\nAsk Tokyo about the Concept Paper before the briefing.")
        store.set_note("kp", "Nothing about it here.")
        hits = store.search("concept PAPER")
        assert [rid for rid, _ in hits] == ["arf"]
        assert "Concept Paper" in hits[0][1] and "\n" not in hits[0][1]
        assert [rid for rid, _ in store.search("tokyo ARF")] == ["arf"]  # every word, anywhere
        assert store.search("") == [] and store.search("absent-word") == []


def test_search_snippet_surrounds_the_match_when_casefolding_changes_lengths(folder):
    with UserData(folder) as store:  # casefold("ß") == "ss": each one shifted the snippet a character
        store.set_note("arf", "Straße " * 40 + "Concept paper here." + " filler" * 20)
        store.set_note("kp", "ß" * 100 + " needle " + "x" * 100)
        [(_, around)] = store.search("concept")
        assert "Concept paper here." in around
        [(_, around)] = store.search("NEEDLE")
        assert "needle" in around and around.index("needle") < 30
        [(_, around)] = store.search("STRASSE concept")  # a folded word still finds the text it came from
        assert around.startswith("Straße")


def test_orphaned_notes_are_kept_and_listed(folder, atlas):
    with UserData(folder) as store:
        store.set_note("arf", "still here")
        store.set_note("forum-dropped-from-the-dataset", "my words on it")
    known = set().union(*atlas.ids().values())
    with UserData(folder) as store:
        assert [n.record for n in store.orphans(known)] == ["forum-dropped-from-the-dataset"]
        assert store.note("forum-dropped-from-the-dataset") == "my words on it"


def test_merge_never_loses_text(folder):
    with UserData(folder) as store:
        store.set_note("arf", "Mine.")
        store.set_note("kp", "Short.")
        store.set_note("neacd", "Same.")
        report = store.merge([("arf", "Theirs.", None), ("kp", "Short. And longer.", None),
                              ("neacd", "Same.", None), ("new", "Fresh.", "2024-01-01T00:00:00Z")], "pack.json")
        assert (report.added, report.extended, report.unchanged, report.conflicts) == (
            ["new"], ["kp"], ["neacd"], ["arf"])
        merged = store.note("arf")
        assert merged.startswith("Mine.") and merged.endswith("Theirs.") and "imported from pack.json" in merged
        assert store.note("kp") == "Short. And longer."
        again = store.merge([("arf", "Theirs.", None)], "pack.json")
        assert again.unchanged == ["arf"] and store.note("arf") == merged


# -- migrations ----------------------------------------------------------------------------------------

def test_there_is_a_fixture_for_every_earlier_version():
    assert [int(p.stem[1:]) for p in EARLIER] == list(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("sql", EARLIER, ids=lambda p: p.stem)
def test_migrates_from_each_earlier_version(sql, folder, tmp_path):
    path = build_fixture(sql, folder)
    old = sqlite3.connect(path)
    before = dict(old.execute("SELECT record, text FROM notes"))
    marks = [r[0] for r in old.execute("SELECT record FROM bookmarks ORDER BY record")]
    old.close()
    with UserData(folder) as store:
        assert store.writable and store.messages == []
        assert user_version(path) == SCHEMA_VERSION
        assert {n.record: n.text for n in store.notes()} == before
        assert all(n.updated for n in store.notes())
        assert store.bookmarks() == marks
        assert store.basket() == []
        assert store.add_to_basket("arf") and store.basket() == ["arf"]
        saved = list(store.backup_folder.glob(f"notes-before-v{SCHEMA_VERSION}-*.sqlite"))
        assert len(saved) == 1 and user_version(saved[0]) == int(sql.stem[1:])
    with UserData(tmp_path / "fresh") as fresh:
        assert columns(fresh.path) == columns(path)  # a migrated file is the same as a new one


def test_v2_keeps_its_times_and_v1_gets_one(folder, tmp_path):
    build_fixture(FIXTURES / "v2.sql", folder)
    with UserData(folder) as store:
        assert {n.record: n.updated for n in store.notes()}["arf"] == "2024-03-01T09:30:00Z"
    build_fixture(FIXTURES / "v1.sql", tmp_path / "one")
    with UserData(tmp_path / "one") as store:
        assert all(n.updated.endswith("Z") for n in store.notes())


def test_a_failing_migration_changes_nothing(folder, monkeypatch):
    path = build_fixture(FIXTURES / "v2.sql", folder)
    before = columns(path)

    def broken(con, stamp):
        con.execute("CREATE TABLE basket (record TEXT PRIMARY KEY, position INTEGER NOT NULL)")
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setitem(notes.STEPS, 3, broken)
    with UserData(folder) as store:
        assert not store.available and not store.writable
        assert "could not upgrade" in store.messages[0] and "left as it was" in store.messages[0]
    assert user_version(path) == 2 and columns(path) == before


def test_a_file_from_a_newer_version_is_refused_and_untouched(folder):
    folder.mkdir(parents=True)
    path = folder / notes.DB_NAME
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (record TEXT PRIMARY KEY, text TEXT, colour TEXT)")
    con.execute("INSERT INTO notes VALUES ('arf', 'from the future', 'red')")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    con.commit()
    con.close()
    before, stat = path.read_bytes(), path.stat()
    with UserData(folder) as store:
        assert not store.available and not store.writable
        assert "newer version" in store.messages[0] and "untouched" in store.messages[0]
        assert store.note("arf") is None and store.notes() == []
        with pytest.raises(UserDataReadOnly):
            store.set_note("arf", "overwrite?")
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert not any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm", "-journal"))
    assert not (folder / "backups").exists()


# -- damage and backups ----------------------------------------------------------------------------------

def _fill(store: UserData, n: int = 300) -> None:
    store.merge([(f"rec-{i}", f"note {i} " + "lorem ipsum " * 20, None) for i in range(n)])  # one transaction


def _damage(path: Path, how: str) -> bytes:
    if how == "garbage":
        path.write_bytes(os.urandom(64 * 1024))
    elif how == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "overwritten-pages":  # a valid header, then garbage where the tables were
        data = bytearray(path.read_bytes())
        data[4096:] = os.urandom(len(data) - 4096)
        path.write_bytes(bytes(data))
    return path.read_bytes()


@pytest.mark.parametrize("how", ["garbage", "truncated", "empty", "overwritten-pages"])
def test_a_damaged_file_is_set_aside_and_restored_from_backup(folder, how):
    clock = Days()
    with UserData(folder, today=clock) as store:
        _fill(store)
    clock.day += dt.timedelta(days=1)
    with UserData(folder, today=clock) as store:  # the new day's backup holds the notes
        assert store.backups()
        path = store.path
    damaged = _damage(path, how)
    with UserData(folder, today=clock) as store:
        assert store.writable, store.messages
        assert len(store.messages) == 1
        message = store.messages[0]
        assert "damaged" in message and "restored from the backup" in message
        assert store.note("rec-299").startswith("note 299")
        assert len(store.notes()) == 300
        aside = list(folder.glob("notes.*.damaged.sqlite"))
        assert len(aside) == 1 and aside[0].name in message
        assert aside[0].read_bytes() == damaged  # kept as it was, for the curious
        store.set_note("after", "writes work again")
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_a_busy_or_unreadable_file_is_not_mistaken_for_damage(folder):
    with UserData(folder) as store:
        store.set_note("arf", "precious")
    other = sqlite3.connect(folder / notes.DB_NAME)  # some other program holding the file exclusively
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with UserData(folder) as store:
            assert not store.available and "could not open your notes" in store.messages[0]
    finally:
        other.rollback()
        other.close()
    assert not list(folder.glob("*.damaged.*"))
    with UserData(folder) as store:
        assert store.note("arf") == "precious" and store.messages == []


def test_the_newest_good_backup_is_the_one_restored(folder):
    clock = notes_on_days(folder, "day one", "day two", "day three")  # day three's backup: "day three"
    newest = UserData(folder, today=clock).backups()
    _damage(newest[0], "garbage")  # the newest backup is bad too
    _damage(folder / notes.DB_NAME, "garbage")
    with UserData(folder, today=clock) as store:
        assert store.note("arf") == "day two"
        assert "restored from the backup" in store.messages[0] and newest[1].name in store.messages[0]


def test_no_backup_gives_a_fresh_database_and_a_message(folder):
    with UserData(folder) as store:
        store.set_note("arf", "lost")
    for backup in (folder / "backups").iterdir():
        backup.unlink()
    _damage(folder / notes.DB_NAME, "garbage")
    with UserData(folder) as store:
        assert store.writable and store.notes() == []
        assert "no good backup" in store.messages[0] and "new, empty notes file" in store.messages[0]
        assert len(list(folder.glob("notes.*.damaged.sqlite"))) == 1
        store.set_note("arf", "a new start")
        assert store.note("arf") == "a new start"


def test_one_backup_a_day_keeping_ten(folder):
    clock = Days()
    for day in range(14):
        clock.day = dt.date(2025, 3, 1) + dt.timedelta(days=day)
        with UserData(folder, today=clock) as store:
            store.set_note("arf", f"day {day}")
            store.set_note("arf", f"day {day}, later")  # no second backup on the same day
    names = sorted(p.name for p in (folder / "backups").glob("notes-????-??-??.sqlite"))
    assert len(names) == notes.BACKUP_DAYS
    assert names[0] == "notes-2025-03-05.sqlite" and names[-1] == "notes-2025-03-14.sqlite"
    con = sqlite3.connect(folder / "backups" / names[-1])
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    assert con.execute("SELECT text FROM notes").fetchone()[0] == "day 13, later"  # as it stood at closing
    con.close()


def test_a_stray_wal_is_never_replayed_into_a_new_file(folder):
    with UserData(folder) as store:
        store.set_note("arf", "x")
    (folder / notes.DB_NAME).unlink()
    Path(f"{folder / notes.DB_NAME}-wal").write_bytes(os.urandom(5000))
    with UserData(folder) as store:
        assert store.writable and store.notes() == []
    assert list(folder.glob("notes.*.stray.sqlite-wal"))


# -- one writer ---------------------------------------------------------------------------------------------

def test_a_second_instance_is_read_only(folder):
    first = UserData(folder)
    first.set_note("arf", "written by the first window")
    second = UserData(folder)
    try:
        assert second.available and not second.writable
        assert "read-only" in second.messages[0] and str(os.getpid()) in second.messages[0]
        assert second.note("arf") == "written by the first window"
        with pytest.raises(UserDataReadOnly):
            second.set_note("arf", "clobber")
        first.set_note("kp", "later")
        assert second.note("kp") == "later"  # it reads what the writer saves
        assert second.note("arf") == "written by the first window"
    finally:
        second.close()
        first.close()
    with UserData(folder) as third:
        assert third.writable


def test_a_second_process_is_read_only(folder):
    UserData(folder).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from model.notes import UserData; s = UserData(sys.argv[1]); "
                               "s.set_note('arf', 'from the other process'); print('ready', flush=True); "
                               "sys.stdin.read()", str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with UserData(folder) as store:
            assert not store.writable and store.note("arf") == "from the other process"
            assert f"process {holder.pid}" in store.messages[0]
    finally:
        holder.communicate("", timeout=30)
    with UserData(folder) as store:
        assert store.writable


# -- an unwritable folder -------------------------------------------------------------------------------------

def test_an_unwritable_folder_gives_a_clear_message(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # even root cannot make a folder inside a regular file
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    with UserData() as store:
        assert not store.available and not store.writable
        message = store.messages[0]
        assert "cannot write to its data folder" in message and str(blocker) in message
        assert "Browsing works as usual" in message
        assert store.notes() == [] and store.basket() == [] and store.note("arf") is None
        with pytest.raises(UserDataReadOnly):
            store.set_note("arf", "nowhere to go")


# -- reading without opening the store (print, pack) ----------------------------------------------------------

def test_read_notes_reads_without_touching_the_file(folder):
    assert notes.read_notes(folder) == ({}, [])  # none yet: nothing to say
    assert not folder.exists()
    with UserData(folder) as store:
        store.set_note("arf", "for the sheet")
    assert notes.read_notes(folder) == ({"arf": "for the sheet"}, [])


@pytest.mark.parametrize("content", [b"garbage" * 5000, b"", b"SQLite format 3\x00" + bytes(84) + b"torn" * 100])
def test_read_notes_leaves_a_damaged_file_exactly_as_it_is(folder, content):
    folder.mkdir(parents=True)
    path = folder / notes.DB_NAME
    path.write_bytes(content)
    found, messages = notes.read_notes(folder)
    assert found == {} and len(messages) == 1 and "damaged" in messages[0] and str(path) in messages[0]
    assert sorted(p.name for p in folder.iterdir()) == [notes.DB_NAME]  # nothing moved aside, no backups
    assert path.read_bytes() == content


def test_read_notes_refuses_a_newer_file_untouched(folder):
    with UserData(folder) as store:
        store.set_note("arf", "x")
    con = sqlite3.connect(folder / notes.DB_NAME)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = (folder / notes.DB_NAME).read_bytes()
    found, messages = notes.read_notes(folder)
    assert found == {} and "newer version" in messages[0]
    assert (folder / notes.DB_NAME).read_bytes() == before


def test_read_notes_reads_an_older_version_without_migrating_it(folder, tmp_path):
    path = build_fixture(FIXTURES / "v1.sql", folder)
    found, messages = notes.read_notes(folder)
    assert found and messages == []
    assert user_version(path) == 1 and not (folder / "backups").exists()


# -- an unwritable folder with notes in it: read-only, really ------------------------------------------------

def without_write_permission(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a Python that cannot write where the file modes say no: for root, one stripped of
    CAP_DAC_OVERRIDE (setpriv), which makes a chmod-ed folder truly unwritable."""
    prefix = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a folder unwritable")
        prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    return subprocess.run([*prefix, sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)


@pytest.fixture
def unwritable(folder):
    """A folder holding a notes file (in WAL mode, with no -shm beside it) that the test cannot write."""
    with UserData(folder) as store:
        store.set_note("arf", "written before the folder was locked")
    assert not (folder / "notes.sqlite-shm").exists()
    modes = {p: p.stat().st_mode for p in [*folder.rglob("*"), folder]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    probe = without_write_permission(f"open({str(folder / 'x')!r}, 'w')")
    if probe.returncode == 0:
        pytest.skip("this process can write a read-only folder (and setpriv cannot stop it)")
    yield folder
    for p, mode in modes.items():
        p.chmod(mode)


def test_notes_in_an_unwritable_folder_are_shown_read_only(unwritable):
    done = without_write_permission(textwrap.dedent(f"""
        import json, pathlib, sys
        from model import notes
        with notes.UserData({str(unwritable)!r}) as store:
            print(store.available, store.writable, store.note("arf"))
            print(store.messages)
        print(notes.read_notes({str(unwritable)!r}))
        notes.default_folder = lambda: pathlib.Path({str(unwritable)!r})
        from forum_atlas.notes_cli import _export
        from argparse import Namespace
        with notes.UserData() as store:
            assert _export(store, Namespace(format="json", out=None)) == 0
    """))
    assert done.returncode == 0, done.stderr
    first, messages, read, *exported = done.stdout.splitlines()
    assert first == "True False written before the folder was locked"
    assert "shown read-only" in messages
    assert "written before the folder was locked" in read
    assert json.loads("\n".join(exported))[0]["text"] == "written before the folder was locked"  # notes export
    assert sorted(p.name for p in unwritable.iterdir()) == ["backups", "notes.sqlite", "notes.sqlite.lock"]


def test_a_wal_with_changes_is_not_skipped_in_an_unwritable_folder(folder):
    """Opened immutable, SQLite would ignore the -wal and show old notes: better none, and say so."""
    with UserData(folder) as store:
        store.set_note("arf", "old")
        store._con.execute("PRAGMA wal_autocheckpoint = 0")
        store.set_note("arf", "new, only in the WAL")
        locked = folder / "locked"
        locked.mkdir()
        for suffix in ("", "-wal"):  # as a killed writer leaves them, less the -shm
            shutil.copy(f"{store.path}{suffix}", locked / f"notes.sqlite{suffix}")
    locked.chmod(0o555)
    try:
        done = without_write_permission(textwrap.dedent(f"""
            from model.notes import read_notes
            print(read_notes({str(locked)!r}))
        """))
    finally:
        locked.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert "old" not in done.stdout and "cannot be opened" in done.stdout


# -- import files ----------------------------------------------------------------------------------------------

def test_parse_import_accepts_a_good_file():
    items, warnings = notes.parse_import('[{"record": " arf ", "text": "t", "updated": "2024-01-02T03:04:05Z"},'
                                         ' {"record": "kp", "text": "u", "updated": "2024-01-02T05:04:05+02:00"}]')
    assert items == [("arf", "t", "2024-01-02T03:04:05Z"), ("kp", "u", "2024-01-02T03:04:05Z")]
    assert warnings == []


@pytest.mark.parametrize("raw, problem", [
    ('[{"record": "arf", "text": "\\ud800"}]', "item 0: invalid Unicode"),
    ('[{"record": "\\udfff", "text": "fine"}]', "item 0: invalid Unicode"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
])
def test_parse_import_refuses_what_cannot_be_stored(raw, problem):
    with pytest.raises(ValueError, match=problem):
        notes.parse_import(raw)


@pytest.mark.parametrize("updated", ["yesterday", "2024-13-45", 20240101, "", ["2024-01-01"]])
def test_parse_import_drops_an_updated_that_is_not_a_time_and_says_so(updated):
    items, warnings = notes.parse_import(json.dumps([{"record": "arf", "text": "t", "updated": updated}]))
    assert items == [("arf", "t", None)]
    assert len(warnings) == 1 and "item 0 (arf)" in warnings[0] and "not an ISO 8601 time" in warnings[0]


def test_merge_reports_blank_items_as_skipped(folder):
    with UserData(folder) as store:
        report = store.merge([("arf", "  \n ", None), ("kp", "kept", None)])
        assert report.skipped == ["arf"] and report.added == ["kp"]
        assert store.note("arf") is None
