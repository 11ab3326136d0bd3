"""Issue 14, items 1-6: no write reported as done unless it is whole, and nothing of the analyst's lost.

Full-disk tests use a real small file system (faults/disk.py): a tmpfs, or a file-size limit on a child.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gui import printing

OLD = b"%PDF-1.4 the old, whole file\n%%EOF\n"


def _old_file(path: Path, content: bytes = OLD) -> Path:
    path.write_bytes(content)
    return path


# -- 1. a truncated PDF is never reported as written, and never replaces the old one ---------------------

@pytest.mark.parametrize("command", [["print", "arf"], ["pack", "arf", "kedo", "neacd"]])
def test_cli_pdf_on_a_full_disk_fails_and_keeps_the_old_file(small_disk, command):
    target = _old_file(small_disk.path / "out.pdf")
    small_disk.fill(leave=16 * 1024)  # room for the start of the PDF, not all of it
    done = small_disk.run([*command, "--out", str(target)])
    assert done.returncode == 1, done.stdout
    assert "wrote" not in done.stdout and "Traceback" not in done.stderr
    assert "Cannot write" in done.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in small_disk.path.iterdir() if p.name != "filler") == ["out.pdf"]


def test_pdf_problem_spots_a_truncated_pdf(app, atlas, tmp_path):
    whole = tmp_path / "whole.pdf"
    printing.sheet_pdf(atlas, "arf", whole)
    assert printing.pdf_problem(whole) is None
    cut = tmp_path / "cut.pdf"
    for size in (0, 9, 8192, whole.stat().st_size - 3):
        cut.write_bytes(whole.read_bytes()[:size])
        assert printing.pdf_problem(cut), size


@pytest.fixture
def app(qapp):
    return qapp


def _mounted(disk):
    if not disk.mounted:
        pytest.skip("a window test needs a tmpfs (mount not allowed here); the CLI tests cover the limit case")


def test_window_pdf_export_on_a_full_disk_shows_the_error_not_wrote(qtbot, window, monkeypatch, small_disk):
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from gui.print_dialogs import SheetPagesDialog

    _mounted(small_disk)
    target = _old_file(small_disk.path / "sheet.pdf")
    small_disk.fill(leave=16 * 1024)
    shown = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF, A4 (*.pdf)"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(SheetPagesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)  # one page, the default
    window.select("kedo")
    next(a for a in window.menus["&File"].actions() if a.text().startswith("Export fact sheet")).trigger()
    assert shown and "Cannot write" in shown[0]
    assert not window.statusBar().currentMessage().startswith("Wrote")
    assert target.read_bytes() == OLD


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_timeline_export_on_a_full_disk_fails_and_keeps_the_old_file(qtbot, atlas, small_disk, suffix):
    from gui.timeline import TimelineWidget

    _mounted(small_disk)
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.set_atlas(atlas)
    target = _old_file(small_disk.path / f"timeline{suffix}", b"old image")
    small_disk.fill(leave=8 * 1024)
    with pytest.raises(OSError):
        w.export_image(target)
    assert target.read_bytes() == b"old image"
    small_disk.free()
    assert w.export_image(target) == target and target.stat().st_size > 8 * 1024


# -- 6. export never replaces the notes database, a device or a link ---------------------------------------

def _notes_cli(home: Path, *args: str):
    import subprocess
    import sys

    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "forum_atlas", "notes", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture
def home(tmp_path) -> Path:
    from model.notes import UserData

    with UserData(tmp_path / "home" / "forum-atlas") as store:
        store.set_note("arf", "Kept.")
    return tmp_path / "home"


def test_notes_export_refuses_the_live_notes_file(home):
    live = home / "forum-atlas" / "notes.sqlite"
    before = live.read_bytes()
    done = _notes_cli(home, "export", "--out", str(live))
    assert done.returncode == 1 and "your notes database" in done.stderr and "Traceback" not in done.stderr
    assert live.read_bytes() == before


def test_notes_export_refuses_a_device_or_pipe_and_writes_through_a_link(home, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = _notes_cli(home, "export", "--out", str(fifo))
    assert done.returncode == 1 and "not a regular file" in done.stderr
    assert fifo.is_fifo()
    real = _old_file(tmp_path / "real.json", b"[]")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    done = _notes_cli(home, "export", "--out", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and "Kept." in real.read_text()


def test_cli_export_full_disk_says_why_and_keeps_the_old_file(small_disk):
    target = _old_file(small_disk.path / "atlas.json", b"{}")
    small_disk.fill(leave=4096)
    done = small_disk.run(["export", "--out", str(target)])
    assert done.returncode == 1
    assert ("No space left" in done.stderr or "too large" in done.stderr), done.stderr
    assert target.read_bytes() == b"{}"


def test_window_json_export_failure_shows_the_real_reason(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fifo), "JSON (*.json)"))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    next(a for a in window.menus["&File"].actions() if a.text().startswith("Export data as JSON")).trigger()
    assert warned and "not a regular file" in warned[0]
    assert fifo.is_fifo()


def test_the_gui_writes_files_without_the_command_line():
    """gui/ uses model.atomic for its safe writes, not forum_atlas.cli (architecture: gui never imports it)."""
    import re

    gui = Path(__file__).resolve().parents[2] / "gui"
    for name in ("user_data.py", "window_actions.py", "printing.py", "print_dialogs.py", "timeline.py"):
        assert not re.search(r"from forum_atlas\.cli import", (gui / name).read_text()), name


# -- 2. the window backs up after a quiet spell -----------------------------------------------------------

def test_the_window_backs_up_after_a_quiet_spell(qtbot, atlas, settings_reset, tmp_path):
    import sqlite3

    from PySide6.QtCore import Qt

    from gui.main_window import MainWindow

    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    w.user_data.open(tmp_path / "home")
    w.user_data.backup_timer.setInterval(50)
    w.select("arf")
    edit = w.user_data.editor.edit
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(edit, "typed after the morning's backup")
    assert w.user_data.flush()

    def backed_up():
        con = sqlite3.connect(w.user_data.store.backups()[0])
        try:
            return con.execute("SELECT text FROM notes").fetchall() == [("typed after the morning's backup",)]
        finally:
            con.close()

    qtbot.waitUntil(backed_up, timeout=3000)
    w.user_data.close()


def test_csv_export_writes_through_links_and_leaves_pipes_alone(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "csv"
    folder.mkdir()
    real = _old_file(tmp_path / "forum-real.csv", b"old")
    (folder / "forum.csv").symlink_to(real)
    os.mkfifo(folder / "event.csv")
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "export", "--format", "csv", "--out", str(folder)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "event.csv: it is not a regular file" in done.stderr
    assert (folder / "event.csv").is_fifo() and (folder / "forum.csv").is_symlink()
    assert real.read_text().startswith("id,name")


def test_build_never_replaces_a_pipe_or_device_and_writes_through_a_link(tmp_path):
    import subprocess
    import sys

    from model import build, loader

    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    data = Path(__file__).resolve().parents[1] / "fixtures" / "data"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "build", "--data", str(data), "--out", str(fifo)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "not a regular file" in done.stderr and fifo.is_fifo()
    real, link = tmp_path / "real.sqlite", tmp_path / "link.sqlite"
    real.write_bytes(b"")
    link.symlink_to(real)
    build.build(loader.load(data), link)
    assert link.is_symlink() and real.read_bytes().startswith(b"SQLite format 3")


def test_notes_import_from_a_device_is_refused_at_once(home):
    done = _notes_cli(home, "import", "/dev/zero")
    assert done.returncode == 1 and "it is a device" in done.stderr
