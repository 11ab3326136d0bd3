"""A PartialDate in the interface's language: every date the window and its printed sheets show comes from here.

English is exactly what model/dates.py writes ("July 1994", "c. early 1990s", "1991\u201392"): the CLI and the
exports use that, and the window must say the same. Japanese is built from the date's fields with the small
table below rather than as translated phrases: Japanese dates are written smallest-last (1994年7月3日) and the
qualifiers are suffixes (1994年頃, 1994年10月以前), so no English word order survives a word-for-word translation.
"""

from __future__ import annotations

from gui import i18n
from model.dates import PartialDate, Point, event_date_text

# Japanese for the parts of a year, a month and a decade, and for the qualifiers (all suffixes).
_YEAR_PART = {"early": "初め", "mid": "半ば", "late": "後半",
              "spring": "春", "summer": "夏", "autumn": "秋", "winter": "冬"}
_MONTH_PART = {"early": "上旬", "mid": "中旬", "late": "下旬"}
_DECADE_PART = {"early": "前半", "mid": "半ば", "late": "後半"}
_APPROX = {"about": "頃", "before": "以前", "after": "以後"}
DASH = "\u2013"


def _ja_point(p: Point) -> str:
    if p.decade:
        core = f"{p.year}年代{_DECADE_PART.get(p.part, '')}"
    elif p.month is None:
        core = f"{p.year}年{_YEAR_PART.get(p.part, '')}"
    else:
        day = f"{p.day}日" if p.day is not None else ""
        core = f"{p.year}年{p.month}月{day}{_MONTH_PART.get(p.part, '')}"
    return core + _APPROX.get(p.approx, "")


def _ja(d: PartialDate) -> str:
    a, b = d.first, d.last
    if b is None:
        return _ja_point(a)
    plain = not (a.approx or b.approx or a.part or b.part or a.decade or b.decade)
    if plain and a.month is None and b.month is None:
        tail = str(b.year)[2:] if a.year // 100 == b.year // 100 else str(b.year)
        return f"{a.year}{DASH}{tail}年"  # 1991–92年, as English writes 1991–92
    if plain and a.year == b.year and a.month and b.month and a.day is None and b.day is None:
        return f"{a.year}年{a.month}月{DASH}{b.month}月"
    if plain and a.year == b.year and a.month and a.month == b.month and a.day and b.day:
        return f"{a.year}年{a.month}月{a.day}日{DASH}{b.day}日"
    return f"{_ja_point(a)}{DASH}{_ja_point(b)}"


def date_text(d: PartialDate | None, missing: str = "") -> str:
    """``d`` as the interface's language writes it; ``missing`` when there is no date."""
    if d is None:
        return missing
    return _ja(d) if i18n.current() == "ja" else d.display()


def event_when(date: PartialDate, end: PartialDate | None = None) -> str:
    """An event's date, to its end date when it has one (model.dates.event_date_text in the interface's language)."""
    if i18n.current() != "ja":
        return event_date_text(date, end)
    return _ja(date if end is None else PartialDate(date.first, end.last or end.first))


def founding_year(forum) -> str:
    """A forum's founding year for a narrow column (model.records.ForumRow.year: 1994, 1990s, c. 1990); in
    Japanese a plain year stays a number, the rest take their suffixes (1990年代, 1990年頃, 1994年以前)."""
    if i18n.current() != "ja" or not forum.founded:
        return forum.year
    first = forum.founded.first
    if first.decade:
        year = f"{first.year}年代"
    elif first.approx:
        year = f"{first.year}年"
    else:
        return str(first.year)
    return year + _APPROX.get(first.approx, "")
