"""Architecture and platform guards: model/ imports no Qt; the PySide6 pin holds; the app starts and stops."""

import os
import subprocess
import sys
import textwrap


def _run(code: str, **env):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_model_and_headless_cli_import_no_qt():
    done = _run("""
        import pkgutil, importlib, sys, model, forum_atlas.cli
        for m in pkgutil.iter_modules(model.__path__):
            importlib.import_module("model." + m.name)
        qt = sorted(n for n in sys.modules if n.startswith(("PySide6", "shiboken6")))
        print(qt)
        assert not qt, qt
    """)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pyside_survives_20000_void_calls():
    """PySide6 6.12.0 on CPython 3.11 aborts ('none_dealloc') after a few thousand void calls."""
    done = _run("""
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        app = QGuiApplication([])
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        for i in range(20000):
            painter.drawRect(i % 60, i % 50, 3, 3)
        painter.end()
        print("survived")
    """, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0 and "survived" in done.stdout, done.stderr[-500:]


def test_window_opens_and_closes_itself():
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "--quit-after", "300"], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "forum-atlas:" not in done.stderr, done.stderr


def test_window_without_its_database_exits_2_and_says_why(tmp_path):
    missing = tmp_path / "nothing.sqlite"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "--quit-after", "300"], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "FORUM_ATLAS_DB": str(missing)})
    assert done.returncode == 2, done.stderr
    assert f"forum-atlas: The reference database is missing: {missing}" in done.stderr
    assert "Traceback" not in done.stderr


def test_no_display_is_a_plain_message():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "forum_atlas"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 2
    assert "no display found" in done.stderr
    assert "Traceback" not in done.stderr
