"""A matrix cell in words in the interface's language: its tooltip, what a screen reader says, and the CSV.

English is model.matrix.MatrixData.cell_text's own ("Founder; Member (since July 1994)"); Japanese is made
from the same entries with term() and gui/date_words.py.
"""

from __future__ import annotations

from gui import i18n
from gui.date_words import date_text
from gui.i18n import translate
from gui.terms import term
from model import roles
from model.dates import PartialDate
from model.matrix import Matrix, MatrixData


def cell_words(data: MatrixData, m: Matrix, pid: str, fid: str) -> str:
    if i18n.current() == "en":
        return data.cell_text(m, pid, fid)
    parts = []
    for e in dict.fromkeys(m.cells.get((pid, fid), ())):
        text = (translate("MatrixWords", "represents {member}").format(member=data.participants[e.member].short_name)
                if e.member is not None else term(roles.label(e.role)))
        dates = ", ".join(x for x in (
            translate("MatrixWords", "since {date}").format(date=date_text(PartialDate.parse(e.since)))
            if e.since else "",
            translate("MatrixWords", "until {date}").format(date=date_text(PartialDate.parse(e.until)))
            if e.until else "") if x)
        parts.append(f"{text} ({dates})" if dates else text)
    if (pid, fid) in m.uncertain:
        parts.append(translate("MatrixWords", "date uncertain"))
    return "; ".join(parts)
