"""The one renderer: detail records to HTML, for the detail pane and the printed fact sheet.

Every value from the data is escaped here; links use only the ``atlas:`` (a record), ``cite:``
(a source note) and ``about:`` (open or close "About this record") schemes, which the detail pane's
link handler allow-lists. The curators' data notes appear only on screen, under a collapsed "About
this record"; never on paper, in a name or in a snippet.
The output is a string that QTextBrowser and QTextDocument both take; its headings and labels are in the
interface's language (gui/i18n.py), the data's own text as the data has it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from html import escape

from gui import i18n
from gui.analyst_note import analyst_note
from gui.date_words import date_text, event_when
from gui.i18n import translate
from gui.terms import term
from model import records as r
from model import roles, vocabulary

AUTHOR_HEADINGS = vocabulary.AUTHORS.labels("heading")
SHORT_AUTHORS = vocabulary.PARTS.labels("short")
SEP = " \u2014 "  # an em dash between a value and its note
ROLE_SYMBOLS = roles.SYMBOLS
ABOUT_OPEN, ABOUT_CLOSE = "about:open", "about:close"


@dataclass(frozen=True)
class Style:
    """What differs between screen and paper. The content never does."""

    links: bool = True
    max_events: int | None = None  # paper: list this many, then "and N more"
    max_claims: int | None = None
    max_members: int | None = None
    quotes: bool = True  # paper, when short of room: source notes without their quotes
    compact: bool = False  # paper, when short of room: no related forums, people or disagreements
    member_notes: bool = True  # paper, when short of room: roles and dates without their notes
    timeline: bool = False  # paper: mark where the mini-timeline goes
    days: tuple[int, int] | None = None  # screen: list only events in this range of days (ordinals)
    about: bool = False  # screen: "About this record" (the curators' data notes) is open; paper never shows it


MINI_TIMELINE = "<!-- mini-timeline -->"  # the fact sheet splits the page here and draws the timeline


SCREEN = Style()


def e(value) -> str:
    return escape(str(value), quote=True) if value is not None else ""


def link(rid: str, text: str, style: Style) -> str:
    return f'<a href="atlas:{e(rid)}">{e(text)}</a>' if style.links else e(text)


class _Notes:
    """Numbers source notes in reading order, so a shortened page lists only what it shows."""

    def __init__(self, sources: list[r.Citation], style: Style):
        self.known = {c.id: c for c in sources}
        self.number: dict = {}  # note key -> (number, first citation)
        self.style = style

    def refs(self, cites) -> str:
        marks: dict[int, str] = {}
        for cid in cites:
            if cid not in self.known:
                continue
            # Without quotes, passages on the same line are one note.
            key = cid if self.style.quotes else self.known[cid].line
            n = self.number.setdefault(key, (len(self.number) + 1, self.known[cid]))[0]
            marks.setdefault(n, f'<a href="cite:{e(cid)}">{n}</a>' if self.style.links else str(n))
        return f"<sup>{','.join(marks[n] for n in sorted(marks))}</sup>" if marks else ""

    def used(self) -> list[r.Citation]:
        return [c for _, c in self.number.values()]


def _h2(text: str) -> str:
    return f"<h2>{e(text)}</h2>"


def _row(label: str, value: str) -> str:
    return f'<tr><td class="k">{e(label)}</td><td>{value}</td></tr>' if value else ""


def _more(n: int, what: str) -> str:
    """'and 12 more events; ...' (``what``: events, judgements, participants or forums)."""
    text = translate("Record", "and {n} more {what}; see the full list in Forum Atlas.")
    return f'<p class="more">{e(text.format(n=n, what=_count_noun(n, what)))}</p>'


def _count_noun(n: int, what: str) -> str:
    """The noun after a count, in the interface's language (English: singular for one)."""
    one = n == 1
    return {"events": translate("Record", "event") if one else translate("Record", "events"),
            "judgements": translate("Record", "judgement") if one else translate("Record", "judgements"),
            "participants": translate("Record", "participant") if one else translate("Record", "participants"),
            "forums": translate("Record", "forum") if one else translate("Record", "forums")}[what]


