"""How the window reads: text size (Ctrl+ / Ctrl-), the timeline's legend, and pane proportions that follow
the window's size. Bound to the View menu's actions (declared in gui/actions.py); remembered in settings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from gui import settings as S
from gui.detail_pane import ZOOM_STEPS

SEARCH_SYNTAX = QT_TRANSLATE_NOOP("ViewOptions", """<h3>Searching the atlas</h3>
<p>Type words: every word must appear (in a name, acronym, alias, summary, quotation or your notes). A word is
also a prefix: <b>secur</b> finds security. British and American spellings are the same word (defence, defense;
organisation, organization), and so are the synonyms listed in the data's <tt>synonyms.yaml</tt>
(track II, track two, track 2; CBM, confidence-building measures).</p>
<table cellspacing=4>
<tr><td><tt>"preventive diplomacy"</tt></td><td>the words together, in this order</td></tr>
<tr><td><tt>track:2</tt></td><td>Track 2 forums (also 1, 1.5, none; several: <tt>track:1,1.5</tt>)</td></tr>
<tr><td><tt>member:kp</tt></td><td>forums a participant belongs to (an id or a name: <tt>member:DPRK</tt>)</td></tr>
<tr><td><tt>year:1994</tt></td><td>founded or held that year; also <tt>year:1993..1995</tt>, <tt>year:1990s</tt></td></tr>
<tr><td><tt>kind:proposal</tt></td><td>one kind of record, forum or event</td></tr>
<tr><td><tt>status:defunct</tt></td><td>active, defunct or proposed in 1999</td></tr>
<tr><td><tt>author:cossa</tt></td><td>claims and quotations of one author (cossa, fukushima, preface)</td></tr>
</table>
<p>An exact name, acronym or alias ranks first: <b>JDA</b> puts the Japan Defense Agency at the top.
Ctrl+F or / goes to the search box; Enter opens the first hit; Escape clears the box.</p>""")


class ViewOptions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        registry = window.registry
        registry.bind("view.text_bigger", lambda: self.step_zoom(1))
        registry.bind("view.text_smaller", lambda: self.step_zoom(-1))
        registry.bind("view.text_reset", lambda: self.set_zoom(1.0))
        legend = registry["view.legend"]
        legend.setChecked(bool(window.settings.get(S.LEGEND)))
        self.show_legend(legend.isChecked())
        registry.bind("view.legend", self.show_legend, "toggled")
        registry.bind("view.show_on_timeline", self.show_on_timeline)
        registry.bind("help.search_syntax", self.search_syntax)
        self._base = {widget: widget.font().pointSizeF() for widget in self._zoomed()}
        self.zoom = 1.0
        self.set_zoom(window.settings.get(S.TEXT_ZOOM), say=False)  # restored quietly at start

    def _zoomed(self):
        """The widgets whose text is read at length (the detail pane scales its style sheet itself)."""
        return (self.w.tree_pane.tree, self.w.user_data.editor.edit)

    def set_zoom(self, factor: float, say: bool = True) -> None:
        factor = min(ZOOM_STEPS, key=lambda step: abs(step - factor))  # a hand-edited value snaps to a step
        self.zoom = factor
        for widget, size in self._base.items():
            font = widget.font()
            font.setPointSizeF(size * factor)
            widget.setFont(font)
        self.w.detail.set_zoom(factor)
        self.w.settings.set(S.TEXT_ZOOM, factor)
        self.w.registry["view.text_bigger"].setEnabled(factor < ZOOM_STEPS[-1])
        self.w.registry["view.text_smaller"].setEnabled(factor > ZOOM_STEPS[0])
        if say:
            self.w.statusBar().showMessage(self.tr("Text size {percent}%").format(percent=round(factor * 100)), 2000)

    def step_zoom(self, step: int) -> None:
        n = ZOOM_STEPS.index(self.zoom) + step
        if 0 <= n < len(ZOOM_STEPS):
            self.set_zoom(ZOOM_STEPS[n])

    def show_legend(self, on: bool) -> None:
        timeline = self.w.timeline
        timeline.show_legend = on
        timeline._relayout()
        timeline.update()
        self.w.settings.set(S.LEGEND, int(on))

    def show_on_timeline(self) -> None:
        rid = self.w.selection.current
        timeline = self.w.timeline
        if rid and (timeline.select(rid) or timeline.selected() == rid):
            timeline.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif rid:
            self.w.statusBar().showMessage(self.tr("This record has no place on the timeline (or is filtered out)."),
                                           4000)

    def search_syntax(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Search syntax"), self.tr(SEARCH_SYNTAX),
                          QMessageBox.StandardButton.Close, self.w, objectName="searchSyntax")
        box.setTextFormat(Qt.TextFormat.RichText)
        self.w.search_syntax_box = box
        box.show()
