"""Output for use elsewhere: citations, the record as text or Markdown on the clipboard, the paper's references
for reference managers, and sheets and packs as editable documents. Binds those commands (gui/actions.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui import settings as S
from gui.i18n import translate
from gui.terms import term
from model import citation


def reference_filters() -> dict[str, str]:
    """The save dialog's filters, each with the format it writes."""
    return {translate("OutputActions", "RIS, for Zotero, EndNote, Mendeley (*.ris)"): "ris",
            translate("OutputActions", "BibTeX (*.bib)"): "bibtex",
            translate("OutputActions", "CSL-JSON (*.json)"): "csl-json"}


class OutputActions:
    def __init__(self, window, registry):
        self.w = window
        self.registry = registry
        registry.bind("edit.copy_citation", self.copy_citation)
        registry.bind("edit.copy_text", lambda: self.copy_record("text"))
        registry.bind("edit.copy_markdown", lambda: self.copy_record("markdown"))
        current = self.style()
        for key in citation.STYLES:
            action = registry[f"edit.cite_style.{key}"]
            action.setChecked(key == current)
            action.triggered.connect(lambda _=False, k=key: self.w.settings.set(S.CITATION_STYLE, k))
        registry.bind("file.export_references", self.export_references)
        registry.bind("file.export_sheet_document", self.export_sheet_document)
        registry.bind("file.export_pack_document", self.export_pack_document)

    def style(self) -> str:
        value = self.w.settings.get(S.CITATION_STYLE)
        return value if value in citation.STYLES else "chicago"

    def _status(self, text: str, ms: int = 4000) -> None:
        self.w.statusBar().showMessage(text, ms)

    def _put(self, text: str, html: str | None = None) -> None:
        data = QMimeData()
        data.setText(text)
        if html is not None:  # a word processor pastes the titles in italics
            data.setHtml(html)
        QGuiApplication.clipboard().setMimeData(data)

    # -- Edit ------------------------------------------------------------------------------------------
    def copy_citation(self) -> None:
        """The selected record's references: each part of the paper it rests on, with the sections."""
        w = self.w
        rid = w.selection.current
        cites = citation.record_citations(w.atlas, rid) if rid and w.atlas else []
        if not cites:
            self._status(translate("OutputActions", "Select a record that cites the paper to copy its citation."))
            return
        ref = self._cite(lambda: citation.sources(w.atlas.name_of(rid), cites, self.style()))
        if ref is not None:
            self._put(ref.text, ref.html)
            self._status(translate("OutputActions", "Citation copied ({style})").format(
                style=term(citation.STYLE_LABELS[self.style()])))

    def copy_passage(self, note) -> None:
        """One source note (a model.records.Citation): its reference, section and the passage quoted."""
        ref = self._cite(lambda: citation.passage(note, self.style()))
        if ref is not None:
            self._put(ref.text, ref.html)
            self._status(translate("OutputActions", "Citation of the passage copied ({style})").format(
                style=term(citation.STYLE_LABELS[self.style()])))

    def _cite(self, make):
        try:
            return make()
        except citation.CitationError as exc:
            QMessageBox.warning(self.w, translate("OutputActions", "No citation"),
                                translate("OutputActions", "Forum Atlas cannot format the citation: {why}").format(
                                    why=exc))
            return None

    def copy_record(self, kind: str) -> None:
        from gui import record_text

        w = self.w
        rid = w.selection.current
        html = record_text.record_html(w.atlas, rid, w.user_data.note(rid), self.style()) if rid and w.atlas \
            else None
        if html is None:
            self._status(translate("OutputActions", "Select a record to copy it."))
            return
        if kind == "markdown":
            self._put(record_text.markdown(html))
        else:
            self._put(record_text.plain_text(html))
        copied = translate("OutputActions", "{name} copied as Markdown") if kind == "markdown" else \
            translate("OutputActions", "{name} copied as text")
        self._status(copied.format(name=w.atlas.name_of(rid)))

    # -- File ------------------------------------------------------------------------------------------
    def export_references(self) -> None:
        from model import atomic

        filters = reference_filters()
        path, chosen = QFileDialog.getSaveFileName(self.w, translate("OutputActions", "Export references to the paper"),
                                                   "igcc-pp51.ris", ";;".join(filters))
        if not path:
            return
        fmt = filters.get(chosen) or {".bib": "bibtex", ".json": "csl-json"}.get(Path(path).suffix, "ris")
        try:
            text = citation.export(fmt, citation.records())
            atomic.write_text(Path(path), lambda fh: fh.write(text))
        except (OSError, citation.CitationError) as exc:
            self.failed(path, atomic.why(exc))
            return
        self._status(translate("OutputActions", "Wrote {path}").format(path=path), 5000)

    def failed(self, path, why: str) -> None:
        """Say plainly that nothing was written, in the status bar and a dialog."""
        self._status(translate("OutputActions", "Not written: {path}: {why}").format(path=path, why=why), 15000)
        kept = translate("OutputActions", "The file already there was left as it was.") if Path(path).is_file() \
            else translate("OutputActions", "Nothing was written.")
        box = QMessageBox(QMessageBox.Icon.Warning, translate("OutputActions", "Could not write the file"),
                          translate("OutputActions", "Forum Atlas could not write {path}: {why}.").format(
                              path=path, why=why) + " " + kept, parent=self.w)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path is text, never markup
        box.exec()

    def export_sheet_document(self) -> None:
        from gui import document_export

        document_export.export_sheet(self, self.w)

    def export_pack_document(self) -> None:
        from gui import document_export

        document_export.export_pack(self, self.w)
