"""The curated dataset itself: floors, citation rules, own-words summaries and key facts from the paper.

The key facts below were each checked by hand against the paper
(../shared/source/security-multilateralism-in-asia.txt, line numbers in the comments).
"""

from __future__ import annotations

import re

import pytest
from helpers import REAL_DATA

from model import loader

DATA = REAL_DATA
COPY_RUN = 8  # a run of this many words shared with the paper counts as copied
_WORD = re.compile(r"[a-z0-9]+")
# A full stop that ends an initial or a short abbreviation ("U.S.", "A. G. B.", "Dr.") does not end a sentence.
_ABBREV = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.|(?:e\.g|i\.e|etc|vs|cf|Mr|Mrs|Dr|St|No)\.")
_BREAK = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


@pytest.fixture(scope="module")
def ds():
    return loader.load(DATA)


@pytest.fixture(scope="module")
def forums(ds):
    return {f["id"]: f for f in ds["forums"]}


@pytest.fixture(scope="module")
def events(ds):
    return {e["id"]: e for e in ds["events"]}


def members(forum: dict, role: str | None = None) -> set[str]:
    return {m["participant"] for m in forum["members"] if role is None or m["role"] == role}


def meetings(ds, forum_id: str) -> dict[int, dict]:
    """The numbered meetings of one forum, by ordinal."""
    out = {}
    for e in ds["events"]:
        if forum_id in e["forums"] and e["ordinal"] is not None:
            assert e["ordinal"] not in out, f"{forum_id}: two events with ordinal {e['ordinal']}"
            out[e["ordinal"]] = e
    return out


def sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in _BREAK.finditer(text):
        last = text[start:m.start() + 1].split()[-1]
        if _ABBREV.fullmatch(last):
            continue
        out.append(text[start:m.start() + 1].strip())
        start = m.end()
    tail = text[start:].strip()
    return out + ([tail] if tail else [])


def words(text: str) -> list[str]:
    return _WORD.findall(loader.fold(text).lower())


def runs(seq: list[str], n: int = COPY_RUN) -> set[tuple[str, ...]]:
    return {tuple(seq[i:i + n]) for i in range(len(seq) - n + 1)}


def texts(ds):
    """Every piece of prose written in our own words: forum and event summaries, claim texts."""
    for f in ds["forums"]:
        yield "forum", f["id"], f["summary"]
    for e in ds["events"]:
        if e["summary"]:
            yield "event", e["id"], e["summary"]
    for c in ds["claims"]:
        yield "claim", c["id"], c["text"]


# ------------------------------------------------------------------------------------------- the helpers themselves

def test_sentence_and_copy_helpers_work():
    assert len(sentences("The U.S. Army began it in 1971. It meets yearly.")) == 2
    assert len(sentences("Headed by Victor A. G. B. Lytton, it reported in 1932.")) == 1
    assert len(sentences("One. Two. Three. Four. Five.")) == 5
    assert runs(words("The NEACD-its aim: to \u201cenhance\u201d mutual understanding, confidence, and cooperation"))
    assert not runs(words("seven short words are not a run"))


# ------------------------------------------------------------------------------------------- floors

def test_floors(ds):
    counts = {t: len(ds[t]) for t in ("forums", "participants", "events", "people")}
    assert counts["forums"] >= 45, counts
    assert sum(f["status"] == "proposed" for f in ds["forums"]) >= 5, "proposals count among the forums"
    assert counts["participants"] >= 30, counts
    assert counts["events"] >= 110, counts
    assert counts["people"] >= 35, counts
    assert len(ds.citations) >= 200, len(ds.citations)


# ------------------------------------------------------------------------------------------- citation rules

def test_every_fact_cites_a_passage(ds):
    missing = [f"forum {f['id']}" for f in ds["forums"] if not f["cite"]]
    missing += [f"membership {f['id']}/{m['participant']}/{m['role']}"
                for f in ds["forums"] for m in f["members"] if not m["cite"]]
    missing += [f"event {e['id']}" for e in ds["events"] if not e["cite"]]
    missing += [f"claim {c['id']}" for c in ds["claims"] if not c["cite"]]
    missing += [f"relation {r['from']}->{r['to']}" for r in ds["relations"] if not r["cite"]]
    missing += [f"discrepancy {d['id']}" for d in ds["discrepancies"] if not d["cite"]]
    assert not missing, missing


def test_quotes_are_short(ds):
    long = {c["id"]: len(c["quote"].split()) for c in ds.citations.values() if len(c["quote"].split()) > 45}
    assert not long, long


def test_quotes_are_verbatim_in_the_paper(paper):
    try:
        loader.load(DATA, paper)
    except loader.DataError as exc:
        pytest.fail("\n".join(exc.problems[:20]))


def test_every_cited_line_exists_in_the_paper(ds, paper):
    total = len(paper.read_text(encoding="utf-8").splitlines())
    bad = [c["id"] for c in ds.citations.values() if not 1 <= c["line"] <= total]
    assert not bad, bad


# ------------------------------------------------------------------------------------------- own words

