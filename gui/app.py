"""Start the window: check for a display, create the application, show the main window."""

from __future__ import annotations

import os
import sys
import time

NO_DISPLAY = """forum-atlas: no display found, so the window cannot open.
Set DISPLAY (X11) or WAYLAND_DISPLAY, or run offscreen with QT_QPA_PLATFORM=offscreen.
The headless commands need no display: forum-atlas check | build | stats | export (see forum-atlas --help)."""


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def application():
    """The QApplication, named (settings live under the name) and with the window icon."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from model import paths

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Forum Atlas")
    app.setOrganizationName("Forum Atlas")
    app.setDesktopFileName("forum-atlas")  # matches forum-atlas.desktop, so docks show the right icon
    icon = QIcon()
    for png in paths.resource("icons").glob("forum-atlas-[0-9]*.png"):  # forum-atlas-16.png ... -512.png
        side = int(png.stem.rsplit("-", 1)[1])
        icon.addFile(str(png), QSize(side, side))
    app.setWindowIcon(icon)
    from gui import i18n

    i18n.install(i18n.chosen())  # before any widget is made: every text is translated when it is set
    return app


def on_first_paint(widget, callback, timeout_ms: int = 2000) -> None:
    """Call ``callback`` once ``widget`` has painted for the first time and the event loop is free again,
    or after ``timeout_ms`` if it has not painted by then (a window that starts minimised).

    A 0 ms timer started after ``show()`` fires before the first paint (the expose event comes later),
    so work that should follow the first frame waits for this instead.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    pending = [callback]

    def call() -> None:
        if pending:
            pending.pop()()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                self.deleteLater()
                QTimer.singleShot(0, call)
            return False

    widget.installEventFilter(FirstPaint(widget))
    QTimer.singleShot(timeout_ms, call)


def skip_feature_scan() -> None:
    """Spare every module imported after PySide6 the reading of its whole source.

    PySide6 looks for ``from __feature__ import ...`` in each module imported after it by reading the module's
    source (shibokensupport's ``_mod_uses_pyside``, through ``inspect.getsource``), and ``linecache`` then keeps
    every line: for SQLAlchemy, SQLModel and pydantic that is 22 MB of the window's peak memory and about a tenth
    of a second of their import. No module of Forum Atlas selects a ``__feature__``, so none needs the check;
    it answers "does not use PySide", which PySide takes as "ignore this module" (its select id -1). A PySide
    without that function is left as it is.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: False


def startup_stamp(what: str) -> None:
    """With FORUM_ATLAS_BENCH_STARTUP=1, ``make bench`` times the start-up by these lines (bench/startup.py)."""
    print(f"forum-atlas-startup {what} {time.monotonic():.6f}", flush=True)


def start_at(window, args) -> None:
    """The month and the view the command line asked for (--as-of, --view)."""
    if args.as_of:
        window.views.as_of.set_month(args.as_of)
    if args.view:
        window.views.show(args.view)


def run(args) -> int:
    from model.exit_codes import ExitCode

    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return ExitCode.UNAVAILABLE
    from PySide6.QtCore import QTimer

    skip_feature_scan()
    app = application()
    from gui import theme
    from gui.main_window import MainWindow

    theme.for_this_run(args.theme)  # before the first frame, so that it never flashes in the other scheme

    if args.screenshot:
        window = MainWindow()
        if args.as_of:
            window.views.as_of.set_month(args.as_of)
        return window.save_screenshot(args.screenshot, args.size, args.select, args.view)
    window = MainWindow(defer=True)
    window.show()
    bench = os.environ.get("FORUM_ATLAS_BENCH_STARTUP") == "1"

    failed: list[str] = []

    def load() -> None:
        if bench:
            startup_stamp("first-frame")
        from gui.crash import CrashReporter

        # From here on an unexpected error is logged and a dialog says where (not before the first frame:
        # its import would delay it, and nothing before it does more than show a bare window).
        CrashReporter(app).install()
        window.build()
        if window.load_browse():  # the tree and the timeline from the browse data, without SQLModel
            if args.select:
                window.select(args.select)  # shown once the read API is open
            QTimer.singleShot(0, browsable)  # after the filled tree has painted
            return
        if not window.load():  # the window shows why in its detail pane; say it on stderr too
            failed.append(_why_not_loaded())
            print(f"forum-atlas: {failed[0]}", file=sys.stderr, flush=True)
        else:
            start_at(window, args)
            if args.select:
                window.select(args.select)
        if bench:
            QTimer.singleShot(0, interactive)

    stamped: set[str] = set()

    def browsable() -> None:
        """The window answers; now import SQLModel and open the read API, on a thread (gui/read_api.py)."""
        from gui.read_api import ReadApiLoader

        if bench:
            startup_stamp("interactive")
            forums = window.records.forums()  # a click at the earliest moment, on a forum Atlas.warm does not build
            window.select(forums[len(forums) // 2].id)
            if window.detail.record_id == window.selection.current:  # shown from the browse data
                QTimer.singleShot(0, shown)  # after the record has painted
        loader = ReadApiLoader(parent=window, watch=bench)
        loader.ready.connect(lambda atlas: opened(loader, atlas))
        loader.failed.connect(lambda message: not_opened(loader, message))
        loader.start()

    def opened(loader, atlas) -> None:
        window.attach(atlas)
        start_at(window, args)  # not before: the matrix and compare views need the read API
        if bench:
            print(f"forum-atlas-startup-wait {loader.longest_wait:.6f}", flush=True)
            stamp_then_quit("read-api")
            QTimer.singleShot(0, shown)  # after the record has painted (again)

    def not_opened(loader, message: str) -> None:
        window.unavailable(message)
        failed.append(message)
        print(f"forum-atlas: {message}", file=sys.stderr, flush=True)
        if bench:
            app.quit()

    def shown() -> None:
        if "record-shown" not in stamped:
            stamp_then_quit("record-shown")

    def stamp_then_quit(what: str) -> None:
        """Quit once the clicked record has shown and the read API is open (peak memory counts SQLModel)."""
        startup_stamp(what)
        stamped.add(what)
        if {"record-shown", "read-api"} <= stamped:
            app.quit()

    def interactive() -> None:
        startup_stamp("interactive")
        app.quit()

    # Paint the bare window first, then make its panes and fill them from the browse data; SQLModel comes last,
    # on a thread: its import would otherwise delay the first useful paint threefold.
    on_first_paint(window, load)
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, app.quit)
    code = app.exec()
    return ExitCode.UNAVAILABLE if failed else code  # as the headless commands do


def _why_not_loaded() -> str:
    """The plain reason the reference database cannot be opened (MainWindow.load showed it in the window)."""
    from model.queries import Atlas, DatabaseUnavailable

    try:
        Atlas()
    except DatabaseUnavailable as exc:
        return str(exc)
    return "the reference database could not be opened"
