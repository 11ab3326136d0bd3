"""No English from model/ in the Japanese window (issue 18): dates, search hits' info lines, the notes' messages,
the compare sheet and printing errors, driven as a user drives them."""

import re

import pytest
from helpers import click_row, open_window, pdf_text, type_japanese, type_query, visible_forums
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from gui import i18n

MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_DATE = re.compile(rf"\b(?:{MONTH})\b|\bc\. \d|\bthe (?:early |mid-|late )?\d{{4}}s\b|\b(?:since|until) \d")
ROLES = re.compile(r"\b(?:Founder|Member|Observer|Host|Chair|Absent|Not a party|Excluded|Dialogue partner)\b")


@pytest.fixture
def japanese(qapp, settings_reset, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert i18n.install("ja"), "resources/i18n/forum_atlas_ja.qm is built by make"
    yield
    i18n.install("en")


def _cells(html: str, cls: str) -> list[str]:
    return [re.sub("<[^>]+>", "", c) for c in re.findall(rf'<td class="{cls}"[^>]*>(.*?)</td>', html, re.S)]


def test_the_detail_pane_writes_its_dates_in_japanese(japanese, qtbot, atlas):
    w = open_window(qtbot, atlas)
    click_row(qtbot, w, "arf")
    text = w.detail.toPlainText()
    assert "設立\n1994年7月" in text and "1993年7月" in text and "1998\u201399年" in text  # facts and events
    dates = _cells(w.detail.toHtml(), "k") or [line for line in text.splitlines() if line[:4].isdigit()]
    assert dates and not any(ENGLISH_DATE.search(d) for d in dates), dates
    w.selection.select("jp")  # a participant: its memberships' spans ("1996年から")
    qtbot.wait(20)
    text = w.detail.toPlainText()
    assert re.search(r"\d{4}年(\d+月)?から", text), text[:2000]
    assert not re.search(r"\((?:since|until) \d", text)  # a person's role, the data's words, may say "(until …)"
    event = next(ev for ev in atlas.forum("arf").events if ev.id.startswith("asean-pmc-1993"))
    w.selection.select(event.id)
    qtbot.wait(20)
    assert "日付\n1993年7月" in w.detail.toPlainText()


def test_the_timeline_tooltip_and_the_chronology_give_japanese_dates(japanese, qtbot, atlas):
    from gui.timeline import TimelineWidget
    from model.dates import PartialDate
    from model.records import EventRow, ForumRow

    start = PartialDate.parse("1993-07")
    rows = [ForumRow("f", "Talks", "T", "dialogue", "1", "asia-pacific", "active", start, None, None)]
    e = EventRow("e", "Meeting", "meeting", start, None, "Seoul", None, None, ("f",), start.start.toordinal(),
                 start.end.toordinal())
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(900, 300)
    timeline.set_groups([("Track 1", rows)], [e], (), "1999-06")
    x, y = timeline.view.marker_pos("e")
    tip = timeline.tooltip_at(x, y)  # what hovering the event's mark shows
    assert "<br>1993年7月<br>" in tip and not ENGLISH_DATE.search(tip), tip
    assert "1993年7月" in timeline.tooltip_at(20, y)  # the forum's lane: since its founding

    w = open_window(qtbot, atlas)
    w.registry["view.show_chronology"].trigger()
    model = w.views.chronology.model
    dates = [model.index(n, 0).data() for n in range(model.rowCount())]
    assert "1993年7月" in dates and "1994年7月" in dates
    assert not [d for d in dates if ENGLISH_DATE.search(d)]


def test_a_search_hits_info_line_is_japanese(japanese, qtbot, atlas):
    w = open_window(qtbot, atlas)
    type_query(qtbot, w, "ARF")
    infos = {row.hit.id: row.info for row in w.search_pane.hit_rows()}
    assert infos["arf"] == "トラック1 \u00b7 対話 \u00b7 1994年7月設立 \u00b7 1999年に活動中"
    events = [info for rid, info in infos.items() if atlas.kind_of(rid) == "event"]
    assert events and all(re.match(r"\d{4}", i) and "年" in i for i in events), events
    assert not [i for i in infos.values() if ENGLISH_DATE.search(i) or re.search(r"\b(?:Track|founded)\b", i)]
    index = w.search_pane.model.index(w.search_pane.model.rows.index(w.search_pane.hit_rows()[0]))
    assert index.data(Qt.ItemDataRole.ToolTipRole) == w.search_pane.hit_rows()[0].info  # what the user reads


def test_an_english_search_info_line_is_the_index_own(qtbot, window):
    type_query(qtbot, window, "ARF")
    row = next(r for r in window.search_pane.hit_rows() if r.hit.id == "arf")
    assert row.info == row.hit.info and "founded July 1994" in row.info


def test_a_second_window_says_read_only_in_japanese(japanese, qtbot, atlas, tmp_path):
    from model.notes import UserData

    first = UserData(tmp_path / "data" / "forum-atlas")
    try:
        w = open_window(qtbot, atlas)
        message = w.statusBar().currentMessage()
        assert message.startswith("別の Forum Atlas ウィンドウ") and "読み取り専用" in message, message
        assert "read-only" not in w.user_data.editor.banner.text.text()
        assert "読み取り専用" in w.user_data.editor.banner.text.text()
        w.close()
    finally:
        first.close()


def test_the_notes_messages_keep_their_english_for_the_command_line(tmp_path):
    from gui.notes_words import TEMPLATES
    from model.notes import UserData
    from model.notes_messages import MESSAGES

    assert TEMPLATES == MESSAGES  # the window translates every message the store can say
    first = UserData(tmp_path)
    second = UserData(tmp_path)
    try:
        assert second.messages[0].startswith("Another Forum Atlas window (process ")
        assert second.messages[0].key == "other-process"
    finally:
        second.close()
        first.close()


def _compare(qtbot, w, ids) -> None:
    for rid in ids[1:]:
        w.selection.select(rid)
        w.registry["notes.basket_add"].trigger()
    w.selection.select(ids[0])
    w.registry["view.compare"].trigger()


def test_the_compare_view_and_its_printed_sheet_are_japanese(japanese, qtbot, atlas, monkeypatch, tmp_path):
    w = open_window(qtbot, atlas)
    _compare(qtbot, w, ["arf", "neacd"])
    model = w.views.compare.model
    labels = [model.headerData(n, Qt.Orientation.Vertical) for n in range(model.rowCount())]
    founded = labels.index("設立")
    assert model.index(founded, 0).data() == "1994年7月" and model.index(founded, 1).data() == "1993年"
    out = tmp_path / "cmp.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), "PDF, A4 (*.pdf)"))
    qtbot.mouseClick(w.views.compare.findChild(QPushButton, "compareSheet"), Qt.MouseButton.LeftButton)
    text = pdf_text(out)
    assert re.search(r"設立 1994\s*年\s*7\s*月 1993\s*年", text), text[:1500]
    assert "North Korea" in text and "非当事者" in text  # a name as the paper gives it; its role in Japanese
    assert not ENGLISH_DATE.search(text[:text.index("出典")] if "出典" in text else text)
    assert not ROLES.search(text), ROLES.search(text)
    assert "positive:" not in text and re.search(r"肯定的\s*:", text)  # each judgement's stance
    assert " of 2" not in text  # the page numbers
    assert "Founded" not in text and "Key facts" not in text


def test_a_printing_error_is_said_in_japanese(japanese, qtbot, atlas, monkeypatch, tmp_path):
    w = open_window(qtbot, atlas)
    _compare(qtbot, w, ["arf", "neacd"])
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    target = tmp_path / "no-such-folder" / "cmp.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), "PDF, A4 (*.pdf)"))
    qtbot.mouseClick(w.views.compare.findChild(QPushButton, "compareSheet"), Qt.MouseButton.LeftButton)
    assert shown and shown[0].startswith(f"{target} を書き込めません"), shown
    assert "Cannot write" not in shown[0]


def test_the_quick_open_palette_gives_an_events_date_in_japanese(japanese, qtbot, atlas):
    from gui.quick_open import entries

    dates = [label.rsplit(" (", 1)[1] for _rid, label, kind in entries(atlas) if kind == "event"]
    assert "1994年7月)" in dates and not [d for d in dates if ENGLISH_DATE.search(d)]


def test_a_disk_error_inside_a_notes_message_is_japanese_too(japanese):
    import errno
    import sqlite3

    from gui.notes_words import ERRORS, said
    from model.notes import describe_error
    from model.notes_messages import Message

    made = {describe_error(OSError(errno.ENOSPC, "No space left on device")),
            describe_error(OSError(errno.EROFS, "Read-only file system"))}
    assert made <= set(ERRORS)  # the words the window translates are the ones the model writes
    message = Message("backup-failed", folder="/tmp/notes", error=describe_error(sqlite3.OperationalError("x")))
    full = Message("open-failed", path="/tmp/notes.sqlite", error="the disk is full")
    assert said(full) == ("/tmp/notes.sqlite のノートを開けませんでした（ディスクがいっぱいです）。ノート・ブックマーク・"
                          "バスケットは当面使えません。閲覧はこれまでどおりできます。")
    assert said(message).startswith("ノートのバックアップを /tmp/notes に書き込めませんでした")
    assert str(full).startswith("Forum Atlas could not open your notes at /tmp/notes.sqlite (the disk is full).")
    refused = Message("team-role-read-only", role="reader")  # a team role that may only read
    assert said(refused).startswith("あなたの役割 reader ではチームのノートを読めますが")


def test_a_matrix_cells_tooltip_is_japanese(japanese, qtbot, atlas):
    w = open_window(qtbot, atlas)
    w.registry["view.show_matrix"].trigger()
    matrix = w.views.matrix
    model = matrix.model
    tips = [model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())
            for c in range(model.columnCount())]
    tips = [t.rsplit(": ", 1)[1] for t in tips if t]  # the roles, after the names (data)
    assert tips and any("から" in t for t in tips)  # a membership's start
    assert not [t for t in tips if ENGLISH_DATE.search(t) or ROLES.search(t) or "Represents" in t][:3]
    header, rows = matrix.table_rows(words=True)  # the CSV: the same words
    assert any("メンバー" in cell for row in rows for cell in row[1:])


