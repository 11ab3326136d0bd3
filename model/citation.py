"""References to the paper in a standard style, and its records for reference managers.

One set of CSL-JSON records (the paper, and its preface and two parts as chapters of it) is built from the
source record (resources/data/source.yaml). citeproc-py formats them with the standard CSL style files shipped
in resources/csl/ (Chicago author-date, APA); the same records are written out as RIS, BibTeX and CSL-JSON.
The formatted references are few and fixed, so `make` writes them once to resources/csl/references.json
(``python -m model.citation``) and the app reads them from there: the bundle carries neither citeproc nor the
lxml it needs (11 MB). Where the file lacks an entry (source.yaml changed since), citeproc formats it.
A reader is never given a line of the text file, nor a page number (the text has none): a passage is located by
its part and section.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model import paths

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle

    from model.queries import Atlas
    from model.records import Citation, EventDetail, ForumDetail, ParticipantDetail, PersonDetail

Item = dict[str, Any]  # a CSL-JSON item, or the `source` mapping it is made from

STYLES = {"chicago": "chicago-author-date.csl", "apa": "apa.csl"}
STYLE_LABELS = {"chicago": "Chicago author-date", "apa": "APA (7th edition)"}
FORMATS = ("ris", "bibtex", "csl-json")
PART_AUTHORS = ("preface", "cossa", "fukushima")  # the parts a reference can name; the front matter is CIAO's
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class CitationError(Exception):
    """The source record or a style file cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Reference:
    """One formatted reference: plain text for the clipboard's text, HTML (italic titles) for rich paste."""

    text: str
    html: str


def _names(by: str) -> list[dict[str, str]]:
    """'Stephan Haggard and Daniel Pinkston' -> CSL names; the family name is the last word."""
    out = []
    for name in re.split(r",\s*|\s+and\s+", by.strip()):
        given, _, family = name.strip().rpartition(" ")
        out.append({"family": family, "given": given} if given else {"literal": family})
    return out


