"""Start the window: check for a display, create the application, show the main window."""

from __future__ import annotations

import os
import sys

NO_DISPLAY = """forum-atlas: no display found, so the window cannot open.
Set DISPLAY (X11) or WAYLAND_DISPLAY, or run offscreen with QT_QPA_PLATFORM=offscreen.
The headless commands need no display: forum-atlas check | build | stats | export (see forum-atlas --help)."""


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Forum Atlas")
    app.setOrganizationName("Forum Atlas")
    from gui.main_window import MainWindow

    if args.screenshot:
        return MainWindow().save_screenshot(args.screenshot, args.size, args.select)
    # Paint the empty window first, then open the database: SQLModel's import would delay the first frame.
    window = MainWindow(defer=True)
    window.show()

    def load() -> None:
        if window.load() and args.select:
            window.select(args.select)

    QTimer.singleShot(0, load)
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, app.quit)
    return app.exec()
