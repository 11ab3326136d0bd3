"""The roles a participant can hold in a forum or a proposal: the one list, with each role's rule.

A forum is a record whose status is ``active`` or ``defunct``; a proposal is a forum record whose
status is ``proposed`` (it never came to be, so it has no members). The loader rejects a role not
allowed for the record's kind; the read API orders roles by ``ORDER``; the renderer and the briefing
pack's matrix take their labels and symbols from here. The definitions are repeated, in the same
words, in resources/data/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass

FORUM = "forum"
PROPOSAL = "proposal"


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    label: str
    symbol: str
    kinds: tuple[str, ...]  # FORUM and/or PROPOSAL
    definition: str
    away: bool = False  # the participant does not take part (absent, excluded, not a party, cool, opposed)
    agency: bool = False  # an agency may hold it itself (else an agency only represents, in a delegation)


ROLES: tuple[Role, ...] = (
    Role("founder", "Founder", "\u2605", (FORUM,),
         "Set the forum up: the paper says it founded, established, instituted, sponsored or organised its "
         "beginning. A founding state counts as a member; an organisation, institute or agency that set it "
         "up (a sponsor) does not.", agency=True),
    Role("proposer", "Proposer", "\u270e", (FORUM, PROPOSAL),
         "Put the idea forward: the paper says it proposed, suggested or initiated it.", agency=True),
    Role("chair", "Chair", "\u25c6", (FORUM,),
         "Chairs or chaired the forum itself (its committee, working group or study project), not merely "
         "some of its meetings: chairing one session is an event's chair.", agency=True),
    Role("co-chair", "Co-chair", "\u25c7", (FORUM,),
         "Chairs or chaired the forum itself jointly with another.", agency=True),
    Role("host", "Host", "\u2302", (FORUM,),
         "Hosted or organised the forum or one or more of its meetings: the paper says it hosted or organised "
         "them, or that a meeting was held in its territory.", agency=True),
    Role("funder", "Funder", "$", (FORUM,),
         "Gives or gave money for it: used only where the paper speaks of money (a contribution, a grant, "
         "funds, paying for supplies).", agency=True),
    Role("member", "Member", "\u25cf", (FORUM,),
         "Belongs to the forum, or takes part in it as a full participant. Who represents it (a ministry, "
         "an agency, an institute) is the membership's delegation, not another member."),
    Role("candidate", "Candidate", "\u25d4", (FORUM,),
         "Has applied, or is waiting, to become a member (the paper's \u201ccandidate member\u201d)."),
    Role("associate", "Associate", "\u25d0", (FORUM,),
         "An associate member: joined with less than full membership."),
    Role("dialogue-partner", "Dialogue partner", "\u25d1", (FORUM,),
         "Takes part as an ASEAN dialogue partner, not as a member."),
    Role("observer", "Observer", "\u25cb", (FORUM,),
         "Attends without being a member: observer or affiliate status, or invited to attend as a guest."),
    Role("private-capacity", "Private capacity", "\u25cc", (FORUM,),
         "Its people take part only as private individuals, not as its representatives.", agency=True),
    Role("absent", "Absent", "\u2205", (FORUM,),
         "Stayed away by its own choice: invited or expected, it did not come (the paper says absent, chose not "
         "to participate, preferred to wait, self-exclusionary).", away=True),
    Role("excluded", "Excluded", "\u2715", (FORUM,),
         "Kept out by others (the paper says excluded, barred, not invited, refused representation).",
         away=True),
    Role("not-party", "Not a party", "\u2013", (FORUM,),
         "Simply not a part of it, as the paper says, with no suggestion that it was kept out or stayed away.",
         away=True),
    Role("prospective", "Prospective participant", "\u2218", (PROPOSAL,),
         "Named by the proposal as one of those it would bring together."),
    Role("supporter", "Supporter", "\u271a", (PROPOSAL,),
         "Spoke for the proposal or backed it.", agency=True),
    Role("cool", "Cool", "\u2744", (PROPOSAL,),
         "Received the proposal coldly, did not take it up, or called it premature (the paper's \u201ccool\u201d, "
         "\u201creceived coldly\u201d, \u201cnot taken up\u201d, \u201cpremature\u201d), without rejecting it.",
         away=True, agency=True),
    Role("opposed", "Opposed", "\u2716", (PROPOSAL,),
         "Rejected the proposal: the paper says it rejected it.",
         away=True, agency=True),
)

BY_NAME: dict[str, Role] = {role.name: role for role in ROLES}
ORDER: tuple[str, ...] = tuple(role.name for role in ROLES)
AWAY: tuple[str, ...] = tuple(role.name for role in ROLES if role.away)
SYMBOLS: dict[str, str] = {role.name: role.symbol for role in ROLES}
# Participant kinds that may hold a membership of their own, and those that may only represent one.
MEMBER_KINDS = ("state", "territory", "organisation", "institute", "group")
DELEGATE_KINDS = ("agency", "institute")
# Founders that count as members: states, not the organisations, institutes or agencies that sponsor a forum.
FOUNDING_MEMBER_KINDS = ("state", "territory")


def record_kind(status: str) -> str:
    """'proposal' for a forum record that never came to be, else 'forum'."""
    return PROPOSAL if status == "proposed" else FORUM


def allowed(kind: str) -> tuple[str, ...]:
    """The roles a record of this kind ('forum' or 'proposal') may hold, in order."""
    return tuple(role.name for role in ROLES if kind in role.kinds)


def rank(role: str) -> int:
    return ORDER.index(role) if role in ORDER else len(ORDER)


def label(role: str) -> str:
    return BY_NAME[role].label if role in BY_NAME else role


def counts_as_member(role: str, participant_kind: str) -> bool:
    """Does this role make its holder one of the forum's members (for member counts)?"""
    return role == "member" or (role == "founder" and participant_kind in FOUNDING_MEMBER_KINDS)
