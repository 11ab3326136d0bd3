"""Issue 14, items 2-5, 8, 12, 13, 17 and 18: the analyst's notes under damage, clocks, links, locks and
full disks. Each test failed on the code before the fix."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import Days, notes_on_days

from model import notes
from model.notes import UserData, UserDataReadOnly

FIXTURES = Path(__file__).parents[1] / "fixtures" / "notes"


def damage(path: Path) -> None:
    path.write_bytes(b"garbage, not a database" * 200)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "user"


# -- 2. recovery restores the day's work, and says what time it is from -----------------------------------

def test_recovery_restores_the_days_work_not_the_mornings(folder):
    with UserData(folder) as store:  # the day's first open: its backup holds no notes yet
        store.set_note("arf", "the afternoon's work")
    damage(folder / notes.DB_NAME)
    with UserData(folder) as store:
        assert store.note("arf") == "the afternoon's work"
        message = store.messages[0]
        assert "restored from the backup taken" in message and "newest note was saved" in message


def test_a_quiet_spell_or_a_long_session_backs_up_what_changed(folder, monkeypatch):
    store = UserData(folder)
    try:
        store.set_note("arf", "first")
        assert store.backup_if_changed() is not None
        assert store.backup_if_changed() is None  # nothing changed since
        monkeypatch.setattr(notes, "BACKUP_EVERY", 0)  # a long session: backups keep coming while notes change
        store.set_note("arf", "second")
        con = sqlite3.connect(store.backups()[0])
        assert con.execute("SELECT text FROM notes").fetchone()[0] == "second"
        con.close()
    finally:
        store.close()


# -- 4. clocks: a backup from a wrong clock neither wins every restore nor escapes rotation ---------------

def test_a_future_dated_backup_neither_wins_nor_stays_forever(folder):
    clock = Days(dt.date(2099, 1, 1))  # the clock was wrong that day
    with UserData(folder, today=clock) as store:
        store.set_note("arf", "from the day the clock was wrong")
    future = folder / "backups" / "notes-2099-01-01.sqlite"
    os.utime(future, (4e9, 4e9))  # its file time is in the future too
    for day in range(12):
        clock.day = dt.date(2025, 3, 1) + dt.timedelta(days=day)
        with UserData(folder, today=clock) as store:
            store.set_note("arf", f"day {day}")
    assert not future.exists()  # rotated like any other
    damage(folder / notes.DB_NAME)
    with UserData(folder, today=clock) as store:
        assert store.note("arf") == "day 11"


def test_the_newest_backup_wins_even_when_file_times_say_otherwise(folder):
    clock = notes_on_days(folder, "older", "newer")
    os.utime(folder / "backups" / "notes-2025-03-01.sqlite", (4e9, 4e9))
    damage(folder / notes.DB_NAME)
    with UserData(folder, today=clock) as store:
        assert store.note("arf") == "newer"


# -- 3. a deleted lock file lets no second writer in, and no stale text overwrites a newer note -------------

def test_a_deleted_lock_file_does_not_make_two_writers(folder):
    first = UserData(folder)
    try:
        (folder / "notes.sqlite.lock").unlink()
        with UserData(folder) as second:  # takes a new lock file
            assert second.writable
            with pytest.raises(UserDataReadOnly, match="lock file"):
                first.set_note("arf", "from the first window")
            second.set_note("arf", "from the second")
        assert not first.writable and "another Forum Atlas process" in first.reason
    finally:
        first.close()
    with UserData(folder) as store:
        assert store.note("arf") == "from the second"


def test_a_note_changed_meanwhile_is_never_overwritten(folder, tmp_path):
    with UserData(folder) as store:
        store.set_note("arf", "as the window read it")
    window = UserData(folder)
    try:
        base = window.note("arf")
        (folder / "notes.sqlite.lock").unlink()
        imported = tmp_path / "in.json"
        imported.write_text(json.dumps([{"record": "arf", "text": "imported and reported as kept"}]))
        with UserData(folder) as cli:
            cli.merge(notes.parse_import(imported.read_text())[0])
        stored = window.set_note("arf", "the window's edit", base)  # the window retakes the free lock
        assert "imported and reported as kept" in stored and "the window's edit" in stored
    finally:
        window.close()


def test_the_window_keeps_both_texts_when_an_import_changed_the_note(qtbot, atlas, settings_reset, tmp_path):
    from PySide6.QtCore import Qt

    from gui.main_window import MainWindow

    home = tmp_path / "home"
    with UserData(home) as store:
        store.set_note("arf", "before")
    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    w.user_data.open(home)
    w.select("arf")
    (home / "notes.sqlite.lock").unlink()
    with UserData(home) as other:
        other.merge([("arf", "from the import", None)], source="in.json")
    edit = w.user_data.editor.edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, " and after")
    assert w.user_data.flush()
    with UserData(home) as store:  # (the window still holds its lock: read it read-only)
        text = store.note("arf")
    assert "from the import" in text and "before and after" in text
    assert "from the import" in edit.toPlainText()
    w.user_data.close()


# -- 5. a symlinked notes file is followed, and a missing target is refused --------------------------------

def test_a_link_to_a_missing_drive_is_refused_not_replaced(folder, tmp_path):
    folder.mkdir(parents=True)
    target = tmp_path / "usb-stick" / "notes.sqlite"
    (folder / notes.DB_NAME).symlink_to(target)
    with UserData(folder) as store:
        assert not store.available and "is missing" in store.messages[0]
    assert (folder / notes.DB_NAME).is_symlink() and not target.exists()


def test_a_link_to_a_notes_file_is_written_through(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    with UserData(elsewhere) as store:
        store.set_note("arf", "kept elsewhere")
    folder.mkdir(parents=True)
    (folder / notes.DB_NAME).symlink_to(elsewhere / notes.DB_NAME)
    with UserData(folder) as store:
        assert store.writable and store.note("arf") == "kept elsewhere"
        store.set_note("kp", "added through the link")
    assert (folder / notes.DB_NAME).is_symlink()
    with UserData(elsewhere) as store:
        assert store.note("kp") == "added through the link"


# -- 8. ids from outside are checked against the id syntax ------------------------------------------------

@pytest.mark.parametrize("record", ["<img src=x>", "<h1>Fake</h1>", "<table>" * 20, "a\x00b", "ARF", "a b"])
def test_an_import_with_an_id_that_is_not_an_id_imports_nothing(record):
    with pytest.raises(ValueError, match="not a record id"):
        notes.parse_import(json.dumps([{"record": "arf", "text": "fine"}, {"record": record, "text": "x"}]))


# -- 12. the schema is checked, not only the version -------------------------------------------------------

def _wrong_schema(path: Path) -> None:
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE notes (record TEXT PRIMARY KEY, body TEXT); PRAGMA user_version = 3;")
    con.close()


def test_a_wrong_schema_is_damage_and_its_backup_is_skipped(folder):
    clock = notes_on_days(folder, "good", "good, day two")
    _wrong_schema(folder / "backups" / "notes-2025-03-02.sqlite")  # the newest backup has the wrong tables
    _wrong_schema(folder / notes.DB_NAME)
    assert notes.read_notes(folder)[1][0].count("damaged") == 1
    with UserData(folder, today=clock) as store:
        assert store.writable and store.note("arf") == "good"
        assert "tables are not those of notes format 3" in store.messages[0]


# -- 13. disk errors: their own messages, and nothing half-imported ----------------------------------------

def test_import_on_a_full_disk_says_so_and_imports_nothing(small_disk, tmp_path):
    home = small_disk.path / "home"
    with UserData(home / "forum-atlas") as store:
        store.set_note("arf", "mine")
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"record": f"rec-{n}", "text": "x" * 4000} for n in range(400)]))
    small_disk.fill(leave=64 * 1024)
    done = small_disk.run(["notes", "import", str(big)], env={"XDG_DATA_HOME": str(home)})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    # a full tmpfs is "the disk is full"; a file-size limit (the fallback) reaches SQLite as an I/O error
    assert "disk is full" in done.stderr or (not small_disk.mounted and "could not be read or written"
                                             in done.stderr), done.stderr
    assert "another program" not in done.stderr and "nothing was imported" in done.stderr
    small_disk.free()
    with UserData(home / "forum-atlas") as store:
        assert [n.record for n in store.notes()] == ["arf"]


def test_describe_error_names_each_cause():
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    assert notes.describe_error(full) == "the disk is full"
    assert notes.describe_error(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = 5
    assert "busy" in notes.describe_error(busy)
    assert notes.describe_error(OSError(errno.EACCES, "Permission denied")) == "Permission denied"


# -- 17. leftovers are cleaned, and a failing migration says what really happened --------------------------

def test_leftovers_of_killed_runs_are_removed(folder):
    with UserData(folder) as store:
        store.set_note("arf", "x")
    stray = [folder / "backups" / ".notes-before-v3-20250301-101010.sqlite.tmp", folder / ".notes.sqlite.new",
             folder / ".notes.sqlite.restore", folder / "backups" / ".notes-2025-03-01.sqlite.tmp"]
    for path in stray:
        path.write_bytes(b"half a copy")
    with UserData(folder) as store:
        assert store.note("arf") == "x"
    assert not [p for p in stray if p.exists()]


def test_a_failing_migration_is_backed_up_once_and_reported_truly(folder, monkeypatch):
    folder.mkdir(parents=True)
    con = sqlite3.connect(folder / notes.DB_NAME)
    con.executescript((FIXTURES / "v1.sql").read_text())
    con.close()

    def broken(con, stamp):
        raise sqlite3.OperationalError("step three broke")

    monkeypatch.setitem(notes.STEPS, 3, broken)
    messages, backups = [], []
    for _ in range(3):
        with UserData(folder) as store:
            assert not store.available
            messages.append(store.messages[-1])
        backups.append(sorted((folder / "backups").glob("notes-before-v3-*.sqlite")))
    assert "upgraded to version 2" in messages[0] and "left as it was" not in messages[0]
    assert "from version 2" in messages[1] and "left as it was" in messages[1]
    # One backup of the version-1 file and one of the version-2 file it became; the third start adds none,
    # and the first is never replaced by the second, even within the same second.
    assert len(backups[1]) == 2 and backups[2] == backups[1]


# -- 18. no file locking: say so, and offer the notes read-only --------------------------------------------

def test_no_file_locking_says_so_and_shows_notes_read_only(folder, monkeypatch):
    import fcntl

    with UserData(folder) as store:
        store.set_note("arf", "readable")

    def unsupported(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", unsupported)
    with UserData(folder) as store:
        assert store.available and not store.writable
        assert store.note("arf") == "readable"
        assert "does not support file locking" in store.messages[0] and "read-only" in store.messages[0]
        assert "Another" not in store.messages[0]


def test_the_notes_banner_shows_markup_as_text(qtbot):
    from gui.note_editor import NoteEditor

    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.set_record("Your note on <img src=x><h1>Fake</h1>", "caption <b>x</b>")
    editor.banner.show_messages(["<table>" * 20 + "path"])
    for label in (editor.heading, editor.caption, editor.banner.text):
        assert label.textFormat().name == "PlainText"
    assert "&lt;img" in editor.heading.toolTip()


def test_a_notes_process_killed_in_a_migration_backup_leaves_nothing_behind(folder):
    folder.mkdir(parents=True)
    con = sqlite3.connect(folder / notes.DB_NAME)
    con.executescript((FIXTURES / "v1.sql").read_text())
    con.close()
    code = ("import os, sqlite3, sys; from model import notes\n"
            "real = notes.atomic.replace_into\n"
            "def die(tmp, target):\n"
            "    os._exit(9)\n"
            "notes.atomic.replace_into = die\n"
            f"notes.UserData({str(folder)!r})\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 9
    assert list((folder / "backups").glob(".*.tmp"))  # what a killed run leaves
    time.sleep(1.1)  # the next run's backup has another name: the old one is not simply overwritten
    with UserData(folder) as store:
        assert store.writable
    assert not list((folder / "backups").glob(".*.tmp"))


@pytest.mark.parametrize("how", ["replaced", "deleted", "moved"])
def test_a_notes_file_replaced_while_open_is_not_written_into_the_void(folder, how):
    import shutil

    store = UserData(folder)
    try:
        store.set_note("arf", "saved before")
        path = store.path
        if how == "replaced":
            shutil.copy(path, folder / "old-copy.sqlite")
            os.replace(folder / "old-copy.sqlite", path)
        elif how == "deleted":
            path.unlink()
        else:
            path.rename(folder / "elsewhere.sqlite")
        with pytest.raises(UserDataReadOnly, match="moved, deleted or replaced"):
            store.set_note("arf", "would be lost")
        assert not store.writable
    finally:
        store.close()
