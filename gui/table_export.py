"""Writing a view's table: CSV, PNG and SVG files (whole writes, through model/atomic.py) and printing.

A table is a title, a header row and rows of short texts; a row of one text under a wider header is a
note (a legend, a figure's label), drawn under the table across its width. The same drawing goes to an
image, an SVG file and the printer, so what is exported is what is printed.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from gui.i18n import translate
from model import atomic

PAD = 4.0
MAX_COLUMN = 220.0  # a long cell is cut (with an ellipsis) at this width in images and print


class ExportError(Exception):
    """A file could not be written; the message says why in plain words."""


def add_buttons(row, buttons) -> None:
    """A view's export and print buttons, added to ``row``: (text, slot, object name) each."""
    for text, slot, name in buttons:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        row.addWidget(button)


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    def write(fh):
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)

    try:
        atomic.write_text(Path(path), write)
    except OSError as exc:
        raise ExportError(translate("TableExport", "Cannot write {path}: {why}.").format(
            path=path, why=atomic.why(exc))) from None


def _split(header, rows) -> tuple[list, list[str]]:
    """(table rows, notes)."""
    if len(header) < 2:
        return list(rows), []
    return [r for r in rows if len(r) > 1], [r[0] for r in rows if len(r) == 1]


def _notes_height(fm: QFontMetricsF, notes: list[str], width: float) -> float:
    flags = int(Qt.TextFlag.TextWordWrap.value)
    return sum(fm.boundingRect(QRectF(0, 0, width - 2 * PAD, 1e6), flags, n).height() + PAD for n in notes)


def _widths(fm: QFontMetricsF, header, rows) -> list[float]:
    widths = [fm.horizontalAdvance(h) for h in header]
    for row in rows:
        for n, text in enumerate(row):
            widths[n] = max(widths[n], fm.horizontalAdvance(text))
    return [min(MAX_COLUMN, w) + 2 * PAD for w in widths]


def table_size(title: str, header, rows, font: QFont | None = None) -> QSize:
    fm = QFontMetricsF(font or QFont())
    line = fm.height() + 2 * PAD
    rows, notes = _split(header, rows)
    width = max(sum(_widths(fm, header, rows)), fm.horizontalAdvance(title) + 2 * PAD, 600.0 if notes else 0.0)
    return QSize(int(width) + 2, int(line * (len(rows) + 2) + _notes_height(fm, notes, width)) + 2)


def paint_table(p: QPainter, title: str, header, rows, font: QFont | None = None, top: float = 0.0,
                width: float | None = None) -> float:
    """Draw the table from ``top``; returns where it ended. Black on white, whatever the window's theme."""
    font = font or QFont()
    p.setFont(font)
    fm = QFontMetricsF(font)
    line = fm.height() + 2 * PAD
    rows, notes = _split(header, rows)
    widths = _widths(fm, header, rows)
    if width and sum(widths) > width:  # the page is narrower: every column gives up its share
        widths = [w * width / sum(widths) for w in widths]
    pen = QPen(QColor("#999999"), 0)
    y = top
    bold = QFont(font)
    bold.setBold(True)
    p.setPen(QColor("black"))
    p.setFont(bold)
    p.drawText(QRectF(PAD, y, sum(widths), line), Qt.AlignmentFlag.AlignVCenter, title)
    y += line
    for n, row in enumerate([header, *rows]):
        x = 0.0
        if n == 0:
            p.fillRect(QRectF(0, y, sum(widths), line), QColor("#e8e8e8"))
        p.setFont(bold if n == 0 else font)
        for w, text in zip(widths, row, strict=False):
            p.setPen(pen)
            p.drawRect(QRectF(x, y, w, line))
            p.setPen(QColor("black"))
            shown = QFontMetricsF(p.font()).elidedText(text, Qt.TextElideMode.ElideRight, w - 2 * PAD)
            p.drawText(QRectF(x + PAD, y, w - 2 * PAD, line), Qt.AlignmentFlag.AlignVCenter, shown)
            x += w
        y += line
    p.setFont(font)
    p.setPen(QColor("black"))
    full = width or max(sum(widths), 600.0)
    for note in notes:
        rect = p.boundingRect(QRectF(PAD, y + PAD, full - 2 * PAD, 1e6), int(Qt.TextFlag.TextWordWrap.value), note)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap.value), note)
        y = rect.bottom()
    return y


