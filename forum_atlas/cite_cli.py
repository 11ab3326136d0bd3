"""`forum-atlas cite [RECORD] [--format text|ris|bibtex|csl-json] [--style chicago|apa] [--out FILE]`:
references to the paper, for a reader or a reference manager. Loads no Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("text", "ris", "bibtex", "csl-json")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from model.citation import STYLE_LABELS

    sp = sub.add_parser(
        "cite", help="references to the paper (Chicago or APA), or its records as RIS, BibTeX or CSL-JSON",
        description="With no RECORD: the paper and its three parts (preface, Cossa's part, Fukushima's part). "
                    "With a RECORD (an id, name or acronym, e.g. arf, japan, 'north korea'): the parts of the paper "
                    "that record rests on, with the sections cited.")
    sp.add_argument("record", nargs="?", help="a forum, participant, person or event (id, name or acronym)")
    sp.add_argument("--format", choices=FORMATS, default="text",
                    help="text (formatted references, the default), ris, bibtex or csl-json")
    sp.add_argument("--style", choices=tuple(STYLE_LABELS), default="chicago",
                    help="the style of text references: " + ", ".join(f"{k} ({v})" for k, v in STYLE_LABELS.items()))
    sp.add_argument("--out", type=Path, help="the file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    from forum_atlas.cli import atomic_write
    from model import citation

    try:
        if args.record is None:
            items = citation.records()
            if args.format == "text":
                text = "\n\n".join(r.text for r in citation.references(items, args.style)) + "\n"
            else:
                text = citation.export(args.format, items)
        else:
            found = _record(args)
            if found is None:
                return 1
            text = found
    except citation.CitationError as exc:
        print(f"forum-atlas: {exc}", file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.write(text)
        return 0
    code = atomic_write(args.out, lambda fh: fh.write(text))
    if code == 0:
        print(f"wrote {args.out}", file=sys.stderr)  # standard output stays the document's alone
    return code


def _record(args: argparse.Namespace) -> str | None:
    """The references of one record, or the paper's records it rests on; None (said why) if there is none."""
    from forum_atlas.cli import _open_atlas
    from model import citation, lookup

    atlas = _open_atlas()
    found = lookup.Lookup(atlas).find(args.record)
    if found.choice is None:
        print(f"forum-atlas: {lookup.unknown_message(found, lookup.KINDS)}", file=sys.stderr)
        return None
    if found.ambiguous:
        print(f"forum-atlas: {lookup.ambiguous_message(found)}", file=sys.stderr)
    rid = found.choice.id
    cites = citation.record_citations(atlas, rid)
    if not cites:
        print(f"forum-atlas: {found.choice.describe()} cites no passage of the paper", file=sys.stderr)
        return None
    if args.format == "text":
        return citation.sources(atlas.name_of(rid), cites, args.style).text + "\n"
    wanted = {citation.record_id(c.author) for c in cites}
    return citation.export(args.format, [x for x in citation.records() if x["id"] in wanted])
