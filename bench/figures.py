"""Rows of the table: each figure beside its goal, and the adapters from each benchmark's output to rows.

A goal is ``(op, limit)`` on one number, with op ``<=`` or ``<``, as the issue words it ("at most",
"under"). A row's result is PASS or MISS when it has a goal and a value, ``n/a`` when the feature
(or its benchmark) does not exist yet, and blank for reference figures without a goal.
"""

from __future__ import annotations

import operator
from dataclasses import asdict, dataclass, field

_OPS = {"<=": operator.le, "<": operator.lt}


@dataclass
class Row:
    section: str
    figure: str
    shown: str = ""  # the measurement as printed
    value: float | None = None  # the number the goal applies to
    goal: tuple[str, float] | None = None
    goal_text: str = ""
    unit: str = ""
    note: str = ""  # why n/a, or what went wrong
    extra: dict = field(default_factory=dict)  # more numbers, for the JSON

    @property
    def result(self) -> str:
        if self.value is None:
            return "n/a" if self.goal is not None or self.note else ""
        if self.goal is None:
            return ""
        op, limit = self.goal
        return "PASS" if _OPS[op](self.value, limit) else "MISS"

    def as_json(self) -> dict:
        return {**asdict(self), "result": self.result}


def na(section: str, figure: str, goal_text: str, why: str) -> Row:
    return Row(section, figure, shown="n/a", goal_text=goal_text, note=why)


def ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


# -- start-up --------------------------------------------------------------------------------------------
def startup_rows(s: dict) -> list[Row]:
    sec = "start-up"
    floor, app = s.get("floor", {}), s.get("app", {})
    if "first-frame" not in floor:
        why = f"the floor did not start: {(floor.get('errors') or ['?'])[0]}"
        return [na(sec, "start-up", "", why)]
    f = floor["first-frame"]
    rows = [Row(sec, "floor: bare QMainWindow + empty QTreeView, to first frame", f"{f * 1000:.0f} ms",
                unit="s", extra={"seconds": f, "runs": floor["runs"]})]
    for key, label, limit in (("first-frame", "app: process start to first frame", 1.3),
                              ("interactive", "app: process start to tree filled, interactive", 3.0),
                              ("record-shown", "app: first record shown after a click at the earliest moment", 6.7)):
        goal = f"<= {limit:g} x floor"
        if key not in app:
            rows.append(na(sec, label, goal, f"no stamps from the app: {(app.get('errors') or ['?'])[0]}"))
            continue
        ratio = app[key] / f
        rows.append(Row(sec, label, f"{ratio:.2f} x ({app[key] * 1000:.0f} ms)", ratio, ("<=", limit), goal,
                        "x floor", extra={"seconds": app[key], "runs": app["runs"]}))
    if "longest-wait" in app:
        wait = app["longest-wait"]
        rows.append(Row(sec, "for reference: longest wait for input while SQLModel loads on its thread",
                        ms(wait * 1000), unit="ms", extra={"seconds": wait}))
    imp = s.get("import", {})
    if "import" in imp:
        ratio = imp["import"] / f
        rows.append(Row(sec, "for reference: import model.queries (SQLModel, SQLAlchemy) alone",
                        f"{ratio:.2f} x ({imp['import'] * 1000:.0f} ms)", unit="x floor",
                        extra={"seconds": imp["import"], "ratio": ratio}))
    heavy = s.get("floor-sqlmodel", {})
    if "rss_mb" in app and "rss_mb" in heavy:
        ratio = app["rss_mb"] / heavy["rss_mb"]
        rows.append(Row(sec, "app: peak memory (RSS) to the record shown, vs a bare window that imports SQLModel",
                        f"{ratio:.2f} x ({app['rss_mb']:.0f} MB vs {heavy['rss_mb']:.0f} MB)", ratio, ("<=", 1.3),
                        "<= 1.3 x that floor", "x floor",
                        extra={"app_mb": app["rss_mb"], "floor_mb": heavy["rss_mb"], "bare_floor_mb":
                               floor.get("rss_mb")}))
    return rows


# -- search ----------------------------------------------------------------------------------------------
SEARCH_GOAL = "median < 5 ms, p95 < 20 ms"


def search_rows(label: str, r: dict) -> list[Row]:
    sec = "search"
    rows = []
    for key, what in (("all", f"{r.get('queries', '?')} typed queries"),
                      ("first_keystrokes", "1- and 2-letter prefixes")):
        s = r.get(key)
        if not s:
            rows.append(na(sec, f"{label}: {what}", SEARCH_GOAL, f"no '{key}' in search_bench's output"))
            continue
        # Both must hold; the value compared is the worse of the two, as a fraction of its limit.
        worst = max(s["median_ms"] / 5.0, s["p95_ms"] / 20.0)
        rows.append(Row(sec, f"{label}: {what}, median / p95", f"{s['median_ms']:.2f} / {s['p95_ms']:.2f} ms",
                        worst, ("<", 1.0), SEARCH_GOAL, "of goal", extra=s))
    k = r.get("keystroke")
    if k:
        rows.append(Row(sec, f"{label}: a keystroke in the search box, max", ms(k["max_ms"]), k["max_ms"],
                        ("<", 16.0), "< 16 ms (a frame)", "ms", extra=k))
    return rows


