"""JSON and CSV export of the reference database.

The JSON shape is a public contract (README, resources/export.schema.json); bump
EXPORT_VERSION whenever it changes.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from sqlmodel import Session, SQLModel, col, select

from model import atomic
from model import tables as t
from model.dates import PartialDate, event_date_text
from model.queries import Atlas

EXPORT_VERSION = 2  # 2: delegations, discrepancies, data notes, variants (README: "Export")


def _date(text: str | None) -> dict[str, str | None] | None:
    """A partial date as {date, end, qualifier, text}: ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    if not text:
        return None
    d = PartialDate.parse(text)
    return {"date": d.iso(), "end": d.end_iso(), "qualifier": d.qualifier(), "text": d.display()}


def _list(text: str) -> list[str]:
    names: list[str] = json.loads(text)
    return names


def to_dict(atlas: Atlas) -> dict[str, object]:
    s = atlas.session
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for link in s.exec(select(t.CitationLink)):
        links[(link.record, link.record_id)].append(link.citation_id)

    def cites(record: str, rid: str) -> list[str]:
        return sorted(links.get((record, rid), []))

    delegations: dict[int, list[dict[str, object]]] = defaultdict(list)
    for d in s.exec(select(t.Delegation).order_by(col(t.Delegation.id))):
        delegations[d.membership_id].append({
            "participant": d.participant_id, "since": _date(d.since), "until": _date(d.until), "note": d.note,
            "data_note": d.data_note, "citations": cites("delegation", str(d.id))})
    members: dict[str, list[dict[str, object]]] = defaultdict(list)
    for m in s.exec(select(t.Membership).order_by(col(t.Membership.id))):
        members[m.forum_id].append({
            "participant": m.participant_id, "role": m.role, "since": _date(m.since), "until": _date(m.until),
            "note": m.note, "data_note": m.data_note, "delegation": delegations.get(m.id, []),
            "citations": cites("membership", str(m.id))})
    about: dict[str, list[str]] = defaultdict(list)
    for did, rid in s.exec(select(t.DiscrepancyRecord.discrepancy_id, t.DiscrepancyRecord.record_id)):
        about[did].append(rid)
    event_links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for key, pairs in (("forums", s.exec(select(t.EventForum.event_id, t.EventForum.forum_id))),
                       ("participants",
                        s.exec(select(t.EventParticipant.event_id, t.EventParticipant.participant_id))),
                       ("people", s.exec(select(t.EventPerson.event_id, t.EventPerson.person_id)))):
        for eid, rid in pairs:
            event_links[eid][key].append(rid)
    person_forums: dict[str, list[str]] = defaultdict(list)
    for pid, fid in s.exec(select(t.PersonForum.person_id, t.PersonForum.forum_id)):
        person_forums[pid].append(fid)
    src = atlas.source
    return {
        "schema_version": EXPORT_VERSION,
        "data_version": atlas.meta.get("data_version"),
        "source": {"id": src.id, "title": src.title, "authors": src.authors, "publisher": src.publisher,
                   "series": src.series, "date": src.date, "as_of": src.as_of},
        "participants": [{"id": p.id, "name": p.name, "short_name": p.short_name, "kind": p.kind,
                          "aliases": _list(p.aliases), "variants": _list(p.variants), "note": p.note,
                          "data_note": p.data_note}
                         for p in s.exec(select(t.Participant).order_by(col(t.Participant.id)))],
        "forums": [{"id": f.id, "name": f.name, "acronym": f.acronym, "aliases": _list(f.aliases),
                    "variants": _list(f.variants), "kind": f.kind,
                    "track": f.track, "scope": f.scope, "status": f.status, "founded": _date(f.founded),
                    "ended": _date(f.ended), "parent": f.parent_id, "summary": f.summary, "note": f.note,
                    "data_note": f.data_note,
                    "memberships": members.get(f.id, []), "citations": cites("forum", f.id)}
                   for f in s.exec(select(t.Forum).order_by(col(t.Forum.id)))],
        "events": [{"id": e.id, "forums": sorted(event_links[e.id]["forums"]), "title": e.title, "kind": e.kind,
                    "date": PartialDate.parse(e.date).iso(), "end": _end_iso(e), "qualifier":
                    PartialDate.parse(e.date).qualifier(), "text": _when(e), "place": e.place, "ordinal": e.ordinal,
                    "chair": e.chair_id, "participants": sorted(event_links[e.id]["participants"]),
                    "people": sorted(event_links[e.id]["people"]), "summary": e.summary, "note": e.note,
                    "data_note": e.data_note,
                    "citations": cites("event", e.id)}
                   for e in s.exec(select(t.Event).order_by(col(t.Event.lo), col(t.Event.id)))],
        "people": [{"id": p.id, "name": p.name, "variants": _list(p.variants), "role": p.role,
                    "participant": p.participant_id, "forums": sorted(person_forums.get(p.id, [])), "note": p.note,
                    "data_note": p.data_note,
                    "citations": cites("person", p.id)}
                   for p in s.exec(select(t.Person).order_by(col(t.Person.id)))],
        "relations": [{"from": x.from_id, "to": x.to_id, "kind": x.kind, "note": x.note, "data_note": x.data_note,
                       "citations": cites("relation", str(x.id))}
                      for x in s.exec(select(t.Relation).order_by(col(t.Relation.id)))],
        "claims": [{"id": c.id, "author": c.author, "forum": c.forum_id, "stance": c.stance, "text": c.text,
                    "data_note": c.data_note, "citations": cites("claim", c.id)}
                   for c in s.exec(select(t.Claim).order_by(col(t.Claim.id)))],
        # Where the paper disagrees with itself: the note states both readings, which the atlas uses, and why;
        # each reading's passage is among the citations.
        "discrepancies": [{"id": d.id, "note": d.note, "data_note": d.data_note,
                           "records": [{"id": rid, "kind": atlas.kind_of(rid) or _kind(rid, s)}
                                       for rid in sorted(about.get(d.id, []))],
                           "citations": cites("discrepancy", d.id)}
                          for d in s.exec(select(t.Discrepancy).order_by(col(t.Discrepancy.id)))],
        "citations": [{"id": c.id, "author": c.author, "part": c.part, "section": c.section, "line": c.line,
                       "quote": c.quote}
                      for c in s.exec(select(t.Citation).order_by(col(t.Citation.line), col(t.Citation.id)))],
    }


def _kind(rid: str, s: Session) -> str:
    """The kind of a record kind_of does not name (a claim, another discrepancy)."""
    if s.get(t.Claim, rid) is not None:
        return "claim"
    return "discrepancy" if s.get(t.Discrepancy, rid) is not None else "record"


def _end_iso(e: t.Event) -> str | None:
    d = PartialDate.parse(e.end) if e.end else PartialDate.parse(e.date)
    return (d.last or d.first).iso() if (e.end or d.last) else None


def _when(e: t.Event) -> str:
    return event_date_text(PartialDate.parse(e.date), PartialDate.parse(e.end) if e.end else None)


def write_json(atlas: Atlas, out: TextIO) -> None:
    json.dump(to_dict(atlas), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(atlas: Atlas, folder: Path) -> list[Path]:
    """One CSV per table, every column of the database, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in SQLModel.metadata.sorted_tables:
        path = folder / f"{table.name}.csv"
        rows = atlas.session.exec(select(*table.columns)).all()
        with atomic.replacing(atomic.writable_target(path)) as tmp, tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.name for c in table.columns])
            writer.writerows(rows)
        written.append(path)
    return written
