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

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from model import atomic

SCHEMA_VERSION = 3
DB_NAME = "notes.sqlite"
BACKUP_DAYS = 10
BACKUP_EVERY = 600  # seconds: while notes change, a fresh backup at least this often (and on close)
_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26  # primary result codes that mean a damaged file
_SQLITE_READONLY, _SQLITE_CANTOPEN = 8, 14  # a read-only open of a WAL file where no -shm can be made
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
# The id syntax of the atlas's records (model/loader.py's slugs): an imported record id must have it, so an id
# from outside can never carry markup or control characters into the window.
_RECORD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEEP_ANY = object()  # set_note's default base: overwrite whatever is stored


class UserDataReadOnly(OSError):
    """A write was asked of a store that is read-only or unavailable; the message says why. An OSError, so
    that code handling failed writes handles this one too."""


@dataclass(frozen=True, slots=True)
class Note:
    record: str
    text: str
    updated: str  # ISO 8601, UTC, to the second


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)  # the imported text contained ours: replaced, nothing lost
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # both texts kept in one note, below a marker
    skipped: list[str] = field(default_factory=list)  # blank imported text: nothing to import


def default_folder() -> Path:
    """The platform's user-data folder for Forum Atlas (honours XDG_DATA_HOME on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("forum-atlas", appauthor=False))


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the schema, one step per version ----------------------------------------------------------------
# Each step takes a connection inside an open transaction. A fresh database runs every step from 0,
# so a new file and a migrated one have the same schema. Never edit a step once released: add one.

def _to_v1(con: sqlite3.Connection, stamp: str) -> None:
    con.execute("CREATE TABLE notes (record TEXT PRIMARY KEY, text TEXT NOT NULL)")
    con.execute("CREATE TABLE bookmarks (record TEXT PRIMARY KEY)")


def _to_v2(con: sqlite3.Connection, stamp: str) -> None:
    """Version 2 records when each note was last changed; older notes get the time of the upgrade."""
    con.execute("ALTER TABLE notes ADD COLUMN updated TEXT NOT NULL DEFAULT ''")
    con.execute("UPDATE notes SET updated = ?", (stamp,))


def _to_v3(con: sqlite3.Connection, stamp: str) -> None:
    """Version 3 adds the briefing basket: records in the analyst's chosen order."""
    con.execute("CREATE TABLE basket (record TEXT PRIMARY KEY, position INTEGER NOT NULL)")


STEPS: dict[int, Callable[[sqlite3.Connection, str], None]] = {1: _to_v1, 2: _to_v2, 3: _to_v3}
assert sorted(STEPS) == list(range(1, SCHEMA_VERSION + 1))


