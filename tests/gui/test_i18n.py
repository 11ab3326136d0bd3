"""The Japanese interface (issue 18): the translation covers every string, the window opens in Japanese, the
Japanese names are translations that search and quick-open find, and a Japanese sheet prints without tofu."""

import ast
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import open_window
from helpers import type_japanese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from model import loader
from model.search_results import MARK_ON

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "forum_atlas_ja.ts"
GUI = sorted((ROOT / "gui").glob("*.py"))


def sources(ts: Path) -> set[tuple[str, str]]:
    """(context, source text) of every message of a Qt Linguist file."""
    return {(ctx.findtext("name"), m.findtext("source"))
            for ctx in ET.parse(ts).getroot().iter("context") for m in ctx.iter("message")}


# -- the translation is complete -------------------------------------------------------------------------
def test_lupdate_finds_no_string_without_its_japanese(tmp_path):
    fresh = tmp_path / "ja.ts"
    shutil.copy(TS, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *map(str, GUI), "-ts", str(fresh)],
                   check=True, timeout=120)
    tree = ET.parse(fresh).getroot()
    unfinished = [(ctx.findtext("name"), m.findtext("source")) for ctx in tree.iter("context")
                  for m in ctx.iter("message") if m.find("translation").get("type") == "unfinished"]
    assert unfinished == [], "run `make translations` and translate these in resources/i18n/forum_atlas_ja.ts"
    assert sources(fresh) == sources(TS)  # the committed .ts holds what the code has, no more, no less


def _marked(path: Path):
    """(context, text) of every literal translate("Context", "…"), QT_TRANSLATE_NOOP(…) and self.tr("…") call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for cls in [None, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
        for node in ast.walk(cls or tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 \
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]):
                yield args[0].value, args[1].value
            elif name == "tr" and cls is not None and isinstance(args[0], ast.Constant) \
                    and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "self":
                yield cls.name, args[0].value


def test_no_japanese_string_spaces_a_number_from_its_year_month_or_day():
    """The date formatter writes 1999年6月; a footer's "1999 年半ば" beside it read as a slip."""
    spaced = [t for m in ET.parse(TS).getroot().iter("message") for t in [m.findtext("translation") or ""]
              if re.search(r"[\d}][ \u2009\u00a0]+[年月日]", t)]
    assert not spaced


def test_every_string_marked_in_the_code_is_one_lupdate_sees():
    """lupdate reads no call inside an f-string's braces: such a string would stay English, unreported."""
    known = sources(TS)
    missed = sorted({(path.name, *key) for path in GUI for key in _marked(path) if key not in known})
    assert missed == []


def test_every_label_the_model_makes_is_listed_for_translation():
    from gui.terms import LABELS
    from model import records as r
    from model import roles, vocabulary
    from model.citation import STYLE_LABELS
    from model.timeline_layout import SYMBOL_LABELS

    made = {getattr(t, f) for voc in (vocabulary.TRACKS, vocabulary.STATUSES, vocabulary.PARTS,
                                      vocabulary.RECORD_KINDS, vocabulary.EVENT_KINDS)
            for t in voc for f in ("label", "short", "heading", "by") if getattr(t, f)}
    made |= {vocabulary.NO_TRACK, *STYLE_LABELS.values(), *SYMBOL_LABELS.values()}
    made |= {r.label(k) for k in (*loader.FORUM_KINDS, *loader.SCOPES, *loader.PARTICIPANT_KINDS)}
    made |= {x.label for x in roles.ROLES}
    made |= {k.replace("-", " ") for k in loader.RELATION_KINDS}
    assert made - set(LABELS) == set()


# -- the window in Japanese --------------------------------------------------------------------------------
@pytest.fixture
def japanese(qapp):
    from gui import i18n

    assert i18n.install("ja"), "resources/i18n/forum_atlas_ja.qm is built by make"
    yield
    i18n.install("en")


