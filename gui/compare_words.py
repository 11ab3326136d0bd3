"""A comparison's rows (model/compare.py writes them in English) in the interface's language, for the compare
view and the printed compare sheet alike: row labels, fixed values, roles and the founding dates."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.date_words import date_text
from gui.i18n import translate
from gui.terms import term
from model.compare import Comparison, Row

# The key facts' row labels and fixed values model/compare.py writes, listed for lupdate; the rest of a fact's
# value is a record's name, a date, a count or a vocabulary label (gui/terms.py).
FACTS = (QT_TRANSLATE_NOOP("CompareModel", "Name"), QT_TRANSLATE_NOOP("CompareModel", "Track"),
         QT_TRANSLATE_NOOP("CompareModel", "Kind"), QT_TRANSLATE_NOOP("CompareModel", "Scope"),
         QT_TRANSLATE_NOOP("CompareModel", "Founded"), QT_TRANSLATE_NOOP("CompareModel", "Ended"),
         QT_TRANSLATE_NOOP("CompareModel", "Status in 1999"), QT_TRANSLATE_NOOP("CompareModel", "Members"),
         QT_TRANSLATE_NOOP("CompareModel", "Disputed"), QT_TRANSLATE_NOOP("CompareModel", "Forums"),
         QT_TRANSLATE_NOOP("CompareModel", "not dated"), QT_TRANSLATE_NOOP("CompareModel", "\u2014 not recorded"))
MISSING = "\u2014 not recorded"
STANCES = ("positive", "negative", "mixed", "neutral")  # a claim's stance (gui/terms.py translates them)


def dates(c: Comparison | None, atlas) -> dict[str, list[str]]:
    """The Founded and Ended rows' values written again from the forums' dates (model/compare.py gives them
    in English words); empty for participants, or with no atlas."""
    if c is None or atlas is None or c.kind != "forum":
        return {}
    forums = [atlas.forum_row(fid) for fid in c.ids]
    if any(f is None for f in forums):
        return {}
    return {"Founded": [date_text(f.founded, translate("CompareModel", "not dated")) for f in forums],
            "Ended": [date_text(f.ended, "\u2014") for f in forums]}


def row_words(row: Row, written: dict[str, list[str]] | None = None) -> Row:
    """``row`` with the labels model/ wrote in the interface's language (names and quotations as they are);
    ``written``: rows' values already in that language, by English label (:func:`dates`)."""
    if row.section == "facts":
        label, values = translate("CompareModel", row.label), [
            translate("CompareModel", v) if v in FACTS else term(v) for v in row.values]
        if row.label == "Disputed":  # "2, on its page"
            values = [translate("CompareModel", "{count}, on its page").format(count=v.split(",")[0])
                      if ", on its page" in v else v for v in row.values]
        values = (written or {}).get(row.label, values)
    elif row.section == "judgements":  # "positive: Cossa treats …": the stance is a vocabulary word
        label, values = term(row.label), [_judgement(v) for v in row.values]
    else:  # a member's roles, or that it is not recorded there
        label, values = row.label, [translate("CompareModel", v) if v == MISSING else
                                    ", ".join(term(x) for x in v.split(", ")) for v in row.values]
    return Row(label, values, row.record, row.section, row.cites)


def _judgement(value: str) -> str:
    """Each of an author's claims ("stance: text", joined by " / ") with its stance translated."""
    out = []
    for said in value.split(" / "):
        stance, sep, text = said.partition(": ")
        out.append(f"{term(stance)}: {text}" if sep and stance in STANCES else said)
    return " / ".join(out)