def test_a_japanese_briefing_packs_contents_and_sources_pages_are_japanese(japanese, atlas, tmp_path):
    """The contents page, the participant sheet's title and the sources appendix of a Japanese pack: their
    headings were English ("Contents", "North Korea, as of mid-1999", "Sources, by sheet ... page 4")."""
    from gui import printing

    out = tmp_path / "pack.pdf"
    printing.pack_pdf(atlas, ["neacd", "kp"], out, title="北朝鮮")
    contents, appendix = pdf_text(out, 1), pdf_text(out, -1)
    english = re.compile(r"Contents|Sources, by sheet|Every passage|as of mid-1999|\bpage \d")
    assert not english.search(contents) and not english.search(appendix), (contents, appendix)
    contents, appendix = "".join(contents.split()), "".join(appendix.split())  # the PDF's text spaces its CJK
    assert "目次" in contents and "NorthKorea(1999年半ば時点)" in contents, contents
    assert "出典(シート別)" in appendix and re.search(r"\dページ", appendix), appendix
    from pypdf import PdfReader

    subject = PdfReader(str(out)).metadata.subject  # a viewer's document properties: was "Briefing pack on ..."
    assert subject.startswith("ブリーフィング資料（フォーラム 1 件、参加主体 1 件）、出典: Cossa"), subject


