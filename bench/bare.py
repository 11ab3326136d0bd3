"""The floors of the feature benchmarks: the same work done by plain Qt or plain SQLite, timed in the same run.

A figure is reported as a multiple of its floor, the two timed in alternation (floor, figure, floor, ...), so
that a slower or busier machine moves both alike (issue 21); the multiple is of CPU times, pair by pair
(``pair_ratio``), the times shown beside it are wall-clock. Each floor is the least a figure's work could
cost with the same toolkit, without the app's own logic:

- painting: the same widget size, the same number of lanes (band and name), markers, badges and labels,
  drawn with plain ``QPainter`` calls (no layout, no clustering, no cached stamps, no axis);
- printing: a bare ``QTextDocument`` of the same number of characters, printed to ``QPdfWriter``;
- search: a bare FTS5 query for one word on the same database, a page of hits;
- a filter keystroke in a list (the tree's filter, the chronology's): Qt's own ``QSortFilterProxyModel``
  over a ``QStringListModel`` of the same rows' names, shown in a bare ``QListView`` of the same size: what
  a stock Qt list with a filter box does per keystroke, so the ratio is the cost of the app's own filter
  (words, groups, marks, counts);
- the matrix: a bare ``QTableView`` of the same size over a model of the same shape, one letter a cell,
  reset and repainted (and, for opening it, the membership table read with ``sqlite3``): what any table
  view of that size costs, so the ratio is the cost of the matrix's data and cells.

The start-up floor, a bare window, is ``bench/floor.py``; the build's, the YAML parser alone, is in
``bench/__main__.py``.
"""

from __future__ import annotations

import math
import resource
import sqlite3
import statistics
import time
from collections.abc import Callable

PRINT_WORDS = "security dialogue forum region ministers meeting confidence cooperation "


def clock() -> tuple[float, float]:
    """Now, as (wall time, this process's CPU time and its finished children's), in seconds."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime


def since(start: tuple[float, float]) -> tuple[float, float]:
    """(wall, CPU) seconds since ``start`` (a ``clock()``)."""
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]


def alternate(figure: Callable[[], object], floor: Callable[[], object], runs: int) -> dict:
    """Time ``floor`` and ``figure`` in turn, ``runs`` times each; their statistics and ratio (``summary``)."""
    figs, floors = [], []
    for _ in range(runs):
        start = clock()
        floor()
        floors.append(since(start))
        start = clock()
        figure()
        figs.append(since(start))
    return summary(figs, floors)


def summary(figs: list[tuple[float, float]], floors: list[tuple[float, float]]) -> dict:
    """From (wall, CPU) samples in seconds, each figure sample paired with the floor sample timed just before it:
    the figure's wall-clock median, p95 and max and its floor's median, in ms, and the ratio (``pair_ratio``)."""
    ordered = sorted(w for w, _ in figs)
    median, floor = statistics.median(ordered), statistics.median(w for w, _ in floors)
    cpu, cpu_floor = statistics.median(c for _, c in figs), statistics.median(c for _, c in floors)
    ratio = pair_ratio([c for _, c in figs], [c for _, c in floors])
    return {"median_ms": round(median * 1000, 4), "p95_ms": round(_p95(ordered) * 1000, 4),
            "max_ms": round(ordered[-1] * 1000, 4), "floor_ms": round(floor * 1000, 4),
            "cpu_ms": round(cpu * 1000, 4), "floor_cpu_ms": round(cpu_floor * 1000, 4),
            "ratio": round(ratio, 4) if ratio else None,
            "wall_ratio": round(median / floor, 4) if floor > 0 else None, "n": len(ordered)}


def pair_ratio(figs: list[float], floors: list[float]) -> float | None:
    """The multiple of a figure's CPU times over its floor's, each figure sample over the floor sample timed just
    before it: the geometric mean of those ratios, their highest and lowest tenth left out.

    CPU time, because on a busy machine a long step is interrupted more often than a short one, so that wall-clock
    ratios grow with the load. Pairs, because the machine's pace moves from second to second here (the same floor
    took 0.8 ms and 1.3 ms in processes seconds apart) and the two halves of a pair share it: the ratio of the two
    medians varied by 9 % (standard deviation) from process to process on the tree's keystrokes at 100x, the
    pairs' by 2 %. A trimmed geometric mean, not their median, because the pairs of a typing session differ by
    prefix (a chronology keystroke costs 8 ms whatever is typed, its floor 0.4-2.4 ms), and their median jumped
    from one prefix's ratio to another's: 11 % against 1.1 % on the chronology."""
    logs = sorted(math.log(c / f) for c, f in zip(figs, floors, strict=True) if c > 0 and f > 0)
    cut = len(logs) // 10
    kept = logs[cut:len(logs) - cut]
    return math.exp(statistics.fmean(kept)) if kept else None


def _p95(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


# -- painting ------------------------------------------------------------------------------------------
def painter(width: int, height: int, lanes: int, markers: int, badges: int, labels: int, font) -> Callable:
    """A function painting one frame of that many primitives into an image of that size, plainly."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    lane_h = max(4.0, height / max(lanes, 1))
    spots = [(40 + (n * 37) % (width - 80), (n % max(lanes, 1)) * lane_h + lane_h / 2)
             for n in range(markers + badges + labels)]
    marker_color, badge_color, alt = QColor("#3b6ea8"), QColor("#d9822b"), QColor("#f3f3f3")

    def paint() -> None:
        p = QPainter(image)
        p.setFont(font)
        p.fillRect(0, 0, width, height, Qt.GlobalColor.white)
        for n in range(lanes):  # each lane: its band and its name
            if n % 2:
                p.fillRect(QRectF(0, n * lane_h, width, lane_h), alt)
            p.drawText(QRectF(4, n * lane_h, 150, lane_h), Qt.AlignmentFlag.AlignVCenter, "Track 2 dialogue")
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(marker_color)
        for x, y in spots[:markers]:
            p.drawEllipse(QRectF(x - 5, y - 5, 10, 10))
        p.setBrush(badge_color)
        for x, y in spots[markers:markers + badges]:
            p.drawRoundedRect(QRectF(x - 9, y - 7, 18, 14), 7, 7)
            p.drawText(QRectF(x - 9, y - 7, 18, 14), Qt.AlignmentFlag.AlignCenter, "12")
        for x, y in spots[markers + badges:]:
            p.drawText(QRectF(x + 8, y - 8, 160, 16), Qt.AlignmentFlag.AlignVCenter, "ASEAN Regional Forum")
        p.end()

    return paint


