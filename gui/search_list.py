"""The search results list: a flat model of header, hit and "more" rows, and the delegate that paints a hit
(title, a grey line of context, a two-line snippet) with the matching words in bold. gui/search_pane.py holds
the box and the list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
)

from gui.i18n import translate
from gui.terms import term

HIT_ROLE = Qt.ItemDataRole.UserRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
_TOP = QModelIndex()
_WORDS = re.compile(r"[^ ]+ *| +")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "header" | "hit" | "more"
    text: str  # plain text (header label, accessible name of a hit)
    group: str = ""  # the hit kind this row belongs to
    hit: object = None  # model.search.Hit for a hit row
    title: str = ""  # the hit's title and snippet, plain, for measuring
    snippet: str = ""
    info: str = ""  # the hit's grey line of context, in the interface's language (gui/hit_info.py)


def rows_for(results, info=lambda hit: hit.info) -> list[Row]:
    """Header, hits and a "more" row per group, in the order shown; ``info`` gives a hit's line of context."""
    from model.search_results import to_plain

    out: list[Row] = []
    for group in results.groups:
        label = term(group.label)
        out.append(Row("header", label.upper(), group.kind))
        for hit in group.hits:
            title, snippet = to_plain(hit.title), to_plain(hit.snippet)
            out.append(Row("hit", f"{title}. {snippet}", group.kind, hit, title, snippet, info(hit)))
        if group.more:
            out.append(Row("more", translate("SearchResults", "Show more {kind}\u2026").format(kind=label.lower()),
                           group.kind))
    return out


