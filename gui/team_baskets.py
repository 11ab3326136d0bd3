"""The team's named baskets in the basket dock: which one is open and whose, and New, Rename, Share, Delete.

Only with a team server (model/team_store.py); with notes on this computer alone the dock has its one basket
and the chooser stays hidden. A colleague's shared basket may be opened and read, and only its author changes
it: the dock says so, and the server's row-level security enforces it whatever the window does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

WRITE_ERRORS = (OSError, ValueError)  # UserDataReadOnly is an OSError; a bad or taken name a ValueError


class TeamBaskets(QObject):
    def __init__(self, ui):
        super().__init__(ui)
        self.ui = ui
        self.panel = ui.panel
        self.panel.basketChosen.connect(self.choose)
        self.panel.basketCommand.connect(self.command)

    def _store(self):
        store = self.ui.store
        return store if hasattr(store, "baskets") else None

    def fill(self) -> None:
        """The chooser shows the baskets the analyst may see, the open one selected, and whose it is."""
        store = self._store()
        if store is None:
            self.panel.set_baskets(None, None, "", True, False)
            return
        entries = []
        for b in store.baskets():
            if store.owns(b):
                label = self.tr("{0} (shared)").format(b.name) if b.shared else b.name
            else:
                label = self.tr("{0} \u2014 {1}\u2019s").format(b.name, b.display)
            entries.append((b.name, b.author, label))
        basket = store.open_basket()
        if basket is None:
            owner = self.tr("You have no basket yet: adding a record makes one, private to you.")
        elif not store.owns(basket):
            owner = self.tr("{0}\u2019s basket, shared with the team: you can read it here; only {0} changes "
                            "it.").format(basket.display)
        elif basket.shared:
            owner = self.tr("Your basket, shared with the team.")
        else:
            owner = self.tr("Your basket, private: only you see it.")
        self.panel.set_baskets(entries, (basket.name, basket.author) if basket else None, owner,
                               store.owns(basket), bool(basket and basket.shared))

    def choose(self, name: str, author: str) -> None:
        store = self._store()
        if store is not None:
            store.choose_basket(name, author)
            self.ui._fill_basket()

    def command(self, command: str) -> None:
        store = self._store()
        if store is None:
            return
        window = self.ui.window
        basket = store.open_basket()
        try:
            if command in ("new", "rename"):
                title = self.tr("New basket") if command == "new" else self.tr("Rename basket")
                name, ok = QInputDialog.getText(
                    window, title, self.tr("Name of the basket (private to you until you share it):"),
                    QLineEdit.EchoMode.Normal, basket.name if basket and command == "rename" else "")
                if not ok:
                    return
                if command == "new":
                    store.create_basket(name)
                else:
                    store.rename_basket(name)
            elif command in ("share", "private"):
                store.share_basket(command == "share")
            elif command == "delete" and basket is not None:
                answer = QMessageBox.question(
                    window, self.tr("Delete basket"),
                    self.tr("Delete the basket {0} and its list of {1} records? The records stay in the atlas; "
                            "your notes are not touched.").format(basket.name, len(basket.records)))
                if answer != QMessageBox.StandardButton.Yes:
                    return
                store.delete_basket()
        except WRITE_ERRORS as exc:
            window.statusBar().showMessage(self.tr("The basket was not changed: {0}").format(exc), 15000)
            return
        self.ui._fill_basket()
        self.ui.team_link.saved()
