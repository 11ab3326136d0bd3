"""Team notes on a PostgreSQL server: who wrote what, conditional saves, live changes, and offline work.

The server holds every member's notes, keyed by record and author (the database role). A save names the
version it started from; the server takes it only if the note is still at that version (``UPDATE ... WHERE
version = base``), and otherwise the save becomes a conflict that keeps both texts, ours below a marker, as
``notes import`` does. Every save is first queued in the local replica (model/team_replica.py), so an
acknowledged save survives a lost network or a stopped server and is sent when the server answers again.
A trigger NOTIFYs each change; :meth:`TeamNotes.changes` reads them from a listening connection whose socket
(:meth:`TeamNotes.listen_socket`) the window watches.

Passwords never come from Forum Atlas's settings: libpq reads ``~/.pgpass`` and the connection service file
(``service=`` in the URL), and ``sslmode`` and the other URL parameters pass through to it unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

try:
    import psycopg as psycopg  # (re-exported: the command line catches its errors)
except ImportError:  # the standalone bundle leaves the driver out (build_spec/forum-atlas.spec)
    psycopg = None  # type: ignore[assignment]  # _connect says so before any use

from model.notes_schema import UserDataReadOnly, default_folder
from model.team_replica import Pending, Replica, TeamNote, replica_name

SERVER_VERSION = 1
CHANNEL = "forum_atlas_notes"
READERS, WRITERS = "forum_atlas_readers", "forum_atlas_writers"
CONNECT_TIMEOUT = 3  # seconds: an unreachable server must not hang the window for long

# The server's schema, one step per version; never edit a step once released: add one. Run by the owner
# (serve-setup) under an advisory lock, each step in one transaction with its version bump.
_STEPS = {1: f"""
CREATE TABLE members (role name PRIMARY KEY, display_name text NOT NULL);
CREATE TABLE notes (
    record text NOT NULL CHECK (record ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    author name NOT NULL DEFAULT current_user,
    text text NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    created timestamptz NOT NULL DEFAULT now(),
    updated timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (record, author));
CREATE TABLE bookmarks (
    record text NOT NULL, author name NOT NULL DEFAULT current_user,
    created timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (record, author));
CREATE TABLE baskets (
    name text NOT NULL, author name NOT NULL DEFAULT current_user, shared boolean NOT NULL DEFAULT false,
    records text[] NOT NULL DEFAULT '{{}}', version bigint NOT NULL DEFAULT 1,
    created timestamptz NOT NULL DEFAULT now(), updated timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, author));
CREATE FUNCTION notify_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', coalesce(NEW.record, OLD.record));
    RETURN NULL;
END $$;
CREATE TRIGGER notes_notify AFTER INSERT OR UPDATE OR DELETE ON notes FOR EACH ROW EXECUTE FUNCTION notify_note();
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE bookmarks ENABLE ROW LEVEL SECURITY;
ALTER TABLE baskets ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON notes FOR SELECT USING (true);
CREATE POLICY write_own ON notes FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY change_own ON notes FOR UPDATE USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY own_bookmarks ON bookmarks USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY see_baskets ON baskets FOR SELECT USING (shared OR author = current_user);
CREATE POLICY own_baskets ON baskets FOR ALL USING (author = current_user) WITH CHECK (author = current_user);
"""}


def server_key(url: str) -> str:
    """host-port-database of ``url``, never its password: names the replica file."""
    parts = urlsplit(url)
    if parts.scheme.startswith("postgres"):
        return f"{parts.hostname or 'local'}-{parts.port or 5432}-{parts.path.strip('/') or 'postgres'}"
    return hashlib.sha256(url.encode()).hexdigest()[:16]  # a key=value string: keep it out of the name


def without_password(url: str) -> str:
    """The URL as it may be shown or kept in settings: a password typed into it is dropped."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.split("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}@{netloc}" if user else netloc).geturl()


class NoDriver(RuntimeError):
    """This Forum Atlas has no PostgreSQL driver (the standalone bundle): team notes need the source install."""


