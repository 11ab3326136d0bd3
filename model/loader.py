"""Load and validate the YAML sources.

Every problem is collected and reported at once as ``file:line: field: message``; a dataset
with any problem is never returned. The result is a :class:`Dataset` of plain dicts with
dates parsed and citations resolved to their part and section.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model import loader_links as links
from model import roles, vocabulary
from model.dates import DateError, PartialDate
from model.yaml_reader import Map as _Map
from model.yaml_reader import read_yaml as _read_yaml

PARTICIPANT_KINDS = ("state", "territory", "organisation", "institute", "agency", "group")
FORUM_KINDS = (
    "organisation", "alliance", "treaty-body", "dialogue", "negotiation", "conference", "seminar",
    "working-group", "study-project", "trilateral", "network", "economic-forum",
)
TRACKS = vocabulary.TRACKS.names
SCOPES = (
    "global", "asia-pacific", "east-asia", "northeast-asia", "southeast-asia", "korean-peninsula",
    "north-pacific", "europe", "bilateral",
)
STATUSES = vocabulary.STATUSES.names
ROLES = roles.ORDER  # each role's rule and the record kinds it applies to: model/roles.py
EVENT_KINDS = vocabulary.EVENT_KINDS.names
RELATION_KINDS = ("supports", "grew-out-of", "modelled-on", "proposed-as", "companion-of", "replaced", "part-of")
AUTHORS = vocabulary.AUTHORS.names
STANCES = ("positive", "negative", "mixed", "neutral")
MAX_QUOTE_WORDS = 45
TABLES = ("participants", "forums", "events", "people", "relations", "claims", "discrepancies", "eras", "coverage",
          "translations")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INT_LIMIT = 2**63  # SQLite's integers are 64-bit
ONE_LINE = ("name", "short_name", "acronym", "aliases", "title", "place", "role", "heading", "author", "by", "name_ja",
            "aliases_ja")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
    "\u201e": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u00a0": " ",
})


def fold(text: str) -> str:
    """Fold curly quotes, dashes and runs of whitespace, for comparing quotes with the paper."""
    return " ".join(text.translate(_FOLD).split())


class DataError(Exception):
    """The YAML sources are invalid; ``problems`` holds every ``file:line: field: message``."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# Field specifications: name -> (type, required, argument). ``note`` is content a reader sees; ``data_note``
