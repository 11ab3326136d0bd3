"""The read API over the bundled database, through SQLModel, returning plain records.

The database is opened read-only and immutable, so it works from a read-only folder and
never leaves a journal behind. A missing, damaged or wrong-version file raises
:class:`DatabaseUnavailable`, whose message is fit to show a user.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, col, create_engine, select

from model import paths, roles, vocabulary
from model import records as r
from model import tables as t
from model.dates import PartialDate

GROUPINGS = ("track", "kind", "scope", "status", "participant")
_TRACK_ORDER = {"1": 0, "1.5": 1, "2": 2, None: 3}
_STATUS_ORDER = {"active": 0, "defunct": 1, "proposed": 2}


class DatabaseUnavailable(Exception):
    """The reference database cannot be used; the message says why in plain words."""


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only and immutable, checking that it is our database, intact and current."""
    if not path.is_file():
        raise DatabaseUnavailable(f"The reference database is missing: {path}\n"
                                  "Build it with `make db` (or `forum-atlas build`).")
    try:  # the OS's own reason (permissions, a locked file) rather than SQLite's "unable to open"
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise DatabaseUnavailable(f"The reference database cannot be opened ({exc.strerror or exc}): {path}\n"
                                  "Check that this user may read it.") from None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                              check_same_thread=False)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        ok = con.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
            raise DatabaseUnavailable(f"The reference database cannot be opened ({exc}): {path}\n"
                                      "Check that this user may read it.") from None
        raise DatabaseUnavailable(f"The reference database is damaged and cannot be read: {path}\n"
                                  f"({exc}). Rebuild it with `make db`.") from None
    if ok != "ok":
        con.close()
        raise DatabaseUnavailable(f"The reference database failed its integrity check: {path}\n"
                                  "Rebuild it with `make db`.")
    if version == 0:  # an empty file, or some other SQLite file: ours always carry a schema version
        con.close()
        raise DatabaseUnavailable(f"This is not a Forum Atlas database (it has no schema version): {path}\n"
                                  "Rebuild it with `make db`.")
    if version != t.SCHEMA_VERSION:
        con.close()
        raise DatabaseUnavailable(f"The reference database has schema version {version}, but this version of "
                                  f"Forum Atlas reads version {t.SCHEMA_VERSION}: {path}\nRebuild it with `make db`.")
    missing = sorted(set(SQLModel.metadata.tables) - {row[0] for row in con.execute("SELECT name FROM sqlite_master")})
    if missing:  # the right version stamp, but not the tables it stands for: damage, not a crash later
        con.close()
        raise DatabaseUnavailable(f"The reference database is damaged: {path}\n(it lacks the table "
                                  f"{', '.join(missing)}). Rebuild it with `make db`.")
    return con


