"""The one current selection, with browser-style history. Every pane follows it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Holds the selected record id. ``changed`` fires once per change, whoever made it."""

    changed = Signal(str)
    historyChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current: str | None = None
        self._back: list[str] = []
        self._forward: list[str] = []

    def select(self, rid: str) -> None:
        if not rid or rid == self.current:
            return
        if self.current:
            self._back.append(self.current)
        self._forward.clear()
        self._set(rid)

    def back(self) -> None:
        if self._back:
            self._forward.append(self.current)
            self._set(self._back.pop())

    def forward(self) -> None:
        if self._forward:
            self._back.append(self.current)
            self._set(self._forward.pop())

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def _set(self, rid: str) -> None:
        self.current = rid
        self.changed.emit(rid)
        self.historyChanged.emit()
