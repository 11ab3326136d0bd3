"""The forum tree: a plain node tree, a thin item model over it, a filter proxy, and the pane."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
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
AWAY = r.AWAY  # roles that mean staying out: model/roles.py
_TOP = QModelIndex()  # the invisible root, as a default argument


@dataclass(eq=False)
class Node:
    kind: str  # "root" | "group" | "forum"
    id: str | None = None
    label: str = ""
    acronym: str = ""
    year: str = ""
    roles: tuple[str, ...] = ()
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0  # cached, so parent() is O(1)
    text: str = ""  # lowercase name and acronym, for the filter

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child

    @property
    def away(self) -> bool:
        return bool(self.roles) and all(role in AWAY for role in self.roles)


def build_tree(groups: list[tuple[str, list[r.ForumRow]]], roles: dict[str, dict[str, list[str]]] | None = None,
               group_ids: list[str] | None = None) -> Node:
    """Groups of forums as a node tree; a sub-body nests under its parent when both are in the group.

    ``roles`` (participant grouping) maps a group's participant id to forum id -> roles there.
    """
    root = Node("root")
    for n, (label, forums) in enumerate(groups):
        group = root.add(Node("group", label=label))
        pid = group_ids[n] if group_ids else None
        here = {f.id for f in forums}
        nodes: dict[str, Node] = {}
        pending = list(forums)
        while pending:  # parents before children, whatever the input order
            progress = False
            for f in list(pending):
                if f.parent_id in here and f.parent_id not in nodes:
                    continue
                owner = nodes.get(f.parent_id, group) if f.parent_id in here else group
                node_roles = tuple((roles or {}).get(pid, {}).get(f.id, ())) if pid else ()
                nodes[f.id] = owner.add(Node("forum", f.id, f.name, f.acronym or "", founding_year(f), node_roles,
                                             text=f"{f.name} {f.acronym or ''}".lower()))
                pending.remove(f)
                progress = True
            if not progress:  # a parent cycle: place the rest flat rather than loop
                for f in pending:
                    nodes[f.id] = group.add(Node("forum", f.id, f.name, f.acronym or "", founding_year(f),
                                                 text=f"{f.name} {f.acronym or ''}".lower()))
                pending.clear()
    return root


class ForumTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.root = Node("root")
        self.filter_roles: dict[str, list[str]] = {}  # forum id -> roles of the filtered participant
        self.uncertain: set[str] = set()  # forums whose founding is uncertain at the as-of month
        self.marks_for = None  # record id -> (marks, description): the analyst's basket, bookmark, note
        self.count_of = None  # group node -> the forums it shows now (ForumTreePane: ForumFilter.count)
        self._marks: dict[Node, tuple[str, str]] = {}  # the marks last read of each forum's node (refresh_marks)

    def reset(self, root: Node) -> None:
        self.beginResetModel()
        self.root = root
        self._marks.clear()
        self.endResetModel()

    def set_filter_roles(self, roles: dict[str, list[str]]) -> None:
        self.filter_roles = roles
        if self.root.children:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1),
                                  [Qt.ItemDataRole.DisplayRole])

    def refresh_marks(self) -> None:
        """The analyst's marks changed (gui/user_data.py): repaint the names whose marks did.

        Only those: a dataChanged for every row makes the filter recount every group (a quarter of a second
        when the notes open at start-up). A name never read yet has no mark on screen to update."""
        for node, shown in list(self._marks.items()):
            if (self.marks_for(node.id) if self.marks_for else ("", "")) != shown:
                del self._marks[node]
                index = self.createIndex(node.row, 0, node)
                self.dataChanged.emit(index, index)

    def marks(self, node: Node) -> tuple[str, str]:
        if not self.marks_for or node.kind != "forum":
            return "", ""
        self._marks[node] = value = self.marks_for(node.id)
        return value

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row, column, parent=_TOP):
        owner = self.node(parent)
        if 0 <= row < len(owner.children) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, owner.children[row])
        return QModelIndex()

    def parent(self, index=_TOP):
        if not index.isValid():
            return QModelIndex()
        owner = index.internalPointer().parent
        if owner is None or owner is self.root:
            return QModelIndex()
        return self.createIndex(owner.row, 0, owner)

    def rowCount(self, parent=_TOP):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

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
                return f"{term(node.label)} ({self.count_of(node)})" if self.count_of else term(node.label)
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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def matches_text(text: str, words: str) -> bool:
    """Whether ``text`` (a forum's lowercase name and acronym) holds every word of the text filter."""
    return all(word in text for word in words.lower().split())


class ForumFilter(QSortFilterProxyModel):
    """Narrows by typed text and by a participant's forums; parents of a match stay visible."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.text = ""
        self.allowed: set[str] | None = None
        self.existing: set[str] | None = None  # the forums that existed at the as-of month (None: all)

    # Each filter change maps the rows afresh (invalidate: one layout change) rather than row by row
    # (invalidateFilter, endFilterChange), which removes hidden rows range by range and asks the Python model
    # for parents millions of times: at 100x data one keystroke took 90 s that way, 0.5 s this way.
    def set_text(self, text: str) -> None:
        self.text = text.strip().lower()
        self.invalidate()

    def set_allowed(self, ids: set[str] | None) -> None:
        self.allowed = ids
        self.invalidate()

    def set_existing(self, ids: set[str] | None) -> None:
        self.existing = ids
        self.invalidate()

    def count(self, index: QModelIndex) -> int:
        """The forums shown under ``index`` now (after the filters), absences not counted."""
        model = self.sourceModel()
        n = 0
        for row in range(self.rowCount(index)):
            child = self.index(row, 0, index)
            node: Node = self.mapToSource(child).internalPointer()
            roles = model.roles_of(node)
            n += (not (roles and all(x in AWAY for x in roles))) + self.count(child)
        return n

    def filterAcceptsRow(self, row, parent):
        index = self.sourceModel().index(row, 0, parent)
        node: Node = index.internalPointer()
        if node.kind != "forum":
            return not self.text and self.allowed is None and self.existing is None and bool(node.children)
        if self.allowed is not None and node.id not in self.allowed:
            return False
        if self.existing is not None and node.id not in self.existing:
            return False
        return matches_text(node.text, self.text)


class ForumTreePane(QWidget):
    """Grouping, participant filter, text filter and the tree, all following and setting the app state."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.atlas = None
        self._roles: dict[str, dict[str, list[str]]] = {}
        self.grouping = QComboBox(objectName="groupingBox")
        for key, text in GROUPINGS:
            self.grouping.addItem(term(text), key)
        self.grouping.setToolTip(self.tr("Group the forums by"))
        self.participant = QComboBox(objectName="participantFilter")
        self.participant.setToolTip(self.tr("Show only the forums of one participant"))
        self.filter = QLineEdit(objectName="treeFilter", placeholderText=self.tr("Filter forums\u2026"),
                                clearButtonEnabled=True)
        self.model = ForumTreeModel(self)
        self.proxy = ForumFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.count_of = lambda node: self.proxy.count(self.proxy.mapFromSource(
            self.model.createIndex(node.row, 0, node)))
        self.tree = ForumTreeView()
        self.tree.setModel(self.proxy)
        for changed in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                        self.proxy.rowsRemoved, self.proxy.dataChanged):
            changed.connect(self.tree.refit)
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
        state.groupingChanged.connect(self._follow_grouping)
        state.participantChanged.connect(self._follow_participant)
        state.textFilterChanged.connect(self._follow_text)
        state.asOfChanged.connect(self._follow_as_of)

    def set_atlas(self, atlas) -> None:
        self.atlas = atlas
        self._roles = atlas.roles_by_participant()
        self._quiet = True
        self.participant.clear()
        self.participant.addItem(self.tr("All participants"), None)
        ja = atlas.names_ja() if i18n.current() == "ja" else {}  # translations, beside the paper's names
        for p in atlas.participants():
            if p.id in self._roles:
                self.participant.addItem(f"{p.short_name}\u3000{ja[p.id][0]}" if p.id in ja else p.short_name, p.id)
        self._quiet = False
        if self.state.participant not in self._roles:  # a remembered participant this atlas lacks
            self.state.set_participant(None)
        # The participant filter first, then one rebuild: expanding the whole tree twice doubled the start's work.
        self._follow_participant(self.state.participant, expand=False)
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
        if words:
            ids = {f.id for f in self.atlas.forums() if (ids is None or f.id in ids)
                   and matches_text(f"{f.name} {f.acronym or ''}".lower(), words)}
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
        self.model.reset(build_tree(groups, self._roles if ids else None, ids))
        self.tree.expandAll()
        self._update_role_column()
        if current:
            self.select(current)
        self._update_empty()

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, rid: str) -> bool:
        """Make ``rid`` the current row, without selecting it in the app state. False when not shown."""
        match = self._find(self.model.root, rid)
        if match is None:
            self.tree.clearSelection()
            return False
        index = self.proxy.mapFromSource(self.model.createIndex(match.row, 0, match))
        if not index.isValid():
            self.tree.clearSelection()
            return False
        self._quiet = True
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._quiet = False
        return True

    def _find(self, node: Node, rid: str) -> Node | None:
        for child in node.children:
            if child.id == rid:
                return child
            found = self._find(child, rid)
            if found:
                return found
        return None

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

    def _follow_participant(self, pid: str | None, expand: bool = True) -> None:
        n = self.participant.findData(pid) if pid else 0
        if n >= 0 and n != self.participant.currentIndex():
            self._quiet = True
            self.participant.setCurrentIndex(n)
            self._quiet = False
        roles = dict(self._roles.get(pid, {})) if pid else {}
        self.model.set_filter_roles(roles)
        self.proxy.set_allowed(set(roles) if pid else None)
        if expand:
            self.tree.expandAll()
        self._update_role_column()
        self._update_empty()

    def _follow_text(self, text: str) -> None:
        if self.filter.text() != text:
            self.filter.setText(text)  # its textChanged sets the state again: no change, no signal
        self.proxy.set_text(text)
        self.tree.expandAll()
        self._update_empty()

    def _follow_as_of(self, month: str | None) -> None:
        """Only the forums that existed at the month; those of uncertain founding marked "?"."""
        from model import as_of as when

        states = when.forum_states(self.atlas, month) if month and self.atlas else {}
        self.model.uncertain = {f for f, s in states.items() if s == when.UNCERTAIN}
        self.tree.refit()  # founding years gain or lose their "?"
        self.proxy.set_existing({f for f, s in states.items() if s in (when.EXISTS, when.UNCERTAIN)}
                                if month and self.atlas else None)
        self.tree.expandAll()
        self._update_empty()

    def _update_role_column(self) -> None:
        show = self.current_grouping() == "participant" or self.state.participant is not None
        self.tree.setColumnHidden(3, not show)
        self.tree.give_way()

    def _update_empty(self) -> None:
        self.stack.setCurrentWidget(self.empty if self.proxy.rowCount() == 0 else self.tree)
