"""Delegations: who represents a membership is part of it, never a member; from YAML to the window."""

from __future__ import annotations

import sqlite3

import pytest

from model import build
from model.loader import DataError, load
from model.queries import Atlas

MORE = """participants:
  - {id: mofa-x, name: Foreign Ministry of Japan, short_name: Japanese Foreign Ministry, kind: agency}
  - {id: jda-x, name: Japan Defense Agency, short_name: Defense Agency, kind: agency}
forums:
  - id: t1
    name: A forum with a delegation
    kind: dialogue
    scope: asia-pacific
    status: active
    summary: A test.
    cite: [{line: 84, quote: "Foremost among the official mechanisms"}]
    members:
      - participant: jp
        role: member
        cite: [{line: 84, quote: "Canada, China, Japan, Mongolia"}]
        delegation:
          - participant: mofa-x
            cite: [{line: 399, quote: "mainly through the Ministry of Foreign Affairs (MOFA)"}]
          - participant: jda-x
            since: "1996"
            note: From 1996.
            cite: [{line: 399, quote: "the Japan Defense Agency (JDA) since 1996"}]
"""


@pytest.fixture
def delegation_db(data_copy, tmp_path, paper):
    (data_copy / "more.yaml").write_text(MORE, encoding="utf-8")
    ds = load(data_copy, paper)
    return ds, build.build(ds, tmp_path / "d.sqlite")


def test_loader_reads_a_delegation_with_its_dates_and_citations(delegation_db):
    ds, _ = delegation_db
    japan = next(f for f in ds["forums"] if f["id"] == "t1")["members"][0]
    assert [(d["participant"], str(d["since"]) if d["since"] else None, d["note"]) for d in japan["delegation"]] == [
        ("mofa-x", None, None), ("jda-x", "1996", "From 1996.")]
    assert all(len(d["cite"]) == 1 for d in japan["delegation"])


@pytest.mark.parametrize("change, problem", [
    ("          - participant: mofa-x\n", "          - participant: us\n"),  # a state cannot represent
    ("            cite: [{line: 399, quote: \"mainly through the Ministry of Foreign Affairs (MOFA)\"}]\n", ""),
    ("          - participant: mofa-x\n", "          - participant: nobody\n"),
])
def test_loader_rejects_a_bad_delegation_with_file_and_line(data_copy, change, problem):
    (data_copy / "more.yaml").write_text(MORE.replace(change, problem, 1), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load(data_copy)
    expected = {"          - participant: us\n": "more.yaml:17: participant: 'us' is a state: a delegation is made "
                                                   "of agency or institute participants",
                "": "more.yaml:17: cite: required field is missing",
                "          - participant: nobody\n": "more.yaml:17: participant: unknown participant id 'nobody'"}
    assert exc.value.problems == [expected[problem]]


def test_an_agency_entry_cannot_carry_a_delegation(data_copy):
    text = MORE.replace("      - participant: jp\n        role: member\n",
                        "      - participant: mofa-x\n        role: host\n")
    (data_copy / "more.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load(data_copy)
    assert exc.value.problems[0] == ("more.yaml:13: delegation: 'mofa-x' is an agency: only a state or "
                                     "organisation's entry has a delegation")


def test_build_stores_delegations_linked_to_their_membership_and_citations(delegation_db):
    _, db = delegation_db
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT m.forum_id, m.participant_id, d.participant_id, d.since FROM delegation d "
                           "JOIN membership m ON m.id = d.membership_id ORDER BY d.id").fetchall()
        assert rows == [("t1", "jp", "mofa-x", None), ("t1", "jp", "jda-x", "1996")]
        cited = con.execute("SELECT c.line, c.quote FROM citationlink l JOIN citation c ON c.id = l.citation_id "
                            "WHERE l.record = 'delegation' ORDER BY c.quote").fetchall()
        assert cited == [(399, "mainly through the Ministry of Foreign Affairs (MOFA)"),
                         (399, "the Japan Defense Agency (JDA) since 1996")]
        # The agencies are no memberships of their own.
        assert con.execute("SELECT count(*) FROM membership WHERE participant_id IN ('mofa-x', 'jda-x')").fetchone() \
            == (0,)


def test_read_api_returns_the_delegation_and_counts_members_only(delegation_db):
    _, db = delegation_db
    atlas = Atlas(db)
    try:
        detail = atlas.forum("t1")
        assert [(m.participant_id, m.role) for m in detail.members] == [("jp", "member")]
        (japan,) = detail.members
        assert [(d.participant_id, d.participant_name, str(d.since) if d.since else None) for d in japan.delegation] \
            == [("mofa-x", "Japanese Foreign Ministry", None), ("jda-x", "Defense Agency", "1996")]
        assert atlas.member_count("t1") == 1
        # The page's source notes include the delegation's passages.
        assert {c.quote for c in detail.sources} >= {"mainly through the Ministry of Foreign Affairs (MOFA)",
                                                     "the Japan Defense Agency (JDA) since 1996"}
        (rep,) = atlas.participant("jda-x").represents
        assert (rep.forum_id, rep.member_id, rep.role, str(rep.since)) == ("t1", "jp", "member", "1996")
        assert atlas.participant("jda-x").memberships == []
    finally:
        atlas.close()


def _pane_text(window) -> str:
    return window.detail.toPlainText()


def test_detail_pane_shows_who_represents_a_member(qtbot, window):
    window.select("arf")
    text = _pane_text(window)
    japan = next(line for line in text.splitlines() if line.startswith("Japan"))
    assert "represented by Japanese Foreign Ministry (MOFA), Japan Defense Agency (JDA) (since 1996)" in text, japan
    assert "\nMembers\n22\n" in text
    assert "\nJapanese Foreign Ministry (MOFA)\n" not in text  # not a row of its own among the participants


def test_an_agency_page_shows_what_it_represents(qtbot, window):
    window.select("jda")
    text = _pane_text(window)
    assert "Represents" in text
    assert "\nRepresents\n5 forums\n" in text
    assert "\nASEAN Regional Forum\nJapan (member)\nsince 1996" in text
    assert "\nARF Senior Officials Meetings\nJapan (member)\n" in text
    assert "\nTakes part in\n1 forum\n" in text  # the forum it hosts itself
