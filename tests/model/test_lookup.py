"""Records found from what a person types: ids, names, acronyms, in any case; ambiguity and close matches."""

from __future__ import annotations

import subprocess
import sys

import pytest

from forum_atlas.cli import main
from model import lookup


@pytest.fixture(scope="module")
def index(atlas):
    return lookup.Lookup(atlas, ("forum", "participant"))


@pytest.mark.parametrize("typed, rid", [
    ("japan", "jp"), ("JP", "jp"), ("ARF", "arf"), ("neacd", "neacd"), ("North Korea", "kp"), ("dprk", "kp"),
    ("four party talks", "four-party-talks"), ("Four-Party Talks", "four-party-talks"),
    ("ASEAN Regional", "arf"),  # the start of one record's name
])
def test_ids_names_and_acronyms_in_any_case(index, typed, rid):
    found = index.find(typed)
    assert found.choice is not None and found.choice.id == rid and not found.ambiguous


def test_a_shared_name_picks_one_and_names_the_others(index):
    found = index.find("som")
    assert found.ambiguous and found.choice.id == "arf-som" and [c.id for c in found.others] == ["nakayama-som"]
    message = lookup.ambiguous_message(found)
    assert "using ARF Senior Officials Meetings (SOM) (forum arf-som)" in message and "nakayama-som" in message
    # an id as written wins, and the record whose acronym it also is is named
    found = index.find("asean")
    assert found.choice.id == "asean" and [c.id for c in found.others] == ["asean-association"]


def test_an_unknown_name_gets_close_matches_and_no_guess(index):
    found = index.find("Korea")
    assert found.choice is None and {"kr", "kp"} <= {c.id for c in found.close}
    assert lookup.unknown_message(index.find("japn"), index.kinds) == \
        "No forum or participant is called \u201cjapn\u201d. Did you mean: Japan (participant jp)?"


def test_cite_prints_a_records_references_and_exports(capsys, tmp_path):
    assert main(["cite", "KEDO", "--style", "apa"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Korean Peninsula Energy Development Organization: sources\n")
    assert "\nCossa, R. A. (1999). U.S. Views Toward Northeast Asia" in out and "line" not in out
    assert main(["cite", "--format", "ris", "--out", str(tmp_path / "p.ris")]) == 0
    assert (tmp_path / "p.ris").read_text(encoding="utf-8").count("ER  - ") == 4
    assert main(["cite", "nowhere-at-all"]) == 1
    assert "is called \u201cnowhere-at-all\u201d" in capsys.readouterr().err
    assert main(["cite", "--format", "bibtex", "--out", str(tmp_path / "missing" / "p.bib")]) == 1
    assert "cannot write" in capsys.readouterr().err and not (tmp_path / "missing").exists()


def test_print_and_pack_take_names_and_say_which_record_they_chose(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "forum_atlas", *args], capture_output=True, text=True,
                              timeout=120)

    done = run("print", "japan", "--out", str(tmp_path / "j.pdf"))
    assert done.returncode == 0 and (tmp_path / "j.pdf").stat().st_size > 1000, done.stderr
    done = run("pack", "SOM", "arf", "--out", str(tmp_path / "p.pdf"))
    assert done.returncode == 0, done.stderr
    assert "\u201cSOM\u201d names more than one record; using ARF Senior Officials Meetings" in done.stderr
    many = [f"nope{n}" for n in range(40)]
    done = run("pack", "arf", *many, "--out", str(tmp_path / "q.pdf"))
    assert done.returncode == 1 and "and 35 more unknown names" in done.stderr
    assert "nothing was written" in done.stderr and not (tmp_path / "q.pdf").exists()
