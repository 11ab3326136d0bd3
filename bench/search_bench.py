"""Search benchmark: query latency of ``model.search`` as a user types, and what one keystroke costs the box.

``run(db_path)`` opens a database (the real one or a synthetic 100x one) and replays typing sessions:
every prefix of each query, keystroke by keystroke ("N", "NE", "NEA", ...), so one- and two-letter
prefixes, the dearest queries, weigh as they do in use, plus filters alone and with words. The
figures are the median and 95th percentile over every keystroke's query, after one warm-up pass, each
query alternating with the floor: a bare FTS5 query for one word on the same database (``bench.bare``).

With ``gui=True`` (the default when PySide6 is importable) it also drives the real ``SearchPane``
offscreen: the time a keystroke spends in the box (the query waits for the debounce timer, so this
must stay far below a frame), against a keystroke in a bare QLineEdit, and the time from the timer
firing to the results model being filled; and a keystroke in the quick-open palette (Ctrl+K), which
matches and refills its list at once, against the same bare line edit.

Run it through the harness: ``make bench ARGS="--only search"``.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from bench import bare

# What people type: names, acronyms, aliases, places, phrases, filters alone and with words.
SESSIONS = [
    "NEACD", "Pyongyang", "preventive diplomacy", "La Jolla", "ASEAN Regional Forum", "security",
    "North Korea", "DPRK", "Japan", "confidence building", "CSCAP", "track two", "Nakayama",
    "KEDO", "six-party", "Four-Party Talks", "Seoul", "Cossa", "multilateral", "Asia Pacific",
]
FILTERED = [
    "member:kp", "member:kp track:2", "member:DPRK arf", "track:2", "track:1.5 dialogue",
    "year:1993..1995", "year:1994 meeting", "kind:proposal", "kind:meeting Seoul", "author:fukushima",
    "author:cossa arf", "status:defunct", "status:proposed north", "kind:forum a", "zzqx", "col:term",
]


def keystrokes(text: str) -> list[str]:
    """Every prefix a user types on the way to ``text`` ("N", "NE", ... "NEACD")."""
    return [text[:n] for n in range(1, len(text) + 1) if text[n - 1] != " "]


def queries() -> list[str]:
    out = [q for s in SESSIONS for q in keystrokes(s)]
    return out + FILTERED


def run(db_path, repeats: int = 2, gui: bool | None = None) -> dict:  # in each of the harness's three processes
    """Measure search on the database at ``db_path``; returns figures in milliseconds."""
    from model.queries import Atlas
    from model.search import Searcher

    t0 = time.perf_counter()
    atlas = Atlas(Path(db_path))
    t1 = time.perf_counter()
    searcher = Searcher(atlas)
    t2 = time.perf_counter()
    typed = queries()
    for q in typed:  # warm the page cache and the term cache, as a session in use has them
        searcher.search(q)
    gc.collect()
    floor = bare.searcher(db_path)
    floor()
    samples: list[tuple[float, float]] = []  # (wall, CPU) seconds
    floors: list[tuple[float, float]] = []
    short: list[tuple[float, float]] = []
    short_floors: list[tuple[float, float]] = []
    worst: dict[str, float] = {}
    hits = 0
    for _ in range(repeats):
        for q in typed:  # alternating with the floor, a bare FTS5 query for one word
            start = bare.clock()
            floor()
            floors.append(bare.since(start))
            start = bare.clock()
            results = searcher.search(q)
            samples.append(bare.since(start))
            if len(q) <= 2:
                short.append(samples[-1])
                short_floors.append(floors[-1])
            worst[q] = max(worst.get(q, 0.0), samples[-1][0])
            hits += len(results)
    out: dict = {"db": str(db_path), "queries": len(typed), "repeats": repeats,
                 "open_s": round(t1 - t0, 3), "searcher_ms": round((t2 - t1) * 1000, 3),
                 "all": bare.summary(samples, floors), "first_keystrokes": bare.summary(short, short_floors),
                 "slowest": {q: round(t * 1000, 3) for q, t in sorted(worst.items(), key=lambda kv: -kv[1])[:5]},
                 "hits_per_query": round(hits / len(samples), 1), "floor_word": bare.SEARCH_WORD}
    if gui is None:
        try:
            import PySide6  # noqa: F401
            gui = True
        except ImportError:
            gui = False
    if gui:
        out |= _gui(atlas)
    atlas.close()
    return out


def _gui(atlas) -> dict:
    """Keystroke time in the real search box, and timer-to-results time, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLineEdit

    from gui.search_pane import SearchPane

    app = QApplication.instance() or QApplication([])
    pane = SearchPane(lambda: atlas)
    pane.resize(430, 700)
    pane.show()
    start = time.perf_counter()
    pane._warm_up()  # what focusing the box does, before the first keystroke
    warm = time.perf_counter() - start
    app.processEvents()
    box = QLineEdit()  # the floor of a keystroke: a bare line edit of the same width
    box.resize(430, 30)
    box.show()
    fills: list[float] = []

    def search_now() -> None:
        start = time.perf_counter()
        pane.run_search()  # what the timer does
        app.processEvents()
        fills.append(time.perf_counter() - start)

    # what a keystroke does in the box: textChanged restarts the timer
    keys, key_floors = _typing(app, box, pane.box, pane.clear, search_now)
    pane.close()
    palette_keys, palette_floors, prepared = _palette(app, atlas, box)
    box.close()
    return {"keystroke": bare.summary(keys, key_floors), "results_shown_ms": round(max(fills) * 1000, 3),
            "warm_up_ms": round(warm * 1000, 3), "palette_keystroke": bare.summary(palette_keys, palette_floors),
            "palette_prepare_s": round(prepared, 3)}


def _palette(app, atlas, box) -> tuple[list, list, float]:
    """Keystrokes in the quick-open palette (Ctrl+K), which matches and refills its list on every one,
    against the same bare line edit's; and the seconds its list took to prepare (the first Ctrl+K's wait)."""
    from gui.quick_open import QuickOpen, entries, prepare

    start = time.perf_counter()
    items = prepare(entries(atlas), atlas.names_ja())  # once per atlas, as the window does
    prepared = time.perf_counter() - start
    palette = QuickOpen(items)
    palette.show()
    app.processEvents()
    keys, floors = _typing(app, box, palette.edit, palette.edit.clear)
    palette.close()
    return keys, floors, prepared


def _typing(app, box, edit, clear, typed=None) -> tuple[list, list]:
    """Every session typed letter by letter into ``edit`` (after ``clear``), each keystroke alternating with the
    same one in the bare line edit ``box``, the floor; ``typed`` runs after each session. (wall, CPU) pairs. (The
    first eight sessions once, 85 keystrokes in one process, moved 19-30 % run to run.)"""
    keys: list[tuple[float, float]] = []
    floors: list[tuple[float, float]] = []
    for text in SESSIONS:
        clear()
        for n in range(1, len(text) + 1):
            start = bare.clock()
            box.setText(text[:n])
            app.processEvents()
            floors.append(bare.since(start))
            start = bare.clock()
            edit.setText(text[:n])
            app.processEvents()
            keys.append(bare.since(start))
        if typed:
            typed()
    return keys, floors
