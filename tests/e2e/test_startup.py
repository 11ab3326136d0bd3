"""Start-up: the window is filled from the browse data and answers before SQLModel is imported; a record clicked
meanwhile shows as soon as the read API is open (gui/app.py, gui/read_api.py, MainWindow.load_browse/attach)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from helpers import start_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def browsing(qtbot, settings_reset, real_db, monkeypatch):
    """A window as ``forum-atlas`` opens it: panes built and filled from the browse data, no read API yet."""
    monkeypatch.setenv("FORUM_ATLAS_DB", str(real_db))
    w = start_window(qtbot)
    assert w.load_browse()
    assert w.atlas is None
    yield w
    while QApplication.overrideCursor() is not None:  # a failed test must not leave the busy cursor to others
        QApplication.restoreOverrideCursor()


def _open_read_api(w):
    from gui.read_api import ReadApiLoader

    loader = ReadApiLoader(parent=w)
    loader.ready.connect(w.attach)
    loader.start()
    return loader


def _click_anchor(qtbot, pane, wanted) -> str:
    """Click the first link on the page whose target ``wanted(href)`` accepts; its target."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    block, found = pane.document().begin(), None
    while block.isValid() and found is None:
        it = block.begin()
        while not it.atEnd() and found is None:
            if wanted(it.fragment().charFormat().anchorHref()):
                found = it.fragment()
            it += 1
        block = block.next()
    assert found is not None, "no such link on the page"
    href = found.charFormat().anchorHref()
    probe = QTextCursor(pane.document())
    probe.setPosition(found.position())
    pane.setTextCursor(probe)
    pane.ensureCursorVisible()
    left = pane.cursorRect(probe)
    probe.setPosition(found.position() + found.length())
    right = pane.cursorRect(probe)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint((left.x() + right.x()) // 2,
                                                                           left.center().y()))
    return href