def _line(n: int) -> str:
    return translate("Record", "line {n}").format(n=n)


def _sources(notes: _Notes) -> str:
    sources = notes.used()
    if not sources:
        return ""
    if not notes.style.quotes:  # short of room: one run-on paragraph of numbered references
        items = " \u00b7 ".join(
            f"<b>{n}</b>\u00a0{e(term(SHORT_AUTHORS.get(c.author, c.author)))}, \u201c{e(c.section)}\u201d"
            + (f", {e(_line(c.line))}" if notes.style.links else "")
            for n, c in enumerate(sources, 1))
        return _h2(translate("Record", "Sources")) + f'<p class="sources">{items}</p>'
    items = "".join(f"<li>{source_item(c, line=notes.style.links)}</li>" for c in sources)  # lines: screen only
    return _h2(translate("Record", "Sources")) + f'<ol class="sources">{items}</ol>'


def source_item(c: r.Citation, cited_by: str = "", line: bool = True) -> str:
    """One source note: who, where and the quote, as the detail pane, the sheets and the pack print it. The
    line of the text file only on screen (``line``), where it finds the passage; never to a reader on paper."""
    by = f" <i>({e(cited_by)})</i>" if cited_by else ""
    return (f"{e(term(r.AUTHOR_LABELS.get(c.author, c.author)))}, \u201c{e(c.section)}\u201d"
            f"{', ' + e(_line(c.line)) if line else ''}: "
            f'<span class="quote">\u201c{e(c.quote)}\u201d</span>{by}')


def _events(events: list[r.EventRow], style: Style, heading: str = "") -> str:
    heading = heading or translate("Record", "Events")
    if style.days is not None:  # a range brushed on the timeline
        lo, hi = style.days
        inside = [ev for ev in events if ev.hi >= lo and ev.lo <= hi]
        caption = translate("Record", "Showing {shown} of {total} events, those between {start} and {end} (the range "
                            "brushed on the timeline; Escape there clears it).")
        caption = '<p class="note">' + e(caption.format(shown=len(inside), total=len(events), start=_day(lo),
                                                         end=_day(hi))) + "</p>"
        if not events:
            return ""
        if not inside:
            return f"<h2>{e(heading)}</h2>{caption}"
        return _events(inside, replace(style, days=None), heading).replace("</h2>", f"</h2>{caption}", 1)
    if not events:
        return ""
    shown = events[: style.max_events] if style.max_events else events
    rows = "".join(
        f'<tr><td class="k">{e(event_when(ev.date, ev.end))}</td><td>{link(ev.id, ev.title, style)}'
        f'{SEP + e(ev.place) if ev.place else ""}</td></tr>' for ev in shown)
    more = _more(len(events) - len(shown), "events") if len(shown) < len(events) else ""
    return f"<h2>{e(heading)}</h2><table>{rows}</table>{more}"


def _discrepancies(items: list[r.Discrepancy], notes: _Notes) -> str:
    if not items:
        return ""
    body = "".join(f"<li>{e(d.note)}{notes.refs(d.cites)}</li>" for d in items)
    return _h2(translate("Record", "Where the source disagrees with itself")) + f'<ul class="disc">{body}</ul>'


