"""The analyst's desk, docked beside the detail pane: the briefing basket, bookmarks and all notes.

Widgets only: gui/user_data.py fills the lists from the notes store and saves what the user does here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class BasketPanel(QTabWidget):
    """Tabs: Basket (reorderable by drag or Move up/down, removable), Bookmarks, Notes (orphans marked).

    ``activated`` carries the record id of a double-clicked (or Enter-ed) row in any list;
    ``basketReordered`` the basket's ids in their new order after a drag or a move;
    ``removeRequested`` the id of a basket row to take out.

    With a team server, a row above the basket chooses which named basket is open and says whose it is
    (``set_baskets``); ``basketChosen`` carries the chosen basket's (name, author), ``basketCommand`` one of
    new, rename, share, private, delete.
    """

    activated = Signal(str)
    basketReordered = Signal(list)
    removeRequested = Signal(str)
    basketChosen = Signal(str, str)
    basketCommand = Signal(str)

    def __init__(self, up: QAction, down: QAction, remove: QAction, parent=None):
        """``up``, ``down``, ``remove``: the registry's basket actions (gui/actions.py), shown as the buttons."""
        super().__init__(parent, objectName="userTabs")
        self.writable = True
        self.basket_mine = True  # the open basket is the analyst's own (a colleague's shared one is read-only)
        self._open = (False, False)  # a named basket is open; it is shared
        self.basket = QListWidget(objectName="basket")
        self.basket.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.basket.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.basket.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.basket.setAlternatingRowColors(True)
        self.basket.model().rowsMoved.connect(self._on_rows_moved)
        self.up_action, self.down_action, self.remove_action = up, down, remove
        up.triggered.connect(lambda: self.move_current(-1))
        down.triggered.connect(lambda: self.move_current(1))
        remove.triggered.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for name, action in (("basketUp", self.up_action), ("basketDown", self.down_action),
                             ("basketRemove", self.remove_action)):
            button = QToolButton(objectName=name)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.basket.currentRowChanged.connect(self._update_actions)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(_hint(self.tr("Records for the briefing pack, in order. Add with Ctrl+B or the tree\u2019s "
                                       "right-click menu; drag or use the buttons to reorder.")))
        layout.addWidget(self._chooser())
        layout.addWidget(self.basket, 1)
        layout.addLayout(buttons)
        self.addTab(page, self.tr("Basket"))

        self.bookmarks = QListWidget(objectName="bookmarks")
        self.addTab(self._page(self.bookmarks, self.tr("Records you bookmarked with the star (Ctrl+D).")),
                    self.tr("Starred"))
        self.notes = QListWidget(objectName="notesList")
        self.addTab(self._page(self.notes, self.tr("Every note you wrote. A note whose record is no longer in the "
                                                   "atlas is kept and marked orphaned.")), self.tr("Notes"))
        for view in (self.basket, self.bookmarks, self.notes):
            view.itemActivated.connect(lambda item: self.activated.emit(item.data(ID_ROLE)))
        self._update_actions()

    def _chooser(self) -> QWidget:
        """The team's named baskets: which is open, whose it is, and what to do with them."""
        self.choice = QComboBox(objectName="basketChoice")
        self.choice.setAccessibleName(self.tr("Open basket"))
        self.choice.activated.connect(self._on_chosen)
        self.basket_menu = QMenu(self)
        for command, label in (("new", self.tr("New basket\u2026")), ("rename", self.tr("Rename\u2026")),
                               ("share", self.tr("Share with the team")), ("private", self.tr("Make private")),
                               ("delete", self.tr("Delete\u2026"))):
            action = self.basket_menu.addAction(label)
            action.setObjectName(f"basket_{command}")
            action.triggered.connect(lambda _on=False, c=command: self.basketCommand.emit(c))
        menu_button = QToolButton(objectName="basketMenu", text=self.tr("Baskets"))
        menu_button.setMenu(self.basket_menu)
        menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.owner = QLabel(objectName="basketOwner", wordWrap=True)
        self.owner.setTextFormat(Qt.TextFormat.PlainText)
        box = QWidget(objectName="basketChooser")
        grid = QVBoxLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(menu_button)
        grid.addLayout(row)
        grid.addWidget(self.owner)
        box.hide()
        self.chooser = box
        return box

    def set_baskets(self, entries: list[tuple[str, str, str]] | None, current: tuple[str, str] | None,
                    owner: str, mine: bool, shared: bool) -> None:
        """entries: (name, author, label) of the baskets to choose from, None without a team (the chooser
        hides); ``current`` the open one's (name, author); ``owner`` says whose it is; ``mine`` whether the
        analyst may change it."""
        self.chooser.setVisible(entries is not None)
        self.choice.blockSignals(True)
        self.choice.clear()
        for name, author, label in entries or ():
            self.choice.addItem(label, (name, author))
            if (name, author) == current:
                self.choice.setCurrentIndex(self.choice.count() - 1)
        if current is None:
            self.choice.setCurrentIndex(-1)
            self.choice.setPlaceholderText(self.tr("No basket yet: Ctrl+B makes one"))
        self.choice.blockSignals(False)
        self.owner.setText(owner)
        self.basket_mine = mine
        self._open = (current is not None, shared)
        self.set_writable(self.writable)

    def _on_chosen(self, index: int) -> None:
        name, author = self.choice.itemData(index)
        self.basketChosen.emit(name, author)

    def _page(self, view: QListWidget, hint: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(_hint(hint))
        layout.addWidget(view, 1)
        return page

    # -- filling -------------------------------------------------------------------------------------
    def set_basket(self, rows: list[tuple[str, str, str, bool]], current: str | None = None) -> None:
        """rows: (record id, name, kind, known); keeps ``current`` (or the current row's id) selected."""
        current = current or self.current_basket_id()
        self._fill(self.basket, rows)
        self.setTabText(0, self.tr("Basket ({n})").format(n=len(rows)) if rows else self.tr("Basket"))
        if current:
            for n in range(self.basket.count()):
                if self.basket.item(n).data(ID_ROLE) == current:
                    self.basket.setCurrentRow(n)
        self._update_actions()

    def set_bookmarks(self, rows: list[tuple[str, str, str, bool]]) -> None:
        self._fill(self.bookmarks, rows)
        self.setTabText(1, self.tr("Starred ({n})").format(n=len(rows)) if rows else self.tr("Starred"))

    def set_notes(self, rows: list[tuple[str, str, str, bool]]) -> None:
        self._fill(self.notes, rows, orphan_label=self.tr("orphaned: no longer in the atlas"))
        self.setTabText(2, self.tr("Notes ({n})").format(n=len(rows)) if rows else self.tr("Notes"))

    def _fill(self, view: QListWidget, rows, orphan_label: str = "") -> None:
        orphan_label = orphan_label or self.tr("not in the atlas")
        view.blockSignals(True)
        view.model().blockSignals(True)
        view.clear()
        view.model().blockSignals(False)
        for rid, name, detail, known in rows:
            text = name if known else f"{rid} \u2014 {orphan_label}"
            item = QListWidgetItem(text + (f"\n    {detail}" if detail else ""))
            item.setData(ID_ROLE, rid)
            tip = f"{name} ({rid})" if known else f"{rid}: {orphan_label}"  # ids may come from imported JSON
            item.setToolTip(f"<p>{html.escape(tip)}</p>")  # Qt would render an HTML-looking tooltip; now text
            if not known:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            view.addItem(item)
        view.blockSignals(False)
        view.reset()

    def basket_ids(self) -> list[str]:
        return [self.basket.item(n).data(ID_ROLE) for n in range(self.basket.count())]

    def current_basket_id(self) -> str | None:
        item = self.basket.currentItem()
        return item.data(ID_ROLE) if item else None

    # -- user actions --------------------------------------------------------------------------------
    def move_current(self, offset: int) -> None:  # not "move", which would hide QWidget.move()
        row = self.basket.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.basket.count():
            return
        item = self.basket.takeItem(row)
        self.basket.insertItem(target, item)
        self.basket.setCurrentRow(target)
        self.basketReordered.emit(self.basket_ids())

    def _remove(self) -> None:
        rid = self.current_basket_id()
        if rid:
            self.removeRequested.emit(rid)

    def _on_rows_moved(self, *_args) -> None:  # a drag inside the list
        self.basketReordered.emit(self.basket_ids())
        self._update_actions()

    def set_writable(self, writable: bool) -> None:
        """Read-only (a second window, an unwritable folder, a colleague's basket): no drags, no moves, no
        removals."""
        self.writable = writable
        self.basket.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove if self._changeable() else
                                    QAbstractItemView.DragDropMode.NoDragDrop)
        self._update_actions()

    def _changeable(self) -> bool:
        return self.writable and self.basket_mine

    def _update_actions(self, *_args) -> None:
        row, count, on = self.basket.currentRow(), self.basket.count(), self._changeable()
        self.up_action.setEnabled(on and row > 0)
        self.down_action.setEnabled(on and 0 <= row < count - 1)
        self.remove_action.setEnabled(on and row >= 0)
        is_open, shared = self._open
        for action in self.basket_menu.actions():  # New needs only a writable store; the rest, one's own basket
            command = action.objectName().removeprefix("basket_")
            action.setEnabled(self.writable and (command == "new" or on and is_open and (
                command not in ("share", "private") or shared == (command == "private"))))
