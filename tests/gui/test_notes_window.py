"""The analyst's own data in the window, driven as a user drives it: typing, clicking, keys, menus."""

import os
import subprocess
import sys
import textwrap

import pytest
from helpers import click_row, tree_menu_pick, type_note
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QToolButton

from gui.user_data import DEBOUNCE_MS
from model.notes import UserData


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    """Each test gets its own user-data folder (set before the window fixture opens the store)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "forum-atlas"


def store_of(window) -> UserData:
    return window.user_data.store


def test_typing_saves_after_the_debounce_and_shows_in_the_detail_pane(qtbot, window):
    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "Watch the **intersessional** work.\n- ask Tokyo")
    assert store_of(window).note("arf") is None  # not on every keystroke
    qtbot.waitUntil(lambda: store_of(window).note("arf") == "Watch the **intersessional** work.\n- ask Tokyo",
                    timeout=DEBOUNCE_MS * 6)
    assert window.user_data.editor.state.text() == "Saved"
    text = window.detail.toPlainText()
    assert "Analyst\u2019s note" in text and "your own words, not from the paper" in text
    assert "Watch the intersessional work." in text and "ask Tokyo" in text
    assert text.index("Analyst\u2019s note") < text.index("Sources")  # boxed apart, before the source notes
    bold = window.detail.document().find("intersessional")
    assert bold.charFormat().fontWeight() >= 600  # light Markdown: **bold**


def test_html_in_a_note_shows_as_literal_text(qtbot, window):
    hostile = '<img src="file:///etc/passwd"> <a href="http://example.com">click</a> <b>bold?</b>'
    click_row(qtbot, window, "neacd")
    type_note(qtbot, window, hostile)
    qtbot.waitUntil(lambda: store_of(window).note("neacd") == hostile, timeout=DEBOUNCE_MS * 6)
    assert hostile in window.detail.toPlainText()
    html = window.detail.toHtml()
    assert "<img" not in html and 'href="http://example.com"' not in html


def test_changing_the_selection_saves_at_once(qtbot, window):
    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "typed just before moving on")
    click_row(qtbot, window, "neacd")
    assert store_of(window).note("arf") == "typed just before moving on"
    assert window.user_data.editor.edit.toPlainText() == ""
    click_row(qtbot, window, "arf")
    assert window.user_data.editor.edit.toPlainText() == "typed just before moving on"


def test_closing_saves_and_a_new_window_shows_the_note(qtbot, window, atlas, data_home):
    from gui.main_window import MainWindow

    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "typed just before closing")
    window.close()
    with UserData(data_home) as store:
        assert store.note("arf") == "typed just before closing"
    again = MainWindow(atlas=atlas)
    qtbot.addWidget(again)
    again.select("arf")
    assert again.user_data.editor.edit.toPlainText() == "typed just before closing"
    assert "typed just before closing" in again.detail.toPlainText()


def test_bookmark_star(qtbot, window):
    click_row(qtbot, window, "arf")
    star = window.findChild(QToolButton, "bookmarkStar")
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert store_of(window).is_bookmarked("arf") and star.text() == "\u2605"
    bookmarks = window.findChild(QListWidget, "bookmarks")
    assert [bookmarks.item(n).text().split("\n")[0] for n in range(bookmarks.count())] == ["ASEAN Regional Forum"]
    click_row(qtbot, window, "neacd")
    assert star.text() == "\u2606" and not star.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert store_of(window).bookmarks() == ["arf", "neacd"]


def basket_ids(window) -> list[str]:
    basket = window.findChild(QListWidget, "basket")
    return [basket.item(n).data(Qt.ItemDataRole.UserRole) for n in range(basket.count())]


def test_basket_add_reorder_remove_with_the_real_widgets(qtbot, window):
    basket = window.findChild(QListWidget, "basket")
    assert not basket.isVisible()  # an empty dock stays out of the way
    click_row(qtbot, window, "arf")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # the shortcut
    assert basket.isVisible()  # and shows with the first record
    click_row(qtbot, window, "neacd")
    qtbot.mouseClick(window.findChild(QToolButton, "addToBasket"), Qt.MouseButton.LeftButton)  # the button
    click_row(qtbot, window, "apec")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # twice: still once
    assert basket_ids(window) == store_of(window).basket() == ["arf", "neacd", "apec"]
    assert "already in the basket" in window.statusBar().currentMessage()

    rect = basket.visualItemRect(basket.item(2))
    qtbot.mouseClick(basket.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(window.findChild(QToolButton, "basketUp"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QToolButton, "basketUp"), Qt.MouseButton.LeftButton)
    assert basket_ids(window) == store_of(window).basket() == ["apec", "arf", "neacd"]
    assert not window.findChild(QToolButton, "basketUp").isEnabled()  # at the top
    qtbot.keyClick(basket, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert store_of(window).basket() == ["arf", "apec", "neacd"]

    # A drag inside the list ends in a row move on its model, as here; the new order is saved.
    basket.model().moveRow(basket.rootIndex(), 2, basket.rootIndex(), 0)
    assert basket_ids(window) == store_of(window).basket() == ["neacd", "arf", "apec"]

    rect = basket.visualItemRect(basket.item(1))
    qtbot.mouseClick(basket.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(basket, Qt.Key.Key_Delete)
    assert basket_ids(window) == store_of(window).basket() == ["neacd", "apec"]
    qtbot.mouseClick(window.findChild(QToolButton, "basketRemove"), Qt.MouseButton.LeftButton)
    assert store_of(window).basket() == ["neacd"]

    basket.setCurrentRow(0)
    qtbot.keyClick(basket, Qt.Key.Key_Return)  # activating a row selects the record
    assert window.selection.current == "neacd"


def test_tree_context_menu_adds_to_the_basket(qtbot, window):
    tree_menu_pick(qtbot, window, "neacd", "notes.basket_add")
    assert store_of(window).basket() == ["neacd"]


def test_orphaned_notes_are_listed_and_open_in_the_editor(qtbot, atlas, settings_reset, data_home):
    from gui.main_window import MainWindow

    with UserData(data_home) as store:
        store.set_note("forum-dropped-in-a-later-dataset", "My words outlive the record.")
        store.set_note("arf", "A live one.")
    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    notes = w.findChild(QListWidget, "notesList")
    texts = [notes.item(n).text() for n in range(notes.count())]
    assert texts[0].startswith("ASEAN Regional Forum")
    assert "orphaned" in texts[1] and notes.item(1).font().italic()
    notes.setCurrentRow(1)
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert w.user_data.editor.edit.toPlainText() == "My words outlive the record."
    assert "orphaned" in w.user_data.editor.caption.text()


def test_a_second_window_is_read_only_and_says_so(qtbot, atlas, settings_reset, data_home):
    from gui.main_window import MainWindow

    first = UserData(data_home)
    first.set_note("arf", "from the first window")
    try:
        w = MainWindow(atlas=atlas)
        qtbot.addWidget(w)
        assert "read-only" in w.statusBar().currentMessage()
        assert w.user_data.editor.banner.isVisibleTo(w) and "read-only" in w.user_data.editor.banner.text.text()
        w.select("arf")
        editor = w.user_data.editor.edit
        assert editor.toPlainText() == "from the first window" and editor.isReadOnly()
        assert "from the first window" in w.detail.toPlainText()
        qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        assert first.basket() == []
        w.close()
    finally:
        first.close()


def test_an_unwritable_data_folder_keeps_browsing(qtbot, atlas, settings_reset, tmp_path, monkeypatch):
    from gui.main_window import MainWindow

    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file: not even root can make a folder inside it")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    w.show()
    assert "cannot write to its data folder" in w.statusBar().currentMessage()
    click_row(qtbot, w, "arf")
    assert "ASEAN Regional Forum" in w.detail.toPlainText()  # browsing works
    assert w.user_data.editor.edit.isReadOnly()
    assert "cannot write" in w.user_data.editor.edit.placeholderText()
    assert not w.registry["notes.basket_add"].isEnabled()


def test_a_restored_file_is_reported(qtbot, atlas, settings_reset, data_home):
    from gui.main_window import MainWindow

    with UserData(data_home) as store:
        store.set_note("arf", "kept in the backup")
        store.backup()
    (data_home / "notes.sqlite").write_bytes(b"garbage" * 5000)
    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    assert "restored from the backup" in w.statusBar().currentMessage()
    w.select("arf")
    assert w.user_data.editor.edit.toPlainText() == "kept in the backup"


def test_the_first_frame_does_not_load_the_notes_store():
    code = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from gui.main_window import MainWindow
        w = MainWindow(defer=True)
        w.show()
        app.processEvents()
        assert "model.notes" not in sys.modules and "sqlmodel" not in sys.modules
        assert "gui.timeline" not in sys.modules  # the panes, too, come after the first frame
        w.build()
        assert w.load()
        assert "model.notes" in sys.modules and w.user_data.store.writable
        w.close()
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_note_editor_sits_under_the_detail_pane(window):
    area = window.user_data.area
    # The detail pane with its note editor is the Detail tab of the views beside the tree (gui/views.py).
    assert window.upper.indexOf(window.views.tabs) == 1 and window.views.tabs.widget(0) is area
    assert area.widget(0) is window.detail
    assert area.widget(1) is window.user_data.editor
    assert window.detail.geometry().bottom() < window.user_data.editor.mapTo(area, QPoint(0, 0)).y()


def test_export_notes_from_the_menu(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "exported <b>as typed</b>")
    target = tmp_path / "mine.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Markdown (*.md)"))
    window.registry["notes.export"].trigger()  # saves the note being typed first
    text = target.read_text()
    assert "## ASEAN Regional Forum (arf)" in text and "exported <b>as typed</b>" in text


def test_search_finds_notes_and_selects_their_record(qtbot, window):
    click_row(qtbot, window, "kedo")
    type_note(qtbot, window, "Ask about the zebrafunding gap")
    qtbot.waitUntil(lambda: store_of(window).note("kedo") is not None, timeout=DEBOUNCE_MS * 6)
    click_row(qtbot, window, "arf")
    box = window.search_pane.box
    box.setFocus()
    qtbot.keyClicks(box, "zebrafund")
    qtbot.waitUntil(lambda: bool(window.search_pane.hit_rows()), timeout=2000)
    rows = window.search_pane.hit_rows()
    assert [(r.group, r.hit.target) for r in rows] == [("note", "kedo")]
    assert "zebrafunding" in rows[0].snippet
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.selection.current == "kedo"


# -- closing with a note that cannot be saved --------------------------------------------------------------

@pytest.fixture
def failing_save(window, monkeypatch):
    """The store refuses every save (a full disk, a lock held past the timeout); returns the calls."""
    import sqlite3

    calls = []

    def set_note(record, text, *base):
        calls.append(record)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_of(window), "set_note", set_note)
    return calls


def answer_box(monkeypatch, *answers):
    """Answer the "not saved" box with ``answers`` in turn; returns the boxes' texts."""
    from PySide6.QtWidgets import QMessageBox

    asked, queue = [], list(answers)

    def exec_(box):
        asked.append(box.text())
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_a_note_that_cannot_be_saved_keeps_the_window_open(qtbot, window, failing_save, monkeypatch, data_home):
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "words the disk will not take")
    asked = answer_box(monkeypatch, Button.Retry, Button.Cancel)
    window.close()
    assert len(asked) == 2 and "not save your note" in asked[0]  # Retry failed again, then Cancel
    assert window.isVisible() and window.user_data.store is not None
    assert window.user_data.editor.edit.toPlainText() == "words the disk will not take"

    monkeypatch.undo()  # the disk has room again: Retry saves, and the window closes
    answer_box(monkeypatch)  # no box expected
    window.close()
    assert not window.isVisible()
    with UserData(data_home) as store:
        assert store.note("arf") == "words the disk will not take"


