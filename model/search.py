"""Search the atlas as you type: words and filters in, hits grouped by kind out. No Qt.

``search(atlas, "member:kp track:2 security")`` returns :class:`Results`: groups of :class:`Hit`
(forums, events, participants, people, claims, quotes), each hit with a title and a snippet in
which the matching words sit between :data:`MARK_ON` and :data:`MARK_OFF` (:func:`to_html` turns
them into ``<b>`` after escaping), and hints for the user ("Unknown filter ...").

Safety: what the user typed never reaches FTS5 as syntax: model/search_query.py parses it into tokens, each
written as a quoted string; filters become facet tokens made here, never typed. Any SQLite error becomes
"no matches" with a hint. The results' shape is model/search_results.py.

Ranking: in each group, records whose title or aliases hold the words come first, those whose
name, acronym or alias is what was typed ("ARF") or starts with it ("NEA": NEACD) before the rest;
then matches anywhere in the text. A participant's own name (DPRK, North Korea, Pyongyang) also
searches its other names and brings the forums it takes part in.

Japanese: the index's tokenizer does not split Japanese (a name is one long token), so the Japanese names of
participants and forums (translations made for the interface, resources/data/translations.yaml) are matched
here, in memory: a typed word in Japanese script finds every name holding it ("地域フォーラム": the ARF).

Speed: each kind owns a rowid range of the index, so a group is one or two bounded FTS5 queries.
Long prefixes are expanded into the indexed terms they stand for (a lazy OR, where FTS5 would
gather a whole doclist per query). bm25 (title above aliases above body) orders a group only when
the words are rare enough for its statistics to be cheap; otherwise a bounded set of candidates is
ordered here. Snippets are made only for the rows shown.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from model import loader, vocabulary
from model import search_index as ix
from model.loader import EVENT_KINDS, FORUM_KINDS, STATUSES
from model.search_japanese import JapaneseNames
from model.search_query import Query, clean, fold, parse, quoted, tokens
from model.search_results import (
    MARK_OFF,
    MARK_ON,
    PLAIN_ROW,
    Group,
    Results,
    arranged,
    hit_from_row,
    name_rank,
    score,
)
from model.search_synonyms import spellings, synonyms
from model.search_years import year_clause as _year_clause
from model.search_years import years as _years

if TYPE_CHECKING:
    from model.queries import Atlas

Row = tuple[Any, ...]  # a row of the index as a query selects it (_MARKED, _TITLED_ROW, _PLAIN)
Words = Sequence[tuple[tuple[str, ...], bool]]  # typed words as Query holds them: (tokens, prefix)

KIND_ORDER = vocabulary.RECORD_KINDS.names
KIND_LABELS = vocabulary.RECORD_KINDS.labels()
RECORD_KINDS = {"forum": "forum", "forums": "forum", "event": "event", "events": "event",
                "participant": "participant", "participants": "participant", "person": "person",
                "people": "person", "persons": "person", "claim": "claim", "claims": "claim",
                "quote": "quote", "quotes": "quote", "passage": "quote", "passages": "quote"}
TRACKS = (*loader.TRACKS, "none")
AUTHORS = {name: t.name for t in vocabulary.AUTHORS for name in (t.name, *t.aliases)}  # what author: takes

WEIGHTS = "0, 0, 10, 8, 1, 0.5, 0, 0, 0, 0, 6"  # kind, record_id, title, aliases, body, context, facets, ..., variants
BM25_BUDGET = 600  # rows the words' doclists may hold for exact bm25 to stay cheap
CANDIDATES = 40  # title matches per kind ranked here when bm25 would be too dear
HEAVY_CANDIDATES = 20  # rows per kind ranked here for words that very many rows hold (_ranked_heavy)
HEAVY = 50_000  # rows the words' doclists may hold before a column filter costs too much (10,000x; 100x: 88,000 at most)
EXPAND_MAX = 48  # a prefix standing for more terms than this is left to FTS5
MAX_NAMED = 5  # participants one typed name may stand for (aliases can be shared)

_TITLED = ("participant", "forum", "event", "person")
_TITLE_COLUMNS = "{title aliases variants}"  # a damaged spelling finds its record, never shows
_ON_OFF = f"'{MARK_ON}', '{MARK_OFF}'"
_RANK = f"bm25({WEIGHTS})"
_MARKED = (f"rowid, kind, record_id, highlight(search, 2, {_ON_OFF}), highlight(search, 3, {_ON_OFF}), "
           f"snippet(search, 4, {_ON_OFF}, '\u2026', 24), snippet(search, 5, {_ON_OFF}, '\u2026', 10), "
           "label, info, target")
_TITLED_ROW = (f"rowid, kind, record_id, highlight(search, 2, {_ON_OFF}), highlight(search, 3, {_ON_OFF}), "
               "substr(body, 1, 300), '', label, info, target")
_HEAVY_ROW = f"{_MARKED}, substr(body, 1, 300)"  # either shape, chosen per row (_ranked_heavy)
_PLAIN = PLAIN_ROW


# -- the searcher ---------------------------------------------------------------------------------
class Searcher:
    """Search one atlas. Cheap to make; keeps the few small tables it needs in memory."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self.con: sqlite3.Connection = atlas.connection
        self.stale = atlas.meta.get("search_index") != ix.VERSION
        self.ranges: dict[str, tuple[int, int]] = {}
        if not self.stale:
            try:
                self.ranges = {k: (lo, hi) for k, lo, hi in self.con.execute("SELECT kind, lo, hi FROM search_kinds")}
            except sqlite3.Error:
                self.stale = True
        self.total = max((hi for _, hi in self.ranges.values()), default=0)  # rows in the index
        self.by_id = {p.id: p for p in atlas.participants()}
        # Every name and alias of every participant, folded, as "north korea\0kp", sorted: one list answers both
        # "which participants are called this" and "which names start with this" by bisection (strings, not
        # tuples or a dict of sets: 620,000 participants at 10,000x).
        self.name_index = sorted({_name_key(n) + "\0" + p.id for p in self.by_id.values()
                                  for n in (p.short_name, p.name, *p.aliases)})
        self._docs: dict[str, int] = {}
        self.japanese = JapaneseNames(atlas, self.con, self.ranges, self.total)

    # -- the public call ----------------------------------------------------------------------
    def search(self, text: object, limit: int = 8) -> Results:
        raw = clean(text)
        try:
            return self._search(raw, parse(raw), max(1, int(limit)))
        except sqlite3.Error as exc:
            return Results(raw, (), (f"No matches: the search could not run ({exc}).",))

    def _search(self, raw: str, q: Query, limit: int) -> Results:
        hints = list(q.hints)
        if self.stale:
            return Results(raw, (), ("The search index is out of date: rebuild the database with `make db`.",))
        kinds, facets, ok = self._filters(q.filters, hints)
        if not ok:
            return Results(raw, (), tuple(hints))
        if not q.words and not facets and kinds == set(KIND_ORDER):
            if raw.strip() and not hints:
                hints.append("Type a word, or a filter such as track:2 or member:kp.")
            return Results(raw, (), tuple(hints))
        if len(kinds) == 1:
            limit = max(limit, 50)  # one kind asked for: show more of it
        words, cost = self._words(q.words)
        if words is None:  # a word no indexed term starts with
            return self._empty(raw, hints, bool(q.filters))
        people = self._participants_named(q.words) if q.words else []
        facet_cost = sum(self._term_docs(tok) for tok in _facet_tokens(facets))
        cost += facet_cost
        wider = None
        if people:  # alias awareness: DPRK also finds "North Korea" and "Pyongyang" in the text
            names = list(dict.fromkeys(" ".join(toks) for pid in people for n in self._spoken(pid)
                                       if (toks := tokens(n))))
            wider = "(" + words + " OR " + " OR ".join(quoted(n) for n in names) + ")"
            wider_cost = cost + sum(self._term_docs(t) for t in {fold(t) for n in names for t in n.split()})
        groups = []
        named_ja = self.japanese.groups(q.words, kinds, facets)
        for kind in KIND_ORDER:
            if kind in named_ja:
                groups.append(named_ja[kind])
            if kind not in kinds or kind not in self.ranges:
                continue
            facet = facets.get(kind)
            rows, more = self._group(kind, words, facet, q, cost, limit)
            if wider and len(rows) <= limit:  # then what the other names find
                seen = {row[0] for row in rows}
                extra, more = self._group(kind, wider, facet, q, wider_cost, limit + len(seen))
                rows += [row for row in extra if row[0] not in seen]
            if kind == "forum" and people:
                rows, more = self._with_brought(rows, more, people, facet, limit,
                                                " ".join(fold(t) for toks, _ in q.words for t in toks))
            if rows:
                groups.append(Group(kind, KIND_LABELS[kind], tuple(hit_from_row(row) for row in rows[:limit]),
                                    more or len(rows) > limit))
        if not groups:
            return self._empty(raw, hints, bool(q.filters))
        # A participant's name typed makes it the best hit; duplicate hits merge (model/search_results.py).
        return Results(raw, arranged(groups, "participant" if people else None), tuple(hints))

    def _empty(self, raw: str, hints: list[str], filtered: bool) -> Results:
        hint = "No matches. Try fewer filters." if filtered else "No matches. Try fewer or shorter words."
        return Results(raw, (), (*hints, hint))

    # -- words ----------------------------------------------------------------------------------
    def _words(self, words: Words) -> tuple[str | None, int]:
        """The words as one FTS5 expression over the text columns, and what ranking it would cost. A word
        also matches its other spelling (defence, defense) and a run of words its synonyms (track II, track
        two, track 2: model/search_synonyms.py)."""
        if not words:
            return "", 0
        folded = [tuple(fold(t) for t in toks) for toks, _ in words]
        spans = {n: (k, forms) for n, k, forms in synonyms(folded)}
        parts, cost, n = [], 0, 0
        while n < len(words):
            k, forms = spans.get(n, (1, []))
            own = [self._word(*w) for w in words[n:n + k]]
            known = [(p, d) for p, d in own if p is not None]
            alternatives = [] if len(known) < len(own) else [(" AND ".join(p for p, _ in known),
                                                              sum(d for _, d in known))]
            alternatives += [(quoted(" ".join(form)), sum(self._term_docs(t) for t in form)) for form in forms]
            if k == 1 and len(folded[n]) == 1:
                for other in spellings(folded[n][0]):
                    part, docs = self._word((other,), words[n][1])
                    if part is not None:
                        alternatives.append((part, docs))
            if not alternatives:
                return None, 0
            parts.append(alternatives[0][0] if len(alternatives) == 1 else
                         "(" + " OR ".join(f"({p})" for p, _ in alternatives) + ")")
            cost += sum(d for _, d in alternatives)
            n += k
        return " AND ".join(parts), cost

    def _word(self, toks: tuple[str, ...], prefix: bool) -> tuple[str | None, int]:
        """One typed word (or hyphenated phrase) as an FTS5 expression; None when no indexed term fits."""
        if len(toks) == 1 and prefix:
            return self._prefix(toks[0])
        head = " ".join(toks[:-1])
        # A phrase being typed whose first words very many rows hold (10,000x) matches its words anywhere in a row:
        # FTS5 would check the words' positions all along their doclists, hundreds of thousands of rows.
        loose = prefix and sum(self._term_docs(fold(t)) for t in toks[:-1]) > HEAVY
        part = f"({quoted(head)} AND {quoted(toks[-1])}*)" if loose else quoted(" ".join(toks)) + ("*" if prefix else "")
        docs = sum(self._term_docs(fold(t)) for t in toks)
        last = fold(toks[-1])
        if prefix and len(last) > 3:  # "six-part": one phrase per term the last word may end as
            rows = self.con.execute("SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? "
                                    "LIMIT 17", (last, _next(last))).fetchall()
            if not rows and last.isascii():
                return None, 0
            if 0 < len(rows) <= 16:
                part = (f"({quoted(head)} AND (" + " OR ".join(quoted(t) for t, _ in rows) + "))" if loose else
                        "(" + " OR ".join(quoted(f"{head} {t}") for t, _ in rows) + ")")
                docs = sum(self._term_docs(fold(t)) for t in toks[:-1]) + sum(d for _, d in rows)
        return part, docs

    def _prefix(self, token: str) -> tuple[str | None, int]:
        """``"tok"*``, or for a long prefix the OR of the terms it stands for, and what ranking would
        cost; None when no indexed term starts with it."""
        folded = fold(token)
        if len(folded) <= 3:  # the index keeps 1-, 2- and 3-letter prefixes: lazy and cheap
            rows = self.con.execute("SELECT docs FROM search_terms WHERE term >= ? AND term < ? LIMIT 400",
                                    (folded, _next(folded))).fetchall()
            if not rows and folded.isascii():
                return None, 0
            docs = min(sum(d for (d,) in rows), self.total) if len(rows) < 400 else self.total
            return quoted(token) + "*", docs
        rows = self.con.execute("SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
                                (folded, _next(folded), EXPAND_MAX + 1)).fetchall()
        if not rows:  # plain ASCII folds as the index does: nothing there. Otherwise let FTS5 fold it.
            return (None, 0) if folded.isascii() else (quoted(token) + "*", 0)
        if len(rows) > EXPAND_MAX:
            return quoted(token) + "*", self.total
        terms = " OR ".join(quoted(t) for t, _ in rows)
        return (f"({terms})" if len(rows) > 1 else terms), min(sum(d for _, d in rows), self.total)

    def _term_docs(self, term: str) -> int:
        if term not in self._docs:
            row = self.con.execute("SELECT docs FROM search_terms WHERE term = ?", (term,)).fetchone()
            if len(self._docs) > 5000:
                self._docs.clear()
            self._docs[term] = row[0] if row else 0
        return self._docs[term]

    def _participants_named(self, words: Words) -> list[str]:
        """Participants whose name or alias is what was typed (DPRK, North Korea, Pyongyang), or, from four
        letters on, the one participant a name starts with (Pyong)."""
        flat = tuple(fold(t) for toks, _ in words for t in toks)
        phrase = " ".join(flat)
        exact = self._called(phrase)
        if exact:
            return exact[:MAX_NAMED]
        if len(phrase) < 4 or not words[-1][1] or self._term_docs(flat[-1]):  # "CSCAP" is a word, not a start
            return []
        found: set[str] = set()
        index = self.name_index
        for n in range(bisect.bisect_left(index, phrase), len(index)):
            if not index[n].startswith(phrase):
                break
            found.add(index[n].rpartition("\0")[2])
            if len(found) > 1:
                return []
        return sorted(found)

    def _called(self, phrase: str) -> list[str]:
        """The participants one of whose names is ``phrase`` (folded tokens joined by spaces), in id order."""
        index, key = self.name_index, phrase + "\0"
        out = []
        for n in range(bisect.bisect_left(index, key), len(index)):
            if not index[n].startswith(key):
                break
            out.append(index[n][len(key):])
        return out

    def _spoken(self, pid: str) -> list[str]:
        """A participant's names, for alias expansion: its short name first; none that starts with "the"."""
        p = self.by_id[pid]
        return [n for n in dict.fromkeys([p.short_name, p.name, *p.aliases]) if not n.lower().startswith("the ")]

    # -- filters --------------------------------------------------------------------------------
    def _filters(self, filters: list[tuple[str, str]],
                 hints: list[str]) -> tuple[set[str], dict[str, str], bool]:
        """Kinds that can match and per-kind facet expressions; ok=False when a value is invalid."""
        kinds = set(KIND_ORDER)
        facets: dict[str, list[str]] = {}
        common: list[str] = []  # facet clauses every kind must satisfy
        ok = True
        for key, value in filters:
            values = [v.strip() for v in re.split(r"[,|]", value) if v.strip()]
            if key == "track":
                bad = [v for v in values if v.lower() not in TRACKS]
                if bad or not values:
                    hints.append("track: takes 1, 1.5, 2 or none (e.g. track:2).")
                    ok = False
                    continue
                common.append(_any("t", [v.lower() for v in values]))
                kinds.discard("participant")
            elif key == "status":
                vals = [{"proposal": "proposed"}.get(v.lower(), v.lower()) for v in values]
                if not vals or any(v not in STATUSES for v in vals):
                    hints.append("status: takes active, defunct or proposed.")
                    ok = False
                    continue
                common.append(_any("s", vals))
                kinds.discard("participant")
            elif key == "member":
                pids = [self._participant(v) for v in values]
                known = [p for p in pids if p is not None]
                if not pids or len(known) < len(pids):
                    unknown = next((v for v, p in zip(values, pids, strict=False) if p is None), value)
                    hints.append(f"No participant is called \u201c{unknown}\u201d: give an id (kp) or a name "
                                 "(DPRK, \u201cNorth Korea\u201d).")
                    ok = False
                    continue
                common.append(_any("m", known))
                kinds.discard("participant")
            elif key == "author":
                names = [n for v in values if (n := _unique_prefix(v.lower(), AUTHORS)) is not None]
                if not values or len(names) < len(values):
                    hints.append("author: takes cossa, fukushima or preface.")
                    ok = False
                    continue
                common.append(_any("a", sorted({AUTHORS[n] for n in names})))
                kinds &= {"claim", "quote"}
            elif key == "year":
                spans = [span for v in values if (span := _years(v)) is not None]
                if not values or len(spans) < len(values):
                    hints.append("year: takes a year (1994), a range (1993..1995) or a decade (1990s).")
                    ok = False
                    continue
                common.append("(" + " OR ".join(_year_clause(a, b) for a, b in spans) + ")")
                kinds &= {"forum", "event"}
            elif key == "kind":
                allowed: dict[str, list[str] | None] = {}
                for v in values:
                    v = v.lower()
                    if v in RECORD_KINDS:
                        allowed[RECORD_KINDS[v]] = None
                    elif v == "proposal":
                        for k in ("forum", "event"):
                            if (held := allowed.setdefault(k, [])) is not None:  # None: the whole kind
                                held.append(ix.facet("k", "proposal"))
                    elif v in FORUM_KINDS or v in EVENT_KINDS:
                        k = "forum" if v in FORUM_KINDS else "event"
                        if (held := allowed.setdefault(k, [])) is not None:
                            held.append(ix.facet("k", v))
                    else:
                        allowed = {}
                        break
                if not allowed:
                    hints.append("kind: takes forum, event, participant, person, claim, quote, proposal, a forum "
                                 "kind (" + ", ".join(FORUM_KINDS[:4]) + " \u2026) or an event kind ("
                                 + ", ".join(EVENT_KINDS[:3]) + " \u2026).")
                    ok = False
                    continue
                kinds &= set(allowed)
                for k, tokens_ in allowed.items():
                    if tokens_:
                        facets.setdefault(k, []).append("(" + " OR ".join(quoted(t) for t in tokens_) + ")")
        out: dict[str, str | None] = {}
        for k in KIND_ORDER:
            clauses = common + facets.get(k, [])
            out[k] = " AND ".join(clauses) if clauses else None
        return kinds, ({k: v for k, v in out.items() if v} if (common or facets) else {}), ok

    def _participant(self, value: str) -> str | None:
        v = value.strip()
        if v in self.by_id or v.lower() in self.by_id:
            return v if v in self.by_id else v.lower()
        found = self._called(" ".join(fold(t) for t in tokens(v)))
        return found[0] if len(found) == 1 else None

    # -- one group ------------------------------------------------------------------------------
    def _group(self, kind: str, words: str, facet: str | None, q: Query, cost: int,
               limit: int) -> tuple[list[Row], bool]:
        """The best rows of one kind (columns as _MARKED), at most limit + 1, and whether there are more."""
        lo, hi = self.ranges[kind]
        if not words and not facet:  # a kind asked for and nothing else: the atlas's own order
            rows = self.con.execute(f"SELECT {_PLAIN} FROM search WHERE rowid BETWEEN ? AND ? LIMIT ?",
                                    (lo, hi, limit + 1)).fetchall()
            return rows, len(rows) > limit
        expr = _expression(words, facet)
        if not words:  # filters alone: in the order the atlas keeps
            rows = self._first(_PLAIN, expr, lo, hi, limit + 1, cost > HEAVY)
            return rows, len(rows) > limit
        phrase = " ".join(fold(t) for toks, _ in q.words for t in toks)
        return self._ranked(kind, words, facet, q, phrase, cost, limit)

    def _ranked(self, kind: str, words: str, facet: str | None, q: Query, phrase: str, cost: int,
                limit: int) -> tuple[list[Row], bool]:
        """The rows matching the words, best first, at most limit + 1, and whether there are more.

        Records with a name (title, acronym, alias) come first, those whose name is what was typed
        ("ARF") or starts with it ("NEA": NEACD) before the others; then matches in the text. bm25
        orders each tier when its statistics are cheap (few rows hold the words); otherwise a bounded
        set of candidates is ordered here, whole words before prefixes, short titles first.
        """
        if kind in _TITLED and cost > HEAVY:
            return self._ranked_heavy(kind, _expression(words, facet), q, phrase, limit)
        lo, hi = self.ranges[kind]
        where = "WHERE search MATCH ? AND rowid BETWEEN ? AND ?"
        cheap = cost <= BM25_BUDGET
        order = f" AND rank MATCH '{_RANK}' ORDER BY rank" if cheap else ""
        found: list[Row] = []
        more = False
        if kind in _TITLED:
            titled = _expression(words, facet, _TITLE_COLUMNS)
            found = (self.con.execute(f"SELECT {_TITLED_ROW} FROM search {where}{order} LIMIT ?",
                                      (titled, lo, hi, CANDIDATES)).fetchall() if cheap
                     else self._first(_TITLED_ROW, titled, lo, hi, CANDIDATES, cost > HEAVY))
            more = len(found) >= CANDIDATES
            if cheap:  # stable: bm25's order within each rank
                found.sort(key=lambda row: name_rank(row, phrase))
            else:
                typed = {fold(t) for toks, _ in q.words for t in toks}
                found.sort(key=lambda row: score(row, typed, phrase))
            found = found[:limit + 1]
        if len(found) <= limit:  # then matches anywhere in the text
            seen = {row[0] for row in found}
            rest = (self.con.execute(f"SELECT {_MARKED} FROM search {where}{order} LIMIT ?",
                                     (_expression(words, facet), lo, hi, limit + 1 + len(seen))).fetchall() if cheap
                    else self._first(_MARKED, _expression(words, facet), lo, hi, limit + 1 + len(seen),
                                     cost > HEAVY))
            more = more or len(rest) > limit + len(seen)
            found += [row for row in rest if row[0] not in seen]
        return found, more or len(found) > limit

    def _ranked_heavy(self, kind: str, expr: str, q: Query, phrase: str, limit: int) -> tuple[list[Row], bool]:
        """As _ranked, for words that very many rows hold (10,000x): the title filter would read their doclists
        to the end wherever few titles hold them, so the candidates are the first rows of the kind that hold the
        words anywhere, ordered here (names and titles first). A title match beyond them is not among them."""
        lo, hi = self.ranges[kind]
        typed = {fold(t) for toks, _ in q.words for t in toks}
        rows = sorted(self._first(_HEAVY_ROW, expr, lo, hi, HEAVY_CANDIDATES, True),
                      key=lambda row: score(row, typed, phrase))
        # A title match shows the start of its text, as the title tier's rows do; the others their snippets.
        shown = [(*row[:5], row[10], "", *row[7:10]) if MARK_ON in (row[3] or "") + (row[4] or "") else row[:10]
                 for row in rows[:limit + 1]]
        return shown, len(rows) > limit

    def _first(self, columns: str, expr: str, lo: int, hi: int, n: int, wide: bool) -> list[Row]:
        """The first ``n`` rows of the rowid range [lo, hi] matching ``expr``, in rowid order.

        FTS5 stops at the n-th match; with fewer in the range it reads on to the next match beyond it, as far
        as the end of the words' doclists (the whole index at 10,000x, for words a kind never holds). So where
        the doclists are ``wide`` (very many rows hold the words), a range with fewer rows before it than after
        it is first read backwards for the rowids alone: fewer than n found are every match, and the forward read
        then ends at the last of them; n found means it stops inside the range. The same rows either way."""
        where = "WHERE search MATCH ? AND rowid BETWEEN ? AND ?"
        if wide and lo - 1 < self.total - hi:
            ids = [rowid for (rowid,) in self.con.execute(f"SELECT rowid FROM search {where} ORDER BY rowid DESC "
                                                          "LIMIT ?", (expr, lo, hi, n))]
            if not ids:
                return []
            if len(ids) < n:
                hi, n = ids[0], len(ids)
        return self.con.execute(f"SELECT {columns} FROM search {where} LIMIT ?", (expr, lo, hi, n)).fetchall()

    def _with_brought(self, rows: list[Row], more: bool, people: list[str], facet: str | None, limit: int,
                      phrase: str) -> tuple[list[Row], bool]:
        """Forums named by what was typed ("UN": the United Nations), then the forums the named
        participants take part in, matched in the text or not, then the other matches."""
        lo, hi = self.ranges["forum"]
        expr = "facets : (" + _any("m", people) + (" AND " + facet if facet else "") + ")"
        brought = self._first(_PLAIN, expr, lo, hi, limit + 1, False)  # one participant's forums: a short doclist
        ids = {row[0] for row in brought}
        named = [row for row in rows if name_rank(row, phrase) <= 1]
        matched = [row for row in rows if row[0] in ids and row not in named]
        first = {row[0] for row in named + matched}
        out = named + matched + [row for row in brought if row[0] not in first]
        out += [row for row in rows if row[0] not in ids and row[0] not in first]
        return out, more or len(brought) > limit or len(out) > limit