def _click_forum(qtbot, w):
    tree, proxy = w.tree_pane.tree, w.tree_pane.model
    row = proxy.index(0, 0, proxy.index(0, 0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(row).center())
    fid = row.data(Qt.ItemDataRole.UserRole)
    assert w.selection.current == fid and tree.currentIndex() == row  # the click is taken, not lost
    return fid


def test_a_forum_clicked_before_the_read_api_is_open_shows_its_page_at_once_as_the_read_api_does(qtbot, browsing):
    w = browsing
    fid = _click_forum(qtbot, w)
    assert w.atlas is None and w.detail.record_id == fid  # from the browse data
    assert w.records.forum_row(fid).name in w.detail.toPlainText()
    assert QApplication.overrideCursor() is None
    first = w.detail.toHtml()

    _open_read_api(w)
    qtbot.waitUntil(lambda: w.atlas is not None, timeout=60000)
    assert w.detail.record_id == fid and w.detail.toHtml() == first  # the read API's page is the same page


def test_a_record_picked_before_the_read_api_is_open_shows_once_it_is(qtbot, browsing):
    """A participant (here a link on a forum's page) has no page in the browse data: it waits for the read API."""
    w = browsing
    _click_forum(qtbot, w)
    href = _click_anchor(qtbot, w.detail, lambda href: w.records.kind_of(href.partition(":")[2]) == "participant")
    pid = href.partition(":")[2]
    name = w.records.name_of(pid)

    assert w.selection.current == pid  # the click is taken, not lost
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    assert name in w.statusBar().currentMessage()
    assert w.detail.record_id is None and f"Opening {name}" in w.detail.toPlainText()  # its page comes next
    assert not w.user_data.dock.isVisible()  # shown, or not, once the notes open: no jump in between

    _open_read_api(w)
    qtbot.waitUntil(lambda: w.detail.record_id == pid, timeout=60000)
    assert name in w.detail.toPlainText()
    assert QApplication.overrideCursor() is None and w.statusBar().currentMessage() == ""


def test_a_citation_clicked_on_a_page_from_the_browse_data_says_it_opens_in_a_moment(qtbot, browsing):
    w = browsing
    _click_forum(qtbot, w)
    _click_anchor(qtbot, w.detail, lambda href: href.startswith("cite:"))
    assert "passage opens once" in w.statusBar().currentMessage()  # and no error


def test_before_the_read_api_the_tree_filters_steps_and_quick_opens(qtbot, browsing, atlas):
    w = browsing
    tree, proxy = w.tree_pane.tree, w.tree_pane.model
    shown = sum(proxy.rowCount(proxy.index(g, 0)) for g in range(proxy.rowCount()))
    qtbot.keyClicks(w.tree_pane.filter, "regional forum")
    narrowed = sum(proxy.rowCount(proxy.index(g, 0)) for g in range(proxy.rowCount()))
    assert 0 < narrowed < shown
    first = proxy.index(0, 0, proxy.index(0, 0))
    tree.setFocus()
    tree.setCurrentIndex(first)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert w.selection.current == tree.currentIndex().data(Qt.ItemDataRole.UserRole)
    w.commands.quick_open()
    from gui.quick_open import entries

    listed = sorted((e.id, e.kind) for e in w.palette_dialog.items.entries)
    assert listed == sorted((rid, kind) for rid, _, kind in entries(atlas))  # what the read API lists
    assert w.palette_dialog.list.count() > 0

    qtbot.keyClicks(w.search_pane.box, "ASEAN")
    w.search_pane.run_search()
    assert not w.search_pane.hit_rows()

    _open_read_api(w)
    qtbot.waitUntil(lambda: w.atlas is not None and w.detail.record_id == w.selection.current, timeout=60000)
    assert w.search_pane.hit_rows()  # the search typed meanwhile runs once the atlas is open


def test_browse_data_of_another_version_falls_back_to_the_read_api(qtbot, settings_reset, real_db, tmp_path,
                                                                 monkeypatch):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(real_db, copy)
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE browse_meta SET value = 'older' WHERE key = 'data_version'")
    monkeypatch.setenv("FORUM_ATLAS_DB", str(copy))
    w = start_window(qtbot)
    assert not w.load_browse()
    assert "read API" in w.statusBar().currentMessage() and "data version" in w.statusBar().currentMessage()
    assert w.load() and w.records is w.atlas
    assert w.tree_pane.model.rowCount() > 0


def test_the_window_answers_before_sqlmodel_is_imported(real_db, tmp_path):
    """In a fresh process, as `forum-atlas` starts: filled and answering, and SQLModel not yet loaded."""
    code = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QApplication
        from gui.main_window import MainWindow
        app = QApplication([])
        w = MainWindow(defer=True)
        w.show()
        w.build()
        assert w.load_browse()
        w.tree_pane.filter.setText("dialogue")
        w.state.set_grouping("participant")
        app.processEvents()
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlmodel", "sqlalchemy", "pydantic"))
        print(w.tree_pane.model.rowCount(), heavy)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FORUM_ATLAS_DB": str(real_db),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    groups, heavy = done.stdout.strip().split(" ", 1)
    assert int(groups) > 5 and heavy == "[]"


def test_a_quit_while_the_read_api_opens_waits_for_its_worker(real_db, tmp_path):
    """A daemon thread still in C++ code when the interpreter finalizes aborts the process: a quit waits for it."""
    code = textwrap.dedent("""
        import threading, time
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from gui.read_api import ReadApiLoader
        app = QApplication([])
        loader = ReadApiLoader()
        work = loader._work
        loader._work = lambda: (time.sleep(0.5), work())  # still opening when the app quits
        loader.start()
        QTimer.singleShot(0, app.quit)
        app.exec()
        print([t.name for t in threading.enumerate() if t.name == "read-api"])
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FORUM_ATLAS_DB": str(real_db),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.strip() == "[]"  # the worker had finished when the event loop returned


def test_without_a_team_server_the_window_never_loads_the_postgresql_driver(real_db, tmp_path):
    """psycopg costs a start a quarter of a second and 11 MB; only a team server needs it (model/team_store.py)."""
    code = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QApplication
        from gui.main_window import MainWindow
        app = QApplication([])
        w = MainWindow()
        print(w.user_data.store is not None, "psycopg" in sys.modules)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FORUM_ATLAS_DB": str(real_db),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("FORUM_ATLAS_NOTES_SERVER", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.split() == ["True", "False"]


@pytest.mark.parametrize("skip", [False, True])
def test_modules_imported_after_pyside_keep_no_source_in_memory_once_the_scan_is_skipped(skip):
    """PySide6 reads the source of each module imported after it (linecache keeps it: 22 MB for SQLModel and
    what it imports); gui.app.skip_feature_scan spares that. Without it the scan is seen: when a PySide6 no
    longer does it, the False case fails, and skip_feature_scan can go."""
    code = textwrap.dedent(f"""
        import linecache
        from PySide6.QtCore import QObject, Signal
        from gui.app import skip_feature_scan
        if {skip}:
            skip_feature_scan()
        import sqlmodel
        from gui.app_state import Selection  # a module of ours, imported after: its signals still work
        got = []
        s = Selection()
        s.changed.connect(got.append)
        s.select("arf")
        print(got == ["arf"], sum(f.endswith(".py") and ("sqlalchemy" in f or "pydantic" in f) for f in linecache.cache))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-800:]
    works, kept = done.stdout.split()
    assert works == "True"
    assert (int(kept) == 0) if skip else (int(kept) > 100)


def test_the_started_app_stamps_its_stages_in_order(real_db, tmp_path):
    """`make bench` reads these: interactive from the browse data, then the read API, then the clicked record."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FORUM_ATLAS_DB": str(real_db),
           "FORUM_ATLAS_BENCH_STARTUP": "1", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "forum_atlas"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    stamps = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("forum-atlas-startup ")]
    assert stamps == ["first-frame", "interactive", "record-shown", "read-api"]  # the forum shows from the browse data
    wait = next(line.split() for line in done.stdout.splitlines() if line.startswith("forum-atlas-startup-wait "))
    assert 0 < float(wait[1]) < 60


def test_opening_the_notes_repaints_no_row_and_a_new_mark_repaints_its_own(qtbot, browsing, atlas):
    """The notes open at start-up; a repaint of every row then cost a quarter of a second (refresh_marks)."""
    w = browsing
    tree, model = w.tree_pane.tree, w.tree_pane.model
    changed = []
    model.dataChanged.connect(lambda first, last, roles=(): changed.append((first, last)))
    w.attach(atlas)  # the notes open, empty: no row's marks change
    assert w.user_data.store is not None and changed == []

    proxy = w.tree_pane.model
    row = proxy.match(proxy.index(0, 0), Qt.ItemDataRole.UserRole, "arf", 1, Qt.MatchFlag.MatchRecursive)[0]
    tree.scrollTo(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(row).center())
    qtbot.waitUntil(lambda: w.detail.record_id == "arf")
    before = tree.viewport().grab(tree.visualRect(row)).toImage()
    qtbot.mouseClick(w.user_data.editor.add_basket, Qt.MouseButton.LeftButton)
    assert [(a.internalPointer().id, b.internalPointer().id) for a, b in changed] == [("arf", "arf")]
    assert row.data().startswith("\u25a3") and row.data().endswith("ASEAN Regional Forum")
    qtbot.waitUntil(lambda: tree.viewport().grab(tree.visualRect(row)).toImage() != before)  # the mark is drawn


@pytest.fixture
def asked(monkeypatch):
    """The forum tree's nodes whose data is asked, from here on (patched before the window is made: PySide looks
    a Python override up when the object is wrapped)."""
    from gui.forum_tree import ForumTreeModel

    nodes = []
    answer = ForumTreeModel.data
    monkeypatch.setattr(ForumTreeModel, "data",
                        lambda self, index, role=0: nodes.append(index.internalPointer()) or answer(self, index, role))
    return nodes


def test_the_acronym_and_year_columns_fit_their_contents_measured_once_per_change(qtbot, asked, browsing):
    """Qt's ResizeToContents measured every row at each layout (nine times to the first paint); the tree view
    measures the two columns when rows may be added or the font changes (not while a typed filter narrows), and
    they still fit what they show."""
    w = browsing
    tree, header = w.tree_pane.tree, w.tree_pane.tree.header()

    def fits() -> bool:
        QApplication.processEvents()
        return all(tree.columnWidth(col) == max(header.sectionSizeHint(col), tree.sizeHintForColumn(col))
                   for col in (1, 2))

    assert fits()
    assert len(asked) < 6000  # questions from the window's making to its first paint (21,000 before)
    asked.clear()
    w.resize(1300, 850)
    QApplication.processEvents()
    model, top = w.tree_pane.model, tree.viewport().rect()
    on_screen = {node for node in {id(n): n for n in asked}.values()
                 if tree.visualRect(model.index_of(node)).intersects(top)}
    assert asked and set(map(id, asked)) == set(map(id, on_screen))  # the rows on screen repaint; none is measured
    shown = w.tree_pane.visible_forums() or w.records.ids()["forum"]
    w.views.as_of.set_month("1991-06")  # fewer forums, and uncertain foundings marked "?" (from the browse data)
    assert 0 < len(w.tree_pane.existing) < len(shown)
    assert fits()
    before = [tree.columnWidth(col) for col in (1, 2)]
    w.tree_pane.filter.setText("dialogue")  # a narrowing text: the columns fit its rows already and stay put
    QApplication.processEvents()
    assert [tree.columnWidth(col) for col in (1, 2)] == before
    assert all(tree.columnWidth(col) >= tree.sizeHintForColumn(col) for col in (1, 2))
    w.tree_pane.filter.clear()  # more rows again: measured again
    assert fits()
    w.view_options.set_zoom(1.5)
    assert fits() and tree.columnWidth(2) > 0