def forum(d: r.ForumDetail, style: Style = SCREEN, note: str | None = None, team=()) -> str:
    f = d.forum
    notes = _Notes(d.sources, style)
    founders = [m for m in d.members if m.role == "founder"]
    member_ids = d.member_ids
    staying_away = [m.participant_name for m in d.members if m.participant_id in member_ids and not r.takes_part(
        [(x.role, x.since, x.until) for x in d.members if x.participant_id == m.participant_id])]
    away_names = list(dict.fromkeys(staying_away))
    hosts = _by_participant([m for m in d.members if m.role in ("host", "chair", "co-chair")])
    meetings = [ev for ev in d.events if ev.kind == "meeting"]
    title = e(f.name) + (f' <span class="acr">({e(f.acronym)})</span>' if f.acronym else "")
    facts = "".join([
        _translation_row(d.name_ja),
        _row(translate("Record", "Also called"), e(", ".join(_other_names(d.aliases, f.name, f.acronym)))),
        _row(translate("Record", "Track"), e(term(r.TRACK_LABELS[f.track]))),
        _row(translate("Record", "Kind"), e(term(r.label(f.kind)))),
        _row(translate("Record", "Scope"), e(term(r.label(f.scope)))),
        _row(translate("Record", "Status"), e(term(r.STATUS_LABELS[f.status]))),
        _row(translate("Record", "Founded"), e(date_text(f.founded))),
        _row(translate("Record", "Ended"), e(date_text(f.ended))),
        _row(translate("Record", "Part of"), link(d.parent.id, d.parent.name, style) if d.parent else ""),
        _row(translate("Record", "Sub-bodies"), ", ".join(link(c.id, c.name, style) for c in d.children)),
        _row(translate("Record", "Founders"), ", ".join(link(m.participant_id, m.participant_name, style)
                                                        for m in founders)),
        _row(translate("Record", "Members"), (f"{len(member_ids)}" + (
            " " + e(translate("Record", "({names} staying away)").format(names=", ".join(away_names)))
            if away_names else "")) if member_ids else ""),
        _row(translate("Record", "Meetings"), e(translate("Record", "{n} recorded in the paper").format(
            n=len(meetings))) if meetings else ""),
        _row(translate("Record", "Hosts, chairs"), ", ".join(f"{link(pid, name, style)} ({e(roles.lower())})"
                                                             for pid, name, roles, _, _ in hosts)),
    ])
    parts = [f'<h1>{title}{notes.refs(d.cites)}</h1>', f'<table class="facts">{facts}</table>',
             f'<p class="summary">{e(d.summary)}</p>']
    if d.note:
        parts.append(_note(d.note))
    if style.timeline and d.events:
        parts.append(MINI_TIMELINE)
    if d.members:
        rows = _by_participant(d.members, notes=style.member_notes)
        parts.append(_h2(translate("Record", "Participants")) + _roles_table(rows, "participants", style, notes))
    parts.append(_events(d.events, style))
    if d.relations and not style.compact:
        rows = "".join(
            f'<li>{link(x.from_id, x.from_name, style)} <i>{e(term(x.kind.replace("-", " ")))}</i> '
            f'{link(x.to_id, x.to_name, style)}{e(SEP + x.note) if x.note else ""}{notes.refs(x.cites)}</li>'
            for x in d.relations)
        parts.append(_h2(translate("Record", "Related forums")) + f"<ul>{rows}</ul>")
    if not style.compact:
        parts.append(_people(d.people, style))
    parts.append(claims(d.claims, notes, style))
    if not style.compact:
        parts.append(_discrepancies(d.discrepancies, notes))
    parts.append(about(_forum_data_notes(d), style))
    parts.append(analyst_note(note, team))
    parts.append(_sources(notes))
    return "".join(parts)


def _by_participant(members: list[r.Membership], key: str = "participant", notes: bool = True):
    """One row per participant (or forum): (id, name, 'symbol Role, ...', details, citations), in order."""
    rows: dict[str, list] = {}
    for m in members:
        rid, name = (m.participant_id, m.participant_name) if key == "participant" else (m.forum_id, m.forum_name)
        row = rows.setdefault(rid, [rid, name, [], [], []])
        row[2].append(f"{ROLE_SYMBOLS.get(m.role, '')}\u00a0{term(r.label(m.role))}")
        bits = [x for x in (_span(m.since, m.until), m.note if notes else None, _delegation(m.delegation)) if x]
        if bits:
            row[3].append((term(r.label(m.role)), SEP.join(bits)))
        cites = [*m.cites, *(c for d in m.delegation for c in d.cites)]
        row[4] += [c for c in cites if c not in row[4]]

    def details(roles, bits) -> str:
        # With several roles, say which role each date or note belongs to.
        return "<br>".join(e(f"{role}: {text}" if len(roles) > 1 else text) for role, text in bits)

    return [(rid, name, ", ".join(roles), details(roles, bits), cites) for rid, name, roles, bits, cites in rows.values()]