def test_the_window_opens_in_japanese(japanese, qtbot, atlas, settings_reset):
    w = open_window(qtbot, atlas)
    assert [a.text() for a in w.menuBar().actions()] == [
        "ファイル(&F)", "編集(&E)", "表示(&V)", "移動(&G)", "ノート(&N)", "ヘルプ(&H)"]
    assert w.registry["file.print"].text() == "ファクトシートを印刷…"
    assert w.search_pane.box.placeholderText().startswith("アトラスを検索")
    assert w.tree_pane.model.headerData(0, Qt.Orientation.Horizontal) == "フォーラム"
    first_group = w.tree_pane.model.index(0, 0).data()
    assert first_group.startswith("トラック1（政府間）")  # the model's label, translated, with its count
    assert "何も選択されていません" in w.detail.toPlainText()
    assert w.tree_pane.participant.findText("Japan\u3000日本") > 0  # the translation beside the paper's name
    w.select("arf")
    page = w.detail.toPlainText()
    assert "ASEAN Regional Forum" in page and "ASEAN地域フォーラム" in page  # the Japanese name beside the English
    assert "論文の記載ではありません" in page  # ... said to be a translation, not the paper's
    assert "トラック" in page and "出典" in page


def test_a_view_opened_for_the_first_time_keeps_its_japanese_tab_title(japanese, qtbot, atlas, settings_reset):
    """Each view is built when first shown and takes its stand-in's tab: the title stays translated."""
    w = open_window(qtbot, atlas)
    titles = [w.views.tabs.tabText(n) for n in range(w.views.tabs.count())]
    for key in ("matrix", "chronology", "compare"):
        w.registry[f"view.show_{key}"].trigger()
        assert [w.views.tabs.tabText(n) for n in range(w.views.tabs.count())] == titles
    assert titles == ["詳細", "マトリクス", "年譜", "比較"]


def test_every_menu_and_submenu_title_is_japanese(japanese, qtbot, atlas, settings_reset):
    """View › Theme stayed 'Theme' in the Japanese window: its title was not among those translated."""
    w = open_window(qtbot, atlas)

    def titles(menu):
        for action in menu.actions():
            if action.menu():
                yield action.menu().title()
                yield from titles(action.menu())

    english = [t for t in titles(w.menuBar()) if t.isascii()]
    assert english == []
    assert "テーマ" in list(titles(w.menuBar()))


def test_the_briefing_pack_dialog_in_japanese(japanese, qtbot, atlas, settings_reset):
    from gui.print_dialogs import PackDialog, basket_for_pack

    w = open_window(qtbot, atlas)
    for rid in ("arf", "neacd", "jp"):
        w.user_data.add_to_basket(rid)
    dialog = PackDialog(w, basket_for_pack(w)[1])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "ブリーフィング資料（フォーラム 2 件、参加主体 1 件）"
    assert dialog.title.text() == "ブリーフィング資料"
    assert dialog.summary.text().startswith("資料の内容: 表紙; 目次; フォーラムのシート 2 枚; 参加主体のシート 1 枚")


def _japanese(text: str) -> bool:
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA")) for c in text)


