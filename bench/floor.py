"""The start-up floor: a bare PySide6 window holding an empty tree, timed exactly as the app is.

It prints the same ``forum-atlas-startup first-frame`` line as ``gui/app.py`` under
FORUM_ATLAS_BENCH_STARTUP=1, once its first frame is painted, then quits. With ``--sqlmodel`` it imports
SQLModel after that frame (``sqlmodel-imported``), then quits: the floor for the app's peak memory.
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

from gui.app import on_first_paint, startup_stamp  # gui.app imports nothing heavy: the floor stays bare


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTreeView())
    window.resize(1280, 820)  # the main window's default size
    window.show()

    def painted() -> None:
        startup_stamp("first-frame")
        if "--sqlmodel" in sys.argv:
            import sqlmodel  # noqa: F401

            startup_stamp("sqlmodel-imported")
        app.quit()

    on_first_paint(window, painted)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
