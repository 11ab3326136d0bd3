"""A record as text to paste elsewhere: plain text or Markdown of what the detail pane shows.

The content is the renderer's (gui/render.py) without links, so the curators' data notes stay out (they are
screen-only). Note marks read "[1]", and the sources name their part and section, never a line of the text
file; a reference to each part of the paper cited closes the text.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument

from gui import render
from gui.i18n import translate
from model import citation

_RENDERERS = {"forum": ("forum", render.forum), "event": ("event", render.event),
              "participant": ("participant", render.participant), "person": ("person", render.person)}
PLAIN = render.Style(links=False)


def record_html(atlas, rid: str, note: str | None = None, style: str = "chicago") -> str | None:
    """The record's page as HTML for copying, with its references; None when ``rid`` is no record."""
    kind = atlas.kind_of(rid)
    if kind not in _RENDERERS:
        return None
    getter, renderer = _RENDERERS[kind]
    html = renderer(getattr(atlas, getter)(rid), PLAIN, note=note)
    html = re.sub(r"<sup>(.*?)</sup>", r" [\1]", html)
    # The pane gives each source note its line for navigation; a reader gets the section only.
    html = re.sub(r"\u201d, line \d+", "\u201d", html)
    cites = citation.record_citations(atlas, rid)
    if cites:
        heading = translate("RecordText", "References")
        refs = citation.sources(heading, cites, style).html
        html += f"<h2>{heading}</h2>" + refs.split("</p>", 1)[1]  # without its own "References: sources" line
    return html


def _rows_as_lines(html: str) -> str:
    """Each table row as one paragraph, 'label: value — detail', so plain text keeps a row on one line."""

    def row(match: re.Match) -> str:
        cells = [c.strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", match.group(1), re.S)]
        cells = [c for c in cells if re.sub(r"<[^>]+>", "", c).strip()]
        if len(cells) < 2:
            return "".join(f"<div>{c}</div>" for c in cells)
        return f"<p>{cells[0]}: {render.SEP.join(cells[1:])}</p>"

    html = re.sub(r"<tr>(.*?)</tr>", row, html, flags=re.S)
    return re.sub(r"</?table[^>]*>", "", html)


def _lists_as_lines(html: str) -> str:
    """List items as numbered or bulleted paragraphs (plain text from Qt drops the marks, and the note
    numbers in the text must find their sources)."""

    def items(match: re.Match) -> str:
        found = re.findall(r"<li>(.*?)</li>", match.group(2), re.S)
        marks = [f"{n}." for n in range(1, len(found) + 1)] if match.group(1) == "ol" else ["\u2022"] * len(found)
        return "".join(f"<p>{m} {x}</p>" for m, x in zip(marks, found, strict=True))

    return re.sub(r"<(ol|ul)[^>]*>(.*?)</\1>", items, html, flags=re.S)


def _document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def plain_text(html: str) -> str:
    html = re.sub(r"<h([23])>", r"<p>&#8203;</p><h\1>", _lists_as_lines(_rows_as_lines(html)))  # a blank line above
    text = _document(html).toPlainText().replace("\u200b", "")
    return text.strip() + "\n"


def markdown(html: str) -> str:
    return _document(html).toMarkdown().strip() + "\n"
