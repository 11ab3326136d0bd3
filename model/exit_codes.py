"""The exit codes of the `forum-atlas` command and the window, by name."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # the command could not do what was asked: bad data, no matches, cannot write, a failed self-test
    UNAVAILABLE = 2  # what it needs is not there: the reference database, a display
    CRASHED = 70  # an unexpected error (sysexits' EX_SOFTWARE); its traceback is in the crash log
