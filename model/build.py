"""Compile a validated Dataset into the bundled SQLite file.

The file is written beside its target under a temporary name and renamed into place, so a
failed build leaves any existing database untouched. It uses the rollback journal (not WAL)
so that it can be opened from a read-only folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from sqlmodel import Session, SQLModel, create_engine

from model import atomic, browse, search_index
from model import tables as t
from model.dates import PartialDate
from model.loader import Dataset
from model.queries import Atlas


def data_version(dataset: Dataset) -> str:
    """A digest of the dataset's content: equal YAML gives an equal version."""
    digest = hashlib.sha256()
    for path in dataset.files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _days(date: PartialDate | None) -> tuple[int | None, int | None]:
    return (date.start.toordinal(), date.end.toordinal()) if date else (None, None)


def _text(date: PartialDate | None) -> str | None:
    return str(date) if date else None


def _rows(ds: Dataset) -> list[SQLModel]:
    rows: list[SQLModel] = [t.Source(**{k: str(ds.source[k]) for k in (
        "id", "title", "authors", "publisher", "series", "date", "file", "sha256", "as_of")})]
    links: set[tuple[str, str, str]] = set()

    def cite(record: str, rid: str, cids: list[str]) -> None:
        links.update((cid, record, rid) for cid in cids)

    for p in ds["participants"]:
        rows.append(t.Participant(id=p["id"], name=p["name"], short_name=p["short_name"] or p["name"],
                                  kind=p["kind"], aliases=json.dumps(p["aliases"]), variants=json.dumps(p["variants"]),
                                  note=p["note"], data_note=p["data_note"]))
    membership_id = delegation_id = 0
    for f in ds["forums"]:
        flo, fhi = _days(f["founded"])
        elo, ehi = _days(f["ended"])
        rows.append(t.Forum(
            id=f["id"], name=f["name"], acronym=f["acronym"], aliases=json.dumps(f["aliases"]),
            variants=json.dumps(f["variants"]), kind=f["kind"],
            track=f["track"], scope=f["scope"], status=f["status"], founded=_text(f["founded"]),
            founded_lo=flo, founded_hi=fhi, ended=_text(f["ended"]), ended_lo=elo, ended_hi=ehi,
            parent_id=f["parent"], summary=f["summary"], note=f["note"], data_note=f["data_note"]))
        cite("forum", f["id"], f["cite"])
        for m in f["members"]:
            membership_id += 1
            rows.append(t.Membership(id=membership_id, forum_id=f["id"], participant_id=m["participant"],
                                     role=m["role"], since=_text(m["since"]), until=_text(m["until"]),
                                     note=m["note"], data_note=m["data_note"]))
            cite("membership", str(membership_id), m["cite"])
            for d in m["delegation"]:
                delegation_id += 1
                rows.append(t.Delegation(id=delegation_id, membership_id=membership_id, participant_id=d["participant"],
                                         since=_text(d["since"]), until=_text(d["until"]), note=d["note"],
                                         data_note=d["data_note"]))
                cite("delegation", str(delegation_id), d["cite"])
    for e in ds["events"]:
        lo = e["date"].start.toordinal()
        hi = (e["end"] or e["date"]).end.toordinal()
        rows.append(t.Event(id=e["id"], title=e["title"], kind=e["kind"], date=str(e["date"]), lo=lo, hi=hi,
                            end=_text(e["end"]), place=e["place"], ordinal=e["ordinal"], chair_id=e["chair"],
                            summary=e["summary"], note=e["note"], data_note=e["data_note"]))
        rows += [t.EventForum(event_id=e["id"], forum_id=x) for x in dict.fromkeys(e["forums"])]
        rows += [t.EventParticipant(event_id=e["id"], participant_id=x) for x in dict.fromkeys(e["participants"])]
        rows += [t.EventPerson(event_id=e["id"], person_id=x) for x in dict.fromkeys(e["people"])]
        cite("event", e["id"], e["cite"])
    for p in ds["people"]:
        rows.append(t.Person(id=p["id"], name=p["name"], variants=json.dumps(p["variants"]), role=p["role"],
                             participant_id=p["participant"], note=p["note"], data_note=p["data_note"]))
        rows += [t.PersonForum(person_id=p["id"], forum_id=x) for x in dict.fromkeys(p["forums"])]
        cite("person", p["id"], p["cite"])
    for n, r in enumerate(ds["relations"], 1):
        rows.append(t.Relation(id=n, from_id=r["from"], to_id=r["to"], kind=r["kind"], note=r["note"],
                               data_note=r["data_note"]))
        cite("relation", str(n), r["cite"])
    for c in ds["claims"]:
        rows.append(t.Claim(id=c["id"], forum_id=c["forum"], author=c["author"], stance=c["stance"], text=c["text"],
                            data_note=c["data_note"]))
        cite("claim", c["id"], c["cite"])
    for d in ds["discrepancies"]:
        rows.append(t.Discrepancy(id=d["id"], note=d["note"], data_note=d["data_note"]))
        rows += [t.DiscrepancyRecord(discrepancy_id=d["id"], record_id=x) for x in dict.fromkeys(d["about"])]
        cite("discrepancy", d["id"], d["cite"])
    for e in ds["eras"]:
        rows.append(t.Era(id=e["id"], name=e["name"], start=str(e["start"]), lo=e["start"].start.toordinal(),
                          end=str(e["end"]), hi=e["end"].end.toordinal()))
    rows += [t.Translation(record_id=x["record"], name_ja=x["name_ja"], aliases_ja=json.dumps(x["aliases_ja"]))
             for x in ds["translations"]]
    rows += [t.Citation(**{k: c[k] for k in ("id", "author", "part", "section", "line", "quote", "note")})
             for c in ds.citations.values()]
    rows += [t.CitationLink(citation_id=c, record=r, record_id=i) for c, r, i in sorted(links)]
    rows.append(t.Meta(key="data_version", value=data_version(ds)))
    return rows


def build(dataset: Dataset, target: Path) -> Path:
    """Write the database for ``dataset`` to ``target`` atomically; return the target."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    real = atomic.writable_target(target)  # through a link; never onto a device such as /dev/null
    _clear_leftovers(real.parent)
    with atomic.replacing(real, prefix=f".build-{os.getpid()}-", suffix=".sqlite") as tmp:
        engine = create_engine(f"sqlite:///{tmp}")
        SQLModel.metadata.create_all(engine)
        with Session(engine) as session:
            session.add_all(_rows(dataset))
            session.commit()
        engine.dispose()
        con = sqlite3.connect(tmp)
        with con:
            search_index.write(con, dataset)  # the FTS5 index behind search (model/search_index.py)
            con.execute(f"PRAGMA user_version = {t.SCHEMA_VERSION}")
        con.close()
        add_browse(tmp)
        con = sqlite3.connect(tmp)
        con.execute("VACUUM")
        con.close()
    return target


def add_browse(path: Path, details: bool = True) -> None:
    """Write the browse tables (model/browse.py) into the finished file at ``path``: the read API's own answers,
    so that the window's first paint shows what SQLModel would."""
    atlas = Atlas(path)
    con = sqlite3.connect(path)
    try:
        with con:
            browse.write(con, atlas, details)
    finally:
        con.close()
        atlas.close()


def _clear_leftovers(folder: Path) -> None:
    """Remove the temporary files of killed builds: each is named for its process, so one still running
    (another build into the same folder) keeps its own."""
    for stray in folder.glob(".build-*.sqlite*"):
        pid = stray.name.split("-")[1]
        if pid.isdigit() and not _alive(int(pid)):
            stray.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # there os.kill would end the process: keep its files
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True
