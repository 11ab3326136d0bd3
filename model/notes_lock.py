"""The lock that makes one Forum Atlas process the writer of the notes file."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

# -- the lock that makes one instance the writer -----------------------------------------------------

class _Lock:
    """An exclusive, non-blocking lock on a file; the OS releases it when the process ends, however."""

    def __init__(self, path: Path):
        self.path = path
        self.fh = open(path, "a+b")  # noqa: SIM115 - held for the store's lifetime; OSError when unwritable

    def acquire(self) -> bool:
        try:
            if sys.platform == "win32":  # (not os.name: type checkers follow sys.platform)
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
