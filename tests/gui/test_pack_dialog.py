"""The briefing pack from the window: the dialog says what the pack will hold, names the file after the title,
and never reports success after a failed write."""

from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from gui import print_dialogs


def _trigger(window, text: str) -> None:
    action = next(a for a in window.menus["&File"].actions() if a.text().startswith(text))
    action.trigger()


def _fill_basket(window, ids) -> None:
    for rid in ids:
        window.user_data.add_to_basket(rid)


def test_dialog_announces_the_pack_and_writes_it(qtbot, window, monkeypatch, tmp_path):
    event = "nakayama-proposal-1991-07"
    _fill_basket(window, ["arf", "jp", event])
    seen = {}

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["before"] = dialog.summary.text()
        seen["date"] = dialog.when.text()
        box = dialog.boxes["timeline"]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))  # on its tick box
        seen["after"] = dialog.summary.text()
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Japan & the ARF, 1999")
        qtbot.keyClicks(dialog.prepared, "North Asia desk")
        qtbot.mouseClick(dialog.findChild(QPushButton, "pack_pdf_button"), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(print_dialogs.PackDialog, "exec", run)
    out = tmp_path / "pack.pdf"

    def save(_parent, _title, name, _filters):
        seen["name"] = name
        return str(out), "PDF, A4 (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    _trigger(window, "Export briefing pack")
    assert "1 forum sheet" in seen["before"] and "1 participant sheet" in seen["before"]
    assert "Chronology (1 event from the basket)" in seen["before"] and "Timeline" in seen["before"]
    assert "Timeline" not in seen["after"]
    assert seen["name"] == "japan-the-arf-1999.pdf"
    assert seen["date"] == QDate.currentDate().toString("yyyy-MM-dd")  # unambiguous in any locale
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "Prepared by North Asia desk" in text and "Japan as of mid-1999" in text and "Chronology" in text
    assert window.statusBar().currentMessage() == f"Wrote {out}"


def test_failed_write_is_never_called_success(qtbot, window, monkeypatch, tmp_path):
    _fill_basket(window, ["kedo"])
    monkeypatch.setattr(print_dialogs.PackDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    out = tmp_path / "no-such-folder" / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), "PDF, A4 (*.pdf)"))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    _trigger(window, "Export briefing pack")
    assert shown and "Cannot write" in shown[0]
    message = window.statusBar().currentMessage()
    assert message.startswith("The PDF was not written") and "Wrote" not in message
    assert not out.parent.exists()
