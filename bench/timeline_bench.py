"""Timeline benchmark: repaint, zoom-step and pan-step times of a 1600x500 view.

``run(db_path)`` loads a database (the real one or a synthetic 100x/1000x one), drives the real
``TimelineWidget`` and renders it into a QImage through its own paintEvent, so the figures include
everything a screen repaint does except the blit. Goals (issue 5): repaint median <= 8 ms at every
zoom; a zoom or pan step (change + repaint) <= 16 ms.

Run it through the harness: ``make bench ARGS="--only timeline"``.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from datetime import date
from pathlib import Path

GOALS_MS = {"repaint": 8.0, "step": 16.0}
WIDTH, HEIGHT = 1600, 500


def _stats(samples: list[tuple[float, float]]) -> dict[str, float]:
    """Median and 95th percentile of wall time, and the median CPU time (steadier on a busy machine)."""
    wall = sorted(w for w, _ in samples)
    p95 = wall[min(len(wall) - 1, int(round(0.95 * (len(wall) - 1))))]
    return {"median_ms": round(statistics.median(wall) * 1000, 3), "p95_ms": round(p95 * 1000, 3),
            "cpu_median_ms": round(statistics.median(c for _, c in samples) * 1000, 3)}


def run(db_path, repeats: int = 40) -> dict:
    """Measure the timeline on the database at ``db_path``; returns figures in milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage, QRegion
    from PySide6.QtWidgets import QApplication, QWidget

    from gui.timeline import TimelineWidget
    from model.queries import Atlas

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    atlas = Atlas(Path(db_path))
    events = atlas.events()
    t1 = time.perf_counter()
    widget = TimelineWidget()
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    app.processEvents()
    widget.set_groups(atlas.grouped("track"), events, atlas.eras(), atlas.source.as_of)
    t2 = time.perf_counter()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)

    def frame() -> None:  # the widget paints every pixel itself (opaque), as on screen: no background pass
        widget.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)

    def timed(step) -> tuple[float, float]:
        start, cpu = time.perf_counter(), time.process_time()
        step()
        frame()
        return time.perf_counter() - start, time.process_time() - cpu

    d = date.toordinal
    levels = {
        "out": None,
        "mid": (d(date(1990, 1, 1)), d(date(1999, 12, 31))),
        "close": (d(date(1997, 1, 1)), d(date(1997, 3, 31))),
    }
    out: dict = {"db": str(db_path), "events": len(events), "forums": len(widget.data.forums),
                 "lanes": len(widget.data.lanes), "load_s": round(t1 - t0, 3), "layout_s": round(t2 - t1, 3),
                 "size": f"{WIDTH}x{HEIGHT}"}
    gc.collect()
    for name, span in levels.items():
        if span is None:
            widget.fit_all()
        else:
            widget.show_days(*span)
        frame()  # warm caches (stamps, text widths)
        samples = [timed(lambda: None) for _ in range(repeats)]
        out[f"repaint_{name}"] = _stats(samples) | {"markers": widget.last_paint.markers,
                                                     "badges": widget.last_paint.badges,
                                                     "labels": widget.last_paint.labels}
    # zoom steps: in and out around the cursor, across the mid range
    widget.show_days(*levels["mid"])
    frame()
    x = widget.view.plot_left + widget.view.plot_width * 0.6
    zooms = []
    for k in range(repeats):
        factor = 1.25 if (k // 6) % 2 == 0 else 1 / 1.25
        zooms.append(timed(lambda f=factor: widget.view.scale.zoom(f, x)))
    out["zoom_step"] = _stats(zooms)
    widget.show_days(*levels["mid"])
    frame()
    pans = []
    for k in range(repeats):
        dx = 40 if (k // 10) % 2 == 0 else -40
        pans.append(timed(lambda dx=dx: widget.view.scale.pan(dx)))
    out["pan_step"] = _stats(pans)
    widget.close()
    out["goals_ms"] = dict(GOALS_MS)
    out["ok"] = all(out[f"repaint_{n}"]["median_ms"] <= GOALS_MS["repaint"] for n in levels) and \
        all(out[k]["median_ms"] <= GOALS_MS["step"] for k in ("zoom_step", "pan_step"))
    return out