def migrate(con: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring ``con`` (autocommit mode) up to ``target`` one version at a time; returns the versions reached.

    Each step and its ``user_version`` bump commit together or not at all.
    """
    reached = []
    version = con.execute("PRAGMA user_version").fetchone()[0]
    while version < target:
        con.execute("BEGIN IMMEDIATE")
        try:
            STEPS[version + 1](con, now())
            con.execute(f"PRAGMA user_version = {version + 1}")
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        version += 1
        reached.append(version)
    return reached


# -- the lock that makes one instance the writer -----------------------------------------------------

class _Lock:
    """An exclusive, non-blocking lock on a file; the OS releases it when the process ends, however."""

    def __init__(self, path: Path):
        self.path = path
        self.fh = open(path, "a+b")  # noqa: SIM115 - held for the store's lifetime; OSError when unwritable

    def acquire(self) -> bool:
        try:
            if os.name == "nt":
                import msvcrt

                self.fh.seek(0)
                msvcrt.locking(self.fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK):
                return False  # another process holds it
            raise LockUnsupported(exc) from None  # e.g. ENOLCK: a network file system without a lock daemon
        try:  # for the curious: who holds it
            self.fh.seek(0)
            self.fh.truncate()
            self.fh.write(str(os.getpid()).encode())
            self.fh.flush()
        except OSError:
            pass
        return True

    def holder(self) -> str:
        try:
            return self.path.read_text().strip()
        except OSError:
            return ""

    def still_ours(self) -> bool:
        """False when the lock file was deleted or replaced: then another process may lock a new one."""
        try:
            here, ours = os.stat(self.path), os.fstat(self.fh.fileno())
        except OSError:
            return False
        return (here.st_dev, here.st_ino) == (ours.st_dev, ours.st_ino)

    def release(self) -> None:
        self.fh.close()


class LockUnsupported(Exception):
    """The file system cannot lock files (``flock`` fails with something other than "already locked")."""


# -- the store ----------------------------------------------------------------------------------------

class UserData:
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
        self.reason = "Notes are not open."  # why writes are refused, when they are
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
                self._fail(f"Your notes file {self.path} is a link to {real}, which is missing (is its drive "
                           "connected?). Nothing was created in its place, and notes are switched off until "
                           "it is back; browsing works as usual.")
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
            self._fail(f"Forum Atlas could not open your notes at {self.path} ({describe_error(exc)}). "
                       "Notes, bookmarks and the basket are switched off for now; browsing works as usual.")

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
        base = (f"Forum Atlas cannot write to its data folder {self.folder} ({_why(exc)}), so notes, bookmarks "
                "and the basket cannot be saved. Browsing works as usual.")
        if not self._open_read_only(base, base + " Your existing notes are shown read-only."):
            self._fail(base + " Notes are switched off.")

    def _open_unlockable(self, exc: OSError) -> None:
        self._lock.release()
        self._lock = None
        base = (f"The folder of your notes, {self.folder}, does not support file locking ({_why(exc)}; a network "
                "drive without its lock service, perhaps), so Forum Atlas cannot make sure that only one window "
                "changes your notes.")
        if not self._open_read_only(base + " Notes are read-only here.",
                                    base + " Your notes are shown read-only; to edit them, keep your notes "
                                    "on a local disk (set XDG_DATA_HOME) or ask for file locking on that drive."):
            self._fail(base + " Notes are switched off; browsing works as usual.")

    def _open_second_instance(self) -> None:
        who = self._lock.holder() if self._lock else ""
        self._lock.release()
        self._lock = None
        other = f"Another Forum Atlas window (process {who})" if who.isdigit() else "Another Forum Atlas window"
        state, version, _ = _probe(self.path) if self.path.exists() else ("missing", 0, "")
        if state == "too-new":
            self._fail(_too_new(self.path, version))
            return
        if state != "ok" or version != SCHEMA_VERSION:
            self._fail(f"{other} is opening your notes; this window cannot read them yet. "
                       "Browsing works as usual.")
            return
        self._con = _connect_ro(self.path)
        self.available = True
        self.reason = (f"{other} has your notes open, so this window shows them read-only. "
                       "To edit notes here, close the other window and reopen this one.")
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
                self.messages.append(f"No notes file was found, so a new one was started at {self.path}. "
                                     f"Backups of earlier notes are in {self.backup_folder}.")
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
                state = ("It was left as it was" if now_at == version else
                         f"It was upgraded to version {now_at}, but the next step failed; the backup of it as "
                         "it was before is in " + str(self.backup_folder))
                self._fail(f"Forum Atlas could not upgrade your notes file {self.path} from version {now_at} "
                           f"to {SCHEMA_VERSION} ({describe_error(exc)}). {state}. Notes are switched off "
                           "for now.")
                return
        self.available = self.writable = True
        self.reason = ""
        self.maybe_backup()

    def _clear_leftovers(self) -> None:
        """Temporary files of a killed run: under the lock, none can be another process's work in progress."""
        for stray in (self.folder / f".{DB_NAME}.new", self.folder / f".{DB_NAME}.restore",
                      *(self.backup_folder.glob(".notes-*.tmp") if self.backup_folder.is_dir() else ())):
            with contextlib.suppress(OSError):
                _remove(stray)

    def _backup_before_migration(self, version: int) -> None:
        """A ``notes-before-vN`` backup, unless one with the same content is there already (a migration
        that failed before and is tried again on every start must not fill the disk with copies)."""
        mine = _content_digest(self._con)
        for old in self.backup_folder.glob(f"notes-before-v{SCHEMA_VERSION}-*.sqlite"):
            try:
                con = _connect_ro(old)
                try:
                    if _content_digest(con) == mine:
                        return
                finally:
                    con.close()
            except sqlite3.Error:
                continue
        self._backup_to(self.backup_folder / f"notes-before-v{SCHEMA_VERSION}-{_stamp()}.sqlite", quiet=False)

    def _recover(self, damage: str) -> None:
        """Move the damaged file aside, then restore the newest good backup or start afresh."""
        aside = _set_aside(self.path, "damaged")
        for backup in self._backups():
            if _probe(backup)[0] == "ok":
                _copy_database(backup, self.path)
                taken, newest = _backup_times(self.path, backup)
                self.messages.append(
                    f"Your notes file was damaged ({damage}). It was moved aside as {aside.name}, and your notes "
                    f"were restored from the backup taken {taken} ({backup.name})"
                    + (f", whose newest note was saved {newest}" if newest else "")
                    + ". Changes made after that backup are not in the restored notes.")
                return
        _create_fresh(self.path)
        self.messages.append(
            f"Your notes file was damaged ({damage}) and there was no good backup to restore, so a new, empty "
            f"notes file was started. The damaged file was kept as {aside}.")

    # -- backups --------------------------------------------------------------------------------------
    # Each backup records when it was taken and a generation, one more than the highest among the backups
    # before it. Choosing and rotating go by generation, so a clock set wrong (a backup dated 2099) can
    # neither win every restore nor escape rotation.
    def _backups(self) -> list[Path]:
        """Backup files, newest (highest generation) first."""
        if not self.backup_folder.is_dir():
            return []
        found = [p for p in self.backup_folder.glob("notes-*.sqlite") if p.is_file()]
        return sorted(found, key=lambda p: (_generation(p), p.stat().st_mtime, p.name), reverse=True)

    def backups(self) -> list[Path]:
        return self._backups()

    def maybe_backup(self) -> Path | None:
        """Make today's backup if there is none yet, and keep only the newest BACKUP_DAYS daily ones."""
        today = self._today()
        if not self.writable or self._backed_up_on == today:
            return None
        target = self.backup_folder / f"notes-{today.isoformat()}.sqlite"
        made = None
        if not target.exists():
            made = self._backup_to(target)
            if made is None:
                return None
        self._backed_up_on = today
        self._rotate()
        return made

    def _rotate(self) -> None:
        daily = [p for p in self._backups() if re.fullmatch(r"notes-\d{4}-\d\d-\d\d\.sqlite", p.name)]
        for old in daily[BACKUP_DAYS:]:
            with contextlib.suppress(OSError):
                old.unlink()

    def backup(self) -> Path | None:
        """Write (or refresh) today's backup now."""
        if not self.writable:
            return None
        self._backed_up_on = None
        made = self._backup_to(self.backup_folder / f"notes-{self._today().isoformat()}.sqlite")
        if made is not None:
            self._rotate()
        return made

    def backup_if_changed(self) -> Path | None:
        """Refresh today's backup when notes changed since the last one (after a quiet spell, on close)."""
        return self.backup() if self._changed else None

    def _backup_to(self, target: Path, quiet: bool = True) -> Path | None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            _remove(tmp)  # a half-made copy from a killed run
            generation = 1 + max((_generation(p) for p in self._backups()), default=0)
            dst = sqlite3.connect(tmp)
            try:
                self._con.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                with dst:
                    dst.execute("DROP TABLE IF EXISTS backup_info")
                    dst.execute("CREATE TABLE backup_info (taken TEXT NOT NULL, generation INTEGER NOT NULL)")
                    dst.execute("INSERT INTO backup_info VALUES (?, ?)", (now(), generation))
            finally:
                dst.close()
            state, _, why = _probe(tmp)
            if state != "ok":  # never let a bad copy take the place of a good backup
                _remove(tmp)
                raise OSError(f"the copy failed its check: {why or state}")
            atomic.replace_into(tmp, target)
            self._changed = False
            self._backed_up_at = time.monotonic()
            return target
        except (OSError, sqlite3.Error) as exc:
            if not self._backup_failed or not quiet:
                self.messages.append(f"Forum Atlas could not write a backup of your notes to {target.parent} "
                                     f"({describe_error(exc)}). Your notes themselves are saved.")
            self._backup_failed = True
            return None

    # -- writing --------------------------------------------------------------------------------------
    def _write(self, work: Callable[[sqlite3.Connection], object]):
        """Run ``work`` in one committed transaction; when this returns, the change is durable."""
        if not self.writable or self._con is None:
            raise UserDataReadOnly(self.reason or "Notes are read-only.")
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
            why = f" ({_why(exc.args[0] if isinstance(exc, LockUnsupported) else exc)})"
        else:
            why = ""
        if taken:
            self._lock.release()
            self._lock = fresh
            return
        if fresh is not None:
            fresh.release()
        self.writable = False
        self.reason = (f"The lock file of your notes ({self._lock.path}) was removed, and another Forum Atlas "
                       f"process now holds your notes{why}. This window no longer saves, so that neither "
                       "overwrites the other; your unsaved text is kept in this window.")
        self.messages.append(self.reason)
        raise UserDataReadOnly(self.reason)

    def _keep_file(self) -> None:
        """Before each write: the notes file must still be the one opened. Moved, deleted or replaced by
        another file, saves would go into a file nobody reads again: stop writing instead."""
        if self._identity is None or _identity(self.path) == self._identity:
            return
        self.writable = False
        self.reason = (f"Your notes file {self.path} was moved, deleted or replaced while Forum Atlas had it "
                       "open, so this window stopped saving rather than write into a file nobody would read. "
                       "Your unsaved text is kept in this window; reopen Forum Atlas to go on.")
        self.messages.append(self.reason)
        raise UserDataReadOnly(self.reason)

    def set_note(self, record: str, text: str, base: str | None | object = _KEEP_ANY) -> str:
        """Save the note on ``record``; blank text removes the note. Returns the text now stored.

        With ``base`` (the stored text this edit started from; None for no note), a note that was changed
        meanwhile (another window, an import) is never overwritten: both texts are kept, ours below a marker.
        """
        def work(con):
            row = con.execute("SELECT text FROM notes WHERE record = ?", (record,)).fetchone()
            stored = row[0] if row else None
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
        def work(con):
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

        def work(con):
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

        def work(con):
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
    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
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
        self.reason = "Notes are closed."

    def __enter__(self) -> UserData:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# -- helpers ------------------------------------------------------------------------------------------

def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _unfold(text: str, at: int) -> int:
    """The index in ``text`` of index ``at`` in ``text.casefold()`` (which folds one character at a time)."""
    n = 0
    for i, ch in enumerate(text):
        if n >= at:
            return i
        n += len(ch.casefold())
    return len(text)


def snippet(text: str, at: int, length: int, width: int = 70) -> str:
    """About ``width`` characters of ``text`` around ``text[at:at+length]``, on one line."""
    start = max(0, at - width // 3)
    end = min(len(text), max(at + length, start + width))
    piece = re.sub(r"\s+", " ", text[start:end]).strip()
    return ("\u2026" if start > 0 else "") + piece + ("\u2026" if end < len(text) else "")


def _probe(path: Path) -> tuple[str, int, str]:
    """(state, version, why): ('ok', version, ''), ('too-new', version, ''), ('unusable', 0, why), or
    (a description of the damage, 0, '').

    Never writes ``path``. Only real damage is described as such: a file that is busy or cannot be opened
    (permissions, I/O, a full disk) is 'unusable', with the reason, and is never moved aside. A file whose
    tables are not those of its version is damage, like one that fails its integrity check.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return "unusable", 0, describe_error(exc)
    if not head:
        return "the file is empty", 0, ""
    if len(head) < 100 or not head.startswith(_HEADER):
        return "the file is not a SQLite database", 0, ""
    if int.from_bytes(head[60:64], "big") > SCHEMA_VERSION:  # before SQLite touches it at all
        return "too-new", int.from_bytes(head[60:64], "big"), ""
    try:
        con = _connect_ro(path, timeout=1)  # a writer holds its lock for milliseconds
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                return "too-new", version, ""
            rows = [row[0] for row in con.execute("PRAGMA quick_check")]
            if rows != ["ok"]:
                return f"it failed its integrity check: {rows[0]}", 0, ""
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version == 0 or "notes" not in tables:
                return "it is not a Forum Atlas notes file", 0, ""
            missing = _missing_columns(con, version)
            if missing:
                return (f"its tables are not those of notes format {version} "
                        f"(no {', '.join(missing[:3])})"), 0, ""
            return "ok", version, ""
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return f"SQLite cannot read it: {exc}", 0, ""
        return "unusable", 0, describe_error(exc)


_SCHEMAS: dict[int, dict[str, set[str]]] = {}


def _missing_columns(con: sqlite3.Connection, version: int) -> list[str]:
    """The tables and columns of notes format ``version`` that ``con`` lacks ('notes.updated', 'basket')."""
    if version not in _SCHEMAS:  # what the migration steps make, read back from a scratch database
        scratch = sqlite3.connect(":memory:", isolation_level=None)
        migrate(scratch, version)
        _SCHEMAS[version] = _columns(scratch)
        scratch.close()
    have = _columns(con)
    missing = []
    for table, columns in _SCHEMAS[version].items():
        if table not in have:
            missing.append(table)
        else:
            missing += [f"{table}.{c}" for c in sorted(columns - have[table])]
    return missing


def _columns(con: sqlite3.Connection) -> dict[str, set[str]]:
    names = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: {row[1] for row in con.execute("SELECT * FROM pragma_table_info(?)", (name,))} for name in names}


def _code(exc: BaseException) -> int:
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF


def describe_error(exc: BaseException) -> str:
    """A disk or database error in plain words: each cause its own, never a guess at "another program"."""
    code = _code(exc)
    if code == _SQLITE_FULL or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return "another program has the file busy"
    if code == _SQLITE_IOERR:
        return f"the disk could not be read or written ({exc})"
    if code == _SQLITE_READONLY or getattr(exc, "errno", None) == errno.EROFS:
        return "the file or its folder is read-only"
    if code == _SQLITE_CANTOPEN:
        return "the file cannot be opened (permissions, or a missing or read-only location)"
    return _why(exc)


def _generation(backup: Path) -> int:
    """A backup's generation (0 for one from before generations were recorded, or unreadable)."""
    try:
        con = _connect_ro(backup, timeout=1)
        try:
            return con.execute("SELECT max(generation) FROM backup_info").fetchone()[0] or 0
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _backup_times(restored: Path, backup: Path) -> tuple[str, str | None]:
    """When ``backup`` was taken (its own record, else the file's time) and its newest note's time."""
    taken = newest = None
    with contextlib.suppress(sqlite3.Error):
        con = _connect_ro(restored)
        try:
            newest = con.execute("SELECT max(updated) FROM notes WHERE updated != ''").fetchone()[0]
        finally:
            con.close()
    con = _connect_ro(backup)
    try:
        with contextlib.suppress(sqlite3.Error):
            taken = con.execute("SELECT taken FROM backup_info").fetchone()[0]
    finally:
        con.close()
    taken = _local(taken) if taken else dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return taken, _local(newest) if newest else None


def _local(stamp: str) -> str:
    """A stored UTC time as local time, to the minute (the stamp itself when it cannot be read)."""
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _content_digest(con: sqlite3.Connection) -> str:
    """A digest of the notes, bookmarks and basket (not the backup record): equal content, equal digest."""
    digest = hashlib.sha256()
    for line in con.iterdump():
        if "backup_info" not in line:
            digest.update(line.encode())
    return digest.hexdigest()


def _connect_ro(path: Path, timeout: float = 5) -> sqlite3.Connection:
    """A read-only connection; never writes ``path``.

    A WAL file needs its ``-shm`` index, which SQLite cannot create in a folder it may not write: there
    ``mode=ro`` fails, and the file is opened ``immutable`` instead. That is exact when no ``-wal`` holds
    changes not yet in the file (with one, the error stands: stale notes would be worse than none), and no
    other process can be writing the file in a folder where nobody can make the ``-shm`` it needs.
    """
    uri = path.resolve().as_uri()
    con = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=timeout)
    try:
        con.execute("PRAGMA user_version").fetchone()  # opens the file and its WAL index now
        return con
    except sqlite3.Error as exc:
        con.close()
        wal = Path(f"{path}-wal")
        if (_code(exc) not in (_SQLITE_READONLY, _SQLITE_CANTOPEN)
                or os.access(path.parent, os.W_OK) or (wal.exists() and wal.stat().st_size > 0)):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, timeout=timeout)


