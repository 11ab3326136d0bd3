"""Fact sheet and briefing pack timings: run(db_path) -> figures in milliseconds.

Each fact sheet alternates with its floor (``bench.bare``): a bare QTextDocument of as many characters as
the sheet's PDF holds, printed to QPdfWriter. The pack of every forum and participant is measured against
the sheets it holds: its time over one sheet's median time the number of sheets.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench import bare

PACKS = 5  # the pack's median of five: one pack alone moved 0.22-0.36 x its sheets run to run, three 0.27-0.35


def run(db_path, sheets_measured: int = 60) -> dict:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.instance() or QGuiApplication([])
    from pypdf import PdfReader

    from gui import printing
    from model.queries import Atlas

    atlas = Atlas(Path(db_path))
    forums = [f.id for f in atlas.forums()]
    everyone = forums + [p.id for p in atlas.participants()]
    with tempfile.TemporaryDirectory() as tmp:
        out, plain = Path(tmp) / "bench.pdf", Path(tmp) / "floor.pdf"
        printing.sheet_pdf(atlas, "arf", out)  # warm fonts and caches once, as a running app would be
        bare.printer(1000, plain)()
        sheets, floors, chars = [], [], []
        for rid in forums[:sheets_measured]:
            fresh = Atlas(Path(db_path))  # no cached details: the cost a first print of a forum has
            t = bare.clock()
            printing.sheet_pdf(fresh, rid, out)
            sheets.append(bare.since(t))
            fresh.close()
            chars.append(sum(len(page.extract_text() or "") for page in PdfReader(out).pages))
            floor = bare.printer(chars[-1], plain)
            t = bare.clock()
            floor()
            floors.append(bare.since(t))
        packs = []
        for _ in range(PACKS):
            fresh = Atlas(Path(db_path))
            t = bare.clock()
            printing.pack_pdf(fresh, everyone, out)
            packs.append(bare.since(t))
            fresh.close()
    pack, pack_cpu = statistics.median(w for w, _ in packs), statistics.median(c for _, c in packs)
    sheet_cpu = statistics.median(c for _, c in sheets)  # CPU times, as every ratio (bench.bare.summary)
    return {"sheet": bare.summary(sheets, floors), "sheet_chars_median": statistics.median(chars),
            "pack_all_ms": pack * 1000, "pack_ratio": round(pack_cpu / (sheet_cpu * len(everyone)), 4),
            "pack_forums": len(forums), "pack_records": len(everyone)}
