"""Placeholder main window (the real one is issue 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from model.queries import Atlas


class MainWindow(QMainWindow):
    def __init__(self, atlas: Atlas | None = None):
        super().__init__()
        self.atlas = atlas or Atlas()
        self.setWindowTitle("Forum Atlas")
        self.setCentralWidget(QLabel(f"{len(self.atlas.forums())} forums"))

    def select(self, rid: str) -> None:
        pass

    def save_screenshot(self, path, size, select=None) -> int:
        w, h = (int(x) for x in size.lower().split("x"))
        self.resize(w, h)
        self.show()
        return 0 if self.grab().save(str(path)) else 1
