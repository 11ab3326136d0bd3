"""The chronology: every event in a table (date, forum, participants, kind, title), sortable and filterable.

It shows what the timeline shows, in a form a screen reader can read: it follows the timeline's brush
(the app state's date range), the forum filters and the selection, and a click selects the event. A
filter keystroke looks through precomputed lower-case text, so it stays quick with 14,000 events.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import i18n, table_export
from gui.date_words import event_when
from gui.i18n import translate
from gui.terms import term
from model import vocabulary
from model.dates import PartialDate

COLUMNS = (QT_TRANSLATE_NOOP("ChronologyModel", "Date"), QT_TRANSLATE_NOOP("ChronologyModel", "Forum"),
           QT_TRANSLATE_NOOP("ChronologyModel", "Participants"), QT_TRANSLATE_NOOP("ChronologyModel", "Kind"),
           QT_TRANSLATE_NOOP("ChronologyModel", "Event"))
ID_ROLE = Qt.ItemDataRole.UserRole
# Roles as plain ints: a model's data() is called for every cell painted, and Qt enums compare slowly.
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
FONT = int(Qt.ItemDataRole.FontRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
CELL_ROLES = frozenset({DISPLAY, TOOLTIP, FONT, ACCESSIBLE, int(ID_ROLE.value)})
BOLD = QFont()
BOLD.setBold(True)
_TOP = QModelIndex()


def columns() -> list[str]:
    """The column headings in the interface's language."""
    return [translate("ChronologyModel", c) for c in COLUMNS]


