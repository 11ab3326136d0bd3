"""Fact sheet and briefing pack timings: run(db_path) -> figures in milliseconds."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path


def run(db_path) -> dict:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.instance() or QGuiApplication([])
    from gui import printing
    from model.queries import Atlas

    atlas = Atlas(Path(db_path))
    forums = [f.id for f in atlas.forums()]
    everyone = forums + [p.id for p in atlas.participants()]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.pdf"
        printing.sheet_pdf(atlas, "arf", out)  # warm fonts and caches once, as a running app would be
        sheets = []
        for rid in forums[:40]:
            fresh = Atlas(Path(db_path))  # no cached details: the cost a first print of a forum has
            t = time.perf_counter()
            printing.sheet_pdf(fresh, rid, out)
            sheets.append((time.perf_counter() - t) * 1000)
            fresh.close()
        fresh = Atlas(Path(db_path))
        t = time.perf_counter()
        printing.pack_pdf(fresh, everyone, out)
        pack = (time.perf_counter() - t) * 1000
    return {"sheet_median_ms": statistics.median(sheets), "sheet_max_ms": max(sheets), "pack_all_ms": pack,
            "pack_forums": len(forums), "pack_records": len(everyone)}
