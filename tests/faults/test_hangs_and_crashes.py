"""Issue 14, items 7, 9-11 and 14-17: no hang, no crash, no traceback. Each test failed before the fix."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model import build
from model.loader import DataError, load

ROOT = Path(__file__).resolve().parents[2]


def forum_atlas(*args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **kw.pop("env", {})}
    return subprocess.run([sys.executable, "-m", "forum_atlas", *args], capture_output=True, text=True,
                          env=env, timeout=kw.pop("timeout", 120), cwd=ROOT, **kw)


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as exc:
        load(data)
    return exc.value.problems


LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


# -- 7. billion laughs: refused at once, with file:line ------------------------------------------------------

def test_billion_laughs_is_refused_at_once_with_its_line(data_copy):
    (data_copy / "bomb.yaml").write_text(LAUGHS)
    started = time.process_time()
    problems = problems_of(data_copy)
    assert time.process_time() - started < 2
    assert problems == ["bomb.yaml:2: yaml: aliases (*name) are not allowed in the atlas's data; write the value out"]


def test_check_refuses_billion_laughs_quickly(data_copy):
    (data_copy / "bomb.yaml").write_text(LAUGHS)
    done = forum_atlas("check", "--data", str(data_copy), timeout=30)
    assert done.returncode == 1 and "bomb.yaml:2: yaml: aliases" in done.stderr


def test_the_data_needs_no_aliases():
    import yaml

    for path in sorted((ROOT / "resources" / "data").glob("*.yaml")):
        events = yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        assert not any(isinstance(e, yaml.AliasEvent) for e in events), path.name


# -- 9. notes render in linear time ------------------------------------------------------------------------

HOSTILE_NOTES = ["**a ", "*a ", "_a ", "`a ", "**", "**a *b `c _d ", "- **a\n", "# **a\n", "<&>"]


@pytest.mark.parametrize("pattern", HOSTILE_NOTES)
def test_a_1mb_hostile_note_renders_in_under_a_second(pattern):
    from gui.analyst_note import light_markdown

    note = pattern * (1_000_000 // len(pattern))
    started = time.process_time()  # this process's own time: other work on the machine does not count
    html = light_markdown(note)
    assert time.process_time() - started < 1.0
    assert "<script" not in html and "&lt;" in light_markdown("<b>x</b>")


def test_light_markdown_still_marks_up():
    from gui.analyst_note import light_markdown

    html = light_markdown("**bold** and *it*, `code`\n- **a** b\n# Head\n**not\nacross** lines")
    assert "<b>bold</b>" in html and "<i>it</i>" in html and "<code>code</code>" in html
    assert "<li><b>a</b> b</li>" in html and "<b>Head</b>" in html and "**not<br>across**" in html


# -- 10. --screenshot '' is an error --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "   "])
def test_an_empty_screenshot_path_is_an_error(path):
    done = forum_atlas("--screenshot", path, timeout=30)
    assert done.returncode == 2 and "--screenshot needs the path" in done.stderr


# -- 11. a failure while painting a PDF never crashes Qt ------------------------------------------------------

def test_a_failure_while_painting_ends_the_painter_and_raises():
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtGui import QGuiApplication; app = QGuiApplication([])\n"
            "from gui import printing\n"
            "def paint(painter, writer):\n"
            "    painter.drawText(10, 10, 'half a page')\n"
            "    raise LookupError('no such table: notes')\n"
            "try:\n"
            f"    printing.write_pdf({str(ROOT / 'never.pdf')!r}, 'a4', paint)\n"
            "except LookupError:\n"
            "    print('raised')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == "raised", (done.returncode, done.stderr[-500:])
    assert not (ROOT / "never.pdf").exists()


def test_printing_from_a_database_lacking_a_table_is_one_sentence(tmp_path, real_db):
    import sqlite3

    lacking = tmp_path / "lacking.sqlite"
    lacking.write_bytes(real_db.read_bytes())
    con = sqlite3.connect(lacking)
    con.execute("DROP TABLE claim")
    con.commit()
    con.close()
    done = forum_atlas("print", "arf", "--out", str(tmp_path / "arf.pdf"), env={"FORUM_ATLAS_DB": str(lacking)})
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.returncode != -signal.SIGSEGV
    assert "lacks the table claim" in done.stderr


# -- 14. check accepts exactly what build can build ----------------------------------------------------------

def _event(extra: str) -> str:
    return ("events:\n  - id: test-event\n    title: Test\n    kind: meeting\n    date: \"1994\"\n"
            f"    cite: [{{line: 84, quote: \"first held in 1994\"}}]\n{extra}")


@pytest.mark.parametrize("text, expected", [
    ("a: " + "[" * 300 + "]" * 300 + "\n", "bad.yaml:1: yaml: nested more than"),
    ("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 300)) + "  " * 300 + "x: 1\n", "yaml: nested more"),
    (_event("    ordinal: 99999999999999999999\n"), "bad.yaml:7: ordinal: 99999999999999999999 is out of range"),
    (_event("    ordinal: 1\n    ordinal: 2\n"), "bad.yaml:8: ordinal: the key is repeated (first at line 7)"),
    (_event("").replace("title: Test", "title: \"Te\\x07st\""), "bad.yaml:3: title: control character U+0007"),
    (_event("").replace("title: Test", "title: \"Te\\nst\""), "bad.yaml:3: title: control character U+000A"),
    (_event("").replace("title: Test", "title: \"\\ud800\""), "bad.yaml:3: yaml: found invalid Unicode"),
    (_event("    summary: \"a\\x1bb\"\n"), "bad.yaml:7: summary: control character U+001B"),
])
def test_check_refuses_what_build_cannot_build(data_copy, text, expected):
    (data_copy / "bad.yaml").write_text(text, encoding="utf-8")
    problems = problems_of(data_copy)
    assert any(p.startswith(expected) or expected in p for p in problems), problems


def test_parent_cycles_are_refused(data_copy):
    mini = data_copy / "mini.yaml"
    text = mini.read_text()
    text = text.replace("    name: Northeast Asia Cooperation Dialogue\n",
                        "    name: Northeast Asia Cooperation Dialogue\n    parent: neacd-sub\n")
    mini.write_text(text)
    problems = problems_of(data_copy)
    assert len([p for p in problems if "each other's parents" in p]) == 1, problems


def test_multi_line_notes_and_summaries_still_load(data_copy):
    (data_copy / "ok.yaml").write_text(_event("    summary: |\n      Two lines,\n      \tand a tab.\n"))
    assert any(e["id"] == "test-event" for e in load(data_copy)["events"])


# -- 15. command-line input and output failures are messages ------------------------------------------------

def test_non_utf8_argument_is_a_message():
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "print", b"\xff\xfe".decode("utf-8", "surrogateescape"),
                           "--out", "/nonexistent/x.pdf"], capture_output=True, timeout=60, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2 and b"Traceback" not in done.stderr and b"not valid UTF-8" in done.stderr


def test_full_stdout_is_a_message_not_a_traceback():
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "forum_atlas", "stats"], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "No space left" in done.stderr


@pytest.mark.parametrize("command", [["export"], ["search", "arf"], ["stats"]])
def test_closed_stdout_is_a_message_not_a_traceback(command):
    done = subprocess.run([sys.executable, "-m", "forum_atlas", *command], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=60, cwd=ROOT,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 1 and "Traceback" not in done.stderr and "standard output is closed" in done.stderr


def test_a_broken_pipe_is_quiet():
    done = subprocess.run(f"{sys.executable} -m forum_atlas export | head -c 1", shell=True, capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_check_with_a_missing_paper_fails(data_copy):
    done = forum_atlas("check", "--data", str(data_copy), "--paper", "/missing/paper.txt")
    assert done.returncode != 0 and "/missing/paper.txt" in done.stderr and "Traceback" not in done.stderr


# -- 16. one syntax error is one problem, not a flood of unknown ids -----------------------------------------

def test_one_syntax_error_is_not_followed_by_a_flood(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "resources" / "data", data)
    forums = data / "forums.yaml"
    lines = forums.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[40] = "    name: [unclosed\n"
    forums.write_text("".join(lines), encoding="utf-8")
    problems = problems_of(data)
    assert problems[0].startswith("forums.yaml:4")
    assert len(problems) <= 3, problems[:5]
    assert not any("unknown forum id" in p for p in problems)
    assert "were not listed, because forums.yaml could not be read" in problems[-1]


# -- 17. a killed build leaves nothing behind for long ------------------------------------------------------

def test_a_killed_build_leaves_no_stray_file_after_the_next(tmp_path):
    target = tmp_path / "atlas.sqlite"
    code = ("import os; from pathlib import Path; from model import build, loader\n"
            "real = build.search_index.write\n"
            "def die(con, ds):\n"
            "    os.kill(os.getpid(), 9)\n"
            "build.search_index.write = die\n"
            f"build.build(loader.load(Path({str(ROOT / 'tests' / 'fixtures' / 'data')!r})), Path({str(target)!r}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, cwd=ROOT)
    assert done.returncode == -9
    assert [p.name for p in tmp_path.iterdir() if re.match(r"\.build-", p.name)]
    build.build(load(ROOT / "tests" / "fixtures" / "data"), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas.sqlite"]


def test_a_non_utf8_output_path_is_written_as_given(tmp_path):
    name = os.fsdecode(b"caf\xe9.pdf")  # a Latin-1 file name, not UTF-8: valid on Linux
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "print", "arf", "--out", str(tmp_path / name)],
                          capture_output=True, timeout=120, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert os.listdir(os.fsencode(tmp_path)) == [b"caf\xe9.pdf"]
    assert b"wrote" in done.stdout and b"caf\xe9.pdf" in done.stdout


def test_a_pipe_among_the_yaml_files_or_as_the_paper_does_not_hang(data_copy):
    os.mkfifo(data_copy / "pipe.yaml")
    done = forum_atlas("check", "--data", str(data_copy), timeout=60)
    assert done.returncode == 1 and "pipe.yaml:0: file: not a regular file" in done.stderr
    (data_copy / "pipe.yaml").unlink()
    done = forum_atlas("check", "--data", str(data_copy), "--paper", "/dev/zero", timeout=60)
    assert done.returncode == 1 and "not a regular file" in done.stderr


@pytest.mark.parametrize("pattern", ["- x\n", "**a "])
def test_a_huge_hostile_note_does_not_freeze_the_window(qtbot, atlas, settings_reset, tmp_path, pattern):
    """200 KB of bullets took Qt minutes to lay out as rich text; the pane now shows the start of the note."""
    from gui.main_window import MainWindow
    from model.notes import UserData

    with UserData(tmp_path / "home") as store:
        store.set_note("arf", pattern * (200_000 // len(pattern)))
    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    w.user_data.open(tmp_path / "home")
    started = time.process_time()
    w.select("arf")
    qtbot.wait(10)
    assert time.process_time() - started < 20
    assert "more characters, not shown here" in w.detail.toPlainText()
    assert len(w.user_data.editor.edit.toPlainText()) == len(pattern) * (200_000 // len(pattern))
    w.user_data.close()
