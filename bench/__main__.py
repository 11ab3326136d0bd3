"""`make bench`: run the benchmarks, print one table of figures beside their goals, write bench-results.json.

Every timing is a multiple of a floor measured in the same run, in alternation with it (bench/bare.py;
the start-up floor, a bare window; the build's, the YAML parser alone), with its absolute time beside it;
the goals are multiples (bench/figures.py GOALS). The run goes in rounds (PROCESSES): each round times a share of
the start-ups and of the builds and runs every feature benchmark once more, in a process of its own, so that each
figure (a feature's the mean of its rounds', ``merged``) is taken across the whole run. bench-results.json keeps the last runs' figures, and
the table gives each figure's spread over the last three. Figures whose feature does not exist yet print
n/a. The run never fails on a MISS; with ``--check`` it fails on a MISS that the run before also had.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import bare, figures, repeatable, startup
from bench.figures import Row, na

ROOT = Path(__file__).resolve().parent.parent
REAL_DB = ROOT / "resources" / "forum-atlas.sqlite"
MIB = 2**20  # bundle sizes in MiB, as du -h and the README's bundle table give them
ONEDIR_MIB, ONEFILE_MIB = 100.0, 45.0  # as build_spec/check-bundle checks them
# "scale" is every figure on the 10,000x data (bench/scaled.py), start-up included: most of an hour, so it runs
# only when asked for (--only scale).
SECTIONS = ("startup", "build", "search", "timeline", "print", "views", "tree", "team", "bundle", "scale")
SCALE = 10_000
# Feature benchmarks: module -> (the datasets it runs on, rows from its output, seconds it may take).
FEATURES = {
    "search_bench": ((1, 100, SCALE), figures.search_rows, 300),
    "timeline_bench": ((1, 100, 1000, SCALE), figures.timeline_rows, 300),
    "print_bench": ((1,), lambda label, r: figures.print_rows(r), 300),
    "team_bench": ((1,), lambda label, r: figures.team_rows(r), 300),
    "views_bench": ((1, 100, SCALE), figures.views_rows, 300),
    "tree_bench": ((1, 100, 1000, SCALE), figures.tree_rows, 300),
}
SCALE_TIMEOUT = 600  # seconds a benchmark may take on the 10,000x data
SECTION_OF = {"search_bench": "search", "timeline_bench": "timeline", "print_bench": "printing",
              "team_bench": "team notes", "views_bench": "views", "tree_bench": "tree"}
OPTION_OF = {"printing": "print", "team notes": "team"}  # --only's word for a section, where it differs
GOAL_OF = {"search_bench": "search", "timeline_bench": "repaint", "views_bench": "list_key", "tree_bench": "list_key"}
HISTORY = 5  # runs kept in bench-results.json
# Each feature benchmark runs in this many processes, in rounds spread across the run (all of them, then all again):
# a process's figures moved 4-6 % from one process to the next with the machine's pace, and a run's figure is
# their mean. The 10,000x data's, each tens of minutes, run once.
PROCESSES = 3
BUILDS = 15  # database builds, a third in each round


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
            proc = subprocess.run(repeatable.command([sys.executable, "-m", "bench.child", module, str(db), str(out)]),
                                  cwd=ROOT, env=repeatable.environment(), capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            said = (exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr or "")
            lines = said.strip().splitlines()  # its own progress lines first, not Qt's warnings
            last = next((line for line in reversed(lines) if line.startswith(f"{module}:")), lines[-1] if lines else "")
            return {"error": f"took more than {timeout} s", "timeout": timeout, "last": last}
        if not out.is_file():
            return {"error": (proc.stderr or f"exit {proc.returncode}")[-1500:]}
        return json.loads(out.read_text())


def label_of(factor: int) -> str:
    return "real data" if factor == 1 else f"{factor}x data"


# -- database build and bundle -----------------------------------------------------------------------------
def build_samples(runs: int) -> tuple[list, list] | str:
    """`forum-atlas build` of the real YAML into a scratch file, as `make db` does (quotes checked when the paper
    is here), alternating with its floor, a new interpreter reading the same YAML files with the parser alone:
    (builds, floors) as (wall, CPU) seconds, or what went wrong."""
    script = Path(sys.executable).with_name("forum-atlas")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "forum_atlas"]
    floor = [sys.executable, "-c", "import sys, yaml; [yaml.load(open(f, encoding='utf-8'), Loader=yaml.CSafeLoader) "
             "for f in sys.argv[1:]]", *map(str, sorted((ROOT / "resources" / "data").glob("*.yaml")))]
    times: list = []
    floors: list = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for what, samples in ((floor, floors), ([*command, "build", "--out", str(Path(tmp) / "db.sqlite")], times)):
                start = bare.clock()  # its CPU time is the child's
                proc = subprocess.run(repeatable.command(what), env=repeatable.environment(), capture_output=True,
                                      text=True)
                if proc.returncode != 0:
                    return proc.stderr.strip()[-200:]
                samples.append(bare.since(start))
    return times, floors


def build_rows(rounds: list[tuple[list, list] | str]) -> list[Row]:
    """The build's row from its rounds' samples (``build_samples``)."""
    if failed := next((r for r in rounds if isinstance(r, str)), None):
        return [na("build", "database build from the YAML", "", failed)]
    times = [t for r in rounds for t in r[0]]
    floors = [f for r in rounds for f in r[1]]
    return [figures.ratio_row("build", "database build from the YAML, real data (forum-atlas build)",
                              bare.summary(times, floors), "build")]


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
        return [na(sec, "one-folder size", f"<= {ONEDIR_MIB} MiB", why),
                na(sec, "one-file size", f"<= {ONEFILE_MIB} MiB", why),
                na(sec, "one-folder start to first frame", "<= 1.2 x from source", why)]
    rows = []
    if folder is not None:
        size = sum(f.stat().st_size for f in folder.parent.rglob("*") if f.is_file() and not f.is_symlink()) / MIB
        rows.append(Row(sec, f"one-folder size ({folder.parent.relative_to(ROOT)}/)", f"{size:.1f} MiB", size,
                        ("<=", ONEDIR_MIB), f"<= {ONEDIR_MIB} MiB", "MiB"))
    else:
        rows.append(na(sec, "one-folder size", f"<= {ONEDIR_MIB} MiB", "no one-folder bundle in dist/"))
    if onefile is not None:
        size = onefile.stat().st_size / MIB
        rows.append(Row(sec, f"one-file size ({onefile.relative_to(ROOT)})", f"{size:.1f} MiB", size,
                        ("<=", ONEFILE_MIB), f"<= {ONEFILE_MIB} MiB", "MiB"))
    else:
        rows.append(na(sec, "one-file size", f"<= {ONEFILE_MIB} MiB", "no one-file bundle in dist/"))
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
def feature_rows(module: str, factor: int, results: list[dict], dbs: dict) -> list[Row]:
    """The rows of one feature benchmark on one dataset, from its processes' outputs (``merged``)."""
    section, label = SECTION_OF[module], label_of(factor)
    if not results:
        return [na(section, label, "", dbs[factor][1].get("error", "no database"))]
    result = next((r for r in results if "timeout" in r or "error" in r), None) or merged(results)
    if "timeout" in result:  # too slow to measure at this scale: a MISS, saying how far it got
        why = f"more than {result['timeout']} s" + (f"; last: {result['last'][:120]}" if result["last"] else "")
        return [figures.unfinished(section, f"{label}: {module}", GOAL_OF.get(module, "repaint"), why)]
    if "error" in result:
        return [na(section, label, "", f"bench/{module}.py failed: {result['error'].strip().splitlines()[-1][:120]}")]
    try:
        return FEATURES[module][1](label, result["result"])
    except (KeyError, TypeError, ValueError) as exc:  # its output changed shape: say so, run the rest
        return [na(section, label, "", f"unexpected output from bench/{module}.py: {exc!r}")]


