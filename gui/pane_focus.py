"""Keyboard and screen-reader use of the window: the Tab order, a visible frame round the pane that has the
focus (F6 moves it), and accessible names for the controls that lack one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from gui.i18n import translate


class FocusFrame(QWidget):
    """A highlight-coloured rectangle drawn over the pane that holds the focus; mouse events pass through."""

    def __init__(self, parent):
        super().__init__(parent, objectName="paneFocusFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pane: QWidget | None = None
        self.hide()

    def follow(self, pane: QWidget | None) -> None:
        if self.pane is not None:
            self.pane.removeEventFilter(self)
        self.pane = pane
        if pane is None or not pane.isVisible():
            self.hide()
            return
        pane.installEventFilter(self)  # moves and resizes with it
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        top_left = self.pane.mapTo(self.parentWidget(), self.pane.rect().topLeft())
        self.setGeometry(top_left.x(), top_left.y(), self.pane.width(), self.pane.height())

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if obj is self.pane and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place()
        elif obj is self.pane and event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def paintEvent(self, _event):  # noqa: N802 - Qt override
        p = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        p.setPen(pen)
        p.drawRect(self.rect().adjusted(1, 1, -1, -1))


class PaneFocus(QObject):
    """The panes in reading order; Tab follows it, F6 steps through it, the frame shows where the focus is."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        tree, editor = window.tree_pane, window.user_data.editor
        # search -> filters -> tree -> detail -> note -> timeline
        chain = [window.search_pane.box, window.search_pane.results, tree.grouping, tree.participant, tree.filter,
                 tree.tree, window.detail, editor.star, editor.add_basket, editor.edit, window.timeline]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.frame = FocusFrame(window)
        name_controls(window)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        window.selection.changed.connect(self._describe_timeline)

    def panes(self) -> list[QWidget]:
        """What F6 steps through, in reading order (the basket while its dock is open)."""
        w = self.w
        panes = [w.search_pane.box, w.tree_pane.tree, w.detail, w.user_data.editor.edit, w.timeline]
        if w.user_data.dock.isVisible():
            panes.append(w.user_data.panel.basket)
        return panes

    def pane_of(self, widget: QWidget | None) -> QWidget | None:
        for pane in self.panes():
            if widget is not None and (pane is widget or pane.isAncestorOf(widget)):
                return pane
        return None

    def next_pane(self) -> None:
        panes = self.panes()
        here = self.pane_of(QApplication.focusWidget())
        n = panes.index(here) if here in panes else -1
        panes[(n + 1) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_changed(self, _old, new) -> None:
        if new is not None and new.window() is self.w:
            self.frame.follow(self.pane_of(new))

    def _describe_timeline(self, rid: str) -> None:
        """A screen reader hears which marker the timeline has selected (it draws them; it has no children)."""
        timeline, atlas = self.w.timeline, self.w.atlas
        shown = rid in timeline.data.forums or timeline.data.event(rid) is not None
        text = self.tr("Selected: {name}").format(name=atlas.name_of(rid)) if shown and atlas is not None \
            else self.tr("Nothing selected")
        timeline.setAccessibleDescription(text + self.tr(". The detail pane lists the same events as text."))
        QAccessible.updateAccessibility(QAccessibleEvent(timeline, QAccessible.Event.DescriptionChanged))


NAMES = {"forumTree": QT_TRANSLATE_NOOP("PaneFocus", "Forums"),
         "userTabs": QT_TRANSLATE_NOOP("PaneFocus", "Basket, bookmarks and notes"),
         "basket": QT_TRANSLATE_NOOP("PaneFocus", "Basket"), "bookmarks": QT_TRANSLATE_NOOP("PaneFocus", "Bookmarks"),
         "notesList": QT_TRANSLATE_NOOP("PaneFocus", "Notes"), "qt_tabwidget_tabbar": QT_TRANSLATE_NOOP("PaneFocus", "Lists")}


def name_controls(window) -> None:
    """Every control a keyboard reaches gets an accessible name: its tooltip, else its text, else a placeholder."""
    for widget in window.findChildren(QWidget):
        if not widget.accessibleName() and widget.objectName() in NAMES:
            widget.setAccessibleName(translate("PaneFocus", NAMES[widget.objectName()]))
        if widget.accessibleName() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        text = widget.toolTip() or (widget.text() if isinstance(widget, QAbstractButton) else "") \
            or getattr(widget, "placeholderText", lambda: "")()
        if text:
            widget.setAccessibleName(text.replace("&", "").split("\n")[0])
