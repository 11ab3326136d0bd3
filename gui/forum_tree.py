"""The forum tree: a thin item model over the filtered node tree (gui/tree_filter.py), and the pane."""

from __future__ import annotations

import time
from collections.abc import Generator

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.date_words import founding_year
from gui.forum_tree_view import ForumTreeView
from gui.i18n import translate
from gui.terms import term
from gui.tree_filter import AWAY, Node, Shown, TreeFilter, build_tree, filter_text
from model import records as r

GROUPINGS = [("track", QT_TRANSLATE_NOOP("Vocabulary", "Track")), ("kind", QT_TRANSLATE_NOOP("Vocabulary", "Kind")),
             ("scope", QT_TRANSLATE_NOOP("Vocabulary", "Scope")),
             ("status", QT_TRANSLATE_NOOP("Vocabulary", "Status in 1999")),
             ("participant", QT_TRANSLATE_NOOP("Vocabulary", "Participant"))]  # labels: gui/terms.py translates
COLUMNS = (QT_TRANSLATE_NOOP("ForumTree", "Forum"), QT_TRANSLATE_NOOP("ForumTree", "Acronym"),
           QT_TRANSLATE_NOOP("ForumTree", "Founded"), QT_TRANSLATE_NOOP("ForumTree", "Role"))
ID_ROLE = Qt.ItemDataRole.UserRole
_DISPLAY, _TOOLTIP, _FONT, _FOREGROUND = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                          Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole)
# The roles ForumTreeModel answers. The view asks eight of every cell each time it sizes the acronym and year
# columns to their contents (tens of thousands of calls at start-up): the others return at the first line.
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FONT, _FOREGROUND, ID_ROLE})
_TOP = QModelIndex()  # the invisible root, as a default argument
_BRANCH = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF = _BRANCH | Qt.ItemFlag.ItemNeverHasChildren


class ForumTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.shown = Shown(Node("root"))
        self.filter_roles: dict[str, list[str]] = {}  # forum id -> roles of the filtered participant
        self.uncertain: set[str] = set()  # forums whose founding is uncertain at the as-of month
        self.marks_for = None  # record id -> (marks, description): the analyst's basket, bookmark, note
        self._marks: dict[Node, tuple[str, str]] = {}  # the marks last read of each forum's node (refresh_marks)

    def reset(self, shown: Shown) -> None:
        """Show ``shown`` (TreeFilter.apply): one reset, whatever the filters changed."""
        self.beginResetModel()
        self.shown = shown
        self._marks.clear()
        self.endResetModel()

    def index_of(self, node: Node) -> QModelIndex:
        """The index of a shown node (the first column)."""
        return self.createIndex(self.shown.rows[node], 0, node)

    def refresh_marks(self) -> None:
        """The analyst's marks changed (gui/user_data.py): repaint the names whose marks did.

        Only those: a dataChanged for every row makes the filter recount every group (a quarter of a second
        when the notes open at start-up). A name never read yet has no mark on screen to update."""
        for node, shown in list(self._marks.items()):
            if (self.marks_for(node.id) if self.marks_for else ("", "")) != shown:
                del self._marks[node]
                index = self.index_of(node)
                self.dataChanged.emit(index, index)

    def marks(self, node: Node) -> tuple[str, str]:
        if not self.marks_for or node.kind != "forum":
            return "", ""
        self._marks[node] = value = self.marks_for(node.id)
        return value

    # index, parent, rowCount and flags are asked of every row when the view lays the tree out
    # (expanding it after each filter): a dictionary lookup each, no more.
    def index(self, row, column, parent=_TOP):
        kids = self.shown.children.get(parent.internalPointer() if parent.isValid() else self.shown.root, ())
        if 0 <= row < len(kids) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index=_TOP):
        if not index.isValid():
            return QModelIndex()
        owner = index.internalPointer().parent
        if owner is None or owner is self.shown.root:
            return QModelIndex()
        return self.createIndex(self.shown.rows[owner], 0, owner)

    def rowCount(self, parent=_TOP):
        if not parent.isValid():
            return len(self.shown.children.get(self.shown.root, ()))
        if parent.column() != 0:
            return 0
        return len(self.shown.children.get(parent.internalPointer(), ()))

    def columnCount(self, parent=_TOP):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ForumTree", COLUMNS[section])
        return None

    def roles_of(self, node: Node) -> tuple[str, ...]:
        return node.roles or tuple(self.filter_roles.get(node.id, ()))

    def data(self, index, role=_DISPLAY):
        if role not in _ANSWERED or not index.isValid():
            return None
        node: Node = index.internalPointer()
        col = index.column()
        if role == _DISPLAY:
            if node.kind == "group":  # its count of the forums shown, absences not counted
                if col:
                    return None
                return f"{term(node.label)} ({self.shown.counts.get(node, 0)})"
            if col == 0:
                marks = self.marks(node)[0]
                return f"{marks}  {node.label}" if marks else node.label  # before: a long name is elided
            if col == 1:
                return node.acronym
            if col == 2:
                return f"{node.year} ?" if node.id in self.uncertain else node.year
            return ", ".join(term(r.label(x)) for x in self.roles_of(node))
        if role == ID_ROLE:
            return node.id
        if role == _TOOLTIP and node.kind == "forum":
            roles = self.roles_of(node)
            doubt = translate("ForumTree", " (its founding is uncertain at the as-of date)") \
                if node.id in self.uncertain else ""
            said = self.marks(node)[1]
            return (node.label + (f" ({node.acronym})" if node.acronym else "")
                    + (f" \u2014 {', '.join(term(r.label(x)) for x in roles)}" if roles else "") + doubt
                    + (f"\n{said}" if said else ""))
        if role == _FONT:
            if node.kind == "group":
                font = QFont()
                font.setBold(True)
                return font
            roles = self.roles_of(node)
            if roles and all(x in AWAY for x in roles):
                font = QFont()
                font.setItalic(True)
                return font
        if role == _FOREGROUND and node.kind == "forum":
            roles = self.roles_of(node)
            if roles and all(x in AWAY for x in roles):
                return QPalette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node: Node = index.internalPointer()
        return _BRANCH if node.children or node.kind != "forum" else _LEAF  # a leaf: the view need not look in it


