"""The 10,000x dataset (1.4 million events, a million forums), written straight into SQLite.

The 100x and 1000x roads make Python records and rows for every copy (``bench.synthetic``); at 10,000x that
is tens of millions of objects and an hour. Here the real database (``make db``) is copied and each of its
rows copied again ``factor - 1`` times as plain tuples, with copy ``k`` changed as ``bench.synthetic``
changes it: ids and references suffixed ``-s<k>``, names tagged with the copy's made-up word, dates moved
back by the copy's whole years. The browse tables are written the same way, in the orders the read API
gives, and the search index gets a row for every copied participant, forum, event and person, its filter
tokens following the copy's ids and years.

Not multiplied (no figure at this scale reads them, and they would be most of the file): citations and their
links, claims, discrepancies, the eras; the copies cite nothing, and quotes and claims are found only once.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

from bench.synthetic import _Plan, _shift
from model import paths, search_index
from model.dates import PartialDate

# What each copied column holds: (S)uffixed id, (T)agged name, (A)cronym, (D)ate text, (O)rdinal day,
# a JSON list of (I)ds, a row (N)umber offset by the copy, a (P)osition in its browse table.
COLUMNS = {
    "participant": {"id": "S", "name": "T", "short_name": "T"},
    "forum": {"id": "S", "name": "T", "acronym": "A", "founded": "D", "founded_lo": "O", "founded_hi": "O",
              "ended": "D", "ended_lo": "O", "ended_hi": "O", "parent_id": "S"},
    "membership": {"id": "N", "forum_id": "S", "participant_id": "S", "since": "D", "until": "D"},
    "delegation": {"id": "N", "membership_id": "N:membership", "participant_id": "S", "since": "D", "until": "D"},
    "event": {"id": "S", "title": "T", "date": "D", "lo": "O", "hi": "O", "end": "D", "chair_id": "S"},
    "eventforum": {"event_id": "S", "forum_id": "S"},
    "eventparticipant": {"event_id": "S", "participant_id": "S"},
    "eventperson": {"event_id": "S", "person_id": "S"},
    "person": {"id": "S", "name": "T", "participant_id": "S"},
    "personforum": {"person_id": "S", "forum_id": "S"},
    "relation": {"id": "N", "from_id": "S", "to_id": "S"},
    "browse_participant": {"pos": "P", "id": "S", "name": "T", "short_name": "T"},
    "browse_role": {"pos": "P", "participant_id": "S", "forum_id": "S"},
}
# Browse tables written in the read API's order (model.queries.Atlas), not copy after copy.
SORTED = {"browse_forum", "browse_event", "browse_person"}
SEARCHED = ("participant", "forum", "event", "person")  # the kinds whose search rows are copied
_TRACK_ORDER = {"1": 0, "1.5": 1, "2": 2, None: 3}  # as model.queries orders the groups
_STATUS_ORDER = {"active": 0, "defunct": 1, "proposed": 2}


class _Copies:
    """Copy k's value of one column, given the real one."""

    def __init__(self, plan: _Plan):
        self.plan = plan
        self.years = [months // 12 for months in plan.shifts]

    def suffix(self, value, k: int):
        return None if value is None else f"{value}-s{k}"

    def tag(self, value, k: int):
        return None if value is None else f"{value} ({self.plan.tags[k]})"

    def acronym(self, value, k: int):
        return None if value is None else f"{value}-{self.plan.tags[k][:3].upper()}"

    def date(self, value, k: int):
        return None if value is None else _date_text(value, self.years[k])

    def day(self, value, k: int):
        return None if value is None else _day(value, self.years[k])


@cache
def _date_text(text: str, years: int) -> str:
    return _shift(text, 12 * years)


@cache
def _day(ordinal: int, years: int) -> int:
    d = date.fromordinal(ordinal)
    day = 28 if (d.month, d.day) == (2, 29) else d.day  # 29 February, moved to a year without one
    return d.replace(year=d.year - years, day=day).toordinal()


def _copier(table: str, names: list[str], copies: _Copies, strides: dict[str, int]):
    """A function (row, k) -> copy k of the row, for ``table`` with columns ``names``."""
    spec = COLUMNS.get(table, {})
    ops = []
    for n, name in enumerate(names):
        how = spec.get(name, "")
        if how == "S":
            ops.append((n, copies.suffix))
        elif how == "T":
            ops.append((n, copies.tag))
        elif how == "A":
            ops.append((n, copies.acronym))
        elif how == "D":
            ops.append((n, copies.date))
        elif how == "O":
            ops.append((n, copies.day))
        elif how.startswith(("N", "P")):
            stride = strides[how.partition(":")[2] or table]
            ops.append((n, lambda v, k, s=stride: v + k * s))

    def copy(row: tuple, k: int) -> tuple:
        out = list(row)
        for n, op in ops:
            out[n] = op(row[n], k)
        return tuple(out)

    return copy


def _facets(tokens: str, k: int, years: int) -> str:
    """A search row's filter tokens for copy k: participants' ids suffixed, years moved back."""
    out, spans = [], []
    for token in tokens.split():
        key, value = token[1], bytes.fromhex(token[2:]).decode()
        if key == "m":
            out.append(search_index.facet("m", f"{value}-s{k}"))
        elif key == "y":
            spans.append(int(value) - years)
        elif key not in ("d", "c"):  # decades and centuries: made again from the moved years
            out.append(token)
    if spans:
        out += search_index.year_facets(min(spans), max(spans))
    return " ".join(sorted(out))


def build(factor: int, target: Path, seed: int) -> dict[str, int]:
    """Write the ``factor``-times database to ``target`` (atomically); return its record counts."""
    real = paths.database()
    if not real.is_file():
        raise SystemExit(f"bench.scaled: no database at {real}: run `make db` first")
    copies = _Copies(_Plan(factor, seed, set()))
    fd, name = tempfile.mkstemp(prefix=".scaled-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    staging = Path(name)
    try:
        shutil.copyfile(real, staging)
        con = sqlite3.connect(staging, isolation_level=None)
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -262144")  # 256 MB
        con.execute("BEGIN")
        _tables(con, factor, copies)
        _browse(con, factor, copies)
        _search(con, factor, copies)
        version = f"synthetic-{factor}x-{seed}"
        con.execute("UPDATE meta SET value = ? WHERE key = 'data_version'", (version,))
        con.execute("UPDATE browse_meta SET value = ? WHERE key = 'data_version'", (version,))
        con.execute("COMMIT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - our own names
                  for t in ("event", "forum", "participant", "person", "membership", "search")}
        con.close()
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    return counts


def _rows(con: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    cur = con.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
    return [d[0] for d in cur.description], cur.fetchall()


def _insert(con: sqlite3.Connection, table: str, names: list[str], rows) -> None:
    cols = ", ".join(f'"{n}"' for n in names)
    con.executemany(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(names))})", rows)  # noqa: S608


def _tables(con: sqlite3.Connection, factor: int, copies: _Copies) -> None:
    """The read API's tables: each real row, then its copies, with the secondary indexes made afterwards."""
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    for index, _ in indexes:
        con.execute(f"DROP INDEX {index}")
    strides = {t: con.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {t}").fetchone()[0]  # noqa: S608
               for t in ("membership", "delegation", "relation")}
    for table in [t for t in COLUMNS if not t.startswith("browse_")]:
        names, rows = _rows(con, table)
        copy = _copier(table, names, copies, strides)
        _insert(con, table, names, (copy(row, k) for k in range(1, factor) for row in rows))
    for _, sql in indexes:
        con.execute(sql)


def _browse(con: sqlite3.Connection, factor: int, copies: _Copies) -> None:
    """The browse tables: copied rows, in the read API's orders, and the groups made again from them."""
    for table in ("browse_participant", "browse_role"):
        names, rows = _rows(con, table)
        copy = _copier(table, names, copies, {table: len(rows)})
        _insert(con, table, names, (copy(row, k) for k in range(1, factor) for row in rows))
    if factor > 1:  # participants by short name, as Atlas.participants() has them
        con.execute("CREATE TEMP TABLE p AS SELECT * FROM browse_participant ORDER BY lower(short_name), pos")
        con.execute("DELETE FROM browse_participant")
        con.execute("INSERT INTO browse_participant SELECT rowid - 1, id, name, short_name, kind, aliases FROM temp.p")
        con.execute("DROP TABLE temp.p")

    names, rows = _rows(con, "browse_forum")
    real_forums = {f[1]: f for f in rows}
    forums = [*rows, *(_copier("forum", names, copies, {})(row, k) for k in range(1, factor) for row in rows)]
    forums.sort(key=lambda f: (_key(f[8]), f[2].lower()))  # _forum_order: founding, then name
    _renumber(con, "browse_forum", names, forums)

    names, rows = _rows(con, "browse_person")
    people = [*rows, *(_copier("person", names, copies, {})(row, k) for k in range(1, factor) for row in rows)]
    people.sort(key=lambda p: p[2])
    _renumber(con, "browse_person", names, people)

    names, rows = _rows(con, "browse_event")
    event = _copier("event", names, copies, {})
    events = list(rows)
    for k in range(1, factor):
        for row in rows:
            copied = event(row, k)  # its forums in the read API's order, by id (the link table's key)
            events.append((*copied[:9], json.dumps(sorted(f"{f}-s{k}" for f in json.loads(row[9]))), *copied[10:]))
    events.sort(key=lambda e: (_key(e[4]), e[1]))  # Atlas.events(): by date, then id
    _renumber(con, "browse_event", names, events)
    del events

    groups: list[tuple[str, int, str, str]] = []
    for by, column, order in (("kind", 4, None), ("scope", 6, None), ("status", 7, _STATUS_ORDER),
                              ("track", 5, _TRACK_ORDER)):
        labels = dict(con.execute("SELECT forum_ids, label FROM browse_group WHERE grouping = ?", (by,)))
        label_of = {}  # a group's value (track "1.5") -> its label ("Track 1.5"), from a real forum in it
        for ids, label in labels.items():
            label_of[real_forums[json.loads(ids)[0]][column]] = label
        members: dict = {}
        for f in forums:
            members.setdefault(f[column], []).append(f[1])
        ordered = sorted(members, key=order.__getitem__ if order else None)
        groups += [(by, n, label_of[v], json.dumps(members[v])) for n, v in enumerate(ordered)]
    position = {f[1]: n for n, f in enumerate(forums)}
    del forums
    by_participant: dict[str, list[str]] = {}
    for pid, fid in con.execute("SELECT participant_id, forum_id FROM browse_role ORDER BY pos"):
        held = by_participant.setdefault(pid, [])
        if fid not in held:
            held.append(fid)
    participants = con.execute("SELECT id, short_name FROM browse_participant ORDER BY pos").fetchall()
    groups += [("participant", n, short, json.dumps(sorted(by_participant[pid], key=position.__getitem__)))
               for n, (pid, short) in enumerate(p for p in participants if p[0] in by_participant)]
    con.execute("DELETE FROM browse_group")
    con.executemany("INSERT INTO browse_group VALUES (?, ?, ?, ?)", groups)


@cache
def _parsed(text: str) -> tuple:
    return PartialDate.parse(text).key()


def _key(text: str | None) -> tuple:
    return _parsed(text) if text else (10**9, 0, 0, "")


def _renumber(con: sqlite3.Connection, table: str, names: list[str], rows: list[tuple]) -> None:
    con.execute(f"DELETE FROM {table}")  # noqa: S608 - our own table names
    _insert(con, table, names, ((n, *row[1:]) for n, row in enumerate(rows)))


def _search(con: sqlite3.Connection, factor: int, copies: _Copies) -> None:
    """The search index again: each kind's real rows, then (for SEARCHED kinds) its copies, kind by kind."""
    names = list(search_index.COLUMNS)
    real = con.execute(f"SELECT {', '.join(names)} FROM search ORDER BY rowid").fetchall()  # noqa: S608
    con.execute("DROP TABLE search")
    con.execute("DROP TABLE search_kinds")
    con.execute("DROP TABLE search_terms")
    con.execute(search_index.FTS_SQL)
    con.execute("CREATE TABLE search_kinds (kind TEXT PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL)")

    def rows() -> Iterator[tuple]:
        for kind in search_index.KINDS:
            mine = [row for row in real if row[0] == kind]
            yield from mine
            if kind in SEARCHED:
                for k in range(1, factor):
                    tag, years = copies.plan.tags[k], copies.years[k]
                    for (kind_, rid, title, aliases, body, context, facets, label, info, target, variants) in mine:
                        yield (kind_, f"{rid}-s{k}", f"{title} ({tag})", aliases, body, context,
                               _facets(facets, k, years), f"{label} ({tag})", info, f"{target}-s{k}", variants)

    ranges: dict[str, list[int]] = {}

    def numbered() -> Iterator[tuple]:
        for rowid, row in enumerate(rows(), 1):
            ranges.setdefault(row[0], [rowid, rowid])[1] = rowid
            yield (rowid, *row)

    con.executemany(f"INSERT INTO search(rowid, {', '.join(names)}) VALUES ({', '.join('?' * (len(names) + 1))})",
                    numbered())
    con.executemany("INSERT INTO search_kinds(kind, lo, hi) VALUES (?, ?, ?)",
                    [(k, *ranges[k]) for k in search_index.KINDS if k in ranges])
    con.execute("INSERT INTO search(search) VALUES ('optimize')")
    con.execute("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, search, row)")
    con.execute("CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID")
    con.execute("INSERT INTO search_terms(term, docs) SELECT term, doc FROM temp.search_vocab ORDER BY term")
    con.execute("DROP TABLE temp.search_vocab")
