"""How much of the paper the dataset covers: every paragraph of the preface and both parts, the records
that cite it, and for an uncited one the reason kept in resources/data/coverage.yaml.

A paragraph is one non-blank line of the paper inside a part that is not front matter, other than the
section headings listed in source.yaml. No Qt here: `forum-atlas stats --coverage` prints the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from model.loader import Dataset


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: int
    author: str  # preface | cossa | fukushima
    section: str
    records: tuple[str, ...]  # what cites it: "forum arf", "membership arf/jp (member)", ...
    reason: str | None = None  # why nothing cites it (coverage.yaml)

    @property
    def cited(self) -> bool:
        return bool(self.records)


def citing_records(ds: Dataset) -> dict[int, list[str]]:
    """Paper line -> the records that cite a passage on it, each named once, in dataset order."""
    out: dict[int, list[str]] = {}

    def add(label: str, cids: Iterable[str]) -> None:
        for cid in cids:
            names = out.setdefault(ds.citations[cid]["line"], [])
            if label not in names:
                names.append(label)

    for f in ds["forums"]:
        add(f"forum {f['id']}", f["cite"])
        for m in f["members"]:
            add(f"membership {f['id']}/{m['participant']} ({m['role']})", m["cite"])
            for d in m["delegation"]:
                add(f"delegation {f['id']}/{m['participant']} by {d['participant']}", d["cite"])
    for e in ds["events"]:
        add(f"event {e['id']}", e["cite"])
    for p in ds["people"]:
        add(f"person {p['id']}", p["cite"])
    for r in ds["relations"]:
        add(f"relation {r['from']} {r['kind']} {r['to']}", r["cite"])
    for c in ds["claims"]:
        add(f"claim {c['id']}", c["cite"])
    for d in ds["discrepancies"]:
        add(f"discrepancy {d['id']}", d["cite"])
    return out


def paragraphs(ds: Dataset, paper_lines: list[str]) -> list[Paragraph]:
    """Every paragraph of the preface and both parts, in the paper's order."""
    headings = {s["line"]: s["heading"] for s in ds.source["sections"]}
    reasons = {c["line"]: c for c in ds["coverage"]}
    cited = citing_records(ds)
    out = []
    for part in ds.source["parts"]:
        if part["author"] == "front":
            continue
        section = part["name"]
        for line in range(part["first"], min(part["last"], len(paper_lines)) + 1):
            if line in headings:
                section = headings[line]
                continue
            if not paper_lines[line - 1].strip():
                continue
            why = reasons.get(line)
            out.append(Paragraph(line, part["author"], section, tuple(cited.get(line, ())),
                                 why["reason"] if why else None))
    return out
