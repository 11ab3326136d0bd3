"""The browse data: what the tree, the timeline's lanes and quick-open need, read with ``sqlite3`` alone.

``forum-atlas build`` writes these tables from the read API's own answers (``write``), so they hold the same
records, in the same order, as ``model.queries.Atlas``; they carry the database's data version. The window fills
its tree and timeline from them before SQLModel is imported (that import alone costs about three bare windows'
start). This module imports neither SQLModel, SQLAlchemy nor pydantic, and must not.

They also hold the read API's detail of every forum and event (what the tree and the timeline let one click), as
JSON: a record clicked in the first moment shows at once, the same page the read API then shows again.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model import dates, paths
from model import records as r
from model.dates import PartialDate

if TYPE_CHECKING:  # the browse data is read without SQLModel; only the builder passes an Atlas
    from model.queries import Atlas

LAYOUT = "4"  # the browse tables' own layout: a change to SCHEMA (or to the details' encoding) bumps it
DETAILED = ("forum", "event")  # the records whose detail the browse data holds
GROUPINGS = ("track", "kind", "scope", "status", "participant")  # as model.queries.GROUPINGS

SCHEMA = """
CREATE TABLE browse_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE browse_forum (pos INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, acronym TEXT,
    kind TEXT NOT NULL, track TEXT, scope TEXT NOT NULL, status TEXT NOT NULL, founded TEXT, ended TEXT,
    parent_id TEXT);
CREATE TABLE browse_participant (pos INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL,
    short_name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL);
CREATE TABLE browse_person (pos INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
    participant_id TEXT);
CREATE TABLE browse_group (grouping TEXT NOT NULL, pos INTEGER NOT NULL, label TEXT NOT NULL,
    forum_ids TEXT NOT NULL, PRIMARY KEY (grouping, pos));
CREATE TABLE browse_role (pos INTEGER PRIMARY KEY, participant_id TEXT NOT NULL, forum_id TEXT NOT NULL,
    role TEXT NOT NULL);
CREATE TABLE browse_event (pos INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL,
    date TEXT NOT NULL, "end" TEXT, place TEXT, ordinal INTEGER, chair_id TEXT, forums TEXT NOT NULL,
    lo INTEGER NOT NULL, hi INTEGER NOT NULL);
CREATE TABLE browse_era (pos INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, lo INTEGER NOT NULL,
    hi INTEGER NOT NULL);