# is the curators' own (scanning damage, reasoning) and is shown only under "About this record". Types:
#   id, str, int, strs, date, enum (argument: allowed values), ref / refs (argument: table),
#   cite, members, delegation. "any" refs resolve against every table's ids. ``variants`` are spellings
#   damaged in scanning: searchable, never shown as a name.
Spec = tuple[str, bool, Any]  # the argument is of the type's own kind: names for an enum, a table for a ref
Record = dict[str, Any]  # a checked record: field -> a value of the type its spec names
_CITE_FIELDS: dict[str, Spec] = {"line": ("int", True, None), "quote": ("str", True, None), "note": ("str", False, None)}
SPECS: dict[str, dict[str, Spec]] = {
    "participants": {
        "id": ("id", True, None), "name": ("str", True, None), "short_name": ("str", False, None),
        "kind": ("enum", True, PARTICIPANT_KINDS), "aliases": ("strs", False, None), "variants": ("strs", False, None),
        "note": ("str", False, None), "data_note": ("str", False, None),
    },
    "forums": {
        "id": ("id", True, None), "name": ("str", True, None), "acronym": ("str", False, None),
        "aliases": ("strs", False, None), "variants": ("strs", False, None), "kind": ("enum", True, FORUM_KINDS),
        "track": ("enum", False, TRACKS), "scope": ("enum", True, SCOPES),
        "status": ("enum", True, STATUSES), "founded": ("date", False, None), "ended": ("date", False, None),
        "parent": ("ref", False, "forums"), "summary": ("str", True, None), "note": ("str", False, None), "data_note": ("str", False, None),
        "cite": ("cite", True, None), "members": ("members", False, None),
    },
    "members": {
        "participant": ("ref", True, "participants"), "role": ("enum", True, ROLES),
        "since": ("date", False, None), "until": ("date", False, None), "note": ("str", False, None), "data_note": ("str", False, None),
        "cite": ("cite", True, None), "delegation": ("delegation", False, None),
    },
    # Who represents a membership (a ministry, an agency, an officer's service, an institute): not a member itself.
    "delegation": {
        "participant": ("ref", True, "participants"), "since": ("date", False, None), "until": ("date", False, None),
        "note": ("str", False, None), "data_note": ("str", False, None), "cite": ("cite", True, None),
    },
    "events": {
        "id": ("id", True, None), "title": ("str", True, None), "kind": ("enum", True, EVENT_KINDS),
        "date": ("date", True, None), "end": ("date", False, None), "place": ("str", False, None),
        "ordinal": ("int", False, None), "chair": ("ref", False, "participants"),
        "forums": ("refs", False, "forums"), "participants": ("refs", False, "participants"),
        "people": ("refs", False, "people"), "summary": ("str", False, None), "note": ("str", False, None), "data_note": ("str", False, None),
        "cite": ("cite", True, None),
    },
    "people": {
        "id": ("id", True, None), "name": ("str", True, None), "variants": ("strs", False, None),
        "role": ("str", True, None), "participant": ("ref", False, "participants"), "forums": ("refs", False, "forums"),
        "note": ("str", False, None), "data_note": ("str", False, None), "cite": ("cite", True, None),
    },
    "relations": {
        "from": ("ref", True, "forums"), "to": ("ref", True, "forums"), "kind": ("enum", True, RELATION_KINDS),
        "note": ("str", False, None), "data_note": ("str", False, None), "cite": ("cite", True, None),
    },
    "claims": {
        "id": ("id", False, None), "forum": ("ref", True, "forums"), "author": ("enum", True, AUTHORS),
        "stance": ("enum", False, STANCES), "text": ("str", True, None), "data_note": ("str", False, None), "cite": ("cite", True, None),
    },
    "discrepancies": {
        "id": ("id", True, None), "about": ("refs", True, "any"), "note": ("str", True, None),
        "data_note": ("str", False, None), "cite": ("cite", True, None),
    },
    "eras": {
        "id": ("id", True, None), "name": ("str", True, None), "start": ("date", True, None),
        "end": ("date", True, None),
    },
    # Why a paragraph of the paper has no record citing it (forum-atlas stats --coverage).
    "coverage": {"line": ("int", True, None), "reason": ("str", True, None)},
    # A participant's or forum's Japanese name (and other Japanese names search finds it by): translations made
    # for the interface, never the paper's words.
    "translations": {"record": ("ref", True, "any"), "name_ja": ("str", True, None),
                     "aliases_ja": ("strs", False, None)},
}
# Pairs of date fields where the second may never fall before the first.
_ORDERED = {"forums": ("founded", "ended"), "members": ("since", "until"), "delegation": ("since", "until"),
            "events": ("date", "end"),
            "eras": ("start", "end")}


@dataclass
class Dataset:
    source: Record
    tables: dict[str, list[Record]] = field(default_factory=dict)
    citations: dict[str, Record] = field(default_factory=dict)  # id -> citation
    files: list[Path] = field(default_factory=list)

    def __getitem__(self, table: str) -> list[Record]:
        return self.tables[table]