class Atlas:
    """The reference data. Build once; every method returns plain records."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path or paths.database())
        self.connection = connect_readonly(self.path)
        engine = create_engine("sqlite://", creator=lambda: self.connection, poolclass=StaticPool)
        self.session = Session(engine)
        try:
            self._load_small_tables()
        except Exception as exc:  # a file with our version stamp but the wrong tables
            raise DatabaseUnavailable(f"The reference database is damaged: {self.path}\n({exc})") from None

    def _load_small_tables(self) -> None:
        """Forums, participants and people are used everywhere: keep their rows in memory. Read as columns, not
        ORM objects (a million forums at 10,000x); their notes are read with their detail."""
        s = self.session
        aliases: dict[str, tuple[str, ...]] = {}

        def names(text: str) -> tuple[str, ...]:
            if text not in aliases:
                aliases[text] = tuple(json.loads(text))
            return aliases[text]

        f, p, q = t.Forum, t.Participant, t.Person
        self._forums = {fid: r.ForumRow(fid, name, acronym, kind, track, scope, status, _date(founded), _date(ended),
                                        parent)
                        for fid, name, acronym, kind, track, scope, status, founded, ended, parent
                        in self._columns(f.id, f.name, f.acronym, f.kind, f.track, f.scope, f.status, f.founded,
                                         f.ended, f.parent_id)}
        self._participants = {pid: r.ParticipantRow(pid, name, short, kind, names(known))
                              for pid, name, short, kind, known
                              in self._columns(p.id, p.name, p.short_name, p.kind, p.aliases)}
        self._people = {pid: r.PersonRow(pid, name, role, participant)
                        for pid, name, role, participant in s.exec(select(q.id, q.name, q.role, q.participant_id))}
        self._sorted: dict[str, list[Any]] = {}  # the orders forums(), participants() and people() give, made once
        self.meta = {m.key: m.value for m in s.exec(select(t.Meta))}
        self._names_ja = {x.record_id: (x.name_ja, *json.loads(x.aliases_ja)) for x in s.exec(select(t.Translation))}
        self._forum_details: dict[str, r.ForumDetail | None] = {}
        self.source = s.exec(select(t.Source)).one()

    def _columns(self, *columns: Any) -> Iterable[tuple[Any, ...]]:
        """Rows of these columns as plain tuples, no ORM object per row (a million forums at 10,000x)."""
        return self.session.exec(_select(*columns))  # type: ignore[no-any-return]

    def names_ja(self) -> dict[str, tuple[str, ...]]:
        """Record id -> its Japanese names, the one shown first: translations made for the interface, not from
        the paper."""
        return dict(self._names_ja)

    def warm(self) -> None:
        """Read the citation links every detail page needs and compile the detail's queries, by building one
        forum's detail: the window does this on its loading thread, so that the first record clicked shows as
        quickly as the next."""
        forums = self.forums()
        if forums:
            self.forum(forums[0].id)

    def close(self) -> None:
        self.session.close()
        self.connection.close()

    # -- lookups ---------------------------------------------------------------------
    def kind_of(self, rid: str) -> str | None:
        if rid in self._forums:
            return "forum"
        if rid in self._participants:
            return "participant"
        if rid in self._people:
            return "person"
        if self.session.get(t.Event, rid) is not None:
            return "event"
        return None

    def name_of(self, rid: str) -> str:
        """The name to show for any record: a participant's short name ("North Korea")."""
        if rid in self._participants:
            return self._participants[rid].short_name
        for table in (self._forums, self._people):
            if rid in table:
                return table[rid].name
        event = self.session.get(t.Event, rid)
        return event.title if event else rid

    def forums(self) -> list[r.ForumRow]:
        return list(self._in_order("forum", self._forums.values(), _forum_order))

    def forum_row(self, fid: str) -> r.ForumRow | None:
        return self._forums.get(fid)

    def participants(self) -> list[r.ParticipantRow]:
        return list(self._in_order("participant", self._participants.values(), lambda p: p.short_name.lower()))

    def people(self) -> list[r.PersonRow]:
        return list(self._in_order("person", self._people.values(), lambda p: p.name))

    def _in_order(self, kind: str, rows: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
        """``rows`` sorted by ``key``, sorted once: the data never changes while open (seconds at 10,000x)."""
        if kind not in self._sorted:
            self._sorted[kind] = sorted(rows, key=key)
        return self._sorted[kind]

    def ids(self) -> dict[str, set[str]]:
        return {"forum": set(self._forums), "participant": set(self._participants), "person": set(self._people),
                "event": set(self.session.exec(select(t.Event.id)))}

    def counts(self) -> dict[str, int]:
        s = self.session
        return {"forums": len(self._forums), "participants": len(self._participants),
                "memberships": len(s.exec(select(t.Membership.id)).all()),
                "delegations": len(s.exec(select(t.Delegation.id)).all()),
                "events": len(s.exec(select(t.Event.id)).all()), "people": len(self._people),
                "relations": len(s.exec(select(t.Relation.id)).all()), "claims": len(s.exec(select(t.Claim.id)).all()),
                "discrepancies": len(s.exec(select(t.Discrepancy.id)).all()),
                "citations": len(s.exec(select(t.Citation.id)).all())}

    def memberships(self, forum_id: str | None = None, participant_id: str | None = None) -> list[r.Membership]:
        q = select(t.Membership)
        if forum_id:
            q = q.where(t.Membership.forum_id == forum_id)
        if participant_id:
            q = q.where(t.Membership.participant_id == participant_id)
        rows = self.session.exec(q).all()
        cites = self._cites("membership", [str(m.id) for m in rows])
        delegations = self._delegations([m.id for m in rows])
        out = [r.Membership(m.forum_id, self._forums[m.forum_id].name, m.participant_id,
                            self._participants[m.participant_id].short_name, m.role, _date(m.since),
                            _date(m.until), m.note, cites.get(str(m.id), ()), delegations.get(m.id, ()), m.data_note,
                            self._participants[m.participant_id].kind) for m in rows]
        return sorted(out, key=lambda m: (roles.rank(m.role), m.participant_name.lower(), m.forum_name.lower()))

    def _delegations(self, membership_ids: list[int]) -> dict[int, tuple[r.Delegate, ...]]:
        """membership id -> who represents it, in file order."""
        rows: list[t.Delegation] = []
        for chunk in range(0, len(membership_ids), 900):
            part = membership_ids[chunk:chunk + 900]
            rows += self.session.exec(select(t.Delegation).where(col(t.Delegation.membership_id).in_(part))
                                      .order_by(col(t.Delegation.id))).all()
        cites = self._cites("delegation", [str(d.id) for d in rows])
        out: dict[int, list[r.Delegate]] = defaultdict(list)
        for d in rows:
            out[d.membership_id].append(r.Delegate(d.participant_id, self._participants[d.participant_id].short_name,
                                                   _date(d.since), _date(d.until), d.note, cites.get(str(d.id), ()),
                                                   d.data_note))
        return {k: tuple(v) for k, v in out.items()}

    def member_count(self, fid: str) -> int:
        """How many members a forum has: states and organisations, never the agencies that represent them."""
        return len(r.members(self.memberships(forum_id=fid)))

    def represents(self, pid: str) -> list[r.Representation]:
        """The memberships a ministry, agency or institute represents, by forum."""
        s = self.session
        rows = s.exec(select(t.Delegation, t.Membership).where(t.Delegation.participant_id == pid)
                      .where(t.Delegation.membership_id == t.Membership.id)).all()
        cites = self._cites("delegation", [str(d.id) for d, _ in rows])
        out = [r.Representation(m.forum_id, self._forums[m.forum_id].name, m.participant_id,
                                self._participants[m.participant_id].short_name, m.role, _date(d.since),
                                _date(d.until), d.note, cites.get(str(d.id), ())) for d, m in rows]
        return sorted(out, key=lambda x: (x.forum_name.lower(), roles.rank(x.role)))

    # -- groupings for the tree and the timeline --------------------------------------
    def grouped(self, by: str) -> list[tuple[str, list[r.ForumRow]]]:
        """Top-level groups of forums: [(label, forums)], in a stable, meaningful order.

        The tree nests a sub-body under its parent when both fall in the same group.
        For 'participant', a forum appears under each participant it involves.
        """
        if by not in GROUPINGS:
            raise ValueError(f"unknown grouping {by!r}")
        forums = self.forums()
        if by == "participant":
            by_participant: dict[str, list[r.ForumRow]] = defaultdict(list)
            for m in self.memberships():
                row = self._forums[m.forum_id]
                if row not in by_participant[m.participant_id]:
                    by_participant[m.participant_id].append(row)
            return [(p.short_name, sorted(by_participant[p.id], key=_forum_order))
                    for p in self.participants() if by_participant.get(p.id)]
        key: Callable[[r.ForumRow], int | str] = {
            "track": lambda f: _TRACK_ORDER[f.track], "status": lambda f: _STATUS_ORDER[f.status],
            "kind": lambda f: f.kind, "scope": lambda f: f.scope}[by]
        title: Callable[[r.ForumRow], str] = {
            "track": lambda f: r.TRACK_LABELS[f.track], "status": lambda f: r.STATUS_LABELS[f.status],
            "kind": lambda f: r.label(f.kind), "scope": lambda f: r.label(f.scope)}[by]
        groups: dict[int | str, tuple[str, list[r.ForumRow]]] = {}
        for f in forums:  # each forum by its own value: a defunct study project of an active dialogue is defunct
            groups.setdefault(key(f), (title(f), []))[1].append(f)
        return [groups[k] for k in sorted(groups)]

    def roles_by_participant(self) -> dict[str, dict[str, list[str]]]:
        """participant id -> forum id -> its roles there (for the tree's participant filter)."""
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for m in self.session.exec(select(t.Membership)):
            out[m.participant_id][m.forum_id].append(m.role)
        return out

    # -- events -------------------------------------------------------------------------
    def events(self, lo: int | None = None, hi: int | None = None,
               forum_ids: set[str] | None = None) -> list[r.EventRow]:
        """Events in date order; optionally those overlapping the day window [lo, hi] or of some forums."""
        q = _select(*_EVENT_COLUMNS)
        if lo is not None:
            q = q.where(t.Event.hi >= lo)
        if hi is not None:
            q = q.where(t.Event.lo <= hi)
        if forum_ids is not None:
            q = q.where(col(t.Event.id).in_(select(t.EventForum.event_id)
                                            .where(col(t.EventForum.forum_id).in_(forum_ids))))
        return self._event_rows(self.session.exec(q).all())

    def _event_rows(self, rows: Sequence[Any]) -> list[r.EventRow]:
        """Rows of events (objects or _EVENT_COLUMNS) as records, with their forums, in date order."""
        links: dict[str, list[str]] = defaultdict(list)
        ids = [e.id for e in rows]
        link = t.EventForum
        if len(ids) > 9000:  # most of them (1.4 million at 10,000x): every link in one read, not a thousand
            wanted = set(ids)
            for eid, fid in self.session.exec(select(link.event_id, link.forum_id)):
                if eid in wanted:
                    links[eid].append(fid)
        else:
            for chunk in range(0, len(ids), 900):
                for eid, fid in self.session.exec(select(link.event_id, link.forum_id)
                                                  .where(col(link.event_id).in_(ids[chunk:chunk + 900]))):
                    links[eid].append(fid)
        out = [r.EventRow(e.id, e.title, e.kind, PartialDate.parse(e.date), _date(e.end), e.place, e.ordinal,
                          e.chair_id, tuple(links.get(e.id, ())), e.lo, e.hi) for e in rows]
        return sorted(out, key=lambda e: (_date_key(e.date), e.id))

    def eras(self) -> list[tuple[str, str, int, int]]:
        return [(e.id, e.name, e.lo, e.hi) for e in self.session.exec(select(t.Era).order_by(col(t.Era.lo)))]

    # -- details ----------------------------------------------------------------------------
    def forum(self, fid: str) -> r.ForumDetail | None:
        # The data never changes while open, so a detail is built once (printing a pack asks twice).
        if fid not in self._forum_details:
            self._forum_details[fid] = self._forum(fid)
        return self._forum_details[fid]

    def _forum(self, fid: str) -> r.ForumDetail | None:
        row = self._forums.get(fid)
        if row is None:
            return None
        s = self.session
        f = t.Forum
        known, summary, note, data_note = s.exec(select(f.aliases, f.summary, f.note, f.data_note)
                                                 .where(f.id == fid)).one()
        relations = []
        rel_rows = s.exec(select(t.Relation).where((t.Relation.from_id == fid) | (t.Relation.to_id == fid))).all()
        rel_cites = self._cites("relation", [str(x.id) for x in rel_rows])
        for x in rel_rows:
            relations.append(r.Relation(x.from_id, self._forums[x.from_id].name, x.to_id, self._forums[x.to_id].name,
                                        x.kind, x.note, rel_cites.get(str(x.id), ()), x.data_note))
        claim_rows = s.exec(select(t.Claim).where(t.Claim.forum_id == fid)).all()
        claim_cites = self._cites("claim", [c.id for c in claim_rows])
        claims = [r.Claim(c.id, c.forum_id, c.author, c.stance, c.text, claim_cites.get(c.id, ()), c.data_note)
                  for c in claim_rows]
        claims.sort(key=lambda c: (vocabulary.AUTHORS.order(c.author), c.id))
        people_ids = s.exec(select(t.PersonForum.person_id).where(t.PersonForum.forum_id == fid)).all()
        detail = r.ForumDetail(
            forum=row, aliases=tuple(json.loads(known)), summary=summary, note=note,
            parent=self._forums.get(row.parent_id) if row.parent_id else None,
            children=sorted((self._forums[c] for c in s.exec(select(f.id).where(f.parent_id == fid))),
                            key=_forum_order),
            members=self.memberships(forum_id=fid), events=self.events(forum_ids={fid}), relations=relations,
            claims=claims, people=[self._people[p] for p in sorted(people_ids)],
            discrepancies=self._discrepancies(fid), cites=self._cites("forum", [fid]).get(fid, ()), data_note=data_note,
            name_ja=self._names_ja.get(fid, (None,))[0])
        return _with_sources(self, detail, [detail.cites, *(c for m in detail.members for c in _membership_cites(m)),
                                            *(x.cites for x in relations), *(c.cites for c in claims),
                                            *(d.cites for d in detail.discrepancies)])

    def event(self, eid: str) -> r.EventDetail | None:
        e = self.session.get(t.Event, eid)
        if e is None:
            return None
        row = self._event_rows([e])[0]
        pids = self.session.exec(select(t.EventParticipant.participant_id).where(
            t.EventParticipant.event_id == eid)).all()
        people = self.session.exec(select(t.EventPerson.person_id).where(t.EventPerson.event_id == eid)).all()
        detail = r.EventDetail(
            event=row, summary=e.summary, note=e.note, chair=self._participants.get(e.chair_id or ""),
            forums=[self._forums[f] for f in row.forums], participants=[self._participants[p] for p in sorted(pids)],
            people=[self._people[p] for p in sorted(people)], discrepancies=self._discrepancies(eid),
            cites=self._cites("event", [eid]).get(eid, ()), data_note=e.data_note)
        return _with_sources(self, detail, [detail.cites, *(d.cites for d in detail.discrepancies)])

    def participant(self, pid: str) -> r.ParticipantDetail | None:
        row = self._participants.get(pid)
        if row is None:
            return None
        s = self.session
        eids = set(s.exec(select(t.EventParticipant.event_id).where(t.EventParticipant.participant_id == pid)))
        eids |= set(s.exec(select(t.Event.id).where(t.Event.chair_id == pid)))
        events = self._event_rows(s.exec(_select(*_EVENT_COLUMNS).where(col(t.Event.id).in_(eids))).all()) if eids else []
        members = self.memberships(participant_id=pid)
        members.sort(key=lambda m: (m.role in r.AWAY, m.forum_name.lower(), roles.rank(m.role)))
        represents = self.represents(pid)
        note, data_note = s.exec(select(t.Participant.note, t.Participant.data_note)
                                 .where(t.Participant.id == pid)).one()
        detail = r.ParticipantDetail(
            participant=row, note=note, memberships=members, events=events,
            people=sorted((p for p in self._people.values() if p.participant_id == pid), key=lambda p: p.name),
            data_note=data_note, represents=represents, name_ja=self._names_ja.get(pid, (None,))[0])
        return _with_sources(self, detail, [*(m.cites for m in members), *(x.cites for x in represents)])

    def person(self, pid: str) -> r.PersonDetail | None:
        row = self._people.get(pid)
        if row is None:
            return None
        s = self.session
        fids = s.exec(select(t.PersonForum.forum_id).where(t.PersonForum.person_id == pid)).all()
        eids = s.exec(select(t.EventPerson.event_id).where(t.EventPerson.person_id == pid)).all()
        events = self._event_rows(s.exec(_select(*_EVENT_COLUMNS).where(col(t.Event.id).in_(eids))).all()) if eids else []
        note, data_note = s.exec(select(t.Person.note, t.Person.data_note).where(t.Person.id == pid)).one()
        detail = r.PersonDetail(
            person=row, note=note, participant=self._participants.get(row.participant_id or ""),
            forums=sorted((self._forums[f] for f in fids), key=_forum_order), events=events,
            cites=self._cites("person", [pid]).get(pid, ()), data_note=data_note)
        return _with_sources(self, detail, [detail.cites])

    def citation(self, cid: str) -> r.Citation | None:
        c = self.session.get(t.Citation, cid)
        return r.Citation(c.id, c.author, c.part, c.section, c.line, c.quote, c.note) if c else None

    def citations(self, ids: Sequence[str]) -> list[r.Citation]:
        rows = self.session.exec(select(t.Citation).where(col(t.Citation.id).in_(ids))).all()
        by_id = {c.id: r.Citation(c.id, c.author, c.part, c.section, c.line, c.quote, c.note) for c in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _cites(self, record: str, ids: list[str]) -> dict[str, tuple[str, ...]]:
        """Citation ids of each record, read through the index on the record's id: a detail's links, never
        all of them (millions at scale)."""
        link = t.CitationLink
        found: dict[str, list[str]] = defaultdict(list)
        for chunk in range(0, len(ids), 900):
            for cid, rid in self.session.exec(select(link.citation_id, link.record_id).where(link.record == record)
                                              .where(col(link.record_id).in_(ids[chunk:chunk + 900]))):
                found[rid].append(cid)
        return {rid: tuple(sorted(found[rid])) for rid in ids if rid in found}

    def _discrepancies(self, rid: str) -> list[r.Discrepancy]:
        s = self.session
        ids = s.exec(select(t.DiscrepancyRecord.discrepancy_id).where(t.DiscrepancyRecord.record_id == rid)).all()
        out = []
        for did in sorted(ids):
            d = s.exec(select(t.Discrepancy).where(t.Discrepancy.id == did)).one()
            about = s.exec(select(t.DiscrepancyRecord.record_id).where(t.DiscrepancyRecord.discrepancy_id == did)).all()
            out.append(r.Discrepancy(d.id, d.note, tuple(about), self._cites("discrepancy", [did]).get(did, ()),
                                     d.data_note))
        return out


_EVENT_COLUMNS = (t.Event.id, t.Event.title, t.Event.kind, t.Event.date, t.Event.end, t.Event.place, t.Event.ordinal,
                  t.Event.chair_id, t.Event.lo, t.Event.hi)  # what _event_rows reads, by name


def _select(*columns: Any) -> Any:
    """SQLModel's select of these columns: rows of plain values. It is typed for at most four; it takes any number."""
    return select(*columns)


Detail = TypeVar("Detail", r.ForumDetail, r.EventDetail, r.ParticipantDetail, r.PersonDetail)


def _with_sources(atlas: Atlas, detail: Detail, cite_lists: Iterable[tuple[str, ...]]) -> Detail:
    """Fill ``detail.sources``: every citation on the page, in the order it is first cited."""
    order = list(dict.fromkeys(cid for cites in cite_lists for cid in cites))
    detail.sources.extend(atlas.citations(order))
    return detail


def _forum_order(f: r.ForumRow) -> tuple[tuple[int, int, int, str], str]:
    return (_date_key(f.founded) if f.founded else (10**9, 0, 0, ""), f.name.lower())


@cache
def _date_key(date: PartialDate) -> tuple[int, int, int, str]:
    return date.key()  # a few hundred distinct dates among a million forums: each worked out once


def _membership_cites(m: r.Membership) -> Iterator[tuple[str, ...]]:
    """A membership's citations, then its delegation's, in order."""
    yield m.cites
    yield from (d.cites for d in m.delegation)
