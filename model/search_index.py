"""The full-text index behind search, written by the database build (model/build.py).

One FTS5 row per searchable record, inserted kind by kind so that each kind owns one contiguous
rowid range (table ``search_kinds``): a search can then ask each kind for its best rows alone.

Indexed columns, weighted by search (model/search.py): ``title`` (the name as shown), ``aliases``
(other names, a forum's acronym first, so that "ARF" ranks the ARF above its sub-bodies; an event's
place; a person's role), ``body`` (summary, note, claim text, quote), ``variants`` (spellings damaged
in scanning: found by search, never shown, so never in a snippet) and
``context`` (scope, date, forum names, author). ``facets`` holds filter tokens, one per fact a
filter can ask about (participants taking part, track, status, kind, author, years). Each starts with
a private-use character that search strips from anything typed, so words never match facets and
facets never crowd the prefix indexes a one-letter word uses. ``label``, ``info`` and ``target``
(the record a hit selects) are stored, not indexed: the result list shows them without a query
per row. The curators' data notes are never indexed. ``search_terms`` lists every indexed term with the number of rows holding it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from model import records as r
from model import vocabulary
from model.dates import PartialDate, event_date_text
from model.records import takes_part

if TYPE_CHECKING:
    from model.loader import Dataset, Record

IndexRow = tuple[str, ...]  # kind, id, then the text of each column (COLUMNS)

VERSION = "3"  # stored in meta as search_index; search asks for a rebuild when it differs
KINDS = ("participant", "forum", "event", "person", "claim", "quote")  # rowid order
MARK = "\ue000"  # the first character of every facet token
AUTHOR_SHORT = vocabulary.PARTS.labels("by")

FTS_SQL = """
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED, record_id UNINDEXED, title, aliases, body, context, facets,
    label UNINDEXED, info UNINDEXED, target UNINDEXED, variants,
    tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3'
)
"""
COLUMNS = ("kind", "record_id", "title", "aliases", "body", "context", "facets", "label", "info", "target", "variants")


def facet(key: str, value: str) -> str:
    """The token for one filterable fact: ``facet('m', 'kp')``. Hex keeps any id one token."""
    return f"{MARK}{key}{value.encode().hex()}"


def year_facets(first: int, last: int) -> list[str]:
    """Tokens for every year, decade and century a span touches (search turns a range into a few)."""
    last = min(last, first + 200)
    out = {facet("y", str(y)) for y in range(first, last + 1)}
    out |= {facet("d", str(y // 10)) for y in range(first, last + 1)}
    out |= {facet("c", str(y // 100)) for y in range(first, last + 1)}
    return sorted(out)


def _join(*parts: str | None, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def rows(ds: Dataset) -> list[IndexRow]:
    """The index rows for a dataset, in rowid order; deterministic for equal input."""
    participants = {p["id"]: p for p in ds["participants"]}
    forums = {f["id"]: f for f in ds["forums"]}
    events = {e["id"]: e for e in ds["events"]}
    people = {p["id"]: p for p in ds["people"]}

    def short(fid: str) -> str:
        f = forums[fid]
        return str(f["acronym"] or f["name"])

    takers: dict[str, list[str]] = {}
    for f in ds["forums"]:
        by_participant: dict[str, list[Record]] = {}
        for m in f["members"]:
            by_participant.setdefault(m["participant"], []).append(m)
        takers[f["id"]] = sorted(pid for pid, roles in by_participant.items()
                                  if takes_part([(m["role"], m["since"], m["until"]) for m in roles]))

    def forum_facets(fids: Iterable[str]) -> set[str]:
        out = set()
        for fid in fids:
            f = forums[fid]
            out |= {facet("m", pid) for pid in takers[fid]}
            out.add(facet("t", f["track"] or "none"))
            out.add(facet("s", f["status"]))
        return out

    def span(date: PartialDate | None, end: PartialDate | None = None) -> list[str]:
        return year_facets(date.start.year, (end or date).end.year) if date else []

    # What each citation supports: forums it is about, and the records a hit on it may select.
    quote_forums: dict[str, set[str]] = {}
    quote_targets: dict[str, list[tuple[int, str]]] = {}

    def link(cids: Iterable[str], fids: Iterable[str], target: str | None, rank: int) -> None:
        for cid in cids:
            quote_forums.setdefault(cid, set()).update(fids)
            if target:
                quote_targets.setdefault(cid, []).append((rank, target))

    for f in ds["forums"]:
        link(f["cite"], [f["id"]], f["id"], 0)
        for m in f["members"]:
            link(m["cite"], [f["id"]], f["id"], 1)
            for d in m["delegation"]:
                link(d["cite"], [f["id"]], f["id"], 1)
    for c in ds["claims"]:
        link(c["cite"], [c["forum"]], c["forum"], 2)
    for x in ds["relations"]:
        link(x["cite"], [x["from"], x["to"]], x["from"], 3)
    for e in ds["events"]:
        link(e["cite"], e["forums"], e["id"], 4)
    for p in ds["people"]:
        link(p["cite"], p["forums"], p["id"], 5)
    for d in ds["discrepancies"]:
        about = [x for x in d["about"] if x in forums or x in events or x in people or x in participants]
        fids = [x for x in d["about"] if x in forums]
        fids += [fid for x in d["about"] if x in events for fid in events[x]["forums"]]
        link(d["cite"], fids, about[0] if about else None, 6)

    out: list[IndexRow] = []
    for p in ds["participants"]:
        others = [p["name"]] if p["name"] != p["short_name"] and p["short_name"] else []
        title = p["short_name"] or p["name"]
        info = _join(r.label(p["kind"]), p["name"] if others else None, sep=" \u00b7 ")
        out.append(("participant", p["id"], title, _join(*others, *p["aliases"], sep="; "), p["note"] or "",
                    r.label(p["kind"]), "", title, info, p["id"], _variants(p)))
    for f in ds["forums"]:
        title = f"{f['name']} ({f['acronym']})" if f["acronym"] else f["name"]
        parent = forums[f["parent"]]["name"] if f["parent"] in forums else None
        tokens = forum_facets([f["id"]]) | {facet("k", f["kind"])} | set(span(f["founded"]))
        if f["status"] == "proposed":
            tokens.add(facet("k", "proposal"))
        track = f"Track {f['track']}" if f["track"] else None
        founded = f"founded {f['founded'].display()}" if f["founded"] else None
        info = _join(track, r.label(f["kind"]), founded, f["status"], sep=" \u00b7 ")
        names = "; ".join(dict.fromkeys([*([f["acronym"]] if f["acronym"] else []), *f["aliases"]]))
        out.append(("forum", f["id"], title, names, _join(f["summary"], f["note"]),
                    _join(r.label(f["scope"]), parent, sep="; "), " ".join(sorted(tokens)), title, info, f["id"],
                    _variants(f)))
    for e in ds["events"]:
        when = event_date_text(e["date"], e["end"])
        shorts = [short(fid) for fid in e["forums"]]
        tokens = forum_facets(e["forums"]) | {facet("k", e["kind"])} | set(span(e["date"], e["end"]))
        tokens |= {facet("m", pid) for pid in [*e["participants"], e["chair"]] if pid}
        info = _join(when, e["place"], ", ".join(shorts), sep=" \u00b7 ")
        out.append(("event", e["id"], e["title"], e["place"] or "", _join(e["summary"], e["note"]),
                    _join(when, *(forums[fid]["name"] for fid in e["forums"]), *shorts, sep="; "),
                    " ".join(sorted(tokens)), e["title"], info, e["id"], ""))
    for p in ds["people"]:
        who = participants[p["participant"]]["short_name"] if p["participant"] in participants else None
        tokens = forum_facets(p["forums"]) | ({facet("m", p["participant"])} if p["participant"] else set())
        out.append(("person", p["id"], p["name"], p["role"] or "", p["note"] or "",
                    _join(who, *(short(fid) for fid in p["forums"]), sep="; "), " ".join(sorted(tokens)),
                    p["name"], p["role"] or "", p["id"], _variants(p)))
    for c in ds["claims"]:
        title = f"{AUTHOR_SHORT[c['author']]} on {short(c['forum'])}"
        tokens = forum_facets([c["forum"]]) | {facet("a", c["author"])}
        info = _join(r.AUTHOR_LABELS.get(c["author"], c["author"]), c["stance"], sep=" \u00b7 ")
        out.append(("claim", c["id"], title, "", c["text"], r.AUTHOR_LABELS.get(c["author"], ""),
                    " ".join(sorted(tokens)), title, info, c["forum"], ""))
    for cid in sorted(ds.citations):
        c = ds.citations[cid]
        label = f"{AUTHOR_SHORT.get(c['author'], c['author'])}, \u201c{c['section']}\u201d, line {c['line']}"
        tokens = forum_facets(sorted(quote_forums.get(cid, ()))) | {facet("a", c["author"])}
        targets = [t for _, t in sorted(quote_targets.get(cid, []))]
        cited = list(dict.fromkeys(_name(t, forums, events, people, participants) for t in targets))
        cited_for = ("cited for " + ", ".join(cited[:3]) + (" \u2026" if len(cited) > 3 else "")) if cited else None
        info = _join(r.AUTHOR_LABELS.get(c["author"], c["author"]), cited_for, sep=" \u00b7 ")
        out.append(("quote", cid, "", "", c["quote"], _join(c["section"], r.AUTHOR_LABELS.get(c["author"]), sep="; "),
                    " ".join(sorted(tokens)), label, info, targets[0] if targets else "", ""))
    order = {k: n for n, k in enumerate(KINDS)}
    out.sort(key=lambda row: order[row[0]])  # stable: each kind keeps its own order
    return out


def _variants(rec: Record) -> str:
    return "; ".join(rec.get("variants") or [])


def _name(rid: str, forums: dict[str, Record], events: dict[str, Record], people: dict[str, Record],
          participants: dict[str, Record]) -> str:
    if rid in forums:
        return str(forums[rid]["acronym"] or forums[rid]["name"])
    if rid in events:
        return str(events[rid]["title"])
    if rid in people:
        return str(people[rid]["name"])
    return str(participants[rid]["short_name"]) if rid in participants else rid


def write(con: sqlite3.Connection, ds: Dataset) -> None:
    """Create and fill the index inside the build's connection (the caller commits)."""
    con.execute(FTS_SQL)
    con.execute("CREATE TABLE search_kinds (kind TEXT PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL)")
    ranges: dict[str, list[int]] = {}
    numbered = []
    for rowid, row in enumerate(rows(ds), 1):
        ranges.setdefault(row[0], [rowid, rowid])[1] = rowid
        numbered.append((rowid, *row))
    con.executemany(f"INSERT INTO search(rowid, {', '.join(COLUMNS)}) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})", numbered)
    con.executemany("INSERT INTO search_kinds(kind, lo, hi) VALUES (?, ?, ?)",
                    [(k, *ranges[k]) for k in KINDS if k in ranges])
    con.execute("INSERT INTO search(search) VALUES ('optimize')")
    # Every indexed term with the number of rows holding it: search expands a long prefix into
    # these terms (FTS5 would otherwise gather a huge doclist per query) and judges from the counts
    # whether exact bm25 ranking is cheap enough.
    con.execute("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, search, row)")
    con.execute("CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID")
    con.execute("INSERT INTO search_terms(term, docs) SELECT term, doc FROM temp.search_vocab ORDER BY term")
    con.execute("DROP TABLE temp.search_vocab")
    con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('search_index', ?)", (VERSION,))
