"""Japanese names in search: the participants and forums whose Japanese name (a translation made for the
interface, resources/data/translations.yaml) holds the typed words. FTS5's tokenizer does not split Japanese,
so these few names are matched by substring in memory; filters narrow them as they do every hit."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from model import vocabulary
from model.search_query import fold
from model.search_results import MARK_OFF, MARK_ON, PLAIN_ROW, Group, hit_from_row

if TYPE_CHECKING:
    from model.queries import Atlas

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")  # kana, kanji


class JapaneseNames:
    def __init__(self, atlas: Atlas, con: sqlite3.Connection, ranges: dict[str, tuple[int, int]], total: int) -> None:
        self.atlas, self.con, self.ranges, self.total = atlas, con, ranges, total
        self.names_ja = {rid: [(name, fold(name)) for name in names] for rid, names in atlas.names_ja().items()}
        self._rowids: dict[str, int] | None = None  # record id -> the index's row, when first needed

    def groups(self, words: list[tuple[tuple[str, ...], bool]], kinds: set[str],
               facets: dict[str, str]) -> dict[str, Group]:
        """Participants and forums whose Japanese name holds every typed word, when one of them is in
        Japanese script: kind -> a group of them, shortest names first. Filters narrow them as they do
        every hit."""
        typed = [fold("".join(toks)) for toks, _ in words]
        if not typed or not any(JAPANESE.search(w) for w in typed):
            return {}
        found: dict[str, list[tuple[str, str]]] = {}
        for rid, names in self.names_ja.items():
            name = next((name for name, folded in names if all(w in folded for w in typed)), None)
            kind = self.atlas.kind_of(rid)
            if name is not None and kind is not None:  # the name shown, or the other Japanese name that holds the words
                found.setdefault(kind, []).append((rid, name))
        groups = {}
        for kind, named in found.items():
            if kind not in kinds or kind not in self.ranges:
                continue
            rows = self._rows_of(kind, [rid for rid, _ in sorted(named, key=lambda x: (len(x[1]), x[1]))],
                                 facets.get(kind))
            marked = {rid: _mark(name, typed) for rid, name in named}
            hits = [hit_from_row(row) for row in rows]
            hits = [replace(h, snippet=marked[h.id], info=" \u00b7 ".join(p for p in ("Japanese name, a translation", h.info) if p))
                    for h in hits]
            if hits:
                groups[kind] = Group(kind, vocabulary.RECORD_KINDS.labels()[kind], tuple(hits), False)
        return groups

    def _rows_of(self, kind: str, rids: list[str], facet: str | None) -> list[tuple[Any, ...]]:
        """The index's rows of these records (in this order), those a facet expression lets through."""
        if self._rowids is None:
            self._rowids = {rid: rowid for rowid, rid in self.con.execute(
                "SELECT rowid, record_id FROM search WHERE rowid BETWEEN ? AND ?",
                (min(lo for lo, _ in self.ranges.values()), self.total)) if rid in self.names_ja}
        rowids = [self._rowids[rid] for rid in rids if rid in self._rowids]
        if not rowids:
            return []
        lo, hi = self.ranges[kind]
        marks = ",".join("?" * len(rowids))
        if facet:
            rows = self.con.execute(f"SELECT {PLAIN_ROW} FROM search WHERE search MATCH ? AND rowid IN ({marks}) "
                                    "AND rowid BETWEEN ? AND ?", (f"facets : ({facet})", *rowids, lo, hi)).fetchall()
        else:
            rows = self.con.execute(f"SELECT {PLAIN_ROW} FROM search WHERE rowid IN ({marks}) AND rowid BETWEEN ? AND ?",
                                    (*rowids, lo, hi)).fetchall()
        order = {rowid: n for n, rowid in enumerate(rowids)}
        return sorted(rows, key=lambda row: order[row[0]])


def _mark(name: str, typed: list[str]) -> str:
    """``name`` with the typed words marked (found folded, as they matched)."""
    folded = fold(name)
    marked = [False] * len(name)
    for w in typed:
        at = folded.find(w)
        while at >= 0 and len(folded) == len(name):  # folding kept the length: positions carry over
            marked[at:at + len(w)] = [True] * len(w)
            at = folded.find(w, at + 1)
    out, on = [], False
    for ch, m in zip(name, marked, strict=True):
        if m != on:
            out.append(MARK_ON if m else MARK_OFF)
            on = m
        out.append(ch)
    return "".join(out) + (MARK_OFF if on else "")
