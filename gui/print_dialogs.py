"""Printing from the window: print preview and the system dialog, and PDF export of a sheet or the basket."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
)

from gui import fact_sheet, printing


def preview_sheet(window, rid: str) -> None:
    """Qt's print preview of the sheet; its Print button opens the system's print dialog."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(fact_sheet.page_layout("a4"))
    note = window.user_data.note(rid)

    def paint(device) -> None:
        painter = QPainter(device)
        try:
            fact_sheet.paint_sheet(painter, device, fact_sheet.layout_sheet(window.atlas, rid, device, note),
                                   fact_sheet.footer_text(window.atlas))
        finally:  # a painter left active when its device goes away crashes Qt
            painter.end()

    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle(f"Fact sheet: {window.atlas.name_of(rid)}")
    dialog.paintRequested.connect(paint)
    dialog.exec()


def _ask_path(window, title: str, name: str) -> tuple[Path, str] | None:
    path, chosen = QFileDialog.getSaveFileName(window, title, name, "PDF, A4 (*.pdf);;PDF, US Letter (*.pdf)")
    if not path:
        return None
    return Path(path), "letter" if "Letter" in chosen else "a4"


def _write(window, path: Path, action) -> None:
    """Run ``action``; say "Wrote" only when it wrote, else show why in a dialog and the status bar."""
    try:
        action()
    except printing.PrintError as exc:
        window.statusBar().showMessage(f"The PDF was not written: {exc}", 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Could not write the PDF", str(exc), parent=window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path or an id is text, never markup
        box.exec()
        return
    window.statusBar().showMessage(f"Wrote {path}", 5000)


def export_sheet(window, rid: str) -> None:
    answer = _ask_path(window, "Export fact sheet as PDF", f"{rid}.pdf")
    if answer:
        path, paper = answer
        _write(window, path, lambda: printing.sheet_pdf(window.atlas, rid, path, paper, window.user_data.note(rid)))


class PackDialog(QDialog):
    """The cover's title and date, chosen by the analyst."""

    def __init__(self, parent, count: int):
        super().__init__(parent)
        self.setWindowTitle(f"Briefing pack of {count} forums")
        self.title = QLineEdit("Briefing pack", objectName="packTitle")
        self.when = QDateEdit(QDate.currentDate(), calendarPopup=True, objectName="packDate")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Title", self.title)
        form.addRow("Date", self.when)
        form.addRow(buttons)


def export_pack(window) -> None:
    store = window.user_data.store
    ids = [rid for rid in (store.basket() if store else []) if window.atlas.kind_of(rid) == "forum"]
    if not ids:
        QMessageBox.information(window, "The basket has no forums",
                                "Add forums to the basket (Ctrl+B, or the tree's context menu), then export the pack.")
        return
    dialog = PackDialog(window, len(ids))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    answer = _ask_path(window, "Export briefing pack as PDF", "briefing-pack.pdf")
    if answer:
        path, paper = answer
        when: date = dialog.when.date().toPython()
        notes = {rid: window.user_data.note(rid) for rid in ids}
        _write(window, path, lambda: printing.pack_pdf(window.atlas, ids, path, paper, dialog.title.text(), when,
                                                       {k: v for k, v in notes.items() if v}))
