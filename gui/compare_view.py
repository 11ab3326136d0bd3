"""The compare view: two to four forums or participants side by side (model/compare.py), the rows that
differ tinted, who is in one and not another in italics; export as CSV, and print or export as a sheet
(gui/compare_sheet.py: PDF, or ODT, Markdown and HTML) like a fact sheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import table_export
from gui.compare_words import MISSING, dates, row_words
from gui.i18n import translate
from gui.terms import term
from model.compare import MAX, MIN, CompareError, Comparison, Row, compare

ID_ROLE = Qt.ItemDataRole.UserRole
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 1
_TOP = QModelIndex()
HEADINGS = {"judgements": QT_TRANSLATE_NOOP("CompareModel", "Each author's judgement"),
            "members": QT_TRANSLATE_NOOP("CompareModel", "Who takes part (roles)"),
            "forums": QT_TRANSLATE_NOOP("CompareModel", "Forums (roles)")}
DIFF_BRUSH = QBrush(QColor(230, 180, 60, 60))  # a row whose values differ
TOP_LEFT = int((Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft).value)


class CompareModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.rows: list[Row] = []
        # a value that says someone is not there, in the language the rows are translated into
        self.away = (translate("CompareModel", MISSING), *(term(x) for x in ("Absent", "Not a party", "Excluded")))

    def set_comparison(self, c: Comparison | None, only_differences: bool = False, atlas=None) -> None:
        self.beginResetModel()
        self.comparison = c
        self.rows = []
        written = dates(c, atlas)
        section = "facts"
        for row in (c.rows if c else []):
            if only_differences and not row.differs and row.section != "facts":
                continue
            if row.section != section:
                section = row.section
                self.rows.append(Row(translate("CompareModel", HEADINGS[section]), [""] * len(c.ids),
                                     section="heading"))
            self.rows.append(row_words(row, written))
        self.endResetModel()

    def rowCount(self, parent=_TOP):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_TOP):  # noqa: N802 - Qt override
        return 0 if parent.isValid() or self.comparison is None else len(self.comparison.ids)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = row.values[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TOP_LEFT
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = self.comparison.titles[index.column()]
            text = self.tr("{row}, {column}: {value} (differs)") if row.differs else self.tr("{row}, {column}: {value}")
            return text.format(row=row.label, column=title, value=value or self.tr("nothing"))
        if role == Qt.ItemDataRole.BackgroundRole and row.section != "heading" and row.differs:
            return DIFF_BRUSH
        if role == Qt.ItemDataRole.FontRole and row.section in ("members", "forums") and \
                (value in self.away or value.endswith(self.away)):
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return row.record
        if role == DIFFERS_ROLE:
            return row.differs
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if self.comparison is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.comparison.titles) and role == Qt.ItemDataRole.DisplayRole:
                return self.comparison.titles[section]
            return None
        if 0 <= section < len(self.rows):
            row = self.rows[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return TOP_LEFT  # a long judgement makes a tall row: its label stays beside its first line
            if role == Qt.ItemDataRole.FontRole and row.section == "heading":
                font = QFont()
                font.setBold(True)
                return font
        return None


class CompareView(QWidget):
    def how(self) -> str:
        return self.tr("Put two to four forums (or participants) in the basket (Ctrl+B), select one of them or "
                       "another, then choose View \u203a Compare selection with basket (Ctrl+Shift+M).")

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.state = state
        self.atlas = None
        self.model = CompareModel(self)
        self.table = QTableView(objectName="compareTable")
        self.table.setAccessibleName(self.tr("Comparison"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMaximumWidth(220)
        # Rows fit their wrapped text at the columns' widths: measured again once the columns have settled after a
        # resize (at first they are measured before the table has its width, and came out far too tall).
        self._fit_rows = QTimer(self, singleShot=True, interval=0, timeout=self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(self._fit_rows.start)
        self.empty = QLabel(objectName="compareEmpty", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.setText(self.tr("Nothing to compare yet.") + "\n" + self.how())
        self.stack = QStackedLayout()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.only = QCheckBox(self.tr("Only the rows that differ"), objectName="compareOnlyDifferences")
        self.only.toggled.connect(lambda: self.model.set_comparison(self.model.comparison, self.only.isChecked(),
                                                                      self.atlas))
        row = QHBoxLayout()
        row.addWidget(self.only)
        row.addStretch(1)
        # Through lambdas: a button's clicked(bool) would otherwise arrive as the export's path.
        table_export.add_buttons(row, ((self.tr("Export CSV\u2026"), lambda: self.export(), "compareCsv"),
                                       (self.tr("Export sheet\u2026"), lambda: self.export_sheet(), "compareSheet"),
                                       (self.tr("Print\u2026"), self.print_, "comparePrint")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addLayout(self.stack, 1)
        self.table.clicked.connect(self._clicked)

    def set_atlas(self, atlas) -> None:
        self.atlas = atlas

    def show_ids(self, ids: list[str]) -> str | None:
        """Compare these records; the reason why not, when they cannot be compared."""
        try:
            c = compare(self.atlas, ids)
        except CompareError:
            self.model.set_comparison(None)
            count = len({i for i in ids if i})  # the model's two reasons, said in the interface's language
            why = self.tr("Compare needs {min} to {max} forums or participants; {count} given.").format(
                min=MIN, max=MAX, count=count) if not MIN <= count <= MAX else \
                self.tr("Compare forums with forums, or participants with participants, not a mixture.")
            self.empty.setText(f"{why}\n{self.how()}")
            self.stack.setCurrentWidget(self.empty)
            return why
        self.model.set_comparison(c, self.only.isChecked(), self.atlas)
        self.stack.setCurrentWidget(self.table)
        return None

    def _clicked(self, index: QModelIndex) -> None:
        rid = index.data(ID_ROLE)
        if rid:
            self.state.selection.select(rid)

    def table_rows(self) -> tuple[list[str], list[list[str]]]:
        c = self.model.comparison
        header = ["", *(c.titles if c else [])]
        return header, [[row.label, *row.values] for row in self.model.rows]

    def title(self) -> str:
        c = self.model.comparison
        if not c:
            return self.tr("Comparison")
        return self.tr("Comparison of {names} and {last}").format(names=", ".join(c.titles[:-1]), last=c.titles[-1])

    def export(self, path=None):
        header, rows = self.table_rows()
        if path is not None:
            return table_export.save(self, Path(path), self.title(), header, rows)
        return table_export.export_dialog(self, self.title(), "comparison.csv", header, rows, ("csv",))

    def _nothing(self) -> bool:
        if self.model.comparison is not None:
            return False
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Nothing to compare yet."), 5000)
        return True

    def sheet_filters(self) -> dict[str, str]:
        """A save dialog's filters, each with what it writes: a PDF on A4 or US Letter, or a document."""
        from gui import document_export

        return {self.tr("PDF, A4 (*.pdf)"): "a4", self.tr("PDF, US Letter (*.pdf)"): "letter",
                **{text: fmt for fmt, text in document_export.filters().items()}}

    def export_sheet(self, path=None, chosen: str = "") -> Path | None:
        """The comparison as a sheet: a PDF (one page when it fits), or an ODT, Markdown or HTML document with
        the PDF's content, by the file's suffix or the filter chosen. A plain message when it cannot write."""
        from gui import compare_sheet, document_export, printing
        from gui.print_dialogs import file_name

        if self._nothing():
            return None
        c = self.model.comparison
        filters = self.sheet_filters()
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the comparison as a sheet"),
                                                       file_name(compare_sheet.title(c)), ";;".join(filters))
            if not path:
                return None
        path = Path(path)
        what = filters.get(chosen, "a4")
        if path.suffix == "":
            path = path.with_suffix(".pdf" if what in ("a4", "letter") else f".{what}")
        try:
            if path.suffix.lower() == ".pdf":
                printing.compare_pdf(self.atlas, c.ids, path, what if what in ("a4", "letter") else "a4")
            else:
                document_export.write(document_export.compare_document(self.atlas, c.ids), path,
                                      document_export.format_of(path, chosen))
        except (printing.PrintError, document_export.DocumentError) as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not export"), str(exc), parent=self,
                              objectName="exportError")
            box.setTextFormat(Qt.TextFormat.PlainText)  # a path is text, never markup
            box.open()
            return None
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 5000)
        return path

    def print_(self) -> None:
        """The print preview of the comparison sheet; its Print button opens the system's print dialog."""
        if self._nothing():
            return
        from gui.print_dialogs import preview_comparison

        preview_comparison(self, self.atlas, self.model.comparison)
