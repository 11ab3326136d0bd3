"""What the window's commands do (the commands themselves are declared in gui/actions.py).

Heavy modules (printing, export, dialogs) load on first use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui import i18n
from gui.forum_tree import GROUPINGS
from gui.i18n import translate
from gui.terms import term


class WindowActions:
    """Carries out the window's commands: binds the registry's actions (gui/actions.py) to them."""

    def __init__(self, window, registry):
        self.w = window
        self.registry = registry
        bind = registry.bind
        w = window
        bind("file.print", self.print_preview)
        bind("file.export_sheet", self.export_sheet)
        bind("file.export_pack", self.export_pack)
        bind("file.export_timeline", self.export_timeline)
        bind("file.export_json", self.export_json)
        bind("file.source_text", self.choose_source_text)
        bind("file.quit", w.close)
        bind("edit.find", w.search_pane.focus_box)
        for key, _text in GROUPINGS:
            action = registry[f"view.group.{key}"]
            action.setChecked(key == w.state.grouping)
            action.triggered.connect(lambda _=False, k=key: w.state.set_grouping(k))
        w.state.groupingChanged.connect(self._sync_grouping)
        bind("view.zoom_in", w.timeline.zoom_in)
        bind("view.zoom_out", w.timeline.zoom_out)
        bind("view.fit_all", w.timeline.fit_all)
        bind("view.fit_selection", w.timeline.fit_selection)
        bind("view.clear_range", lambda: w.state.set_date_range(None))
        bind("go.back", w.selection.back)
        bind("go.forward", w.selection.forward)
        bind("go.quick_open", self.quick_open)
        bind("go.next_pane", self.cycle_panes)
        bind("help.shortcuts", self.show_shortcuts)
        bind("help.about", self.about)
        for key, _name in i18n.LANGUAGES:
            registry[f"view.language.{key}"].setChecked(key == i18n.current())
            bind(f"view.language.{key}", lambda _=False, k=key: self.set_language(k))
        w.selection.historyChanged.connect(self._update_history)
        self._update_history()

    def _sync_grouping(self, key: str) -> None:
        for spec_key, _text in GROUPINGS:
            self.registry[f"view.group.{spec_key}"].setChecked(spec_key == key)

    def _update_history(self) -> None:
        self.registry["go.back"].setEnabled(self.w.selection.can_go_back())
        self.registry["go.forward"].setEnabled(self.w.selection.can_go_forward())

    def cycle_panes(self) -> None:
        self.w.pane_focus.next_pane()  # gui/pane_focus.py: the panes in reading order, framed

    def quick_open(self) -> None:
        from gui.quick_open import QuickOpen, entries, prepare

        w = self.w
        if w.records is None:  # the browse data or the read API (gui/main_window.py)
            return
        if getattr(self, "_jump_records", None) is not w.records:  # prepared once per source: seconds at 100x
            self._jump_targets = prepare(entries(w.records), w.records.names_ja())
            self._jump_records = w.records
        w.palette_dialog = QuickOpen(self._jump_targets, w, recent=w.selection.recent())
        w.palette_dialog.chosen.connect(w.selection.select)
        w.palette_dialog.show()
        w.palette_dialog.edit.setFocus()

    # -- File ------------------------------------------------------------------------------------------
    def choose_source_text(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, translate("WindowActions", "Your copy of the paper's text"), "",
                                              translate("WindowActions", "Text files (*.txt)"))
        if path:
            from gui.settings import SOURCE_TEXT

            self.w.settings.set(SOURCE_TEXT, path)

    def export_json(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, translate("WindowActions", "Export the atlas as JSON"),
                                              "forum-atlas.json", "JSON (*.json)")
        if not path:
            return
        from model import atomic, export  # the same safe write as the command line

        try:
            atomic.write_text(Path(path), lambda fh: export.write_json(self.w.atlas, fh))
        except OSError as exc:
            QMessageBox.warning(self.w, translate("WindowActions", "Export failed"),
                                translate("WindowActions", "Forum Atlas could not write {path}: {why}.").format(
                                    path=path, why=atomic.why(exc)))

    def export_timeline(self) -> None:
        """The whole timeline, or the brushed date range, as PNG or SVG."""
        w = self.w
        path, _ = QFileDialog.getSaveFileName(w, translate("WindowActions", "Export timeline"), "timeline.png",
                                              translate("WindowActions", "PNG image (*.png);;SVG (*.svg)"))
        if not path:
            return
        lo, hi = w.timeline.brush() or (None, None)
        try:
            w.timeline.export_image(Path(path), lo, hi)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(w, translate("WindowActions", "Export failed"),
                                translate("WindowActions", "Forum Atlas could not write {path}: {why}.").format(
                                    path=path, why=exc))
            return
        w.statusBar().showMessage(translate("WindowActions", "Wrote {path}").format(path=path), 5000)

    def printable(self) -> str | None:
        """The selected forum or participant, which a fact sheet can show; None, with a hint, otherwise."""
        rid = self.w.selection.current
        if rid and self.w.atlas and self.w.atlas.kind_of(rid) in ("forum", "participant"):
            return rid
        self.w.statusBar().showMessage(translate("WindowActions", "Select a forum or a participant to print its "
                                                 "fact sheet."), 5000)
        return None

    def print_preview(self) -> None:
        from gui.print_dialogs import preview_sheet

        rid = self.printable()
        if rid:
            preview_sheet(self.w, rid)

    def export_sheet(self) -> None:
        from gui.print_dialogs import export_sheet

        rid = self.printable()
        if rid:
            export_sheet(self.w, rid)

    def export_pack(self) -> None:
        from gui.print_dialogs import export_pack

        export_pack(self.w)

    def set_language(self, language: str) -> None:
        """View › Language: saved now, applied when the window next opens (every text is set once, when made)."""
        from gui.settings import LANGUAGE

        self.w.settings.set(LANGUAGE, language)
        if language == i18n.current():
            return
        # Said in the chosen language, whatever the window's: who picked it can read it. Never translated.
        said = {"en": "Forum Atlas will be in English when you next open it.",
                "ja": "次回の起動から Forum Atlas は日本語で表示されます。"}[language]
        self.w.statusBar().showMessage(said, 10000)

    # -- Help ------------------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from gui.shortcuts_dialog import ShortcutsDialog

        self.w.shortcuts_dialog = ShortcutsDialog(self.registry.shortcut_rows(), self.w)
        self.w.shortcuts_dialog.show()

    def about(self) -> None:
        from model.version import version

        atlas = self.w.atlas
        counts = atlas.counts() if atlas else {}
        lines = "".join(f"<tr><td>{term(k.capitalize())}</td><td align=right>{v}</td></tr>" for k, v in counts.items())
        data = atlas.meta.get("data_version", "?") if atlas else translate("WindowActions", "not loaded")
        about = translate("WindowActions", "<h3>Forum Atlas {version}</h3><p>Asia-Pacific security forums as described "
                          "in <i>Security Multilateralism in Asia: Views from the United States and Japan</i> (IGCC "
                          "Policy Paper 51, June 1999).</p><p>Data version {data}</p>")
        QMessageBox.about(self.w, translate("WindowActions", "About Forum Atlas"),
                          about.format(version=version(), data=data) + f"<table>{lines}</table>")
