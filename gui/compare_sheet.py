"""A comparison (model/compare.py) as a printed sheet, with the fact sheets' type, page, footer and notes
(gui/fact_sheet.py, gui/sheet_layout.py): the records in aligned columns under one heading each, the rows
that differ shaded, "not recorded" and absences in italics, citations as note marks and a sources block.

One page by default: when it is full, the sources' quotes give way first, then each judgement shortens to
its one line, then the type. A comparison that still does not fit takes the pages it needs. Three or four
records are laid out across a landscape page.
"""

from __future__ import annotations

from gui import compare_words, fact_sheet, render, sheet_layout
from gui.i18n import translate
from gui.render import e
from model.compare import Comparison


def _heading(section: str) -> str:
    return {"facts": translate("CompareSheet", "Key facts"),
            "judgements": translate("CompareSheet", "Each author\u2019s judgement"),
            "members": translate("CompareSheet", "Who takes part (roles)"),
            "forums": translate("CompareSheet", "Forums (roles)")}[section]


DIFFERS = "\u2260"  # marks a row whose values differ
AWAY = ("\u2014 not recorded", "Absent", "Not a party", "Excluded")  # a value that says someone is not there
# (quotes in the sources, judgements in full, type size): the roomiest first
LEVELS = [(True, True, 9.5), (False, True, 9.5), (False, False, 9.0), (False, False, 8.5), (False, False, 8.0),
          (False, False, 7.5)]


def title(c: Comparison) -> str:
    names = c.titles
    return translate("CompareSheet", "{names} and {last} compared").format(names=", ".join(names[:-1]), last=names[-1])


def landscape(c: Comparison) -> bool:
    return len(c.ids) > 2


def _value(row, shown, n: int, whole: bool) -> str:
    """A cell's text: ``row`` as model/compare.py wrote it, ``shown`` in the interface's language."""
    value = shown.values[n]
    if row.label == "Disputed" and row.values[n] != "\u2014":  # "10, on its page" (model/compare.py): the count
        count = int(row.values[n].split(",")[0])
        value = (translate("CompareSheet", "1 point, in the atlas") if count == 1 else
                 translate("CompareSheet", "{count} points, in the atlas").format(count=count))
    elif row.section == "judgements" and not whole:
        value = sheet_layout._one_line(value)
    return value


def compose(c: Comparison, quotes: bool = True, whole: bool = True, atlas=None) -> tuple[str, list]:
    """The sheet's HTML and the notes it numbered, in order; ``atlas`` gives the forums' dates in Japanese."""
    notes = render._Notes(c.sources, render.Style(links=False, quotes=quotes))
    # Per cent of the width: the label column (a participant's rows are named by forums, long names), then
    # equal columns; one set of widths for every table, so the columns line up down the page.
    label = (36 if c.kind == "participant" else 24) - (6 if landscape(c) else 0)
    width = (100 - label) / len(c.ids)

    written = compare_words.dates(c, atlas)

    def cells(row, shown) -> str:
        out = []
        for n in range(len(c.ids)):
            value = _value(row, shown, n, whole)
            shade = [*(["diff"] if row.differs else []), *(["none"] if row.values[n].endswith(AWAY) else [])]
            cls = f' class="{" ".join(shade)}"' if shade else ""
            cites = row.cites[n] if row.cites else ()
            out.append(f'<td{cls} width="{width:.0f}%">{e(value)}{notes.refs(cites)}</td>')
        return "".join(out)

    head = (f'<thead><tr><td class="head" width="{label}%"></td>'
            + "".join(f'<td class="head" width="{width:.0f}%">{e(t)}</td>' for t in c.titles) + "</tr></thead>")
    parts = [f"<h1>{e(title(c))}</h1>",
             '<p class="facts">' + translate(
                 "CompareSheet", "As the paper has them, mid-1999. {differs}\u2009and shading: the rows where they "
                 "differ; <i>\u2014 not recorded</i>: the paper does not place that participant there."
             ).format(differs=DIFFERS) + "</p>"]
    section = None
    body: list[str] = []
    for row in c.rows:
        if row.section != section:
            if body:
                parts.append(f'<table class="compare" width="100%">{head}{"".join(body)}</table>')
            section, body = row.section, []
            parts.append(f"<h2>{e(_heading(section))}</h2>")
        mark = f"{DIFFERS}\u2009" if row.differs else ""  # shading alone is lost in Markdown and on a poor printer
        shown = compare_words.row_words(row, written)
        body.append(f'<tr><td class="label" width="{label}%">{mark}{e(shown.label)}</td>{cells(row, shown)}</tr>')
    if body:
        parts.append(f'<table class="compare" width="100%">{head}{"".join(body)}</table>')
    parts.append(sheet_layout.sources_html(notes))
    return "".join(parts), notes.used()


def layout(c: Comparison, device, pages: int = 1, atlas=None) -> fact_sheet.Sheet:
    """The comparison on ``device``'s pages: the roomiest level that fits ``pages``, else the tightest on as
    many as it takes."""
    page = fact_sheet.room(device)
    sheet = None
    for level, (quotes, whole, size) in enumerate(LEVELS):
        html, notes = compose(c, quotes, whole, atlas)
        sheet = fact_sheet.Sheet(fact_sheet.paper_document(html, size, page, device), level, notes)
        if sheet.pages <= pages:
            break
    if sheet.pages > 1:
        fact_sheet.keep_headings_with_text(sheet.doc, sheet.pages)
    return sheet
