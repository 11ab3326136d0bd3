"""Team notes on a PostgreSQL server: who wrote what, conditional saves, live changes, and offline work.

The server holds every member's notes, keyed by record and author (the database role). A save names the
version it started from; the server takes it only if the note is still at that version (``UPDATE ... WHERE
version = base``), and otherwise the save becomes a conflict that keeps both texts, ours below a marker, as
``notes import`` does. Every save is first queued in the local replica (model/team_replica.py), so an
acknowledged save survives a lost network or a stopped server and is sent when the server answers again.
A trigger NOTIFYs each change; :meth:`TeamNotes.changes` reads them from a listening connection whose socket
(:meth:`TeamNotes.listen_socket`) the window watches.

Each exchange with the server has a network half that touches only the connections (fetch, and
model/team_sync.py's send and read_news) and a half that records the outcome in the replica (adopt, settle,
apply_news). The command line and the tests run both in turn (reconnect, flush, changes); the window runs
the network half on a worker thread, so a server that stops answering never stalls it (gui/team_link.py).

Passwords never come from Forum Atlas's settings: the system keyring is asked first (model/team_password.py),
then libpq reads ``~/.pgpass`` and the connection service file (``service=`` in the URL); ``sslmode`` and the
other URL parameters pass through to it unchanged. Bookmarks and named baskets travel the same way
(model/team_lists.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

try:
    import psycopg
except ImportError:  # the standalone bundle leaves the driver out (build_spec/forum-atlas.spec)
    psycopg = None  # type: ignore[assignment]

from model.notes_messages import Message
from model.notes_schema import UserDataReadOnly, default_folder
from model.team_lists import Basket, Change, read_lists
from model.team_password import keyring_problem, password_for, without_password
from model.team_replica import Pending, Replica, TeamNote, replica_name
from model.team_sync import SELECT, News, Outcome, merge_texts, read_news, send

__all__ = ["TeamNotes", "setup_server", "without_password", "merge_texts", "Fetched"]

SERVER_VERSION = 2
CHANNEL = "forum_atlas_notes"
READERS, WRITERS = "forum_atlas_readers", "forum_atlas_writers"
CONNECT_TIMEOUT = 3  # seconds: an unreachable server must not hang the window for long
STALL_MS = 3000  # unacknowledged data for this long breaks the connection

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
""", 2: f"""
CREATE FUNCTION notify_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '#' || TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE TRIGGER bookmarks_notify AFTER INSERT OR UPDATE OR DELETE ON bookmarks
    FOR EACH STATEMENT EXECUTE FUNCTION notify_list();
CREATE TRIGGER baskets_notify AFTER INSERT OR UPDATE OR DELETE ON baskets
    FOR EACH STATEMENT EXECUTE FUNCTION notify_list();
DROP POLICY own_bookmarks ON bookmarks;
CREATE POLICY see_bookmarks ON bookmarks FOR SELECT USING (true);
CREATE POLICY add_bookmarks ON bookmarks FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY drop_bookmarks ON bookmarks FOR DELETE USING (author = current_user);
"""}


def server_key(url: str) -> str:
    """host-port-database of ``url``, never its password: names the replica file."""
    parts = urlsplit(url)
    if parts.scheme.startswith("postgres"):
        return f"{parts.hostname or 'local'}-{parts.port or 5432}-{parts.path.strip('/') or 'postgres'}"
    return hashlib.sha256(url.encode()).hexdigest()[:16]  # a key=value string: keep it out of the name


class NoDriver(RuntimeError):
    """This Forum Atlas has no PostgreSQL driver (the standalone bundle): team notes need the source install."""


# What a connection attempt may raise (NoDriver is a RuntimeError).
FAILURES: tuple[type[BaseException], ...] = (RuntimeError,) if psycopg is None else (RuntimeError, psycopg.Error)


def _connect(url: str, autocommit: bool = False) -> Any:
    if psycopg is None:
        raise NoDriver("this Forum Atlas has no PostgreSQL driver; team notes need Forum Atlas installed from "
                       "source (make setup)")
    password = password_for(url)  # the keyring's, if it has one; else libpq's .pgpass or service file
    extra: dict[str, Any] = {"password": password} if password else {}
    # A server whose packets vanish breaks the connection within seconds (tcp_user_timeout, keepalives)
    # rather than the minutes TCP would wait: a save then queues instead of hanging.
    return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT,
                           application_name="forum-atlas", tcp_user_timeout=STALL_MS, keepalives=1,
                           keepalives_idle=5, keepalives_interval=2, keepalives_count=2,
                           **extra)


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