def _connect(url: str, autocommit: bool = False) -> psycopg.Connection[tuple[Any, ...]]:
    if psycopg is None:
        raise NoDriver("this Forum Atlas has no PostgreSQL driver; team notes need Forum Atlas installed from "
                       "source (make setup)")
    return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT,
                           application_name="forum-atlas")


def setup_server(url: str) -> list[str]:
    """Create or upgrade the team schema and the two group roles on the server at ``url`` (as its owner).
    Returns what was done, in plain sentences."""
    done = []
    with _connect(url) as con:
        con.execute("SELECT pg_advisory_xact_lock(2020)")
        con.execute("CREATE TABLE IF NOT EXISTS forum_atlas_schema (version integer NOT NULL)")
        row = con.execute("SELECT version FROM forum_atlas_schema").fetchone()
        version = row[0] if row else 0
        if version > SERVER_VERSION:
            raise RuntimeError(f"the server's team notes are format {version}, newer than this Forum Atlas "
                               f"(format {SERVER_VERSION}); upgrade Forum Atlas")
        if row is None:
            con.execute("INSERT INTO forum_atlas_schema VALUES (0)")
        while version < SERVER_VERSION:
            version += 1
            con.execute(_STEPS[version])
            con.execute("UPDATE forum_atlas_schema SET version = %s", (version,))
            done.append(f"team notes schema upgraded to format {version}")
        for group in (READERS, WRITERS):
            if not con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone():
                con.execute(f"CREATE ROLE {group} NOLOGIN")
                done.append(f"role {group} created")
        con.execute(f"GRANT {READERS} TO {WRITERS}")
        con.execute(f"GRANT SELECT ON forum_atlas_schema, members, notes, bookmarks, baskets TO {READERS}")
        con.execute(f"GRANT INSERT, UPDATE, DELETE ON notes, bookmarks, baskets TO {WRITERS}")
        con.execute(f"GRANT INSERT, UPDATE ON members TO {WRITERS}")
    return done or ["the team notes schema was already current"]


def merge_texts(stored: str, ours: str, base: str, when: str) -> str:
    """The conflict rule: nothing is lost. Ours inside theirs (or blank): theirs; theirs inside ours: ours.
    Otherwise both, ours below a marker; when ours only added to the text both started from (``base``), just
    the added part goes below the marker, so repeated conflicts do not copy the note again and again."""
    if not ours.strip() or ours.strip() in stored:
        return stored
    if not stored.strip() or stored.strip() in ours:
        return ours
    start = base.rstrip()
    added = ours[len(start):].strip("\n") if start and ours.startswith(start) and start in stored else ours
    marker = f"--- saved {when[:16]}Z from an older version of this note, which was changed meanwhile ---"
    return f"{stored.rstrip()}\n\n{marker}\n{added}"