EXPAND_MAX = 1000  # rows a typed filter opens all at once
SYNC_MAX = 20_000  # forums a keystroke filters in one go; above, a few milliseconds at a time (``_work``)
SLICE_S = 0.008  # how long the filter works before the window handles input and paints again


class ForumTreePane(QWidget):
    """Grouping, participant filter, text filter and the tree, all following and setting the app state."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.atlas = None
        self._roles: dict[str, dict[str, list[str]]] = {}
        self._texts: list[tuple[str, str]] = []  # every forum's id and filter_text (visible_forums)
        self._matched: tuple[str, list[tuple[str, str]]] | None = None  # visible_forums' last text and its matches
        self._names_ja: dict[str, tuple[str, ...]] = {}  # the Japanese window's: the text filter finds them too
        self.grouping = QComboBox(objectName="groupingBox")
        for key, text in GROUPINGS:
            self.grouping.addItem(term(text), key)
        self.grouping.setToolTip(self.tr("Group the forums by"))
        self.participant = QComboBox(objectName="participantFilter")
        self.participant.setToolTip(self.tr("Show only the forums of one participant"))
        self.filter = QLineEdit(objectName="treeFilter", placeholderText=self.tr("Filter forums\u2026"),
                                clearButtonEnabled=True)
        self.model = ForumTreeModel(self)
        self.filtering = TreeFilter(self.model.shown.root)
        self.text = ""  # the text filter, lowercase
        self.allowed: set[str] | None = None  # the filtered participant's forums (None: all)
        self.existing: set[str] | None = None  # the forums that existed at the as-of month (None: all)
        self._away: set[str] = set()  # the filtered participant's forums where its roles are all absences
        self._collapsed: set[Node] = set()  # what the user collapsed, unfiltered: collapsed again when it clears
        self.tree = ForumTreeView()
        self.tree.setModel(self.model)
        self.model.dataChanged.connect(self.tree.refit)
        self._fitted: tuple | None = None  # the filters the fitted columns were last measured under
        self._job: Generator[None, None, Shown] | None = None  # a typed filter still at work (``_work``)
        self._more = QTimer(self, singleShot=True, interval=0)
        self._more.timeout.connect(self._work)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in ForumTreeView.FITTED:  # sized by the view (ForumTreeView.fitted_widths)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        # Roles can be long ("Founder, Funder, Member"): a fixed, resizable width that never crowds out names.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(3, 110)
        self.empty = QLabel(self.tr("No forums match.\nClear the filter or pick \u201cAll participants\u201d."),
                            alignment=Qt.AlignmentFlag.AlignCenter, objectName="treeEmpty")
        self.empty.setWordWrap(True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Group by")))
        row.addWidget(self.grouping, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.participant)
        layout.addWidget(self.filter)
        layout.addLayout(self.stack, 1)

        self._quiet = False
        self._show_grouping(state.grouping)
        # The widgets set the state; the pane follows the state (whoever set it).
        self.filter.textChanged.connect(state.set_text_filter)
        self.grouping.currentIndexChanged.connect(self._on_grouping)
        self.participant.currentIndexChanged.connect(self._on_participant)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.collapsed.connect(lambda index: self._remember(index, True))
        self.tree.expanded.connect(lambda index: self._remember(index, False))
        state.groupingChanged.connect(self._follow_grouping)
        state.participantChanged.connect(self._follow_participant)
        state.textFilterChanged.connect(self._follow_text)
        state.asOfChanged.connect(self._follow_as_of)

    def set_atlas(self, atlas) -> None:
        self.atlas = atlas
        self._roles = atlas.roles_by_participant()
        ja = self._names_ja = atlas.names_ja() if i18n.current() == "ja" else {}  # translations, beside the paper's names
        self._texts = [(f.id, filter_text(f.name, f.acronym, ja.get(f.id, ()))) for f in atlas.forums()]
        self._matched = None
        self._quiet = True
        self.participant.clear()
        self.participant.addItem(self.tr("All participants"), None)
        for p in atlas.participants():
            if p.id in self._roles:
                self.participant.addItem(f"{p.short_name}\u3000{ja[p.id][0]}" if p.id in ja else p.short_name, p.id)
        self._quiet = False
        if self.state.participant not in self._roles:  # a remembered participant this atlas lacks
            self.state.set_participant(None)
        # The participant filter first, then one rebuild: expanding the whole tree twice doubled the start's work.
        self._follow_participant(self.state.participant, refilter=False)
        self.rebuild()

    def set_grouping(self, key: str) -> None:
        self.state.set_grouping(key)

    def current_grouping(self) -> str:
        return self.state.grouping

    def set_participant(self, pid: str | None) -> None:
        self.state.set_participant(pid)

    def visible_forums(self) -> set[str] | None:
        """The ids of the forums the participant and text filters let through; None when neither is set."""
        pid, words = self.state.participant, self.state.text_filter.strip()
        if self.atlas is None or (pid is None and not words):
            return None
        ids = set(self._roles.get(pid, {})) if pid else None
        if words:  # every forum, not the tree's nodes: the other views ask this of forums the tree may not hold
            words = words.lower()
            texts = self._texts
            if self._matched is not None and words.startswith(self._matched[0]):
                texts = self._matched[1]  # a letter typed on: as the tree's filter, only the last matches again
            for word in words.split():
                texts = [pair for pair in texts if word in pair[1]]
            self._matched = words, texts
            ids = {fid for fid, _ in texts if ids is None or fid in ids}
        return ids

    def groups(self) -> list[tuple[str, list[r.ForumRow]]]:
        return self.atlas.grouped(self.current_grouping()) if self.atlas else []

    def rebuild(self) -> None:
        if self.atlas is None:
            return
        key = self.current_grouping()
        groups = self.atlas.grouped(key)
        ids = None
        if key == "participant":
            names = {p.short_name: p.id for p in self.atlas.participants()}
            ids = [names[label] for label, _ in groups]
        current = self.current_id()
        self.filtering = TreeFilter(build_tree(groups, self._roles if ids else None, ids, founding_year, self._names_ja))
        self._collapsed.clear()
        self._fitted = None
        self._refilter()
        self._update_role_column()
        if current:
            self.select(current)

    def _refilter(self, typed: bool = False) -> None:
        """Show what the filters let through. A ``typed`` text over more than SYNC_MAX forums is filtered
        SLICE_S at a time, the window handling input and painting between (the tree keeps its last rows
        meanwhile, under a busy cursor): at 10,000x data a keystroke had held the window 136 ms."""
        self._job = self.filtering.steps(self.text, self.allowed, self.existing, self._away)
        self._work(whole=not typed or len(self.filtering.nodes) <= SYNC_MAX)

    def _work(self, whole: bool = False) -> None:
        """Run the filter's job for SLICE_S (or to its end), then show its result or come back for more."""
        job = self._job
        if job is None:
            return
        deadline = time.perf_counter() + SLICE_S
        try:
            next(job)  # a chunk at least, each turn
            while whole or time.perf_counter() < deadline:
                next(job)
        except StopIteration as done:
            self._job = None
            self.tree.viewport().unsetCursor()
            self._show(done.value)
            return
        self.tree.viewport().setCursor(Qt.CursorShape.BusyCursor)
        self._more.start()

    def big(self) -> bool:
        """Whether the tree holds so many forums that a typed filter works a slice at a time."""
        return len(self.filtering.nodes) > SYNC_MAX

    def busy(self) -> bool:
        """Whether a typed filter is still at work (its rows not shown yet)."""
        return self._job is not None

    def _show(self, shown: Shown) -> None:
        """Show ``shown``, every group expanded (the user's own collapsing again when no text filters), the
        current row kept when it is still shown."""
        index = self.tree.currentIndex()
        current = index.internalPointer() if index.isValid() else None
        self.model.reset(shown)
        # A text that extends the last measured one shows a subset of its rows, which the columns already fit:
        # measuring them again was half of a keystroke at 100x.
        last = self._fitted
        if last is None or last[1:] != (self.allowed, self.existing) or not self.text.startswith(last[0]):
            self.tree.refit()
            self._fitted = (self.text, self.allowed, self.existing)
        rows = self.model.shown.rows
        # Thousands of rows leave the groups closed, their counts showing: laying out every row took most of a
        # keystroke at 100x (150 ms for 10,000), and 17 s for the whole tree at 10,000x; typing on narrows them.
        if len(rows) <= EXPAND_MAX:
            self.tree.blockSignals(True)  # expandAll signals every row's expansion: no call back per row
            self.tree.expandAll()
            self.tree.blockSignals(False)
        if not self.text:
            for node in self._collapsed & rows.keys():
                self.tree.collapse(self.model.index_of(node))
        if current in rows:
            self._quiet = True
            self.tree.setCurrentIndex(self.model.index_of(current))
            self._quiet = False
        self._update_empty()

    def _remember(self, index: QModelIndex, collapsed: bool) -> None:
        if self.text:  # what is expanded while the text filters is the filter's, not the user's
            return
        (self._collapsed.add if collapsed else self._collapsed.discard)(index.internalPointer())

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, rid: str) -> bool:
        """Make ``rid`` the current row, without selecting it in the app state. False when not shown."""
        rows, nodes = self.model.shown.rows, self.filtering.nodes
        match = next((nodes[i] for i in self.filtering.places.get(rid, ()) if nodes[i] in rows), None)
        if match is None:
            self.tree.clearSelection()
            return False
        index = self.model.index_of(match)
        self._quiet = True
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._quiet = False
        return True

    def _on_current(self, current, _previous) -> None:
        rid = current.data(ID_ROLE) if current.isValid() else None
        if rid and not self._quiet:
            self.state.selection.select(rid, step=self.tree.stepping)

    def _on_grouping(self) -> None:
        if not self._quiet:
            self.state.set_grouping(self.grouping.currentData())

    def _on_participant(self) -> None:
        if not self._quiet:
            self.state.set_participant(self.participant.currentData())

    # -- following the app state ------------------------------------------------------------------
    def _show_grouping(self, key: str) -> None:
        n = self.grouping.findData(key)
        if n >= 0 and n != self.grouping.currentIndex():
            self._quiet = True
            self.grouping.setCurrentIndex(n)
            self._quiet = False

    def _follow_grouping(self, key: str) -> None:
        self._show_grouping(key)
        self.rebuild()

    def _follow_participant(self, pid: str | None, refilter: bool = True) -> None:
        n = self.participant.findData(pid) if pid else 0
        if n >= 0 and n != self.participant.currentIndex():
            self._quiet = True
            self.participant.setCurrentIndex(n)
            self._quiet = False
        roles = dict(self._roles.get(pid, {})) if pid else {}
        self.model.filter_roles = roles
        self.allowed = set(roles) if pid else None
        self._away = {fid for fid, held in roles.items() if held and all(x in AWAY for x in held)}
        if refilter:
            self._refilter()
        self._update_role_column()

    def _follow_text(self, text: str) -> None:
        if self.filter.text() != text:
            self.filter.setText(text)  # its textChanged sets the state again: no change, no signal
        self.text = text.strip().lower()
        self._refilter(typed=True)

    def _follow_as_of(self, month: str | None) -> None:
        """Only the forums that existed at the month; those of uncertain founding marked "?"."""
        from model import as_of as when

        states = when.forum_states(self.atlas, month) if month and self.atlas else {}
        self.model.uncertain = {f for f, s in states.items() if s == when.UNCERTAIN}
        self.existing = ({f for f, s in states.items() if s in (when.EXISTS, when.UNCERTAIN)}
                         if month and self.atlas else None)
        self._refilter()  # its reset measures the founding years again, which gain or lose their "?"

    def _update_role_column(self) -> None:
        show = self.current_grouping() == "participant" or self.state.participant is not None
        self.tree.setColumnHidden(3, not show)
        self.tree.give_way()

    def _update_empty(self) -> None:
        self.stack.setCurrentWidget(self.empty if self.model.rowCount() == 0 else self.tree)