def test_the_tree_filter_finds_forums_by_their_japanese_names_and_the_matrix_follows(japanese, qtbot, atlas):
    """Typing 朝鮮 in the tree's filter box found nothing, though the search box and Ctrl+K find KEDO by its
    Japanese name; the matrix, which follows the tree's text filter, keeps to the same forums."""
    w = open_window(qtbot, atlas)
    type_japanese(w.tree_pane.filter, "朝鮮")
    shown = set(visible_forums(w))
    assert {"kedo", "korean-armistice"} <= shown and "arf" not in shown
    assert w.tree_pane.visible_forums() == shown
    w.views.show("matrix")
    assert set(w.views.matrix._app_forums()) == shown
    type_japanese(w.tree_pane.filter, " エネルギー")  # every word, as in English
    assert visible_forums(w) == ["kedo"]


def test_the_chronology_filter_finds_events_by_their_participants_japanese_name(japanese, qtbot, atlas):
    """北朝鮮 typed in the chronology's filter showed no event, though the DPRK takes part in twenty."""
    w = open_window(qtbot, atlas)
    w.registry["view.show_chronology"].trigger()
    view, model = w.views.chronology, w.views.chronology.model
    type_japanese(view.filter, "北朝鮮")
    shown = {model.ids[i] for i in model.shown}
    with_dprk = {eid for eid, cells in zip(model.ids, model.cells, strict=True) if "North Korea" in cells[2]}
    assert with_dprk and with_dprk <= shown, view.count.text()
    assert view.stack.currentWidget() is view.table and view.count.text().endswith(f"{len(shown)} 件")
    view.filter.clear()
    type_japanese(view.filter, "朝鮮半島エネルギー")  # a forum's Japanese name
    assert model.shown and all("KEDO" in model.cells[i][1] for i in model.shown)


def test_the_matrix_legend_writes_the_as_of_month_in_japanese(japanese, qtbot, atlas):
    """時点 set to 1994-10: the legend's mark for an uncertain date said "1994-10 時点では", the one ISO date left."""
    w = open_window(qtbot, atlas)
    w.registry["view.show_matrix"].trigger()
    edit = w.views.as_of.edit
    edit.selectAll()
    qtbot.keyClicks(edit, "1994-10")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    legend = w.views.matrix.legend.text()
    assert "1994年10月" in legend and "1994-10" not in legend, legend


def test_the_save_dialogs_labels_are_japanese(japanese, qtbot):
    """Qt's own file dialog (where the desktop gives none) said "Look in:" and "Files of type:" in the Japanese
    window: qtbase_ja.qm lacks the labels Qt 6 gives them."""
    from PySide6.QtWidgets import QLabel

    dialog = QFileDialog(None, "PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "場所(&L):" and labels["fileTypeLabel"] == "ファイルの種類(&T):", labels