def _connect_rw(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None, timeout=5)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    return con


def _create_fresh(path: Path) -> None:
    """A new, current-schema database at ``path``, built beside it and renamed in: never half made."""
    tmp = path.with_name(f".{path.name}.new")
    _remove(tmp)
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        migrate(con)
    finally:
        con.close()
    atomic.replace_into(tmp, path)


def _copy_database(source: Path, target: Path) -> None:
    """Copy a database with SQLite's backup API, through a temporary file and a rename."""
    tmp = target.with_name(f".{target.name}.restore")
    _remove(tmp)
    src, dst = _connect_ro(source), sqlite3.connect(tmp)
    try:
        src.backup(dst)
        with dst:  # the backup's own record is not part of the notes
            dst.execute("DROP TABLE IF EXISTS backup_info")
    finally:
        src.close()
        dst.close()
    atomic.replace_into(tmp, target)


def _remove(path: Path) -> None:
    """Delete a temporary database and any journal of it."""
    for stale in (path, *(Path(f"{path}{s}") for s in _SIDE_FILES)):
        if stale.exists():
            stale.unlink()


def _set_aside(path: Path, label: str, main: bool = True) -> Path:
    """Rename ``path`` (if ``main``) and its -wal/-shm/-journal to ``notes.<time>.<label>.sqlite*``."""
    aside = path.with_name(f"notes.{_stamp()}.{label}.sqlite")
    n = 1
    while any(Path(f"{aside}{s}").exists() for s in ("", *_SIDE_FILES)):
        n += 1
        aside = path.with_name(f"notes.{_stamp()}-{n}.{label}.sqlite")
    if main:
        os.replace(path, aside)
    for suffix in _SIDE_FILES:  # a stale WAL must never be replayed into another file
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, f"{aside}{suffix}")
    return aside


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _too_new(path: Path, version: int) -> str:
    return (f"Your notes file {path} was written by a newer version of Forum Atlas (notes format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). It was left untouched and notes are switched off. "
            "Open it with the newer version, or move it aside to start a new notes file.")


