"""A real small file system for full-disk tests: a tmpfs mounted for the test (we may run as root), or,
where mounting is not allowed, a file-size limit (RLIMIT_FSIZE) on a child process.

``disk.fill(leave)`` leaves about ``leave`` bytes free; ``disk.run(argv)`` runs a command against it.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class SmallDisk:
    def __init__(self, base: Path, size: int = 8 << 20):
        self.path = base / "disk"
        self.path.mkdir()
        self.mounted = not os.environ.get("FAULT_NO_MOUNT") and subprocess.run(  # FAULT_NO_MOUNT=1: the fallback
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(self.path)], capture_output=True).returncode == 0
        self.limit: int | None = None

    def fill(self, leave: int = 0) -> None:
        """Take all the space but ``leave`` bytes (tmpfs), or cap each file the child writes at ``leave``."""
        if not self.mounted:
            self.limit = leave
            return
        filler = self.path / "filler"
        with open(filler, "ab") as fh:
            while True:
                st = os.statvfs(self.path)
                spare = st.f_bavail * st.f_frsize - leave
                if spare <= 0:
                    break
                try:
                    fh.write(b"\0" * min(spare, 1 << 20))
                    fh.flush()
                except OSError:
                    break

    def free(self) -> None:
        (self.path / "filler").unlink(missing_ok=True)
        self.limit = None

    def _limit(self) -> None:  # in the child, before exec
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.limit, self.limit))

    def run(self, args: list[str], **kw) -> subprocess.CompletedProcess:
        """``forum-atlas ARGS`` in a child process, against this disk."""
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **kw.pop("env", {})}
        return subprocess.run([sys.executable, "-m", "forum_atlas", *args], cwd=kw.pop("cwd", ROOT), env=env,
                              capture_output=True, text=True, timeout=kw.pop("timeout", 120),
                              preexec_fn=self._limit if self.limit is not None else None, **kw)

    def close(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.path)], capture_output=True)
