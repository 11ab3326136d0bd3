"""The timeline's time axis: the day <-> x scale and the ticks along it. Plain Python, no Qt.

Days are proleptic Gregorian ordinals (``date.toordinal()``); a day ``d`` occupies ``[x(d), x(d + 1))``.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

MIN_DAY = date(1000, 1, 1).toordinal()
MAX_DAY = date(9000, 12, 31).toordinal()
YEAR_DAYS = 365.2425
MONTH_ABBR = [calendar.month_abbr[m] for m in range(13)]

# -- the scale -----------------------------------------------------------------------------------
class Scale:
    """Maps days to x: ``x = origin + (day - left) * px_per_day``; zoom and pan change left/px_per_day."""

    def __init__(self, origin: float = 0.0, width: float = 1000.0, left: float = 0.0, px_per_day: float = 1.0,
                 min_px_per_day: float = 1e-4, max_px_per_day: float = 80.0):
        self.origin = float(origin)
        self.width = max(1.0, float(width))
        self.left = float(left)
        self.px_per_day = float(px_per_day)
        self.min_px_per_day = min_px_per_day
        self.max_px_per_day = max_px_per_day
        self.bounds: tuple[float, float] | None = None  # the view's centre is kept inside these days

    # mapping
    def x(self, day: float) -> float:
        return self.origin + (day - self.left) * self.px_per_day

    def day(self, x: float) -> float:
        return self.left + (x - self.origin) / self.px_per_day

    @property
    def right(self) -> float:
        """The day at the right edge of the plot."""
        return self.left + self.width / self.px_per_day

    @property
    def span(self) -> float:
        return self.width / self.px_per_day

    # changes
    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Multiply px_per_day by ``factor`` keeping the day under ``at_x`` (default: the centre) in place."""
        at_x = self.origin + self.width / 2 if at_x is None else at_x
        anchor = self.day(at_x)
        self.px_per_day = min(self.max_px_per_day, max(self.min_px_per_day, self.px_per_day * factor))
        self.left = anchor - (at_x - self.origin) / self.px_per_day
        self._clamp()

    def pan(self, dx: float) -> None:
        """Move the content ``dx`` pixels to the right (so the view moves back in time for dx > 0)."""
        self.left -= dx / self.px_per_day
        self._clamp()

    def fit(self, lo: float, hi: float, margin: float = 24.0) -> None:
        """Show the days ``lo``..``hi`` (inclusive) across the plot, with ``margin`` pixels either side."""
        lo, hi = min(lo, hi), max(lo, hi)
        days = max(1.0, hi + 1 - lo)
        usable = max(1.0, self.width - 2 * margin)
        self.px_per_day = min(self.max_px_per_day, max(self.min_px_per_day, usable / days))
        centre = (lo + hi + 1) / 2
        self.left = centre - self.width / 2 / self.px_per_day
        self._clamp()

    def center_on(self, day: float) -> None:
        self.left = day - self.span / 2
        self._clamp()

    def resize(self, origin: float, width: float) -> None:
        """New plot geometry; the left day and the zoom stay."""
        self.origin = float(origin)
        self.width = max(1.0, float(width))
        self._clamp()

    def _clamp(self) -> None:
        lo, hi = self.bounds or (MIN_DAY, MAX_DAY)
        lo, hi = max(lo, MIN_DAY), min(hi, MAX_DAY)
        # never show more than the whole range of dates can hold
        self.px_per_day = max(self.px_per_day, self.width / (MAX_DAY - MIN_DAY))
        centre = self.left + self.span / 2
        if centre < lo:
            self.left = lo - self.span / 2
        elif centre > hi:
            self.left = hi - self.span / 2
        self.left = max(self.left, MIN_DAY)
        if self.right > MAX_DAY:
            self.left = MAX_DAY - self.span

    def state(self) -> tuple[float, float]:
        return (self.left, self.px_per_day)

@dataclass(frozen=True, slots=True)
class Tick:
    day: int
    label: str
    major: bool = True  # labelled
    strong: bool = False  # a year boundary at month or day zoom

