"""The switchable central area: the record's detail, the membership matrix and the chronology, as tabs.

Every view follows the one app state, so switching never loses the selection or the filters. A view is
built, and its module imported, the first time it is shown, and it reads its data then: the window's first
useful paint does not wait for views nobody has opened. The as-of
date control sits beside the tabs: it sets the app state's month, which the matrix, tree and timeline
follow.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QSizePolicy, QTabWidget, QWidget

from gui.as_of_control import AsOfControl
from gui.i18n import translate

VIEWS = (("detail", QT_TRANSLATE_NOOP("Views", "Detail")), ("matrix", QT_TRANSLATE_NOOP("Views", "Matrix")),
         ("chronology", QT_TRANSLATE_NOOP("Views", "Chronology")), ("compare", QT_TRANSLATE_NOOP("Views", "Compare")))


class Views:
    """Made by the main window after its panes; ``load()`` once the atlas is open."""

    def __init__(self, window):
        self.window = window
        state = window.state
        self.tabs = QTabWidget(objectName="views")
        self.tabs.setAccessibleName(translate("Views", "Views: detail, matrix, chronology, compare"))
        self.tabs.setDocumentMode(True)
        self._built: dict[str, QWidget] = {}
        at = window.upper.indexOf(window.user_data.area)
        self.pages = {"detail": window.user_data.area}
        window.upper.replaceWidget(at, self.tabs)
        for key, text in VIEWS:
            if key != "detail":  # a stand-in, replaced by the view when it is first shown
                self.pages[key] = QWidget()
            self.tabs.addTab(self.pages[key], translate("Views", text))
        self.as_of = AsOfControl(state)
        self.tabs.setCornerWidget(self.as_of, Qt.Corner.TopRightCorner)
        self._loaded: set[str] = set()
        self.tabs.currentChanged.connect(self._shown)
        for key, _ in VIEWS:
            window.registry.bind(f"view.show_{key}", lambda _=False, k=key: self.show(k))
        window.registry.bind("view.compare", self.compare_with_basket)
        for n in (1, 2, 3):
            window.registry.bind(f"view.figure_{n}", lambda _=False, n=n: self.show_figure(n))
        state.asOfChanged.connect(self._follow_as_of)

    def _view(self, key: str):
        """The view behind a tab, built (and its module imported) on first use."""
        view = self._built.get(key)
        if view is None:
            if key == "matrix":
                from gui.matrix_view import MatrixView as View
            elif key == "chronology":
                from gui.chronology_view import ChronologyView as View
            else:
                from gui.compare_view import CompareView as View
            view = self._built[key] = View(self.window.state)
            # a view's row of controls must not hold the window wide: it gives way instead
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            at, current = self.tabs.indexOf(self.pages[key]), self.tabs.currentIndex()
            self.tabs.blockSignals(True)  # the same tab stays current: nothing to follow
            self.tabs.removeTab(at)
            self.tabs.insertTab(at, view, translate("Views", dict(VIEWS)[key]))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self.pages[key].deleteLater()
            self.pages[key] = view
            if key == "compare" and self.window.atlas is not None:
                view.set_atlas(self.window.atlas)
        return view

    @property
    def matrix(self):
        return self._view("matrix")

    @property
    def chronology(self):
        return self._view("chronology")

    @property
    def compare(self):
        return self._view("compare")

    def load(self) -> None:
        atlas = self.window.atlas
        self._loaded.clear()
        self.as_of.set_range_from(atlas)
        if "compare" in self._built:
            self._built["compare"].set_atlas(atlas)
        self._shown(self.tabs.currentIndex())

    def current(self) -> str:
        return VIEWS[self.tabs.currentIndex()][0]

    def show(self, key: str) -> None:
        self.tabs.setCurrentIndex([k for k, _ in VIEWS].index(key))

    def _shown(self, n: int) -> None:
        key = VIEWS[n][0]
        self.window.registry[f"view.show_{key}"].setChecked(True)
        if key in self._loaded or self.window.atlas is None:
            return
        self._loaded.add(key)
        if key == "matrix":
            self.matrix.set_atlas(self.window.atlas)
        elif key == "chronology":
            self.chronology.visible = self.window.tree_pane.visible_forums()
            self.chronology.set_atlas(self.window.atlas)
        elif key == "compare":  # built with its atlas: it says how to fill it (the stand-in was blank)
            self._view("compare")

    def show_figure(self, number: int) -> None:
        from model.paper_figures import FIGURES

        self.show("matrix")
        self.matrix.show_figure(FIGURES[number - 1])

    def compare_with_basket(self) -> None:
        """The selection and the basket's records of its kind (forums or participants), up to four. Chosen from the
        basket (its right-click menu, or Ctrl+Shift+M in it), the basket's current row stands for the selection."""
        w = self.window
        atlas, current = w.atlas, w.selection.current
        panel = w.user_data.panel
        if w.focusWidget() is panel.basket and panel.current_basket_id():
            current = panel.current_basket_id()
        basket = w.user_data.store.basket() if w.user_data.store is not None else []
        kind = atlas.kind_of(current) if current else None
        if kind not in ("forum", "participant"):
            kinds = [atlas.kind_of(b) for b in basket]
            kind = "forum" if kinds.count("forum") >= kinds.count("participant") else "participant"
        ids = [i for i in dict.fromkeys([current, *basket]) if i and atlas.kind_of(i) == kind][:4]
        why = self.compare.show_ids(ids)
        self.show("compare")
        if why:
            add = translate("Views", "Add forums to the basket (Ctrl+B) to compare them.") if kind == "forum" else \
                translate("Views", "Add participants to the basket (Ctrl+B) to compare them.")
            w.statusBar().showMessage(f"{why} {add}", 10000)
        else:  # a comparison shown: the last one's "needs 2 to 4" would contradict it for ten seconds
            w.statusBar().clearMessage()

    def follow_filters(self) -> None:
        """The chronology, once shown, lists the events of the forums the tree shows (the window calls this)."""
        if "chronology" in self._loaded:
            self.chronology.set_visible_forums(self.window.tree_pane.visible_forums())

    def _follow_as_of(self, month: str | None) -> None:
        """The timeline draws its as-of line at the chosen month."""
        w = self.window
        if w.records is not None:
            w.timeline.set_atlas(w.records, by=w.state.grouping, as_of=month)
