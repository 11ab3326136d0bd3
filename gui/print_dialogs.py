"""Printing from the window: print preview and the system dialog, PDF export of a sheet, and the briefing
pack dialog, which says what the pack will hold before it writes or prints it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
)

from gui import briefing_pack, fact_sheet, pack_contents, printing
from gui import settings as S
from gui.i18n import translate


def _printer(paper: str = "a4", landscape: bool = False):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(fact_sheet.page_layout(paper, landscape))
    return printer


def preview_comparison(parent, atlas, comparison) -> None:
    """Qt's print preview of a comparison sheet (gui/compare_sheet.py), landscape for three or four records."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from gui import compare_sheet

    def paint(device) -> None:
        painter = QPainter(device)
        try:
            fact_sheet.paint_sheet(painter, device, compare_sheet.layout(comparison, device, atlas=atlas),
                                   fact_sheet.footer_text(atlas))
        finally:  # a painter left active when its device goes away crashes Qt
            painter.end()

    printer = _printer(landscape=compare_sheet.landscape(comparison))  # held: the dialog does not own it
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(compare_sheet.title(comparison))
    dialog.paintRequested.connect(paint)
    dialog.exec()


class SheetPagesDialog(QDialog):
    """How many pages one fact sheet may take, and what gives way on that many: the sections the sheet then
    only counts, and how many pages the whole sheet would take, with a button to choose that many."""

    def __init__(self, parent, atlas, rid: str, note: str | None, pages: int):
        super().__init__(parent)
        self.setObjectName("sheetPagesDialog")
        self.setWindowTitle(self.tr("Fact sheet of {name}").format(name=atlas.name_of(rid)))
        self.atlas, self.rid, self.note = atlas, rid, note
        # Fitted on both papers (the PDF's is chosen later): what the tighter one gives way, and the most pages.
        self.devices = [printing.scratch_device(paper) for paper in fact_sheet.PAPERS]
        self.known: dict[int, tuple[list[tuple], int]] = {}
        self.pages = QSpinBox(objectName="sheetPages", minimum=1, maximum=printing.MAX_PAGES)
        self.fit = QLabel(objectName="sheetFit", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.fit.setMinimumWidth(380)
        self.whole = QPushButton(objectName="sheetWhole")
        self.whole.clicked.connect(lambda: self.pages.setValue(self._fit(self.pages.value())[1]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Pages"), self.pages)
        form.addRow(self.fit)
        form.addRow("", self.whole)
        form.addRow(buttons)
        self.pages.setValue(min(max(1, pages), printing.MAX_PAGES))
        self.pages.valueChanged.connect(self._update)
        self._update()

    def _fit(self, pages: int) -> tuple[list[tuple], int]:
        if pages not in self.known:  # a layout a paper (up to a tenth of a second each): only the counts looked at
            fits = [fact_sheet.fit(self.atlas, self.rid, device, self.note, pages) for device in self.devices]
            gave = max((gave for gave, _ in fits), key=lambda g: (len(g), sum(x[1] for x in g if x[0] == "events")))
            self.known[pages] = (gave, max(whole for _, whole in fits))
        return self.known[pages]

    def _count(self, n: int) -> str:
        return self.tr("1 page") if n == 1 else self.tr("{n} pages").format(n=n)

    def _words(self, item: tuple) -> str:
        """One of sheet_layout.gave_way's items in words."""
        key = item[0]
        if key == "events":
            left, total = item[1:]
            return (self.tr("all {total} events (a line counts them)").format(total=total) if left == total else
                    self.tr("{left} of the {total} events (a line counts them)").format(left=left, total=total))
        return {"quotes": self.tr("the sources\u2019 quoted passages (the sources stay, by part and section)"),
                "timeline": self.tr("the mini-timeline"),
                "related": self.tr("the related forums (a line counts them)"),
                "delegations": self.tr("the delegations (a line counts them)"),
                "judgements": self.tr("the authors\u2019 judgements (a line counts them)")}[key]

    def _update(self) -> None:
        n = self.pages.value()
        gave, whole = self._fit(n)
        if not gave:
            text = self.tr("Everything the sheet holds fits on {pages}.").format(pages=self._count(min(n, whole)))
        else:
            text = self.tr("On {pages} the sheet leaves out: {what}.").format(
                pages=self._count(n), what="; ".join(self._words(item) for item in gave))
            text += "\n" + (self.tr("The whole sheet takes {whole} pages.").format(whole=whole)
                             if whole <= printing.MAX_PAGES else
                             self.tr("The whole sheet would take {whole} pages, more than the {most} a sheet may "
                                     "have.").format(whole=whole, most=printing.MAX_PAGES))
        self.fit.setText(text)
        self.whole.setText(self.tr("Use {whole} pages: the whole sheet").format(whole=whole))
        self.whole.setVisible(bool(gave) and whole <= printing.MAX_PAGES)


def ask_pages(window, rid: str) -> int | None:
    """The pages for the sheet of ``rid``, asked in a SheetPagesDialog and remembered; None when cancelled."""
    dialog = SheetPagesDialog(window, window.atlas, rid, window.user_data.note(rid),
                              window.settings.get(S.SHEET_PAGES))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    window.settings.set(S.SHEET_PAGES, dialog.pages.value())
    return dialog.pages.value()


def preview_sheet(window, rid: str) -> None:
    """Qt's print preview of the sheet, on the pages chosen; its Print button opens the system's print dialog."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    pages = ask_pages(window, rid)
    if pages is None:
        return
    note = window.user_data.note(rid)

    def paint(device) -> None:
        painter = QPainter(device)
        try:
            fact_sheet.paint_sheet(painter, device, fact_sheet.layout_sheet(window.atlas, rid, device, note, pages),
                                   fact_sheet.footer_text(window.atlas))
        finally:  # a painter left active when its device goes away crashes Qt
            painter.end()

    printer = _printer()  # held here: the dialog does not own it, and a collected printer crashes it
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle(translate("Printing", "Fact sheet: {name}").format(name=window.atlas.name_of(rid)))
    dialog.paintRequested.connect(paint)
    dialog.exec()


def _ask_path(window, title: str, name: str, paper: str | None = None) -> tuple[Path, str] | None:
    letter = translate("Printing", "PDF, US Letter (*.pdf)")
    filters = [translate("Printing", "PDF, A4 (*.pdf)"), letter]
    if paper == "letter":
        filters.reverse()
    path, chosen = QFileDialog.getSaveFileName(window, title, name, ";;".join(filters))
    if not path:
        return None
    return Path(path), "letter" if chosen == letter else "a4"


def _write(window, path: Path, action) -> bool:
    """Run ``action``; say "Wrote" only when it wrote, else show why in a dialog and the status bar."""
    try:
        action()
    except printing.PrintError as exc:
        window.statusBar().showMessage(translate("Printing", "The PDF was not written: {why}").format(why=exc), 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Printing", "Could not write the PDF"), str(exc),
                          parent=window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path or an id is text, never markup
        box.exec()
        return False
    window.statusBar().showMessage(translate("Printing", "Wrote {path}").format(path=path), 5000)
    return True


def export_sheet(window, rid: str) -> None:
    pages = ask_pages(window, rid)
    answer = _ask_path(window, translate("Printing", "Export fact sheet as PDF"),
                       file_name(window.atlas.name_of(rid))) if pages else None  # "north-korea.pdf", not "kp.pdf"
    if answer:
        path, paper = answer
        _write(window, path, lambda: printing.sheet_pdf(window.atlas, rid, path, paper, window.user_data.note(rid),
                                                        pages))


def file_name(title: str) -> str:
    """'Japan & the ARF, 1999' -> 'japan-the-arf-1999.pdf'."""
    stem = re.sub(r"[^\w]+", "-", title.strip().lower(), flags=re.UNICODE).strip("-")[:60]
    return f"{stem or 'briefing-pack'}.pdf"


class PackDialog(QDialog):
    """The pack's title, date, paper, sections and 'prepared by' line, and a summary of what it will hold.

    Its buttons: Save PDF (the default), Print, Preview, Cancel. ``choice`` says which was pressed."""

    SECTIONS = (("sources", QT_TRANSLATE_NOOP("Printing", "Sources appendix")),
                ("timeline", QT_TRANSLATE_NOOP("Printing", "Timeline")),
                ("matrix", QT_TRANSLATE_NOOP("Printing", "Membership matrix")),
                ("chronology", QT_TRANSLATE_NOOP("Printing", "Chronology")),
                ("notes", QT_TRANSLATE_NOOP("Printing", "My notes on the sheets")))

    def __init__(self, parent, basket: pack_contents.Basket):
        super().__init__(parent)
        self.basket = basket
        self.choice = "pdf"  # Enter saves the PDF
        self.setWindowTitle(translate("Printing", "Briefing pack of {what}").format(what=basket.summary()))
        self.title = QLineEdit(translate("Printing", "Briefing pack"), objectName="packTitle")
        self.when = QDateEdit(QDate.currentDate(), calendarPopup=True, objectName="packDate")
        self.when.setDisplayFormat("yyyy-MM-dd")  # a US desktop's short format was "11/30/26": a year in two digits
        self.prepared = QLineEdit(objectName="packPreparedBy",
                                  placeholderText=translate("Printing", "your name or office (optional)"))
        self.paper = QComboBox(objectName="packPaper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem(translate("Printing", "US Letter"), "letter")
        self.pages = QSpinBox(objectName="packPages", minimum=1, maximum=printing.MAX_PAGES, value=1)
        self.pages.setSuffix(translate("Printing", " page(s) per sheet"))
        self.boxes = {key: QCheckBox(translate("Printing", label), objectName=f"pack_{key}", checked=True)
                      for key, label in self.SECTIONS}
        self.summary = QLabel(objectName="packSummary", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for key, text, role in (("pdf", translate("Printing", "Save PDF\u2026"), QDialogButtonBox.ButtonRole.AcceptRole),
                                ("print", translate("Printing", "Print\u2026"), QDialogButtonBox.ButtonRole.ActionRole),
                                ("preview", translate("Printing", "Preview\u2026"),
                                 QDialogButtonBox.ButtonRole.ActionRole)):
            button = QPushButton(text, objectName=f"pack_{key}_button")
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            buttons.addButton(button, role)
            if key == "pdf":
                button.setDefault(True)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Printing", "Title"), self.title)
        form.addRow(translate("Printing", "Date"), self.when)
        form.addRow(translate("Printing", "Prepared by"), self.prepared)
        form.addRow(translate("Printing", "Paper"), self.paper)
        form.addRow(translate("Printing", "Sheets"), self.pages)
        for box in self.boxes.values():
            form.addRow("" if box is not self.boxes["sources"] else translate("Printing", "Include"), box)
            box.toggled.connect(self._update)
        form.addRow(self.summary)
        form.addRow(buttons)
        self._update()

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()

    def options(self) -> pack_contents.Options:
        return pack_contents.Options(**{k: b.isChecked() for k, b in self.boxes.items()},
                                     prepared_by=self.prepared.text().strip(), pages=self.pages.value())

    def _update(self) -> None:
        lines = pack_contents.plan(self.basket, self.options())
        text = translate("Printing", "The pack will hold: {sections}.").format(sections="; ".join(lines))
        unknown = self.basket.unknown
        if unknown:
            left = ", ".join(unknown[:5]) + (translate("Printing", " and {n} more").format(n=len(unknown) - 5)
                                             if len(unknown) > 5 else "")
            text += "\n" + translate("Printing", "Left out, no longer in the atlas: {ids}.").format(ids=left)
        self.summary.setText(text)


def basket_for_pack(window) -> tuple[list[str], pack_contents.Basket] | None:
    """The basket's ids and what a pack of them holds; None, after saying so, when it holds nothing."""
    store = window.user_data.store
    ids = list(store.basket() if store else [])
    basket = pack_contents.Basket.of(window.atlas, ids)
    if not basket.known:
        QMessageBox.information(window, translate("Printing", "The basket is empty"),
                                translate("Printing", "Add forums, participants or events to the basket (Ctrl+B, or "
                                                      "the tree's context menu), then make the pack."))
        return None
    return ids, basket


def export_pack(window) -> None:
    chosen = basket_for_pack(window)
    if chosen is None:
        return
    ids, basket = chosen
    problem = printing.pack_problem(window.atlas, [i for i in ids if i not in basket.unknown])
    if problem:
        QMessageBox.warning(window, translate("Printing", "The pack cannot be made"), problem)
        return
    dialog = PackDialog(window, basket)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    known = [i for i in ids if i not in basket.unknown]
    title = dialog.title.text().strip() or translate("Printing", "Briefing pack")
    when, options = dialog.when.date().toPython(), dialog.options()
    notes = {rid: n for rid in known if (n := window.user_data.note(rid))}
    if dialog.choice == "pdf":
        answer = _ask_path(window, translate("Printing", "Export briefing pack as PDF"), file_name(title),
                           dialog.paper.currentData())
        if answer:
            path, paper = answer
            _write(window, path, lambda: printing.pack_pdf(window.atlas, known, path, paper, title, when, notes,
                                                           options))
        return
    printer = _printer(dialog.paper.currentData())
    printer.setDocName(title)

    def paint(device) -> None:
        painter = QPainter(device)
        try:
            pack = briefing_pack.build(window.atlas, known, device, title, when, notes, options)
            briefing_pack.paint(pack, device, painter, fact_sheet.footer_text(window.atlas, when))
        finally:
            painter.end()

    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog

    if dialog.choice == "preview":
        preview = QPrintPreviewDialog(printer, window)
        preview.setWindowTitle(translate("Printing", "Briefing pack: {title}").format(title=title))
        preview.paintRequested.connect(paint)
        preview.exec()
    elif QPrintDialog(printer, window).exec() == QDialog.DialogCode.Accepted:
        paint(printer)
        window.statusBar().showMessage(translate("Printing", "Sent \u201c{title}\u201d to the printer").format(title=title),
                                       5000)

