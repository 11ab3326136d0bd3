"""Issue 16: references and editable documents on a full disk are never half-written or reported as written."""

from __future__ import annotations

import pytest

OLD = b"the old, whole file\n"


def test_cite_on_a_full_disk_fails_and_keeps_the_old_file(small_disk):
    target = small_disk.path / "paper.bib"
    target.write_bytes(OLD)
    small_disk.fill(leave=200)  # room for the start of the BibTeX, not all of it
    done = small_disk.run(["cite", "--format", "bibtex", "--out", str(target)])
    assert done.returncode == 1 and "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert "wrote" not in done.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in small_disk.path.iterdir() if p.name != "filler") == ["paper.bib"]


def test_window_document_export_on_a_full_disk_shows_the_error_not_wrote(qtbot, window, monkeypatch, small_disk):
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from gui.print_dialogs import SheetPagesDialog

    if not small_disk.mounted:
        pytest.skip("a window test needs a tmpfs (mount not allowed here)")
    target = small_disk.path / "kedo.odt"
    target.write_bytes(OLD)
    small_disk.fill(leave=1024)  # a sheet's ODT is several times larger
    shown = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(SheetPagesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)  # one page, the default
    window.select("kedo")
    window.registry["file.export_sheet_document"].trigger()
    assert shown and "could not write" in shown[0] and "left as it was" in shown[0]
    assert not window.statusBar().currentMessage().startswith("Wrote")
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in small_disk.path.iterdir() if p.name != "filler") == ["kedo.odt"]