# -- reading without opening the store (used by `forum-atlas print` and `pack`) ---------------------------

def read_notes(folder: Path | str | None = None) -> tuple[dict[str, str], list[str]]:
    """The notes (record id -> text), read-only: no lock, no recovery, no migration, no backup.

    Returns ({}, [why]) for a file that is damaged, busy, unreadable or from a newer version, leaving it
    exactly as it is (the window repairs or refuses it, with its own messages); ({}, []) when there is none.
    """
    path = (Path(folder) if folder is not None else default_folder()) / DB_NAME
    if not path.exists():
        return {}, []
    state, version, why = _probe(path)
    if state == "too-new":
        return {}, [f"your notes file {path} is from a newer version of Forum Atlas (notes format {version}; "
                    f"this version reads up to {SCHEMA_VERSION})"]
    if state == "unusable":
        return {}, [f"your notes file {path} cannot be opened: {why}"]
    if state != "ok":
        return {}, [f"your notes file {path} is damaged ({state}); it was left as it is, and opening Forum "
                    "Atlas restores it from a backup"]
    try:
        con = _connect_ro(path)
        try:
            rows = con.execute("SELECT record, text FROM notes").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        return {}, [f"your notes file {path} cannot be read ({describe_error(exc)})"]
    return {record: text for record, text in rows if text}, []


