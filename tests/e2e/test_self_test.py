"""`forum-atlas --self-test` from the source checkout: the steps CI also runs inside the bundle."""

import os
import subprocess
import sys

import pytest

# The command line tells the self-test its sub-commands: the print and search steps must run, not be skipped.
STEPS = ("package", "window", "database", "select a forum", "paint", "fact sheet to PDF", "search command",
         "search box", "close")


def self_test(**env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "forum_atlas", "--self-test"], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}, timeout=300)


def test_self_test_passes_from_source():
    done = self_test()
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("forum-atlas self-test (source, ")
    for step in STEPS:
        assert f"  ok    {step} (" in out, f"no passing step {step!r} in:\n{out}"
    assert "arf: the detail pane shows ASEAN Regional Forum" in out
    assert "FAIL" not in out
    assert out.rstrip().splitlines()[-1].startswith("self-test passed: ")


@pytest.mark.parametrize(("content", "step", "why"), [
    (None, "package", "missing: "),
    (b"not a database", "database", "the database did not load"),
])
def test_self_test_says_what_failed_and_exits_1(tmp_path, content, step, why):
    db = tmp_path / "atlas.sqlite"
    if content is not None:
        db.write_bytes(content)
    done = self_test(FORUM_ATLAS_DB=str(db))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"  FAIL  {step}: {why}" in done.stdout
    assert f"self-test FAILED at step '{step}'" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
