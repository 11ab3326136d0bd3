"""`forum-atlas search QUERY [--json]`: the window's search on the command line. Loads no Qt."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.queries import Atlas
    from model.search_results import Results

MAX_LIMIT = 1000


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sp = sub.add_parser("search", help="search the atlas as the window's search box does (exit 1: no matches)",
                        description="Words find names, aliases, places, summaries, claims and quotes (each word "
                                    "also as a prefix; \"quoted words\" as a phrase). Filters: track:2, member:kp "
                                    "or member:DPRK, year:1993..1995, kind:proposal (or a forum or event kind, or "
                                    "forum, event, participant, person, claim, quote), author:fukushima, "
                                    "status:active.")
    sp.add_argument("query", nargs="+", help="words and filters, e.g.  member:kp track:2  or  preventive diplomacy")
    sp.add_argument("--json", action="store_true", help="print the results as one JSON object")
    from forum_atlas.cli import bounded_int

    sp.add_argument("--limit", type=bounded_int(1, MAX_LIMIT), default=8, metavar="N",
                    help=f"hits shown per kind, 1..{MAX_LIMIT} (default 8)")


def run(args: argparse.Namespace) -> int:
    from forum_atlas.cli import _open_atlas
    from model.exit_codes import ExitCode
    from model.search import search
    from model.search_results import MARK_OFF, MARK_ON

    atlas = _open_atlas()
    text = " ".join(args.query)
    results = with_notes(search(atlas, text, limit=args.limit), text, atlas)
    if args.json:
        json.dump(results.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        bold = sys.stdout.isatty()

        def show(text: str) -> str:
            return text.replace(MARK_ON, "\033[1m" if bold else "").replace(MARK_OFF, "\033[0m" if bold else "")

        for group in results.groups:
            print(group.label)
            for hit in group.hits:
                print(f"  {hit.id}  {show(hit.title)}" + (f"  \u00b7 {hit.info}" if hit.info else ""))
                if hit.snippet:
                    print(f"      {show(hit.snippet)}")
                if hit.target != hit.id:
                    print(f"      \u2192 {hit.target}")
            if group.more:
                print(f"  \u2026 more: add kind:{group.kind} to see them")
    for hint in results.hints:
        print(f"forum-atlas: {hint}", file=sys.stderr)
    if not results and not results.hints:
        print("forum-atlas: no matches", file=sys.stderr)
    return ExitCode.OK if results else ExitCode.FAILED


def with_notes(results: Results, text: str, atlas: Atlas) -> Results:
    """The results with a last group, "Your notes": the analyst's notes holding every typed word, as the
    window's search box shows them (read-only: nothing is locked or written). With a team server set
    (FORUM_ATLAS_NOTES_SERVER), the notes are the team's as this computer's replica last had them, and the
    colleagues' come in a group "Team notes", each labelled with its author."""
    from dataclasses import replace

    from model.notes import Note, search_notes, stored_notes
    from model.search_results import Group, Hit
    from model.team_store import replica_notes, server_url

    words = [w for w in text.split() if ":" not in w]  # filters are for the atlas, not for notes
    if not words:
        return results
    query = " ".join(words)
    url = server_url()
    own, team = replica_notes(url) if url else (stored_notes(), [])
    found = [(rid, snip, "your note") for rid, snip in search_notes(own, query)]
    theirs = [(rid, snip, f"{n.display}\u2019s note") for n in team
              for rid, snip in search_notes([Note(n.record, n.text, n.updated)], query)]

    def hits(found_here: list[tuple[str, str, str]]) -> tuple[Hit, ...]:
        return tuple(Hit("note", rid, rid, atlas.name_of(rid) if atlas.kind_of(rid) else rid, snip, info)
                     for rid, snip, info in found_here)

    groups = [Group("note", label, hits(part), False)
              for label, part in (("Your notes", found), ("Team notes", theirs)) if part]
    return replace(results, groups=(*results.groups, *groups)) if groups else results
