"""The note editor under the detail pane: the analyst's own words on the selected record.

A widget only: it owns no data. gui/user_data.py loads a note into it and saves what is typed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

STAR_ON, STAR_OFF = "\u2605", "\u2606"


class Banner(QFrame):
    """A dismissable line of news from the notes store (restored from a backup, read-only, ...)."""

    def __init__(self, parent=None):
        super().__init__(parent, objectName="notesBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.text = QLabel(wordWrap=True, objectName="notesBannerText", textFormat=Qt.TextFormat.PlainText)
        self.text.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(text="\u2715", autoRaise=True, toolTip=self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 3, 3)
        row.addWidget(self.text, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        self.text.setText("\n".join(messages))
        self.setVisible(bool(messages))


class NoteEditor(QWidget):
    """Heading, bookmark star, 'Add to basket', a news banner, and the plain-text editor."""

    bookmarkToggled = Signal(bool)
    addToBasketClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, objectName="noteArea")
        # Ids, names and paths shown here can come from outside (an import file): always plain text, never
        # markup that could load an image, draw a fake heading or take a minute to lay out.
        self.heading = QLabel(self.tr("Your note"), objectName="noteHeading", textFormat=Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption = QLabel(self.tr("your own words \u2014 not from the paper"), objectName="noteCaption",
                              textFormat=Qt.TextFormat.PlainText)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.state = QLabel(objectName="noteState")
        self.state.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.star = QToolButton(objectName="bookmarkStar", text=STAR_OFF, checkable=True, autoRaise=True)
        self.star.setToolTip(self.tr("Bookmark this record (Ctrl+D)"))
        self.star.setAccessibleName(self.tr("Bookmark"))  # not its glyph, which a screen reader calls "white star"
        star_font = QFont(self.star.font())
        star_font.setPointSizeF(star_font.pointSizeF() * 1.4)
        self.star.setFont(star_font)
        self.star.toggled.connect(self._on_star)
        self.add_basket = QToolButton(objectName="addToBasket", text=self.tr("Add to basket"))
        self.add_basket.setToolTip(self.tr("Add this record to the briefing basket (Ctrl+B)"))
        self.add_basket.clicked.connect(self.addToBasketClicked)
        self._in_basket = False
        self.banner = Banner()
        self.placeholder = self.tr("Your note: saved as you type, shown boxed in the detail pane. "
                                   "**bold**, *italic*, - for a list.")
        self.edit = QPlainTextEdit(objectName="noteEditor", placeholderText=self.placeholder)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Your note"))
        # Room for three lines, so the placeholder is never cut off when the window is small.
        lines = self.edit.fontMetrics().lineSpacing() * 3
        self.edit.setMinimumHeight(lines + 2 * int(self.edit.document().documentMargin()) + 2 * self.edit.frameWidth())

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel("\u270e"))
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        top.addWidget(self.star)
        top.addWidget(self.add_basket)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.banner)
        layout.addWidget(self.edit, 1)

    def set_record(self, title: str, caption: str) -> None:
        self.heading.setText(title)
        self.heading.setToolTip(f"<span>{html.escape(title)}</span>")  # a tooltip guesses its format: escape
        self.caption.setText(caption)

    def set_starred(self, on: bool) -> None:
        """Show the bookmark state without emitting ``bookmarkToggled``."""
        self.star.blockSignals(True)
        self.star.setChecked(on)
        self.star.blockSignals(False)
        self._paint_star(on)

    def set_editable(self, editable: bool, why: str = "") -> None:
        self.edit.setReadOnly(not editable)
        self.edit.setPlaceholderText(self.placeholder if editable else why)
        self.star.setEnabled(editable)
        self.add_basket.setEnabled(editable and not self._in_basket)

    def show_in_basket(self, on: bool) -> None:
        """'Add to basket' says when the record is in the basket already (and offers nothing to do)."""
        self.add_basket.setText("\u2713 " + self.tr("In the basket") if on else self.tr("Add to basket"))
        self.add_basket.setToolTip(self.tr("Already in the briefing basket (remove it there)") if on else
                                   self.tr("Add this record to the briefing basket (Ctrl+B)"))
        self.add_basket.setAccessibleName(self.add_basket.text().lstrip("\u2713 "))
        self._in_basket = on
        self.add_basket.setEnabled(not on and not self.edit.isReadOnly())

    def _on_star(self, on: bool) -> None:
        self._paint_star(on)
        self.bookmarkToggled.emit(on)

    def _paint_star(self, on: bool) -> None:
        self.star.setText(STAR_ON if on else STAR_OFF)
        self.star.setToolTip(self.tr("Remove the bookmark (Ctrl+D)") if on else self.tr("Bookmark this record (Ctrl+D)"))
