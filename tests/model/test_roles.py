"""The role definitions (model/roles.py): each role's rule, as the loader, the counts and the README apply it."""

from __future__ import annotations

import re

import pytest
from helpers import REAL_DATA

from model import roles
from model.dates import PartialDate
from model.loader import DataError, load
from model.records import takes_part

FORUM = """forums:
  - id: t1
    name: Test {status}
    kind: dialogue
    scope: asia-pacific
    status: {status}
    summary: A test.
    cite: [{{line: 84, quote: "Foremost among the official mechanisms"}}]
    members:
      - {{participant: {who}, role: {role}, cite: [{{line: 84, quote: "Canada, China, Japan, Mongolia"}}]}}
"""
AGENCY = "  - {id: mofa-x, name: A foreign ministry, kind: agency}\n"


def _load(data_copy, status: str, role: str, who: str = "cn"):
    text = FORUM.format(status=status, role=role, who=who)
    if who == "mofa-x":
        text = "participants:\n" + AGENCY + text
    (data_copy / "bad.yaml").write_text(text, encoding="utf-8")
    return load(data_copy)


def _problems(data_copy, status: str, role: str, who: str = "cn") -> list[str]:
    with pytest.raises(DataError) as exc:
        _load(data_copy, status, role, who)
    return exc.value.problems


@pytest.mark.parametrize("role", roles.allowed(roles.FORUM))
def test_every_forum_role_loads_on_a_forum(data_copy, role):
    ds = _load(data_copy, "active", role)
    assert [m["role"] for m in next(f for f in ds["forums"] if f["id"] == "t1")["members"]] == [role]


@pytest.mark.parametrize("role", roles.allowed(roles.PROPOSAL))
def test_every_proposal_role_loads_on_a_proposal(data_copy, role):
    ds = _load(data_copy, "proposed", role)
    assert [m["role"] for m in next(f for f in ds["forums"] if f["id"] == "t1")["members"]] == [role]


@pytest.mark.parametrize("role", sorted(set(roles.ORDER) - set(roles.allowed(roles.PROPOSAL))))
def test_a_proposal_cannot_have_members_or_forum_roles(data_copy, role):
    assert _problems(data_copy, "proposed", role) == [
        f"bad.yaml:10: role: {role!r} is not a role in a proposal (status proposed); use one of: "
        + ", ".join(roles.allowed(roles.PROPOSAL))]


@pytest.mark.parametrize("role", sorted(set(roles.ORDER) - set(roles.allowed(roles.FORUM))))
def test_a_forum_cannot_have_proposal_only_roles(data_copy, role):
    assert _problems(data_copy, "active", role)[0].startswith(f"bad.yaml:10: role: {role!r} is not a role in a forum")


@pytest.mark.parametrize("role", [r.name for r in roles.ROLES if roles.FORUM in r.kinds])
def test_an_agency_only_holds_the_roles_it_may_hold_itself(data_copy, role):
    if roles.BY_NAME[role].agency:
        _load(data_copy, "active", role, who="mofa-x")  # founding, hosting, funding, chairing: its own acts
    else:
        assert _problems(data_copy, "active", role, who="mofa-x") == [
            f"bad.yaml:12: participant: 'mofa-x' is an agency: it cannot be {role!r} itself; list it in the "
            "delegation of the state or organisation it represents"]


def test_member_counts_count_members_and_founding_states_only():
    assert roles.counts_as_member("member", "state")
    assert roles.counts_as_member("member", "institute")  # a track-two body's member institute
    assert roles.counts_as_member("founder", "state")
    assert not roles.counts_as_member("founder", "institute")  # IGCC set up the NEACD; it is not a member
    assert not roles.counts_as_member("founder", "organisation")  # the UN centre sponsors the Kathmandu process
    assert not roles.counts_as_member("founder", "agency")
    for role in set(roles.ORDER) - {"member", "founder"}:
        assert not roles.counts_as_member(role, "state"), role


def test_staying_out_is_never_taking_part():
    y = PartialDate.parse
    for role in roles.AWAY:
        assert not takes_part([(role, None, None)]), role
    assert set(roles.AWAY) == {"absent", "excluded", "not-party", "cool", "opposed"}
    for role in set(roles.ORDER) - set(roles.AWAY):
        assert takes_part([(role, None, None)]), role
    # A founder that stayed away afterwards (the DPRK and the NEACD) no longer takes part.
    assert not takes_part([("founder", y("1993-07"), y("1993-07")), ("absent", y("1993-10"), None)])
    assert takes_part([("absent", y("1995-04"), y("1995-04")), ("member", y("1997-01"), None)])


def test_the_readme_defines_every_role_in_the_modules_words():
    text = (REAL_DATA / "README.md").read_text(encoding="utf-8")
    for role in roles.ROLES:
        row = re.search(rf"^\| `{re.escape(role.name)}` \| (.+?) \| (.+?) \| (.+?) \|$", text, re.MULTILINE)
        assert row, f"README has no row for {role.name}"
        assert row.groups() == (role.symbol, " and ".join(k + "s" for k in role.kinds), role.definition)


def test_the_real_member_counts(atlas):
    # ARF: line 84's roster names twenty-one distinct members (Vietnam twice) and says twenty-two; line 144 names
    # India a member. Its ministries and agencies are delegations, not members.
    assert atlas.member_count("arf") == 22
    assert atlas.member_count("neacd") == 6  # the six countries of line 427, the absent DPRK among them
    arf = atlas.forum("arf")
    assert {"mofa-jp", "jda", "us-state", "us-dod"}.isdisjoint(arf.member_ids)
    assert {"mofa-jp", "jda", "us-state", "us-dod"}.isdisjoint(m.participant_id for m in arf.members)
    neacd = atlas.forum("neacd")
    assert "kp" in neacd.member_ids and "igcc" not in neacd.member_ids
    assert {"us-state", "us-dod", "us-jcs"}.isdisjoint(m.participant_id for m in neacd.members)


def test_no_agency_holds_a_membership_in_the_real_data(atlas):
    kinds = {p.id: p.kind for p in atlas.participants()}
    for m in atlas.memberships():
        if kinds[m.participant_id] == "agency":
            assert roles.BY_NAME[m.role].agency, (m.forum_id, m.participant_id, m.role)


def test_member_filter_counts_members_only(atlas):
    from model.search import search

    assert search(atlas, "member:jda").ids("forum") == ["jda-defense-forum"]  # it hosts that forum itself
    arf_hits = search(atlas, "member:jp ARF").ids("forum")
    assert "arf" in arf_hits  # Japan, whose delegation is the ministry and the agency
    assert "arf" not in search(atlas, "member:mofa-jp ARF").ids("forum")
