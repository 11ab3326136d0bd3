"""`forum-atlas notes export|import`: round trips, conflicts, refusals, atomic writes, and no Qt."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from model.notes import UserData


def cli(data_home: Path, *args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    if db is not None:
        env["FORUM_ATLAS_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "forum_atlas", "notes", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture
def mine(tmp_path, real_db) -> Path:
    """A data home with notes in it: one on a forum, one with HTML, one orphaned."""
    home = tmp_path / "mine"
    with UserData(home / "forum-atlas") as store:
        store.set_note("arf", "The ARF: **slow**, by design.")
        store.set_note("kp", "DPRK <script>alert(1)</script> absent.")
        store.set_note("forum-gone", "A record the atlas dropped.")
    return home


def test_export_import_round_trip(mine, tmp_path, real_db):
    out = tmp_path / "notes.json"
    done = cli(mine, "export", "--out", str(out), db=real_db)
    assert done.returncode == 0, done.stderr
    items = {item["record"]: item for item in json.loads(out.read_text())}
    assert items["arf"]["text"] == "The ARF: **slow**, by design." and items["arf"]["name"] == "ASEAN Regional Forum"
    assert items["forum-gone"]["orphaned"] is True and items["arf"]["orphaned"] is False
    assert not list(tmp_path.glob(".notes.json.*"))  # the temporary file was renamed into place

    colleague = tmp_path / "colleague"
    done = cli(colleague, "import", str(out), db=real_db)
    assert done.returncode == 0, done.stderr
    assert "3 added" in done.stdout and "orphaned: forum-gone" in done.stdout
    with UserData(colleague / "forum-atlas") as store:
        assert {n.record: n.text for n in store.notes()} == {k: v["text"] for k, v in items.items()}
        assert store.notes()[0].updated == items[store.notes()[0].record]["updated"]
    again = cli(colleague, "import", str(out), db=real_db)
    assert "0 added" in again.stdout and "3 unchanged" in again.stdout


def test_import_reports_conflicts_and_keeps_both_texts(mine, tmp_path, real_db):
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps([{"record": "arf", "text": "The ARF is fast, actually."},
                                  {"record": "neacd", "text": "New from a colleague."}]))
    done = cli(mine, "import", str(theirs), db=real_db)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout and "1 conflicts" in done.stdout and "conflict: arf" in done.stdout
    with UserData(mine / "forum-atlas") as store:
        text = store.note("arf")
        assert "The ARF: **slow**, by design." in text and "The ARF is fast, actually." in text
        assert "--- imported from theirs.json" in text


@pytest.mark.parametrize("content", [
    "not json", '{"record": "neacd", "text": "fine"}',
    '[{"record": "neacd", "text": "fine"}, {"record": "arf"}]',
    '[{"record": "neacd", "text": "fine"}, {"record": "", "text": "x"}]',
    '[{"record": "neacd", "text": "fine"}, {"record": "arf", "text": 3}]',
    '[{"record": "neacd", "text": "fine"}, "just a string"]',
    '[{"record": "neacd", "text": "fine"}, {"record": "arf", "text": "\\ud800"}]',  # a lone surrogate
    '[{"record": "neacd", "text": "fine"}, ' + "[" * 100_000 + "]" * 100_000 + "]"])  # RecursionError
def test_a_bad_import_file_imports_nothing(mine, tmp_path, real_db, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    done = cli(mine, "import", str(bad), db=real_db)
    assert done.returncode == 1 and "nothing was imported" in done.stderr and "Traceback" not in done.stderr
    with UserData(mine / "forum-atlas") as store:
        assert store.note("neacd") is None


def test_markdown_export_marks_the_notes_as_the_analysts_own(mine, real_db):
    done = cli(mine, "export", "--format", "md", db=real_db)
    assert done.returncode == 0, done.stderr
    md = done.stdout
    assert md.startswith("# Forum Atlas: my notes") and "not the paper's" in md
    assert "## ASEAN Regional Forum (arf)" in md and "DPRK <script>alert(1)</script> absent." in md
    assert md.index("# Orphaned notes") < md.index("A record the atlas dropped.")


def test_export_without_the_atlas_still_exports(mine, tmp_path):
    done = cli(mine, "export", db=tmp_path / "missing.sqlite")
    assert done.returncode == 0
    assert {item["record"] for item in json.loads(done.stdout)} == {"arf", "kp", "forum-gone"}
    assert "atlas is unavailable" in done.stderr


def test_import_is_refused_while_the_window_has_the_notes(mine, tmp_path, real_db):
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps([{"record": "neacd", "text": "x"}]))
    with UserData(mine / "forum-atlas"):
        done = cli(mine, "import", str(theirs), db=real_db)
    assert done.returncode == 1 and "read-only" in done.stderr


def test_a_failed_export_leaves_the_old_file(mine, tmp_path, real_db):
    out = tmp_path / "notes.json"
    out.write_text("previous export")
    (tmp_path / "blocker").write_text("a regular file: no folder can be made inside it, even by root")
    done = cli(tmp_path / "blocker" / "data", "export", "--out", str(out), db=real_db)
    assert done.returncode == 1 and "cannot write to its data folder" in done.stderr
    assert out.read_text() == "previous export"
    done = cli(mine, "export", "--out", str(tmp_path / "no-such-folder" / "notes.json"), db=real_db)
    assert done.returncode == 1 and "cannot write" in done.stderr and "Traceback" not in done.stderr


def test_notes_commands_load_no_qt(mine, real_db):
    code = textwrap.dedent("""
        import sys
        from forum_atlas.cli import main
        assert main(["notes", "export", "--format", "md"]) == 0
        qt = sorted(n for n in sys.modules if n.startswith(("PySide6", "shiboken6")))
        assert not qt, qt
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_DATA_HOME": str(mine), "FORUM_ATLAS_DB": str(real_db)})
    assert done.returncode == 0, done.stderr


def test_import_reports_blank_items_and_drops_a_bad_updated(mine, tmp_path, real_db):
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps([{"record": "neacd", "text": "fine", "updated": "last Tuesday"},
                                  {"record": "apec", "text": "  "}]))
    done = cli(mine, "import", str(theirs), db=real_db)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout and "1 skipped" in done.stdout and "skipped: apec" in done.stdout
    assert "item 0 (neacd)" in done.stderr and "not an ISO 8601 time" in done.stderr
    with UserData(mine / "forum-atlas") as store:
        [note] = [n for n in store.notes() if n.record == "neacd"]
        assert note.text == "fine" and note.updated.endswith("Z") and note.updated[:2] == "20"


@pytest.mark.parametrize("command", [["print", "arf"], ["pack", "arf", "kedo"]])
def test_print_reads_a_damaged_notes_file_without_touching_it(tmp_path, real_db, command):
    folder = tmp_path / "home" / "forum-atlas"
    folder.mkdir(parents=True)
    garbage = b"not a database at all " * 500
    (folder / "notes.sqlite").write_bytes(garbage)
    out = tmp_path / "out.pdf"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", *command, "--out", str(out)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "home"),
                                                       "FORUM_ATLAS_DB": str(real_db), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
    assert "forum-atlas: notes not printed:" in done.stderr and "damaged" in done.stderr
    assert "not a SQLite database" in done.stderr
    assert (folder / "notes.sqlite").read_bytes() == garbage
    assert sorted(p.name for p in folder.iterdir()) == ["notes.sqlite"]  # nothing set aside, no backup, no lock