def _one(cursor: psycopg.Cursor[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The row of a query that always returns one."""
    row = cursor.fetchone()
    if row is None:
        raise psycopg.DataError("the team server returned no row where one was expected")
    return row


class TeamNotes:
    """A team's notes: the local replica always, the server when it answers.

    :attr:`online` says whether the server answered last time; :attr:`writable` whether this member may
    change notes; :attr:`status` is one plain sentence for the status bar.
    """

    def __init__(self, url: str, folder: Path | str | None = None):
        self.url = url
        folder = Path(folder) if folder is not None else default_folder()
        self.replica = Replica(folder / "team" / replica_name(server_key(url)))
        self.role = self.replica.con.execute("SELECT value FROM meta WHERE key = 'role'").fetchone()
        self.role = self.role[0] if self.role else (urlsplit(url).username or "")
        self.online = False
        self.writable = True
        self.status = ""
        self.messages: list[str] = []
        self._con: psycopg.Connection[tuple[Any, ...]] | None = None
        self._listener: psycopg.Connection[tuple[Any, ...]] | None = None
        self.reconnect()

    # -- the connection -------------------------------------------------------------------------------
    def reconnect(self) -> bool:
        """Try the server; on success, take its notes and send the queue. False while it is unreachable."""
        try:
            if self._con is None or self._con.closed:
                self._con = _connect(self.url)
            with self._con.transaction():
                self.role = _one(self._con.execute("SELECT current_user"))[0]
                version = _one(self._con.execute("SELECT version FROM forum_atlas_schema"))[0]
                self.writable = bool(_one(self._con.execute("SELECT has_table_privilege('notes', 'INSERT')"))[0])
            if version != SERVER_VERSION:
                raise RuntimeError(f"the server's team notes are format {version}; this Forum Atlas needs "
                                   f"format {SERVER_VERSION} (run `forum-atlas notes serve-setup`)")
            self.replica.con.execute("INSERT OR REPLACE INTO meta VALUES ('role', ?)", (self.role,))
            self._pull_all()
            self.online = True
            self.flush()
        except (psycopg.Error, RuntimeError) as exc:
            self._offline(exc)
        return self.online

    def _offline(self, exc: BaseException) -> None:
        self.online = False
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        waiting = len(self.replica.pending())
        self.status = (f"Team server unreachable ({str(exc).strip().splitlines()[0] if str(exc).strip() else 'no answer'}): "
                       f"working offline; {waiting} change{'s' * (waiting != 1)} queued here, sent when it is back.")

    def _set_status(self) -> None:
        where = without_password(self.url)
        self.status = (f"Team notes on {where} as {self.role}" +
                       ("" if self.writable else ", read-only: your role may read the team's notes but not change "
                        "them; what you type is kept here as a draft"))

    _SELECT = ("SELECT n.record, n.author, coalesce(m.display_name, n.author), n.text, n.version, "
               "to_char(n.updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
               "FROM notes n LEFT JOIN members m ON m.role = n.author")

    def _server(self) -> psycopg.Connection[tuple[Any, ...]]:
        """The server's connection, which reconnect() made; none is an error like a lost connection."""
        if self._con is None:
            raise psycopg.OperationalError("not connected to the team server")
        return self._con

    def _pull_all(self) -> None:
        con = self._server()
        rows = con.execute(self._SELECT).fetchall()
        con.commit()
        queued = {p.record for p in self.replica.pending()}
        mine = {n.record: n for n in self.replica.by_author(self.role) if n.record in queued}
        self.replica.replace_all([TeamNote(*r) for r in rows if not (r[1] == self.role and r[0] in queued)]
                                 + list(mine.values()))

    def _pull(self, record: str) -> None:
        con = self._server()
        rows = con.execute(self._SELECT + " WHERE n.record = %s", (record,)).fetchall()
        con.commit()
        queued = {p.record for p in self.replica.pending()}
        with self.replica.con:
            self.replica.con.execute("BEGIN")
            self.replica.con.execute("DELETE FROM notes WHERE record = ? AND (author != ? OR ? = 0)",
                                     (record, self.role, record in queued))
            for r in rows:
                if not (r[1] == self.role and record in queued):
                    self.replica.put(TeamNote(*r))

    # -- saving ----------------------------------------------------------------------------------------
    def set_note(self, record: str, text: str, base: str | None = None) -> str:
        """Queue the analyst's note on ``record`` (blank text removes it) and send it if the server answers.
        ``base`` is the text the edit started from. Returns the text now shown. Raises UserDataReadOnly for a
        read-only member, after keeping the text as a draft."""
        if not self.writable:
            with self.replica.con:
                self.replica.con.execute("BEGIN IMMEDIATE")
                self.replica.save_draft(record, text)
            raise UserDataReadOnly(self._read_only_reason())
        shown = self.replica.get(record, self.role)
        if shown is not None and (base is None or shown.text == base or shown.text == text):
            base_version, base_text = shown.version, shown.text
        else:  # the edit started from a text this replica no longer holds: it cannot win silently
            base_version, base_text = (-1, base or "") if shown is not None else (0, "")
        if shown is not None and shown.text == text:
            return text
        self.replica.enqueue(record, text, base_version, base_text, self.role)
        if self.online:
            self.flush()
        now_shown = self.replica.get(record, self.role)
        return now_shown.text if now_shown else text

    def _read_only_reason(self) -> str:
        return (f"Your role {self.role} may read the team's notes but not change them, so the server refused "
                "this change. Your text is kept on this computer as a draft.")

    def flush(self) -> int:
        """Send the queued changes in order; returns how many the server took. Stops (offline) at the first
        network failure, leaving the rest queued."""
        sent = 0
        for item in self.replica.pending():
            try:
                self.replica.trying(item)
                stored = self._send(item)
            except psycopg.errors.InsufficientPrivilege:
                self._server().rollback()
                self.writable = False
                self.replica.to_draft(item.seq, item.record, item.text)
                self.messages.append(self._read_only_reason())
                continue
            except psycopg.Error as exc:
                self._offline(exc)
                return sent
            self.replica.done(item, stored)
            sent += 1
        if self.online:
            self._set_status()
        return sent

    def _send(self, item: Pending) -> TeamNote:
        """One queued change, conditional on its base version; a stale one is merged, keeping both texts."""
        con = self._server()
        with con.transaction():
            row = None
            while row is None:  # a note another process creates meanwhile is found on the next turn
                row = con.execute("SELECT text, version, to_char(now() AT TIME ZONE 'UTC', "
                                  "'YYYY-MM-DD\"T\"HH24:MI:SS') FROM notes WHERE record = %s "
                                  "AND author = current_user FOR UPDATE", (item.record,)).fetchone()
                if row is None and con.execute("INSERT INTO notes (record, text) VALUES (%s, %s) ON CONFLICT "
                                               "DO NOTHING RETURNING 1", (item.record, item.text)).fetchone():
                    break
            else:
                stored, version, when = row
                current = version == item.base_version or stored in (item.base_text, item.tried)
                text = item.text if current else merge_texts(stored, item.text, item.base_text, when)
                if text != stored:
                    con.execute("UPDATE notes SET text = %s, version = version + 1, updated = now() "
                                "WHERE record = %s AND author = current_user AND version = %s",
                                (text, item.record, version))
            out = _one(con.execute(self._SELECT + " WHERE n.record = %s AND n.author = current_user",
                                   (item.record,)))
        return TeamNote(*out)

    # -- live changes ----------------------------------------------------------------------------------
    def listen_socket(self) -> int | None:
        """The file descriptor of a connection LISTENing for changes (None offline): readable when a
        colleague's change arrives."""
        if not self.online:
            return None
        if self._listener is None:
            try:
                self._listener = _connect(self.url, autocommit=True)
                self._listener.execute(f"LISTEN {CHANNEL}")
            except psycopg.Error as exc:
                self._offline(exc)
                return None
        return self._listener.fileno()

    def changes(self) -> set[str]:
        """Records changed on the server since the last call (read from the listening connection without
        waiting), their notes refreshed in the replica."""
        if self._listener is None:
            return set()
        try:
            records = {n.payload for n in self._listener.notifies(timeout=0)}
            for record in records:
                self._pull(record)
        except psycopg.Error as exc:
            self._offline(exc)
            return set()
        return records

    # -- reading (from the replica, online or not) --------------------------------------------------------
    def note(self, record: str) -> str | None:
        own = self.replica.get(record, self.role)
        return own.text if own and own.text else None

    def team_notes(self, record: str) -> list[TeamNote]:
        """The other members' notes on ``record``, newest first."""
        return [n for n in self.replica.on_record(record) if n.author != self.role]

    def notes(self) -> list[TeamNote]:
        return self.replica.by_author(self.role)

    def drafts(self) -> dict[str, str]:
        return self.replica.drafts()

    def queued(self) -> int:
        return len(self.replica.pending())

    def close(self) -> None:
        for con in (self._con, self._listener):
            if con is not None:
                con.close()
        self._con = self._listener = None
        self.replica.close()