CREATE TABLE browse_name_ja (record_id TEXT PRIMARY KEY, names TEXT NOT NULL);
CREATE TABLE browse_detail (id TEXT PRIMARY KEY, kind TEXT NOT NULL, detail BLOB NOT NULL);
"""


class BrowseUnavailable(Exception):
    """The browse data cannot be used (missing, or not of this database's version); read through the read API."""


@dataclass(frozen=True)
class Source:
    """The little of the paper's record the timeline needs: the date the data describes."""

    as_of: str


def _text(date: PartialDate | None) -> str | None:
    return str(date) if date else None


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


@functools.lru_cache(maxsize=65536)
def _tuple(text: str) -> tuple[str, ...]:
    """A JSON list of names or ids, as a tuple; each text decoded once (the same short lists recur by the
    hundred thousand at scale)."""
    return tuple(json.loads(text))


# The records' classes, by name, for reading a detail back (model/records.py, and the dates they hold).
_CLASSES = {cls.__name__: cls for module in (r, dates) for cls in vars(module).values()
            if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def _encode(value: object) -> Any:
    """A detail (nested frozen dataclasses, tuples, lists, plain values) as JSON-ready values that say their types."""
    if dataclasses.is_dataclass(value):
        return {"@": type(value).__name__, **{f.name: _encode(getattr(value, f.name))
                                              for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return {"@": "tuple", "items": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"a detail holds a {type(value).__name__}, which the browse data cannot store")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        kind = value.pop("@")
        if kind == "tuple":
            return tuple(_decode(v) for v in value["items"])
        return _CLASSES[kind](**{k: _decode(v) for k, v in value.items()})
    return value


def _detail_rows(atlas: Atlas) -> Iterator[tuple[str, str, bytes]]:
    ids = atlas.ids()
    for kind in DETAILED:
        read = getattr(atlas, kind)
        for rid in sorted(ids[kind]):
            blob = zlib.compress(json.dumps(_encode(read(rid)), separators=(",", ":")).encode())
            yield rid, kind, blob


def write(con: sqlite3.Connection, atlas: Atlas, details: bool = True) -> None:
    """Write the browse tables into ``con`` from ``atlas`` (the read API, open on the same database);
    ``details=False`` leaves the records' detail pages out (a record's read costs milliseconds).

    Everything is asked of ``atlas`` before the first write: it reads the file as immutable.
    """
    roles = atlas.roles_by_participant()
    tables: dict[str, list[tuple[str | int | bytes | None, ...]]] = {
        "browse_meta": [("data_version", atlas.meta["data_version"]), ("as_of", str(atlas.source.as_of)),
                        ("layout", LAYOUT)],
        "browse_forum": [(n, f.id, f.name, f.acronym, f.kind, f.track, f.scope, f.status, _text(f.founded),
                          _text(f.ended), f.parent_id) for n, f in enumerate(atlas.forums())],
        "browse_participant": [(n, p.id, p.name, p.short_name, p.kind, json.dumps(p.aliases))
                               for n, p in enumerate(atlas.participants())],
        "browse_person": [(n, p.id, p.name, p.role, p.participant_id) for n, p in enumerate(atlas.people())],
        "browse_group": [(by, n, label, json.dumps([f.id for f in forums]))
                         for by in GROUPINGS for n, (label, forums) in enumerate(atlas.grouped(by))],
        "browse_role": [(n, *held) for n, held in enumerate((pid, fid, role) for pid, by_forum in roles.items()
                                                             for fid, roles_there in by_forum.items()
                                                             for role in roles_there)],
        "browse_event": [(n, e.id, e.title, e.kind, str(e.date), _text(e.end), e.place, e.ordinal, e.chair_id,
                          json.dumps(e.forums), e.lo, e.hi) for n, e in enumerate(atlas.events())],
        "browse_era": [(n, *era) for n, era in enumerate(atlas.eras())],
        "browse_name_ja": [(rid, json.dumps(names)) for rid, names in sorted(atlas.names_ja().items())],
        "browse_detail": list(_detail_rows(atlas)) if details else [],
    }
    con.executescript(SCHEMA)
    for table, rows in tables.items():
        if rows:
            con.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)


class Browse:
    """The browse data of the bundled database, answering as ``Atlas`` does for what it holds.

    Raises :class:`BrowseUnavailable` when the file, or its browse tables, are missing or do not carry the
    database's data version (a file built by an older builder, or edited since).
    """

    def __init__(self, path: Path | None = None):
        self.path = Path(path or paths.database())
        if not self.path.is_file():
            raise BrowseUnavailable(f"no database at {self.path}")
        try:
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as exc:
            raise BrowseUnavailable(f"cannot open {self.path}: {exc}") from None
        try:
            self._read(con)
        except (sqlite3.Error, ValueError, KeyError) as exc:
            con.close()
            raise BrowseUnavailable(f"the browse data of {self.path} cannot be read ({exc})") from None
        # Kept open, as Atlas keeps its own: the as-of month's forums ask it for the disputed foundings
        # (model/as_of.py), and the tree reads the browse data for as long as the window is open.
        self.connection = con

    def _read(self, con: sqlite3.Connection) -> None:
        self.meta = dict(con.execute("SELECT key, value FROM browse_meta"))
        if self.meta.get("layout") != LAYOUT:
            raise ValueError(f"its layout is {self.meta.get('layout')}, this version reads {LAYOUT}")
        version = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        if version is None or self.meta.get("data_version") != version[0]:
            raise ValueError(f"its data version {self.meta.get('data_version')} is not the database's "
                             f"{version[0] if version else 'none'}")
        self.source = Source(self.meta["as_of"])
        self._forums = {fid: r.ForumRow(fid, name, acronym, kind, track, scope, status, _date(founded), _date(ended),
                                        parent)
                        for _, fid, name, acronym, kind, track, scope, status, founded, ended, parent
                        in con.execute("SELECT * FROM browse_forum ORDER BY pos")}
        self._participants = {pid: r.ParticipantRow(pid, name, short, kind, _tuple(aliases))
                              for _, pid, name, short, kind, aliases
                              in con.execute("SELECT * FROM browse_participant ORDER BY pos")}
        self._people = {row[1]: r.PersonRow(*row[1:]) for row in con.execute("SELECT * FROM browse_person ORDER BY pos")}
        self._groups: dict[str, list[tuple[str, list[str]]]] = {by: [] for by in GROUPINGS}
        for by, _, label, ids in con.execute("SELECT * FROM browse_group ORDER BY grouping, pos"):
            self._groups[by].append((label, json.loads(ids)))
        self._roles: dict[str, dict[str, list[str]]] = {}
        for _, pid, fid, role in con.execute("SELECT * FROM browse_role ORDER BY pos"):
            self._roles.setdefault(pid, {}).setdefault(fid, []).append(role)
        self._events = [r.EventRow(eid, title, kind, PartialDate.parse(date), _date(end), place, ordinal, chair,
                                   _tuple(forums), lo, hi)
                        for _, eid, title, kind, date, end, place, ordinal, chair, forums, lo, hi
                        in con.execute("SELECT * FROM browse_event ORDER BY pos")]
        self._event_names = {e.id: e.title for e in self._events}
        self._eras = [tuple(row[1:]) for row in con.execute("SELECT * FROM browse_era ORDER BY pos")]
        self._names_ja = {rid: tuple(json.loads(names)) for rid, names in con.execute("SELECT * FROM browse_name_ja")}

    # -- as Atlas answers -------------------------------------------------------------------------
    def forums(self) -> list[r.ForumRow]:
        return list(self._forums.values())

    def forum_row(self, fid: str) -> r.ForumRow | None:
        return self._forums.get(fid)

    def participants(self) -> list[r.ParticipantRow]:
        return list(self._participants.values())

    def people(self) -> list[r.PersonRow]:
        return list(self._people.values())

    def events(self) -> list[r.EventRow]:
        return list(self._events)

    def eras(self) -> list[tuple[str, str, int, int]]:
        return list(self._eras)

    def names_ja(self) -> dict[str, tuple[str, ...]]:
        return dict(self._names_ja)

    def grouped(self, by: str) -> list[tuple[str, list[r.ForumRow]]]:
        if by not in GROUPINGS:
            raise ValueError(f"unknown grouping {by!r}")
        return [(label, [self._forums[i] for i in ids]) for label, ids in self._groups[by]]

    def roles_by_participant(self) -> dict[str, dict[str, list[str]]]:
        return {pid: {fid: list(held) for fid, held in by_forum.items()} for pid, by_forum in self._roles.items()}

    def ids(self) -> dict[str, set[str]]:
        return {"forum": set(self._forums), "participant": set(self._participants), "person": set(self._people),
                "event": set(self._event_names)}

    def kind_of(self, rid: str) -> str | None:
        for kind, table in (("forum", self._forums), ("participant", self._participants), ("person", self._people),
                            ("event", self._event_names)):
            if rid in table:
                return kind
        return None

    def has_detail(self, rid: str) -> bool:
        return self.kind_of(rid) in DETAILED

    def _detail(self, kind: str, rid: str) -> Any:
        row = self.connection.execute("SELECT detail FROM browse_detail WHERE id = ? AND kind = ?",
                                      (rid, kind)).fetchone()
        return _decode(json.loads(zlib.decompress(row[0]))) if row else None

    def forum(self, fid: str) -> r.ForumDetail | None:
        detail: r.ForumDetail | None = self._detail("forum", fid)
        return detail

    def event(self, eid: str) -> r.EventDetail | None:
        detail: r.EventDetail | None = self._detail("event", eid)
        return detail

    def name_of(self, rid: str) -> str:
        if rid in self._participants:
            return self._participants[rid].short_name
        for table in (self._forums, self._people):
            if rid in table:
                return table[rid].name
        return self._event_names.get(rid, rid)
