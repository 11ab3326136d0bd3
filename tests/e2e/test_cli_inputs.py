"""Bad command-line input gets a plain message and exit 2, never a traceback; files written get a normal mode."""

import os
import stat
import subprocess
import sys
from contextlib import contextmanager

import pytest

from forum_atlas import cli
from model import atomic


def _rejects(argv, capsys) -> str:
    with pytest.raises(SystemExit) as exc:
        cli._parser().parse_args(argv)
    assert exc.value.code == 2
    return capsys.readouterr().err


@contextmanager
def _umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize(("argv", "message"), [
    (["--size", "abc"], "expected WIDTHxHEIGHT"),
    (["--size", "100x"], "expected WIDTHxHEIGHT"),
    (["--size", "100000x100000"], "each side must be 100 to 10000"),
    (["--size", "99x500"], "each side must be 100 to 10000"),
    (["--quit-after", "-5"], "must be from 0 to 2147483647"),
    (["--quit-after", str(2**40)], "must be from 0 to 2147483647"),
    (["--quit-after", "soon"], "expected a whole number"),
    (["search", "--limit", "0", "arf"], "must be from 1 to 1000"),
    (["search", "--limit", "-5", "arf"], "must be from 1 to 1000"),
    (["search", "--limit", "99999999999999999999", "arf"], "must be from 1 to 1000"),
])
def test_bad_options_are_refused_by_name(argv, message, capsys):
    err = _rejects(argv, capsys)
    assert message in err and "Traceback" not in err


def test_good_options_parse():
    args = cli._parser().parse_args(["--size", "800X600", "--quit-after", "0"])
    assert (args.size, args.quit_after) == ("800x600", 0)
    assert cli._parser().parse_args([]).size == "1400x900"
    assert cli._parser().parse_args(["search", "--limit", "1000", "arf"]).limit == 1000


@pytest.mark.parametrize("name", ["missing-folder/s.png", "s.txt"])
def test_screenshot_that_cannot_be_saved_says_why(tmp_path, name, real_db):
    target = tmp_path / name
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "--screenshot", str(target), "--size", "400x300"],
                          capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    assert done.returncode == 1
    assert f"cannot save the screenshot to {target}" in done.stderr
    assert ("does not exist" if "/" in name else ".png") in done.stderr


def test_replacing_gives_a_normal_files_mode_and_cleans_up(tmp_path):
    target = tmp_path / "out.txt"
    with _umask(0o022), atomic.replacing(target) as tmp:
        tmp.write_text("one")
    assert target.read_text() == "one"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o600)  # a replaced file keeps the mode it had
    with atomic.replacing(target) as tmp:
        tmp.write_text("two")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(RuntimeError), atomic.replacing(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_gives_a_normal_files_mode(tmp_path):
    target = tmp_path / "notes.json"
    with _umask(0o022):
        assert cli.atomic_write(target, lambda fh: fh.write("{}")) == 0
    assert target.read_text() == "{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_atomic_write_into_a_missing_folder_is_a_plain_error(tmp_path, capsys):
    assert cli.atomic_write(tmp_path / "nowhere" / "a.json", lambda fh: fh.write("{}")) == 1
    assert "cannot write" in capsys.readouterr().err


def test_printed_pdf_gets_a_normal_files_mode(tmp_path, real_db):
    out = tmp_path / "arf.pdf"
    with _umask(0o022):  # the child inherits it
        done = subprocess.run([sys.executable, "-m", "forum_atlas", "print", "arf", "--out", str(out)],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["arf.pdf"]
