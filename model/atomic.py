"""Write a file through a temporary file beside it, then rename it into place.

A reader never sees a half-written file, and a failed write leaves the old one untouched.
tempfile.mkstemp makes its file 0600; before the rename the file is given the mode a plain
``open(path, "w")`` would have given it (0666 less the umask), or the mode of the file it replaces.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask would, briefly, for every thread)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def temp_beside(target: Path, prefix: str | None = None, suffix: str = ".part") -> Path:
    """Create an empty temporary file in ``target``'s folder and return its path (OSError if it cannot)."""
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=prefix or f".{target.name}.", suffix=suffix, dir=_folder(target))
    os.close(fd)
    return Path(name)


def replace_into(tmp: Path, target: Path) -> None:
    """Flush ``tmp`` to disk, give it a normal file's mode, and rename it onto ``target``."""
    target = Path(target)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, _mode_for(target))
    os.replace(tmp, target)
    try:  # make the rename itself durable; not every platform or file system allows this
        dfd = os.open(_folder(target), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def writable_target(target: Path, protect: tuple[Path, ...] = ()) -> Path:
    """The path to replace for ``target``: a symlink's target (the link itself stays), else ``target``.

    Raises OSError when the target is not a regular file (a folder, a device, a pipe), when a link
    points nowhere, or when it is one of ``protect`` (the notes database, say): those are never replaced.
    """
    target = Path(target)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    if target.is_symlink() and not real.parent.is_dir():
        raise OSError(errno.ENOENT, f"it is a link to {real}, whose folder is missing", str(target))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "it is not a regular file, so it was left alone", str(target))
    for guarded in protect:
        try:
            if os.path.samefile(real, guarded):
                raise OSError(errno.EPERM, "it is your notes database; choose another file", str(target))
        except FileNotFoundError:
            continue
    return real


def write_text(target: Path, write: Callable[[TextIO], object], protect: tuple[Path, ...] = ()) -> None:
    """``write(fh)`` text into ``target`` atomically; raises OSError saying why when anything fails.

    A symlink is written through to its target; anything but a regular file, or one of ``protect``,
    is refused (see :func:`writable_target`).
    """
    real = writable_target(target, protect)
    with replacing(real) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        write(fh)
        fh.flush()  # so a full disk fails here, inside the block, and the target is never replaced


def why(exc: BaseException) -> str:
    """The plain reason in an OSError (its strerror), or the exception's text."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


@contextmanager
def replacing(target: Path, prefix: str | None = None, suffix: str = ".part") -> Iterator[Path]:
    """``with replacing(target) as tmp:`` write ``tmp``; on a clean exit it becomes ``target``.

    On an exception the temporary file is removed and ``target`` is left as it was.
    """
    tmp = temp_beside(target, prefix, suffix)
    try:
        yield tmp
        replace_into(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