# -- axis ticks ------------------------------------------------------------------------------------
# (unit, step) from coarse to fine
_STEPS = [("year", 500), ("year", 200), ("year", 100), ("year", 50), ("year", 20), ("year", 10), ("year", 5),
          ("year", 2), ("year", 1), ("month", 6), ("month", 3), ("month", 1), ("day", 10), ("day", 5),
          ("day", 2), ("day", 1)]
_DAY_SETS = {10: (1, 11, 21), 5: (1, 6, 11, 16, 21, 26), 2: tuple(range(1, 30, 2)), 1: tuple(range(1, 32))}


def _step_days(unit: str, n: int) -> float:
    return {"year": YEAR_DAYS, "month": YEAR_DAYS / 12, "day": 1.0}[unit] * n


def tick_step(px_per_day: float, min_px: float) -> int:
    """Index into the step table of the finest step whose ticks are at least ``min_px`` apart."""
    best = 0
    for k, (unit, n) in enumerate(_STEPS):
        if _step_days(unit, n) * px_per_day >= min_px:
            best = k
        else:
            break
    return best


def _ticks_for(unit: str, n: int, lo: float, hi: float, labelled: bool) -> list[Tick]:
    lo_i = max(MIN_DAY, int(math.floor(lo)))
    hi_i = min(MAX_DAY, int(math.ceil(hi)))
    a, b = date.fromordinal(lo_i), date.fromordinal(hi_i)
    out: list[Tick] = []
    if unit == "year":
        y = (a.year // n) * n
        while y <= b.year:
            if y >= 1:
                d = date(y, 1, 1).toordinal()
                if lo_i <= d <= hi_i:
                    label = str(y) if labelled else ""
                    out.append(Tick(d, label, labelled))
            y += n
    elif unit == "month":
        k = ((a.year * 12 + a.month - 1) // n) * n
        while True:
            y, m = divmod(k, 12)
            m += 1
            d = date(y, m, 1).toordinal()
            if d > hi_i:
                break
            if d >= lo_i:
                label = (str(y) if m == 1 else MONTH_ABBR[m]) if labelled else ""
                out.append(Tick(d, label, labelled, m == 1 and labelled))
            k += n
    else:
        y, m = a.year, a.month
        days = _DAY_SETS[n]
        while True:
            last = calendar.monthrange(y, m)[1]
            first = date(y, m, 1).toordinal()
            if first > hi_i:
                break
            for dd in days:
                if dd > last:
                    break
                d = first + dd - 1
                if lo_i <= d <= hi_i:
                    if not labelled:
                        label = ""
                    elif dd == 1:
                        label = f"{MONTH_ABBR[m]} {y}"
                    else:
                        label = str(dd)
                    out.append(Tick(d, label, labelled, dd == 1 and m == 1 and labelled))
            m += 1
            if m == 13:
                y, m = y + 1, 1
    return out


def ticks(lo: float, hi: float, px_per_day: float, min_px: float = 74.0) -> tuple[list[Tick], list[Tick]]:
    """Labelled (major) and unlabelled (minor) ticks for the days lo..hi at this zoom.

    The major step is the finest of decades/years/months/days whose ticks are ``min_px`` apart;
    the minor step is the finest one that divides it with ticks at least 8 px apart.
    """
    k = tick_step(px_per_day, min_px)
    unit, n = _STEPS[k]
    major = _ticks_for(unit, n, lo, hi, True)
    minor: list[Tick] = []
    for unit2, n2 in reversed(_STEPS[k + 1:]):  # the finest step that divides the major one, >= 8 px apart
        if _step_days(unit2, n2) * px_per_day < 8:
            continue
        if unit2 != unit or n % n2 == 0:
            taken = {t.day for t in major}
            minor = [t for t in _ticks_for(unit2, n2, lo, hi, False) if t.day not in taken]
            break
    return major, minor


def tick_unit(px_per_day: float, min_px: float = 74.0) -> tuple[str, int]:
    """The (unit, step) of the labelled ticks at this zoom, e.g. ('year', 10) for decades."""
    return _STEPS[tick_step(px_per_day, min_px)]