def _roles_table(rows, what: str, style: Style, notes: _Notes) -> str:
    """Rows of (id, name, roles, details, citations) as a table; on paper, the first few and a count."""
    shown = rows[: style.max_members] if style.max_members else rows
    more = _more(len(rows) - len(shown), what) if len(shown) < len(rows) else ""
    body = "".join(f'<tr><td>{link(rid, name, style)}</td><td>{e(roles)}</td><td>{detail}{notes.refs(cites)}</td></tr>'
                   for rid, name, roles, detail, cites in shown)
    return f'<table class="members">{body}</table>{more}'


def _people(people: list[r.PersonRow], style: Style) -> str:
    if not people:
        return ""
    return _h2(translate("Record", "People")) + "<ul>" + "".join(f"<li>{link(p.id, p.name, style)}, {e(p.role)}</li>" for p in people) + "</ul>"


def _other_names(aliases, *names) -> list[str]:
    """Aliases that say something new: not the name again in other letters."""
    known = {n.casefold() for n in names if n}
    return [a for a in aliases if a.casefold() not in known]


def _delegation(delegates) -> str:
    """'represented by Japanese Foreign Ministry (MOFA), Japan Defense Agency (JDA) (since 1996)'."""
    if not delegates:
        return ""
    return translate("Record", "represented by ") + ", ".join(
        d.participant_name + (f" ({_span(d.since, d.until)})" if d.since or d.until else "") for d in delegates)


def about(items: list[tuple[str, str]], style: Style) -> str:
    """The curators' data notes, (what, note), under "About this record": screen only, closed until asked."""
    if not items or not style.links:
        return ""
    title = translate("Record", "About this record")
    if not style.about:
        return f'<p class="about"><a href="{ABOUT_OPEN}">{e(title)} \u25b8</a></p>'
    body = "".join(f"<li>{f'<i>{e(what)}:</i> ' if what else ''}{e(text)}</li>" for what, text in items)
    intro = translate("Record", "The curators\u2019 notes on this record (how the paper was read), not the "
                                "paper\u2019s content:")
    return (f'<p class="about"><a href="{ABOUT_CLOSE}">{e(title)} \u25be</a></p>'
            f'<p class="note">{e(intro)}</p><ul class="about">{body}</ul>')


def _forum_data_notes(d: r.ForumDetail) -> list[tuple[str, str]]:
    items = [("", d.data_note)] if d.data_note else []
    for m in d.members:
        if m.data_note:
            items.append((f"{m.participant_name}, {term(r.label(m.role)).lower()}", m.data_note))
        by = translate("Record", "represented by ")
        items += [(f"{m.participant_name}, {by}{x.participant_name}", x.data_note) for x in m.delegation if x.data_note]
    items += [(f"{x.from_name} {term(x.kind.replace('-', ' '))} {x.to_name}", x.data_note)
              for x in d.relations if x.data_note]
    items += [(translate("Record", "Judgement by {author}").format(author=term(SHORT_AUTHORS.get(c.author, c.author))),
               c.data_note) for c in d.claims if c.data_note]
    items += [(translate("Record", "Disagreement"), x.data_note) for x in d.discrepancies if x.data_note]
    return items


def _by_forum(members: list[r.Membership], notes: bool = True):
    return _by_participant(members, key="forum", notes=notes)


def claims(items: list[r.Claim], notes: _Notes, style: Style) -> str:
    if not items:
        return ""
    out = [_h2(translate("Record", "What the authors say"))]
    for author in AUTHOR_HEADINGS:
        mine = [c for c in items if c.author == author]
        if not mine:
            continue
        shown = mine[: style.max_claims] if style.max_claims else mine
        out.append(f'<h3>{e(term(AUTHOR_HEADINGS[author]))}</h3><ul class="claims">')
        out += [f"<li>{e(c.text)}{notes.refs(c.cites)}</li>" for c in shown]
        out.append("</ul>")
        if len(shown) < len(mine):
            out.append(_more(len(mine) - len(shown), "judgements"))
    return "".join(out)


