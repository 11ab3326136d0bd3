"""A source note, shown with its section and line; with the user's copy of the paper, the whole paragraph."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gui.i18n import translate
from gui.terms import term
from model import records as r

_QUOTES = "'\u2018\u2019\u201b\u2032"
_DQUOTES = '"\u201c\u201d\u201e\u2033'
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"


def quote_pattern(quote: str) -> re.Pattern:
    """A pattern finding ``quote`` in the paper despite folded whitespace, quotes and dashes."""
    parts = []
    for ch in " ".join(quote.split()):
        if ch == " ":
            parts.append(r"\s+")
        elif ch in _QUOTES:
            parts.append(f"[{_QUOTES}]")
        elif ch in _DQUOTES:
            parts.append(f"[{_DQUOTES}]")
        elif ch in _DASHES:
            parts.append(f"[{re.escape(_DASHES)}]")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def paragraph_html(citation: r.Citation, paper: Path | None) -> str:
    """The passage as HTML: the paragraph with the quote highlighted, or the quote alone."""
    who = term(r.AUTHOR_LABELS.get(citation.author, citation.author))
    line = translate("SourcePassage", "line {n}").format(n=citation.line)
    head = (f"<h2>{escape(citation.section)}</h2><p><i>{escape(who)} \u2014 {escape(citation.part)}, "
            f"{escape(line)}</i></p>")
    text = None
    if paper is not None:
        try:
            lines = paper.read_text(encoding="utf-8").splitlines()
            text = lines[citation.line - 1] if citation.line <= len(lines) else None
        except (OSError, UnicodeDecodeError):
            text = None
    if text is None:
        hint = "<p><small>" + escape(translate("SourcePassage", "To read the whole paragraph, point Forum Atlas at "
                                                                "your copy of the paper: File \u203a Open source "
                                                                "text\u2026")) + "</small></p>"
        return f"{head}<blockquote>\u201c{escape(citation.quote)}\u201d</blockquote>{hint}"
    match = quote_pattern(citation.quote).search(text)
    if match is None:
        return (f"{head}<blockquote>\u201c{escape(citation.quote)}\u201d</blockquote>"
                "<p><small>" + escape(translate("SourcePassage", "This quote was not found on that line of your copy "
                                                                 "of the paper.")) + "</small></p>"
                f"<p>{escape(text)}</p>")
    before, found, after = text[: match.start()], match.group(0), text[match.end():]
    return (f'{head}<p>{escape(before)}<span style="background-color:#ffe27a; color:#000">{escape(found)}</span>'
            f"{escape(after)}</p>")


class SourcePassageDialog(QDialog):
    def __init__(self, citation: r.Citation, paper: Path | None, parent=None, copy=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source: line {n}").format(n=citation.line))
        self.resize(640, 420)
        self.view = QTextBrowser(objectName="sourcePassage")
        self.view.setOpenLinks(False)
        self.view.setHtml(paragraph_html(citation, paper))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if copy is not None:  # this note's reference, section and passage, in the chosen style
            button = buttons.addButton(self.tr("Copy citation"), QDialogButtonBox.ButtonRole.ActionRole)
            button.setObjectName("copyPassageCitation")
            button.clicked.connect(copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
