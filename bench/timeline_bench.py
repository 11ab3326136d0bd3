"""Timeline benchmark: repaint, zoom-step and pan-step times of a 1600x500 view.

``run(db_path)`` loads a database (the real one or a synthetic 100x/1000x one), drives the real
``TimelineWidget`` and renders it into a QImage through its own paintEvent, so the figures include
everything a screen repaint does except the blit. Each figure alternates with its floor (``bench.bare``):
the same image size drawing as many lanes, markers, badges and labels with plain QPainter calls.

Run it through the harness: ``make bench ARGS="--only timeline"``.
"""

from __future__ import annotations

import gc
import itertools
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench import bare

WIDTH, HEIGHT = 1600, 500


def run(db_path, repeats: int = 50) -> dict:  # in each of the harness's three processes
    """Measure the timeline on the database at ``db_path``; returns figures in milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage, QRegion
    from PySide6.QtWidgets import QApplication, QWidget

    from gui.timeline import TimelineWidget
    from model.browse import Browse

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    atlas = Browse(Path(db_path))  # as the window fills its timeline
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

    def floor() -> Callable[[], None]:  # the plain-QPainter frame of what the last paint drew
        drawn = widget.last_paint
        return bare.painter(WIDTH, HEIGHT, drawn.lanes, drawn.markers, drawn.badges, drawn.labels, widget.font())

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
        drawn = widget.last_paint
        out[f"repaint_{name}"] = bare.alternate(frame, floor(), repeats) | {
            "lanes": drawn.lanes, "markers": drawn.markers, "badges": drawn.badges, "labels": drawn.labels}
    # zoom steps: in and out around the cursor, across the mid range; pan steps: to and fro
    widget.show_days(*levels["mid"])
    frame()
    x = widget.view.plot_left + widget.view.plot_width * 0.6
    zooms = itertools.count()

    def zoom() -> None:
        widget.view.scale.zoom(1.25 if (next(zooms) // 6) % 2 == 0 else 1 / 1.25, x)
        frame()

    out["zoom_step"] = bare.alternate(zoom, floor(), repeats)
    widget.show_days(*levels["mid"])
    frame()
    pans = itertools.count()

    def pan() -> None:
        widget.view.scale.pan(40 if (next(pans) // 10) % 2 == 0 else -40)
        frame()

    out["pan_step"] = bare.alternate(pan, floor(), repeats)
    widget.close()
    return out
