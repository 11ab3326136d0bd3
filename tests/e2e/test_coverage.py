"""`forum-atlas stats --coverage`: every paragraph of the preface and both parts, cited or explained."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from helpers import REAL_DATA

from model import coverage
from model.loader import load


def _run(*args):
    return subprocess.run([sys.executable, "-m", "forum_atlas", "stats", "--coverage", *args],
                          capture_output=True, text=True)


def test_coverage_passes_on_the_real_data(paper):
    done = _run("--paper", str(paper))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    share = re.search(r"Cited: (\d+) of (\d+) paragraphs \((\d+\.\d)%\)", out)
    assert share and int(share[1]) < int(share[2])
    assert f"{100 * int(share[1]) / int(share[2]):.1f}" == share[3]
    line_84 = next(x for x in out.splitlines() if x.startswith("  line  84  cited by "))
    assert "forum arf" in line_84 and "membership arf/jp (member)" in line_84
    line_399 = next(x for x in out.splitlines() if x.startswith("  line 399  cited by "))
    assert "delegation arf/jp by mofa-jp" in line_399 and "delegation arf/jp by jda" in line_399
    # An uncited paragraph is named with its reason.
    assert "line 168  not cited: A remark on how the financial crisis" in out
    assert "0 with neither a record nor a reason" in out
    # Headings are not paragraphs: the section titles and the parts' titles are left out.
    for heading_line in (80, 128, 294, 77, 306):
        assert f"line {heading_line:>3}  " not in out


def test_every_paragraph_is_listed_once(paper):
    ds = load(REAL_DATA, paper)
    lines = paper.read_text(encoding="utf-8").splitlines()
    listed = [p.line for p in coverage.paragraphs(ds, lines)]
    assert len(listed) == len(set(listed))
    headings = {s["line"] for s in ds.source["sections"]}
    expected = [n for a, b in ((58, 72), (77, 300), (306, 492)) for n in range(a, b + 1)
                if lines[n - 1].strip() and n not in headings]
    assert listed == expected


def test_a_paragraph_with_neither_a_record_nor_a_reason_fails(paper, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    reasons = data / "coverage.yaml"
    explained = reasons.read_text(encoding="utf-8").count("  - line: ")
    reasons.write_text("coverage: []\n", encoding="utf-8")  # every reason gone
    done = _run("--paper", str(paper), "--data", str(data))
    assert done.returncode == 1
    assert "line 168  NOT CITED, and coverage.yaml gives no reason" in done.stdout
    assert f"{explained} with neither a record nor a reason" in done.stdout
    assert "paragraphs with neither a citing record nor a reason in coverage.yaml: line 168" in done.stderr


def test_a_reason_outside_the_parts_is_a_loader_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    with (data / "coverage.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - {line: 12, reason: front matter}\n")
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "check", "--data", str(data)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert re.search(r"coverage\.yaml:\d+: line: line 12 is not in the preface or either author's part", done.stderr)


def test_coverage_without_the_paper_says_so(tmp_path):
    done = _run("--paper", str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert "coverage needs the paper's text" in done.stderr
