"""The atlas as it stood at a given month: which forums existed and which memberships were in force.

A month "YYYY-MM" stands for its last day. A forum exists from its founding (founded/ended) and a
membership is in force from ``since`` to ``until``; a record with no date is taken to exist as long as
its forum does, and a forum the paper never dates is shown as uncertain. Where the month falls inside a date's own uncertainty (a founding "in 1993" seen from
June 1993, or a founding the paper's authors date differently) the answer is "uncertain", not yes or no.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from model.dates import PartialDate
from model.records import ForumRow

if TYPE_CHECKING:  # the window asks before SQLModel is loaded
    from model.queries import Atlas

EXISTS, NOT_YET, ENDED, UNCERTAIN = "exists", "not-yet", "ended", "uncertain"
PAPER_MONTH = "1999-06"  # the paper's own moment, the default
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_day(month: str) -> int:
    """The last day of "YYYY-MM", as a proleptic ordinal (ValueError if it is not such a month)."""
    m = _MONTH.match(month or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"not a month (YYYY-MM): {month!r}")
    y, mo = int(m.group(1)), int(m.group(2))
    return date(y, mo, calendar.monthrange(y, mo)[1]).toordinal()


def day_month(day: int) -> str:
    d = date.fromordinal(day)
    return f"{d.year:04d}-{d.month:02d}"


def clamp(month: str, first: str, last: str = PAPER_MONTH) -> tuple[str, str | None]:
    """``month`` brought into first..last, with a message saying so when it had to be moved."""
    if month < first:
        return first, f"{month} is before the first event ({first}): showing {first}."
    if month > last:
        return last, f"{month} is after the paper's moment ({last}): showing {last}."
    return month, None


def span(start: PartialDate | None, end: PartialDate | None, day: int,
         disputed: tuple[int, int] | None = None) -> str:
    """Where ``day`` falls in a life from ``start`` to ``end`` (either None: open).

    ``disputed``: the days over which the sources disagree on the start; inside them it is uncertain.
    """
    if disputed and disputed[0] <= day <= disputed[1]:
        return UNCERTAIN
    if start is not None:
        if day < start.start.toordinal():
            return NOT_YET
        if day < start.end.toordinal():
            return UNCERTAIN
    if end is not None:
        if day > end.end.toordinal():
            return ENDED
        if day >= end.start.toordinal():
            return UNCERTAIN
    return EXISTS


def forum_states(atlas: Atlas, month: str) -> dict[str, str]:
    """forum id -> EXISTS, NOT_YET, ENDED or UNCERTAIN at the month."""
    return states_at(atlas.forums(), month_day(month), disputed_foundings(atlas))


def states_at(forums: Iterable[ForumRow], day: int, disputes: dict[str, tuple[int, int]]) -> dict[str, str]:
    """Each forum's state at ``day``; a sub-body with no founding date of its own shares its parent's."""
    by_id = {f.id: f for f in forums}
    out: dict[str, str] = {}

    def state(f: ForumRow) -> str:
        if f.id not in out:
            parent = by_id.get(f.parent_id) if f.parent_id else None
            if f.founded is None and parent is not None and parent.id != f.id:
                out[f.id] = EXISTS  # a guard against a cycle while the parent is worked out
                inherited = state(parent)
                out[f.id] = inherited if f.ended is None or inherited != EXISTS else span(None, f.ended, day)
            elif f.founded is None and (f.ended is None or day <= f.ended.end.toordinal()):
                out[f.id] = UNCERTAIN  # the paper never dates its start: perhaps it stood then, perhaps not
            else:
                out[f.id] = span(f.founded, f.ended, day, disputes.get(f.id))
        return out[f.id]

    for f in by_id.values():
        state(f)
    return out


@cache
def disputed_foundings(atlas: Atlas) -> dict[str, tuple[int, int]]:
    """forum id -> the days its disputed founding spans: a discrepancy about a founding date ("...-founding-date")
    covers the founding and the events it names, from the first event's first day to the last's last."""
    con = getattr(atlas, "connection", None)
    if con is None:  # the browse data (model/browse.py) keeps no discrepancies: read them from its file
        with closing(sqlite3.connect(f"{atlas.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)) as own:
            about, days = _founding_discrepancies(own)
    else:
        about, days = _founding_discrepancies(con)
    out: dict[str, tuple[int, int]] = {}
    for ids in about.values():
        span_days = [d for rid in ids if rid in days for d in days[rid]]
        for fid in ids:
            row = atlas.forum_row(fid)
            if row is not None and row.founded is not None:
                found = [*span_days, row.founded.start.toordinal(), row.founded.end.toordinal()]
                out[fid] = (min(found), max(found))
    return out


def _founding_discrepancies(con: sqlite3.Connection) -> tuple[dict[str, list[str]], dict[str, tuple[int, int]]]:
    """(discrepancy id -> the records it is about, event id -> its days) for the discrepancies about foundings."""
    about: dict[str, list[str]] = {}
    for did, rid in con.execute("SELECT discrepancy_id, record_id FROM discrepancyrecord "
                                "WHERE discrepancy_id LIKE '%found%'"):
        about.setdefault(did, []).append(rid)
    wanted = {rid for ids in about.values() for rid in ids}
    days = {eid: (lo, hi) for eid, lo, hi in con.execute("SELECT id, lo, hi FROM event") if eid in wanted}
    return about, days
