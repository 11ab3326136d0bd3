"""The analysis views (gui/views.py): the membership matrix and the chronology, driven as a user drives them."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.matrix_view import MatrixModel
from model import roles
from model.matrix import Filters, MatrixData


def matrix_tab(qtbot, window):
    window.registry["view.show_matrix"].trigger()
    view = window.views.matrix
    assert window.views.tabs.currentWidget() is view
    return view


def cell(view, pid: str, fid: str) -> str:
    m = view.matrix
    return view.model.index(m.rows.index(pid), m.columns.index(fid)).data()


def column_of(view, acronym: str) -> int:
    model = view.model
    return next(n for n in range(model.columnCount()) if model.headerData(n, Qt.Orientation.Horizontal) == acronym)


def test_matrix_filtered_to_japans_forums_reads_its_roles(qtbot, window):
    view = matrix_tab(qtbot, window)
    window.tree_pane.participant.setCurrentIndex(window.tree_pane.participant.findText("Japan"))
    assert window.state.participant == "jp"
    shown = set(view.matrix.columns)
    assert {"arf", "neacd", "cscap", "kedo"} <= shown
    assert "asean" not in shown  # Japan holds no role in ASEAN itself
    symbols = roles.SYMBOLS
    assert cell(view, "jp", "arf") == symbols["host"] + symbols["member"]
    assert cell(view, "jp", "kedo") == symbols["founder"] + symbols["funder"]
    assert cell(view, "jp", "four-party-talks") == symbols["not-party"]
    # The DPRK's cell in the NEACD: a founder that then stayed away.
    assert cell(view, "kp", "neacd") == symbols["founder"] + symbols["absent"]
    # The legend names every symbol shown.
    assert "\u25cf\u202fMember" in view.legend.text() and "\u2302\u202fHost" in view.legend.text()
    # A click on a cell shows that membership and selects the forum.
    m = view.matrix
    index = view.model.index(m.rows.index("jp"), m.columns.index("arf"))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center())
    assert window.selection.current == "arf"
    text = view.info.toPlainText()
    assert "Japan in ASEAN Regional Forum" in text and "Member" in text and "Host" in text
    assert "delegation:" in text  # who represents Japan there
    assert "Fukushima" in text and "a variety of ARF meetings" in text  # its citations: part, section, passage
    # Switching views keeps the selection and the filter.
    window.registry["view.show_detail"].trigger()
    assert window.selection.current == "arf" and window.state.participant == "jp"
    assert "ASEAN Regional Forum" in window.detail.toPlainText()


def test_matrix_filters_sorts_and_delegations(qtbot, window):
    view = matrix_tab(qtbot, window)
    view.people.setCurrentIndex(view.people.findText("The 6 NEACD members"))
    assert set(view.matrix.rows) == {"cn", "jp", "kp", "kr", "ru", "us"}
    view.track.setCurrentIndex(view.track.findData("2"))
    assert all(view.data_.forums[f].track == "2" for f in view.matrix.columns)
    view.column_sort.setCurrentIndex(view.column_sort.findData("founded"))
    keys = [view.data_._forum_founded[f] for f in view.matrix.columns]
    assert keys == sorted(keys)
    view.row_sort.setCurrentIndex(view.row_sort.findData("count"))
    counts = [sum((p, f) in view.matrix.cells for f in view.matrix.columns) for p in view.matrix.rows]
    assert counts == sorted(counts, reverse=True)
    # Delegations: off by default, a ministry shows as a row of its own when asked for.
    view.people.setCurrentIndex(0)
    view.track.setCurrentIndex(0)
    rows = set(view.matrix.rows)
    view.delegations.setChecked(True)
    added = set(view.matrix.rows) - rows
    assert added and all(view.data_.participants[p].kind in roles.DELEGATE_KINDS for p in added)
    assert "represents a member" in view.legend.text()


def test_matrix_empty_state_says_how_to_widen(qtbot, window):
    view = matrix_tab(qtbot, window)
    window.tree_pane.filter.setText("no forum has this name")
    assert view.stack.currentWidget() is view.empty
    assert "text filter" in view.empty.text() and "Widen" in view.empty.text()
    window.tree_pane.filter.clear()
    assert view.stack.currentWidget() is view.table


def test_matrix_exports_csv_png_svg_and_refuses_unwritable(qtbot, window, tmp_path, monkeypatch):
    view = matrix_tab(qtbot, window)
    view.people.setCurrentIndex(view.people.findText("The 6 NEACD members"))
    view.track.setCurrentIndex(view.track.findData("1"))
    assert view.export("csv", tmp_path / "m.csv")
    rows = list(csv.reader((tmp_path / "m.csv").open(encoding="utf-8")))
    header = rows[0]
    assert header[0] == "Participant" and "ARF" in header
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Japan"][header.index("ARF")] == "Host; Member"
    assert by_name["North Korea"][header.index("ARF")] == "Not a party"
    assert view.export("png", tmp_path / "m.png")
    assert (tmp_path / "m.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert view.export("svg", tmp_path / "m.svg")
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Japan" in svg and "Membership matrix" in svg
    boxes = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: boxes.append(self.text()))
    assert view.export("csv", tmp_path / "no-such-folder" / "m.csv") is None
    assert boxes and "Cannot write" in boxes[0] and "no-such-folder" in boxes[0]


def test_matrix_model_passes_qt_model_tester(qtmodeltester, atlas):
    data = MatrixData(atlas)
    model = MatrixModel()
    model.reset(data, data.matrix(Filters()))
    qtmodeltester.check(model)


def chronology_tab(window):
    window.registry["view.show_chronology"].trigger()
    view = window.views.chronology
    assert window.views.tabs.currentWidget() is view
    return view


def shown_ids(view) -> list[str]:
    return [view.model.ids[i] for i in view.model.shown]


def test_chronology_follows_the_timelines_brush(qtbot, window):
    from datetime import date

    view = chronology_tab(window)
    everything = len(view.model.ids)
    assert view.model.rowCount() == everything
    tl = window.timeline
    tl.show_days(date(1990, 1, 1).toordinal(), date(1999, 12, 31).toordinal())
    y = tl.height() // 2
    a, b = tl.view.scale.x(date(1993, 1, 1).toordinal()), tl.view.scale.x(date(1994, 12, 31).toordinal())
    from PySide6.QtCore import QPoint

    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(round(a), y))
    qtbot.mouseMove(tl, QPoint(round((a + b) / 2), y))
    qtbot.mouseMove(tl, QPoint(round(b), y))
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(round(b), y))
    lo, hi = window.state.date_range
    assert 0 < view.model.rowCount() < everything
    for i in view.model.shown:  # every row overlaps the brushed range, and none outside it is left out
        assert view.model.days[i][1] >= lo and view.model.days[i][0] <= hi
    assert len(view.model.shown) == sum(1 for d in view.model.days if d[1] >= lo and d[0] <= hi)
    qtbot.keyClick(tl, Qt.Key.Key_Escape)  # the brush cleared: every event again
    assert view.model.rowCount() == everything


def test_chronology_selection_both_ways_filter_sort_and_empty_state(qtbot, window):
    view = chronology_tab(window)
    qtbot.keyClicks(view.filter, "lombok")
    ids = shown_ids(view)
    assert ids == ["cscap-1993-12-lombok-charter"]
    # A click on the row selects the event; the detail follows it.
    rect = view.table.visualRect(view.model.index(0, 4))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.current == "cscap-1993-12-lombok-charter"
    view.filter.clear()
    # Selecting a forum elsewhere: its events bold, the first one current.
    window.selection.select("arf")
    assert view.model.bold and all("arf" in view.model.forums[view.model.ids.index(e)] for e in view.model.bold)
    assert view.table.currentIndex().data(Qt.ItemDataRole.UserRole) in view.model.bold
    # Sorting by the Kind column from its header.
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint_at(header, 3))
    kinds = [view.model.index(n, 3).data().lower() for n in range(view.model.rowCount())]
    assert kinds == sorted(kinds) or kinds == sorted(kinds, reverse=True)
    assert view.model.index(0, 4).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Event: ")
    qtbot.keyClicks(view.filter, "zzzz nothing")
    assert view.stack.currentWidget() is view.empty and "clear the filter box" in view.empty.text()


def test_chronology_keystrokes_narrow_and_backspace_widens(qtbot, window):
    """Typing on filters what the last keystroke left; a deleted letter or a brushed range starts afresh."""
    from datetime import date

    view = chronology_tab(window)

    def fresh(text: str) -> list[str]:  # what the words match among all events, in the shown order
        words = text.lower().split()
        return [view.model.ids[i] for i in view.model.order if all(w in view.model.text[i] for w in words)]

    qtbot.keyClicks(view.filter, "asea")
    wide = shown_ids(view)
    qtbot.keyClicks(view.filter, "n 199")
    assert shown_ids(view) == fresh("asean 199") and 0 < len(shown_ids(view)) < len(wide)
    for _ in range(5):
        qtbot.keyClick(view.filter, Qt.Key.Key_Backspace)
    assert shown_ids(view) == wide == fresh("asea")
    lo, hi = date(1990, 1, 1).toordinal(), date(1994, 12, 31).toordinal()
    window.state.set_date_range((lo, hi))  # brushed on the timeline
    qtbot.keyClicks(view.filter, "n")
    days = {eid: view.model.days[n] for n, eid in enumerate(view.model.ids)}
    brushed = [e for e in fresh("asean") if days[e][1] >= lo and days[e][0] <= hi]
    assert shown_ids(view) == brushed and 0 < len(brushed) < len(fresh("asean"))
    window.state.set_date_range(None)
    assert shown_ids(view) == fresh("asean")


def QPoint_at(header, section):  # noqa: N802 - reads as the point it returns
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_chronology_exports_csv(qtbot, window, tmp_path):
    view = chronology_tab(window)
    qtbot.keyClicks(view.filter, "neacd")
    assert view.export(tmp_path / "c.csv")
    rows = list(csv.reader((tmp_path / "c.csv").open(encoding="utf-8")))
    assert rows[0] == ["Date", "Forum", "Participants", "Kind", "Event"]
    assert len(rows) - 1 == view.model.rowCount() > 0
    assert all("neacd" in " ".join(r).lower() for r in rows[1:])


def test_chronology_model_passes_qt_model_tester(qtmodeltester, atlas):
    from gui.chronology_view import ChronologyModel

    model = ChronologyModel()
    model.load(atlas)
    qtmodeltester.check(model)


def tree_ids(window) -> set[str]:
    proxy, out = window.tree_pane.model, set()

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if index.data(Qt.ItemDataRole.UserRole):
                out.add(index.data(Qt.ItemDataRole.UserRole))
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return out


def set_as_of(qtbot, window, text: str) -> None:
    edit = window.views.as_of.edit
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_as_of_1993_06_the_arf_does_not_yet_exist_and_cscaps_founding_is_marked(qtbot, window):
    from datetime import date

    assert window.views.as_of.edit.text() == "1999-06" and window.state.as_of is None  # the paper's moment
    assert {"arf", "cscap"} <= tree_ids(window)
    set_as_of(qtbot, window, "1993-06")
    assert window.state.as_of == "1993-06"
    shown = tree_ids(window)
    assert "arf" not in shown and "cscap" in shown and "apec" in shown
    assert "kedo" not in shown  # founded 1995
    cscap = window.tree_pane.model.match(window.tree_pane.model.index(0, 0), Qt.ItemDataRole.UserRole, "cscap", 1,
                                         Qt.MatchFlag.MatchRecursive)[0]
    assert cscap.siblingAtColumn(2).data() == "1993 ?"
    assert "uncertain" in cscap.data(Qt.ItemDataRole.ToolTipRole)
    # The matrix: no ARF column; CSCAP's marked; the timeline's as-of line at the end of June 1993.
    view = matrix_tab(qtbot, window)
    assert "arf" not in view.matrix.columns and "cscap" in view.matrix.uncertain_forums
    assert "CSCAP?" in [view.model.headerData(n, Qt.Orientation.Horizontal) for n in range(view.model.columnCount())]
    assert "date uncertain" in view.legend.text()
    assert window.timeline.data.as_of_day == date(1993, 6, 30).toordinal()
    # A month out of range is brought into it, with a message.
    set_as_of(qtbot, window, "2005-01")
    assert window.views.as_of.edit.text() == "1999-06" and window.state.as_of is None
    assert "after the paper's moment" in window.views.as_of.message.text()
    set_as_of(qtbot, window, "1850-01")
    assert window.state.as_of == window.views.as_of.first < "1920"
    assert "before the first event" in window.views.as_of.message.text()
    set_as_of(qtbot, window, "June 93")
    assert "not a month" in window.views.as_of.message.text() and window.state.as_of == window.views.as_of.first


def forums_on_timeline(timeline) -> set[str]:
    """Every forum whose lane a point in the timeline's gutter reaches, the lanes scrolled from top to bottom."""
    view, found = timeline.view, set()
    view.scroll_to(0)
    while True:
        for y in range(int(view.plot_top), int(view.plot_bottom), 4):
            hit = view.hit(10, y)
            if hit.kind == "forum":
                found.add(hit.id)
        if view.scroll >= view.max_scroll:
            return found
        view.scroll_by(view.plot_height)


