"""Bookmarks and named baskets through a team server (model/team_store.py, model/team_lists.py), against a real
PostgreSQL server (tests/conftest.py): authors, shared and private baskets, offline queue, merges, NOTIFY."""

from __future__ import annotations

import select
import time

import psycopg
import pytest

from model.notes_schema import UserDataReadOnly
from model.team_lists import merge_records
from model.team_store import FIRST_BASKET, TeamStore


def _server_baskets(url: str) -> list[tuple]:
    with psycopg.connect(url) as con:
        return con.execute("SELECT name, author, shared, records FROM baskets ORDER BY author, name").fetchall()


def test_a_shared_basket_is_seen_by_the_team_and_a_private_one_only_by_its_author(team, tmp_path):
    alice, bob = TeamStore(team("alice"), tmp_path / "a"), TeamStore(team("bob"), tmp_path / "b")
    alice.create_basket("Plenary brief", shared=True, records=["arf", "apec"])
    alice.create_basket("My doubts", shared=False, records=["cscap"])
    bob.team.reconnect()
    seen = {(b.name, b.author, b.display, b.records) for b in bob.baskets()}
    assert seen == {("Plenary brief", "alice", "Alice Ng", ("arf", "apec"))}
    # The server refuses, not just the window: Bob's own role reads no private basket of Alice's, and
    # changes none of hers, shared or not.
    assert [r[0] for r in _server_baskets(team("bob"))] == ["Plenary brief"]
    with psycopg.connect(team("bob")) as con:
        assert con.execute("UPDATE baskets SET records = '{}' WHERE author = 'alice'").rowcount == 0
        assert con.execute("DELETE FROM baskets WHERE author = 'alice'").rowcount == 0
    assert sorted(r[0] for r in _server_baskets(team("postgres"))) == ["My doubts", "Plenary brief"]
    # Bob may open Alice's shared basket and read it, and cannot change it.
    bob.choose_basket("Plenary brief", "alice")
    assert bob.basket() == ["arf", "apec"] and not bob.owns(bob.open_basket())
    with pytest.raises(UserDataReadOnly, match="Alice Ng"):
        bob.add_to_basket("asean")
    assert _server_baskets(team("alice"))[1][3] == ["arf", "apec"]
    alice.close()
    bob.close()


def test_baskets_are_created_renamed_shared_and_deleted_on_the_server(team, tmp_path):
    alice = TeamStore(team("alice"), tmp_path / "a")
    assert alice.add_to_basket("arf")  # the first record makes the first basket
    assert alice.open_basket().name == FIRST_BASKET
    assert not alice.add_to_basket("arf")
    alice.add_to_basket("apec")
    alice.set_basket(["apec", "arf"])
    alice.rename_basket("Hanoi meeting")
    alice.share_basket(True)
    assert _server_baskets(team("postgres")) == [("Hanoi meeting", "alice", True, ["apec", "arf"])]
    with pytest.raises(ValueError, match="already have"):
        alice.create_basket("Hanoi  meeting")
    alice.create_basket("Second")
    assert [b.name for b in alice.baskets()] == ["Hanoi meeting", "Second"] and alice.basket() == []
    alice.delete_basket()
    assert [r[0] for r in _server_baskets(team("postgres"))] == ["Hanoi meeting"]
    assert alice.open_basket().name == "Hanoi meeting"  # back to the analyst's first
    alice.close()


def test_bookmarks_carry_their_author_and_the_team_sees_them(team, tmp_path):
    alice, bob = TeamStore(team("alice"), tmp_path / "a"), TeamStore(team("bob"), tmp_path / "b")
    alice.set_bookmarked("arf", True)
    bob.set_bookmarked("apec", True)
    alice.team.reconnect()
    assert alice.bookmarks() == ["arf"] and alice.is_bookmarked("arf") and not alice.is_bookmarked("apec")
    assert alice.team_bookmarks() == [("apec", "Bob Tanaka")]
    with psycopg.connect(team("bob")) as con:  # each removes only their own
        assert con.execute("DELETE FROM bookmarks WHERE author = 'alice'").rowcount == 0
    alice.set_bookmarked("arf", False)
    with psycopg.connect(team("postgres")) as con:
        assert con.execute("SELECT record, author FROM bookmarks").fetchall() == [("apec", "bob")]
    alice.close()
    bob.close()


