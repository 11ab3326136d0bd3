"""Team notes against a local PostgreSQL server (the tests' server, tests/helpers.py): how long a note save
takes to be acknowledged, and how long a change takes to reach another member's open store (NOTIFY)."""

from __future__ import annotations

import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(_db: str) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    import psycopg
    from helpers import PgServer

    from model.team_notes import WRITERS, TeamNotes, setup_server

    server = PgServer()
    try:
        setup_server(server.url())
        with psycopg.connect(server.url(), autocommit=True) as con:
            for role in ("alice", "bob"):
                con.execute(f"CREATE ROLE {role} LOGIN IN ROLE {WRITERS}")
        folder = Path(tempfile.mkdtemp(prefix="team-bench-"))
        alice, bob = TeamNotes(server.url("alice"), folder / "a"), TeamNotes(server.url("bob"), folder / "b")
        saves = []
        for n in range(200):
            record = f"r{n % 20}"
            started = time.perf_counter()
            alice.set_note(record, f"note {n}", base=alice.note(record))
            saves.append((time.perf_counter() - started) * 1000)
        fd = bob.listen_socket()
        seen = []
        for n in range(50):
            started = time.perf_counter()
            alice.set_note("arf", f"live {n}", base=alice.note("arf"))
            got = set()
            while "arf" not in got:
                select.select([fd], [], [], 1)
                got = bob.changes()
            seen.append((time.perf_counter() - started) * 1000)
        alice.close()
        bob.close()
    finally:
        server.close()
    return {"save_median_ms": statistics.median(saves), "save_max_ms": max(saves),
            "visible_median_ms": statistics.median(seen), "visible_max_ms": max(seen)}