def test_a_note_that_cannot_be_saved_can_go_to_the_clipboard(qtbot, window, failing_save, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "rescued by the clipboard")
    QApplication.clipboard().setText("")
    asked = answer_box(monkeypatch, QMessageBox.StandardButton.Save)  # "Copy note to clipboard and close"
    window.close()
    assert len(asked) == 1 and not window.isVisible()
    assert QApplication.clipboard().text() == "rescued by the clipboard"


def test_a_note_that_cannot_be_saved_can_be_discarded(qtbot, window, failing_save, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    click_row(qtbot, window, "arf")
    type_note(qtbot, window, "not worth keeping")
    asked = answer_box(monkeypatch, QMessageBox.StandardButton.Discard)
    window.close()
    assert len(asked) == 1 and not window.isVisible()


def test_orphaned_ids_in_tooltips_are_text_not_html(qtbot, atlas, settings_reset, data_home):
    from PySide6.QtGui import QTextDocument

    from gui.main_window import MainWindow

    with UserData(data_home) as store:  # ids come from imported JSON: anything at all
        store.set_note("<img src=x>", "from an imported file")
        store.add_to_basket("<img src=x>")
    w = MainWindow(atlas=atlas)
    qtbot.addWidget(w)
    for name in ("basket", "notesList"):
        tip = w.findChild(QListWidget, name).item(0).toolTip()
        assert "<img" not in tip and "&lt;img src=x&gt;" in tip
        shown = QTextDocument()
        shown.setHtml(tip)  # as the tooltip renders it: the id, literally
        assert shown.toPlainText().startswith("<img src=x>:")