def test_basket_changes_made_offline_are_queued_and_merged_with_the_server(team, tmp_path):
    laptop = TeamStore(team("alice"), tmp_path / "laptop")
    laptop.create_basket("Brief", records=["arf", "apec"])
    desktop = TeamStore(team("alice"), tmp_path / "desktop")
    team.server.stop()
    try:
        laptop.remove_from_basket("apec")
        laptop.add_to_basket("asean")
        laptop.set_bookmarked("cscap", True)
        assert not laptop.team.online and laptop.team.queued() == 2  # the basket's two changes are one
        assert laptop.basket() == ["arf", "asean"] and laptop.is_bookmarked("cscap")
        laptop.close()  # quitting offline
    finally:
        team.server.start()
    assert desktop.team.reconnect()
    desktop.add_to_basket("nead")  # the desktop changed the same basket meanwhile
    laptop = TeamStore(team("alice"), tmp_path / "laptop")
    assert laptop.team.online and laptop.team.queued() == 0, laptop.team.status
    # both machines' changes survive: the laptop's removal and addition, the desktop's addition
    assert _server_baskets(team("postgres")) == [("Brief", "alice", False, ["arf", "nead", "asean"])]
    assert laptop.basket() == ["arf", "nead", "asean"] and laptop.is_bookmarked("cscap")
    laptop.close()
    desktop.close()


def test_a_colleagues_shared_basket_arrives_by_notify(team, tmp_path):
    alice, bob = TeamStore(team("alice"), tmp_path / "a"), TeamStore(team("bob"), tmp_path / "b")
    fd = bob.team.listen_socket()
    started = time.monotonic()
    alice.create_basket("Live", shared=True, records=["arf"])
    got: set[str] = set()
    while "#baskets" not in got and time.monotonic() - started < 1:
        select.select([fd], [], [], 0.2)
        got |= bob.team.changes()
    assert "#baskets" in got, "no notification within a second"
    assert [(b.name, b.display) for b in bob.baskets()] == [("Live", "Alice Ng")]
    alice.close()
    bob.close()


def test_a_reader_sees_shared_baskets_and_cannot_make_one(team, tmp_path):
    alice = TeamStore(team("alice"), tmp_path / "a")
    alice.create_basket("Shared", shared=True, records=["arf"])
    carol = TeamStore(team("carol"), tmp_path / "c")
    assert [b.name for b in carol.baskets()] == ["Shared"]
    with pytest.raises(UserDataReadOnly, match="may see"):
        carol.create_basket("Mine")
    with psycopg.connect(team("carol")) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
        con.execute("INSERT INTO baskets (name) VALUES ('x')")
    alice.close()
    carol.close()


def test_the_local_basket_becomes_the_first_team_basket(team, tmp_path):
    from model.notes import UserData

    with UserData(tmp_path / "a") as local:
        local.set_basket(["arf", "apec"])
    alice = TeamStore(team("alice"), tmp_path / "a")
    assert alice.open_basket().name == FIRST_BASKET and alice.basket() == ["arf", "apec"]
    alice.delete_basket()
    alice.close()
    again = TeamStore(team("alice"), tmp_path / "a")  # brought once, not again after being deleted
    assert again.baskets() == []
    again.close()


def test_merge_records_keeps_both_sides():
    assert merge_records(("a", "b", "x"), ("b", "c"), ("a", "b")) == ("b", "x", "c")
    assert merge_records(("a", "b"), ("a", "b"), ()) == ("a", "b")


def test_a_replica_of_the_first_format_is_upgraded_keeping_its_queue(tmp_path):
    import sqlite3

    from model.team_replica import _STEPS, Replica

    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    for sql in _STEPS[1]:
        con.execute(sql)
    con.execute("INSERT INTO queue (record, text, base_version, base_text, tried, queued) "
                "VALUES ('arf', 'queued offline', 3, 'before', 'sent once', '2026-01-01T00:00:00Z')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    replica = Replica(path)
    [item] = replica.pending()
    assert (item.record, item.text, item.base_version, item.tried) == ("arf", "queued offline", 3, ("sent once",))
    assert replica.con.execute("PRAGMA user_version").fetchone()[0] == 2
    assert replica.baskets() == [] and replica.changes() == []
    replica.close()
