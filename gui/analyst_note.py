"""The analyst's own note (and the team's) as the detail pane and the sheets show it: boxed and labelled so it
never passes for a sourced fact, with light Markdown parsed in linear time and everything else escaped.
"""

from __future__ import annotations

import re
from html import escape

from gui.i18n import translate


def e(value) -> str:
    return escape(str(value), quote=True)


# How much of a note is laid out as rich text: Qt's layout of long lists takes time growing with the square
# of their length (4,000 bullets: a second; 250,000: minutes), and a sheet or a pane shows only the start.
NOTE_SHOWN_CHARS, NOTE_SHOWN_LINES = 20_000, 400


def _note_body(text: str) -> str:
    shown = "\n".join(text[:NOTE_SHOWN_CHARS].split("\n", NOTE_SHOWN_LINES)[:NOTE_SHOWN_LINES])
    body = light_markdown(shown)
    if len(shown) < len(text):
        more = translate("AnalystNote", "\u2026 and {n} more characters, not shown here: the note editor holds the "
                                        "whole note.").format(n=f"{len(text) - len(shown):,}")
        body += f'<p style="margin-top:4px; margin-bottom:0"><i>{e(more)}</i></p>'
    return body


def analyst_note(text: str | None, team=()) -> str:
    """The analyst's own note: boxed and labelled, so it never passes for a sourced fact; below it, the team's
    notes on the record (model/team_notes.py TeamNote), each labelled with its author."""
    parts = []
    if text and text.strip():
        parts.append('<table class="analyst" width="100%" border="1" cellspacing="0" cellpadding="6"><tr><td>'
                     + "<b>" + e(translate("AnalystNote", "Analyst\u2019s note")) + "</b> <i>"
                     + e(translate("AnalystNote", "(your own words, not from the paper)")) + "</i>"
                     f"{_note_body(text)}</td></tr></table>")
    for n in team:
        parts.append('<table class="analyst team" width="100%" border="1" cellspacing="0" cellpadding="6"><tr><td>'
                     f"<b>{e(n.display)}</b> <i>{e(_team_label(n))}</i>{_note_body(n.text)}</td></tr></table>")
    return "".join(parts)


def _team_label(n) -> str:
    return translate("AnalystNote", "({author}, {when} UTC; a team member's note, not from the paper)").format(
        author=n.author, when=n.updated[:16].replace("T", " "))


# Linear time, whatever the note (a lazy regex took 16 s on 32 KB of "**a "): the inline patterns stop at
# the next delimiter or line end, so none can rescan the rest of the text from every start; bold, whose text
# may hold single stars, is paired by _bold in one pass.
_ITALIC = re.compile(r"[*_](?<![\w*][*_])(?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_BULLET = re.compile(r"\s*[-*+]\s+(.*)")
_HEADING = re.compile(r"#{1,6}\s+(.*)")


def light_markdown(text: str) -> str:
    """The analyst's light Markdown, escaped first: **bold**, *italic*, `code`, '- ' lists, '#' headings.

    Everything else is literal text: no links, no images, no HTML.
    """
    body = "\n".join(e(text.strip()).splitlines())
    body = _CODE.sub(r"<code>\1</code>", body)
    body = _bold(body)
    body = _ITALIC.sub(r"<i>\1</i>", body)

    html, items, lines = [], [], []
    p = '<p style="margin-top:4px; margin-bottom:0">'

    def flush() -> None:
        if lines:
            html.append(p + "<br>".join(lines) + "</p>")
            lines.clear()
        if items:
            html.append('<ul style="margin-top:2px; margin-bottom:0">'
                        + "".join(f"<li>{x}</li>" for x in items) + "</ul>")
            items.clear()

    for raw in body.split("\n"):
        line = raw.rstrip()
        bullet = _BULLET.match(line)
        heading = None if bullet else _HEADING.match(line)
        if bullet:
            if lines:
                flush()
            items.append(bullet.group(1))
        elif heading:
            flush()
            html.append(f"{p}<b>{heading.group(1)}</b></p>")
        elif not line.strip():
            flush()
        else:
            if items:
                flush()
            lines.append(line)
    flush()
    return "".join(html)


def _bold(text: str) -> str:
    """``**text**`` to ``<b>text</b>`` in one pass over the pieces between the ``**`` of ``text``.

    A ``**`` opens bold when a non-space follows it, and closes it at the next ``**`` after a non-space on
    the same line. When an opener finds no closer before the line ends, no opener before that line end can.
    """
    parts = text.split("**")
    out, j, n = [parts[0]], 1, len(parts)
    while j < n:
        if not parts[j] or parts[j][0].isspace():
            out.append("**" + parts[j])
            j += 1
            continue
        m = j + 1
        while m < n and "\n" not in parts[m - 1] and (not parts[m - 1] or parts[m - 1][-1].isspace()):
            m += 1
        if m >= n or "\n" in parts[m - 1]:  # no closer on this line: the pieces so far stay as typed
            out.append("**" + "**".join(parts[j:m]))
            j = m
            continue
        out += ["<b>", "**".join(parts[j:m]), "</b>", parts[m]]
        j = m + 1
    return "".join(out)
