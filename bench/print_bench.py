"""Fact sheet and briefing pack timings: run(db_path) -> figures in milliseconds.

Each fact sheet alternates with its floor (``bench.bare``): a bare QTextDocument of as many characters as
the sheet's PDF holds, printed to QPdfWriter. The pack of every forum and participant is measured against
the sheets it holds: its time over one sheet's median time the number of sheets, each pack beside the sheets
printed just before it.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench import bare

PACKS = 3  # packs, each after SHEETS sheets: the ratio is the median of each pack's to the sheets before it (the
# harness runs three processes: nine packs in all)
SHEETS = 7  # (a pack after all 60 sheets moved 0.30-0.40 x them run to run: the machine's pace drifted 30 %)


def run(db_path) -> dict:
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
        sheets, floors, chars, packs, ratios = [], [], [], [], []
        for n in range(PACKS):  # each pack beside sheets printed just before it: the machine's pace drifts
            here = []
            for rid in forums[n::PACKS][:SHEETS]:  # every third forum: each round's sheets alike
                fresh = Atlas(Path(db_path))  # no cached details: the cost a first print of a forum has
                t = bare.clock()
                printing.sheet_pdf(fresh, rid, out)
                here.append(bare.since(t))
                fresh.close()
                chars.append(sum(len(page.extract_text() or "") for page in PdfReader(out).pages))
                floor = bare.printer(chars[-1], plain)
                t = bare.clock()
                floor()
                floors.append(bare.since(t))
            fresh = Atlas(Path(db_path))
            t = bare.clock()
            printing.pack_pdf(fresh, everyone, out)
            packs.append(bare.since(t))
            fresh.close()
            sheets += here  # CPU times, as every ratio (bench.bare.summary)
            ratios.append(packs[-1][1] / (statistics.median(c for _, c in here) * len(everyone)))
    return {"sheet": bare.summary(sheets, floors), "sheet_chars_median": statistics.median(chars),
            "pack_all_ms": statistics.median(w for w, _ in packs) * 1000,
            "pack_ratio": round(statistics.median(ratios), 4), "pack_ratios": [round(x, 4) for x in ratios],
            "pack_forums": len(forums), "pack_records": len(everyone)}
