"""PartialDate: a date exactly as precise as the paper gives it.

The YAML form is documented in resources/data/README.md. A PartialDate maps to an
inclusive interval of days (for drawing and for date-window queries), orders totally
by that interval, and formats the way the paper would say it.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = list(calendar.month_name)[1:]
APPROX = ("about", "before", "after")
THIRDS = ("early", "mid", "late")
SEASONS = ("spring", "summer", "autumn", "winter")
MIN_YEAR, MAX_YEAR = 1000, 9000

_SINGLE = re.compile(
    r"^(?:(?P<approx>about|before|after)\s+)?"
    r"(?:(?P<part>early|mid|late|spring|summer|autumn|winter)\s+)?"
    r"(?:(?P<decade>\d{3}0)s|(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?)$"
)


class DateError(ValueError):
    """A date string that is not a valid partial date."""


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a PartialDate: a year, month or day, perhaps a decade, perhaps qualified."""

    year: int
    month: int | None = None
    day: int | None = None
    decade: bool = False
    part: str | None = None  # early | mid | late | spring | summer | autumn | winter
    approx: str | None = None  # about | before | after

    def nominal(self) -> tuple[date, date]:
        """The days this point covers, before 'before'/'after' are applied."""
        y, m = self.year, self.month
        if self.decade:
            lo, hi = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}[self.part]
            return date(y + lo, 1, 1), date(y + hi, 12, 31)
        if m is not None and self.day is not None:  # a day always has its month (_SINGLE)
            d = date(y, m, self.day)
            return d, d
        if m is not None:
            last = calendar.monthrange(y, m)[1]
            lo, hi = {None: (1, last), "early": (1, 10), "mid": (11, 20), "late": (21, last)}[self.part]
            return date(y, m, lo), date(y, m, hi)
        if self.part == "winter":  # the winter that ends in this year
            return date(y - 1, 12, 1), date(y, 2, calendar.monthrange(y, 2)[1])
        first, last = {
            None: (1, 12), "early": (1, 4), "mid": (5, 8), "late": (9, 12),
            "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11),
        }[self.part]
        return date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])

    def interval(self) -> tuple[date, date]:
        lo, hi = self.nominal()
        # "before October 1994" is vague: give it at least a year of soft-edged room, not one month.
        span = max(hi - lo + timedelta(days=1), timedelta(days=365))
        if self.approx == "before":
            return lo - span, lo - timedelta(days=1)
        if self.approx == "after":
            return hi + timedelta(days=1), hi + span
        return lo, hi

    def iso(self) -> str:
        if self.decade or self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def qualifier(self) -> str | None:
        words = [w for w in (self.approx, self.part, "decade" if self.decade else None) if w]
        return " ".join(words) or None

    def __str__(self) -> str:
        core = f"{self.year}s" if self.decade else self.iso()
        return " ".join(w for w in (self.approx, self.part, core) if w)

    def display(self, with_year: bool = True) -> str:
        if self.decade:
            sep = "-" if self.part == "mid" else " "  # "the mid-1980s", "the early 1980s"
            core = f"the {self.part}{sep}{self.year}s" if self.part else f"the {self.year}s"
        else:
            bits = []
            if self.day is not None:
                bits.append(str(self.day))
            if self.month is not None:
                bits.append(MONTHS[self.month - 1])
            if with_year or not bits:
                bits.append(str(self.year))
            core = " ".join(bits)
            if self.part:
                core = f"{self.part} {core}"
        if self.approx == "about":
            return f"c. {core}"
        if self.approx:
            return f"{self.approx} {core}"
        return core