# -- timeline --------------------------------------------------------------------------------------------
def timeline_rows(label: str, r: dict) -> list[Row]:
    sec = "timeline"
    rows = []
    for key, what, limit in (("repaint_out", "repaint 1600x500, zoomed out", 8.0),
                             ("repaint_mid", "repaint, mid zoom (1990s)", 8.0),
                             ("repaint_close", "repaint, close zoom (3 months)", 8.0),
                             ("zoom_step", "zoom step (zoom + repaint)", 16.0),
                             ("pan_step", "pan step (pan + repaint)", 16.0)):
        goal = f"median <= {limit:g} ms"
        s = r.get(key)
        if not s:
            rows.append(na(sec, f"{label}: {what}", goal, f"no '{key}' in timeline_bench's output"))
            continue
        rows.append(Row(sec, f"{label}: {what}, median / p95", f"{s['median_ms']:.2f} / {s['p95_ms']:.2f} ms",
                        s["median_ms"], ("<=", limit), goal, "ms", extra=s))
    return rows


# -- analysis views ------------------------------------------------------------------------------------
def views_rows(label: str, r: dict) -> list[Row]:
    """Each with its repaint: opening the matrix view (its data read), a matrix filter change, a chronology
    filter keystroke."""
    sec = "views"
    rows = []
    for key, what, op, limit in (("matrix_first_open", "opening the matrix view, its data read", "<", 100.0),
                                 ("matrix_open", "opening the matrix view, data read before", "<", 100.0),
                                 ("matrix_filter", "matrix filter change", "<", 100.0),
                                 ("chronology_key", "chronology filter keystroke", "<", 16.0)):
        goal = f"median < {limit:g} ms"
        s = r.get(key)
        if not s:
            rows.append(na(sec, f"{label}: {what}", goal, f"no '{key}' in views_bench's output"))
            continue
        rows.append(Row(sec, f"{label}: {what}, median / p95", f"{s['median_ms']:.1f} / {s['p95_ms']:.1f} ms",
                        s["median_ms"], (op, limit), goal, "ms", extra=s))
    return rows


# -- printing --------------------------------------------------------------------------------------------
def print_rows(r: dict) -> list[Row]:
    sec = "printing"
    rows = []
    if "sheet_median_ms" in r:
        rows.append(Row(sec, "fact sheet of one forum (PDF), median", ms(r["sheet_median_ms"]), r["sheet_median_ms"],
                        ("<", 100.0), "< 100 ms", "ms", extra={"max_ms": r.get("sheet_max_ms")}))
    else:
        rows.append(na(sec, "fact sheet", "< 100 ms", "no 'sheet_median_ms' in print_bench's output"))
    if "pack_all_ms" in r:
        n = r.get("pack_records", "every")
        rows.append(Row(sec, f"briefing pack of every forum and participant ({n}), PDF",
                        f"{r['pack_all_ms'] / 1000:.2f} s", r["pack_all_ms"] / 1000, ("<", 3.0), "< 3 s", "s"))
    else:
        rows.append(na(sec, "briefing pack of every forum and participant", "< 3 s",
                       "no 'pack_all_ms' in print_bench's output"))
    return rows


# -- the table -------------------------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    """A Markdown table, padded so that it reads as well in a terminal."""
    header = ("figure", "measured", "goal", "result")
    body = [(f"{r.section}: {r.figure}", r.shown + (f" ({r.note[:100]})" if r.note and r.value is None else ""),
             r.goal_text, r.result) for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(4)]

    def fmt(cells) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, body)])


def team_rows(r: dict) -> list[Row]:
    sec = "team notes"
    return [Row(sec, "note save acknowledged, local server, median (max)",
                f"{r['save_median_ms']:.1f} ms ({r['save_max_ms']:.0f})", r["save_median_ms"], ("<", 50.0),
                "< 50 ms", "ms", extra={"max_ms": r["save_max_ms"]}),
            Row(sec, "change reaches another member's store (NOTIFY), median (max)",
                f"{r['visible_median_ms']:.1f} ms ({r['visible_max_ms']:.0f})", r["visible_median_ms"],
                ("<", 1000.0), "< 1 s", "ms", extra={"max_ms": r["visible_max_ms"]})]
