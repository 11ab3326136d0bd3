"""The database of ``model.build.build``, written with plain ``executemany`` for the 1000x dataset.

``model.build.build`` makes one SQLModel object per row and lets the ORM insert them: right for the
real data, but minutes and gigabytes for the 3.5 million rows of the 1000x dataset. Here
``model.build.build`` makes the file (tables, search index, stamps) with no rows, then the same rows go
in from tuples.
``tests/model/test_synthetic.py`` checks that both give the same rows; change both together.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from sqlmodel import SQLModel

from model import build as slow
from model import tables as t
from model.loader import Dataset


def _days(date) -> tuple[int | None, int | None]:
    return (date.start.toordinal(), date.end.toordinal()) if date else (None, None)


def _text(date) -> str | None:
    return str(date) if date else None


def _rows(ds: Dataset) -> Iterator[tuple[type[SQLModel], dict]]:
    """(table, row) for every row model.build._rows makes, in its order."""
    yield t.Source, {k: str(ds.source[k]) for k in
                     ("id", "title", "authors", "publisher", "series", "date", "file", "sha256", "as_of")}
    links: set[tuple[str, str, str]] = set()

    def cite(record: str, rid: str, cids: list[str]) -> None:
        links.update((cid, record, rid) for cid in cids)

    for p in ds["participants"]:
        yield t.Participant, dict(id=p["id"], name=p["name"], short_name=p["short_name"] or p["name"],
                                  kind=p["kind"], aliases=json.dumps(p["aliases"]), variants=json.dumps(p["variants"]),
                                  note=p["note"], data_note=p["data_note"])
    membership_id = delegation_id = 0
    for f in ds["forums"]:
        flo, fhi = _days(f["founded"])
        elo, ehi = _days(f["ended"])
        yield t.Forum, dict(
            id=f["id"], name=f["name"], acronym=f["acronym"], aliases=json.dumps(f["aliases"]),
            variants=json.dumps(f["variants"]), kind=f["kind"],
            track=f["track"], scope=f["scope"], status=f["status"], founded=_text(f["founded"]),
            founded_lo=flo, founded_hi=fhi, ended=_text(f["ended"]), ended_lo=elo, ended_hi=ehi,
            parent_id=f["parent"], summary=f["summary"], note=f["note"], data_note=f["data_note"])
        cite("forum", f["id"], f["cite"])
        for m in f["members"]:
            membership_id += 1
            yield t.Membership, dict(id=membership_id, forum_id=f["id"], participant_id=m["participant"],
                                     role=m["role"], since=_text(m["since"]), until=_text(m["until"]), note=m["note"],
                                     data_note=m["data_note"])
            cite("membership", str(membership_id), m["cite"])
            for d in m["delegation"]:
                delegation_id += 1
                yield t.Delegation, dict(id=delegation_id, membership_id=membership_id, participant_id=d["participant"],
                                         since=_text(d["since"]), until=_text(d["until"]), note=d["note"],
                                         data_note=d["data_note"])
                cite("delegation", str(delegation_id), d["cite"])
    for e in ds["events"]:
        yield t.Event, dict(id=e["id"], title=e["title"], kind=e["kind"], date=str(e["date"]),
                            lo=e["date"].start.toordinal(), hi=(e["end"] or e["date"]).end.toordinal(),
                            end=_text(e["end"]), place=e["place"], ordinal=e["ordinal"], chair_id=e["chair"],
                            summary=e["summary"], note=e["note"], data_note=e["data_note"])
        for x in dict.fromkeys(e["forums"]):
            yield t.EventForum, dict(event_id=e["id"], forum_id=x)
        for x in dict.fromkeys(e["participants"]):
            yield t.EventParticipant, dict(event_id=e["id"], participant_id=x)
        for x in dict.fromkeys(e["people"]):
            yield t.EventPerson, dict(event_id=e["id"], person_id=x)
        cite("event", e["id"], e["cite"])
    for p in ds["people"]:
        yield t.Person, dict(id=p["id"], name=p["name"], variants=json.dumps(p["variants"]), role=p["role"],
                             participant_id=p["participant"], note=p["note"], data_note=p["data_note"])
        for x in dict.fromkeys(p["forums"]):
            yield t.PersonForum, dict(person_id=p["id"], forum_id=x)
        cite("person", p["id"], p["cite"])
    for n, r in enumerate(ds["relations"], 1):
        yield t.Relation, dict(id=n, from_id=r["from"], to_id=r["to"], kind=r["kind"], note=r["note"],
                               data_note=r["data_note"])
        cite("relation", str(n), r["cite"])
    for c in ds["claims"]:
        yield t.Claim, dict(id=c["id"], forum_id=c["forum"], author=c["author"], stance=c["stance"], text=c["text"],
                            data_note=c["data_note"])
        cite("claim", c["id"], c["cite"])
    for d in ds["discrepancies"]:
        yield t.Discrepancy, dict(id=d["id"], note=d["note"], data_note=d["data_note"])
        for x in dict.fromkeys(d["about"]):
            yield t.DiscrepancyRecord, dict(discrepancy_id=d["id"], record_id=x)
        cite("discrepancy", d["id"], d["cite"])
    for e in ds["eras"]:
        yield t.Era, dict(id=e["id"], name=e["name"], start=str(e["start"]), lo=e["start"].start.toordinal(),
                          end=str(e["end"]), hi=e["end"].end.toordinal())
    for x in ds["translations"]:
        yield t.Translation, dict(record_id=x["record"], name_ja=x["name_ja"], aliases_ja=json.dumps(x["aliases_ja"]))
    for c in ds.citations.values():
        yield t.Citation, {k: c[k] for k in ("id", "author", "part", "section", "line", "quote", "note")}
    for c, r, i in sorted(links):
        yield t.CitationLink, dict(citation_id=c, record=r, record_id=i)
    yield t.Meta, dict(key="data_version", value=slow.data_version(ds))


def build(dataset: Dataset, target: Path, search: bool = True, details: bool = True) -> Path:
    """Write the database for ``dataset`` to ``target`` atomically, as model.build.build does.

    ``model.build.build`` itself makes the file (schema, search index, stamps) with its row list
    swapped for an empty one; the rows then go in here, in one transaction, and the browse tables after them. ``search=False`` leaves
    the search index empty (it is most of the time at 1000x, and no 1000x figure searches); ``details=False``
    leaves the records' detail pages out of the browse data (at 1000x, 240,000 reads of the read API: most of an
    hour here; no 1000x figure shows a record).
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=".fast-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    staging = Path(name)
    indexed = dataset if search else Dataset(source=dataset.source, tables={t: [] for t in dataset.tables})
    try:
        with mock.patch.object(slow, "_rows", lambda ds: []), mock.patch.object(slow, "add_browse", lambda path: None):
            slow.build(indexed, staging)
        grouped: dict[type[SQLModel], list[tuple]] = {}
        columns: dict[type[SQLModel], list[str]] = {}
        for model, row in _rows(dataset):
            if model not in columns:
                columns[model] = [c.name for c in model.__table__.columns]
                grouped[model] = []
            grouped[model].append(tuple(map(row.get, columns[model])))
        con = sqlite3.connect(staging)
        con.execute("PRAGMA synchronous = OFF")
        with con:
            for model, rows in grouped.items():
                cols = columns[model]
                con.executemany(f"INSERT INTO {model.__tablename__} ({', '.join(cols)}) "
                                f"VALUES ({', '.join('?' * len(cols))})", rows)
        con.close()
        slow.add_browse(staging, details)  # from the rows just written, as model.build does
        con = sqlite3.connect(staging)
        con.execute("VACUUM")
        con.close()
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    return target
