"""The search box above the forum tree and its results, grouped by kind, with the matching words in bold.

Typing restarts a short timer; the query runs when it fires, never inside the keystroke. The box
keeps the focus: Up and Down move through the hits, Enter selects one, Escape clears. A hit emits
``resultActivated`` with the record to show (for a claim its forum, for a quote the record it is
cited for). ``model.search`` is imported on the first query.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.hit_info import HitInfo
from gui.i18n import translate
from gui.search_list import HIT_ROLE, ResultDelegate, Row, SearchResultsModel, rows_for

DEBOUNCE_MS = 100
# The search's fixed hints (model/search.py makes them, in English): translated when shown. Hints that quote
# what was typed stay English.
HINTS = (
    QT_TRANSLATE_NOOP("SearchHints", "The search index is out of date: rebuild the database with `make db`."),
    QT_TRANSLATE_NOOP("SearchHints", "Type a word, or a filter such as track:2 or member:kp."),
    QT_TRANSLATE_NOOP("SearchHints", "No matches. Try fewer filters."),
    QT_TRANSLATE_NOOP("SearchHints", "No matches. Try fewer or shorter words."),
    QT_TRANSLATE_NOOP("SearchHints", "track: takes 1, 1.5, 2 or none (e.g. track:2)."),
    QT_TRANSLATE_NOOP("SearchHints", "status: takes active, defunct or proposed."),
    QT_TRANSLATE_NOOP("SearchHints", "author: takes cossa, fukushima or preface."),
    QT_TRANSLATE_NOOP("SearchHints", "year: takes a year (1994), a range (1993..1995) or a decade (1990s)."),
)


class SearchPane(QWidget):
    """The search box and its results. ``atlas`` is a callable giving the open atlas, or None."""

    resultActivated = Signal(str)

    def __init__(self, atlas, notes=None, parent=None):
        super().__init__(parent)
        self.setObjectName("searchPane")
        self._atlas = atlas
        self._info: HitInfo | None = None  # the hits' info lines for the atlas searched last
        self._notes = notes  # text -> [(record id, snippet)]: the analyst's notes that hold every word
        self.box = QLineEdit(objectName="searchBox", clearButtonEnabled=True,
                             placeholderText=self.tr("Search the atlas (Ctrl+F or /)\u2026"))
        self.box.setToolTip(self.tr("Words find names, aliases, places, summaries, claims and quotes.\n"
                                    "Filters: track:2  member:kp  year:1993..1995  kind:proposal  author:fukushima  "
                                    "status:active"))
        self.box.setAccessibleName(self.tr("Search"))
        self.status = QLabel(objectName="searchStatus", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setContentsMargins(4, 2, 4, 2)
        self.model = SearchResultsModel(self)
        self.delegate = ResultDelegate(self)
        self.results = QListView(objectName="searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setAccessibleName(self.tr("Search results"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(self._on_text)
        self.box.installEventFilter(self)
        self.results.clicked.connect(self.activate)
        self.results.activated.connect(self.activate)
        self.results_shown = None  # the model.search.Results on display
        self._warm = False
        self._show(False)

    # -- the public API -----------------------------------------------------------------------------
    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def clear(self) -> None:
        self.timer.stop()
        self.box.clear()
        self._show(False)

    def run_search(self) -> None:
        """Run the query for the box's text now (the timer calls this)."""
        self.timer.stop()
        text = self.box.text()
        if not text.strip():
            self._show(False)
            return
        atlas = self._atlas()
        if atlas is None:
            self._set_status(self.tr("The atlas is not loaded yet."))
            self.model.reset([])
            self._show(True)
            return
        from model.search import search

        try:
            results = search(atlas, text)
        except Exception as exc:  # noqa: BLE001 - a search must never take the window down
            self._set_status(self.tr("No matches: the search failed ({why}).").format(why=exc))
            self.model.reset([])
            self._show(True)
            return
        results = with_notes(results, text, self._notes, atlas)
        self.results_shown = results
        self.delegate.clear()
        if self._info is None or self._info.atlas is not atlas:  # made once per atlas: it reads its lists
            self._info = HitInfo(atlas)
        self.model.reset(rows_for(results, self._info))
        hints = [translate("SearchHints", hint) for hint in results.hints]
        if not results and not hints:
            hints.append(self.tr("No matches."))
        elif results:  # the total first: the groups show only their best hits
            shown = sum(len(group.hits) for group in results.groups)
            more = any(group.more for group in results.groups)
            hints.insert(0, self.tr("{n} or more matches").format(n=shown) if more else
                         self.tr("1 match") if shown == 1 else self.tr("{n} matches").format(n=shown))
        self._set_status("\n".join(hints))
        self._show(True)
        first = self.model.selectable_rows()
        if first:
            self.results.setCurrentIndex(self.model.index(first[0]))
            self.results.scrollToTop()

    def activate(self, index=None) -> None:
        """Select the current (or given) hit everywhere; a "more" row narrows the search to its kind."""
        if index is None or not isinstance(index, QModelIndex):
            index = self.results.currentIndex()
        if not index.isValid():
            return
        row: Row = index.data(HIT_ROLE)
        if row is None or row.kind == "header":
            return
        if row.kind == "more":
            self.box.setText(f"kind:{row.group} {_without_kind(self.box.text())}".strip() + " ")
            self.run_search()
            self.box.setFocus()
            return
        self.resultActivated.emit(row.hit.target)

    def hit_rows(self) -> list[Row]:
        return [row for row in self.model.rows if row.kind == "hit"]

    # -- behaviour ------------------------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        if text.strip():
            self.timer.start()
        else:
            self.timer.stop()
            self._show(False)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if obj is self.box and event.type() == QEvent.Type.FocusIn and not self._warm:
            QTimer.singleShot(0, self._warm_up)  # the first keystroke should not pay for it
        if obj is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if self.timer.isActive():
                    self.run_search()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[key]
                self._move(step)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive() or self.results_shown is None:
                    self.run_search()
                self.activate()
                return True
            if key == Qt.Key.Key_Escape:
                if self.box.text():
                    self.clear()
                    return True
                return False
        return super().eventFilter(obj, event)

    def _warm_up(self) -> None:
        """Import the search module and build the atlas's searcher while the user starts to type."""
        atlas = self._atlas()
        if atlas is not None and not self._warm:
            from model.search import searcher

            searcher(atlas)
            self._warm = True

    def _move(self, step: int) -> None:
        rows = self.model.selectable_rows()
        if not rows:
            return
        current = self.results.currentIndex().row()
        if current not in rows:
            n = 0 if step > 0 else len(rows) - 1
        else:
            n = max(0, min(len(rows) - 1, rows.index(current) + step))
        index = self.model.index(rows[n])
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show(self, shown: bool) -> None:
        """Show or fold away the results; the pane shrinks to the box (and any hint) when there are none,
        and in a splitter the results get room when they appear."""
        if not shown:
            self.model.reset([])
            self.results_shown = None
            self._set_status("")
        listed = shown and bool(self.model.rows)
        self.results.setVisible(listed)
        if listed:
            self.setMaximumHeight(16777215)
        else:
            margins = self.layout().contentsMargins()
            height = self.box.sizeHint().height() + margins.top() + margins.bottom()
            if self.status.isVisibleTo(self):
                inner = max(50, self.width() - margins.left() - margins.right())
                height += self.layout().spacing() + self.status.heightForWidth(inner)
            self.setMaximumHeight(height)
        splitter = self.parentWidget()
        if isinstance(splitter, QSplitter) and splitter.indexOf(self) == 0 and splitter.count() == 2:
            sizes = splitter.sizes()
            total = sum(sizes)
            if listed and total and sizes[0] < total * 0.4:
                mine = int(total * 0.62)
                splitter.setSizes([mine, total - mine])
            elif not listed and total:
                splitter.setSizes([self.maximumHeight(), total - self.maximumHeight()])


def with_notes(results, text: str, notes, atlas):
    """``results`` with a group "Your notes" for the analyst's notes holding every typed word, and "Team
    notes" for the team's (a third item of a found note names its author: model/team_store.py)."""
    from dataclasses import replace

    from model.search_results import MARK_OFF, MARK_ON, Group, Hit

    words = [w for w in text.split() if ":" not in w]  # filters are for the atlas, not for notes
    found = notes(" ".join(words)) if notes and words else []
    if not found:
        return results
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)

    def hits(found_here):
        return tuple(Hit("note", rid, rid, atlas.name_of(rid),
                         pattern.sub(lambda m: MARK_ON + m.group(0) + MARK_OFF, snip), who[0] if who else translate("SearchPane", "your note"))
                     for rid, snip, *who in found_here)

    own, team = [f for f in found if len(f) == 2], [f for f in found if len(f) > 2]
    groups = [Group("note", label, hits(part), False)
              for label, part in ((translate("SearchPane", "Your notes"), own),
                                       (translate("SearchPane", "Team notes"), team)) if part]
    return replace(results, groups=(*results.groups, *groups))


def _without_kind(text: str) -> str:
    return " ".join(w for w in text.split() if not w.lower().startswith("kind:"))
