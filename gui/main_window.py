"""The main window: forum tree, detail pane and timeline in splitters, all following one AppState."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

from gui import settings as S
from gui.app_state import AppState
from gui.i18n import translate

FOLLOW_PAUSE_MS = 300  # over a very big tree, the timeline and chronology follow its filters after this pause


class MainWindow(QMainWindow):
    """``MainWindow()`` builds every pane and opens the bundled database at once.

    ``defer=True`` shows only the frame first (title, saved geometry, a line of text); ``build()`` and
    ``load()`` then run after the first paint, so the panes' modules and SQLModel never delay it.
    ``state``: what the user looks at (gui/app_state.py); a new one when not given.
    """

    def __init__(self, atlas=None, defer: bool = False, state: AppState | None = None):
        super().__init__()
        self.setWindowTitle("Forum Atlas")
        self.atlas = atlas  # the read API (SQLModel): the detail pane, search, notes and views read through it
        self.records = None  # what the tree, the timeline and quick-open read: the browse data or the read API
        self._waiting = False  # a record was picked before the read API was open: busy cursor until it is
        self.settings = S.Settings()
        self.state = state or AppState(self)
        self.selection = self.state.selection
        self.resize(1280, 820)
        geometry = self.settings.get(S.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.built = False
        if defer and atlas is None:
            # Nothing to draw yet: drawing text would load the fonts, which is worth a third of a bare
            # window's start. The title says what is happening.
            self.setWindowTitle(translate("MainWindow", "Forum Atlas \u2014 opening\u2026"))
            self.setCentralWidget(QWidget())
        else:
            self.build()
            self.load()

    def build(self) -> None:
        """Create the panes, menus and connections (imported here: they are not needed for the first frame)."""
        from gui.actions import ActionRegistry
        from gui.detail_pane import DetailPane
        from gui.forum_tree import ForumTreePane
        from gui.output_actions import OutputActions
        from gui.search_pane import SearchPane
        from gui.timeline import TimelineWidget
        from gui.user_data import UserDataUI
        from gui.views import Views
        from gui.window_actions import WindowActions

        self.tree_pane = ForumTreePane(self.state)
        self.detail = DetailPane()
        self.timeline = TimelineWidget()
        self.upper = QSplitter(Qt.Orientation.Horizontal, objectName="upperSplitter")
        # Search above the tree (gui/search_pane.py); its results fold away while the box is empty.
        self.search_pane = SearchPane(lambda: self.atlas, self._search_notes)
        self.left = QSplitter(Qt.Orientation.Vertical, objectName="leftSplitter", childrenCollapsible=False)
        self.left.addWidget(self.search_pane)
        self.left.addWidget(self.tree_pane)
        self.left.setStretchFactor(1, 1)
        self.upper.addWidget(self.left)
        self.upper.addWidget(self.detail)
        self.outer = QSplitter(Qt.Orientation.Vertical, objectName="outerSplitter")
        self.outer.addWidget(self.upper)
        self.outer.addWidget(self.timeline)
        self.setCentralWidget(self.outer)
        # No stretch factors: a splitter then shares a change of the window's size in proportion, so the
        # panes keep their proportions from 1024x700 to 2560x1440.
        self.upper.setSizes([430, 850])
        self.outer.setSizes([560, 260])
        # Every command is declared in gui/actions.py; its owner binds it (window_actions, user_data).
        self.registry = ActionRegistry(self)
        self.commands = WindowActions(self, self.registry)
        self.output = OutputActions(self, self.registry)  # citations, copy as text, editable exports
        # The analyst's own data: note editor under the detail pane, basket dock, Notes menu (gui/user_data.py).
        self.user_data = UserDataUI(self)
        from gui.dock_share import DockShare

        self.basket_share = DockShare(self, self.user_data.dock)
        self.views = Views(self)  # detail, matrix and chronology as tabs (gui/views.py)
        self.menus = self.registry.build_menus()
        self.toolbar = self.registry.build_toolbar()
        self.registry.bind("view.toolbar", self.toolbar.setVisible, "toggled")
        self.toolbar.visibilityChanged.connect(self.registry["view.toolbar"].setChecked)
        self.registry["view.toolbar"].setChecked(True)
        from gui.pane_focus import PaneFocus
        from gui.view_options import ViewOptions

        self.view_options = ViewOptions(self)
        from gui.theme import ThemeSwitch

        self.theme = ThemeSwitch(self)  # View › Theme
        self.pane_focus = PaneFocus(self)
        self._restore_state()

        # Panes set the state; the window makes the panes follow it (the tree follows it by itself).
        self.search_pane.resultActivated.connect(self.selection.select)
        self.timeline.recordClicked.connect(self.selection.select)
        self.timeline.rangeBrushed.connect(self._brushed)
        self.detail.recordLinkActivated.connect(self.selection.select)
        self.detail.citationActivated.connect(self.show_citation)
        self.selection.changed.connect(self._follow_selection)
        self.state.groupingChanged.connect(self._follow_grouping)
        self.state.filtersChanged.connect(self._filters_changed)
        # Over a very big tree the views that follow its filters do so once typing pauses: at 10,000x data the
        # timeline's following took 0.5-11 s a keystroke.
        self._follow_later = QTimer(self, singleShot=True, interval=FOLLOW_PAUSE_MS)
        self._follow_later.timeout.connect(self._follow_filters)
        self.state.dateRangeChanged.connect(self._follow_date_range)
        QApplication.instance().installEventFilter(self)  # mouse back and forward buttons
        self.setWindowTitle("Forum Atlas")
        self.built = True

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> bool:
        """Open the database (if not given) and fill the panes. False, with a message, when it cannot."""
        from model.queries import Atlas, DatabaseUnavailable

        if self.atlas is None:
            try:
                atlas = Atlas()
            except DatabaseUnavailable as exc:
                self.unavailable(str(exc))
                return False
        else:
            atlas = self.atlas
        if self.records is None:
            self.fill(atlas)
        self.attach(atlas)
        return True

    def load_browse(self) -> bool:
        """Fill the tree and the timeline from the browse data, before SQLModel is imported (gui/app.py).
        False when the browse data cannot be used: then ``load()`` reads everything through the read API."""
        from model.browse import Browse, BrowseUnavailable

        try:
            self.fill(Browse())
        except BrowseUnavailable as exc:
            self.statusBar().showMessage(translate("MainWindow", "Opening through the read API: {why}").format(why=exc),
                                         8000)
            return False
        self.user_data.dock.hide()  # until the notes open (attach): it shows then only if it lists something
        return True

    def fill(self, records) -> None:
        """The tree, the timeline and quick-open read ``records``: the browse data (model/browse.py) or the read
        API, which answer alike for them (tests/model/test_browse.py)."""
        self.records = records
        self.tree_pane.set_atlas(records)
        self.timeline.set_atlas(records, by=self.state.grouping)
        self._follow_filters()
        self.detail.show_empty()

    def attach(self, atlas) -> None:
        """The read API is open: a record picked while it was opening shows now (again, with the analyst's note,
        where the browse data showed it first: where the reader had scrolled to)."""
        self.atlas = atlas
        self._stop_waiting()
        self.user_data.open()
        self.views.load()
        if self.selection.current and self.atlas.kind_of(self.selection.current):
            shown = self.detail.record_id == self.selection.current
            position = self.detail.verticalScrollBar().value()
            self.detail.show_record(self.atlas, self.selection.current)
            if shown:
                self.detail.verticalScrollBar().setValue(position)
        if self.search_pane.box.text().strip():  # typed while the atlas was opening
            self.search_pane.run_search()

    def unavailable(self, message: str) -> None:
        """The database cannot be opened: say why in the detail pane."""
        self._stop_waiting()
        title = translate("MainWindow", "The atlas cannot open its data")
        self.detail.setHtml(f"<h2>{escape(title)}</h2><pre>{escape(message)}</pre>")

    def _stop_waiting(self) -> None:
        if self._waiting:
            self._waiting = False
            QApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()

    # -- selection -------------------------------------------------------------------------
    def select(self, rid: str) -> None:
        self.selection.select(rid)

    def _follow_selection(self, rid: str) -> None:
        if self.records is None:
            return
        if self.atlas is not None:
            self.detail.show_record(self.atlas, rid)
        elif self.records.has_detail(rid):  # the read API's page, from the browse data (model/browse.py)
            self._stop_waiting()
            self.detail.show_record(self.records, rid)
        else:  # attach() shows it once the read API is open
            from gui import render

            name = self.records.name_of(rid)
            self.detail.record_id = None  # no page shown (one from the browse data may have been)
            opening = translate("MainWindow", "Opening {name}\u2026").format(name=name)
            self.detail.setHtml(render.empty(opening, translate("MainWindow", "Its page shows as soon as the atlas "
                                                                             "has opened its data, in a moment.")))
            if not self._waiting:
                self._waiting = True
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.statusBar().showMessage(opening)
        if self.records.kind_of(rid) == "forum":
            self.tree_pane.select(rid)
        else:
            self.tree_pane.tree.clearSelection()
        self.timeline.select(rid)

    def _search_notes(self, text: str) -> list[tuple[str, str]]:
        store = self.user_data.store
        return store.search(text) if store is not None else []

    def _follow_grouping(self, key: str) -> None:
        """The timeline's lanes are grouped as the tree's forums."""
        self.settings.set(S.GROUPING, key)
        if self.records is not None:
            self.timeline.set_atlas(self.records, by=key, as_of=self.state.as_of)

    def _filters_changed(self) -> None:
        if self.tree_pane.big():
            self._follow_later.start()  # a keystroke meanwhile starts it again
        else:
            self._follow_filters()

    def _follow_filters(self) -> None:
        """The timeline and the chronology show the forums the tree shows: the participant and the text filter both
        apply."""
        self.timeline.set_visible_forums(self.tree_pane.visible_forums())
        self.views.follow_filters()

    def _brushed(self, lo: int, hi: int) -> None:
        self.state.set_date_range((lo, hi) if (lo, hi) != (0, 0) else None)

    def _follow_date_range(self, days: tuple[int, int] | None) -> None:
        """A date range narrows the detail pane's events and shows as the timeline's brush."""
        self.timeline.set_brush(days)
        self.detail.set_date_range(days)
        if self.detail.record_id and self.atlas is not None:
            self.detail.show_record(self.atlas, self.detail.record_id)

    def show_citation(self, cid: str) -> None:
        from gui.source_passage import SourcePassageDialog

        if self.atlas is None:  # a page shown from the browse data, before the read API is open
            self.statusBar().showMessage(self.tr("The passage opens once the atlas has opened its data, in a moment."),
                                         4000)
            return
        citation = self.atlas.citation(cid)
        if citation is not None:
            self.passage = SourcePassageDialog(citation, self.source_text(), self,
                                               copy=lambda: self.output.copy_passage(citation))
            self.passage.show()

    def source_text(self) -> Path | None:
        value = self.settings.get(S.SOURCE_TEXT)
        return Path(value) if value and Path(value).is_file() else None

    # -- persistence, mouse buttons, screenshots ----------------------------------------------
    def _splitters(self) -> list[tuple[S.Setting, QSplitter]]:
        return [(S.UPPER_SPLIT, self.upper), (S.OUTER_SPLIT, self.outer), (S.LEFT_SPLIT, self.left),
                (S.DETAIL_SPLIT, self.user_data.area)]

    def _restore_state(self) -> None:
        """Pane sizes, the docks and toolbar, and what was being looked at, as the last window left them."""
        for setting, splitter in self._splitters():
            state = self.settings.get(setting)
            if not state.isEmpty():
                splitter.restoreState(state)
        # The left splitter comes back with the height of the results open at the last close; the box is empty
        # now, so fold them again or the tree sits below an empty gap.
        self.search_pane.clear()
        state = self.settings.get(S.WINDOW_STATE)
        if not state.isEmpty():
            if self.isVisible():
                # Shown before its panes (the deferred start), the window lays them out in posted events; restored
                # before those, the dock's width is lost to a central area of no size (it came back 1,050 px wide).
                QApplication.sendPostedEvents()
            self.restoreState(state)
        self.basket_share.restore(self.settings.get(S.BASKET_SHARE))
        self.state.set_grouping(self.settings.get(S.GROUPING))
        self.state.set_participant(self.settings.get(S.PARTICIPANT) or None)

    def _save_state(self) -> None:
        for setting, splitter in self._splitters():
            self.settings.set(setting, splitter.saveState())
        self.settings.set(S.WINDOW_STATE, self.saveState())
        self.settings.set(S.BASKET_SHARE, self.basket_share.share)
        self.settings.set(S.GROUPING, self.state.grouping)
        self.settings.set(S.PARTICIPANT, self.state.participant or "")

    def closeEvent(self, event):  # noqa: N802 - Qt override
        if self.built and not self.user_data.confirm_close():  # a note that cannot be saved: the user decides
            event.ignore()
            return
        self._stop_waiting()
        self.settings.set(S.GEOMETRY, self.saveGeometry())
        if self.built:  # not when closed before the panes were made
            self._save_state()
            QApplication.instance().removeEventFilter(self)
            self.registry.close()
            self.user_data.close()  # saves the note being typed, releases the notes file
        super().closeEvent(event)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress and self.isActiveWindow():
            if event.button() == Qt.MouseButton.BackButton:
                self.selection.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.selection.forward()
                return True
        return super().eventFilter(obj, event)

    def save_screenshot(self, path: str, size: str = "1400x900", select: str | None = None,
                        view: str | None = None) -> int:
        w, h = (int(x) for x in size.lower().split("x"))
        self.resize(w, h)
        self.show()
        if view:
            self.views.show(view)
        if select:
            self.select(select)
        for _ in range(3):
            QApplication.processEvents()
        ok = self.grab().save(str(path))
        QTimer.singleShot(0, self.close)
        if not ok:
            import sys

            folder = Path(path).parent
            why = (f"the folder {folder} does not exist" if not folder.is_dir()
                   else "use a .png path, in a folder you may write to")
            print(f"forum-atlas: cannot save the screenshot to {path}: {why}", file=sys.stderr)
        return 0 if ok else 1
