"""The as-of control: a month (YYYY-MM) from the first event to mid-1999, the paper's own moment.

It writes the app state's ``as_of`` (None for the paper's month, the default) and follows it back. A month
outside the range is brought to its nearer end, and a line says so.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from model import as_of as when


class AsOfControl(QWidget):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.first = "1900-01"
        self.edit = QLineEdit(when.PAPER_MONTH, objectName="asOfEdit", maxLength=7)
        self.edit.setAccessibleName(self.tr("As of (year and month)"))
        self.edit.setToolTip(self.tr("Show the atlas as it stood at this month (YYYY-MM); Up and Down step a month"))
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0000-000") + 16)
        self.reset = QToolButton(objectName="asOfReset", text=self.tr("Paper\u2019s date"))
        self.reset.setToolTip(self.tr("Back to the paper's own moment, June 1999"))
        self.message = QLabel(objectName="asOfMessage")
        self.message.setAccessibleName(self.tr("As-of date message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("As of"), buddy=self.edit))
        layout.addWidget(self.edit)
        layout.addWidget(self.reset)
        self.edit.editingFinished.connect(self.apply)
        self.reset.clicked.connect(lambda: self.set_month(when.PAPER_MONTH))
        state.asOfChanged.connect(self._follow)
        self.edit.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        """Up and Down in the field step a month."""
        if event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step(1 if event.key() == Qt.Key.Key_Up else -1)
            return True
        return False

    def set_range_from(self, atlas) -> None:
        row = atlas.connection.execute("SELECT min(lo) FROM event").fetchone()
        if row and row[0]:
            self.first = when.day_month(row[0])

    def set_month(self, text: str) -> None:
        self.edit.setText(text)
        self.apply()

    def apply(self) -> None:
        text = self.edit.text().strip()
        try:
            when.month_day(text)
        except ValueError:
            self._say(self.tr("\u201c{text}\u201d is not a month: type it as YYYY-MM, e.g. 1993-06.").format(text=text))
            self._follow(self.state.as_of)
            return
        month, why = when.clamp(text, self.first)
        self._say(why or "")
        self.edit.setText(month)
        self.state.set_as_of(None if month == when.PAPER_MONTH else month)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        window = self.window()
        if text and hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    def _follow(self, month: str | None) -> None:
        self.edit.setText(month or when.PAPER_MONTH)

    def step(self, months: int) -> None:
        """One month later (or earlier), within the range."""
        y, m = (int(x) for x in (self.state.as_of or when.PAPER_MONTH).split("-"))
        d = date(y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1, 1)
        self.set_month(f"{d.year:04d}-{d.month:02d}")
