"""The crash log: an unexpected error's traceback, appended to a file in the platform's log folder.

Qt-free, so the headless commands use it too; gui/crash.py adds the window's dialog.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

MAX_BYTES = 1_000_000  # a log grown past this starts again: the newest crashes matter


def log_file() -> Path:
    """e.g. ~/.local/state/forum-atlas/log/crash.log on Linux ($XDG_STATE_HOME)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir("forum-atlas", appauthor=False)) / "crash.log"


def write(kind: type[BaseException], value: BaseException, tb: TracebackType | None,
          where: str = "") -> Path | None:
    """Append the error to the log; its path, or None when it cannot be written (then the traceback goes to
    stderr, so it is never lost)."""
    from model.version import version

    text = "".join(traceback.format_exception(kind, value, tb))
    head = f"--- {datetime.now().isoformat(timespec='seconds')}  forum-atlas {version()}  {sys.platform}" \
           f"{'  ' + where if where else ''}\n"
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.is_file() and path.stat().st_size > MAX_BYTES else "a"
        with open(path, mode, encoding="utf-8") as fh:
            fh.write(head + text + "\n")
    except OSError as exc:
        print(f"forum-atlas: could not write the crash log {path} ({exc.strerror or exc}):\n{text}",
              file=sys.stderr)
        return None
    return path
