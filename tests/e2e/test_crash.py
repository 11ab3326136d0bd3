"""The crash path: an unexpected error is logged in the platform's log folder and shown in a plain dialog."""

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from model import crash_log
from model.exit_codes import ExitCode


@pytest.fixture
def reporter(qapp, monkeypatch, tmp_path):
    from gui.crash import CrashReporter

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    r = CrashReporter()
    r.install()
    yield r
    if r.dialog is not None:
        r.dialog.close()


def crash_dialog():
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "crashDialog" and w.isVisible()), None)


def test_the_log_is_in_the_platforms_log_folder(tmp_path):
    assert crash_log.log_file().is_relative_to(tmp_path / "xdg-state")  # $XDG_STATE_HOME (tests/conftest.py)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_with_the_logs_place(qtbot, reporter):
    def boom():
        raise ValueError("a bug in a slot")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: crash_dialog() is not None, timeout=3000)
    log = crash_log.log_file()
    text = log.read_text(encoding="utf-8")
    assert "ValueError: a bug in a slot" in text and "Traceback" in text and "forum-atlas" in text
    dialog = crash_dialog()
    assert str(log) in dialog.informativeText()
    assert "Traceback" not in dialog.text() + dialog.informativeText()  # plain words for the user


def test_an_error_in_a_thread_is_logged_and_shown_by_the_window(qtbot, reporter):
    def work():
        raise RuntimeError("a bug in a worker")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: crash_dialog() is not None, timeout=3000)
    text = crash_log.log_file().read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a worker" in text and "thread worker" in text


def test_an_unwritable_log_still_says_what_happened(qtbot, reporter, tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder should be")
    monkeypatch.setattr(crash_log, "log_file", lambda: blocked / "crash.log")
    try:
        raise KeyError("lost?")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: crash_dialog() is not None, timeout=3000)
    assert "could not be written" in crash_dialog().informativeText()
    assert "KeyError: 'lost?'" in capsys.readouterr().err


def test_a_headless_command_that_crashes_says_so_plainly(monkeypatch, capsys):
    from forum_atlas import cli

    def boom(args):
        raise ZeroDivisionError("a bug in stats")

    monkeypatch.setattr(cli, "_stats", boom)
    assert cli.main(["stats"]) == ExitCode.CRASHED == 70
    err = capsys.readouterr().err
    assert "forum-atlas: unexpected error (ZeroDivisionError: a bug in stats)" in err
    assert str(crash_log.log_file()) in err and "Traceback" not in err
    assert "ZeroDivisionError: a bug in stats" in crash_log.log_file().read_text(encoding="utf-8")
