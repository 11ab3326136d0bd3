"""Import SQLModel and open the read API after the first useful paint, on a worker thread.

An import holds the GIL, but only for one bytecode run or one C call at a time: Python hands the GIL to the
waiting main thread every switch interval, so Qt keeps handling input while the worker imports. Measured on this
machine (2 cores, load 8): the main thread's longest wait was 110-170 ms on a thread, against 1.5 s when importing
a module per turn of the event loop (SQLAlchemy's package imports its whole core at once, and cannot be split).
The worker opens the ``Atlas`` too, and warms it (its first queries configure the mappers, the first detail reads
every citation link); afterwards only the main thread uses it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

if TYPE_CHECKING:  # imported for real on the worker thread, after the first paint
    from model.queries import Atlas

TICK_MS = 5  # how often the main thread looks at the clock while watching (see ``watch``)
QUIT_WAIT_S = 10.0  # at most this long, a quit waits for the worker to finish opening the atlas


class ReadApiLoader(QObject):
    """Emits ``ready(atlas)`` once the read API is imported and open, or ``failed(message)``.

    ``watch=True`` (for ``make bench``) ticks a timer on the main thread meanwhile: ``longest_wait`` is then
    the longest time between two ticks, the longest that input waited.
    """

    ready = Signal(object)
    failed = Signal(str)
    _finished = Signal(object, str)  # from the worker; Qt delivers it on the main thread

    def __init__(self, path: Path | None = None, parent: QObject | None = None, watch: bool = False) -> None:
        super().__init__(parent)
        self.path = path
        self.longest_wait = 0.0
        self._last = 0.0
        self._ticker = QTimer(self, interval=TICK_MS) if watch else None
        if self._ticker is not None:
            self._ticker.timeout.connect(self._tick)
        self._finished.connect(self._finish)

    def start(self) -> None:
        if self._ticker is not None:
            self._last = time.perf_counter()
            self._ticker.start()
        worker = threading.Thread(target=self._work, name="read-api", daemon=True)
        worker.start()
        # A quit during the opening waits for the worker: a daemon thread still inside Qt's or SQLite's C++ code when
        # the interpreter finalizes is unwound by force, and the process aborts ("terminate called without an
        # active exception"; seen once with --quit-after 300 under load).
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: worker.join(QUIT_WAIT_S))

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_wait = max(self.longest_wait, now - self._last)
        self._last = now

    def _work(self) -> None:
        try:
            from model.queries import Atlas, DatabaseUnavailable

            try:
                atlas = Atlas(self.path)
            except DatabaseUnavailable as exc:
                self._tell(None, str(exc))
                return
            atlas.warm()
            self._tell(atlas, "")
        except BaseException:  # a bug: the window stops waiting, the crash reporter (gui/crash.py) says what
            self._tell(None, self.tr("The atlas could not open its data: an unexpected error (see the crash log)."))
            raise

    def _tell(self, atlas: Atlas | None, message: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: no one to tell
            self._finished.emit(atlas, message)

    def _finish(self, atlas: Atlas | None, message: str) -> None:
        if self._ticker is not None:
            self._tick()
            self._ticker.stop()
        if atlas is None:
            self.failed.emit(message)
        else:
            self.ready.emit(atlas)
