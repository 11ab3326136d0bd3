"""Search (model/search.py): real queries and their top results, filters, safety on any input, the CLI."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import search as s
from model.records import AWAY  # the roles that mean staying out (model/roles.py)
from model.search import search
from model.search_query import parse
from model.search_results import Results, to_html, to_plain


def forums_taking_part(atlas, pid: str) -> set[str]:
    """Forums where ``pid`` holds a role other than absent or excluded that no later absence ended."""
    ms = atlas.memberships(participant_id=pid)
    out = set()
    for m in ms:
        if m.role in AWAY:
            continue
        later_absence = any(a.forum_id == m.forum_id and a.role in AWAY and a.since and m.until
                            and a.since.start > m.until.end for a in ms)
        if not later_absence:
            out.add(m.forum_id)
    return out


def forums_of(atlas, rid: str) -> set[str]:
    kind = atlas.kind_of(rid)
    if kind == "forum":
        return {rid}
    if kind == "event":
        return set(atlas.event(rid).event.forums)
    return set()


# -- real queries, expected top results -----------------------------------------------------------------
def test_the_data_behind_the_expectations(atlas):
    kp = forums_taking_part(atlas, "kp")
    assert "cscap" in kp
    assert "neacd" not in kp, "the DPRK left NEACD after the planning meeting: absent since October 1993"
    assert "arf" not in kp
    assert atlas.forum_row("cscap").track == "2"
    roles = {m.role for m in atlas.memberships(forum_id="neacd", participant_id="kp")}
    assert "absent" in roles


def test_pyongyang_gives_the_dprk_and_the_forums_it_attends(atlas):
    r = search(atlas, "Pyongyang", limit=50)
    assert r.groups[0].kind == "participant", "a participant's own name makes it the best hit"
    assert r.ids("participant")[0] == "kp"
    attends = forums_taking_part(atlas, "kp")
    forums = r.ids("forum")
    assert set(forums[:len(attends)]) == attends, "the forums it attends come first"
    assert "arf" not in forums[:len(attends)]


@pytest.mark.parametrize("name", ["DPRK", "North Korea", "pyongyang", "PYONGYANG", "Democratic People's Republic "
                                                                                   "of Korea", "Pyŏngyang"])
def test_every_name_of_the_dprk_finds_it(atlas, name):
    r = search(atlas, name)
    assert r.ids("participant")[:1] == ["kp"], name


def test_an_alias_also_finds_text_that_uses_another_name(atlas):
    r = search(atlas, "Pyongyang", limit=50)
    quotes = [to_plain(h.snippet) for h in r.group("quote").hits]
    assert "Pyongyang" in quotes[0], "what was typed ranks first"
    assert any(("DPRK" in q or "North Korea" in q) and "Pyongyang" not in q for q in quotes)


def test_la_jolla_gives_neacds_first_meeting(atlas):
    event = atlas.event("neacd-1993-10-meeting-1")
    assert "La Jolla" in event.event.place and "neacd" in event.event.forums
    r = search(atlas, "La Jolla")
    assert r.ids("event")[0] == "neacd-1993-10-meeting-1"
    hit = r.group("event").hits[0]
    assert f"{s.MARK_ON}La{s.MARK_OFF}" in hit.snippet and f"{s.MARK_ON}Jolla{s.MARK_OFF}" in hit.snippet


def test_preventive_diplomacy_gives_the_arf_and_cscap_passages(atlas):
    r = search(atlas, "preventive diplomacy")
    assert r.ids("forum")[0] == "arf"
    quotes = r.group("quote").hits
    assert quotes
    for h in quotes:
        assert "preventive" in to_plain(h.snippet).lower() and "diplomacy" in to_plain(h.snippet).lower()
        assert atlas.citation(h.id) is not None
    tied = set().union(*(forums_of(atlas, h.target) for h in quotes))
    assert {"arf", "cscap"} <= tied
    assert quotes[0].target == "arf"


@pytest.mark.parametrize("query", ["member:kp track:2", "member:DPRK track:2", 'member:"North Korea" track:2',
                                   "track:2 member:north-korea"])
def test_member_kp_track_2_gives_cscap_not_neacd(atlas, query):
    r = search(atlas, query, limit=100)
    forums = r.ids("forum")
    assert "cscap" in forums and "neacd" not in forums
    attends = forums_taking_part(atlas, "kp")
    for fid in forums:
        assert atlas.forum_row(fid).track == "2" and fid in attends
    assert not r.group("participant")


def test_member_alone_counts_no_absence(atlas):
    forums = set(search(atlas, "member:kp kind:forum", limit=200).ids("forum"))
    assert forums == forums_taking_part(atlas, "kp")
    assert "neacd" not in forums and "arf" not in forums


def test_nea_finds_neacd_first(atlas):
    assert search(atlas, "NEA").ids("forum")[0] == "neacd"
    assert search(atlas, "arf").ids("forum")[0] == "arf"
    assert search(atlas, "neacd").ids("forum")[0] == "neacd"


def test_prefixes_case_and_accents(atlas):
    assert "cscap" in search(atlas, "cscA").ids("forum")
    assert search(atlas, "préventive diplomacy").ids("forum")[:1] == ["arf"]
    assert search(atlas, "PREVENTIVE DIPLOMACY").ids("forum")[:1] == ["arf"]


def test_a_quoted_phrase_is_exact(atlas):
    phrase = search(atlas, '"preventive diplomacy"')
    assert phrase.ids("forum")[:1] == ["arf"]
    assert not search(atlas, '"preventive diplomac"')  # no prefix inside quotes


# -- filters ---------------------------------------------------------------------------------------------
def test_kind_proposal(atlas):
    r = search(atlas, "kind:proposal", limit=200)
    assert r.ids("forum") and r.ids("event")
    assert {atlas.forum_row(f).status for f in r.ids("forum")} == {"proposed"}
    assert {atlas.event(e).event.kind for e in r.ids("event")} == {"proposal"}
    assert set(r.ids("forum")) == {f.id for f in atlas.forums() if f.status == "proposed"}
    assert {g.kind for g in r.groups} == {"forum", "event"}


def test_kind_names_a_forum_kind_an_event_kind_or_a_record_kind(atlas):
    assert {atlas.forum_row(f).kind for f in search(atlas, "kind:dialogue", limit=200).ids("forum")} == {"dialogue"}
    meetings = search(atlas, "kind:meeting Seoul", limit=50)
    assert [g.kind for g in meetings.groups] == ["event"]
    assert {atlas.event(e).event.kind for e in meetings.ids("event")} == {"meeting"}
    assert [g.kind for g in search(atlas, "kind:quote arf").groups] == ["quote"]


def test_author(atlas):
    r = search(atlas, "author:fukushima arf", limit=50)
    assert {g.kind for g in r.groups} <= {"claim", "quote"} and r
    for h in r.group("claim").hits:
        assert h.id.startswith("fukushima")
    for h in r.group("quote").hits:
        assert atlas.citation(h.id).author == "fukushima"
    assert search(atlas, "author:fuku arf").ids("claim") == r.ids("claim")[:8]
    assert search(atlas, "author:haggard").ids("quote")  # the preface's authors
    for h in search(atlas, "author:preface", limit=50).group("quote").hits:
        assert atlas.citation(h.id).author == "preface"


def test_year(atlas):
    from datetime import date

    lo, hi = date(1993, 1, 1).toordinal(), date(1995, 12, 31).toordinal()
    r = search(atlas, "year:1993..1995", limit=500)
    events = r.ids("event")
    assert set(events) == {e.id for e in atlas.events(lo=lo, hi=hi)}
    for fid in r.ids("forum"):
        f = atlas.forum_row(fid)
        assert f.founded and f.founded.start.year <= 1995 and f.founded.end.year >= 1993
    assert set(search(atlas, "year:1994", limit=500).ids("event")) == \
        {e.id for e in atlas.events(lo=date(1994, 1, 1).toordinal(), hi=date(1994, 12, 31).toordinal())}
    decade = set(search(atlas, "year:1980s", limit=500).ids("event"))
    assert decade == {e.id for e in atlas.events(lo=date(1980, 1, 1).toordinal(), hi=date(1989, 12, 31).toordinal())}


def test_status_and_track(atlas):
    defunct = search(atlas, "status:defunct", limit=500).ids("forum")
    assert set(defunct) == {f.id for f in atlas.forums() if f.status == "defunct"}
    track = search(atlas, "track:1.5", limit=500).ids("forum")
    assert set(track) == {f.id for f in atlas.forums() if f.track == "1.5"}
    both = search(atlas, "track:1,2", limit=500).ids("forum")
    assert set(both) == {f.id for f in atlas.forums() if f.track in ("1", "2")}


@pytest.mark.parametrize("query,words", [("col:term", "col term"), ("colour:red arf", "colour red arf"),
                                         ("kinds:meeting", "kinds meeting")])
def test_an_unknown_filter_is_a_hint_and_its_text_is_searched(atlas, query, words):
    r = search(atlas, query)
    assert any("Unknown filter" in h for h in r.hints)
    assert r.ids("forum") == search(atlas, words).ids("forum")


@pytest.mark.parametrize("query,hint", [("track:3", "track:"), ("member:zz", "No participant"),
                                        ("year:soon", "year:"), ("kind:banana", "kind:"), ("author:smith", "author:"),
                                        ("status:asleep", "status:")])
def test_a_bad_filter_value_is_a_hint_not_an_error(atlas, query, hint):
    r = search(atlas, query + " arf")
    assert not r
    assert any(hint in h for h in r.hints)


def test_no_matches_comes_with_a_hint(atlas):
    r = search(atlas, "zzqqxxv")
    assert not r and r.hints
    assert not search(atlas, "").hints and not search(atlas, "   ")


# -- results -------------------------------------------------------------------------------------------
def test_hits_carry_what_the_window_shows(atlas):
    r = search(atlas, "CSCAP")
    assert [g.kind for g in r.groups] == [k for k in s.KIND_ORDER if r.group(k)]
    claim = r.group("claim").hits[0]
    assert claim.id in [c.id for c in atlas.forum(claim.target).claims] and claim.info
    quote = r.group("quote").hits[0]
    assert atlas.citation(quote.id) and atlas.kind_of(quote.target)
    assert quote.snippet.startswith("\u201c")
    data = r.to_dict()
    assert data["count"] == len(r) and data["groups"][0]["hits"][0]["snippet_html"]


def test_html_is_escaped_then_marked():
    assert to_html(f"a<b>&{s.MARK_ON}x{s.MARK_OFF}") == "a&lt;b&gt;&amp;<b>x</b>"
    assert to_plain(f"{s.MARK_ON}x{s.MARK_OFF}y") == "xy"


def test_stale_index_asks_for_a_rebuild(fixture_db, tmp_path):
    from model.queries import Atlas

    path = tmp_path / "old.sqlite"
    shutil.copy(fixture_db, path)
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM meta WHERE key = 'search_index'")
    r = search(Atlas(path), "arf")
    assert not r and "make db" in r.hints[0]


def test_fixture_database_searches(fixture_db):
    from model.queries import Atlas

    atlas = Atlas(fixture_db)
    assert "arf" in search(atlas, "ARF").ids("forum")


# -- safety -----------------------------------------------------------------------------------------------
HOSTILE = ['"', '""', "'", "AND (", "foo-bar", "NEAR(", "NEAR(a b, 2)", "col:term", "title:arf", "{title}: arf",
           "*", "^", "^arf", "arf*", "-arf", "+", "(", ")", "()", "a OR", "OR", "NOT", "AND", "a AND NOT b",
           "\x00", "arf\x00cscap", "\ud800", "arf\udfff", "\ud83d\ude00", "😀", "\u202e", "\ue000m6b70",
           "x" * 10_000, "arf " * 3000, "a" * 300, ":" * 50, "track:", "member:", "year:..", "year:1..9999",
           "year:0", "year:99999", "kind:,", "member:,,,", 'member:"', 'track:"2', "\\", "%", "_", "'; DROP TABLE x;--",
           "\t\n\r", "\u3000", "ＡＲＦ", "İstanbul", "ß", "ﬁ", "é" * 50, "\u0301\u0301", "0", "0m", "x:y:z"]


def _check(atlas, ids, text) -> Results:
    r = search(atlas, text)
    assert isinstance(r, Results)
    for h in r.hits:
        if h.kind == "quote":
            assert atlas.citation(h.id) is not None
        else:
            assert h.id in ids[h.kind], (text, h)
        assert h.target in ids["any"], (text, h)
    return r


@pytest.fixture(scope="module")
def ids(atlas):
    out = atlas.ids()
    with_claims = dict(out, claim={c for f in atlas.forums() for c in (x.id for x in atlas.forum(f.id).claims)})
    with_claims["any"] = set().union(*out.values())
    return with_claims


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_safe(atlas, ids, text):
    _check(atlas, ids, text)


def test_what_reaches_fts5_is_always_quoted(atlas):
    searcher = s.searcher(atlas)
    seen = []
    real = searcher.con

    class Spy:
        def execute(self, sql, args=()):
            seen.append(args)
            return real.execute(sql, args)

    searcher.con = Spy()
    try:
        search(atlas, 'NEAR(arf cscap) OR "x" AND {title}: ^y col:term *')
    finally:
        searcher.con = real
    matches = [a[0] for a in seen if a and isinstance(a[0], str) and ":" in a[0]]
    assert matches
    for m in matches:  # outside string literals, only the syntax search itself writes
        bare = re.sub(r'"(?:[^"]|"")*"', " ", m)
        bare = bare.replace("{title aliases body context variants}", " ").replace("{title aliases variants}", " ")
        assert not re.search(r"[^\s():*]", re.sub(r"\b(facets|AND|OR)\b", " ", bare)), (m, bare)


words = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)
filters = st.sampled_from(["track:", "member:", "year:", "kind:", "author:", "status:", "col:", '"', "*", "(", ")",
                           "AND", "OR", "NOT", "NEAR(", "^", "-", "{title}:", "..", ",", "|", "kp", "2", "1993..1995",
                           "proposal", "fukushima", "arf", "nea", " ", "\x00", "\ud800"])
queries = st.one_of(words, st.lists(st.one_of(words, filters), max_size=8).map("".join),
                    st.lists(st.one_of(words, filters), max_size=8).map(" ".join))


@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=queries)
def test_any_text_is_safe_and_every_hit_exists(atlas, ids, text):
    _check(atlas, ids, text)


@settings(max_examples=300, deadline=None)
@given(text=words)
def test_parse_never_passes_syntax_through(text):
    q = parse(text)
    for toks, _ in q.words:
        assert all(t and all(ch.isalnum() for ch in t) for t in toks)


# -- the command line -------------------------------------------------------------------------------------
def _cli(*args):
    return subprocess.run([sys.executable, "-m", "forum_atlas", "search", *args], capture_output=True, text=True,
                          timeout=120)


def test_cli_exit_codes_and_json():
    done = _cli("La", "Jolla")
    assert done.returncode == 0, done.stderr
    assert "neacd-1993-10-meeting-1" in done.stdout
    done = _cli("zzqqxxv")
    assert done.returncode == 1 and "No matches" in done.stderr
    done = _cli("member:kp", "track:2", "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    forums = next(g for g in data["groups"] if g["kind"] == "forum")
    assert "cscap" in [h["id"] for h in forums["hits"]]
    done = _cli("track:9")
    assert done.returncode == 1 and "track:" in done.stderr and "Traceback" not in done.stderr


def test_cli_search_loads_no_qt():
    code = ("import sys; from forum_atlas.cli import main; rc = main(['search', 'arf']); "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
