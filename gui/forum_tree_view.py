"""The forum tree's view: its columns fitted to their contents, the acronyms giving way to the names."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTreeView


class ForumTreeView(QTreeView):
    """The tree; ``stepping`` is True while an arrow key moves the current row (the history coalesces those).

    The name column stretches; when the pane is too narrow for the names, the acronym column gives way
    (the acronym stays in the name's tooltip and in search)."""

    NAME_SHARE = 0.6  # the names keep at least this share of the width before the acronyms go

    FITTED = (1, 2)  # the acronym and founding year: as wide as their contents

    def __init__(self, parent=None):
        super().__init__(parent, objectName="forumTree")
        self.stepping = False
        # The fitted columns' widths, measured again only when the rows or the font change. Qt's own
        # ResizeToContents measures every row again at each layout and resize: nine times at start-up, each
        # asking the model eight roles of every cell.
        self._widths: dict[int, int] | None = None
        self.roles_wanted = 110  # the roles column's width when there is room: as the pane or the user set it
        self._giving_way = False
        self.header().sectionResized.connect(self._on_section_resized)

    def refit(self, *_) -> None:
        """The fitted columns' contents may have changed (the pane connects the model's signals here): measure
        them at the next layout."""
        self._widths = None
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widths = None
        super().changeEvent(event)

    def fitted_widths(self) -> dict[int, int]:
        if self._widths is None:
            header = self.header()
            self._widths = {col: header.sectionSize(col) for col in self.FITTED}  # meanwhile (measuring lays out)
            self._widths = {col: max(header.sectionSizeHint(col), self.sizeHintForColumn(col)) for col in self.FITTED}
            for col, width in self._widths.items():
                header.resizeSection(col, width)
        return self._widths

    def updateGeometries(self):  # noqa: N802 - Qt override: Qt lays the header out here
        if self.model() is not None:
            self.fitted_widths()
        super().updateGeometries()

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.give_way()

    def give_way(self) -> None:
        """In a narrow pane the acronyms go first; with the roles column shown (a participant chosen), the
        founding years go next and the roles narrow (eliding): at 1024 px the names were left 60 px."""
        header = self.header()
        width, fitted = self.viewport().width(), self.fitted_widths()
        roles = 0
        if not header.isSectionHidden(3):
            roles = min(self.roles_wanted, max(40, int(width * (1 - self.NAME_SHARE))))
            if header.sectionSize(3) != roles:
                self._giving_way = True
                header.resizeSection(3, roles)
                self._giving_way = False
        self.setColumnHidden(1, width - roles - fitted[1] - fitted[2] < width * self.NAME_SHARE)
        self.setColumnHidden(2, bool(roles) and width - roles - fitted[2] < width * self.NAME_SHARE)

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        # the user dragged it, or the pane set it (from or to 0 is the column hidden or shown again)
        if column == 3 and old > 0 and new > 0 and not self._giving_way:
            self.roles_wanted = new

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        self.stepping = True
        try:
            super().keyPressEvent(event)
        finally:
            self.stepping = False
