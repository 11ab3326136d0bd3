"""The analyst's own data in the window: the note editor, bookmarks, the basket and the Notes menu.

``UserDataUI(window)`` puts the note editor under the detail pane (in a vertical splitter that takes the
detail pane's place), docks the basket panel on the right, adds a Notes menu and the tree's right-click menu,
and follows the window's Selection. ``open()`` opens the store (model/notes.py) after the first paint;
``close()`` saves what is pending and releases the store. Notes save as the user types, 500 ms after the last
keystroke, and at once when the selection changes or the window closes: there is no Save button.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMessageBox,
    QSplitter,
)

from gui.basket import BasketPanel
from gui.forum_tree import ID_ROLE
from gui.i18n import translate
from gui.note_editor import STAR_ON, NoteEditor
from gui.notes_export import export_notes
from gui.notes_words import error_words, said
from gui.team_link import TeamLink
from gui.terms import term

BASKET_MARK, NOTE_MARK = "\u25a3", "\u270e"  # the tree's marks (with the star): in the basket, noted
DEBOUNCE_MS = 500
BACKUP_QUIET_MS = 60_000  # a backup of changed notes after a minute without saves
WRITE_ERRORS = (OSError, sqlite3.Error)  # what a save can raise (UserDataReadOnly is an OSError)


def _describe(exc: BaseException) -> str:
    from model.notes import describe_error

    if exc.args and hasattr(exc.args[0], "key"):  # UserDataReadOnly says why in a model.notes_messages.Message
        return said(exc.args[0])
    return error_words(describe_error(exc))


class UserDataUI(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.store = None
        self.rid: str | None = None
        self._dirty = False
        self._loading = False
        self._pending: dict[str, str] = {}  # record id -> text not yet saved (kept if a save fails)
        self._base: dict[str, str | None] = {}  # record id -> the stored note an edit started from
        self._known: set[str] = set()
        self._folder: Path | None = None
        self._in_basket: set[str] = set()  # what the lists show, kept for the tree's marks
        self._starred: set[str] = set()
        self._noted: set[str] = set()

        self.editor = NoteEditor()
        self.area = QSplitter(Qt.Orientation.Vertical, objectName="detailSplitter")
        at = window.upper.indexOf(window.detail)
        window.upper.replaceWidget(at, self.area)
        self.area.addWidget(window.detail)
        self.area.addWidget(self.editor)
        window.detail.show()
        self.area.setSizes([700, 180])  # in proportion as the window grows or shrinks  # the record first; the note below, growable
        self.area.setCollapsible(0, False)

        registry = window.registry
        self.panel = BasketPanel(registry["basket.up"], registry["basket.down"], registry["basket.remove"])
        registry.attach("basket", self.panel.basket)  # Ctrl+Up, Ctrl+Down, Delete while the list has the focus
        self.panel.basket.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.panel.basket.customContextMenuRequested.connect(self._basket_menu)
        self.dock = QDockWidget(self.tr("Basket, bookmarks and notes"), window, objectName="basketDock")
        self.dock.setWidget(self.panel)
        self.panel.setMinimumWidth(220)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [300], Qt.Orientation.Horizontal)

        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)
        self.backup_timer = QTimer(self, singleShot=True, interval=BACKUP_QUIET_MS)
        self.backup_timer.timeout.connect(self._quiet_backup)
        self.editor.edit.textChanged.connect(self._on_typing)
        self.editor.bookmarkToggled.connect(self._on_star)
        self.editor.addToBasketClicked.connect(lambda: self.add_to_basket())
        self.panel.activated.connect(window.selection.select)
        self.panel.basketReordered.connect(self._on_reordered)
        self.panel.removeRequested.connect(self.remove_from_basket)
        # Save before the selection moves (aboutToChange), load after (changed): in that order, always,
        # whichever pane connected first.
        window.selection.aboutToChange.connect(self._before_selection)
        window.selection.changed.connect(self._show_record)
        window.detail.note_for = self.note
        window.tree_pane.model.marks_for = self.marks
        tree = window.tree_pane.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._tree_menu)
        QApplication.instance().aboutToQuit.connect(self.flush)
        self._quit_hooked = True
        self._bind_actions()
        self.team_link = TeamLink(self)
        self._show_record(None)
        self._set_editable(False, self.tr("Your notes open once the atlas has loaded."))

    # -- opening and closing --------------------------------------------------------------------------
    def open(self, folder: Path | None = None) -> None:
        """Open the notes store (imported only now, after the first paint) and show its news: the team's
        (model/team_store.py) when a server is set (--notes-server, or Notes › Connect to team…)."""
        from gui import settings as S
        from model.team_store import server_url

        self._folder = folder
        self.open_store(server_url(self.window.settings.get(S.NOTES_SERVER)))

    def open_store(self, url: str) -> None:
        from model.notes import UserData
        from model.team_store import TeamStore

        if self.store is not None:
            self.team_link.detach()
            self.store.close()
        # The server is tried in the background (gui/team_link.py): the replica answers meanwhile.
        self.store = TeamStore(url, self._folder, connect=False) if url else UserData(self._folder)
        self.team_link.attach(self.store)
        atlas = self.window.atlas
        if atlas is not None:
            self._known = set().union(*atlas.ids().values())
        if self.store.messages:
            messages = [said(m) for m in self.store.messages]
            self.editor.banner.show_messages(messages)
            self.window.statusBar().showMessage(" ".join(messages))
        self._set_editable(self.store.writable, self.why_read_only())
        self.refresh_lists()
        # An empty dock only takes room from the detail pane: it shows once there is something to list
        # (Notes menu, or the first "Add to basket").
        self.dock.setVisible(bool(self.store.basket() or self.store.bookmarks() or self.store.notes()))
        self._show_record(self.rid)
        if self.rid and self.window.detail.record_id == self.rid:
            self._refresh_detail()

    def close(self) -> None:
        self.flush()
        self.team_link.detach()
        self.backup_timer.stop()  # closing the store backs up what changed
        if self.store is not None:
            self.store.close()
            self.store = None
        if self._quit_hooked:
            self._quit_hooked = False
            QApplication.instance().aboutToQuit.disconnect(self.flush)

    def confirm_close(self) -> bool:
        """Save what is pending before the window closes; if that fails, ask what to do with the text.

        True when the window may close: saved, copied to the clipboard, or discarded by the user's choice.
        """
        Button = QMessageBox.StandardButton
        while not self.flush():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Your note was not saved"),
                              self.tr("Forum Atlas could not save your note, so closing now would lose it."),
                              Button.Retry | Button.Save | Button.Discard | Button.Cancel, self.window)
            box.setInformativeText(self.window.statusBar().currentMessage())
            box.button(Button.Save).setText(self.tr("Copy note to clipboard and close"))
            box.button(Button.Discard).setText(self.tr("Discard note and close"))
            box.setDefaultButton(Button.Retry)
            box.setEscapeButton(Button.Cancel)
            answer = Button(box.exec())
            if answer == Button.Retry:
                continue
            if answer == Button.Save:
                texts = list(self._pending.values())
                QApplication.clipboard().setText("\n\n".join(texts))
            elif answer != Button.Discard:
                return False  # Cancel, or the box closed: keep the window and the text
            self._pending.clear()
            self._dirty = False
            return True
        return True

    @property
    def writable(self) -> bool:
        return self.store is not None and self.store.writable

    def note(self, rid: str) -> str | None:
        """What the detail pane shows as the analyst's note: unsaved text first, then the store's."""
        if rid in self._pending:
            return self._pending[rid]
        if rid == self.rid and self._dirty:
            return self.editor.edit.toPlainText()
        return self.store.note(rid) if self.store is not None else None

    def team_changed(self, records: set[str] | None) -> None:
        """Notes changed on the team server (None: perhaps all, after reconnecting). The note being typed is
        left alone; it is saved against the version it started from, so nothing is lost either way."""
        shown = self.rid
        if shown and (records is None or shown in records) and not self._dirty and shown not in self._pending:
            text = self.store.note(shown)
            if text != self.editor.edit.toPlainText() and text is not None:
                self._loading = True
                self.editor.edit.setPlainText(text)
                self._loading = False
                self._base[shown] = text
        if self.window.detail.record_id and (records is None or self.window.detail.record_id in records):
            self._refresh_detail()
        self._fill_notes()

    # -- the note editor ------------------------------------------------------------------------------
    def _before_selection(self, _leaving: str) -> None:
        self.flush()

    def _show_record(self, rid: str | None) -> None:
        self.rid = rid
        self._loading = True
        if rid is None:
            self.editor.edit.setPlainText("")
            self.editor.set_record(self.tr("Your note"), self.tr("Select a forum, event or participant to write a note "
                                                                 "on it."))
        else:
            text = self._pending.get(rid)
            if text is None and self.store is not None:
                text = self.store.note(rid)
                self._base[rid] = text
            self.editor.edit.setPlainText(text or "")
            self._dirty = rid in self._pending
            known = rid in self._known or not self._known
            name = self.window.atlas.name_of(rid) if self.window.atlas is not None and known else rid
            self.editor.set_record(self.tr("Your note on {name}").format(name=name),
                                   self.tr("your own words \u2014 not from the paper") if known else
                                   self.tr("an orphaned note: this record is no longer in the atlas; the note is kept"))
        self._loading = False
        self.editor.set_starred(bool(rid and self.store is not None and self.store.is_bookmarked(rid)))
        self.editor.state.setText("")
        # With nothing selected the caption says what to do: the empty editor says nothing more.
        self._set_editable(self.writable and rid is not None,
                           self.why_read_only() if self.store is not None and not self.writable else "")

    def why_read_only(self) -> str:
        """Why notes cannot be changed here, in the interface's language (a team role's: gui/team_link.py)."""
        team = getattr(self.store, "team", None)
        if team is not None and not team.writable:
            return self.team_link.status_text(team)
        return said(self.store.reason)

    def _set_editable(self, on: bool, why: str) -> None:
        self.editor.set_editable(on, why)
        self.window.registry["notes.bookmark"].setEnabled(on)
        self._sync_record_actions()
        self.panel.setEnabled(self.store is not None and self.store.available)
        self.panel.set_writable(self.writable)

    def _on_typing(self) -> None:
        if self._loading or self.rid is None or not self.writable:
            return
        self._dirty = True
        self.editor.state.setText(self.tr("Editing\u2026"))
        self.timer.start()

    def flush(self) -> bool:
        """Save the note being typed (and any that failed before) now. True when nothing is left unsaved."""
        self.timer.stop()
        if self._dirty and self.rid is not None:
            self._pending[self.rid] = self.editor.edit.toPlainText()
            self._dirty = False
        if not self._pending or not self.writable:
            return not self._pending
        saved = []
        for rid, text in list(self._pending.items()):
            try:
                stored = (self.store.set_note(rid, text, self._base[rid]) if rid in self._base
                          else self.store.set_note(rid, text))
            except WRITE_ERRORS as exc:
                self._report(self.tr("Your note was not saved ({why}). The text is kept in this window; Forum Atlas "
                                     "tries again with your next change.").format(why=_describe(exc)))
                self.editor.state.setText(self.tr("Not saved"))
                if not self.writable:  # the store gave up writing (its lock was taken): say so, keep the text
                    self.editor.banner.show_messages([self.why_read_only()])
                    self.editor.set_editable(False, self.why_read_only())
                return False
            del self._pending[rid]
            self._base[rid] = stored if stored.strip() else None
            saved.append(rid)
            if stored != text:  # changed elsewhere meanwhile: both texts were kept, show them
                self._report(self.tr("Your note on {name} was changed elsewhere (another window or an import) while "
                                     "you edited it; both texts are kept, yours below a marker line.").format(
                                         name=self._name(rid)))
                if rid == self.rid:
                    self._loading = True
                    self.editor.edit.setPlainText(stored)
                    self._loading = False
        self.editor.state.setText(self.tr("Saved"))
        self.team_link.saved()
        self.backup_timer.start()
        if self.window.detail.record_id in saved:
            self._refresh_detail()
        self._fill_notes()
        return True

    def _quiet_backup(self) -> None:
        if self.writable:
            self.store.backup_if_changed()

    def _refresh_detail(self) -> None:
        """Re-render the detail pane for its record (the note box changed), keeping the scroll position."""
        detail, atlas = self.window.detail, self.window.atlas
        if atlas is None or detail.record_id is None:
            return
        bar = detail.verticalScrollBar()
        at = bar.value()
        detail.show_record(atlas, detail.record_id)
        bar.setValue(at)

    def _report(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)

    # -- bookmarks and basket -------------------------------------------------------------------------
    def _target(self, rid: str | None) -> str | None:
        return rid or self.window.selection.current

    def _on_star(self, on: bool) -> None:
        self.set_bookmarked(self.rid, on)

    def set_bookmarked(self, rid: str | None, on: bool) -> None:
        if not rid or not self.writable:
            return
        try:
            self.store.set_bookmarked(rid, on)
        except WRITE_ERRORS as exc:
            self._report(self.tr("The bookmark was not saved ({why}).").format(why=_describe(exc)))
            return
        if rid == self.rid:
            self.editor.set_starred(on)
        self._fill_bookmarks()

    def toggle_bookmark(self) -> None:
        rid = self._target(None)
        if rid and self.store is not None:
            self.set_bookmarked(rid, not self.store.is_bookmarked(rid))

    def add_to_basket(self, rid: str | None = None) -> None:
        rid = self._target(rid)
        if not rid or not self.writable:
            return
        try:
            added = self.store.add_to_basket(rid)
        except WRITE_ERRORS as exc:
            self._report(self.tr("The basket was not saved ({why}).").format(why=_describe(exc)))
            return
        name = self._name(rid)
        self.window.statusBar().showMessage(self.tr("Added {name} to the basket").format(name=name) if added else
                                            self.tr("{name} is already in the basket").format(name=name), 4000)
        self._fill_basket(current=rid)
        self.dock.show()

    def remove_from_basket(self, rid: str) -> None:
        if not self.writable:
            return
        ids = self.panel.basket_ids()
        try:
            self.store.remove_from_basket(rid)
        except WRITE_ERRORS as exc:
            self._report(self.tr("The basket was not saved ({why}).").format(why=_describe(exc)))
            return
        n = ids.index(rid) if rid in ids else 0
        rest = [x for x in ids if x != rid]
        self._fill_basket(current=rest[min(n, len(rest) - 1)] if rest else None)

    def _on_reordered(self, ids: list[str]) -> None:
        if not self.writable:
            self._fill_basket()
            return
        try:
            self.store.set_basket(ids)
        except WRITE_ERRORS as exc:
            self._report(self.tr("The basket order was not saved ({why}).").format(why=_describe(exc)))
            self._fill_basket()

    # -- lists ------------------------------------------------------------------------------------------
    def _name(self, rid: str) -> str:
        atlas = self.window.atlas
        return atlas.name_of(rid) if atlas is not None and rid in self._known else rid

    def _rows(self, ids, detail=None) -> list[tuple[str, str, str, bool]]:
        atlas = self.window.atlas
        rows = []
        for rid in ids:
            known = rid in self._known
            kind = atlas.kind_of(rid) if atlas is not None and known else ""
            rows.append((rid, self._name(rid), detail(rid) if detail else term((kind or "").capitalize()), known))
        return rows

    def marks(self, rid: str) -> tuple[str, str]:
        """The tree's marks for a record, and what they say: in the basket, bookmarked, noted."""
        if self.store is None:
            return "", ""
        found = [(glyph, said) for glyph, said, on in (
            (BASKET_MARK, self.tr("in the basket"), rid in self._in_basket),
            (STAR_ON, self.tr("bookmarked"), rid in self._starred),
            (NOTE_MARK, self.tr("has your note"), rid in self._noted)) if on]
        return " ".join(g for g, _ in found), ", ".join(s for _, s in found).capitalize()

    def refresh_lists(self) -> None:
        self._fill_basket()
        self._fill_bookmarks()
        self._fill_notes()

    def _fill_basket(self, current: str | None = None) -> None:
        basket = self.store.basket() if self.store else []
        self._in_basket = set(basket)
        self.panel.set_basket(self._rows(basket), current)
        self.team_link.baskets.fill()  # which named basket is open, and whose (a team's)
        self._sync_record_actions()
        self.window.tree_pane.model.refresh_marks()

    def _fill_bookmarks(self) -> None:
        starred = self.store.bookmarks() if self.store else []
        self._starred = set(starred)
        self.panel.set_bookmarks(self._rows(starred) + self.team_link.colleague_bookmarks(self._rows))
        self._sync_record_actions()
        self.window.tree_pane.model.refresh_marks()

    def _fill_notes(self) -> None:
        notes = {n.record: n.text for n in self.store.notes()} if self.store else {}
        self._noted = set(notes)
        rows = self._rows(notes, detail=lambda rid: " ".join(notes[rid].split())[:60])
        self.panel.set_notes(sorted(rows, key=lambda row: (not row[3], row[1].lower())))
        self.window.tree_pane.model.refresh_marks()

    # -- menus ----------------------------------------------------------------------------------------
    def _bind_actions(self) -> None:
        """The Notes menu's and the context menus' commands (declared in gui/actions.py)."""
        registry = self.window.registry
        registry.bind("notes.basket_add", lambda: self.add_to_basket())
        registry.bind("notes.basket_remove", lambda: self._remove_current())
        registry.bind("notes.bookmark", lambda on: self.set_bookmarked(self._target(None), on))
        registry.bind("notes.edit", self.focus_editor)
        registry.bind("notes.show_panel", self.dock.setVisible, "toggled")
        self.dock.visibilityChanged.connect(self._sync_panel_action)
        registry.bind("notes.export", lambda: export_notes(self))

    def _sync_panel_action(self) -> None:
        # visibilityChanged also fires for a dock hidden behind a tab: ask whether it is open.
        self.window.registry["notes.show_panel"].setChecked(not self.dock.isHidden())

    def _sync_record_actions(self) -> None:
        """Basket and bookmark actions say what they would do for the selected record."""
        rid = self._target(None)
        registry = self.window.registry
        in_basket = bool(rid and self.store is not None and rid in self._in_basket)
        # Still enabled when in: pressing it again says so in the status bar.
        registry["notes.basket_add"].setEnabled(self.writable and bool(rid))
        registry["notes.basket_add"].setText(self.tr("Already in the basket") if in_basket else
                                             translate("Actions", "Add to &basket"))
        self.editor.show_in_basket(in_basket)
        registry["notes.basket_remove"].setEnabled(self.writable and in_basket)
        registry["notes.bookmark"].setChecked(bool(rid and self.store is not None and self.store.is_bookmarked(rid)))

    def _remove_current(self) -> None:
        rid = self._target(None)
        if rid:
            self.remove_from_basket(rid)

    def focus_editor(self) -> None:
        self.editor.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _tree_menu(self, pos: QPoint) -> None:
        """Right-click selects the record under the pointer, then offers what applies to it."""
        tree = self.window.tree_pane.tree
        rid = tree.indexAt(pos).data(ID_ROLE)
        if rid:
            self.window.selection.select(rid)
            self._sync_record_actions()
            self._menu = self.window.registry.context_menu("tree", tree)
            self._menu.popup(tree.viewport().mapToGlobal(pos))

    def _basket_menu(self, pos: QPoint) -> None:
        basket = self.panel.basket
        self._menu = self.window.registry.context_menu("basket", basket)
        self._menu.popup(basket.viewport().mapToGlobal(pos))
