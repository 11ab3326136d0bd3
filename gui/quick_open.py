"""Ctrl+K: jump to any forum, participant, person or event by typing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from model import vocabulary
from model.search_query import fold

KIND_LABELS = vocabulary.RECORD_KINDS.labels("short")


def entries(atlas) -> list[tuple[str, str, str]]:
    """(record id, label, kind) for everything one can jump to."""
    out = [(f.id, f"{f.name} ({f.acronym})" if f.acronym else f.name, "forum") for f in atlas.forums()]
    out += [(p.id, p.short_name + (f" \u2014 {', '.join(p.aliases)}" if p.aliases else ""), "participant")
            for p in atlas.participants()]
    out += [(p.id, p.name, "person") for p in atlas.people()]
    out += [(e.id, f"{e.title} ({e.when()})", "event") for e in atlas.events()]
    return out


@dataclass(frozen=True)
class Entry:
    """One jump target as the palette shows and ranks it."""

    id: str
    name: str  # shown
    kind: str
    keys: tuple[str, ...]  # folded: the name, then acronym and aliases (exact matches of these rank first)
    initials: str  # folded first letters of the name's words ("arf" for ASEAN Regional Forum)
    text: str  # folded: everything searchable, for the substring tier


def prepare(items) -> list[Entry]:
    """The (id, label, kind) rows of :func:`entries` as ranked entries: a forum's "(ACR)" and a participant's
    "— aliases" become search keys, not shown text (the kind is shown instead)."""
    out = []
    for rid, label, kind in items:
        name, extra = label, []
        if kind == "participant" and " \u2014 " in label:
            name, aliases = label.split(" \u2014 ", 1)
            extra = aliases.split(", ")
        elif kind == "forum" and label.endswith(")") and " (" in label:
            name, acronym = label[:-1].rsplit(" (", 1)
            extra = [acronym]
        keys = tuple(fold(k) for k in [name, *extra, rid])
        words = re.findall(r"[^\W_]+", keys[0])
        out.append(Entry(rid, name if kind != "event" else label, kind, keys,
                         "".join(w[0] for w in words if w not in _SMALL), " ".join(keys)))
    return out


_SMALL = {"of", "the", "and", "on", "for", "in", "to", "a"}  # left out of initials, as acronyms do


def matches(entries: list[Entry], text: str, recent: list[str] = (), limit: int = 200) -> list[Entry]:
    """Entries holding every typed word (accent-blind), best first: an exact name, acronym, alias or id; then
    initials ("arf") or acronym prefixes; then names starting with the text or words starting with each typed
    word; then plain substrings. Within a tier, recently visited records come first, then shorter names.
    With nothing typed: the recent records, then everything."""
    q = fold(" ".join(text.split()))
    rank = {rid: n for n, rid in enumerate(recent)}
    if not q:
        ordered = sorted(entries, key=lambda e: (rank.get(e.id, len(rank)), e.kind != "forum", e.name.lower()))
        return ordered[:limit]
    words = q.split()
    found = [e for e in entries if all(w in e.text for w in words)]

    def tier(e: Entry) -> int:
        if q in e.keys:
            return 0
        if q == e.initials or any(k.startswith(q) for k in e.keys[1:]):
            return 1
        if e.keys[0].startswith(q) or all(re.search(rf"\b{re.escape(w)}", e.text) for w in words):
            return 2
        return 3

    found.sort(key=lambda e: (tier(e), rank.get(e.id, len(rank)), len(e.name), e.name.lower()))
    return found[:limit]


class QuickOpen(QDialog):
    chosen = Signal(str)

    def __init__(self, items, parent=None, recent: list[str] = ()):
        super().__init__(parent)
        self.recent = list(recent)
        self.setObjectName("quickOpen")
        self.setWindowTitle("Go to\u2026")
        self.resize(520, 380)
        self.items = prepare(items)
        self.edit = QLineEdit(placeholderText="Type a forum, participant, person or event", objectName="quickOpenEdit")
        self.edit.setAccessibleName("Go to")
        self.list = QListWidget(objectName="quickOpenList")
        self.list.setAccessibleName("Matches")
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
        for entry in matches(self.items, text, self.recent):
            recent = "recent \u00b7 " if entry.id in self.recent else ""
            item = QListWidgetItem(f"{entry.name}    \u00b7 {recent}{KIND_LABELS[entry.kind]}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
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
