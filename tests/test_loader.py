"""Every kind of bad input gets `file:line: field: message`, and nothing is built."""

import subprocess
import sys

import pytest

from model.loader import DataError, fold, load


def _problems(data_dir, paper=None) -> list[str]:
    with pytest.raises(DataError) as exc:
        load(data_dir, paper)
    return exc.value.problems


def _append(data_dir, text: str, name="bad.yaml") -> int:
    """Write ``text`` to a new file; return nothing useful but keep tests short."""
    (data_dir / name).write_text(text, encoding="utf-8")


FORUM = """forums:
  - id: {id}
    name: Test forum
    kind: dialogue
    scope: asia-pacific
    status: {status}
    founded: "{founded}"
    summary: A test.
    cite: [{{line: 84, quote: "{quote}"}}]
"""


def test_fixture_is_valid(paper, data_copy):
    ds = load(data_copy, paper)
    assert {f["id"] for f in ds["forums"]} == {"arf", "neacd", "neacd-sub"}


def test_yaml_syntax_error_names_file_and_line(data_copy):
    _append(data_copy, "forums:\n  - id: x\n    name: [unclosed\n")
    problems = _problems(data_copy)
    assert len(problems) == 1
    assert problems[0].startswith("bad.yaml:")
    line = int(problems[0].split(":")[1])
    assert line in (3, 4)


def test_wrong_type(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994", quote="ASEAN Regional Forum")
            .replace("name: Test forum", "name: [not, text]"))
    assert "bad.yaml:3: name: expected text, got list" in _problems(data_copy)[0]


def test_missing_field(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994", quote="ASEAN Regional Forum")
            .replace("    summary: A test.\n", ""))
    assert _problems(data_copy) == ["bad.yaml:2: summary: required field is missing"]


def test_unknown_enum_and_field(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="dormant", founded="1994", quote="ASEAN Regional Forum")
            + "    colour: red\n")
    problems = _problems(data_copy)
    assert any(p.startswith("bad.yaml:6: status: 'dormant' is not one of: active, defunct, proposed") for p in problems)
    assert any(p.startswith("bad.yaml:10: colour: unknown field") for p in problems)


def test_duplicate_id(data_copy):
    _append(data_copy, FORUM.format(id="arf", status="active", founded="1994", quote="ASEAN Regional Forum"))
    assert _problems(data_copy) == ["mini.yaml:10: id: duplicate id 'arf' (first at bad.yaml:2)"]


def test_dangling_reference(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994", quote="ASEAN Regional Forum")
            + "    parent: no-such-forum\n")
    assert _problems(data_copy) == ["bad.yaml:10: parent: unknown forum id 'no-such-forum'"]


def test_impossible_date(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994-02-30", quote="ASEAN Regional Forum"))
    assert _problems(data_copy) == ["bad.yaml:7: founded: no day 30 in February 1994: '1994-02-30'"]


def test_end_before_start(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="defunct", founded="1994", quote="ASEAN Regional Forum")
            + '    ended: "1990"\n')
    assert _problems(data_copy) == ["bad.yaml:10: ended: 1990 is before founded 1994"]


def test_quote_not_in_source(paper, data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994", quote="ASEAN Regional Forum")
            .replace("ASEAN Regional Forum", "ASEAN Regional Fortress"))
    problems = _problems(data_copy, paper)
    assert len(problems) == 1
    assert problems[0].startswith("bad.yaml:9: cite.quote: not found verbatim on line 84 of the paper")


def test_quote_on_other_line_gets_a_hint(paper, data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994",
                                    quote="CSCAP was established in June 1993"))
    assert "(it is on line 92)" in _problems(data_copy, paper)[0]


def test_every_problem_reported_at_once(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="dormant", founded="1994-13", quote="x")
            + "    parent: nowhere\n")
    assert len(_problems(data_copy)) == 3


def test_fold_matches_curly_quotes_and_dashes():
    assert fold("Japan\u2019s  \u201cview\u201d\u2014now") == "Japan's \"view\"-now"


def test_cli_check_and_build_exit_1_and_leave_database(data_copy, tmp_path):
    target = tmp_path / "atlas.sqlite"
    target.write_bytes(b"previous database")
    _append(data_copy, FORUM.format(id="arf", status="active", founded="1994", quote="ASEAN Regional Forum"))
    for command in (["check"], ["build", "--out", str(target)]):
        done = subprocess.run([sys.executable, "-m", "forum_atlas", *command, "--data", str(data_copy)],
                              capture_output=True, text=True)
        assert done.returncode == 1
        assert "mini.yaml:10: id: duplicate id 'arf' (first at bad.yaml:2)" in done.stderr
        assert "Traceback" not in done.stderr
    assert target.read_bytes() == b"previous database"
    assert list(tmp_path.glob(".build-*")) == []