def _parse_point(text: str) -> Point:
    m = _SINGLE.match(text.strip().lower())
    if not m:
        raise DateError(f"not a partial date: {text!r} (see resources/data/README.md)")
    approx, part = m["approx"], m["part"]
    year = int(m["decade"] or m["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:  # and so "after 9999" stays inside datetime's range
        raise DateError(f"year out of range ({MIN_YEAR}..{MAX_YEAR}): {text!r}")
    if m["decade"]:
        if part not in (None, *THIRDS):
            raise DateError(f"a decade takes early, mid or late, not {part!r}: {text!r}")
        return Point(int(m["decade"]), decade=True, part=part, approx=approx)
    month = int(m["month"]) if m["month"] else None
    day = int(m["day"]) if m["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"no month {month} in {text!r}")
    if month is not None and day is not None:  # a day always has its month (_SINGLE)
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise DateError(f"no day {day} in {MONTHS[month - 1]} {year}: {text!r}")
        if part:
            raise DateError(f"an exact day takes no {part!r}: {text!r}")
    if month is not None and part in SEASONS:
        raise DateError(f"a month takes no season: {text!r}")
    return Point(year, month, day, part=part, approx=approx)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A point, or a range from one point to another ("1991..1992")."""

    first: Point
    last: Point | None = None

    @classmethod
    def parse(cls, text: str | int) -> PartialDate:
        return _parse(str(text).strip())

    # -- intervals and order ------------------------------------------------
    @property
    def start(self) -> date:
        return self.first.interval()[0]

    @property
    def end(self) -> date:
        return (self.last or self.first).interval()[1]

    @property
    def approximate(self) -> bool:
        """True where the edges are soft: 'about', 'before', 'after'."""
        return any(p is not None and p.approx is not None for p in (self.first, self.last))

    @property
    def is_point(self) -> bool:
        return self.last is None and self.first.day is not None and not self.first.approx

    def key(self) -> tuple[int, int, int, str]:
        """Order by the middle of the interval, so "c. 1998" follows "February 1998" and "the mid-1990s"
        follows "October 1994"; then by start, end and text, which makes the order total."""
        lo, hi = self.start.toordinal(), self.end.toordinal()
        return (lo + hi, lo, hi, str(self))

    def __lt__(self, other: PartialDate) -> bool:
        return self.key() < other.key()

    def __le__(self, other: PartialDate) -> bool:
        return self.key() <= other.key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.key() > other.key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.key() >= other.key()

    # -- text -----------------------------------------------------------------
    def __str__(self) -> str:
        return str(self.first) if self.last is None else f"{self.first}..{self.last}"

    def iso(self) -> str:
        return self.first.iso()

    def end_iso(self) -> str | None:
        return self.last.iso() if self.last else None

    def qualifier(self) -> str | None:
        return self.first.qualifier()

    def display(self) -> str:
        a, b = self.first, self.last
        if b is None:
            return a.display()
        plain = not (a.approx or b.approx or a.part or b.part or a.decade or b.decade)
        if plain and a.month is None and b.month is None:
            tail = str(b.year)[2:] if a.year // 100 == b.year // 100 else str(b.year)
            return f"{a.year}\u2013{tail}"
        if plain and a.year == b.year and a.month and b.month and a.day is None and b.day is None:
            return f"{MONTHS[a.month - 1]}\u2013{MONTHS[b.month - 1]} {a.year}"
        if plain and a.year == b.year and a.month and a.month == b.month and a.day and b.day:
            return f"{a.day}\u2013{b.day} {MONTHS[a.month - 1]} {a.year}"
        return f"{a.display()} \u2013 {b.display()}"


def event_date_text(date: PartialDate, end: PartialDate | None = None) -> str:
    """An event's date as the atlas shows it everywhere (detail pane, search, export): from its date to its
    end date when it has one ("July 1994", "1991\u201392")."""
    if end is None:
        return date.display()
    return PartialDate(date.first, end.last or end.first).display()


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> PartialDate:
    """``PartialDate.parse``, of each text once: the same few hundred dates recur (a million forums' founding dates
    at 10,000x data took most of the browse data's read)."""
    if ".." in text:
        a, _, b = text.partition("..")
        first, last = _parse_point(a), _parse_point(b)
        if last.interval()[1] < first.interval()[0]:
            raise DateError(f"range ends before it starts: {text!r}")
        return PartialDate(first, last)
    return PartialDate(_parse_point(text))