class SearchResultsModel(QAbstractListModel):
    """A flat list of header, hit and "more" rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []

    def reset(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=_TOP):
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == HIT_ROLE:
            return row
        if role == TARGET_ROLE:
            return row.hit.target if row.hit is not None else None
        if role == KIND_ROLE:
            return row.kind
        if role == Qt.ItemDataRole.ToolTipRole and row.hit is not None:
            return row.info or None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()].kind == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def selectable_rows(self) -> list[int]:
        return [n for n, row in enumerate(self.rows) if row.kind != "header"]


def runs(marked: str) -> list[tuple[str, bool]]:
    """Split text with match markers into (text, bold) runs."""
    from model.search_results import MARK_OFF, MARK_ON

    out, bold = [], False
    for part in re.split(f"([{MARK_ON}{MARK_OFF}])", marked):
        if part == MARK_ON:
            bold = True
        elif part == MARK_OFF:
            bold = False
        elif part:
            out.append((part, bold))
    return out


def lead_to_match(parts: list[tuple[str, bool]], keep: int = 4) -> list[tuple[str, bool]]:
    """Start a snippet a few words before its first match, so that two lines show the match."""
    words = [(w, bold) for text, bold in parts for w in _WORDS.findall(_SPACES.sub(" ", text))]
    first = next((n for n, (_, bold) in enumerate(words) if bold), 0)
    if first <= keep:
        return parts
    return [("\u2026", False), *words[first - keep:]]


def wrap(parts: list[tuple[str, bool]], width: float, measure, max_lines: int) -> list[list[tuple[str, bool]]]:
    """Lay runs out in at most ``max_lines`` lines of ``width``; the last line ends in an ellipsis when
    text is left over. ``measure(text, bold)`` gives a width. Pure: no painting, no Qt."""
    words = [(w, bold) for text, bold in parts for w in _WORDS.findall(_SPACES.sub(" ", text))]
    lines: list[list[tuple[str, bool]]] = [[]]
    x, cut = 0.0, False
    for word, bold in words:
        w = measure(word.rstrip(), bold)
        if x + w > width and lines[-1]:
            if len(lines) == max_lines:
                cut = True
                break
            lines.append([])
            x = 0.0
        lines[-1].append((word, bold))
        x += measure(word, bold)
    if cut:
        last = lines[-1]
        ellipsis = measure("\u2026", False)
        while last and sum(measure(w, b) for w, b in last) + ellipsis > width:
            last.pop()
        last.append(("\u2026", False))
    merged = []
    for line in lines:  # one run per change of weight, so painting draws few strings
        out: list[tuple[str, bool]] = []
        for word, bold in line:
            if out and out[-1][1] == bold:
                out[-1] = (out[-1][0] + word, bold)
            else:
                out.append((word, bold))
        merged.append(out)
    return merged if merged != [[]] else []


class ResultDelegate(QStyledItemDelegate):
    """Paints a header as a small bold label, a hit as its title, a grey line of context and two lines
    of snippet, matching words in bold. Row heights come from font metrics alone, so showing many
    results lays out nothing; only the rows on screen are wrapped and drawn."""

    PAD = 5
    TITLE_LINES = 2
    SNIPPET_LINES = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._base: QFont | None = None
        self._fonts: dict = {}
        self._widths: dict[tuple[str, bool, bool], float] = {}  # word widths, for wrapping
        self._advances: dict[str, float] = {}  # whole titles and snippets, for row heights

    def clear(self) -> None:
        if len(self._widths) > 20000:
            self._widths.clear()
        if len(self._advances) > 5000:
            self._advances.clear()

    def fonts(self, base: QFont) -> dict[str, tuple[QFont, QFontMetricsF]]:
        if self._base is None or base != self._base:
            base = self._base = QFont(base)  # the option's font is a temporary
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(6.0, base.pointSizeF() * 0.86))
            small_bold = QFont(small)
            small_bold.setBold(True)
            self._fonts = {name: (f, QFontMetricsF(f)) for name, f in
                           (("normal", base), ("bold", bold), ("small", small), ("small_bold", small_bold))}
            self._widths.clear()
            self._advances.clear()
        return self._fonts

    def _measure(self, fonts, small: bool):
        def measure(text: str, bold: bool) -> float:
            key = (text, bold, small)
            width = self._widths.get(key)
            if width is None:
                name = ("small_" if small else "") + ("bold" if bold else "normal")
                width = self._widths[key] = fonts[name if name != "small_normal" else "small"][1].horizontalAdvance(text)
            return width
        return measure

    def row_height(self, row: Row, base: QFont, width: float) -> int:
        """From font metrics alone: a title or snippet wider than a line takes two lines."""
        f = self.fonts(base)
        fm = f["normal"][1]
        line, small = fm.lineSpacing(), f["small"][1].lineSpacing()
        if row.kind == "header":
            return int(small + 2 * self.PAD)
        if row.kind == "more":
            return int(line + self.PAD)

        def lines(text: str, most: int) -> int:
            if not text:
                return 0
            guess = len(text) * fm.averageCharWidth()
            if guess < 0.6 * width or guess > 1.6 * width:  # clearly one line, clearly more
                return 1 if guess < width else most
            advance = self._advances.get(text)
            if advance is None:
                advance = self._advances[text] = fm.horizontalAdvance(text) * 1.04  # bold matches are wider
            return 1 if advance < width else most

        title = lines(row.title, self.TITLE_LINES)
        snippet = lines(row.snippet, self.SNIPPET_LINES)
        return int((title + snippet) * line + (small if row.info else 0) + 2 * self.PAD)

    def sizeHint(self, option, index):
        row: Row = index.data(HIT_ROLE)
        if row is None:
            return QSize(0, 0)
        widget = option.widget
        width = (widget.viewport().width() if widget is not None else 300) - 3 * self.PAD - 2
        return QSize(100, self.row_height(row, option.font, width))

    def paint(self, painter, option, index):
        row: Row = index.data(HIT_ROLE)
        if row is None:
            return
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected) and row.kind != "header"
        option.text = ""
        widget = option.widget
        if row.kind != "header" and widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        pal = option.palette
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        fonts = self.fonts(option.font)
        rect = option.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, 0)
        painter.save()
        try:
            self._paint_row(painter, option, row, rect, fonts, text, muted, selected)
        finally:
            painter.restore()

    def _paint_row(self, painter, option, row, rect, fonts, text, muted, selected) -> None:
        pal = option.palette
        painter.setClipRect(option.rect)
        y = float(rect.top())
        if row.kind == "header":
            y += self.PAD / 2
            self._draw(painter, [[(row.text, True)]], rect.left(), y, fonts, True, muted)
        elif row.kind == "more":
            self._draw(painter, [[(row.text, False)]], rect.left(), y - self.PAD / 2, fonts, False,
                       text if selected else pal.color(QPalette.ColorRole.Link))
        else:
            width = rect.width()
            title = wrap(runs(row.hit.title), width, self._measure(fonts, False), self.TITLE_LINES)
            y = self._draw(painter, title, rect.left(), y, fonts, False, text)
            if row.info:
                info = wrap([(row.info, False)], width, self._measure(fonts, True), 1)
                y = self._draw(painter, info, rect.left(), y, fonts, True, muted)
            if row.hit.snippet:
                lines = wrap(lead_to_match(runs(row.hit.snippet)), width, self._measure(fonts, False),
                             self.SNIPPET_LINES)
                self._draw(painter, lines, rect.left(), y, fonts, False, text)

    def _draw(self, painter, lines, left, y, fonts, small, color) -> float:
        """Draw laid-out lines from (left, y); returns the y below them."""
        prefix = "small_" if small else ""
        metrics = fonts["small" if small else "normal"][1]
        painter.setPen(color)
        for line in lines:
            x = float(left)
            for part, bold in line:
                name = prefix + ("bold" if bold else "normal")
                font, fm = fonts[name if name != "small_normal" else "small"]
                painter.setFont(font)
                painter.drawText(QPointF(x, y + metrics.ascent()), part)
                x += fm.horizontalAdvance(part)
            y += metrics.lineSpacing()
        return y
