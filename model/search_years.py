"""The ``year:`` filter of search: a typed year, decade or range, and the fewest index tokens that cover it
(model/search_index.py writes a token per year, decade and century of each record)."""

from __future__ import annotations

import re

from model import search_index as ix
from model.search_query import quoted

_YEAR = re.compile(r"^(\d{3,4})(s?)(?:(?:\.\.|-|\u2013)(\d{3,4})?)?$|^(?:\.\.|-)(\d{3,4})$")


def years(value: str) -> tuple[int, int] | None:
    m = _YEAR.match(value.strip())
    if not m:
        return None
    first, decade, last, only_end = m.groups()
    if only_end:
        return 1000, int(only_end)
    a = int(first)
    if decade:
        return a - a % 10, a - a % 10 + 9
    if last is None and value.strip().endswith(("..", "-", "\u2013")):
        return a, 2100
    b = int(last) if last else a
    return (a, b) if a <= b else (b, a)


def year_clause(a: int, b: int) -> str:
    """The fewest year, decade and century tokens covering [a, b]."""
    a, b = max(a, 1000), min(b, 2999)
    tokens_: list[str] = []
    y = a
    while y <= b:
        if y % 100 == 0 and y + 99 <= b:
            tokens_.append(ix.facet("c", str(y // 100)))
            y += 100
        elif y % 10 == 0 and y + 9 <= b:
            tokens_.append(ix.facet("d", str(y // 10)))
            y += 10
        else:
            tokens_.append(ix.facet("y", str(y)))
            y += 1
    if not tokens_:
        tokens_.append(ix.facet("y", "0"))
    return " OR ".join(quoted(t) for t in tokens_)
