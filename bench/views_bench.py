"""The analysis views at scale: opening the membership matrix, changing one of its filters, and a keystroke
in the chronology's filter box, each with the repaint it causes, each alternating with its floor
(``bench.bare``): a bare QTableView of the same size and shape for the matrix, a bare filtered QListView of
the same event titles for the chronology. ``run(db)`` returns milliseconds."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench import bare

SIZE = (1000, 700)
REPEATS = 12  # opens of each kind, in each of the harness's three processes
BIG = 100_000  # forums from which each open takes seconds: 2 opens of each kind
BUDGET_S = 60.0  # filter changes and keystrokes stop once they took this long (each takes seconds at 10,000x)


def run(db_path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.app_state import AppState
    from gui.chronology_view import ChronologyView
    from gui.matrix_view import MatrixView
    from model.queries import Atlas

    app = QApplication.instance() or QApplication([])
    atlas = Atlas(Path(db_path))
    state = AppState()
    first = MatrixView(state)  # the first open of a session reads the data; later ones reuse it
    first.resize(*SIZE)
    first.set_atlas(atlas)
    data = first.data_
    first.close()
    shape = (len(data.participants), len(data.forums))
    repeats = REPEATS if len(atlas.forums()) < BIG else 2
    reads, opens, read_floors, open_floors, views = [], [], [], [], []
    for n in range(2 * repeats):  # the view made, shown and painted; its data read on every other open
        table = bare.Table(*shape, *SIZE)
        start = bare.clock()
        table.open(db_path)
        (read_floors if n % 2 else open_floors).append(bare.since(start))
        table.close()
        start = bare.clock()
        view = MatrixView(state)
        view.resize(*SIZE)
        if n % 2:
            view.set_atlas(atlas)
        else:
            view.set_atlas(atlas, data)
        view.show()
        view.repaint()
        app.processEvents()
        (reads if n % 2 else opens).append(bare.since(start))
        views.append(view)
    view = views[-1]
    for v in views[:-1]:
        v.close()
        v.deleteLater()
    table = bare.Table(*shape, *SIZE)
    table.open(db_path)
    changes, change_floors = [], []

    def timed(step) -> None:
        if sum(w for w, _ in changes) > BUDGET_S:
            return
        start = bare.clock()
        table.change()
        change_floors.append(bare.since(start))
        start = bare.clock()
        step()
        view.repaint()
        changes.append(bare.since(start))

    for box in (view.track, view.kind, view.status, view.column_sort, view.row_sort) * 2:
        for n in (1, 0):
            if box.count() > n:
                timed(lambda b=box, i=n: b.setCurrentIndex(i))
    for pid in ("jp", "us", None):  # the app's participant filter
        timed(lambda p=pid: state.set_participant(p))
    table.close()

    chrono = ChronologyView(state)
    chrono.resize(*SIZE)
    start = time.perf_counter()
    chrono.set_atlas(atlas)
    chrono.show()
    chrono.repaint()
    chrono_open = time.perf_counter() - start
    titles = [e.title for e in atlas.events()]
    plain = bare.ListFilter(titles, *SIZE)
    keys, key_floors = [], []
    for word in ("meeting", "asean", "japan 199") * 4:  # in each of the harness's three processes
        chrono.filter.clear()
        plain.key("")
        app.processEvents()
        for n in range(1, len(word) + 1):
            if sum(w for w, _ in keys) > BUDGET_S:
                break
            start = bare.clock()
            plain.key(word[:n])
            key_floors.append(bare.since(start))
            start = bare.clock()
            chrono.filter.setText(word[:n])  # as one keystroke does: textChanged, refilter, repaint
            chrono.repaint()
            keys.append(bare.since(start))
    plain.close()
    return {"matrix_first_open": bare.summary(reads, read_floors), "matrix_open": bare.summary(opens, open_floors),
            "matrix_filter": bare.summary(changes, change_floors), "chronology_open_ms": chrono_open * 1000,
            "chronology_key": bare.summary(keys, key_floors), "matrix_size": f"{shape[0]} x {shape[1]}",
            "events": len(chrono.model.ids)}