# -- helpers -----------------------------------------------------------------------------------------
def _name_key(name: str) -> str:
    """A name's tokens, folded as the index folds them, joined by spaces (plain ASCII: lower case, the cheap way)."""
    return " ".join(tokens(name.lower()) if name.isascii() else [fold(t) for t in tokens(name)])


def _next(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\U0010ffff"


def _any(key: str, values: Iterable[str]) -> str:
    tokens_ = [quoted(ix.facet(key, v)) for v in values]
    return tokens_[0] if len(tokens_) == 1 else "(" + " OR ".join(tokens_) + ")"


def _facet_tokens(facets: dict[str, str]) -> list[str]:
    return sorted({m for v in facets.values() for m in re.findall(r'"([^"]*)"', v)})


def _unique_prefix(value: str, choices: Iterable[str]) -> str | None:
    if value in choices:
        return value
    found = [c for c in choices if c.startswith(value)] if len(value) >= 2 else []
    return found[0] if len(found) == 1 else None


def _expression(words: str, facet: str | None, columns: str = "{title aliases body context variants}") -> str:
    parts = [f"{columns} : ({words})"] if words else []
    if facet:
        parts.append(f"facets : ({facet})")
    return " AND ".join(parts)


_searchers: weakref.WeakKeyDictionary[Atlas, Searcher] = weakref.WeakKeyDictionary()


def searcher(atlas: Atlas) -> Searcher:
    """The Searcher for an atlas, made once."""
    s = _searchers.get(atlas)
    if s is None:
        s = _searchers[atlas] = Searcher(atlas)
    return s


def search(atlas: Atlas, text: object, limit: int = 8) -> Results:
    """Search ``atlas`` for ``text`` (words and filters); never raises for any input."""
    return searcher(atlas).search(text, limit)
