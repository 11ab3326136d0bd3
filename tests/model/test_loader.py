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


# -- the paper's text ----------------------------------------------------------------------------------
def test_wrong_paper_is_one_problem_not_a_thousand(data_copy, tmp_path):
    wrong = tmp_path / "other.txt"
    wrong.write_text("Some other text.\n" * 600, encoding="utf-8")
    problems = _problems(data_copy, wrong)
    assert len(problems) == 1
    assert problems[0].startswith(f"{wrong}:0: paper: this is not the paper's text (sha256 ")


def test_paper_that_cannot_be_read_is_a_plain_problem(data_copy, tmp_path):
    assert _problems(data_copy, tmp_path) == [f"{tmp_path}:0: paper: cannot read: Is a directory"]
    binary = tmp_path / "ls"
    binary.write_bytes(b"\x7fELF\xff\xfe\x00" * 50)
    assert "this is not the paper's text" in _problems(data_copy, binary)[0]
    # bytes that are not UTF-8 but carry the hash the source record names
    import hashlib

    (data_copy / "source.yaml").write_text(
        (data_copy / "source.yaml").read_text(encoding="utf-8").replace(
            "600bf60fb0aa52cd7cc3fb88ca5bb693f1a9621c5efca8d2858d8b827bc51a5b",
            hashlib.sha256(binary.read_bytes()).hexdigest()), encoding="utf-8")
    assert _problems(data_copy, binary) == [f"{binary}:0: paper: cannot read: not UTF-8 text"]


def test_cli_check_with_a_wrong_paper(data_copy):
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "check", "--data", str(data_copy),
                           "--paper", sys.executable], capture_output=True, text=True)
    assert done.returncode == 1
    assert "paper: this is not the paper's text" in done.stderr
    assert "1 problem(s)" in done.stderr and "Traceback" not in done.stderr


def test_cli_check_of_a_missing_folder(tmp_path):
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "check", "--data", str(tmp_path / "nowhere")],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert f"{tmp_path / 'nowhere'}:0: data: the folder does not exist" in done.stderr
    assert "exactly one file" not in done.stderr


# -- the source record ---------------------------------------------------------------------------------
def _edit_source(data_dir, old: str, new: str) -> None:
    path = data_dir / "source.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  parts:\n", "  partz:\n", "source.yaml:5: source.parts: expected a list of {author, name, by, first, last}"),
    ("first: 58,", "first: x,", "source.yaml:16: first: expected a whole number, got 'x'"),
    ("{author: preface, name: Preface, by: Stephan Haggard and Daniel Pinkston, first: 58, last: 72}", "preface",
     "source.yaml:0: source.parts: each entry must be a mapping, not 'preface'"),
    ("first: 58, last: 72", "last: 72", "source.yaml:16: first: required field is missing"),
    ("first: 58, last: 72", "first: 72, last: 58", "source.yaml:16: last: part ends (line 58) before it begins"),
    ("  sections:\n", "  sections: none\n  old_sections:\n",
     "source.yaml:19: source.sections: expected a list of {line, heading}"),
    ("{line: 58, heading: Preface}", "{line: fifty, heading: Preface}",
     "source.yaml:20: line: expected a whole number, got 'fifty'"),
    ("  title: ", "  titel: ", "source.yaml:5: source.title: required field is missing"),
])
def test_malformed_source_record_is_reported_not_a_crash(data_copy, old, new, expected):
    _edit_source(data_copy, old, new)
    problems = _problems(data_copy)
    assert any(p.startswith(expected) for p in problems), problems


def test_source_that_is_not_a_mapping(data_copy):
    (data_copy / "source.yaml").write_text("source: 5\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert len(problems) == 1 and problems[0].startswith("source.yaml:1: source: expected a mapping of id, title")


# -- unquoted dates ------------------------------------------------------------------------------------
def test_unquoted_impossible_date_is_reported_with_its_line(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994", quote="ASEAN Regional Forum")
            .replace('founded: "1994"', "founded: 1919-02-30"))
    assert _problems(data_copy) == ["bad.yaml:7: founded: no day 30 in February 1919: '1919-02-30'"]


def test_unquoted_valid_date_loads(data_copy):
    _append(data_copy, FORUM.format(id="t1", status="active", founded="1994", quote="ASEAN Regional Forum")
            .replace('founded: "1994"', "founded: 1994-07-25"))
    forum = next(f for f in load(data_copy)["forums"] if f["id"] == "t1")
    assert str(forum["founded"]) == "1994-07-25"


def test_an_id_names_one_record_of_any_kind(data_copy):
    # A forum and an event (or a participant) may not share an id: notes and exports refer to records by it.
    _append(data_copy, """events:
  - id: neacd
    title: An event that takes a forum's id
    kind: meeting
    date: "1993"
    cite: [{line: 94, quote: "eight formal NEACD meetings held since October 1993"}]
participants:
  - {id: arf, name: A participant that takes a forum's id, kind: state}
""")
    assert _problems(data_copy) == [  # in reading order: files by name, then by line
        "mini.yaml:10: id: duplicate id 'arf' (first at bad.yaml:8, a record in participants)",
        "mini.yaml:28: id: duplicate id 'neacd' (first at bad.yaml:2, a record in events)"]