def event(d: r.EventDetail, style: Style = SCREEN, note: str | None = None, team=()) -> str:
    ev = d.event
    notes = _Notes(d.sources, style)
    facts = "".join([
        _row(translate("Record", "Date"), e(event_when(ev.date, ev.end))),
        _row(translate("Record", "Kind"), e(term(r.label(ev.kind)))),
        _row(translate("Record", "Place"), e(ev.place)),
        _row(translate("Record", "Meeting"), e(_ordinal(ev.ordinal)) if ev.ordinal else ""),
        _row(translate("Record", "Chair"), link(d.chair.id, d.chair.short_name, style) if d.chair else ""),
        _row(translate("Record", "Forum"), ", ".join(link(f.id, f.name, style) for f in d.forums)),
        _row(translate("Record", "Participants"), ", ".join(link(p.id, p.short_name, style) for p in d.participants)),
        _row(translate("Record", "People"), ", ".join(link(p.id, p.name, style) for p in d.people)),
    ])
    parts = [f"<h1>{e(ev.title)}{notes.refs(d.cites)}</h1>", f'<table class="facts">{facts}</table>']
    if d.summary:
        parts.append(f'<p class="summary">{e(d.summary)}</p>')
    if d.note:
        parts.append(_note(d.note))
    parts.append(_discrepancies(d.discrepancies, notes))
    parts.append(about(([("", d.data_note)] if d.data_note else [])
                       + [(translate("Record", "Disagreement"), x.data_note) for x in d.discrepancies if x.data_note],
                       style))
    parts.append(analyst_note(note, team))
    parts.append(_sources(notes))
    return "".join(parts)


def participant(d: r.ParticipantDetail, style: Style = SCREEN, note: str | None = None, team=()) -> str:
    p = d.participant
    notes = _Notes(d.sources, style)
    by_forum: dict[str, list[r.Membership]] = {}
    for m in d.memberships:
        by_forum.setdefault(m.forum_id, []).append(m)
    # A forum the participant once attended but then stayed away from counts as away (r.takes_part).
    taking = {fid for fid, ms in by_forum.items() if r.takes_part([(m.role, m.since, m.until) for m in ms])}
    present = [m for m in d.memberships if m.forum_id in taking]
    away = [m for m in d.memberships if m.forum_id not in taking]
    facts = "".join([_translation_row(d.name_ja),
                     _row(translate("Record", "Full name"), e(p.name) if p.name != p.short_name else ""),
                     _row(translate("Record", "Kind"), e(term(r.label(p.kind)))),
                     _row(translate("Record", "Also called"),
                          e(", ".join(_other_names(p.aliases, p.short_name, p.name)))),
                     _row(translate("Record", "Takes part in"), _forums(len({m.forum_id for m in present}))
                          if present or not d.represents else ""),
                     _row(translate("Record", "Absent or excluded"),
                          _forums(len({m.forum_id for m in away})) if away else ""),
                     _row(translate("Record", "Represents"),
                          _forums(len({x.forum_id for x in d.represents})) if d.represents else "")])
    parts = [f"<h1>{e(p.short_name)}</h1>", f'<table class="facts">{facts}</table>']
    if style.timeline and d.memberships:
        parts.append(MINI_TIMELINE)
    if d.note:
        parts.append(_note(d.note))

    def table(ms):
        return _roles_table(_by_forum(ms, notes=style.member_notes), "forums", style, notes)

    if present or not d.represents:
        heading = _h2(translate("Record", "Forums and roles"))
        parts.append(heading + table(present) if present else heading + '<p class="empty">' + e(translate(
            "Record", "The paper names no forum this participant takes part in.")) + "</p>")
    if d.represents:
        parts.append(_h2(translate("Record", "Represents")) + _represents(d.represents, style, notes))
    if away:
        parts.append(_h2(translate("Record", "Absent or excluded")) + f'<div class="away">{table(away)}</div>')
    if not style.compact:
        parts.append(_people(d.people, style))
    parts.append(_events(d.events, style))
    parts.append(about([("", d.data_note)] if d.data_note else [], style))
    parts.append(analyst_note(note, team))
    parts.append(_sources(notes))
    return "".join(parts)


