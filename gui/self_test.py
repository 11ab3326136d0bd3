"""`forum-atlas --self-test`: open the real window (offscreen unless QT_QPA_PLATFORM says otherwise) and use it.

It runs the same code a user runs, from a source checkout or from inside a bundle, so it finds what a bundle
lacks (a Qt plugin, a data file, the package metadata) before a user does. Each step is a function that raises
:class:`Failed` (or anything else) to fail; the first failure stops the test. The steps of a feature that came
later than the window (fact sheets, search) run when the feature's command or widget is there, so the self-test
grew with them and runs on any version. Prints a line per step; returns 0 when all passed, 1 otherwise.

Settings and user data go to a temporary folder, never the user's own.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class Failed(Exception):
    """A step's check did not hold; the message says what was expected and what was found."""


@dataclass
class State:
    tmp: Path
    commands: frozenset[str] = frozenset()  # the sub-commands of this version of `forum-atlas`
    app: object = None
    window: object = None
    forum: str | None = None  # the forum the steps work with
    errors: list[str] = field(default_factory=list)  # exceptions raised inside Qt slots
    qt_messages: list[str] = field(default_factory=list)


def _process_events(ms: int = 50) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + ms / 1000
    while True:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        if time.monotonic() >= end:
            return


def _wait_until(condition: Callable[[], bool], ms: int = 2000) -> bool:
    end = time.monotonic() + ms / 1000
    while not condition():
        if time.monotonic() >= end:
            return False
        _process_events(20)
    return True


def _command(*args: str) -> list[str]:
    """This program with ``args``: the bundle's executable, or the checkout's Python running the package."""
    base = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "forum_atlas"]
    return [*base, *args]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM") or "offscreen"}
    return subprocess.run(_command(*args), capture_output=True, text=True, env=env, timeout=120)


def _widget(state: State, name: str):
    from PySide6.QtWidgets import QWidget

    return state.window.findChild(QWidget, name) if state.window else None


# -- the steps -------------------------------------------------------------------------------------------------
def package(state: State) -> str:
    from model import paths
    from model.version import UNKNOWN, version

    if version() == UNKNOWN:
        raise Failed("the package metadata is missing, so the version is unknown")
    missing = [p for p in (paths.database(), paths.resource("icons", "forum-atlas-256.png")) if not p.is_file()]
    if missing:
        raise Failed(f"missing: {', '.join(map(str, missing))}")
    return f"version {version()}, resources in {paths.ROOT}"


def window(state: State) -> str:
    from PySide6.QtCore import QSettings

    from gui.app import application
    from gui.main_window import MainWindow

    state.app = application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # keep the user's settings out of it
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(state.tmp / "settings"))
    state.window = MainWindow(defer=True)
    state.window.show()
    if not _wait_until(state.window.isVisible):
        raise Failed("the main window did not become visible")
    state.window.build()  # as the app does after its first frame
    absent = [n for n in ("forumTree", "detailPane", "timeline") if _widget(state, n) is None]
    if absent:
        raise Failed(f"no widget named {', '.join(absent)}")
    if state.app.windowIcon().isNull():
        raise Failed("the application has no icon")
    size = state.window.size()
    return f"shown at {size.width()}x{size.height()} on the {state.app.platformName()} platform"


def database(state: State) -> str:
    if not state.window.load():
        raise Failed(f"the database did not load: {state.window.detail.toPlainText()[:300]}")
    atlas = state.window.atlas
    forums = atlas.forums()
    if not forums:
        raise Failed("the database holds no forums")
    if state.window.tree_pane.tree.model().rowCount() == 0:
        raise Failed("the forum tree is empty")
    ids = {f.id for f in forums}
    state.forum = "arf" if "arf" in ids else forums[0].id
    counts = ", ".join(f"{v} {k}" for k, v in atlas.counts().items())
    return counts


def select_forum(state: State) -> str:
    """Make the forum the tree's current row, as a click or the arrow keys do; the detail pane must follow."""
    from PySide6.QtCore import Qt

    from gui.forum_tree import ID_ROLE

    tree = state.window.tree_pane.tree
    model = tree.model()
    found = model.match(model.index(0, 0), ID_ROLE, state.forum, 1, Qt.MatchFlag.MatchRecursive)
    if not found:
        raise Failed(f"{state.forum} is not in the forum tree")
    tree.setCurrentIndex(found[0])
    name = state.window.atlas.forum(state.forum).forum.name
    if not _wait_until(lambda: name in state.window.detail.toPlainText()):
        raise Failed(f"the detail pane does not show {name!r} after selecting {state.forum}")
    if state.window.selection.current != state.forum:
        raise Failed(f"the selection is {state.window.selection.current!r}, not {state.forum!r}")
    return f"{state.forum}: the detail pane shows {name}"