def write_image(path: Path, title: str, header, rows) -> None:
    """A PNG or SVG file of the table, by the path's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ExportError(translate("TableExport", "Cannot write {path}: use a .png or .svg file name.").format(
            path=path))
    size = table_size(title, header, rows)
    try:
        real = atomic.writable_target(path)
        with atomic.replacing(real, prefix=".forum-atlas-", suffix=suffix) as tmp:
            if suffix == ".png":
                image = QImage(size, QImage.Format.Format_RGB32)
                image.fill(QColor("white"))
                p = QPainter(image)
                try:
                    paint_table(p, title, header, rows)
                finally:
                    p.end()
                if not image.save(str(tmp), "PNG"):
                    raise OSError("the image could not be saved (is the disk full?)")
            else:
                from PySide6.QtSvg import QSvgGenerator

                gen = QSvgGenerator()
                gen.setFileName(str(tmp))
                gen.setSize(size)
                gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
                gen.setTitle(title)
                p = QPainter()
                if not p.begin(gen):
                    raise OSError("the SVG could not be started")
                try:
                    p.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
                    paint_table(p, title, header, rows)
                finally:
                    p.end()
                if tmp.stat().st_size == 0:
                    raise OSError("the SVG could not be written (is the disk full?)")
    except OSError as exc:
        raise ExportError(translate("TableExport", "Cannot write {path}: {why}.").format(
            path=path, why=atomic.why(exc))) from None


def print_table(parent, title: str, header, rows) -> None:
    """Qt's print preview of the table; its Print button opens the system's print dialog."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)

    def paint(device) -> None:
        p = QPainter(device)
        try:
            page = device.pageLayout().paintRectPixels(device.resolution())
            scale = device.resolution() / 96.0
            p.scale(scale, scale)
            per_page = max(1, int(page.height() / scale / (QFontMetricsF(QFont()).height() + 2 * PAD)) - 3)
            for start in range(0, max(1, len(rows)), per_page):
                if start:
                    device.newPage()
                paint_table(p, title, header, rows[start:start + per_page], width=page.width() / scale)
        finally:  # a painter left active when its device goes away crashes Qt
            p.end()

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(paint)
    dialog.exec()


def export_dialog(parent, title: str, name: str, header, rows, kinds=("csv", "png", "svg")) -> Path | None:
    """Ask where, write, and say so: a message box says why when the place cannot be written."""
    filters = {"csv": translate("TableExport", "CSV table (*.csv)"),
               "png": translate("TableExport", "PNG image (*.png)"),
               "svg": translate("TableExport", "SVG image (*.svg)")}
    path, chosen = QFileDialog.getSaveFileName(parent, translate("TableExport", "Export {title}").format(title=title),
                                               name, ";;".join(filters[k] for k in kinds))
    if not path:
        return None
    return save(parent, Path(path), title, header, rows)


def save(parent, path: Path, title: str, header, rows) -> Path | None:
    """Write ``path`` (CSV, PNG or SVG by its suffix); a plain message when it cannot."""
    try:
        if path.suffix.lower() == ".csv":
            write_csv(path, header, rows)
        else:
            write_image(path, title, header, rows)
    except ExportError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("TableExport", "Could not export"), str(exc), parent=parent,
                          objectName="exportError")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        return None
    window = parent.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(translate("TableExport", "Wrote {path}").format(path=path), 5000)
    return path