@dataclass
class Fetched:
    """What one connection attempt brought back (TeamNotes.fetch), for TeamNotes.adopt to take in."""

    con: Any
    listener: Any
    role: str
    writable: bool
    notes: list[TeamNote]
    marks: list[tuple[str, str, str]]
    baskets: list[Basket]


class TeamNotes:
    """A team's notes, bookmarks and baskets: the local replica always, the server when it answers.

    :attr:`online` says whether the server answered last time; :attr:`writable` whether this member may
    change notes; :attr:`status` is one plain sentence for the status bar. ``connect=False`` leaves the first
    attempt to the caller: the window runs :meth:`fetch` on a worker thread and :meth:`adopt` on its own.
    """

    def __init__(self, url: str, folder: Path | str | None = None, connect: bool = True):
        self.url = url
        folder = Path(folder) if folder is not None else default_folder()
        self.replica = Replica(folder / "team" / replica_name(server_key(url)))
        known = self.replica.con.execute("SELECT value FROM meta WHERE key = 'role'").fetchone()
        self.role: str = known[0] if known else (urlsplit(url).username or "")
        self.online = False
        self.writable = True
        self.status = ""
        self.why_offline = ""  # why the server did not answer, for a window to word the status in its language
        self.messages: list[str] = []
        self._con: Any = None
        self._listener: Any = None
        # Set by the window: called instead of sending at once, to send on its worker thread.
        self.send_later: Callable[[], None] | None = None
        if connect:
            self.reconnect()

    # -- the connection -------------------------------------------------------------------------------
    def reconnect(self) -> bool:
        """Try the server; on success, take its notes and send the queue. False while it is unreachable."""
        try:
            fetched = self.fetch()
        except FAILURES as exc:
            self._offline(exc)
            return False
        return self.adopt(fetched)

    def fetch(self) -> Fetched:
        """Connect and read everything this member may see. Touches nothing of this object, so it may run on
        another thread while the window goes on reading the replica. Raises on failure."""
        con = _connect(self.url)
        try:
            with con.transaction():
                role = con.execute("SELECT current_user").fetchone()[0]
                version = con.execute("SELECT version FROM forum_atlas_schema").fetchone()[0]
                if version != SERVER_VERSION:
                    raise RuntimeError(f"the server's team notes are format {version}; this Forum Atlas needs "
                                       f"format {SERVER_VERSION} (run `forum-atlas notes serve-setup`)")
                writable = bool(con.execute("SELECT has_table_privilege('notes', 'INSERT')").fetchone()[0])
                notes = [TeamNote(*r) for r in con.execute(SELECT).fetchall()]
                marks, baskets = read_lists(con)
            listener = _connect(self.url, autocommit=True)
            listener.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            con.close()
            raise
        return Fetched(con, listener, role, writable, notes, marks, baskets)

    def adopt(self, fetched: Fetched, send_now: bool = True) -> bool:
        """Take in what :meth:`fetch` read: mirror it in the replica, then send the queue (unless the caller
        sends it, ``send_now=False``)."""
        for old in (self._con, self._listener):
            if old is not None:
                old.close()
        self._con, self._listener = fetched.con, fetched.listener
        self.role, self.writable = fetched.role, fetched.writable
        self.replica.con.execute("INSERT OR REPLACE INTO meta VALUES ('role', ?)", (self.role,))
        self._mirror(fetched.notes)
        self.replica.replace_lists(fetched.marks, fetched.baskets, self.role)
        self.online = True
        if send_now:
            self.flush()
        else:
            self._set_status()
        return self.online

    def failed(self, exc: BaseException) -> None:
        """An exchange made elsewhere (on a worker thread) failed, or the server stopped answering."""
        self._offline(exc)

    def abandon(self) -> None:
        """Leave the connections to a worker thread that is stuck on them (a server that stopped answering):
        they are not closed from here, which could block too; a new attempt opens new ones."""
        self._con = self._listener = None

    def _offline(self, exc: BaseException) -> None:
        self.online = False
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        waiting = self.queued()
        why = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        if "password" in why and keyring_problem():  # say where else a password could have come from
            why += f"; passwords come from ~/.pgpass or a service file here, as {keyring_problem()}"
        self.why_offline = why
        self.status = (f"Team server unreachable ({why}): working offline; {waiting} change"
                       f"{'s' * (waiting != 1)} queued here, sent when it is back.")

    def _set_status(self) -> None:
        where = without_password(self.url)
        self.status = (f"Team notes on {where} as {self.role}" +
                       ("" if self.writable else ", read-only: your role may read the team's notes but not change "
                        "them; what you type is kept here as a draft"))

    def _mirror(self, rows: list[TeamNote]) -> None:
        """The server's notes in the replica, except this member's own that are still queued here."""
        queued = {p.record for p in self.replica.pending()}
        mine = {n.record: n for n in self.replica.by_author(self.role) if n.record in queued}
        self.replica.replace_all([n for n in rows if not (n.author == self.role and n.record in queued)]
                                 + list(mine.values()))

    def apply_news(self, news: News) -> set[str]:
        """Record colleagues' changes (read_news) in the replica; returns the records (and #lists) named."""
        if news.error is not None:
            self._offline(news.error)
            return set()
        queued = {p.record for p in self.replica.pending()}
        for record, rows in news.notes.items():
            with self.replica.con:
                self.replica.con.execute("BEGIN")
                self.replica.con.execute("DELETE FROM notes WHERE record = ? AND (author != ? OR ? = 0)",
                                         (record, self.role, record in queued))
                for n in rows:
                    if not (n.author == self.role and record in queued):
                        self.replica.put(n)
        if news.lists is not None:
            self.replica.replace_lists(*news.lists, self.role)
        return news.records

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
        self._send_soon()
        now_shown = self.replica.get(record, self.role)
        return now_shown.text if now_shown else text

    def _read_only_reason(self, lists: bool = False) -> str:
        return Message("team-role-lists" if lists else "team-role-read-only", role=self.role)

    def flush(self) -> int:
        """Send the queued changes in order; returns how many the server took. Stops (offline) at the first
        network failure, leaving the rest queued."""
        if self._con is None:
            return 0
        return self.settle(self.send(*self.prepare()))

    def prepare(self) -> tuple[list[Pending], list[Change]]:
        """What the next round sends, each note marked as tried (the server may take it without a reply)."""
        items = self.replica.pending()
        for item in items:
            self.replica.trying(item)
        return items, self.replica.changes()

    def send(self, items: list[Pending], changes: list[Change]) -> Outcome:
        """The network half of a round (model/team_sync.py): safe on a worker thread."""
        return send(self._con, items, changes, psycopg.errors.InsufficientPrivilege, psycopg.Error)

    def settle(self, out: Outcome) -> int:
        """Record a round's outcome in the replica; returns how many changes the server took."""
        for item, stored in out.taken:
            self.replica.done(item, stored)
        for item in out.refused:
            self.writable = False
            self.replica.to_draft(item.seq, item.record, item.text)
            self.messages.append(self._read_only_reason())
        for change in out.changes_taken:
            self.replica.change_done(change)
        for change in out.changes_refused:  # dropped: the server will never take it
            self.writable = False
            self.replica.change_done(change, refused=True)
            self.messages.append(self._read_only_reason(lists=True))
        if out.lists is not None:
            self.replica.replace_lists(*out.lists, self.role)
        if out.error is not None:
            self._offline(out.error)
        elif self.online:
            self._set_status()
        return len(out.taken) + len(out.changes_taken)

    def queue_change(self, kind: str, key: str, body: dict[str, Any], base_version: int = 0,
                     base: tuple[str, ...] = ()) -> None:
        """Queue a change to a bookmark or basket (model/team_lists.py) and send it if the server answers.
        Raises UserDataReadOnly for a read-only member."""
        if not self.writable:
            raise UserDataReadOnly(self._read_only_reason(lists=True))
        self.replica.queue_change(kind, key, body, self.role, base_version, base)
        self._send_soon()

    def _send_soon(self) -> None:
        if self.online:
            (self.send_later or self.flush)()

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
        return int(self._listener.fileno())

    def changes(self) -> set[str]:
        """Records changed on the server since the last call (read from the listening connection without
        waiting), their notes refreshed in the replica; ``#bookmarks`` or ``#baskets`` among them when those
        changed (no record id starts with #)."""
        if self._listener is None:
            return set()
        return self.apply_news(self.read_news())

    def read_news(self) -> News:
        """The network half of :meth:`changes`: safe on a worker thread."""
        return read_news(self._con, self._listener, psycopg.Error)

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
        """Changes waiting for the server: notes, bookmarks and baskets."""
        return len(self.replica.pending()) + len(self.replica.changes())

    def close(self) -> None:
        for con in (self._con, self._listener):
            if con is not None:
                con.close()
        self._con = self._listener = None
        self.replica.close()
