"""Backups and recovery of the notes file: probing, restoring, rotating; and the file helpers they share
with :mod:`model.notes`."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from model import atomic
from model.notes_messages import Message
from model.notes_schema import (
    _HEADER,
    _SIDE_FILES,
    _SQLITE_BUSY,
    _SQLITE_CANTOPEN,
    _SQLITE_CORRUPT,
    _SQLITE_FULL,
    _SQLITE_IOERR,
    _SQLITE_LOCKED,
    _SQLITE_NOTADB,
    _SQLITE_READONLY,
    BACKUP_DAYS,
    DB_NAME,
    SCHEMA_VERSION,
    migrate,
    now,
)

# -- backups and recovery, as part of UserData ----------------------------------------------------------

class Backups:
    """UserData's backups and recovery; expects ``_con``, ``folder``, ``path``, ``backup_folder``,
    ``messages``, ``writable``, ``_today`` and the backup bookkeeping that UserData sets up."""

    _con: sqlite3.Connection | None
    folder: Path
    path: Path
    backup_folder: Path
    messages: list[str]
    writable: bool
    _today: Callable[[], dt.date]
    _backed_up_on: dt.date | None
    _backup_failed: bool
    _changed: bool
    _backed_up_at: float

    def _clear_leftovers(self) -> None:
        """Temporary files of a killed run: under the lock, none can be another process's work in progress."""
        for stray in (self.folder / f".{DB_NAME}.new", self.folder / f".{DB_NAME}.restore",
                      *(self.backup_folder.glob(".notes-*.tmp") if self.backup_folder.is_dir() else ())):
            with contextlib.suppress(OSError):
                _remove(stray)

    def _backup_before_migration(self, version: int) -> None:
        """A ``notes-before-vN`` backup, unless one with the same content is there already (a migration
        that failed before and is tried again on every start must not fill the disk with copies)."""
        assert self._con is not None, "a migration runs on an open file"
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
        target = self.backup_folder / f"notes-before-v{SCHEMA_VERSION}-{_stamp()}.sqlite"
        n = 1
        while target.exists():  # two starts in one second: never replace the earlier backup (other content)
            n += 1
            target = target.with_name(f"notes-before-v{SCHEMA_VERSION}-{_stamp()}-{n}.sqlite")
        self._backup_to(target, quiet=False)

    def _recover(self, damage: str) -> None:
        """Move the damaged file aside, then restore the newest good backup or start afresh."""
        aside = _set_aside(self.path, "damaged")
        for backup in self._backups():
            if _probe(backup)[0] == "ok":
                _copy_database(backup, self.path)
                taken, newest = _backup_times(self.path, backup)
                self.messages.append(Message("restored-newest" if newest else "restored", damage=damage,
                                             aside=aside.name, taken=taken, backup=backup.name, newest=newest))
                return
        _create_fresh(self.path)
        self.messages.append(Message("started-afresh", damage=damage, aside=aside))

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
            assert self._con is not None, "only an open file is backed up"
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
                self.messages.append(Message("backup-failed", folder=target.parent, error=describe_error(exc)))
            self._backup_failed = True
            return None


# -- helpers ------------------------------------------------------------------------------------------

def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


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
    return Message("too-new", path=path, version=version, supported=SCHEMA_VERSION)
