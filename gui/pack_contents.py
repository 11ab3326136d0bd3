"""What a briefing pack holds, and the HTML of its text sections: the chronology, the membership matrix,
the sources appendix (grouped by sheet, with the sheet's own note numbers) and the contents page.

A pack takes anything in the basket: forums and participants get sheets, events go into the chronology,
people get a short sheet of their own. gui/briefing_pack.py lays these out on pages; the headings are in the
interface's language (gui/i18n.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui import render
from gui.date_words import event_when
from gui.i18n import translate
from gui.terms import term
from model import records as r

FIGURE_3 = QT_TRANSLATE_NOOP("Sheet", "The Japan row restores, from the paper's prose, its lost Figure 3: the "
                                      "Asia-Pacific security dialogues in which Japan is involved.")
KIND_WORDS = {"forum": (QT_TRANSLATE_NOOP("Sheet", "1 forum"), QT_TRANSLATE_NOOP("Sheet", "{n} forums")),
              "participant": (QT_TRANSLATE_NOOP("Sheet", "1 participant"), QT_TRANSLATE_NOOP("Sheet", "{n} participants")),
              "event": (QT_TRANSLATE_NOOP("Sheet", "1 event"), QT_TRANSLATE_NOOP("Sheet", "{n} events")),
              "person": (QT_TRANSLATE_NOOP("Sheet", "1 person"), QT_TRANSLATE_NOOP("Sheet", "{n} people"))}


@dataclass(frozen=True)
class Options:
    """What the analyst chose in the pack dialog (or on the command line)."""

    sources: bool = True  # the sources appendix
    timeline: bool = True
    matrix: bool = True
    chronology: bool = True
    notes: bool = True  # the analyst's notes on the sheets
    prepared_by: str = ""
    pages: int = 1  # pages a sheet may take


@dataclass
class Basket:
    """The pack's records by kind, in the basket's order; ids the atlas does not hold are set aside."""

    forums: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, atlas, ids) -> Basket:
        basket = cls()
        lists = {"forum": basket.forums, "participant": basket.participants, "event": basket.events,
                 "person": basket.people}
        for rid in dict.fromkeys(ids):
            lists.get(atlas.kind_of(rid), basket.unknown).append(rid)
        return basket

    @property
    def known(self) -> int:
        return len(self.forums) + len(self.participants) + len(self.events) + len(self.people)

    def summary(self) -> str:
        """'3 forums, 1 participant and 2 events'."""
        parts = [translate("Sheet", KIND_WORDS[k][len(ids) != 1]).format(n=len(ids)) for k, ids in
                 (("forum", self.forums), ("participant", self.participants), ("event", self.events),
                  ("person", self.people)) if ids]
        if not parts:
            return translate("Sheet", "nothing")
        return parts[0] if len(parts) == 1 else \
            ", ".join(parts[:-1]) + translate("Sheet", " and ") + parts[-1]


def plan(basket: Basket, options: Options) -> list[str]:
    """The sections the pack will have, in order, as the dialog announces them before writing."""
    out = [translate("Sheet", "Cover"), translate("Sheet", "Contents")]
    forums, participants, people, events = (len(x) for x in (basket.forums, basket.participants, basket.people,
                                                             basket.events))
    if forums:
        out.append((translate("Sheet", "1 forum sheet") if forums == 1 else
                    translate("Sheet", "{n} forum sheets")).format(n=forums))
    if participants:
        out.append((translate("Sheet", "1 participant sheet (as of 1999)") if participants == 1 else
                    translate("Sheet", "{n} participant sheets (as of 1999)")).format(n=participants))
    if people:
        out.append((translate("Sheet", "1 person sheet") if people == 1 else
                    translate("Sheet", "{n} person sheets")).format(n=people))
    if options.chronology and (events or forums):
        out.append((translate("Sheet", "Chronology (1 event from the basket)") if events == 1 else
                    translate("Sheet", "Chronology ({n} events from the basket)") if events else
                    translate("Sheet", "Chronology (the forums' events)")).format(n=events))
    if options.timeline and forums:
        out.append(translate("Sheet", "Timeline"))
    if options.matrix and forums:
        out.append(translate("Sheet", "Membership matrix"))
    if options.sources:
        out.append(translate("Sheet", "Sources, by sheet"))
    return out


def chronology_events(atlas, basket: Basket) -> list[r.EventRow]:
    """The basket's events; with none in the basket, the events of its forums."""
    if basket.events:
        rows = [atlas.event(eid).event for eid in basket.events]
    else:
        rows = atlas.events(forum_ids=set(basket.forums))
    return sorted(rows, key=lambda ev: (ev.lo, ev.hi, ev.title))