def test_the_matrix_chronology_and_compare_views_in_japanese(japanese, qtbot, atlas, settings_reset):
    """Each view's controls, headings, counts and empty states are Japanese, driven as a user drives them."""
    w = open_window(qtbot, atlas)
    w.registry["view.show_matrix"].trigger()
    matrix = w.views.matrix
    assert w.views.tabs.currentWidget() is matrix
    assert [w.views.tabs.tabText(n) for n in range(4)] == ["詳細", "マトリクス", "年譜", "比較"]  # once built too
    for box in (matrix.track, matrix.kind, matrix.status, matrix.people, matrix.row_sort, matrix.column_sort):
        assert all(_japanese(box.itemText(n)) for n in range(box.count())), [box.itemText(n) for n in range(box.count())]
        assert _japanese(box.toolTip()) and _japanese(box.accessibleName())
    assert matrix.track.itemText(1) == "トラック1（政府間）"  # the vocabulary's label, as the tree shows it
    assert matrix.delegations.text() == "代表機関を表示"
    assert matrix.count.text().startswith("参加主体 ") and matrix.legend.text().startswith("凡例: ")
    assert [matrix.findChild(QPushButton, n).text() for n in ("matrixCsv", "matrixPng", "matrixSvg", "matrixPrint")] \
        == ["CSV で書き出す…", "PNG で書き出す…", "SVG で書き出す…", "印刷…"]
    qtbot.mouseClick(matrix.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=matrix.table.visualRect(matrix.model.index(0, 0)).center())
    assert _japanese(matrix.info.toPlainText())  # the cell's membership, in words
    matrix.track.setCurrentIndex(1)
    qtbot.keyClicks(w.tree_pane.filter, "zzzqqq")  # the forum list's filter narrows the matrix to nothing
    assert matrix.empty.isVisible() and matrix.empty.text().startswith("該当する参加関係はありません。")
    assert "トラック「トラック1（政府間）」（「すべてのトラック」を選ぶ）" in matrix.empty.text()
    w.tree_pane.filter.clear()

    w.registry["view.show_chronology"].trigger()
    chronology = w.views.chronology
    headings = [chronology.model.headerData(n, Qt.Orientation.Horizontal) for n in range(chronology.model.columnCount())]
    assert headings == ["日付", "フォーラム", "参加主体", "種類", "出来事"]
    assert chronology.filter.placeholderText() == "出来事を絞り込む…"
    assert chronology.count.text().startswith("出来事 ")
    kinds = {chronology.model.index(n, 3).data() for n in range(chronology.model.rowCount())}
    assert "設立" in kinds or all(_japanese(k) for k in kinds if k)
    qtbot.keyClicks(chronology.filter, "zzzqqq")
    assert chronology.empty.isVisible() and chronology.empty.text().startswith("該当する出来事はありません。")
    assert "zzzqqq" in chronology.empty.text()

    w.registry["view.show_compare"].trigger()
    compare = w.views.compare
    assert compare.empty.text().startswith("比較するものはまだありません。")
    assert compare.only.text() == "相違のある行のみ"
    w.selection.select("arf")
    w.registry["view.compare"].trigger()  # one forum: the reason why not, in Japanese
    assert compare.empty.text().startswith("比較には 2～4 件のフォーラムまたは参加主体が必要です")
    w.selection.select("neacd")
    w.registry["notes.basket_add"].trigger()
    w.selection.select("arf")
    w.registry["view.compare"].trigger()
    assert compare.stack.currentWidget() is compare.table, compare.empty.text()
    model = compare.model
    labels = [model.headerData(n, Qt.Orientation.Vertical) for n in range(model.rowCount())]
    assert labels[:4] == ["名称", "トラック", "種類", "範囲"] and "参加主体（役割）" in labels
    dprk = labels.index("North Korea")  # a name stays as the paper gives it
    assert _japanese(model.index(dprk, 0).data())  # "Not a party", a role
    assert compare.title() == "ARF、NEACD の比較"


def test_a_japanese_briefing_pack_document_holds_every_section(japanese, atlas):
    """The pack's outline is in Japanese: the document export writes each section it names, not a stand-in."""
    from gui.document_export import pack_document

    text = pack_document(atlas, ["arf", "neacd", "jp"]).toPlainText()
    assert text.startswith("ブリーフィング資料") and "目次" in text
    assert "PDF にのみ収録" not in text and "PDF only" not in text
    assert "年譜" in text and "参加マトリクス" in text and "ASEAN Regional Forum" in text


def test_an_unreachable_team_server_is_said_in_japanese(japanese, qtbot, atlas, settings_reset, tmp_path,
                                                         monkeypatch):
    monkeypatch.setenv("FORUM_ATLAS_NOTES_SERVER", "postgresql://alice@127.0.0.1:1/notes")  # nothing listens there
    w = open_window(qtbot, atlas)
    w.user_data.open(tmp_path / "alice")
    link = w.user_data.team_link
    qtbot.waitUntil(lambda: not link.connecting, timeout=15_000)
    message = w.statusBar().currentMessage()
    assert message.startswith("チームのサーバーに接続できません（") and "オフラインで作業中です" in message, message
    assert link.label.toolTip() == message
    w.user_data.close()


def test_an_english_window_shows_no_japanese_name(window):
    window.select("jp")
    assert "Japanese name" not in window.detail.toPlainText() and "日本" not in window.detail.toPlainText()


