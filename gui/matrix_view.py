"""The membership matrix view: participants by forums, a role symbol in each cell, with its legend.

A model/view table over model/matrix.py, so 10,000 forums cost no more than the cells in sight. It
follows the app state (the participant and text filters choose the forums, the as-of date what was in
force, the selection its row or column); its own controls narrow by track, kind, status and a set of
participants. A click on a cell shows that membership below and selects the forum.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui import i18n, table_export
from gui.date_words import date_text
from gui.i18n import translate
from gui.matrix_words import cell_words
from gui.terms import term
from gui.tree_filter import filter_text, matches_text
from model import as_of as when
from model import records as r
from model import roles, vocabulary
from model.dates import PartialDate
from model.matrix import DELEGATE, DELEGATE_SYMBOL, SORTS_COLUMNS, SORTS_ROWS, Filters, Matrix, MatrixData

PART_NAMES = vocabulary.PARTS.labels("short")  # a note names its part and section, never a line of the file
# Each sort of model/matrix.py named as its combo box says it (a new sort without its text fails at once).
ROW_SORT_TEXTS = {"name": QT_TRANSLATE_NOOP("MatrixView", "Participants by name"),
                  "count": QT_TRANSLATE_NOOP("MatrixView", "Participants by number of forums")}
COLUMN_SORT_TEXTS = {"name": QT_TRANSLATE_NOOP("MatrixView", "Forums by name"),
                     "count": QT_TRANSLATE_NOOP("MatrixView", "Forums by number of participants"),
                     "founded": QT_TRANSLATE_NOOP("MatrixView", "Forums by founding date")}

ID_ROLE = Qt.ItemDataRole.UserRole
# Roles as plain ints: a model's data() is called for every cell painted, and Qt enums compare slowly.
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
SIZE_HINT = int(Qt.ItemDataRole.SizeHintRole.value)
ID = int(ID_ROLE.value)
CELL_ROLES = frozenset({DISPLAY, ALIGN, FOREGROUND, BACKGROUND, ID, TOOLTIP, ACCESSIBLE})
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_FLAGS = Qt.ItemFlag.NoItemFlags
_TOP = QModelIndex()
CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
AWAY_BRUSH = QBrush(QColor("#a05050"))  # a role of staying out, in muted red
UNCERTAIN_BRUSH = QBrush(QColor(230, 180, 60, 70))  # in force only perhaps at the as-of date
HIGHLIGHT_BRUSH = QBrush(QColor(60, 130, 220, 45))  # the selected record's row or column, light or dark
BOLD = QFont()
BOLD.setBold(True)
FONT = int(Qt.ItemDataRole.FontRole.value)
UNCERTAIN_MARK = "?"
PRESET_FORUMS = ("neacd", "arf", "asean", "cscap", "apec")  # "the six NEACD countries" and the like


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.data_ = None
        self.m = Matrix()
        self.highlight: str | None = None  # the selected forum's column or participant's row, tinted
        self.header_sizes = (QSize(76, 24), QSize(150, 22))  # (a forum's, a participant's): the view sets them

    def reset(self, data: MatrixData, m: Matrix) -> None:
        self.beginResetModel()
        self.data_, self.m = data, m
        self.endResetModel()

    def rowCount(self, parent=_TOP):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.m.rows)

    def columnCount(self, parent=_TOP):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.m.columns)

    def ids(self, index: QModelIndex) -> tuple[str, str]:
        return self.m.rows[index.row()], self.m.columns[index.column()]

    def data(self, index, role=DISPLAY):
        if role not in CELL_ROLES or not index.isValid():  # the roles a cell never answers, asked on each paint
            return None
        m = self.m
        pid, fid = m.rows[index.row()], m.columns[index.column()]
        key = (pid, fid)
        if role == DISPLAY:
            symbol = m.symbol(pid, fid)
            return symbol + UNCERTAIN_MARK if symbol and key in m.uncertain else symbol
        if role == ALIGN:
            return CENTER
        if role == FOREGROUND:
            entries = m.cells.get(key)
            return AWAY_BRUSH if entries and all(e.role in roles.AWAY for e in entries) else None
        if role == BACKGROUND:
            if key in m.uncertain:
                return UNCERTAIN_BRUSH
            if self.highlight is not None and self.highlight in key:
                return HIGHLIGHT_BRUSH
            return None
        if role == ID:
            return fid
        text = cell_words(self.data_, m, pid, fid) or self.tr("no role")  # the tooltip, and what a screen reader says
        return self.tr("{participant} in {forum}: {role}").format(
            participant=self.data_.participants[pid].short_name, forum=self._forum_name(fid), role=text)

    def _forum_name(self, fid: str) -> str:
        f = self.data_.forums[fid]
        return f.name

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802 - Qt override
        if self.data_ is None:
            return None
        if role == SIZE_HINT:  # one answer instead of its text and font measured, for each of hundreds of sections
            return self.header_sizes[orientation == Qt.Orientation.Vertical]
        horizontal = orientation == Qt.Orientation.Horizontal
        ids = self.m.columns if horizontal else self.m.rows
        if not 0 <= section < len(ids):
            return None
        rid = ids[section]
        if role == FONT and rid == self.highlight:
            return BOLD
        if role == DISPLAY:
            if horizontal:
                f = self.data_.forums[rid]
                mark = UNCERTAIN_MARK if rid in self.m.uncertain_forums else ""
                return (f.acronym or f.name) + mark  # a long name is cut with an ellipsis; the tooltip has it
            return self.data_.participants[rid].short_name
        if role == TOOLTIP:
            if horizontal:
                f = self.data_.forums[rid]
                founded = date_text(f.founded) if f.founded else self.tr("date unknown")
                if rid in self.m.uncertain_forums:
                    return self.tr("{name}, founded {date} (founding date uncertain at this date)").format(
                        name=f.name, date=founded)
                return self.tr("{name}, founded {date}").format(name=f.name, date=founded)
            return self.data_.participants[rid].name
        if role == ID:
            return rid
        return None

    def flags(self, index):
        return CELL_FLAGS if index.isValid() else NO_FLAGS


def _combo(name: str, tip: str, items) -> QComboBox:
    box = QComboBox(objectName=name)
    box.setToolTip(tip)
    box.setAccessibleName(tip)
    for text, value in items:
        box.addItem(text, value)
    return box


class MatrixView(QWidget):
    """The matrix with its controls, legend, empty state and the membership under the cursor."""

    recordActivated = Signal(str)

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("matrixView")
        self.state = state
        self.data_: MatrixData | None = None
        self._names_ja: dict[str, tuple[str, ...]] = {}
        self.matrix = Matrix()
        self.figure = None  # one of the paper's figures (model/paper_figures.py) while it is shown
        self.track = _combo("matrixTrack", self.tr("Track"), [(self.tr("All tracks"), None),
                            *((term(label), t) for t, label in vocabulary.TRACKS.labels().items())])
        self.kind = _combo("matrixKind", self.tr("Kind of forum"), [(self.tr("All kinds"), None)])
        self.status = _combo("matrixStatus", self.tr("Status in 1999"), [(self.tr("Any status in 1999"), None),
                             *((term(label), s) for s, label in vocabulary.STATUSES.labels().items())])
        self.people = _combo("matrixParticipants", self.tr("Participants"), [(self.tr("All participants"), None)])
        self.delegations = QCheckBox(self.tr("Show delegations"), objectName="matrixDelegations")
        self.delegations.setToolTip(self.tr("Also show the ministries, agencies and institutes that represent members"))
        self.row_sort = _combo("matrixRowSort", self.tr("Sort participants by"),
                               [(translate("MatrixView", ROW_SORT_TEXTS[k]), k) for k, _ in SORTS_ROWS])
        self.column_sort = _combo("matrixColumnSort", self.tr("Sort forums by"),
                                  [(translate("MatrixView", COLUMN_SORT_TEXTS[k]), k) for k, _ in SORTS_COLUMNS])
        self.model = MatrixModel(self)
        self.table = QTableView(objectName="matrixTable")
        self.table.setAccessibleName(self.tr("Membership matrix"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        for header, size in ((self.table.horizontalHeader(), 76), (self.table.verticalHeader(), 22)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measured: 10,000 columns stay cheap
            header.setDefaultSectionSize(size)
            header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setMinimumWidth(120)
        metrics = self.table.fontMetrics()  # a participant's name of some 20 letters fits; a longer one is elided
        self.model.header_sizes = (QSize(76, metrics.height() + 10), QSize(metrics.averageCharWidth() * 20 + 12, 22))
        self.empty = QLabel(objectName="matrixEmpty", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.banner = QLabel(objectName="matrixFigure", wordWrap=True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.leave = QPushButton(self.tr("Show the whole matrix"), objectName="matrixLeaveFigure")
        self.leave.clicked.connect(lambda: self.show_figure(None))
        figure_row = QHBoxLayout()
        figure_row.addWidget(self.banner, 1)
        figure_row.addWidget(self.leave, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        self.leave.hide()
        self.legend = QLabel(objectName="matrixLegend", wordWrap=True)
        self.legend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info = QTextBrowser(objectName="matrixCell")
        self.info.setAccessibleName(self.tr("The membership in the chosen cell"))
        self.info.setMaximumHeight(110)
        self.info.setPlaceholderText(self.tr("Click a cell to see that membership: role, dates, delegation, "
                                             "citations."))
        buttons = QHBoxLayout()
        table_export.add_buttons(buttons, ((self.tr("Export CSV\u2026"), lambda: self.export("csv"), "matrixCsv"),
                                           (self.tr("Export PNG\u2026"), lambda: self.export("png"), "matrixPng"),
                                           (self.tr("Export SVG\u2026"), lambda: self.export("svg"), "matrixSvg"),
                                           (self.tr("Print\u2026"), self.print_, "matrixPrint")))
        buttons.addStretch(1)
        self.count = QLabel(objectName="matrixCount")

        # Three columns of controls, then the checkbox and the count: in a narrow window (or a longer language)
        # a row of six boxes and four buttons would squeeze every text to a few letters.
        top = QGridLayout()
        for n, w in enumerate((self.track, self.kind, self.status, self.people, self.row_sort, self.column_sort)):
            top.addWidget(w, n // 3, n % 3)
        top.setColumnStretch(3, 1)
        below = QHBoxLayout()
        below.addWidget(self.delegations)
        below.addStretch(1)
        below.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(below)
        layout.addLayout(figure_row)
        layout.addLayout(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.info)
        layout.addLayout(buttons)

        for box in (self.track, self.kind, self.status, self.people, self.row_sort, self.column_sort):
            box.currentIndexChanged.connect(self.refresh)
        self.delegations.toggled.connect(self.refresh)
        self.table.clicked.connect(self._clicked)
        self.table.verticalHeader().sectionClicked.connect(
            lambda n: self.state.selection.select(self.matrix.rows[n]))
        self.table.horizontalHeader().sectionClicked.connect(
            lambda n: self.state.selection.select(self.matrix.columns[n]))
        state.filtersChanged.connect(self.refresh)
        state.asOfChanged.connect(self.refresh)
        state.selection.changed.connect(self.follow_selection)
        self._grid_colour()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # View › Theme, or the system's scheme changed
            self._grid_colour()
        super().changeEvent(event)

    def _grid_colour(self) -> None:
        """Fusion draws the grid a shade darker than the window, which a dark base swallows: the palette's mid
        tone shows on light and dark alike."""
        sheet = f"QTableView {{ gridline-color: {self.palette().color(QPalette.ColorRole.Mid).name()}; }}"
        if self.table.styleSheet() != sheet:
            self.table.setStyleSheet(sheet)

    # -- data ------------------------------------------------------------------------------------
    def set_atlas(self, atlas, data: MatrixData | None = None) -> None:
        """Read the memberships (or take ``data`` already read from this atlas)."""
        self.data_ = data or MatrixData(atlas)
        self._names_ja = atlas.names_ja() if i18n.current() == "ja" else {}  # the tree's text filter finds them
        self.kind.blockSignals(True)
        self.people.blockSignals(True)
        kinds = sorted({f.kind for f in self.data_.forums.values()})
        for k in kinds:
            self.kind.addItem(term(r.label(k)), k)
        for fid in PRESET_FORUMS:
            if fid in self.data_.forums:
                members = self.data_.participant_set(fid)
                f = self.data_.forums[fid]
                if members:
                    self.people.addItem(self.tr("The {count} {forum} members").format(
                        count=len(members), forum=f.acronym or f.name), fid)
        self.kind.blockSignals(False)
        self.people.blockSignals(False)
        self.refresh()

    def filters(self) -> Filters:
        flt = Filters(delegations=self.delegations.isChecked(), row_sort=self.row_sort.currentData(),
                      column_sort=self.column_sort.currentData())
        if self.track.currentIndex() > 0:
            flt.tracks = frozenset({self.track.currentData()})
        if self.kind.currentIndex() > 0:
            flt.kinds = frozenset({self.kind.currentData()})
        if self.status.currentIndex() > 0:
            flt.statuses = frozenset({self.status.currentData()})
        if self.people.currentIndex() > 0:
            flt.participants = self.data_.participant_set(self.people.currentData())
        flt.forums = self._app_forums()
        if self.figure is not None:
            shown = self.figure.forums(self.data_)
            flt.forums = shown if flt.forums is None else shown & flt.forums
        if self.state.as_of:
            flt.as_of = when.month_day(self.state.as_of)
        return flt

    def _app_forums(self) -> frozenset[str] | None:
        """The forums the app's participant and text filters let through (the tree shows the same)."""
        pid, words = self.state.participant, self.state.text_filter.strip().lower()
        if pid is None and not words:
            return None
        d = self.data_
        ids = d.forums_of(pid) if pid else set(d.forums)
        if words:
            ja = self._names_ja
            ids = {fid for fid in ids
                   if matches_text(filter_text(d.forums[fid].name, d.forums[fid].acronym, ja.get(fid, ())), words)}
        return frozenset(ids)

    def show_figure(self, figure) -> None:
        """One of the paper's lost figures as a saved view of the matrix (None: back to the whole matrix)."""
        self.figure = figure
        for box in (self.track, self.kind, self.status, self.people):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.delegations.blockSignals(True)
        self.delegations.setChecked(bool(figure and figure.delegations))
        self.delegations.blockSignals(False)
        self.column_sort.blockSignals(True)
        self.column_sort.setCurrentIndex(self.column_sort.findData(figure.column_sort if figure else "name"))
        self.column_sort.blockSignals(False)
        self.banner.setText(figure.label if figure else "")
        self.banner.setVisible(figure is not None)
        self.leave.setVisible(figure is not None)
        self.refresh()

    def refresh(self) -> None:
        if self.data_ is None:
            return
        self.matrix = self.data_.matrix(self.filters())
        self.model.reset(self.data_, self.matrix)
        self._update_legend()
        self._update_empty()
        self.count.setText(self.tr("{participants} participants \u00d7 {forums} forums").format(
            participants=len(self.matrix.rows), forums=len(self.matrix.columns)))
        if self.state.selection.current:
            self.follow_selection(self.state.selection.current)

    def _update_legend(self) -> None:
        used = self.data_.roles_used(self.matrix)
        # a narrow no-break space: a symbol never ends a line without its label
        parts = [f"{role.symbol}\u202f{term(role.label)}" for role in roles.ROLES if role.name in used]
        if DELEGATE in used:
            parts.append(f"{DELEGATE_SYMBOL}\u202f" + self.tr("represents a member (delegation)"))
        if self.matrix.uncertain or self.matrix.uncertain_forums:
            month = date_text(PartialDate.parse(self.state.as_of))  # 1994年10月 / October 1994, not 1994-10
            parts.append(f"{UNCERTAIN_MARK}\u202f" + self.tr("date uncertain at {date}").format(date=month))
        self.legend.setText(self.tr("Legend: {symbols}").format(symbols=" \u00b7 ".join(parts)) if parts else "")

    def _update_empty(self) -> None:
        if self.matrix.rows:
            self.stack.setCurrentWidget(self.table)
            return
        why = []
        for box in (self.track, self.kind, self.status, self.people):
            if box.currentIndex() > 0:
                why.append(self.tr("{control} \u201c{value}\u201d (choose \u201c{everything}\u201d)").format(
                    control=box.toolTip().lower(), value=box.currentText(), everything=box.itemText(0)))
        if self.state.participant or self.state.text_filter:
            why.append(self.tr("the forum list's participant or text filter (clear it beside the tree)"))
        if self.state.as_of:
            why.append(self.tr("the date {date} (choose a later month)").format(date=self.state.as_of))
        if self.figure is not None:
            why.append(self.tr("Figure {number}'s forums (Show the whole matrix)").format(number=self.figure.number))
        self.empty.setText(self.tr("No memberships match.\nThe matrix is narrowed by {reasons}.\n"
                                   "Widen one of these to see more.").format(
            reasons="; ".join(why) if why else self.tr("nothing")))
        self.stack.setCurrentWidget(self.empty)

    # -- the selection -----------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        pid, fid = self.model.ids(index)
        self.show_cell(pid, fid)
        self.state.selection.select(fid)

    def show_cell(self, pid: str, fid: str) -> None:
        """The membership in a cell, in words, with its citations."""
        d = self.data_
        atlas = d.atlas
        entries = self.matrix.cells.get((pid, fid), ())
        person, forum = d.participants[pid].short_name, d.forums[fid].name
        if not entries:
            self.info.setHtml(self.tr("<b>{participant}</b> has no role in <b>{forum}</b> here.").format(
                participant=escape(person), forum=escape(forum)))
            return
        found = [m for m in atlas.memberships(forum_id=fid) if (m.participant_id == pid and m.role in
                 {e.role for e in entries}) or any(g.participant_id == pid for g in m.delegation)]
        lines = [self.tr("<b>{participant}</b> in <b>{forum}</b>").format(participant=escape(person),
                                                                          forum=escape(forum))]
        for m in found:
            mine = m.participant_id == pid
            role = term(roles.label(m.role))
            text = role if mine else self.tr("represents {member} ({role})").format(member=m.participant_name,
                                                                                   role=role)
            dates = ", ".join(x for x in (self.tr("since {date}").format(date=date_text(m.since)) if m.since else "",
                                         self.tr("until {date}").format(date=date_text(m.until)) if m.until else "")
                              if x)
            deleg = ", ".join(g.participant_name for g in m.delegation)
            cites = "; ".join(f"{term(PART_NAMES.get(c.author, c.author))}, \u201c{c.section}\u201d: \u201c{c.quote}\u201d"
                              for c in atlas.citations(m.cites))
            line = escape(text) + (f" ({dates})" if dates else "")
            if deleg and mine:
                line += self.tr("; delegation: {members}").format(members=escape(deleg))
            lines.append(line + (f"<br><small>{escape(cites)}</small>" if cites else ""))
        if (pid, fid) in self.matrix.uncertain:
            lines.append("<i>" + self.tr("In force only perhaps at this date: its start is not dated closely enough.")
                         + "</i>")
        self.info.setHtml("<br>".join(lines))

    def follow_selection(self, rid: str) -> None:
        """The selected forum's column (or participant's row) tinted and scrolled into view."""
        m = self.matrix
        self.model.highlight = rid if rid in m.columns or rid in m.rows else None
        self.table.viewport().update()
        self.table.horizontalHeader().viewport().update()
        self.table.verticalHeader().viewport().update()
        current = self.table.currentIndex()
        if rid in m.columns:
            column = m.columns.index(rid)
            if not current.isValid() or current.column() != column:
                self.table.clearSelection()
            self.table.scrollTo(self.model.index(current.row() if current.isValid() else 0, column))
        elif rid in m.rows:
            row = m.rows.index(rid)
            if not current.isValid() or current.row() != row:
                self.table.clearSelection()
            self.table.scrollTo(self.model.index(row, current.column() if current.isValid() else 0))

    # -- export and print ----------------------------------------------------------------------------
    def table_rows(self, words: bool = False) -> tuple[list[str], list[list[str]]]:
        """The shown matrix as texts: symbols (for images and print) or words (for CSV)."""
        d, m = self.data_, self.matrix
        header = [self.tr("Participant"), *(d.forums[f].acronym or d.forums[f].name for f in m.columns)]
        cell = (lambda p, f: cell_words(d, m, p, f)) if words else (lambda p, f: self.model.data(
            self.model.index(m.rows.index(p), m.columns.index(f))) or "")
        return header, [[d.participants[p].short_name, *(cell(p, f) for f in m.columns)] for p in m.rows]

    def title(self) -> str:
        if self.figure is not None:
            return self.tr("Figure {number} (reconstruction): {caption}").format(number=self.figure.number,
                                                                                 caption=self.figure.caption)
        return self.tr("Membership matrix, as of {date} ({participants} participants, {forums} forums)").format(
            date=self.state.as_of or when.PAPER_MONTH, participants=len(self.matrix.rows),
            forums=len(self.matrix.columns))

    def export(self, kind: str, path=None):
        header, rows = self.table_rows(words=kind == "csv")
        if kind != "csv":
            rows.append([self.legend.text()])
        if self.figure is not None:
            rows.append([self.figure.label])
        if path is not None:
            from pathlib import Path

            return table_export.save(self, Path(path), self.title(), header, rows)
        return table_export.export_dialog(self, self.title(), f"membership-matrix.{kind}", header, rows, (kind,))

    def print_(self) -> None:
        header, rows = self.table_rows()
        rows.append([self.legend.text()])
        table_export.print_table(self, self.title(), header, rows)
