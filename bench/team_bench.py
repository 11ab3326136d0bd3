"""Team notes against a local PostgreSQL server (the tests' server, tests/helpers.py): how long a note save
takes to be acknowledged, and how long a change takes to reach another member's open store (NOTIFY).

Each alternates with its floor on the same server: for the save, a bare upsert of one row, autocommitted, by a
plain psycopg connection; for the change, a bare ``NOTIFY`` from one plain connection until another, LISTENing,
has read it. Milliseconds, with each figure's multiple of its floor (``bench.bare.summary``).
"""

from __future__ import annotations

import select
import sys
import tempfile
from pathlib import Path

from bench import bare

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
            con.execute("CREATE TABLE floor_note (record TEXT PRIMARY KEY, text TEXT NOT NULL)")
        folder = Path(tempfile.mkdtemp(prefix="team-bench-"))
        alice, bob = TeamNotes(server.url("alice"), folder / "a"), TeamNotes(server.url("bob"), folder / "b")
        plain, ear = psycopg.connect(server.url(), autocommit=True), psycopg.connect(server.url(), autocommit=True)
        ear.execute("LISTEN floor")
        saves, save_floors = [], []
        for n in range(200):  # in each of the harness's three processes
            record = f"r{n % 20}"
            start = bare.clock()
            plain.execute("INSERT INTO floor_note VALUES (%s, %s) ON CONFLICT (record) DO UPDATE SET text = "
                          "excluded.text", (record, f"note {n}"))
            save_floors.append(bare.since(start))
            start = bare.clock()
            alice.set_note(record, f"note {n}", base=alice.note(record))
            saves.append(bare.since(start))
        fd = bob.listen_socket()
        seen, seen_floors = [], []
        for n in range(100):
            start = bare.clock()
            plain.execute(f"NOTIFY floor, 'n{n}'")
            while not list(ear.notifies(timeout=1, stop_after=1)):
                pass
            seen_floors.append(bare.since(start))
            start = bare.clock()
            alice.set_note("arf", f"live {n}", base=alice.note("arf"))
            got = set()
            while "arf" not in got:
                select.select([fd], [], [], 1)
                got = bob.changes()
            seen.append(bare.since(start))
        plain.close()
        ear.close()
        alice.close()
        bob.close()
    finally:
        server.close()
    return {"save": bare.summary(saves, save_floors), "visible": bare.summary(seen, seen_floors)}