def test_the_timeline_as_of_1993_06_draws_no_forum_or_event_after_it(qtbot, window):
    from datetime import date

    from PySide6.QtCore import QPoint

    timeline = window.timeline
    paper = [lane.label for lane in timeline.data.lanes]
    assert {"arf", "cscap"} <= forums_on_timeline(timeline)
    set_as_of(qtbot, window, "1993-06")
    june = date(1993, 6, 30).toordinal()
    shown = forums_on_timeline(timeline)
    assert "arf" not in shown and "arf" not in timeline.data.lanes_of  # founded July 1994: no lane to draw or hit
    assert "kedo" not in shown and "cscap" in shown and "apec" in shown
    assert all(lo <= june for lane in timeline.data.lanes for lo in lane.markers.los)  # no event begun after it
    assert timeline.data.as_of_day == june  # the cursor line stays, at the month
    # CSCAP's founding "in 1993" is uncertain in June 1993: its lane is marked, and a click on it selects it.
    (lane,) = timeline.data.lanes_of["cscap"]
    assert timeline.data.lanes[lane].label.startswith("? CSCAP")
    assert timeline.data.bars["cscap"].style == "active"
    timeline.select("cscap")
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(10, int(timeline.view.lane_center(lane))))
    assert window.selection.current == "cscap"
    assert "Perhaps not yet founded" in timeline.tooltip_at(10, timeline.view.lane_center(lane))
    # A forum that had ended by then stays, as history (the NPCSD, 1990-93); one that ended later was alive
    # then, and its bar runs to the month (SEATO, 1955-77, seen from 1970).
    assert "npcsd" in shown and timeline.data.bars["npcsd"].style == "defunct"
    set_as_of(qtbot, window, "1970-01")
    seato = timeline.data.bars["seato"]
    assert seato.style == "active" and seato.hi == date(1970, 1, 31).toordinal()
    # Back at the paper's moment, the ARF returns and the timeline is as it was.
    set_as_of(qtbot, window, "1999-06")
    assert window.state.as_of is None and "arf" in forums_on_timeline(timeline)
    assert [lane.label for lane in timeline.data.lanes] == paper


