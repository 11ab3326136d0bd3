"""`make bench`: run the benchmarks, print one table of figures beside their goals, write bench-results.json.

Timings are ratios to a floor measured in the same run where a floor exists (start-up, memory,
bundle start); the rest are absolute, against the goals the feature issues set. Figures whose
feature does not exist yet print n/a. The run never fails on a MISS unless ``--check`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import figures, startup
from bench.figures import Row, na

ROOT = Path(__file__).resolve().parent.parent
REAL_DB = ROOT / "resources" / "forum-atlas.sqlite"
MIB = 2**20  # bundle sizes in MiB, as du -h and the README's bundle table give them
SECTIONS = ("startup", "build", "search", "timeline", "print", "views", "team", "bundle")
# Feature benchmarks: module -> (the datasets it runs on, rows from its output, seconds it may take).
FEATURES = {
    "search_bench": ((1, 100), figures.search_rows, 300),
    "timeline_bench": ((1, 100, 1000), figures.timeline_rows, 300),
    "print_bench": ((1,), lambda label, r: figures.print_rows(r), 300),
    "team_bench": ((1,), lambda label, r: figures.team_rows(r), 300),
    "views_bench": ((1, 100), figures.views_rows, 300),
}
SECTION_OF = {"search_bench": "search", "timeline_bench": "timeline", "print_bench": "print", "team_bench": "team",
              "views_bench": "views"}
NA_ROWS = {
    "search_bench": [("search", "search latency, real and 100x", figures.SEARCH_GOAL)],
    "timeline_bench": [("timeline", "repaint 1600x500 and zoom/pan steps, real, 100x and 1000x",
                        "median <= 8 ms / 16 ms")],
    "print_bench": [("printing", "fact sheet", "< 100 ms"), ("printing", "briefing pack of every forum and participant", "< 3 s")],
    "team_bench": [("team notes", "save acknowledged", "< 50 ms"), ("team notes", "change visible", "< 1 s")],
    "views_bench": [("views", "matrix open and filter change; chronology keystroke", "< 100 ms; < 16 ms")],
}


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    mem = next((line.split()[1] for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), None)
    try:
        import PySide6
        from PySide6 import QtCore

        pyside, qt = PySide6.__version__, QtCore.qVersion()
    except ImportError:
        pyside = qt = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(mem) / 2**20, 1) if mem else None,
            "os": platform.platform(), "python": platform.python_version(), "pyside6": pyside, "qt": qt,
            "qpa": os.environ.get("QT_QPA_PLATFORM", ""), "load_average": _load()}


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []


# -- synthetic data --------------------------------------------------------------------------------------
def synthetic_dbs(factors: list[int]) -> dict[int, tuple[Path | None, dict]]:
    """The cached synthetic databases, any missing one built meanwhile, each in a child process of its own."""
    children = {f: subprocess.Popen([sys.executable, "-m", "bench.synthetic", str(f), "--json"], cwd=ROOT,
                                    stdout=subprocess.PIPE, text=True) for f in factors}
    out: dict[int, tuple[Path | None, dict]] = {}
    for factor, proc in children.items():
        stdout, _ = proc.communicate()  # its stderr is ours: "building ..." shows as it starts
        if proc.returncode != 0:
            out[factor] = None, {"error": f"python -m bench.synthetic {factor} failed (exit {proc.returncode})"}
            continue
        info = json.loads(stdout.strip().splitlines()[-1])
        out[factor] = Path(info.pop("path")), info
        if not info["cached"]:
            log(f"synthetic {factor}x built in {info['seconds']} s")
    return out


# -- feature benchmarks, each in a process of its own ------------------------------------------------------
def feature(module: str, db: Path, timeout: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        try:
            proc = subprocess.run([sys.executable, "-m", "bench.child", module, str(db), str(out)], cwd=ROOT,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"took more than {timeout} s"}
        if not out.is_file():
            return {"error": (proc.stderr or f"exit {proc.returncode}")[-1500:]}
        return json.loads(out.read_text())


def label_of(factor: int) -> str:
    return "real data" if factor == 1 else f"{factor}x data"


# -- database build and bundle -----------------------------------------------------------------------------
def build_rows(runs: int = 3) -> list[Row]:
    """`forum-atlas build` of the real YAML into a scratch file, as `make db` does (quotes checked when the paper is here)."""
    script = Path(sys.executable).with_name("forum-atlas")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "forum_atlas"]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            start = time.monotonic()
            proc = subprocess.run([*command, "build", "--out", str(Path(tmp) / "db.sqlite")], capture_output=True,
                                  text=True)
            if proc.returncode != 0:
                return [na("build", "database build from the YAML", "<= 5 s", proc.stderr.strip()[-200:])]
            times.append(time.monotonic() - start)
    t = statistics.median(times)
    return [Row("build", "database build from the YAML, real data (forum-atlas build)", f"{t:.2f} s", t, ("<=", 5.0),
                "<= 5 s", "s", extra={"all": times})]


def bundles() -> tuple[Path | None, Path | None]:
    """(one-folder executable, one-file executable) under dist/, when built."""
    dist = ROOT / "dist"
    folder = next((d / d.name for d in sorted(dist.glob("forum-atlas*")) if d.is_dir() and (d / d.name).is_file()),
                  None)
    onefile = next((f for f in sorted(dist.glob("forum-atlas*")) if f.is_file() and os.access(f, os.X_OK)), None)
    return folder, onefile


def bundle_rows(folder: Path | None, onefile: Path | None, start: dict | None) -> list[Row]:
    sec = "bundle"
    if folder is None and onefile is None:
        why = "no bundle in dist/; make dist builds them"
        return [na(sec, "one-folder size", "<= 120 MiB", why), na(sec, "one-file size", "< 60 MiB", why),
                na(sec, "one-folder start to first frame", "<= 1.2 x from source", why)]
    rows = []
    if folder is not None:
        size = sum(f.stat().st_size for f in folder.parent.rglob("*") if f.is_file() and not f.is_symlink()) / MIB
        rows.append(Row(sec, f"one-folder size ({folder.parent.relative_to(ROOT)}/)", f"{size:.1f} MiB", size,
                        ("<=", 120.0), "<= 120 MiB", "MiB"))
    else:
        rows.append(na(sec, "one-folder size", "<= 120 MiB", "no one-folder bundle in dist/"))
    if onefile is not None:
        size = onefile.stat().st_size / MIB
        rows.append(Row(sec, f"one-file size ({onefile.relative_to(ROOT)})", f"{size:.1f} MiB", size, ("<", 60.0),
                        "< 60 MiB", "MiB"))
    else:
        rows.append(na(sec, "one-file size", "< 60 MiB", "no one-file bundle in dist/"))
    goal = "<= 1.2 x from source"
    b, app = (start or {}).get("bundle", {}), (start or {}).get("app", {})
    if "first-frame" in b and "first-frame" in app:
        ratio = b["first-frame"] / app["first-frame"]
        rows.append(Row(sec, "one-folder start to first frame", f"{ratio:.2f} x ({b['first-frame'] * 1000:.0f} ms)",
                        ratio, ("<=", 1.2), goal, "x source", extra={"seconds": b["first-frame"]}))
    elif folder is not None:
        why = (b.get("errors") or ["no start-up stamps: rebuild it with make dist"])[0].strip().splitlines()[-1][:120]
        rows.append(na(sec, "one-folder start to first frame", goal, why))
    return rows


# -- the run ----------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true", help="exit 1 if any figure misses its goal")
    p.add_argument("--runs", type=int, default=7, help="start-up runs of each command (7 at least, the default)")
    p.add_argument("--only", metavar="SECTIONS", help=f"comma-separated, from: {', '.join(SECTIONS)}")
    p.add_argument("--json", type=Path, default=ROOT / "bench-results.json", help="where to write the results")
    args = p.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    if unknown := only - set(SECTIONS):
        p.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    info = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine()}
    rows: list[Row] = []
    raw: dict = {}

    available = {m: (Path(__file__).with_name(f"{m}.py").is_file()) for m in FEATURES}
    wanted = [m for m in FEATURES if SECTION_OF[m] in only]
    factors = sorted({f for m in wanted if available[m] for f in FEATURES[m][0] if f > 1})
    dbs: dict = {1: (REAL_DB, {})}
    if factors:
        dbs |= synthetic_dbs(factors)
        info["synthetic"] = {f: meta for f, (_, meta) in dbs.items() if f > 1}

    folder, onefile = bundles()
    start = None
    if "startup" in only or "bundle" in only:
        runs = max(args.runs, 7)
        log(f"start-up: floor, app{' and bundle' if folder else ''}, alternated, {runs} runs each ...")
        start = raw["startup"] = startup.measure(runs, folder if "bundle" in only else None)
        if "startup" in only:
            rows += figures.startup_rows(start)
    if "build" in only:
        log("database build ...")
        rows += build_rows()
    for module in wanted:
        factors_of, to_rows, timeout = FEATURES[module]
        if not available[module]:
            rows += [na(*spec, f"bench/{module}.py does not exist yet") for spec in NA_ROWS[module]]
            continue
        for factor in factors_of:
            db, _ = dbs.get(factor, (None, {}))
            label = label_of(factor)
            if db is None:
                rows += [na(SECTION_OF[module], label, "", dbs[factor][1].get("error", "no database"))]
                continue
            log(f"{module} on the {label} ...")
            result = feature(module, db, timeout)
            raw[f"{module} {factor}x"] = result
            if "error" in result:
                rows.append(na(SECTION_OF[module], label, "",
                               f"bench/{module}.py failed: {result['error'].strip().splitlines()[-1][:120]}"))
                continue
            try:
                rows += to_rows(label, result["result"])
            except (KeyError, TypeError, ValueError) as exc:  # its output changed shape: say so, run the rest
                rows.append(na(SECTION_OF[module], label, "", f"unexpected output from bench/{module}.py: {exc!r}"))
    if "bundle" in only:
        rows += bundle_rows(folder, onefile, start)

    info["machine"]["load_average_end"] = _load()
    info["seconds"] = round(time.monotonic() - started, 1)
    print(report(rows, info))
    args.json.write_text(json.dumps({**info, "figures": [r.as_json() for r in rows], "raw": raw}, indent=1,
                                    default=str) + "\n")
    log(f"wrote {args.json.name} ({info['seconds']:.0f} s)")
    misses = [r for r in rows if r.result == "MISS"]
    return 1 if args.check and misses else 0


def report(rows: list[Row], info: dict) -> str:
    m = info["machine"]
    lines = [f"Forum Atlas benchmarks, {info['when']}",
             f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['os']}; Python {m['python']}, "
             f"PySide6 {m['pyside6']} (Qt {m['qt']}), QT_QPA_PLATFORM={m['qpa'] or 'default'}; "
             f"load average {' '.join(map(str, m['load_average']))} at start", "",
             figures.table(rows)]
    for factor, meta in (info.get("synthetic") or {}).items():
        if "counts" in meta:
            c = meta["counts"]
            lines.append(f"synthetic {factor}x: {c['events']:,} events, {c['forums']:,} forums, {c['citations']:,} "
                         f"citations; {meta['road']}; built in {meta['seconds']} s"
                         f"{' (cached)' if meta.get('cached') else ''}")
    counts = {s: sum(r.result == s for r in rows) for s in ("PASS", "MISS", "n/a")}
    lines.append(f"{counts['PASS']} PASS, {counts['MISS']} MISS, {counts['n/a']} n/a")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
