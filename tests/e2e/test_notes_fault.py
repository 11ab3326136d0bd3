"""The fault test: a process writing notes is killed with SIGKILL 100+ times at random moments.

After every kill the database must pass `PRAGMA integrity_check`, and every save the writer had acknowledged
(printed after its transaction returned) must be there. Some kills land while the writer starts, opens,
creates the file or makes its daily backup; most land while it saves.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import TESTS

KILLS = 100

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


def check(path: Path, expected: dict[str, str | None], counter: tuple[int, int] | None, basket: set[str],
          in_flight: dict | None) -> None:
    """Integrity, then every acknowledged save. The one save in flight may have landed or not: after the
    check, ``expected`` takes whichever it was (later runs never touch that record again)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # read-only: the next writer recovers for itself
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = dict(con.execute("SELECT record, text FROM notes"))
        in_basket = {r[0] for r in con.execute("SELECT record FROM basket")}
    finally:
        con.close()
    loose = in_flight["record"] if in_flight and in_flight["op"] in ("set", "delete") else None
    for record, text in expected.items():
        if record == loose:
            continue
        assert stored.get(record) == text, f"acknowledged save of {record} is missing or wrong"
    if loose:
        landed = in_flight.get("text") if in_flight["op"] == "set" else None
        assert stored.get(loose) in (expected.get(loose), landed), f"{loose} is neither before nor after"
        expected[loose] = stored.get(loose)
    if counter is not None:
        run, i = (int(x) for x in stored["counter"].split())
        assert (run, i) >= counter, "an acknowledged counter save was lost"
    assert basket <= in_basket, "an acknowledged basket addition was lost"


def test_sigkill_at_random_moments_loses_no_acknowledged_save(tmp_path):
    rng = random.Random(int(os.environ.get("FAULT_SEED", "1999")))
    folder = tmp_path / "user"
    path = folder / "notes.sqlite"
    expected: dict[str, str | None] = {}
    counter = None
    basket: set[str] = set()
    acked = during_start = 0
    started = time.perf_counter()
    for run in range(KILLS):
        proc = subprocess.Popen([sys.executable, str(TESTS / "writers.py"), "notes", str(folder), str(run)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        if rng.random() < 0.2:  # anywhere from spawn: often while starting, opening or backing up
            time.sleep(rng.uniform(0, 0.15))
        else:  # while saving: wait for the first acknowledgement, then a random moment more
            proc.stdout.peek(1)
            time.sleep(rng.uniform(0, 0.15))
        proc.send_signal(signal.SIGKILL)
        # Read through the buffered pipe: peek() may already hold the start of the output, which communicate(),
        # reading the raw descriptor, would skip (the rest then starts mid-line).
        out, err = proc.stdout.read(), proc.stderr.read()
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err.decode()[-2000:]
        lines = out.decode().splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines.pop()  # a line cut short by the kill was never acknowledged
        if not lines:
            during_start += 1
        in_flight = None
        for line in lines:
            ack = json.loads(line)
            assert ack["phase"] != "refused", ack
            if ack["phase"] == "begin":
                in_flight = ack
                continue
            in_flight = None
            if ack["op"] == "set":
                expected[ack["record"]] = ack["text"]
            elif ack["op"] == "delete":
                expected[ack["record"]] = None
            elif ack["op"] == "counter":
                counter = (ack["run"], ack["i"])
            elif ack["op"] == "basket":
                basket.add(ack["record"])
            acked += 1
        if path.exists():
            check(path, expected, counter, basket, in_flight)
        else:
            assert not expected
    elapsed = time.perf_counter() - started
    print(f"\n{KILLS} kills in {elapsed:.1f} s; {acked} acknowledged saves checked; "
          f"{during_start} kills before the first save")
    assert acked > 5 * KILLS and during_start > 0
