"""The analysis views at scale: opening the membership matrix, changing one of its filters, and a keystroke
in the chronology's filter box, each with the repaint it causes. ``run(db)`` returns milliseconds."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path


def _stats(times: list[float]) -> dict:
    ms = sorted(t * 1000 for t in times)
    return {"median_ms": statistics.median(ms), "p95_ms": ms[min(len(ms) - 1, int(len(ms) * 0.95))],
            "max_ms": ms[-1], "n": len(ms)}


def run(db_path, repeats: int = 7) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.app_state import AppState
    from gui.chronology_view import ChronologyView
    from gui.matrix_view import MatrixView
    from model.queries import Atlas

    app = QApplication.instance() or QApplication([])
    atlas = Atlas(Path(db_path))
    state = AppState()
    reads, opens, views = [], [], []
    data = None
    for n in range(repeats + 1):  # the view made, shown and painted; its data read (the first time of a session)
        start = time.perf_counter()
        view = MatrixView(state)
        view.resize(1000, 700)
        if n == 0 or n % 2:
            view.set_atlas(atlas)
            data = view.data_
        else:
            view.set_atlas(atlas, data)
        view.show()
        view.repaint()
        app.processEvents()
        (reads if n == 0 or n % 2 else opens).append(time.perf_counter() - start)
        views.append(view)
    view = views[-1]
    for v in views[:-1]:
        v.close()
        v.deleteLater()
    changes = []
    for box in (view.track, view.kind, view.status, view.column_sort, view.row_sort) * 2:
        for n in (1, 0):
            if box.count() > n:
                start = time.perf_counter()
                box.setCurrentIndex(n)
                view.repaint()
                changes.append(time.perf_counter() - start)
    for pid in ("jp", "us", None):  # the app's participant filter
        start = time.perf_counter()
        state.set_participant(pid)
        view.repaint()
        changes.append(time.perf_counter() - start)

    chrono = ChronologyView(state)
    chrono.resize(1000, 700)
    start = time.perf_counter()
    chrono.set_atlas(atlas)
    chrono.show()
    chrono.repaint()
    chrono_open = time.perf_counter() - start
    keys = []
    for word in ("meeting", "asean", "japan 199"):
        chrono.filter.clear()
        app.processEvents()
        for n in range(1, len(word) + 1):
            start = time.perf_counter()
            chrono.filter.setText(word[:n])  # as one keystroke does: textChanged, refilter, repaint
            chrono.repaint()
            keys.append(time.perf_counter() - start)
    return {"matrix_first_open": _stats(reads), "matrix_open": _stats(opens), "matrix_filter": _stats(changes),
            "chronology_open_ms": chrono_open * 1000, "chronology_key": _stats(keys),
            "matrix_size": [len(view.data_.participants), len(view.data_.forums)], "events": len(chrono.model.ids)}
