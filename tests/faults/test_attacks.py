"""The fault-injection suite: hostile YAML, damaged notes files, full disks, killed processes and hostile
imports, each attack counted (conftest.py prints "N attacks tried, M held"). An attack holds when nothing
acknowledged is lost, no failed write is reported as done, nothing hangs and no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faults import hostile
from model import build, notes
from model.loader import DataError, load
from model.notes import UserData

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
PROBLEM = re.compile(r"^[^\n]+:\d+: [^\n]+$")  # file:line: field: message, on one line


# -- hostile YAML: check accepts exactly what build can build ----------------------------------------------

def _check_then_build(data: Path, out: Path) -> None:
    started = time.process_time()
    try:
        ds = load(data)
    except DataError as exc:
        assert time.process_time() - started < 5, "loading took too long"
        assert exc.problems and all(PROBLEM.match(p) for p in exc.problems), exc.problems[:3]
        assert len(exc.problems) < 40, f"a flood of {len(exc.problems)} problems"
        return
    assert time.process_time() - started < 5, "loading took too long"
    build.build(ds, out)  # whatever check accepts, build must build
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def _yaml_attack(tmp_path: Path, n: int, name: str, text) -> None:
    data = tmp_path / f"data-{n}"
    shutil.copytree(FIXTURE_DATA, data)
    target = data / ("mini.yaml" if name.startswith("mutation") else "hostile.yaml")
    (target.write_bytes if isinstance(text, bytes) else lambda t: target.write_text(t, encoding="utf-8"))(text)
    _check_then_build(data, tmp_path / f"out-{n}.sqlite")


def test_hostile_yaml(attacks, tmp_path):
    for n, (name, text) in enumerate(hostile.hostile_yaml()):
        attacks.run(f"yaml: {name}", _yaml_attack, tmp_path, n, name, text)


def test_mutated_yaml(attacks, tmp_path):
    mini = (FIXTURE_DATA / "mini.yaml").read_text(encoding="utf-8")
    for n, (name, text) in enumerate(hostile.mutations(mini, 80)):
        attacks.run(f"yaml: {name}", _yaml_attack, tmp_path, 1000 + n, name, text)


# -- damaged notes files: never a traceback, never a good backup lost ----------------------------------------

def _kept(backup: Path) -> set[tuple[str, str]]:
    con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return set(con.execute("SELECT record, text FROM notes"))
    finally:
        con.close()


def _notes_attack(folder: Path, damage) -> None:
    clock = lambda: dt.date(2025, 3, 2)  # noqa: E731
    with UserData(folder, today=lambda: dt.date(2025, 3, 1)) as store:
        store.set_note("arf", "backed up")
        store.add_to_basket("arf")
    with UserData(folder, today=clock) as store:
        store.set_note("kp", "also backed up")
    backups = {p.name: _kept(p) for p in (folder / "backups").iterdir()}
    path = folder / notes.DB_NAME
    damage(path)
    notes.read_notes(folder)  # print and pack read it: never raises
    with UserData(folder, today=clock) as store:
        if store.available:
            texts = {n.record: n.text for n in store.notes()}
            assert texts.get("arf") == "backed up" and texts.get("kp") == "also backed up", (texts, store.messages)
            if store.writable:
                store.set_note("after", "writes work")
                assert store.note("after") == "writes work"
        else:
            assert store.messages, "notes were switched off without a word"
    for name, kept in backups.items():  # restoring or refusing never spoils a backup (a refresh only adds)
        assert kept <= _kept(folder / "backups" / name), name
    with UserData(folder, today=clock) as store:  # and the next start is calm too
        assert store.available or store.messages


def test_damaged_notes_files(attacks, tmp_path):
    for n, (name, damage) in enumerate(hostile.damages()):
        attacks.run(f"notes: {name}", _notes_attack, tmp_path / f"user-{n}", damage)


# -- hostile imports: refused whole, or imported with valid ids only ----------------------------------------

def _import_attack(folder: Path, raw: bytes, capsys) -> None:
    from forum_atlas import notes_cli

    src = folder.parent / f"{folder.name}.json"
    src.write_bytes(raw)
    with UserData(folder) as store:
        store.set_note("arf", "mine")
        started = time.process_time()
        code = notes_cli._import(store, argparse.Namespace(file=src))
        assert time.process_time() - started < 10
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        records = [n.record for n in store.notes()]
        if code != 0:
            assert records == ["arf"] and "nothing was imported" in out.err or "cannot read" in out.err, out.err
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r) for r in records), records[:5]
        assert "mine" in store.note("arf")


def test_hostile_imports(attacks, tmp_path, capsys):
    for n, (name, raw) in enumerate(hostile.hostile_imports()):
        attacks.run(f"import: {name}", _import_attack, tmp_path / f"user-{n}", raw, capsys)


# -- full disks: a failed write is reported and changes nothing ---------------------------------------------

def _valid(kind: str, path: Path) -> bool:
    if kind == "pdf":
        from gui.printing import pdf_problem

        return pdf_problem(path) is None
    if kind == "json":
        json.loads(path.read_text(encoding="utf-8"))
        return True
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


FULL_DISK = [
    ("print", "pdf", ["print", "arf", "--out", "{out}"]),
    ("pack", "pdf", ["pack", "arf", "kedo", "neacd", "--out", "{out}"]),
    ("export", "json", ["export", "--out", "{out}"]),
    ("notes export", "json", ["notes", "export", "--out", "{out}"]),
    ("build", "sqlite", ["build", "--data", str(FIXTURE_DATA), "--out", "{out}"]),
]


def _full_disk_attack(disk, label: str, kind: str, argv: list[str], leave: int) -> None:
    disk.free()
    home = disk.path / "home"
    if not home.exists():
        with UserData(home / "forum-atlas") as store:
            store.set_note("arf", "a note to export and print")
    out = disk.path / f"{label.replace(' ', '-')}.{kind}"
    old = b"old, whole content"
    out.write_bytes(old)
    disk.fill(leave)
    done = disk.run([a.format(out=out) for a in argv], env={"XDG_DATA_HOME": str(home)})
    disk.free()
    assert "Traceback" not in done.stderr, done.stderr[-800:]
    if done.returncode == 0:
        assert _valid(kind, out), "reported success for a damaged file"
    else:
        assert out.read_bytes() == old, "a failed write changed the old file"
        assert done.stderr.strip(), "a failure without a message"
    strays = [p.name for p in disk.path.iterdir() if p.name.startswith(".")]
    assert not strays, strays


def test_full_disks(attacks, small_disk):
    for label, kind, argv in FULL_DISK:
        for leave in (0, 8 * 1024, 64 * 1024):
            attacks.run(f"full disk: {label}, {leave} bytes free", _full_disk_attack, small_disk, label, kind,
                        argv, leave)


def _import_full_disk(disk, tmp_path, leave: int) -> None:
    disk.free()
    home = disk.path / f"import-{leave}"
    with UserData(home / "forum-atlas") as store:
        store.set_note("arf", "mine")
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"record": f"rec-{n}", "text": "x" * 3000} for n in range(300)]))
    disk.fill(leave)
    done = disk.run(["notes", "import", str(big)], env={"XDG_DATA_HOME": str(home)})
    disk.free()
    assert "Traceback" not in done.stderr and "another program" not in done.stderr, done.stderr[-800:]
    with UserData(home / "forum-atlas") as store:
        records = {n.record for n in store.notes()}
    assert records in ({"arf"}, {"arf", *(f"rec-{n}" for n in range(300))}), "half an import"
    assert (done.returncode == 0) == (len(records) == 301)


def test_import_on_full_disks(attacks, small_disk, tmp_path):
    for leave in (0, 16 * 1024, 256 * 1024):
        attacks.run(f"full disk: notes import, {leave} bytes free", _import_full_disk, small_disk, tmp_path, leave)


# -- killed processes ---------------------------------------------------------------------------------------

def _kill_build(tmp_path: Path, delay: float) -> None:
    target = tmp_path / "atlas.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "forum_atlas", "build", "--data", str(FIXTURE_DATA),
                             "--out", str(target)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if target.exists():
        assert _valid("sqlite", target)
    build.build(load(FIXTURE_DATA), target)  # the next build cleans up after the killed one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas.sqlite"]


def test_killed_builds(attacks, tmp_path):
    rng = random.Random(hostile.SEED)
    for n in range(6):
        delay = rng.uniform(0.3, 1.5)
        attacks.run(f"kill: build after {delay:.2f} s", _kill_build, tmp_path / f"k{n}", delay)


def _kill_import(tmp_path: Path, delay: float) -> None:
    import os

    home = tmp_path / "home"
    with UserData(home / "forum-atlas") as store:
        store.set_note("arf", "mine")
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"record": f"rec-{n}", "text": f"imported {n}"} for n in range(3000)]))
    proc = subprocess.Popen([sys.executable, "-m", "forum_atlas", "notes", "import", str(big)], cwd=ROOT,
                            env={**os.environ, "XDG_DATA_HOME": str(home)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with UserData(home / "forum-atlas") as store:
        records = {n.record for n in store.notes()}
        assert store.note("arf") == "mine"
    assert len(records) in (1, 3001), f"half an import: {len(records)} notes"


def test_killed_imports(attacks, tmp_path):
    rng = random.Random(hostile.SEED + 1)
    for n in range(5):
        delay = rng.uniform(0.2, 1.2)
        attacks.run(f"kill: notes import after {delay:.2f} s", _kill_import, tmp_path / f"k{n}", delay)


@pytest.mark.parametrize("stage", ["lock", "backup"])
def test_a_kill_while_opening_loses_nothing(attacks, tmp_path, stage):
    """Killed right after taking the lock, or in the middle of the daily backup: the next open is calm."""
    folder = tmp_path / "user"
    with UserData(folder, today=lambda: dt.date(2025, 3, 1)) as store:
        store.set_note("arf", "kept")
    hook = "notes._Lock.acquire" if stage == "lock" else "notes.atomic.replace_into"
    code = (f"import os; from model import notes\n{hook} = lambda *a: os._exit(9)\n"
            f"import datetime as dt; notes.UserData({str(folder)!r}, today=lambda: dt.date(2025, 3, 2))\n")

    def attack():
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
        assert done.returncode == 9
        with UserData(folder) as store:
            assert store.writable and store.note("arf") == "kept"
        assert not list(folder.rglob(".*.tmp")) and not list(folder.glob(".notes.sqlite.*"))

    attacks.run(f"kill: while opening, at {stage}", attack)