# -- export and import (used by `forum-atlas notes` and the window) ------------------------------------

def export_json(notes: list[Note], describe: Callable[[str], tuple[str, str] | None] | None = None) -> list[dict]:
    """Notes as a JSON-ready list: record, text, updated; with ``describe`` (id -> (kind, name) or None for
    a record the atlas no longer has) also kind, name and orphaned."""
    out = []
    for n in notes:
        item = {"record": n.record, "text": n.text, "updated": n.updated}
        if describe is not None:
            found = describe(n.record)
            item.update(kind=found[0] if found else None, name=found[1] if found else None,
                        orphaned=found is None)
        out.append(item)
    return out


def export_markdown(notes: list[Note], describe: Callable[[str], tuple[str, str] | None] | None = None) -> str:
    """Notes as one Markdown document, orphaned notes in a section of their own."""
    lines = ["# Forum Atlas: my notes", "", f"Exported {now()}. These are the analyst's own notes, not the paper's.",
             ""]
    kept, orphaned = [], []
    for n in notes:
        found = describe(n.record) if describe else ("", n.record)
        (kept if found is not None else orphaned).append((n, found))
    for n, found in kept:
        title = f"{found[1]} ({n.record})" if found[1] != n.record else n.record
        lines += [f"## {title}", "", f"_Updated {n.updated}_", "", n.text.rstrip(), ""]
    if orphaned:
        lines += ["# Orphaned notes", "", "Their records are no longer in the atlas; the notes are kept.", ""]
        for n, _ in orphaned:
            lines += [f"## {n.record}", "", f"_Updated {n.updated}_", "", n.text.rstrip(), ""]
    return "\n".join(lines)