class _Checker:
    def __init__(self, source: Record, paper_lines: list[str] | None) -> None:
        self.problems: list[str] = []
        self.source = source
        self.paper = [fold(line) for line in paper_lines] if paper_lines is not None else None
        self.citations: dict[str, Record] = {}
        self.refs: list[tuple[str, int, str, str, str]] = []  # where, line, field, table, id

    def problem(self, where: str, line: int, fld: str, message: str) -> None:
        self.problems.append(f"{where}:{line}: {fld}: {message}")

    # -- one record --------------------------------------------------------------
    def record(self, table: str, rec: object, where: str, spec_name: str | None = None) -> Record | None:
        spec = SPECS[spec_name or table]
        if not isinstance(rec, _Map):
            self.problem(where, getattr(rec, "line", 0), table, f"each entry must be a mapping, not {rec!r}")
            return None
        out: Record = {"_file": where, "_line": rec.line}
        for key in rec:
            if key not in spec:
                self.problem(where, rec.key_lines.get(str(key), rec.line), str(key),
                             f"unknown field (expected one of: {', '.join(spec)})")
        for name, (kind, required, arg) in spec.items():
            line = rec.key_lines.get(name, rec.line)
            value = rec.get(name)
            if value is None or value == "" or value == []:
                if required:
                    self.problem(where, rec.line, name, "required field is missing")
                out[name] = [] if kind in ("strs", "refs", "cite", "members", "delegation") else None
                continue
            out[name] = self.value(kind, arg, value, where, line, name, table)
        for lo, hi in [_ORDERED[spec_name or table]] if (spec_name or table) in _ORDERED else []:
            a, b = out.get(lo), out.get(hi)
            if isinstance(a, PartialDate) and isinstance(b, PartialDate) and b.end < a.start:
                self.problem(where, rec.key_lines.get(hi, rec.line), hi,
                             f"{b} is before {lo} {a}")
        return out

    def value(self, kind: str, arg: Any, value: object, where: str, line: int, name: str, table: str) -> object:
        if kind == "id":
            if not isinstance(value, str) or not _SLUG.match(value):
                self.problem(where, line, name, f"{value!r} is not a lowercase slug like 'arf' or 'neacd-1993-10'")
            return str(value)
        if kind == "str":
            if not isinstance(value, str):
                self.problem(where, line, name, f"expected text, got {type(value).__name__} {value!r}")
            self.plain(str(value), where, line, name)
            return str(value).strip()
        if kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                self.problem(where, line, name, f"expected a whole number, got {value!r}")
                return None
            if not -INT_LIMIT <= value < INT_LIMIT:  # what SQLite stores; build would raise OverflowError
                self.problem(where, line, name, f"{value} is out of range")
                return None
            return value
        if kind == "enum":
            text = str(value)
            if text not in arg:
                self.problem(where, line, name, f"{value!r} is not one of: {', '.join(arg)}")
            return text
        if kind == "date":
            try:
                return PartialDate.parse(str(value))
            except DateError as exc:
                self.problem(where, line, name, str(exc))
                return None
        if kind in ("strs", "refs"):
            items = value if isinstance(value, list) else [value]
            if not isinstance(value, list):
                self.problem(where, line, name, "expected a list")
            for item in items if kind == "strs" else ():
                self.plain(str(item), where, line, name)
            if kind == "refs":
                for item in items:
                    self.refs.append((where, line, name, arg, str(item)))
            return [str(item) for item in items]
        if kind == "ref":
            self.refs.append((where, line, name, arg, str(value)))
            return str(value)
        if kind == "cite":
            if not isinstance(value, list):
                self.problem(where, line, name, "expected a list of {line, quote}")
                return []
            return [c for c in (self.cite(item, where) for item in value) if c]
        if kind in ("members", "delegation"):
            if not isinstance(value, list):
                self.problem(where, line, name, "expected a list of " + (
                    "memberships" if kind == "members" else "{participant, since, until, note, cite}"))
                return []
            return [m for m in (self.record(table, item, where, kind) for item in value) if m]
        raise AssertionError(kind)

    def plain(self, text: str, where: str, line: int, name: str) -> None:
        """Control characters (and lone surrogates, which SQLite cannot store) are never data; a name, a
        title or an alias is one line, so not even a tab or a line break belongs in it."""
        bad = (_CONTROL if name in ONE_LINE else _CONTROL_IN_TEXT).search(text)
        if bad:
            self.problem(where, line, name, f"control character U+{ord(bad.group()):04X} in {text[:40]!r}")

    def cite(self, item: object, where: str) -> str | None:
        if not isinstance(item, _Map):
            self.problem(where, 0, "cite", f"each citation must be {{line, quote}}, not {item!r}")
            return None
        rec = self.record("citation", item, where, "cite")
        if rec is None:
            return None
        line, quote = rec["line"], rec["quote"]
        if not isinstance(line, int) or not quote:
            return None
        part = next((p for p in self.source["parts"] if p["first"] <= line <= p["last"]), None)
        if part is None:
            self.problem(where, rec["_line"], "cite.line", f"line {line} is outside the paper's parts")
            return None
        words = len(quote.split())
        if words > MAX_QUOTE_WORDS:
            self.problem(where, rec["_line"], "cite.quote", f"quote has {words} words; keep it under about 40")
        if self.paper is not None:
            text = self.paper[line - 1] if line <= len(self.paper) else ""
            if fold(quote) not in text:
                found = [i + 1 for i, t in enumerate(self.paper) if fold(quote) in t]
                hint = f" (it is on line {found[0]})" if found else ""
                self.problem(where, rec["_line"], "cite.quote",
                             f"not found verbatim on line {line} of the paper{hint}: {quote[:60]!r}")
        sections = [s for s in self.source["sections"] if s["line"] <= line]
        section = sections[-1]["heading"] if sections and part["author"] != "front" else part["name"]
        cid = f"L{line:03d}-" + hashlib.sha1(fold(quote).encode()).hexdigest()[:6]
        self.citations.setdefault(cid, {
            "id": cid, "author": part["author"], "part": part["name"], "section": section,
            "line": line, "quote": quote, "note": rec.get("note"),
        })
        return cid


