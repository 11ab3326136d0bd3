"""The one renderer: detail records to HTML, for the detail pane and the printed fact sheet.

Every value from the data is escaped here; links use only the ``atlas:`` (a record) and
``cite:`` (a source note) schemes, which the detail pane's link handler allow-lists.
No Qt import: the output is a string that QTextBrowser and QTextDocument both take.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from html import escape

from model import records as r

AUTHOR_HEADINGS = {"cossa": "The U.S. view (Cossa)", "fukushima": "The Japanese view (Fukushima)",
                   "preface": "The preface (Haggard and Pinkston)"}
SHORT_AUTHORS = {"cossa": "Cossa", "fukushima": "Fukushima", "preface": "Preface", "front": "Front matter"}
SEP = " \u2014 "  # an em dash between a value and its note
ROLE_SYMBOLS = {"founder": "\u2605", "member": "\u25cf", "chair": "\u25c6", "co-chair": "\u25c7",
                "host": "\u2302", "observer": "\u25cb", "associate": "\u25d0", "dialogue-partner": "\u25d1",
                "private-capacity": "\u25cc", "proposer": "\u270e", "funder": "$", "absent": "\u2205",
                "excluded": "\u2715"}


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


def _row(label: str, value: str) -> str:
    return f'<tr><td class="k">{e(label)}</td><td>{value}</td></tr>' if value else ""


def _more(n: int, what: str) -> str:
    """'and 12 more events; ...' (``what`` is plural; one drops its final s)."""
    noun = what[:-1] if n == 1 else what
    return f'<p class="more">and {n} more {e(noun)}; see the full list in Forum Atlas.</p>'


def _sources(notes: _Notes) -> str:
    sources = notes.used()
    if not sources:
        return ""
    if not notes.style.quotes:  # short of room: one run-on paragraph of numbered references
        items = " \u00b7 ".join(
            f"<b>{n}</b>\u00a0{e(SHORT_AUTHORS.get(c.author, c.author))}, \u201c{e(c.section)}\u201d, line {c.line}"
            for n, c in enumerate(sources, 1))
        return f'<h2>Sources</h2><p class="sources">{items}</p>'
    items = "".join(f"<li>{source_item(c)}</li>" for c in sources)
    return f'<h2>Sources</h2><ol class="sources">{items}</ol>'


def source_item(c: r.Citation, cited_by: str = "") -> str:
    """One source note: who, where and the quote, as the detail pane, the sheets and the pack print it."""
    by = f" <i>({e(cited_by)})</i>" if cited_by else ""
    return (f"{e(r.AUTHOR_LABELS.get(c.author, c.author))}, \u201c{e(c.section)}\u201d, line {c.line}: "
            f'<span class="quote">\u201c{e(c.quote)}\u201d</span>{by}')


def _events(events: list[r.EventRow], style: Style, heading="Events") -> str:
    if style.days is not None:  # a range brushed on the timeline
        lo, hi = style.days
        inside = [ev for ev in events if ev.hi >= lo and ev.lo <= hi]
        caption = (f'<p class="note">Showing {len(inside)} of {len(events)} events, those between '
                   f"{e(_day(lo))} and {e(_day(hi))} (the range brushed on the timeline; Escape there clears it).</p>")
        if not events:
            return ""
        if not inside:
            return f"<h2>{e(heading)}</h2>{caption}"
        return _events(inside, replace(style, days=None), heading).replace("</h2>", f"</h2>{caption}", 1)
    if not events:
        return ""
    shown = events[: style.max_events] if style.max_events else events
    rows = "".join(
        f'<tr><td class="k">{e(ev.when())}</td><td>{link(ev.id, ev.title, style)}'
        f'{SEP + e(ev.place) if ev.place else ""}</td></tr>' for ev in shown)
    more = _more(len(events) - len(shown), "events") if len(shown) < len(events) else ""
    return f"<h2>{e(heading)}</h2><table>{rows}</table>{more}"


def _discrepancies(items: list[r.Discrepancy], notes: _Notes) -> str:
    if not items:
        return ""
    body = "".join(f"<li>{e(d.note)}{notes.refs(d.cites)}</li>" for d in items)
    return f'<h2>Where the source disagrees with itself</h2><ul class="disc">{body}</ul>'


def forum(d: r.ForumDetail, style: Style = SCREEN, note: str | None = None) -> str:
    f = d.forum
    notes = _Notes(d.sources, style)
    founders = [m for m in d.members if m.role == "founder"]
    hosts = _by_participant([m for m in d.members if m.role in ("host", "chair", "co-chair")])
    meetings = [ev for ev in d.events if ev.kind == "meeting"]
    title = e(f.name) + (f' <span class="acr">({e(f.acronym)})</span>' if f.acronym else "")
    facts = "".join([
        _row("Also called", e(", ".join(_other_names(d.aliases, f.name, f.acronym)))),
        _row("Track", e(r.TRACK_LABELS[f.track])),
        _row("Kind", e(r.label(f.kind))),
        _row("Scope", e(r.label(f.scope))),
        _row("Status", e(r.STATUS_LABELS[f.status])),
        _row("Founded", e(f.founded.display()) if f.founded else ""),
        _row("Ended", e(f.ended.display()) if f.ended else ""),
        _row("Part of", link(d.parent.id, d.parent.name, style) if d.parent else ""),
        _row("Sub-bodies", ", ".join(link(c.id, c.name, style) for c in d.children)),
        _row("Founders", ", ".join(link(m.participant_id, m.participant_name, style) for m in founders)),
        _row("Meetings", f"{len(meetings)} recorded in the paper" if meetings else ""),
        _row("Hosts, chairs", ", ".join(f"{link(pid, name, style)} ({e(roles.lower())})"
                                         for pid, name, roles, _, _ in hosts)),
    ])
    parts = [f'<h1>{title}{notes.refs(d.cites)}</h1>', f'<table class="facts">{facts}</table>',
             f'<p class="summary">{e(d.summary)}</p>']
    if style.timeline and d.events:
        parts.append(MINI_TIMELINE)
    if d.members:
        rows = _by_participant(d.members, notes=style.member_notes)
        parts.append(f"<h2>Participants</h2>{_roles_table(rows, 'participants', style, notes)}")
    parts.append(_events(d.events, style))
    if d.relations and not style.compact:
        rows = "".join(
            f'<li>{link(x.from_id, x.from_name, style)} <i>{e(x.kind.replace("-", " "))}</i> '
            f'{link(x.to_id, x.to_name, style)}{e(SEP + x.note) if x.note else ""}{notes.refs(x.cites)}</li>'
            for x in d.relations)
        parts.append(f"<h2>Related forums</h2><ul>{rows}</ul>")
    if not style.compact:
        parts.append(_people(d.people, style))
    parts.append(claims(d.claims, notes, style))
    if not style.compact:
        parts.append(_discrepancies(d.discrepancies, notes))
        parts.append(_data_note(d.note))
    parts.append(analyst_note(note))
    parts.append(_sources(notes))
    return "".join(parts)


# How much of a note is laid out as rich text: Qt's layout of long lists takes time growing with the square
# of their length (4,000 bullets: a second; 250,000: minutes), and a sheet or a pane shows only the start.
NOTE_SHOWN_CHARS, NOTE_SHOWN_LINES = 20_000, 400


def analyst_note(text: str | None) -> str:
    """The analyst's own note: boxed and labelled, so it never passes for a sourced fact."""
    if not text or not text.strip():
        return ""
    shown = text[:NOTE_SHOWN_CHARS]
    lines = shown.split("\n", NOTE_SHOWN_LINES)
    shown = "\n".join(lines[:NOTE_SHOWN_LINES])
    body = light_markdown(shown)
    if len(shown) < len(text):
        body += (f'<p style="margin-top:4px; margin-bottom:0"><i>\u2026 and {len(text) - len(shown):,} more '
                 "characters, not shown here: the note editor holds the whole note.</i></p>")
    return ('<table class="analyst" width="100%" border="1" cellspacing="0" cellpadding="6"><tr><td>'
            "<b>Analyst\u2019s note</b> <i>(your own words, not from the paper)</i>"
            f"{body}</td></tr></table>")


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


