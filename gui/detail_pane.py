"""The detail pane: the renderer's HTML for the selected record, and allow-listed links."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from gui import render


class DetailPane(QTextBrowser):
    """Shows one record. ``linkActivated`` carries a record id; ``citationActivated`` a citation id."""

    recordLinkActivated = Signal(str)
    citationActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(render.CSS)
        self.anchorClicked.connect(self._on_anchor)
        self.record_id: str | None = None
        self.note_for = None  # record id -> the analyst's note (set by gui/user_data.py), shown boxed
        self.team_for = None  # record id -> the team's notes on it (set by gui/user_data.py with a team server)
        self.look = render.SCREEN  # the renderer's style; not "style", which would hide QWidget.style()
        self._atlas = None
        self.show_empty()

    def show_empty(self) -> None:
        self.record_id = None
        self.setHtml(render.empty("Nothing selected",
                                  "Pick a forum in the tree or the timeline, or press Ctrl+K to jump to any "
                                  "forum, participant or event."))

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
            self.setHtml(render.empty("No such record", f"Nothing in the atlas has the id \u201c{rid}\u201d."))
            return False
        self.record_id = rid
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
