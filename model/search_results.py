"""Search results: hits grouped by kind, their titles and snippets with the matching words marked. No Qt.

The matching words sit between :data:`MARK_ON` and :data:`MARK_OFF`; :func:`to_html` turns them into ``<b>``
after escaping, :func:`to_plain` drops them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from model import vocabulary
from model.search_query import fold, tokens

MARK_ON, MARK_OFF = "\x02", "\x03"
# The groups' order, fixed: the record kinds in their vocabulary's order, then the analyst's notes.
GROUP_ORDER = (*vocabulary.RECORD_KINDS.names, "note")


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # forum | event | participant | person | claim | quote
    id: str  # the record's id (a citation id for a quote)
    target: str  # the record that selecting this hit shows
    title: str  # may hold MARK_ON/MARK_OFF
    snippet: str  # may hold MARK_ON/MARK_OFF
    info: str  # a plain line of context: track and kind, date and place, author ...

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "target": self.target, "title": to_plain(self.title),
                "snippet": to_plain(self.snippet), "snippet_html": to_html(self.snippet), "info": self.info}


@dataclass(frozen=True, slots=True)
class Group:
    kind: str
    label: str
    hits: tuple[Hit, ...]
    more: bool  # there are more hits than shown


@dataclass(frozen=True)
class Results:
    text: str
    groups: tuple[Group, ...] = ()
    hints: tuple[str, ...] = ()

    @property
    def hits(self) -> list[Hit]:
        return [h for g in self.groups for h in g.hits]

    def __len__(self) -> int:
        return sum(len(g.hits) for g in self.groups)

    def __bool__(self) -> bool:
        return len(self) > 0

    def group(self, kind: str) -> Group | None:
        return next((g for g in self.groups if g.kind == kind), None)

    def ids(self, kind: str) -> list[str]:
        g = self.group(kind)
        return [h.id for h in g.hits] if g else []

    def to_dict(self) -> dict[str, object]:
        return {"query": self.text, "hints": list(self.hints), "count": len(self),
                "groups": [{"kind": g.kind, "label": g.label, "more": g.more, "hits": [h.to_dict() for h in g.hits]}
                           for g in self.groups]}


def arranged(groups: Iterable[Group], first: str | None = None) -> tuple[Group, ...]:
    """The groups in :data:`GROUP_ORDER` (``first``, when given, leads: a participant named by what was typed),
    whatever order they were made in; two groups of one kind become one, and the hits of one record (reached
    by two fields, two spellings or a synonym) merge into one, where the first found stands, with a snippet
    that shows the match if either had one."""
    merged: dict[str, list[Any]] = {}
    for g in groups:
        hits, more, label = merged.setdefault(g.kind, [{}, False, g.label])
        merged[g.kind][1] = more or g.more
        for hit in g.hits:
            seen = hits.get(hit.id)
            if seen is None:
                hits[hit.id] = hit
            elif MARK_ON not in seen.snippet and MARK_ON in hit.snippet:
                hits[hit.id] = Hit(seen.kind, seen.id, seen.target, seen.title, hit.snippet, seen.info)
    rank = {kind: n for n, kind in enumerate(GROUP_ORDER)}
    kinds = sorted(merged, key=lambda k: (k != first, rank.get(k, len(rank))))
    return tuple(Group(k, merged[k][2], tuple(merged[k][0].values()), merged[k][1]) for k in kinds)


def to_html(marked: str) -> str:
    """Escape, then turn the match markers into <b>...</b>."""
    return escape(marked).replace(MARK_ON, "<b>").replace(MARK_OFF, "</b>")


def to_plain(marked: str) -> str:
    return marked.replace(MARK_ON, "").replace(MARK_OFF, "")


# The columns a plain (unmarked) row of the index is selected with, as hit_from_row reads it.
PLAIN_ROW = "rowid, kind, record_id, title, aliases, substr(body, 1, 300), '', label, info, target"


def hit_from_row(row: tuple[Any, ...]) -> Hit:
    """A hit from a row of the search index's query (model/search.py)."""
    _rowid, kind, rid, title, aliases, body, context, label, info, target = row
    snippet = next((s for s in (body, aliases, context) if s and MARK_ON in s), None)
    if snippet is None:
        snippet = shorten(to_plain(body or "") or to_plain(aliases or ""))
    if kind == "quote":
        title, snippet = label, f"\u201c{snippet}\u201d"
    return Hit(kind, rid, target or rid, title or label, snippet, info or "")


def shorten(text: str, size: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " \u2026"


# -- ranking candidates (model/search.py) ------------------------------------------------------------
_ACRONYM = re.compile(r"\(([^()]+)\)$")
_MARKED_WORD = re.compile(f"{MARK_ON}([^{MARK_OFF}]*){MARK_OFF}")


def score(row: tuple[Any, ...], typed: set[str], phrase: str) -> tuple[int, int, int, bool, int, int]:
    """Order candidates: a name starting with the words, a title match, an alias match; whole words first."""
    rowid, title, aliases = row[0], row[3] or "", row[4] or ""
    tier = 0 if MARK_ON in title else 1 if MARK_ON in aliases else 2
    marked = _MARKED_WORD.findall(title + aliases)
    whole = sum(1 for m in marked if fold(m) in typed)
    return (name_rank(row, phrase), tier, -whole, not title.startswith(MARK_ON), len(title), rowid)


def name_rank(row: tuple[Any, ...], phrase: str) -> int:
    """How well the record's own names answer the typed words: 0 an acronym, alias or name equal to
    them ("ARF"), 1 one starting with them ("NEA": NEACD), 2 a title starting with them, 3 otherwise."""
    if not phrase:
        return 3
    title, aliases = to_plain(row[3] or ""), to_plain(row[4] or "")
    names = [_folded(n) for n in (*_ACRONYM.findall(title), *aliases.split("; ")) if n]
    whole = _folded(title)
    if phrase == whole or phrase in names:
        return 0
    if any(n.startswith(phrase) for n in names):
        return 1
    return 2 if whole.startswith(phrase) else 3


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """A name as folded words, for comparing it with what was typed."""
    return " ".join(fold(t) for t in tokens(text))