def parse_import(raw: str) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """Validate an import file: a JSON list of objects with string ``record`` and ``text``.

    Returns (items, warnings): an ``updated`` that is not an ISO 8601 time is dropped (the note gets the
    import's time) with a warning. Raises ValueError listing every problem; nothing is imported from a file
    with any.
    """
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from None
    except RecursionError:
        raise ValueError("not usable JSON: it is nested too deeply") from None
    if not isinstance(data, list):
        raise ValueError("expected a JSON list of objects with \"record\" and \"text\"")
    problems, warnings, items = [], [], []
    for n, item in enumerate(data):
        if not isinstance(item, dict):
            problems.append(f"item {n}: not an object")
            continue
        record, text, updated = item.get("record"), item.get("text"), item.get("updated")
        ok = True
        if not isinstance(record, str) or not record.strip():
            problems.append(f"item {n}: \"record\" must be a non-empty string")
            ok = False
        if not isinstance(text, str):
            problems.append(f"item {n}: \"text\" must be a string")
            ok = False
        if ok and not (_encodable(record) and _encodable(text)):
            problems.append(f"item {n}: invalid Unicode (a lone surrogate such as \\ud800)")
            ok = False
        if ok and not _RECORD_ID.fullmatch(record.strip()):
            problems.append(f"item {n}: \"record\" {record.strip()[:40]!r} is not a record id (lowercase letters, "
                            "digits and single hyphens, like \"arf\" or \"neacd-1993-10\")")
            ok = False
        if ok and updated is not None:
            stamp = _iso_utc(updated)
            if stamp is None:
                warnings.append(f"item {n} ({record.strip()}): \"updated\" is not an ISO 8601 time "
                                f"({str(updated)[:40]!r}); the note gets the time of the import")
            updated = stamp
        if ok:
            items.append((record.strip(), text, updated))
    if problems:
        raise ValueError("; ".join(problems))
    return items, warnings


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _iso_utc(value: object) -> str | None:
    """``value`` as the store's UTC time (2024-01-31T09:30:00Z), or None when it is not an ISO 8601 time."""
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError):
        return None


def search_notes(notes: list[Note], text: str) -> list[tuple[str, str]]:
    """The notes holding every word of ``text`` (case-insensitive): [(record id, snippet around the match)]."""
    words = text.casefold().split()
    if not words:
        return []
    out = []
    for n in notes:
        folded = n.text.casefold()
        if all(w in folded for w in words):
            at = folded.find(words[0])  # casefold can change lengths (ß -> ss): map back to the text
            start, end = _unfold(n.text, at), _unfold(n.text, at + len(words[0]))
            out.append((n.record, snippet(n.text, start, end - start)))
    return out


def stored_notes(folder: Path | None = None) -> list[Note]:
    """The notes as stored, read without the lock and without writing anything (``forum-atlas search``):
    [] when there is no notes file or it cannot be read."""
    path = (folder or default_folder()) / DB_NAME
    if not path.is_file():
        return []
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [Note(*row) for row in con.execute("SELECT record, text, updated FROM notes ORDER BY record")]
        finally:
            con.close()
    except sqlite3.Error:
        return []