SPECS["cite"] = _CITE_FIELDS
# The `source` record: these fields, plus its parts and sections.
SOURCE_FIELDS = ("id", "title", "authors", "publisher", "series", "date", "file", "sha256", "as_of")
SPECS["parts"] = {"author": ("str", True, None), "name": ("str", True, None), "by": ("str", False, None),
                  "first": ("int", True, None), "last": ("int", True, None)}
SPECS["sections"] = {"line": ("int", True, None), "heading": ("str", True, None)}


def _check_source(where: str, doc: _Map, problems: list[str]) -> Record | None:
    """The `source` record with its parts and sections checked; None (and problems) if it is malformed."""
    check = _Checker({"parts": [], "sections": []}, None)
    source = doc["source"]
    if not isinstance(source, _Map):
        check.problem(where, doc.key_lines.get("source", 1), "source",
                      f"expected a mapping of {', '.join(SOURCE_FIELDS)}, parts and sections, not {source!r}")
        problems += check.problems
        return None
    out: Record = {str(k): v for k, v in source.items()}
    for name in SOURCE_FIELDS:
        if source.get(name) in (None, ""):
            check.problem(where, source.line, f"source.{name}", "required field is missing")
    for name, shape in (("parts", "{author, name, by, first, last}"), ("sections", "{line, heading}")):
        value = source.get(name)
        line = source.key_lines.get(name, source.line)
        if not isinstance(value, list) or (name == "parts" and not value):
            check.problem(where, line, f"source.{name}", f"expected a list of {shape}")
            continue
        out[name] = [r for r in (check.record(f"source.{name}", item, where, name) for item in value) if r]
    for part in out.get("parts") or []:
        if isinstance(part["first"], int) and isinstance(part["last"], int) and part["last"] < part["first"]:
            check.problem(where, part["_line"], "last", f"part ends (line {part['last']}) before it begins "
                                                        f"(line {part['first']})")
    problems += check.problems
    return None if check.problems else out


def _read_paper(paper: Path, sha256: str, problems: list[str]) -> list[str] | None:
    """The paper's lines, if ``paper`` is the paper the source record names; else None and one problem."""
    try:
        data = paper.read_bytes()
    except OSError as exc:
        problems.append(f"{paper}:0: paper: cannot read: {exc.strerror or exc}")
        return None
    digest = hashlib.sha256(data).hexdigest()
    if digest != str(sha256).strip().lower():
        problems.append(f"{paper}:0: paper: this is not the paper's text (sha256 {digest[:16]}..., "
                        f"the source record expects {str(sha256)[:16]}...); quotes were not checked")
        return None
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        problems.append(f"{paper}:0: paper: cannot read: not UTF-8 text")
        return None


