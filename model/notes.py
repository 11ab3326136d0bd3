"""The analyst's own data: notes, bookmarks and the briefing basket, in a small SQLite file of their own.

No Qt, and no SQLModel: plain ``sqlite3`` for a tiny database that must never lose a word. The file lives
in the platform's user-data folder (``platformdirs``; ``$XDG_DATA_HOME/forum-atlas`` on Linux), never beside
the bundled reference database. Records are referred to by their stable ids; a note whose record is gone from
a newer dataset is kept and listed as orphaned.

Safety, in the order :class:`UserData` applies it when it opens:

* **One writer.** An exclusive lock on ``notes.sqlite.lock`` (``fcntl.flock``; ``msvcrt.locking`` on Windows)
  is held while the store is open. The kernel drops it when the process dies, even by SIGKILL. A second
  instance that cannot take it opens the database read-only (SQLite ``mode=ro``) and says so. Before every
  write the lock file is checked: if it was deleted or replaced, the lock is taken again, or, when another
  process holds the new one, this store stops writing. A file system that cannot lock at all gets the notes
  read-only, with a message saying why. A save that names the text it started from never overwrites a
  note changed meanwhile (by an import, say): both texts are kept.
* **A symlinked notes file** is used where it points; a link whose target is missing (a drive not mounted)
  switches notes off with a message, and nothing is created in its place.
* **Too new is refused.** The schema version (``PRAGMA user_version``) is read from the file's header before
  SQLite opens it; a file from a newer version is left byte-for-byte untouched and notes are switched off.
* **Damage is detected and repaired.** A file that is not SQLite, is empty, fails ``PRAGMA quick_check``,
  or lacks a table or column of the version it claims, is moved aside with ``.damaged`` in its name (with its ``-wal``), and the newest backup that passes its own
  check is restored; with no backup, a fresh database is started. Either way :attr:`UserData.messages` says so.
* **Migrations** run step by step (1 -> 2 -> 3), each in one transaction with its ``user_version`` bump, after
  a ``notes-before-v<N>`` backup (not repeated while the content is the same, as when a failed migration is
  tried again on each start).
* **Backups**: one a day (``backups/notes-YYYY-MM-DD.sqlite``, made with SQLite's backup API through a
  temporary file, checked, and renamed into place), refreshed when the store closes and every
  :data:`BACKUP_EVERY` seconds while notes change. Each records when it was taken and a generation number;
  restoring takes the good backup of the highest generation and rotation keeps the :data:`BACKUP_DAYS`
  highest, so neither depends on the clock. Temporary files of a killed run are removed on opening.
* **Every save is one committed transaction** in WAL mode with ``synchronous=FULL``: once a save method returns,
  the change is in the WAL and survives the process being killed (and, with FULL, a power cut).
* **An unwritable folder** leaves the store unavailable (or read-only, if an existing file can be read), with a
  message; the rest of the application does not depend on it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

# The store's public face, kept in this one module for the window, the command line and the tests; the
# pieces live in notes_schema, notes_lock, notes_recovery and notes_io.
from model import atomic
from model.notes_io import (
    export_json,
    export_markdown,
    parse_import,
    read_notes,
    search_notes,
    snippet,
    stored_notes,
)
from model.notes_lock import LockUnsupported, _Lock
from model.notes_messages import Message
from model.notes_recovery import (
    Backups,
    _connect_ro,
    _connect_rw,
    _create_fresh,
    _identity,
    _probe,
    _set_aside,
    _too_new,
    _why,
    describe_error,
)
from model.notes_schema import (
    _KEEP_ANY,
    _SIDE_FILES,
    BACKUP_DAYS,
    BACKUP_EVERY,
    DB_NAME,
    SCHEMA_VERSION,
    STEPS,
    ImportReport,
    Note,
    UserDataReadOnly,
    default_folder,
    migrate,
    now,
)

__all__ = ["BACKUP_DAYS", "DB_NAME", "SCHEMA_VERSION", "STEPS", "ImportReport", "LockUnsupported", "Note",
           "UserData", "UserDataReadOnly", "atomic", "default_folder", "describe_error", "export_json",
           "export_markdown", "migrate", "now", "parse_import", "read_notes", "search_notes", "snippet", "stored_notes"]


# -- the store ----------------------------------------------------------------------------------------

T = TypeVar("T")  # what a write's work returns


class UserData(Backups):
    """The analyst's notes, bookmarks and basket. Open it, read and write, ``close()`` it.

    After opening, :attr:`available` says whether anything can be read, :attr:`writable` whether it can be
    changed, and :attr:`messages` holds plain sentences to show the user (restored from a backup, read-only
    because another window is open, an unwritable folder, a file from a newer version).
    """

    def __init__(self, folder: Path | str | None = None, *, today: Callable[[], dt.date] | None = None):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.path = self.folder / DB_NAME
        self.backup_folder = self.folder / "backups"
        self.messages: list[str] = []
        self.available = False
        self.writable = False
        self.reason: str = Message("not-open")  # why writes are refused, when they are
        self._today = today or dt.date.today
        self._con: sqlite3.Connection | None = None
        self._lock: _Lock | None = None
        self._backed_up_on: dt.date | None = None
        self._backup_failed = False
        self._changed = False  # notes changed since the last backup
        self._backed_up_at = time.monotonic()
        self._identity: tuple[int, int] | None = None  # (device, inode) of the file opened for writing
        self._open()

    # -- opening ------------------------------------------------------------------------------------
    def _open(self) -> None:
        if self.path.is_symlink():  # a notes file kept elsewhere (another drive): use it there, or not at all
            real = Path(os.path.realpath(self.path))
            if not real.is_file():
                self._fail(Message("link-missing", path=self.path, real=real))
                return
            self.path = real
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = _Lock(self.folder / f"{DB_NAME}.lock")
        except OSError as exc:
            self._open_unwritable(exc)
            return
        try:
            locked = self._lock.acquire()
        except LockUnsupported as exc:
            self._open_unlockable(exc.args[0])
            return
        if not locked:
            self._open_second_instance()
            return
        try:
            self._open_writable()
        except (OSError, sqlite3.Error) as exc:
            self._fail(Message("open-failed", path=self.path, error=describe_error(exc)))

    def _fail(self, message: str) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self.available = self.writable = False
        self.reason = message
        self.messages.append(message)

    def _open_read_only(self, reason: str, shown: str) -> bool:
        """Show a current, healthy notes file read-only; False (nothing opened) otherwise."""
        if self.path.is_file() and _probe(self.path)[:2] == ("ok", SCHEMA_VERSION):
            try:
                self._con = _connect_ro(self.path)
            except sqlite3.Error:
                return False
            self.available = True
            self.reason = reason
            self.messages.append(shown)
            return True
        return False

    def _open_unwritable(self, exc: OSError) -> None:
        said = {"folder": self.folder, "error": _why(exc)}
        if not self._open_read_only(Message("unwritable", **said), Message("unwritable-read-only", **said)):
            self._fail(Message("unwritable-off", **said))

    def _open_unlockable(self, exc: OSError) -> None:
        if self._lock is not None:
            self._lock.release()
        self._lock = None
        said = {"folder": self.folder, "error": _why(exc)}
        if not self._open_read_only(Message("unlockable", **said), Message("unlockable-read-only", **said)):
            self._fail(Message("unlockable-off", **said))

    def _open_second_instance(self) -> None:
        who = self._lock.holder() if self._lock else ""
        if self._lock is not None:
            self._lock.release()
        self._lock = None
        process = {"process": who} if who.isdigit() else {}
        state, version, _ = _probe(self.path) if self.path.exists() else ("missing", 0, "")
        if state == "too-new":
            self._fail(_too_new(self.path, version))
            return
        if state != "ok" or version != SCHEMA_VERSION:
            self._fail(Message("other-process-opening" if process else "other-window-opening", **process))
            return
        self._con = _connect_ro(self.path)
        self.available = True
        self.reason = Message("other-process" if process else "other-window", **process)
        self.messages.append(self.reason)

    def _open_writable(self) -> None:
        self._clear_leftovers()
        if self.path.exists():
            state, version, why = _probe(self.path)
            if state == "too-new":
                self._fail(_too_new(self.path, version))
                return
            if state == "unusable":
                raise OSError(why)
            if state != "ok":
                self._recover(state)
        else:
            if any(Path(f"{self.path}{s}").exists() for s in _SIDE_FILES):
                _set_aside(self.path, "stray", main=False)  # never replay an old WAL into a new file
            _create_fresh(self.path)
            if self._backups():
                self.messages.append(Message("new-file", path=self.path, backups=self.backup_folder))
        con = _connect_rw(self.path)
        self._con = con
        self._identity = _identity(self.path)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            self._backup_before_migration(version)
            try:
                migrate(con)
            except sqlite3.Error as exc:
                now_at = con.execute("PRAGMA user_version").fetchone()[0]
                self._fail(Message("upgrade-failed" if now_at == version else "upgrade-half-done", path=self.path,
                                   now_at=now_at, target=SCHEMA_VERSION, error=describe_error(exc),
                                   backups=self.backup_folder))
                return
        self.available = self.writable = True
        self.reason = ""
        self.maybe_backup()

    # -- writing --------------------------------------------------------------------------------------
    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one committed transaction; when this returns, the change is durable."""
        if not self.writable or self._con is None:
            raise UserDataReadOnly(self.reason or Message("read-only"))
        self._keep_lock()
        self._keep_file()
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            result = work(con)
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        self._changed = True
        if not self.maybe_backup() and time.monotonic() - self._backed_up_at >= BACKUP_EVERY:
            self.backup()
        return result

    def _keep_lock(self) -> None:
        """Before each write: if the lock file was deleted or replaced, another process could have taken a
        new one. Take the lock again if nobody holds it; if somebody does, stop writing here."""
        if self._lock is None or self._lock.still_ours():
            return
        try:
            fresh = _Lock(self._lock.path)
            taken = fresh.acquire()
        except (OSError, LockUnsupported) as exc:
            fresh, taken = None, False
            why = {"error": _why(exc.args[0] if isinstance(exc, LockUnsupported) else exc)}
        else:
            why = {}
        if taken:
            self._lock.release()
            self._lock = fresh
            return
        if fresh is not None:
            fresh.release()
        self.writable = False
        self.reason = Message("lock-lost-why" if why else "lock-lost", lock=self._lock.path, **why)
        self.messages.append(self.reason)
        raise UserDataReadOnly(self.reason)

    def _keep_file(self) -> None:
        """Before each write: the notes file must still be the one opened. Moved, deleted or replaced by
        another file, saves would go into a file nobody reads again: stop writing instead."""
        if self._identity is None or _identity(self.path) == self._identity:
            return
        self.writable = False
        self.reason = Message("file-moved", path=self.path)
        self.messages.append(self.reason)
        raise UserDataReadOnly(self.reason)

    def set_note(self, record: str, text: str, base: str | None | object = _KEEP_ANY) -> str:
        """Save the note on ``record``; blank text removes the note. Returns the text now stored.

        With ``base`` (the stored text this edit started from; None for no note), a note that was changed
        meanwhile (another window, an import) is never overwritten: both texts are kept, ours below a marker.
        """
        def work(con: sqlite3.Connection) -> str:
            row = con.execute("SELECT text FROM notes WHERE record = ?", (record,)).fetchone()
            stored: str | None = row[0] if row else None
            new = text
            if base is not _KEEP_ANY and stored != base and stored is not None and stored != text:
                marker = f"--- this window's text, saved {now()[:16]}Z; the note above was changed elsewhere meanwhile ---"
                new = stored if not text.strip() or text.strip() in stored else f"{stored.rstrip()}\n\n{marker}\n{text}"
            if new.strip():
                con.execute("INSERT INTO notes (record, text, updated) VALUES (?, ?, ?) "
                            "ON CONFLICT (record) DO UPDATE SET text = excluded.text, updated = excluded.updated",
                            (record, new, now()))
            else:
                con.execute("DELETE FROM notes WHERE record = ?", (record,))
            return new
        return self._write(work)

    def set_bookmarked(self, record: str, on: bool) -> None:
        sql = "INSERT OR IGNORE INTO bookmarks (record) VALUES (?)" if on else "DELETE FROM bookmarks WHERE record = ?"
        self._write(lambda con: con.execute(sql, (record,)))

    def add_to_basket(self, record: str) -> bool:
        """Append ``record`` to the basket; False when it is already there."""
        def work(con: sqlite3.Connection) -> bool:
            if con.execute("SELECT 1 FROM basket WHERE record = ?", (record,)).fetchone():
                return False
            end = con.execute("SELECT coalesce(max(position), -1) + 1 FROM basket").fetchone()[0]
            con.execute("INSERT INTO basket (record, position) VALUES (?, ?)", (record, end))
            return True
        return self._write(work)

    def remove_from_basket(self, record: str) -> None:
        self._write(lambda con: con.execute("DELETE FROM basket WHERE record = ?", (record,)))

    def set_basket(self, records: Iterable[str]) -> None:
        """Replace the basket with ``records``, in that order (duplicates dropped)."""
        order = list(dict.fromkeys(records))

        def work(con: sqlite3.Connection) -> None:
            con.execute("DELETE FROM basket")
            con.executemany("INSERT INTO basket (record, position) VALUES (?, ?)",
                            [(rid, n) for n, rid in enumerate(order)])
        self._write(work)

    def merge(self, items: Iterable[tuple[str, str, str | None]], source: str = "an import") -> ImportReport:
        """Merge (record, text, updated) notes in one transaction, never losing text.

        Same text, or text already contained in ours: unchanged. Imported text that contains ours: it replaces
        ours (nothing is lost). Otherwise a conflict: ours is kept and the imported text is appended below a
        marker line naming ``source``, so the analyst can reconcile them by hand.
        """
        report = ImportReport()
        marker = f"--- imported from {source} on {now()[:10]}; this text differs from the note above ---"

        def work(con: sqlite3.Connection) -> None:
            for record, text, updated in items:
                if not text.strip():
                    report.skipped.append(record)
                    continue
                row = con.execute("SELECT text FROM notes WHERE record = ?", (record,)).fetchone()
                if row is None:
                    con.execute("INSERT INTO notes (record, text, updated) VALUES (?, ?, ?)",
                                (record, text, updated or now()))
                    report.added.append(record)
                    continue
                ours = row[0]
                if text.strip() in ours:
                    report.unchanged.append(record)
                    continue
                if ours.strip() in text:
                    report.extended.append(record)
                    merged = text
                else:
                    report.conflicts.append(record)
                    merged = f"{ours.rstrip()}\n\n{marker}\n{text}"
                con.execute("UPDATE notes SET text = ?, updated = ? WHERE record = ?", (merged, now(), record))
        self._write(work)
        return report

    # -- reading --------------------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        if self._con is None:
            return []
        return self._con.execute(sql, params).fetchall()

    def note(self, record: str) -> str | None:
        rows = self._rows("SELECT text FROM notes WHERE record = ?", (record,))
        return rows[0][0] if rows else None

    def notes(self) -> list[Note]:
        return [Note(*row) for row in self._rows("SELECT record, text, updated FROM notes ORDER BY record")]

    def orphans(self, known: Callable[[str], bool] | set[str]) -> list[Note]:
        """Notes whose record the atlas no longer has (``known`` is a set of ids or a predicate)."""
        exists = known.__contains__ if isinstance(known, set | frozenset) else known
        return [n for n in self.notes() if not exists(n.record)]

    def is_bookmarked(self, record: str) -> bool:
        return bool(self._rows("SELECT 1 FROM bookmarks WHERE record = ?", (record,)))

    def bookmarks(self) -> list[str]:
        return [row[0] for row in self._rows("SELECT record FROM bookmarks ORDER BY record")]

    def basket(self) -> list[str]:
        """The basket's record ids in the analyst's order."""
        return [row[0] for row in self._rows("SELECT record FROM basket ORDER BY position, record")]

    def search(self, text: str) -> list[tuple[str, str]]:
        """Notes holding every word of ``text`` (case-insensitive): [(record id, snippet around the match)]."""
        return search_notes(self.notes(), text)

    # -- closing --------------------------------------------------------------------------------------
    def close(self) -> None:
        if self._con is not None:
            if self.writable:
                self.backup_if_changed() or self.maybe_backup()
            self._con.close()
            self._con = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.available = self.writable = False
        self.reason = Message("closed")

    def __enter__(self) -> UserData:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
