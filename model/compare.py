"""Two to four forums, or two to four participants, side by side: key facts row by row, then who takes
part in which (forums) or which forums each is in (participants), with the rows that differ flagged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from model import records as r
from model import roles, vocabulary

if TYPE_CHECKING:
    from model.queries import Atlas

MIN, MAX = 2, 4


class CompareError(ValueError):
    """Not something that can be compared; the message says what would be."""


@dataclass
class Row:
    label: str
    values: list[str]
    record: str | None = None  # the participant or forum the row is about
    section: str = "facts"  # "facts", "judgements", "members" or "forums"
    cites: list[list[str]] = field(default_factory=list)  # each value's citations (ids), for a printed sheet

    @property
    def differs(self) -> bool:
        return len({v.strip() for v in self.values}) > 1


@dataclass
class Comparison:
    kind: str  # "forum" or "participant"
    ids: list[str]
    titles: list[str]
    rows: list[Row] = field(default_factory=list)
    sources: list[r.Citation] = field(default_factory=list)  # every citation the rows name


def _roles_text(held: list[str]) -> str:
    return ", ".join(roles.label(x) for x in sorted(set(held), key=roles.rank))


def _presence(held: list[str]) -> str:
    """What a member row says: the roles, or that the participant is not there at all."""
    return _roles_text(held) if held else "\u2014 not recorded"


def compare(atlas: Atlas, ids: list[str]) -> Comparison:
    ids = list(dict.fromkeys(i for i in ids if i))
    kinds = {atlas.kind_of(i) for i in ids}
    if not MIN <= len(ids) <= MAX:
        raise CompareError(f"Compare needs {MIN} to {MAX} forums or participants; {len(ids)} given.")
    if kinds == {"forum"}:
        return _forums(atlas, ids)
    if kinds == {"participant"}:
        return _participants(atlas, ids)
    raise CompareError("Compare forums with forums, or participants with participants, not a mixture.")


def _sources(details: Sequence[r.ForumDetail | r.ParticipantDetail]) -> list[r.Citation]:
    return list({c.id: c for d in details for c in d.sources}.values())


def _forums(atlas: Atlas, ids: list[str]) -> Comparison:
    details = [d for d in map(atlas.forum, ids) if d is not None]  # all there: compare() asked their kinds
    out = Comparison("forum", ids, [d.forum.acronym or d.forum.name for d in details], sources=_sources(details))
    facts: tuple[tuple[str, Callable[[r.ForumDetail], str]], ...] = (
        ("Name", lambda d: d.forum.name),
        ("Track", lambda d: r.TRACK_LABELS.get(d.forum.track, "")),
        ("Kind", lambda d: r.label(d.forum.kind)),
        ("Scope", lambda d: r.label(d.forum.scope)),
        ("Founded", lambda d: d.forum.founded.display() if d.forum.founded else "not dated"),
        ("Ended", lambda d: d.forum.ended.display() if d.forum.ended else "\u2014"),
        ("Status in 1999", lambda d: r.STATUS_LABELS.get(d.forum.status, d.forum.status)),
        ("Members", lambda d: str(len(r.members(d.members)))),
        # how many, not their ids: each is a paragraph, which its record's page gives in full
        ("Disputed", lambda d: f"{len(d.discrepancies)}, on its page" if d.discrepancies else "\u2014"))
    cited = {"Name": [list(d.cites) for d in details]}  # what the record as a whole rests on
    out.rows += [Row(label, [get(d) for d in details], cites=cited.get(label, [])) for label, get in facts]
    for author in vocabulary.AUTHORS:
        values, cites = [], []
        for d in details:
            said = [c for c in d.claims if c.author == author.name]
            values.append(" / ".join(f"{c.stance + ': ' if c.stance else ''}{c.text}" for c in said) or "\u2014")
            cites.append([x for c in said for x in c.cites])
        out.rows.append(Row(author.label, values, section="judgements", cites=cites))
    held: dict[str, list[list[str]]] = {}
    cites_of: dict[str, list[list[str]]] = {}
    names: dict[str, str] = {}
    for n, d in enumerate(details):
        for m in d.members:
            held.setdefault(m.participant_id, [[] for _ in ids])[n].append(m.role)
            cites_of.setdefault(m.participant_id, [[] for _ in ids])[n] += m.cites
            names[m.participant_id] = m.participant_name
    for pid in sorted(held, key=lambda p: names[p].lower()):
        out.rows.append(Row(names[pid], [_presence(h) for h in held[pid]], pid, "members", cites_of[pid]))
    return out


def _participants(atlas: Atlas, ids: list[str]) -> Comparison:
    details = [d for d in map(atlas.participant, ids) if d is not None]  # all there, as in _forums
    out = Comparison("participant", ids, [d.participant.short_name for d in details], sources=_sources(details))
    out.rows += [Row("Name", [d.participant.name for d in details]),
                 Row("Kind", [r.label(d.participant.kind) for d in details]),
                 Row("Forums", [str(len({m.forum_id for m in d.memberships if m.role not in r.AWAY}))
                                for d in details])]
    held: dict[str, list[list[str]]] = {}
    cites_of: dict[str, list[list[str]]] = {}
    names: dict[str, str] = {}
    for n, d in enumerate(details):
        for m in d.memberships:
            held.setdefault(m.forum_id, [[] for _ in ids])[n].append(m.role)
            cites_of.setdefault(m.forum_id, [[] for _ in ids])[n] += m.cites
            names[m.forum_id] = m.forum_name
    for fid in sorted(held, key=lambda f: names[f].lower()):
        out.rows.append(Row(names[fid], [_presence(h) for h in held[fid]], fid, "forums", cites_of[fid]))
    return out
