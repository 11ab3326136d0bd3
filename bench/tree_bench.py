"""The forum tree's text filter at scale: what a keystroke in the tree's filter box costs, with the repaint.

``run(db)`` fills the real ``ForumTreePane`` from the browse data (as the window does at start), then types
words letter by letter, each keystroke alternating with its floor (``bench.bare.ListFilter``): Qt's own
filter proxy over a plain list of the same forums' names, in a bare list view of the same size. Milliseconds.

Over SYNC_MAX forums a keystroke filters for a few milliseconds and hands the window back, the rest following
between frames (gui/forum_tree.py): ``keystroke`` is what the keystroke holds the window, ``shown`` the time
from the keystroke until its rows are shown (the same as ``keystroke`` below SYNC_MAX).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from bench import bare

SIZE = (360, 800)
WORDS = ("asean", "forum", "korea", "track")
SLICED_ROUNDS = 3  # times as many rounds over a tree that filters a slice at a time
BUDGET_S = 20.0  # typing stops once the keystrokes' rows took this long to show (at 10,000x, seconds each)


def _say(message: str) -> None:  # progress, for the harness to quote if this run outlasts its time
    print(f"tree_bench: {message}", file=sys.stderr, flush=True)


def run(db_path, rounds: int = 4) -> dict:  # in each of the harness's three processes
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.app_state import AppState
    from gui.forum_tree import ForumTreePane
    from model.browse import Browse

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    browse = Browse(Path(db_path))
    _say(f"browse data read in {time.perf_counter() - start:.1f} s; filling the tree ...")
    pane = ForumTreePane(AppState())
    pane.resize(*SIZE)
    pane.show()
    pane.set_atlas(browse)
    app.processEvents()
    filled = time.perf_counter() - start
    _say(f"tree filled {filled:.1f} s after the start; typing ...")
    plain = bare.ListFilter([f"{f.name} {f.acronym or ''}" for f in browse.forums()], *SIZE)
    keys, floors, shown = [], [], []
    if pane.big():  # a keystroke is then a slice of fixed length, so that its ratio moves with the floor's times
        rounds *= SLICED_ROUNDS  # alone, which moved 39-65 ms from round to round at 1000x
    typed = [(word, word[:n]) for word in WORDS * rounds for n in range(1, len(word) + 1)]
    for word, prefix in typed:
        if sum(shown) > BUDGET_S:
            break
        if prefix == word[:1]:  # a new word: both filters cleared first, untimed
            pane.filter.clear()
            plain.key("")
            app.processEvents()
        start = bare.clock()
        plain.key(prefix)
        floors.append(bare.since(start))
        start = bare.clock()
        pane.filter.setText(prefix)  # as a keystroke does: textChanged, the state, refilter, repaint
        pane.tree.repaint()
        keys.append(bare.since(start))
        while pane.busy():  # the rest of the filter, between frames, until its rows are shown
            app.processEvents()
        pane.tree.repaint()
        shown.append(bare.since(start)[0])
    plain.close()
    pane.close()
    shown.sort()
    return {"keystroke": bare.summary(keys, floors), "filled_s": round(filled, 3), "forums": len(browse.forums()),
            "shown_median_ms": round(shown[len(shown) // 2] * 1000, 3), "shown_max_ms": round(shown[-1] * 1000, 3)}