def read_source(data: Path | None = None) -> Item:
    """The `source` mapping of source.yaml (raises CitationError, with the file, when it cannot be read)."""
    import yaml  # here: the window's start imports this module for its style names, and needs no YAML

    path = (data or paths.data_dir()) / "source.yaml"
    try:
        source: Item = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]
        return source
    except (OSError, yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise CitationError(f"cannot read the paper's bibliographic record in {path}: {exc}") from None


def records(source: Item | None = None) -> list[Item]:
    """CSL-JSON items: the paper (a report in a numbered series), then its preface and two parts (chapters)."""
    s = source or read_source()
    series, _, number = str(s["series"]).rpartition(" ")  # "IGCC Policy Paper 51"
    year, _, month = str(s["date"]).partition("-")
    common = {
        # The record's publisher is "... (IGCC), University of California": a reference spells the name out once.
        "publisher": re.sub(r"\s*\([A-Z]+\)", "", str(s["publisher"])),
        "issued": {"date-parts": [[int(year), int(month)] if month else [int(year)]]},
    }
    parts = {p["author"]: p for p in s["parts"]}
    paper = {"id": s["id"], "type": "report", "title": s["title"],
             "author": [n for a in ("cossa", "fukushima") for n in _names(parts[a]["by"])],
             "genre": series, "number": number, **common}
    out = [paper]
    for author in PART_AUTHORS:
        p = parts[author]
        out.append({"id": f"{s['id']}-{author}", "type": "chapter", "title": p["name"], "author": _names(p["by"]),
                    "container-title": s["title"], "collection-title": series, "collection-number": number,
                    **common})
    return out


def record_id(author: str, source: Item | None = None) -> str:
    """The id of the record for a part of the paper ('cossa' -> 'igcc-pp51-cossa'); the paper's own otherwise."""
    s = source or read_source()
    return f"{s['id']}-{author}" if author in PART_AUTHORS else s["id"]


@cache
def _style(name: str) -> CitationStylesStyle:
    from citeproc import CitationStylesStyle

    path = paths.resource("csl", STYLES[name])
    try:
        return CitationStylesStyle(str(path), validate=False)
    except (OSError, ValueError) as exc:
        raise CitationError(f"cannot read the citation style {path}: {exc}") from None


def _american_quotes(text: str) -> str:
    """Full stop and comma inside the closing quote, as both styles' en-US locale asks (punctuation-in-quote);
    citeproc-py does not apply that option yet."""
    return re.sub(r"\u201d([.,])", "\\1\u201d", text)


PRECOMPUTED = paths.resource("csl", "references.json")


def _key(item: Item, style: str) -> str:
    return f"{style} {json.dumps(item, sort_keys=True)}"


@cache
def _precomputed() -> dict[str, dict[str, str]]:
    try:
        table: dict[str, dict[str, str]] = json.loads(PRECOMPUTED.read_text(encoding="utf-8"))
        return table
    except (OSError, ValueError):
        return {}


def references(items: list[Item], style: str = "chicago") -> list[Reference]:
    """Each item's bibliography entry in ``style``, in the order given."""
    if style not in STYLES:
        raise CitationError(f"unknown style {style!r} (expected one of: {', '.join(STYLES)})")
    out = []
    for item in items:
        done = _precomputed().get(_key(item, style)) or _FORMATTED.get(_key(item, style))
        if done is None:  # citeproc takes ~0.1 s an entry; a record's sources name the same few parts
            done = _FORMATTED[_key(item, style)] = _format(item, style)
        out.append(Reference(done["text"], done["html"]))
    return out


_FORMATTED: dict[str, dict[str, str]] = {}


def _format(item: Item, style: str) -> dict[str, str]:
    """One bibliography entry by citeproc, as text and HTML."""
    try:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON
    except ImportError:
        raise CitationError(f"the formatted references ({PRECOMPUTED}) lack this one and citeproc-py is not "
                            "installed: run `make` to write them again") from None
    if style == "apa" and item["type"] == "chapter":  # APA's style names a chapter's series from these
        item = {**item, "genre": item["collection-title"], "number": item["collection-number"]}
    entries: dict[str, str] = {}
    for name, fmt in (("text", formatter.plain), ("html", formatter.html)):
        # one bibliography per item: the style's sorting must not reorder them
        bib = CitationStylesBibliography(_style(style), CiteProcJSON([item]), fmt)
        bib.register(Citation([CitationItem(item["id"])]))
        entries[name] = _american_quotes(str(bib.bibliography()[0]))
    return entries


def write_precomputed(target: Path = PRECOMPUTED) -> int:
    """Format every record of the paper in every style with citeproc and write them for the app to read."""
    from model import atomic

    table = {_key(item, style): _format(item, style) for style in STYLES for item in records()}
    atomic.write_text(target, lambda fh: fh.write(json.dumps(table, ensure_ascii=False, indent=1) + "\n"))
    return len(table)


def reference(rid: str, style: str = "chicago", source: Item | None = None) -> Reference:
    """The reference of the paper or one of its parts, by record id."""
    item = next((x for x in records(source) if x["id"] == rid), None)
    if item is None:
        raise CitationError(f"no record {rid!r} (expected one of: {', '.join(x['id'] for x in records(source))})")
    return references([item], style)[0]


def passage(citation: Citation, style: str = "chicago", quote: bool = True, source: Item | None = None) -> Reference:
    """A single source note: its part's reference, the section, and the passage quoted.

    ``citation`` is a model.records.Citation (author, part, section, quote).
    """
    ref = reference(record_id(citation.author, source), style, source)
    text, html = ref.text, ref.html
    if citation.section and citation.section != citation.part:  # a part's own title line has no section
        text += f" Section \u201c{citation.section}.\u201d"
        html += f" Section \u201c{escape(citation.section)}.\u201d"
    if quote and citation.quote:
        text += f"\n\u201c{citation.quote}\u201d"
        html += f"<br>\u201c{escape(citation.quote)}\u201d"
    return Reference(text, html)


def sources(title: str, citations: Iterable[Citation], style: str = "chicago", source: Item | None = None) -> Reference:
    """A record's references: its name, then each part of the paper it rests on, with the sections cited."""
    sections: dict[str, list[str]] = {}
    for c in sorted(citations, key=lambda c: c.line):  # parts and sections in the paper's order
        named = sections.setdefault(record_id(c.author, source), [])
        if c.section and c.section != c.part and c.section not in named:
            named.append(c.section)
    text, html = [f"{title}: sources"], [f"<p>{escape(title)}: sources</p>"]
    for rid, named in sections.items():
        ref = reference(rid, style, source)
        where = f" {'Sections' if len(named) > 1 else 'Section'}: {'; '.join(named)}." if named else ""
        text.append(ref.text + where)
        html.append(f"<p>{ref.html}{escape(where)}</p>")
    return Reference("\n".join(text), "".join(html))


# -- For reference managers ------------------------------------------------------------------------------

def csl_json(items: list[Item]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _person(name: dict[str, str]) -> str:
    return name.get("literal") or f"{name['family']}, {name['given']}"


def ris(items: list[Item]) -> str:
    out = []
    for x in items:
        y, *m = x["issued"]["date-parts"][0]
        lines = [("TY", "CHAP" if x["type"] == "chapter" else "RPRT"), ("ID", x["id"]),
                 *(("AU", _person(n)) for n in x["author"]), ("TI", x["title"])]
        if x["type"] == "chapter":
            lines += [("T2", x["container-title"]), ("T3", f"{x['collection-title']} {x['collection-number']}")]
        else:
            lines.append(("T3", f"{x['genre']} {x['number']}"))
        lines += [("PY", str(y)), ("DA", f"{y}/{m[0]:02d}" if m else str(y)), ("PB", x["publisher"]), ("ER", "")]
        out.append("\n".join(f"{tag}  - {value}" for tag, value in lines))  # "ER  - ", space kept: RIS wants it
    return "\n\n".join(out) + "\n"


def _bib(text: str) -> str:
    """A BibTeX value: TeX's special characters escaped, capitals kept as written."""
    text = re.sub(r"([&%$#_])", r"\\\1", text).replace("\u2019", "'")
    return "{" + text + "}"


def bibtex(items: list[Item]) -> str:
    out = []
    for x in items:
        y, *m = x["issued"]["date-parts"][0]
        fields = [("author", " and ".join(_person(n) for n in x["author"])), ("title", "{" + x["title"] + "}")]
        if x["type"] == "chapter":
            kind = "incollection"
            fields += [("booktitle", x["container-title"]), ("series", x["collection-title"]),
                       ("number", x["collection-number"]), ("publisher", x["publisher"])]
        else:
            kind = "techreport"
            fields += [("type", x["genre"]), ("number", x["number"]), ("institution", x["publisher"])]
        fields.append(("year", str(y)))
        body = ",\n".join(f"  {k} = {_bib(v)}" for k, v in fields)
        month = f",\n  month = {_MONTHS[m[0] - 1]}" if m else ""
        out.append(f"@{kind}{{{x['id']},\n{body}{month}\n}}")
    return "\n\n".join(out) + "\n"


def export(fmt: str, items: list[Item]) -> str:
    """The records in a reference manager's format: 'ris', 'bibtex' or 'csl-json'."""
    writers: dict[str, Callable[[list[Item]], str]] = {"ris": ris, "bibtex": bibtex, "csl-json": csl_json}
    return writers[fmt](items)


def record_citations(atlas: Atlas, rid: str) -> list[Citation]:
    """The passages a record rests on (model.records.Citation), as its page numbers them; [] for none."""
    details: dict[str, Callable[[str], ForumDetail | EventDetail | ParticipantDetail | PersonDetail | None]] = {
        "forum": atlas.forum, "event": atlas.event, "participant": atlas.participant, "person": atlas.person}
    get = details.get(atlas.kind_of(rid) or "")
    detail = get(rid) if get else None
    return list(detail.sources) if detail else []


if __name__ == "__main__":  # make: write resources/csl/references.json
    print(f"wrote {write_precomputed()} formatted references to {PRECOMPUTED}")
