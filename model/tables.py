"""The SQLModel tables of the bundled reference database.

Dates are stored three ways: the YAML form (``founded``), and the first and last day of
their interval as proleptic ordinals (``founded_lo``/``founded_hi``) so that date-window
queries and ordering happen in SQL. Lists of short strings (aliases) are JSON text.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 3  # 2: delegations, data notes, variants; 3: Japanese names (translations)


class Meta(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str


class Source(SQLModel, table=True):
    id: str = Field(primary_key=True)
    title: str
    authors: str
    publisher: str
    series: str
    date: str
    file: str
    sha256: str
    as_of: str


class Participant(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    short_name: str
    kind: str
    aliases: str = "[]"
    variants: str = "[]"  # spellings damaged in scanning: searchable, never shown
    note: str | None = None
    data_note: str | None = None  # the curators' own note, shown only under "About this record"


class Forum(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    acronym: str | None = None
    aliases: str = "[]"
    variants: str = "[]"
    kind: str
    track: str | None = None
    scope: str
    status: str
    founded: str | None = None
    founded_lo: int | None = None
    founded_hi: int | None = None
    ended: str | None = None
    ended_lo: int | None = None
    ended_hi: int | None = None
    parent_id: str | None = Field(default=None, foreign_key="forum.id", index=True)
    summary: str
    note: str | None = None
    data_note: str | None = None


class Membership(SQLModel, table=True):
    id: int = Field(primary_key=True)
    forum_id: str = Field(foreign_key="forum.id", index=True)
    participant_id: str = Field(foreign_key="participant.id", index=True)
    role: str
    since: str | None = None
    until: str | None = None
    note: str | None = None
    data_note: str | None = None


class Delegation(SQLModel, table=True):
    """Who represents a membership (a ministry, an agency, an institute); not a member itself."""

    id: int = Field(primary_key=True)
    membership_id: int = Field(foreign_key="membership.id", index=True)
    participant_id: str = Field(foreign_key="participant.id", index=True)
    since: str | None = None
    until: str | None = None
    note: str | None = None
    data_note: str | None = None


class Event(SQLModel, table=True):
    id: str = Field(primary_key=True)
    title: str
    kind: str
    date: str
    lo: int = Field(index=True)
    hi: int
    end: str | None = None
    place: str | None = None
    ordinal: int | None = None
    chair_id: str | None = Field(default=None, foreign_key="participant.id")
    summary: str | None = None
    note: str | None = None
    data_note: str | None = None


class EventForum(SQLModel, table=True):
    event_id: str = Field(foreign_key="event.id", primary_key=True)
    forum_id: str = Field(foreign_key="forum.id", primary_key=True, index=True)


class EventParticipant(SQLModel, table=True):
    event_id: str = Field(foreign_key="event.id", primary_key=True)
    participant_id: str = Field(foreign_key="participant.id", primary_key=True, index=True)


class EventPerson(SQLModel, table=True):
    event_id: str = Field(foreign_key="event.id", primary_key=True)
    person_id: str = Field(foreign_key="person.id", primary_key=True, index=True)


class Person(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    variants: str = "[]"
    role: str
    participant_id: str | None = Field(default=None, foreign_key="participant.id")
    note: str | None = None
    data_note: str | None = None


class PersonForum(SQLModel, table=True):
    person_id: str = Field(foreign_key="person.id", primary_key=True)
    forum_id: str = Field(foreign_key="forum.id", primary_key=True, index=True)


class Relation(SQLModel, table=True):
    id: int = Field(primary_key=True)
    from_id: str = Field(foreign_key="forum.id", index=True)
    to_id: str = Field(foreign_key="forum.id", index=True)
    kind: str
    note: str | None = None
    data_note: str | None = None


class Claim(SQLModel, table=True):
    id: str = Field(primary_key=True)
    forum_id: str = Field(foreign_key="forum.id", index=True)
    author: str
    stance: str | None = None
    text: str
    data_note: str | None = None


class Discrepancy(SQLModel, table=True):
    id: str = Field(primary_key=True)
    note: str
    data_note: str | None = None


class DiscrepancyRecord(SQLModel, table=True):
    discrepancy_id: str = Field(foreign_key="discrepancy.id", primary_key=True)
    record_id: str = Field(primary_key=True, index=True)


class Citation(SQLModel, table=True):
    id: str = Field(primary_key=True)
    author: str
    part: str
    section: str
    line: int
    quote: str
    note: str | None = None


class CitationLink(SQLModel, table=True):
    """Which record a citation supports. ``record`` is 'forum', 'membership', 'delegation', 'event', ..."""

    citation_id: str = Field(foreign_key="citation.id", primary_key=True)
    record: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True, index=True)


class Era(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    start: str
    lo: int
    end: str
    hi: int


class Translation(SQLModel, table=True):
    """A participant's or forum's Japanese name: a translation made for the interface, not from the paper."""

    record_id: str = Field(primary_key=True)
    name_ja: str
    aliases_ja: str = "[]"  # other Japanese names it goes by: searchable, not shown
