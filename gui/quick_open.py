"""Ctrl+K: jump to any forum, participant, person or event by typing."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from gui import i18n
from gui.date_words import event_when
from gui.terms import term
from model import vocabulary
from model.search_query import fold

KIND_LABELS = vocabulary.RECORD_KINDS.labels("short")


def entries(atlas) -> list[tuple[str, str, str]]:
    """(record id, label, kind) for everything one can jump to."""
    out = [(f.id, f"{f.name} ({f.acronym})" if f.acronym else f.name, "forum") for f in atlas.forums()]
    out += [(p.id, p.short_name + (f" \u2014 {', '.join(p.aliases)}" if p.aliases else ""), "participant")
            for p in atlas.participants()]
    out += [(p.id, p.name, "person") for p in atlas.people()]
    out += [(e.id, f"{e.title} ({event_when(e.date, e.end)})", "event") for e in atlas.events()]
    return out


@dataclass(frozen=True)
class Entry:
    """One jump target as the palette shows and ranks it."""

    id: str
    name: str  # shown
    kind: str
    keys: tuple[str, ...]  # folded: the name, then acronym and aliases, then the id (exact matches rank first)
    initials: str  # folded first letters of the name's words ("arf" for ASEAN Regional Forum)
    text: str  # " " + folded words of everything searchable: a word starts where " " + it is found
    name_ja: str = ""  # its Japanese name (a translation, not from the paper): searchable, shown in Japanese


_SMALL = {"of", "the", "and", "on", "for", "in", "to", "a"}  # left out of initials, as acronyms do
_WORDS = re.compile(r"[^\W_]+")
_SAMPLE = 200_000  # characters of the blob counted to tell which typed word is rarest


class Entries:
    """The jump targets, prepared once per atlas: shortest names first, and indexes for the first tiers.
    ``names_ja``: record id -> its Japanese names (the shown one first), found as aliases are (日本: Japan;
    地域フォーラム: the ARF)."""

    def __init__(self, items, names_ja: dict[str, tuple[str, ...]] | None = None):
        names_ja = names_ja or {}
        entries = []
        for rid, label, kind in items:
            name, extra = label, []
            if kind == "participant" and " \u2014 " in label:
                name, aliases = label.split(" \u2014 ", 1)
                extra = aliases.split(", ")
            elif kind == "forum" and label.endswith(")") and " (" in label:
                name, acronym = label[:-1].rsplit(" (", 1)
                extra = [acronym]
            ja = names_ja.get(rid, ())
            keys = tuple(fold(k) for k in [name, *extra, *ja, rid])
            words = _WORDS.findall(keys[0])
            shown = name if kind != "event" else label
            entries.append(Entry(rid, shown, kind, keys, "".join(w[0] for w in words if w not in _SMALL),
                                 " " + " ".join(_WORDS.findall(" ".join(keys))), ja[0] if ja else ""))
        entries.sort(key=lambda e: (len(e.name), e.name.lower()))
        self.entries = entries
        self.exact: dict[str, list[Entry]] = {}
        self.by_initials: dict[str, list[int]] = {}  # initials -> positions, in order
        others = []
        for n, e in enumerate(entries):
            for k in e.keys:
                self.exact.setdefault(k, []).append(e)
            self.by_initials.setdefault(e.initials, []).append(n)
            others += [(k, n) for k in e.keys[1:-1]]
        others.sort(key=lambda kn: kn[0])  # acronyms and aliases, for prefixes
        self._other_firsts = [k for k, _ in others]
        self._other_positions = [n for _, n in others]
        self.position = {id(e): n for n, e in enumerate(entries)}
        self.by_id = {e.id: e for e in entries}
        # Every entry's text in one string: str.find runs through it at C speed to the next candidate.
        self.blob = "\n".join(e.text for e in entries)
        self.offsets, at = [], 0
        for e in entries:
            self.offsets.append(at)
            at += len(e.text) + 1

    def holding(self, word: str):
        """The entries whose text holds ``word``, shortest names first, found without a Python-level scan."""
        pos = self.blob.find(word)
        while pos >= 0:
            n = bisect.bisect_right(self.offsets, pos) - 1
            yield self.entries[n]
            nxt = self.offsets[n + 1] if n + 1 < len(self.offsets) else len(self.blob)
            pos = self.blob.find(word, nxt)

    def __len__(self) -> int:
        return len(self.entries)

    def first_tier(self, q: str) -> list[int]:
        """Positions of the entries whose initials are ``q`` or an acronym or alias of which starts with it, in
        order (a one-letter ``q`` at 10,000 times the data: hundreds of thousands, found without a Python loop)."""
        firsts = self._other_firsts
        start = bisect.bisect_left(firsts, q)
        end = bisect.bisect_left(firsts, q[:-1] + chr(ord(q[-1]) + 1), start)
        return sorted({*self.by_initials.get(q, ()), *self._other_positions[start:end]})


def prepare(items, names_ja: dict[str, tuple[str, ...]] | None = None) -> Entries:
    return items if isinstance(items, Entries) else Entries(items, names_ja)


def matches(entries, text: str, recent: list[str] = (), limit: int = 60) -> list[Entry]:
    """Entries holding every typed word (accent-blind), best first: an exact name, acronym, alias or id; then
    initials ("arf") or acronym and alias prefixes; then names starting with the text or whose words start with
    each typed word; then plain substrings. Within a tier, recently visited records first, then shorter names.
    With nothing typed: the recent records, then everything. Fast on 100 times the data: the first tiers come
    from indexes, and the scan of the rest (shortest names first) stops once the third tier is full."""
    entries = prepare(entries)
    q = fold(" ".join(text.split()))
    rank = {rid: n for n, rid in enumerate(recent)}
    late = len(rank)
    if not q:
        first = [entries.by_id[rid] for rid in recent if rid in entries.by_id]
        rest = [e for e in entries.entries[:limit + len(first)] if e.id not in rank]
        return (first + rest)[:limit]
    words = q.split()
    tiers: dict[int, tuple[int, Entry]] = {}  # id(entry) -> (its tier, it), the best tier kept

    def put(e: Entry, tier: int) -> None:
        if all(w in e.text for w in words) and tiers.get(id(e), (9, e))[0] > tier:
            tiers[id(e)] = (tier, e)

    for e in entries.exact.get(q, []):
        put(e, 0)
    # The first tier in order until it alone fills the list (later ones could only come after), and the recent
    # records in it, which come first wherever they are.
    ones = entries.first_tier(q)
    taken = 0
    for n in ones:
        if taken >= limit:
            break
        before = tiers.get(id(entries.entries[n]))
        put(entries.entries[n], 1)
        taken += tiers.get(id(entries.entries[n])) is not before
    for rid in recent:
        n = entries.position.get(id(entries.by_id[rid])) if rid in entries.by_id else None
        if n is not None and (at := bisect.bisect_left(ones, n)) < len(ones) and ones[at] == n:
            put(entries.entries[n], 1)
    starts = [" " + w for w in words]
    full = substrings = 0
    # Walk the entries holding the rarest typed word ("la jo": "jo"), as counted in the blob's first part
    # (counting it all would cost milliseconds at 100x).
    pivot = words[0] if len(words) == 1 else min(words, key=lambda w: (entries.blob.count(w, 0, _SAMPLE), -len(w)))
    for e in entries.holding(pivot):
        if full >= limit:
            break  # every later name is longer: it could only come after these
        if len(words) > 1 and not all(w in e.text for w in words):
            continue
        if e.keys[0].startswith(q) or all(w in e.text for w in starts):
            put(e, 2)
            full += 1
        elif substrings < limit or e.id in rank:
            put(e, 3)
            substrings += 1
    found = sorted(tiers.values(), key=lambda te: (te[0], rank.get(te[1].id, late), entries.position[id(te[1])]))
    return [e for _, e in found[:limit]]


class QuickOpen(QDialog):
    chosen = Signal(str)

    def __init__(self, items, parent=None, recent: list[str] = ()):
        super().__init__(parent)
        self.recent = list(recent)
        self.setObjectName("quickOpen")
        self.setWindowTitle(self.tr("Go to\u2026"))
        self.resize(520, 380)
        self.items = prepare(items)  # give it prepared Entries to open at once on a large atlas
        self.edit = QLineEdit(placeholderText=self.tr("Type a forum, participant, person or event"),
                              objectName="quickOpenEdit")
        self.edit.setAccessibleName(self.tr("Go to"))
        self.list = QListWidget(objectName="quickOpenList")
        self.list.setAccessibleName(self.tr("Matches"))
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
            recent = self.tr("recent") + " \u00b7 " if entry.id in self.recent else ""
            name = f"{entry.name}  {entry.name_ja}" if entry.name_ja and i18n.current() == "ja" else entry.name
            item = QListWidgetItem(f"{name}    \u00b7 {recent}{term(KIND_LABELS[entry.kind])}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(QListWidgetItem(self.tr("No matches. Try fewer letters.")))

    def _accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item) -> None:
        rid = item.data(Qt.ItemDataRole.UserRole)
        if rid:
            self.chosen.emit(rid)
            self.accept()