def _represents(items: list[r.Representation], style: Style, notes: _Notes) -> str:
    """An agency's page: the memberships it represents, one row per forum and member."""
    rows = "".join(
        f'<tr><td>{link(x.forum_id, x.forum_name, style)}</td>'
        f'<td>{link(x.member_id, x.member_name, style)} ({e(term(r.label(x.role)).lower())})</td>'
        f'<td>{e(SEP.join(b for b in (_span(x.since, x.until), x.note if style.member_notes else None) if b))}'
        f'{notes.refs(x.cites)}</td></tr>' for x in items)
    return f'<table class="members">{rows}</table>'


def _forums(n: int) -> str:
    """'1 forum', '3 forums'."""
    return translate("Record", "{n} {forums}").format(n=n, forums=_count_noun(n, "forums"))


def _note(text: str) -> str:
    return '<p class="note">' + e(translate("Record", "Note: {note}").format(note=text)) + "</p>"


def _translation_row(name_ja: str | None) -> str:
    """The record's Japanese name, in a Japanese interface: a translation made for the atlas, not the paper's."""
    if not name_ja or i18n.current() != "ja":
        return ""
    return _row(translate("Record", "Japanese name"),
                e(name_ja) + " <i>" + e(translate("Record", "(our translation, not from the paper)")) + "</i>")


def person(d: r.PersonDetail, style: Style = SCREEN, note: str | None = None, team=()) -> str:
    p = d.person
    notes = _Notes(d.sources, style)
    facts = "".join([
        _row(translate("Record", "Role"), e(p.role)),
        _row(translate("Record", "Affiliation"),
             link(d.participant.id, d.participant.short_name, style) if d.participant else ""),
        _row(translate("Record", "Forums"), ", ".join(link(f.id, f.name, style) for f in d.forums)),
    ])
    parts = [f"<h1>{e(p.name)}{notes.refs(d.cites)}</h1>", f'<table class="facts">{facts}</table>']
    if d.note:
        parts.append(_note(d.note))
    parts.append(_events(d.events, style))
    parts.append(about([("", d.data_note)] if d.data_note else [], style))
    parts.append(analyst_note(note, team))
    parts.append(_sources(notes))
    return "".join(parts)


def empty(message: str, hint: str = "") -> str:
    return f'<div class="empty"><h2>{e(message)}</h2><p>{e(hint)}</p></div>'


def _day(ordinal: int) -> str:
    d = date.fromordinal(ordinal)
    return translate("Record", "{day} {month} {year}").format(day=d.day, month=f"{d:%B}", month_number=d.month,
                                                                  year=d.year)


def _span(since, until) -> str:
    if since and until and since == until:
        return date_text(since)
    if since and until:
        return f"{date_text(since)} \u2013 {date_text(until)}"
    if since:
        return translate("Record", "since {date}").format(date=date_text(since))
    if until:
        return translate("Record", "until {date}").format(date=date_text(until))
    return ""


def _ordinal(n: int) -> str:
    if translate("Record", "{n}th") != "{n}th":  # a language without English suffixes
        return translate("Record", "{n}th").format(n=n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


CSS = """
h1 { font-size: 17pt; margin: 0 0 4px 0; }
h1 .acr { font-weight: normal; }
h2 { font-size: 12pt; margin: 12px 0 3px 0; }
h3 { font-size: 10.5pt; margin: 6px 0 2px 0; font-style: italic; }
td { padding: 1px 10px 1px 0; vertical-align: top; }
td.k { font-weight: bold; white-space: nowrap; }
p.summary { margin: 8px 0; }
p.note, p.more, .empty p { font-style: italic; }
.away td { font-style: italic; }
.quote { font-style: italic; }
sup { font-size: 8.5pt; }
table.analyst { margin-top: 10px; border-color: #b08d2a; border-style: solid; }
table.analyst td { padding: 4px 8px 6px 8px; }
p.about { margin-top: 12px; }
"""
