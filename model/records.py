"""Plain, immutable records returned by the read API (model/queries.py)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from model import roles, vocabulary
from model.dates import PartialDate, event_date_text

TRACK_LABELS: dict[str | None, str] = {**dict(vocabulary.TRACKS.labels().items()), None: vocabulary.NO_TRACK}
AUTHOR_LABELS = vocabulary.PARTS.labels()
STATUS_LABELS = vocabulary.STATUSES.labels()


SCOPE_LABELS = {"asia-pacific": "Asia-Pacific", "east-asia": "East Asia", "northeast-asia": "Northeast Asia",
                "southeast-asia": "Southeast Asia", "korean-peninsula": "Korean Peninsula",
                "north-pacific": "North Pacific"}


AWAY = roles.AWAY


def takes_part(held: Collection[tuple[str, PartialDate | None, PartialDate | None]]) -> bool:
    """Does a participant with these (role, since, until) in one forum take part in it?

    Roles that mean staying out (absent, excluded, not a party, cool, opposed: model/roles.py) never
    count, and neither does a role that ended before a later absence began (the DPRK helped found the
    NEACD in July 1993, then stayed away).
    """
    away_starts = [since.start for role, since, _ in held if role in AWAY and since]
    return any(role not in AWAY and (until is None or not any(start > until.end for start in away_starts))
               for role, _, until in held)


def label(value: str | None) -> str:
    """'working-group' -> 'Working group'; place names keep their capitals; roles by their own labels."""
    if value in SCOPE_LABELS:
        return SCOPE_LABELS[value]
    if value in roles.BY_NAME:
        return roles.BY_NAME[value].label
    return (value or "none").replace("-", " ").capitalize()


@dataclass(frozen=True, slots=True)
class Citation:
    id: str
    author: str
    part: str
    section: str
    line: int
    quote: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ForumRow:
    id: str
    name: str
    acronym: str | None
    kind: str
    track: str | None
    scope: str
    status: str
    founded: PartialDate | None
    ended: PartialDate | None
    parent_id: str | None

    @property
    def year(self) -> str:
        """The founding year for a narrow column, no more precise than the paper: 1994, 1990s, c. 1990."""
        if not self.founded:
            return ""
        first = self.founded.first
        year = f"{first.year}s" if first.decade else str(first.year)
        return {"about": f"c. {year}", "before": f"before {year}", "after": f"after {year}"}.get(first.approx or "", year)


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    id: str
    name: str
    short_name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Delegate:
    """Who represents a membership: a ministry, an agency or an institute, with its own dates and citations."""

    participant_id: str
    participant_name: str
    since: PartialDate | None
    until: PartialDate | None
    note: str | None
    cites: tuple[str, ...] = ()
    data_note: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    forum_id: str
    forum_name: str
    participant_id: str
    participant_name: str
    role: str
    since: PartialDate | None
    until: PartialDate | None
    note: str | None
    cites: tuple[str, ...] = ()
    delegation: tuple[Delegate, ...] = ()
    data_note: str | None = None
    participant_kind: str = "state"

    @property
    def counts_as_member(self) -> bool:
        return roles.counts_as_member(self.role, self.participant_kind)


def members(memberships: Iterable[Membership]) -> list[str]:
    """The ids of the participants a forum counts as members (model/roles.py), in first-seen order.

    Delegations are never members; a founding state is, and stays counted if it later stays away.
    """
    return list(dict.fromkeys(m.participant_id for m in memberships if m.counts_as_member))


@dataclass(frozen=True, slots=True)
class Representation:
    """On an agency's page: a membership it represents (Japan's in the ARF, for the Foreign Ministry)."""

    forum_id: str
    forum_name: str
    member_id: str
    member_name: str
    role: str
    since: PartialDate | None
    until: PartialDate | None
    note: str | None
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    title: str
    kind: str
    date: PartialDate
    end: PartialDate | None
    place: str | None
    ordinal: int | None
    chair_id: str | None
    forums: tuple[str, ...]
    lo: int  # first day, proleptic ordinal
    hi: int  # last day

    def when(self) -> str:
        return event_date_text(self.date, self.end)


@dataclass(frozen=True, slots=True)
class Relation:
    from_id: str
    from_name: str
    to_id: str
    to_name: str
    kind: str
    note: str | None
    cites: tuple[str, ...] = ()
    data_note: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    forum_id: str
    author: str
    stance: str | None
    text: str
    cites: tuple[str, ...] = ()
    data_note: str | None = None


@dataclass(frozen=True, slots=True)
class Discrepancy:
    id: str
    note: str
    about: tuple[str, ...]
    cites: tuple[str, ...] = ()
    data_note: str | None = None


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    name: str
    role: str
    participant_id: str | None


@dataclass(frozen=True)
class ForumDetail:
    forum: ForumRow
    aliases: tuple[str, ...]
    summary: str
    note: str | None
    parent: ForumRow | None
    children: list[ForumRow]
    members: list[Membership]
    events: list[EventRow]
    relations: list[Relation]
    claims: list[Claim]
    people: list[PersonRow]
    discrepancies: list[Discrepancy]
    cites: tuple[str, ...]
    sources: list[Citation] = field(default_factory=list)  # every citation on the page, in note order
    data_note: str | None = None
    name_ja: str | None = None  # a translation made for the interface, not from the paper

    @property
    def member_ids(self) -> list[str]:
        return members(self.members)


@dataclass(frozen=True)
class EventDetail:
    event: EventRow
    summary: str | None
    note: str | None
    chair: ParticipantRow | None
    forums: list[ForumRow]
    participants: list[ParticipantRow]
    people: list[PersonRow]
    discrepancies: list[Discrepancy]
    cites: tuple[str, ...]
    sources: list[Citation] = field(default_factory=list)
    data_note: str | None = None


@dataclass(frozen=True)
class ParticipantDetail:
    participant: ParticipantRow
    note: str | None
    memberships: list[Membership]
    events: list[EventRow]
    people: list[PersonRow]
    sources: list[Citation] = field(default_factory=list)
    data_note: str | None = None
    represents: list[Representation] = field(default_factory=list)
    name_ja: str | None = None  # a translation made for the interface, not from the paper


@dataclass(frozen=True)
class PersonDetail:
    person: PersonRow
    note: str | None
    participant: ParticipantRow | None
    forums: list[ForumRow]
    events: list[EventRow]
    cites: tuple[str, ...]
    sources: list[Citation] = field(default_factory=list)
    data_note: str | None = None