def paint(state: State) -> str:
    """The whole window, timeline included, paints into an image with something on it."""
    image = state.window.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise Failed("the window did not paint")
    step = max(1, image.width() // 64)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
    if len(colours) < 8:
        raise Failed(f"the painted window has only {len(colours)} colours: blank")
    path = state.tmp / "window.png"
    if not image.save(str(path)):
        raise Failed(f"cannot save a PNG ({path})")
    return f"{image.width()}x{image.height()}, {len(colours)} colours sampled"


def fact_sheet(state: State) -> str:
    out = state.tmp / f"{state.forum}.pdf"
    done = _run("print", state.forum, "--out", str(out))
    if done.returncode != 0:
        raise Failed(f"`forum-atlas print {state.forum}` exited {done.returncode}: {done.stderr.strip()[-500:]}")
    data = out.read_bytes() if out.is_file() else b""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise Failed(f"{out} is not a complete PDF ({len(data)} bytes)")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if pages != 1:
        raise Failed(f"the fact sheet has {pages} pages, not 1")
    return f"{out.name}: 1 page, {len(data) // 1024} KB"


def search_command(state: State) -> str:
    query = state.window.atlas.forum(state.forum).forum.acronym or state.window.atlas.name_of(state.forum)
    done = _run("search", query, "--json")

    def ids(node) -> set[str]:  # every "id" in the JSON, whatever its shape
        if isinstance(node, dict):
            own = {node["id"]} if isinstance(node.get("id"), str) else set()
            return own.union(*map(ids, node.values()))
        return set().union(*map(ids, node)) if isinstance(node, list) else set()

    try:
        found = ids(json.loads(done.stdout))
    except ValueError:
        found = set()
    if done.returncode != 0 or state.forum not in found:
        raise Failed(f"`forum-atlas search {query} --json` exited {done.returncode} without {state.forum}: "
                     f"{(done.stderr or done.stdout).strip()[-500:]}")
    return f"{query!r} finds {state.forum}"


def search_box(state: State) -> str:
    """Type the forum's acronym into the search box and press Enter: the forum becomes the selection."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    box = _widget(state, "searchBox")
    box = box.focusProxy() or box
    other = next(f.id for f in state.window.atlas.forums() if f.id != state.forum)
    state.window.select(other)  # start from another selection
    query = state.window.atlas.forum(state.forum).forum.acronym or state.window.atlas.name_of(state.forum)
    box.setFocus()

    def key(code, text=""):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))

    for ch in query:
        key(Qt.Key.Key_A if ch.isalpha() else Qt.Key.Key_unknown, ch)
    _process_events(400)  # results may wait for a pause in the typing
    key(Qt.Key.Key_Return, "\r")
    if not _wait_until(lambda: state.window.selection.current == state.forum):
        raise Failed(f"typing {query!r} and Enter in the search box selected {state.window.selection.current!r}, "
                     f"not {state.forum!r}")
    return f"{query!r} + Enter selects {state.forum}"


def close(state: State) -> str:
    state.window.close()
    _process_events(50)
    if state.window.isVisible():
        raise Failed("the window did not close")
    return "closed"


# name, step, when it applies (None: always)
STEPS: list[tuple[str, Callable[[State], str], Callable[[State], bool] | None]] = [
    ("package", package, None),
    ("window", window, None),
    ("database", database, None),
    ("select a forum", select_forum, None),
    ("paint", paint, None),
    ("fact sheet to PDF", fact_sheet, lambda s: "print" in s.commands),
    ("search command", search_command, lambda s: "search" in s.commands),
    ("search box", search_box, lambda s: _widget(s, "searchBox") is not None),
    ("close", close, None),
]


def _isolate(tmp: Path) -> None:
    """Offscreen unless told otherwise; settings and user data (XDG folders) inside ``tmp``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(tmp / var.lower())


def run(out=None, commands: frozenset[str] = frozenset()) -> int:
    """``commands``: the sub-commands the caller (the command line) has, whose steps then run."""
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="forum-atlas-self-test-") as folder:
        state = State(Path(folder), frozenset(commands))
        _isolate(state.tmp)
        return _run_steps(state, out)


def _run_steps(state: State, out) -> int:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from model.exit_codes import ExitCode

    def excepthook(kind, value, tb):
        state.errors.append("".join(traceback.format_exception(kind, value, tb)).strip())

    def qt_message(kind, _context, text):
        if kind != QtMsgType.QtDebugMsg:
            state.qt_messages.append(text)

    old_hook, sys.excepthook = sys.excepthook, excepthook
    old_handler = qInstallMessageHandler(qt_message)
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    print(f"forum-atlas self-test ({frozen}, {sys.platform})", file=out, flush=True)
    passed, skipped = 0, []
    try:
        for name, step, applies in STEPS:
            started = time.perf_counter()
            try:
                if applies is not None and not applies(state):
                    skipped.append(name)
                    continue
                detail = step(state)
                _process_events(10)
                if state.errors:
                    raise Failed("an exception escaped into Qt:\n" + "\n".join(state.errors))
            except Exception as exc:
                why = str(exc) if isinstance(exc, Failed) else traceback.format_exc().strip()
                print(f"  FAIL  {name}: {why}", file=out)
                for text in state.qt_messages[-10:]:
                    print(f"        Qt: {text}", file=out)
                print(f"self-test FAILED at step '{name}' ({passed} passed before it)", file=out, flush=True)
                return ExitCode.FAILED
            ms = (time.perf_counter() - started) * 1000
            print(f"  ok    {name} ({ms:.0f} ms): {detail}", file=out, flush=True)
            passed += 1
    finally:
        sys.excepthook = old_hook
        qInstallMessageHandler(old_handler)
    later = f"; not yet in this version: {', '.join(skipped)}" if skipped else ""
    print(f"self-test passed: {passed} steps{later}", file=out, flush=True)
    return ExitCode.OK