def test_forum_summaries_are_one_to_four_sentences(ds):
    bad = {f["id"]: len(sentences(f["summary"])) for f in ds["forums"] if not 1 <= len(sentences(f["summary"])) <= 4}
    assert not bad, bad


def test_event_summaries_and_claims_are_at_most_four_sentences(ds):
    bad = {rid: len(sentences(text)) for kind, rid, text in texts(ds)
           if kind != "forum" and not 1 <= len(sentences(text)) <= 4}
    assert not bad, bad


def test_summaries_are_not_copied_from_the_paper(ds, paper):
    source = runs(words(paper.read_text(encoding="utf-8")))
    copied = {}
    for kind, rid, text in texts(ds):
        shared = [" ".join(r) for r in runs(words(text)) if r in source]
        if shared:
            copied[f"{kind} {rid}"] = shared[0]
    assert not copied, copied


# ------------------------------------------------------------------------------------------- gaps are explained

def test_forums_without_events_or_members_say_why(ds):
    with_events = {fid for e in ds["events"] for fid in e["forums"]}
    unexplained = [f["id"] for f in ds["forums"]
                   if (f["id"] not in with_events or not f["members"]) and not (f["note"] or "").strip()]
    assert not unexplained, unexplained


def test_proposals_name_their_proposer_where_the_paper_does(forums):
    # Each of these proposals has a proposer named in the paper (lines 224, 365, 371, 383, 391, 411, 425).
    for fid in ("nakayama-proposal", "asian-csce", "csca", "asian-community-on-security", "pacific-ocean-conference",
                "krasnoyarsk-proposal", "neasf", "nearsf", "cspap", "four-power-nea", "obuchi-nea-forum"):
        assert forums[fid]["status"] == "proposed", fid
        assert members(forums[fid], "proposer"), f"{fid} has no proposer"


def test_discrepancies_recorded(ds):
    ids = {d["id"] for d in ds["discrepancies"]}
    for did in ("arf-member-count", "cscap-founding-date", "dprk-launch-year", "washington-conference-dates",
                "pasols-name-and-size", "neacd-sentence-printed-twice", "track-one-and-a-half-scanning",
                "uk-japan-lost-initial", "cyrillic-stray-letter", "figures-missing", "neacd-track-level"):
        assert did in ids, did


# ------------------------------------------------------------------------------------------- key facts

def test_cscap_founding_and_members(forums, events):
    cscap = forums["cscap"]
    assert str(cscap["founded"]) == "1993-06"  # Cossa, line 92
    assert cscap["track"] == "2"
    assert "pacific-forum-csis" in members(cscap, "founder")  # line 206
    # The seventeen member committees of line 202.
    assert {"au", "ca", "cn", "eu", "id", "jp", "kp", "kr", "my", "mn", "nz", "ph", "ru", "sg", "th", "us",
            "vn"} <= members(cscap, "member")
    assert "in" in members(cscap, "associate")  # line 202: an Indian institute
    assert "tw" in members(cscap, "private-capacity")
    china = [m for m in cscap["members"] if m["participant"] == "cn" and m["role"] == "member"]
    assert [str(m["since"]) for m in china] == ["1996-12"]  # line 421
    # Fukushima's steps: Seoul statement November 1992, charter at Lombok December 1993 (lines 419, 421).
    assert str(events["cscap-1992-11-seoul-statement"]["date"]) == "1992-11"
    assert events["cscap-1993-12-lombok-charter"]["place"].startswith("Lombok")


def test_neacd_track_members_and_the_absent_dprk(forums):
    neacd = forums["neacd"]
    assert neacd["track"] == "2"  # both authors: a track-two dialogue (lines 226, 425)
    assert "igcc" in members(neacd, "founder")  # line 226
    assert {"us", "cn", "jp", "ru", "kr"} <= members(neacd, "member")
    assert "kp" in members(neacd, "absent")  # lines 94, 228, 431
    assert "kp" not in members(neacd, "member")  # line 441: "before the DPRK joins"
    kp_founder = [m for m in neacd["members"] if m["participant"] == "kp" and m["role"] == "founder"]
    assert [str(m["until"]) for m in kp_founder] == ["1993-07"], "the DPRK attended only the July 1993 planning meeting"
    # The U.S. government's representatives are the U.S. membership's delegation, not members (line 242).
    us = next(m for m in neacd["members"] if m["participant"] == "us" and m["role"] == "member")
    assert [d["participant"] for d in us["delegation"]] == ["us-state", "us-dod", "us-jcs"]


def test_neacd_meetings(ds):
    got = {n: (str(e["date"]), e["place"]) for n, e in meetings(ds, "neacd").items()}
    assert got == {  # line 429 (first) and line 433 (the rest)
        1: ("1993-10", "La Jolla, California"), 2: ("1994-05", "Tokyo"), 3: ("1995-04", "Moscow"),
        4: ("1996-01", "Beijing"), 5: ("1996-09", "Seoul"), 6: ("1997-04", "New York"),
        7: ("1997-12", "Tokyo"), 8: ("1998-11", "Moscow"),
    }
    for e in meetings(ds, "neacd").values():
        assert "kp" not in e["participants"], e["id"]


