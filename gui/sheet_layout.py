"""What a printed sheet says, in priority order, and what gives way when the page is full.

A sheet keeps, from first to last: the identity block; the complete member list, a comma list per role,
with absences and exclusions; the forum's place among others; the events that matter most for a 1999
briefing (numbered meetings and the most recent first); each author's judgement in one line; the
analyst's note; the sources. When the page is full, verbatim quotes give way first, then older events,
then the lists that can be named by their count ("Related forums: 3, in the atlas"): nothing is ever
dropped without a line saying so. A participant's sheet reads "as of 1999": the forums active then first,
by track, then its own initiatives, then the historical bodies in one closing line.
The output is HTML for the fact sheet's QTextDocument, its headings in the interface's language (gui/i18n.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui import i18n, render
from gui.date_words import date_text, event_when
from gui.i18n import translate
from gui.render import e
from gui.terms import term
from model import records as r
from model import roles, vocabulary

STYLE = render.Style(links=False)
# A relation read from this forum's side: outgoing (this forum grew out of X) and incoming (X grew out of it).
RELATION_OUT = {"grew-out-of": QT_TRANSLATE_NOOP("Sheet", "Grew out of"),
                "modelled-on": QT_TRANSLATE_NOOP("Sheet", "Modelled on"), "supports": QT_TRANSLATE_NOOP("Sheet", "Supports"),
                "replaced": QT_TRANSLATE_NOOP("Sheet", "Replaced"), "part-of": QT_TRANSLATE_NOOP("Sheet", "Part of"),
                "companion-of": QT_TRANSLATE_NOOP("Sheet", "Companion of"),
                "proposed-as": QT_TRANSLATE_NOOP("Sheet", "Proposed as")}
RELATION_IN = {"grew-out-of": QT_TRANSLATE_NOOP("Sheet", "Gave rise to"),
               "modelled-on": QT_TRANSLATE_NOOP("Sheet", "Model for"),
               "supports": QT_TRANSLATE_NOOP("Sheet", "Supported by"), "replaced": QT_TRANSLATE_NOOP("Sheet", "Replaced by"),
               "part-of": QT_TRANSLATE_NOOP("Sheet", "Includes"), "companion-of": QT_TRANSLATE_NOOP("Sheet", "Companion of"),
               "proposed-as": QT_TRANSLATE_NOOP("Sheet", "Proposal for")}
NO_PLURAL = {"cool", "opposed", "absent", "excluded", "not-party", "private-capacity"}  # adjectives, not nouns
FACT_SEP = " \u2002\u00b7\u2002 "
ONE_LINE = 150  # characters of an author's judgement kept on its one line


@dataclass(frozen=True)
class Give:
    """How far a sheet has given way: each level a little more than the one before."""

    quotes: bool = True
    events: int | None = None  # None: every event
    delegations: bool = True
    timeline: bool = True
    related: bool = True  # list the related forums (else name their count)
    judgements: bool = True
    size: float = 9.5


GIVE = [  # delegations, part of who takes part, go only when the events and related forums have gone
    Give(),
    Give(quotes=False),
    Give(quotes=False, events=12, size=9.0),
    Give(quotes=False, events=8, size=9.0),
    Give(quotes=False, events=8, size=8.5),
    Give(quotes=False, events=6, size=8.5),
    Give(quotes=False, events=4, size=8.5),
    Give(quotes=False, events=4, timeline=False, size=8.5),
    Give(quotes=False, events=3, timeline=False, size=8.0),
    Give(quotes=False, events=0, timeline=False, size=8.0),
    Give(quotes=False, events=0, timeline=False, related=False, size=8.0),
    Give(quotes=False, events=0, delegations=False, timeline=False, related=False, judgements=False, size=7.5),
]


@dataclass
class Composed:
    html: str
    notes: list[r.Citation]  # the sheet's notes, numbered 1.. in this order
    events: list[r.EventRow]  # the events it lists, for its mini-timeline


def _notes(sources, give: Give) -> render._Notes:
    return render._Notes(sources, render.Style(links=False, quotes=give.quotes))


def _named(what: str, n: int) -> str:
    """A section that gave way, named with its count."""
    return f'<p class="more"><b>{e(what)}:</b> {e(_in_atlas(n))}</p>' if n else ""


def _in_atlas(n: int) -> str:
    return translate("Sheet", "{n}, in the atlas.").format(n=n)


def _h2(text: str, note: str = "") -> str:
    return f"<h2>{e(text)}" + (f'<span class="h2note"> \u2002{e(note)}</span>' if note else "") + "</h2>"


def _facts(pairs) -> str:
    """The identity facts as one run of 'Key value' pairs: dense, and no column to collide with."""
    items = [f'<span class="k">{e(k)}</span>\u00a0{v}' for k, v in pairs if v]
    return f'<p class="facts">{FACT_SEP.join(items)}</p>' if items else ""


def _span(m) -> str:
    return render._span(m.since, m.until)


def _name_with_span(name: str, span: str) -> str:
    return e(name) + (f" ({e(span)})" if span else "")


# ---- events -------------------------------------------------------------------------------------------

def pick_events(events: list[r.EventRow], keep: int | None) -> tuple[list[r.EventRow], list[r.EventRow]]:
    """The events a 1999 briefing wants (numbered meetings and the most recent first), newest first, and
    the ones left out."""
    ranked = sorted(events, key=lambda ev: (ev.ordinal is not None, ev.hi, ev.lo), reverse=True)
    kept = ranked if keep is None else ranked[:keep]
    ids = {ev.id for ev in kept}
    shown = sorted(kept, key=lambda ev: (ev.lo, ev.hi), reverse=True)
    return shown, [ev for ev in events if ev.id not in ids]


def _year(ev: r.EventRow) -> str:
    shown = ev.date.display()  # "c. 1994", "July 1994", "1991–92": the year it ends in, else the date
    if not shown[-4:].isdigit():
        return date_text(ev.date)
    return f"{shown[-4:]}年" if i18n.current() == "ja" else shown[-4:]


def events_html(events: list[r.EventRow], give: Give, heading: str = "") -> str:
    if not events:
        return ""
    heading = heading or translate("Sheet", "Events")
    shown, left = pick_events(events, give.events)
    out = []
    if shown:
        rows = "".join(
            f'<tr><td class="when">{e(event_when(ev.date, ev.end))}</td><td>{e(ev.title)}'
            f'{", " + e(ev.place) if ev.place else ""}</td></tr>' for ev in shown)
        out.append(_h2(heading, translate("Sheet", "most recent first")) + f'<table class="events">{rows}</table>')
    if left:
        first, last = min(left, key=lambda ev: ev.lo), max(left, key=lambda ev: ev.lo)
        earlier = not shown or last.hi <= min(ev.lo for ev in shown)
        years = _year(first) if _year(first) == _year(last) else f"{_year(first)}\u2013{_year(last)}"
        n = len(left)
        line = (translate("Sheet", "The atlas holds 1 earlier event ({years}).") if earlier and n == 1 else
                translate("Sheet", "The atlas holds {n} earlier events ({years}).") if earlier else
                translate("Sheet", "The atlas holds 1 other event ({years}).") if n == 1 else
                translate("Sheet", "The atlas holds {n} other events ({years}).")).format(n=n, years=years)
        counted = translate("Sheet", "{n}, in the atlas ({years}).").format(n=n, years=years)
        out.append(f'<p class="more">{e(line)}</p>' if shown else
                   f'<p class="more"><b>{e(heading)}:</b> {e(counted)}</p>')
    return "".join(out)


# ---- judgements, note, sources ------------------------------------------------------------------------

def _one_line(text: str) -> str:
    if len(text) <= ONE_LINE:
        return text
    cut = text[:ONE_LINE].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2009\u2026"


def judgements_html(claims: list[r.Claim], notes: render._Notes, give: Give) -> str:
    if not claims:
        return ""
    if not give.judgements:
        return _named(translate("Sheet", "What the authors say"), len(claims))
    rows = []
    for author in render.AUTHOR_HEADINGS:
        mine = [c for c in claims if c.author == author]
        if not mine:
            continue
        more = translate("Sheet", "(and {n} more in the atlas)").format(n=len(mine) - 1)
        more = f' <span class="more">{e(more)}</span>' if len(mine) > 1 else ""
        rows.append(f'<p class="claim"><span class="k">{e(term(render.SHORT_AUTHORS.get(author, author)))}:</span> '
                    f"{e(_one_line(mine[0].text))}{notes.refs(mine[0].cites)}{more}</p>")
    return _h2(translate("Sheet", "What the authors say")) + "".join(rows)


def sources_html(notes: render._Notes) -> str:
    used = notes.used()
    if not used:
        return ""
    if notes.style.quotes:
        items = "".join(f"<li>{render.source_item(c, line=False)}</li>" for c in used)
        return _h2(translate("Sheet", "Sources")) + f'<ol class="sources">{items}</ol>'
    # Short of room: the notes grouped by the part and section they cite, each group once with its numbers.
    groups: dict[tuple[str, str], list[int]] = {}
    for n, c in enumerate(used, 1):
        groups.setdefault((c.author, c.section), []).append(n)
    items = "; ".join(f"<b>{','.join(map(str, numbers))}</b>\u00a0{e(term(render.SHORT_AUTHORS.get(author, author)))}, "
                      f"\u201c{e(section)}\u201d" for (author, section), numbers in groups.items())
    where = translate("Sheet", "The passages themselves: the sources appendix of a briefing pack, or Forum Atlas.")
    return _h2(translate("Sheet", "Sources")) + f'<p class="sources">{items}. <i>{e(where)}</i></p>'


# ---- what gave way, for the pages dialog ------------------------------------------------------------

def gave_way(kind: str, d, level: int) -> list[tuple]:
    """What the sheet of ``d`` (a forum's or a participant's detail) leaves out at ``level``, in the order it
    gives way: ("quotes",), ("events", left out, of all), ("timeline",), ("related",), ("delegations",),
    ("judgements",). The pages dialog words them."""
    give = GIVE[level]
    out: list[tuple] = []
    if not give.quotes and d.sources:
        out.append(("quotes",))
    if give.events is not None and len(d.events) > give.events:
        out.append(("events", len(d.events) - give.events, len(d.events)))
    if not give.timeline and (d.events if kind == "forum" else d.memberships):
        out.append(("timeline",))
    if kind == "forum":
        if not give.related and d.relations:
            out.append(("related",))
        if not give.delegations and any(m.delegation and m.counts_as_member for m in d.members):
            out.append(("delegations",))
        if not give.judgements and d.claims:
            out.append(("judgements",))
    return out


# ---- forum sheet --------------------------------------------------------------------------------------

def _role_lines(members: list[r.Membership], notes: render._Notes, give: Give) -> str:
    """The complete membership, one comma list per role, members first; absences always shown."""
    by_role: dict[str, dict[str, r.Membership]] = {}
    for m in members:
        by_role.setdefault(m.role, {}).setdefault(m.participant_id, m)
    member_ids = r.members(members)
    names = {m.participant_id: m for m in members}
    lines = []
    if member_ids:
        cites = [c for m in members if m.counts_as_member for c in m.cites]
        listed = ", ".join(e(names[pid].participant_name) for pid in member_ids)
        lines.append((translate("Sheet", "Members"), len(member_ids), listed + notes.refs(cites)))
    for role in roles.ORDER:
        held = by_role.get(role)
        if not held or role == "member":
            continue
        ms = list(held.values())
        away = roles.BY_NAME[role].away
        parts = []
        for m in ms:
            bits = [x for x in (_span(m), m.note if away else None) if x]
            parts.append(e(m.participant_name) + (f" ({e('; '.join(bits))})" if bits else ""))
        plural = len(ms) > 1 and role not in NO_PLURAL and i18n.current() == "en"
        label = term(roles.BY_NAME[role].label) + ("s" if plural else "")
        lines.append((label, len(ms), ", ".join(parts) + notes.refs([c for m in ms for c in m.cites])))
    rows = "".join(f'<tr><td class="k">{e(label)}{f" ({n})" if n > 1 else ""}</td><td>{text}</td></tr>'
                   for label, n, text in lines)
    out = f'<table class="roles">{rows}</table>'
    delegated = [m for m in members if m.delegation and m.counts_as_member]
    if delegated and give.delegations:
        by = translate("Sheet", "represented by")
        text = "; ".join(f"{e(m.participant_name)} {e(by)} "
                         + ", ".join(e(short_name(d.participant_name)) for d in m.delegation)
                         for m in dict((m.participant_id, m) for m in delegated).values())
        label, not_members = translate("Sheet", "Delegations"), translate("Sheet", "(not members)")
        out += f'<p class="deleg"><span class="k">{e(label)}</span> {text} <i>{e(not_members)}</i></p>'
    elif delegated:
        out += _named(translate("Sheet", "Delegations"), len({m.participant_id for m in delegated}))
    return out


def _place(d: r.ForumDetail, notes: render._Notes, give: Give) -> str:
    rows = []
    if d.parent:
        rows.append((translate("Sheet", "Part of"), e(d.parent.name + (f" ({d.parent.acronym})" if d.parent.acronym else ""))))
    if d.children:
        rows.append((translate("Sheet", "Sub-bodies ({n})").format(n=len(d.children)),
                     ", ".join(e(c.acronym or c.name) for c in d.children)))
    if d.relations and give.related:
        related: dict[str, list[str]] = {}
        for x in d.relations:
            outgoing = x.from_id == d.forum.id
            label = translate("Sheet", RELATION_OUT[x.kind]) if outgoing else translate("Sheet", RELATION_IN[x.kind])
            related.setdefault(label, []).append(e(x.to_name if outgoing else x.from_name) + notes.refs(x.cites))
        rows += [(label, ", ".join(names)) for label, names in related.items()]
    if not rows and not d.relations:
        return ""
    body = "".join(f'<tr><td class="k">{e(k)}</td><td>{v}</td></tr>' for k, v in rows)
    out = _h2(translate("Sheet", "Among other forums")) + f'<table class="roles">{body}</table>'
    if d.relations and not give.related:
        out += _named(translate("Sheet", "Related forums"), len(d.relations))
    return out


def forum(d: r.ForumDetail, give: Give, note: str | None = None) -> Composed:
    f = d.forum
    notes = _notes(d.sources, give)
    title = e(f.name) + (f' <span class="acr">({e(f.acronym)})</span>' if f.acronym else "")
    kind = term("Proposal" if f.status == "proposed" else r.label(f.kind))
    facts = _facts([
        (translate("Sheet", "Track"), e(term(r.TRACK_LABELS[f.track]))), (translate("Sheet", "Kind"), e(kind)),
        (translate("Sheet", "Scope"), e(term(r.label(f.scope)))),
        (translate("Sheet", "Status"), e(term(r.STATUS_LABELS[f.status]))),
        (translate("Sheet", "Founded"), e(date_text(f.founded))),
        (translate("Sheet", "Ended"), e(date_text(f.ended))),
        (translate("Sheet", "Also called"), e(", ".join(render._other_names(d.aliases, f.name, f.acronym)))),
        *_japanese_name(d.name_ja),
    ])
    # The record's own notes mark its summary, never the heading: a mark is small, whatever it follows.
    parts = [f"<h1>{title}</h1>", facts, f'<p class="summary">{e(d.summary)}{notes.refs(d.cites)}</p>']
    if d.note:
        parts.append(f'<p class="note">{e(d.note)}</p>')
    if d.members:
        head = translate("Sheet", "Who takes part") if f.status != "proposed" else translate("Sheet", "Who was named")
        parts.append(_h2(head) + _role_lines(d.members, notes, give))
    parts.append(_place(d, notes, give))
    if give.timeline and d.events:
        parts.append(render.MINI_TIMELINE)
    parts.append(events_html(d.events, give))
    parts.append(judgements_html(d.claims, notes, give))
    if d.people:
        parts.append(_named(translate("Sheet", "People"), len(d.people)))
    if d.discrepancies:
        parts.append(_named(translate("Sheet", "Where the source disagrees with itself"), len(d.discrepancies)))
    parts.append(render.analyst_note(note))
    parts.append(sources_html(notes))
    return Composed("".join(parts), notes.used(), pick_events(d.events, give.events)[0])


def _japanese_name(name_ja: str | None) -> list[tuple[str, str]]:
    """In a Japanese interface, the record's Japanese name: marked as a translation, not the paper's words."""
    if not name_ja or i18n.current() != "ja":
        return []
    return [(translate("Sheet", "Japanese name"),
             e(name_ja) + " " + e(translate("Sheet", "(our translation, not from the paper)")))]


# ---- participant sheet --------------------------------------------------------------------------------

def _forum_label(row: r.ForumRow) -> str:
    return row.acronym or row.name


def short_name(name: str) -> str:
    """'Japan Defense Agency (JDA)' -> 'JDA': an agency by its acronym when it has one."""
    if name.endswith(")") and "(" in name:
        inner = name[name.rindex("(") + 1:-1]
        if inner and " " not in inner:
            return inner
    return name


def _roles_text(ms: list[r.Membership], give: Give) -> str:
    bits = []
    for m in ms:
        span = _span(m)
        since = translate("Record", "since {date}").format(date="")
        bits.append(term(r.label(m.role)).lower() + (f" {span}" if span and not span.startswith(since) else
                                                     f", {span}" if span else ""))
    text = ", ".join(dict.fromkeys(bits))
    deleg = [short_name(d.participant_name) for m in ms for d in m.delegation]
    if deleg:  # its own delegation is part of its place in the forum: it never gives way on its own sheet
        text += "; " + translate("Sheet", "represented by") + " " + ", ".join(dict.fromkeys(deleg))
    return text


def participant(atlas, d: r.ParticipantDetail, give: Give, note: str | None = None) -> Composed:
    p = d.participant
    notes = _notes(d.sources, give)
    by_forum: dict[str, list[r.Membership]] = {}
    for m in d.memberships:
        by_forum.setdefault(m.forum_id, []).append(m)
    rows = {fid: atlas.forum_row(fid) for fid in by_forum}
    taking = {fid for fid, ms in by_forum.items() if r.takes_part([(m.role, m.since, m.until) for m in ms])}
    active = [fid for fid in by_forum if fid in taking and rows[fid].status == "active"]  # not the set: its order varies
    proposals = [fid for fid in by_forum if rows[fid].status == "proposed"]
    historical = [fid for fid in by_forum if fid in taking and rows[fid].status == "defunct"]
    away = [fid for fid in by_forum if fid not in taking and rows[fid].status != "proposed"]

    facts = _facts([(translate("Sheet", "Full name"), e(p.name) if p.name != p.short_name else ""),
                    (translate("Sheet", "Kind"), e(term(r.label(p.kind)))),
                    (translate("Sheet", "Also called"), e(", ".join(render._other_names(p.aliases, p.short_name, p.name)))),
                    *_japanese_name(d.name_ja),
                    (translate("Sheet", "Active forums in 1999"), str(len(active))),
                    (translate("Sheet", "Historical bodies"), str(len(historical)))])
    as_of = translate("Sheet", "as of mid-1999")
    parts = [f'<h1>{e(p.short_name)} <span class="acr">{e(as_of)}</span></h1>', facts]
    if d.note:
        parts.append(f'<p class="note">{e(d.note)}</p>')

    def order(fid):
        row = rows[fid]
        return (row.founded.key() if row.founded else (0, 0, 0, ""),)

    if active:
        body = []  # one table for every track, so the columns line up down the page
        for track in [*vocabulary.TRACKS.labels(), None]:
            mine = sorted((fid for fid in active if rows[fid].track == track), key=order, reverse=True)
            if not mine:
                continue
            body.append(f'<tr><td colspan="2" class="track">{e(term(r.TRACK_LABELS[track]))} ({len(mine)})</td></tr>')
            body += [f'<tr><td class="f" width="42%">{e(_forum_label(rows[fid]))}</td><td>{e(_roles_text(by_forum[fid], give))}'
                     f"{notes.refs([c for m in by_forum[fid] for c in m.cites])}</td></tr>" for fid in mine]
        parts.append(_h2(translate("Sheet", "Forums active in mid-1999, by track"), translate("Sheet", "newest first"))
                     + f'<table class="pforums">{"".join(body)}</table>')
    elif not d.represents:
        parts.append(_h2(translate("Sheet", "Forums active in mid-1999")) + '<p class="more">'
                     + e(translate("Sheet", "The paper names none.")) + "</p>")
    if d.represents:
        body = "; ".join(e(translate("Sheet", "{forum} (for {member})").format(forum=x.forum_name, member=x.member_name))
                         for x in d.represents)
        parts.append(_h2(translate("Sheet", "Represents"))
                     + f'<p>{body}{notes.refs([c for x in d.represents for c in x.cites])}</p>')

    initiatives = _initiatives(d, rows, by_forum, proposals, notes)
    if initiatives:
        parts.append(_h2(translate("Sheet", "Its own initiatives")) + f'<table class="roles">{initiatives}</table>')
    if away:
        text = ", ".join(f"{e(_forum_label(rows[fid]))} ("
                         + e(", ".join(dict.fromkeys(term(r.label(m.role)).lower() for m in by_forum[fid]))) + ")"
                         for fid in sorted(away, key=lambda x: _forum_label(rows[x])))
        label = translate("Sheet", "Absent or excluded ({n}):").format(n=len(away))
        parts.append(f'<p class="line"><span class="k">{e(label)}</span> {text}</p>')
    if give.timeline and d.memberships:
        parts.append(render.MINI_TIMELINE)
    parts.append(events_html(d.events, give))
    if historical:
        hist = sorted(historical, key=order)
        text = ", ".join(e(rows[fid].name) + (f" ({e(rows[fid].year)})" if rows[fid].year else "") for fid in hist)
        label = translate("Sheet", "Historical bodies ({n}):").format(n=len(hist))
        parts.append(f'<p class="line"><span class="k">{e(label)}</span> {text}.</p>')
    parts.append(render.analyst_note(note))
    parts.append(sources_html(notes))
    return Composed("".join(parts), notes.used(), pick_events(d.events, give.events)[0])


def _initiatives(d, rows, by_forum, proposals, notes) -> str:
    lines = []
    proposed = [fid for fid, ms in by_forum.items() if any(m.role == "proposer" for m in ms)]
    if proposed:
        never = " " + translate("Sheet", "(never realised)")
        lines.append((translate("Sheet", "Proposed"), ", ".join(
            e(_forum_label(rows[fid])) + (e(never) if rows[fid].status == "proposed" else "")
            for fid in proposed)))
    for role, label in (("founder", QT_TRANSLATE_NOOP("Sheet", "Founded")), ("host", QT_TRANSLATE_NOOP("Sheet", "Hosted")),
                        ("chair", QT_TRANSLATE_NOOP("Sheet", "Chairs")),
                        ("co-chair", QT_TRANSLATE_NOOP("Sheet", "Co-chairs")),
                        ("funder", QT_TRANSLATE_NOOP("Sheet", "Funds"))):
        mine = [fid for fid, ms in by_forum.items() if any(m.role == role for m in ms)]
        if mine:
            lines.append((translate("Sheet", label), ", ".join(e(_forum_label(rows[fid])) for fid in mine)))
    named = [fid for fid in proposals if fid not in proposed]
    if named:
        lines.append((translate("Sheet", "Named in proposals"), ", ".join(
            f"{e(_forum_label(rows[fid]))} ({e(', '.join(term(r.label(m.role)).lower() for m in by_forum[fid]))})"
            for fid in named)))
    chaired = [ev for ev in d.events if ev.chair_id == d.participant.id]
    if chaired:
        lines.append((translate("Sheet", "Chaired meetings"),
                      ", ".join(f"{e(ev.title)} ({e(event_when(ev.date, ev.end))})" for ev in chaired)))
    return "".join(f'<tr><td class="k">{e(k)}</td><td>{v}</td></tr>' for k, v in lines)
