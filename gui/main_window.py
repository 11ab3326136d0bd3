"""The main window: forum tree, detail pane and timeline in splitters, all following one Selection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter

from gui.detail_pane import DetailPane
from gui.forum_tree import GROUPINGS, ForumTreePane
from gui.selection import Selection


class MainWindow(QMainWindow):
    """``MainWindow()`` opens the bundled database at once; ``defer=True`` paints first and loads after."""

    def __init__(self, atlas=None, defer: bool = False):
        super().__init__()
        self.setWindowTitle("Forum Atlas")
        self.atlas = atlas
        self.settings = QSettings()
        self.selection = Selection(self)

        self.tree_pane = ForumTreePane()
        self.detail = DetailPane()
        self.timeline = QLabel("The timeline will appear here.", alignment=Qt.AlignmentFlag.AlignCenter,
                               objectName="timeline")
        self.upper = QSplitter(Qt.Orientation.Horizontal, objectName="upperSplitter")
        self.upper.addWidget(self.tree_pane)
        self.upper.addWidget(self.detail)
        self.upper.setStretchFactor(1, 1)
        self.outer = QSplitter(Qt.Orientation.Vertical, objectName="outerSplitter")
        self.outer.addWidget(self.upper)
        self.outer.addWidget(self.timeline)
        self.outer.setStretchFactor(0, 1)
        self.setCentralWidget(self.outer)
        self.resize(1280, 820)
        self.upper.setSizes([430, 850])
        self.outer.setSizes([560, 260])
        self._build_menus()
        self._restore_state()

        self.tree_pane.forumSelected.connect(self.selection.select)
        self.tree_pane.groupingChanged.connect(lambda key: self.settings.setValue("grouping", key))
        self.detail.recordLinkActivated.connect(self.selection.select)
        self.detail.citationActivated.connect(self.show_citation)
        self.selection.changed.connect(self._follow_selection)
        self.selection.historyChanged.connect(self._update_history_actions)
        QApplication.instance().installEventFilter(self)  # mouse back and forward buttons

        if atlas is not None or not defer:
            self.load()
        else:
            self.detail.setHtml("<p>Loading the atlas\u2026</p>")

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> bool:
        """Open the database (if not given) and fill the panes. False, with a message, when it cannot."""
        from model.queries import Atlas, DatabaseUnavailable

        if self.atlas is None:
            try:
                self.atlas = Atlas()
            except DatabaseUnavailable as exc:
                self.detail.setHtml(f"<h2>The atlas cannot open its data</h2><pre>{_escape(str(exc))}</pre>")
                return False
        self.tree_pane.set_atlas(self.atlas)
        self.detail.show_empty()
        return True

    # -- selection -------------------------------------------------------------------------
    def select(self, rid: str) -> None:
        self.selection.select(rid)

    def _follow_selection(self, rid: str) -> None:
        if self.atlas is None:
            return
        self.detail.show_record(self.atlas, rid)
        if self.atlas.kind_of(rid) == "forum":
            self.tree_pane.select(rid)
        else:
            self.tree_pane.tree.clearSelection()

    def show_citation(self, cid: str) -> None:
        from gui.source_passage import SourcePassageDialog

        citation = self.atlas.citation(cid)
        if citation is not None:
            self.passage = SourcePassageDialog(citation, self.source_text(), self)
            self.passage.show()

    def source_text(self) -> Path | None:
        value = self.settings.value("sourceText")
        return Path(value) if value and Path(value).is_file() else None

    # -- menus -----------------------------------------------------------------------------
    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "Open source text\u2026", self.choose_source_text)
        self._action(file, "Export data as JSON\u2026", self.export_json)
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        self._action(edit, "Copy &citation", self.copy_citation, "Ctrl+Shift+C")

        view = bar.addMenu("&View")
        group_menu = view.addMenu("Group forums by")
        self.grouping_actions = QActionGroup(self)
        for key, text in GROUPINGS:
            action = group_menu.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key == self.tree_pane.current_grouping())
            self.grouping_actions.addAction(action)
            action.triggered.connect(lambda _=False, k=key: self.tree_pane.set_grouping(k))
        self.tree_pane.groupingChanged.connect(self._sync_grouping_actions)

        go = bar.addMenu("&Go")
        self.back_action = self._action(go, "&Back", self.selection.back, "Alt+Left")
        self.forward_action = self._action(go, "&Forward", self.selection.forward, "Alt+Right")
        go.addSeparator()
        self._action(go, "Go to\u2026", self.quick_open, "Ctrl+K")
        self._update_history_actions()

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About Forum Atlas", self.about)

        QShortcut(QKeySequence("F6"), self, self.cycle_panes)

    def _sync_grouping_actions(self, key: str) -> None:
        for action in self.grouping_actions.actions():
            action.setChecked(action.data() == key)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.selection.can_go_back())
        self.forward_action.setEnabled(self.selection.can_go_forward())

    def cycle_panes(self) -> None:
        panes = [self.tree_pane.tree, self.detail, self.timeline]
        focused = QApplication.focusWidget()
        n = next((i for i, p in enumerate(panes) if p is focused or p.isAncestorOf(focused or p)), -1)
        nxt = panes[(n + 1) % len(panes)]
        nxt.setFocusPolicy(nxt.focusPolicy() or Qt.FocusPolicy.StrongFocus)
        nxt.setFocus(Qt.FocusReason.TabFocusReason)

    def quick_open(self) -> None:
        from gui.quick_open import QuickOpen, entries

        if self.atlas is None:
            return
        self.palette_dialog = QuickOpen(entries(self.atlas), self)
        self.palette_dialog.chosen.connect(self.selection.select)
        self.palette_dialog.show()
        self.palette_dialog.edit.setFocus()

    def citation_text(self, rid: str) -> str | None:
        """The record as a reference to the paper: its name, then each passage it rests on."""
        kind = self.atlas.kind_of(rid)
        detail = {"forum": self.atlas.forum, "event": self.atlas.event, "participant": self.atlas.participant,
                  "person": self.atlas.person}.get(kind)
        if detail is None:
            return None
        d = detail(rid)
        own = getattr(d, "cites", ()) or tuple(c.id for c in d.sources[:1])
        cites = [c for c in d.sources if c.id in own] or d.sources[:1]
        lines = [self.atlas.name_of(rid)] + [f"  {c.reference()}" for c in cites]
        return "\n".join(lines)

    def copy_citation(self) -> None:
        rid = self.selection.current
        text = self.citation_text(rid) if rid and self.atlas else None
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage("Citation copied", 3000)

    def choose_source_text(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Your copy of the paper's text", "", "Text files (*.txt)")
        if path:
            self.settings.setValue("sourceText", path)

    def export_json(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the atlas as JSON", "forum-atlas.json", "JSON (*.json)")
        if not path:
            return
        from forum_atlas.cli import _atomic_write  # the same safe write as the command line
        from model import export

        if _atomic_write(Path(path), lambda fh: export.write_json(self.atlas, fh)) != 0:
            QMessageBox.warning(self, "Export failed", f"Forum Atlas could not write {path}.")

    def about(self) -> None:
        from forum_atlas import __version__

        counts = self.atlas.counts() if self.atlas else {}
        lines = "".join(f"<tr><td>{k}</td><td align=right>{v}</td></tr>" for k, v in counts.items())
        data = self.atlas.meta.get("data_version", "?") if self.atlas else "not loaded"
        QMessageBox.about(self, "About Forum Atlas",
                          f"<h3>Forum Atlas {__version__}</h3><p>Asia-Pacific security forums as described in "
                          "<i>Security Multilateralism in Asia: Views from the United States and Japan</i> "
                          f"(IGCC Policy Paper 51, June 1999).</p><p>Data version {data}</p><table>{lines}</table>")

    # -- persistence, mouse buttons, screenshots ----------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name, splitter in (("upper", self.upper), ("outer", self.outer)):
            state = self.settings.value(f"splitter/{name}")
            if state is not None:
                splitter.restoreState(state)
        grouping = self.settings.value("grouping")
        if grouping:
            self.tree_pane.set_grouping(str(grouping))

    def closeEvent(self, event):  # noqa: N802 - Qt override
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter/upper", self.upper.saveState())
        self.settings.setValue("splitter/outer", self.outer.saveState())
        self.settings.setValue("grouping", self.tree_pane.current_grouping())
        QApplication.instance().removeEventFilter(self)
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

    def save_screenshot(self, path: str, size: str = "1400x900", select: str | None = None) -> int:
        w, h = (int(x) for x in size.lower().split("x"))
        self.resize(w, h)
        self.show()
        if select:
            self.select(select)
        for _ in range(3):
            QApplication.processEvents()
        ok = self.grab().save(str(path))
        QTimer.singleShot(0, self.close)
        return 0 if ok else 1


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
