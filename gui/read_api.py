"""Import SQLModel and open the read API after the first useful paint, one module per turn of the event loop.

A thread does not help: an import holds the GIL, so the window would stall just the same. Importing a package's
modules one at a time from a 0 ms timer lets Qt handle input between them; the longest single step (SQLAlchemy's
package, which imports its whole core at once, and the table classes) is what input may wait for.
"""

from __future__ import annotations

import importlib
import time

from PySide6.QtCore import QObject, QTimer, Signal

# In dependency order, so that each import finds most of what it needs already loaded. pydantic's package loads its
# parts lazily, so they can be taken one by one; SQLAlchemy's loads everything in its __init__.
STEPS = ("typing_extensions", "pydantic_core", "pydantic.fields", "pydantic.main", "sqlalchemy", "sqlalchemy.orm",
         "sqlmodel", "model.tables", "model.queries")


class ReadApiLoader(QObject):
    """Emits ``ready(atlas)`` once the read API is imported and open, or ``failed(message)``."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, path=None, parent=None):
        super().__init__(parent)
        self.path = path
        self.steps: list[tuple[str, float]] = []  # (module, seconds) for each step, for `make bench`
        self._todo = list(STEPS)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._timer.start()

    def longest_step(self) -> tuple[str, float]:
        return max(self.steps, key=lambda s: s[1]) if self.steps else ("", 0.0)

    def _step(self) -> None:
        began = time.perf_counter()
        if self._todo:
            name = self._todo.pop(0)
            importlib.import_module(name)
            self.steps.append((name, time.perf_counter() - began))
            self._timer.start()
            return
        from model.queries import Atlas, DatabaseUnavailable

        try:
            atlas = Atlas(self.path)
        except DatabaseUnavailable as exc:
            self.steps.append(("open", time.perf_counter() - began))
            self.failed.emit(str(exc))
            return
        self.steps.append(("open", time.perf_counter() - began))
        self.ready.emit(atlas)