def chronology_html(atlas, events: list[r.EventRow], from_basket: bool) -> str:
    names = {f.id: f.acronym or f.name for f in atlas.forums()}
    rows = []
    for ev in events:
        detail = atlas.event(ev.id) if from_basket else None
        forums = ", ".join(names.get(f, f) for f in ev.forums)
        summary = f'<br><span class="summary">{render.e(detail.summary)}</span>' if detail and detail.summary else ""
        rows.append(f'<tr><td class="when">{render.e(event_when(ev.date, ev.end))}</td><td><b>{render.e(ev.title)}</b>'
                    f'{", " + render.e(ev.place) if ev.place else ""}'
                    f'{f" <i>({render.e(forums)})</i>" if forums else ""}{summary}</td></tr>')
    lead = (translate("Sheet", "The events in the basket, in date order.") if from_basket else
            translate("Sheet", "The events of the forums in this pack, in date order."))
    heading = translate("Sheet", "Chronology")
    return f'<h1>{escape(heading)}</h1><p class="note">{escape(lead)}</p><table class="events">{"".join(rows)}</table>'


def matrix_html(atlas, forums: list[r.ForumRow]) -> str:
    """Participants by forums, a symbol for each role; forums in columns of ten."""
    ids = [f.id for f in forums]
    roles: dict[tuple[str, str], list[str]] = {}
    by_forum: dict[str, list[r.Membership]] = {}
    for m in atlas.memberships():  # memberships only: a delegation (a ministry, an agency) is never a column entry
        if m.forum_id in ids:
            roles.setdefault((m.participant_id, m.forum_id), []).append(m.role)
            by_forum.setdefault(m.forum_id, []).append(m)
    counts = {fid: len(r.members(ms)) for fid, ms in by_forum.items()}
    people = [p for p in atlas.participants() if any((p.id, fid) in roles for fid in ids)]
    used = {x for held in roles.values() for x in held}
    legend = " \u00b7 ".join(f"{render.ROLE_SYMBOLS[k]} {term(r.label(k))}" for k in render.ROLE_SYMBOLS if k in used)
    keys = {f.id: f.acronym or f"F{n}" for n, f in enumerate(forums, 1)}
    unnamed = [f for f in forums if not f.acronym]
    out = ["<h1>" + escape(translate("Sheet", "Membership matrix")) + "</h1>", f'<p class="note">{escape(legend)}</p>']
    if unnamed:
        out.append('<p class="note">' + "; ".join(f"{keys[f.id]} = {escape(f.name)}" for f in unnamed) + "</p>")
    if any(p.id == "jp" for p in people):
        out.append(f'<p class="note">{escape(translate("Sheet", FIGURE_3))}</p>')
    for start in range(0, len(forums), 10):
        chunk = forums[start:start + 10]
        head = "".join(f'<th align="center">{escape(keys[f.id])}</th>' for f in chunk)
        rows = []
        for p in people:
            cells = "".join(
                f'<td align="center">{"".join(render.ROLE_SYMBOLS.get(x, "?") for x in roles.get((p.id, f.id), []))}'
                "</td>" for f in chunk)
            if any((p.id, f.id) in roles for f in chunk):
                rows.append(f"<tr><td>{escape(p.short_name)}</td>{cells}</tr>")
        totals = "".join(f'<td align="center"><b>{counts.get(f.id, 0)}</b></td>' for f in chunk)
        members = escape(translate("Sheet", "Members"))
        rows.append(f"<tr><td><b>{members}</b></td>{totals}</tr>")
        out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" '
                   'style="border-collapse: collapse; border-color: #999">'
                   f"<tr><th align=\"left\">{escape(term('Participant'))}</th>{head}</tr>{''.join(rows)}</table><p></p>")
    return "".join(out)


def sources_html(sheets: list[tuple[str, int, list[r.Citation]]]) -> str:
    """The appendix: for each sheet (title, first page, its notes), the passages under the sheet's own numbers."""
    lead = translate("Sheet", "Every passage of the paper the sheets cite, under the numbers their notes carry on "
                              "each sheet.")
    out = [f'<h1>{escape(translate("Sheet", "Sources, by sheet"))}</h1><p class="note">{escape(lead)}</p>']
    for title, page, notes in sheets:
        if not notes:
            continue
        items = "".join(f"<li>{render.source_item(c, line=False)}</li>" for c in notes)
        where = escape(translate("Sheet", "page {page}").format(page=page))
        out.append(f'<h2>{escape(title)} <span class="h2note">{where}</span></h2><ol class="sources">{items}</ol>')
    return "".join(out)


def contents_html(entries: list[tuple[str, int]]) -> str:
    rows = "".join(f'<tr><td>{escape(t)}</td><td align="right">{n}</td></tr>' for t, n in entries)
    return f'<h1>{escape(translate("Sheet", "Contents"))}</h1><table width="100%" cellpadding="2">{rows}</table>'