def _by_participant(members: list[r.Membership], key: str = "participant", notes: bool = True):
    """One row per participant (or forum): (id, name, 'symbol Role, ...', details, citations), in order."""
    rows: dict[str, list] = {}
    for m in members:
        rid, name = (m.participant_id, m.participant_name) if key == "participant" else (m.forum_id, m.forum_name)
        row = rows.setdefault(rid, [rid, name, [], [], []])
        row[2].append(f"{ROLE_SYMBOLS.get(m.role, '')}\u00a0{r.label(m.role)}")
        bits = [x for x in (_span(m.since, m.until), m.note if notes else None) if x]
        if bits:
            row[3].append((r.label(m.role), SEP.join(bits)))
        row[4] += [c for c in m.cites if c not in row[4]]

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
    return "<h2>People</h2><ul>" + "".join(f"<li>{link(p.id, p.name, style)}, {e(p.role)}</li>" for p in people) + "</ul>"


def _other_names(aliases, *names) -> list[str]:
    """Aliases that say something new: not the name again in other letters."""
    known = {n.casefold() for n in names if n}
    return [a for a in aliases if a.casefold() not in known]


def _data_note(text: str | None) -> str:
    """The curators' note on the record (how the paper's readings were reconciled), after the facts."""
    return f'<h2>About this record</h2><p class="note">{e(text)}</p>' if text else ""


def _by_forum(members: list[r.Membership], notes: bool = True):
    return _by_participant(members, key="forum", notes=notes)


