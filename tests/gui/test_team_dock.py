"""The team in the window, against a real PostgreSQL server (tests/conftest.py): named baskets in the dock,
whose basket is open, the colleagues' bookmarks and notes in the lists and the search box, and connecting
off the window's thread to a server that never answers."""
# ruff: noqa: F811  (the fixtures pg and team come from tests/conftest.py)

from __future__ import annotations

import socket
import threading
import time

import psycopg
from helpers import answer_name, click_row, open_window, team_window, type_query
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from model.team_notes import TeamNotes
from model.team_store import TeamStore


def _menu(window, command: str):
    [action] = [a for a in window.user_data.panel.basket_menu.actions() if a.objectName() == f"basket_{command}"]
    return action


def _baskets_listed(window) -> list[str]:
    choice = window.user_data.panel.choice
    return [choice.itemText(n) for n in range(choice.count())]


def test_a_shared_basket_is_seen_by_a_colleague_and_a_private_one_is_not(qtbot, atlas, settings_reset, team,
                                                                         tmp_path, monkeypatch):
    a = team_window(qtbot, atlas, team("alice"), tmp_path / "alice", monkeypatch)
    b = team_window(qtbot, atlas, team("bob"), tmp_path / "bob", monkeypatch)
    panel_a, panel_b = a.user_data.panel, b.user_data.panel
    a.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is a)
    click_row(qtbot, a, "arf")
    qtbot.keyClick(a, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # the first basket
    assert panel_a.chooser.isVisible() and _baskets_listed(a) == ["My basket"]
    assert panel_a.owner.text() == "Your basket, private: only you see it."
    answer_name(qtbot, "Plenary")
    _menu(a, "rename").trigger()
    _menu(a, "share").trigger()
    assert _baskets_listed(a) == ["Plenary (shared)"] and panel_a.owner.text() == "Your basket, shared with the team."
    qtbot.waitUntil(lambda: _baskets_listed(b) == ["Plenary \u2014 Alice Ng\u2019s"], timeout=5000)  # NOTIFY
    panel_b.choice.setFocus()
    qtbot.keyClick(panel_b.choice, Qt.Key.Key_Down)  # opens the colleague's basket
    assert b.user_data.panel.basket_ids() == ["arf"]
    assert panel_b.owner.text().startswith("Alice Ng\u2019s basket, shared with the team")
    panel_b.basket.setCurrentRow(0)
    assert not panel_b.remove_action.isEnabled()  # read-only: it is Alice's
    # made private again: it leaves Bob's window, and the server no longer gives it to him
    _menu(a, "private").trigger()
    qtbot.waitUntil(lambda: _baskets_listed(b) == [], timeout=5000)
    assert panel_b.basket_ids() == [] and "no basket yet" in panel_b.owner.text()
    with psycopg.connect(team("bob")) as con:
        assert con.execute("SELECT count(*) FROM baskets").fetchone()[0] == 0
    # a second basket, made from the dock, is the open one
    answer_name(qtbot, "Doubts")
    _menu(a, "new").trigger()
    assert a.user_data.panel.choice.currentText() == "Doubts" and panel_a.basket_ids() == []


def test_colleagues_bookmarks_are_listed_with_their_author(qtbot, atlas, settings_reset, team, tmp_path,
                                                           monkeypatch):
    w = team_window(qtbot, atlas, team("alice"), tmp_path / "alice", monkeypatch)
    bob = TeamStore(team("bob"), tmp_path / "bob")
    bob.set_bookmarked("apec", True)
    bookmarks = w.user_data.panel.bookmarks
    qtbot.waitUntil(lambda: bookmarks.count() == 1, timeout=5000)
    assert "starred by Bob Tanaka" in bookmarks.item(0).text()
    bob.close()


def test_search_finds_the_teams_notes_labelled_with_their_author_offline_too(qtbot, atlas, settings_reset, team,
                                                                           tmp_path, monkeypatch):
    bob = TeamNotes(team("bob"), tmp_path / "bob")
    bob.set_note("arf", "the zanzibar question, again")
    bob.close()
    w = team_window(qtbot, atlas, team("alice"), tmp_path / "alice", monkeypatch)
    team.server.stop()  # from the replica: the search works offline
    try:
        type_query(qtbot, w, "zanzibar")
        rows = w.search_pane.hit_rows()
        assert [(r.hit.target, r.hit.info) for r in rows] == [("arf", "Bob Tanaka\u2019s note")]
        headers = [r.text for r in w.search_pane.model.rows if r.kind == "header"]
        assert headers == ["TEAM NOTES"]
    finally:
        team.server.start()


def test_connecting_to_a_server_that_never_answers_does_not_block_the_window(qtbot, atlas, settings_reset,
                                                                             tmp_path, monkeypatch):
    silent = socket.socket()  # accepts the connection in the kernel, never reads a byte
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    url = f"postgresql://alice@127.0.0.1:{silent.getsockname()[1]}/team"
    monkeypatch.setenv("FORUM_ATLAS_NOTES_SERVER", url)
    w = open_window(qtbot, atlas)
    started = time.monotonic()
    w.user_data.open(tmp_path / "alice")
    assert time.monotonic() - started < 1, "opening waited for the server"
    assert w.statusBar().currentMessage().startswith("Connecting\u2026")
    assert w.user_data.team_link.label.text() == "Team notes: connecting\u2026"
    # meanwhile the window answers: a click shows the record, a note can be typed and is kept
    click_row(qtbot, w, "arf")
    assert w.detail.record_id == "arf"
    editor = w.user_data.editor.edit
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "typed while connecting")
    assert w.user_data.team_link.connecting, "the attempt ended before the window was used"
    qtbot.waitUntil(lambda: not w.user_data.team_link.connecting, timeout=15_000)
    message = w.statusBar().currentMessage()
    assert message.startswith("Team server unreachable (") and "working offline" in message, message
    assert w.user_data.flush() and w.user_data.store.team.queued() == 1
    assert w.user_data.team_link.label.text() == "Team notes: offline, 1 queued"
    w.user_data.close()
    silent.close()


