"""The detail pane: the renderer's HTML for the selected record, and allow-listed links."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTextBrowser

from gui import render

TITLE_CSS = "p.title { font-size: 17pt; font-weight: bold; margin: 0 0 4px 0; } p.title .acr { font-weight: normal; }"
MEASURE_CHARS = 96  # the reading measure: lines no longer than this many average characters
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)  # text sizes Ctrl+ and Ctrl- step through


class DetailPane(QTextBrowser):
    """Shows one record. ``linkActivated`` carries a record id; ``citationActivated`` a citation id."""

    recordLinkActivated = Signal(str)
    citationActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName(self.tr("Record details"))
        self.setAccessibleDescription(self.tr("The selected forum, participant, person or event, with its sources"))
        self.zoom = 1.0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(render.CSS + TITLE_CSS)
        self.anchorClicked.connect(self._on_anchor)
        self.record_id: str | None = None
        self.note_for = None  # record id -> the analyst's note (set by gui/user_data.py), shown boxed
        self.team_for = None  # record id -> the team's notes on it (set by gui/user_data.py with a team server)
        self.look = render.SCREEN  # the renderer's style; not "style", which would hide QWidget.style()
        self._atlas = None
        self.show_empty()

    def show_empty(self) -> None:
        self.record_id = None
        self.setHtml(render.empty(self.tr("Nothing selected"),
                                  self.tr("Pick a forum in the tree or the timeline, or press Ctrl+K to jump to any "
                                          "forum, participant or event.")))

    # -- text size and reading measure --------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        """Every text size of the pane times ``factor`` (the style sheet's sizes are in points: scale them)."""
        self.zoom = factor
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * factor)
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(re.sub(r"([\d.]+)pt", lambda m: f"{float(m[1]) * factor:.1f}pt",
                                                     render.CSS + TITLE_CSS))
        self._measure()
        if self.record_id and self._atlas is not None:
            position = self.verticalScrollBar().value()
            self.show_record(self._atlas, self.record_id)
            self.verticalScrollBar().setValue(position)
        elif self.record_id is None:
            self.show_empty()

    def _measure(self) -> None:
        """Lines as wide as the pane, up to a reading measure (a wide screen would give 300 characters)."""
        measure = int(QFontMetricsF(self.document().defaultFont()).averageCharWidth() * MEASURE_CHARS)
        if self.viewport().width() > measure + 40:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(measure)
        else:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._measure()

    def set_date_range(self, days: tuple[int, int] | None) -> None:
        """List only the events in this range of days (ordinals); None lists them all."""
        self.look = replace(render.SCREEN, days=days)

    def show_record(self, atlas, rid: str) -> bool:
        if rid != self.record_id:  # "About this record" starts closed on every record
            self.look = replace(self.look, about=False)
        self._atlas = atlas
        kind = atlas.kind_of(rid)
        html = None
        note = self.note_for(rid) if self.note_for and kind else None
        team = self.team_for(rid) if self.team_for and kind else ()
        if kind == "forum":
            html = render.forum(atlas.forum(rid), self.look, note=note, team=team)
        elif kind == "event":
            html = render.event(atlas.event(rid), self.look, note=note, team=team)
        elif kind == "participant":
            html = render.participant(atlas.participant(rid), self.look, note=note, team=team)
        elif kind == "person":
            html = render.person(atlas.person(rid), self.look, note=note, team=team)
        if html is None:
            self.record_id = None
            self.setHtml(render.empty(self.tr("No such record"),
                                      self.tr("Nothing in the atlas has the id \u201c{id}\u201d.").format(id=rid)))
            return False
        self.record_id = rid
        # A Qt heading scales its whole line, citation marks too (its size adjustment beats any style): the
        # title is a paragraph styled as the heading, so the marks keep their small size.
        if html.startswith("<h1>"):
            html = '<p class="title">' + html[4:].replace("</h1>", "</p>", 1)
        self.setHtml(html)
        return True

    def loadResource(self, kind, url):  # noqa: N802 - Qt override
        return None  # nothing external, ever: no images, no style sheets, no files

    def _on_anchor(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "atlas" and target:
            self.recordLinkActivated.emit(target)
        elif scheme == "cite" and target:
            self.citationActivated.emit(target)
        elif scheme == "about" and target in ("open", "close") and self.record_id and self._atlas is not None:
            self.look = replace(self.look, about=target == "open")
            position = self.verticalScrollBar().value()
            self.show_record(self._atlas, self.record_id)
            self.verticalScrollBar().setValue(position)
