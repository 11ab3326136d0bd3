"""Team server passwords from the system keyring, and TLS, against a real PostgreSQL server (tests/conftest.py:
ssl=on with a certificate made by its own test CA; the role dave must give a password)."""

from __future__ import annotations

from pathlib import Path

import keyring
import psycopg
import pytest
from helpers import PASSWORD, PASSWORD_ROLE, answer_name, team_window
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QSettings

from gui import settings as S
from model.team_notes import WRITERS, TeamNotes
from model.team_password import SERVICE, account, keyring_problem, password_for, remember, without_password


class MemoryKeyring(KeyringBackend):
    """keyring's own extension point, holding passwords in a dict: the system keyring of these tests."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))  # the keyring or nothing
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def _writer(team, role: str = PASSWORD_ROLE) -> str:
    with psycopg.connect(team("postgres"), autocommit=True) as con:
        con.execute(f"GRANT {WRITERS} TO {role}")
    return team(role)


@pytest.fixture
def dave(team):
    return _writer(team)


def test_the_password_comes_from_the_keyring(dave, memory_keyring, tmp_path):
    refused = TeamNotes(dave, tmp_path / "before")
    assert not refused.online and "password" in refused.status
    refused.close()
    bare, said = remember(dave.replace(f"{PASSWORD_ROLE}@", f"{PASSWORD_ROLE}:{PASSWORD}@"))
    assert bare == dave and "system keyring" in said
    assert memory_keyring.kept == {(SERVICE, account(dave)): PASSWORD}
    assert account(dave).startswith(f"{PASSWORD_ROLE}@127.0.0.1:")
    notes = TeamNotes(dave, tmp_path / "after")
    assert notes.online and notes.role == PASSWORD_ROLE, notes.status
    notes.set_note("arf", "saved with the keyring's password")
    notes.close()


def test_without_a_keyring_it_says_so_and_libpq_sources_remain(dave, monkeypatch, tmp_path):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert keyring_problem() == "no system keyring is available here"
        assert password_for(dave) is None
        bare, said = remember(dave.replace(f"{PASSWORD_ROLE}@", f"{PASSWORD_ROLE}:{PASSWORD}@"))
        assert bare == dave and "not kept: no system keyring" in said and "~/.pgpass" in said
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
        refused = TeamNotes(dave, tmp_path / "a")
        assert "no system keyring is available here" in refused.status and "~/.pgpass" in refused.status
        refused.close()
        pgpass = tmp_path / "pgpass"  # libpq's own file still works
        pgpass.write_text(f"127.0.0.1:*:*:{PASSWORD_ROLE}:{PASSWORD}\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        notes = TeamNotes(dave, tmp_path / "b")
        assert notes.online, notes.status
        notes.close()
    finally:
        keyring.set_keyring(before)


def test_passwords_leave_key_value_strings_too():
    assert without_password("host=db.example dbname=team password='a b' sslmode=require") == \
        "host=db.example dbname=team sslmode=require"


def test_tls_required_and_verified_against_the_teams_ca(tls_team, tmp_path):
    team = tls_team
    required = TeamNotes(team("alice") + "?sslmode=require", tmp_path / "a")
    assert required.online, required.status
    assert required._con.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
    required.close()
    url = team("alice") + f"?sslmode=verify-full&sslrootcert={team.server.ca_file}"
    verified = TeamNotes(url, tmp_path / "b")
    assert verified.online, verified.status
    assert verified._con.pgconn.ssl_in_use
    verified.close()
    # verify-full checks the name: the certificate is for 127.0.0.1, not for localhost
    wrong_name = TeamNotes(url.replace("127.0.0.1", "localhost"), tmp_path / "c")
    assert not wrong_name.online and "does not match host name" in wrong_name.status
    wrong_name.close()


def test_connect_to_team_keeps_sslmode_and_puts_the_password_in_the_keyring(qtbot, atlas, settings_reset,
                                                                            tls_team, memory_keyring, tmp_path,
                                                                            monkeypatch):
    team, dave = tls_team, _writer(tls_team)
    w = team_window(qtbot, atlas, team("alice"), tmp_path / "alice", monkeypatch)
    monkeypatch.delenv("FORUM_ATLAS_NOTES_SERVER")
    query = f"?sslmode=verify-full&sslrootcert={team.server.ca_file}"
    typed = dave.replace(f"{PASSWORD_ROLE}@", f"{PASSWORD_ROLE}:{PASSWORD}@") + query
    answer_name(qtbot, typed)
    w.registry["notes.connect"].trigger()  # Notes › Connect to team…
    saved = w.settings.get(S.NOTES_SERVER)
    assert saved == dave + query and "sslmode=verify-full" in saved
    QSettings().sync()
    assert PASSWORD not in Path(QSettings().fileName()).read_text()
    assert memory_keyring.kept[(SERVICE, account(dave))] == PASSWORD
    link = w.user_data.team_link
    qtbot.waitUntil(lambda: link.label.text() == "Team notes: online", timeout=10_000)
    assert link.store.team._con.pgconn.ssl_in_use and link.store.team.role == PASSWORD_ROLE
    assert PASSWORD not in w.statusBar().currentMessage()
