"""Notes › Export notes…, from the window (the command line's is `forum-atlas notes export`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.i18n import translate

if TYPE_CHECKING:
    from gui.user_data import UserDataUI


def export_notes(ui: UserDataUI) -> None:
    """Notes › Export notes…: the analyst's notes as Markdown or JSON, written whole or not at all."""
    if ui.store is None:
        return
    ui.flush()
    path, chosen = QFileDialog.getSaveFileName(ui.window, translate("UserDataUI", "Export your notes"),
                                               "forum-atlas-notes.md", "Markdown (*.md);;JSON (*.json)")
    if not path:
        return
    from model import atomic, notes

    atlas = ui.window.atlas

    def describe(rid):
        return (atlas.kind_of(rid), atlas.name_of(rid)) if atlas is not None and rid in ui._known else None

    items = ui.store.notes()
    if path.endswith(".json") or "JSON" in chosen:
        def write(fh):
            json.dump(notes.export_json(items, describe), fh, ensure_ascii=False, indent=2)
    else:
        def write(fh):
            fh.write(notes.export_markdown(items, describe))
    try:
        atomic.write_text(Path(path), write, protect=(ui.store.path,))
    except OSError as exc:
        why = translate("UserDataUI", "Forum Atlas could not write {path}: {why}. Your notes are unchanged.")
        QMessageBox.warning(ui.window, translate("UserDataUI", "Export failed"),
                            why.format(path=path, why=atomic.why(exc)))
        return
    done = translate("UserDataUI", "Exported {n} notes to {path}").format(n=len(items), path=path)
    ui.window.statusBar().showMessage(done, 5000)