def test_view_language_is_saved_for_the_next_start(window):
    from gui import settings as S

    window.registry["view.language.ja"].trigger()
    assert window.settings.get(S.LANGUAGE) == "ja"
    assert "日本語" in window.statusBar().currentMessage()  # said in the language chosen
    from gui import i18n

    assert i18n.chosen(window.settings) == "ja" and i18n.current() == "en"  # applied when the window next opens
    window.registry["view.language.en"].trigger()
    assert i18n.chosen(window.settings) == "en"


# -- Japanese names: translations, searchable ----------------------------------------------------------------
def test_searching_in_japanese_finds_the_participant_and_the_forum(atlas):
    from model.search import search

    japan = search(atlas, "日本")
    assert japan.ids("participant")[0] == "jp"
    assert "\x02日本\x03" in japan.group("participant").hits[0].snippet  # the Japanese name, its match marked
    assert search(atlas, "地域フォーラム").ids("forum") == ["arf"]
    other = search(atlas, "東南アジア諸国連合地域フォーラム").group("forum").hits  # by its other Japanese name
    assert [h.id for h in other] == ["arf"] and MARK_ON in other[0].snippet
    assert search(atlas, "北朝鮮").ids("participant") == ["kp"]
    assert "neacd" in search(atlas, "track:2 北東アジア").ids("forum")
    assert not search(atlas, "track:1 北東アジア協力対話")  # filters narrow Japanese hits as they do others


def test_the_search_box_finds_japan_typed_in_japanese(window, qtbot):
    type_japanese(window.search_pane.box, "日本")
    window.search_pane.run_search()
    hits = window.search_pane.hit_rows()
    assert hits and hits[0].hit.id == "jp"
    qtbot.keyClick(window.search_pane.box, Qt.Key.Key_Return)
    assert window.selection.current == "jp"


def test_quick_open_finds_a_forum_by_part_of_its_japanese_name(window, qtbot):
    window.commands.quick_open()
    palette = window.palette_dialog
    type_japanese(palette.edit, "地域フォーラム")
    assert palette.list.item(0).data(Qt.ItemDataRole.UserRole) == "arf"
    palette.edit.clear()
    type_japanese(palette.edit, "日本")
    assert palette.list.item(0).data(Qt.ItemDataRole.UserRole) == "jp"  # the exact name before 日本国際問題研究所
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert window.selection.current == "jp"


def test_a_japanese_name_for_a_record_that_cannot_have_one_is_refused(data_copy):
    extra = data_copy / "translations.yaml"
    extra.write_text("translations:\n  - {record: jp, name_ja: 日本}\n  - {record: nowhere, name_ja: どこ}\n"
                     "  - {record: jp, name_ja: ニッポン}\n", encoding="utf-8")
    with pytest.raises(loader.DataError) as caught:
        loader.load(data_copy)
    problems = "\n".join(caught.value.problems)
    assert "translations.yaml:3: record: unknown record id 'nowhere'" in problems
    assert re.search(r"translations\.yaml:4: record: 'jp' already has a Japanese name \(at translations\.yaml:2\)",
                     problems)


def test_translations_are_kept_apart_from_the_paper():
    text = (ROOT / "resources" / "data" / "translations.yaml").read_text(encoding="utf-8")
    assert "NOT FROM THE PAPER" in text and "cite:" not in text


# -- printing in Japanese --------------------------------------------------------------------------------------
def _has_japanese_font() -> bool:
    found = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True) \
        if shutil.which("fc-list") else None
    return bool(found and found.stdout.strip())


@pytest.mark.skipif(not _has_japanese_font(), reason="no Japanese font on this machine (apt-get install fonts-noto-cjk)")
@pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils")
def test_a_japanese_sheet_prints_its_japanese(japanese, atlas, tmp_path):
    from gui import printing

    out = tmp_path / "jp.pdf"
    printing.sheet_pdf(atlas, "jp", out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"CJK|Droid|IPA|Takao|VL", fonts), fonts  # the glyphs came from a font that has them
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    # NFKC: Qt's PDF maps a glyph that Noto CJK shares between 日 and the Kangxi radical ⽇ back to the radical.
    text = unicodedata.normalize("NFKC", text)
    assert "日本語名 日本" in text and "1999年半ば時点" in text and "\ufffd" not in text