# -- printing ------------------------------------------------------------------------------------------
def printer(chars: int, out) -> Callable:
    """A function printing a bare QTextDocument of ``chars`` characters of plain text to a PDF at ``out``."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    text = (PRINT_WORDS * (chars // len(PRINT_WORDS) + 1))[:chars]

    def print_() -> None:
        doc = QTextDocument()
        doc.setPlainText(text)
        writer = QPdfWriter(str(out))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        doc.print_(writer)

    return print_


# -- search --------------------------------------------------------------------------------------------
SEARCH_WORD = "security"  # a word of the real data, in every synthetic copy too


def searcher(db) -> Callable:
    """A function running a bare FTS5 query for one word on ``db``: the first page of hits, unranked."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)

    def search() -> list:
        return con.execute("SELECT rowid, title FROM search WHERE search MATCH ? LIMIT 50",
                           (f'"{SEARCH_WORD}"',)).fetchall()

    return search


# -- lists and tables ----------------------------------------------------------------------------------
class ListFilter:
    """A bare filtered list: ``QStringListModel`` of ``names``, ``QSortFilterProxyModel``, ``QListView``."""

    def __init__(self, names: list[str], width: int, height: int):
        from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
        from PySide6.QtWidgets import QListView

        self.model = QStringListModel(names)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSourceModel(self.model)
        self.view = QListView()
        self.view.setUniformItemSizes(True)
        self.view.setModel(self.proxy)
        self.view.resize(width, height)
        self.view.show()

    def key(self, text: str) -> None:
        """What a keystroke costs it: the filter set, the view repainted."""
        self.proxy.setFilterFixedString(text)
        self.view.repaint()

    def close(self) -> None:
        self.view.close()


class Table:
    """A bare ``QTableView`` of a given size over a model of a given shape, one letter in every cell."""

    def __init__(self, rows: int, columns: int, width: int, height: int):
        from PySide6.QtCore import QAbstractTableModel, QModelIndex
        from PySide6.QtWidgets import QTableView

        class Shape(QAbstractTableModel):
            def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt's signature
                return 0 if parent.isValid() else rows

            def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt's signature
                return 0 if parent.isValid() else columns

            def data(self, index, role=0):
                return "M" if role == 0 else None  # a short text in every cell, as a matrix shows roles

            def reset(self) -> None:
                self.beginResetModel()
                self.endResetModel()

        self.model = Shape()
        self.view = QTableView()
        self.view.resize(width, height)

    def open(self, db) -> None:
        from PySide6.QtWidgets import QApplication

        """Opening it: the memberships read with sqlite3, the model set, the view shown and painted."""
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        con.execute("SELECT forum_id, participant_id, role FROM membership").fetchall()
        con.close()
        self.view.setModel(self.model)
        self.view.show()
        self.view.repaint()
        QApplication.processEvents()  # as the matrix's open does: the view laid out and painted

    def change(self) -> None:
        """A filter change: the model reset, the view repainted."""
        self.model.reset()
        self.view.repaint()

    def close(self) -> None:
        self.view.close()
