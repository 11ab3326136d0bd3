"""The window's crash path: an unexpected error is logged (model/crash_log.py) and shown in a plain dialog that
says where the log is. The window keeps running: the error cost one action, and notes already save as typed.

Errors in other threads are logged there and shown by the main thread.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from model import crash_log


class CrashReporter(QObject):
    crashed = Signal(str, str)  # what happened, the log's path ("" if it could not be written)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)  # a thread's report: shown by the GUI

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def _hook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        self._report(kind, value, tb, "")

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self._report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {args.thread.name}")

    def _report(self, kind, value, tb, where: str) -> None:
        path = crash_log.write(kind, value, tb, where)
        self.crashed.emit(f"{kind.__name__}: {value}", str(path or ""))

    def _show(self, what: str, path: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():  # one dialog at a time; the log has them all
            return
        where = (self.tr("The details were written to:\n{path}").format(path=path) if path else
                 self.tr("The details could not be written to the log, so they were printed on the terminal."))
        if self.dialog is not None:
            self.dialog.deleteLater()
        parent = QApplication.activeWindow()
        self.dialog = QMessageBox(QMessageBox.Icon.Critical, self.tr("Forum Atlas: unexpected error"),
                                  self.tr("Forum Atlas ran into an unexpected error; what you were doing may not have "
                                          "finished. Your notes are saved as you type."), QMessageBox.StandardButton.Ok,
                                  parent)
        self.dialog.setObjectName("crashDialog")
        send = self.tr("Please send that file with a bug report.")
        self.dialog.setInformativeText(f"{where}\n\n{send}\n\n{what}")
        self.dialog.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dialog.show()  # not exec(): a second error must not nest event loops
