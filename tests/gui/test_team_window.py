"""Team notes in the window, against a real PostgreSQL server: two windows on one server, a lost connection."""

from __future__ import annotations

import time

import psycopg
from helpers import click_row, team_window, type_note

from gui.user_data import DEBOUNCE_MS


def _two_windows(qtbot, atlas, team, tmp_path, monkeypatch):
    a = team_window(qtbot, atlas, team("alice"), tmp_path / "alice", monkeypatch)
    b = team_window(qtbot, atlas, team("bob"), tmp_path / "bob", monkeypatch)  # another computer
    return a, b


def test_a_note_typed_in_one_window_appears_in_the_other(qtbot, atlas, settings_reset, team, tmp_path,
                                                          monkeypatch):
    a, b = _two_windows(qtbot, atlas, team, tmp_path, monkeypatch)
    assert a.user_data.team_link.label.text() == "Team notes: online"
    click_row(qtbot, b, "arf")
    type_note(qtbot, b, "Bob is typing <script>")  # not yet saved when Alice's note arrives
    click_row(qtbot, a, "arf")
    type_note(qtbot, a, "Alice: check the <b>1994</b> date")
    qtbot.waitUntil(lambda: a.user_data.editor.state.text() == "Saved", timeout=DEBOUNCE_MS * 6)
    saved = time.monotonic()
    # about a second (bench --only team measures it); the suite's parallel load gets more room
    qtbot.waitUntil(lambda: "Alice: check the <b>1994</b> date" in b.detail.toPlainText(), timeout=5000)
    print(f"\nchange visible in the other window {1000 * (time.monotonic() - saved):.0f} ms after the save")
    shown = b.detail.toPlainText()
    assert "Alice Ng" in shown and "a team member's note, not from the paper" in shown
    assert "<b>" not in b.detail.toHtml().split("Alice Ng")[1].split("</table>")[0]  # escaped, not markup
    assert b.user_data.editor.edit.toPlainText() == "Bob is typing <script>"  # his typing is undisturbed
    qtbot.waitUntil(lambda: b.user_data.editor.state.text() == "Saved", timeout=DEBOUNCE_MS * 6)
    qtbot.waitUntil(lambda: "Bob is typing <script>" in a.detail.toPlainText(), timeout=5000)
    assert a.user_data.store.note("arf") == "Alice: check the <b>1994</b> date"


def test_a_lost_server_is_shown_and_the_queue_drains_when_it_is_back(qtbot, atlas, settings_reset, team,
                                                                     tmp_path, monkeypatch):
    w = team_window(qtbot, atlas, team("alice"), tmp_path / "alice", monkeypatch)
    label = w.user_data.team_link.label
    assert label.text() == "Team notes: online"
    team.server.stop()
    try:
        click_row(qtbot, w, "apec")
        type_note(qtbot, w, "written while the server was away")
        qtbot.waitUntil(lambda: label.text() == "Team notes: offline, 1 queued", timeout=DEBOUNCE_MS * 10)
        assert "working offline" in w.statusBar().currentMessage()
        assert "written while the server was away" in w.detail.toPlainText()
    finally:
        team.server.start()
    # online again, then the queue goes out on the worker thread
    qtbot.waitUntil(lambda: label.text() == "Team notes: online" and w.user_data.store.team.queued() == 0,
                    timeout=10_000)
    with psycopg.connect(team("postgres")) as con:
        assert con.execute("SELECT text FROM notes WHERE record = 'apec'").fetchone()[0] == \
            "written while the server was away"


def test_a_reader_sees_the_team_and_cannot_edit(qtbot, atlas, settings_reset, team, tmp_path, monkeypatch):
    with psycopg.connect(team("alice")) as con:
        con.execute("INSERT INTO notes (record, text) VALUES ('arf', 'Alice''s finding')")
    w = team_window(qtbot, atlas, team("carol"), tmp_path / "carol", monkeypatch)
    assert w.user_data.team_link.label.text() == "Team notes: read-only"
    click_row(qtbot, w, "arf")
    assert "Alice's finding" in w.detail.toPlainText()
    assert w.user_data.editor.edit.isReadOnly()
    assert "read-only" in w.user_data.team_link.label.toolTip()
    assert not [a for a in w.user_data.panel.basket_menu.actions() if a.isEnabled()]  # no baskets of her own
