"""Start-up: the app (and the bundle, when built) against the floor, a bare Qt window, in alternation.

Every run is a new process. It prints ``forum-atlas-startup <what> <time.monotonic()>`` lines
(``gui.app.startup_stamp``; FORUM_ATLAS_BENCH_STARTUP=1 turns them on): ``first-frame`` once the
window's first paint is done, ``interactive`` once the forum tree is filled (from the browse data), painted and
the event loop free. At that moment it clicks a forum: ``record-shown`` once its page has painted (from the
browse data, which holds every forum's page; else once the read API is open), ``read-api`` when SQLModel is
imported and the read API open; it quits once it has both. A ``forum-atlas-startup-wait`` line gives the longest
the main thread waited meanwhile (gui/read_api.py's ticks).
A second floor, a bare window that then imports SQLModel, is the yardstick for the app's peak memory. The monotonic clock is shared by every process on the machine, so
the time from the parent's ``Popen`` to a stamp includes the interpreter's own start. Peak memory is
the child's ``ru_maxrss`` from ``wait4`` (its CPU time is recorded too: on a busy machine it varies
less than the wall clock). A third command times ``import model.queries`` alone, for reference.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import repeatable

FLOOR = Path(__file__).with_name("floor.py")
TIMEOUT_S = 60  # seconds a start may take (the 10,000x data's: SCALE_TIMEOUT_S)
SCALE_TIMEOUT_S = 600


def app_command() -> list[str]:
    """``forum-atlas`` as installed beside this interpreter (what users run), or ``python -m forum_atlas``."""
    script = Path(sys.executable).with_name("forum-atlas")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "forum_atlas"]


def floor_command(*extra: str) -> list[str]:
    return [sys.executable, str(FLOOR), *extra]


def compile_sources() -> None:
    """Write the project's bytecode first, as an installed app (or the bundle) has it: otherwise, under
    PYTHONDONTWRITEBYTECODE, each start would compile every module of the window from source again."""
    root = Path(__file__).resolve().parent.parent
    for package in ("forum_atlas", "gui", "model", "bench"):
        compileall.compile_dir(str(root / package), quiet=1)


def import_command() -> list[str]:
    """For reference: importing the read API alone (SQLModel, SQLAlchemy, pydantic), between two stamps."""
    code = ("from gui.app import startup_stamp as stamp; stamp('import-start'); import model.queries; "
            "stamp('import-end')")
    return [sys.executable, "-c", code]


def run_once(command: list[str], env: dict[str, str], timeout: float = TIMEOUT_S) -> dict:
    """One start: seconds from spawn to each stamp, peak RSS in MB, and stderr when it went wrong."""
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(repeatable.command(command), stdout=subprocess.PIPE, stderr=err,
                                env=repeatable.environment(env))
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            out = proc.stdout.read().decode(errors="replace")
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
            proc.stdout.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        stamps = {}
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "forum-atlas-startup":
                stamps[parts[1]] = float(parts[2]) - start
            elif len(parts) == 2 and parts[0] == "forum-atlas-startup-wait":
                stamps["longest-wait"] = float(parts[1])
        result = {**stamps, "rss_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
                  "exit": proc.returncode}
        if proc.returncode != 0 or not stamps:
            err.seek(0)
            result["error"] = err.read().decode(errors="replace")[-400:] or f"exit {proc.returncode}, no stamps"
        return result


def measure(runs: int = 9, bundle: Path | None = None, db: Path | None = None, timeout: float = TIMEOUT_S) -> dict:
    """Alternate floor, app, import (and bundle) ``runs`` times after a warm-up round; means in s and MB.

    Means, not medians: one start of a bare window takes 0.12-0.27 s here, spread evenly over that range, and
    taking three sets of 30 from 60 starts, the medians' ratios moved 8 % apart (18 % one time in ten), the
    means' 4 % (7 %).
    ``db``: the app reads that database (a synthetic one) instead of its own."""
    compile_sources()
    commands = {"floor": floor_command(), "app": app_command(), "floor-sqlmodel": floor_command("--sqlmodel"),
                "import": import_command()}
    if bundle is not None:  # not right after the app: what the app leaves to finish on quitting slowed the next
        commands["bundle"] = [str(bundle)]  # start's first frame by a tenth (240 ms against 216 ms, 20 runs each)
    with tempfile.TemporaryDirectory(prefix="forum-atlas-bench-") as home:  # the settings and notes of these runs
        env = {**os.environ, "FORUM_ATLAS_BENCH_STARTUP": "1", "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM",
               "offscreen"), "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
        env.pop("FORUM_ATLAS_DB", None)
        if db is not None:
            env["FORUM_ATLAS_DB"] = str(db)
        samples: dict[str, list[dict]] = {name: [] for name in commands}
        for n in range(runs + 1):  # run 0 warms the page cache and creates the settings and user data
            for name, command in commands.items():
                result = run_once(command, env, timeout)
                if "import-end" in result:
                    result["import"] = result["import-end"] - result["import-start"]
                if n > 0:
                    samples[name].append(result)
    out: dict = {"runs": runs, "commands": {k: " ".join(v) for k, v in commands.items()}}
    for name, results in samples.items():
        good = [r for r in results if "error" not in r]
        out[name] = {"runs": len(good), "errors": [r["error"] for r in results if "error" in r][:2]}
        for key in ("first-frame", "interactive", "read-api", "record-shown", "longest-wait", "sqlmodel-imported",
                    "import", "rss_mb", "cpu_s"):
            values = [r[key] for r in good if key in r]
            if values:
                out[name][key] = statistics.mean(values)
                out[name][f"{key} all"] = [round(v, 4) for v in values]
    return out