def test_arf_meetings_and_members(ds, forums):
    arf = forums["arf"]
    assert arf["track"] == "1"
    assert str(arf["founded"]) == "1994-07"
    first, second = meetings(ds, "arf")[1], meetings(ds, "arf")[2]
    assert (str(first["date"]), first["place"]) == ("1994-07", "Bangkok")  # lines 130, 393
    assert (str(second["date"]), second["place"]) == ("1995-08", "Brunei")  # lines 132, 395
    # Line 84's roster, read with India (line 144) for the doubled Vietnam: twenty-two members.
    roster = {"bn", "id", "la", "my", "mm", "ph", "sg", "th", "vn", "au", "kh", "ca", "cn", "jp", "mn", "pg", "ru",
              "kr", "nz", "us", "eu", "in"}
    assert members(arf, "member") == roster
    assert "kp" in members(arf, "not-party") and "kp" not in members(arf, "member")  # line 140
    japan = next(m for m in arf["members"] if m["participant"] == "jp" and m["role"] == "member")
    assert [(d["participant"], str(d["since"]) if d["since"] else None) for d in japan["delegation"]] == [
        ("mofa-jp", None), ("jda", "1996")]  # line 399


def test_kedo_founders(forums):
    kedo = forums["kedo"]
    assert members(kedo, "founder") == {"us", "kr", "jp"}  # lines 88, 184
    assert "kp" not in members(kedo)
    assert {"kr", "jp"} <= members(forums["kedo-executive-board"], "member")  # lines 178, 184


def test_four_party_talks(ds, forums):
    talks = forums["four-party-talks"]
    assert members(talks, "member") == {"kr", "kp", "cn", "us"}  # line 86
    assert members(talks, "proposer") == {"kr", "us"}  # line 148: Cheju, April 1996
    assert "jp" in members(talks, "not-party")  # line 184: "not a part of", not kept out
    got = {n: (str(e["date"]), e["place"], e["chair"]) for n, e in meetings(ds, "four-party-talks").items()}
    assert got == {
        1: ("early 1997-12", "Geneva", "us"),  # lines 86, 154
        2: ("1998-03", None, "cn"),  # line 154: no place given
        3: ("1998-10-21", "Geneva", "kr"),  # line 156: 21-24 October 1998
        4: ("late 1999-01", "Geneva", "kp"),  # line 156: scheduled
    }


def test_trilaterals_have_their_three(forums):
    assert members(forums["trilateral-forum-nps"], "member") == {"jp", "us", "ru"}  # line 445
    assert members(forums["trilateral-forum-nps"], "founder") == {"jiia", "carnegie", "imemo"}
    assert str(forums["trilateral-forum-nps"]["founded"]) == "early 1994"
    assert members(forums["jac-conference"], "member") == {"jp", "us", "cn"}  # line 449
    assert str(forums["jac-conference"]["founded"]) == "summer 1998"
    assert members(forums["us-jp-rok-defense-talks"], "member") == {"jp", "kr", "us"}  # line 250


def test_cscap_north_pacific_working_group(ds, forums):
    got = {n: (str(e["date"]), e["place"]) for n, e in meetings(ds, "cscap-npwg").items()}
    assert got == {1: ("1995-04", "Tokyo"), 2: ("1997-01", "Vancouver"), 3: ("1997-12", "Tokyo"),
                   4: ("1998-11", "Beijing")}  # lines 216-220
    npwg = forums["cscap-npwg"]
    assert {"cn", "kp"} <= members(npwg, "absent")  # first meeting only
    assert {"cn", "kp"} <= members(npwg, "member")


def test_npcsd_and_older_bodies(forums):
    npcsd = forums["npcsd"]
    assert members(npcsd, "private-capacity") == {"ca", "cn", "kp", "jp", "mn", "kr", "ru", "us"}  # line 425
    assert (str(npcsd["founded"]), str(npcsd["ended"])) == ("1990-09", "1993-03")
    seato = forums["seato"]
    assert (str(seato["founded"]), str(seato["ended"])) == ("1955", "1977-06-20")  # line 319
    assert members(forums["anzus"], "founder") == {"au", "nz", "us"}  # line 321
    assert str(forums["apec"]["founded"]) == "1989-11"  # line 331
    assert (str(forums["pecc"]["founded"]), str(forums["pbec"]["founded"])) == ("1980", "1968")  # line 315


def test_built_database_agrees(atlas):
    detail = atlas.forum("neacd")
    assert detail.forum.track == "2"
    assert {(m.participant_id, m.role) for m in detail.members} >= {("kp", "absent"), ("igcc", "founder")}
    first = [e for e in detail.events if e.ordinal == 1]
    assert [(str(e.date), e.place) for e in first] == [("1993-10", "La Jolla, California")]
    assert {m.participant_id for m in atlas.memberships("kedo") if m.role == "founder"} == {"us", "kr", "jp"}