class ChronologyModel(QAbstractTableModel):
    """All events, read once; ``shown`` is the indices that pass the filters, in the chosen order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ids: list[str] = []
        self.cells: list[tuple[str, str, str, str, str]] = []
        self.days: list[tuple[int, int]] = []
        self.forums: list[tuple[str, ...]] = []
        self.text: list[str] = []  # each row's words, lower case, for the filter
        self.shown: list[int] = []
        self.bold: set[str] = set()  # events of the selected forum or participant
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._keys: list[tuple] = []
        self.order: list[int] = []  # every row, in the current sort
        self.headings = columns()

    def load(self, atlas) -> None:
        con = atlas.connection
        names = {f.id: f.acronym or f.name for f in atlas.forums()}
        people = {p.id: p.short_name for p in atlas.participants()}
        forum_of: dict[str, list[str]] = defaultdict(list)
        for eid, fid in con.execute("SELECT event_id, forum_id FROM eventforum"):
            forum_of[eid].append(fid)
        who: dict[str, list[str]] = defaultdict(list)
        who_ids: dict[str, list[str]] = defaultdict(list)
        for eid, pid in con.execute("SELECT event_id, participant_id FROM eventparticipant"):
            who[eid].append(people[pid])
            who_ids[eid].append(pid)
        # The Japanese window's filter finds an event by its forums' and participants' Japanese names (北朝鮮),
        # as the search box and Ctrl+K find those records; the cells keep the paper's names.
        ja = atlas.names_ja() if i18n.current() == "ja" else {}
        kinds = {k: term(label) for k, label in vocabulary.EVENT_KINDS.labels().items()}
        self.beginResetModel()
        self.ids, self.cells, self.days, self.forums, self.text, self._keys = [], [], [], [], [], []
        dates: dict[str, PartialDate] = {}
        for eid, title, kind, when, end, lo, hi in con.execute(
                "SELECT id, title, kind, date, \"end\", lo, hi FROM event ORDER BY lo, hi, id"):
            date = dates.get(when) or dates.setdefault(when, PartialDate.parse(when))
            text = event_when(date, PartialDate.parse(end) if end else None)
            fids = tuple(forum_of.get(eid, ()))
            row = (text, ", ".join(names[f] for f in fids), ", ".join(sorted(who.get(eid, ()))),
                   kinds.get(kind, kind), title)
            self.ids.append(eid)
            self.cells.append(row)
            self.days.append((lo, hi))
            self.forums.append(fids)
            names_ja = [n for rid in (*fids, *who_ids.get(eid, ())) for n in ja.get(rid, ())] if ja else []
            self.text.append(" ".join((*row, *names_ja)).lower())
            self._keys.append((lo + hi, lo, hi))
        self.shown = list(range(len(self.ids)))
        self.order = self._ordered(self.shown, *self._sort)
        self.endResetModel()

    def set_shown(self, shown: list[int]) -> None:
        """``shown``: rows in ``order`` (the current sort), as a filter over ``order`` leaves them."""
        self.beginResetModel()
        self.shown = shown
        self.endResetModel()

    def _ordered(self, rows: list[int], column: int, order) -> list[int]:
        if column == 0:
            key = self._keys.__getitem__
        else:
            cells = self.cells
            key = lambda i: (cells[i][column].lower(), self._keys[i])  # noqa: E731 - a sort key
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.shown[i.row()] for i in old]
        self.order = self._ordered(self.order, column, order)
        self.shown = self._ordered(self.shown, column, order)
        where = {row: n for n, row in enumerate(self.shown)}
        self.changePersistentIndexList(old, [self.index(where[i], o.column()) for i, o in zip(ids, old, strict=True)])
        self.layoutChanged.emit()

    def rowCount(self, parent=_TOP):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent=_TOP):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=DISPLAY):
        if role not in CELL_ROLES or not index.isValid():  # the roles a cell never answers, asked on each paint
            return None
        row = self.shown[index.row()]
        if role in (DISPLAY, TOOLTIP):
            return self.cells[row][index.column()]
        if role == FONT:
            return BOLD if self.bold and self.ids[row] in self.bold else None
        if role == ACCESSIBLE:
            return self.headings[index.column()] + ": " + (self.cells[row][index.column()] or self.tr("none"))
        return self.ids[row]

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY \
                and 0 <= section < len(COLUMNS):
            return self.headings[section]
        return None

    def row_of(self, eid: str) -> int:
        try:
            return self.shown.index(self.ids.index(eid))
        except ValueError:
            return -1


class ChronologyView(QWidget):
    """The table with its filter box, an empty state, and CSV export and print."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("chronologyView")
        self.state = state
        self.visible: set[str] | None = None  # the forums the app's filters let through
        self.model = ChronologyModel(self)
        self.filter = QLineEdit(objectName="chronologyFilter", placeholderText=self.tr("Filter events\u2026"),
                                clearButtonEnabled=True)
        self.filter.setAccessibleName(self.tr("Filter the chronology"))
        self.table = QTableView(objectName="chronologyTable")
        self.table.setAccessibleName(self.tr("Chronology of events"))
        self.table.setAccessibleDescription(self.tr("Every event on the timeline, one a row: date, forum, "
                                                    "participants, kind and title. Enter selects the event."))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for n, width in enumerate((150, 140, 180, 90)):  # two acronyms fit; the date's is set to its longest
            header.resizeSection(n, width)
        header.setStretchLastSection(True)
        self.empty = QLabel(objectName="chronologyEmpty", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count = QLabel(objectName="chronologyCount")
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.count)
        table_export.add_buttons(row, ((self.tr("Export CSV\u2026"), self.export, "chronologyCsv"),
                                       (self.tr("Print\u2026"), self.print_, "chronologyPrint")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addLayout(self.stack, 1)
        self.filter.textChanged.connect(self.refilter)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        state.dateRangeChanged.connect(self.refilter)
        state.selection.changed.connect(self.follow_selection)
        self._quiet = False
        self._last: tuple | None = None  # the text last filtered by, and the other filters then

    def set_atlas(self, atlas) -> None:
        self.atlas = atlas
        self.model.load(atlas)
        # The date column as wide as its longest text ("April 1991 \u2013 March 1993"), measured once, not per row.
        longest = max((cells[0] for cells in self.model.cells), key=len, default="")
        metrics = self.table.fontMetrics()
        self.table.horizontalHeader().resizeSection(0, min(metrics.horizontalAdvance(longest) + 16, 260))
        self.refilter()

    def set_visible_forums(self, ids: set[str] | None) -> None:
        if ids != self.visible:
            self.visible = ids
            self.refilter()

    def refilter(self, *_args) -> None:
        m = self.model
        typed = self.filter.text().lower()
        words = typed.split()
        rows = m.order  # filters keep the sort: a keystroke never sorts
        others = (self.state.date_range, self.visible, m.order)
        if self._last is not None and self._last[1] == others and typed.startswith(self._last[0]):
            rows = m.shown  # a letter typed on: what the longer words match, the shorter ones matched
        else:
            if self.state.date_range:
                lo, hi = self.state.date_range
                rows = [i for i in rows if m.days[i][1] >= lo and m.days[i][0] <= hi]
            if self.visible is not None:
                visible = self.visible
                rows = [i for i in rows if any(f in visible for f in m.forums[i])]
        for word in words:
            text = m.text
            rows = [i for i in rows if word in text[i]]
        self._last = (typed, others)
        m.set_shown(list(rows))
        self.count.setText(self.tr("{shown} of {total} events").format(shown=len(m.shown), total=len(m.ids)))
        self._update_empty()
        if self.state.selection.current:
            self._show_current(self.state.selection.current)

    def _update_empty(self) -> None:
        if self.model.shown:
            self.stack.setCurrentWidget(self.table)
            return
        why = []
        if self.filter.text().strip():
            why.append(self.tr("the words \u201c{words}\u201d (clear the filter box)").format(
                words=self.filter.text().strip()))
        if self.state.date_range:
            why.append(self.tr("the date range brushed on the timeline (View \u203a Clear date range)"))
        if self.visible is not None:
            why.append(self.tr("the forum list's participant or text filter (clear it beside the tree)"))
        self.empty.setText(self.tr("No events match.\nThe chronology is narrowed by {reasons}.\n"
                                   "Widen one of these to see more.").format(
            reasons="; ".join(why) if why else self.tr("nothing")))
        self.stack.setCurrentWidget(self.empty)

    # -- the selection, both ways ------------------------------------------------------------------
    def _current(self, current: QModelIndex, _previous) -> None:
        if current.isValid() and not self._quiet:
            self.state.selection.select(current.data(ID_ROLE))

    def follow_selection(self, rid: str) -> None:
        m = self.model
        # a forum: its events in bold, the first one current
        m.bold = set() if rid in m.ids else {eid for eid, fids in zip(m.ids, m.forums, strict=True) if rid in fids}
        self.table.viewport().update()
        self._show_current(rid)

    def _show_current(self, rid: str) -> None:
        m = self.model
        if rid in m.ids:
            target = m.row_of(rid)
        else:
            target = next((n for n, i in enumerate(m.shown) if m.ids[i] in m.bold), -1) if m.bold else -1
        if target >= 0:
            self._quiet = True
            self.table.setCurrentIndex(m.index(target, 0))
            self.table.scrollTo(m.index(target, 0))
            self._quiet = False

    # -- export and print ----------------------------------------------------------------------------
    def table_rows(self) -> list[list[str]]:
        return [list(self.model.cells[i]) for i in self.model.shown]

    def title(self) -> str:
        return self.tr("Chronology ({count} events)").format(count=len(self.model.shown))

    def export(self, path=None):
        if path is not None:
            from pathlib import Path

            return table_export.save(self, Path(path), self.title(), columns(), self.table_rows())
        return table_export.export_dialog(self, self.title(), "chronology.csv", columns(), self.table_rows(),
                                          ("csv",))

    def print_(self) -> None:
        table_export.print_table(self, self.title(), columns(), self.table_rows())