def load(data_dir: Path, paper: Path | None = None) -> Dataset:
    """Load every YAML file under ``data_dir``; raise DataError listing every problem.

    ``paper`` is the source text; when given, every quote is checked against it.
    """
    problems: list[str] = []
    if not data_dir.is_dir():
        raise DataError([f"{data_dir}:0: data: the folder does not exist"
                         if not data_dir.exists() else f"{data_dir}:0: data: not a folder"])
    files = sorted(data_dir.glob("*.yaml"))
    docs, unread = [], []
    for path in files:
        before = len(problems)
        doc = _read_yaml(path, problems)
        if doc is None and len(problems) > before:
            unread.append(path.name)
        docs.append((path, doc))
    source_docs = [(p, d) for p, d in docs if isinstance(d, _Map) and "source" in d]
    if len(source_docs) != 1:
        raise DataError(problems + [f"{data_dir}:0: source: exactly one file must hold the `source` record"])
    source = _check_source(source_docs[0][0].name, source_docs[0][1], problems)
    if source is None:  # citations are resolved against its parts and sections: check nothing else
        raise DataError(problems)
    paper_lines = _read_paper(paper, source["sha256"], problems) if paper else None
    check = _Checker(source, paper_lines)
    check.problems = problems
    tables: dict[str, list[Record]] = {t: [] for t in TABLES}
    for path, doc in docs:
        if doc is None:
            continue
        if not isinstance(doc, _Map):
            check.problem(path.name, 1, "file", "expected a mapping of tables at the top level")
            continue
        for table, records in doc.items():
            if table == "source":
                continue
            if table not in TABLES:
                check.problem(path.name, doc.key_lines.get(str(table), 1), str(table),
                              f"unknown table (expected one of: {', '.join(TABLES)})")
                continue
            if not isinstance(records, list):
                check.problem(path.name, doc.key_lines.get(table, 1), table, "expected a list of records")
                continue
            for rec in records:
                out = check.record(table, rec, path.name)
                if out is not None:
                    tables[table].append(out)

    _number_claims(tables["claims"])
    ids: dict[str, dict[str, Record]] = {t: {} for t in TABLES}
    first_use: dict[str, tuple[str, Record]] = {}  # an id names one record of any kind: notes and exports rely on it
    in_reading_order = sorted(((rec["_file"], rec["_line"], table, rec) for table, records in tables.items()
                               for rec in records if rec.get("id") is not None), key=lambda x: x[:2])
    for _, _, table, rec in in_reading_order:
        rid = rec["id"]
        if rid in first_use:
            other_table, first = first_use[rid]
            what = "" if other_table == table else f", a record in {other_table}"
            check.problem(rec["_file"], rec["_line"], "id",
                          f"duplicate id {rid!r} (first at {first['_file']}:{first['_line']}{what})")
        else:
            first_use[rid] = (table, rec)
        ids[table].setdefault(rid, rec)  # references still resolve within their own table
    every = {rid for table in ids.values() for rid in table}
    unknown = [ref for ref in check.refs if ref[4] not in (every if ref[3] == "any" else ids[ref[3]])]
    if unread and unknown:  # the unread file's records are missing: each reference to them would be reported
        check.problem(unread[0], 0, "references", f"{len(unknown)} reference(s) to records not found were not "
                                                  f"listed, because {', '.join(unread)} could not be read; fix "
                                                  "the error above and check again")
        unknown = []
    for where, line, name, table, rid in unknown:
        check.problem(where, line, name, f"unknown {table.rstrip('s') if table != 'any' else 'record'} id {rid!r}")
    for claim in tables["claims"]:
        for cid in claim["cite"]:
            cited = check.citations[cid]["author"]
            if claim["author"] and cited != claim["author"]:
                check.problem(claim["_file"], claim["_line"], "author",
                              f"claim is by {claim['author']} but line {check.citations[cid]['line']} is in the {cited} part")
    for forum in tables["forums"]:
        if forum["parent"] == forum["id"]:
            check.problem(forum["_file"], forum["_line"], "parent", "a forum cannot be its own parent")
        links.check_roles(check, forum, ids["participants"])
    for entry in tables["coverage"]:
        part = next((p for p in source["parts"] if p["first"] <= (entry["line"] or 0) <= p["last"]), None)
        if isinstance(entry["line"], int) and (part is None or part["author"] == "front"):
            check.problem(entry["_file"], entry["_line"], "line",
                          f"line {entry['line']} is not in the preface or either author's part")
    links.check_parent_cycles(tables["forums"], check)
    links.check_translations(tables["translations"], ids, check)
    if check.problems:
        raise DataError(check.problems)
    return Dataset(source=dict(source), tables=tables, citations=check.citations, files=files)


def _number_claims(claims: list[Record]) -> None:
    """Give claims without an id a stable one: author-forum-n, in file order."""
    seen: dict[str, int] = {}
    taken = {c["id"] for c in claims if c.get("id")}
    for claim in claims:
        if claim.get("id"):
            continue
        stem = f"{claim['author']}-{claim['forum']}"
        n = seen.get(stem, 0)
        while True:
            n += 1
            if f"{stem}-{n}" not in taken:
                break
        seen[stem] = n
        claim["id"] = f"{stem}-{n}"
        taken.add(claim["id"])
