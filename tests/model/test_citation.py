"""References to the paper in Chicago author-date and APA (citeproc-py with the shipped CSL styles), and the
paper's records as RIS, BibTeX and CSL-JSON. Expected strings are written by hand from the two style guides."""

from __future__ import annotations

import json

import pytest

from model import citation
from model.records import Citation

PAPER = "Security Multilateralism in Asia: Views from the United States and Japan"
PUB = "Institute on Global Conflict and Cooperation, University of California"

CHICAGO = {
    "igcc-pp51": f"Cossa, Ralph A., and Akiko Fukushima. 1999. {PAPER}. IGCC Policy Paper No. 51. {PUB}.",
    "igcc-pp51-preface": f"Haggard, Stephan, and Daniel Pinkston. 1999. \u201cPreface.\u201d In {PAPER}. "
                         f"IGCC Policy Paper 51. {PUB}.",
    "igcc-pp51-cossa": "Cossa, Ralph A. 1999. \u201cU.S. Views Toward Northeast Asia Multilateral Security "
                       f"Cooperation.\u201d In {PAPER}. IGCC Policy Paper 51. {PUB}.",
    "igcc-pp51-fukushima": "Fukushima, Akiko. 1999. \u201cJapan's Emerging View of Security Multilateralism in "
                           f"Asia.\u201d In {PAPER}. IGCC Policy Paper 51. {PUB}.",
}
APA = {
    "igcc-pp51": f"Cossa, R. A., & Fukushima, A. (1999). {PAPER} (IGCC Policy Paper No. 51). {PUB}.",
    "igcc-pp51-preface": f"Haggard, S., & Pinkston, D. (1999). Preface. In {PAPER} (IGCC Policy Paper No. 51). "
                         f"{PUB}.",
    "igcc-pp51-cossa": "Cossa, R. A. (1999). U.S. Views Toward Northeast Asia Multilateral Security Cooperation. "
                       f"In {PAPER} (IGCC Policy Paper No. 51). {PUB}.",
    "igcc-pp51-fukushima": "Fukushima, A. (1999). Japan's Emerging View of Security Multilateralism in Asia. "
                           f"In {PAPER} (IGCC Policy Paper No. 51). {PUB}.",
}


@pytest.mark.parametrize("style, expected", [("chicago", CHICAGO), ("apa", APA)])
def test_each_record_in_each_style_reads_as_the_style_guide_writes_it(style, expected):
    for rid, text in expected.items():
        assert citation.reference(rid, style).text == text


def test_html_references_italicise_the_paper_title():
    ref = citation.reference("igcc-pp51-cossa", "apa")
    assert f"<i>{PAPER}</i>" in ref.html
    assert "&amp;" in citation.reference("igcc-pp51", "apa").html  # markup-safe


NOTE = Citation(id="c1", author="fukushima", part="Japan's Emerging View of Security Multilateralism in Asia",
                section="The Nakayama Proposal", line=377, quote="a forum for political dialogue")


def test_a_single_note_names_its_section_and_quotes_the_passage_but_never_a_line():
    ref = citation.passage(NOTE, "chicago")
    assert ref.text == (CHICAGO["igcc-pp51-fukushima"] + " Section \u201cThe Nakayama Proposal.\u201d\n"
                        "\u201ca forum for political dialogue\u201d")
    assert "377" not in ref.text and "line" not in ref.text.lower()
    assert "p." not in ref.text.replace("Paper", "")  # no invented page numbers


def test_a_records_sources_group_sections_under_each_part():
    other = Citation(id="c2", author="fukushima", part=NOTE.part, section="What Lies Ahead", line=490, quote="x")
    cossa = Citation(id="c3", author="cossa", part="U.S. Views", section="Overview", line=80, quote="y")
    ref = citation.sources("Nakayama proposal", [NOTE, other, NOTE, cossa], "apa")
    assert ref.text.splitlines() == [  # in the paper's order: Cossa's part comes before Fukushima's
        "Nakayama proposal: sources",
        APA["igcc-pp51-cossa"] + " Section: Overview.",
        APA["igcc-pp51-fukushima"] + " Sections: The Nakayama Proposal; What Lies Ahead.",
    ]


def test_ris_bibtex_and_csl_json_hold_the_paper_and_its_three_parts():
    items = citation.records()
    assert [x["id"] for x in items] == list(CHICAGO)
    ris = citation.export("ris", items)
    assert ris.count("TY  - ") == 4 and ris.count("ER  - ") == 4
    assert "TY  - RPRT\nID  - igcc-pp51\nAU  - Cossa, Ralph A.\nAU  - Fukushima, Akiko\n" in ris
    assert "TY  - CHAP\nID  - igcc-pp51-cossa\nAU  - Cossa, Ralph A.\n" in ris
    assert f"T2  - {PAPER}\nT3  - IGCC Policy Paper 51\nPY  - 1999\nDA  - 1999/06\nPB  - {PUB}\n" in ris
    bib = citation.export("bibtex", items)
    assert bib.startswith("@techreport{igcc-pp51,\n  author = {Cossa, Ralph A. and Fukushima, Akiko},\n")
    assert "@incollection{igcc-pp51-preface,\n  author = {Haggard, Stephan and Pinkston, Daniel},\n" in bib
    assert bib.count("month = jun") == 4 and bib.count("@") == 4
    data = json.loads(citation.export("csl-json", items))
    assert data == items and data[2]["container-title"] == PAPER


def test_an_unknown_style_or_record_is_a_plain_error():
    with pytest.raises(citation.CitationError, match="unknown style"):
        citation.reference("igcc-pp51", "mla")
    with pytest.raises(citation.CitationError, match="no record 'nope'"):
        citation.reference("nope")


def test_an_unreadable_source_record_names_its_file(tmp_path):
    (tmp_path / "source.yaml").write_text("source: [", encoding="utf-8")
    with pytest.raises(citation.CitationError, match="source.yaml"):
        citation.read_source(tmp_path)


def test_the_formatted_references_the_app_reads_are_citeprocs_own(tmp_path):
    """resources/csl/references.json (written by make) holds exactly what citeproc makes of every record."""
    written = tmp_path / "references.json"
    assert citation.write_precomputed(written) == len(citation.STYLES) * len(citation.records())
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(
        citation.PRECOMPUTED.read_text(encoding="utf-8"))


def test_references_need_no_citeproc_where_they_were_formatted_before():
    """The bundle leaves citeproc and lxml out: every reference must come from the formatted file."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['citeproc'] = None\n"
            "from model import citation\n"
            "for s in citation.STYLES:\n"
            "    for item in citation.records():\n"
            "        print(citation.references([item], s)[0].text)\n"
            "print('citeproc' in sys.modules and sys.modules['citeproc'] is not None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "False"
    assert CHICAGO["igcc-pp51-cossa"] in lines and APA["igcc-pp51-cossa"] in lines
