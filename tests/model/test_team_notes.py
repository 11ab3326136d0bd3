"""Team notes against a real PostgreSQL server (tests/conftest.py): authors, conditional saves, live changes,
offline work and roles. No mock of the server anywhere."""

from __future__ import annotations

import select
import subprocess
import sys
import time

import psycopg
import pytest
from helpers import ROOT

from model.notes_schema import UserDataReadOnly
from model.team_notes import TeamNotes, setup_server, without_password


def _server_text(url: str, record: str, author: str) -> str | None:
    with psycopg.connect(url) as con:
        row = con.execute("SELECT text FROM notes WHERE record = %s AND author = %s", (record, author)).fetchone()
    return row[0] if row else None


def test_each_note_carries_its_author_and_the_team_sees_it(team, tmp_path):
    alice = TeamNotes(team("alice"), tmp_path / "a")
    bob = TeamNotes(team("bob"), tmp_path / "b")
    assert alice.online and alice.writable and alice.role == "alice"
    alice.set_note("arf", "ARF meets yearly <b>in July</b>")
    assert _server_text(team("postgres"), "arf", "alice") == "ARF meets yearly <b>in July</b>"
    bob.reconnect()
    [seen] = bob.team_notes("arf")
    assert (seen.author, seen.display, seen.text) == ("alice", "Alice Ng", "ARF meets yearly <b>in July</b>")
    assert seen.updated.endswith("Z") and seen.version == 1
    assert bob.note("arf") is None  # his own note on the record is his alone
    assert alice.team_notes("arf") == []
    alice.close()
    bob.close()


def test_a_stale_save_keeps_both_texts(team, tmp_path):
    one = TeamNotes(team("alice"), tmp_path / "laptop")
    two = TeamNotes(team("alice"), tmp_path / "desktop")  # the same analyst on two machines
    one.set_note("arf", "first draft")
    two.reconnect()
    base = two.note("arf")
    one.set_note("arf", "first draft, revised on the laptop", base="first draft")
    shown = two.set_note("arf", "first draft, revised on the desktop", base=base)
    stored = _server_text(team("postgres"), "arf", "alice")
    assert stored == shown
    assert "revised on the laptop" in stored and "revised on the desktop" in stored
    assert "changed meanwhile" in stored
    one.close()
    two.close()


def test_a_colleagues_change_arrives_through_notify_within_a_second(team, tmp_path):
    alice = TeamNotes(team("alice"), tmp_path / "a")
    bob = TeamNotes(team("bob"), tmp_path / "b")
    fd = alice.listen_socket()
    assert fd is not None
    started = time.monotonic()
    bob.set_note("apec", "Bob's note")
    got = set()
    while not got and time.monotonic() - started < 1:
        select.select([fd], [], [], 0.2)
        got = alice.changes()
    assert got == {"apec"}, "no notification within a second"
    assert [n.text for n in alice.team_notes("apec")] == ["Bob's note"]
    alice.close()
    bob.close()


def test_a_reader_cannot_write_and_keeps_a_draft(team, tmp_path):
    alice = TeamNotes(team("alice"), tmp_path / "a")
    alice.set_note("arf", "Alice's note")
    carol = TeamNotes(team("carol"), tmp_path / "c")
    assert carol.online and not carol.writable
    assert "read-only" in carol.status
    assert [n.text for n in carol.team_notes("arf")] == ["Alice's note"]
    with pytest.raises(UserDataReadOnly, match="draft"):
        carol.set_note("arf", "Carol's words")
    assert carol.drafts() == {"arf": "Carol's words"}
    # and the server itself refuses, whatever the client believes
    with psycopg.connect(team("carol")) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
        con.execute("INSERT INTO notes (record, text) VALUES ('arf', 'x')")
    with psycopg.connect(team("bob")) as con:  # row-level security: a writer changes only his own notes
        assert con.execute("UPDATE notes SET text = 'rewritten by bob' WHERE author = 'alice'").rowcount == 0
    alice.close()
    carol.close()


def test_offline_saves_are_queued_and_sent_when_the_server_is_back(team, tmp_path):
    alice = TeamNotes(team("alice"), tmp_path / "a")
    alice.set_note("arf", "online text")
    team.server.stop()
    try:
        alice.set_note("arf", "offline text", base="online text")
        alice.set_note("apec", "a new note, offline")
        assert not alice.online and "offline" in alice.status and alice.queued() == 2
        assert alice.note("arf") == "offline text"  # the window keeps showing what was typed
        alice.close()  # quitting offline
        again = TeamNotes(team("alice"), tmp_path / "a")
        assert not again.online and again.queued() == 2 and again.note("apec") == "a new note, offline"
    finally:
        team.server.start()
    assert again.reconnect() and again.queued() == 0
    assert _server_text(team("postgres"), "arf", "alice") == "offline text"
    assert _server_text(team("postgres"), "apec", "alice") == "a new note, offline"
    again.close()


def test_serve_setup_is_repeatable_and_the_url_loses_its_password(team):
    assert setup_server(team("postgres")) == ["the team notes schema was already current"]
    assert without_password("postgresql://ann:s3cret@db.example:5432/team?sslmode=require") == \
        "postgresql://ann@db.example:5432/team?sslmode=require"
    out = subprocess.run([sys.executable, "-m", "forum_atlas", "notes", "serve-setup", team("postgres")],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "already current" in out.stdout