def merged(outputs: list, key: str = "") -> object:
    """Several processes' outputs of one benchmark as one: each number the mean of the processes' (a maximum the
    largest, a count of samples or runs the sum), each list every process's items in turn, each text the first's."""
    first = outputs[0]
    if isinstance(first, dict):
        return {k: merged([o[k] for o in outputs if isinstance(o, dict) and k in o], k) for k in first}
    if isinstance(first, list):
        return [item for o in outputs if isinstance(o, list) for item in o]
    numbers = [o for o in outputs if isinstance(o, int | float) and not isinstance(o, bool)]
    if isinstance(first, bool) or len(numbers) < len(outputs):
        return first
    if key in ("n", "runs"):
        return sum(numbers)
    if key.startswith("max") or key.endswith("max_ms"):
        return max(numbers)
    return round(statistics.mean(numbers), 4)


def scale_startup_rows(db: Path, runs: int) -> tuple[list[Row], dict]:
    """Start-up on the 10,000x data: the app and its floor, as measured on the real data."""
    log(f"start-up on the {label_of(SCALE)}: {runs} runs each ...")
    start = startup.measure(runs, None, db=db, timeout=startup.SCALE_TIMEOUT_S)
    rows = figures.startup_rows(start)
    label = label_of(SCALE)
    for row in rows:
        row.figure = f"{label}: {row.figure}"
        if row.result == "n/a" and "interactive" in row.figure:  # it did not get there in time: a MISS
            row.value, row.goal, row.unit = math.inf, ("<=", 3.0), "x floor"
            row.shown = f"did not get there within {startup.SCALE_TIMEOUT_S} s"
    return rows, start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true",
                   help="exit 1 if a figure misses its goal in this run and in the run before")
    p.add_argument("--runs", type=int, default=60, help="start-up runs of each command, a third at the head of each "
                   "round (7 at least; 60 by default: one start of a bare window takes 0.13-0.32 s here, and 42 runs' "
                   "means moved up to 12 %% run to run)")
    p.add_argument("--only", metavar="SECTIONS", help=f"comma-separated, from: {', '.join(SECTIONS)} (all but scale "
                   "without it)")
    p.add_argument("--json", type=Path, default=ROOT / "bench-results.json", help="where to write the results")
    args = p.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(SECTIONS) - {"scale"}
    if unknown := only - set(SECTIONS):
        p.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    info = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine()}
    rows: list[Row] = []
    raw: dict = {}

    available = {m: (Path(__file__).with_name(f"{m}.py").is_file()) for m in FEATURES}

    def wanted(module: str, factor: int) -> bool:
        return "scale" in only if factor >= SCALE else OPTION_OF.get(SECTION_OF[module], SECTION_OF[module]) in only

    runs = [(m, f) for m in FEATURES for f in FEATURES[m][0] if wanted(m, f)]
    factors = sorted({f for m, f in runs if available[m] and f > 1} | ({SCALE} if "scale" in only else set()))
    dbs: dict = {1: (REAL_DB, {})}
    if factors:
        dbs |= synthetic_dbs(factors)
        info["synthetic"] = {f: meta for f, (_, meta) in dbs.items() if f > 1}

    folder, onefile = bundles()
    timing_starts = "startup" in only or "bundle" in only
    share = math.ceil(max(args.runs, 7) / PROCESSES)  # start-ups of each command at the head of each round
    chunks: list[dict] = []
    builds: list[tuple[list, list] | str] = []
    outputs: dict[tuple[str, int], list[dict]] = {(m, f): [] for m, f in runs}
    for round_ in range(PROCESSES):
        if timing_starts:
            log(f"start-up: floor, app{' and bundle' if folder and 'bundle' in only else ''}, alternated, {share} runs "
                f"each, {round_ + 1} of {PROCESSES} ...")
            chunks.append(startup.measure(share, folder if "bundle" in only else None))
        if "build" in only:
            log(f"database build, alternating with the YAML parser alone, {BUILDS // PROCESSES} runs each, "
                f"{round_ + 1} of {PROCESSES} ...")
            builds.append(build_samples(BUILDS // PROCESSES))
        for module, factor in runs:
            db = dbs.get(factor, (None, {}))[0]
            if not available[module] or db is None or (factor >= SCALE and round_ > 0):
                continue
            timeout = SCALE_TIMEOUT if factor >= SCALE else FEATURES[module][2]
            log(f"{module} on the {label_of(factor)}" + ("" if factor >= SCALE else f", {round_ + 1} of {PROCESSES}")
                + " ...")
            outputs[module, factor].append(feature(module, db, timeout))
    start = raw["startup"] = merged(chunks) if chunks else None
    if start is not None and "startup" in only:
        rows += figures.startup_rows(start)
    if builds:
        rows += build_rows(builds)
    for module, factor in runs:
        if not available[module]:
            rows.append(na(SECTION_OF[module], label_of(factor), "", f"bench/{module}.py does not exist yet"))
            continue
        rows += feature_rows(module, factor, outputs[module, factor], dbs)
        raw[f"{module} {factor}x"] = outputs[module, factor]
    if "scale" in only and dbs.get(SCALE, (None,))[0] is not None:
        got, raw[f"startup {SCALE}x"] = scale_startup_rows(dbs[SCALE][0], 1)
        rows += got
    if "bundle" in only:
        rows += bundle_rows(folder, onefile, start)

    info["machine"]["load_average_end"] = _load()
    info["seconds"] = round(time.monotonic() - started, 1)
    history = past_runs(args.json)
    history.append({"when": info["when"], "load_average": info["machine"]["load_average"],
                    "figures": {r.key: {"value": None if r.value is None or math.isinf(r.value) else r.value,
                                        "result": r.result} for r in rows if r.value is not None}})
    history = history[-HISTORY:]
    add_spread(rows, history)
    print(report(rows, info))
    args.json.write_text(json.dumps({**info, "figures": [r.as_json() for r in rows], "raw": raw, "history": history},
                                    indent=1, default=str) + "\n")
    log(f"wrote {args.json.name} ({info['seconds']:.0f} s)")
    repeated = repeated_misses(rows, history)
    if repeated:
        log(f"{len(repeated)} MISS in this run and the one before: " + "; ".join(r.key for r in repeated))
    return 1 if args.check and repeated else 0


def past_runs(path: Path) -> list[dict]:
    """The runs bench-results.json remembers (none if it is missing, unreadable or from an older harness)."""
    try:
        history = json.loads(path.read_text()).get("history", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [h for h in history if isinstance(h, dict) and isinstance(h.get("figures"), dict)]


def add_spread(rows: list[Row], history: list[dict]) -> None:
    """Each row's spread: (max - min) / median of its value over the last three runs that measured it."""
    for row in rows:
        values = [h["figures"][row.key]["value"] for h in history if row.key in h["figures"]][-3:]
        values = [v for v in values if isinstance(v, int | float)]
        if len(values) >= 2:
            row.spread, row.spread_runs = (max(values) - min(values)) / statistics.median(values), len(values)


def repeated_misses(rows: list[Row], history: list[dict]) -> list[Row]:
    """The rows that MISS now and missed in the run before that measured them (this run is history[-1])."""
    out = []
    for row in rows:
        before = [h["figures"][row.key]["result"] for h in history[:-1] if row.key in h["figures"]]
        if row.result == "MISS" and before and before[-1] == "MISS":
            out.append(row)
    return out


def report(rows: list[Row], info: dict) -> str:
    m = info["machine"]
    lines = [f"Forum Atlas benchmarks, {info['when']}",
             f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['os']}; Python {m['python']}, "
             f"PySide6 {m['pyside6']} (Qt {m['qt']}), QT_QPA_PLATFORM={m['qpa'] or 'default'}; "
             f"load average {' '.join(map(str, m['load_average']))} at start, "
             f"{' '.join(map(str, m.get('load_average_end', [])))} at the end", "",
             figures.table(rows)]
    for factor, meta in (info.get("synthetic") or {}).items():
        if "counts" in meta:
            c = meta["counts"]
            size = f", {meta['mb']:,} MB" if meta.get("mb") else ""
            lines.append(f"synthetic {factor}x: {c.get('events', c.get('event', 0)):,} events, "
                         f"{c.get('forums', c.get('forum', 0)):,} forums{size}; {meta['road']}; built in "
                         f"{meta['seconds']} s{' (cached)' if meta.get('cached') else ''}")
    counts = {s: sum(r.result == s for r in rows) for s in ("PASS", "MISS", "n/a")}
    lines.append(f"{counts['PASS']} PASS, {counts['MISS']} MISS, {counts['n/a']} n/a; spread: (max - min) / median "
                 "of each figure over the last three runs (bench-results.json)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