def test_as_of_states_from_the_browse_data_match_the_read_apis(atlas):
    """The window's tree and timeline read the browse data, which keeps no discrepancies: a disputed founding
    is still uncertain there (an as-of month chosen in the running app raised AttributeError)."""
    from model import as_of as when
    from model.browse import Browse

    browse = when.forum_states(Browse(atlas.path), "1993-06")
    assert browse == when.forum_states(atlas, "1993-06") and when.UNCERTAIN in browse.values()
    assert when.disputed_foundings(Browse(atlas.path)) == when.disputed_foundings(atlas) != {}


def test_as_of_memberships_in_force(atlas):
    from model import as_of as when

    data = MatrixData(atlas)
    m = data.matrix(Filters(as_of=when.month_day("1993-09")))
    # Japan joined the NEACD in October 1993 (its founder's role dates from July): in September only the founding.
    assert "founder" in [e.role for e in m.cells[("jp", "neacd")]]
    assert "member" not in [e.role for e in m.cells[("jp", "neacd")]]
    later = data.matrix(Filters(as_of=when.month_day("1993-11")))
    assert "member" in [e.role for e in later.cells[("jp", "neacd")]]
    # Japan left the League in March 1933: by 1950 it is no longer a member, though it stays one of its founders.
    league = [e.role for e in data.matrix(Filters(as_of=when.month_day("1950-01"))).cells[("jp", "league-of-nations")]]
    assert league == ["founder"]