def claims(items: list[r.Claim], notes: _Notes, style: Style) -> str:
    if not items:
        return ""
    out = ["<h2>What the authors say</h2>"]
    for author in AUTHOR_HEADINGS:
        mine = [c for c in items if c.author == author]
        if not mine:
            continue
        shown = mine[: style.max_claims] if style.max_claims else mine
        out.append(f'<h3>{e(AUTHOR_HEADINGS[author])}</h3><ul class="claims">')
        out += [f"<li>{e(c.text)}{notes.refs(c.cites)}</li>" for c in shown]
        out.append("</ul>")
        if len(shown) < len(mine):
            out.append(_more(len(mine) - len(shown), "judgements"))
    return "".join(out)


def event(d: r.EventDetail, style: Style = SCREEN, note: str | None = None) -> str:
    ev = d.event
    notes = _Notes(d.sources, style)
    facts = "".join([
        _row("Date", e(ev.when())),
        _row("Kind", e(r.label(ev.kind))),
        _row("Place", e(ev.place)),
        _row("Meeting", e(_ordinal(ev.ordinal)) if ev.ordinal else ""),
        _row("Chair", link(d.chair.id, d.chair.short_name, style) if d.chair else ""),
        _row("Forum", ", ".join(link(f.id, f.name, style) for f in d.forums)),
        _row("Participants", ", ".join(link(p.id, p.short_name, style) for p in d.participants)),
        _row("People", ", ".join(link(p.id, p.name, style) for p in d.people)),
    ])
    parts = [f"<h1>{e(ev.title)}{notes.refs(d.cites)}</h1>", f'<table class="facts">{facts}</table>']
    if d.summary:
        parts.append(f'<p class="summary">{e(d.summary)}</p>')
    if d.note:
        parts.append(f'<p class="note">Note: {e(d.note)}</p>')
    parts.append(_discrepancies(d.discrepancies, notes))
    parts.append(analyst_note(note))
    parts.append(_sources(notes))
    return "".join(parts)


def participant(d: r.ParticipantDetail, style: Style = SCREEN, note: str | None = None) -> str:
    p = d.participant
    notes = _Notes(d.sources, style)
    by_forum: dict[str, list[r.Membership]] = {}
    for m in d.memberships:
        by_forum.setdefault(m.forum_id, []).append(m)
    # A forum the participant once attended but then stayed away from counts as away (r.takes_part).
    taking = {fid for fid, ms in by_forum.items() if r.takes_part([(m.role, m.since, m.until) for m in ms])}
    present = [m for m in d.memberships if m.forum_id in taking]
    away = [m for m in d.memberships if m.forum_id not in taking]
    facts = "".join([_row("Full name", e(p.name) if p.name != p.short_name else ""),
                     _row("Kind", e(r.label(p.kind))),
                     _row("Also called", e(", ".join(_other_names(p.aliases, p.short_name, p.name)))),
                     _row("Takes part in", f"{len({m.forum_id for m in present})} forums"),
                     _row("Absent or excluded", f"{len({m.forum_id for m in away})} forums" if away else "")])
    parts = [f"<h1>{e(p.short_name)}</h1>", f'<table class="facts">{facts}</table>']
    if style.timeline and d.memberships:
        parts.append(MINI_TIMELINE)
    if d.note:
        parts.append(f'<p class="note">Note: {e(d.note)}</p>')

    def table(ms):
        return _roles_table(_by_forum(ms, notes=style.member_notes), "forums", style, notes)

    parts.append(f"<h2>Forums and roles</h2>{table(present)}" if present else
                 '<h2>Forums and roles</h2><p class="empty">The paper names no forum this participant takes part in.</p>')
    if away:
        parts.append(f'<h2>Absent or excluded</h2><div class="away">{table(away)}</div>')
    if not style.compact:
        parts.append(_people(d.people, style))
    parts.append(_events(d.events, style))
    parts.append(analyst_note(note))
    parts.append(_sources(notes))
    return "".join(parts)


def person(d: r.PersonDetail, style: Style = SCREEN, note: str | None = None) -> str:
    p = d.person
    notes = _Notes(d.sources, style)
    facts = "".join([
        _row("Role", e(p.role)),
        _row("Affiliation", link(d.participant.id, d.participant.short_name, style) if d.participant else ""),
        _row("Forums", ", ".join(link(f.id, f.name, style) for f in d.forums)),
    ])
    parts = [f"<h1>{e(p.name)}{notes.refs(d.cites)}</h1>", f'<table class="facts">{facts}</table>']
    if d.note:
        parts.append(f'<p class="note">Note: {e(d.note)}</p>')
    parts.append(_events(d.events, style))
    parts.append(analyst_note(note))
    parts.append(_sources(notes))
    return "".join(parts)


def empty(message: str, hint: str = "") -> str:
    return f'<div class="empty"><h2>{e(message)}</h2><p>{e(hint)}</p></div>'


def _day(ordinal: int) -> str:
    d = date.fromordinal(ordinal)
    return f"{d.day} {d:%B %Y}"


def _span(since, until) -> str:
    if since and until and since == until:
        return since.display()
    if since and until:
        return f"{since.display()} \u2013 {until.display()}"
    if since:
        return f"since {since.display()}"
    if until:
        return f"until {until.display()}"
    return ""


def _ordinal(n: int) -> str:
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
"""
