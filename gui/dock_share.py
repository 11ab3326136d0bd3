"""The basket dock's width as a share of the window's: restored so after a restart at another size (saved
900 px wide of 2,560, it took most of a 1,024 px window), and kept so while the window is resized. Only the
user's drag of the dock's edge sets the share (the window's own layout passes squeeze the dock on the way);
the tree and the detail pane always keep most of the width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

MOST = 0.25  # of the window's width, at most: the tree's names and the detail pane need the rest
LEAST = 200  # px: a basket narrower than this cuts every title


class DockShare(QObject):
    def __init__(self, window, dock):
        super().__init__(window)
        self.window, self.dock = window, dock
        self.share = 0.0  # 0: the user has not sized the dock
        self._width = window.width()
        window.installEventFilter(self)
        dock.installEventFilter(self)

    def restore(self, share: float) -> None:
        if share > 0:
            self.share = share
            self._apply()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize and self.window.width() != self._width:
            self._width = self.window.width()
            QTimer.singleShot(0, self._apply)  # once the window's layout has settled
        elif obj is self.dock and kind == QEvent.Type.Show:
            QTimer.singleShot(0, self._apply)
        elif obj is self.window and kind == QEvent.Type.MouseButtonRelease and self._placed():
            # the end of a drag of the dock's edge: the window holds the mouse while its separator moves
            self.share = self.dock.width() / self.window.width()
        return False

    def _placed(self) -> bool:
        return self.dock.isVisible() and not self.dock.isFloating() and self.window.width() > 0

    def _apply(self) -> None:
        if not self._placed():
            return
        width = self.window.width()
        # Until the user sizes it, the dock keeps its own width (300 px), only held to its share at most.
        wanted = round(min(max(self.share * width, LEAST) if self.share > 0 else self.dock.width(), MOST * width))
        if abs(self.dock.width() - wanted) > 1:
            self.window.resizeDocks([self.dock], [wanted], Qt.Orientation.Horizontal)