def test_compare_arf_and_neacd_finds_the_dprk_in_one_and_not_the_other(qtbot, window, tmp_path):
    window.selection.select("neacd")
    window.registry["notes.basket_add"].trigger()
    window.selection.select("arf")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.views.compare
    assert window.views.tabs.currentWidget() is view and view.stack.currentWidget() is view.table
    model = view.model
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())] == ["ARF", "NEACD"]
    labels = [model.headerData(n, Qt.Orientation.Vertical) for n in range(model.rowCount())]
    dprk = model.index(labels.index("North Korea"), 0).row()
    arf, neacd = model.index(dprk, 0).data(), model.index(dprk, 1).data()
    assert arf == "Not a party" and "Founder" in neacd and "Absent" in neacd
    assert model.index(dprk, 0).data(Qt.ItemDataRole.UserRole + 1)  # a row that differs, tinted
    assert model.index(dprk, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    # Someone in one and not recorded in the other; the key facts and each author's judgement, row by row.
    india = labels.index("India")
    assert model.index(india, 0).data() == "Member" and model.index(india, 1).data() == "\u2014 not recorded"
    founded = labels.index("Founded")
    assert model.index(founded, 0).data() == "July 1994"
    assert "U.S. view (Cossa)" in labels and "Japanese view (Fukushima)" in labels
    # Only the differences (here every member row differs: the NEACD's six all hold other roles in the ARF).
    view.only.setChecked(True)
    assert all(model.index(n, 0).data(Qt.ItemDataRole.UserRole + 1) or
               model.headerData(n, Qt.Orientation.Vertical) in HEADINGS_AND_FACTS
               for n in range(model.rowCount()))
    # A click on a member row selects that participant; the export holds the table.
    assert view.export(tmp_path / "cmp.csv")
    rows = list(csv.reader((tmp_path / "cmp.csv").open(encoding="utf-8")))
    assert rows[0] == ["", "ARF", "NEACD"] and ["North Korea", arf, neacd] in rows


HEADINGS_AND_FACTS = {"Name", "Track", "Kind", "Scope", "Founded", "Ended", "Status in 1999", "Members", "Disputed",
                      "Each author's judgement", "Who takes part (roles)"}


def test_compare_needs_two_of_a_kind(qtbot, window):
    window.selection.select("arf")
    window.registry["view.compare"].trigger()
    view = window.views.compare
    assert view.stack.currentWidget() is view.empty
    assert "2 to 4" in view.empty.text() and "basket" in view.empty.text()


def test_a_comparison_shown_clears_the_complaint_of_the_last_try(qtbot, window):
    """ARF alone, then ARF in the basket and NEACD selected: the table showed under "needs 2 to 4 ... 1 given"."""
    window.selection.select("arf")
    window.registry["view.compare"].trigger()
    assert "2 to 4" in window.statusBar().currentMessage()
    window.registry["notes.basket_add"].trigger()
    window.selection.select("neacd")
    window.registry["view.compare"].trigger()
    view = window.views.compare
    assert view.stack.currentWidget() is view.table and window.statusBar().currentMessage() == ""


def test_compare_model_passes_qt_model_tester(qtmodeltester, atlas):
    from gui.compare_view import CompareModel
    from model.compare import compare

    model = CompareModel()
    model.set_comparison(compare(atlas, ["jp", "cn", "kp"]))
    qtmodeltester.check(model)


def test_compare_tab_opened_first_says_how_to_fill_it(qtbot, window):
    window.registry["view.show_compare"].trigger()
    view = window.views.tabs.currentWidget()
    assert view is window.views.compare  # not the blank stand-in
    assert view.empty.isVisible() and "Nothing to compare yet" in view.empty.text()


def test_view_theme_dark_and_light_follow_at_once_and_are_remembered(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from gui import settings as S
    from gui.theme import is_dark

    # Offscreen there is no dark scheme to follow: "system" is light.
    assert window.registry["view.theme.system"].isChecked() and not is_dark(QApplication.palette())
    window.selection.select("arf")
    view = matrix_tab(qtbot, window)
    light_grid = view.table.styleSheet()
    try:
        window.registry["view.theme.dark"].trigger()
        assert is_dark(QApplication.palette()) and window.settings.get(S.THEME) == "dark"
        link = QApplication.palette().link().color().name()
        assert link in window.detail.toHtml()  # the page shown again: its links in the dark scheme's colour
        qtbot.waitUntil(lambda: is_dark(view.table.palette()))  # the widgets are told by posted events
        assert view.table.styleSheet() != light_grid  # the grid in the palette's mid tone, which shows on dark
        assert window.timeline.grab().toImage().pixelColor(5, 5).lightness() < 128
        window.registry["view.theme.light"].trigger()
        assert not is_dark(QApplication.palette()) and window.settings.get(S.THEME) == "light"
        qtbot.waitUntil(lambda: view.table.styleSheet() == light_grid)
    finally:
        window.registry["view.theme.system"].trigger()


def test_the_papers_figures_are_labelled_reconstructions(qtbot, window, tmp_path):
    menu = window.menus["&View/Figures of the paper"]
    texts = [a.text() for a in menu.actions()]
    assert len(texts) == 3 and texts[2].startswith("Figure &3")
    menu.actions()[0].trigger()
    view = window.views.matrix
    assert window.views.tabs.currentWidget() is view
    assert set(view.matrix.columns) == {"japan-rok-military-dialogue", "japan-russia-military-talks",
                                        "us-japan-alliance"}
    assert "reconstructed from the text" in view.banner.text() and "line 50" in view.banner.text()
    window.registry["view.figure_2"].trigger()
    assert {"jda-defense-forum", "arf", "wpns"} <= set(view.matrix.columns) and view.delegations.isChecked()
    assert "jda" in view.matrix.rows  # the Defense Agency's own row, as Japan's delegation
    window.registry["view.figure_3"].trigger()
    assert view.matrix.columns[0] == "cscap"  # the most inclusive first
    assert all(view.data_.forums[f].track == "2" for f in view.matrix.columns)
    assert view.export("svg", tmp_path / "f3.svg")
    svg = (tmp_path / "f3.svg").read_text(encoding="utf-8")
    assert "reconstruction): Examples of Asia-Pacific" in svg and "reconstructed from the text" in svg
    qtbot.mouseClick(view.leave, Qt.MouseButton.LeftButton)
    assert view.figure is None and view.banner.isHidden() and len(view.matrix.columns) > 50


def test_screenshot_option_shows_the_chosen_view_at_a_month(tmp_path):
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    out = tmp_path / "matrix.png"
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "--screenshot", str(out), "--view", "matrix",
                           "--as-of", "1993-06", "--size", "1400x900", "--theme", "dark"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-1500:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    assert image.pixelColor(1395, 40).lightness() < 128  # the toolbar's end, in the dark scheme asked for
    bad = subprocess.run([sys.executable, "-m", "forum_atlas", "--screenshot", str(out), "--view", "nowhere"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "matrix" in bad.stderr  # argparse names the views it knows


def test_compare_from_the_basket_compares_its_current_row_not_the_windows_selection(qtbot, window):
    """Ctrl+Shift+M (or the right-click menu) in the basket starts from the basket's row: with a participant
    selected in the window and only forums beside it in the basket, the forums are compared."""
    for rid in ("neacd", "four-party-talks", "kp"):
        window.selection.select(rid)
        window.registry["notes.basket_add"].trigger()
    basket = window.user_data.panel.basket
    basket.setFocus()
    basket.setCurrentRow(window.user_data.panel.basket_ids().index("neacd"))
    assert window.selection.current == "kp" and window.focusWidget() is basket
    qtbot.keyClick(basket, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.views.compare
    assert window.views.tabs.currentWidget() is view and view.stack.currentWidget() is view.table
    model = view.model
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())] == \
        ["NEACD", "Four-Party Talks"]


def test_the_command_lines_month_and_view_hold_in_a_window_started_as_forum_atlas_starts_it(tmp_path):
    """`forum-atlas --as-of 1994-10 --view matrix` opened at the paper's month on the detail view: the start
    from the browse data never applied them (only --screenshot and the start without browse data did). Run in
    its own process, as started: the app's start leaves the process's application changed for later tests."""
    import os
    import subprocess
    import sys

    script = tmp_path / "start.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from forum_atlas.cli import main\n"
        "from gui import main_window\n"
        "made = []\n"
        "class Window(main_window.MainWindow):\n"
        "    def __init__(self, *a, **k):\n"
        "        super().__init__(*a, **k)\n"
        "        made.append(self)\n"
        "main_window.MainWindow = Window\n"
        "def settled():\n"
        "    w = made[0] if made else None\n"
        "    if w is not None and getattr(w, 'atlas', None) is not None and hasattr(w, 'views'):\n"
        "        print('shown', w.views.tabs.currentWidget().objectName(), w.views.as_of.edit.text(), flush=True)\n"
        "        QApplication.instance().quit()\n"
        "    else:\n"
        "        QTimer.singleShot(50, settled)\n"
        "QTimer.singleShot(0, settled)\n"
        "sys.exit(main())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, str(script), "--as-of", "1994-10", "--view", "matrix", "--quit-after",
                           "60000"], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-1500:]
    assert "shown matrixView 1994-10" in done.stdout, (done.stdout, done.stderr[-1500:])
