"""Ctrl+K: jump to any forum, participant, person or event by typing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from model import vocabulary

KIND_LABELS = vocabulary.RECORD_KINDS.labels("short")


def entries(atlas) -> list[tuple[str, str, str]]:
    """(record id, label, kind) for everything one can jump to."""
    out = [(f.id, f"{f.name} ({f.acronym})" if f.acronym else f.name, "forum") for f in atlas.forums()]
    out += [(p.id, p.short_name + (f" \u2014 {', '.join(p.aliases)}" if p.aliases else ""), "participant")
            for p in atlas.participants()]
    out += [(p.id, p.name, "person") for p in atlas.people()]
    out += [(e.id, f"{e.title} ({e.when()})", "event") for e in atlas.events()]
    return out


def matches(items, text: str, limit: int = 200):
    """Entries whose label holds every typed word, those starting with the text first."""
    words = text.lower().split()
    found = [item for item in items if all(w in item[1].lower() or w == item[0] for w in words)]
    found.sort(key=lambda item: (not item[1].lower().startswith(text.lower().strip()), len(item[1])))
    return found[:limit]


class QuickOpen(QDialog):
    chosen = Signal(str)

    def __init__(self, items, parent=None):
        super().__init__(parent)
        self.setObjectName("quickOpen")
        self.setWindowTitle("Go to\u2026")
        self.resize(520, 380)
        self.items = items
        self.edit = QLineEdit(placeholderText="Type a forum, participant, person or event", objectName="quickOpenEdit")
        self.list = QListWidget(objectName="quickOpenList")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self._refresh)
        self.edit.returnPressed.connect(self._accept_current)
        self.list.itemActivated.connect(lambda item: self._choose(item))
        self.edit.installEventFilter(self)
        self._refresh("")

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if obj is self.edit and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Down,
                                                                                          Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(obj, event)

    def _refresh(self, text: str) -> None:
        self.list.clear()
        for rid, label, kind in matches(self.items, text):
            item = QListWidgetItem(f"{label}    \u00b7 {KIND_LABELS[kind]}")
            item.setData(Qt.ItemDataRole.UserRole, rid)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(QListWidgetItem("No matches. Try fewer letters."))

    def _accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item) -> None:
        rid = item.data(Qt.ItemDataRole.UserRole)
        if rid:
            self.chosen.emit(rid)
            self.accept()