class SilentProxy:
    """A TCP relay to the test server that can start dropping everything it receives, as a cut network does
    (the kernel still takes the bytes, so only the client's own limits notice)."""

    def __init__(self, port: int):
        self.upstream = port
        self.silent = False
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if self.silent:
                threading.Thread(target=self._pump, args=(client, None), daemon=True).start()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket | None) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            if sink is not None and not self.silent:
                try:
                    sink.sendall(data)
                except OSError:
                    return

    def close(self) -> None:
        self.server.close()


def test_a_server_that_stops_answering_never_stalls_the_window(qtbot, atlas, settings_reset, team, tmp_path,
                                                               monkeypatch):
    proxy = SilentProxy(team.server.port)
    w = team_window(qtbot, atlas, team("alice").replace(str(team.server.port), str(proxy.port)),
                    tmp_path / "alice", monkeypatch)
    link = w.user_data.team_link
    assert link.label.text() == "Team notes: online"
    proxy.silent = True  # packets dropped from now on
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    click_row(qtbot, w, "apec")
    editor = w.user_data.editor.edit
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "written as the network died")
    started = time.monotonic()
    assert w.user_data.flush()  # acknowledged: queued here at once
    assert time.monotonic() - started < 0.5
    assert link.job == "send"  # the worker is waiting for an answer that never comes
    qtbot.waitUntil(lambda: link.label.text() == "Team notes: offline, 1 queued", timeout=15_000)
    assert "no answer for 5 s" in w.statusBar().currentMessage() and "working offline" in w.statusBar().currentMessage()
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 1, f"the window stalled for {max(gaps):.1f} s"  # not the 5 s the server kept silent
    proxy.silent = False
    qtbot.waitUntil(lambda: link.label.text() == "Team notes: online" and link.store.team.queued() == 0,
                    timeout=20_000)
    with psycopg.connect(team("postgres")) as con:
        assert con.execute("SELECT text FROM notes WHERE record = 'apec'").fetchone()[0] == \
            "written as the network died"
    w.user_data.close()
    proxy.close()


def test_the_command_line_search_finds_the_teams_notes_in_the_replica(team, tmp_path):
    import os
    import subprocess
    import sys

    from model.notes_schema import default_folder

    bob = TeamNotes(team("bob"), tmp_path / "bob")
    bob.set_note("arf", "the zanzibar question, again")
    bob.close()
    alice = TeamNotes(team("alice"), default_folder())  # this computer's replica
    alice.set_note("apec", "zanzibar too")
    alice.close()
    team.server.stop()  # read from the replica, never the server
    try:
        done = subprocess.run([sys.executable, "-m", "forum_atlas", "search", "zanzibar"], capture_output=True,
                              text=True, timeout=120, env={**os.environ, "FORUM_ATLAS_NOTES_SERVER": team("alice")})
    finally:
        team.server.start()
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.index("Your notes") < out.index("apec") < out.index("Team notes") < out.index("arf")
    assert "Bob Tanaka\u2019s note" in out


def test_a_note_changed_on_another_computer_meanwhile_keeps_both_texts_in_the_window(qtbot, atlas, settings_reset,
                                                                                    team, tmp_path, monkeypatch):
    w = team_window(qtbot, atlas, team("alice"), tmp_path / "laptop", monkeypatch)
    click_row(qtbot, w, "arf")
    editor = w.user_data.editor.edit
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "first thoughts")
    assert w.user_data.flush()
    store = w.user_data.store.team
    qtbot.waitUntil(lambda: store.queued() == 0, timeout=5000)
    desktop = TeamNotes(team("alice"), tmp_path / "desktop")  # the same analyst, on another computer
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "; and on the laptop")  # typing: the desktop's change will not replace it
    desktop.set_note("arf", "first thoughts, revised on the desktop", base="first thoughts")
    desktop.close()
    w.user_data.flush()  # based on "first thoughts": stale on the server by now
    qtbot.waitUntil(lambda: "changed meanwhile" in editor.toPlainText(), timeout=5000)
    shown = editor.toPlainText()
    assert "revised on the desktop" in shown and "and on the laptop" in shown
    assert "both texts are kept" in w.statusBar().currentMessage()
    with psycopg.connect(team("postgres")) as con:
        assert con.execute("SELECT text FROM notes WHERE record = 'arf'").fetchone()[0] == shown
